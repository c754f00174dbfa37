"""Closing the gaps a child leaves in outlines, from the loose ends of the strokes.

After Fourey, Tschumperlé & Revoy 2018 ("A Fast and Efficient Semi-guided Algorithm for Flat Coloring
Line-arts", GIMP's "fill by line art detection"): the lines are thinned to their skeleton, whose end pixels
are the strokes' loose ends; each end's direction comes from the few pixels of skeleton behind it. Two ends
are joined by a smooth curve (a cubic Hermite spline leaving each along its own direction) where they face
each other, close for the size of the strokes they end; an end that faces no other end is joined by a
straight segment to a line it points at, close by. The joins only bound regions: they are never drawn as
ink, so the child's picture keeps its lines as drawn.

What this does not join, on purpose: ends that point away from each other (a smile, a "U", the two ends of
a stem), ends far apart for the size of their strokes (a "C" left wide open), and closed shapes, which
have no loose ends at all however close together the child drew them.

NumPy only, like the rest of the clean look; about a millisecond at 256² for a child's drawing.
"""

from collections.abc import Callable

import numpy as np

# Two ends facing each other are joined across paper up to this share of the size (the longer side of the
# bounding box) of the strokes they end: a gap of 12 % of a shape's width is about 0.12 of its size.
END_TO_END = 0.16
# An end joins a line it points at up to this share of its own stroke's size,
END_TO_LINE = 0.1
# and never further than this share of the sheet's width: a child's roof that stops short of the wall is
# closer, a leaf pointing at the next one in a drawn bush often further.
LONGEST_SEGMENT = 0.05
# Two ends are never joined across more paper than this share of the sheet's width,
LONGEST = 0.1
# and their skeletons' ends are at most this much further apart (the ink of the strokes' round ends).
PEN_ROOM = 0.06
# An end's direction may turn at most this far (degrees) from the straight join for the join to be taken:
# a gap across a square's corner turns 45°, a semicircle's ends 90°.
TURN = 60.0
# How far back along its skeleton (a share of the sheet's width) an end's direction is measured.
BACK = 0.04
# Thinning stops after this many rounds: thicker line (a silhouette, shading) has no loose ends worth
# joining, and would cost a round per pixel of its half-width.
ROUNDS = 6

# The 8 neighbours in the order Zhang & Suen number them (P2..P9: north, then clockwise), as (row, column).
_AROUND = ((-1, 0), (-1, 1), (0, 1), (1, 1), (1, 0), (1, -1), (0, -1), (-1, -1))


