"""The colourer: which palette colour each region takes, from the network's distribution over its cells."""

import builtins
import json
import pickle
import shutil
from pathlib import Path

import numpy as np
import pytest
from PIL import Image, ImageDraw

from icanvas_desktop.generation import Generator
from icanvas_desktop.generation.clean_look import find_regions
from icanvas_desktop.generation.colour_prior import close
from icanvas_desktop.generation.colourer import (
    INPUT_SIZE,
    MANIFEST_NAME,
    MIN_VOTES,
    OUTPUT_SIZE,
    PAINTED,
    PALETTE,
    Colourer,
    ColourerError,
    apply_colourer,
    bundled_colourer,
    bundled_colourer_dir,
    crop_coordinates,
    nearest_palette,
    region_votes,
)
from icanvas_desktop.generation.litert import _interpreter_class
from icanvas_desktop.generation.recognise import ink_box, ink_crop
from icanvas_desktop.generation.sketch_input import sketch_to_array
from icanvas_desktop.look import Look

SIZE = 256
DRAWINGS = Path(__file__).parent / "data" / "recogniser"
PURPLE = (150, 60, 200)
RED, YELLOW, GREEN = (int(nearest_palette(np.array(c, np.uint8))[0])
                      for c in ((0xD2, 0x2F, 0x27), (0xFC, 0xEA, 0x2B), (0x5C, 0x9E, 0x31)))


def two_shapes():
    """A circle on the left and a square on the right, apart: two regions and the paper."""
    image = Image.new("L", (SIZE, SIZE), 255)
    draw = ImageDraw.Draw(image)
    draw.ellipse((20, 80, 110, 170), outline=0, width=4)
    draw.rectangle((146, 80, 236, 170), outline=0, width=4)
    sketch = sketch_to_array(image, SIZE)[..., 0]
    regions = find_regions(sketch)
    circle, square = int(regions.labels[125, 65]), int(regions.labels[125, 191])
    return sketch, regions, circle, square


