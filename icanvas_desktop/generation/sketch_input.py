"""Converting between images and the generator's tensors, identically for training and for use."""

import numpy as np
from PIL import Image, ImageOps

from icanvas_desktop.networks.config import HINT_CHANNELS


def sketch_to_array(sketch: Image.Image, size: int) -> np.ndarray:
    """Any image → (size, size, 1) float32 in [0, 1]: white paper = 1, lines = 0.

    Transparency counts as paper; a non-square sketch is centred on white paper so that its
    proportions survive.
    """
    gray = sketch_to_gray(sketch)
    if gray.width != gray.height:
        side = max(gray.size)
        gray = ImageOps.pad(gray, (side, side), color=255, centering=(0.5, 0.5))
    if gray.size != (size, size):
        shrinking = gray.width > size
        gray = gray.resize((size, size), Image.Resampling.LANCZOS if shrinking else Image.Resampling.BICUBIC)
    return (np.asarray(gray, np.float32) / 255.0)[..., None]


def sketch_to_gray(sketch: Image.Image) -> Image.Image:
    """Any image → "L" at its own size: transparency composited on white paper, 16-bit scaled to 8."""
    if sketch.mode in ("RGBA", "LA", "PA") or (sketch.mode == "P" and "transparency" in sketch.info):
        rgba = sketch.convert("RGBA")
        paper = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
        sketch = Image.alpha_composite(paper, rgba)
    if sketch.mode in ("I;16", "I;16B", "I;16L", "I"):
        scale = 1 / 257 if sketch.mode.startswith("I;16") else 1.0
        sketch = Image.fromarray(np.clip(np.asarray(sketch, np.float64) * scale, 0, 255).astype(np.uint8))
    return sketch.convert("L")


def picture_to_array(picture: Image.Image) -> np.ndarray:
    """RGB picture → float32 in [-1, 1], the generator's output range."""
    return np.asarray(picture.convert("RGB"), np.float32) / 127.5 - 1.0


def picture_from_array(array: np.ndarray) -> Image.Image:
    """Generator output in [-1, 1] (H, W, 3) → RGB picture."""
    pixels = np.clip((np.asarray(array, np.float32) + 1.0) * 127.5 + 0.5, 0, 255).astype(np.uint8)
    return Image.fromarray(pixels, "RGB")


def hint_channels(colour: np.ndarray, touched: np.ndarray) -> np.ndarray:
    """(S, S, 3) colour in [0, 1] and (S, S) touched → the (S, S, 4) hint channels a generator that takes
    crayons reads after the sketch's one: the colour where a crayon touched and 0 elsewhere, then a mask
    (1 where a crayon touched).

    The one encoding of crayon hints: the app makes its channels with it from the child's crayons
    (`hints_to_array`), the trainer from the strokes it samples off the target picture
    (trainer/data/hints.py), so a generator is fed what it was trained on.
    """
    touched = np.asarray(touched, bool)
    out = np.empty((*touched.shape, HINT_CHANNELS), np.float32)
    out[..., :3] = np.where(touched[..., None], colour, 0.0)
    out[..., 3] = touched
    return out


def no_hints(size: int) -> np.ndarray:
    """The hint channels of a sheet without crayons: all zeros, which training shows a good share of the time,
    so a theme works with or without them."""
    return np.zeros((size, size, HINT_CHANNELS), np.float32)


def hints_to_array(hints: Image.Image | None, size: int) -> np.ndarray:
    """RGBA hint layer (alpha > 0 where a crayon touched) of any size → (size, size, 4) float32
    `hint_channels`.

    Resized like the sketch (a non-square layer is centred the same way), with nearest sampling so that a
    crayon's colour is never blended with the empty layer around it.
    """
    if hints is None:
        return no_hints(size)
    rgba = hints.convert("RGBA")
    if rgba.width != rgba.height:
        rgba = ImageOps.pad(rgba, (max(rgba.size),) * 2, color=(0, 0, 0, 0), centering=(0.5, 0.5))
    if rgba.size != (size, size):
        rgba = rgba.resize((size, size), Image.Resampling.NEAREST)
    pixels = np.asarray(rgba, np.float32) / 255.0
    return hint_channels(pixels[..., :3], pixels[..., 3] > 0.5)


def generator_input(sketch: np.ndarray, hints: np.ndarray | None, channels: int) -> np.ndarray:
    """The (S, S, channels) tensor a generator reads: the sketch alone, or the sketch and its hint
    channels."""
    if channels == 1:
        return sketch
    if channels != 1 + HINT_CHANNELS:
        raise ValueError(f"a generator reads 1 or {1 + HINT_CHANNELS} channels, not {channels}")
    if hints is None:
        hints = no_hints(sketch.shape[0])
    return np.concatenate([sketch, hints], axis=-1)
