"""The clean look at any size: the child's lines drawn afresh at the size asked for, over the region colours
found at the generator's size.

A theme makes its picture at its working size (often 256 px); blown up to a screen or a page, its lines
show the stair-steps of those pixels. But the lines are the child's strokes, which are vectors (or, for a
drawing on paper, a scan far larger than 256 px), and the colour is flat per region. So the colours are
read back from the working-size picture, each line pixel there is given to the area beside it that is
nearest (a region, or the paper around the drawing), and that label map is enlarged: the boundaries
between colours then lie in the middle of the lines, where the ink drawn at the output size covers them.
No halo of paper between fill and line, no colour outside the outline. Where two colours meet with no line
between them, the enlarged boundary is voted smooth rather than stepped (`enlarged_flat`).

Plain NumPy and Pillow, no Qt: the app's display, the exports, `icanvas generate` and printing use it alike.
"""

from dataclasses import replace

import numpy as np
from PIL import Image, ImageOps

from icanvas_desktop.drawing.rasterize import render_sketch
from icanvas_desktop.drawing.strokes import Drawing
from icanvas_desktop.generation.clean_look import INK, LINE, Regions, find_regions, paint_regions
from icanvas_desktop.generation.sketch_input import hints_to_array, sketch_to_array, sketch_to_gray

# The strokes are drawn this many times larger than the output and averaged down: as the app draws its
# sketches up to the working size (so the picture at 256 px is today's, pixel for pixel), and 2× above,
# enough for edges of one or two pixels once the ink ramp sharpens them, in a quarter of the time.
SUPERSAMPLE = 4
LARGE_SUPERSAMPLE = 2
WORK_SIZE = 256
# Line pixels are handed out to the areas beside them this many pixels deep at most (at working size);
# a line thicker than twice this keeps the paper's colour in its middle, under its ink.
MAX_LINE_DEPTH = 32


def big_picture(sketch: Drawing | Image.Image, picture: Image.Image, size: int,
                regions: Regions | None = None) -> Image.Image:
    """The clean-look `picture` (square, RGB, at its working size) of `sketch` (the child's strokes, or the
    sketch image the generator took) as a `size`×`size` RGB picture. `regions` are found again from the
    sketch when not given (a few milliseconds)."""
    return ScalablePicture(sketch, picture, regions).at(size)


class ScalablePicture:
    """A clean-look picture ready to be drawn at any size: what depends on the working size alone (the
    regions, their colours, the filled label map) is worked out once, for a view that is resized often.

    Made from the clean-look picture (its colours read back: exact but for a region so thin that ink
    covers all of it), or with `from_generated`, from the generator's own picture (exact)."""

    def __init__(self, sketch: Drawing | Image.Image, picture: Image.Image, regions: Regions | None = None,
                 colours: np.ndarray | None = None, sketch_work: np.ndarray | None = None):
        work = picture.width
        if picture.height != work:
            raise ValueError(f"pictures are square, got {picture.width}×{picture.height}")
        self.sketch = sketch
        if sketch_work is None:
            sketch_work = _sketch_array(sketch, work)
        if regions is None:
            regions = find_regions(sketch_work)
        self.regions = regions
        self.colours = region_colours(regions, picture) if colours is None else colours
        # Inside a mass (clean_look._ink: strokes drawn close together, shading) the ink keeps the sketch's
        # tone: the sketch is darker than LINE there and yet not solid ink.
        self.mass = (sketch_work < LINE) & (regions.ink < 255)
        self.labels = filled_labels(regions)

    def at(self, size: int) -> Image.Image:
        """The picture as `size`×`size` RGB."""
        ink = ink_at(self.sketch, size, self.mass)
        flat = enlarged_flat(self.labels, self.colours, ink.width)
        flat.paste(Image.new("RGB", ink.size, INK), (0, 0), ink)
        return flat

    @classmethod
    def from_generated(cls, sketch: Drawing | Image.Image, generated: Image.Image,
                       hints: Image.Image | None = None) -> "ScalablePicture":
        """From the generator's picture (RGB, square, its working size) and the crayons' RGBA `hints`
        layer: the clean look's colours exactly as paint_regions chooses them."""
        work = generated.width
        sketch_work = _sketch_array(sketch, work)
        regions = find_regions(sketch_work)
        hint_array = None if hints is None else hints_to_array(hints, work)
        # Painted without ink, every pixel of a region is its colour, and the paper around the drawing too.
        flat = np.asarray(paint_regions(replace(regions, ink=np.zeros_like(regions.ink)), generated,
                                        hints=hint_array))
        colours = np.zeros((regions.count + 1, 3), np.uint8)
        colours[regions.labels.ravel()] = flat.reshape(-1, 3)
        return cls(sketch, generated, regions, colours, sketch_work)


