"""What a child sees in a picture, as numbers: grain, line fidelity, colourfulness and colour variety.

Each figure compares a picture with the sketch it was made from (ink 0 on paper 255). Distances are
defined at 256 px and scaled with the picture's size, so a 128 px run is measured like a 256 px theme.

- grain: mean |picture − its Gaussian blur (σ 1.5 px)|, in colour levels (0–255), over the pixels inside
  the drawn shapes that are more than 5 px from any line. Flat colour and smooth shading stay near 0–2;
  speckle and checkerboard raise it. A sheet with no closed shape has no grain figure (None).
- line recall: the share of the sketch's line pixels with a picture edge within 3 px; line precision:
  the share of picture edges within 3 px of a line. Only line pixels within 3 px of the paper count for
  recall: the middle of a filled black area (a silhouette, a thick crayon line) has no edge to keep, even
  in a picture that keeps the area exactly. An edge is a Sobel magnitude in the top decile of
  the picture and at least EDGE_MIN_LEVELS (a luminance step of that many levels).
- colourfulness: Hasler and Süsstrunk's M (2003) over the whole picture: about 0 for grey, 30 for
  "moderately", 60+ for "very" colourful.
- colour variety (of a set): the mean CIELAB a*b* distance between the mean colours of the shapes of
  different drawings. One tint for everything is near 0; an artist's colouring of varied line art
  gives about 45.

Shapes are what the lines enclose: paper not reachable from the sheet's border once the lines are
thickened by GAP_CLOSE_PX, so a shape drawn with a small gap still counts as closed.
"""

import math
from dataclasses import dataclass
from itertools import combinations

import numpy as np
from scipy import ndimage
from skimage.color import rgb2lab

REFERENCE_SIZE = 256
GRAIN_SIGMA_PX = 1.5
GRAIN_MARGIN_PX = 5.0
LINE_TOLERANCE_PX = 3.0
GAP_CLOSE_PX = 3.0
MIN_SHAPE_PX = 64  # smaller pockets (where line ends meet) are not shapes a child coloured in
EDGE_PERCENTILE = 90
EDGE_MIN_LEVELS = 40.0
INK_BELOW = 128


@dataclass(frozen=True)
class PictureFigures:
    grain: float | None  # None when the sketch encloses no shape
    line_precision: float | None  # None when the picture has no edge
    line_recall: float | None  # None when the sketch has no line
    colourfulness: float
    shape_colour: tuple[float, float] | None  # mean a*b* inside the shapes (or the ink-free drawing area)


def picture_figures(sketch: np.ndarray, picture: np.ndarray) -> PictureFigures:
    """Figures of one `picture` (H×W×3 uint8) against its `sketch` (H×W uint8, or H×W×C)."""
    sketch = _grey(sketch)
    picture = np.asarray(picture)
    if picture.shape[:2] != sketch.shape:
        raise ValueError(f"the picture is {picture.shape[:2]} and its sketch {sketch.shape}: they must match")
    scale = sketch.shape[0] / REFERENCE_SIZE
    lines = sketch < INK_BELOW
    from_lines = _distance_to(lines)
    shapes = _shapes(lines, GAP_CLOSE_PX * scale, MIN_SHAPE_PX * scale**2)
    edges = _edges(picture)
    inner = shapes & (from_lines > GRAIN_MARGIN_PX * scale)
    return PictureFigures(
        grain=_grain(picture, inner, GRAIN_SIGMA_PX * scale),
        line_precision=_share_near(edges, from_lines, LINE_TOLERANCE_PX * scale),
        line_recall=_share_near(lines & (_distance_to(~lines) <= max(LINE_TOLERANCE_PX * scale, 1.0)),
                                _distance_to(edges), LINE_TOLERANCE_PX * scale),
        colourfulness=colourfulness(picture),
        shape_colour=_mean_ab(picture, shapes if shapes.any() else ~lines),
    )


