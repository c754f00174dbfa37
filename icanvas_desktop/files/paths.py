"""Where iCanvas keeps each user's data, and what an administrator set up for every user of the computer.

Both are overridable by environment variables, for tests and portable installs.
"""

import os
from pathlib import Path

import platformdirs

DATA_DIR_ENV = "ICANVAS_DATA_DIR"
SYSTEM_DIR_ENV = "ICANVAS_SYSTEM_DIR"


def user_data_dir() -> Path:
    """The data root: `$ICANVAS_DATA_DIR` when set, else the platform's per-user data folder.

    Nothing is created here; whoever writes under the root creates what it needs.
    """
    override = os.environ.get(DATA_DIR_ENV)
    if override:
        return Path(override).expanduser()
    return Path(platformdirs.user_data_dir("iCanvas", "iCanvas"))


def system_config_dir() -> Path:
    """Where the administrator's settings file lives: `$ICANVAS_SYSTEM_DIR`, else the platform's folder
    for every user's configuration (docs/school_labs.md lists them; themes.discovery has the themes one)."""
    override = os.environ.get(SYSTEM_DIR_ENV)
    if override:
        return Path(override).expanduser()
    # No author folder, so that on Windows the file sits beside the system themes folder in
    # ProgramData\iCanvas.
    return Path(platformdirs.site_config_dir("iCanvas", appauthor=False, multipath=False))