def region_colours(regions: Regions, picture: Image.Image) -> np.ndarray:
    """(count + 1, 3) uint8: the flat colour of each region in a clean-look `picture` of their size, and in
    row 0 the colour of the paper around the drawing (white, or a crayon's).

    Read where no ink covers the colour; a region with no such pixel (a thin sliver between lines) takes its
    least inked pixel with the ink taken out again."""
    pixels = np.asarray(picture.convert("RGB"), np.float32).reshape(-1, 3)
    labels = regions.labels.ravel()
    ink = regions.ink.ravel().astype(np.float32) / 255
    area = (labels > 0) | (ink < 1)
    order = np.flatnonzero(area)[np.argsort(-ink[area], kind="stable")]
    # Assigned from the most inked to the least, so each label ends with its least inked pixel.
    best = np.full(regions.count + 1, -1)
    best[labels[order]] = order
    colours = np.full((regions.count + 1, 3), 255.0, np.float32)
    found = best >= 0
    alpha = np.minimum(ink[best[found]], 0.99)[:, None]
    colours[found] = (pixels[best[found]] - alpha * np.array(INK, np.float32)) / (1 - alpha)
    return np.clip(np.round(colours), 0, 255).astype(np.uint8)


def filled_labels(regions: Regions) -> np.ndarray:
    """(H, W) int32 labels with every line pixel given to the nearest area beside it: 1..count a region, 0
    the paper around the drawing (and the inside of a mass, whose own tone the ink keeps)."""
    open_ = (regions.labels == 0) & (regions.ink == 255)
    # Areas are numbered from 1 here, so that 0 can mean "not yet given".
    grown = np.where(open_, 0, regions.labels + 1).astype(np.int32)
    for _ in range(MAX_LINE_DEPTH):
        if not open_.any():
            break
        reached = grown.copy()
        np.maximum(reached[1:], grown[:-1], out=reached[1:])
        np.maximum(reached[:-1], grown[1:], out=reached[:-1])
        np.maximum(reached[:, 1:], grown[:, :-1], out=reached[:, 1:])
        np.maximum(reached[:, :-1], grown[:, 1:], out=reached[:, :-1])
        fill = open_ & (reached > 0)
        grown[fill] = reached[fill]
        open_ &= ~fill
    grown[open_] = 1
    return grown - 1


