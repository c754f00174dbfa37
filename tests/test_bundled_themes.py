from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from icanvas_desktop.files.resources import bundled_models_dir
from icanvas_desktop.generation import load_generator, sketch_to_array
from icanvas_desktop.generation.sketch_input import generator_input
from icanvas_desktop.themes.discovery import discover_themes
from icanvas_desktop.trainer.packaging.tflite import TOLERANCE

DRAWINGS = Path(__file__).parent / "data" / "drawings"
THEMES, PROBLEMS = discover_themes([bundled_models_dir()])


def test_every_bundled_theme_loads():
    assert not PROBLEMS
    assert THEMES, "models/ ships at least one theme"


@pytest.mark.parametrize("theme", THEMES, ids=lambda t: t.id)
def test_a_bundled_theme_turns_human_drawings_into_colourful_pictures(theme):
    assert theme.folder.name == theme.id
    assert len(theme.prompts) >= 3 and theme.name("ko") != theme.name("en")
    assert theme.weights_path.stat().st_size <= 30 * 1024 * 1024
    generator = load_generator(theme)
    drawings = sorted((DRAWINGS / theme.id).glob("*.png"))
    assert drawings, f"tests/data/drawings/{theme.id}/ holds human line drawings"
    for path in drawings:
        # The generator's own colours: in the clean look a filled black silhouette stays black, rightly.
        picture = np.asarray(generator.generate(Image.open(path), "painted").convert("HSV"), np.float32)
        assert picture.shape == (theme.input_size, theme.input_size, 3)
        assert picture[..., 2].std() > 10, f"{path.name}: not blank"
        assert (picture[..., 1] > 60).mean() > 0.05, f"{path.name}: colourful"


@pytest.mark.parametrize("theme", THEMES, ids=lambda t: t.id)
def test_a_bundled_theme_gives_the_same_picture_through_litert_and_keras(theme):
    assert theme.tflite_path is not None, (
        "the packaged app runs the .tflite: add it with icanvas-train add-tflite")
    litert, keras = (load_generator(theme, runtime).runtime for runtime in ("litert", "keras"))
    for path in sorted((DRAWINGS / theme.id).glob("*.png")):
        sketch = sketch_to_array(Image.open(path), theme.input_size)
        sketch = generator_input(sketch, None, keras.input_channels)[None]
        assert np.abs(litert(sketch) - keras(sketch)).max() <= TOLERANCE, path.name


# What a child should get from every theme, on the human drawings, in its own look (the eight-themes issue):
# at most this grain, at least these line and colour figures.
TARGETS = {"grain": 1.5, "line_precision": 0.85, "line_recall": 0.95, "colour_variety": 30.0,
           "colourfulness": 35.0}


@pytest.mark.parametrize("theme", THEMES, ids=lambda t: t.id)
def test_a_bundled_theme_keeps_the_childs_lines_without_grain_in_varied_colours(theme):
    from icanvas_desktop.trainer.evaluation.evaluate import look_figures

    drawings = []
    for path in sorted((DRAWINGS / theme.id).glob("*.png")):
        with Image.open(path) as drawing:
            drawings.append(drawing.copy())
    figures = look_figures(load_generator(theme), drawings)  # in the theme's own look
    assert figures["grain"] <= TARGETS["grain"], f"{theme.look} look: grain {figures['grain']:.2f}"
    for name in ("line_precision", "line_recall", "colour_variety", "colourfulness"):
        assert figures[name] >= TARGETS[name], f"{theme.look} look: {name} {figures[name]:.3f}"


DOODLES = Path(__file__).parent / "data" / "doodles"
# Colour sense (issue 26): the share of the labelled doodles whose main colour, in the clean look, a
# person would accept. A theme listed here is held to what it measures with the recogniser's colour prior
# (docs/themes/colour-sense.md, on the first doodle of each class: 12-19 of 32, where before the prior it was
# 3-11), less one doodle for a last-bit difference in LiteRT's arithmetic, so a retrain or a new recogniser
# can only keep or raise it; raise a floor as its theme improves. A theme not listed (a new one, or one that
# reaches them) is held to the targets: COLOUR_SENSE_TARGET, and at least COLOUR_SENSE_ABOVE_CHANCE
# above the chance level.
COLOUR_SENSE_FLOOR = {"animals": 0.53, "emoji": 0.56, "faces": 0.56, "food": 0.53, "garden": 0.53,
                      "space": 0.53, "stickers": 0.50, "toys": 0.34, "vehicles": 0.56}
COLOUR_SENSE_TARGET = 0.75
COLOUR_SENSE_ABOVE_CHANCE = 0.25


@pytest.fixture(scope="module")
def first_doodle_of_each_class():
    from icanvas_desktop.trainer.evaluation.colour_sense import load_doodles

    doodles = load_doodles(DOODLES)
    return [d for i, d in enumerate(doodles) if d.thing not in {e.thing for e in doodles[:i]}]


@pytest.mark.parametrize("theme", THEMES, ids=lambda t: t.id)
def test_a_bundled_theme_colours_doodles_at_least_as_sensibly_as_it_did(theme, first_doodle_of_each_class):
    from icanvas_desktop.trainer.evaluation.colour_sense import doodle_figures

    doodles = first_doodle_of_each_class
    generator = load_generator(theme)
    pictures = [np.asarray(p) for p in generator.generate_batch([d.sketch for d in doodles], "clean")]
    figures = doodle_figures(doodles, pictures)
    plausible, chance = figures["colour_plausible"], figures["colour_chance"]
    floor = COLOUR_SENSE_FLOOR.get(theme.id)
    if floor is None:
        floor = max(COLOUR_SENSE_TARGET, chance + COLOUR_SENSE_ABOVE_CHANCE)
    assert plausible >= floor, (
        f"{plausible:.0%} of the doodles in a colour a person accepts (chance level {chance:.0%})")
