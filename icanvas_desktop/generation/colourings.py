"""Another colouring of the same drawing (the dice): each region takes a seeded choice among colours that
fit it, never an arbitrary hue.

A region's choices are its colour in the usual colouring (the template's for the thing drawn, or the
theme's), the theme's own colour where that is of the same family (colour_prior.close), and neighbours of
them in that family: lighter and darker, a little more or less vivid, the hue turned a few degrees. Regions
of one colour take one choice, so that two eyes or four wheels stay alike. The same seed gives the same
colours, so a creation's colouring is made again from the seed kept with it; seed 0 is the usual colouring.
Crayoned regions and the paper are not touched (the clean look decides them, as before).

NumPy only, like the clean look.
"""

import numpy as np

from icanvas_desktop.generation.colour_prior import close, lab_to_rgb, rgb_to_lab

# The neighbours tried around a colour: lightness steps (CIELAB L), chroma factors, hue turns (degrees).
# All well inside colour_prior.close (lightness within 30, hue within 15°), and each is checked against it
# after rounding to sRGB, so none leaves the colour's family.
LIGHTNESS_STEPS = (-16.0, -8.0, 0.0, 8.0, 16.0)
CHROMA_FACTORS = (0.8, 1.0, 1.2)
HUE_TURNS = (-6.0, 0.0, 6.0)


def another_colouring(colours: np.ndarray, seed: int, theme: np.ndarray | None = None,
                      keep: np.ndarray | None = None) -> np.ndarray:
    """`colours` ((count + 1, 3) uint8, each region's in the usual colouring) in the colouring `seed`
    picks; `theme` (the same shape) the theme's own colours before any prior, offered too where they are of
    a region's family; regions where `keep` is True stay as they are. Seed 0: `colours` as they are."""
    out = np.array(colours, np.uint8, copy=True)
    if seed == 0 or len(out) == 0:
        return out
    change = np.ones(len(out), bool) if keep is None else ~np.asarray(keep, bool)
    change[0] = False  # the lines
    rng = np.random.default_rng(seed)
    # One choice per colour, in a fixed order (sorted colours), so that the seed alone decides it.
    bases, inverse = np.unique(out[change], axis=0, return_inverse=True)
    chosen = np.empty_like(bases)
    for i, base in enumerate(bases):
        offered = [base]
        if theme is not None:
            own = np.unique(np.asarray(theme, np.uint8)[change][inverse.reshape(-1) == i], axis=0)
            offered += [c for c in own if close(c, base) and not np.array_equal(c, base)]
        candidates = np.unique(np.concatenate([neighbours(c) for c in offered]), axis=0)
        chosen[i] = candidates[rng.integers(len(candidates))]
    out[change] = chosen[inverse.reshape(-1)]
    return out


def neighbours(colour: np.ndarray) -> np.ndarray:
    """(k, 3) uint8: `colour` and its neighbours in its family (lighter, darker, more or less vivid, the
    hue turned a little), each still `close` to it once in sRGB."""
    lab = rgb_to_lab(np.asarray(colour, np.uint8))
    chroma, hue = np.hypot(lab[1], lab[2]), np.arctan2(lab[2], lab[1])
    l_step, c_factor, turn = np.meshgrid(LIGHTNESS_STEPS, CHROMA_FACTORS, np.radians(HUE_TURNS),
                                         indexing="ij")
    light = np.clip(lab[0] + l_step, 8.0, 97.0)
    c, h = chroma * c_factor, hue + turn
    labs = np.stack([light, c * np.cos(h), c * np.sin(h)], axis=-1).reshape(-1, 3)
    rgb, in_gamut = lab_to_rgb(labs)
    rgb = rgb[in_gamut & close(rgb, np.asarray(colour, np.uint8))]
    return np.unique(np.concatenate([np.asarray(colour, np.uint8)[None], rgb]), axis=0)

