import json
from dataclasses import replace

import pytest

from icanvas_desktop.settings.user import SETTINGS_VERSION, Settings, SettingsFile


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
    path.write_text(json.dumps({"version": 1, "language": "fr", "sound": "loud", "live_mode": True,
                                "colour": 3}))
    store = SettingsFile(path)
    assert store.load() == Settings(live_mode=True)
    assert store.set_aside is None and path.exists()


def test_settings_reject_unknown_values():
    with pytest.raises(ValueError):
        Settings(language="fr")
    with pytest.raises(TypeError):
        Settings(sound=1)


# A file the app cannot use never stops it: defaults, a log line, and `problem` for the adult.

def test_a_folder_where_the_file_should_be_gives_defaults_and_is_left_alone(tmp_path):
    (tmp_path / "settings.json" / "inside").mkdir(parents=True)
    store = SettingsFile(tmp_path / "settings.json")
    assert store.load() == Settings()
    assert str(store.path) in store.problem and store.set_aside is None
    assert (tmp_path / "settings.json" / "inside").is_dir()


def test_an_unreadable_file_gives_defaults_and_is_left_alone(tmp_path, monkeypatch):
    path = tmp_path / "settings.json"
    path.write_text(json.dumps({"version": 1, "sound": False}))
    import icanvas_desktop.settings.user as user_settings

    real_read = user_settings.read_regular_text

    def no_permission(file, *args, **kwargs):
        if file == path:  # as the app sees a file it may not read (tests may run as root, who reads anything)
            raise PermissionError(13, "Permission denied", str(file))
        return real_read(file, *args, **kwargs)

    monkeypatch.setattr(user_settings, "read_regular_text", no_permission)
    store = SettingsFile(path)
    assert store.load() == Settings()
    assert "Permission denied" in store.problem and store.set_aside is None and path.exists()


def test_a_damaged_file_that_cannot_be_moved_aside_gives_defaults(tmp_path, monkeypatch):
    path = tmp_path / "settings.json"
    path.write_bytes(b"{not json")

    def read_only_folder(path, *args, **kwargs):
        raise PermissionError(13, "Permission denied", str(path))

    monkeypatch.setattr("icanvas_desktop.settings.user.set_aside", read_only_folder)
    store = SettingsFile(path)
    assert store.load() == Settings()
    assert "could not be moved aside" in store.problem and store.set_aside is None
    assert path.read_bytes() == b"{not json"


@pytest.mark.parametrize("content", ["[" * 100_000, '{"a":' * 30_000])
def test_a_deeply_nested_file_is_damaged_like_any_other(tmp_path, content):
    path = tmp_path / "settings.json"
    path.write_text(content)
    store = SettingsFile(path)
    assert store.load() == Settings()
    assert "nested too deeply" in store.problem
    assert store.set_aside.read_text() == content and not path.exists()


def test_a_file_that_reads_again_clears_the_problem(tmp_path):
    path = tmp_path / "settings.json"
    path.write_bytes(b"{not json")
    store = SettingsFile(path)
    store.load()
    assert store.problem
    store.save(Settings(sound=False))
    assert store.load() == Settings(sound=False) and store.problem is None


def test_a_lone_surrogate_escape_is_ignored_so_later_changes_still_save(tmp_path):
    path = tmp_path / "settings.json"
    path.write_text('{"version": 1, "last_profile": "\\ud800", "allowed_themes": ["emoji", "\\udfff"], '
                    '"sound": false}')
    settings = SettingsFile(path).load()
    assert settings.last_profile is None and settings.allowed_themes is None and settings.sound is False
    SettingsFile(path).save(replace(settings, kiosk=True))
    assert SettingsFile(path).load().kiosk is True
