"""Exporting a creation as a PNG wherever the child (or a parent) chooses.

A theme makes pictures of 256 px or less, too small to print. A copy is made at one of three sizes
(`ExportSize`): for a screen, for an A4 page at 300 dpi (3508 px on its long side), or the theme's own. A
picture in the clean look is drawn afresh at that size by the `redraw` the caller gives
(generation/big_picture.big_picture, which this layer may not import: the child's lines from their strokes,
the colours carried over from the picture), so its lines stay crisp on paper; another look, or none given,
is enlarged with Lanczos. The sketch is drawn again from its strokes as the child saw it, crayons included
(the saved sketch PNG, enlarged, stands in if the strokes cannot be read).

Each copy says in its PNG text what it is (`export_info`: the theme, and the look its picture was made in
where the creation recorded one), so a teacher sorting a class's copies can tell the clean ones from the
painted ones without the app.
"""

import io
import logging
from collections.abc import Callable
from enum import StrEnum
from pathlib import Path

from PIL import Image
from PIL.PngImagePlugin import PngInfo

from icanvas_desktop.drawing.rasterize import render_as_seen
from icanvas_desktop.drawing.strokes import Drawing
from icanvas_desktop.files.atomic import atomic_writer
from icanvas_desktop.files.regular import read_regular_bytes
from icanvas_desktop.gallery.store import Creation

log = logging.getLogger(__name__)

PAPER = (255, 255, 255)
EXPORT_SIDE = 1024  # the screen size: a copy that fills most screens, about 17 cm at 150 dpi
A4_SIDE = 3508  # an A4 page's long side at 300 dpi


# (the strokes, the picture in the clean look, the side wanted) → the picture drawn at that side
Redraw = Callable[[Drawing, Image.Image, int], Image.Image]


class ExportSize(StrEnum):
    SCREEN = "screen"  # EXPORT_SIDE high
    A4 = "a4"  # A4_SIDE on the copy's long side
    RAW = "raw"  # the theme's own size: the picture as it was made


class ExportLayout(StrEnum):
    PICTURE = "picture"  # the generated picture alone
    SIDE_BY_SIDE = "side_by_side"  # the sketch on the left, the picture on the right


def export_png(creation: Creation, destination: Path, layout: ExportLayout = ExportLayout.PICTURE,
               side: int | ExportSize | str = ExportSize.SCREEN, redraw: Redraw | None = None) -> Path:
    """Write the creation as a PNG to `destination` (atomically: no half file if it fails) and return it:
    at an `ExportSize`, or at least `side` px high; a clean-look picture drawn afresh by `redraw`."""
    destination, layout = Path(destination), ExportLayout(layout)
    with Image.open(io.BytesIO(read_regular_bytes(creation.picture_path))) as picture:
        own = picture.height
    picture, sketch = copy_images(creation, _height(side, layout, own), layout, redraw)
    if sketch is not None:
        picture = _side_by_side(sketch, picture)
    with atomic_writer(destination) as f:
        picture.save(f, format="PNG", pnginfo=_png_info(creation))
    return destination


def copy_images(creation: Creation, height: int, layout: ExportLayout = ExportLayout.PICTURE,
                redraw: Redraw | None = None) -> tuple[Image.Image, Image.Image | None]:
    """The picture `height` px high (RGB), and for SIDE_BY_SIDE the sketch as the child saw it at the same
    height (None otherwise): what a copy or a printed page shows."""
    with Image.open(io.BytesIO(read_regular_bytes(creation.picture_path))) as picture:
        picture = _picture(creation, picture.convert("RGB"), height, redraw)
    sketch = _sketch(creation, picture.height) if ExportLayout(layout) is ExportLayout.SIDE_BY_SIDE else None
    return picture, sketch


def _height(side: int | ExportSize | str, layout: ExportLayout, own: int) -> int:
    """How high the picture is in the copy: at least `own` (its own height) but for RAW, which is just that;
    on A4 the whole copy's long side is the page's (side by side, two pictures and the gap between)."""
    if isinstance(side, int):
        return max(own, side)
    side = ExportSize(side)
    if side is ExportSize.RAW:
        return own
    if side is ExportSize.A4:
        return A4_SIDE if layout is ExportLayout.PICTURE else (A4_SIDE * 32) // (2 * 32 + 1)
    return max(own, EXPORT_SIDE)


def export_info(creation: Creation) -> dict[str, str]:
    """The text a copy carries: {"Software", "iCanvas theme", and "iCanvas look" when it is known}."""
    info = {"Software": "iCanvas", "iCanvas theme": creation.theme_id}
    look = creation.look()
    if look is not None:
        info["iCanvas look"] = look
    return info


def _png_info(creation: Creation) -> PngInfo:
    png = PngInfo()
    for key, value in export_info(creation).items():
        png.add_itxt(key, value)
    return png


def _scaled(image: Image.Image, height: int) -> Image.Image:
    if image.height == height:
        return image
    return image.resize((round(image.width * height / image.height), height), Image.Resampling.LANCZOS)


def _picture(creation: Creation, picture: Image.Image, height: int, redraw: Redraw | None) -> Image.Image:
    """The picture `height` px high: drawn afresh when it is in the clean look and its strokes can be read,
    else enlarged."""
    if picture.height == height:
        return picture
    if redraw is not None and creation.look() == "clean" and picture.width == picture.height:
        try:
            return redraw(creation.load_drawing(), picture, height)
        except (OSError, ValueError):
            log.warning("strokes of %s unreadable; the copy enlarges its picture", creation.id, exc_info=True)
    return _scaled(picture, height)


def _sketch(creation: Creation, height: int) -> Image.Image:
    try:
        return render_as_seen(creation.load_drawing(), height)
    except (OSError, ValueError):
        log.warning("strokes of %s unreadable; the copy uses its saved sketch", creation.id, exc_info=True)
    with Image.open(io.BytesIO(read_regular_bytes(creation.sketch_path))) as sketch:
        return _scaled(sketch.convert("RGB"), height)


def _side_by_side(sketch: Image.Image, picture: Image.Image) -> Image.Image:
    height = picture.height
    gap = max(height // 32, 1)
    sheet = Image.new("RGB", (sketch.width + gap + picture.width, height), PAPER)
    sheet.paste(sketch, (0, 0))
    sheet.paste(picture, (sketch.width + gap, 0))
    return sheet
