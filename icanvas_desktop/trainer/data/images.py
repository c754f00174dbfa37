"""Reading the pictures a theme is trained on, whatever their mode, with messages an adult can act on.

Every picture comes back as 8-bit RGB composited onto white, because the generator learns to paint
on a white page; real transparency is kept beside it, since it is the best outline there is.

Near 400 lines because a folder a parent points the trainer at can hold anything (docs/security.md):
every mode, size, chunk and kind of file has its check and its message here, in one place.
"""

from __future__ import annotations

import io
import os
import stat
import warnings
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from PIL import Image, ImageOps, UnidentifiedImageError

PICTURE_SUFFIXES = (".png", ".jpg", ".jpeg", ".webp")

# Beyond this a picture is almost surely a mistake (a scan, a poster) and would only be shrunk to 256 px.
MAX_SIDE = 8192
# Pillow reads a WebP through libwebp's animation decoder, which keeps two full RGBA canvases besides the
# picture itself: 8000 x 8000 px took 1.1 GB (benchmarks/prepare_memory.py). This keeps a WebP to about
# 0.6 GB.
MAX_WEBP_PIXELS = 6000 * 6000
# An 8192 px picture as an uncompressed PNG; anything longer is not a picture we would use, and reading it
# (a link to /dev/zero never ends) must stop before it fills the memory.
MAX_FILE_BYTES = 256 * 2**20
# Pillow's format names that we read; MPO is what many cameras' JPEGs open as.
_SUPPORTED_FORMATS = frozenset({"PNG", "JPEG", "MPO", "WEBP"})
# Aligned A|B pairs (edges2shoes is 512x256) have square-ish halves; past this it is not such a pair.
_MAX_HALF_ASPECT = 4.0
_WIDE_GREY_MODES = ("I;16", "I;16L", "I;16B", "I;16N", "I", "F")
_EXIF_ORIENTATION = 0x0112
# Magic numbers of formats people commonly rename by mistake, to say what a file really is.
_MAGIC = (
    (b"\x89PNG\r\n\x1a\n", "PNG"),
    (b"\xff\xd8\xff", "JPEG"),
    (b"GIF8", "GIF"),
    (b"BM", "BMP"),
    (b"II*\x00", "TIFF"),
    (b"MM\x00*", "TIFF"),
    (b"%PDF", "PDF"),
    (b"<svg", "SVG"),
    (b"<?xml", "SVG or other XML"),
)


class ImageProblem(Exception):
    """A picture or folder that cannot be used; `str()` says which file and what to do about it."""

    def __init__(self, path: Path, message: str) -> None:
        super().__init__(message)
        self.path = path


@dataclass
class LoadedPicture:
    """A picture as 8-bit RGB on white, its alpha if it had real transparency, and what was converted."""

    rgb: np.ndarray
    alpha: np.ndarray | None = None
    notes: list[str] = field(default_factory=list)


def find_pictures(folder: Path) -> list[Path]:
    """All PNG, JPEG and WebP files under `folder` (recursively, hidden ones left out), sorted."""
    folder = Path(folder)
    files = _visible_files(folder)
    pictures = [path for path in files if _has_picture_suffix(path)]
    if not pictures:
        others = [path for path in files if not _has_picture_suffix(path)]
        found = (
            "it is empty"
            if not others
            else f"found {_count(len(others), 'other file')}, e.g. {others[0].name}"
        )
        raise ImageProblem(
            folder, f"No pictures found in {folder}: put PNG, JPEG or WebP files in it ({found})"
        )
    return pictures


def find_unsupported(folder: Path) -> list[Path]:
    """The visible files under `folder` that `find_pictures` leaves out, so the user can be told."""
    return [path for path in _visible_files(Path(folder)) if not _has_picture_suffix(path)]


def read_picture_file(path: Path) -> bytes:
    """The bytes of an ordinary file of at most MAX_FILE_BYTES, or ImageProblem: a FIFO, a device or a link to
    one is never read (opened without blocking, so a FIFO cannot hang the run), and nothing past the limit."""
    path = Path(path)
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except OSError as err:
        raise ImageProblem(path, f"{path} cannot be read ({err.strerror}); "
                                 "check that it exists and may be read") from err
    with os.fdopen(fd, "rb") as file:
        status = os.fstat(fd)
        check_picture_file(path, status)
        # As much as it holds, no more: read() sets aside as many bytes as it is asked for.
        data = file.read(status.st_size + 1)
    if len(data) > status.st_size:
        raise ImageProblem(path, f"{path} grew while it was read: "
                                 "run this again once it is completely written")
    return data


