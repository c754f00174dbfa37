"""Child-like line drawings from pictures, without any neural network.

A child draws the outline of a thing and a few lines inside it (eyes, a door, a leaf's vein), with
one pen, never texture or shading. So the drawing is built in two layers: the closed outline of the
object, found from transparency or from a plain background, and a few strong, long interior edges.
Both are thinned to one-pixel skeletons, as pix2pix's own edge post-processing does, so the pen can
be chosen (and wobbled, see `handdrawn`) afterwards.

Sizes are given for a 256 px picture and scaled with the picture.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from scipy import ndimage as ndi
from skimage.color import rgb2lab
from skimage.feature import canny
from skimage.morphology import disk, skeletonize

from icanvas_desktop.trainer.data.images import LoadedPicture

REFERENCE_SIDE = 256

# Background: border-connected pixels within this colour distance (0..1 per channel) of the
# background colour; the border must mostly be that colour for there to be a background at all.
_BACKGROUND_TOLERANCE = 0.12
_MIN_UNIFORM_BORDER = 0.6
# An object smaller than this share of the picture is a speck; one larger is the whole picture.
_MIN_OBJECT_SHARE = 0.01
_MAX_OBJECT_SHARE = 0.97
_SPECK_SHARE = 0.001
# A thing cut by the frame here and there is fine; one filling this much of the frame is scenery.
_MAX_BORDER_TOUCH = 0.2
# If less than this share of the mask is wider than a thin line, the picture is a drawing of strokes.
_MIN_BODY_SHARE = 0.5
# Gentle smoothing of the mask so the outline is a pen line, not a staircase of pixels (px at 256).
_MASK_SMOOTHING = 1.0

# Interior edges: Canny on perceptual lightness and colour, thresholds as colour differences (CIE
# Delta E / 100), so a flat or softly shaded area gives nothing and a clear colour change a line.
_EDGE_SIGMA = 1.5
_EDGE_LOW = 0.06
_EDGE_HIGH = 0.14
_SCENERY_SIGMA_FACTOR = 2.0
# Thin lines (drawn strokes, whiskers, clip-art's black lines) up to this wide (px at 256) are found
# as ridges and drawn once along their middle; Canny would draw both of their sides.
_THIN_LINE_WIDTH = 6.0
_THIN_LINE_CONTRAST = 0.2
# Interior lines this close to the outline double it (clip-art's own black outlines, shading rims).
_OUTLINE_CLEARANCE = 4.0
_MIN_INTERIOR_LENGTH = 14.0

# pix2pix-style post-processing of both layers.
_GAP_CLOSING = 1.5
_MIN_LINE_PIXELS = 10.0

# Peak Sobel response (ndimage.sobel) to a unit step smoothed by a Gaussian of sigma 1: 8 / sqrt(2 pi).
_SOBEL_STEP_GAIN = 8.0 / np.sqrt(2.0 * np.pi)


@dataclass
class LineLayers:
    """One-pixel skeletons: the object's closed outer outline and the lines inside it."""

    outline: np.ndarray
    interior: np.ndarray


def extract_lines(
    picture: LoadedPicture | np.ndarray, alpha: np.ndarray | None = None, *, detail: float = 1.0
) -> LineLayers:
    """Find the outline and the main interior lines of the object in a picture.

    `picture` is a LoadedPicture or an H x W x 3 uint8 array (then `alpha` may come separately).
    `detail` > 1 keeps more and weaker interior lines, < 1 fewer.
    """
    if isinstance(picture, LoadedPicture):
        rgb, alpha = picture.rgb, picture.alpha if alpha is None else alpha
    else:
        rgb = picture
    rgb = np.asarray(rgb, dtype=np.float32) / 255.0
    scale = size_scale(rgb.shape[:2])
    mask = _object_mask(rgb, alpha, scale)
    outline = _boundary(mask) if mask is not None else np.zeros(rgb.shape[:2], bool)
    interior = _interior_edges(rgb, mask, scale, detail)
    return LineLayers(outline=_clean(outline, scale), interior=_clean(interior, scale))


def draw_line_layers(layers: LineLayers, pen_width: float) -> np.ndarray:
    """Draw the skeletons with a round pen `pen_width` px wide: float32, white 1, ink 0, soft edges."""
    return 1.0 - pen_ink(layers.outline | layers.interior, pen_width)


def pen_ink(skeleton: np.ndarray, pen_width: float | np.ndarray) -> np.ndarray:
    """Ink coverage (0..1) of a round pen following `skeleton`; the width may vary per pixel."""
    if not skeleton.any():
        return np.zeros(skeleton.shape, np.float32)
    distance = ndi.distance_transform_edt(~skeleton)
    # One pixel of linear fall-off centred on the pen's edge is the anti-aliasing.
    return np.clip(np.asarray(pen_width) / 2.0 + 0.5 - distance, 0.0, 1.0).astype(np.float32)


def size_scale(shape: tuple[int, ...]) -> float:
    """How many times larger than the 256 px reference a picture of this shape is."""
    return float(np.sqrt(shape[0] * shape[1])) / REFERENCE_SIDE


def _object_mask(rgb: np.ndarray, alpha: np.ndarray | None, scale: float) -> np.ndarray | None:
    """The object as a filled boolean mask, or None when the picture has no separable background."""
    if alpha is not None:
        mask = alpha > 127
    else:
        background = _border_background(rgb, scale)
        if background is None:
            return None
        mask = ~background
    mask = _smooth_mask(mask, _MASK_SMOOTHING * scale)
    mask = _drop_small(ndi.binary_fill_holes(mask), _SPECK_SHARE * mask.size, connectivity=1)
    if not _MIN_OBJECT_SHARE <= mask.mean() <= _MAX_OBJECT_SHARE or _is_strokes(mask, scale):
        return None
    if _border_pixels(mask).mean() > _MAX_BORDER_TOUCH:
        return None  # a landscape or a close-up: the "outline" would be a horizon, not a thing
    return mask


