"""Exporting a creation as a PNG wherever the child (or a parent) chooses.

A theme makes pictures of 256 px or less, too small to print; copies are made at least EXPORT_SIDE
pixels high. The picture is enlarged with Lanczos; the sketch is drawn again from its strokes at that size,
so its lines stay sharp (the saved sketch PNG, enlarged, stands in if the strokes cannot be read).

Each copy says in its PNG text what it is (`export_info`: the theme, and the look its picture was made in
where the creation recorded one), so a teacher sorting a class's copies can tell the clean ones from the
painted ones without the app.
"""

import io
import logging
from enum import StrEnum
from pathlib import Path

from PIL import Image
from PIL.PngImagePlugin import PngInfo

from icanvas_desktop.drawing.rasterize import render_sketch
from icanvas_desktop.files.atomic import atomic_writer
from icanvas_desktop.files.regular import read_regular_bytes
from icanvas_desktop.gallery.store import Creation

log = logging.getLogger(__name__)

PAPER = (255, 255, 255)
EXPORT_SIDE = 1024  # about 17 cm at 150 dpi: a page-sized print that still looks smooth


class ExportLayout(StrEnum):
    PICTURE = "picture"  # the generated picture alone
    SIDE_BY_SIDE = "side_by_side"  # the sketch on the left, the picture on the right


def export_png(creation: Creation, destination: Path, layout: ExportLayout = ExportLayout.PICTURE,
               side: int = EXPORT_SIDE) -> Path:
    """Write the creation as a PNG at least `side` px high to `destination` (atomically: no half file if it
    fails) and return it."""
    destination, layout = Path(destination), ExportLayout(layout)
    with Image.open(io.BytesIO(read_regular_bytes(creation.picture_path))) as picture:
        picture = _scaled(picture.convert("RGB"), max(picture.height, side))
    if layout is ExportLayout.SIDE_BY_SIDE:
        picture = _side_by_side(_sketch(creation, picture.height), picture)
    with atomic_writer(destination) as f:
        picture.save(f, format="PNG", pnginfo=_png_info(creation))
    return destination


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


def _sketch(creation: Creation, height: int) -> Image.Image:
    try:
        return render_sketch(creation.load_drawing(), height).convert("RGB")
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
