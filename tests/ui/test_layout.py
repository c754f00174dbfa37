"""What a child sees at the sizes the window allows: every button's words whole, the sheets big, the window
on the screen."""

import io

import pytest
from conftest import open_child
from helpers import mouse_stroke
from PIL import Image
from PySide6.QtCore import QRect, QSize
from PySide6.QtWidgets import QAbstractButton, QAbstractScrollArea, QApplication, QProxyStyle, QStyleFactory

from icanvas_desktop.drawing.strokes import Drawing
from icanvas_desktop.i18n import rule_text, tr
from icanvas_desktop.resources import bundled_models_dir
from icanvas_desktop.rewards.rules import NoStars

MINIMUM_SIZE, WINDOW_SIZE = QSize(980, 660), QSize(1280, 800)

LANGUAGES = {"en": "en_US", "ko": "ko_KR"}


class PaintedWords(QProxyStyle):
    """The app's own style, noting every piece of text it paints: a label too long for its button is painted
    elided ("Save…lery"), so comparing what was painted with the button's text shows what a child reads."""

    def __init__(self):
        super().__init__(QStyleFactory.create(QApplication.style().name()))
        self.painted: list[str] = []

    def drawItemText(self, *args) -> None:  # painter, rect, flags, palette, enabled, text[, role]
        self.painted.append(args[5])
        super().drawItemText(*args)


_painted_words = None  # one for the session: buttons that borrow it must never outlive it


def cut_off(window) -> list[str]:
    """Every shown button in `window` whose words are not painted whole, or that sticks out of the window."""
    global _painted_words
    _painted_words = _painted_words or PaintedWords()
    QApplication.processEvents()  # layouts settle before anything is measured
    problems = []
    inside = window.rect()
    for button in window.findChildren(QAbstractButton):
        if not button.isVisible():
            continue
        in_scroll_area = any(isinstance(p, QAbstractScrollArea) for p in _ancestors(button))
        box = QRect(button.mapTo(window, button.rect().topLeft()), button.size())
        if not in_scroll_area and not inside.contains(box):
            problems.append(f"{button.text()!r} sticks out of the window: {box} in {inside}")
        if not button.text():
            continue
        button.setStyle(_painted_words)
        try:
            _painted_words.painted.clear()
            button.grab()
            if button.text() not in _painted_words.painted:
                problems.append(f"{button.text()!r} is painted as {_painted_words.painted} ({button.width()} px wide)")
        finally:
            button.setStyle(None)
    return problems


def _ancestors(widget):
    parent = widget.parentWidget()
    while parent is not None:
        yield parent
        parent = parent.parentWidget()


def png(colour: str) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (32, 32), colour).save(out, "PNG")
    return out.getvalue()


@pytest.fixture
def bundled_window(make_window):
    """The window with the bundled themes (their real names and challenges) and a child with one creation."""

    def make(language: str, size: QSize):
        window = make_window([bundled_models_dir()], locale=LANGUAGES[language])
        open_child(window, "Mina" if language == "en" else "민서")
        window.session.save_creation(Drawing(), png("white"), png("orange"), window.drawing_screen.theme.id)
        window.resize(size)
        return window

    return make


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("size", [MINIMUM_SIZE, QSize(1024, 768), WINDOW_SIZE], ids=lambda s: f"{s.width()}x{s.height()}")
def test_every_button_shows_all_its_words_on_every_screen(bundled_window, language, size):
    window = bundled_window(language, size)
    screen = window.drawing_screen
    problems = []
    # the drawing screen, with the longest challenge any bundled theme has, and with its picture
    longest = max((p[language] for t in screen.theme_picker.themes for p in t.prompts), key=len)
    screen.challenge_button.setText(tr("challenge", language, prompt=longest))
    problems += cut_off(window)
    mouse_stroke(screen.canvas, [(0.2, 0.5), (0.8, 0.5)])
    screen.set_live_locked(True)
    problems += cut_off(window)
    screen.set_live_locked(False)
    # the gallery: the wall, a creation, the question before deleting it
    window.show_gallery()
    problems += cut_off(window)
    window.gallery_view.open(window.gallery_view.creations[0])
    problems += cut_off(window)
    window.gallery_view.ask_delete()
    problems += cut_off(window)
    window.gallery_view.confirm.no.click()
    # settings and who is drawing (the tiles and the new child's form)
    window.show_settings()
    problems += cut_off(window)
    window.show_profiles()
    problems += cut_off(window)
    window.profile_picker.show_create()
    problems += cut_off(window)
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_sheet_and_the_picture_beside_it_are_big(bundled_window, language):
    window = bundled_window(language, WINDOW_SIZE)
    screen = window.drawing_screen
    for size, least in ((WINDOW_SIZE, 480), (MINIMUM_SIZE, 320)):
        window.resize(size)
        QApplication.processEvents()
        assert window.size() == size
        sheet, picture = screen.canvas.paper_rect().width(), screen.result_view.paper_rect().width()
        assert sheet >= least and abs(picture - sheet) <= 1, (size, sheet, picture)


# Everything the drawing screen may say, with the longest star reasons after "Saved".
MESSAGES = ["done", "making_to_save", "other_drawing_undo", "draw_first", "pick_theme_first", "failed_theme",
            "failed_memory", "failed_other", "nothing_to_save", "saved", "saved_already", "save_failed",
            "gallery_repaired", "settings_not_saved"]


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_message_fits_its_bubble_at_the_smallest_size(bundled_window, language):
    window = bundled_window(language, MINIMUM_SIZE)
    screen = window.drawing_screen
    texts = [tr(key, language) for key in MESSAGES]
    texts += [f"{tr(key, language)} {rule_text(reason, language)}" for key in ("saved", "saved_already")
              for reason in NoStars]
    too_long = []
    for text in texts:
        screen.say(text)
        QApplication.processEvents()
        label = screen.message.label
        if label.heightForWidth(label.width()) > label.height():
            too_long.append(f"{text!r}: {label.heightForWidth(label.width())} px of text in {label.height()}")
    assert not too_long, "\n".join(too_long)
