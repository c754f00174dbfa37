"""A drawing of several things (the sun beside a tree, an apple under a cloud): each thing found apart, so
that each can be recognised and coloured as itself.

The recogniser learnt one thing a drawing; shown a scene it guesses one thing for all of it, or nothing, and
the scene keeps the theme's colours (a beige tree under a white sun). Here the ink is grouped: lines within
NEAR of each other belong to one thing (a sun's rays, a cat's whiskers); a group whose box lies mostly in
another's (a ladybug's spots, a smiley's eyes) belongs to that one; groups too small beside the drawing (a
dot, a stray mark) belong to none. A drawing of two or more such things is a scene when the recogniser is
surer of one of them alone than of the whole (recognise.py, `Recogniser.scene`). Two things drawn touching
(a cat against its ball) are one group; such a drawing is cut in two where few lines cross (`cut_in_two`),
and the recogniser keeps a cut only when it is sure of both halves. Each region of the clean look then
belongs to the thing whose lines bound it (`regions_of_parts`).

NumPy only, like the clean look.
"""

from dataclasses import dataclass

import numpy as np

from icanvas_desktop.generation.clean_look import LINE, Regions, components, dilate_max

# Lines closer than this, as a share of the sheet's side (10 px at 256), are of one thing.
NEAR = 0.04
# A group with at least this share of its box inside a larger group's box is drawn on it, a part of it.
INSIDE = 0.5
# A group whose box's longer side is less than this share of the whole drawing's is no thing of its own.
MIN_SIDE = 0.2
# The largest things of a scene that are recognised; the others keep the theme's colours.
MOST_PARTS = 4
# How far a region's bounding line is looked for (px at the regions' size).
BORDER = 2
# A ground line (the grass the things stand on) joins them into one group; it is left out of the grouping.
# It is the lowest ink of at least GROUND_SPAN of the sheet's columns, thin there (at most GROUND_THIN of the
# side thick), running on from column to column (rising or falling at most GROUND_STEP px a column) over
# gaps of at most GROUND_GAP of the side where things stand on it (the line and their feet are thicker), on
# the far side of a gap near the height it had (GROUND_STEP and GROUND_SLOPE px a column more). The bottoms of
# two things side by side seldom run on so far: a round shape's bottom rises steeply at its sides.
GROUND_SPAN = 0.6
GROUND_THIN = 0.03
GROUND_STEP = 2
GROUND_GAP = 0.15
GROUND_SLOPE = 0.25
# Touching things are cut along the column, and along the row, that crosses the fewest lines within the
# middle half of the drawing (where two things meet the pen is crossed once, through a thing at least twice;
# the nearest the middle among equals); ink within CUT_BAND px of the cut goes to the side it lies on, the
# rest with the stroke it belongs to. A half with less than CUT_LEAST of the ink is no thing.
CUT_MIDDLE = (0.25, 0.75)
CUT_BAND = 2
CUT_LEAST = 0.1


@dataclass(frozen=True)
class Part:
    mask: np.ndarray  # (H, W) bool: the thing's ink and the pixel round it (its anti-aliased edge)
    box: tuple[int, int, int, int]  # top, left, bottom, right (exclusive) of its ink


def parts_of(sketch: np.ndarray) -> list[Part]:
    """The things of a (H, W) sketch in [0, 1] (paper 1), largest first: [] unless there are two or more."""
    height, width = sketch.shape
    drawn = sketch < LINE
    ink = np.zeros((height, width + 1), bool)
    ink[:, :width] = drawn & ~ground_line(drawn)
    if not ink.any():
        return []
    groups, count = components(dilate_max(ink, max(1, round(NEAR * width / 2))))
    labels = np.where(ink, groups, 0)[:, :width]
    boxes = _boxes(labels, count)
    root = _nested_into(boxes)
    boxes = _union_boxes(boxes, root)
    merged = root[labels]
    sizes = np.bincount(merged.ravel(), minlength=count + 1)
    sizes[0] = 0
    whole = boxes[1:].min(axis=0)[:2].tolist() + boxes[1:].max(axis=0)[2:].tolist()
    longest = max(whole[2] - whole[0], whole[3] - whole[1])
    roots = np.flatnonzero(sizes)
    roots = roots[np.argsort(-sizes[roots], kind="stable")]
    sides = np.maximum(boxes[roots, 2] - boxes[roots, 0], boxes[roots, 3] - boxes[roots, 1])
    things = roots[sides >= MIN_SIDE * longest][:MOST_PARTS]
    if len(things) < 2:
        return []
    return [_part(merged == r) for r in things]


