import json

import pytest

from icanvas_desktop.settings.effective import EffectiveSettings, SettingLocked
from icanvas_desktop.settings.system import SAFE, load_system_settings, system_settings_path
from icanvas_desktop.settings.user import Settings, SettingsFile


@pytest.fixture(autouse=True)
def system_dir(tmp_path, monkeypatch):
    root = tmp_path / "system"
    monkeypatch.setenv("ICANVAS_SYSTEM_DIR", str(root))
    return root


def _admin(system_dir, settings, locked=(), version=1):
    system_dir.mkdir(exist_ok=True)
    (system_dir / "system_settings.json").write_text(
        json.dumps({"version": version, "settings": settings, "locked": list(locked)}))


def test_without_an_administrator_file_the_user_decides(system_dir):
    assert system_settings_path() == system_dir / "system_settings.json"
    effective = EffectiveSettings()
    assert effective.current == Settings() and effective.system.problem is None
    assert effective.change(sound=False, kiosk=True).sound is False
    assert EffectiveSettings().current == Settings(sound=False, kiosk=True)


def test_locked_settings_cannot_be_changed(system_dir, data_dir):
    _admin(system_dir, {"allowed_themes": ["emoji"], "children_may_delete": False, "kiosk": True},
           locked=["allowed_themes", "children_may_delete", "kiosk", "live_mode"])
    # Chosen before the administrator locked them.
    SettingsFile().save_choices({"kiosk": False, "live_mode": True})
    effective = EffectiveSettings()
    current = effective.current
    assert current.kiosk is True and current.children_may_delete is False and current.live_mode is False
    assert current.theme_allowed("emoji") and not current.theme_allowed("animals")
    assert effective.is_locked("kiosk") and not effective.is_locked("sound")
    before = (data_dir / "settings.json").read_text()
    with pytest.raises(SettingLocked, match="'kiosk' is locked by the administrator"):
        effective.change(sound=False, kiosk=False)
    assert (data_dir / "settings.json").read_text() == before, "nothing of a refused change is saved"
    assert effective.change(sound=False).kiosk is True


def test_unlocked_administrator_values_are_defaults_the_user_may_change(system_dir):
    _admin(system_dir, {"sound": False, "live_mode": True})
    effective = EffectiveSettings()
    assert effective.current.sound is False and effective.current.live_mode is True
    effective.change(sound=True)
    assert EffectiveSettings().current.sound is True
    assert EffectiveSettings().current.live_mode is True, "an untouched default follows the administrator"


def test_a_lock_lifted_gives_the_user_back_their_choice(system_dir):
    SettingsFile().save_choices({"sound": False})
    _admin(system_dir, {"sound": True}, locked=["sound"])
    assert EffectiveSettings().current.sound is True
    _admin(system_dir, {"sound": True})
    assert EffectiveSettings().current.sound is False


@pytest.mark.parametrize("content", [b"{not json", b"\xff\xfe", b"[]", b'{"version": 2}', b"x" * 70000,
                                     b'{"version": 1, "locked": "sound"}', b"[" * 60000,
                                     b'{"version": 1, "settings": ' + b'{"a": ' * 5000])
def test_a_damaged_administrator_file_locks_everything_at_safe_values(system_dir, content):
    system_dir.mkdir()
    (system_dir / "system_settings.json").write_bytes(content)
    SettingsFile().save_choices({"children_may_delete": True, "sound": False})
    effective = EffectiveSettings()
    assert "is damaged" in effective.system.problem
    assert effective.current == Settings(**SAFE) and effective.current.children_may_delete is False
    with pytest.raises(SettingLocked):
        effective.change(sound=True)
    assert (system_dir / "system_settings.json").read_bytes() == content, (
        "the administrator's file is left alone")


def test_one_bad_administrator_value_is_locked_safe_and_reported_alone(system_dir):
    _admin(system_dir, {"children_may_delete": "yes", "sound": False, "colour": "red"},
           locked=["kiosk", "typo"])
    system = load_system_settings()
    assert system.locked == {"children_may_delete", "kiosk"}
    assert system.values == {"children_may_delete": False, "sound": False}
    assert "children_may_delete='yes'" in system.problem
    assert "'colour'" in system.problem and "'typo'" in system.problem


def test_a_user_value_that_is_invalid_is_refused_before_saving(data_dir):
    with pytest.raises(TypeError):
        EffectiveSettings().change(kiosk="on")
    assert not (data_dir / "settings.json").exists()


def test_allowed_themes_read_back_from_json(tmp_path):
    store = SettingsFile(tmp_path / "s.json")
    store.save(Settings(allowed_themes=["emoji", "animals"]))
    assert store.load() == Settings(allowed_themes=("emoji", "animals"))
    with pytest.raises(TypeError):
        Settings(allowed_themes="emoji")


def test_pinned_themes_are_read_and_a_bad_list_locks_everything(system_dir):
    system_dir.mkdir()
    path = system_dir / "system_settings.json"
    path.write_text(json.dumps({"version": 1, "pinned_themes": ["emoji", "animals"]}))
    assert load_system_settings().pinned_themes == {"emoji", "animals"}
    assert load_system_settings().problem is None
    path.write_text(json.dumps({"version": 1, "pinned_themes": "emoji"}))
    damaged = load_system_settings()
    assert "pinned_themes" in damaged.problem
    assert damaged.locked == set(SAFE) and damaged.pinned_themes == set()


def test_printing_is_set_and_locked_like_the_others(system_dir, data_dir):
    _admin(system_dir, {"printing": True, "print_delay_s": 300, "paper_size": "a4", "print_dialog": False},
           locked=["print_delay_s", "print_dialog"])
    effective = EffectiveSettings()
    current = effective.current
    assert (current.printing, current.print_delay_s, current.paper_size, current.print_dialog) == \
        (True, 300, "a4", False)
    with pytest.raises(SettingLocked):
        effective.change(print_dialog=True)
    assert effective.change(printing=False, paper_size="letter").paper_size == "letter"
    _admin(system_dir, {"print_delay_s": "five minutes"})
    damaged = load_system_settings()
    assert damaged.values["print_delay_s"] == 0 and "print_delay_s" in damaged.locked
    assert SAFE["printing"] is False, "a lab's damaged file does not let a class print without limits"
