"""Checksums of theme files: bounded before anything is read, and remembered so that an unchanged file is not
read again at every start.

A checksum is remembered under the file's path, size, modification and change times (nanoseconds), inode
and device, as `fstat` gave them on the open file before and after it was read. Any write to the file, a
copy over it, a rename onto it or a `touch` changes at least one of them (the change time cannot be set
back by a user), so a changed file is hashed again. What is remembered is the digest itself, not "fine",
so a manifest that now expects another checksum is still compared with the file's real one.

The memory lasts the process; `discovery` also keeps it between starts in `<data root>/cache/`, written
atomically. That file is the user's own: a forged entry can only vouch for a file whose stat it matches
exactly, which for the bundled and system-wide themes (written by an administrator) means the file the
administrator installed, and the user's own themes the user could rewrite anyway. Damage below the file
system (a bad sector that changes no stat field) is caught only when the remembered digest is gone.
"""

import hashlib
import json
import logging
import os
import time
from pathlib import Path

from icanvas_desktop.files.atomic import atomic_write_text
from icanvas_desktop.files.regular import open_regular, read_regular_bytes

log = logging.getLogger(__name__)

CACHE_VERSION = 1
MAX_CACHE_BYTES = 1024 * 1024
MAX_CACHE_ENTRIES = 2000
# A file written within this long of being read could be written again in the same clock tick of a coarse
# file system (FAT: 2 s) without any stat field changing, so its digest is not remembered (git's "racy" rule).
SETTLED_NS = 3_000_000_000

_Key = tuple[str, int, int, int, int, int]
_known: dict[_Key, str] = {}
_learned = False  # a digest was added since the process started: worth keeping


class FileTooLarge(Exception):
    """The file is larger than its bound; it was not read."""

    def __init__(self, size: int):
        super().__init__(size)
        self.size = size


def _key(path: Path, st: os.stat_result) -> _Key:
    return (str(Path(path).absolute()), st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino, st.st_dev)


def file_sha256(path: Path, max_bytes: int | None = None) -> str:
    """The file's SHA-256, from memory when the file is unchanged since it was last read.

    Raises FileTooLarge (before reading) when it holds more than `max_bytes`, NotARegularFile for anything
    but a regular file, OSError when it cannot be read.
    """
    path = Path(path)
    with open_regular(path) as f:
        before = os.fstat(f.fileno())
        if max_bytes is not None and before.st_size > max_bytes:
            raise FileTooLarge(before.st_size)
        known = _known.get(_key(path, before))
        if known is not None:
            return known
        digest, read = hashlib.sha256(), 0
        for block in iter(lambda: f.read(1 << 20), b""):
            read += len(block)
            if max_bytes is not None and read > max_bytes:  # it grew while being read
                raise FileTooLarge(read)
            digest.update(block)
        after = os.fstat(f.fileno())
    result = digest.hexdigest()
    unchanged = _key(path, after) == _key(path, before) and read == before.st_size
    settled = time.time_ns() - max(before.st_mtime_ns, before.st_ctime_ns) > SETTLED_NS
    if unchanged and settled:
        global _learned
        _known[_key(path, before)], _learned = result, True
    return result


def remember_from(cache_file: Path) -> None:
    """Add the checksums kept in `cache_file` to memory. A missing, damaged or foreign file is ignored: the
    worst it costs is reading the themes again."""
    try:
        raw = read_regular_bytes(cache_file, MAX_CACHE_BYTES)
        if len(raw) > MAX_CACHE_BYTES:
            return
        data = json.loads(raw.decode("utf-8"))
        if not isinstance(data, dict) or data.get("version") != CACHE_VERSION:
            return
        for entry in data.get("files", [])[:MAX_CACHE_ENTRIES]:
            path, size, mtime, ctime, ino, dev, digest = entry
            numbers = (size, mtime, ctime, ino, dev)
            if (isinstance(path, str) and all(type(n) is int for n in numbers) and isinstance(digest, str)
                    and len(digest) == 64):
                _known.setdefault((path, *numbers), digest)
    except (OSError, ValueError, TypeError, RecursionError, AttributeError):
        log.debug("theme checksums in %s not used", cache_file, exc_info=True)


def keep_in(cache_file: Path) -> None:
    """Write what memory holds of the files that still exist, unchanged, into `cache_file`, atomically, when
    this process read a file it did not know. A folder that cannot be written (a read-only data root) only
    means reading the files again next time."""
    global _learned
    if not _learned:
        return
    entries = []
    for key, digest in _known.items():
        try:
            if _key(Path(key[0]), os.stat(key[0])) == key:
                entries.append([*key, digest])
        except OSError:
            continue
    try:
        entries = entries[-MAX_CACHE_ENTRIES:]
        atomic_write_text(cache_file, json.dumps({"version": CACHE_VERSION, "files": entries}))
        _learned = False
    except OSError as e:
        log.info("theme checksums not kept in %s: %s", cache_file, e)


def forget() -> None:
    """Drop what memory holds (tests; a process that must hash every file again)."""
    global _learned
    _known.clear()
    _learned = False
