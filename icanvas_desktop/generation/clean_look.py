"""The clean look: the child's own lines, crisp and dark, over flat colour per region of the drawing.

Regions come from the sketch alone: the paper between the lines, split by trapped-ball filling (after
hepesu/LineFiller) so that a gap the child left in an outline, up to `GAP` of the sheet's width, does not
let the shape's colour run into the background. Each region then takes the median colour of the
generator's picture inside it. The paper around the drawing stays white: the region along most of the
sheet's edge, and any other at the edge where the picture is paper-coloured too (a sun drawn into the
corner keeps its colour). A region the child coloured in with a crayon takes that crayon's colour instead,
whatever the generator made of it; the paper around the drawing too, since the child asked for it.

NumPy only, no SciPy: the packaged app leaves SciPy out (about 35 MB with the BLAS it links), and this
runs in the app on every picture, within a few milliseconds at 256².
"""

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
from PIL import Image, ImageChops, ImageFilter

from icanvas_desktop.generation import material_looks
from icanvas_desktop.generation.gap_closing import gap_lines
from icanvas_desktop.generation.sketch_input import hints_to_array, sketch_to_array
from icanvas_desktop.look import Look

# Widest gap in an outline that still closes it, as a fraction of the sheet's width.
GAP = 0.03
# Sketch values (white paper = 1) below this are line: they bound regions and are drawn as solid ink.
LINE = 0.6
# Line wider than twice this (a fraction of the sheet's width) is a mass: a silhouette, pencil shading, a
# scanned engraving. It keeps the sketch's own tone instead of solid ink, so shading stays shading and the
# child's strokes inside it stay visible (solid, an engraved truck became one black blot).
MASS = 2 / 256
INK = (24, 22, 28)
PAPER = (255, 255, 255)
# Picture pixels this close to a line are not sampled: the generator darkens and blurs around lines.
SAMPLE_MARGIN = 2
# A region at the sheet's edge whose colour is at least this light in every channel, and this grey (the
# largest difference between two channels), is the paper; the generators' own paper is 246-255.
PAPER_LIGHT = 200
PAPER_GREY = 36
# Every region the generator colours is at least this light (luma, 0-255): a shape painted near-black
# hides the child's lines around it (a pen, an anchor from the OpenMoji themes), and a colouring book
# never fills a shape with ink. Crayons are the child's own choice and stay as they are.
MIN_LUMA = 80  # ink is 23: a step of 57 levels; a saturated red (88) is untouched, a pure blue (29) lightened
LUMA = np.array([0.299, 0.587, 0.114])
DEFAULT_SHADE = 0.0
# How far the shade is smoothed (a Gaussian's σ), at 256 px.
SHADE_BLUR = 3.0
# A crayon stroke colours in each region where it has at least this share of the pixels it has in the region
# where it has most: the tip of a stroke that ran over a line does not colour the next region in, a stroke
# across several regions colours each of them.
CRAYON_SHARE = 0.25


@dataclass(frozen=True)
class Regions:
    """What the clean look takes from the sketch alone, so that one sketch's regions can serve many
    pictures."""

    labels: np.ndarray  # (H, W) int32: 0 line or the paper along most of the edge, 1..count a region
    count: int
    at_edge: np.ndarray  # (count + 1,) bool: the region touches the sheet's edge
    ink: np.ndarray  # (H, W) uint8: how much of each pixel is the child's line, 255 all of it
    sample: np.ndarray  # (H, W) bool: region pixels far enough from lines to take the colour from


# New colours for the regions ((count + 1, 3) uint8) from the regions, their colours, and which of them are
# the paper (True: leave them as they are).
Recolour = Callable[[Regions, np.ndarray, np.ndarray], np.ndarray]


def apply_look(sketch: Image.Image, picture: Image.Image, look: Look | str,
               shade: float = DEFAULT_SHADE, hints: Image.Image | None = None) -> Image.Image:
    """The picture in `look`: unchanged when painted; in the clean look, `sketch` (any size or mode, as
    the generator takes it) is scaled to the picture's size and its regions coloured from the picture, or
    from the crayons of the RGBA hint layer `hints` (drawing/rasterize.render_hints) where they went."""
    if Look(look) is Look.PAINTED:
        return picture
    if picture.width != picture.height:
        raise ValueError(f"pictures are square, got {picture.width}×{picture.height}")
    hint_array = None if hints is None else hints_to_array(hints, picture.width)
    regions = find_regions(sketch_to_array(sketch, picture.width)[..., 0])
    return paint_regions(regions, picture, shade, hint_array, look)


