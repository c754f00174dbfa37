import json
import multiprocessing
import os
import subprocess
import sys
import time
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta, timezone

import pytest
from factories import creation_of, line, save_many, scribble

from icanvas_desktop.drawing.picture import GUESSED
from icanvas_desktop.drawing.strokes import Drawing, PenSize, Point, Stroke, Tool
from icanvas_desktop.look import Look
from icanvas_desktop.profiles.session import ChildSession
from icanvas_desktop.profiles.store import ProfileStore
from icanvas_desktop.rewards.rules import STAR_AMOUNTS, AwardReason, Challenge, NoStars

CREATION, NEW_THEME, DAILY, CHALLENGE = (STAR_AMOUNTS[r] for r in AwardReason)
SEOUL = timezone(timedelta(hours=9))


class Clock:
    def __init__(self, now: datetime):
        self.now = now

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def profile():
    return ProfileStore().create("민수", "cat")


@pytest.fixture
def clock():
    return Clock(datetime(2026, 5, 9, 10, 0, tzinfo=SEOUL))


@pytest.fixture
def session(profile, clock):
    with ChildSession(profile, clock=clock) as session:
        yield session


def save(session, drawing, theme="animals", challenge=None, colour=(200, 120, 40)):
    return session.save_creation(creation_of(drawing, theme, colour=colour), challenge)


def reasons(result):
    return [a.reason for a in result.awards]


def test_a_first_creation_earns_every_bonus_and_shows_them(session):
    result = save(session, scribble(1), challenge=Challenge("animals", "cat"))
    assert reasons(result) == [AwardReason.CREATION, AwardReason.NEW_THEME, AwardReason.DAILY_FIRST,
                               AwardReason.CHALLENGE]
    total = CREATION + NEW_THEME + DAILY + CHALLENGE
    assert result.stars_earned == result.creation.stars == result.stars.total == total
    assert session.stars().total == total
    assert result.no_stars is None and not result.already_saved
    assert [b.id for b in result.new_badges] == ["first_star", "star_10"]
    assert result.stars.level.number == 2 and result.level_up
    assert result.creation.prompt_id == "cat" and result.creation.theme_id == "animals"
    assert result.creation.created_at == datetime(2026, 5, 9, 1, 0, tzinfo=UTC)
    assert session.completed_challenges() == {Challenge("animals", "cat")}
    assert session.gallery.list_creations() == [result.creation]


def test_the_same_drawing_again_in_the_same_theme_returns_the_saved_creation(session):
    first = save(session, scribble(1))
    again = save(session, Drawing.from_json(scribble(1).to_json()), colour=(0, 0, 255))
    assert again.already_saved and again.creation == first.creation
    assert again.awards == () and again.no_stars is NoStars.ALREADY_SAVED and again.new_badges == ()
    assert session.gallery.count() == 1 and session.stars().total == first.stars.total


def test_the_same_drawing_in_another_theme_is_a_new_creation_without_stars(session):
    first = save(session, scribble(1))
    elsewhere = save(session, scribble(1), theme="space", challenge=Challenge("space", "moon"))
    assert not elsewhere.already_saved and elsewhere.creation.id != first.creation.id
    assert elsewhere.awards == () and elsewhere.no_stars is NoStars.ALREADY_SAVED
    assert session.gallery.count() == 2 and session.stars().total == first.stars.total
    assert session.completed_challenges() == frozenset()


