"""The whole window: profiles, themes, saving with stars, the gallery across restarts, settings."""

import json
import sqlite3
import threading

import pytest
from conftest import THEME_ID, TIMEOUT_MS, open_child
from helpers import mouse_stroke, settle
from PIL import Image
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from read_only import ReadOnly

from icanvas_desktop.gallery.export import ExportSize
from icanvas_desktop.profiles.store import ProfileStore
from icanvas_desktop.rewards.rules import NoStars
from icanvas_desktop.settings.user import SettingsFile
from icanvas_desktop.words.i18n import rule_text, tr


def draw_make_and_wait(qtbot, window, lines=((0.2, 0.5, 0.8, 0.5), (0.5, 0.2, 0.5, 0.8))):
    screen = window.drawing_screen
    for x0, y0, x1, y1 in lines:
        mouse_stroke(screen.canvas, [(x0, y0), (x1, y1)])
    screen.make_button.click()
    qtbot.waitUntil(lambda: screen.model.picture is not None and not screen.service.busy, timeout=TIMEOUT_MS)


def test_an_empty_models_folder_shows_a_friendly_state_and_drawing_works(make_window, tmp_path):
    (tmp_path / "models").mkdir()
    window = make_window([tmp_path / "models"])
    open_child(window)
    picker = window.drawing_screen.theme_picker
    assert picker.state == "empty" and picker.empty_title.text() == tr("no_themes_title", "en")
    assert not picker.problems_label.isVisibleTo(picker)
    screen = window.drawing_screen
    mouse_stroke(screen.canvas, [(0.2, 0.5), (0.8, 0.5)])
    assert len(screen.canvas.drawing) == 1
    screen.make_button.click()
    assert screen.message.text == tr("pick_theme_first", "en")


def test_the_window_says_it_is_getting_ready_while_themes_load(make_window, themes_folder):
    window = make_window([themes_folder], wait_for_themes=False)
    picker = window.drawing_screen.theme_picker
    assert picker.state == "loading" and picker.loading_label.text() == tr("getting_ready", "en")


def test_themes_appear_as_tiles_with_their_names(make_window, themes_folder):
    window = make_window([themes_folder], locale="ko_KR")
    open_child(window)
    picker = window.drawing_screen.theme_picker
    assert picker.state == "themes"
    assert [t.text() for t in picker.tiles] == ["도형"]
    assert picker.tiles[0].isChecked() and window.drawing_screen.model.theme.id == THEME_ID
    assert not picker.tiles[0].icon().isNull()


def test_a_read_only_themes_folder_works(qtbot, make_window, theme_copy):
    with ReadOnly(theme_copy):  # for root too, who writes through any chmod
        window = make_window([theme_copy])
        open_child(window)
        assert window.drawing_screen.model.theme.id == THEME_ID
        draw_make_and_wait(qtbot, window)  # the theme's generator loaded and ran from the folder


def test_a_new_child_joins_through_the_form(qtbot, make_window, tmp_path):
    window = make_window([tmp_path])
    picker = window.profile_picker
    assert window.current_screen == "profiles" and picker.creating  # nobody yet: straight to the form
    picker.create_button.click()
    settle(window)
    assert picker.message.text == tr("name_empty", "en") and window.current_screen == "profiles"
    QTest.keyClicks(picker.name_edit, "x" * 22)
    picker.create_button.click()
    settle(window)
    assert picker.message.text == tr("name_too_long", "en")
    picker.name_edit.setText("민수")
    picker.avatar_buttons["dinosaur"].click()
    picker.create_button.click()
    settle(window)
    assert window.current_screen == "drawing" and window.profile.name == "민수"
    assert window.profile.avatar == "dinosaur" and window.top_bar.profile_button.text() == "민수"
    assert SettingsFile().load().last_profile == window.profile.id
    # back to the picker: the name is taken now
    window.top_bar.profile_button.click()
    assert window.current_screen == "profiles" and not picker.creating and len(picker.tiles) == 1
    picker.new_button.click()
    picker.name_edit.setText("민수")
    picker.create_button.click()
    settle(window)
    assert picker.message.text == tr("name_taken", "en")


