"""Turning stroke data into the sketch a generator sees: black lines on white, at any size; and the crayon
strokes into the hint layer that goes with it.

Drawn from the strokes, not from a screenshot of the canvas, so the sketch does not depend on the
window's size or on how the canvas widget paints. Crayons are hints, not ink: the sketch leaves them out.
"""

import hashlib
import io
import math

import numpy as np
from PIL import Image, ImageDraw

from icanvas_desktop.drawing.strokes import CRAYON_COLOURS, Drawing, Stroke, Tool

INK = 0
PAPER = 255
# Lines never get thinner than this many output pixels, or a small pen would vanish in a small sketch.
MIN_LINE_PX = 1.0
# Size of the rendering that `sketch_fingerprint` hashes: the same for every theme.
FINGERPRINT_SIZE = 256
NO_HINT = (0, 0, 0, 0)
# How the canvas shows a crayon: faint enough that the child's lines stay what the sheet shows, strong enough
# to tell eight crayons apart. The sketch as the child saw it (`render_as_seen`) shows them so too.
CRAYON_OPACITY = 0.35
# Above this size a sketch is drawn 2× larger and averaged down instead of 4×: its edges stay smooth, and an
# A4 page (3508 px) takes a quarter of the time and memory.
LARGE_SKETCH = 1024


def render_sketch(drawing: Drawing, size: int = 256, *, supersample: int = 4) -> Image.Image:
    """Render `drawing` as a `size`×`size` greyscale ("L") image: ink 0 on paper 255.

    Segments are round-capped and as wide as the pen's pressure at each end; the eraser paints paper.
    Antialiased by drawing `supersample` times larger and averaging down.
    """
    image = _work_image(drawing, size, supersample)
    if supersample == 1:
        return image
    return image.resize((size, size), Image.Resampling.BOX)


class GrowingSketch:
    """`render_sketch` for a drawing that grows by its last stroke, as in live mode, where it is asked for
    many times a second: every stroke but the last stays drawn on a kept work image, so each call draws
    only the newest strokes (the one under the pen and any finished since) instead of all of them.

    Gives exactly what `render_sketch` gives. Strokes are recognised by identity: after an undo, or any
    other change, the work image is drawn afresh.
    """

    def __init__(self, supersample: int = 4):
        self.supersample = supersample
        self._size = 0
        self._kept: tuple[Stroke, ...] = ()
        self._image: Image.Image | None = None

    def render(self, drawing: Drawing, size: int = 256) -> Image.Image:
        strokes = drawing.strokes
        kept = self._kept
        fresh = (self._image is None or size != self._size or len(kept) > len(strokes)
                 or any(a is not b for a, b in zip(kept, strokes)))
        if fresh:
            self._image, self._size, kept = _work_image(Drawing(), size, self.supersample), size, ()
        draw = ImageDraw.Draw(self._image)
        for stroke in strokes[len(kept):-1]:
            _draw_stroke(draw, stroke, size, self.supersample)
        self._kept = strokes[:-1] if strokes else ()
        image = self._image.copy()
        if strokes:
            _draw_stroke(ImageDraw.Draw(image), strokes[-1], size, self.supersample)
        return image if self.supersample == 1 else image.resize((size, size), Image.Resampling.BOX)


def render_hints(drawing: Drawing, size: int = 256) -> Image.Image:
    """The crayon strokes of `drawing` as a `size`×`size` RGBA hint layer: each crayon's colour, opaque, where
    it went (a later crayon over an earlier one), transparent elsewhere and where the eraser rubbed after.

    Not antialiased: a pixel is one crayon's colour or none, so that no blend of two crayons (or of a crayon
    and nothing) is taken for a colour the child chose (generation/sketch_input.hints_to_array).
    """
    if size < 1:
        raise ValueError(f"size must be positive, got {size}")
    image = Image.new("RGBA", (size, size), NO_HINT)
    draw = ImageDraw.Draw(image)
    for stroke in drawing.strokes:
        if stroke.tool is not Tool.PEN:
            colour = NO_HINT if stroke.crayon is None else (*CRAYON_COLOURS[stroke.crayon], 255)
            _draw_shape(draw, stroke, size, 1, colour)
    return image


def render_as_seen(drawing: Drawing, size: int) -> Image.Image:
    """The drawing as the canvas shows it, `size`×`size` RGB: the crayons faintly, the pen's lines over
    them, the eraser rubbing out both (for copies, prints and the gallery: crayon marks are part of what the
    child drew, though the sketch the generator reads leaves them out)."""
    supersample = 4 if size <= LARGE_SKETCH else 2
    sheet = Image.new("RGB", (size, size), (PAPER,) * 3)
    if drawing.has_crayon:
        # The hint layer has hard edges on purpose (render_hints); seen, they are smoothed like the lines.
        fine = 2 if size <= LARGE_SKETCH else 1
        crayons = render_hints(drawing, size * fine)
        if fine > 1:
            crayons = crayons.resize((size, size), Image.Resampling.BOX)
        sheet.paste(crayons.convert("RGB"), (0, 0),
                    crayons.getchannel("A").point(lambda a: round(a * CRAYON_OPACITY)))
    lines = render_sketch(drawing, size, supersample=supersample)
    sheet.paste((INK,) * 3, (0, 0, size, size), lines.point(lambda v: PAPER - v))
    return sheet


