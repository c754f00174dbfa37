"""Converting between images and the generator's tensors, identically for training and for use."""

import numpy as np
from PIL import Image, ImageOps


def sketch_to_array(sketch: Image.Image, size: int) -> np.ndarray:
    """Any image → (size, size, 1) float32 in [0, 1]: white paper = 1, lines = 0.

    Transparency counts as paper; a non-square sketch is centred on white paper so that its
    proportions survive.
    """
    if sketch.mode in ("RGBA", "LA", "PA") or (sketch.mode == "P" and "transparency" in sketch.info):
        rgba = sketch.convert("RGBA")
        paper = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
        sketch = Image.alpha_composite(paper, rgba)
    if sketch.mode in ("I;16", "I;16B", "I;16L", "I"):
        scale = 1 / 257 if sketch.mode.startswith("I;16") else 1.0
        sketch = Image.fromarray(np.clip(np.asarray(sketch, np.float64) * scale, 0, 255).astype(np.uint8))
    gray = sketch.convert("L")
    if gray.width != gray.height:
        side = max(gray.size)
        gray = ImageOps.pad(gray, (side, side), color=255, centering=(0.5, 0.5))
    if gray.size != (size, size):
        gray = gray.resize((size, size), Image.Resampling.LANCZOS if gray.width > size else Image.Resampling.BICUBIC)
    return (np.asarray(gray, np.float32) / 255.0)[..., None]


def picture_to_array(picture: Image.Image) -> np.ndarray:
    """RGB picture → float32 in [-1, 1], the generator's output range."""
    return np.asarray(picture.convert("RGB"), np.float32) / 127.5 - 1.0


def picture_from_array(array: np.ndarray) -> Image.Image:
    """Generator output in [-1, 1] (H, W, 3) → RGB picture."""
    pixels = np.clip((np.asarray(array, np.float32) + 1.0) * 127.5 + 0.5, 0, 255).astype(np.uint8)
    return Image.fromarray(pixels, "RGB")
