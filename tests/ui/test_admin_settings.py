"""The administrator's settings in the window: locks that clicks cannot undo, allowed themes, no deleting,
kiosk mode, and a damaged file told calmly to the adult."""

import json
import shutil

import pytest
from conftest import THEME_ID, open_child
from helpers import settle
from PIL import Image
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from icanvas_desktop.drawing.picture import Picture
from icanvas_desktop.drawing.rasterize import png_bytes
from icanvas_desktop.drawing.strokes import Drawing, PenSize, Point, Stroke, Tool
from icanvas_desktop.ui.kiosk import KIOSK_EXIT_KEYS
from icanvas_desktop.ui.main_window import MainWindow
from icanvas_desktop.words.i18n import tr


def admin(tmp_path, settings: dict, locked=()) -> None:
    folder = tmp_path / "system"  # ICANVAS_SYSTEM_DIR (conftest)
    folder.mkdir(exist_ok=True)
    (folder / "system_settings.json").write_text(
        json.dumps({"version": 1, "settings": settings, "locked": list(locked)}))


@pytest.fixture
def two_themes(themes_folder, tmp_path):
    """The test theme and a copy of it under another id."""
    folder = tmp_path / "two-themes"
    shutil.copytree(themes_folder, folder)
    shutil.copytree(folder / THEME_ID, folder / "circles")
    manifest = json.loads((folder / "circles" / "manifest.json").read_text())
    manifest.update(id="circles", names={"en": "Circles", "ko": "동그라미"})
    (folder / "circles" / "manifest.json").write_text(json.dumps(manifest))
    return folder


def test_locked_settings_cannot_be_changed_by_clicking(qtbot, make_window, tmp_path, data_dir):
    admin(tmp_path, {"sound": False, "live_mode": True}, locked=["sound", "live_mode"])
    data_dir.mkdir()
    user_file = data_dir / "settings.json"
    # Chosen before the lock.
    user_file.write_text(json.dumps({"version": 1, "sound": True, "live_mode": False}))
    window = make_window([tmp_path / "no-themes"])
    open_child(window)
    before = user_file.read_bytes()  # opening a child records who drew last
    assert json.loads(before)["sound"] is True and json.loads(before)["live_mode"] is False

    live = window.drawing_screen.live_button
    assert live.isChecked() and not live.isEnabled(), "live mode follows the administrator, greyed out"
    assert window.drawing_screen.live_lock.isVisible()
    assert window.drawing_screen.live_lock.text() == tr("locked_by_adult", "en")
    QTest.mouseClick(live, Qt.MouseButton.LeftButton)
    assert live.isChecked()

    window.top_bar.settings_button.click()
    page = window.settings_page
    assert page.sound_off.isChecked() and not page.sound_on.isEnabled() and not page.sound_off.isEnabled()
    assert page.sound_lock.isVisible() and not window.sound.enabled
    QTest.mouseClick(page.sound_on, Qt.MouseButton.LeftButton)
    assert page.sound_off.isChecked() and not window.sound.enabled
    assert user_file.read_bytes() == before
    assert not page.admin_note.isVisible()

    page.language_buttons["ko"].click()  # what is not locked still works
    settle(window)
    assert json.loads(user_file.read_text())["language"] == "ko"
    assert page.sound_lock.text() == tr("locked_by_adult", "ko")


def test_unlocked_administrator_values_are_defaults_the_child_may_change(make_window, tmp_path, data_dir):
    admin(tmp_path, {"sound": False})
    window = make_window([tmp_path / "no-themes"])
    window.show_settings()
    page = window.settings_page
    assert page.sound_off.isChecked() and page.sound_on.isEnabled() and not page.sound_lock.isVisible()
    page.sound_on.click()
    settle(window)
    assert json.loads((data_dir / "settings.json").read_text())["sound"] is True and window.sound.enabled


def test_only_allowed_themes_get_tiles(make_window, two_themes, tmp_path):
    admin(tmp_path, {"allowed_themes": ["circles"]}, locked=["allowed_themes"])
    window = make_window([two_themes])
    open_child(window)
    picker = window.drawing_screen.theme_picker
    assert [t.theme.id for t in picker.tiles] == ["circles"]
    assert window.drawing_screen.model.theme.id == "circles"
    assert not picker.select(THEME_ID)


