"""What a child sees at the sizes the window allows: every button's words whole, the sheets big, the window
on the screen."""

import dataclasses
import io
import itertools
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import open_child
from helpers import mouse_stroke, settle
from PIL import Image
from PySide6.QtCore import QMargins, QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QApplication,
    QLabel,
    QProxyStyle,
    QStyleFactory,
)

from icanvas_desktop.drawing.picture import Picture
from icanvas_desktop.drawing.strokes import Crayon, Drawing
from icanvas_desktop.files.resources import bundled_models_dir
from icanvas_desktop.rewards.rules import Challenge, NoStars
from icanvas_desktop.ui.screen_fit import MINIMUM_SIZE, WINDOW_SIZE, window_geometry
from icanvas_desktop.words.i18n import rule_text, tr

ROOT = Path(__file__).resolve().parents[2]

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
    """Every shown button in `window` whose words are not painted whole, that is squeezed below the height
    its picture and words need, or that sticks out of the window."""
    global _painted_words
    _painted_words = _painted_words or PaintedWords()
    QApplication.processEvents()  # layouts settle before anything is measured
    problems = []
    inside = window.rect()
    for button in window.findChildren(QAbstractButton):
        if not button.isVisible():
            continue
        scroll_areas = [p for p in _ancestors(button) if isinstance(p, QAbstractScrollArea)]
        box = QRect(button.mapTo(window, button.rect().topLeft()), button.size())
        if not scroll_areas and not inside.contains(box):
            problems.append(f"{button.text()!r} sticks out of the window: {box} in {inside}")
        for area in scroll_areas:  # one that scrolls up and down only must show its whole width
            view = QRect(area.viewport().mapTo(window, QPoint(0, 0)), area.viewport().size())
            cannot_scroll = area.horizontalScrollBarPolicy() == Qt.ScrollBarPolicy.ScrollBarAlwaysOff
            if cannot_scroll and not view.left() <= box.left() <= box.right() <= view.right():
                problems.append(f"{button.text()!r} is cut at the side of its scroll area: {box} in {view}")
        if button.height() < button.sizeHint().height():
            problems.append(f"{button.text()!r} is squeezed to {button.height()} px "
                            f"of {button.sizeHint().height()}")
        if not button.text():
            continue
        button.setStyle(_painted_words)
        try:
            _painted_words.painted.clear()
            button.grab()
            # Qt paints a line break as U+2028.
            if button.text().replace("\n", "\u2028") not in _painted_words.painted:
                problems.append(f"{button.text()!r} is painted as {_painted_words.painted} "
                                f"({button.width()} px wide)")
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
        theme_id = window.drawing_screen.model.theme.id
        window.session.save_creation(Picture(Drawing(), png("white"), png("orange"), theme_id))
        window.resize(size)
        return window

    return make


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("size", [MINIMUM_SIZE, QSize(1024, 768), WINDOW_SIZE],
                         ids=lambda s: f"{s.width()}x{s.height()}")
def test_every_button_shows_all_its_words_on_every_screen(qtbot, bundled_window, language, size):
    window = bundled_window(language, size)
    screen = window.drawing_screen
    problems = []
    # the drawing screen, with the longest challenge any bundled theme has, a stroke, the lock note and the
    # celebration
    longest = max((p[language] for t in screen.theme_picker.themes for p in t.prompts), key=len)
    screen.challenge_button.setText(tr("challenge", language, prompt=longest))
    problems += cut_off(window)
    mouse_stroke(screen.canvas, [(0.2, 0.5), (0.8, 0.5)])
    screen.tools.crayon_buttons[Crayon.PURPLE].click()  # a crayon picked, with its message, and its stroke
    mouse_stroke(screen.canvas, [(0.3, 0.4), (0.7, 0.6)])
    screen.tools.pen_button.click()
    screen.set_live_locked(True)
    screen.print_button._allowed(False)  # printing off too, its lock beside it
    window.gallery_view.print_button._allowed(False)
    problems += cut_off(window)
    note = screen.live_lock.label
    if note.heightForWidth(note.width()) > note.height():
        problems.append(f"the lock note under Live is squeezed to {note.height()} px")
    screen.set_live_locked(False)
    # the look switch in each of its looks, and locked (its lock beside it)
    for look in ("clean", "crayon", "watercolour"):
        screen.set_look(look, locked=look == "clean")
        assert screen.look_switch.isVisible() and screen.look_switch.buttons[look].isChecked()
        problems += cut_off(window)
    screen.set_look("theme")
    window.celebration.celebrate(tr("stars_earned", language, n=11), [tr("level_up", language, n=2)],
                                 tr("yay", language), stars=11)
    problems += cut_off(window)
    window.celebration.dismiss()
    # the gallery: the wall, a creation, the question before deleting it
    window.show_gallery()
    qtbot.waitUntil(lambda: len(window.gallery_view.creations) == 1)
    problems += cut_off(window)
    window.gallery_view.open(window.gallery_view.creations[0])
    problems += cut_off(window)
    window.gallery_view.ask_delete()
    problems += cut_off(window)
    window.gallery_view.confirm.no.click()
    # settings, about, the grown-ups' corner, and who is drawing (the tiles and the new child's form)
    window.show_settings()
    problems += cut_off(window)
    window.show_about()
    problems += cut_off(window)
    # the grown-ups' corner, with a child's removal asked about
    window.show_settings()
    window.settings_page.grown_ups_button.held.emit()
    settle(window)
    QApplication.processEvents()  # the children's rows came with settle's last answer: laid out just after
    problems += cut_off(window)
    window.grown_ups.page.child_rows[window.profile.id].remove_button.click()
    QApplication.processEvents()  # the question makes the page taller: the scroll area follows a moment later
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
    # The crayons beside the tools take about 25 px from each (480 and 320 before there were crayons).
    for size, least in ((WINDOW_SIZE, 460), (MINIMUM_SIZE, 310)):
        window.resize(size)
        QApplication.processEvents()
        assert window.size() == size
        sheet, picture = screen.canvas.paper_rect().width(), screen.result_view.paper_rect().width()
        assert sheet >= least and abs(picture - sheet) <= 1, (size, sheet, picture)


