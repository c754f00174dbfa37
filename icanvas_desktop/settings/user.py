"""Per-user settings in one small versioned JSON file, written atomically.

A file that is not JSON (or not an object, or nested too deeply to parse) is renamed aside and defaults are
used; a single bad value falls back to its default alone. Keys this version does not know are ignored.
A file that cannot be read at all (a folder in its place, no permission) is left where it is, and so is a
damaged one in a folder where it cannot be renamed: defaults are used and `problem` says why, for the adult.
"""

import json
import logging
from collections.abc import Callable
from dataclasses import asdict, dataclass, fields
from pathlib import Path
from typing import Any

from icanvas_desktop.files.atomic import atomic_write_text
from icanvas_desktop.files.paths import user_data_dir
from icanvas_desktop.files.regular import read_regular_text
from icanvas_desktop.files.set_aside import set_aside
from icanvas_desktop.look import LOOK_SETTINGS, RETIRED_LOOK_SETTINGS, THEMES_OWN

log = logging.getLogger(__name__)

SETTINGS_VERSION = 1
SETTINGS_NAME = "settings.json"
# "auto" follows the computer's language; the others are the languages the app speaks (words.i18n.LANGUAGES,
# not imported: the words sit above the settings).
LANGUAGE_SETTINGS: tuple[str, ...] = ("auto", "ko", "en")
# The paper pictures are printed on: the printer's own (as the computer is set up), or one named.
PAPER_SIZES: tuple[str, ...] = ("system", "a4", "letter")
# A day: a longer wait between prints is a typing mistake, not a choice.
MAX_PRINT_DELAY_S = 24 * 3600


@dataclass(frozen=True)
class Settings:
    language: str = "auto"  # one of LANGUAGE_SETTINGS
    sound: bool = True
    live_mode: bool = False  # redraw the picture while the child draws
    last_profile: str | None = None  # a profile id; may name one deleted since
    allowed_themes: tuple[str, ...] | None = None  # theme ids children may pick; None: every installed one
    children_may_delete: bool = True  # from the gallery
    kiosk: bool = False  # fullscreen with no way out but the adult's, for school labs
    # One of look.LOOK_SETTINGS. Each child's own choice lives in their profile folder (profiles/session.py);
    # this one is what a child who has not chosen gets, and what every child gets where the administrator
    # locked it.
    look: str = THEMES_OWN
    # Printing, for labs and parents (Tux Paint's noprint, printdelay and paper size): whether a child may
    # print, how many seconds must pass between one child's prints, on which paper, and whether the print
    # dialog shows (off: the computer's default printer, and a child never sees a dialog).
    printing: bool = True
    print_delay_s: int = 0
    paper_size: str = "system"
    print_dialog: bool = False

    def __post_init__(self):
        if self.language not in LANGUAGE_SETTINGS:
            raise ValueError(f"language must be one of {LANGUAGE_SETTINGS}, got {self.language!r}")
        if self.look not in LOOK_SETTINGS:
            raise ValueError(f"look must be one of {LOOK_SETTINGS}, got {self.look!r}")
        for name in ("sound", "live_mode", "children_may_delete", "kiosk", "printing", "print_dialog"):
            if not isinstance(getattr(self, name), bool):
                raise TypeError(f"{name} is true or false, got {getattr(self, name)!r}")
        if self.paper_size not in PAPER_SIZES:
            raise ValueError(f"paper_size must be one of {PAPER_SIZES}, got {self.paper_size!r}")
        delay = self.print_delay_s
        if isinstance(delay, bool) or not isinstance(delay, int) or not 0 <= delay <= MAX_PRINT_DELAY_S:
            raise ValueError(f"print_delay_s is whole seconds from 0 to {MAX_PRINT_DELAY_S}, got {delay!r}")
        if self.last_profile is not None and not isinstance(self.last_profile, str):
            raise TypeError(f"last_profile is a profile id or None, got {self.last_profile!r}")
        if self.allowed_themes is not None:
            if not isinstance(self.allowed_themes, list | tuple) or not all(
                    isinstance(t, str) for t in self.allowed_themes):
                raise TypeError(f"allowed_themes is a list of theme ids or None, got {self.allowed_themes!r}")
            # JSON gives a list; a tuple keeps the frozen settings comparable and hashable.
            object.__setattr__(self, "allowed_themes", tuple(self.allowed_themes))
        _check_savable(self.last_profile, *(self.allowed_themes or ()))

    def theme_allowed(self, theme_id: str) -> bool:
        return self.allowed_themes is None or theme_id in self.allowed_themes


