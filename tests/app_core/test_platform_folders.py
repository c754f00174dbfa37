"""Each user's data folder on Windows and macOS, with the platform simulated as far as platformdirs allows:
its Windows and macOS implementations are plain Python that read the same environment the real systems
give (docs/packaging.md and the README name these folders)."""

import sys
from pathlib import PureWindowsPath

import platformdirs
import pytest
from platformdirs import windows as platformdirs_windows
from platformdirs.macos import MacOS
from platformdirs.windows import Windows, get_win_folder_from_env_vars

from icanvas_desktop.files import paths
from icanvas_desktop.themes.discovery import system_themes_dir


@pytest.fixture
def windows(monkeypatch):
    monkeypatch.delenv("ICANVAS_DATA_DIR", raising=False)
    monkeypatch.delenv("ICANVAS_SYSTEM_DIR", raising=False)
    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setattr(platformdirs, "PlatformDirs", Windows)
    # Where Windows keeps them for a child's account, as platformdirs reads them where it has no Windows API.
    monkeypatch.setattr(platformdirs_windows, "_RESOLVE_WIN_FOLDER", get_win_folder_from_env_vars)
    monkeypatch.setenv("LOCALAPPDATA", r"C:\Users\Mina\AppData\Local")
    monkeypatch.setenv("APPDATA", r"C:\Users\Mina\AppData\Roaming")
    monkeypatch.setenv("PROGRAMDATA", r"C:\ProgramData")


def _windows(path) -> PureWindowsPath:
    return PureWindowsPath(str(path).replace("/", "\\"))


def test_on_windows_a_childs_data_is_in_local_app_data(windows):
    assert _windows(paths.user_data_dir()) == PureWindowsPath(r"C:\Users\Mina\AppData\Local\iCanvas\iCanvas")


def test_on_windows_the_administrators_folder_is_program_data(windows):
    assert _windows(paths.system_config_dir()) == PureWindowsPath(r"C:\ProgramData\iCanvas")
    assert _windows(system_themes_dir()) == PureWindowsPath(r"C:\ProgramData\iCanvas\themes")


def test_on_macos_a_childs_data_is_in_application_support(monkeypatch, tmp_path):
    monkeypatch.delenv("ICANVAS_DATA_DIR", raising=False)
    monkeypatch.setattr(sys, "platform", "darwin")
    monkeypatch.setattr(platformdirs, "PlatformDirs", MacOS)
    monkeypatch.setenv("HOME", str(tmp_path))
    assert paths.user_data_dir() == tmp_path / "Library" / "Application Support" / "iCanvas"
