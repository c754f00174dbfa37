"""A copy of the star ledger that a lost index cannot take: one line per award, appended and never changed,
in a file of its own beside the database (`stars.log`).

    <json of the award>\t<crc32 of that json, 8 hex digits>\n

Each line is written with one appending write and made durable (fsync) before the save that earned it
returns. A line cut short by a crash, or garbled since, fails its checksum and is skipped alone; the next
line starts on a line of its own. The ledger in the database is rebuilt from this file when the database
was emptied, cut short or replaced, and this file catches up with the database (awards written before it
existed, or by a save killed between its commit and its line) whenever a child's gallery opens.
"""

import json
import logging
import os
import stat
import zlib
from collections.abc import Iterable
from pathlib import Path

from icanvas_desktop.files.regular import NotARegularFile, read_regular_bytes
from icanvas_desktop.files.set_aside import set_aside

log = logging.getLogger(__name__)

JOURNAL_NAME = "stars.log"
# reason, key, amount, creation_id, awarded_at: the award row as the database holds it.
Row = tuple[str, str, int, str | None, str]
# Read-write for a look at the last byte; without blocking, so that a FIFO in the file's place is refused.
_FLAGS = (os.O_RDWR | os.O_APPEND | os.O_CREAT | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
          | getattr(os, "O_CLOEXEC", 0))


def _line(row: Row) -> bytes:
    reason, key, amount, creation_id, stamp = row
    data = json.dumps({"r": reason, "k": key, "a": amount, "c": creation_id, "t": stamp},
                      ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    return data + b"\t" + f"{zlib.crc32(data):08x}".encode("ascii") + b"\n"


def _row(line: bytes) -> Row | None:
    data, tab, crc = line.rpartition(b"\t")
    if not tab or crc != f"{zlib.crc32(data):08x}".encode("ascii"):
        return None
    try:
        d = json.loads(data)
        row = (d["r"], d["k"], d["a"], d["c"], d["t"])
    except (ValueError, TypeError, KeyError):
        return None
    texts_ok = all(isinstance(v, str) for v in (row[0], row[1], row[4]))
    if not (texts_ok and type(row[2]) is int and row[2] > 0 and (row[3] is None or isinstance(row[3], str))):
        return None
    return row


class StarJournal:
    def __init__(self, path: Path):
        self.path = Path(path)
        self.problem: str | None = None  # set by `read` when lines were skipped or the file was unreadable

    def read(self) -> list[Row]:
        """Every award the file holds, in the order written; damaged lines are skipped (and counted in
        `problem`)."""
        self.problem = None
        try:
            raw = read_regular_bytes(self.path)
        except FileNotFoundError:
            return []
        except NotARegularFile as e:  # set aside, so that a fresh journal is started from the database
            try:
                self.problem = f"{e}; it is kept as {set_aside(self.path, 'not-a-file')}"
            except OSError as moved:
                self.problem = f"{e} and could not be moved aside ({moved})"
            log.warning("%s", self.problem)
            return []
        except OSError as e:
            self.problem = f"{self.path} cannot be read ({e})"
            log.warning("%s", self.problem)
            return []
        rows, bad = [], 0
        for line in raw.split(b"\n"):
            if not line:
                continue
            row = _row(line)
            if row is None:
                bad += 1
            else:
                rows.append(row)
        if bad:
            self.problem = f"{bad} damaged line(s) in {self.path} were skipped"
            log.warning("%s", self.problem)
        return rows

    def append(self, rows: Iterable[Row]) -> None:
        """Add `rows` at the end, durably, in one write."""
        data = b"".join(_line(row) for row in rows)
        if not data:
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.path, _FLAGS, 0o666)
        try:
            info = os.fstat(fd)
            if not stat.S_ISREG(info.st_mode):
                raise NotARegularFile(f"{self.path} is not a plain file")
            if info.st_size and _last_byte(fd, info.st_size) != b"\n":
                data = b"\n" + data  # the last line was cut short: never glue a new one to it
            view = memoryview(data)
            while view:
                view = view[os.write(fd, view):]
            os.fsync(fd)
        finally:
            os.close(fd)


def _last_byte(fd: int, size: int) -> bytes:
    os.lseek(fd, size - 1, os.SEEK_SET)  # O_APPEND still writes at the end, wherever this points
    return os.read(fd, 1)
