"""Two app instances opening the same brand-new gallery.db: the second must wait, not fail."""

import sqlite3
import threading
import time

import pytest

from icanvas_desktop.files import database
from icanvas_desktop.files.database import SCHEMA_VERSION, ProfileDatabase


def another_instance_switching(path) -> sqlite3.Connection:
    """A connection to a new, still rollback-mode file holding its write lock, as an instance does while
    it turns on WAL: the moment SQLite refuses the switch without calling the busy handler."""
    other = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    other.execute("BEGIN IMMEDIATE")
    return other


def test_opening_a_new_database_waits_for_another_instance_to_finish_its_switch(tmp_path):
    path = tmp_path / "gallery.db"
    other = another_instance_switching(path)
    released = []

    def release():
        other.execute("ROLLBACK")
        released.append(time.monotonic())

    timer = threading.Timer(0.3, release)
    timer.start()
    try:
        db = ProfileDatabase(path)
        opened = time.monotonic()
    finally:
        timer.join()
        other.close()
    assert released and opened >= released[0]  # the opens really overlapped
    with db.read() as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert db.created and db.set_aside is None and db.integrity_check() == ["ok"]
    db.close()


def test_a_lock_never_released_fails_after_the_busy_timeout_and_sets_nothing_aside(tmp_path, monkeypatch):
    monkeypatch.setattr(database, "BUSY_TIMEOUT_S", 0.2)
    path = tmp_path / "gallery.db"
    other = another_instance_switching(path)
    start = time.monotonic()
    try:
        with pytest.raises(sqlite3.OperationalError, match="locked"):
            ProfileDatabase(path)
    finally:
        other.close()
    assert time.monotonic() - start >= 0.2
    assert sorted(p.name for p in tmp_path.iterdir()) == ["gallery.db"]  # nothing was taken for damage


def test_a_schema_another_instance_is_making_is_waited_for_and_not_made_twice(tmp_path):
    path = tmp_path / "gallery.db"
    other = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    other.execute("PRAGMA journal_mode = WAL")
    other.execute("BEGIN IMMEDIATE")  # the other instance is making the schema: not committed yet
    for statement in database._SCHEMA.split(";"):
        if statement.strip():
            other.execute(statement)
    other.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
    other.execute("INSERT INTO awards (reason, key, amount, awarded_at) VALUES ('creation', 'k', 2, 't')")
    timer = threading.Timer(0.3, lambda: other.execute("COMMIT"))
    timer.start()
    try:
        db = ProfileDatabase(path)  # sees version 0, waits for the write lock, then finds the schema made
    finally:
        timer.join()
        other.close()
    assert not db.created  # made by the other instance: the gallery need not index every folder again
    with db.read() as conn:
        assert conn.execute("SELECT key FROM awards").fetchall() == [("k",)]
    db.close()
