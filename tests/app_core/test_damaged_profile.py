"""A damaged profile.json never takes a child, their creations, stars or draft out of the picker."""

import os

import pytest
from factories import creation_of, scribble

from icanvas_desktop.drawing.draft import Draft
from icanvas_desktop.profiles.session import ChildSession
from icanvas_desktop.profiles.store import ProfileStore


def damage(path, how):
    if how == "truncated":
        path.write_bytes(path.read_bytes()[:-25])  # cut short in the time, after the name and avatar
    elif how == "garbled":
        path.write_bytes(b"\xff\xfe" + os.urandom(40))
    elif how == "missing":
        path.unlink()
    else:
        path.unlink()
        {"folder": path.mkdir, "fifo": lambda: os.mkfifo(path),
         "link-loop": lambda: path.symlink_to(path)}[how]()


@pytest.mark.parametrize("how", ["truncated", "garbled", "missing", "folder", "fifo", "link-loop"])
def test_the_child_stays_listed_with_their_work_and_the_grown_up_is_told(how, run_with_timeout):
    store = ProfileStore()
    other = store.create("Other", "dog")
    child = store.create("민수", "cat")
    with ChildSession(child) as session:
        drawing = scribble(1)
        session.save_creation(creation_of(drawing, "animals"))
        stars = session.stars().total
        session.drafts.save(Draft(scribble(2), "animals"))
    damage(child.folder / "profile.json", how)

    listed = run_with_timeout(store.list)
    assert [p.id for p in listed] == [other.id, child.id] or [p.id for p in listed] == [child.id, other.id]
    rebuilt = store.get(child.id)
    assert rebuilt.problem is not None and "profile.json" in rebuilt.problem
    if how == "truncated":  # what can still be read is kept
        assert rebuilt.name == "민수" and rebuilt.avatar == "cat"
    with ChildSession(rebuilt) as session:
        assert session.gallery.count() == 1 and session.stars().total == stars > 0
        assert session.drafts.load().drawing == scribble(2)
        assert any("profile.json" in r.details for r in session.repairs)

    fixed = store.rename(child.id, "Minsu")  # a grown-up names the child again: profile.json is sound
    assert fixed.problem is None and store.get(child.id).problem is None
    assert store.get(child.id).name == "Minsu"


def test_a_folder_that_holds_nothing_is_not_a_child_and_is_cleaned_once_old(data_dir):
    store = ProfileStore()
    child = store.create("민수", "cat")
    empty = data_dir / "profiles" / ("0" * 32)
    (empty / "gallery").mkdir(parents=True)
    young = data_dir / "profiles" / ("2" * 32)
    young.mkdir()
    with_gallery = data_dir / "profiles" / ("1" * 32)
    (with_gallery / "gallery" / "creations" / "abc").mkdir(parents=True)
    for folder in (empty, with_gallery):
        os.utime(folder, (0, 0))
    assert {p.id for p in store.list()} == {child.id, "1" * 32}
    assert store.remove_empty_leftovers() == [empty]
    assert not empty.exists() and young.exists() and with_gallery.exists() and child.folder.exists()
