"""Exporting a creation as a PNG wherever the child (or a parent) chooses."""

from enum import StrEnum
from pathlib import Path

from PIL import Image

from icanvas_desktop.atomic import atomic_writer
from icanvas_desktop.gallery.store import Creation

PAPER = (255, 255, 255)


class ExportLayout(StrEnum):
    PICTURE = "picture"  # the generated picture alone
    SIDE_BY_SIDE = "side_by_side"  # the sketch on the left, the picture on the right


def export_png(creation: Creation, destination: Path, layout: ExportLayout = ExportLayout.PICTURE) -> Path:
    """Write the creation as a PNG to `destination` (atomically: no half file if it fails) and return it."""
    destination, layout = Path(destination), ExportLayout(layout)
    with Image.open(creation.picture_path) as picture:
        picture = picture.convert("RGB")
    if layout is ExportLayout.SIDE_BY_SIDE:
        with Image.open(creation.sketch_path) as sketch:
            picture = _side_by_side(sketch.convert("RGB"), picture)
    with atomic_writer(destination) as f:
        picture.save(f, format="PNG")
    return destination


def _side_by_side(sketch: Image.Image, picture: Image.Image) -> Image.Image:
    height = picture.height
    if sketch.height != height:
        width = round(sketch.width * height / sketch.height)
        sketch = sketch.resize((width, height), Image.Resampling.LANCZOS)
    gap = max(height // 32, 1)
    sheet = Image.new("RGB", (sketch.width + gap + picture.width, height), PAPER)
    sheet.paste(sketch, (0, 0))
    sheet.paste(picture, (sketch.width + gap, 0))
    return sheet
