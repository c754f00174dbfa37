"""The outline pairs' matching of icons to emoji by name, the colour the emoji artists agree on, and the
picture that teaches only the drawing's body (scripts/colourer/outline_matching.py)."""

import importlib.util
from pathlib import Path

import numpy as np
import pytest

from icanvas_desktop.generation.colourer import PALETTE

SCRIPTS = Path(__file__).resolve().parents[3] / "scripts" / "colourer"


def _load(name: str):
    spec = importlib.util.spec_from_file_location(name, SCRIPTS / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


matching = _load("outline_matching")
prepare = _load("prepare_colourer_data")

RED, GREEN = np.array((221, 46, 68), np.uint8), np.array((92, 158, 49), np.uint8)


@pytest.mark.parametrize(("set_name", "icon", "thing"), [
    ("fluent", "food-apple-24-regular", "food-apple"),
    ("fluent", "food-apple-24-filled", None),  # another style of the same drawing
    ("fluent", "food-apple-20-regular", None),  # the same drawing smaller
    ("ph", "cat", "cat"),
    ("ph", "cat-bold", None),
    ("mingcute", "cat-line", "cat"),
    ("mingcute", "cat-fill", None),
    ("healthicons", "animal-pig-outline", "animal-pig"),
    ("healthicons", "animal-pig", None),
    ("mdi", "heart", "heart"),
    ("mdi", "heart-outline", None),  # drawn as the edges of its ink: double lines
    ("tabler", "Red_Apple", "red-apple"),
    ("tabler", "mouse", None),  # a computer mouse, not the animal
    ("la", "apple", None),  # the brand's logo
    ("tabler", "apple", "apple"),
])
def test_an_icon_is_named_after_its_thing_in_its_sets_line_style_only(set_name, icon, thing):
    assert matching.thing_name(set_name, icon) == thing


def test_icons_match_emoji_by_name_alias_prefix_or_face():
    keys = matching.emoji_keys({"red-apple", "cat", "cat-face", "cow-face", "grapes", "computer-mouse"})
    assert matching.match("red-apple", keys) == ["red-apple"]
    assert matching.match("apple", keys) == ["red-apple"]
    assert matching.match("food-apple", keys) == ["red-apple"]
    assert matching.match("fruit-grape", keys) == ["grapes"]
    assert matching.match("animal-cow", keys) == ["cow-face"]
    # "cat" is an emoji of its own: the cat's face is not also called "cat".
    assert matching.match("cat", keys) == ["cat"]
    assert matching.match("computer", keys) == []
    assert matching.match("keyboard", keys) == []


def test_the_colour_is_the_one_most_artists_agree_on_or_none():
    darker = np.array((200, 40, 60), np.uint8)
    agreed = matching.agreed_colour([RED, RED, darker, GREEN])
    assert tuple(agreed) == tuple(RED)
    assert matching.agreed_colour([RED, darker, GREEN, GREEN]) is None  # half is no majority
    assert matching.agreed_colour([]) is None


def test_of_artists_who_each_give_another_blue_the_most_typical_blue_is_taken():
    blues = [np.array(c, np.uint8) for c in ((0x22, 0x66, 0x99), (0x00, 0xA6, 0xED), (0x55, 0xAC, 0xEE),
                                             (0x4A, 0x90, 0xD0))]
    assert tuple(matching.agreed_colour(blues)) == (0x4A, 0x90, 0xD0)
    assert tuple(matching.agreed_colour(blues[::-1])) == (0x4A, 0x90, 0xD0)


def test_a_dark_thing_without_outlines_is_dark():
    bomb = np.zeros((32, 32, 4), np.uint8)
    bomb[4:28, 4:28] = (49, 55, 61, 255)
    bomb[0:4, 14:18] = (241, 143, 38, 255)  # the fuse
    assert tuple(matching.main_opaque_colour(bomb)) == (49, 55, 61)
    assert matching.main_opaque_colour(np.zeros((8, 8, 4), np.uint8)) is None


def _drawing(size: int = 128, radius: int = 45, eye: bool = True) -> np.ndarray:
    """A circle, with a small square (an eye) inside, black 3 px lines on white, (size, size) in [0, 1]."""
    y, x = np.mgrid[:size, :size]
    distance = np.hypot(y - size / 2, x - size / 2)
    sketch = np.ones((size, size), np.float32)
    sketch[np.abs(distance - radius) < 1.5] = 0.0
    if eye:
        middle = size // 2
        sketch[middle - 10:middle + 10, middle - 10:middle + 10] = 0.0
        sketch[middle - 7:middle + 7, middle - 7:middle + 7] = 1.0
    return sketch


def test_the_sentinel_is_far_from_every_palette_colour():
    distance = np.linalg.norm(PALETTE.astype(float) - matching.SENTINEL.astype(float), axis=-1)
    assert distance.min() > 120


def test_only_the_body_takes_the_colour_and_only_it_teaches():
    sketch = _drawing()
    picture = matching.body_picture(sketch, RED, matching.SENTINEL, 0.02)
    middle = sketch.shape[0] // 2
    assert tuple(picture[middle, middle - 25]) == tuple(RED)  # between the circle and the eye
    assert tuple(picture[middle, middle]) == (255, 0, 255)  # the eye
    assert tuple(picture[2, 2]) == (255, 0, 255)  # the paper
    (ys, xs, index), inside = prepare.palette_pixels(sketch, picture, 90)
    red = np.argmin(np.linalg.norm(PALETTE.astype(float) - RED.astype(float), axis=-1))
    assert len(ys) > 0 and (index == red).all()
    assert (picture[ys, xs] == RED).all()
    assert len(ys) < inside  # the eye is inside the shapes and teaches nothing


def test_a_drawing_without_room_inside_has_no_picture():
    assert matching.body_picture(_drawing(radius=30, eye=False), RED, matching.SENTINEL, 0.02) is not None
    assert matching.body_picture(_drawing(radius=8, eye=False), RED, matching.SENTINEL, 0.02) is None
