"""Where themes live, and finding every usable one there.

Three places, in this order:

1. the themes bundled with the app (`models/` beside the code, or inside the PyInstaller bundle);
2. a system-wide folder that an administrator fills for every user of the computer (a school lab):
   Linux `/usr/share/icanvas/themes`, Windows `%ProgramData%\\iCanvas\\themes`,
   macOS `/Library/Application Support/iCanvas/themes`; `$ICANVAS_SYSTEM_DIR/themes` where that counts
   (`paths.system_dir_override`: never in the installed app);
3. the user's own folder, `<data root>/themes` (where `icanvas-train export --out` puts a parent's theme).

`$ICANVAS_EXTRA_THEMES` (folders separated by `os.pathsep`) adds folders after these, for trying a theme
out without installing it.

When two folders hold a theme with the same id, the later folder's theme wins: a newer version
installed system-wide or by the user replaces the bundled one, and a parent can replace a theme
without touching the app's files. Every theme folder is read, never written: read-only folders are fine.
A theme may come without its Keras weights when its .tflite is there (the packaged app ships only those).
Nothing here imports Qt or TensorFlow.
"""

import logging
import os
import sys
from collections.abc import Collection, Iterable
from pathlib import Path

from icanvas_desktop.files import paths
from icanvas_desktop.files.resources import bundled_models_dir
from icanvas_desktop.themes import checksums
from icanvas_desktop.themes.theme import Theme, ThemeError, load_theme

log = logging.getLogger(__name__)

EXTRA_THEMES_ENV = "ICANVAS_EXTRA_THEMES"
THEMES_DIR_NAME = "themes"
CHECKSUMS_NAME = "theme_checksums.json"


def system_themes_dir() -> Path:
    override = paths.system_dir_override()
    if override:
        return override / THEMES_DIR_NAME
    if sys.platform == "win32":
        return paths.windows_program_data() / paths.APP_DIR_NAME / THEMES_DIR_NAME
    if sys.platform == "darwin":
        return Path("/Library/Application Support/iCanvas") / THEMES_DIR_NAME
    return Path("/usr/share/icanvas") / THEMES_DIR_NAME


def user_themes_dir() -> Path:
    return paths.user_data_dir() / THEMES_DIR_NAME


def checksums_file() -> Path:
    """Where the themes' checksums are kept between starts (themes.checksums says why that is safe)."""
    return paths.user_data_dir() / "cache" / CHECKSUMS_NAME


def theme_folders() -> list[Path]:
    """The folders to search, lowest priority first (a later folder's theme replaces an earlier one's)."""
    folders = [bundled_models_dir(), system_themes_dir(), user_themes_dir()]
    extra = os.environ.get(EXTRA_THEMES_ENV, "")
    folders += [Path(p).expanduser() for p in extra.split(os.pathsep) if p.strip()]
    return folders


def discover_themes(folders: Iterable[Path], pinned: Collection[str] | None = None
                    ) -> tuple[list[Theme], list[ThemeError]]:
    """Every theme in `folders` that loads, and a ThemeError for each sub-folder that does not.

    A theme id in `pinned` comes only from the bundled or the system-wide folder; a copy anywhere else is
    reported and left out. None: the administrator's `pinned_themes`, so that no caller can forget them.

    A folder that does not exist is skipped silently (most computers have no system-wide themes);
    one that cannot be read is reported. Hidden entries (an export in progress writes `.id.partial-…`)
    and plain files are ignored. Themes come back in the order they were found, a replaced theme
    keeping its place.
    """
    if pinned is None:
        from icanvas_desktop.settings.system import load_system_settings

        pinned = load_system_settings().pinned_themes
    administered = {bundled_models_dir(), system_themes_dir()}
    checksums.remember_from(checksums_file())
    themes: dict[str, Theme] = {}
    problems: list[ThemeError] = []
    for folder in folders:
        folder = Path(folder)
        try:
            candidates = sorted(p for p in folder.iterdir() if p.is_dir() and not p.name.startswith("."))
        except FileNotFoundError:
            continue
        except OSError as e:
            problems.append(ThemeError(folder, f"the themes folder cannot be read: {e.strerror or e}"))
            continue
        for candidate in candidates:
            try:
                theme = load_theme(candidate, tflite_only_ok=True)
            except ThemeError as e:
                problems.append(e)
                continue
            except OSError as e:  # a file that cannot be read (permissions, a disk error)
                problems.append(ThemeError(candidate, f"cannot be read: {e.strerror or e}"))
                continue
            except Exception as e:  # one theme, however hostile, may only remove itself
                log.exception("theme in %s could not be checked", candidate)
                problems.append(ThemeError(candidate,
                                           f"cannot be used ({type(e).__name__}): reinstall or remove it"))
                continue
            if theme.id in pinned and folder not in administered:
                problems.append(ThemeError(candidate, f"the administrator keeps the theme {theme.id!r} in "
                                                      f"{system_themes_dir()}, so this copy is not used"))
                continue
            if theme.id in themes:
                log.info("theme %r in %s replaces the one in %s",
                         theme.id, candidate, themes[theme.id].folder)
            themes[theme.id] = theme
    checksums.keep_in(checksums_file())
    for problem in problems:
        log.warning("theme skipped: %s", problem)
    return list(themes.values()), problems
