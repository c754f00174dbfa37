"""Faults injected into the paths that protect a child's work: a save whose transaction fails, a draft on a
full disk, damaged creation folders and databases. Each checks that nothing the child had is lost and that
the failure reaches whoever must hear of it (the caller, for the window to tell the child; the log, for an
adult)."""

import errno
import json
import logging
import os
import sqlite3
import time
from datetime import UTC, datetime, timedelta, timezone

import pytest
from factories import creation_files, creation_of, scribble

from icanvas_desktop.drawing import draft as draft_module
from icanvas_desktop.drawing.draft import Draft, DraftFile
from icanvas_desktop.files import atomic, database
from icanvas_desktop.files.database import ProfileDatabase
from icanvas_desktop.gallery.store import Gallery
from icanvas_desktop.look import Look
from icanvas_desktop.profiles.session import ChildSession
from icanvas_desktop.profiles.store import ProfileStore

SEOUL = timezone(timedelta(hours=9))
NOW = datetime(2026, 5, 9, 10, 0, tzinfo=SEOUL)


def save(session, seed, theme="animals"):
    drawing = scribble(seed)
    return session.save_creation(creation_of(drawing, theme))


def folders(session) -> set[str]:
    return {p.name for p in (session.profile.gallery_folder / "creations").iterdir()}


def age(folder, hours: float = 2) -> None:
    old = time.time() - hours * 3600
    os.utime(folder, (old, old))


@pytest.fixture
def session():
    with ChildSession(ProfileStore().create("민수", "cat"), clock=lambda: NOW) as session:
        yield session


# A save whose database work fails


def fail_inserting_creations(session, message: str) -> None:
    """Make the last statement of the save's transaction fail, after its stars were recorded."""
    with session.gallery.database.write() as conn:  # on the connection that writes
        conn.execute(f"CREATE TEMP TRIGGER fail BEFORE INSERT ON creations BEGIN SELECT RAISE(ABORT, "
                     f"'{message}'); END")


def test_a_save_whose_transaction_fails_rolls_back_its_stars_and_drops_its_files(session):
    kept = save(session, 1).creation
    stars, history = session.stars().total, session.ledger.history()
    fail_inserting_creations(session, "database or disk is full")
    with pytest.raises(sqlite3.DatabaseError, match="disk is full"):  # the window tells the child
        save(session, 2)
    assert session.ledger.history() == history and session.stars().total == stars  # no stars half-given
    assert session.gallery.list_creations() == [kept] and folders(session) == {kept.id}
    assert kept.load_drawing() == scribble(1) and kept.picture_path.is_file()
    with session.gallery.database.write() as conn:
        conn.execute("DROP TRIGGER fail")
    again = save(session, 2)  # the child taps Save again: a new creation, with the stars it earns
    assert not again.already_saved and again.stars_earned > 0
    assert session.stars().total == stars + again.stars_earned


