"""A scene's things named one by one: the names, their places, and how they are kept."""

import pytest

from icanvas_desktop.drawing.picture import GUESSED, colour_choice
from icanvas_desktop.drawing.scene_names import MOST, Name, name_in, names_of, with_name


def test_a_name_is_kept_at_the_middle_of_its_things_box_and_read_back():
    named = with_name(GUESSED, (0.1, 0.2, 0.3, 0.6), "sun")
    assert names_of(named) == (Name(0.2, 0.4, "sun"),)
    both = with_name(named, (0.5, 0.5, 0.9, 0.9), None)
    assert names_of(both) == (Name(0.2, 0.4, "sun"), Name(0.7, 0.7, None))
    # Naming the same thing again replaces its name; naming from one thing's choice starts afresh.
    assert names_of(with_name(both, (0.0, 0.0, 0.4, 0.8), "moon")) == (Name(0.7, 0.7, None),
                                                                       Name(0.2, 0.4, "moon"))
    assert names_of(with_name("apple", (0.0, 0.0, 1.0, 1.0), "sun")) == (Name(0.5, 0.5, "sun"),)
    assert names_of(GUESSED) == names_of(None) == names_of("apple") == ()


def test_only_the_newest_names_are_kept():
    named = GUESSED
    for i in range(MOST + 3):
        named = with_name(named, (i / 20, 0.0, i / 20 + 0.01, 0.01), "sun")
    kept = names_of(named)
    assert len(kept) == MOST and kept[-1].x == pytest.approx((MOST + 2) / 20 + 0.005, abs=1e-3)


def test_a_name_names_the_box_holding_its_place_whose_middle_is_nearest():
    apple, ladybug = (0.5, 0.5, 0.9, 0.9), (0.6, 0.6, 0.72, 0.72)  # overlapping: both hold (0.7, 0.7)
    boxes = [apple, ladybug]
    names = (Name(0.7, 0.7, "tomato"),)
    assert name_in(names, apple, boxes) == names[0] and name_in(names, ladybug, boxes) is None
    names = (Name(0.66, 0.66, "ladybug"),)
    assert name_in(names, ladybug, boxes) == names[0] and name_in(names, apple, boxes) is None
    # Grown as the child drew on, the apple keeps its name; a place in no box names nothing.
    assert name_in((Name(0.7, 0.7, "tomato"),), (0.45, 0.5, 1.0, 0.95), [(0.45, 0.5, 1.0, 0.95), ladybug])
    assert name_in(names, (0.0, 0.0, 0.2, 0.2), [(0.0, 0.0, 0.2, 0.2)]) is None


@pytest.mark.parametrize("damaged", ["at:0.5,0.5=sun", "at:0.500,0.500=Sun!", "at:2.000,0.500=sun",
                                     "at:0.500,0.500", "at:" + ";".join(["0.500,0.500=sun"] * (MOST + 1))])
def test_names_that_do_not_read_are_the_usual_colouring(damaged):
    with pytest.raises(ValueError):
        names_of(damaged)
    assert colour_choice({"thing": damaged, "colouring": 2}) == (GUESSED, 2)
    good = with_name(GUESSED, (0.1, 0.2, 0.3, 0.6), "fire_truck")
    assert colour_choice({"thing": good}) == (good, 0)
