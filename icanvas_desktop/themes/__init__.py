"""Theme packages: a folder with `manifest.json`, generator weights and a preview. Data only."""

from icanvas_desktop.themes.manifest import ManifestError, validate_manifest
from icanvas_desktop.themes.theme import THEME_ID_PATTERN, Theme, ThemeError, load_theme

__all__ = ["THEME_ID_PATTERN", "ManifestError", "Theme", "ThemeError", "load_theme", "validate_manifest"]
