"""The colour families a child names (red, orange, yellow, green, blue, purple, pink, brown, white, grey,
black), defined once, from CIELAB lightness, chroma and hue, for the app, the trainer and the figures alike.

A picture's main family is the one covering most of the inside of its drawn shapes, away from the lines
(the clean look's regions, less the paper around the drawing): the black outline and the paper never decide
it. NumPy only, like the clean look, so the packaged app can name colours too.
"""

import numpy as np

from icanvas_desktop.generation.clean_look import Regions

FAMILIES = ("red", "orange", "yellow", "green", "blue", "purple", "pink", "brown", "white", "grey", "black")
RED, ORANGE, YELLOW, GREEN, BLUE, PURPLE, PINK, BROWN, WHITE, GREY, BLACK = range(len(FAMILIES))

# Chroma (CIELAB) below which a colour has no hue a child would name: white, grey or black by its lightness.
GREY_CHROMA = 12.0
WHITE_L = 85.0
BLACK_L = 25.0
# Darker than this and dim, a colour is black whatever its faint hue (navy keeps its chroma and stays blue).
DARK_L = 18.0
DARK_CHROMA = 25.0
# Hue angles (degrees of CIELAB h) where the chromatic families begin, going round: sRGB red is at 40°,
# coral (255, 127, 80) 46°, orange (255, 165, 0) 73°, yellow 103°, green 136°, cyan 196°, blue 306°,
# indigo 314°, magenta 328°, pink (255, 192, 203) 8°, hot pink 350°.
HUE_STARTS = ((20.0, RED), (45.0, ORANGE), (85.0, YELLOW), (115.0, GREEN), (190.0, BLUE), (311.0, PURPLE),
              (340.0, PINK))
# The warm hues turn brown when dark (chocolate, a tree trunk, olive turning khaki) or, orange to yellow, when
# dull (tan, beige: below TAN_CHROMA and TAN_L) or half dull and half dark (light brown, ochre: below
# OCHRE_CHROMA and OCHRE_L).
BROWN_L = 50.0
BROWN_HUES = (20.0, 115.0)
# Dark reds stay red when they are vivid (a dark cherry), as a child would name them.
RED_STAYS_CHROMA = 55.0
TAN_HUES = (45.0, 115.0)
TAN_CHROMA = 35.0
TAN_L = 80.0
OCHRE_CHROMA = 50.0
OCHRE_L = 65.0
# A pink hue this dark is a deep red (crimson, raspberry), not pink.
PINK_MIN_L = 45.0

# sRGB (D65) to XYZ, and the D65 white point.
_RGB_TO_XYZ = np.array([[0.4124564, 0.3575761, 0.1804375],
                        [0.2126729, 0.7151522, 0.0721750],
                        [0.0193339, 0.1191920, 0.9503041]])
_WHITE = np.array([0.95047, 1.0, 1.08883])


def rgb_to_lab(rgb: np.ndarray) -> np.ndarray:
    """CIELAB (D65) of sRGB colours (..., 3) uint8, as float (..., 3): L in 0-100."""
    c = np.asarray(rgb, np.float64)[..., :3] / 255.0
    linear = np.where(c > 0.04045, ((c + 0.055) / 1.055) ** 2.4, c / 12.92)
    xyz = linear @ _RGB_TO_XYZ.T / _WHITE
    f = np.where(xyz > (6 / 29) ** 3, np.cbrt(xyz), xyz / (3 * (6 / 29) ** 2) + 4 / 29)
    x, y, z = f[..., 0], f[..., 1], f[..., 2]
    return np.stack([116 * y - 16, 500 * (x - y), 200 * (y - z)], axis=-1)


def lab_to_rgb(lab: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """sRGB (..., 3) uint8 of CIELAB (D65) colours, and whether each was inside sRGB (else clipped)."""
    lab = np.asarray(lab, np.float64)
    fy = (lab[..., 0] + 16) / 116
    f = np.stack([fy + lab[..., 1] / 500, fy, fy - lab[..., 2] / 200], axis=-1)
    xyz = np.where(f > 6 / 29, f**3, 3 * (6 / 29) ** 2 * (f - 4 / 29)) * _WHITE
    linear = xyz @ np.linalg.inv(_RGB_TO_XYZ).T
    inside = np.all((linear >= -1e-3) & (linear <= 1 + 1e-3), axis=-1)
    linear = np.clip(linear, 0.0, 1.0)
    srgb = np.where(linear > 0.0031308, 1.055 * linear ** (1 / 2.4) - 0.055, 12.92 * linear)
    return np.round(srgb * 255).astype(np.uint8), inside


def families_of(rgb: np.ndarray) -> np.ndarray:
    """Each sRGB colour's family, as an index into FAMILIES: (..., 3) uint8 → (...) int."""
    return families_of_lab(rgb_to_lab(rgb))


def families_of_lab(lab: np.ndarray) -> np.ndarray:
    """`families_of` for colours already in CIELAB (rgb_to_lab's (..., 3))."""
    lightness, a, b = lab[..., 0], lab[..., 1], lab[..., 2]
    chroma = np.hypot(a, b)
    hue = np.degrees(np.arctan2(b, a)) % 360
    starts = np.array([start for start, _ in HUE_STARTS])
    names = np.array([family for _, family in HUE_STARTS])
    # Below the first start the hue wraps round to the last family (pink).
    family = names[(np.searchsorted(starts, hue, side="right") - 1) % len(starts)]
    warm = (hue >= BROWN_HUES[0]) & (hue < BROWN_HUES[1])
    dark_warm = warm & (lightness < BROWN_L) & ~((family == RED) & (chroma >= RED_STAYS_CHROMA))
    dull = ((chroma < TAN_CHROMA) & (lightness < TAN_L)) | ((chroma < OCHRE_CHROMA) & (lightness < OCHRE_L))
    tan = (hue >= TAN_HUES[0]) & (hue < TAN_HUES[1]) & dull
    family = np.where(dark_warm | tan, BROWN, family)
    family = np.where((family == PINK) & (lightness < PINK_MIN_L), RED, family)
    achromatic = np.where(lightness >= WHITE_L, WHITE, np.where(lightness < BLACK_L, BLACK, GREY))
    family = np.where(chroma < GREY_CHROMA, achromatic, family)
    return np.where((lightness < DARK_L) & (chroma < DARK_CHROMA), BLACK, family)


def family_of(rgb: tuple[int, int, int]) -> str:
    """The family of one sRGB colour."""
    return FAMILIES[int(families_of(np.array(rgb, np.uint8)))]


def shape_pixels(regions: Regions) -> np.ndarray:
    """(H, W) bool: inside the drawn shapes and away from the lines: the regions' sampled pixels, less the
    regions at the sheet's edge (paper between the drawing and the edge) unless nothing else is drawn."""
    inside = regions.sample & (regions.labels > 0)
    enclosed = inside & ~regions.at_edge[regions.labels]
    return enclosed if enclosed.any() else inside


def family_areas(regions: Regions, picture: np.ndarray) -> np.ndarray:
    """(len(FAMILIES),) int: how many pixels of `picture` ((H, W, 3) uint8, the regions' size) inside the
    shapes fall in each family."""
    where = shape_pixels(regions)
    return np.bincount(families_of(np.asarray(picture)[where]).ravel(), minlength=len(FAMILIES))


def main_family(regions: Regions, picture: np.ndarray) -> str | None:
    """The family covering most of the inside of the shapes in `picture`; None when the sketch has none."""
    areas = family_areas(regions, picture)
    return FAMILIES[int(np.argmax(areas))] if areas.any() else None
