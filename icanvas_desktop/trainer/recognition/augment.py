"""An artist's line art drawn again as a child might: the recogniser's training drawings.

A child's apple is not OpenMoji's apple: it is squashed or stretched, tilted, wobbly, drawn with another pen,
has gaps where the pen lifted, and leaves out the leaf or the eyes; often it is only the thing's outline,
rounder than the artist's or a polygon of a few straight strokes, with a feature or two inside. An animal the
artists drew as a face, a child draws whole: that face as a big head on a small body. Each call
draws one such version, from the `rng` passed in, so that a seed gives one drawing. Sizes are for the 128 px
renders of scripts/recogniser/render_things.py.
"""

import numpy as np
from PIL import Image, ImageDraw
from scipy import ndimage as ndi

from icanvas_desktop.generation.recognise import ink_crop
from icanvas_desktop.trainer.data.handdrawn import augment_given_sketch

# Inner strokes (every piece of ink but the largest) are left out, each with a chance up to this.
MAX_DROP_SHARE = 0.7
DROP_CHANCE = 0.6
# Only the outline of the drawing's silhouette (gaps up to OUTLINE_REACH px closed, its notches rounded off by
# a blur of OUTLINE_BLUR px) with some of the strokes inside it, this often: what a child draws of a thing
# is its shape, not the artist's every line. Drawings of lines alone (whiskers, a snake's zigzag), whose
# silhouette is less than OUTLINE_LEAST times their ink, stay as they are.
OUTLINE_CHANCE = 0.35
OUTLINE_REACH = (3, 6)
OUTLINE_BLUR = (0.5, 3.0)
OUTLINE_LEAST = 2
OUTLINE_PEN = (2, 4)
OUTLINE_KEEPS_INSIDE = 0.8
# That outline as a few straight strokes, this often: a mouse or a finger draws a round shape as a polygon of
# a handful of corners (Quick, Draw! keeps its drawings as strokes simplified the same way, Ramer-Douglas-
# Peucker): the silhouette's contour simplified to within POLYGON_TOLERANCE px of itself.
POLYGON_CHANCE = 0.5
POLYGON_TOLERANCE = (2.0, 8.0)
# A face set on a body, this often, for the things whose renders are faces (classes.DRAWN_AS_FACES) and only
# for a render about as tall as wide (a side-on pig or a whole cat is drawn whole already): a child draws a
# bear as a big head on a small round body with stubby legs, standing up as a person does or side-on on four
# legs, now and then with a tail. The body's size is the head's times BODY_SIZE (standing: width, height)
# or SIDE_ON_BODY (side-on), its legs LEG_LENGTH of the body's height.
BODY_CHANCE = 0.45
FACE_ASPECT = 1.25
BODY_SIZE = ((0.55, 1.0), (0.5, 1.0))
SIDE_ON_BODY = ((0.9, 1.5), (0.5, 0.85))
LEG_LENGTH = (0.2, 0.5)
ARMS_CHANCE = 0.5
TAIL_CHANCE = 0.6
# The project's hand-drawn pen (skeleton, wobble, breaks, a pen that swells and thins), this often.
REDRAW_CHANCE = 0.35
REDRAW_STRENGTH = (0.6, 1.6)
# Thicker or thinner pen: grey dilation or erosion by this many px.
PEN_CHANGES = ((0, 0.4), (2, 0.25), (3, 0.15), (-2, 0.2))
# Shape: tilt, stretch of one side against the other, shear.
MAX_TILT_DEGREES = 25
STRETCH = (0.65, 1.5)
MAX_SHEAR = 0.25
# Elastic wobble of the whole drawing: this many bumps across, moving lines by up to this many px.
WARP_CELLS = (2, 5)
WARP_PX = (1.0, 7.0)
# Gaps where the pen lifted: up to this many, each this wide.
MAX_GAPS = 5
GAP_RADIUS_PX = (1.5, 4.5)


