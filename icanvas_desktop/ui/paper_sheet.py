"""A sheet of paper lying on the table: the child's sheet and the picture beside it look alike."""

import contextlib
from collections.abc import Iterator

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen

PAPER_EDGE = QColor("#e3d9c6")
SHADOW = QColor(120, 90, 40, 28)
MARGIN = 10.0  # around the paper, for its shadow
CORNER = 18.0


def paper_rect(width: float, height: float) -> QRectF:
    """The largest square sheet that fits a widget of this size with room for its shadow, centred."""
    side = max(min(width, height) - 2 * MARGIN, 1.0)
    return QRectF((width - side) / 2, (height - side) / 2, side, side)


@contextlib.contextmanager
def on_paper(painter: QPainter, paper: QRectF, colour: QColor) -> Iterator[None]:
    """Paint the sheet's shadow and its `colour`; what the block paints stays inside its rounded corners;
    then its edge goes on top."""
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    for grow, alpha in ((6, 10), (3, 18)):
        shadow = QColor(SHADOW)
        shadow.setAlpha(alpha)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(shadow)
        painter.drawRoundedRect(paper.adjusted(-grow / 2, -grow / 2 + 2, grow / 2, grow + 2), CORNER, CORNER)
    clip = QPainterPath()
    clip.addRoundedRect(paper, CORNER, CORNER)
    painter.setClipPath(clip)
    painter.fillRect(paper, colour)
    yield
    painter.resetTransform()
    painter.setClipping(False)
    painter.setPen(QPen(PAPER_EDGE, 2))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawRoundedRect(paper, CORNER, CORNER)
