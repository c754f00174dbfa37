from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from icanvas_desktop.files.resources import bundled_models_dir
from icanvas_desktop.generation import load_generator
from icanvas_desktop.themes.discovery import discover_themes
from icanvas_desktop.trainer.packaging.tflite import MIN_PSNR_DB, check_same_pictures, picture_difference

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
    drawings = [Image.open(path) for path in sorted((DRAWINGS / theme.id).glob("*.png"))]
    if theme.manifest["tflite_weights"] == "float32":  # within TOLERANCE, or UsageError
        check_same_pictures(keras, litert, theme.input_size, drawings)
    else:  # smaller weights: every picture the same to the eye (trainer/packaging/tflite.py)
        assert picture_difference(keras, litert, theme.input_size, drawings)[1] >= MIN_PSNR_DB


# What a child should get from every theme, on the human drawings, in its own look (the eight-themes issue):
# at most this grain, at least these line and colour figures.
TARGETS = {"grain": 1.5, "line_precision": 0.85, "line_recall": 0.95, "colour_variety": 30.0,
           "colourfulness": 35.0}
# With the recogniser's colour prior and the colourer on, as a child gets them, three figures fall short: the
# recogniser takes some of these drawings of other things for things it knows (docs/themes/colour-sense.md,
# looked at): toys' dice for a cookie (brown: variety 32 → 29), garden's olive twig for a rabbit and two daisy
# petals for leaves (variety 31 → 27). Each is held to what it measures with them, and to the targets with the
# theme's own colours. (Space's fluffy cloud, taken for a tree, had its colourfulness at 33; the colourer
# brought it back over the target.) Animals' dove was taken for a moon, a bright yellow, until guesses under
# 0.30 stopped colouring (round 4 of colour-sense.md): right to lose, and with it, one of six drawings,
# colourfulness 43.9 → 33.3 (variety 47.8 → 30.9). Since the recogniser knows 96 things (round 5), space's
# cloud is a cloud, light grey, not a green tree (colourfulness 34 → 23: right to lose, the largest shape of
# its five), and toys' soccer ball is black and white, not yellow (right), its rugby ball white, taken for a
# penguin (wrong): variety 28.8 → 28.2. Since it knows 153 (round 6), animals' dove is a dove (0.54), light
# grey, its wing no longer orange: colourfulness 33.3 → 31.5, right to lose (31.49 since round 7, when a
# theme's colour stays under a template only if it is of the template colour's family). Recogniser v7 (round
# 8) is no longer sure that faces' dog head is a cow (0.42 → 0.24): the dog is grey, not the cow template's
# brown (both a dog's colours): variety 33.8 → 29.95. Space's colourfulness rose 23 → 49 for a wrong
# reason: its cloud is taken for a flower (0.72) and its shuttle for the sun; its exception stays as it was.
WITH_PRIOR = {("toys", "colour_variety"): 28.1, ("garden", "colour_variety"): 26.7,
              ("animals", "colourfulness"): 31.4, ("space", "colourfulness"): 23.0,
              ("faces", "colour_variety"): 29.9}


@pytest.mark.parametrize("prior", [True, False],
                         ids=["with the colour prior and the colourer", "the theme's own colours"])
@pytest.mark.parametrize("theme", THEMES, ids=lambda t: t.id)
def test_a_bundled_theme_keeps_the_childs_lines_without_grain_in_varied_colours(theme, prior):
    from icanvas_desktop.trainer.evaluation.evaluate import look_figures

    drawings = []
    for path in sorted((DRAWINGS / theme.id).glob("*.png")):
        with Image.open(path) as drawing:
            drawings.append(drawing.copy())
    generator = load_generator(theme)
    if not prior:
        generator.recogniser = generator.colourer = None
    figures = look_figures(generator, drawings)  # in the theme's own look
    targets = {name: WITH_PRIOR.get((theme.id, name), target) if prior else target
               for name, target in TARGETS.items()}
    assert figures["grain"] <= targets["grain"], f"{theme.look} look: grain {figures['grain']:.2f}"
    for name in ("line_precision", "line_recall", "colour_variety", "colourfulness"):
        assert figures[name] >= targets[name], f"{theme.look} look: {name} {figures[name]:.3f}"