def ink_at(sketch: Drawing | Image.Image, size: int, mass: np.ndarray | None = None) -> Image.Image:
    """The child's lines as a `size`×`size` "L" coverage (255 all ink), crisp at that size.

    Strokes are drawn afresh; a sketch image is enlarged (a non-square one centred on white, as the
    generator saw it) with a smooth filter. Either way the ink ramps to solid where the sketch is darker
    than LINE, as at working size (clean_look._ink); within `mass` ((H, W) bool at working size) it keeps the
    sketch's own tone."""
    if isinstance(sketch, Drawing):
        supersample = SUPERSAMPLE if size <= WORK_SIZE else LARGE_SUPERSAMPLE
        gray = render_sketch(sketch, size, supersample=supersample)
    else:
        gray = sketch_to_gray(sketch)
        if gray.width != gray.height:
            gray = ImageOps.pad(gray, (max(gray.size),) * 2, color=255, centering=(0.5, 0.5))
        if gray.size != (size, size):
            shrinking = gray.width > size
            gray = gray.resize((size, size),
                               Image.Resampling.LANCZOS if shrinking else Image.Resampling.BICUBIC)
    ramp = np.clip(np.round((255 - np.arange(256)) / (1.0 - LINE)), 0, 255).astype(np.uint8)
    ink = gray.point(ramp.tolist())
    if mass is not None and mass.any():
        # Nearest, as the label map: the mass ends where it ended at working size.
        tone = gray.point([255 - v for v in range(256)])
        ink.paste(tone, (0, 0), Image.fromarray(mass).resize((size, size), Image.Resampling.NEAREST))
    return ink


def enlarged_flat(labels: np.ndarray, colours: np.ndarray, size: int) -> Image.Image:
    """The flat colours of a square label map, enlarged to `size`×`size` RGB. Each pixel near a boundary
    takes the label with most bilinear weight among the four working-size pixels around it, so that where
    two areas meet with no line between them (a gap the regions closed, a crayon's edge) the boundary runs
    smoothly instead of in steps a working pixel high; the rest are nearest-neighbour, in Pillow."""
    flat = _flat(labels, colours)
    height, width = labels.shape
    if (height, width) == (size, size):
        return flat
    flat = flat.resize((size, size), Image.Resampling.NEAREST)
    # Cells whose 3×3 neighbourhood holds two labels, enlarged the same way: a superset of the pixels
    # whose four neighbours differ.
    edge = np.zeros((height, width), bool)
    edge[:-1] |= labels[:-1] != labels[1:]
    edge[1:] |= labels[:-1] != labels[1:]
    edge[:, :-1] |= labels[:, :-1] != labels[:, 1:]
    edge[:, 1:] |= labels[:, :-1] != labels[:, 1:]
    near = np.asarray(Image.fromarray(edge).resize((size, size), Image.Resampling.NEAREST))
    rows, cols = np.nonzero(near)
    if not len(rows):
        return flat

    def axis(n: int, at: np.ndarray):
        centres = (at + 0.5) * (n / size) - 0.5
        low = np.clip(np.floor(centres).astype(np.intp), 0, max(n - 2, 0))
        return low, np.minimum(low + 1, n - 1), np.clip(centres - low, 0, 1).astype(np.float32)

    y0, y1, wy = axis(height, rows)
    x0, x1, wx = axis(width, cols)
    corners = [labels[y0, x0], labels[y0, x1], labels[y1, x0], labels[y1, x1]]
    weights = [(1 - wy) * (1 - wx), (1 - wy) * wx, wy * (1 - wx), wy * wx]
    best, score = corners[0], np.full(len(rows), -1.0, np.float32)
    for candidate in corners:
        votes = sum(w * (c == candidate) for c, w in zip(corners, weights))
        better = votes > score
        best, score = np.where(better, candidate, best), np.where(better, votes, score)
    pixels = np.array(flat)
    pixels[rows, cols] = colours[best]
    return Image.fromarray(pixels, "RGB")


def _flat(labels: np.ndarray, colours: np.ndarray) -> Image.Image:
    table = np.zeros((len(colours), 4), np.uint8)
    table[:, :3] = colours
    height, width = labels.shape
    pixels = np.take(table.view(np.uint32).ravel(), labels).tobytes()
    return Image.frombytes("RGB", (width, height), pixels, "raw", "RGBX")


def _sketch_array(sketch: Drawing | Image.Image, size: int) -> np.ndarray:
    """(size, size) in [0, 1]: the sketch as the generator and the regions saw it."""
    image = render_sketch(sketch, size) if isinstance(sketch, Drawing) else sketch
    return sketch_to_array(image, size)[..., 0]