def test_save_earns_stars_with_a_celebration(qtbot, make_window, themes_folder):
    window = make_window([themes_folder])
    open_child(window)
    screen = window.drawing_screen
    screen.save_button.click()
    settle(window)
    assert screen.message.text == tr("nothing_to_save", "en")
    draw_make_and_wait(qtbot, window)
    screen.save_button.click()
    settle(window)
    assert window.celebration.isVisible()
    assert window.celebration.animation.state() == window.celebration.animation.State.Running
    assert window.celebration.title.text() == tr("stars_earned", "en", n=6)
    assert rule_text("creation", "en") in window.celebration.lines.text()
    assert window.sound.plays == 1
    stars = window.top_bar.star_bar
    assert stars.total_label.text() == "6" and stars.level_label.text() == "Level 2"
    window.celebration.button.click()
    assert not window.celebration.isVisible()
    # the same drawing again: kindly told, nothing more
    screen.save_button.click()
    settle(window)
    assert screen.message.text.startswith(tr("saved_already", "en"))
    assert window.top_bar.star_bar.total_label.text() == "6" and not window.celebration.isVisible()


def test_a_tiny_scribble_is_saved_without_stars(qtbot, make_window, themes_folder):
    window = make_window([themes_folder])
    open_child(window)
    draw_make_and_wait(qtbot, window, lines=((0.5, 0.5, 0.51, 0.5),))
    window.drawing_screen.save_button.click()
    settle(window)
    assert rule_text(NoStars.NEARLY_EMPTY, "en") in window.drawing_screen.message.text
    assert window.top_bar.star_bar.total_label.text() == "0" and not window.celebration.isVisible()


def test_the_sound_can_be_turned_off(qtbot, make_window, themes_folder):
    window = make_window([themes_folder])
    open_child(window)
    window.top_bar.settings_button.click()
    assert window.current_screen == "settings"
    window.settings_page.sound_off.click()
    assert not window.sound.enabled
    settle(window)  # saved in the background
    assert SettingsFile().load().sound is False
    window.settings_page.back_button.click()
    draw_make_and_wait(qtbot, window)
    window.drawing_screen.save_button.click()
    settle(window)
    assert window.celebration.isVisible() and window.sound.plays == 0


def test_the_gallery_survives_a_restart(qtbot, make_window, themes_folder, data_dir):
    window = make_window([themes_folder])
    profile = open_child(window)
    draw_make_and_wait(qtbot, window)
    saved_drawing = window.drawing_screen.model.picture.drawing
    window.drawing_screen.save_button.click()
    settle(window)
    window.close()
    assert not window.service.busy

    again = make_window([themes_folder])
    assert len(again.profile_picker.tiles) == 1 and again.profile_picker.tiles[0].property("last")
    again.profile_picker.tiles[0].click()
    settle(again)
    assert again.profile.id == profile.id and again.top_bar.star_bar.total_label.text() == "6"
    again.top_bar.gallery_button.click()
    settle(again)
    gallery = again.gallery_view
    assert again.current_screen == "gallery" and gallery.grid.count() == 1
    assert gallery.creations[0].load_drawing() == saved_drawing


