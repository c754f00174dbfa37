"""The administrator's folders: movable for tests and development, fixed in the installed app."""

import sys
from pathlib import Path

import pytest

from icanvas_desktop.files import paths
from icanvas_desktop.settings.system import system_settings_path
from icanvas_desktop.themes.discovery import system_themes_dir


@pytest.fixture
def user_env(tmp_path, monkeypatch):
    """What a user can set for their own process (a `.desktop` file's Exec line, a shell profile)."""
    empty = tmp_path / "empty"
    monkeypatch.setenv("ICANVAS_SYSTEM_DIR", str(empty))
    monkeypatch.setenv("XDG_CONFIG_DIRS", str(empty))
    monkeypatch.setenv("PROGRAMDATA", str(empty))
    monkeypatch.setenv("WIN_PD_OVERRIDE_COMMON_APPDATA", str(empty))
    return empty


@pytest.fixture
def bundle(tmp_path, monkeypatch):
    """Running frozen, as PyInstaller's bootloader sets it up."""
    root = tmp_path / "bundle"
    root.mkdir()
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(root), raising=False)
    return root


def test_from_source_the_variable_moves_both_folders(user_env):
    assert not paths.installed()
    assert system_settings_path() == user_env / "system_settings.json"
    assert system_themes_dir() == user_env / "themes"


@pytest.mark.skipif(sys.platform != "linux", reason="the Linux folders")
def test_the_installed_app_on_linux_ignores_every_variable(user_env, bundle):
    assert paths.installed()
    assert system_settings_path() == Path("/etc/xdg/iCanvas/system_settings.json")
    assert system_themes_dir() == Path("/usr/share/icanvas/themes")


def test_the_installed_app_on_macos_ignores_every_variable(user_env, bundle, monkeypatch):
    monkeypatch.setattr(sys, "platform", "darwin")
    assert system_settings_path() == Path("/Library/Application Support/iCanvas/system_settings.json")
    assert system_themes_dir() == Path("/Library/Application Support/iCanvas/themes")


def test_the_installed_app_on_windows_asks_windows_for_programdata(user_env, bundle, monkeypatch):
    pytest.importorskip("platformdirs.windows")
    asked = []

    def known_folder(csidl_name):
        asked.append(csidl_name)
        return r"C:\ProgramData"

    monkeypatch.setattr("platformdirs.windows.get_win_folder_via_ctypes", known_folder)
    monkeypatch.setattr(sys, "platform", "win32")
    assert system_settings_path() == Path(r"C:\ProgramData") / "iCanvas" / "system_settings.json"
    assert system_themes_dir() == Path(r"C:\ProgramData") / "iCanvas" / "themes"
    assert set(asked) == {"CSIDL_COMMON_APPDATA"}


def test_a_development_build_honours_the_variable(user_env, bundle):
    (bundle / paths.DEVELOPMENT_BUILD_MARKER).write_text("")
    assert not paths.installed()
    assert system_settings_path() == user_env / "system_settings.json"
    assert system_themes_dir() == user_env / "themes"
