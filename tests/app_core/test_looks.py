"""The look a child's pictures are made in: remembered per child, defaulting to the theme's, lockable by the
administrator, and kept with each creation and its copies."""

import json
from datetime import UTC, datetime

import pytest
from factories import creation_files, creation_of, scribble
from PIL import Image

from icanvas_desktop.drawing.draft import Draft, DraftFile
from icanvas_desktop.drawing.picture import Picture
from icanvas_desktop.gallery.export import export_info, export_png
from icanvas_desktop.gallery.store import Gallery
from icanvas_desktop.look import LOOK_SETTINGS, THEMES_OWN, Look, child_look, resolve_look
from icanvas_desktop.profiles.session import ChildSession
from icanvas_desktop.profiles.store import ProfileStore
from icanvas_desktop.settings.effective import EffectiveSettings, SettingLocked
from icanvas_desktop.settings.user import Settings, SettingsFile


@pytest.fixture(autouse=True)
def system_dir(tmp_path, monkeypatch):
    root = tmp_path / "system"
    monkeypatch.setenv("ICANVAS_SYSTEM_DIR", str(root))
    return root


def _admin(system_dir, settings, locked=()):
    system_dir.mkdir(exist_ok=True)
    (system_dir / "system_settings.json").write_text(
        json.dumps({"version": 1, "settings": settings, "locked": list(locked)}))


def test_the_settings_know_the_generators_looks():
    assert LOOK_SETTINGS == ("theme", "clean", "crayon", "watercolour"), "the raw picture: no child's choice"
    assert Settings().look == THEMES_OWN == "theme"
    with pytest.raises(ValueError, match="look"):
        Settings(look="glitter")


def test_a_look_setting_resolves_to_the_themes_own_only_where_it_says_so():
    assert resolve_look(THEMES_OWN, Look.CLEAN) is Look.CLEAN
    assert resolve_look(THEMES_OWN, Look.PAINTED) is Look.PAINTED
    assert resolve_look("painted", Look.CLEAN) is Look.PAINTED
    with pytest.raises(ValueError):
        resolve_look("glitter", Look.CLEAN)


def test_a_painted_look_saved_by_an_older_app_reads_as_the_neat_one(system_dir):
    profile = ProfileStore().create("Mina", "cat")
    with ChildSession(profile) as session:
        session.settings.save_choices({"look": "painted"})
        assert EffectiveSettings().child_look(session.settings) == "clean"
        _admin(system_dir, {"look": "painted"}, locked=["look"])
        system = EffectiveSettings()
        assert system.child_look(session.settings) == "clean" and system.system.problem is None, \
            "an administrator's file from before is not damaged"
    assert SettingsFile(profile.folder / "settings.json").load().look == "clean"


def test_a_child_never_gets_the_raw_picture_yet_a_theme_judge_does():
    assert child_look(THEMES_OWN, Look.PAINTED) is Look.CLEAN, "a manifest from before the clean look"
    assert child_look("painted", Look.CRAYON) is Look.CLEAN
    assert child_look(THEMES_OWN, Look.WATERCOLOUR) is Look.WATERCOLOUR
    assert resolve_look(THEMES_OWN, Look.PAINTED) is Look.PAINTED


def test_each_child_keeps_their_own_look_across_a_restart():
    store = ProfileStore()
    mina, jiho = store.create("Mina", "cat"), store.create("Jiho", "dog")
    effective = EffectiveSettings()
    with ChildSession(mina) as session:
        assert effective.child_look(session.settings) == "theme", "the theme's own until the child picks"
        effective.choose_child_look(session.settings, "clean")
    # a new start: new objects, read from disk
    with ChildSession(store.get(mina.id)) as again, ChildSession(store.get(jiho.id)) as other:
        assert EffectiveSettings().child_look(again.settings) == "clean"
        assert EffectiveSettings().child_look(other.settings) == "theme"
    assert json.loads((mina.folder / "settings.json").read_text())["look"] == "clean"
    assert not (effective.user.path.exists() and "look" in json.loads(effective.user.path.read_text())), \
        "a child's look is not the account's"


