"""Where themes live: bundled with the app, installed system-wide (school labs), and the user's own."""

from pathlib import Path

from icanvas_desktop import paths
from icanvas_desktop.resources import bundled_models_dir
from icanvas_desktop.themes.theme import Theme, ThemeError, load_theme


def theme_folders() -> list[Path]:
    """Search order; a theme id found in a later folder replaces the earlier one (the user's own wins)."""
    return [bundled_models_dir(), paths.system_data_dir() / "themes", paths.user_data_dir() / "themes"]


def discover_themes(folders: list[Path]) -> tuple[list[Theme], list[ThemeError]]:
    themes: dict[str, Theme] = {}
    problems: list[ThemeError] = []
    for folder in folders:
        if not folder.is_dir():
            continue
        for candidate in sorted(p for p in folder.iterdir() if p.is_dir() and not p.name.startswith(".")):
            try:
                theme = load_theme(candidate)
            except ThemeError as e:
                problems.append(e)
                continue
            themes[theme.id] = theme
    return sorted(themes.values(), key=lambda t: t.id), problems
