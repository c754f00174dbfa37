"""The Print buttons of the drawing screen (the picture alone) and the gallery (alone or beside the sketch),
obeying what grown-ups set: printing off, the wait between one child's prints, the dialog. Printed to PDF
files through the window's own print desk, with the printer handed in as the settings would make it."""

import json
import re

import pytest
from conftest import TIMEOUT_MS, open_child
from helpers import mouse_stroke, settle
from PySide6.QtCore import QRectF
from PySide6.QtPrintSupport import QPrintDialog

from icanvas_desktop.ui import printing
from icanvas_desktop.words.i18n import tr

A4_POINTS = (595, 842)


def admin(tmp_path, settings: dict, locked=()) -> None:
    folder = tmp_path / "system"  # ICANVAS_SYSTEM_DIR (conftest)
    folder.mkdir(exist_ok=True)
    (folder / "system_settings.json").write_text(
        json.dumps({"version": 1, "settings": settings, "locked": list(locked)}))


def to_pdf(window, folder):
    """Every print of `window` goes to a new PDF file in `folder` (the list returned names them)."""
    made = []
    desk = window.drawing_screen.print_button.desk
    assert desk is window.gallery_view.print_button.desk, "one desk: one wait per child on both screens"

    def choose(settings, parent):
        made.append(folder / f"page{len(made)}.pdf")
        return printing.make_printer(settings, made[-1])

    desk.choose = choose
    return made


def page(pdf) -> tuple[tuple[int, int], list[int]]:
    """The page's size in points and the widths of the images on it."""
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF")
    boxes = re.findall(rb"/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]", data)
    assert len(boxes) == 1
    widths = [int(w) for w in re.findall(rb"/Subtype\s*/Image\s*/Width\s+(\d+)", data)]
    return (round(float(boxes[0][0])), round(float(boxes[0][1]))), widths


def make_picture(qtbot, screen) -> None:
    mouse_stroke(screen.canvas, [(0.3, 0.3), (0.7, 0.3), (0.7, 0.7), (0.3, 0.7), (0.3, 0.3)])
    screen.make_button.click()
    qtbot.waitUntil(lambda: screen.model.picture is not None and not screen.service.busy, timeout=TIMEOUT_MS)


def test_the_drawing_screen_prints_the_picture_alone_on_a_page_and_waits_between_prints(
        qtbot, make_window, themes_folder, tmp_path):
    admin(tmp_path, {"paper_size": "a4", "print_delay_s": 300})
    window = make_window([themes_folder])
    open_child(window)
    screen = window.drawing_screen
    pdfs = to_pdf(window, tmp_path)
    button = screen.print_button
    assert button.isVisible() and button.button.isEnabled() and not button.lock.isVisible()
    assert button.parentWidget() is screen.result_view, "in the picture's corner"
    assert screen.result_view.paper_rect().contains(QRectF(button.geometry()))
    button.button.click()
    assert not pdfs and screen.message.text == tr("print_nothing", "en"), "no picture yet"

    make_picture(qtbot, screen)
    button.button.click()
    assert screen.message.text == tr("printed", "en")
    size, widths = page(pdfs[0])
    usable = (A4_POINTS[0] / 72 - 2 * printing.MARGIN_MM / 25.4) * printing.PRINT_DPI
    assert size == A4_POINTS and len(widths) == 1 and widths[0] > 0.85 * usable, (size, widths)

    button.button.click()
    assert len(pdfs) == 1 and screen.message.text == tr("print_wait", "en", n=5), "too soon: said kindly"


