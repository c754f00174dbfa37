"""The sixth hand's labelled doodles (tests/data/doodles_sixth/, scripts/doodles/draw_sixth_hand.py): 40
things drawn small and anywhere on the page as a 4 to 6 year old draws them with a finger on a touch screen,
rendered by the app's own stroke renderer, 20 of the recogniser's first things, 10 it knows that no hand drew
before and 10 no version of it knows, so that colour sense can be judged on drawings nobody tuned on, as the
evaluation loads them."""

import json
from pathlib import Path

import numpy as np
import pytest
from trainer.doodle_sets import (
    assert_largest_area_inside_holds_a_colour,
    assert_read_as_labelled,
    assert_redrawn_as_stored_with_the_body_largest,
    bodies_left_open,
    classes_drawn_by_other_hands,
    hand_script,
)

from icanvas_desktop.trainer.evaluation.colour_sense import chance_level, load_doodles
from icanvas_desktop.trainer.recognition.classes import CLASS_IDS

ROOT = Path(__file__).resolve().parents[3]
FOLDER = ROOT / "tests" / "data" / "doodles_sixth"
draw_sixth_hand = hand_script("draw_sixth_hand")

# The main colour families a parent accepts for each thing, by group: the recogniser's first things (drawn by
# earlier hands too), things it knows that no hand drew before, things no version of it knows.
FIRST = {
    "watermelon": {"red", "green", "pink"}, "lemon": {"yellow"}, "tomato": {"red"},
    "leaf": {"green", "yellow", "orange", "red", "brown"}, "chick": {"yellow"}, "heart": {"red", "pink"},
    "smiley": {"yellow"}, "raindrop": {"blue", "white"}, "fire_truck": {"red"},
    "cat": {"orange", "grey", "black", "white", "brown"}, "mouse": {"grey", "brown", "white"},
    "bear": {"brown", "black"}, "bee": {"yellow"}, "duck": {"yellow", "white", "brown"},
    "turtle": {"green", "brown"}, "tangerine": {"orange"}, "corn": {"yellow"}, "cactus": {"green"},
    "eggplant": {"purple"}, "snake": {"green", "brown", "yellow", "black"},
}
NEWER = {
    "snowflake": {"white", "blue"}, "wolf": {"grey", "brown", "black", "white"}, "deer": {"brown", "orange"},
    "skunk": {"black", "white"}, "worm": {"pink", "brown", "red"}, "french_fries": {"yellow", "red"},
    "chestnut": {"brown"}, "croissant": {"brown", "yellow", "orange"}, "lizard": {"green", "brown"},
    "otter": {"brown"},
}
UNKNOWN = {
    "traffic_cone": {"orange", "red"}, "pine_cone": {"brown"}, "lettuce": {"green"},
    "radish": {"red", "pink"},
    "asparagus": {"green"}, "raspberry": {"red", "pink"}, "pomegranate": {"red"}, "cauliflower": {"white"},
    "mango": {"yellow", "orange", "green", "red"}, "saturn": {"yellow", "orange", "brown"},
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


def test_no_single_colour_is_accepted_for_half_of_them_nor_of_the_first_or_unknown_things(doodles):
    for things in (ACCEPTED, FIRST, UNKNOWN):
        family, share = chance_level([d.families for d in doodles if d.thing in things])
        assert share <= 0.5, f"painting every doodle of {len(things)} things {family}: {share:.0%}"


def test_the_newer_things_chance_level_is_what_their_honest_families_give(doodles):
    # Brown is honestly a colour of seven of the ten newer things (wolf, deer, worm, chestnut, croissant,
    # lizard, otter): that group's figures are to be read against this level, not against a half.
    family, share = chance_level([d.families for d in doodles if d.thing in NEWER])
    assert (family, share) == ("brown", pytest.approx(0.7))


def test_each_doodle_says_its_group_and_whether_the_recogniser_knows_its_thing(labels):
    for entry in labels:
        assert entry["class"] in GROUPS[entry["group"]], entry["file"]
        assert entry["known_by_recogniser_v6"] == (entry["class"] in FIRST or entry["class"] in NEWER)
        assert "known_by_recogniser_v5" not in entry


def test_the_unknown_things_are_no_class_of_any_recogniser_and_only_the_first_were_drawn_before():
    manifest = json.loads((ROOT / "resources" / "recogniser" / "recogniser.json").read_text("utf-8"))
    assert set(FIRST) | set(NEWER) <= set(CLASS_IDS) & set(manifest["classes"])
    assert not set(UNKNOWN) & (set(CLASS_IDS) | set(manifest["classes"]))
    earlier = classes_drawn_by_other_hands(FOLDER)
    assert set(FIRST) <= earlier
    assert not (set(NEWER) | set(UNKNOWN)) & earlier


def test_every_doodle_has_an_area_inside_its_lines_big_enough_for_a_main_colour(doodles):
    assert_largest_area_inside_holds_a_colour(doodles)


def test_the_things_are_drawn_small_and_anywhere_on_the_page(doodles):
    spans, centres = [], []
    for d in doodles:
        ink = np.argwhere(np.asarray(d.sketch) < 128)
        low, high = ink.min(0), ink.max(0)
        spans.append((high - low).max() / 256)
        centres.append((low + high) / 2 / 256)
        assert 0.25 < spans[-1] < 0.75, f"{d.file} spans {spans[-1]:.0%} of the page"
    centres = np.array(centres)
    assert np.median(spans) < 0.6
    # Off-centre: the things' middles fill the page, not its middle.
    assert (np.abs(centres - 0.5).max(1) > 0.15).mean() > 0.5


@pytest.fixture(scope="module")
def redrawn():
    return {(name, n): draw_sixth_hand.draw(name, n) for name in ACCEPTED for n in (1, 2, 3)}


def test_redrawing_every_class_gives_the_stored_doodles_whose_largest_area_inside_is_the_body(redrawn):
    assert_redrawn_as_stored_with_the_body_largest(redrawn, FOLDER)


def test_bodies_left_open_by_the_hand_are_closed_by_the_apps_gap_closing(redrawn):
    open_bodies = bodies_left_open(redrawn)
    assert len(open_bodies) >= 20, open_bodies
