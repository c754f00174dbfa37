"""Locating shipped files the same way from a source checkout and from a PyInstaller bundle."""

import sys
from pathlib import Path


def app_root() -> Path:
    frozen_root = getattr(sys, "_MEIPASS", None)
    return Path(frozen_root) if frozen_root else Path(__file__).resolve().parents[1]


def resources_dir() -> Path:
    return app_root() / "resources"


def bundled_models_dir() -> Path:
    return app_root() / "models"