def offer_the_longest_challenge(screen, language: str) -> str:
    """Offer the longest challenge of the bundled themes, as the screen offers one (fitted to its room), as
    if the child had done the others of its theme; return its words."""
    theme, prompt = max(((t, p) for t in screen.theme_picker.themes for p in t.prompts),
                        key=lambda tp: len(tp[1][language]))
    screen.challenge_button.offer(theme, frozenset(Challenge(theme.id, p["id"]) for p in theme.prompts
                                                   if p is not prompt))
    return prompt[language]


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("size", [MINIMUM_SIZE, WINDOW_SIZE], ids=lambda s: f"{s.width()}x{s.height()}")
def test_the_eight_crayons_are_big_targets_beside_the_pen(bundled_window, language, size):
    window = bundled_window(language, size)
    tools = window.drawing_screen.tools
    QApplication.processEvents()
    pen = QRect(tools.pen_button.mapTo(window, tools.pen_button.rect().topLeft()), tools.pen_button.size())
    boxes = [QRect(b.mapTo(window, b.rect().topLeft()), b.size()) for b in tools.crayon_buttons.values()]
    assert len(boxes) == 8 and all(b.isVisible() for b in tools.crayon_buttons.values())
    assert all(box.width() >= 44 and box.height() >= 44 for box in boxes), boxes  # a child's fingertip
    assert all(window.rect().contains(box) for box in boxes)
    # Beside the pen, at its top.
    assert boxes[0].left() > pen.right() and abs(boxes[0].top() - pen.top()) <= 4
    assert not any(a.intersects(b) for a, b in itertools.pairwise(boxes))
    sheet = window.drawing_screen.canvas
    assert QRect(sheet.mapTo(window, sheet.rect().topLeft()), sheet.size()).left() > boxes[0].right()
    # With the room they take, the headers over the sheet and the picture both reach in over "Make it!", but
    # never into each other, whatever the longest challenge.
    screen = window.drawing_screen
    offer_the_longest_challenge(screen, language)
    QApplication.processEvents()
    header = [QRect(w.mapTo(window, w.rect().topLeft()), w.size())
              for w in (screen.challenge_button, screen.result_title)]
    assert header[0].right() < header[1].left(), header


# Everything the drawing screen may say, with the longest star reasons after "Saved".
MESSAGES = ["done", "making_to_save", "other_drawing_undo", "draw_first", "pick_theme_first", "failed_theme",
            "failed_memory", "failed_other", "nothing_to_save", "saved", "saved_already", "save_failed",
            "gallery_repaired", "settings_not_saved", "look_clean_on", "look_crayon_on",
            "look_watercolour_on", "crayon_on", "profile_repaired", "draft_repaired",
            "child_settings_repaired", "picture_lost", "print_nothing", "printed", "print_wait",
            "print_failed"]


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


def test_the_window_opens_at_its_size_inside_the_screen(make_window, tmp_path):
    window = make_window([tmp_path], wait_for_themes=False)
    QApplication.processEvents()
    assert window.size() == WINDOW_SIZE
    assert window.screen().availableGeometry().contains(window.frameGeometry())