def _check_savable(*texts: str | None) -> None:
    # JSON's "\ud800" escape reads as half a character, which UTF-8 cannot write back: kept, it would make
    # every later change fail to save.
    for text in texts:
        if text is not None and not text.isascii():
            try:
                text.encode("utf-8")
            except UnicodeEncodeError:
                raise ValueError(f"{text!r} holds half a character (a lone surrogate)") from None


class SettingsFile:
    def __init__(self, path: Path | None = None):
        """`path` defaults to settings.json in paths.user_data_dir()."""
        self.path = Path(path) if path is not None else user_data_dir() / SETTINGS_NAME
        self.set_aside: Path | None = None  # where `load` put a damaged file, for the UI to mention
        self.problem: str | None = None  # why `load` used defaults instead of the file, for the adult

    def load(self) -> Settings:
        return Settings(**self.load_choices())

    def load_choices(self) -> dict[str, Any]:
        """Only the values the file holds (and that are valid), so that defaults from elsewhere fill in."""
        self.problem = None
        try:
            data = json.loads(read_regular_text(self.path))
        except FileNotFoundError:
            return {}
        except ValueError as e:  # includes JSON and UTF-8 decoding errors
            return self._damaged(str(e))
        except RecursionError:
            return self._damaged("nested too deeply")
        except OSError as e:
            self.problem = f"{self.path} cannot be read ({e.strerror or e})"
            log.warning("%s; using the usual settings", self.problem)
            return {}
        if not isinstance(data, dict):
            return self._damaged("not a JSON object")
        return valid_choices(data)

    def _damaged(self, why: str) -> dict[str, Any]:
        try:
            self.set_aside = set_aside(self.path)
        except OSError as e:
            # A read-only data folder: the file stays, and is read (and refused) next time too.
            self.problem = f"{self.path} is damaged ({why}) and could not be moved aside ({e.strerror or e})"
        else:
            self.problem = f"{self.path} was damaged ({why}); it is kept as {self.set_aside}"
        log.warning("%s; using the usual settings", self.problem)
        return {}

    def save(self, settings: Settings) -> None:
        self.save_choices(asdict(settings))

    def save_choices(self, choices: dict[str, Any]) -> None:
        data = {"version": SETTINGS_VERSION, **choices}
        atomic_write_text(self.path, json.dumps(data, ensure_ascii=False, indent=2))


def valid_choices(data: dict, on_invalid: Callable[[str, Any], None] | None = None) -> dict[str, Any]:
    """The known, valid settings in `data`; each invalid one is left out and logged (or handed to
    `on_invalid`)."""
    # Version 1 is the only one so far; a migration from version n goes here when there is a version n+1.
    values = {}
    if data.get("look") in RETIRED_LOOK_SETTINGS:  # a child's or an administrator's, saved by an older app
        data = {**data, "look": RETIRED_LOOK_SETTINGS[data["look"]]}
    for field in fields(Settings):
        if field.name not in data:
            continue
        try:
            values[field.name] = getattr(Settings(**{field.name: data[field.name]}), field.name)
        except (TypeError, ValueError):
            if on_invalid is None:
                log.warning("ignoring setting %s=%r", field.name, data[field.name])
            else:
                on_invalid(field.name, data[field.name])
    return values