def test_gallery_open_keep_drawing_export_and_delete(qtbot, make_window, themes_folder, tmp_path):
    window = make_window([themes_folder])
    open_child(window)
    for lines in (((0.2, 0.5, 0.8, 0.5),), ((0.5, 0.2, 0.5, 0.8),)):
        window.drawing_screen.new_button.click()
        draw_make_and_wait(qtbot, window, lines)
        window.drawing_screen.save_button.click()
        settle(window)
        window.celebration.dismiss()
    window.top_bar.gallery_button.click()
    settle(window)
    gallery = window.gallery_view
    assert gallery.grid.count() == 2
    newest = gallery.creations[0]
    assert newest.created_at >= gallery.creations[1].created_at
    assert newest.load_drawing().strokes[0].points[0].x == pytest.approx(0.5, abs=0.02)  # the vertical line

    item_rect = gallery.grid.visualItemRect(gallery.grid.item(0))
    QTest.mouseClick(gallery.grid.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     item_rect.center())
    assert gallery.showing_detail and gallery.current == newest

    gallery.export_button.click()
    assert gallery.size_choice.isVisible(), "the child chooses the copy's size"
    gallery.size_choice.buttons[ExportSize.SCREEN].click()
    settle(window)
    gallery.export_both_button.click()
    gallery.size_choice.buttons[ExportSize.SCREEN].click()
    settle(window)
    exported = sorted((tmp_path / "exports").iterdir())
    assert len(exported) == 2
    assert gallery.message.text == tr("exported", "en", folder=f"{tmp_path.name} › exports")
    sizes = {p.name.endswith("-with-sketch.png"): Image.open(p).size for p in exported}
    assert sizes[False] == (1024, 1024) and sizes[True][0] > 2048

    gallery.delete_button.click()
    assert gallery.confirm.isVisible()
    gallery.confirm.no.click()
    assert not gallery.confirm.isVisible() and len(gallery.session.gallery.list_creations()) == 2
    gallery.delete_button.click()
    gallery.confirm.yes.click()
    settle(window)
    assert not gallery.showing_detail and gallery.grid.count() == 1
    assert gallery.message.text == tr("deleted", "en") and window.top_bar.star_bar.total_label.text() != "0"

    gallery.open(gallery.creations[0])
    gallery.keep_button.click()
    settle(window)
    screen = window.drawing_screen
    assert window.current_screen == "drawing"
    assert screen.canvas.drawing == gallery.creations[0].load_drawing()
    assert screen.result_view.has_picture and screen.model.picture is not None
    mouse_stroke(screen.canvas, [(0.1, 0.1), (0.3, 0.3)])  # and drawing goes on
    assert len(screen.canvas.drawing) == 2


def test_a_corrupt_gallery_database_is_reported_and_a_fresh_one_started(qtbot, make_window, themes_folder):
    window = make_window([themes_folder])
    profile = open_child(window)
    draw_make_and_wait(qtbot, window)
    window.drawing_screen.save_button.click()
    settle(window)
    window.close()
    database = profile.gallery_folder / "gallery.db"
    database.write_bytes(b"this is not a database at all" * 100)

    again = make_window([themes_folder])
    again.profile_picker.tiles[0].click()
    settle(again)
    assert again.current_screen == "drawing"
    assert again.drawing_screen.message.text == tr("gallery_repaired", "en")
    kept = [p for p in profile.gallery_folder.iterdir() if p.name.startswith("gallery.db.corrupt-")]
    assert len(kept) == 1 and kept[0].read_bytes().startswith(b"this is not a database")
    assert again.session.gallery.count() == 1  # the drawing itself was kept and indexed again
    with sqlite3.connect(database) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_two_children_keep_their_own_galleries_and_stars(qtbot, make_window, themes_folder):
    window = make_window([themes_folder])
    mina = open_child(window, "Mina", "cat")
    draw_make_and_wait(qtbot, window)
    window.drawing_screen.save_button.click()
    settle(window)
    window.celebration.dismiss()
    window.top_bar.profile_button.click()
    window.profile_picker.new_button.click()
    window.profile_picker.name_edit.setText("Joon")
    window.profile_picker.avatar_buttons["robot"].click()
    window.profile_picker.create_button.click()
    settle(window)
    assert window.profile.name == "Joon" and window.top_bar.star_bar.total_label.text() == "0"
    assert window.drawing_screen.canvas.drawing.is_empty  # a fresh sheet for the next child
    window.top_bar.gallery_button.click()
    settle(window)
    assert window.gallery_view.grid.count() == 0
    assert window.gallery_view.empty.isVisibleTo(window.gallery_view)
    window.top_bar.profile_button.click()
    next(t for t in window.profile_picker.tiles if t.text() == "Mina").click()
    settle(window)
    assert window.profile.id == mina.id and window.top_bar.star_bar.total_label.text() == "6"
    window.top_bar.gallery_button.click()
    settle(window)
    assert window.gallery_view.grid.count() == 1


