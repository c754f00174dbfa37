"""Damaged or odd files in a child's folder: the work is rebuilt from what can be read, nothing ever waits
on a FIFO, and the grown-up is told (ChildSession.repairs)."""

import json
import os

import pytest
from factories import creation_of, scribble
from PIL import Image

from icanvas_desktop.drawing.draft import Draft
from icanvas_desktop.gallery.creation_repair import UNKNOWN_THEME
from icanvas_desktop.profiles.session import ChildSession
from icanvas_desktop.profiles.store import ProfileStore
from icanvas_desktop.settings.system import load_system_settings
from icanvas_desktop.settings.user import Settings, SettingsFile


@pytest.fixture
def child():
    """A child with three creations (stars earned), a draft and a chosen look."""
    profile = ProfileStore().create("민수", "cat")
    with ChildSession(profile) as session:
        for seed, theme in enumerate(["animals", "space", "animals"]):
            drawing = scribble(seed)
            session.save_creation(creation_of(drawing, theme))
        session.drafts.save(Draft(scribble(9), "animals"))
        session.settings.save_choices({"look": "crayon"})
        stars = session.stars().total
    return profile, stars


def creations(profile):
    return sorted((profile.gallery_folder / "creations").iterdir())


def put_in_place(path, what):
    """Something other than the file where it belongs."""
    if path.is_dir():
        os.rename(path, path.with_name(path.name + ".moved"))
    else:
        path.unlink(missing_ok=True)
    {"fifo": lambda: os.mkfifo(path), "folder": path.mkdir, "link-loop": lambda: path.symlink_to(path),
     "device": lambda: path.symlink_to("/dev/zero")}[what]()


def test_a_damaged_creation_json_with_a_rebuilt_index_is_rebuilt_from_its_files(child):
    profile, stars = child
    damaged = creations(profile)[0]
    picture = (damaged / "picture.png").read_bytes()
    (damaged / "creation.json").write_text('{"version": 1, "id": "')
    (profile.gallery_folder / "gallery.db").write_bytes(b"")
    with ChildSession(profile) as session:
        listed = {c.id: c for c in session.gallery.list_creations()}
        assert len(listed) == 3 and session.stars().total == stars
        rebuilt = listed[damaged.name]
        assert rebuilt.theme_id == UNKNOWN_THEME and rebuilt.picture_path.read_bytes() == picture
        assert rebuilt.reopen().picture_png == picture
        assert any("creation.json" in r.details for r in session.repairs)
    assert list(damaged.glob("creation.json.damaged-*"))  # the damaged one kept for a grown-up
    with ChildSession(profile) as session:  # sound again: nothing more to repair
        assert session.gallery.count() == 3 and session.repairs == []


@pytest.mark.parametrize("what", ["folder", "fifo", "link-loop", "device"])
def test_a_gallery_db_that_is_no_file_is_set_aside_and_rebuilt(child, what, run_with_timeout):
    profile, stars = child
    db = profile.gallery_folder / "gallery.db"
    for companion in ("-wal", "-shm"):
        db.with_name(db.name + companion).unlink(missing_ok=True)
    put_in_place(db, what)
    session = run_with_timeout(ChildSession, profile)
    with session:
        assert session.gallery.count() == 3 and session.stars().total == stars
        assert session.recovered_from is not None and os.path.lexists(session.recovered_from)
        assert [r.words for r in session.repairs] == ["gallery_repaired"]


@pytest.mark.parametrize("companion", ["-wal", "-shm"])
def test_no_companion_of_gallery_db_makes_the_gallery_wait(child, companion, run_with_timeout):
    profile, stars = child
    path = profile.gallery_folder / f"gallery.db{companion}"
    path.unlink(missing_ok=True)
    os.mkfifo(path)
    session = run_with_timeout(ChildSession, profile)
    with session:
        assert session.gallery.count() == 3 and session.stars().total == stars


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root may open any file")
def test_a_gallery_db_it_may_not_open_is_set_aside_and_rebuilt(child):
    profile, stars = child
    (profile.gallery_folder / "gallery.db").chmod(0)
    with ChildSession(profile) as session:
        assert session.gallery.count() == 3 and session.stars().total == stars


def test_a_damaged_draft_and_child_settings_are_told_to_the_grown_up(child):
    profile, _ = child
    (profile.folder / "draft.json").write_text('{"format": "icanvas-draft", "ver')
    (profile.folder / "settings.json").write_bytes(b"\x00garbled")
    with ChildSession(profile) as session:
        assert session.drafts.load() is None
        words = {r.words: r.details for r in session.repairs}
        assert set(words) == {"draft_repaired", "child_settings_repaired"}
        assert "draft.json" in words["draft_repaired"] and "settings.json" in words["child_settings_repaired"]


@pytest.mark.parametrize("name", ["picture.png", "sketch.png"])
def test_a_garbled_picture_gives_the_drawing_back_and_says_so(child, name):
    profile, _ = child
    with ChildSession(profile) as session:
        creation = session.gallery.list_creations()[0]
        (creation.folder / name).write_bytes(b"\x89PNG garbled" * 10)
        reopened = creation.reopen()
        assert reopened.drawing == creation.load_drawing() and name in reopened.problem
        if name == "picture.png":
            assert reopened.picture_png is None and reopened.words == "picture_lost"
        else:  # the sketch is the drawing rendered: made again
            assert Image.open(__import__("io").BytesIO(reopened.sketch_png)).size[0] > 0
            assert reopened.picture_png is not None and reopened.words is None


CREATION_FILES = ["creation.json", "strokes.json", "sketch.png", "picture.png", "thumbnail.png"]


@pytest.mark.parametrize("what", ["fifo", "folder"])
@pytest.mark.parametrize("name", CREATION_FILES)
def test_no_file_of_a_creation_makes_the_gallery_wait(child, name, what, run_with_timeout):
    profile, stars = child
    folder = creations(profile)[1]
    put_in_place(folder / name, what)

    def open_and_read():
        with ChildSession(profile) as session:
            for creation in session.gallery.list_creations():
                try:
                    creation.reopen()
                except (OSError, ValueError):
                    assert name == "strokes.json" and creation.folder == folder
            return session.gallery.count(), session.stars().total, session.repairs

    count, total, repairs = run_with_timeout(open_and_read)
    assert count == 3 and total == stars
    assert any(name in r.details for r in repairs)
    assert json.loads((folder / "creation.json").read_text())["id"] == folder.name  # a lost index keeps it
    assert Image.open(folder / "thumbnail.png").size[0] > 0


@pytest.mark.parametrize("name", ["draft.json", "settings.json"])
def test_no_file_of_the_child_makes_the_profile_wait(child, name, run_with_timeout):
    profile, _ = child
    put_in_place(profile.folder / name, "fifo")

    def open_and_read():
        with ChildSession(profile) as session:
            return session.drafts.load(), session.repairs

    draft, repairs = run_with_timeout(open_and_read)
    assert draft is None or name != "draft.json"
    assert any(name in r.details for r in repairs)


def test_no_settings_file_makes_the_app_wait(tmp_path, run_with_timeout):
    for name in ("settings.json", "system_settings.json"):
        os.mkfifo(tmp_path / name)
    assert run_with_timeout(SettingsFile(tmp_path / "settings.json").load) == Settings()
    assert run_with_timeout(load_system_settings, tmp_path / "system_settings.json").problem is not None
