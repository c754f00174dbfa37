"""The grown-ups' corner in the window: reached by the settings page's hold, and what it changes reaches the
rest of the window at once (a renamed child on the picker, a removed child's session closed, new
administrator settings in effect), with the files in their documented format."""

import json

from conftest import open_child
from helpers import settle
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from icanvas_desktop.ui.grown_ups_page import HOLD_MS
from icanvas_desktop.ui.main_window import MainWindow


def _corner(qtbot, window: MainWindow, hold: bool = False):
    """Settings, then the grown-ups' corner, as a parent reaches it; `hold` really holds for two seconds."""
    window.top_bar.settings_button.click()
    assert window.current_screen == "settings"
    button = window.settings_page.grown_ups_button
    if hold:
        QTest.mousePress(button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: window.current_screen == "grown_ups", timeout=HOLD_MS + 2000)
        QTest.mouseRelease(button, Qt.MouseButton.LeftButton)
    else:
        button.held.emit()
    settle(window)
    assert window.current_screen == "grown_ups" and not window.top_bar.isVisible()
    return window.grown_ups.page


def _tile_names(window: MainWindow) -> list[str]:
    return sorted(tile.text() for tile in window.profile_picker.tiles)


def test_a_hold_opens_the_corner_and_a_renamed_child_shows_everywhere(qtbot, make_window, tmp_path):
    window = make_window([tmp_path / "no-themes"])
    window.store.create("Jun", "dog")
    mina = open_child(window)
    page = _corner(qtbot, window, hold=True)
    row = page.child_rows[mina.id]
    row.name_edit.setText("Mina Kim")
    row.rename_button.click()
    settle(window)
    assert json.loads((mina.folder / "profile.json").read_text())["name"] == "Mina Kim"
    assert _tile_names(window) == ["Jun", "Mina Kim"]
    assert window.top_bar.profile_button.text() == "Mina Kim" and window.profile.name == "Mina Kim"
    page.back_button.click()
    assert window.current_screen == "settings", "one way back: to the settings the corner was reached from"


def test_removing_the_drawing_child_closes_their_session_and_bringing_back_returns_them(qtbot, make_window,
                                                                                        tmp_path):
    window = make_window([tmp_path / "no-themes"])
    window.store.create("Jun", "dog")
    mina = open_child(window)
    session = window.session
    page = _corner(qtbot, window)
    row = page.child_rows[mina.id]
    row.remove_button.click()
    row.yes.click()
    assert window.session is session, "one yes is not enough"
    row.yes.click()
    settle(window)
    assert window.session is None and window.profile is None
    assert not mina.folder.exists() and _tile_names(window) == ["Jun"]
    [(removed, bring_back)] = page.removed_rows
    assert removed.profile.id == mina.id
    bring_back.click()
    settle(window)
    assert _tile_names(window) == ["Jun", "Mina"] and mina.folder.is_dir()
    page.back_button.click()
    assert window.current_screen == "profiles", "nobody is drawing any more"
    assert not window.top_bar.isVisible()


def test_administrator_settings_saved_in_the_corner_hold_at_once_in_the_documented_file(qtbot, make_window,
                                                                                       tmp_path):
    window = make_window([tmp_path / "no-themes"])
    open_child(window)
    assert not window.isFullScreen() and window.drawing_screen.live_button.isEnabled()
    page = _corner(qtbot, window)
    assert page.writable  # ICANVAS_SYSTEM_DIR is the test's own folder (conftest)
    page.switches["kiosk"].setChecked(True)
    page.locks["kiosk"].setChecked(True)
    page.switches["live_mode"].setChecked(True)
    page.locks["live_mode"].setChecked(True)
    page.switches["sound"].setChecked(False)
    page.locks["sound"].setChecked(True)
    page.look_choice.setCurrentIndex(page.look_choice.findData("clean"))
    page.locks["look"].setChecked(True)
    page.switches["children_may_delete"].setChecked(False)
    page.save_lab.click()
    settle(window)
    document = json.loads((tmp_path / "system" / "system_settings.json").read_text())
    assert document == {"version": 1,
                        "settings": {"kiosk": True, "live_mode": True, "sound": False,
                                     "children_may_delete": False, "printing": True, "print_dialog": False,
                                     "look": "clean", "print_delay_s": 0, "paper_size": "system"},
                        "locked": ["kiosk", "live_mode", "look", "sound"]}
    assert window.isFullScreen() and window.kiosk.keeps_open
    live = window.drawing_screen.live_button
    assert live.isChecked() and not live.isEnabled()
    assert not window.sound.enabled and not window.settings_page.sound_on.isEnabled()
    assert window.drawing_screen.look_switch.locked
    assert not window.gallery_view.delete_button.isEnabled()
    page.locks["kiosk"].setChecked(False)
    page.switches["kiosk"].setChecked(False)
    page.save_lab.click()
    settle(window)
    assert not window.isFullScreen() and not window.kiosk.keeps_open