def test_a_profile_that_cannot_open_is_explained(make_window, tmp_path, monkeypatch):
    window = make_window([tmp_path])
    profile = ProfileStore().create("Mina", "cat")
    window.profile_picker.refresh()

    def locked(*args, **kwargs):
        raise sqlite3.OperationalError("database is locked")

    monkeypatch.setattr("icanvas_desktop.profiles.drawing_model.ChildSession", locked)
    window.open_profile(profile)
    settle(window)
    assert window.session is None
    assert window.current_screen == "profiles"
    assert window.profile_picker.message.text == tr("profile_failed", "en")


def test_the_language_follows_the_system_and_can_be_switched(make_window, tmp_path):
    window = make_window([tmp_path], locale="ko_KR")
    open_child(window)
    screen = window.drawing_screen
    assert screen.make_button.text() == "만들기!" and window.windowTitle() == "아이캔버스"
    window.top_bar.settings_button.click()
    window.settings_page.language_buttons["en"].click()
    assert screen.make_button.text() == "Make it!" and window.top_bar.gallery_button.text() == "My gallery"
    assert window.top_bar.star_bar.level_label.text() == "Level 1"
    settle(window)
    assert json.loads(SettingsFile().path.read_text())["language"] == "en"
    window.settings_page.language_buttons["auto"].click()
    assert screen.make_button.text() == "만들기!"


def test_undo_and_redo_shortcuts(qtbot, make_window, tmp_path):
    window = make_window([tmp_path])
    open_child(window)
    window.activateWindow()
    qtbot.waitActive(window)
    canvas = window.drawing_screen.canvas
    mouse_stroke(canvas, [(0.2, 0.3), (0.8, 0.3)])
    mouse_stroke(canvas, [(0.2, 0.6), (0.8, 0.6)])
    QTest.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert len(canvas.drawing) == 1
    QTest.keyClick(window, Qt.Key.Key_Z,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert len(canvas.drawing) == 2
    QTest.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClick(window, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert len(canvas.drawing) == 2


def test_closing_the_window_while_a_picture_is_being_made(qtbot, make_window, themes_folder):
    window = make_window([themes_folder])
    open_child(window)
    mouse_stroke(window.drawing_screen.canvas, [(0.2, 0.5), (0.8, 0.5)])
    window.drawing_screen.make_button.click()
    thread = window.service._thread
    window.close()
    assert thread.isFinished() and window.session is None


def test_a_slow_save_and_a_slow_gallery_never_freeze_the_window(
    qtbot, make_window, themes_folder, monkeypatch
):
    window = make_window([themes_folder])
    open_child(window)
    draw_make_and_wait(qtbot, window)
    session = window.session
    release, threads = threading.Event(), []

    def held(work):
        def run(*args, **kwargs):  # holds on until the event loop has run the timer below
            threads.append(threading.current_thread())
            assert release.wait(10), "the window's event loop was not free"
            return work(*args, **kwargs)
        return run

    monkeypatch.setattr(session, "save_creation", held(session.save_creation))
    monkeypatch.setattr(session.gallery, "list_creations", held(session.gallery.list_creations))
    window.drawing_screen.save_button.click()
    window.drawing_screen.save_button.click()  # a second tap while saving changes nothing
    window.top_bar.gallery_button.click()
    QTimer.singleShot(50, release.set)  # only an event loop that is not waiting for the save runs this
    qtbot.waitUntil(lambda: window.gallery_view.grid.count() == 1, timeout=TIMEOUT_MS)
    assert len(threads) >= 2 and threading.main_thread() not in threads
    assert session.gallery.count() == 1 and window.top_bar.star_bar.total_label.text() == "6"
