"""A profile's SQLite database: the gallery index and the star ledger, in one file so one transaction
can save a creation and its stars together.

WAL mode and a busy timeout let two app instances on the same profile read and write side by side;
writes take the write lock up front (BEGIN IMMEDIATE). Reads have connections of their own, so a read (the
UI's) never waits behind a write (a background save): it sees what was last committed.

A file that is not a database, or fails SQLite's quick check, is renamed aside (never deleted) and a fresh
one started; `set_aside` then says where the old one went, for the UI to mention, and whatever of the old
star ledger can still be read is copied into the fresh one. `created` tells the gallery that the schema was
just made (a new, empty or deleted file, or one set aside), so the creations on disk must be indexed again.
"""

import contextlib
import logging
import sqlite3
import threading
import time
from collections.abc import Iterator
from pathlib import Path

from icanvas_desktop.files.set_aside import set_aside

log = logging.getLogger(__name__)

SCHEMA_VERSION = 1
BUSY_TIMEOUT_S = 10.0
_WAL_RETRY_S = 0.01
_SQLITE_CORRUPT = 11
_SQLITE_NOTADB = 26

_SCHEMA = """
CREATE TABLE IF NOT EXISTS creations (
    id TEXT PRIMARY KEY,            -- also the name of the creation's folder
    theme_id TEXT NOT NULL,
    created_at TEXT NOT NULL,       -- ISO 8601, UTC
    fingerprint TEXT NOT NULL,      -- of the rendered sketch
    prompt_id TEXT                  -- the challenge it was drawn for, if any
);
CREATE INDEX IF NOT EXISTS creations_newest ON creations (created_at DESC);
CREATE INDEX IF NOT EXISTS creations_fingerprint ON creations (fingerprint, theme_id);
CREATE TABLE IF NOT EXISTS awards (
    id INTEGER PRIMARY KEY,
    reason TEXT NOT NULL,
    key TEXT NOT NULL,
    amount INTEGER NOT NULL CHECK (amount > 0),
    creation_id TEXT,               -- kept when the creation is deleted: stars stay earned
    awarded_at TEXT NOT NULL,       -- ISO 8601, UTC
    UNIQUE (reason, key)
);
CREATE INDEX IF NOT EXISTS awards_creation ON awards (creation_id);
"""


class DatabaseTooNewError(RuntimeError):
    """The file was written by a newer iCanvas; it is left alone."""


def _readable_rows(path: Path, query: str) -> list[tuple]:
    """The rows of `query` that a damaged database still gives, up to the first unreadable page."""
    rows: list[tuple] = []
    uri = path.resolve().as_uri()
    # Read-only first so its write-ahead log counts; immutable when the log cannot be opened that way.
    for options in ("mode=ro", "immutable=1"):
        try:
            conn = sqlite3.connect(f"{uri}?{options}", uri=True, timeout=1.0)
        except sqlite3.Error:
            continue
        try:
            cursor = conn.execute(query)
            while (row := cursor.fetchone()) is not None:
                rows.append(row)
            return rows
        except sqlite3.Error:
            if rows:
                return rows
        finally:
            conn.close()
    return rows


def is_corruption(error: sqlite3.DatabaseError) -> bool:
    """True for "not a database" and "malformed"; False for a lock, a full disk and the like."""
    code = getattr(error, "sqlite_errorcode", None)
    return code is not None and code & 0xFF in (_SQLITE_CORRUPT, _SQLITE_NOTADB)


def _switch_to_wal(conn: sqlite3.Connection) -> None:
    """Turn on WAL, waiting as long as the busy timeout for another connection's write lock.

    SQLite answers "database is locked" at once, without its busy handler, when another connection
    holds the write lock of a file still in rollback mode: two app instances opening a brand-new
    gallery.db together, one of them in the middle of its own switch.
    """
    deadline = time.monotonic() + BUSY_TIMEOUT_S
    while True:
        try:
            conn.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as e:
            busy = getattr(e, "sqlite_errorcode", 0) & 0xFF == sqlite3.SQLITE_BUSY
            if not busy or time.monotonic() >= deadline:
                raise
        time.sleep(_WAL_RETRY_S)


def _connect(path: Path) -> sqlite3.Connection:
    """A connection in autocommit mode, usable from any thread, that waits for a lock rather than fail."""
    conn = sqlite3.connect(path, timeout=BUSY_TIMEOUT_S, isolation_level=None, check_same_thread=False)
    try:
        conn.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_S * 1000)}")
        _switch_to_wal(conn)
    except BaseException:
        conn.close()
        raise
    return conn


