"""The main colour of a training picture, so that a theme's training can draw every colour as often as any
other: OpenMoji colours a third of its drawings yellow, and a generator that sees yellow most paints
everything yellow."""

import numpy as np
from skimage.color import rgb2hsv

# Hue families, by the hue (degrees) where each begins; red wraps round past 345.
FAMILIES = (("red", 0), ("orange", 15), ("yellow", 40), ("green", 70), ("blue", 165), ("purple", 255),
            ("red", 345))
# A pixel is coloured when it is this saturated and this bright (HSV, 0-1): outlines, paper, greys are not.
MIN_SATURATION = 0.35
MIN_VALUE = 0.3
# A picture with fewer coloured pixels than this share of its drawing is grey (a black-and-white drawing,
# a silver car).
MIN_COLOURED = 0.1
GREY = "grey"


def main_colour(rgb: np.ndarray) -> str:
    """The hue family that covers most of the coloured pixels of `rgb` ((H, W, 3) uint8), or GREY."""
    rgb = np.asarray(rgb)
    hsv = rgb2hsv(rgb).reshape(-1, 3)
    drawn = rgb.reshape(-1, 3).min(axis=1) < 0.95 * 255  # the paper is left out of the share
    coloured = (hsv[:, 2] >= MIN_VALUE) & (hsv[:, 1] >= MIN_SATURATION)
    if coloured.sum() < MIN_COLOURED * max(int(drawn.sum()), 1):
        return GREY
    starts = np.array([start for _, start in FAMILIES])
    family = np.searchsorted(starts, hsv[coloured, 0] * 360, side="right") - 1
    counts = np.bincount(family, minlength=len(FAMILIES))
    by_name: dict[str, int] = {}
    for (name, _), count in zip(FAMILIES, counts, strict=True):
        by_name[name] = by_name.get(name, 0) + int(count)
    return max(by_name, key=by_name.get)
