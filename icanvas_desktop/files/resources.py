"""Where the files shipped with the app lie: the same answer from a source checkout and a PyInstaller bundle.

From source the app root is the repository root (the folder holding `icanvas_desktop/`, `resources/` and
`models/`); frozen, PyInstaller unpacks those folders under `sys._MEIPASS`. Bundle them with
`--add-data resources:resources --add-data models:models`.
"""

import sys
from pathlib import Path


def app_root() -> Path:
    frozen_root = getattr(sys, "_MEIPASS", None)
    return Path(frozen_root) if frozen_root else Path(__file__).resolve().parents[2]


def resources_dir() -> Path:
    return app_root() / "resources"


def bundled_models_dir() -> Path:
    """The themes that ship with the app (may be empty or missing)."""
    return app_root() / "models"


def fonts_dir() -> Path:
    return resources_dir() / "fonts"


def icons_dir() -> Path:
    return resources_dir() / "icons"


def stylesheet_path() -> Path:
    return resources_dir() / "styles" / "app.qss"


def sounds_dir() -> Path:
    return resources_dir() / "sounds"