def _border_background(rgb: np.ndarray, scale: float) -> np.ndarray | None:
    """Pixels of the background colour connected to the border, or None if the border is not plain."""
    smooth = ndi.gaussian_filter(rgb, sigma=(scale, scale, 0))
    border = _border_pixels(smooth)
    colour = np.median(border, axis=0)
    if (np.abs(border - colour).max(axis=1) < _BACKGROUND_TOLERANCE).mean() < _MIN_UNIFORM_BORDER:
        return None
    similar = np.abs(smooth - colour).max(axis=2) < _BACKGROUND_TOLERANCE
    labels, _ = ndi.label(similar)
    touching = np.unique(_border_pixels(labels))
    return np.isin(labels, touching[touching > 0])


def _border_pixels(image: np.ndarray) -> np.ndarray:
    return np.concatenate([image[0], image[-1], image[:, 0], image[:, -1]])


def _is_strokes(mask: np.ndarray, scale: float) -> bool:
    """Whether the "object" is open line art: its outline would trace both sides of every stroke."""
    radius = max(1, round(_THIN_LINE_WIDTH * scale / 2))
    body = ndi.binary_opening(np.pad(mask, radius), structure=disk(radius).astype(bool))
    return body.sum() < _MIN_BODY_SHARE * mask.sum()


def _smooth_mask(mask: np.ndarray, sigma: float) -> np.ndarray:
    return ndi.gaussian_filter(mask.astype(np.float32), sigma) > 0.5


def _boundary(mask: np.ndarray) -> np.ndarray:
    # Edge padding: where the object is cut by the frame, the frame is not part of its outline.
    padded = np.pad(mask, 1, mode="edge")
    eroded = ndi.binary_erosion(padded, structure=np.ones((3, 3), bool))[1:-1, 1:-1]
    return mask & ~eroded


def _interior_edges(rgb: np.ndarray, mask: np.ndarray | None, scale: float, detail: float) -> np.ndarray:
    lab = rgb2lab(rgb) / 100.0
    # Without an object to confine them, edges come from photo texture too: look at a coarser scale.
    sigma = _EDGE_SIGMA * scale * (1.0 if mask is not None else _SCENERY_SIGMA_FACTOR)
    gain = _SOBEL_STEP_GAIN / sigma
    low, high = _EDGE_LOW * gain / detail, _EDGE_HIGH * gain / detail
    edges = np.zeros(rgb.shape[:2], bool)
    for channel in range(3):
        edges |= canny(lab[..., channel], sigma=sigma, low_threshold=low, high_threshold=high, mode="nearest")
    # Filling a thin line's body makes its two Canny sides one band, which thins to its middle.
    edges |= ndi.binary_dilation(_thin_lines(lab[..., 0], scale, detail))
    if mask is not None:
        edges = _away_from_outline(edges, mask, _OUTLINE_CLEARANCE * scale)
    edges = _close(edges, _GAP_CLOSING * scale)
    return _drop_small(skeletonize(edges), _MIN_INTERIOR_LENGTH * scale / detail, connectivity=2)


def _away_from_outline(edges: np.ndarray, mask: np.ndarray, clearance: float) -> np.ndarray:
    """Edges inside the object that do not hug its outline, still reaching it where they run into it."""
    core = edges & (ndi.distance_transform_edt(mask) > clearance)
    # Regrow the kept lines along their own pixels just far enough to cross the clearance band,
    # so a line that meets the outline touches it, as a child's would; hugging edges stay out.
    steps = int(np.ceil(clearance * 1.5))
    return ndi.binary_dilation(core, structure=np.ones((3, 3), bool), iterations=steps, mask=edges)


def _thin_lines(lightness: np.ndarray, scale: float, detail: float) -> np.ndarray:
    """Dark lines on lighter ground narrower than a few pixels (a black top-hat)."""
    footprint = disk(max(1, round(_THIN_LINE_WIDTH * scale / 2)))
    dark = ndi.grey_closing(lightness, footprint=footprint) - lightness
    return dark > _THIN_LINE_CONTRAST / detail


def _clean(lines: np.ndarray, scale: float) -> np.ndarray:
    """pix2pix post-processing: bridge small gaps, thin to one pixel, drop crumbs."""
    thin = skeletonize(_close(lines, _GAP_CLOSING * scale))
    return _drop_small(thin, _MIN_LINE_PIXELS * scale, connectivity=2)


def _close(mask: np.ndarray, radius: float) -> np.ndarray:
    pad = 2 * int(np.ceil(radius)) + 1
    footprint = disk(max(1, round(radius))).astype(bool)
    closed = ndi.binary_closing(np.pad(mask, pad), structure=footprint)
    return closed[pad:-pad, pad:-pad]


def _drop_small(mask: np.ndarray, min_pixels: float, connectivity: int) -> np.ndarray:
    structure = ndi.generate_binary_structure(2, connectivity)
    labels, count = ndi.label(mask, structure=structure)
    if count == 0:
        return mask.astype(bool)
    sizes = np.bincount(labels.ravel())
    keep = sizes >= min_pixels
    keep[0] = False
    return keep[labels]
