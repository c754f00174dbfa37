"""The drawing canvas: strokes go into the Qt-free Drawing model; the widget only paints and listens."""

from PySide6.QtCore import QPointF, Qt, Signal
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QPen, QTabletEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from icanvas_desktop.drawing.strokes import Drawing, InputSource, PenSize, Point, Stroke, Tool, input_pressure


class Canvas(QWidget):
    changed = Signal()  # a stroke was added, undone, redone or cleared

    def __init__(self, parent=None):
        super().__init__(parent)
        self.drawing = Drawing()
        self.tool = Tool.PEN
        self.size = PenSize.MEDIUM
        self._points: list[Point] | None = None
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(240, 240)
        self.setAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents)

    # The canvas is the largest centred square; points are stored as fractions of its side.
    def _square(self) -> tuple[float, float, float]:
        side = min(self.width(), self.height())
        return (self.width() - side) / 2, (self.height() - side) / 2, side

    def _point(self, position: QPointF, pressure: float) -> Point:
        left, top, side = self._square()
        return Point.from_canvas(position.x() - left, position.y() - top, side, pressure)

    def begin_stroke(self, position: QPointF, pressure: float = 1.0) -> None:
        self._points = [self._point(position, pressure)]
        self.update()

    def extend_stroke(self, position: QPointF, pressure: float = 1.0) -> None:
        if self._points is not None:
            self._points.append(self._point(position, pressure))
            self.update()

    def end_stroke(self) -> None:
        if self._points:
            self.drawing.add(Stroke(self.tool, self.size, tuple(self._points)))
            self.changed.emit()
        self._points = None
        self.update()

    def undo(self) -> None:
        if self.drawing.undo():
            self.changed.emit()
            self.update()

    def redo(self) -> None:
        if self.drawing.redo():
            self.changed.emit()
            self.update()

    def clear(self) -> None:
        if self.drawing.clear():
            self.changed.emit()
            self.update()

    def set_drawing(self, drawing: Drawing) -> None:
        self.drawing = drawing
        self.changed.emit()
        self.update()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self.begin_stroke(event.position(), input_pressure(InputSource.MOUSE))

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        self.extend_stroke(event.position(), input_pressure(InputSource.MOUSE))

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self.end_stroke()

    def tabletEvent(self, event: QTabletEvent) -> None:
        pressure = input_pressure(InputSource.TABLET, event.pressure())
        kind = event.type()
        if kind == QTabletEvent.Type.TabletPress:
            self.begin_stroke(event.position(), pressure)
        elif kind == QTabletEvent.Type.TabletMove:
            self.extend_stroke(event.position(), pressure)
        elif kind == QTabletEvent.Type.TabletRelease:
            self.end_stroke()
        event.accept()

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        left, top, side = self._square()
        painter.fillRect(self.rect(), QColor("#f3efe6"))
        painter.fillRect(int(left), int(top), int(side), int(side), Qt.GlobalColor.white)
        strokes = list(self.drawing.strokes)
        if self._points:
            strokes.append(Stroke(self.tool, self.size, tuple(self._points)))
        for stroke in strokes:
            colour = Qt.GlobalColor.white if stroke.tool == Tool.ERASER else Qt.GlobalColor.black
            points = stroke.points
            for a, b in zip(points, points[1:] or points):
                pen = QPen(colour, max(1.0, stroke.width_at(b.pressure) * side))
                pen.setCapStyle(Qt.PenCapStyle.RoundCap)
                painter.setPen(pen)
                painter.drawLine(QPointF(left + a.x * side, top + a.y * side), QPointF(left + b.x * side, top + b.y * side))
        painter.end()