def test_the_same_drawing_in_other_colours_is_kept_beside_the_first_without_stars(session):
    # The dice, "Is it a ...?" and the looks make other pictures of one drawing; the child may keep each.
    first = session.save_creation(creation_of(scribble(1), look=Look.CLEAN))
    others = [replace(creation_of(scribble(1), look=Look.CLEAN), **choice)
              for choice in ({"colouring": 7}, {"thing": "cat"}, {"thing": None}, {"look": Look.PAINTED})]
    saved = [session.save_creation(picture) for picture in others]
    assert not any(result.already_saved for result in saved)
    assert all(r.awards == () and r.no_stars is NoStars.ALREADY_SAVED for r in saved)
    assert len({first.creation.id, *(r.creation.id for r in saved)}) == 5
    assert session.gallery.count() == 5 and session.stars().total == first.stars.total
    again = session.save_creation(replace(creation_of(scribble(1), look=Look.CLEAN), thing="cat"))
    assert again.already_saved and again.creation == saved[1].creation
    reopened = saved[0].creation.reopen()
    assert (reopened.look, reopened.thing, reopened.colouring) == (Look.CLEAN, GUESSED, 7)


def test_a_creation_kept_before_looks_is_the_drawing_in_any_look(session):
    first = save(session, scribble(1))  # no look recorded, as before looks were kept
    assert save(session, scribble(1)).already_saved
    again = session.save_creation(creation_of(scribble(1), look=Look.PAINTED))
    assert again.already_saved and again.creation == first.creation
    assert not session.save_creation(replace(creation_of(scribble(1)), colouring=2)).already_saved


def test_strokes_that_change_nothing_do_not_make_a_new_drawing(session):
    drawing = scribble(1)
    save(session, drawing)
    drawing.add(Stroke(Tool.ERASER, PenSize.SMALL, (Point(0.01, 0.01), Point(0.02, 0.02))))
    assert save(session, drawing).already_saved


def test_deleting_and_saving_again_earns_nothing_but_earned_stars_stay(session):
    first = save(session, scribble(1))
    assert session.gallery.delete(first.creation.id)
    assert session.stars().total == first.stars.total
    again = save(session, scribble(1))
    assert not again.already_saved and again.awards == () and again.no_stars is NoStars.ALREADY_SAVED


@pytest.mark.parametrize(
    "drawing",
    [Drawing(), Drawing([Stroke(Tool.PEN, PenSize.SMALL, (Point(0.5, 0.5),))]),
     Drawing([line(tool=Tool.ERASER)])],
    ids=["empty", "one-dot", "eraser-only"],
)
def test_an_empty_or_nearly_empty_canvas_is_saved_without_stars(session, drawing):
    result = save(session, drawing, challenge=Challenge("animals", "cat"))
    assert result.awards == () and result.no_stars is NoStars.NEARLY_EMPTY
    assert session.stars().total == 0 and session.gallery.count() == 1
    assert session.completed_challenges() == set()


def test_daily_bonus_once_per_local_day(session, clock):
    assert AwardReason.DAILY_FIRST in reasons(save(session, scribble(1)))
    clock.now += timedelta(hours=13, minutes=59)  # 23:59 in Seoul
    assert AwardReason.DAILY_FIRST not in reasons(save(session, scribble(2)))
    clock.now += timedelta(minutes=2)  # 00:01 the next day, still the 9th in UTC
    result = save(session, scribble(3))
    assert AwardReason.DAILY_FIRST in reasons(result)
    daily = [e for e in session.ledger.history() if e.reason == AwardReason.DAILY_FIRST]
    assert sorted(e.key for e in daily) == ["2026-05-09", "2026-05-10"]


def test_a_naive_clock_counts_as_local_time(profile):
    with ChildSession(profile, clock=lambda: datetime(2026, 5, 9, 12, 0)) as session:
        result = save(session, scribble(1))
    assert result.creation.created_at.tzinfo is UTC
    daily = [a.key for a in result.awards if a.reason == AwardReason.DAILY_FIRST]
    assert daily == [date(2026, 5, 9).isoformat()]


