"""Putting a creation's folder right from what is left of it, so that a damaged file never hides the
child's work.

- Something other than a plain file (a FIFO, a device, a folder) in place of one of its files is set aside
  (renamed, never deleted), so that nothing waits on it or reads it without end.
- A thumbnail that is missing or cannot be decoded is made again from the picture (or else the sketch).
- A creation.json that cannot be read, in a folder whose drawing can, is set aside and written again from
  the folder: the fingerprint from the strokes, the time from the strokes file, the theme as UNKNOWN_THEME
  (the stars it earned come back from the star journal, which names the creation).
"""

import io
import json
import logging
import os
from datetime import UTC, datetime
from pathlib import Path

from PIL import Image

from icanvas_desktop.drawing.rasterize import (
    FINGERPRINT_SIZE,
    png_bytes,
    render_hints,
    render_sketch,
    sketch_fingerprint,
)
from icanvas_desktop.drawing.strokes import Drawing, DrawingFormatError
from icanvas_desktop.files.atomic import atomic_write_bytes, atomic_write_text
from icanvas_desktop.files.regular import is_regular_or_absent, read_regular_bytes
from icanvas_desktop.files.set_aside import set_aside

log = logging.getLogger(__name__)

META_NAME = "creation.json"
META_VERSION = 1
# creation.json goes last when saving: a folder that has it has every other file too.
FILE_NAMES = ("strokes.json", "sketch.png", "picture.png", "thumbnail.png")
THUMBNAIL_SIZE = 128
UNKNOWN_THEME = "unknown"  # a rebuilt creation's theme, when nothing left says which it was
# A decoded picture larger than this is not one we saved (the app's pictures are a few hundred pixels).
MAX_PIXELS = 4096 * 4096


def needs_care(folder: Path) -> bool:
    """Whether the folder holds a hidden leftover or something other than a plain file under one of the
    creation's names: one look at the folder (no file opened), so that a long gallery opens quickly."""
    names = (*FILE_NAMES, META_NAME)
    try:
        with os.scandir(folder) as entries:
            return any(e.name.startswith(".") or (e.name in names and not e.is_file()) for e in entries)
    except OSError:
        return False


def set_aside_odd_files(folder: Path) -> list[str]:
    """Set aside whatever is in place of the creation's files and is not a plain file; returns, for the
    grown-up, what was done."""
    done = []
    for name in (*FILE_NAMES, META_NAME):
        path = folder / name
        if not is_regular_or_absent(path):
            try:
                kept = set_aside(path, "not-a-file")
            except OSError as e:
                done.append(f"{path} is not a plain file and could not be moved aside ({e})")
            else:
                done.append(f"{path} was not a plain file; it is kept as {kept}")
    return done


def decoded(path: Path) -> Image.Image | None:
    """The PNG in `path`, decoded, or None when it cannot be (missing, garbled, not a plain file)."""
    try:
        data = read_regular_bytes(path)
    except OSError:
        return None
    return decoded_png(data)


def decoded_png(data: bytes) -> Image.Image | None:
    """PNG bytes decoded, or None when they are not a PNG of a size we save."""
    try:
        with Image.open(io.BytesIO(data)) as image:
            if image.format != "PNG" or image.width * image.height > MAX_PIXELS:
                return None
            image.load()
            return image.copy()
    except Exception:  # Pillow raises many kinds for bad data  # noqa: BLE001
        return None


def thumbnail(picture: Image.Image) -> Image.Image:
    thumb = picture.convert("RGB")
    thumb.thumbnail((THUMBNAIL_SIZE, THUMBNAIL_SIZE), Image.Resampling.LANCZOS)
    return thumb


def make_thumbnail_again(folder: Path) -> bool:
    """Write the thumbnail again when it is missing or cannot be decoded; True when it was written."""
    if decoded(folder / "thumbnail.png") is not None:
        return False
    source = decoded(folder / "picture.png") or decoded(folder / "sketch.png")
    if source is None:
        source = Image.new("RGB", (THUMBNAIL_SIZE, THUMBNAIL_SIZE), "white")
    atomic_write_bytes(folder / "thumbnail.png", png_bytes(thumbnail(source)))
    return True


def rebuilt_meta(folder: Path) -> dict | None:
    """A creation.json for `folder` made from its files, written in place of the damaged one (which is
    set aside); None when its drawing cannot be read either."""
    strokes = folder / "strokes.json"
    try:
        drawing = Drawing.from_json(read_regular_bytes(strokes))
        made = datetime.fromtimestamp(strokes.stat().st_mtime, UTC)
    except (OSError, ValueError, DrawingFormatError, RecursionError):
        return None
    if not all((folder / name).is_file() for name in ("sketch.png", "picture.png")):
        return None
    hints = render_hints(drawing, FINGERPRINT_SIZE) if drawing.has_crayon else None
    meta = {"version": META_VERSION, "id": folder.name, "theme_id": UNKNOWN_THEME,
            "created_at": made.isoformat(),
            "fingerprint": sketch_fingerprint(render_sketch(drawing, FINGERPRINT_SIZE), hints),
            "prompt_id": None, "rebuilt": True}
    make_thumbnail_again(folder)
    path = folder / META_NAME
    try:
        set_aside(path, "damaged")
    except FileNotFoundError:
        pass
    atomic_write_text(path, json.dumps(meta, ensure_ascii=False))
    return meta
