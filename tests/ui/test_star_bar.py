"""The star bar: every earned badge says its name, on hover and when tapped, in the child's language."""

import pytest
from conftest import open_child
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QToolTip

from icanvas_desktop.profiles.session import StarStatus
from icanvas_desktop.rewards.badges import BADGES
from icanvas_desktop.ui.star_bar import StarBar
from icanvas_desktop.words.i18n import badge_name, tr


def test_each_badge_is_named_and_a_tap_shows_its_name(qtbot):
    bar = StarBar("ko")
    qtbot.addWidget(bar)
    bar.set_status(StarStatus.from_total(30))
    bar.show()
    qtbot.waitExposed(bar)
    shown = [label for label in bar.badge_labels if label.isVisible()]
    earned = [b for b in BADGES if b.stars <= 30]
    assert len(shown) == len(earned) == 3
    tips = [label.toolTip() for label in shown]
    assert tips == [tr("badge_tip", "ko", name=badge_name(b, "ko"), n=b.stars) for b in earned]
    assert len(set(tips)) == 3 and all(badge_name(b, "ko") in tip for b, tip in zip(earned, tips))

    QTest.mouseClick(shown[2], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(QToolTip.isVisible)
    assert QToolTip.text() == tips[2] and "반짝이는 화가" in QToolTip.text()
    QToolTip.hideText()

    bar.retranslate("en")
    assert shown[0].toolTip() == "First star: you earned it with 1 ★"


@pytest.mark.parametrize("locale", ["en_US", "ko_KR"])
def test_the_star_bar_keeps_all_its_words_at_the_smallest_window_on_every_screen(
    make_window, tmp_path, locale
):
    window = make_window([tmp_path], locale=locale)
    open_child(window)
    window.resize(window.minimumSize())
    bar = window.top_bar.star_bar
    for show in (window.show_drawing, window.show_gallery, window.show_settings, window.show_about):
        show()
        QApplication.processEvents()
        words = bar.no_badges
        assert words.isVisible() and bar.width() >= bar.sizeHint().width(), show.__name__
        assert words.heightForWidth(words.width()) <= words.height(), show.__name__
