"""Printing a creation: the picture alone on an upright page, or the sketch and the picture side by side on a
page turned sideways, as large as the page allows, with the child's name and the date small at the bottom.

What a lab or a parent decides (settings: `printing`, `print_delay_s`, `paper_size`, `print_dialog`, each
lockable by the administrator) is kept here: a child never sees a print dialog unless a grown-up allowed it,
and then prints on the computer's default printer; one child's prints are at least `print_delay_s` apart
(Tux Paint's printdelay). A clean picture is drawn afresh at the printer's resolution
(generation/big_picture.py), so its lines are as crisp on paper as the printer can make them.
"""

import time
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from PIL import Image
from PySide6.QtCore import QMarginsF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPageLayout, QPageSize, QPainter
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QWidget

from icanvas_desktop.gallery.export import ExportLayout, Redraw, copy_images
from icanvas_desktop.gallery.store import Creation
from icanvas_desktop.settings.user import Settings

# Enough for a crisp print; a PDF's default 1200 dpi would make pictures of 10,000 px for nothing.
PRINT_DPI = 300
# The most pixels a picture is drawn at on a page (an A3 page at 300 dpi is about 4960 px wide).
MAX_PICTURE_PX = 4096
MARGIN_MM = 10.0
# The caption's height and the gap between sketch and picture, as fractions of the page's shorter side.
CAPTION = 0.025
GAP = 0.02
CAPTION_COLOUR = QColor(110, 110, 110)
PAPER_SIZES = {"a4": QPageSize.PageSizeId.A4, "letter": QPageSize.PageSizeId.Letter}


class PrintGate:
    """When each child last printed, so that their prints are at least `print_delay_s` apart; in memory, as
    Tux Paint's own: the wait is about a class at the printer, not across days."""

    def __init__(self, clock: Callable[[], float] = time.monotonic):
        self._clock = clock
        self._last: dict[str, float] = {}

    def wait_s(self, child_id: str, settings: Settings) -> float:
        """Seconds before `child_id` may print again (0: now). Printing switched off never ends: check
        `settings.printing` first."""
        last = self._last.get(child_id)
        if last is None:
            return 0.0
        return max(0.0, settings.print_delay_s - (self._clock() - last))

    def printed(self, child_id: str) -> None:
        self._last[child_id] = self._clock()


def make_printer(settings: Settings, pdf: Path | None = None) -> QPrinter:
    """The computer's default printer (or a PDF file at `pdf`) on the paper the settings name, at
    PRINT_DPI."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    if pdf is not None:
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(pdf))
    printer.setResolution(PRINT_DPI)
    if settings.paper_size in PAPER_SIZES:
        printer.setPageSize(QPageSize(PAPER_SIZES[settings.paper_size]))
    printer.setPageMargins(QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM), QPageLayout.Unit.Millimeter)
    return printer


def choose_printer(settings: Settings, parent: QWidget | None = None) -> QPrinter | None:
    """The printer to print on: the default one, or the one a grown-up picks in the print dialog where the
    settings allow the dialog (None when it is cancelled)."""
    printer = make_printer(settings)
    if settings.print_dialog and QPrintDialog(printer, parent).exec() != QPrintDialog.DialogCode.Accepted:
        return None
    return printer


def caption(child_name: str, created: datetime, language: str) -> str:
    """The line at the bottom of the page: the child's name and the day the picture was made."""
    from icanvas_desktop.ui.gallery_view import local_date

    return f"{child_name} · {local_date(created, language)}"


class PrintFailed(Exception):
    """The printer could not be opened (none installed, or it refused the job)."""


# The picture `height` px high, and the sketch as the child saw it at that height for SIDE_BY_SIDE (else
# None): what a page shows (gallery.export.copy_images for a creation).
Images = Callable[[int, ExportLayout], tuple[Image.Image, Image.Image | None]]


def print_creation(printer: QPrinter, creation: Creation, layout: ExportLayout, text: str,
                   redraw: Redraw | None = None) -> None:
    """Print `creation` on `printer`: one page, turned to suit `layout`, with `text` at the bottom."""
    print_images(printer, layout, lambda height, kind: copy_images(creation, height, kind, redraw), text)


def print_images(printer: QPrinter, layout: ExportLayout, images: Images, text: str) -> None:
    """Print one page of `images` on `printer`, turned to suit `layout`, with `text` at the bottom; raises
    PrintFailed when the printer cannot be opened. Runs on the UI thread (a QPrinter is not for other
    threads); an A4 page takes about a second."""
    layout = ExportLayout(layout)
    printer.setPageOrientation(QPageLayout.Orientation.Portrait if layout is ExportLayout.PICTURE
                               else QPageLayout.Orientation.Landscape)
    page = QRectF(printer.pageLayout().paintRectPixels(printer.resolution()))
    page.moveTo(0, 0)
    boxes = page_boxes(page, layout)
    picture, sketch = images(min(round(boxes[-1].height()), MAX_PICTURE_PX), layout)
    painter = QPainter()
    if not painter.begin(printer):
        name = printer.printerName() or printer.outputFileName()
        raise PrintFailed(f"the printer {name!r} cannot be opened")
    try:
        paint_page(painter, page, picture, sketch, text)
    finally:
        painter.end()


def page_boxes(page: QRectF, layout: ExportLayout) -> list[QRectF]:
    """Where the sketch (side by side only) and the picture go on `page`: squares as large as fit above the
    caption, centred, the picture last."""
    short = min(page.width(), page.height())
    room = QRectF(page.x(), page.y(), page.width(), page.height() - 2 * CAPTION * short)
    count = 1 if ExportLayout(layout) is ExportLayout.PICTURE else 2
    gap = GAP * short * (count - 1)
    side = min(room.height(), (room.width() - gap) / count)
    left = room.x() + (room.width() - count * side - gap) / 2
    top = room.y() + (room.height() - side) / 2
    return [QRectF(left + k * (side + gap), top, side, side) for k in range(count)]


def paint_page(painter: QPainter, page: QRectF, picture: Image.Image, sketch: Image.Image | None,
               text: str) -> None:
    """One page: the sketch (if any) and the picture in page_boxes, `text` small and grey at the bottom.
    Painting onto a QImage gives what the printer gets."""
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    layout = ExportLayout.PICTURE if sketch is None else ExportLayout.SIDE_BY_SIDE
    images = [picture] if sketch is None else [sketch, picture]
    for box, image in zip(page_boxes(page, layout), images):
        painter.drawImage(box, _qimage(image))
    short = min(page.width(), page.height())
    font = QFont()
    font.setPixelSize(max(1, round(CAPTION * short * 0.6)))
    painter.setFont(font)
    painter.setPen(CAPTION_COLOUR)
    bottom = QRectF(page.x(), page.bottom() - 2 * CAPTION * short, page.width(), 2 * CAPTION * short)
    painter.drawText(bottom, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom, text)


def _qimage(image: Image.Image) -> QImage:
    rgb = image.convert("RGB")
    return QImage(rgb.tobytes(), rgb.width, rgb.height, 3 * rgb.width, QImage.Format.Format_RGB888).copy()