def check_picture_file(path: Path, status: os.stat_result | None = None) -> None:
    """ImageProblem unless `path` (followed through links) is a non-empty ordinary file of at most
    MAX_FILE_BYTES; reads nothing, so it is safe on a FIFO or a device."""
    try:
        status = status or os.stat(path)
    except OSError as err:
        raise ImageProblem(path, f"{path} cannot be read ({err.strerror}); "
                                 "check that it exists and may be read") from err
    if not stat.S_ISREG(status.st_mode):
        kind = ("folder" if stat.S_ISDIR(status.st_mode) else "FIFO" if stat.S_ISFIFO(status.st_mode)
                else "device")
        raise ImageProblem(path, f"{path} is not a picture file but a {kind} (or a link to one); "
                                 "remove it from the folder or put the picture itself there")
    if status.st_size == 0:
        raise ImageProblem(path, f"{path} is empty (0 bytes); re-save or re-download it")
    if status.st_size > MAX_FILE_BYTES:
        raise ImageProblem(path, _too_long_message(path))


def _too_long_message(path: Path) -> str:
    return (f"{path} is larger than {MAX_FILE_BYTES // 2**20} MiB, more than any picture we use needs: "
            f"save it as JPEG or at most {MAX_SIDE} px a side")


def load_picture(path: Path, data: bytes | None = None, max_side: int | None = None, pair: bool = False
                 ) -> LoadedPicture:
    """Decode a PNG, JPEG or WebP file completely into RGB on white (plus alpha), or raise ImageProblem.

    `data`: the file's bytes when the caller has read them already (with `read_picture_file`).
    `max_side`: a picture more than twice as large is shrunk by a whole factor as it is decoded (a JPEG by its
    decoder, others right after), keeping at least `max_side` px a side: converting an 8192 px picture at full
    size to floating point would take gigabytes, for a picture that is only going to be made 256 px.
    `pair`: it is a sketch|picture pair, checked as one and reduced half by half (`max_side` is a half's)."""
    path = Path(path)
    data = read_picture_file(path) if data is None else data
    img = _open(path, data)
    try:
        img, notes = _decode(path, img, data, max_side, pair)
        picture = picture_from_image(img)
    finally:
        img.close()
    picture.notes[:0] = notes
    return picture


def picture_from_image(img: Image.Image) -> LoadedPicture:
    """Convert a decoded Pillow image of any mode to RGB on white plus real transparency."""
    notes: list[str] = []
    if img.mode in _WIDE_GREY_MODES:
        raw = np.asarray(img)
        grey, note = _wide_grey_to_8bit(raw, img.mode)
        notes.append(note)
        rgba = np.dstack([grey, grey, grey, _transparent_value_alpha(raw, img.info)])
    else:
        if img.mode == "CMYK":
            notes.append(
                "was CMYK; converted to RGB, colours may shift a little: save it as RGB to avoid this"
            )
        # convert() also turns palette transparency and tRNS colour keys into alpha.
        rgba = np.asarray(img.convert("RGBA"))
    alpha = rgba[..., 3]
    has_transparency = bool((alpha < 255).any())
    return LoadedPicture(
        rgb=_composite_on_white(rgba), alpha=alpha.copy() if has_transparency else None, notes=notes
    )


def split_aligned(path: Path, data: bytes | None = None, max_side: int | None = None
                  ) -> tuple[np.ndarray, LoadedPicture]:
    """Split a pix2pix aligned pair (sketch on the left, picture on the right).

    Returns the sketch as float32 in [0, 1] with white paper = 1 and lines = 0, and the picture half.
    `max_side`: as for load_picture, for each half.
    """
    path = Path(path)
    whole = load_picture(path, data, max_side, pair=True)
    half = whole.rgb.shape[1] // 2
    notes = list(whole.notes)
    sketch = _luminance(whole.rgb[:, :half])
    if sketch.mean() < 0.5:
        # HED-style pairs sometimes store white lines on black; our convention is dark lines on white.
        sketch = 1.0 - sketch
        notes.append("its sketch half was light lines on dark; inverted to dark lines on white")
    alpha = None if whole.alpha is None else whole.alpha[:, half:].copy()
    if alpha is not None and alpha.min() == 255:
        alpha = None  # only the sketch half was transparent
    picture = LoadedPicture(rgb=whole.rgb[:, half:].copy(), alpha=alpha, notes=notes)
    return sketch, picture


