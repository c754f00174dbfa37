"""Another colouring of the same drawing (the dice): each region takes a seeded choice among colours that
fit it, never an arbitrary hue.

A region's choices are its colour in the usual colouring (the template's for the thing drawn, or the
theme's), the theme's own colour where that is of the same family (colour_prior.close), a colour of a second
family where the colourer finds it nearly as likely (an apple green as well as red), and neighbours of
them in their family: lighter and darker, a little more or less vivid, the hue turned a few degrees. Regions
of one colour take one choice, so that two eyes or four wheels stay alike. The same seed gives the same
colours, so a creation's colouring is made again from the seed kept with it; seed 0 is the usual colouring.
Crayoned regions and the paper are not touched (the clean look decides them, as before).

NumPy only, like the clean look.
"""

import numpy as np

from icanvas_desktop.generation.colour_families import lab_to_rgb, rgb_to_lab
from icanvas_desktop.generation.colour_prior import close

# The neighbours tried around a colour: lightness steps (CIELAB L), chroma factors, hue turns (degrees).
# All well inside colour_prior.close's nearness (lightness within 30, hue within 15°), and each is checked
# against it after rounding to sRGB, so none leaves the colour's family.
# Small enough that a yellow stays a yellow a child would pick, not a khaki: a roll changes the mood, not
# what the thing is.
LIGHTNESS_STEPS = (-12.0, -6.0, 0.0, 6.0, 12.0)
CHROMA_FACTORS = (0.9, 1.0, 1.15)
HUE_TURNS = (-6.0, 0.0, 6.0)


def another_colouring(colours: np.ndarray, seed: int, theme: np.ndarray | None = None,
                      keep: np.ndarray | None = None,
                      also: tuple[np.ndarray, np.ndarray] | None = None) -> np.ndarray:
    """`colours` ((count + 1, 3) uint8, each region's in the usual colouring) in the colouring `seed`
    picks; `theme` (the same shape) the theme's own colours before any prior, offered too where they are of
    a region's family; `also`, colours of another family that fit some regions as well (the colourer's
    `other_choices`: colours, and whether each region has one), offered with their neighbours; regions where
    `keep` is True stay as they are. Seed 0: `colours` as they are."""
    out = np.array(colours, np.uint8, copy=True)
    if seed == 0 or len(out) == 0:
        return out
    change = np.ones(len(out), bool) if keep is None else ~np.asarray(keep, bool)
    change[0] = False  # the lines
    if not change.any():
        return out
    # One choice per colour, the colours in a fixed (sorted) order, so that the seed alone decides it.
    bases, inverse = np.unique(out[change], axis=0, return_inverse=True)
    inverse = inverse.reshape(-1)
    sources, owners = [bases], [np.arange(len(bases))]
    if theme is not None:
        pairs = np.unique(np.column_stack([inverse, np.asarray(theme, np.uint8)[change]]), axis=0)
        owner, own = pairs[:, 0], pairs[:, 1:].astype(np.uint8)
        offered = close(own, bases[owner]) & (own != bases[owner]).any(axis=1)
        sources.append(own[offered])
        owners.append(owner[offered])
    if also is not None:
        others, has = np.asarray(also[0], np.uint8), np.asarray(also[1], bool)
        pairs = np.unique(np.column_stack([inverse, others[change]])[has[change]], axis=0)
        sources.append(pairs[:, 1:].astype(np.uint8))
        owners.append(pairs[:, 0])
    candidates, valid = neighbours(np.concatenate(sources))
    owner_of = np.repeat(np.concatenate(owners), valid.sum(axis=1))
    pool = candidates[valid]
    order = np.argsort(owner_of, kind="stable")
    pool, owner_of = pool[order], owner_of[order]
    counts = np.bincount(owner_of, minlength=len(bases))
    picks = np.cumsum(counts) - counts + (np.random.default_rng(seed).random(len(bases)) * counts).astype(int)
    out[change] = pool[picks][inverse]
    return out


def neighbours(colours: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """For sRGB colours (k, 3) uint8: (k, n, 3) uint8 candidates around each (lighter, darker, more or less
    vivid, the hue turned a little; the colour itself among them) and (k, n) whether each is one to offer:
    inside sRGB and still `close` to its colour once rounded."""
    colours = np.asarray(colours, np.uint8).reshape(-1, 3)
    lab = rgb_to_lab(colours)[:, None, :]
    chroma, hue = np.hypot(lab[..., 1], lab[..., 2]), np.arctan2(lab[..., 2], lab[..., 1])
    l_step, c_factor, turn = (g.reshape(1, -1) for g in np.meshgrid(
        LIGHTNESS_STEPS, CHROMA_FACTORS, np.radians(HUE_TURNS), indexing="ij"))
    light = np.clip(lab[..., 0] + l_step, 8.0, 97.0)
    c, h = chroma * c_factor, hue + turn
    rgb, valid = lab_to_rgb(np.stack([light, c * np.cos(h), c * np.sin(h)], axis=-1))
    valid &= close(rgb, colours[:, None, :])
    # The colour itself first, exactly as it was (its own round trip may be a level off).
    return (np.concatenate([colours[:, None, :], rgb], axis=1),
            np.concatenate([np.ones((len(colours), 1), bool), valid], axis=1))