class ProfileDatabase:
    """A profile's database file: one connection that writes, one thread at a time (any thread), and
    connections that read, one for each thread reading at the same moment.

    `write()` is a transaction; nested `write()` blocks join the outer one, so a caller can wrap
    several writers (the gallery row, the star awards) into one commit.
    """

    def __init__(self, path: Path):
        self.path = Path(path)
        self.set_aside: Path | None = None
        self._lock = threading.RLock()
        self._writing_thread: int | None = None
        # Read connections not in use; opened when more threads read at once than there are idle ones.
        self._idle_readers: list[sqlite3.Connection] = []
        self._readers_lock = threading.Lock()
        self._closed = False
        self.path.parent.mkdir(parents=True, exist_ok=True)
        damage = self._find_damage() if self.path.exists() else None
        if damage is not None:
            self.set_aside = set_aside(self.path, "corrupt", companions=("-wal", "-shm"))
            log.warning("%s is damaged (%s); kept it as %s and started a fresh one",
                        self.path, damage, self.set_aside)
        self.created = False
        self._conn = self._open()
        if self.set_aside is not None:
            self._salvage_awards(self.set_aside)

    def _salvage_awards(self, old: Path) -> None:
        """Copy every award row that can still be read from the damaged file: stars are the child's too."""
        rows = _readable_rows(old,
                              "SELECT reason, key, amount, creation_id, awarded_at FROM awards ORDER BY id")
        with self.write() as conn:
            for row in rows:
                with contextlib.suppress(sqlite3.DatabaseError):  # a garbled row breaks a constraint
                    conn.execute(
                        "INSERT OR IGNORE INTO awards (reason, key, amount, creation_id, awarded_at)"
                        " VALUES (?, ?, ?, ?, ?)",
                        row,
                    )
        if rows:
            log.warning("copied %d award(s) from the damaged %s", len(rows), old)

    def _find_damage(self) -> str | None:
        """What is wrong with the file, or None. Read-only, so that closing cannot drop a damaged file's
        write-ahead log (a read-write connection deletes it), which may hold the newest work."""
        conn = sqlite3.connect(f"{self.path.resolve().as_uri()}?mode=ro", uri=True, timeout=BUSY_TIMEOUT_S)
        try:
            problems = [row[0] for row in conn.execute("PRAGMA quick_check")]
        except sqlite3.DatabaseError as e:
            if not is_corruption(e):
                raise
            return str(e)
        finally:
            conn.close()
        return None if problems == ["ok"] else "; ".join(problems[:5])

    def _open(self) -> sqlite3.Connection:
        conn = _connect(self.path)
        try:
            conn.execute("PRAGMA synchronous = FULL")  # a saved creation survives a power cut too
            self._migrate(conn)
        except BaseException:
            conn.close()
            raise
        return conn

    def _migrate(self, conn: sqlite3.Connection) -> None:
        if conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION:
            return  # the usual case: no need to wait for the write lock
        conn.execute("BEGIN IMMEDIATE")
        try:
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            if version > SCHEMA_VERSION:
                raise DatabaseTooNewError(
                    f"{self.path} has schema version {version}; this iCanvas reads up to {SCHEMA_VERSION}"
                )
            if version < SCHEMA_VERSION:
                self.created = version == 0
                for statement in _SCHEMA.split(";"):
                    if statement.strip():
                        conn.execute(statement)
                conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise

    @contextlib.contextmanager
    def write(self) -> Iterator[sqlite3.Connection]:
        """A write transaction, committed when the block ends, rolled back if it raises."""
        with self._lock:
            if self._conn.in_transaction:
                yield self._conn
                return
            self._conn.execute("BEGIN IMMEDIATE")
            self._writing_thread = threading.get_ident()
            try:
                yield self._conn
            except BaseException:
                self._conn.execute("ROLLBACK")
                raise
            finally:
                self._writing_thread = None
            self._conn.execute("COMMIT")

    @contextlib.contextmanager
    def read(self) -> Iterator[sqlite3.Connection]:
        """A connection for queries that does not wait for another thread's write: each statement sees what
        was last committed. Inside this thread's own `write()` it is the writing connection, which sees the
        transaction's own changes.

        Take the rows inside the block: a cursor read halfway keeps its old snapshot."""
        if self._writing_thread == threading.get_ident():
            with self._lock:
                yield self._conn
            return
        conn = self._take_reader()
        try:
            yield conn
        finally:
            with self._readers_lock:
                kept = not self._closed
                if kept:
                    self._idle_readers.append(conn)
            if not kept:
                conn.close()

    def _take_reader(self) -> sqlite3.Connection:
        with self._readers_lock:
            if self._closed:
                raise sqlite3.ProgrammingError(f"{self.path} is closed")
            if self._idle_readers:
                return self._idle_readers.pop()
        conn = _connect(self.path)
        try:
            conn.execute("PRAGMA query_only = ON")  # writes go through write(), under its lock
        except BaseException:
            conn.close()
            raise
        return conn

    def integrity_check(self) -> list[str]:
        """SQLite's full integrity check: ["ok"] for a healthy file."""
        with self.read() as conn:
            return [row[0] for row in conn.execute("PRAGMA integrity_check")]

    def close(self) -> None:
        """Close every connection, the writing one last: the last to close folds the write-ahead log into
        the file."""
        with self._readers_lock:
            self._closed = True
            idle, self._idle_readers = self._idle_readers, []
        for conn in idle:
            conn.close()
        with self._lock:
            self._conn.close()

