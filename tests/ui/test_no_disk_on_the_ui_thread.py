"""The window never waits on the disk: while a child draws, switches theme and look, saves, looks at the
gallery, copies a creation out, takes one back to the sheet and another child takes over, every file and
database the app opens is opened on a background thread (ui/background.py, or the generation worker's).

Not yet covered: the profile picker lists and makes profiles on the UI thread (profile_picker.py), except
when the grown-ups' corner changed the children."""

import builtins
import io
import json
import os
import shutil
import sqlite3
import threading
import traceback

import pytest
from conftest import THEME_ID, open_child, open_profile
from helpers import mouse_stroke, settle

from icanvas_desktop.files.database import ProfileDatabase
from icanvas_desktop.gallery.export import ExportLayout

TIMEOUT_MS = 60_000


@pytest.fixture
def disk_on_the_ui_thread(monkeypatch):
    """Where the UI thread opened a file or a database from now on: what, and the calls that led there."""
    touched: list[str] = []

    def watching(real, what: str):
        def call(*args, **kwargs):
            if threading.current_thread() is threading.main_thread():
                stack = "".join(traceback.format_stack(limit=12)[:-1])
                touched.append(f"{what}({args[0] if args else ''!r}) from\n{stack}")
            return real(*args, **kwargs)

        return call

    # A child's database stays open while they draw: its reads and writes are watched where they begin.
    for owner, name in ((builtins, "open"), (io, "open"), (os, "open"), (sqlite3, "connect"),
                        (ProfileDatabase, "read"), (ProfileDatabase, "write")):
        monkeypatch.setattr(owner, name, watching(getattr(owner, name), f"{owner.__name__}.{name}"))
    return touched


@pytest.fixture
def two_themes(theme_copy):
    """The test theme twice, under two ids, so that the child can switch."""
    second = theme_copy / "second"
    shutil.copytree(theme_copy / THEME_ID, second)
    manifest = json.loads((second / "manifest.json").read_text())
    (second / "manifest.json").write_text(json.dumps({**manifest, "id": "second"}))
    return theme_copy


def test_a_session_of_drawing_touches_no_file_on_the_ui_thread(qtbot, make_window, two_themes,
                                                                 disk_on_the_ui_thread):
    window = make_window([two_themes])
    joon = window.store.create("Joon", "robot")
    open_child(window)
    disk_on_the_ui_thread.clear()  # from here on: the window has opened; the child is drawing
    screen = window.drawing_screen
    mouse_stroke(screen.canvas, [(0.2, 0.5), (0.8, 0.5)])
    screen.make_button.click()
    qtbot.waitUntil(lambda: screen.model.picture is not None and not screen.service.busy, timeout=TIMEOUT_MS)
    other = next(t for t in ("second", THEME_ID) if t != screen.model.theme.id)
    assert screen.theme_picker.select(other)
    qtbot.waitUntil(lambda: screen.model.picture.theme_id == other and not screen.service.busy,
                    timeout=TIMEOUT_MS)
    screen.look_switch.buttons["watercolour"].click()
    qtbot.waitUntil(lambda: screen.model.picture_is_current and not screen.service.busy, timeout=TIMEOUT_MS)
    screen.save_button.click()
    settle(window)
    window.celebration.dismiss()
    window.top_bar.gallery_button.click()
    settle(window)
    gallery = window.gallery_view
    gallery.open(gallery.creations[0])
    gallery.export(ExportLayout.PICTURE)
    settle(window)
    gallery.keep_button.click()
    settle(window)
    assert window.current_screen == "drawing"
    open_profile(window, joon)  # as a tap on Joon's tile does
    assert window.profile.id == joon.id and screen.canvas.drawing.is_empty
    assert not disk_on_the_ui_thread, "\n\n".join(disk_on_the_ui_thread)


def test_the_grown_ups_corner_touches_no_file_on_the_ui_thread(make_window, tmp_path, disk_on_the_ui_thread):
    window = make_window([tmp_path / "no-themes"])
    window.store.create("Jun", "dog")
    mina = open_child(window)
    window.show_settings()
    disk_on_the_ui_thread.clear()
    window.settings_page.grown_ups_button.held.emit()
    settle(window)
    page = window.grown_ups.page
    page.child_rows[mina.id].name_edit.setText("Mina Kim")
    page.child_rows[mina.id].rename_button.click()
    settle(window)
    row = page.child_rows[mina.id]
    row.remove_button.click()
    row.yes.click()
    row.yes.click()
    settle(window)
    page.removed_rows[0][1].click()
    settle(window)
    page.switches["kiosk"].setChecked(True)
    page.save_lab.click()
    settle(window)
    assert window.isFullScreen()
    assert sorted(t.text() for t in window.profile_picker.tiles) == ["Jun", "Mina Kim"]
    assert not disk_on_the_ui_thread, "\n\n".join(disk_on_the_ui_thread)


def test_the_watch_sees_what_the_old_window_did_on_the_ui_thread(make_window, themes_folder,
                                                                   disk_on_the_ui_thread):
    window = make_window([themes_folder])
    open_child(window)
    disk_on_the_ui_thread.clear()
    window.session.completed_challenges()  # as the drawing screen did on every change of theme
    window.session.drafts.load()  # as it did when a child came
    assert [t.split("(")[0] for t in disk_on_the_ui_thread] == ["ProfileDatabase.read", "os.open"]
