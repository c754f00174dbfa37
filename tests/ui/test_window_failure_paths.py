"""Faults injected under the window: a save whose database fails, a draft on a full disk, a damaged
creation and an unreadable gallery. The child is told kindly, an adult finds the details in the log, and
nothing on the screen or on disk is lost."""

import errno
import logging
import sqlite3

from app_core.factories import creation_files, creation_of, scribble
from conftest import open_child
from helpers import mouse_stroke, settle

from icanvas_desktop.drawing.draft import DRAFT_NAME, DraftFile
from icanvas_desktop.files import atomic
from icanvas_desktop.ui.draft_keeper import DRAFT_DELAY_MS
from icanvas_desktop.words.i18n import tr


def told(message, key: str) -> bool:
    return message.isVisible() and message.text == tr(key, "en") and message.property("kind") == "problem"


def window_with_a_picture(make_window, tmp_path):
    """A child's window with a drawing and its picture on screen, ready to save (no theme needed)."""
    window = make_window([tmp_path / "no-themes"])
    open_child(window)
    drawing = scribble(1)
    sketch, picture = creation_files(drawing, 32)
    window.drawing_screen.open_creation(drawing, sketch, "shapes", None, picture)
    settle(window)
    return window


def test_a_save_whose_database_fails_tells_the_child_and_keeps_the_drawing_to_try_again(
    make_window, tmp_path, caplog
):
    window = window_with_a_picture(make_window, tmp_path)
    screen, session = window.drawing_screen, window.session
    drawing, picture = screen.canvas.drawing, screen.model.picture
    with session.gallery.database.write() as conn:  # the disk fills up as the creation is listed
        conn.execute("CREATE TEMP TRIGGER fail BEFORE INSERT ON creations "
                     "BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END")
    with caplog.at_level(logging.ERROR, "icanvas_desktop.ui.creation_saver"):
        screen.save_button.click()
        settle(window)
    assert told(screen.message, "save_failed") and not window.celebration.isVisible()
    assert "saving a creation failed" in caplog.text and "disk is full" in caplog.text
    assert screen.canvas.drawing == drawing and screen.model.picture == picture and not screen._saver.saving
    assert session.gallery.count() == 0 and session.stars().total == 0
    assert not list((session.profile.gallery_folder / "creations").iterdir())
    with session.gallery.database.write() as conn:
        conn.execute("DROP TRIGGER fail")
    screen.save_button.click()  # the child taps Save again
    settle(window)
    assert window.celebration.isVisible() and session.gallery.count() == 1 and session.stars().total > 0


def test_a_draft_that_cannot_be_written_on_a_full_disk_is_logged_and_kept_at_the_next_change(
    qtbot, make_window, tmp_path, monkeypatch, caplog
):
    window = make_window([tmp_path / "no-themes"])
    mina = open_child(window)
    screen = window.drawing_screen
    drafts = DraftFile(mina.folder / DRAFT_NAME)

    def full_disk(fd):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(atomic.os, "fsync", full_disk)
    with caplog.at_level(logging.ERROR, "icanvas_desktop.ui.draft_keeper"):
        mouse_stroke(screen.canvas, [(0.2, 0.2), (0.8, 0.8)])
        qtbot.waitUntil(lambda: "could not keep the draft" in caplog.text, timeout=DRAFT_DELAY_MS + 5000)
    assert "No space left on device" in caplog.text and str(drafts.path) in caplog.text
    assert len(screen.canvas.drawing) == 1 and drafts.load() is None  # on screen still; nothing half-written
    assert [p.name for p in mina.folder.iterdir() if p.name.startswith(".draft")] == []
    monkeypatch.undo()  # room on the disk again
    mouse_stroke(screen.canvas, [(0.2, 0.8), (0.8, 0.2)])
    qtbot.waitUntil(lambda: drafts.load() is not None, timeout=DRAFT_DELAY_MS + 5000)
    assert drafts.load().drawing == screen.canvas.drawing and len(screen.canvas.drawing) == 2


def window_in_the_gallery(make_window, tmp_path, count: int = 1):
    window = make_window([tmp_path / "no-themes"])
    open_child(window)
    for seed in range(count):
        drawing = scribble(seed)
        window.session.save_creation(creation_of(drawing, "shapes", size=32))
    window.top_bar.gallery_button.click()
    settle(window)
    return window


def test_a_damaged_creation_is_reported_and_the_drawing_on_the_canvas_kept(qtbot, make_window, tmp_path,
                                                                            caplog):
    window = window_in_the_gallery(make_window, tmp_path)
    screen, gallery = window.drawing_screen, window.gallery_view
    mouse_stroke(screen.canvas, [(0.1, 0.5), (0.9, 0.5)])  # unsaved work on the drawing screen
    unsaved = screen.canvas.drawing
    creation = gallery.creations[0]
    creation.strokes_path.write_bytes(b"\x00 not strokes")
    gallery.open(creation)
    with caplog.at_level(logging.ERROR, "icanvas_desktop.ui.main_window"):
        gallery.keep_button.click()
        qtbot.waitUntil(lambda: told(gallery.message, "open_failed"))  # read in the background
    assert window.current_screen == "gallery"
    assert f"could not reopen {creation.folder}" in caplog.text
    assert screen.canvas.drawing == unsaved and creation.picture_path.is_file()


def test_a_gallery_that_cannot_be_read_shows_an_empty_wall_and_says_so(make_window, tmp_path, monkeypatch,
                                                                       caplog):
    window = window_in_the_gallery(make_window, tmp_path, 2)
    gallery = window.gallery_view
    assert gallery.grid.count() == 2

    def locked(*args, **kwargs):
        raise sqlite3.OperationalError("database is locked")

    monkeypatch.setattr(window.session.gallery, "list_creations", locked)
    with caplog.at_level(logging.ERROR, "icanvas_desktop.ui.gallery_view"):
        gallery.refresh()
        settle(window)
    assert gallery.grid.count() == 0 and told(gallery.message, "open_failed")
    assert "could not read the gallery" in caplog.text and "database is locked" in caplog.text
    monkeypatch.undo()  # the lock is gone: every picture is still there
    gallery.refresh()
    settle(window)
    assert gallery.grid.count() == 2