def test_new_theme_and_challenge_bonuses_once_each(session):
    cat = Challenge("animals", "cat")
    save(session, scribble(1), challenge=cat)
    second = save(session, scribble(2), challenge=cat)
    assert reasons(second) == [AwardReason.CREATION]
    wrong_theme = save(session, scribble(3), theme="space", challenge=Challenge("animals", "dog"))
    assert reasons(wrong_theme) == [AwardReason.CREATION, AwardReason.NEW_THEME]
    assert wrong_theme.creation.prompt_id is None
    dog = save(session, scribble(4), challenge=Challenge("animals", "dog"))
    assert reasons(dog) == [AwardReason.CREATION, AwardReason.CHALLENGE]
    assert session.completed_challenges() == {cat, Challenge("animals", "dog")}


def test_the_total_is_the_sum_of_the_ledger_and_of_the_creations(session):
    for seed in range(6):
        save(session, scribble(seed), theme=["animals", "space"][seed % 2],
             challenge=Challenge("space", "moon"))
    history = session.ledger.history()
    total = session.stars().total
    assert total == sum(e.amount for e in history) == sum(c.stars for c in session.gallery.list_creations())
    assert total == 6 * CREATION + 2 * NEW_THEME + DAILY + CHALLENGE
    assert session.stars().level.stars_at_start <= total < session.stars().level.stars_for_next


def test_two_profiles_keep_their_own_gallery_and_stars(clock):
    profiles = ProfileStore()
    mina, joon = profiles.create("미나", "cat"), profiles.create("준", "dog")
    with ChildSession(mina, clock=clock) as a, ChildSession(joon, clock=clock) as b:
        saved = save(a, scribble(1))
        assert b.gallery.count() == 0 and b.stars().total == 0
        # the same drawing is new to the other child
        assert save(b, scribble(1)).stars_earned == saved.stars_earned
        assert a.gallery.count() == b.gallery.count() == 1
    assert mina.gallery_folder != joon.gallery_folder
    assert not set(mina.gallery_folder.rglob("*")) & set(joon.gallery_folder.rglob("*"))


def test_a_damaged_gallery_is_reported_and_the_drawings_kept(profile, clock):
    with ChildSession(profile, clock=clock) as session:
        made = save(session, scribble(1)).creation
    (profile.gallery_folder / "gallery.db").write_bytes(b"scribbles" * 500)
    with ChildSession(profile, clock=clock) as session:
        assert session.recovered_from is not None and session.recovered_from.exists()
        assert [c.id for c in session.gallery.list_creations()] == [made.id]
        assert save(session, scribble(2)).stars_earned > 0


def test_two_app_instances_saving_at_once_lose_nothing_and_count_nothing_twice(data_dir, profile):
    context = multiprocessing.get_context("spawn")
    start = context.Barrier(2)
    jobs = [
        context.Process(target=save_many,
                        args=(str(data_dir), profile.id, seeds, ["animals", "space"] * 5, start))
        for seeds in (range(100, 110), range(200, 210))
    ]
    for job in jobs:
        job.start()
    for job in jobs:
        job.join(timeout=60)
        assert job.exitcode == 0
    with ChildSession(profile) as session:
        creations = session.gallery.list_creations()
        assert len(creations) == 20 and len({c.fingerprint for c in creations}) == 20
        assert session.gallery.database.integrity_check() == ["ok"]
        history = session.ledger.history()
        assert [e.reason for e in history].count(AwardReason.DAILY_FIRST) == 1
        assert sorted(e.key for e in history if e.reason == AwardReason.NEW_THEME) == ["animals", "space"]
        assert session.stars().total == 20 * CREATION + 2 * NEW_THEME + DAILY
        assert session.stars().total == sum(c.stars for c in creations)
        for creation in creations:
            assert creation.picture_path.is_file() and creation.load_drawing().strokes


# Everything but the UI, the entry point, the networks and the trainer is the Qt-free core; found by walking
# the package, so a new module is checked without anyone adding it to a list.
NOT_CORE = {"ui", "trainer", "networks", "__main__"}


