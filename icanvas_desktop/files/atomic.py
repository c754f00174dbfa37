"""Crash-safe file writes: a reader sees the old file or the new one, never half of either."""

import contextlib
import logging
import os
import re
import shutil
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

log = logging.getLogger(__name__)

# What a writer killed midway leaves beside its target, named with its process id so that a later one can
# tell a dead process's leftovers from a live one's: `.NAME.PID-xxxxxxxx.tmp` (atomic_writer),
# `.NAME.import-PID-xxxxxxxx` (the theme importer), `.NAME.partial-PID` (the exporter), `.NAME.old-PID`
# (replace_folder, between its two renames).
_LEFTOVER = re.compile(r"\.(?P<name>.+?)\.(?:(?P<tmp>\d+)-\w{8}\.tmp|import-(?P<import>\d+)-\w{8}|"
                       r"partial-(?P<partial>\d+)|old-(?P<old>\d+))")
# The same from before the names carried the process id: removed once they are this old.
_UNTAGGED = re.compile(r"\..+\.(?:\w{8}\.tmp|import-\w{8})")
UNTAGGED_AGE_S = 3600


@contextlib.contextmanager
def atomic_writer(path: Path) -> Iterator[BinaryIO]:
    """Yield a binary file that replaces `path` only when the block ends without an exception."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.{os.getpid()}-", suffix=".tmp", dir=path.parent)
    try:
        # mkstemp makes the file private (0600); give it the mode an ordinary new file gets, so a theme
        # installed system-wide stays readable by every child's account.
        os.chmod(tmp, 0o666 & ~_umask())
        with os.fdopen(fd, "wb") as f:
            yield f
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise
    _fsync_dir(path.parent)


def atomic_write_bytes(path: Path, data: bytes) -> None:
    with atomic_writer(path) as f:
        f.write(data)


def atomic_write_text(path: Path, text: str) -> None:
    atomic_write_bytes(path, text.encode("utf-8"))


def replace_folder(staging: Path, target: Path) -> None:
    """Swap a finished folder into place; a crash leaves either the old folder or the new one.

    Both must be on the same filesystem. Between the two renames the old folder waits under a hidden name
    beside the target, so it is never lost, only out of sight until someone looks.
    """
    old = target.with_name(f".{target.name}.old-{os.getpid()}")
    if target.exists():
        target.rename(old)
    staging.rename(target)
    shutil.rmtree(old, ignore_errors=True)


def remove_leftovers(folder: Path) -> list[Path]:
    """Remove from `folder` what the writers above (and the theme importer and exporter) left when their
    process died midway, and nothing of a live process's. An old folder that
    `replace_folder` had moved aside but not yet replaced is put back instead: it is the installed one.
    Returns the leftovers removed or put back."""
    folder = Path(folder)
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return []
    removed = []
    for entry in entries:
        tagged, untagged = _LEFTOVER.fullmatch(entry.name), _UNTAGGED.fullmatch(entry.name)
        try:
            if tagged:
                pid = int(next(g for g in tagged.group("tmp", "import", "partial", "old") if g))
                if _may_be_running(pid, entry):
                    continue
            elif not untagged or time.time() - entry.stat(follow_symlinks=False).st_mtime < UNTAGGED_AGE_S:
                continue
            path = Path(entry.path)
            if tagged and tagged["old"] and not (folder / tagged["name"]).exists():
                path.rename(folder / tagged["name"])
            elif entry.is_dir(follow_symlinks=False):
                shutil.rmtree(path)
            else:
                path.unlink()
            removed.append(path)
        except OSError as e:  # a read-only folder, or another process cleaning up at the same moment
            log.warning("could not remove %s, left by a stopped process: %s", entry.path, e)
    if removed:
        log.info("removed what stopped processes left in %s: %s", folder, ", ".join(p.name for p in removed))
    return removed


def _may_be_running(pid: int, entry: os.DirEntry) -> bool:
    if pid == os.getpid():
        return True
    if os.name != "posix":  # os.kill would end the process there; an hour is longer than any write takes
        return time.time() - entry.stat(follow_symlinks=False).st_mtime < UNTAGGED_AGE_S
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # it exists, under another user
        return True
    return True


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _fsync_dir(folder: Path) -> None:
    # Makes the rename itself durable; directories cannot be opened this way on Windows.
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
