"""What the grown-ups' corner does to files, without a window: children removed and brought back, and the
administrator's settings written in the format a lab deploys by hand."""

import json
import os

import pytest

from icanvas_desktop.profiles.removed import bring_back, drawings_in, removed_children
from icanvas_desktop.profiles.store import ProfileStore
from icanvas_desktop.settings.system import load_system_settings
from icanvas_desktop.settings.system_file import can_write, save_system_settings


def _with_drawings(profile, n: int):
    for i in range(n):
        creation = profile.gallery_folder / "creations" / f"c{i}"
        creation.mkdir(parents=True)
        (creation / "creation.json").write_text("{}")
    (profile.gallery_folder / "creations" / "not-a-creation").mkdir()


def test_a_removed_child_is_listed_with_their_drawings_and_comes_back_whole(tmp_path):
    store = ProfileStore(tmp_path)
    mina = store.create("Mina", "cat")
    _with_drawings(mina, 3)
    assert drawings_in(mina) == 3
    store.delete(mina.id)
    assert store.list() == []
    [removed] = removed_children(store)
    assert (removed.profile.name, removed.profile.avatar, drawings_in(removed.profile)) == ("Mina", "cat", 3)
    back = bring_back(store, removed)
    assert [p.id for p in store.list()] == [mina.id] and back.name == "Mina"
    assert drawings_in(back) == 3 and removed_children(store) == []


def test_a_child_brought_back_after_another_took_the_name_gets_a_number(tmp_path):
    store = ProfileStore(tmp_path)
    first = store.create("Mina", "cat")
    store.delete(first.id)
    store.create("mina", "dog")
    back = bring_back(store, removed_children(store)[0])
    assert back.name == "Mina 2"
    assert sorted(p.name for p in store.list()) == ["Mina 2", "mina"]


def test_the_trash_is_listed_newest_first_and_what_is_not_a_removed_child_is_left_alone(tmp_path):
    store = ProfileStore(tmp_path)
    a, b = store.create("A", "cat"), store.create("B", "dog")
    store.delete(a.id)
    os.replace(next((tmp_path / "trash").iterdir()), tmp_path / "trash" / f"{a.id}-20200101T000000Z")
    store.delete(b.id)
    (tmp_path / "trash" / "notes").mkdir()
    (tmp_path / "trash" / f"{'f' * 32}-20210101T000000Z").mkdir()  # no profile.json
    assert [r.profile.name for r in removed_children(store)] == ["B", "A"]
    assert (tmp_path / "trash" / "notes").is_dir()


def test_system_settings_written_are_read_back_as_the_app_reads_them(tmp_path):
    path = tmp_path / "etc" / "iCanvas" / "system_settings.json"
    assert can_write(path)
    read = save_system_settings({"kiosk": True, "allowed_themes": ["emoji", "food"], "sound": False},
                                {"kiosk", "allowed_themes"}, {"emoji"}, path)
    assert read.problem is None and read.locked == {"kiosk", "allowed_themes"}
    assert read.values == {"kiosk": True, "allowed_themes": ("emoji", "food"), "sound": False}
    assert read.pinned_themes == {"emoji"}
    assert load_system_settings(path) == read
    document = json.loads(path.read_text())
    assert document == {"version": 1, "settings": {"kiosk": True, "allowed_themes": ["emoji", "food"],
                                                   "sound": False},
                        "locked": ["allowed_themes", "kiosk"], "pinned_themes": ["emoji"]}


@pytest.mark.parametrize("values, locked, named", [
    ({"kiosk": "yes"}, set(), "kiosk"),
    ({"language": "ko"}, set(), "language"),
    ({}, {"colour"}, "colour"),
])
def test_a_value_the_app_would_not_accept_is_refused_and_nothing_written(tmp_path, values, locked, named):
    path = tmp_path / "system_settings.json"
    with pytest.raises(ValueError, match=named):
        save_system_settings(values, locked, path=path)
    assert not path.exists()


def test_an_account_that_may_not_write_the_folder_is_told_so(tmp_path, monkeypatch):
    path = tmp_path / "etc" / "system_settings.json"
    writable = {str(tmp_path): False}
    monkeypatch.setattr(os, "access", lambda p, mode: writable.get(str(p), True))
    assert not can_write(path)  # the nearest existing folder is tmp_path, which refuses
    writable[str(tmp_path)] = True
    assert can_write(path)


def test_a_removed_child_whose_profile_json_is_a_fifo_is_listed_rebuilt_without_waiting(tmp_path):
    store = ProfileStore(tmp_path)
    mina = store.create("Mina", "cat")
    _with_drawings(mina, 2)
    store.delete(mina.id)
    folder = next((tmp_path / "trash").iterdir())
    (folder / "profile.json").unlink()
    os.mkfifo(folder / "profile.json")  # opening it to read would wait for a writer forever
    [removed] = removed_children(store)
    assert removed.profile.id == mina.id and removed.profile.problem and drawings_in(removed.profile) == 2
