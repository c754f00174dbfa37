"""Reading a data file only when it is a plain file: a FIFO, a device or a folder put in its place (by a
mistake, a sync tool or mischief) must never make the app wait forever or read without end.

The file is opened without blocking (a FIFO's open would wait for a writer) and checked with fstat on the
very descriptor that is read, so nothing can be swapped in between the check and the read.
"""

import os
import stat
from pathlib import Path
from typing import BinaryIO

_FLAGS = (os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
          | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_NOCTTY", 0))


class NotARegularFile(OSError):
    """Something other than a plain file (a FIFO, a device, a folder, a socket) where a data file belongs."""


def open_regular(path: Path) -> BinaryIO:
    """`path` opened for reading, only if it is a plain file (NotARegularFile otherwise; FileNotFoundError or
    another OSError when it cannot be opened), for a reader that streams it."""
    path = Path(path)
    if os.name != "posix" and path.exists() and not path.is_file():  # no O_NONBLOCK there; no FIFOs either
        raise NotARegularFile(f"{path} is not a plain file")
    fd = os.open(path, _FLAGS)
    try:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            raise NotARegularFile(f"{path} is not a plain file ({_kind(mode)})")
    except BaseException:
        os.close(fd)
        raise
    return os.fdopen(fd, "rb")


def read_regular_bytes(path: Path, max_bytes: int | None = None) -> bytes:
    """The bytes of `path`, or NotARegularFile, FileNotFoundError or another OSError. With `max_bytes`, at
    most that many plus one are read, so a caller can tell a file that is too large."""
    with open_regular(path) as f:
        return f.read() if max_bytes is None else f.read(max_bytes + 1)


def read_regular_text(path: Path, max_bytes: int | None = None) -> str:
    """As read_regular_bytes, decoded from UTF-8 (a UnicodeDecodeError, a ValueError, when it is not)."""
    return read_regular_bytes(path, max_bytes).decode("utf-8")


def is_regular_or_absent(path: Path) -> bool:
    """False when something other than a plain file (or a link to one) is in `path`'s place."""
    try:
        return stat.S_ISREG(os.stat(path).st_mode)
    except FileNotFoundError:
        return True
    except OSError:  # a link loop, a name too long: not a file we can use
        return False


def _kind(mode: int) -> str:
    for test, name in ((stat.S_ISDIR, "a folder"), (stat.S_ISFIFO, "a FIFO"), (stat.S_ISCHR, "a device"),
                       (stat.S_ISBLK, "a device"), (stat.S_ISSOCK, "a socket")):
        if test(mode):
            return name
    return "not a plain file"
