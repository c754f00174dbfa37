"""The second hand's labelled doodles (tests/data/doodles_second/, scripts/doodles/draw_second_hand.py): a set
the colour sense figures can be read on beside the first one, as the evaluation loads it."""

from pathlib import Path

import pytest
from trainer.doodle_sets import (
    assert_read_as_labelled,
    assert_redrawn_as_stored_with_the_body_largest,
    hand_script,
)

from icanvas_desktop.generation.colour_families import shape_pixels
from icanvas_desktop.trainer.evaluation.colour_sense import (
    MIN_REGION_PX,
    chance_level,
    load_doodles,
    regions_of,
)

ROOT = Path(__file__).resolve().parents[3]
FOLDER = ROOT / "tests" / "data" / "doodles_second"
draw_second_hand = hand_script("draw_second_hand")

# The recogniser's 53 ids this round and the main colour families a person accepts for each.
ACCEPTED = {
    "sun": {"yellow", "orange"}, "cloud": {"white", "grey", "blue"}, "tree": {"green"},
    "apple": {"red", "green", "yellow"}, "strawberry": {"red"}, "banana": {"yellow"}, "carrot": {"orange"},
    "grapes": {"purple", "green"}, "cherry": {"red"}, "watermelon": {"green", "red", "pink"},
    "lemon": {"yellow"},
    "tomato": {"red"}, "broccoli": {"green"}, "pumpkin": {"orange"},
    "leaf": {"green", "yellow", "orange", "red", "brown"},
    "flower": {"red", "yellow", "pink", "purple", "orange", "blue", "white"}, "snowman": {"white", "grey"},
    "frog": {"green"}, "pig": {"pink"}, "chick": {"yellow"}, "ladybug": {"red"}, "whale": {"blue", "grey"},
    "elephant": {"grey", "blue"}, "penguin": {"black", "white", "grey"}, "heart": {"red", "pink"},
    "star": {"yellow", "orange"}, "moon": {"yellow", "white", "grey"}, "smiley": {"yellow"},
    "pizza": {"yellow", "orange", "brown", "red"}, "fire": {"orange", "red", "yellow"}, "raindrop": {"blue"},
    "fire_truck": {"red"}, "cat": {"orange", "yellow", "brown", "grey", "black", "white"},
    "dog": {"brown", "orange", "yellow", "white", "grey", "black"}, "mouse": {"grey", "brown", "white"},
    "bear": {"brown", "black", "white"}, "lion": {"orange", "yellow", "brown"},
    "bee": {"yellow", "orange", "black"}, "duck": {"yellow", "white", "brown"}, "turtle": {"green", "brown"},
    "rabbit": {"white", "grey", "brown", "pink"},
    "tangerine": {"orange"}, "pear": {"green", "yellow"}, "corn": {"yellow", "green"},
    "mushroom": {"red", "brown", "white", "orange"}, "cactus": {"green"}, "lightning": {"yellow", "orange"},
    "pineapple": {"yellow", "orange", "brown"}, "eggplant": {"purple"},
    "cookie": {"brown", "orange", "yellow"},
    "dinosaur": {"green", "brown"}, "snake": {"green", "brown", "yellow"}, "crab": {"red", "orange"},
}


@pytest.fixture(scope="module")
def doodles():
    return load_doodles(FOLDER)


def test_the_evaluation_reads_two_doodles_of_every_class_with_the_accepted_families(doodles):
    assert_read_as_labelled(doodles, FOLDER, ACCEPTED, 2, 1_500_000)


def test_no_single_colour_is_accepted_for_more_than_half_of_them(doodles):
    family, share = chance_level([d.families for d in doodles])
    assert share <= 0.5, f"painting every doodle {family} would be accepted for {share:.0%}"


def test_every_doodle_has_shapes_with_room_inside_for_a_main_colour(doodles):
    # Ten times what the evaluation counts as a region with a colour of its own: the thinnest, a small snake
    # in a corner, has about 290 px.
    for d in doodles:
        assert shape_pixels(regions_of(d.sketch, 256)).sum() >= 10 * MIN_REGION_PX, d.file


# The classes whose lines could most easily leave something other than the body as the largest area inside
# them: paper enclosed by stems, a striped or criss-crossed body, leaves, petals, a shell's pattern.
@pytest.mark.parametrize("name", ["cherry", "bee", "pineapple", "corn", "flower", "turtle", "snake",
                                  "grapes"])
def test_redrawing_a_class_gives_the_stored_doodles_whose_largest_area_inside_is_the_body(name):
    assert_redrawn_as_stored_with_the_body_largest(
        {(name, number): draw_second_hand.draw(name, number) for number in (1, 2)}, FOLDER)
