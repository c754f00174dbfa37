"""Why a file could not be written, said to the grown-up who can fix it: which file, and what to do.

A read-only or full output folder is an everyday mishap for a command-line user (a USB stick locked, a
school share full); a traceback names neither the file nor the fix.
"""

import errno
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

_NOT_A_FOLDER = ("a file stands where a folder should be", "move that file away, or choose another folder")
_WHY = {
    errno.ENOSPC: ("the disk is full", "free some space there, or choose a folder on another disk"),
    errno.EDQUOT: ("your share of the disk is used up", "free some space, or choose another folder"),
    errno.EROFS: ("the disk is read-only", "choose a folder on a disk that can be written to"),
    errno.EACCES: ("you may not write in that folder",
                   "choose a folder you may write to, or ask for permission to write there"),
    errno.EPERM: ("you may not write in that folder",
                  "choose a folder you may write to, or ask for permission to write there"),
    errno.ENOTDIR: _NOT_A_FOLDER,
    errno.EISDIR: ("a folder stands where the file should be",
                   "move that folder away, or choose another one"),
    errno.EEXIST: _NOT_A_FOLDER,
}


class CannotWrite(Exception):
    """An output file could not be written; the message says which and what to do."""


def cannot_write_message(path: Path, error: OSError) -> str:
    why, fix = _WHY.get(error.errno, (error.strerror or str(error), "check the folder, or choose another"))
    return f"could not write {path}: {why}; {fix}"


@contextmanager
def writing(path: Path) -> Iterator[None]:
    """Turn an OSError raised while writing `path` (its folder made, its temporary file, the rename) into
    CannotWrite naming `path` rather than the temporary file."""
    try:
        yield
    except OSError as e:
        raise CannotWrite(cannot_write_message(path, e)) from e