def _tables() -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Zhang-Suen's two deletion rules, the number of set neighbours and the number of 0→1 steps around a
    pixel, each looked up by its neighbourhood code (bit k set where neighbour P(k+2) is)."""
    codes = np.arange(256)
    bits = (codes[:, None] >> np.arange(8)) & 1
    count = bits.sum(axis=1)
    steps = ((bits == 0) & (np.roll(bits, -1, axis=1) == 1)).sum(axis=1)
    p2, p4, p6, p8 = bits[:, 0], bits[:, 2], bits[:, 4], bits[:, 6]
    base = (count >= 2) & (count <= 6) & (steps == 1)
    first = base & (p2 * p4 * p6 == 0) & (p4 * p6 * p8 == 0)
    second = base & (p2 * p4 * p8 == 0) & (p2 * p6 * p8 == 0)
    return first, second, count, steps


_FIRST, _SECOND, _COUNT, _STEPS = _tables()


def gap_lines(line: np.ndarray, components: Callable[[np.ndarray], tuple[np.ndarray, int]]) -> np.ndarray:
    """(H, W) bool: the joins that close the gaps between the loose ends of the strokes in the (H, W) bool
    `line` mask, off the line itself. `components` labels the 4-connected pieces of a mask whose last
    column is clear (clean_look's, which are fast)."""
    width = line.shape[1]
    joins = np.zeros(line.shape, bool)
    rows, columns = np.flatnonzero(line.any(axis=1)), np.flatnonzero(line.any(axis=0))
    if len(rows) == 0:
        return joins
    # Everything happens in the lines' bounding box, with a frame of one pixel for the neighbourhoods.
    top, left = rows[0], columns[0]
    box = np.zeros((rows[-1] - top + 3, columns[-1] - left + 3), bool)
    box[1:-1, 1:-1] = line[top:rows[-1] + 1, left:columns[-1] + 1]
    stride = box.shape[1]
    skeleton, pixels, code = _thin(box)
    ends = pixels[(_STEPS[code] == 1) & (_COUNT[code] <= 2)]
    if len(ends) == 0:
        return joins
    trail, reached = _walk(skeleton, stride, ends, max(3, round(BACK * width)))
    usable = reached >= 3
    ends, trail = ends[usable], trail[usable]
    if len(ends) == 0:
        return joins
    # Each end's size is its piece's: the skeleton's pixels are enough to measure it.
    pieces = components(np.pad(box, ((0, 0), (0, 1))))[0].ravel()
    sizes = _sizes(pixels, pieces[pixels + pixels // stride], stride)
    size = sizes[pieces[ends + ends // stride]]
    ends, trail = np.stack(np.divmod(ends, stride), axis=1), np.stack(np.divmod(trail, stride), axis=1)
    direction = ends - trail
    direction = direction / np.hypot(*direction.T)[:, None]
    paired = np.zeros(len(ends), bool)
    for a, b, curve in _pairs(box, ends, direction, size, LONGEST * width, PEN_ROOM * width):
        paired[a] = paired[b] = True
        _draw(joins, curve + (top - 1, left - 1))
    reach = LONGEST_SEGMENT * width
    for start, stop in _segments(box, ends[~paired], direction[~paired], size[~paired], reach):
        _draw(joins, _straight(start, stop) + (top - 1, left - 1))
    return joins & ~line


def _thin(mask: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Zhang & Suen's thinning (1984) of a mask whose frame is clear, by table lookup, at most ROUNDS rounds:
    the skeleton (flat 0/1), and its pixels' flat indices and neighbourhood codes.

    Only pixels whose answer may have changed are looked at again: at first the rim (neither rule takes a
    pixel whose four straight neighbours are all set), then the neighbours of the pixels that went since
    the same rule last looked. A thick mass costs its rim, a finished skeleton nothing."""
    inner = mask[1:-1, 1:-1] & mask[:-2, 1:-1] & mask[2:, 1:-1] & mask[1:-1, :-2] & mask[1:-1, 2:]
    rim = mask.copy()
    rim[1:-1, 1:-1] &= ~inner
    skeleton = mask.astype(np.uint8).ravel()
    offsets = np.array([dr * mask.shape[1] + dc for dr, dc in _AROUND])
    looked_at = np.flatnonzero(rim)
    before = looked_at[:0]
    for turn in range(2 * ROUNDS):
        gone = looked_at[(_FIRST, _SECOND)[turn % 2][_codes(skeleton, looked_at, offsets)]]
        skeleton[gone] = 0
        if turn > 0 and len(gone) == 0 and len(before) == 0:
            break
        beside = (np.concatenate([before, gone])[:, None] + offsets).ravel()
        # The second rule has not looked at the rim yet.
        looked_at = np.concatenate([beside, looked_at]) if turn == 0 else beside
        # Sorted and each once (np.unique hashes, several times slower on these few thousand).
        looked_at = np.sort(looked_at[skeleton[looked_at] == 1])
        looked_at = looked_at[np.diff(looked_at, prepend=-1) != 0]
        before = gone
    pixels = np.flatnonzero(skeleton)
    return skeleton, pixels, _codes(skeleton, pixels, offsets)


def _codes(image: np.ndarray, pixels: np.ndarray, offsets: np.ndarray) -> np.ndarray:
    """The neighbourhood codes (uint8) of `pixels` (flat indices) in the flat 0/1 `image`."""
    # One gather per neighbour: 3 to 4 times faster than one (n, 8) gather and np.packbits.
    code = image[pixels + offsets[0]]
    for bit in range(1, 8):
        code |= image[pixels + offsets[bit]] << bit
    return code


def _walk(skeleton: np.ndarray, stride: int, ends: np.ndarray, steps: int) -> tuple[np.ndarray, np.ndarray]:
    """Where each end's walk along the flat `skeleton` (rows of `stride`) is after up to `steps` pixels (flat
    indices), and how many it took: it stops where the skeleton ends or forks."""
    # Straight neighbours first: on a staircase both kinds are there, and the straight one is next.
    offsets = np.array([dr * stride + dc for dr, dc in _AROUND[0::2] + _AROUND[1::2]])
    here = ends.copy()
    seen = [ends, ends, ends]
    taken = np.zeros(len(ends), int)
    going = np.ones(len(ends), bool)
    for _ in range(steps):
        near = here[:, None] + offsets
        free = skeleton[near] == 1
        for previous in seen:
            free &= near != previous[:, None]
        # One way on, or two beside each other on a staircase; more is a fork.
        ways = free.sum(axis=1)
        going &= (ways >= 1) & (ways <= 2)
        if not going.any():
            break
        step = near[np.arange(len(ends)), np.argmax(free, axis=1)]
        seen = [seen[1], seen[2], here.copy()]
        here[going] = step[going]
        taken += going
    return here, taken


def _sizes(pixels: np.ndarray, labels: np.ndarray, stride: int) -> np.ndarray:
    """Each piece's size (the longer side of the bounding box of its `pixels`, flat indices in rows of
    `stride`, labelled `labels`), indexed by label."""
    order = np.argsort(labels, kind="stable")
    pixels, labels = pixels[order], labels[order]
    starts = np.flatnonzero(np.diff(labels, prepend=-1))
    size = np.zeros(int(labels[-1]) + 1)
    for values in np.divmod(pixels, stride):
        spread = np.maximum.reduceat(values, starts) - np.minimum.reduceat(values, starts) + 1
        size[labels[starts]] = np.maximum(size[labels[starts]], spread)
    return size


def _pairs(line: np.ndarray, ends: np.ndarray, direction: np.ndarray, size: np.ndarray, longest: float,
           room: float):
    """Pairs of ends (indices) that face each other across little enough paper, with the curve joining
    them: each end in one pair at most, the closest and straightest first, and no curve across a line (it
    would join strokes that are not each other's continuation, such as two leaves' tips around a third)."""
    between = ends[None, :, :] - ends[:, None, :]  # from i to j
    distance = np.hypot(between[..., 0], between[..., 1])
    np.fill_diagonal(distance, np.inf)
    unit = between / distance[..., None]
    leaving = (direction[:, None, :] * unit).sum(axis=2)  # i's direction against the way to j
    arriving = (direction[None, :, :] * -unit).sum(axis=2)  # j's direction against the way back to i
    bend = np.cos(np.radians(TURN))
    limit = np.minimum(END_TO_END * np.minimum(size[:, None], size[None, :]), longest)
    good = (leaving >= bend) & (arriving >= bend) & (distance <= limit + room)
    score = np.where(good, distance * (3 - leaving - arriving), np.inf)
    used = np.zeros(len(ends), bool)
    for flat in np.argsort(score, axis=None):
        a, b = divmod(int(flat), len(ends))
        if not np.isfinite(score[a, b]):
            break
        if a < b and not used[a] and not used[b]:
            curve = _spline(ends[a], direction[a], ends[b], direction[b])
            inside = ((curve >= 0) & (curve < line.shape)).all(axis=1)
            ink = line[curve[inside, 0], curve[inside, 1]]
            # Out of one end's ink and into the other's, and no more.
            paper = distance[a, b] * np.count_nonzero(~ink) / max(len(ink), 1)
            if np.count_nonzero(ink[1:] & ~ink[:-1]) <= 1 and paper <= limit[a, b]:
                used[a] = used[b] = True
                yield a, b, curve


def _segments(line: np.ndarray, ends: np.ndarray, direction: np.ndarray, size: np.ndarray, longest: float):
    """(start, stop) for each end whose ray meets line again after leaving its own ink, across no more paper
    than END_TO_LINE of its stroke's size or `longest`."""
    if len(ends) == 0:
        return
    reach = np.minimum(END_TO_LINE * size, longest)
    # Room for the end's own ink (the skeleton stops a little inside the round cap) before the paper.
    steps = np.arange(1, int(np.ceil(reach.max())) + 8)
    points = np.round(ends[:, None, :] + direction[:, None, :] * steps[None, :, None]).astype(int)
    inside = ((points >= 0) & (points < line.shape)).all(axis=2)
    points = np.where(inside[..., None], points, 0)
    hit = line[points[..., 0], points[..., 1]] & inside
    # Only line met after paper counts: the end's own ink, around its tip, does not.
    paper = np.cumsum(~hit & inside, axis=1)
    hit &= (paper > 0) & (paper <= reach[:, None])
    for k in np.flatnonzero(hit.any(axis=1)):
        yield ends[k], points[k, np.argmax(hit[k])]


def _spline(start: np.ndarray, leaving: np.ndarray, stop: np.ndarray, arriving: np.ndarray) -> np.ndarray:
    """Pixels (n, 2) along the cubic Hermite curve from `start` heading along `leaving` to `stop`, coming in
    against `arriving` (the direction `stop`'s own stroke points out of it)."""
    length = float(np.hypot(*(stop - start)))
    t = np.linspace(0, 1, max(2, int(2 * length) + 2))[:, None]
    h00, h10 = 2 * t**3 - 3 * t**2 + 1, t**3 - 2 * t**2 + t
    h01, h11 = -2 * t**3 + 3 * t**2, t**3 - t**2
    curve = h00 * start + h10 * length * leaving + h01 * stop + h11 * length * -arriving
    return np.round(curve).astype(int)


def _straight(start: np.ndarray, stop: np.ndarray) -> np.ndarray:
    length = float(np.hypot(*(stop - start)))
    t = np.linspace(0, 1, max(2, int(2 * length) + 2))[:, None]
    return np.round(start + t * (stop - start)).astype(int)


def _draw(mask: np.ndarray, pixels: np.ndarray) -> None:
    """Sets `pixels` in `mask`, and where the path steps diagonally the pixel beside the step too, so that
    no region can slip through it between two pixels that touch only at a corner."""
    pixels = pixels[((pixels >= 0) & (pixels < mask.shape)).all(axis=1)]
    mask[pixels[:, 0], pixels[:, 1]] = True
    corner = np.stack([pixels[1:, 0], pixels[:-1, 1]], axis=1)
    mask[corner[:, 0], corner[:, 1]] = True
