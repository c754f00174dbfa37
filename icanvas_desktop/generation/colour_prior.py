"""Colours that fit what was drawn: each region of the clean look takes the artist's colour for the thing
the recogniser guessed, unless the theme's colour is already of that kind.

The guessed thing's template is an artist's colouring of it (OpenMoji), transparent around the drawing. The
drawing's extent (its lines' bounding box) is laid over the template's, stretched on each axis, so a wide
apple meets a round one; each region then looks at the template pixels under it and takes the colour that
covers most of them, the template's black lines and the paper around it left out; the drawing's largest
shape, its body, takes the template's main colour when too little of it lies on the template. A region
keeps the theme's colour when it is of the template colour's kind (the same colour family, what a person
would call it, and near in hue and lightness): a dark red apple from a theme stays the theme's dark red, a
purple apple becomes the artist's red, and a brown pumpkin the artist's orange.
Crayoned regions and the paper are not touched here: the clean look decides them afterwards, as before.

NumPy only, like the clean look.
"""

import numpy as np

from icanvas_desktop.generation.clean_look import Regions
from icanvas_desktop.generation.colour_families import (
    BLACK,
    GREY,
    WHITE,
    families_of,
    families_of_lab,
    rgb_to_lab,
)

# Template pixels at least this opaque are the drawing; darker than this luma (0-255) they are its lines.
OPAQUE = 128
LINE_LUMA = 70
# Template colours are counted in bins of this many levels per channel (OpenMoji's colours are flat, its
# anti-aliased edges are few and fall in other bins).
BIN = 16
# A region takes a template colour only when at least this share of its sampled pixels lie on coloured
# template (not on its lines or outside it): a region outside the thing, or on a line, keeps its colour.
MIN_COVER = 0.3
# Near in hue and lightness (`close`): both with hue (CIELAB chroma at least GREY_CHROMA) and hue angles
# within HUE_DEGREES and lightness within LIGHTNESS; or both without hue and lightness within LIGHTNESS.
# Yellow (CIELAB hue 94°) and a lime green (115°) are apart; a red (35°) and a dark red (40°) are near.
GREY_CHROMA = 12.0
HUE_DEGREES = 15.0
LIGHTNESS = 30.0
LUMA = np.array([0.299, 0.587, 0.114])
STEP = 2


