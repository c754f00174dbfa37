import pytest
from trainer.synthetic import train_tiny_run

from icanvas_desktop.themes import load_theme
from icanvas_desktop.trainer.export import export_theme


@pytest.fixture(scope="session")
def themes_folder(tmp_path_factory):
    """A real theme package, made by the trainer's export from one short epoch."""
    root = tmp_path_factory.mktemp("ui-theme")
    export_theme(train_tiny_run(root), root / "themes", "shapes", {"en": "Shapes", "ko": "도형"},
                 "synthetic", "CC0-1.0", [])
    load_theme(root / "themes" / "shapes")
    return root / "themes"
