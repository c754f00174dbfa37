"""Where iCanvas keeps each user's data: one folder, overridable for tests and portable installs."""

import os
from pathlib import Path

import platformdirs

DATA_DIR_ENV = "ICANVAS_DATA_DIR"


def user_data_dir() -> Path:
    """The data root: `$ICANVAS_DATA_DIR` when set, else the platform's per-user data folder.

    Nothing is created here; whoever writes under the root creates what it needs.
    """
    override = os.environ.get(DATA_DIR_ENV)
    if override:
        return Path(override).expanduser()
    return Path(platformdirs.user_data_dir("iCanvas", "iCanvas"))