def template_colours(regions: Regions, template: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Each region's template colour ((count + 1, 3) uint8) and whether it has one ((count + 1,) bool).

    The template or its mirror image, whichever the regions lie on more: children draw a crescent moon or a
    whale facing either way."""
    plain, mirrored = _template_colours(regions, template), _template_colours(regions, template[:, ::-1])
    colours, found = (plain if plain[2] >= mirrored[2] else mirrored)[:2]
    # The largest shape is the thing's body (a whale's, a penguin's): where the stretched template misses it,
    # a child's proportions being another artist's, it takes the template's main colour; and where it lies
    # on a white, grey or black part of a thing whose main colour has a hue: a fire truck drawn as one box
    # over the artist's grey ladder panel is a red truck, not a grey one.
    sizes = np.bincount(regions.labels[regions.sample], minlength=regions.count + 1)
    sizes[0] = 0
    sizes[regions.at_edge] = 0
    body = int(np.argmax(sizes))
    if sizes[body]:
        main = main_colour(template)
        if main is not None and (not found[body] or (_hueless(colours[body]) and not _hueless(main))):
            colours[body], found[body] = main, True
    return colours, found


def _hueless(rgb: np.ndarray) -> bool:
    return int(families_of(rgb)) in (WHITE, GREY, BLACK)


def main_colour(template: np.ndarray) -> np.ndarray | None:
    """(3,) uint8: the colour covering most of the template's coloured pixels (lines left out), or None."""
    pixels = template[is_coloured(template)][:, :3]
    if len(pixels) == 0:
        return None
    code = _bin_codes(pixels)
    best = np.bincount(code).argmax()
    return np.round(pixels[code == best].mean(axis=0)).astype(np.uint8)


def is_coloured(rgba: np.ndarray) -> np.ndarray:
    """Which template pixels ((..., 4) uint8) are the drawing's colours: opaque, and not its dark lines."""
    return (rgba[..., 3] >= OPAQUE) & (rgba[..., :3] @ LUMA >= LINE_LUMA)


def _bin_codes(rgb: np.ndarray) -> np.ndarray:
    """(N,) int64: each (N, 3) colour's bin of BIN levels a channel, as one number below 4096."""
    bins = rgb.astype(np.int64) // BIN
    return bins[:, 0] * 256 + bins[:, 1] * 16 + bins[:, 2]


def _template_colours(regions: Regions, template: np.ndarray) -> tuple[np.ndarray, np.ndarray, int]:
    """template_colours for the template as it is, and how many sampled pixels lie on its colours."""
    n = regions.count
    colours = np.zeros((n + 1, 3), np.uint8)
    found = np.zeros(n + 1, bool)
    drawn = regions.ink >= 128
    rows, columns = np.flatnonzero(drawn.any(axis=1)), np.flatnonzero(drawn.any(axis=0))
    opaque = template[..., 3] >= OPAQUE
    t_rows, t_columns = np.flatnonzero(opaque.any(axis=1)), np.flatnonzero(opaque.any(axis=0))
    if n == 0 or len(rows) < 2 or len(columns) < 2 or len(t_rows) < 2:
        return colours, found, 0
    # Where each pixel of the sheet falls on the template, the drawing's extent stretched onto the template's.
    y = _stretch(np.arange(regions.labels.shape[0]), rows, t_rows, template.shape[0])
    x = _stretch(np.arange(regions.labels.shape[1]), columns, t_columns, template.shape[1])
    # Every other pixel each way: a quarter of the work, and regions too small for it take no prior anyway.
    where = regions.sample[::STEP, ::STEP] & (regions.labels[::STEP, ::STEP] > 0)
    ys, xs = np.nonzero(where)
    ys *= STEP
    xs *= STEP
    label = regions.labels[ys, xs]
    under = template[y[ys], x[xs]]
    coloured = is_coloured(under)
    if not coloured.any():
        return colours, found, 0
    sampled = np.bincount(label, minlength=n + 1)
    cover = np.bincount(label[coloured], minlength=n + 1)
    code = _bin_codes(under[coloured, :3])
    # The most common bin per region: sort by (region, bin), count runs, keep each region's longest.
    key = label[coloured].astype(np.int64) * 4096 + code
    unique, counts = np.unique(key, return_counts=True)
    regions_of = unique // 4096
    order = np.lexsort((-counts, regions_of))
    first = order[np.concatenate([[True], np.diff(regions_of[order]) != 0])]
    best = np.full(n + 1, -1, np.int64)
    best[regions_of[first]] = unique[first] % 4096
    found = (cover >= MIN_COVER * np.maximum(sampled, 1)) & (best >= 0)
    found[0] = False
    # The bin's mean colour under the region: the artist's flat colour itself, not a bin's centre.
    in_best = best[label[coloured]] == code
    chosen = label[coloured][in_best]
    sums = np.stack([np.bincount(chosen, under[coloured][in_best, c], minlength=n + 1) for c in range(3)], 1)
    counted = np.bincount(chosen, minlength=n + 1)
    colours[found] = np.round(sums[found] / counted[found, None]).astype(np.uint8)
    return colours, found, int(cover.sum())


def _stretch(at: np.ndarray, drawn: np.ndarray, template: np.ndarray, side: int) -> np.ndarray:
    low, high = drawn[0], drawn[-1]
    t_low, t_high = template[0], template[-1]
    mapped = t_low + (at - low) * (t_high - t_low) / max(high - low, 1)
    return np.clip(np.round(mapped), 0, side - 1).astype(np.intp)


def apply_prior(regions: Regions, colours: np.ndarray, template: np.ndarray,
                keep: np.ndarray | None = None) -> np.ndarray:
    """`colours` ((count + 1, 3) uint8, the theme's per region) with each region whose colour is not
    close to the template's under it given the template's; regions where `keep` is True stay as they are."""
    prior, found = template_colours(regions, template)
    change = found & ~close(colours, prior)
    if keep is not None:
        change &= ~keep
    out = colours.copy()
    out[change] = prior[change]
    return out


def close(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Whether sRGB colours (..., 3) uint8 are of one kind: of one colour family (colour_families.FAMILIES,
    what a person would call them), and near in hue and lightness (both with hue, hue angles within
    HUE_DEGREES and lightness within LIGHTNESS, or both without hue and lightness within LIGHTNESS).
    Nearness alone was not enough: a pumpkin's brown sides are within 15° of its orange and were kept, a
    brown pumpkin (docs/themes/colour-sense.md, round 7); the family alone calls a lime yellow."""
    lab_a, lab_b = rgb_to_lab(a), rgb_to_lab(b)
    chroma_a, chroma_b = np.hypot(lab_a[..., 1], lab_a[..., 2]), np.hypot(lab_b[..., 1], lab_b[..., 2])
    hue_a = np.degrees(np.arctan2(lab_a[..., 2], lab_a[..., 1]))
    hue_b = np.degrees(np.arctan2(lab_b[..., 2], lab_b[..., 1]))
    apart = np.abs((hue_a - hue_b + 180) % 360 - 180)
    near_light = np.abs(lab_a[..., 0] - lab_b[..., 0]) <= LIGHTNESS
    hued = (chroma_a >= GREY_CHROMA) & (chroma_b >= GREY_CHROMA)
    grey = (chroma_a < GREY_CHROMA) & (chroma_b < GREY_CHROMA)
    near = near_light & (grey | (hued & (apart <= HUE_DEGREES)))
    return near & (families_of_lab(lab_a) == families_of_lab(lab_b))