DOODLE_SETS = (Path(__file__).parent / "data" / "doodles", Path(__file__).parent / "data" / "doodles_second")
# Colour sense (issue 26): the share of the labelled doodles whose main colour, in the clean look, a
# person would accept, on the first doodle of each class of both sets (the second drawn by another hand): 106.
# Every theme reaches the targets there with the recogniser's colour prior and the colourer (75-80 %,
# chance 43 %): each is held to what it measures (docs/themes/colour-sense.md), less one doodle for a
# last-bit difference in LiteRT's arithmetic, so a retrain, a new recogniser or a new colourer can only keep
# or raise it, and never below COLOUR_SENSE_TARGET and COLOUR_SENSE_ABOVE_CHANCE above the chance level.
# (Round 4 lowered these by 1-2 doodles: guesses under 0.30 no longer colour a picture, docs/themes/
# colour-sense.md, which lifted the third hand's figures. Round 5 by 0-2 more: the recogniser knows 96
# things, not 53, and takes a few of these for a new one; the other hands' things it learned gained 25-45
# points, below. Round 6 raised them by 1-4: it knows 153 things, and some it took for another thing of
# another colour it now takes for one of the same colour. Round 7 by 0-2 more: a theme's colour stays under
# a template only when of its family, and a body on a grey part of a coloured thing takes the thing's
# colour. Round 8 by 0-2 more: recogniser v7, which learned whole animals and people.)
COLOUR_SENSE_FLOOR = {"animals": 0.839, "emoji": 0.820, "faces": 0.830, "food": 0.830, "garden": 0.820,
                      "space": 0.820, "stickers": 0.839, "toys": 0.811, "vehicles": 0.811}
COLOUR_SENSE_TARGET = 0.75
COLOUR_SENSE_ABOVE_CHANCE = 0.25


def first_of_each_class(folder: Path) -> list:
    from icanvas_desktop.trainer.evaluation.colour_sense import load_doodles

    doodles = load_doodles(folder)
    return [d for i, d in enumerate(doodles) if d.thing not in {e.thing for e in doodles[:i]}]


@pytest.fixture(scope="module")
def first_doodle_of_each_class():
    return [d for folder in DOODLE_SETS for d in first_of_each_class(folder)]


@pytest.mark.parametrize("theme", THEMES, ids=lambda t: t.id)
def test_a_bundled_theme_colours_doodles_at_least_as_sensibly_as_it_did(theme, first_doodle_of_each_class):
    from icanvas_desktop.trainer.evaluation.colour_sense import doodle_figures

    doodles = first_doodle_of_each_class
    generator = load_generator(theme)
    pictures = [np.asarray(p) for p in generator.generate_batch([d.sketch for d in doodles], "clean")]
    figures = doodle_figures(doodles, pictures)
    plausible, chance = figures["colour_plausible"], figures["colour_chance"]
    floor = max(COLOUR_SENSE_FLOOR.get(theme.id, 0.0), COLOUR_SENSE_TARGET,
                chance + COLOUR_SENSE_ABOVE_CHANCE)
    assert plausible >= floor, (
        f"{plausible:.0%} of the doodles in a colour a person accepts (chance level {chance:.0%})")


# The third to seventh hands (tests/data/doodles_third, a felt-tip; doodles_fourth, a wax crayon;
# doodles_fifth, in the app with a mouse; doodles_sixth, in the app with a finger, small; doodles_seventh,
# whole animals in the app with a mouse), drawn apart from everything here, on the first doodle of each
# hand's things (200): those of things the recogniser knows (147, never trained on) and of things it does
# not (53), apart. Each theme is held to what it measures, less one doodle (docs/themes/colour-sense.md,
# round 8); on things it does not know no theme is above a constant colour, and what little there is may
# not be lost.
OTHER_HANDS = ("doodles_third", "doodles_fourth", "doodles_fifth", "doodles_sixth", "doodles_seventh")
OTHER_HANDS_FLOOR = {
    "known": {"animals": 0.557, "emoji": 0.578, "faces": 0.544, "food": 0.585, "garden": 0.564,
              "space": 0.551, "stickers": 0.578, "toys": 0.564, "vehicles": 0.564},
    "unknown": {"animals": 0.169, "emoji": 0.264, "faces": 0.226, "food": 0.226, "garden": 0.264,
                "space": 0.207, "stickers": 0.226, "toys": 0.207, "vehicles": 0.264},
}


@pytest.fixture(scope="module")
def other_hands():
    from icanvas_desktop.generation.recognise import bundled_recogniser

    known = set(bundled_recogniser().classes)
    doodles = [d for hand in OTHER_HANDS for d in first_of_each_class(Path(__file__).parent / "data" / hand)]
    return {"known": [d for d in doodles if d.thing in known],
            "unknown": [d for d in doodles if d.thing not in known]}


