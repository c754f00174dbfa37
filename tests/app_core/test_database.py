import sqlite3
import threading

import pytest

from icanvas_desktop.files import database
from icanvas_desktop.files.database import SCHEMA_VERSION, DatabaseTooNewError, ProfileDatabase


def add_row(db: ProfileDatabase, creation_id: str) -> None:
    with db.write() as conn:
        conn.execute(
            "INSERT INTO creations (id, theme_id, created_at, fingerprint) "
            "VALUES (?, 't', '2026-05-09', 'f')",
            (creation_id,),
        )


def ids(db: ProfileDatabase) -> set[str]:
    with db.read() as conn:
        return {row[0] for row in conn.execute("SELECT id FROM creations")}


def test_a_new_database_is_in_wal_mode_with_the_schema(tmp_path):
    db = ProfileDatabase(tmp_path / "sub" / "gallery.db")
    with db.read() as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert conn.execute("PRAGMA busy_timeout").fetchone()[0] >= 1000
    assert db.set_aside is None and db.integrity_check() == ["ok"]
    db.close()


def test_a_failed_write_rolls_back_everything_including_nested_writes(tmp_path):
    db = ProfileDatabase(tmp_path / "gallery.db")
    with pytest.raises(RuntimeError), db.write():
        add_row(db, "a")  # joins the outer transaction
        raise RuntimeError("crash")
    assert ids(db) == set()
    with db.write():
        add_row(db, "a")
        add_row(db, "b")
    assert ids(db) == {"a", "b"}


def test_garbage_is_kept_aside_with_its_companions_and_a_fresh_database_started(tmp_path):
    path = tmp_path / "gallery.db"
    garbage = b"this is not a database, it is a drawing of a cat " * 200
    path.write_bytes(garbage)
    (tmp_path / "gallery.db-wal").write_bytes(b"old wal")
    db = ProfileDatabase(path)
    assert db.set_aside is not None and db.set_aside.name.startswith("gallery.db.corrupt-")
    assert db.set_aside.read_bytes() == garbage
    assert (tmp_path / (db.set_aside.name + "-wal")).read_bytes() == b"old wal"
    add_row(db, "a")
    assert ids(db) == {"a"} and db.integrity_check() == ["ok"]
    db.close()
    again = ProfileDatabase(path)
    assert again.set_aside is None and ids(again) == {"a"}
    again.close()


def test_damaged_pages_are_found_by_the_quick_check(tmp_path):
    path = tmp_path / "gallery.db"
    db = ProfileDatabase(path)
    with db.write():
        for i in range(300):
            add_row(db, f"creation-{i:04d}")
    db.close()
    with open(path, "r+b") as f:  # scribble over a few pages in the middle, leaving the header alone
        f.seek(4096 * 3)
        f.write(bytes(range(256)) * 32)
    db = ProfileDatabase(path)
    assert db.set_aside is not None and db.set_aside.stat().st_size >= 300 * 64
    assert ids(db) == set()
    db.close()


def test_a_busy_database_is_an_error_not_corruption(tmp_path, monkeypatch):
    path = tmp_path / "gallery.db"
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("PRAGMA journal_mode = WAL")
    other.execute("BEGIN IMMEDIATE")  # another instance holds the write lock the new schema needs
    monkeypatch.setattr(database, "BUSY_TIMEOUT_S", 0.1)
    try:
        with pytest.raises(sqlite3.OperationalError, match="locked"):
            ProfileDatabase(path)
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert not list(tmp_path.glob("*corrupt*"))
    ProfileDatabase(path).close()


def test_a_database_from_a_newer_version_is_left_alone(tmp_path):
    path = tmp_path / "gallery.db"
    ProfileDatabase(path).close()
    with sqlite3.connect(path) as conn:
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()
    with pytest.raises(DatabaseTooNewError):
        ProfileDatabase(path)
    assert path.exists() and not list(tmp_path.glob("*corrupt*"))


def test_two_connections_write_side_by_side(tmp_path):
    first, second = ProfileDatabase(tmp_path / "gallery.db"), ProfileDatabase(tmp_path / "gallery.db")
    for i in range(20):
        add_row(first if i % 2 else second, f"c{i}")
    assert ids(first) == ids(second) == {f"c{i}" for i in range(20)}
    assert first.integrity_check() == ["ok"]
    first.close()
    second.close()


def test_a_read_does_not_wait_behind_a_write_and_sees_the_last_commit(tmp_path):
    db = ProfileDatabase(tmp_path / "gallery.db")
    add_row(db, "saved")
    writing, finish = threading.Event(), threading.Event()

    def slow_save():  # a background save, its transaction still open
        with db.write() as conn:
            conn.execute("INSERT INTO creations (id, theme_id, created_at, fingerprint) "
                         "VALUES ('saving', 't', '2026-05-09', 'f')")
            writing.set()
            finish.wait(30)

    seen: list[set[str]] = []
    saver = threading.Thread(target=slow_save)
    reader = threading.Thread(target=lambda: seen.append(ids(db)))
    saver.start()
    try:
        assert writing.wait(10)
        reader.start()
        reader.join(5)  # well under the 10 s a read waited for the writer's lock
        assert seen == [{"saved"}]
    finally:
        finish.set()
        saver.join()
        reader.join()
    assert ids(db) == {"saved", "saving"}
    db.close()


def test_a_read_inside_a_write_sees_the_transactions_own_changes(tmp_path):
    db = ProfileDatabase(tmp_path / "gallery.db")
    with db.write():
        add_row(db, "a")
        assert ids(db) == {"a"}  # as saving does: the ledger's total after recording the new stars
    db.close()


def test_reads_cannot_write_and_close_with_the_database(tmp_path):
    db = ProfileDatabase(tmp_path / "gallery.db")
    add_row(db, "a")
    with db.read() as conn, pytest.raises(sqlite3.OperationalError):
        conn.execute("DELETE FROM creations")
    assert ids(db) == {"a"}
    db.close()
    with pytest.raises(sqlite3.ProgrammingError):
        conn.execute("SELECT 1")
    # The writing connection closed last, so it folded the write-ahead log into the file.
    assert not (tmp_path / "gallery.db-wal").exists()
    with pytest.raises(sqlite3.ProgrammingError):
        ids(db)