def test_an_unlocked_administrator_look_is_the_default_a_child_may_change(system_dir):
    _admin(system_dir, {"look": "crayon"})
    profile = ProfileStore().create("Mina", "cat")
    with ChildSession(profile) as session:
        effective = EffectiveSettings()
        assert effective.child_look(session.settings) == "crayon"
        effective.choose_child_look(session.settings, "clean")
        assert EffectiveSettings().child_look(session.settings) == "clean"


def test_a_locked_look_is_used_whatever_the_child_chose(system_dir):
    profile = ProfileStore().create("Mina", "cat")
    with ChildSession(profile) as session:
        EffectiveSettings().choose_child_look(session.settings, "crayon")
        _admin(system_dir, {"look": "clean"}, locked=["look"])
        effective = EffectiveSettings()
        assert effective.is_locked("look") and effective.child_look(session.settings) == "clean"
        before = session.settings.path.read_bytes()
        with pytest.raises(SettingLocked):
            effective.choose_child_look(session.settings, "crayon")
        assert session.settings.path.read_bytes() == before
        _admin(system_dir, {"look": "clean"})  # unlocked: the child's own choice counts again
        assert EffectiveSettings().child_look(session.settings) == "crayon"


def test_a_damaged_administrator_file_locks_the_look_at_the_themes_own(system_dir):
    system_dir.mkdir()
    (system_dir / "system_settings.json").write_text("{")
    profile = ProfileStore().create("Mina", "cat")
    with ChildSession(profile) as session:
        assert EffectiveSettings().child_look(session.settings) == "theme"


def test_a_damaged_child_settings_file_is_set_aside_and_the_themes_look_used():
    profile = ProfileStore().create("Mina", "cat")
    (profile.folder / "settings.json").write_text("{not json")
    with ChildSession(profile) as session:
        assert EffectiveSettings().child_look(session.settings) == "theme"
        assert session.settings.set_aside is not None and session.settings.set_aside.exists()
    assert ProfileStore().get(profile.id).name == "Mina", "the child's tile is untouched"


def test_the_look_is_saved_with_the_creation_and_its_copy(tmp_path):
    profile = ProfileStore().create("Mina", "cat")
    drawing = scribble(3)
    with ChildSession(profile) as session:
        result = session.save_creation(creation_of(drawing, look=Look.CLEAN))
        creation = result.creation
        assert creation.look() == "clean"
        assert json.loads((creation.folder / "creation.json").read_text())["look"] == "clean"
        copy = export_png(creation, tmp_path / "copy.png")
    with Image.open(copy) as exported:
        assert exported.text["iCanvas look"] == "clean" and exported.text["iCanvas theme"] == "animals"


def test_a_creation_from_before_looks_still_reads_and_copies(tmp_path):
    drawing = scribble(4)
    with Gallery(tmp_path / "g") as gallery:
        staged = gallery.stage(drawing, *creation_files(drawing), "animals", fingerprint="fp",
                               created_at=datetime(2026, 5, 9, 9, 0, tzinfo=UTC))
        creation = gallery.commit(staged)
    meta = json.loads((creation.folder / "creation.json").read_text())
    assert "look" not in meta, "a creation without a look is written as before"
    assert creation.look() is None and "iCanvas look" not in export_info(creation)
    (tmp_path / "g" / "gallery.db").unlink()  # the index rebuilt from such a folder
    with Gallery(tmp_path / "g") as gallery:
        assert [c.id for c in gallery.list_creations()] == [creation.id]
    export_png(creation, tmp_path / "old.png")


def test_a_creation_refuses_an_unknown_look(tmp_path):
    drawing = scribble(5)
    with Gallery(tmp_path / "g") as gallery, pytest.raises(ValueError, match="look"):
        gallery.stage(drawing, *creation_files(drawing), "animals", fingerprint="fp",
                      created_at=datetime(2026, 5, 9, 9, 0, tzinfo=UTC), look="glitter")


def test_the_draft_keeps_the_look_of_its_picture_and_old_drafts_still_load(tmp_path):
    drawing = scribble(6)
    sketch, picture = creation_files(drawing)
    drafts = DraftFile(tmp_path / "draft.json")
    drafts.save(Draft(drawing, "animals", Picture(drawing, sketch, picture, "animals", "clean")))
    assert drafts.load().picture.look == "clean"
    data = json.loads(drafts.path.read_text())
    del data["picture"]["look"]  # as a draft kept before the looks
    drafts.path.write_text(json.dumps(data))
    assert drafts.load().picture.look is None
