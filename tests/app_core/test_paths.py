import os
import sys
from pathlib import Path

import pytest

from icanvas_desktop.files.paths import DATA_DIR_ENV, user_data_dir


def test_environment_variable_overrides_the_data_root(tmp_path, monkeypatch):
    monkeypatch.setenv(DATA_DIR_ENV, str(tmp_path / "elsewhere"))
    assert user_data_dir() == tmp_path / "elsewhere"


def documented_data_folder(home: Path) -> Path:
    """Where each user's galleries, drafts and themes live, written out (README: ~/.local/share/iCanvas on
    Linux), not asked of platformdirs: a change there would move every child's work out of sight."""
    if sys.platform == "win32":
        return Path(os.environ["LOCALAPPDATA"]) / "iCanvas" / "iCanvas"
    if sys.platform == "darwin":
        return home / "Library" / "Application Support" / "iCanvas"
    return home / ".local" / "share" / "iCanvas"


def test_default_is_the_documented_per_user_data_folder(tmp_path, monkeypatch):
    monkeypatch.delenv(DATA_DIR_ENV)
    monkeypatch.delenv("XDG_DATA_HOME", raising=False)
    monkeypatch.setenv("HOME", str(tmp_path))
    assert user_data_dir() == documented_data_folder(tmp_path)


@pytest.mark.skipif(sys.platform in ("win32", "darwin"), reason="XDG folders are for Linux and the BSDs")
def test_xdg_data_home_is_followed(tmp_path, monkeypatch):
    monkeypatch.delenv(DATA_DIR_ENV)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    assert user_data_dir() == tmp_path / "data" / "iCanvas"