def cut_in_two(sketch: np.ndarray) -> list[tuple[Part, Part]]:
    """A (H, W) sketch in [0, 1] (paper 1) cut into two things, across and down (`CUT_MIDDLE`): what two
    touching things would be, for the recogniser to judge; [] on a blank page."""
    drawn = sketch < LINE
    ink = drawn & ~ground_line(drawn)
    if not ink.any():
        return []
    rows, columns = np.flatnonzero(ink.any(axis=1)), np.flatnonzero(ink.any(axis=0))
    top, left = rows[0], columns[0]
    box = ink[top : rows[-1] + 1, left : columns[-1] + 1]
    # How many lines the pen crosses along each column (down it) and each row (across it).
    down = (box[1:] & ~box[:-1]).sum(axis=0) + box[0]
    across = (box[:, 1:] & ~box[:, :-1]).sum(axis=1) + box[:, 0]
    cuts = []
    for axis, crossed, start in ((1, down, left), (0, across, top)):
        low, high = int(len(crossed) * CUT_MIDDLE[0]), int(len(crossed) * CUT_MIDDLE[1])
        # Only where the pen crosses fewer lines than through most of the middle: through one round thing
        # it crosses as many everywhere.
        if high > low and crossed[low:high].min() < np.median(crossed[low:high]):
            middle = (len(crossed) - 1) / 2
            at = min(range(low, high), key=lambda i: (crossed[i], abs(i - middle)))
            halves = _halves(ink, axis, start + at)
            if halves is not None:
                cuts.append(halves)
    return cuts


def _halves(ink: np.ndarray, axis: int, at: int) -> tuple[Part, Part] | None:
    """`ink` cut along column `at` (axis 1) or row `at` (axis 0); None when a half is too small a thing."""
    height, width = ink.shape
    place = np.arange(width)[None, :] if axis == 1 else np.arange(height)[:, None]
    band = np.abs(place - at) <= CUT_BAND
    before = np.broadcast_to(place < at, ink.shape)
    rest = np.zeros((height, width + 1), bool)
    rest[:, :width] = ink & ~band
    strokes, count = components(rest)
    strokes = strokes[:, :width]
    rest = rest[:, :width]
    # Each stroke goes with the side most of it lies on.
    on_first_side = np.bincount(strokes[rest & before], minlength=count + 1)
    first = 2 * on_first_side >= np.bincount(strokes[rest], minlength=count + 1)
    one = (rest & first[strokes]) | (ink & band & before)
    halves = (one, ink & ~one)
    if min(h.sum() for h in halves) < CUT_LEAST * ink.sum():
        return None
    return tuple(_part(half) for half in halves)


def _part(mask: np.ndarray) -> Part:
    height, width = mask.shape
    grown = np.zeros((height, width + 1), bool)
    grown[:, :width] = mask
    ys, xs = np.nonzero(mask)
    return Part(dilate_max(grown, 1)[:, :width], (int(ys.min()), int(xs.min()), int(ys.max()) + 1,
                                                  int(xs.max()) + 1))


def _boxes(labels: np.ndarray, count: int) -> np.ndarray:
    """(count + 1, 4) int: top, left, bottom, right (exclusive) of each label's pixels (row 0 unused)."""
    ys, xs = np.nonzero(labels)
    ids = labels[ys, xs]
    boxes = np.empty((count + 1, 4), np.int64)
    boxes[:, :2] = np.iinfo(np.int64).max
    boxes[:, 2:] = -1
    np.minimum.at(boxes[:, 0], ids, ys)
    np.minimum.at(boxes[:, 1], ids, xs)
    np.maximum.at(boxes[:, 2], ids, ys + 1)
    np.maximum.at(boxes[:, 3], ids, xs + 1)
    return boxes


