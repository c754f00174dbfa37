"""Folders made read-only for the running process, whoever runs it.

chmod cannot make a folder read-only for root (CI runs the suite as root), so a test that relies on it
cannot fail there. Instead an audit hook refuses, as a read-only disk would (EROFS), every attempt this
process makes to create, change, rename or remove anything under the folders given, from any thread.
Only what Python itself does is seen (open, os.*, shutil, sqlite3): enough for the app, which writes
nothing through native code.
"""

import errno
import os
import sys
from pathlib import Path
from typing import Self

_WRITE_FLAGS = os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_TRUNC | os.O_APPEND
# event -> the positions of its arguments that name a path it changes
_CHANGING = {
    "os.rename": (0, 1), "os.remove": (0,), "os.rmdir": (0,), "os.mkdir": (0,), "os.chmod": (0,),
    "os.chown": (0,), "os.utime": (0,), "os.link": (0, 1), "os.symlink": (0, 1), "os.truncate": (0,),
    "shutil.rmtree": (0,), "shutil.copyfile": (1,), "shutil.copytree": (1,), "shutil.move": (0, 1),
    "sqlite3.connect": (0,),
}
_roots: list[str] = []
_installed = False


def _under_a_root(path) -> bool:
    if isinstance(path, int) or path is None:
        return False
    try:
        text = os.path.abspath(os.fsdecode(path))
    except (TypeError, ValueError):
        return False
    return any(text == root or text.startswith(root + os.sep) for root in _roots)


def _refuse(path) -> None:
    raise PermissionError(errno.EROFS, os.strerror(errno.EROFS), os.fsdecode(path))


def _hook(event: str, args: tuple) -> None:
    if not _roots:
        return
    if event == "open":
        path, mode, flags = args
        writes = any(c in mode for c in "wax+") if isinstance(mode, str) else bool(flags & _WRITE_FLAGS)
        if writes and _under_a_root(path):
            _refuse(path)
    elif event in _CHANGING:
        for i in _CHANGING[event]:
            if i < len(args) and _under_a_root(args[i]):
                _refuse(args[i])


class ReadOnly:
    """`with ReadOnly(folder):` nothing under `folder` can be changed by this process."""

    def __init__(self, *folders: Path):
        self._folders = [os.path.abspath(folder) for folder in folders]

    def __enter__(self) -> Self:
        global _installed
        if not _installed:  # an audit hook stays for the life of the process; it does nothing when idle
            sys.addaudithook(_hook)
            _installed = True
        _roots.extend(self._folders)
        return self

    def __exit__(self, *exc) -> None:
        for folder in self._folders:
            _roots.remove(folder)
