"""A child open in one window is refused kindly in a second one, and can open there once the first closes."""

from conftest import open_child, open_profile
from helpers import settle

from icanvas_desktop.words.i18n import tr


def test_the_second_window_says_the_child_is_drawing_elsewhere(make_window, themes_folder):
    first = make_window([themes_folder])
    profile = open_child(first)
    second = make_window([themes_folder])
    second.open_profile(profile)
    settle(second)
    assert second.session is None and second.current_screen == "profiles"
    assert second.profile_picker.message.text == tr("profile_in_use", "en")
    first.close()
    open_profile(second, profile)
