"""The About page: reached from the settings, credits for the app and every installed theme, in both
languages."""

from dataclasses import asdict

import pytest
from conftest import open_child
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from icanvas_desktop import __version__
from icanvas_desktop.files.resources import bundled_models_dir
from icanvas_desktop.themes.discovery import discover_themes
from icanvas_desktop.words.credits import APP_CREDITS, localised
from icanvas_desktop.words.i18n import tr


@pytest.fixture
def window(make_window, themes_folder):
    window = make_window([bundled_models_dir(), themes_folder], locale="ko_KR")
    open_child(window)
    return window


def test_about_lists_the_version_the_app_credits_and_every_theme(window, themes_folder):
    window.top_bar.settings_button.click()
    QTest.mouseClick(window.settings_page.about_button, Qt.MouseButton.LeftButton)
    assert window.current_screen == "about"
    page = window.about_page
    assert page.title.text() == tr("about", "ko") == "만든 사람들"
    text = page.text()
    assert __version__ in text
    for credit in APP_CREDITS:
        assert localised(asdict(credit), "source", "ko") in text and credit.license in text
    themes, _ = discover_themes([bundled_models_dir(), themes_folder])
    assert len(themes) >= 3
    for theme in themes:
        data = theme.manifest["data"]
        assert theme.name("ko") in text
        assert localised(data, "source", "ko") in text and localised(data, "license", "ko") in text
    assert "made for iCanvas" not in text and "pictures from" not in text and "*.png" not in text

    window.set_language_setting("en")
    assert page.title.text() == "About" and tr("about_themes", "en") in page.text()
    assert tr("about_themes", "ko") not in page.text()
    assert all(t.name("en") in page.text() for t in themes)
    page.back_button.click()
    assert window.current_screen == "settings"


def test_about_says_when_no_theme_is_installed(make_window, tmp_path):
    window = make_window([tmp_path / "none"])
    assert tr("about_no_themes", "en") in window.about_page.text()
