"""The profile's guards that keep a child listed and their stars kept when something goes wrong: a
profile.json damaged in every way store.py checks, a session that fails to open, a star journal that cannot
be written, folders that cannot be looked at or removed."""

import errno
import json
import logging
import os
import sqlite3
import time

import pytest
from factories import creation_of, scribble

from icanvas_desktop.files.database import DatabaseTooNewError
from icanvas_desktop.profiles import leftovers
from icanvas_desktop.profiles import store as store_module
from icanvas_desktop.profiles.leftovers import clean_leftovers
from icanvas_desktop.profiles.removed import bring_back, drawings_in, removed_children
from icanvas_desktop.profiles.session import ChildSession
from icanvas_desktop.profiles.store import ProfileStore


def with_a_drawing(store: ProfileStore, name: str = "Mina"):
    profile = store.create(name, "cat")
    with ChildSession(profile) as session:
        drawing = scribble(1)
        session.save_creation(creation_of(drawing))
    return profile


def profile_json(profile) -> dict:
    return json.loads((profile.folder / "profile.json").read_text())


@pytest.mark.parametrize(("change", "why", "name"), [
    ({"created_at": "2026-05-09T10:00:00"}, "created_at has no time zone", "Mina"),
    ({"avatar": "dragon"}, "unknown avatar 'dragon'", "Mina"),
    ({"name": "Mina" + " " * 70_000}, "it is larger than 64 KiB", None),  # read only up to the limit
])
def test_a_damaged_profile_json_lists_the_child_again_with_what_can_be_read(change, why, name, caplog):
    store = ProfileStore()
    mina = with_a_drawing(store)
    (mina.folder / "profile.json").write_text(json.dumps(profile_json(mina) | change))
    with caplog.at_level(logging.WARNING, "icanvas_desktop.profiles.store"):
        [listed] = store.list()
    assert listed.id == mina.id and listed.name == (name or f"★ {mina.id[:4]}") and why in caplog.text
    assert listed.avatar == ("cat" if name and "avatar" not in change else "star")
    with ChildSession(listed) as session:  # their drawings are all there
        assert session.gallery.count() == 1


def test_a_name_that_cannot_be_picked_out_of_a_damaged_file_gets_a_stand_in(caplog):
    store = ProfileStore()
    mina = with_a_drawing(store)
    damaged = '{"id": "' + mina.id + '", "name": "Mi\\x", "avatar": "cat"'  # cut short, a bad escape
    (mina.folder / "profile.json").write_text(damaged)
    [listed] = store.list()
    assert listed.name == f"★ {mina.id[:4]}" and listed.avatar == "cat"


def test_a_session_that_cannot_open_lets_go_of_the_profile():
    store = ProfileStore()
    mina = with_a_drawing(store)
    database = mina.gallery_folder / "gallery.db"
    with sqlite3.connect(database) as conn:
        conn.execute("PRAGMA user_version = 99")  # written by a newer iCanvas
    conn.close()
    with pytest.raises(DatabaseTooNewError):
        ChildSession(mina)
    with sqlite3.connect(database) as conn:
        conn.execute("PRAGMA user_version = 1")
    conn.close()
    with ChildSession(mina) as session:  # not "open in another window"
        assert session.gallery.count() == 1


def test_stars_that_cannot_be_copied_to_the_star_journal_are_saved_all_the_same(monkeypatch, caplog):
    mina = ProfileStore().create("Mina", "cat")
    with ChildSession(mina) as session:
        def full_disk(*args):
            raise OSError(errno.ENOSPC, "No space left on device")

        monkeypatch.setattr(session.ledger, "keep", full_disk)
        drawing = scribble(1)
        with caplog.at_level(logging.ERROR, "icanvas_desktop.profiles.session"):
            result = session.save_creation(creation_of(drawing))
        assert result.stars_earned > 0 and "into the star journal" in caplog.text
    monkeypatch.undo()
    with ChildSession(mina) as session:
        assert session.stars().total == result.stars_earned and session.gallery.count() == 1


def test_an_unfinished_profile_folder_that_cannot_be_removed_is_logged(monkeypatch, caplog):
    store = ProfileStore()
    unfinished = store.root / "profiles" / ("a" * 32)
    unfinished.mkdir(parents=True)
    old = time.time() - 2 * store_module.EMPTY_FOLDER_MIN_AGE_S
    os.utime(unfinished, (old, old))

    def busy(path, *args, **kwargs):
        raise PermissionError(errno.EACCES, "Permission denied", str(path))

    monkeypatch.setattr(store_module.shutil, "rmtree", busy)
    with caplog.at_level(logging.WARNING, "icanvas_desktop.profiles.store"):
        assert store.remove_empty_leftovers() == []
    assert unfinished.is_dir()
    assert f"could not remove the unfinished profile folder {unfinished}" in caplog.text


def test_a_gallery_that_cannot_be_looked_at_keeps_its_folder_and_child(monkeypatch):
    store = ProfileStore()
    mina = with_a_drawing(store)
    (mina.folder / "profile.json").unlink()
    for name in ("gallery.db", "gallery.db-wal", "gallery.db-shm", "stars.log"):
        (mina.gallery_folder / name).unlink(missing_ok=True)
    creations = mina.gallery_folder / "creations"
    real_iterdir = type(creations).iterdir

    def unreadable(path):
        if path == creations:
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real_iterdir(path)

    monkeypatch.setattr(type(creations), "iterdir", unreadable)
    assert [p.id for p in store.list()] == [mina.id]  # rather a child too many than one hidden
    assert store.remove_empty_leftovers() == [] and creations.is_dir()


def test_leftovers_are_looked_for_even_when_the_profiles_folder_cannot_be_listed(monkeypatch, caplog):
    store = ProfileStore()
    with_a_drawing(store)
    profiles = store.root / "profiles"
    real_iterdir = type(profiles).iterdir

    def unreadable(path):
        if path == profiles:
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real_iterdir(path)

    monkeypatch.setattr(type(profiles), "iterdir", unreadable)
    monkeypatch.setattr(store_module.ProfileStore, "remove_empty_leftovers", lambda self: [])
    with caplog.at_level(logging.WARNING, "icanvas_desktop.profiles.leftovers"):
        assert clean_leftovers(store) == []
    assert f"could not look for leftovers in {profiles}" in caplog.text
    assert leftovers.log.name == "icanvas_desktop.profiles.leftovers"


def test_a_removed_child_comes_back_once_and_a_missing_gallery_counts_no_drawings():
    store = ProfileStore()
    mina = with_a_drawing(store)
    assert drawings_in(mina) == 1
    store.delete(mina.id)
    [removed] = removed_children(store)
    assert drawings_in(removed.profile) == 1
    back = bring_back(store, removed)
    assert back.id == mina.id and back.name == "Mina"
    with pytest.raises(FileExistsError, match="already back"):
        bring_back(store, removed)
    (back.gallery_folder / "creations").rename(back.folder / "elsewhere")
    assert drawings_in(back) == 0