def set_figures(sketches: list[np.ndarray], pictures: list[np.ndarray], prefix: str = "") -> dict[str, float]:
    """The means over a set of pictures, and its colour variety; keys are prefixed with `prefix`."""
    each = [picture_figures(s, p) for s, p in zip(sketches, pictures, strict=True)]
    figures = {
        "grain": _mean(f.grain for f in each),
        "line_precision": _mean(f.line_precision for f in each),
        "line_recall": _mean(f.line_recall for f in each),
        "colourfulness": _mean(f.colourfulness for f in each),
        "colour_variety": colour_variety([f.shape_colour for f in each if f.shape_colour is not None]),
    }
    return {prefix + k: v for k, v in figures.items()}


def colour_variety(colours: list[tuple[float, float]]) -> float:
    """Mean a*b* distance over every pair of colours (0 for fewer than two)."""
    pairs = list(combinations(colours, 2))
    return float(np.mean([math.dist(a, b) for a, b in pairs])) if pairs else 0.0


def colourfulness(picture: np.ndarray) -> float:
    rgb = np.asarray(picture, np.float64)
    rg = rgb[..., 0] - rgb[..., 1]
    yb = (rgb[..., 0] + rgb[..., 1]) / 2 - rgb[..., 2]
    return float(np.hypot(rg.std(), yb.std()) + 0.3 * np.hypot(rg.mean(), yb.mean()))


def _grey(sketch: np.ndarray) -> np.ndarray:
    sketch = np.asarray(sketch)
    if sketch.ndim == 3:
        sketch = sketch[..., :3].mean(axis=-1) if sketch.shape[-1] >= 3 else sketch[..., 0]
    return sketch


def _shapes(lines: np.ndarray, close_px: float, min_area: float) -> np.ndarray:
    """Paper enclosed by lines: not reachable from the border through paper, the lines thickened first."""
    walls = _distance_to(lines) <= close_px
    labels, count = ndimage.label(~walls)
    areas = np.bincount(labels.ravel(), minlength=count + 1)
    small = np.flatnonzero(areas < min_area)
    border = np.unique(np.concatenate([labels[0], labels[-1], labels[:, 0], labels[:, -1]]))
    enclosed = (labels > 0) & ~np.isin(labels, np.concatenate([border, small]))
    # The shapes get back the rim the thickening took, up to their lines.
    return (_distance_to(enclosed) <= close_px) & ~lines


def _distance_to(mask: np.ndarray) -> np.ndarray:
    """Each pixel's distance to the nearest pixel of `mask`; infinite everywhere when it has none
    (SciPy's transform would measure to the array's edge instead)."""
    if not mask.any():
        return np.full(mask.shape, np.inf)
    return ndimage.distance_transform_edt(~mask)


def _edges(picture: np.ndarray) -> np.ndarray:
    luma = np.asarray(picture, np.float64)[..., :3] @ np.array([0.299, 0.587, 0.114])
    # Sobel's weights sum to 4 on each side: divided by 4, a step of d levels measures about d.
    magnitude = np.hypot(ndimage.sobel(luma, axis=0), ndimage.sobel(luma, axis=1)) / 4.0
    return magnitude >= max(float(np.percentile(magnitude, EDGE_PERCENTILE)), EDGE_MIN_LEVELS)


def _grain(picture: np.ndarray, inner: np.ndarray, sigma: float) -> float | None:
    if not inner.any():
        return None
    rgb = np.asarray(picture, np.float64)
    blurred = ndimage.gaussian_filter(rgb, sigma=(sigma, sigma, 0), mode="reflect")
    return float(np.abs(rgb - blurred)[inner].mean())


def _share_near(pixels: np.ndarray, distance: np.ndarray, tolerance: float) -> float | None:
    if not pixels.any():
        return None
    return float((distance[pixels] <= tolerance).mean())


def _mean_ab(picture: np.ndarray, where: np.ndarray) -> tuple[float, float] | None:
    if not where.any():
        return None
    lab = rgb2lab(np.asarray(picture, np.uint8)[..., :3])
    a, b = lab[..., 1][where].mean(), lab[..., 2][where].mean()
    return float(a), float(b)


def _mean(values) -> float | None:
    present = [v for v in values if v is not None]
    return float(np.mean(present)) if present else None
