import json

import pytest

from icanvas_desktop.profiles.store import (
    AVATARS,
    MAX_NAME_LENGTH,
    InvalidProfileName,
    ProfileNotFound,
    ProfileStore,
    clean_name,
)


def test_create_list_and_get(data_dir):
    profiles = ProfileStore()
    minsu = profiles.create("민수", "cat")
    alex = profiles.create("  Alex ", "rocket")
    assert profiles.list() == [minsu, alex]
    assert alex.name == "Alex"
    assert profiles.get(minsu.id) == minsu
    assert minsu.folder.parent == data_dir / "profiles" and minsu.gallery_folder.is_dir()
    assert ProfileStore(data_dir).list() == [minsu, alex]  # read back from disk


@pytest.mark.parametrize("name", ["../../etc", "a/b\\c", "CON", ".", "👧🏻 하은", "Ñandú"])
def test_folder_names_are_ids_never_the_name(data_dir, name):
    profile = ProfileStore().create(name, "star")
    assert profile.name == clean_name(name)
    assert profile.folder.parent == data_dir / "profiles"
    assert len(profile.folder.name) == 32 and profile.folder.name == profile.id
    assert json.loads((profile.folder / "profile.json").read_text(encoding="utf-8"))["name"] == profile.name


@pytest.mark.parametrize(
    ("name", "reason"),
    [("", "empty"), ("   ", "empty"), ("가" * (MAX_NAME_LENGTH + 1), "too_long"), ("a\nb", "bad_characters"),
     ("tab\there", "bad_characters")],
)
def test_invalid_names_say_why(name, reason):
    with pytest.raises(InvalidProfileName) as caught:
        ProfileStore().create(name, "cat")
    assert caught.value.reason == reason
    assert ProfileStore().list() == []


def test_korean_names_up_to_the_limit_and_decomposed_hangul_normalised():
    assert clean_name("가" * MAX_NAME_LENGTH) == "가" * MAX_NAME_LENGTH
    decomposed = "\u1100\u1161\u11a8"  # 각 as three jamo
    assert clean_name(decomposed) == "각"


def test_names_are_unique_ignoring_case():
    profiles = ProfileStore()
    first = profiles.create("Mina", "cat")
    with pytest.raises(InvalidProfileName) as caught:
        profiles.create("mina", "dog")
    assert caught.value.reason == "taken"
    assert profiles.rename(first.id, "MINA").name == "MINA"  # its own name is not taken


def test_rename_and_change_avatar():
    profiles = ProfileStore()
    profile = profiles.create("Mina", "cat")
    renamed = profiles.rename(profile.id, "미나")
    assert renamed.name == "미나" and renamed.id == profile.id and renamed.folder == profile.folder
    assert profiles.set_avatar(profile.id, "dinosaur").avatar == "dinosaur"
    assert profiles.get(profile.id).name == "미나"
    with pytest.raises(InvalidProfileName):
        profiles.rename(profile.id, "")


def test_avatars_come_from_the_fixed_list():
    assert {"cat", "dog", "rocket", "star"} <= set(AVATARS)
    with pytest.raises(ValueError, match="avatar"):
        ProfileStore().create("Mina", "dragon-with-laser")


def test_delete_moves_to_the_trash_unless_erased(data_dir):
    profiles = ProfileStore()
    kept, erased = profiles.create("A", "cat"), profiles.create("B", "dog")
    stays = profiles.create("C", "fox")
    (kept.gallery_folder / "drawing.txt").write_text("precious")
    trashed = profiles.delete(kept.id)
    assert trashed.parent == data_dir / "trash"
    assert (trashed / "gallery" / "drawing.txt").read_text() == "precious"
    assert profiles.delete(erased.id, erase=True) is None and not erased.folder.exists()
    assert profiles.list() == [stays]
    with pytest.raises(ProfileNotFound):
        profiles.get(kept.id)
    with pytest.raises(ProfileNotFound):
        profiles.delete(kept.id)


@pytest.mark.parametrize("bad_id", ["..", "../profiles", "", "x" * 32, "A" * 32])
def test_unknown_or_unsafe_ids_are_not_found(bad_id):
    with pytest.raises(ProfileNotFound):
        ProfileStore().get(bad_id)


def test_half_created_profiles_are_skipped_and_damaged_ones_listed_again(data_dir):
    profiles = ProfileStore()
    good = profiles.create("Good", "cat")
    # A create that died before profile.json:
    (data_dir / "profiles" / ("0" * 32) / "gallery").mkdir(parents=True)
    broken = data_dir / "profiles" / ("1" * 32)
    broken.mkdir()
    (broken / "profile.json").write_text("{oops")
    (data_dir / "profiles" / "stray-file.txt").write_text("")
    listed = profiles.list()
    assert listed[0] == good or listed[1] == good
    assert sorted(p.id for p in listed) == sorted([good.id, "1" * 32])
    assert next(p for p in listed if p.id == "1" * 32).problem is not None