def find_regions(sketch: np.ndarray, gap: float = GAP, join_ends: bool = True) -> Regions:
    """Regions of a (H, W) sketch in [0, 1] (paper 1): the paper between its lines with gaps up to `gap`
    of the width closed, and wider ones between loose ends that continue each other when `join_ends`
    (generation/gap_closing.py), the one along most of the sheet's edge counted as paper."""
    height, width = sketch.shape
    # Every mask and label image here has one extra column on the right, holding the neutral value of the
    # operation at hand: a shift along a row is then a shift of one contiguous flat array (3 to 4 times
    # faster than a strided one), and a run of pixels never continues into the next row.
    free = np.zeros((height, width + 1), bool)
    free[:, :width] = sketch >= LINE
    # The joins bound regions like lines, but are no ink: afterwards they take the colour beside them.
    closing = np.zeros_like(free)
    if join_ends:
        closing[:, :width] = gap_lines(sketch < LINE, components)
    open_ = free & ~closing
    radius = max(1, round(gap * width / 2))
    # Trapped ball: the centres of balls of `radius` that fit between the lines cannot pass a narrower
    # gap, so their components are the regions, and each ball paints its own region.
    cores, count = components(_erode(open_, radius))
    # In the smallest type that holds them the labels grow 5 times faster than as int32.
    labels = np.multiply(dilate_max(cores.astype(np.min_scalar_type(count)), radius), open_, dtype=np.int32)
    # What no ball reached (acute corners, the gaps themselves, shapes thinner than a ball) joins a region
    # it touches, or else becomes a region of its own.
    rest, rest_count = components(open_ & (labels == 0))
    if rest_count:
        joins = np.zeros(rest_count + 1, np.int32)
        inside = rest > 0
        piece = rest[inside]
        touching = _neighbours(labels, np.maximum, 0)[inside]
        beside = touching > 0
        # Any region it touches will do: a plain assignment is many times faster than np.maximum.at.
        joins[piece[beside]] = touching[beside]
        alone = joins == 0
        alone[0] = False
        joins[alone] = count + 1 + np.arange(np.count_nonzero(alone), dtype=np.int32)
        count += np.count_nonzero(alone)
        labels[inside] = joins[piece]
    labels = labels[:, :width]
    edge = np.bincount(
        np.concatenate([labels[0], labels[-1], labels[:, 0], labels[:, -1]]), minlength=count + 1
    )
    edge[0] = 0
    keep = np.ones(count + 1, bool)
    keep[0] = False
    if edge.any():
        keep[np.argmax(edge)] = False
    renumber = np.zeros(count + 1, np.int32)
    renumber[keep] = np.arange(1, np.count_nonzero(keep) + 1, dtype=np.int32)
    labels = renumber[labels]
    if closing.any():
        labels = _fill_joins(labels, closing)
    at_edge = np.concatenate([[False], edge[keep] > 0])
    ink = _ink(sketch, free)
    inner = np.zeros((height, width + 1), bool)
    inner[:, :width] = labels > 0
    sample = _erode(inner, SAMPLE_MARGIN, square=False)[:, :width]
    return Regions(labels, int(np.count_nonzero(keep)), at_edge, ink, sample)


def _fill_joins(labels: np.ndarray, joins: np.ndarray) -> np.ndarray:
    """`labels` (H, W) with the pixels of the padded `joins` mask in the region beside them, the drawing's
    rather than the paper's (0) where a join has both."""
    padded = np.zeros(joins.shape, labels.dtype)
    padded[:, :-1] = labels
    # A join is at most two pixels across: two rounds reach its middle.
    for _ in range(2):
        grown = _neighbours(padded, np.maximum, 0)
        empty = joins & (padded == 0)
        padded[empty] = grown[empty]
    return padded[:, :-1]