def test_every_theme_gets_a_tile_without_an_administrator(make_window, two_themes):
    window = make_window([two_themes])
    assert sorted(t.theme.id for t in window.drawing_screen.theme_picker.tiles) == ["circles", THEME_ID]


def _saved_picture(window: MainWindow) -> None:
    drawing = Drawing()
    drawing.add(Stroke(Tool.PEN, PenSize.MEDIUM, (Point(0.1, 0.5, 1.0), Point(0.9, 0.5, 1.0))))
    picture = png_bytes(Image.new("RGB", (32, 32), (200, 120, 40)))
    window.session.save_creation(Picture(drawing, picture, picture, THEME_ID))


@pytest.mark.parametrize("may_delete", [True, False])
def test_the_delete_button_works_only_when_children_may_delete_and_is_locked_otherwise(qtbot, make_window,
                                                                                      tmp_path, may_delete):
    admin(tmp_path, {"children_may_delete": may_delete}, locked=["children_may_delete"])
    window = make_window([tmp_path / "no-themes"])
    open_child(window)
    _saved_picture(window)
    window.top_bar.gallery_button.click()
    settle(window)
    gallery = window.gallery_view
    gallery.open(gallery.creations[0])
    assert gallery.delete_button.isVisible(), "greyed out with a padlock, not missing"
    assert gallery.delete_button.isEnabled() is may_delete
    assert gallery.delete_lock.isVisible() is not may_delete
    gallery.delete_button.click()
    assert gallery.confirm.isVisible() is may_delete


def test_kiosk_mode_is_fullscreen_and_only_the_adult_chord_closes_it(qtbot, make_window, tmp_path):
    admin(tmp_path, {"kiosk": True}, locked=["kiosk"])
    window = make_window([tmp_path / "no-themes"])
    assert window.isFullScreen()
    assert not window.close(), "Alt+F4 and the like are ignored"
    assert window.isVisible()
    QTest.keySequence(window, KIOSK_EXIT_KEYS)
    assert not window.isVisible() and not window.service.busy


def test_without_kiosk_the_window_is_not_fullscreen(make_window, tmp_path):
    window = make_window([tmp_path / "no-themes"])
    assert not window.isFullScreen()


def test_a_damaged_administrator_file_is_told_to_the_adult_on_the_settings_page(make_window, tmp_path):
    (tmp_path / "system").mkdir()
    (tmp_path / "system" / "system_settings.json").write_text("{not json")
    window = make_window([tmp_path / "no-themes"])
    open_child(window)
    assert not window.drawing_screen.message.text, "nothing is shown to the child"
    window.top_bar.settings_button.click()
    page = window.settings_page
    assert page.admin_note.isVisible()
    assert window.effective.system.problem in page.admin_note.text()
    assert page.admin_note.text().startswith(tr("admin_problem", "en", problem="")[:20])
    # everything is locked at its safe value meanwhile
    assert not page.sound_on.isEnabled() and not window.drawing_screen.live_button.isEnabled()
    assert not window.settings.children_may_delete


def test_every_lock_is_a_greyed_control_with_a_padlock_in_view(qtbot, make_window, tmp_path):
    admin(tmp_path, {"look": "clean", "live_mode": False, "sound": False, "children_may_delete": False},
          locked=["look", "live_mode", "sound", "children_may_delete"])
    window = make_window([tmp_path / "no-themes"])
    open_child(window)
    screen = window.drawing_screen
    assert all(b.isVisible() and not b.isEnabled() for b in screen.look_switch.buttons.values())
    assert screen.look_switch.lock.isVisible()
    assert screen.live_button.isVisible() and not screen.live_button.isEnabled()
    assert screen.live_lock.isVisible()
    _saved_picture(window)
    window.top_bar.gallery_button.click()
    settle(window)
    window.gallery_view.open(window.gallery_view.creations[0])
    delete = window.gallery_view.delete_button
    assert delete.isVisible() and not delete.isEnabled() and window.gallery_view.delete_lock.isVisible()
    lock = window.gallery_view.delete_lock.geometry()
    assert delete.rect().contains(lock), "the padlock sits on the button it locks"
    window.top_bar.settings_button.click()
    page = window.settings_page
    assert page.sound_off.isVisible() and not page.sound_off.isEnabled() and page.sound_lock.isVisible()
