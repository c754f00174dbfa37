"""The main colour of a training picture, so that a theme's training can draw every colour as often as any
other: OpenMoji colours a third of its drawings yellow, and a generator that sees yellow most paints
everything yellow.

The families are the app's own (generation/colour_families.py). A training picture has no regions of its
own, so the outline (black) and the paper (white) are left out by their family instead.
"""

import numpy as np

from icanvas_desktop.generation.colour_families import BLACK, FAMILIES, WHITE, families_of

GREY = "grey"


def main_colour(rgb: np.ndarray) -> str:
    """The family covering most of the pixels of `rgb` ((H, W, 3) uint8) that are neither outline nor paper;
    GREY when there are none (a black-and-white drawing)."""
    counts = np.bincount(families_of(np.asarray(rgb)[..., :3]).ravel(), minlength=len(FAMILIES))
    counts[[BLACK, WHITE]] = 0
    return FAMILIES[int(np.argmax(counts))] if counts.any() else GREY