def _ink(sketch: np.ndarray, free: np.ndarray) -> np.ndarray:
    """(H, W) uint8: how much of each pixel is drawn as ink, from the sketch and its padded `free` mask
    (paper, not line). A line's soft edge ramps up to solid ink at LINE; inside a mass the ink follows the
    sketch's darkness, so that a filled black shape stays black and a grey one grey."""
    width = sketch.shape[1]
    ink = sketch * (-255 / (1.0 - LINE))
    ink += 255 / (1.0 - LINE) + 0.5
    radius = max(1, round(MASS * width))
    line = ~free
    line[:, -1] = False
    # Its rim against the paper stays crisp, like any line's edge.
    mass = dilate_max(_erode(line, radius), radius) & _erode(line, 1, square=False)
    mass = mass[:, :width]
    if mass.any():
        ink[mass] = 255.5 - 255 * sketch[mass]
    return np.clip(ink, 0, 255, out=ink).astype(np.uint8)


def paint_regions(regions: Regions, picture: Image.Image, shade: float = DEFAULT_SHADE,
                  hints: np.ndarray | None = None, look: Look | str = Look.CLEAN,
                  recolour: Recolour | None = None) -> Image.Image:
    """The clean look of `picture` (RGB, the regions' size): each region in its median colour there, or in
    the colour of the crayon that covers most of it in `hints` ((H, W, 4) as the generator reads them,
    generation/sketch_input.hints_to_array); in crayon or watercolour when `look` says so.

    `recolour`, when given, may change the regions' colours (generation/colour_prior.py: the colours of the
    thing the child drew); it is told which regions are the paper, and crayons still win over it.

    `shade` in [0, 1] keeps that much of the picture's own lighter and darker parts within each region,
    smoothed, so that a ball may still look round; 0 is flat colour.
    """
    labels, n = regions.labels, regions.count
    pixels = np.asarray(picture.convert("RGB"))
    colours = np.zeros((n + 1, 4), np.uint8)
    if n:
        colours[:, :3] = _lighter_than_ink(_medians(labels, regions.sample, pixels, n))
    rgb = colours[:, :3]
    white = regions.at_edge & (rgb.min(axis=1) >= PAPER_LIGHT) & (np.ptp(rgb, axis=1) <= PAPER_GREY)
    white[0] = True
    rgb[white] = PAPER
    size = (labels.shape[1], labels.shape[0])
    # The shade is the picture's light and dark around the generator's own colour, crayon or not.
    offset = None
    if shade > 0 and n:
        offset = _shading(regions, picture, _flat(colours, labels, size), white, shade)
    if recolour is not None and n:
        rgb[:] = recolour(regions, rgb, white)
    paper = None
    if hints is not None and hints[..., 3].any():
        coloured, crayons, paper = _crayon_colours(regions, hints)
        rgb[coloured] = crayons[coloured]
    flat = _flat(colours, labels, size)
    if paper is not None:
        # Under the lines too: the ink goes over it, and the lines' soft edges blend into the crayon.
        flat.paste(paper, (0, 0, *size), Image.fromarray(labels == 0))
    if offset is not None:
        flat = ImageChops.add(flat, Image.merge("RGB", (offset, offset, offset)), 1.0, -128)
    material = material_looks.BY_LOOK.get(Look(look).value)
    if material is not None:
        flat = material(flat, labels, material_looks.seed_of(regions.ink))
    # Pasting an image through the mask takes a third of the time of pasting a colour.
    flat.paste(Image.new("RGB", size, INK), (0, 0), Image.fromarray(regions.ink, "L"))
    return flat


def _flat(colours: np.ndarray, labels: np.ndarray, size: tuple[int, int]) -> Image.Image:
    """Each pixel in its region's colour (`colours` (count + 1, 4) uint8, RGB and a pad byte)."""
    pixels = np.take(colours.view(np.uint32).ravel(), labels).tobytes()
    return Image.frombytes("RGB", size, pixels, "raw", "RGBX")


