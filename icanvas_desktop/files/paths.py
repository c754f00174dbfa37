"""Where iCanvas keeps each user's data, and what an administrator set up for every user of the computer.

`$ICANVAS_DATA_DIR` moves the user's data root (tests, portable installs). `$ICANVAS_SYSTEM_DIR` moves the
administrator's folder, but only where moving it takes nothing from the administrator: when the app runs
from source (whoever runs it controls the Python code anyway) or from a bundle built as a development build.
The installed app ignores it, and `$XDG_CONFIG_DIRS`, `%PROGRAMDATA%` and platformdirs' overrides too: a user
who could point them at an empty folder (in a `.desktop` file's Exec line, say) would lift every lock.
"""

import os
import sys
from pathlib import Path

import platformdirs

from icanvas_desktop.files.resources import app_root

DATA_DIR_ENV = "ICANVAS_DATA_DIR"
SYSTEM_DIR_ENV = "ICANVAS_SYSTEM_DIR"
# Put into the bundle by `ICANVAS_DEVELOPMENT_BUILD=1 pyinstaller build.spec`, never into a release: a user
# who can add a file to the installed app's folder could change its code as well.
DEVELOPMENT_BUILD_MARKER = "DEVELOPMENT_BUILD"
APP_DIR_NAME = "iCanvas"


def user_data_dir() -> Path:
    """The data root: `$ICANVAS_DATA_DIR` when set, else the platform's per-user data folder.

    Nothing is created here; whoever writes under the root creates what it needs.
    """
    override = os.environ.get(DATA_DIR_ENV)
    if override:
        return Path(override).expanduser()
    return Path(platformdirs.user_data_dir(APP_DIR_NAME, APP_DIR_NAME))


def installed() -> bool:
    """A frozen release build: the administrator's folders are fixed, whatever the environment says."""
    return bool(getattr(sys, "frozen", False)) and not (app_root() / DEVELOPMENT_BUILD_MARKER).is_file()


def system_dir_override() -> Path | None:
    """`$ICANVAS_SYSTEM_DIR`, where it counts (not in the installed app), else None."""
    override = os.environ.get(SYSTEM_DIR_ENV)
    if not override or installed():
        return None
    return Path(override).expanduser()


def system_config_dir() -> Path:
    """Where the administrator's settings file lives (docs/school_labs.md lists the folders; themes.discovery
    has the themes one)."""
    override = system_dir_override()
    if override is not None:
        return override
    if sys.platform == "win32":
        # No author folder, so that the file sits beside the system themes folder in ProgramData\iCanvas.
        return windows_program_data() / APP_DIR_NAME
    if not installed():  # from source: where platformdirs says, following $XDG_CONFIG_DIRS
        return Path(platformdirs.site_config_dir(APP_DIR_NAME, appauthor=False, multipath=False))
    if sys.platform == "darwin":
        return Path("/Library/Application Support") / APP_DIR_NAME
    return Path("/etc/xdg") / APP_DIR_NAME


def windows_program_data() -> Path:
    """`C:\\ProgramData` or wherever Windows keeps it: asked of Windows itself in the installed app, since
    `%PROGRAMDATA%` (and platformdirs' `WIN_PD_OVERRIDE_COMMON_APPDATA`) are the user's to set."""
    if installed():
        from platformdirs.windows import get_win_folder_via_ctypes

        return Path(get_win_folder_via_ctypes("CSIDL_COMMON_APPDATA"))
    return Path(os.environ.get("PROGRAMDATA", r"C:\ProgramData"))
