"""Per-user settings in one small versioned JSON file, written atomically.

A file that is not JSON (or not an object) is renamed aside and defaults are used; a single bad
value falls back to its default alone. Keys this version does not know are ignored.
"""

import json
import logging
from dataclasses import asdict, dataclass, fields
from pathlib import Path

from icanvas_desktop.atomic import atomic_write_text
from icanvas_desktop.paths import user_data_dir
from icanvas_desktop.set_aside import set_aside

log = logging.getLogger(__name__)

SETTINGS_VERSION = 1
SETTINGS_NAME = "settings.json"
LANGUAGES: tuple[str, ...] = ("auto", "ko", "en")


@dataclass(frozen=True)
class Settings:
    language: str = "auto"  # one of LANGUAGES; "auto" follows the system
    sound: bool = True
    live_mode: bool = False  # redraw the picture while the child draws
    last_profile: str | None = None  # a profile id; may name one deleted since

    def __post_init__(self):
        if self.language not in LANGUAGES:
            raise ValueError(f"language must be one of {LANGUAGES}, got {self.language!r}")
        if not isinstance(self.sound, bool) or not isinstance(self.live_mode, bool):
            raise TypeError("sound and live_mode are true or false")
        if self.last_profile is not None and not isinstance(self.last_profile, str):
            raise TypeError(f"last_profile is a profile id or None, got {self.last_profile!r}")


class SettingsFile:
    def __init__(self, path: Path | None = None):
        """`path` defaults to settings.json in paths.user_data_dir()."""
        self.path = Path(path) if path is not None else user_data_dir() / SETTINGS_NAME
        self.set_aside: Path | None = None  # where `load` put a damaged file, for the UI to mention

    def load(self) -> Settings:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return Settings()
        except ValueError as e:  # includes JSON and UTF-8 decoding errors
            return self._damaged(str(e))
        if not isinstance(data, dict):
            return self._damaged("not a JSON object")
        return _from_dict(data)

    def _damaged(self, why: str) -> Settings:
        self.set_aside = set_aside(self.path)
        log.warning("settings in %s are damaged (%s); kept them as %s, using defaults", self.path, why, self.set_aside)
        return Settings()

    def save(self, settings: Settings) -> None:
        data = {"version": SETTINGS_VERSION, **asdict(settings)}
        atomic_write_text(self.path, json.dumps(data, ensure_ascii=False, indent=2))


def _from_dict(data: dict) -> Settings:
    # Version 1 is the only one so far; a migration from version n goes here when there is a version n+1.
    values = {}
    for field in fields(Settings):
        if field.name not in data:
            continue
        try:
            Settings(**{field.name: data[field.name]})
        except (TypeError, ValueError):
            log.warning("ignoring setting %s=%r", field.name, data[field.name])
            continue
        values[field.name] = data[field.name]
    return Settings(**values)
