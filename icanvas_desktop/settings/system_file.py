"""Writing the administrator's `system_settings.json` from the grown-ups' corner, in the documented format
that `system.load_system_settings` reads and a lab can also deploy by hand (docs/school_labs.md).

The file lives where only an administrator may write (`paths.system_config_dir()`): on an ordinary account
`can_write` is False and the corner shows the settings without letting them change, saying why.
"""

import json
import os
from pathlib import Path
from typing import Any

from icanvas_desktop.files.atomic import atomic_write_text
from icanvas_desktop.settings.system import (
    ADMIN_SETTINGS,
    SYSTEM_SETTINGS_VERSION,
    SystemSettings,
    load_system_settings,
    system_settings_path,
)
from icanvas_desktop.settings.user import valid_choices


def can_write(path: Path | None = None) -> bool:
    """Whether this account may write the system settings file: the file itself where it exists, else the
    nearest folder above it that exists (creating the missing ones)."""
    path = Path(path) if path is not None else system_settings_path()
    if path.exists():
        return path.is_file() and os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)
    folder = path.parent
    while not folder.exists():
        folder = folder.parent
    return folder.is_dir() and os.access(folder, os.W_OK | os.X_OK)


def save_system_settings(values: dict[str, Any], locked: set[str], pinned_themes: set[str] = frozenset(),
                         path: Path | None = None) -> SystemSettings:
    """Write the settings (only those given are set; the rest keep the built-in defaults), which of them are
    locked, and the pinned themes; return them as the app will read them. A value the app would not accept
    raises ValueError naming it, and nothing is written."""
    path = Path(path) if path is not None else system_settings_path()
    unknown = sorted((set(values) | set(locked)) - set(ADMIN_SETTINGS))
    if unknown:
        raise ValueError(f"not an administrator setting: {', '.join(unknown)}")
    invalid: list[str] = []
    checked = valid_choices(dict(values), on_invalid=lambda name, value: invalid.append(f"{name}={value!r}"))
    if invalid:
        raise ValueError(f"not a valid value: {', '.join(invalid)}")
    document = {"version": SYSTEM_SETTINGS_VERSION,
                "settings": {name: list(value) if isinstance(value, tuple) else value
                             for name, value in checked.items()},
                "locked": sorted(locked)}
    if pinned_themes:
        document["pinned_themes"] = sorted(pinned_themes)
    path.parent.mkdir(parents=True, exist_ok=True)
    atomic_write_text(path, json.dumps(document, ensure_ascii=False, indent=2))
    return load_system_settings(path)