def _crayon_colours(regions: Regions, hints: np.ndarray) -> tuple[np.ndarray, np.ndarray, tuple | None]:
    """Which regions a crayon coloured in ((count + 1,) bool), their crayons' colours ((count + 1, 3) uint8),
    and the crayon of the paper around the drawing (None if none).

    A crayon's strokes are the connected pieces of one colour in `hints`; each colours in the regions it
    covers enough of (CRAYON_SHARE), and a region takes the colour whose strokes cover most of it there.
    Worked out on the crayon's pixels alone, each colour within its own bounding box: a few milliseconds.
    """
    labels, n = regions.labels, regions.count
    width = labels.shape[1]
    drawn = np.flatnonzero(hints[..., 3].ravel() > 0.5)
    rgb = np.round(hints[..., :3].reshape(-1, 3)[drawn] * 255).astype(np.int32)
    palette, colour_of = np.unique(rgb[:, 0] << 16 | rgb[:, 1] << 8 | rgb[:, 2], return_inverse=True)
    rows, columns = np.divmod(drawn, width)
    # Each pixel's piece, numbered 1.. across the colours; lines included, so a stroke over one stays one.
    piece = np.zeros(len(drawn), np.int64)
    piece_colour = [0]
    for index in range(len(palette)):
        mine = colour_of == index
        top, left = rows[mine].min(), columns[mine].min()
        box = np.zeros((rows[mine].max() - top + 1, columns[mine].max() - left + 2), bool)
        box[rows[mine] - top, columns[mine] - left] = True
        found, count = components(box)
        piece[mine] = found[rows[mine] - top, columns[mine] - left] + len(piece_colour) - 1
        piece_colour += [index] * count
    # The paper around the drawing is label 0 with the lines; here it is area n + 1 of its own.
    area = labels.ravel()[drawn]
    area[(area == 0) & (regions.ink.ravel()[drawn] < 255)] = n + 1
    off_line = area > 0
    cover = np.bincount(piece[off_line] * (n + 2) + area[off_line], minlength=len(piece_colour) * (n + 2))
    cover = cover.reshape(len(piece_colour), n + 2)
    cover[cover < CRAYON_SHARE * cover.max(axis=1, keepdims=True)] = 0
    votes = np.zeros((len(palette), n + 2), np.int64)
    np.add.at(votes, np.array(piece_colour[1:], np.int64), cover[1:])
    coloured = votes.max(axis=0, initial=0) > 0
    winner = palette[votes.argmax(axis=0)] if len(palette) else np.zeros(n + 2, np.int32)
    crayons = np.stack([winner >> 16, winner >> 8 & 255, winner & 255], axis=1).astype(np.uint8)
    paper = tuple(int(c) for c in crayons[n + 1]) if coloured[n + 1] else None
    return coloured[: n + 1], crayons[: n + 1], paper


def _lighter_than_ink(rgb: np.ndarray) -> np.ndarray:
    """(n, 3) uint8 colours lifted to MIN_LUMA where they are darker: scaled up, which keeps their hue
    (a dark blue becomes a blue), then mixed with white for what scaling cannot give (black, or a
    channel already at 255)."""
    luma = rgb @ LUMA
    dark = luma < MIN_LUMA
    if not dark.any():
        return rgb
    scaled = np.minimum(rgb[dark] * (MIN_LUMA / np.maximum(luma[dark], 1.0))[:, None], 255.0)
    short = np.clip((MIN_LUMA - scaled @ LUMA) / (255.0 - scaled @ LUMA), 0.0, 1.0)[:, None]
    lifted = rgb.copy()
    lifted[dark] = np.round(scaled + (255.0 - scaled) * short)
    return lifted


def _medians(labels: np.ndarray, sample: np.ndarray, pixels: np.ndarray, n: int) -> np.ndarray:
    """(n + 1, 3) uint8: each region's median colour over its `pixels` (labels' shape plus 3), those near
    lines counting only where a region has no other, so that a thin region still gets a colour."""
    inside = labels > 0
    weights = np.where(sample[inside], 1.0, 1e-3)
    codes = labels[inside] * 256
    medians = np.zeros((n + 1, 3), np.uint8)
    for channel in range(3):
        histogram = np.bincount(codes + pixels[..., channel][inside], weights, minlength=(n + 1) * 256)
        cumulative = np.cumsum(histogram.reshape(n + 1, 256), axis=1)
        medians[:, channel] = np.argmax(cumulative >= cumulative[:, -1:] / 2, axis=1)
    return medians


