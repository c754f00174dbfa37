"""Making extracted sketches look hand-drawn, to close the gap between training and use.

The generator learns from sketches that `edges` extracts, which are clean and exact, but a child's
lines wobble, break, overshoot, change width and leave out most of the detail. Trained only on
clean sketches, pix2pix copes badly with such drawings (the "distribution mismatch"), so every
training sketch is drawn anew, randomly, in a child's hand.

All sizes are given for a 256 px picture and scaled with the picture; the pen width is in pixels of
the picture itself. Every random choice comes from the `rng` passed in, so a seed gives one drawing.
"""

from __future__ import annotations

import numpy as np
from scipy import ndimage as ndi
from skimage.draw import line as draw_line
from skimage.morphology import skeletonize

from icanvas_desktop.trainer.data.edges import LineLayers, pen_ink, size_scale

# Wobble: a smooth displacement field with about this many bumps across the picture, moving lines
# by at most this many px (drawn per call between the two bounds).
_WOBBLE_CELLS = 4
_WOBBLE_PX = (1.5, 4.0)
# A waver along the lines on top (a shaky hand), smaller.
_TREMOR_CELLS = 10
_TREMOR_PX = (0.4, 1.3)
# Interior lines are drawn in a second pass and land a little off the outline.
_LAYER_OFFSET_PX = 2.0
# Pen: one width per drawing (factor range) that also swells and thins along the lines.
_PEN_FACTOR = (0.7, 1.4)
_PEN_SWELL = 0.3
_PEN_CELLS = 3
_MIN_PEN_PX = 1.0
# Breaks: with this chance, about one short gap per this many px of line.
_BREAK_CHANCE = 0.6
_PX_PER_BREAK = 150.0
_BREAK_PX = (1.0, 3.0)
# Detail: each interior line is left out with a chance drawn per drawing up to this; sometimes all.
_MAX_DROP_SHARE = 0.6
_DROP_ALL_CHANCE = 0.15
# Slips of the pen: an overshoot along a line or a small stray stroke.
_SLIP_CHANCE = 0.4
_SLIP_PX = (4.0, 12.0)
# Direction of a line at a pixel is taken from its pixels within this radius.
_TANGENT_RADIUS = 4


def handdrawn_sketch(
    layers: LineLayers, rng: np.random.Generator, pen_width: float, strength: float = 1.0
) -> np.ndarray:
    """Draw the layers as a child might: float32 H x W, white 1, ink 0.

    `strength` 0 gives exactly `draw_line_layers`'s clean drawing, 1 the intended amount of
    clumsiness, more exaggerates it.
    """
    # With no outline (a photo), the interior lines are the whole drawing; never lose them all.
    return _draw(layers, rng, pen_width, strength, may_drop_all=bool(layers.outline.any()))


def augment_given_sketch(sketch: np.ndarray, rng: np.random.Generator, strength: float = 1.0) -> np.ndarray:
    """Wobble, break and re-pen an existing sketch (float32 H x W, white 1, ink 0), such as an A|B pair's
    A."""
    sketch = np.asarray(sketch, dtype=np.float32)
    lines = sketch < 0.5
    skeleton = skeletonize(lines)
    if not skeleton.any():
        return sketch.copy()
    # A line's area over its length is its width.
    pen_width = float(np.clip(lines.sum() / skeleton.sum(), _MIN_PEN_PX, 8.0 * size_scale(sketch.shape)))
    layers = LineLayers(outline=np.zeros_like(skeleton), interior=skeleton)
    return _draw(layers, rng, pen_width, strength, may_drop_all=False)


def _draw(
    layers: LineLayers, rng: np.random.Generator, pen_width: float, strength: float, *, may_drop_all: bool
) -> np.ndarray:
    shape = layers.outline.shape
    scale = size_scale(shape)
    interior = _leave_out_detail(layers.interior, rng, strength, may_drop_all)
    outline = layers.outline.copy()
    if rng.random() < _SLIP_CHANCE * min(strength, 1.0):
        target = outline if outline.any() else interior
        _add_slip(target, outline | interior, rng, scale)
    if rng.random() < _BREAK_CHANCE * min(strength, 1.0):
        outline = _break_lines(outline, rng, pen_width, scale, strength)
        interior = _break_lines(interior, rng, pen_width, scale, strength)
    width = _pen_width_field(shape, rng, pen_width, strength)
    ink = _wobbled(pen_ink(outline, width), rng, scale, strength, offset=0.0)
    ink = np.maximum(ink, _wobbled(pen_ink(interior, width), rng, scale, strength, offset=_LAYER_OFFSET_PX))
    return (1.0 - ink).astype(np.float32)