def test_a_save_that_cannot_get_the_write_lock_keeps_nothing_half_and_can_be_tried_again(session):
    kept = save(session, 1).creation
    stars = session.stars().total
    with session.gallery.database.write() as conn:  # the save's connection gives up soon
        conn.execute("PRAGMA busy_timeout = 50")
    other = sqlite3.connect(session.gallery.database.path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # another instance, or a backup tool, holds the write lock
    try:
        with pytest.raises(sqlite3.OperationalError, match="locked"):
            save(session, 2)
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert session.gallery.list_creations() == [kept] and folders(session) == {kept.id}
    assert session.stars().total == stars
    assert save(session, 2).stars_earned > 0


# Drafts


def a_draft() -> Draft:
    drawing = scribble(1)
    return Draft(scribble(2), "animals", creation_of(drawing, "food", Look.CLEAN))


def test_a_draft_written_on_a_full_disk_leaves_the_last_one_whole_and_says_so(tmp_path, monkeypatch):
    drafts = DraftFile(tmp_path / "draft.json")
    drafts.save(a_draft())
    before = drafts.path.read_bytes()

    def full_disk(fd):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(atomic.os, "fsync", full_disk)
    with pytest.raises(OSError) as raised:  # the draft keeper logs it and tries again at the next change
        drafts.save(Draft(scribble(3), "space"))
    assert raised.value.errno == errno.ENOSPC
    monkeypatch.undo()
    assert drafts.path.read_bytes() == before and drafts.load() == a_draft()
    assert [p.name for p in tmp_path.iterdir()] == ["draft.json"]  # no half-written temporary file


@pytest.mark.parametrize("content", [
    {"format": "icanvas-draft", "version": 2},  # a newer iCanvas's draft
    {"format": "something-else", "version": 1},
])
def test_a_draft_of_another_version_or_format_is_kept_aside_untouched(tmp_path, caplog, content):
    drafts = DraftFile(tmp_path / "draft.json")
    data = json.dumps(content | {"drawing": {"strokes": []}, "theme_id": None, "picture": None}).encode()
    drafts.path.write_bytes(data)
    with caplog.at_level(logging.WARNING, "icanvas_desktop.drawing.draft"):
        assert drafts.load() is None
    [kept] = tmp_path.glob("draft.json.unreadable-*")
    assert kept.read_bytes() == data and not drafts.path.exists()
    assert "not an iCanvas draft of this version" in caplog.text and kept.name in caplog.text


def test_draft_bytes_that_are_not_text_are_kept_aside(tmp_path, caplog):
    drafts = DraftFile(tmp_path / "draft.json")
    drafts.path.write_bytes(b"\xff\xfe\x00\x81 scribble")
    with caplog.at_level(logging.WARNING, "icanvas_desktop.drawing.draft"):
        assert drafts.load() is None
    [kept] = tmp_path.glob("draft.json.unreadable-*")
    assert kept.read_bytes() == b"\xff\xfe\x00\x81 scribble"
    assert "utf-8" in caplog.text and str(drafts.path) in caplog.text


def test_a_draft_that_cannot_be_read_from_disk_is_kept_aside(tmp_path, monkeypatch, caplog):
    drafts = DraftFile(tmp_path / "draft.json")
    drafts.save(a_draft())
    data = drafts.path.read_bytes()
    real_read = draft_module.read_regular_text

    def bad_sector(path, *args, **kwargs):
        if path == drafts.path:
            raise OSError(errno.EIO, "Input/output error")
        return real_read(path, *args, **kwargs)

    monkeypatch.setattr(draft_module, "read_regular_text", bad_sector)
    with caplog.at_level(logging.WARNING, "icanvas_desktop.drawing.draft"):
        assert drafts.load() is None
    [kept] = tmp_path.glob("draft.json.unreadable-*")
    assert kept.read_bytes() == data and "Input/output error" in caplog.text


def test_a_bad_draft_that_cannot_be_moved_aside_stays_where_it_is_and_is_logged(tmp_path, monkeypatch,
                                                                                caplog):
    drafts = DraftFile(tmp_path / "draft.json")
    drafts.path.write_text("{not json")

    def read_only_folder(path, label):
        raise PermissionError(errno.EACCES, "Permission denied", str(path))

    monkeypatch.setattr(draft_module, "set_aside", read_only_folder)
    with caplog.at_level(logging.WARNING, "icanvas_desktop.drawing.draft"):
        assert drafts.load() is None  # the sheet starts blank; the app goes on
    assert drafts.path.read_text() == "{not json"  # nothing deleted
    assert f"the draft {drafts.path} cannot be read" in caplog.text and "nor moved aside" in caplog.text
    assert "Permission denied" in caplog.text


# Repairing a damaged gallery


def meta_of(creation) -> dict:
    return json.loads((creation.folder / "creation.json").read_text())


def test_creation_folders_with_a_damaged_description_are_rebuilt_from_their_files_and_none_removed(session):
    gallery_folder = session.profile.gallery_folder
    made = [save(session, seed).creation for seed in range(8)]
    good = meta_of(made[0])
    breakages = [
        {**good, "version": 2},                    # written by a newer iCanvas
        {**good, "id": "someone-else"},            # copied from another folder
        {k: v for k, v in good.items() if k != "fingerprint"},
        {**good, "theme_id": 7},
        {**good, "created_at": "yesterday"},
        ["not", "an", "object"],
        None,                                      # creation.json whole, but a picture gone
    ]
    for creation, broken in zip(made[1:], breakages, strict=True):
        if broken is None:
            creation.picture_path.unlink()
            continue
        if isinstance(broken, dict) and broken.get("id") == good["id"]:
            broken["id"] = creation.id
        (creation.folder / "creation.json").write_text(json.dumps(broken))
    session.close()
    (gallery_folder / "gallery.db").unlink()  # lost index: every folder is looked at, whatever its age
    for creation in made:
        age(creation.folder)
    whole = {c.id for c in made} - {made[-1].id}  # every folder with its pictures: the last lost one
    with ChildSession(session.profile, clock=lambda: NOW) as again:
        assert {c.id for c in again.gallery.list_creations()} == whole
        assert folders(again) == {c.id for c in made}  # none removed: an adult can still look at them
    with ChildSession(session.profile, clock=lambda: NOW) as again:  # and not on later openings either
        assert again.gallery.count() == len(whole) and folders(again) == {c.id for c in made}


def test_malformed_award_rows_are_skipped_when_the_stars_are_rebuilt(session):
    made = save(session, 1).creation
    meta = meta_of(made)
    good = meta["awards"]
    stamp = good[0][3]
    meta["awards"] = [*good, ["creation", "x", 0, stamp], ["creation", "y", "5", stamp], [1, "z", 5, stamp],
                      ["creation", "w", 5], 42, None, "creation"]
    (made.folder / "creation.json").write_text(json.dumps(meta))
    session.close()
    (session.profile.gallery_folder / "gallery.db").unlink()
    with ChildSession(session.profile, clock=lambda: NOW) as again:
        assert [c.id for c in again.gallery.list_creations()] == [made.id]
        assert again.stars().total == sum(a[2] for a in good) == made.stars
        assert sorted((str(e.reason), e.key) for e in again.ledger.history()) == sorted(
            (a[0], a[1]) for a in good)


def test_awards_that_are_not_a_list_rebuild_the_creation_and_the_stars_come_from_the_stars_file(session):
    made = save(session, 1).creation
    meta = meta_of(made) | {"awards": {"creation": 2}}
    (made.folder / "creation.json").write_text(json.dumps(meta))
    session.close()
    (session.profile.gallery_folder / "gallery.db").unlink()
    with ChildSession(session.profile, clock=lambda: NOW) as again:
        assert [c.id for c in again.gallery.list_creations()] == [made.id]
        assert again.stars().total == made.stars > 0


def rollback_mode_database(path) -> None:
    """A healthy database in rollback mode (as SQLite leaves a file another tool copied or vacuumed)."""
    ProfileDatabase(path).close()
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode = DELETE")
    conn.execute("INSERT INTO creations VALUES ('c1', 'animals', '2026-05-09', 'f', NULL)")
    conn.close()


def test_a_lock_during_the_quick_check_is_an_error_not_damage(tmp_path, monkeypatch):
    path = tmp_path / "gallery.db"
    rollback_mode_database(path)
    data = path.read_bytes()
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")  # a backup tool or another instance: even reading must wait
    monkeypatch.setattr(database, "BUSY_TIMEOUT_S", 0.1)
    seen = []
    real_is_corruption = database.is_corruption
    monkeypatch.setattr(database, "is_corruption", lambda e: seen.append(str(e)) or real_is_corruption(e))
    try:
        with pytest.raises(sqlite3.OperationalError, match="locked"):
            ProfileDatabase(path)
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert seen == ["database is locked"]  # the quick check met the lock, and it was not taken for damage
    assert sorted(p.name for p in tmp_path.iterdir()) == ["gallery.db"] and path.read_bytes() == data
    db = ProfileDatabase(path)
    assert db.set_aside is None
    with db.read() as conn:
        assert conn.execute("SELECT id FROM creations").fetchall() == [("c1",)]
    db.close()


def test_an_io_error_during_the_quick_check_is_an_error_not_damage(tmp_path, monkeypatch):
    path = tmp_path / "gallery.db"
    rollback_mode_database(path)
    real_connect = sqlite3.connect

    class FailingReads:
        """A connection whose reads meet a disk error (SQLITE_IOERR_READ), as a failing USB stick gives."""

        def __init__(self, conn):
            self._conn = conn

        def execute(self, *args):
            error = sqlite3.OperationalError("disk I/O error")
            error.sqlite_errorcode = 266
            raise error

        def close(self):
            self._conn.close()

    def connect(target, *args, **kwargs):
        conn = real_connect(target, *args, **kwargs)
        return FailingReads(conn) if "mode=ro" in str(target) else conn

    monkeypatch.setattr(database.sqlite3, "connect", connect)
    with pytest.raises(sqlite3.OperationalError, match="disk I/O error"):
        ProfileDatabase(path)
    monkeypatch.undo()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["gallery.db"]


# Salvaging the stars of a damaged database


def ledger_database(path, awards: int) -> None:
    db = ProfileDatabase(path)
    with db.write() as conn:
        for i in range(awards):
            conn.execute("INSERT INTO awards (reason, key, amount, creation_id, awarded_at) VALUES "
                         "('creation', ?, 2, ?, '2026-05-09T01:00:00+00:00')", (f"drawing-{i:04d}", f"c{i}"))
    db.close()


def awards_in(db: ProfileDatabase) -> list[str]:
    with db.read() as conn:
        return [key for (key,) in conn.execute("SELECT key FROM awards ORDER BY id")]


PAGE = 4096  # SQLite's default page size


def scribble_over_page(path, offset: int) -> None:
    """Garbage over the whole database page holding byte `offset`: the page can no longer be read."""
    with open(path, "r+b") as f:
        f.seek(offset // PAGE * PAGE)
        f.write(bytes(range(256)) * (PAGE // 256))


def test_the_awards_before_a_damaged_page_are_salvaged(tmp_path):
    path = tmp_path / "gallery.db"
    ledger_database(path, 2000)
    size = path.stat().st_size
    # the table's own row (key, amount 2, creation id), not its entry in an index
    scribble_over_page(path, path.read_bytes().index(b"drawing-1500\x02c1500"))
    db = ProfileDatabase(path)
    saved = awards_in(db)
    assert db.set_aside is not None and db.set_aside.stat().st_size == size
    assert 1000 < len(saved) <= 1500  # what could be read, not nothing because the rest could not
    assert saved == [f"drawing-{i:04d}" for i in range(len(saved))]
    db.close()


def test_awards_are_salvaged_without_the_log_when_read_only_opening_fails(tmp_path, monkeypatch):
    path = tmp_path / "gallery.db"
    ledger_database(path, 5)
    path.write_bytes(path.read_bytes()[:-100] + b"\xde\xad" * 50)  # damage the end of the file only
    real_connect = sqlite3.connect
    tried = []

    def connect(target, *args, **kwargs):
        tried.append(str(target).rsplit("?", 1)[-1])
        if str(target).endswith("?mode=ro") and len(tried) > 1:  # after the quick check: the log's folder
            raise sqlite3.OperationalError("unable to open database file")  # is read-only
        return real_connect(target, *args, **kwargs)

    monkeypatch.setattr(database.sqlite3, "connect", connect)
    db = ProfileDatabase(path)
    assert db.set_aside is not None and "immutable=1" in tried
    assert awards_in(db) == [f"drawing-{i:04d}" for i in range(5)]
    db.close()


def test_a_garbled_award_row_is_left_behind_and_the_others_salvaged(tmp_path):
    path = tmp_path / "gallery.db"
    ledger_database(path, 3)
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA writable_schema = ON")  # a damaged file: its CHECK no longer holds its rows
    conn.execute("UPDATE sqlite_master SET sql = replace(sql, 'CHECK (amount > 0)', '')"
                 " WHERE name = 'awards'")
    conn.close()
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("UPDATE awards SET amount = -5 WHERE key = 'drawing-0001'")
    conn.execute("PRAGMA journal_mode = DELETE")
    [creations_root] = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'creations'").fetchone()
    conn.close()
    scribble_over_page(path, (creations_root - 1) * PAGE)  # damage elsewhere: the quick check fails
    db = ProfileDatabase(path)
    assert db.set_aside is not None
    assert awards_in(db) == ["drawing-0000", "drawing-0002"]
    db.close()


def test_nothing_readable_in_the_damaged_file_starts_an_empty_ledger(tmp_path):
    path = tmp_path / "gallery.db"
    path.write_bytes(b"SQLite format 3\x00" + b"\xff" * 4000)
    db = ProfileDatabase(path)
    assert db.set_aside is not None and db.set_aside.read_bytes()[:6] == b"SQLite"
    assert awards_in(db) == []
    db.close()


def test_a_creation_saved_just_now_is_not_taken_for_an_orphan(tmp_path):
    with Gallery(tmp_path / "g") as gallery:
        drawing = scribble(1)
        staged = gallery.stage(drawing, *creation_files(drawing), "animals", fingerprint="f",
                               created_at=datetime.now(UTC))
    with Gallery(tmp_path / "g") as gallery:  # another instance's save in progress: left alone
        assert staged.folder.is_dir() and gallery.count() == 0
