"""Reading training pictures: every mode Pillow knows becomes 8-bit RGB on white; bad files are named."""

from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from PIL import Image, ImageOps, UnidentifiedImageError

PICTURE_SUFFIXES = (".png", ".jpg", ".jpeg", ".webp")
FORMATS = {"PNG", "JPEG", "WEBP"}
MAX_SIDE = 8192


class ImageProblem(Exception):
    """A file that cannot be used; `str()` names it and says what to do."""

    def __init__(self, path: Path, message: str):
        super().__init__(f"{path}: {message}")
        self.path = path


@dataclass
class LoadedPicture:
    rgb: np.ndarray  # (H, W, 3) uint8, transparency composited onto white
    alpha: np.ndarray | None = None  # (H, W) uint8, only where the file had real transparency
    notes: list[str] = field(default_factory=list)


def _visible_files(folder: Path):
    return (p for p in sorted(folder.rglob("*")) if p.is_file() and not any(
        part.startswith(".") for part in p.relative_to(folder).parts))


def find_pictures(folder: Path) -> list[Path]:
    folder = Path(folder)
    if not folder.is_dir():
        raise ImageProblem(folder, "does not exist or is not a folder; pass the folder that holds your pictures")
    pictures = [p for p in _visible_files(folder) if p.suffix.lower() in PICTURE_SUFFIXES]
    if not pictures:
        others = find_unsupported(folder)
        example = f" (found {len(others)} other files, e.g. {others[0].name})" if others else ""
        raise ImageProblem(folder, f"No pictures found{example}: put PNG, JPEG or WebP files in it")
    return pictures


def find_unsupported(folder: Path) -> list[Path]:
    return [p for p in _visible_files(Path(folder)) if p.suffix.lower() not in PICTURE_SUFFIXES]


def load_picture(path: Path) -> LoadedPicture:
    path = Path(path)
    try:
        with Image.open(path) as image:
            if image.format not in FORMATS:
                raise ImageProblem(path, f"is a {image.format} file; only PNG, JPEG and WebP are supported: "
                                         "convert it to PNG")
            if not (0 < image.width <= MAX_SIDE and 0 < image.height <= MAX_SIDE):
                raise ImageProblem(path, f"is {image.width}x{image.height} px; resize it to at most "
                                         f"{MAX_SIDE} px a side")
            image.load()
            image = ImageOps.exif_transpose(image)
    except UnidentifiedImageError:
        raise ImageProblem(path, "is not a picture Pillow can read; re-save it as PNG or JPEG") from None
    except (OSError, SyntaxError, ValueError) as e:
        raise ImageProblem(path, f"is damaged or incomplete ({e}); re-save or re-download it") from None
    return _to_rgb(image)


def _to_rgb(image: Image.Image) -> LoadedPicture:
    notes = []
    mode = image.mode
    if mode in ("I;16", "I;16B", "I;16L", "I", "F"):
        pixels = np.asarray(image, np.float64)
        top = 65535.0 if mode.startswith("I;16") or (mode == "I" and pixels.max() > 255) else 255.0
        if mode == "F":
            top = 1.0 if pixels.max() <= 1.0 else 255.0
        image = Image.fromarray(np.clip(np.round(pixels / top * 255), 0, 255).astype(np.uint8), "L")
        notes.append(f"was {mode} ({'16' if top > 255 else 'high'}-bit) grayscale; scaled to 8 bits")
    elif mode == "CMYK":
        notes.append("was CMYK; converted to RGB, colours may shift a little: save it as RGB to avoid this")
    rgba = image.convert("RGBA")
    pixels = np.asarray(rgba)
    alpha = pixels[..., 3]
    if alpha.min() == 255:
        return LoadedPicture(np.ascontiguousarray(pixels[..., :3]), None, notes)
    a = alpha[..., None].astype(np.float32) / 255
    rgb = np.round(pixels[..., :3] * a + 255 * (1 - a)).astype(np.uint8)
    return LoadedPicture(rgb, alpha.copy(), notes)


def split_aligned(path: Path) -> tuple[np.ndarray, LoadedPicture]:
    """pix2pix A|B: sketch on the left, picture on the right → sketch (H, W) in [0, 1], picture."""
    picture = load_picture(path)
    h, w = picture.rgb.shape[:2]
    if w % 2:
        raise ImageProblem(Path(path), f"is {w} px wide, an odd number, so it cannot be split into "
                                       "sketch|picture halves: crop one column")
    half = w // 2
    if not 0.25 <= half / h <= 4:
        raise ImageProblem(Path(path), f"is {w}x{h} px: an A|B pair has two halves of similar shape side by "
                                       "side; use --format pictures for plain pictures")
    sketch = picture.rgb[:, :half].astype(np.float32).mean(axis=2) / 255
    if sketch.mean() < 0.5:  # white lines on black, as HED writes them
        sketch = 1 - sketch
    right = LoadedPicture(np.ascontiguousarray(picture.rgb[:, half:]),
                          None if picture.alpha is None else picture.alpha[:, half:].copy(), picture.notes)
    return sketch, right