@pytest.mark.parametrize(("available", "frame", "inside"), [
    # the 1280×800 screen: the title bar takes its height from the window, not from the screen
    (QRect(0, 0, 1280, 800), QMargins(0, 37, 0, 0), QRect(0, 37, 1280, 763)),
    # a top panel and thin borders
    (QRect(0, 27, 1280, 773), QMargins(1, 37, 1, 1), QRect(1, 64, 1278, 735)),
    # room to spare: the preferred size, centred
    (QRect(0, 0, 1920, 1080), QMargins(8, 31, 8, 8), QRect(320, 151, 1280, 800)),
    # a screen smaller than the minimum size: the window still fits it
    (QRect(0, 0, 1024, 600), QMargins(0, 30, 0, 0), QRect(0, 30, 1024, 570)),
])
def test_the_window_and_its_frame_fit_in_the_screens_free_area(available, frame, inside):
    assert window_geometry(available, frame) == inside
    assert available.contains(inside.marginsAdded(frame))


def test_on_a_1280x800_screen_the_whole_window_is_on_it(tmp_path):
    """The issue's case, in a real window on a 1280×800 screen (the offscreen plugin frames windows with
    2 px borders): before, the window's inside alone was 1280×800."""
    config = tmp_path / "screen.json"
    config.write_text(json.dumps({"screens": [{"name": "small", "x": 0, "y": 0, "width": 1280, "height": 800,
                                               "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]}))
    script = f"""
import json, time
from PySide6.QtWidgets import QApplication
from icanvas_desktop.ui.appearance import apply_app_style
from icanvas_desktop.ui.main_window import MainWindow
app = QApplication(["icanvas", "-platform", "offscreen:configfile={config}"])
apply_app_style(app)
window = MainWindow(theme_folders=[], export_folder={str(tmp_path / "exports")!r})
window.show()
end = time.monotonic() + 1
while time.monotonic() < end:
    app.processEvents()
box = lambda r: [r.x(), r.y(), r.width(), r.height()]
print(json.dumps({{"frame": box(window.frameGeometry()), "inside": box(window.geometry()),
                  "available": box(window.screen().availableGeometry()),
                  "minimum": [window.minimumWidth(), window.minimumHeight()]}}))
window.shutdown()
"""
    env = {**os.environ, "PYTHONPATH": str(ROOT), "ICANVAS_DATA_DIR": str(tmp_path / "data"),
           "ICANVAS_SYSTEM_DIR": str(tmp_path / "system")}
    done = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True,
                          timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    shown = json.loads(done.stdout.strip().splitlines()[-1])
    frame, available = QRect(*shown["frame"]), QRect(*shown["available"])
    assert available == QRect(0, 0, 1280, 800) and available.contains(frame)
    assert shown["inside"] == [2, 2, 1276, 796]  # all the room the screen has, with the real frame
    assert shown["minimum"] == [MINIMUM_SIZE.width(), MINIMUM_SIZE.height()]


def test_the_note_about_broken_themes_takes_no_room_from_the_tools(make_window, tmp_path):
    broken = tmp_path / "more-themes" / "broken"
    broken.mkdir(parents=True)
    (broken / "manifest.json").write_text("{")
    window = make_window([bundled_models_dir(), broken.parent], locale="ko_KR")
    open_child(window, "민서")
    window.resize(MINIMUM_SIZE)
    assert window.drawing_screen.theme_picker.problems_label.isVisible()
    problems = cut_off(window)
    assert not problems, "\n".join(problems)


def clipped_words(widget) -> list[str]:
    """Every shown label in `widget` with less room than its words need."""
    clipped = []
    for label in widget.findChildren(QLabel):
        if not label.isVisible() or not label.text():
            continue
        if label.wordWrap():
            need = QSize(label.width(), label.heightForWidth(label.width()))
        else:
            need = label.sizeHint()
        if need.width() > label.width() or need.height() > label.height():
            clipped.append(f"{label.text()!r} needs {need.toTuple()}, has {label.size().toTuple()}")
    return clipped


@pytest.mark.parametrize("language", LANGUAGES)
def test_with_no_themes_yet_the_strip_says_so_in_whole_words(make_window, tmp_path, language):
    window = make_window([tmp_path], locale=LANGUAGES[language])
    open_child(window)
    window.resize(MINIMUM_SIZE)
    picker = window.drawing_screen.theme_picker
    QApplication.processEvents()
    assert picker.state == "empty"
    problems = clipped_words(picker)
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("language", LANGUAGES)
def _in_view(picker, tile) -> bool:
    viewport = picker.scroll_area.viewport()
    return viewport.rect().contains(QRect(tile.mapTo(viewport, tile.rect().topLeft()), tile.size()))


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("size", [MINIMUM_SIZE, QSize(1024, 768), WINDOW_SIZE],
                         ids=lambda s: f"{s.width()}x{s.height()}")
def test_every_bundled_theme_is_in_view_with_its_whole_name(bundled_window, language, size):
    window = bundled_window(language, size)
    picker = window.drawing_screen.theme_picker
    QApplication.processEvents()
    assert len(picker.tiles) == 9
    for tile in picker.tiles:  # "Space & sky": a lone & would be a shortcut mark, not shown
        assert tile.text().replace("&&", "&") == tile.theme.name(language)
        assert "&" not in tile.text().replace("&&", "")
        assert _in_view(picker, tile), f"{tile.theme.id} is out of view at {size.width()}x{size.height()}"
        assert tile.width() >= tile.sizeHint().width(), f"{tile.theme.id}'s name is cut"
    assert not picker.scroll_area.horizontalScrollBar().isVisible()


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_theme_past_the_strips_end_scrolls_into_view_when_there_are_many(qtbot, bundled_window, language):
    window = bundled_window(language, MINIMUM_SIZE)
    picker = window.drawing_screen.theme_picker
    many = [dataclasses.replace(theme, manifest={**theme.manifest, "id": f"{theme.id}-{n}"})
            for n in range(3) for theme in picker.themes]
    picker.set_themes(many, [])
    last = picker.tiles[-1]
    qtbot.waitUntil(lambda: picker.scroll_area.horizontalScrollBar().maximum() > 0)  # laid out
    assert all(tile.compact for tile in picker.tiles)
    assert not _in_view(picker, last), "27 themes no longer overflow the strip at the smallest size"
    picker.select(last.theme.id)
    QApplication.processEvents()
    assert _in_view(picker, last)


# A parent's theme may have challenges of up to 120 characters (manifest.schema.json), with a few spaces or
# none, and an "&".
LONG_PROMPTS = {
    "en": "Draw the biggest flower you can imagine & a bee, a ladybird and a snail hiding under its leaves, "
          "then the sun",
    "ko": "상상할 수 있는 가장 큰 꽃을 그려 보세요. 잎 아래에 벌, 무당벌레, 달팽이가 숨어 있고 하늘에는 해가 "
          "웃고 있어요 & 구름도",
    "no spaces": "가" * 120,
}


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("prompt", LONG_PROMPTS)
def test_a_long_challenge_goes_on_two_lines_and_leaves_the_sheets_their_room(
        make_window, theme_copy, language, prompt):
    manifest_path = next(theme_copy.glob("*/manifest.json"))
    manifest = json.loads(manifest_path.read_text("utf-8"))
    manifest["prompts"] = [{"id": "long", "en": LONG_PROMPTS[prompt], "ko": LONG_PROMPTS[prompt]}]
    manifest_path.write_text(json.dumps(manifest, ensure_ascii=False), "utf-8")
    window = make_window([theme_copy], locale=LANGUAGES[language])
    open_child(window)
    window.resize(MINIMUM_SIZE)
    QApplication.processEvents()
    screen = window.drawing_screen
    button = screen.challenge_button
    assert button.isVisible() and LONG_PROMPTS[prompt] in button.words
    assert button.words in button.toolTip()
    shown = button.text().replace("&&", "&")
    assert shown.count("\n") == 1 and "&" not in button.text().replace("&&", "")
    first, second = shown.split("\n")
    assert button.words.startswith(first) and second.removesuffix("…") in button.words
    # The first line is not a word or two with the rest squeezed onto the second.
    width = button.fontMetrics().horizontalAdvance
    assert width(first) > 0.6 * width(second)
    sheet, picture = screen.canvas.paper_rect().width(), screen.result_view.paper_rect().width()
    assert sheet >= 310 and abs(picture - sheet) <= 1, (sheet, picture)
    header = [QRect(w.mapTo(window, w.rect().topLeft()), w.size()) for w in (button, screen.result_title)]
    assert header[0].right() < header[1].left(), header
    assert all(b.width() >= 44 for b in screen.tools.crayon_buttons.values())
    assert not cut_off(window)


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("size", [MINIMUM_SIZE, QSize(1024, 768), WINDOW_SIZE],
                         ids=lambda s: f"{s.width()}x{s.height()}")
def test_the_titles_stay_on_one_line_beside_the_longest_challenge(bundled_window, language, size):
    window = bundled_window(language, size)
    screen = window.drawing_screen
    longest = offer_the_longest_challenge(screen, language)
    QApplication.processEvents()
    button = screen.challenge_button
    assert button.isVisible() and longest in button.words
    assert button.text().count("\n") <= 1
    for title in (screen.sketch_title, screen.result_title):
        metrics = title.fontMetrics()
        assert not title.wordWrap() and title.width() >= metrics.horizontalAdvance(title.text()), title.text()
    row = [QRect(w.mapTo(window, w.rect().topLeft()), w.size())
           for w in (screen.sketch_title, button, screen.result_title, screen.look_switch)]
    assert all(left.right() < right.left() for left, right in itertools.pairwise(row)), row
    assert not cut_off(window)
