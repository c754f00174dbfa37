"""Stars never drop: the star journal beside the database keeps every award a lost index would take."""

import pytest
from factories import creation_of, scribble

from icanvas_desktop.profiles.session import ChildSession
from icanvas_desktop.profiles.store import ProfileStore
from icanvas_desktop.rewards.star_journal import JOURNAL_NAME, StarJournal


@pytest.fixture
def profile():
    return ProfileStore().create("민수", "cat")


def earn_27_and_delete_everything(profile) -> None:
    with ChildSession(profile) as session:
        for seed, theme in enumerate(["t0", "t1", "t2", "t3", "t0", "t0", "t0"]):
            drawing = scribble(seed)
            session.save_creation(creation_of(drawing, theme))
        assert session.stars().total == 27
        for creation in session.gallery.list_creations():
            assert session.gallery.delete(creation.id)
        assert session.stars().total == 27


def half(path):
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])


@pytest.mark.parametrize("lose", ["empty", "half", "delete", "garble"])
def test_stars_of_deleted_creations_survive_a_lost_database(profile, lose):
    earn_27_and_delete_everything(profile)
    db = profile.gallery_folder / "gallery.db"
    for companion in ("-wal", "-shm"):
        db.with_name(db.name + companion).unlink(missing_ok=True)
    {"empty": lambda: db.write_bytes(b""), "half": lambda: half(db), "delete": db.unlink,
     "garble": lambda: db.write_bytes(b"scribbles" * 999)}[lose]()
    with ChildSession(profile) as session:
        assert session.stars().total == 27
        assert session.ledger.restored > 0
    with ChildSession(profile) as session:  # and they stay, with nothing more put back
        assert session.stars().total == 27 and session.ledger.restored == 0


def test_a_torn_last_line_is_skipped_alone_and_the_next_one_starts_clean(profile):
    earn_27_and_delete_everything(profile)
    journal = profile.gallery_folder / JOURNAL_NAME
    journal.write_bytes(journal.read_bytes() + b'{"r":"creation","k":"x","a":2,"c":nu')  # a kill mid-append
    with ChildSession(profile) as session:
        drawing = scribble(99)
        session.save_creation(creation_of(drawing, "t9"))  # +2 creation, +3 new theme
    (profile.gallery_folder / "gallery.db").unlink()
    with ChildSession(profile) as session:
        assert session.stars().total == 32
    rows = StarJournal(journal).read()
    assert len(rows) == 14 and len({(r[0], r[1]) for r in rows}) == 14


def test_the_journal_catches_up_with_awards_the_database_holds(profile):
    earn_27_and_delete_everything(profile)
    (profile.gallery_folder / JOURNAL_NAME).unlink()  # written by an iCanvas before the journal
    with ChildSession(profile):
        pass
    (profile.gallery_folder / "gallery.db").unlink()
    with ChildSession(profile) as session:
        assert session.stars().total == 27


def test_a_fifo_in_place_of_the_journal_is_set_aside_and_a_fresh_one_kept(profile, run_with_timeout):
    import os

    earn_27_and_delete_everything(profile)
    journal = profile.gallery_folder / JOURNAL_NAME
    journal.unlink()
    os.mkfifo(journal)
    with run_with_timeout(ChildSession, profile) as session:
        assert session.stars().total == 27
        assert any(JOURNAL_NAME in r.details for r in session.repairs)
    (profile.gallery_folder / "gallery.db").unlink()
    with ChildSession(profile) as session:
        assert session.stars().total == 27
