"""Crayon hints for training, sampled from the target picture (user-guided colourisation, Zhang et al. 2017).

A child's crayon stroke says "this part is red". Training shows the generator short strokes of the target's
own local colour, kept inside the part of the picture that has that colour, so it learns to carry a hint's
colour over the region it lies in; a good share of examples gets no hint at all, so a theme works without
crayons too. The channels are made by the app's own encoding (generation/sketch_input.hint_channels), so a
generator is trained on what the app feeds it.
"""

import numpy as np

from icanvas_desktop.generation import sketch_input

# Share of training examples with no hint at all: the pictures a child makes without crayons.
NO_HINT_SHARE = 0.5
MAX_STROKES = 4
# A crayon is about 5 % of the sheet wide in the app; training uses 3-6 % so either side of it works.
WIDTH = (0.03, 0.06)
LENGTH = (0.04, 0.15)
# A stroke's pixels whose target colour is further than this (in [0, 1] RGB, Euclidean) from the stroke's
# colour are left out: a stroke that strays over an outline only hints the region it started in.
SAME_COLOUR = 0.12
# Strokes start on paint, not on the child's lines.
LINE = 0.6
# Share of the examples with hints whose picture and hints are turned round the colour wheel together: a
# child's crayons are red, blue or purple whatever the theme's pictures are, and a theme of brown animals
# that only ever saw brown hints paints a purple crayon as a black blotch.
RECOLOUR_SHARE = 0.5


def sample_hints(sketch: np.ndarray, picture: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """(S, S, 1) sketch in [0, 1] and (S, S, 3) picture in [-1, 1] → (S, S, 4) hint channels."""
    size = sketch.shape[0]
    if rng.random() < NO_HINT_SHARE:
        return sketch_input.no_hints(size)
    colours = (picture + 1.0) / 2.0
    open_y, open_x = np.nonzero(sketch[..., 0] > LINE)
    if not len(open_y):
        return sketch_input.no_hints(size)
    # A later stroke over an earlier one leaves its own colour, as a later crayon does in the app.
    colour_layer = np.zeros((size, size, 3), np.float32)
    touched = np.zeros((size, size), bool)
    yy, xx = np.mgrid[0:size, 0:size]
    for _ in range(int(rng.integers(1, MAX_STROKES + 1))):
        start = int(rng.integers(len(open_y)))
        y0, x0 = open_y[start], open_x[start]
        colour = colours[y0, x0]
        angle = rng.uniform(0, np.pi)
        half = rng.uniform(*LENGTH) * size / 2
        dy, dx = np.sin(angle) * half, np.cos(angle) * half
        radius = rng.uniform(*WIDTH) * size / 2
        # Distance of every pixel to the segment (y0 - dy, x0 - dx) .. (y0 + dy, x0 + dx).
        t = np.clip(((yy - y0) * dy + (xx - x0) * dx) / max(dy * dy + dx * dx, 1e-6), -1.0, 1.0)
        near = (yy - y0 - t * dy) ** 2 + (xx - x0 - t * dx) ** 2 <= radius**2
        stroke = near & (np.linalg.norm(colours - colour, axis=-1) <= SAME_COLOUR)
        colour_layer[stroke] = colour
        touched |= stroke
    return sketch_input.hint_channels(colour_layer, touched)


def recoloured(picture: np.ndarray, hints: np.ndarray,
               rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    """The picture ([-1, 1]) and its hints with every hue turned by one random angle, in RECOLOUR_SHARE of the
    calls (else both as they are). Greys, the white paper and the black lines have no hue and stay."""
    if not hints[..., 3].any() or rng.random() >= RECOLOUR_SHARE:
        return picture, hints
    turn = rng.uniform(0.1, 0.9)
    picture = _turn_hue((picture + 1.0) / 2.0, turn) * 2.0 - 1.0
    turned = sketch_input.hint_channels(_turn_hue(hints[..., :3], turn), hints[..., 3] > 0)
    return picture.astype(np.float32), turned


def _turn_hue(rgb: np.ndarray, turn: float) -> np.ndarray:
    from skimage.color import hsv2rgb, rgb2hsv

    hsv = rgb2hsv(np.clip(rgb, 0.0, 1.0))
    hsv[..., 0] = (hsv[..., 0] + turn) % 1.0
    return hsv2rgb(hsv).astype(np.float32)
