"""The settings page promises nothing the computer cannot do."""

from icanvas_desktop.settings.user import Settings
from icanvas_desktop.ui.settings_page import SettingsPage
from icanvas_desktop.words.i18n import tr


def _page(qtbot, tmp_path, sound_available: bool, sound: bool = True, locked=()) -> SettingsPage:
    page = SettingsPage(Settings(sound=sound), "en", tmp_path, sound_available, locked)
    qtbot.addWidget(page)
    page.show()
    return page


def test_without_a_sound_player_sound_shows_off_greyed_beside_the_reason(qtbot, tmp_path):
    page = _page(qtbot, tmp_path, sound_available=False, sound=True)
    assert page.sound_off.isChecked() and not page.sound_on.isChecked()
    assert not page.sound_on.isEnabled() and not page.sound_off.isEnabled()
    assert page.sound_note.isVisible() and page.sound_note.text() == tr("no_sound_player", "en")


def test_with_a_sound_player_the_childs_choice_shows_and_can_change(qtbot, tmp_path):
    page = _page(qtbot, tmp_path, sound_available=True, sound=True)
    assert page.sound_on.isChecked() and page.sound_on.isEnabled() and page.sound_off.isEnabled()
    assert not page.sound_note.isVisible()
    chosen = []
    page.sound_chosen.connect(chosen.append)
    page.sound_off.click()
    assert chosen == [False]


def test_the_grown_ups_corner_is_asked_for_by_a_hold_not_a_tap(qtbot, tmp_path):
    page = _page(qtbot, tmp_path, sound_available=True)
    asked = []
    page.grown_ups_requested.connect(lambda: asked.append(True))
    page.grown_ups_button.click()
    assert asked == [] and page.grown_ups_button.text() == tr("hold_for_grown_ups", "en")
    page.grown_ups_button.held.emit()
    assert asked == [True]
