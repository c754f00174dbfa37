"""Printing: a PDF page of the right size in the orientation the layout needs, the picture filling it, the
child's name and the date at the bottom; the settings that limit printing; the wait between prints."""

import re
from datetime import UTC, datetime

import numpy as np
import pytest
from PIL import Image
from PySide6.QtCore import QRectF
from PySide6.QtGui import QImage, QPainter

from icanvas_desktop.drawing.rasterize import png_bytes, render_sketch
from icanvas_desktop.drawing.strokes import Crayon, Drawing, PenSize, Point, Stroke, Tool
from icanvas_desktop.gallery.export import ExportLayout, copy_images
from icanvas_desktop.gallery.store import Gallery
from icanvas_desktop.generation.big_picture import big_picture
from icanvas_desktop.generation.clean_look import find_regions, paint_regions
from icanvas_desktop.generation.sketch_input import sketch_to_array
from icanvas_desktop.settings.user import Settings
from icanvas_desktop.ui import printing

A4_POINTS = (595, 842)
LETTER_POINTS = (612, 792)


def creation(tmp_path):
    ring = Stroke(Tool.PEN, PenSize.MEDIUM, tuple(Point(0.5 + 0.3 * np.cos(t), 0.5 + 0.3 * np.sin(t))
                                                  for t in np.linspace(0, 2 * np.pi, 90)))
    drawing = Drawing([ring, Stroke(Tool.CRAYON, PenSize.LARGE, (Point(0.45, 0.5), Point(0.55, 0.5)),
                                    Crayon.RED)])
    sketch = render_sketch(drawing, 256)
    regions = find_regions(sketch_to_array(sketch, 256)[..., 0])
    picture = paint_regions(regions, Image.new("RGB", (256, 256), (240, 160, 40)))
    gallery = Gallery(tmp_path / "g")
    staged = gallery.stage(drawing, png_bytes(sketch), png_bytes(picture), "animals", fingerprint="fp",
                           look="clean", created_at=datetime(2026, 5, 9, 9, 0, tzinfo=UTC))
    made = gallery.commit(staged)
    gallery.close()
    return made


def media_boxes(pdf: bytes) -> list[tuple[int, int]]:
    return [(round(float(w)), round(float(h)))
            for w, h in re.findall(rb"/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]", pdf)]


@pytest.mark.parametrize("layout, paper, expected", [
    (ExportLayout.PICTURE, "a4", A4_POINTS),
    (ExportLayout.SIDE_BY_SIDE, "a4", A4_POINTS[::-1]),
    (ExportLayout.PICTURE, "letter", LETTER_POINTS),
])
def test_a_page_in_the_layouts_orientation_on_the_paper_chosen(qapp, tmp_path, layout, paper, expected):
    pdf = tmp_path / "page.pdf"
    printer = printing.make_printer(Settings(paper_size=paper), pdf)
    printing.print_creation(printer, creation(tmp_path), layout, "Minseo · May 9", redraw=big_picture)
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF") and media_boxes(data) == [expected]
    # The picture (and the sketch) are in it as images as large as the page allows at 300 dpi.
    widths = [int(w) for w in re.findall(rb"/Subtype\s*/Image\s*/Width\s+(\d+)", data)]
    usable = (min(expected) / 72 - 2 * printing.MARGIN_MM / 25.4) * printing.PRINT_DPI
    assert widths and max(widths) > (0.85 if layout is ExportLayout.PICTURE else 0.4) * usable, widths


def test_the_page_is_filled_and_captioned(qapp, tmp_path):
    """The page as the printer gets it, painted on an image: docs/printing/ keeps one to look at."""
    made = creation(tmp_path)
    for layout, size in ((ExportLayout.PICTURE, (827, 1169)), (ExportLayout.SIDE_BY_SIDE, (1169, 827))):
        page = QImage(*size, QImage.Format.Format_RGB888)
        page.fill(0xFFFFFF)
        boxes = printing.page_boxes(QRectF(0, 0, *size), layout)
        picture, sketch = copy_images(made, round(boxes[-1].height()), layout, big_picture)
        painter = QPainter(page)
        printing.paint_page(painter, QRectF(0, 0, *size), picture, sketch, "Minseo · May 9")
        painter.end()
        short = min(size)
        assert boxes[-1].height() > 0.85 * (max(size) if layout is ExportLayout.PICTURE else short) * 0.6
        pixels = np.asarray(Image.frombytes("RGB", size, bytes(page.constBits()), "raw", "RGB",
                                            page.bytesPerLine()))
        centre = boxes[-1].center()
        assert tuple(pixels[round(centre.y()), round(centre.x())]) != (255, 255, 255), "the picture is there"
        caption_rows = pixels[round(size[1] - 2 * printing.CAPTION * short):]
        assert (caption_rows.min(-1) < 200).any(), "the caption is written at the bottom"
        if sketch is not None:
            left = boxes[0].center()
            red, green, _ = pixels[round(left.y()), round(left.x())].astype(int)
            assert red > green + 40, "the sketch shows the red crayon"


def test_a_childs_prints_are_the_delay_apart_and_each_child_has_their_own(qapp):
    now = [1000.0]
    gate = printing.PrintGate(clock=lambda: now[0])
    settings = Settings(print_delay_s=300)
    assert gate.wait_s("minseo", settings) == 0
    gate.printed("minseo")
    now[0] += 100
    assert gate.wait_s("minseo", settings) == 200 and gate.wait_s("jiho", settings) == 0
    now[0] += 200
    assert gate.wait_s("minseo", settings) == 0
    assert gate.wait_s("minseo", Settings()) == 0


def test_without_the_dialog_allowed_the_default_printer_is_used_and_no_dialog_shows(qapp, monkeypatch):
    def no_dialog(*args):
        raise AssertionError("a child never sees the print dialog unless a grown-up allowed it")

    monkeypatch.setattr(printing, "QPrintDialog", no_dialog)
    assert printing.choose_printer(Settings()) is not None


@pytest.mark.parametrize("values", [{"print_delay_s": -1}, {"print_delay_s": 10 ** 9},
                                    {"print_delay_s": True}, {"paper_size": "a3"}, {"printing": "yes"},
                                    {"print_dialog": 1}])
def test_print_settings_refuse_nonsense(values):
    with pytest.raises((TypeError, ValueError)):
        Settings(**values)
