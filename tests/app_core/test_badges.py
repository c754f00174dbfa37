import pytest

from icanvas_desktop.rewards.badges import BADGES, badges_for, level_for, new_badges


@pytest.mark.parametrize(
    ("total", "level", "start", "next_"),
    [(0, 1, 0, 5), (4, 1, 0, 5), (5, 2, 5, 15), (14, 2, 5, 15), (15, 3, 15, 30), (50, 5, 50, 75),
     (1000, 20, 950, 1050)],
)
def test_levels_grow_a_little_longer_each_time(total, level, start, next_):
    found = level_for(total)
    assert (found.number, found.stars_at_start, found.stars_for_next) == (level, start, next_)


def test_level_progress():
    level = level_for(10)
    assert level.progress(10) == pytest.approx(0.5)
    assert level.progress(5) == 0.0 and level.progress(99) == 1.0


def test_badges_come_with_the_total():
    assert badges_for(0) == ()
    assert [b.id for b in badges_for(1)] == ["first_star"]
    assert [b.id for b in badges_for(30)] == ["first_star", "star_10", "star_25"]
    assert badges_for(10**6) == BADGES
    assert [b.id for b in new_badges(9, 27)] == ["star_10", "star_25"]
    assert new_badges(10, 10) == ()


def test_badges_have_unique_ids_rising_thresholds_and_both_names():
    assert len({b.id for b in BADGES}) == len(BADGES)
    assert [b.stars for b in BADGES] == sorted({b.stars for b in BADGES})
    assert all(set(b.names) == {"en", "ko"} for b in BADGES)
    assert len(set(BADGES)) == len(BADGES)  # hashable, for the UI's sets