def childlike(lines: np.ndarray, rng: np.random.Generator, is_face: bool = False) -> np.ndarray:
    """(S, S) line art in [0, 1] (paper 1) → the (64, 64) ink crop of a child-like version, as the app crops
    a drawing (generation/recognise.py: `ink_crop`; the network reads it through `even_pen`). `is_face`:
    the line art is an animal's face, which a child may draw on a body."""
    sketch = np.asarray(lines, np.float32)
    if is_face and rng.random() < BODY_CHANCE:
        sketch = _on_a_body(sketch, rng)
    if rng.random() < OUTLINE_CHANCE:
        sketch = _outline_only(sketch, rng)
    elif rng.random() < DROP_CHANCE:
        sketch = _leave_out_inner(sketch, rng)
    if rng.random() < REDRAW_CHANCE:
        sketch = augment_given_sketch(sketch, rng, rng.uniform(*REDRAW_STRENGTH))
    sketch = _change_pen(sketch, rng)
    sketch = _reshape(sketch, rng)
    sketch = _lift_pen(sketch, rng)
    if rng.random() < 0.5:
        sketch = sketch[:, ::-1]
    crop = ink_crop(sketch)
    return np.zeros((64, 64), np.float32) if crop is None else crop


def _outline_only(sketch: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    ink = sketch < 0.5
    reach = int(rng.integers(*OUTLINE_REACH, endpoint=True))
    closed = ndi.binary_fill_holes(ndi.binary_dilation(ink, iterations=reach))
    silhouette = ndi.gaussian_filter(ndi.binary_erosion(closed, iterations=reach).astype(np.float32),
                                     rng.uniform(*OUTLINE_BLUR)) > 0.5
    if silhouette.sum() < OUTLINE_LEAST * max(ink.sum(), 1):
        return sketch
    parts, _ = ndi.label(silhouette)
    sizes = np.bincount(parts.ravel())
    sizes[0] = 0
    body = (sizes >= 0.1 * sizes.max())[parts]
    pen = int(rng.integers(*OUTLINE_PEN, endpoint=True))
    if rng.random() < POLYGON_CHANCE:
        out = _polygon_outline(body, pen, rng.uniform(*POLYGON_TOLERANCE))
    else:
        out = np.where(body & ~ndi.binary_erosion(body, iterations=pen), 0.0, 1.0).astype(np.float32)
    inside = ink & ndi.binary_erosion(body, iterations=pen + 2)
    pieces, count = ndi.label(inside, structure=np.ones((3, 3), bool))
    kept = rng.random(count + 1) < rng.uniform(0, OUTLINE_KEEPS_INSIDE)
    kept[0] = False
    return np.where(kept[pieces], np.minimum(out, sketch), out)


def _polygon_outline(body: np.ndarray, pen: int, tolerance: float) -> np.ndarray:
    """The contours of `body` (bool) as polygons simplified to within `tolerance` px, drawn `pen` px wide
    on paper (1)."""
    from skimage.measure import approximate_polygon, find_contours

    image = Image.new("L", body.shape[::-1], 255)
    draw = ImageDraw.Draw(image)
    for contour in find_contours(np.pad(body, 1).astype(np.float32), 0.5):
        corners = approximate_polygon(contour - 1, tolerance)
        points = [(float(x), float(y)) for y, x in corners]
        if len(points) >= 3:
            draw.line(points + points[:1], fill=0, width=pen, joint="curve")
    drawn = np.asarray(image, np.float32) / 255.0
    # Within the silhouette grown by half the pen (the line is centred on it): a corner cut outside a
    # concave stretch of it is cut off, as the smooth outline never leaves it.
    return np.where(ndi.binary_dilation(body, iterations=pen // 2 + 1), drawn, 1.0).astype(np.float32)


def _on_a_body(sketch: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """The face in `sketch` as the head of a whole animal, the body's lines hidden under the head, on a
    sheet of the same size."""
    ink = sketch < 0.5
    rows, columns = np.nonzero(ink)
    if len(rows) == 0:
        return sketch
    top, left = rows.min(), columns.min()
    tall, wide = rows.max() - top + 1, columns.max() - left + 1
    if max(tall, wide) > FACE_ASPECT * min(tall, wide):
        return sketch
    pen = _pen_width(ink)
    side = sketch.shape[0]
    # The head keeps its size and the body is drawn round it on a sheet three times as large, so that the
    # body's pen is the head's; the whole is shrunk onto the sheet at the end.
    big = 3 * side
    head_top, head_left = side, side
    body = Image.new("L", (big, big), 255)
    draw = ImageDraw.Draw(body)
    uniform = rng.uniform
    if rng.random() < 0.5:
        width, height = wide * uniform(*BODY_SIZE[0]), tall * uniform(*BODY_SIZE[1])
        centre_x = head_left + wide / 2 + uniform(-0.08, 0.08) * wide
        body_top = head_top + tall * uniform(0.75, 0.92)
        box = (centre_x - width / 2, body_top, centre_x + width / 2, body_top + height)
        legs = [centre_x + f * width for f in sorted(uniform(-0.35, 0.35, 2))]
        if rng.random() < ARMS_CHANCE:
            for sign in (-1, 1):
                start = (centre_x + sign * width * 0.45, body_top + height * uniform(0.25, 0.45))
                draw.line([start, (start[0] + sign * width * uniform(0.3, 0.6),
                                   start[1] + height * uniform(-0.3, 0.3))], fill=0, width=pen)
    else:
        width, height = wide * uniform(*SIDE_ON_BODY[0]), tall * uniform(*SIDE_ON_BODY[1])
        body_left = head_left + wide * uniform(0.2, 0.5)
        body_top = head_top + tall * uniform(0.45, 0.7)
        box = (body_left, body_top, body_left + width, body_top + height)
        legs = [body_left + f * width for f in np.sort(uniform(0.1, 0.9, 4))]
        if rng.random() < TAIL_CHANCE:
            start = (box[2] - width * 0.02, body_top + height * uniform(0.1, 0.5))
            draw.line([start, (start[0] + width * uniform(0.15, 0.35), start[1] - height * uniform(0, 0.6))],
                      fill=0, width=pen)
    draw.ellipse(box, outline=0, width=pen)
    leg = height * uniform(*LEG_LENGTH)
    for x in legs:
        # Along the ellipse's edge below x, so that the leg starts on the body's line.
        across = np.clip(2 * (x - (box[0] + box[2]) / 2) / (box[2] - box[0]), -1, 1)
        y = (box[1] + box[3]) / 2 + (box[3] - box[1]) / 2 * np.sqrt(1 - across**2)
        draw.line([(x, y - pen), (x + uniform(-0.2, 0.2) * leg, y + leg)], fill=0, width=pen)
    whole = np.asarray(body, np.float32) / 255.0
    head = sketch[top : top + tall, left : left + wide]
    # The head's silhouette (small gaps in its outline closed) and no wider, so that the body's line runs
    # on to the head's.
    closed = ndi.binary_erosion(ndi.binary_fill_holes(ndi.binary_dilation(ink, iterations=3)), iterations=3)
    inside = (closed | ink)[top : top + tall, left : left + wide]
    spot = whole[head_top : head_top + tall, head_left : head_left + wide]
    spot[...] = np.where(inside, head, spot)
    # Shrunk onto a sheet of the first size as the app crops a drawing: its ink as large as fits, a margin
    # round it (the sheet always has ink: the body's).
    return 1.0 - ink_crop(whole, side)


def _pen_width(ink: np.ndarray) -> int:
    """About how wide the lines of `ink` are: their area over their length."""
    from skimage.morphology import skeletonize

    length = max(int(skeletonize(ink).sum()), 1)
    return int(np.clip(round(ink.sum() / length), 1, 8))


def _leave_out_inner(sketch: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    pieces, count = ndi.label(sketch < 0.5, structure=np.ones((3, 3), bool))
    if count < 2:
        return sketch
    sizes = np.bincount(pieces.ravel())
    sizes[0] = 0
    drop = rng.random(count + 1) < rng.uniform(0, MAX_DROP_SHARE)
    drop[0] = False
    drop[np.argmax(sizes)] = False
    # The pieces' soft edges go with them.
    gone = ndi.binary_dilation(drop[pieces], iterations=1)
    out = sketch.copy()
    out[gone] = 1.0
    return out


def _change_pen(sketch: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    sizes, chances = zip(*PEN_CHANGES)
    size = sizes[rng.choice(len(sizes), p=chances)]
    if size > 0:
        return ndi.grey_erosion(sketch, size=(size, size))
    if size < 0:
        thinner = ndi.grey_dilation(sketch, size=(-size, -size))
        # A fine pen thinned vanishes: keep it as it was.
        if (thinner < 0.5).sum() > 0.4 * (sketch < 0.5).sum():
            return thinner
    return sketch


def _reshape(sketch: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """Tilt, stretch, shear and wobble in one resampling, on paper large enough to keep it all."""
    side = sketch.shape[0]
    pad = side // 4
    paper = np.pad(sketch, pad, constant_values=1.0)
    big = paper.shape[0]
    angle = np.deg2rad(rng.uniform(-MAX_TILT_DEGREES, MAX_TILT_DEGREES))
    stretch = np.exp(rng.uniform(*np.log(STRETCH)))
    shear = rng.uniform(-MAX_SHEAR, MAX_SHEAR)
    rotation = np.array([[np.cos(angle), -np.sin(angle)], [np.sin(angle), np.cos(angle)]])
    shape = np.array([[np.sqrt(stretch), shear], [0, 1 / np.sqrt(stretch)]])
    inverse = np.linalg.inv(rotation @ shape)
    centre = (big - 1) / 2
    rows, columns = np.mgrid[0:big, 0:big].astype(np.float32) - centre
    cells = int(rng.integers(*WARP_CELLS, endpoint=True))
    amplitude = rng.uniform(*WARP_PX)
    source_rows = inverse[0, 0] * rows + inverse[0, 1] * columns + centre
    source_columns = inverse[1, 0] * rows + inverse[1, 1] * columns + centre
    source_rows += amplitude * _smooth_field(big, cells, rng)
    source_columns += amplitude * _smooth_field(big, cells, rng)
    return ndi.map_coordinates(paper, [source_rows, source_columns], order=1, mode="constant", cval=1.0)


def _smooth_field(side: int, cells: int, rng: np.random.Generator) -> np.ndarray:
    """A smooth random field peaking at ±1: a few random values, upsampled bicubically (Pillow does it in a
    tenth of SciPy's time)."""
    grid = Image.fromarray(rng.standard_normal((cells + 1, cells + 1)).astype(np.float32), "F")
    field = np.asarray(grid.resize((side, side), Image.Resampling.BICUBIC), np.float32)
    peak = np.abs(field).max()
    return field / peak if peak > 0 else field


def _lift_pen(sketch: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    ys, xs = np.nonzero(sketch < 0.5)
    count = int(rng.integers(0, MAX_GAPS + 1))
    if count == 0 or len(ys) == 0:
        return sketch
    out = sketch.copy()
    rows, columns = np.ogrid[0 : sketch.shape[0], 0 : sketch.shape[1]]
    for pick in rng.integers(len(ys), size=count):
        radius = rng.uniform(*GAP_RADIUS_PX)
        out[(rows - ys[pick]) ** 2 + (columns - xs[pick]) ** 2 <= radius**2] = 1.0
    return out
