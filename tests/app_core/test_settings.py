import json
from dataclasses import replace

import pytest

from icanvas_desktop.settings import SETTINGS_VERSION, Settings, SettingsFile


def test_missing_file_gives_defaults_without_creating_anything(data_dir):
    store = SettingsFile()
    assert store.path == data_dir / "settings.json"
    assert store.load() == Settings(language="auto", sound=True, live_mode=False, last_profile=None)
    assert not data_dir.exists()


def test_saved_settings_read_back_with_a_version(tmp_path):
    store = SettingsFile(tmp_path / "s.json")
    chosen = replace(Settings(), language="ko", sound=False, live_mode=True, last_profile="ab" * 16)
    store.save(chosen)
    assert SettingsFile(store.path).load() == chosen
    assert json.loads(store.path.read_text())["version"] == SETTINGS_VERSION
    assert [p.name for p in tmp_path.iterdir()] == ["s.json"]


@pytest.mark.parametrize("content", [b"{not json", b"\xff\xfe garbage", b"[1, 2]", b""])
def test_a_damaged_file_is_kept_aside_and_defaults_used(tmp_path, content):
    path = tmp_path / "settings.json"
    path.write_bytes(content)
    store = SettingsFile(path)
    assert store.load() == Settings()
    assert not path.exists()
    assert store.set_aside.parent == tmp_path and store.set_aside.name.startswith("settings.json.corrupt-")
    assert store.set_aside.read_bytes() == content


def test_one_bad_value_falls_back_alone_and_unknown_keys_are_ignored(tmp_path):
    path = tmp_path / "settings.json"
    path.write_text(json.dumps({"version": 1, "language": "fr", "sound": "loud", "live_mode": True, "colour": 3}))
    store = SettingsFile(path)
    assert store.load() == Settings(live_mode=True)
    assert store.set_aside is None and path.exists()


def test_settings_reject_unknown_values():
    with pytest.raises(ValueError):
        Settings(language="fr")
    with pytest.raises(TypeError):
        Settings(sound=1)