def erases_ink(drawing: Drawing, eraser: Stroke, size: int = FINGERPRINT_SIZE, supersample: int = 2) -> bool:
    """Whether `eraser`, drawn after `drawing`, turns any of its ink or crayon back into paper.

    An eraser stroke that does not (on blank paper, or where everything is rubbed out already) changes
    nothing, so it should not become a step to undo. Compared before averaging down, so rubbing out
    the edge of a thin line counts.
    """
    if drawing.has_crayon and (render_hints(drawing, size).tobytes()
                               != render_hints(Drawing((*drawing.strokes, eraser)), size).tobytes()):
        return True
    before = _work_image(drawing, size, supersample)
    if before.getextrema()[0] == PAPER:
        return False
    after = before.copy()
    _draw_stroke(ImageDraw.Draw(after), eraser, size, supersample)
    return after.tobytes() != before.tobytes()


def _work_image(drawing: Drawing, size: int, supersample: int) -> Image.Image:
    if size < 1 or supersample < 1:
        raise ValueError(f"size and supersample must be positive, got {size} and {supersample}")
    scale = size * supersample
    image = Image.new("L", (scale, scale), PAPER)
    draw = ImageDraw.Draw(image)
    for stroke in drawing.strokes:
        _draw_stroke(draw, stroke, size, supersample)
    return image


def _draw_stroke(draw: ImageDraw.ImageDraw, stroke: Stroke, size: int, supersample: int) -> None:
    """`stroke` on the sketch's work image: ink for the pen, paper for the eraser, nothing for a crayon."""
    if stroke.tool is not Tool.CRAYON:
        _draw_shape(draw, stroke, size, supersample, PAPER if stroke.tool is Tool.ERASER else INK)


def _draw_shape(draw: ImageDraw.ImageDraw, stroke: Stroke, size: int, supersample: int, colour) -> None:
    scale = size * supersample
    # Pixel centres sit at half-integers of the work image, so a point at 0.5 lands in the middle.
    centres = [(p.x * scale - 0.5, p.y * scale - 0.5) for p in stroke.points]
    radii = [max(stroke.width_at(p.pressure) * size, MIN_LINE_PX) * supersample / 2 for p in stroke.points]
    for (x, y), r in zip(centres, radii):
        draw.ellipse((x - r, y - r, x + r, y + r), fill=colour)
    for (x0, y0), (x1, y1), r0, r1 in zip(centres, centres[1:], radii, radii[1:]):
        length = math.hypot(x1 - x0, y1 - y0)
        if length == 0:
            continue
        nx, ny = -(y1 - y0) / length, (x1 - x0) / length
        draw.polygon(
            [(x0 + nx * r0, y0 + ny * r0), (x1 + nx * r1, y1 + ny * r1),
             (x1 - nx * r1, y1 - ny * r1), (x0 - nx * r0, y0 - ny * r0)],
            fill=colour,
        )


def ink_coverage(image: Image.Image) -> float:
    """How much of the image is ink, 0 (blank paper) to 1 (all black): mean darkness."""
    pixels = np.asarray(image.convert("L"), dtype=np.float64)
    return float(1.0 - pixels.mean() / PAPER)


def sketch_fingerprint(sketch: Image.Image, hints: Image.Image | None = None) -> str:
    """A hash of what a sketch shows, and of its crayons (`render_hints`), for telling the same drawing
    saved twice: the same lines coloured in otherwise are another picture.

    Pass the renderings at FINGERPRINT_SIZE, so a drawing has one fingerprint whatever its theme's size.
    Strokes that change nothing (an eraser on blank paper) do not change it, and a drawing without crayons
    keeps the fingerprint it had before there were crayons.
    """
    pixels = np.asarray(sketch.convert("L"), dtype=np.uint8)
    digest = hashlib.sha256(f"{pixels.shape[1]}x{pixels.shape[0]}:".encode())
    digest.update(pixels.tobytes())
    if hints is not None and hints.getextrema()[3][1] > 0:
        digest.update(b"hints:" + hints.convert("RGBA").tobytes())
    return digest.hexdigest()


def png_bytes(image: Image.Image) -> bytes:
    """PNG-encode an image (a rendered sketch, a generated picture) for saving."""
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()