def left_right(left: int, right: int) -> np.ndarray:
    """Probabilities over the grid: the colour `left` sure on the left half of the crop, `right` on the
    right half."""
    grid = np.zeros((OUTPUT_SIZE, OUTPUT_SIZE, len(PALETTE)), np.float32)
    grid[:, : OUTPUT_SIZE // 2, left] = 1
    grid[:, OUTPUT_SIZE // 2 :, right] = 1
    return grid


def test_each_region_sums_the_cells_under_it_through_the_crop_of_the_ink():
    sketch, regions, circle, square = two_shapes()
    votes = region_votes(regions, left_right(RED, YELLOW), ink_box(sketch))
    assert votes.shape == (regions.count + 1, len(PALETTE))
    assert votes[circle].argmax() == RED and votes[square].argmax() == YELLOW
    # Every sampled pixel of a region votes once, whole: the votes are the region's sampled pixels.
    for label in (circle, square):
        assert votes[label].sum() == np.count_nonzero(regions.sample & (regions.labels == label))
    assert votes[0].sum() == 0


def test_a_drawing_without_a_shape_has_no_votes():
    line = Image.new("L", (SIZE, SIZE), 255)
    ImageDraw.Draw(line).line((20, 128, 236, 128), fill=0, width=4)
    sketch = sketch_to_array(line, SIZE)[..., 0]
    regions = find_regions(sketch)
    votes = region_votes(regions, left_right(RED, YELLOW), ink_box(sketch))
    assert votes.shape == (regions.count + 1, len(PALETTE)) and not votes.any()


def test_the_crop_maps_the_ink_box_onto_the_grid_and_clips_outside_it():
    box = (10.0, 20.0, 110.0, 120.0)
    rows, columns = crop_coordinates(np.array([20, 119, 0, 70]), np.array([10, 109, 300, 60]), box)
    assert rows.tolist() == [0, OUTPUT_SIZE - 1, 0, 24]
    assert columns.tolist() == [0, OUTPUT_SIZE - 1, OUTPUT_SIZE - 1, 24]


def test_a_region_takes_the_likeliest_colour_unless_the_theme_s_family_is_nearly_as_likely():
    sketch, regions, circle, square = two_shapes()
    votes = region_votes(regions, left_right(RED, YELLOW), ink_box(sketch))
    theme = np.full((regions.count + 1, 3), PURPLE, np.uint8)
    out = apply_colourer(regions, theme, votes, PALETTE)
    assert tuple(out[circle]) == tuple(PALETTE[RED]) and tuple(out[square]) == tuple(PALETTE[YELLOW])
    assert tuple(out[0]) == PURPLE  # the lines are not a region
    # A theme's darker red stays: it is a red.
    dark_red = np.array((170, 40, 35), np.uint8)
    theme[circle] = dark_red
    assert close(dark_red, PALETTE[RED])
    assert tuple(apply_colourer(regions, theme, votes, PALETTE)[circle]) == tuple(dark_red)
    # A theme's green stays where the colourer finds green nearly as likely as red (an apple).
    theme[circle] = PALETTE[GREEN]
    unsure = votes.copy()
    unsure[circle, GREEN] = 0.6 * unsure[circle, RED]
    assert tuple(apply_colourer(regions, theme, unsure, PALETTE)[circle]) == tuple(PALETTE[GREEN])
    unsure[circle, GREEN] = 0.3 * unsure[circle, RED]
    assert tuple(apply_colourer(regions, theme, unsure, PALETTE)[circle]) == tuple(PALETTE[RED])


def test_the_paper_and_regions_without_votes_keep_their_colours():
    sketch, regions, circle, square = two_shapes()
    votes = region_votes(regions, left_right(RED, YELLOW), ink_box(sketch))
    theme = np.full((regions.count + 1, 3), PURPLE, np.uint8)
    keep = np.zeros(regions.count + 1, bool)
    keep[square] = True
    votes[circle] = 0
    out = apply_colourer(regions, theme, votes, PALETTE, keep=keep)
    assert tuple(out[circle]) == PURPLE and tuple(out[square]) == PURPLE


def test_the_app_paints_the_palette_it_was_given():
    sketch, regions, circle, _ = two_shapes()
    votes = region_votes(regions, left_right(RED, YELLOW), ink_box(sketch))
    painted = PALETTE.copy()
    painted[RED] = (240, 40, 40)
    out = apply_colourer(regions, np.full((regions.count + 1, 3), PURPLE, np.uint8), votes, painted)
    assert tuple(out[circle]) == (240, 40, 40)


def test_no_region_is_filled_dark_and_small_regions_keep_the_theme_s_colour():
    sketch, regions, circle, square = two_shapes()
    dark = int(np.argmin(PALETTE.astype(float) @ (0.299, 0.587, 0.114)))
    votes = region_votes(regions, left_right(dark, YELLOW), ink_box(sketch))
    votes[circle, RED] = 0.2 * votes[circle, dark]  # red a distant second
    theme = np.full((regions.count + 1, 3), PURPLE, np.uint8)
    assert tuple(apply_colourer(regions, theme, votes, PALETTE)[circle]) == tuple(PALETTE[RED])
    few = votes.copy()
    few[square] *= (MIN_VOTES - 1) / few[square].sum()
    assert tuple(apply_colourer(regions, theme, few, PALETTE)[square]) == PURPLE


class PurpleTheme:
    """A theme that paints everything purple."""

    name = "purple"
    input_channels = 1

    def __call__(self, sketches: np.ndarray) -> np.ndarray:
        picture = np.array(PURPLE, np.float32) / 127.5 - 1
        return np.broadcast_to(picture, (len(sketches), SIZE, SIZE, 3)).copy()


class SureColourer:
    """A colourer sure that every region is `colour` (a PALETTE index); counts its calls."""

    palette = PALETTE

    def __init__(self, colour: int):
        self.colour, self.calls = colour, 0

    def read(self, sketch):
        return sketch

    def votes(self, regions, reading):
        self.calls += 1
        votes = np.zeros((regions.count + 1, len(PALETTE)))
        votes[:, self.colour] = np.bincount(regions.labels[regions.sample], minlength=regions.count + 1)
        votes[0] = 0
        return votes


def circle() -> Image.Image:
    image = Image.new("L", (SIZE, SIZE), 255)
    ImageDraw.Draw(image).ellipse((50, 50, 206, 206), outline=0, width=5)
    return image


MIDDLE = (SIZE // 2 + 20, SIZE // 2)


def test_the_clean_look_takes_the_colourer_s_colours_and_the_painted_look_the_theme_s():
    colourer = SureColourer(RED)
    generator = Generator(SIZE, PurpleTheme(), Look.CLEAN, colourer=colourer)
    assert tuple(np.asarray(generator.generate(circle()))[MIDDLE]) == tuple(PALETTE[RED])
    # "None of these" leaves out a guessed thing, not the colours that fit the drawing.
    assert tuple(np.asarray(generator.generate(circle(), thing=None))[MIDDLE]) == tuple(PALETTE[RED])
    calls = colourer.calls
    assert tuple(np.asarray(generator.generate(circle(), look=Look.PAINTED))[MIDDLE]) == PURPLE
    assert colourer.calls == calls
    # The paper around the drawing stays paper.
    assert tuple(np.asarray(generator.generate(circle()))[5, 5]) == (255, 255, 255)


def test_a_thing_the_child_named_comes_before_the_colourer_and_the_dice_keep_its_family():
    from icanvas_desktop.generation.recognise import Recogniser, bundled_recogniser_dir

    generator = Generator(SIZE, PurpleTheme(), Look.CLEAN, Recogniser(bundled_recogniser_dir()),
                          SureColourer(GREEN))
    lemon = np.asarray(generator.generate(circle(), thing="lemon"))[MIDDLE]
    assert close(lemon, np.array((250, 220, 60), np.uint8)), lemon
    rolled = np.asarray(generator.generate(circle(), thing=None, colouring=7))[MIDDLE]
    assert close(rolled, PALETTE[GREEN]) and tuple(rolled) != PURPLE


class RedOrGreenColourer(SureColourer):
    """A colourer that finds every region red, and green a little less likely."""

    def votes(self, regions, reading):
        votes = super().votes(regions, reading)
        votes[:, GREEN] = 0.7 * votes[:, RED]
        return votes


def test_the_dice_offers_a_second_family_the_colourer_finds_likely_but_not_for_a_named_thing():
    from icanvas_desktop.generation.recognise import Recogniser, bundled_recogniser_dir

    generator = Generator(SIZE, PurpleTheme(), Look.CLEAN, Recogniser(bundled_recogniser_dir()),
                          RedOrGreenColourer(RED))
    assert tuple(np.asarray(generator.generate(circle(), thing=None))[MIDDLE]) == tuple(PALETTE[RED])
    rolled = [np.asarray(generator.generate(circle(), thing=None, colouring=seed))[MIDDLE]
              for seed in range(1, 25)]
    assert any(close(c, PALETTE[RED]) for c in rolled) and any(close(c, PALETTE[GREEN]) for c in rolled)
    lemons = [np.asarray(generator.generate(circle(), thing="lemon", colouring=seed))[MIDDLE]
              for seed in range(1, 13)]
    assert all(close(c, np.array((250, 220, 60), np.uint8)) for c in lemons), lemons


def test_a_crayoned_region_keeps_the_crayon_s_colour():
    generator = Generator(SIZE, PurpleTheme(), Look.CLEAN, colourer=SureColourer(RED))
    hints = Image.new("RGBA", (SIZE, SIZE), (0, 0, 0, 0))
    ImageDraw.Draw(hints).rectangle((110, 110, 150, 150), fill=(30, 90, 220, 255))
    assert tuple(np.asarray(generator.generate(circle(), hints=hints))[MIDDLE]) == (30, 90, 220)


def test_the_bundled_package_is_data_only_and_loads_without_executing_anything(monkeypatch):
    folder = bundled_colourer_dir()
    assert {p.name for p in folder.iterdir()} == {MANIFEST_NAME, "colourer.tflite"}
    _interpreter_class()  # the module that reads the model loads first: importing it executes its code

    def refuse(*args, **kwargs):
        raise AssertionError("the colourer package must not run or unpickle anything")

    for name in ("load", "loads"):
        monkeypatch.setattr(pickle, name, refuse)
    monkeypatch.setattr(builtins, "exec", refuse)
    monkeypatch.setattr(builtins, "eval", refuse)
    colourer = Colourer(folder)
    assert colourer.palette.shape == (len(PALETTE), 3)
    # The app paints OpenMoji's colours, its light green as its green.
    assert np.array_equal(colourer.palette, PAINTED)


def copy_of_package(tmp_path: Path) -> Path:
    return Path(shutil.copytree(bundled_colourer_dir(), tmp_path / "colourer"))


def test_a_changed_model_is_refused(tmp_path):
    folder = copy_of_package(tmp_path)
    model = folder / "colourer.tflite"
    data = bytearray(model.read_bytes())
    data[len(data) // 2] ^= 0xFF
    model.write_bytes(bytes(data))
    with pytest.raises(ColourerError, match="colourer.tflite"):
        Colourer(folder)


@pytest.mark.parametrize("change", [
    {"format": 2}, {"palette": ["#FF0000", "red"]}, {"palette": "#FF0000"},
    {"tflite": {"file": "../colourer/colourer.tflite", "sha256": "0" * 64}}])
def test_a_broken_manifest_is_refused_with_its_path(tmp_path, change):
    folder = copy_of_package(tmp_path)
    manifest = json.loads((folder / MANIFEST_NAME).read_text("utf-8"))
    (folder / MANIFEST_NAME).write_text(json.dumps(manifest | change), "utf-8")
    with pytest.raises(ColourerError, match=MANIFEST_NAME):
        Colourer(folder)


@pytest.mark.parametrize("text", ["{", "[]", "x" * 100_000])
def test_an_unreadable_manifest_is_refused_with_its_path(tmp_path, text):
    folder = copy_of_package(tmp_path)
    (folder / MANIFEST_NAME).write_text(text, "utf-8")
    with pytest.raises(ColourerError, match=MANIFEST_NAME):
        Colourer(folder)


def test_a_palette_of_the_wrong_length_is_refused_with_the_model_s_path(tmp_path):
    folder = copy_of_package(tmp_path)
    manifest = json.loads((folder / MANIFEST_NAME).read_text("utf-8"))
    (folder / MANIFEST_NAME).write_text(json.dumps(manifest | {"palette": manifest["palette"][:-1]}), "utf-8")
    with pytest.raises(ColourerError, match="colourer.tflite"):
        Colourer(folder)


def test_it_gives_a_distribution_over_the_palette_for_every_cell():
    crop = ink_crop(sketch_to_array(Image.open(DRAWINGS / "fire_truck.png"), SIZE)[..., 0], INPUT_SIZE)
    grid = bundled_colourer().probabilities_of_input(crop)
    assert grid.shape == (OUTPUT_SIZE, OUTPUT_SIZE, len(PALETTE))
    assert (grid >= 0).all() and np.allclose(grid.sum(axis=-1), 1, atol=1e-4)


def test_a_blank_page_has_no_votes():
    blank = np.ones((SIZE, SIZE), np.float32)
    assert bundled_colourer().read(blank) is None
    assert bundled_colourer().votes(find_regions(blank), None) is None
