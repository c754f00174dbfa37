"""The fifth hand's labelled doodles (tests/data/doodles_fifth/, scripts/doodles/draw_fifth_hand.py): 40
things drawn as a child draws them in the app with a mouse or a finger and rendered by the app's own stroke
renderer, 20 of the recogniser's first things, 5 it knows that no hand drew before and 15 it does not know, so
that colour sense can be judged on drawings nobody tuned on, as the evaluation loads them."""

import json
from pathlib import Path

import pytest
from trainer.doodle_sets import (
    assert_largest_area_inside_holds_a_colour,
    assert_read_as_labelled,
    assert_redrawn_as_stored_with_the_body_largest,
    bodies_left_open,
    classes_drawn_by_other_hands,
    hand_script,
)

from icanvas_desktop.trainer.evaluation.colour_sense import (
    chance_level,
    load_doodles,
)
from icanvas_desktop.trainer.recognition.classes import CLASS_IDS

ROOT = Path(__file__).resolve().parents[3]
FOLDER = ROOT / "tests" / "data" / "doodles_fifth"
draw_fifth_hand = hand_script("draw_fifth_hand")

# The main colour families a person accepts for each thing, by group: the recogniser's first things (drawn by
# earlier hands too), things it knows that no hand drew before, things it does not know.
FIRST = {
    "apple": {"red", "green", "yellow"}, "banana": {"yellow"}, "sun": {"yellow", "orange"},
    "cloud": {"white", "grey", "blue"}, "tree": {"green"}, "strawberry": {"red"}, "carrot": {"orange"},
    "cherry": {"red"}, "grapes": {"purple", "green"}, "moon": {"yellow", "white", "grey"},
    "star": {"yellow", "orange"}, "pig": {"pink"}, "frog": {"green"}, "whale": {"blue", "grey"},
    "penguin": {"black", "white"}, "snowman": {"white"}, "ladybug": {"red"}, "pumpkin": {"orange"},
    "broccoli": {"green"}, "elephant": {"grey"},
}
NEWER = {
    "dragon": {"green", "red"}, "horse": {"brown", "white", "black", "grey"},
    "mountain": {"grey", "brown", "blue", "white", "green"}, "sandwich": {"brown", "yellow"},
    "tornado": {"grey", "white", "black"},
}
UNKNOWN = {
    "octopus": {"red", "pink", "purple", "orange"}, "doughnut": {"brown", "pink"},
    "hot_dog": {"brown", "orange", "yellow"}, "ice_cream": {"pink", "white", "brown", "yellow", "green"},
    "egg": {"white"}, "onion": {"purple", "white", "yellow", "brown"},
    "bell_pepper": {"red", "green", "yellow", "orange"}, "shrimp": {"pink", "orange", "red"},
    "parrot": {"red", "green", "blue", "yellow"}, "seal": {"grey", "black", "brown"},
    "hippo": {"grey", "purple"},
    "sloth": {"brown", "grey"}, "coconut": {"brown"}, "volcano": {"brown", "grey", "black"},
    "walrus": {"brown", "grey"},
}
GROUPS = {"first": FIRST, "newer": NEWER, "unknown": UNKNOWN}
ACCEPTED = FIRST | NEWER | UNKNOWN


@pytest.fixture(scope="module")
def doodles():
    return load_doodles(FOLDER)


@pytest.fixture(scope="module")
def labels():
    return json.loads((FOLDER / "labels.json").read_text("utf-8"))


def test_the_evaluation_reads_three_doodles_of_every_class_with_the_accepted_families(doodles):
    assert_read_as_labelled(doodles, FOLDER, ACCEPTED, 3, 1_000_000)


def test_no_single_colour_is_accepted_for_more_than_45_percent_of_them_nor_half_of_the_first_things(doodles):
    family, share = chance_level([d.families for d in doodles])
    assert share <= 0.45, f"painting every doodle {family} would be accepted for {share:.0%}"
    family, share = chance_level([d.families for d in doodles if d.thing in FIRST])
    assert share <= 0.5, f"painting every doodle of the first things {family}: {share:.0%}"


def test_the_newer_and_unknown_groups_chance_levels_are_what_their_honest_families_give(doodles):
    # Grey is honestly a colour of horse, mountain and tornado (3 of the 5 newer things), and brown of nine of
    # the fifteen unknown things: their figures are to be read against these levels, not against a half.
    for name, most in (("newer", 0.6), ("unknown", 0.6)):
        family, share = chance_level([d.families for d in doodles if d.thing in GROUPS[name]])
        assert share <= most, f"painting every doodle of the {name} things {family}: {share:.0%}"


def test_each_doodle_says_its_group_and_whether_the_recogniser_knows_its_thing(labels):
    for entry in labels:
        assert entry["class"] in GROUPS[entry["group"]], entry["file"]
        assert entry["known_by_recogniser_v5"] == (entry["class"] in FIRST or entry["class"] in NEWER)
    assert {e["class"] for e in labels if e["known_by_recogniser_v5"]} == set(FIRST) | set(NEWER)


# Drawn when the recogniser knew 96 things, none of the unknown group; of the things it learned next
# (OpenMoji's animals and food, chosen by a rule without these doodles: trainer/recognition/classes.py),
# these are among them. It was never shown a doodle of this set.
KNOWN_SINCE_ROUND_6 = {"egg", "onion", "bell_pepper", "shrimp", "parrot", "seal", "sloth", "coconut",
                       "ice_cream"}


def test_the_unknown_things_were_no_class_of_the_recogniser_and_only_the_first_were_drawn_before():
    manifest = json.loads((ROOT / "resources" / "recogniser" / "recogniser.json").read_text("utf-8"))
    assert set(FIRST) | set(NEWER) <= set(CLASS_IDS)
    assert set(UNKNOWN) & set(CLASS_IDS) == set(UNKNOWN) & set(manifest["classes"]) == KNOWN_SINCE_ROUND_6
    earlier = classes_drawn_by_other_hands(FOLDER)
    assert set(FIRST) <= earlier
    assert not (set(NEWER) | set(UNKNOWN)) & earlier


def test_every_doodle_has_an_area_inside_its_lines_big_enough_for_a_main_colour(doodles):
    assert_largest_area_inside_holds_a_colour(doodles)


@pytest.fixture(scope="module")
def redrawn():
    return {(name, n): draw_fifth_hand.draw(name, n) for name in ACCEPTED for n in (1, 2, 3)}


def test_redrawing_every_class_gives_the_stored_doodles_whose_largest_area_inside_is_the_body(redrawn):
    assert_redrawn_as_stored_with_the_body_largest(redrawn, FOLDER)


def test_bodies_left_open_by_the_hand_are_closed_by_the_apps_gap_closing(redrawn):
    open_bodies = bodies_left_open(redrawn)
    assert len(open_bodies) >= 24, open_bodies
