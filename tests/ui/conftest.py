"""UI test fixtures: a real theme package made by the trainer, a data root per test, the app's look."""

import shutil

import pytest
from trainer.synthetic import train_tiny_run

from icanvas_desktop.themes import load_theme
from icanvas_desktop.trainer.export import export_theme

THEME_ID = "shapes"


@pytest.fixture(scope="session")
def themes_folder(tmp_path_factory):
    """A folder holding one real theme, exported by the trainer after one epoch of a tiny U-Net (32 px)."""
    root = tmp_path_factory.mktemp("ui-theme")
    export_theme(train_tiny_run(root), root / "themes", THEME_ID, {"en": "Shapes", "ko": "도형"},
                 "synthetic shapes", "CC0-1.0", [{"id": "ball", "en": "Draw a ball", "ko": "공을 그려 보세요"}])
    load_theme(root / "themes" / THEME_ID)
    return root / "themes"


@pytest.fixture
def theme_copy(themes_folder, tmp_path):
    """A private copy of the theme folder, for tests that break it."""
    target = tmp_path / "themes"
    shutil.copytree(themes_folder, target)
    return target


@pytest.fixture(autouse=True)
def data_dir(tmp_path, monkeypatch):
    """Every test gets its own data root and administrator folder (empty: no administrator settings), and no
    extra theme folders from the environment."""
    root = tmp_path / "data"
    monkeypatch.setenv("ICANVAS_DATA_DIR", str(root))
    monkeypatch.setenv("ICANVAS_SYSTEM_DIR", str(tmp_path / "system"))
    monkeypatch.delenv("ICANVAS_EXTRA_THEMES", raising=False)
    return root


@pytest.fixture(scope="session", autouse=True)
def look(qapp):
    """The real font and stylesheet, so tests see what children see."""
    from icanvas_desktop.ui.appearance import apply_look

    apply_look(qapp)
    return qapp
