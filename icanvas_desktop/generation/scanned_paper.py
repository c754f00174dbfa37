"""Drawings on real paper, scanned or photographed: the paper made white and the lines dark before the
generator sees them.

The app's own sketches are rendered black on white, and so were the sketches every theme was trained on;
`sketch_to_array` only scales 0-255 to 0-1. A photographed drawing is grey paper (often 110-190) under
uneven light, darker towards one corner: everywhere below the clean look's line threshold (0.6), it would be
all line, and the generator, which never saw grey paper, would paint the whole sheet. A scanner's paper is
lighter but rarely 255.

So the paper is estimated and divided out, the way a flat-field correction does: the paper's brightness is
the bright end of each small block of the sheet (a line crossing a block does not darken its brightest
tenth), spread to the neighbouring blocks (so a thick line or a patch of colouring a block wide is not
taken for paper) and smoothed into a slow ramp of light. Dividing by it makes the paper about 1 wherever
the light was; then the levels are stretched so the paper is white and the darkest lines black.

Only `icanvas generate` uses it, not the app or training: their sketches are already white paper, and a
theme must see at use exactly what it was trained on. NumPy and Pillow only, like the rest of the path.
"""

import numpy as np
from PIL import Image, ImageOps

from icanvas_desktop.generation.sketch_input import sketch_to_gray

# The sheet is levelled at most this large on its long side: the generator reads 256 px, and a 12 MP photo
# levelled at full size would take seconds for nothing.
WORK_SIDE = 1024
# About this many blocks along the long side estimate the paper: a block must be wider than a line (a
# pencil or marker line is well under 2% of the sheet) and narrower than the light changes.
BLOCKS = 48
PAPER_PERCENTILE = 90
# After dividing by the paper: at least this light is paper (its grain and the estimate's error, made white),
WHITE = 0.85
# and the darkest 1% of the sheet is black, though never a level above this (a sheet with almost no line:
# stretching its grain to black would draw lines that are not there).
DARKEST_PERCENTILE = 1.0
BLACK_AT_MOST = 0.6


def level_paper(drawing: Image.Image, work_side: int = WORK_SIDE) -> Image.Image:
    """A scan or photo of a drawing on paper (any size or mode) → "L": white paper, dark lines, at most
    `work_side` px on its long side (more for a big picture's detail) and in its own proportions. Upright by
    its EXIF orientation (phones save photos sideways and say so there)."""
    gray = sketch_to_gray(ImageOps.exif_transpose(drawing))
    if max(gray.size) > work_side:
        scale = work_side / max(gray.size)
        gray = gray.resize((max(1, round(gray.width * scale)), max(1, round(gray.height * scale))),
                           Image.Resampling.LANCZOS)
    sheet = np.asarray(gray, np.float32) / 255.0
    ratio = np.minimum(sheet / np.maximum(paper_light(sheet), 1 / 255), 1.0)
    black = min(float(np.percentile(ratio, DARKEST_PERCENTILE)), BLACK_AT_MOST)
    levelled = np.clip((ratio - black) / (WHITE - black), 0.0, 1.0)
    return Image.fromarray((levelled * 255 + 0.5).astype(np.uint8), "L")


def paper_light(sheet: np.ndarray) -> np.ndarray:
    """How light the paper is at each pixel of `sheet` ((H, W) in [0, 1]), as a smooth (H, W) estimate."""
    h, w = sheet.shape
    block = max(2, round(max(h, w) / BLOCKS))
    padded = np.pad(sheet, ((0, -h % block), (0, -w % block)), mode="edge")
    rows, cols = padded.shape[0] // block, padded.shape[1] // block
    blocks = padded.reshape(rows, block, cols, block).transpose(0, 2, 1, 3).reshape(rows, cols, -1)
    grid = np.percentile(blocks, PAPER_PERCENTILE, axis=-1).astype(np.float32)
    grid = _spread(grid, np.maximum)
    for _ in range(2):  # two 3×3 means: about a Gaussian of one block
        grid = _spread(grid, np.add) / 9.0
    light = Image.fromarray(grid, "F").resize((cols * block, rows * block), Image.Resampling.BILINEAR)
    return np.asarray(light, np.float32)[:h, :w]


def _spread(grid: np.ndarray, combine) -> np.ndarray:
    """`combine` of each cell's 3×3 neighbourhood (the edge repeated)."""
    padded = np.pad(grid, 1, mode="edge")
    rows, cols = grid.shape
    out = padded[1:rows + 1, 1:cols + 1].copy()
    for dy in (0, 1, 2):
        for dx in (0, 1, 2):
            if (dy, dx) != (1, 1):
                out = combine(out, padded[dy:dy + rows, dx:dx + cols])
    return out