def _visible_files(folder: Path) -> list[Path]:
    if not folder.exists():
        raise ImageProblem(folder, f"{folder} does not exist; pass the folder that holds your pictures")
    if not folder.is_dir():
        raise ImageProblem(
            folder, f"{folder} is a file, not a folder; pass the folder that holds your pictures"
        )
    found: list[Path] = []
    for root, dirs, files in os.walk(folder):
        # Hidden folders hold thumbnails, version control and macOS "._" copies, never pictures to learn.
        dirs[:] = [name for name in dirs if not name.startswith(".")]
        found.extend(Path(root, name) for name in files if not name.startswith("."))
    return sorted(found)


def _has_picture_suffix(path: Path) -> bool:
    return path.suffix.lower() in PICTURE_SUFFIXES


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def _open(path: Path, data: bytes) -> Image.Image:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            img = Image.open(io.BytesIO(data))
    except (Image.DecompressionBombWarning, Image.DecompressionBombError) as err:
        raise ImageProblem(
            path, f"{path} is far too large; resize it to at most {MAX_SIDE} px a side"
        ) from err
    except UnidentifiedImageError as err:
        raise ImageProblem(path, _unreadable_message(path, data)) from err
    except Exception as err:  # some decoders (WebP) already fail on opening a damaged file
        raise ImageProblem(path, _failure_message(path, err)) from err
    try:
        _check_format_and_size(path, img)
    except ImageProblem:
        img.close()
        raise
    return img


def _failure_message(path: Path, err: Exception) -> str:
    if isinstance(err, ValueError) and "MAX_TEXT_CHUNK" in str(err):  # Pillow's bound on a compressed chunk
        return (f"{path} holds a colour profile or text larger than pictures need; open it and save it again "
                "without metadata (in GIMP: Export, untick 'Save color profile' and 'Save comment')")
    return _damaged_message(path, str(err))


def _unreadable_message(path: Path, data: bytes) -> str:
    kind = _sniff(data)
    if kind in ("PNG", "JPEG", "WebP"):
        return _damaged_message(path, f"it starts like a {kind} file but cannot be read")
    if kind is not None:
        return f"{path} is a {kind} file; only PNG, JPEG and WebP are supported: convert it to PNG"
    return f"{path} is not a picture (not PNG, JPEG or WebP inside); replace it with the picture or remove it"


def _sniff(data: bytes) -> str | None:
    head = data[:16]
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "WebP"
    return next((kind for magic, kind in _MAGIC if head.startswith(magic)), None)


def _check_format_and_size(path: Path, img: Image.Image) -> None:
    if img.format not in _SUPPORTED_FORMATS:
        raise ImageProblem(
            path, f"{path} is a {img.format} file; only PNG, JPEG and WebP are supported: convert it to PNG"
        )
    width, height = img.size
    if width == 0 or height == 0:
        raise ImageProblem(path, f"{path} has no pixels ({width}x{height}); re-save or re-download it")
    if max(width, height) > MAX_SIDE:
        raise ImageProblem(
            path, f"{path} is too large ({width}x{height} px): resize it to at most {MAX_SIDE} px a side"
        )
    if img.format == "WEBP" and width * height > MAX_WEBP_PIXELS:
        raise ImageProblem(
            path, f"{path} is a {width}x{height} px WebP picture, which takes over a gigabyte to read: "
            f"save it as PNG or JPEG, or as WebP of at most {MAX_WEBP_PIXELS // 10**6} million pixels "
            "(6000x6000 px)"
        )


