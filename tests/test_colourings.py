"""The dice: another plausible colouring of the same regions, the same for the same seed, never a colour
out of a region's family, and crayons and the paper left to the clean look."""

from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from icanvas_desktop.drawing.rasterize import render_hints
from icanvas_desktop.drawing.strokes import Crayon, Drawing, PenSize, Point, Stroke, Tool
from icanvas_desktop.files.resources import bundled_models_dir
from icanvas_desktop.generation import load_generator
from icanvas_desktop.generation.colour_families import lab_to_rgb, rgb_to_lab
from icanvas_desktop.generation.colour_prior import close
from icanvas_desktop.generation.colourings import another_colouring, neighbours
from icanvas_desktop.look import Look
from icanvas_desktop.themes import load_theme

DOODLES = Path(__file__).parent / "data" / "doodles"
# Lines, a red, a leaf green, a sky blue, a yellow, a brown, a white and a grey region; the last is paper.
USUAL = np.array([[20, 20, 20], [214, 40, 40], [70, 160, 60], [90, 170, 230], [250, 210, 40],
                  [120, 80, 40], [250, 250, 250], [128, 128, 128], [255, 255, 255]], np.uint8)
PAPER = np.array([True] + [False] * 7 + [True])


def test_lab_to_rgb_undoes_rgb_to_lab():
    colours = np.random.default_rng(1).integers(0, 256, (500, 3)).astype(np.uint8)
    back, inside = lab_to_rgb(rgb_to_lab(colours))
    assert inside.all() and np.abs(back.astype(int) - colours).max() <= 1


def test_seed_zero_is_the_usual_colouring():
    assert np.array_equal(another_colouring(USUAL, 0, keep=PAPER), USUAL)


def test_the_same_seed_gives_the_same_colours_and_others_give_others():
    first = another_colouring(USUAL, 7, keep=PAPER)
    assert np.array_equal(first, another_colouring(USUAL, 7, keep=PAPER))
    seen = {another_colouring(USUAL, seed, keep=PAPER).tobytes() for seed in range(1, 21)}
    assert len(seen) == 20, "every roll of twenty a new colouring"


@pytest.mark.parametrize("seed", range(1, 30))
def test_every_region_stays_in_its_family_and_the_paper_and_lines_stay(seed):
    rolled = another_colouring(USUAL, seed, keep=PAPER)
    assert np.array_equal(rolled[PAPER], USUAL[PAPER])
    assert close(rolled[~PAPER], USUAL[~PAPER]).all(), rolled
    # Within the family, and not far: lightness within 16 of the usual, hue within 6° (plus rounding).
    lab, usual = rgb_to_lab(rolled), rgb_to_lab(USUAL)
    assert np.abs(lab[:, 0] - usual[:, 0]).max() <= 17


def test_a_second_family_the_colourer_offers_comes_up_on_some_rolls_and_only_where_offered():
    green = np.array([70, 160, 60], np.uint8)
    others = np.zeros_like(USUAL)
    others[1] = green  # the red region may be green too (an apple)
    has = np.zeros(len(USUAL), bool)
    has[1] = True
    rolls = [another_colouring(USUAL, seed, keep=PAPER, also=(others, has)) for seed in range(1, 41)]
    red_rolls = [r[1] for r in rolls]
    assert any(close(c, USUAL[1]) for c in red_rolls) and any(close(c, green) for c in red_rolls)
    assert all(close(c, USUAL[1]) or close(c, green) for c in red_rolls)
    for rolled in rolls:
        assert close(rolled[2:-1], USUAL[2:-1]).all() and np.array_equal(rolled[PAPER], USUAL[PAPER])
    assert np.array_equal(another_colouring(USUAL, 0, keep=PAPER, also=(others, has)), USUAL)


def test_regions_of_one_colour_stay_alike():
    eyes = np.array([[0, 0, 0], [40, 90, 200], [40, 90, 200], [240, 200, 60]], np.uint8)
    for seed in range(1, 10):
        rolled = another_colouring(eyes, seed)
        assert np.array_equal(rolled[1], rolled[2])


def test_the_themes_colour_is_offered_where_it_is_of_the_family():
    template = np.array([[0, 0, 0], [214, 40, 40]], np.uint8)
    theme = np.array([[0, 0, 0], [170, 50, 40]], np.uint8)  # a red-brown: an apple's too
    options = {tuple(another_colouring(template, seed, theme=theme)[1]) for seed in range(1, 200)}
    near_theme, valid = neighbours(theme[1:])
    assert set(map(tuple, near_theme[valid])) & options, "the theme's red-brown among the rolls"
    purple = np.array([[0, 0, 0], [120, 60, 170]], np.uint8)  # not an apple's: never offered
    assert all(close(another_colouring(template, seed, theme=purple)[1], template[1])
               for seed in range(1, 50))


def test_a_roll_recolours_the_clean_picture_but_crayons_still_decide_their_regions():
    generator = load_generator(load_theme(bundled_models_dir() / "food"))
    with Image.open(DOODLES / "apple_1.png") as image:
        sketch = image.convert("L").resize((generator.input_size,) * 2)
    usual = np.asarray(generator.generate(sketch, Look.CLEAN, thing="apple"))
    rolled = np.asarray(generator.generate(sketch, Look.CLEAN, thing="apple", colouring=3))
    again = np.asarray(generator.generate(sketch, Look.CLEAN, thing="apple", colouring=3))
    assert np.array_equal(rolled, again)
    assert not np.array_equal(usual, rolled)
    middle = (slice(110, 146), slice(110, 146))
    assert close(usual[middle].reshape(-1, 3).mean(0).astype(np.uint8),
                 rolled[middle].reshape(-1, 3).mean(0).astype(np.uint8)), "still an apple's red"

    crayon = Stroke(Tool.CRAYON, PenSize.LARGE, [Point(x / 10, 0.55) for x in range(2, 9)], Crayon.BLUE)
    hints = render_hints(Drawing([crayon]), generator.input_size)
    blue = np.asarray(generator.generate(sketch, Look.CLEAN, hints, thing="apple", colouring=3))
    centre = blue[128, 128].astype(int)
    assert centre[2] > centre[0], "the crayoned region stays the crayon's blue"