def test_the_core_imports_neither_qt_nor_tensorflow():
    code = (
        "import importlib, pkgutil, sys\n"
        "import icanvas_desktop\n"
        f"for m in pkgutil.walk_packages(icanvas_desktop.__path__, 'icanvas_desktop.'):\n"
        f"    if m.name.split('.')[1] not in {sorted(NOT_CORE)}:\n"
        "        importlib.import_module(m.name)\n"
        "heavy = {'PySide6', 'shiboken6', 'tensorflow', 'keras'}\n"
        "bad = sorted(n for n in sys.modules if n.split('.')[0] in heavy)\n"
        "print(len([n for n in sys.modules if n.startswith('icanvas_desktop.')]), bad)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout.split()
    assert int(out[0]) >= 40 and out[1:] == ["[]"]


def save_five_and_age(profile, clock) -> tuple[list[str], int]:
    """The issue's repro: five saved creations whose folders are two hours old."""
    with ChildSession(profile, clock=clock) as session:
        made = [save(session, scribble(seed), theme=f"theme{seed % 2}").creation.id for seed in range(5)]
        stars = session.stars().total
    for folder in (profile.gallery_folder / "creations").iterdir():
        os.utime(folder, (time.time() - 7200, time.time() - 7200))
    return made, stars


@pytest.mark.parametrize("lose", ["truncate", "delete"])
def test_an_empty_or_missing_database_lists_every_creation_again_with_its_stars(profile, clock, lose):
    made, stars = save_five_and_age(profile, clock)
    db = profile.gallery_folder / "gallery.db"
    if lose == "truncate":
        db.write_bytes(b"")
    else:
        db.unlink()
    with ChildSession(profile, clock=clock) as session:
        assert sorted(c.id for c in session.gallery.list_creations()) == sorted(made)
        assert len(list((profile.gallery_folder / "creations").iterdir())) == 5
        assert session.stars().total == stars > 0
        assert save(session, scribble(1), theme="theme1").already_saved  # no stars twice for the same drawing


def test_a_corrupt_database_keeps_every_drawing_and_every_star(profile, clock):
    with ChildSession(profile, clock=clock) as session:
        made = [save(session, scribble(seed), theme=f"theme{seed % 4}").creation.id for seed in range(20)]
        stars = session.stars().total
    (profile.gallery_folder / "gallery.db").write_bytes(b"scribbles" * 500)
    with ChildSession(profile, clock=clock) as session:
        assert session.recovered_from is not None
        assert sorted(c.id for c in session.gallery.list_creations()) == sorted(made)
        assert session.stars().total == stars > 20


def test_stars_of_deleted_and_older_creations_come_back_from_the_damaged_databases_ledger(profile, clock):
    with ChildSession(profile, clock=clock) as session:
        made = [save(session, scribble(seed), theme=f"theme{seed}").creation for seed in range(3)]
        session.gallery.delete(made[0].id)  # its stars stay earned, but no folder remembers them
        stars = session.stars().total
        with session.gallery.database.write() as conn:  # a gallery of many drawings spans many pages
            conn.executemany("INSERT INTO creations (id, theme_id, created_at, fingerprint) "
                             "VALUES (?, 't', ?, ?)",
                             [(f"x{i}", "2026-05-09", "f" * 200) for i in range(300)])
            root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'creations'").fetchone()[0]
            conn.execute("DELETE FROM creations WHERE id LIKE 'x%'")
    for creation in made[1:]:  # written by an iCanvas that did not keep stars in creation.json
        meta = json.loads((creation.folder / "creation.json").read_text())
        del meta["awards"]
        (creation.folder / "creation.json").write_text(json.dumps(meta))
    db = profile.gallery_folder / "gallery.db"
    with open(db, "r+b") as f:  # the creations table is damaged, the ledger is not
        f.seek(4096 * (root - 1))
        f.write(b"\xee" * 4096)
    with ChildSession(profile, clock=clock) as session:
        assert session.recovered_from is not None
        assert {c.id for c in session.gallery.list_creations()} == {c.id for c in made[1:]}
        assert session.stars().total == stars