@pytest.mark.parametrize("theme", THEMES, ids=lambda t: t.id)
def test_a_bundled_theme_colours_other_hands_doodles_at_least_as_sensibly_as_it_did(theme, other_hands):
    from icanvas_desktop.trainer.evaluation.colour_sense import doodle_figures

    assert (len(other_hands["known"]), len(other_hands["unknown"])) == (147, 53)
    generator = load_generator(theme)
    for half, doodles in other_hands.items():
        pictures = [np.asarray(p) for p in generator.generate_batch([d.sketch for d in doodles], "clean")]
        figures = doodle_figures(doodles, pictures)
        assert figures["colour_plausible"] >= OTHER_HANDS_FLOOR[half][theme.id], (
            f"{figures['colour_plausible']:.0%} of the other hands' {half} things in a colour a person "
            f"accepts (chance level {figures['colour_chance']:.0%})")


# Scenes (tests/data/scenes: two or three labelled doodles a sheet), each thing's main colour within its box:
# every thing of the 60 scenes of the first two sets' doodles (147), on which the scene colouring was worked
# out, and of the 60 of the other hands' (142, a third of them things the recogniser does not know); then 50
# of each with the things standing on a ground line across the sheet (110 and 116). Before scenes were read
# thing by thing, 23-44 % of the first and 19-30 % of the others were coloured acceptably (docs/themes/
# colour-sense.md, round 9); each theme is held to what it measures now, less one thing, and on the first
# part to the targets as on single doodles. Last, 40 scenes of each of two things drawn touching (80
# things each): 29-41 % and 20-31 % before a touching pair was cut in two (round 10); and 30 of each of two
# touching things with a third apart (90 things each): 44-57 % and 20-32 % before such a pair was cut too.
SCENES = Path(__file__).parent / "data" / "scenes"
SCENE_FLOOR = {
    "first": {"animals": 0.843, "emoji": 0.857, "faces": 0.877, "food": 0.843, "garden": 0.850,
              "space": 0.857, "stickers": 0.829, "toys": 0.809, "vehicles": 0.850},
    "other hands": {"animals": 0.478, "emoji": 0.471, "faces": 0.507, "food": 0.471, "garden": 0.485,
                    "space": 0.471, "stickers": 0.443, "toys": 0.492, "vehicles": 0.471},
    "first, on the ground": {"animals": 0.700, "emoji": 0.790, "faces": 0.754, "food": 0.745, "garden": 0.763,
                             "space": 0.754, "stickers": 0.718, "toys": 0.718, "vehicles": 0.763},
    "other hands, on the ground": {"animals": 0.379, "emoji": 0.439, "faces": 0.422, "food": 0.422,
                                   "garden": 0.422, "space": 0.422, "stickers": 0.439, "toys": 0.387,
                                   "vehicles": 0.379},
    "first, touching": {"animals": 0.450, "emoji": 0.487, "faces": 0.550, "food": 0.550, "garden": 0.487,
                        "space": 0.513, "stickers": 0.462, "toys": 0.450, "vehicles": 0.475},
    "other hands, touching": {"animals": 0.212, "emoji": 0.325, "faces": 0.237, "food": 0.300,
                              "garden": 0.263, "space": 0.263, "stickers": 0.275, "toys": 0.237,
                              "vehicles": 0.287},
    "first, two touching of three": {"animals": 0.533, "emoji": 0.555, "faces": 0.577, "food": 0.566,
                                     "garden": 0.555, "space": 0.566, "stickers": 0.566, "toys": 0.544,
                                     "vehicles": 0.544},
    "other hands, two touching of three": {"animals": 0.200, "emoji": 0.300, "faces": 0.322, "food": 0.311,
                                           "garden": 0.233, "space": 0.277, "stickers": 0.300, "toys": 0.266,
                                           "vehicles": 0.255},
}


@pytest.fixture(scope="module")
def scenes():
    from icanvas_desktop.trainer.evaluation.colour_sense import load_scenes

    labelled = load_scenes(SCENES)
    return {part: [s for s in labelled if s.part == part] for part in SCENE_FLOOR}


@pytest.mark.parametrize("theme", THEMES, ids=lambda t: t.id)
def test_a_bundled_theme_colours_each_thing_of_a_scene_as_it_did(theme, scenes):
    from icanvas_desktop.trainer.evaluation.colour_sense import scene_figures

    things = [sum(len(s.things) for s in part) for part in scenes.values()]
    assert things == [147, 142, 110, 116, 80, 80, 90, 90]
    generator = load_generator(theme)
    for part, labelled in scenes.items():
        pictures = [np.asarray(p) for p in generator.generate_batch([s.sketch for s in labelled], "clean")]
        figures = scene_figures(labelled, pictures)
        plausible, chance = figures["colour_plausible"], figures["colour_chance"]
        floor = SCENE_FLOOR[part][theme.id]
        if part == "first":
            floor = max(floor, COLOUR_SENSE_TARGET, chance + COLOUR_SENSE_ABOVE_CHANCE)
        assert plausible >= floor, (
            f"{plausible:.0%} of the things in the {part} scenes in a colour a person accepts (chance level "
            f"{chance:.0%})")