def _nested_into(boxes: np.ndarray) -> np.ndarray:
    """(count + 1,) int: the group each group (`boxes` rows 1..count) belongs to: a group whose box lies
    mostly in a larger group's box joins it, with what joined it; the merged boxes are looked at again
    until none lies in another."""
    root = np.arange(len(boxes))
    while True:
        merged = _union_boxes(boxes, root)
        ids = np.unique(root[1:])
        own = merged[ids]
        area = (own[:, 2] - own[:, 0]) * (own[:, 3] - own[:, 1])
        high = np.maximum(own[:, None, :2], own[None, :, :2])
        low = np.minimum(own[:, None, 2:], own[None, :, 2:])
        overlap = np.prod(np.clip(low - high, 0, None), axis=2)
        # inside[j, i]: group j lies mostly in the larger group i.
        inside = (overlap >= INSIDE * area[:, None]) & (area[None, :] > area[:, None])
        if not inside.any():
            return root
        # Into the largest group it lies in, and on into what that one joins (always a larger box).
        target = np.arange(len(boxes))
        target[ids] = ids[np.where(inside.any(axis=1), np.argmax(np.where(inside, area[None, :], -1), axis=1),
                                   np.arange(len(ids)))]
        while not np.array_equal(further := target[root], root):
            root = further


def _union_boxes(boxes: np.ndarray, root: np.ndarray) -> np.ndarray:
    """(count + 1, 4): for each root, the box round the boxes of the groups that belong to it."""
    merged = boxes.copy()
    np.minimum.at(merged[:, 0], root[1:], boxes[1:, 0])
    np.minimum.at(merged[:, 1], root[1:], boxes[1:, 1])
    np.maximum.at(merged[:, 2], root[1:], boxes[1:, 2])
    np.maximum.at(merged[:, 3], root[1:], boxes[1:, 3])
    return merged


def ground_line(ink: np.ndarray) -> np.ndarray:
    """(H, W) bool: the pixels of a line the drawing's things stand on, across most of the sheet; none when
    there is no such line."""
    height, width = ink.shape
    ground = np.zeros_like(ink)
    inked = np.flatnonzero(ink.any(axis=0))
    if len(inked) < GROUND_SPAN * width:
        return ground
    rows = np.arange(height)[:, None]
    low = np.where(ink, rows, -1).max(axis=0)
    # The lowest ink's thickness: from the lowest ink up to the first paper above it.
    top = np.where(~ink & (rows < low[None, :]), rows, -1).max(axis=0) + 1
    thin = (low >= 0) & (low - top + 1 <= GROUND_THIN * height)
    # The longest run of thin lowest ink that goes on from column to column, over gaps where things stand.
    best, chain = [], []  # column indices
    for x in np.flatnonzero(thin):
        last = chain[-1] if chain else None
        if last is not None and (x - last > GROUND_GAP * width
                                 or abs(low[x] - low[last]) > GROUND_STEP + GROUND_SLOPE * (x - last - 1)):
            best, chain = max(best, chain, key=len), []
        chain.append(x)
    best = max(best, chain, key=len)
    if len(best) < GROUND_SPAN * width:
        return ground
    columns = np.arange(best[0], best[-1] + 1)
    line = np.interp(columns, best, low[best])
    thickness = np.interp(columns, best, (low - top + 1)[best])
    ground[:, columns] = (rows > line - thickness - 1) & (rows <= line + 1)
    return ground & ink


def regions_of_parts(regions: Regions, parts: list[Part]) -> np.ndarray:
    """(count + 1,) int: for each region the index of the part whose lines bound most of it, -1 for none
    (the paper, a region of lines belonging to no thing)."""
    height, width = regions.labels.shape
    padded = np.zeros((height, width + 1), np.int32)
    padded[:, :width] = regions.labels
    beside = dilate_max(padded, BORDER)[:, :width]
    votes = np.zeros((regions.count + 1, len(parts) + 1), np.int64)
    for index, part in enumerate(parts):
        line = part.mask & (regions.labels == 0)
        votes[:, index + 1] = np.bincount(beside[line], minlength=regions.count + 1)
    votes[0] = 0
    owner = votes.argmax(axis=1) - 1
    owner[votes.max(axis=1) == 0] = -1
    return owner


def part_regions(regions: Regions, owner: np.ndarray, index: int, part: Part) -> Regions:
    """`regions` as the colour prior should see one thing of a scene: only its own regions, and its own
    lines for the drawing's extent."""
    mine = owner == index
    mine[0] = False
    inside = mine[regions.labels]
    return Regions(np.where(inside, regions.labels, 0), regions.count, regions.at_edge,
                   np.where(part.mask, regions.ink, 0).astype(regions.ink.dtype), regions.sample & inside)
