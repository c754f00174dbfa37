"""The generated picture on its own sheet of paper, with a spinner and a word while it is being made.

A picture in the clean look is shown at the screen's resolution: once it is set (with its strokes), the
background helper draws it afresh at the paper's size in device pixels (generation/big_picture.py), and
again after a resize; until then, and for any other look, the theme's picture is shown enlarged.

In a picture of several things, the one "Is it a ...?" asks about is ringed (`set_ring`), and a tap on the
picture says where (`tapped`), so that the child can ask about another (ui/guess_bar.py).
"""

import math
from functools import partial

from PySide6.QtCore import QEvent, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QImage, QMouseEvent, QPainter, QPaintEvent, QPen, QPixmap
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

from icanvas_desktop.drawing.strokes import Drawing
from icanvas_desktop.ui.appearance import pixmap
from icanvas_desktop.ui.background import Background
from icanvas_desktop.ui.controls import BusyIndicator
from icanvas_desktop.ui.paper_sheet import on_paper, paper_rect

# The ring round the thing asked about: the app's orange, wide enough to see on any colour, a little outside
# the thing's lines.
RING_COLOUR = "#ff8a00"
RING_WIDTH = 4
RING_MARGIN = 6


class ResultView(QWidget):
    """The generated picture on its own sheet of paper; a spinner and a word while it is being made."""

    tapped = Signal(float, float)  # where the child tapped the picture: shares of the sheet's width, height

    def __init__(self, parent: QWidget | None = None, background: Background | None = None):
        super().__init__(parent)
        self.background = background  # without one, pictures are only enlarged
        self._source: tuple[Drawing, bytes] | None = None  # a clean picture's strokes and PNG
        self._scalable = None  # its ScalablePicture, made and used on the background thread only
        self._sharp: QPixmap | None = None  # the source drawn at _sharp_side device pixels
        self._sharp_side = 0
        self._asked_side = 0  # the side being drawn now (0: none)
        self.setObjectName("resultView")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(220, 220)
        self._picture: QPixmap | None = None
        self._placeholder = ""
        self._busy_state: tuple | None = None
        self.busy = BusyIndicator(84, self)
        self.stage_label = QLabel(self)
        self.stage_label.setObjectName("stageLabel")
        self.stage_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.corner_busy = BusyIndicator(40, self)
        self.busy.hide()
        self.stage_label.hide()
        self.corner_busy.hide()
        self._corner: QWidget | None = None  # a button in the paper's bottom right corner
        self._ring: tuple[float, float, float, float] | None = None  # shares of the sheet

    def sizeHint(self) -> QSize:
        return QSize(520, 520)

    def paper_rect(self) -> QRectF:
        return paper_rect(self.width(), self.height())

    @property
    def has_picture(self) -> bool:
        return self._picture is not None

    def set_picture(self, png: bytes | None, drawing: Drawing | None = None, look: str | None = None) -> None:
        """Show `png`; with its `drawing` and the `look` it was made in, drawn afresh at the screen's
        resolution when that look is the clean one."""
        if png is None:
            self._picture = None
        else:
            image = QPixmap()
            image.loadFromData(png, "PNG")
            self._picture = image if not image.isNull() else None
        sharp = self._picture is not None and drawing is not None and look == "clean"
        self._source = (Drawing(drawing.strokes), png) if sharp else None
        self._scalable, self._sharp, self._sharp_side, self._asked_side = None, None, 0, 0
        self._ask_sharp()
        self.update()

    def _device_side(self) -> int:
        return math.ceil(self.paper_rect().width() * self.devicePixelRatioF())

    def _ask_sharp(self) -> None:
        """Have the picture drawn at the paper's size in device pixels, unless it is, or is being, or the
        theme's picture is as big already."""
        side = self._device_side()
        if (self.background is None or self._source is None or self._asked_side
                or side in (self._sharp_side, 0) or side <= self._picture.width()):
            return
        source, scalable = self._source, self._scalable
        try:
            self.background.run(partial(_draw_sharp, source, scalable, side),
                                on_done=lambda done: self._sharp_done(source, done),
                                on_error=lambda _: self._sharp_done(source, None))
        except RuntimeError:  # the window is closing and the background helper with it
            self._source = None
            return
        self._asked_side = side

    def _sharp_done(self, source: tuple, done: tuple | None) -> None:
        if source is not self._source:  # another picture came meanwhile
            return
        self._asked_side = 0
        if done is not None:
            self._scalable, image = done
            self._sharp, self._sharp_side = QPixmap.fromImage(image), image.width()
            self.update()
        else:
            self._source = None  # it cannot be drawn: the enlarged picture stays, and no one asks again
        self._ask_sharp()  # resized while it was drawn

    def set_corner(self, widget: QWidget) -> None:
        """Keep `widget` in the bottom right corner of the paper, over the picture."""
        self._corner = widget
        widget.setParent(self)
        widget.installEventFilter(self)  # placed again when it shows or changes size (its lock comes or goes)
        self._place()

    def eventFilter(self, watched, event: QEvent) -> bool:
        if watched is self._corner and event.type() in (QEvent.Type.LayoutRequest, QEvent.Type.Show):
            self._place()
        return super().eventFilter(watched, event)

    def set_ring(self, box: tuple[float, float, float, float] | None) -> None:
        """Ring the thing in `box` (left, top, right, bottom, shares of the sheet), or nothing (None)."""
        if box != self._ring:
            self._ring = box
            pointing = Qt.CursorShape.PointingHandCursor if box is not None else Qt.CursorShape.ArrowCursor
            self.setCursor(pointing)
            self.update()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        paper = self.paper_rect()
        place = event.position()
        if self._picture is not None and paper.contains(place):
            self.tapped.emit((place.x() - paper.x()) / paper.width(),
                             (place.y() - paper.y()) / paper.height())
        super().mouseReleaseEvent(event)

    def set_placeholder(self, text: str) -> None:
        self._placeholder = text
        self.update()

    def set_busy(self, text: str | None, small: bool = False) -> None:
        """Show the spinner with `text` over the paper (or `small`, in its corner), or hide it (None)."""
        busy = text is not None
        state = (small, None if small else text) if busy else None
        if state == self._busy_state:  # live mode passes here several times per picture
            return
        self._busy_state = state
        self.stage_label.setText(text or "")
        self.busy.setVisible(busy and not small)
        self.stage_label.setVisible(busy and not small)
        self.corner_busy.setVisible(busy and small)
        self._place()
        self.update()

    @property
    def is_busy(self) -> bool:
        return not self.busy.isHidden() or not self.corner_busy.isHidden()

    def resizeEvent(self, event) -> None:
        self._place()
        self._ask_sharp()
        super().resizeEvent(event)

    def _place(self) -> None:
        paper = self.paper_rect()
        self.busy.move(int(paper.center().x() - self.busy.width() / 2),
                       int(paper.center().y() - self.busy.height()))
        self.stage_label.setFixedWidth(int(paper.width()) - 40)
        self.stage_label.adjustSize()
        self.stage_label.move(int(paper.x()) + 20, int(paper.center().y() + 12))
        self.corner_busy.move(int(paper.right() - self.corner_busy.width() - 10), int(paper.y() + 10))
        if self._corner is not None:
            self._corner.adjustSize()
            self._corner.move(int(paper.right() - self._corner.width() - 8),
                              int(paper.bottom() - self._corner.height() - 8))

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        paper = self.paper_rect()
        with on_paper(painter, paper, QColor("#fffdf7")):
            if self._picture is not None:
                shown = self._sharp if self._sharp is not None else self._picture
                painter.drawPixmap(paper, shown, QRectF(shown.rect()))
                if self._ring is not None:
                    self._paint_ring(painter, paper)
            elif self.busy.isHidden():
                art = pixmap("palette", 96)
                painter.setOpacity(0.35)
                painter.drawPixmap(int(paper.center().x() - 48), int(paper.center().y() - 96), art)
                painter.setOpacity(1.0)
                painter.setPen(QColor("#8a7f6c"))
                text_box = QRectF(paper.x() + 24, paper.center().y() + 12, paper.width() - 48,
                                  paper.height() / 2 - 24)
                painter.drawText(text_box, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop
                                 | Qt.TextFlag.TextWordWrap, self._placeholder)
            if not self.busy.isHidden():
                painter.fillRect(paper, QColor(255, 253, 247, 200))


    def _paint_ring(self, painter: QPainter, paper: QRectF) -> None:
        left, top, right, bottom = self._ring
        ring = QRectF(paper.x() + left * paper.width(), paper.y() + top * paper.height(),
                      (right - left) * paper.width(), (bottom - top) * paper.height())
        ring = ring.adjusted(-RING_MARGIN, -RING_MARGIN, RING_MARGIN, RING_MARGIN).intersected(
            paper.adjusted(RING_WIDTH / 2, RING_WIDTH / 2, -RING_WIDTH / 2, -RING_WIDTH / 2))
        pen = QPen(QColor(RING_COLOUR), RING_WIDTH, Qt.PenStyle.DashLine, Qt.PenCapStyle.RoundCap)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRoundedRect(ring, 12, 12)
        painter.restore()


def _draw_sharp(source: tuple[Drawing, bytes], scalable, side: int) -> tuple[object, QImage]:
    """On the background thread: the picture of `source` at `side` px, and the ScalablePicture that drew it
    (made here the first time, to be handed back for the next size)."""
    import io

    from PIL import Image

    from icanvas_desktop.generation.big_picture import ScalablePicture

    if scalable is None:
        drawing, png = source
        with Image.open(io.BytesIO(png)) as picture:
            scalable = ScalablePicture(drawing, picture.convert("RGB"))
    image = scalable.at(side)
    return scalable, QImage(image.tobytes(), side, side, 3 * side, QImage.Format.Format_RGB888).copy()