def test_printing_off_greys_both_buttons_with_the_lock_note(qtbot, make_window, themes_folder, tmp_path):
    admin(tmp_path, {"printing": False}, locked=["printing"])
    window = make_window([themes_folder])
    open_child(window)
    for button in (window.drawing_screen.print_button, window.gallery_view.print_button):
        assert not button.button.isEnabled() and button.lock.isVisibleTo(button)
        assert button.lock.text() == tr("locked_by_adult", "en")
    pdfs = to_pdf(window, tmp_path)
    make_picture(qtbot, window.drawing_screen)
    window.drawing_screen.print_button._print(printing.ExportLayout.PICTURE)  # as a tap would, were it on
    assert not pdfs


def test_a_child_never_sees_the_dialog_unless_a_grown_up_allowed_it(make_window, themes_folder, tmp_path,
                                                                     monkeypatch, qtbot):
    shown = []
    monkeypatch.setattr(QPrintDialog, "exec", lambda dialog: shown.append(dialog) or 0)  # cancelled
    window = make_window([themes_folder])
    open_child(window)
    screen = window.drawing_screen
    make_picture(qtbot, screen)
    desk = screen.print_button.desk
    monkeypatch.setattr(printing, "make_printer", lambda settings: printing.QPrinter())  # no real printer
    assert desk.choose(desk.effective.current, window) is not None and not shown
    window.close()

    admin(tmp_path, {"print_dialog": True})
    window = make_window([themes_folder])
    open_child(window, "Jiho", "dog")
    screen = window.drawing_screen
    make_picture(qtbot, screen)
    screen.message.hide()
    screen.print_button.button.click()
    assert len(shown) == 1, "the grown-up's dialog"
    assert screen.message.isHidden(), "cancelled: nothing printed, nothing said"


@pytest.mark.parametrize("language", ["en", "ko"])
def test_the_gallery_prints_the_picture_alone_or_beside_the_sketch(qtbot, make_window, themes_folder,
                                                                    tmp_path, language):
    admin(tmp_path, {"paper_size": "a4"})
    window = make_window([themes_folder], locale={"en": "en_US", "ko": "ko_KR"}[language])
    open_child(window)
    screen = window.drawing_screen
    make_picture(qtbot, screen)
    screen.save_button.click()
    settle(window)
    window.celebration.dismiss()
    window.top_bar.gallery_button.click()
    settle(window)
    gallery = window.gallery_view
    gallery.open(gallery.creations[0])
    pdfs = to_pdf(window, tmp_path)
    button = gallery.print_button
    assert button.isVisible() and button.button.text() == tr("print", language)
    button.button.click()
    choice = button.choice
    assert choice.isVisible() and not pdfs, "the child chooses first"
    assert [b.text() for b in choice.buttons.values()] == [tr("print_picture", language),
                                                           tr("print_both", language)]
    choice.buttons[printing.ExportLayout.SIDE_BY_SIDE].click()
    assert not choice.isVisible() and gallery.message.text == tr("printed", language)
    size, widths = page(pdfs[0])
    assert size == A4_POINTS[::-1] and len(widths) == 2, (size, widths)
    button.button.click()
    choice.buttons[printing.ExportLayout.PICTURE].click()
    size, widths = page(pdfs[1])
    assert size == A4_POINTS and len(widths) == 1, (size, widths)


def test_a_printer_that_cannot_be_opened_is_said_kindly_and_does_not_count_as_a_print(
        qtbot, make_window, themes_folder, tmp_path):
    admin(tmp_path, {"print_delay_s": 300})
    window = make_window([themes_folder])
    open_child(window)
    screen = window.drawing_screen
    make_picture(qtbot, screen)
    desk = screen.print_button.desk
    nowhere = tmp_path / "gone" / "x" / "page.pdf"  # a folder that is not there: the PDF cannot open
    desk.choose = lambda settings, parent: printing.make_printer(settings, nowhere)
    screen.print_button.button.click()
    assert screen.message.text == tr("print_failed", "en") and screen.message.property("kind") == "problem"
    pdfs = to_pdf(window, tmp_path)
    screen.print_button.button.click()
    assert len(pdfs) == 1 and pdfs[0].exists(), "no wait after a print that failed"
