import numpy as np
import pytest
from skimage.color import rgb2lab

from icanvas_desktop.generation.clean_look import find_regions
from icanvas_desktop.generation.colour_families import FAMILIES, family_of, main_family, rgb_to_lab

KNOWN = {
    "red": [(255, 0, 0), (230, 40, 40), (200, 0, 0), (220, 20, 60), (139, 0, 0), (178, 34, 34)],
    "orange": [(255, 165, 0), (250, 140, 20), (255, 127, 80), (255, 140, 0), (240, 150, 60)],
    "yellow": [(255, 255, 0), (250, 220, 40), (255, 215, 0), (255, 240, 120), (240, 230, 140)],
    "green": [(0, 128, 0), (60, 180, 70), (0, 255, 0), (144, 238, 144), (34, 139, 34), (107, 142, 35)],
    "blue": [(0, 0, 255), (40, 90, 220), (135, 206, 235), (0, 0, 128), (30, 144, 255), (0, 255, 255)],
    "purple": [(128, 0, 128), (150, 60, 200), (238, 130, 238), (75, 0, 130), (186, 85, 211)],
    "pink": [(255, 192, 203), (255, 105, 180), (255, 20, 147), (250, 160, 170)],
    "brown": [(139, 69, 19), (160, 82, 45), (210, 180, 140), (101, 67, 33), (186, 129, 89), (190, 149, 75)],
    "white": [(255, 255, 255), (250, 250, 245), (255, 250, 230), (235, 235, 235)],
    "grey": [(128, 128, 128), (150, 150, 150), (200, 200, 200), (80, 80, 80)],
    "black": [(0, 0, 0), (24, 22, 28), (40, 40, 40), (30, 20, 10)],
}


@pytest.mark.parametrize(("family", "rgb"), [(f, c) for f, colours in KNOWN.items() for c in colours])
def test_a_colour_falls_in_the_family_a_person_names_it_by(family, rgb):
    assert family_of(rgb) == family


def test_every_family_is_named_and_the_lab_formula_is_cielab():
    assert set(KNOWN) == set(FAMILIES)
    colours = np.random.default_rng(0).integers(0, 256, (500, 3)).astype(np.uint8)
    assert np.abs(rgb_to_lab(colours) - rgb2lab(colours[None] / 255.0)[0]).max() < 0.01


def _ringed_sketch() -> np.ndarray:
    """A circle with a small one inside it, as a (H, W) sketch in [0, 1]."""
    y, x = np.mgrid[:128, :128]
    sketch = np.ones((128, 128))
    sketch[np.abs(np.hypot(y - 64, x - 64) - 40) < 1.5] = 0
    sketch[np.abs(np.hypot(y - 64, x - 64) - 12) < 1.5] = 0
    return sketch


def test_the_main_family_is_the_largest_area_inside_the_shapes_not_the_lines_or_the_paper():
    sketch = _ringed_sketch()
    y, x = np.mgrid[:128, :128]
    distance = np.hypot(y - 64, x - 64)
    picture = np.full((128, 128, 3), 255, np.uint8)  # white paper all round
    picture[distance < 40] = (40, 90, 220)  # the ring: blue
    picture[distance < 12] = (250, 220, 40)  # the middle: yellow, smaller
    picture[sketch < 0.5] = (0, 0, 0)  # thick black lines
    regions = find_regions(sketch)
    assert main_family(regions, picture) == "blue"
    # Painting the paper around the drawing green changes nothing: it is not inside a shape.
    picture[distance > 42] = (0, 128, 0)
    assert main_family(regions, picture) == "blue"
    assert main_family(find_regions(np.ones((64, 64))), np.zeros((64, 64, 3), np.uint8)) is None