def _shading(regions: Regions, picture: Image.Image, flat: Image.Image, white: np.ndarray,
             shade: float) -> Image.Image:
    """128 + `shade` × (the picture's luminance less its region's), smoothed, as an "L" image (in Pillow,
    which does it in a quarter of NumPy's time)."""
    centred = ImageChops.subtract(picture.convert("L"), flat.convert("L"), 1.0, 128)
    # Unsampled pixels (lines, their surroundings, the paper) count as no shade, so that the shade fades
    # out towards the lines instead of carrying one region's light into the next.
    centred.paste(128, (0, 0, *centred.size), Image.fromarray(~regions.sample))
    # Blurred at half size (a third of the time): the shade is smooth anyway.
    half = centred.reduce(2).filter(ImageFilter.GaussianBlur(SHADE_BLUR * picture.width / 512))
    strength = np.clip(np.round(128 + shade * (np.arange(256) - 128)), 0, 255).astype(np.uint8)
    offset = half.resize(centred.size, Image.Resampling.BILINEAR).point(strength.tolist())
    offset.paste(128, (0, 0, *offset.size), Image.fromarray(white[regions.labels]))
    return offset


def _erode(mask: np.ndarray, radius: int, square: bool = True) -> np.ndarray:
    """Pixels of a padded `mask` whose whole ball of `radius` is in it, the sheet's outside counting as in it
    (a diamond instead of the ball when not `square`)."""
    padded = mask.copy()
    padded[:, -1] = True
    return _ball(padded, radius, np.logical_and, True, square) & mask


def dilate_max(labels: np.ndarray, radius: int) -> np.ndarray:
    """Each pixel of a padded label image takes the largest label within the ball of `radius` around it."""
    return _ball(labels, radius, np.maximum, 0)


def _ball(
    image: np.ndarray, radius: int, combine: np.ufunc, neutral: object, square: bool = True
) -> np.ndarray:
    """`combine` over an octagonal ball: a square of half-size a grown by a diamond of radius b, a + b =
    radius, within 6% of a disc when b ≈ 1.41 a."""
    a = round(radius * 0.414) if square else 0
    for _ in range(a):
        image = _neighbours(_neighbours(image, combine, neutral, (0,)), combine, neutral, (1,))
    for _ in range(radius - a):
        image = _neighbours(image, combine, neutral)
    return image


def _neighbours(
    image: np.ndarray, combine: np.ufunc, neutral: object, axes: tuple[int, ...] = (0, 1)
) -> np.ndarray:
    """`combine` of each pixel of a padded image with its neighbours along `axes`."""
    out = image.copy()
    flat_out, flat_in = out.ravel(), image.ravel()
    for axis in axes:
        step = image.shape[1] if axis == 0 else 1
        combine(flat_out[step:], flat_in[:-step], out=flat_out[step:])
        combine(flat_out[:-step], flat_in[step:], out=flat_out[:-step])
    out[:, -1] = neutral
    return out


def components(mask: np.ndarray) -> tuple[np.ndarray, int]:
    """4-connected components of a (H, W) bool mask whose last column is False: (labels 1..n, 0 off the
    mask; n).

    Works on the runs of set pixels along rows: runs in neighbouring rows that overlap are joined by a
    vectorised union-find, then each run is painted with its component's number.
    """
    stride = mask.shape[1]
    flat = np.concatenate(([False], mask.ravel(), [False]))
    changes = np.flatnonzero(flat[1:] != flat[:-1])
    starts, ends = changes[0::2], changes[1::2]
    runs = len(starts)
    if runs == 0:
        return np.zeros(mask.shape, np.int32), 0
    # The runs of the next row that overlap run i are one contiguous range, first..last (none if
    # first > last).
    first = np.searchsorted(ends, starts + stride, side="right")
    last = np.searchsorted(starts, ends + stride, side="left") - 1
    counts = np.maximum(last - first + 1, 0)
    upper = np.repeat(np.arange(runs), counts)
    lower = np.repeat(first - np.cumsum(counts) + counts, counts) + np.arange(len(upper))
    parent = np.arange(runs)
    while True:
        a, b = parent[upper], parent[lower]
        apart = a != b
        if not apart.any():
            break
        # Hook each larger root under a smaller one it meets (any one: where a root meets several, the
        # others wait for the next round), then point every run straight at its root.
        parent[np.maximum(a[apart], b[apart])] = np.minimum(a[apart], b[apart])
        while not np.array_equal(grand := parent[parent], parent):
            parent = grand
    roots = parent == np.arange(runs)
    values = np.zeros(2 * runs + 1, np.int32)
    values[1::2] = np.cumsum(roots, dtype=np.int32)[parent]
    lengths = np.diff(np.concatenate(([0], changes, [mask.size])))
    return np.repeat(values, lengths).reshape(mask.shape), int(np.count_nonzero(roots))
