"""One profile open in one window at a time: two windows on one child would each keep their own draft, and
the last to write it would wipe the other's strokes.

The lock is an operating-system lock on a small file in the profile folder (`.in-use.lock`): flock on
POSIX, msvcrt.locking on Windows. The system drops it when the process ends, however it ends, so a crash
or a kill never leaves a child locked out; the file itself stays and means nothing on its own.
"""

import os
from pathlib import Path

LOCK_NAME = ".in-use.lock"


class ProfileInUse(RuntimeError):
    """The profile is open in another window (of this or another iCanvas); `str()` is for the adult."""

    def __init__(self, folder: Path):
        super().__init__(f"the profile in {folder} is already open in another iCanvas window; "
                         "close that window first, or carry on drawing there")
        self.folder = folder


class ProfileLock:
    def __init__(self, folder: Path):
        self.folder = Path(folder)
        self._fd: int | None = None

    def acquire(self) -> None:
        """Take the lock, or ProfileInUse at once (never waits)."""
        fd = os.open(self.folder / LOCK_NAME, os.O_RDWR | os.O_CREAT | getattr(os, "O_NONBLOCK", 0), 0o666)
        try:
            _lock(fd)
        except OSError:
            os.close(fd)
            raise ProfileInUse(self.folder) from None
        self._fd = fd

    def release(self) -> None:
        if self._fd is not None:
            fd, self._fd = self._fd, None
            os.close(fd)  # closing drops the lock


if os.name == "nt":
    import msvcrt

    def _lock(fd: int) -> None:
        msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
else:
    import fcntl

    def _lock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
