"""Settings an administrator sets for every account on a computer (a school lab), each one optionally locked.

`system_settings.json` in `paths.system_config_dir()` (docs/school_labs.md):

    {"version": 1,
     "settings": {"allowed_themes": ["emoji"], "live_mode": false, "sound": false,
                  "children_may_delete": false, "kiosk": true, "look": "clean",
                  "printing": true, "print_delay_s": 300, "paper_size": "a4", "print_dialog": false},
     "locked": ["allowed_themes", "children_may_delete", "kiosk", "printing", "print_delay_s"],
     "pinned_themes": ["emoji"]}

An unlocked value is a default that each user may change; a locked value holds whatever the user chose.

When the file exists but cannot be read (not JSON, the wrong shape, a bad value), whatever could not be read
is locked at its SAFE value. The file's existence says an administrator manages this computer, so handing the
choice back to the children would undo the administrator's intent. The safe values are the built-in defaults,
except that deleting from the gallery, the one thing that cannot be undone, is off. Theme restrictions and
kiosk mode are not guessed: a wrong guess could keep every child from drawing, whereas this way the class
carries on and the app reports the problem to the adult. Printing is off too: the paper and the ink are the
school's, and a class printing without the limits the administrator meant to set could use them all.
"""

import json
import logging
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from icanvas_desktop.files import paths
from icanvas_desktop.files.regular import read_regular_bytes
from icanvas_desktop.settings.user import valid_choices

log = logging.getLogger(__name__)

SYSTEM_SETTINGS_NAME = "system_settings.json"
SYSTEM_SETTINGS_VERSION = 1
MAX_BYTES = 64 * 1024
SAFE: dict[str, Any] = {
    "allowed_themes": None, "live_mode": False, "sound": True, "children_may_delete": False, "kiosk": False,
    "look": "theme", "printing": False, "print_delay_s": 0, "paper_size": "system", "print_dialog": False,
}
ADMIN_SETTINGS = tuple(SAFE)


@dataclass(frozen=True)
class SystemSettings:
    values: dict[str, Any] = field(default_factory=dict)  # defaults, or the fixed value where locked
    locked: frozenset[str] = frozenset()
    problem: str | None = None  # what was wrong with the file, for the adult; None when it was fine
    # Theme ids only the bundled or system-wide folder may supply: a copy in a user's folder is not used.
    pinned_themes: frozenset[str] = frozenset()


def system_settings_path() -> Path:
    return paths.system_config_dir() / SYSTEM_SETTINGS_NAME


def load_system_settings(path: Path | None = None) -> SystemSettings:
    path = Path(path) if path is not None else system_settings_path()
    try:
        raw = read_regular_bytes(path, MAX_BYTES)
        if len(raw) > MAX_BYTES:
            return _locked_down(path, f"it is larger than {MAX_BYTES // 1024} KiB")
        data = json.loads(raw.decode("utf-8"))
    except FileNotFoundError:
        return SystemSettings()
    except (OSError, ValueError) as e:  # ValueError: JSON and UTF-8 errors
        return _locked_down(path, f"it cannot be read ({e})")
    except RecursionError:
        return _locked_down(path, "it is nested too deeply to read")
    if not isinstance(data, dict) or data.get("version") != SYSTEM_SETTINGS_VERSION:
        return _locked_down(path, f'it is not an object with "version": {SYSTEM_SETTINGS_VERSION}')
    settings, locked = data.get("settings", {}), data.get("locked", [])
    names_listed = isinstance(locked, list) and all(isinstance(n, str) for n in locked)
    if not isinstance(settings, dict) or not names_listed:
        return _locked_down(path, '"settings" must be an object and "locked" a list of setting names')
    pinned = data.get("pinned_themes", [])
    if not isinstance(pinned, list) or not all(isinstance(t, str) for t in pinned):
        return _locked_down(path, '"pinned_themes" must be a list of theme ids')
    return replace(_parsed(path, settings, locked), pinned_themes=frozenset(pinned))


def _parsed(path: Path, settings: dict, locked: list[str]) -> SystemSettings:
    problems = [f"unknown setting {name!r} ignored"
                for name in [*settings, *locked] if name not in ADMIN_SETTINGS]
    unreadable: list[str] = []
    values = valid_choices({k: v for k, v in settings.items() if k in ADMIN_SETTINGS},
                           on_invalid=lambda name, value: unreadable.append(name))
    for name in unreadable:
        problems.append(f"{name}={settings[name]!r} is not a valid value, so it is locked at {SAFE[name]!r}")
        values[name] = SAFE[name]
    result = SystemSettings(values, frozenset(n for n in [*locked, *unreadable] if n in ADMIN_SETTINGS),
                            "; ".join(problems) or None)
    if result.problem:
        log.warning("administrator settings %s: %s", path, result.problem)
    return result


def _locked_down(path: Path, why: str) -> SystemSettings:
    problem = (f"{path} is damaged: {why}; "
               "every administrator setting is locked at its safe value until it is fixed")
    log.warning("%s", problem)
    return SystemSettings(dict(SAFE), frozenset(ADMIN_SETTINGS), problem)