def _decode(path: Path, img: Image.Image, data: bytes, max_side: int | None = None, pair: bool = False
            ) -> tuple[Image.Image, list[str]]:
    """Fully decode `img` (an animation's first frame), returning the (possibly reopened, rotated and reduced)
    image and notes."""
    notes: list[str] = []
    try:
        if img.format == "PNG":
            # load() stops after the pixel data; verify() also checks every checksum and the end marker.
            img.verify()
            img.close()
            img = Image.open(io.BytesIO(data))
        if img.mode not in _WIDE_GREY_MODES and any(";16" in str(tile.args) for tile in img.tile):
            notes.append("had 16 bits per channel; reduced to 8 bits")
        if max_side and img.format in ("JPEG", "MPO") and not pair:  # a pair's halves must stay exact
            img.draft(img.mode, (max_side, max_side))
        img.load()
        if img.getexif().get(_EXIF_ORIENTATION, 1) != 1:
            notes.append("was rotated or flipped as its EXIF orientation asks")
            rotated = ImageOps.exif_transpose(img)
            img.close()
            img = rotated
        if pair:
            _check_pair(path, *img.size)
        side = max(img.width // 2 if pair else img.width, img.height)
        if max_side and side >= 2 * max_side:
            reduced = (_reduced_pair if pair else _reduced)(img, side // max_side)
            img.close()
            img = reduced
    except ImageProblem:
        img.close()
        raise
    # Pillow's decoders report corrupt data with many exception types; all mean the same to the user.
    except Exception as err:
        img.close()
        raise ImageProblem(path, _failure_message(path, err)) from err
    return img, notes


def _check_pair(path: Path, width: int, height: int) -> None:
    if width % 2:
        raise ImageProblem(
            path,
            f"{path} is {width} px wide, an odd number, so it cannot be split into sketch|picture halves: "
            "crop one column",
        )
    half = width // 2
    if not 1 / _MAX_HALF_ASPECT <= half / height <= _MAX_HALF_ASPECT:
        raise ImageProblem(
            path,
            f"{path} is {width}x{height} px, so its sketch and picture halves would be {half}x{height} px, "
            "too far from square for a sketch|picture pair: check that it is one, or crop it",
        )


def _reduced(img: Image.Image, factor: int, box: tuple[int, int, int, int] | None = None) -> Image.Image:
    # Averaging palette indices or single bits would make other colours; 16-bit grey goes through 32-bit.
    if img.mode in ("P", "PA", "1"):
        converted = img.convert("RGBA")
    elif img.mode.startswith("I;16"):
        converted = img.convert("I")
    else:
        return img.reduce(factor, box)
    try:
        return converted.reduce(factor, box)
    finally:
        converted.close()


def _reduced_pair(img: Image.Image, factor: int) -> Image.Image:
    """Each half reduced on its own, so that no sketch pixel is averaged into the picture, side by side
    again."""
    half = img.width // 2
    left, right = (_reduced(img, factor, (x, 0, x + half, img.height)) for x in (0, half))
    pair = Image.new(left.mode, (2 * left.width, left.height))
    pair.paste(left, (0, 0))
    pair.paste(right, (left.width, 0))
    pair.info = dict(left.info)  # a 16-bit grey pair's transparent value
    left.close()
    right.close()
    return pair


def _damaged_message(path: Path, reason: str) -> str:
    return f"{path} is damaged or incomplete ({reason}); re-save or re-download it"


def _wide_grey_to_8bit(raw: np.ndarray, mode: str) -> tuple[np.ndarray, str]:
    values = raw.astype(np.float64)
    low, high = float(values.min()), float(values.max())
    if mode.startswith("I;16") or (mode == "I" and low >= 0 and high <= 65535):
        # Older Pillow opened 16-bit PNGs as "I"; their range is still 0..65535.
        return _to_uint8(values / 65535.0), "was 16-bit grayscale; scaled to 8 bits"
    if mode == "F" and low >= 0 and high <= 1:
        return _to_uint8(values), "was floating-point grayscale (0..1); scaled to 8 bits"
    spread = high - low
    scaled = (values - low) / spread if spread > 0 else np.zeros_like(values)
    kind = "32-bit" if mode == "I" else "floating-point"
    return _to_uint8(scaled), f"was {kind} grayscale; stretched its range {low:g}..{high:g} to 8 bits"


def _to_uint8(unit: np.ndarray) -> np.ndarray:
    return np.rint(np.clip(unit, 0.0, 1.0) * 255.0).astype(np.uint8)


def _transparent_value_alpha(raw: np.ndarray, info: dict) -> np.ndarray:
    transparent = info.get("transparency")
    if isinstance(transparent, int):
        return np.where(raw == transparent, 0, 255).astype(np.uint8)
    return np.full(raw.shape, 255, dtype=np.uint8)


def _composite_on_white(rgba: np.ndarray) -> np.ndarray:
    opacity = rgba[..., 3:4].astype(np.float32) / 255.0
    rgb = rgba[..., :3].astype(np.float32) * opacity + 255.0 * (1.0 - opacity)
    return np.rint(rgb).astype(np.uint8)


def _luminance(rgb: np.ndarray) -> np.ndarray:
    weights = np.array([0.299, 0.587, 0.114], dtype=np.float32)
    return (rgb.astype(np.float32) @ weights / 255.0).astype(np.float32)