def _leave_out_detail(
    interior: np.ndarray, rng: np.random.Generator, strength: float, may_drop_all: bool
) -> np.ndarray:
    labels, count = ndi.label(interior, structure=np.ones((3, 3), bool))
    if count == 0:
        return interior.copy()
    if may_drop_all and rng.random() < _DROP_ALL_CHANCE * min(strength, 1.0):
        return np.zeros_like(interior)
    share = rng.uniform(0.0, _MAX_DROP_SHARE) * min(strength, 1.0)
    keep = np.concatenate([[False], rng.random(count) >= share])
    if not may_drop_all:
        # Without an outline layer the longest line is most likely the outline: always draw it.
        sizes = np.bincount(labels.ravel())
        sizes[0] = 0
        keep[np.argmax(sizes)] = True
    return keep[labels]


def _add_slip(target: np.ndarray, lines: np.ndarray, rng: np.random.Generator, scale: float) -> None:
    """Draw into `target` a short straight stroke from a point of `lines`: along it (overshoot) or astray."""
    ys, xs = np.nonzero(target)
    if len(ys) == 0:
        return
    pick = rng.integers(len(ys))
    y, x = int(ys[pick]), int(xs[pick])
    overshoot = rng.random() < 0.5
    if overshoot:
        direction = _tangent(lines, y, x)
    else:
        angle = rng.uniform(0.0, 2.0 * np.pi)
        direction = np.array([np.sin(angle), np.cos(angle)])
    length = rng.uniform(*_SLIP_PX) * scale * (1.0 if rng.random() < 0.5 else -1.0)
    end_y = int(np.clip(round(y + direction[0] * length), 0, target.shape[0] - 1))
    end_x = int(np.clip(round(x + direction[1] * length), 0, target.shape[1] - 1))
    rows, cols = draw_line(y, x, end_y, end_x)
    target[rows, cols] = True


def _tangent(lines: np.ndarray, y: int, x: int) -> np.ndarray:
    """Unit direction (dy, dx) of the line through (y, x), from the principal axis of its nearby pixels."""
    r = _TANGENT_RADIUS
    window = lines[max(0, y - r) : y + r + 1, max(0, x - r) : x + r + 1]
    points = np.argwhere(window).astype(np.float64)
    if len(points) < 2:
        return np.array([0.0, 1.0])
    points -= points.mean(axis=0)
    _, vectors = np.linalg.eigh(points.T @ points)
    return vectors[:, -1]


def _break_lines(
    lines: np.ndarray, rng: np.random.Generator, pen_width: float, scale: float, strength: float
) -> np.ndarray:
    ys, xs = np.nonzero(lines)
    count = rng.poisson(strength * len(ys) / (_PX_PER_BREAK * scale))
    if count == 0:
        return lines.copy()
    picks = rng.integers(len(ys), size=count)
    # The pen fills half its width back into a gap from each side, so gaps start beyond that.
    radii = pen_width / 2.0 + rng.uniform(*_BREAK_PX, size=count) * scale
    gaps = np.zeros(lines.shape, bool)
    gaps[ys[picks], xs[picks]] = True
    near = ndi.distance_transform_edt(~gaps, return_indices=True)
    distance, (iy, ix) = near
    radius_here = np.zeros(lines.shape)
    radius_here[ys[picks], xs[picks]] = radii
    return lines & (distance > radius_here[iy, ix])


def _pen_width_field(
    shape: tuple[int, ...], rng: np.random.Generator, pen_width: float, strength: float
) -> np.ndarray:
    factor = np.exp(rng.uniform(*np.log(_PEN_FACTOR)) * strength)
    swell = np.exp(_PEN_SWELL * strength * _smooth_noise(shape, rng, _PEN_CELLS))
    return np.maximum(pen_width * factor * swell, _MIN_PEN_PX)


def _wobbled(
    ink: np.ndarray, rng: np.random.Generator, scale: float, strength: float, *, offset: float
) -> np.ndarray:
    """`ink` moved by a smooth random displacement field, plus a random shift up to `offset` px."""
    shape = ink.shape
    amplitude = rng.uniform(*_WOBBLE_PX) * scale * strength
    tremor = rng.uniform(*_TREMOR_PX) * scale * strength
    shift = rng.uniform(-offset, offset, size=2) * scale * strength
    rows, cols = np.mgrid[0 : shape[0], 0 : shape[1]].astype(np.float32)
    for axis, grid in enumerate((rows, cols)):
        grid += shift[axis]
        grid += amplitude * _smooth_noise(shape, rng, _WOBBLE_CELLS)
        grid += tremor * _smooth_noise(shape, rng, _TREMOR_CELLS)
    return ndi.map_coordinates(ink, [rows, cols], order=1, mode="constant", cval=0.0).astype(np.float32)


def _smooth_noise(shape: tuple[int, ...], rng: np.random.Generator, cells: int) -> np.ndarray:
    """Smooth random field over `shape` with about `cells` bumps per side, scaled to peak at +-1."""
    grid = rng.standard_normal((cells + 3, cells + 3))
    rows = np.linspace(1.0, cells + 1.0, shape[0])
    cols = np.linspace(1.0, cells + 1.0, shape[1])
    field = ndi.map_coordinates(grid, np.meshgrid(rows, cols, indexing="ij"), order=3, mode="reflect")
    peak = np.abs(field).max()
    return field / peak if peak > 0 else field
