"""The generated picture on its own sheet of paper, with a spinner and a word while it is being made."""

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPixmap
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

from icanvas_desktop.ui.appearance import pixmap
from icanvas_desktop.ui.controls import BusyIndicator
from icanvas_desktop.ui.paper_sheet import on_paper, paper_rect


class ResultView(QWidget):
    """The generated picture on its own sheet of paper; a spinner and a word while it is being made."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
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

    def sizeHint(self) -> QSize:
        return QSize(520, 520)

    def paper_rect(self) -> QRectF:
        return paper_rect(self.width(), self.height())

    @property
    def has_picture(self) -> bool:
        return self._picture is not None

    def set_picture(self, png: bytes | None) -> None:
        if png is None:
            self._picture = None
        else:
            image = QPixmap()
            image.loadFromData(png, "PNG")
            self._picture = image if not image.isNull() else None
        self.update()

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
        super().resizeEvent(event)

    def _place(self) -> None:
        paper = self.paper_rect()
        self.busy.move(int(paper.center().x() - self.busy.width() / 2),
                       int(paper.center().y() - self.busy.height()))
        self.stage_label.setFixedWidth(int(paper.width()) - 40)
        self.stage_label.adjustSize()
        self.stage_label.move(int(paper.x()) + 20, int(paper.center().y() + 12))
        self.corner_busy.move(int(paper.right() - self.corner_busy.width() - 10), int(paper.y() + 10))

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        paper = self.paper_rect()
        with on_paper(painter, paper, QColor("#fffdf7")):
            if self._picture is not None:
                painter.drawPixmap(paper, self._picture, QRectF(self._picture.rect()))
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
