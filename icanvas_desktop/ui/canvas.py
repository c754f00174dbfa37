"""The drawing canvas: a square sheet of paper that turns mouse, pen-tablet and touch input into strokes.

The model is the core's `Sketchpad` (the `Drawing` in normalised coordinates with undo and redo, the tool,
and the stroke under the pen); this widget only converts events into `Point`s and paints. Because points
are fractions of the paper's side, the drawing scales with the window and nothing is lost on a resize. The
sketch the generator sees is rendered from the strokes (`drawing.rasterize.render_sketch`), never grabbed
from the screen.

Every change to the drawing goes through the canvas (`undo`, `redo`, `clear`, `set_drawing`) so that
it can repaint and tell others (`drawingChanged`). Crayon strokes are hints for the picture, not ink: they
show faintly, under the pen's lines.

Over 350 lines because mouse, tablet and touch input and the painting of the stroke they grow (only its
new segment is repainted) share the stroke under the pen and the paper's geometry; apart they would
reach into each other's state.
"""

import math

from PySide6.QtCore import QEvent, QPointF, QRect, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPen,
    QPixmap,
    QPointingDevice,
    QTabletEvent,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

from icanvas_desktop.drawing.rasterize import CRAYON_OPACITY
from icanvas_desktop.drawing.sketchpad import Sketchpad
from icanvas_desktop.drawing.strokes import (
    CRAYON_COLOURS,
    Crayon,
    Drawing,
    InputSource,
    PenSize,
    Point,
    Stroke,
    Tool,
    input_pressure,
)
from icanvas_desktop.ui.paper_sheet import on_paper, paper_rect

INK = QColor("#1b1b1f")
PAPER = QColor("#ffffff")
MIN_STEP_PX = 1.0  # points closer than this to the previous one add nothing


def paint_stroke(painter: QPainter, stroke: Stroke, side: float) -> None:
    """Paint `stroke` on paper `side` pixels wide whose corner is at the painter's origin.

    Widths follow `Stroke.width_at`, exactly as `render_sketch` draws them, so the screen and the
    sketch agree. A stroke at one pressure is one path (smooth joins); a pressure stroke is drawn
    segment by segment, each as wide as the average of its ends.
    """
    if stroke.tool is Tool.CRAYON:
        colour = QColor(*CRAYON_COLOURS[stroke.crayon])
    else:
        colour = PAPER if stroke.tool is Tool.ERASER else INK
    points = stroke.points
    xy = [QPointF(p.x * side, p.y * side) for p in points]
    widths = [stroke.width_at(p.pressure) * side for p in points]
    if len(points) == 1:
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colour)
        r = widths[0] / 2
        painter.drawEllipse(xy[0], r, r)
        return
    pen = QPen(colour, widths[0], Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    if len({p.pressure for p in points}) == 1:
        path = QPainterPath(xy[0])
        for point in xy[1:]:
            path.lineTo(point)
        painter.setPen(pen)
        painter.drawPath(path)
        return
    for a, b, wa, wb in zip(xy, xy[1:], widths, widths[1:]):
        pen.setWidthF((wa + wb) / 2)
        painter.setPen(pen)
        painter.drawLine(a, b)


class Canvas(QWidget):
    drawingChanged = Signal()  # strokes added, undone, redone, cleared or replaced
    strokeGrew = Signal()  # the stroke being drawn has a new point (live mode follows it)

    def __init__(self, drawing: Drawing | None = None, parent: QWidget | None = None, *,
                 pad: Sketchpad | None = None):
        """Shows and changes `pad` (a new one holding `drawing` when None)."""
        super().__init__(parent)
        self.setObjectName("canvas")
        self.setAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent, False)
        self.setMouseTracking(True)
        self.setCursor(Qt.CursorShape.CrossCursor)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(220, 220)
        self.pad = pad if pad is not None else Sketchpad(drawing)
        self._source: InputSource | None = None  # what draws the stroke in progress: other input is ignored
        self._revision = 0
        self._cache: QPixmap | None = None
        self._cache_key: tuple | None = None
        self._hover: QPointF | None = None

    # The model

    @property
    def drawing(self) -> Drawing:
        return self.pad.drawing

    def set_drawing(self, drawing: Drawing) -> None:
        """Show another drawing (a child's draft); its history starts here."""
        self.pad.set_drawing(drawing)
        self._source = None
        self._changed()

    def replace(self, drawing: Drawing) -> bool:
        """Put another drawing's strokes on the sheet as one undoable step: Undo brings back what was
        there."""
        self.pad.replace(drawing)
        self._source = None
        return self._changed()

    def live_drawing(self) -> Drawing:
        return self.pad.live_drawing()

    def undo(self) -> bool:
        self._source = None
        return self._changed() if self.pad.undo() else False

    def redo(self) -> bool:
        self._source = None
        return self._changed() if self.pad.redo() else False

    def clear(self) -> bool:
        """Clear as one undoable step."""
        self._source = None
        return self._changed() if self.pad.clear() else False

    def _changed(self) -> bool:
        self._revision += 1
        self.update()
        self.drawingChanged.emit()
        return True

    # Tools

    @property
    def tool(self) -> Tool:
        return self.pad.tool

    def set_tool(self, tool: Tool) -> None:
        self.pad.tool = Tool(tool)
        self.update()

    @property
    def pen_size(self) -> PenSize:
        return self.pad.size

    def set_crayon(self, crayon: Crayon) -> None:
        """Colour in with `crayon`: the next strokes are its strokes, until another tool is set."""
        self.pad.crayon = Crayon(crayon)
        self.set_tool(Tool.CRAYON)

    def set_pen_size(self, size: PenSize) -> None:
        self.pad.size = PenSize(size)
        self.update()

    @property
    def is_drawing(self) -> bool:
        return self.pad.is_drawing

    # Geometry

    def paper_rect(self) -> QRectF:
        """The square sheet of paper, centred in the widget."""
        return paper_rect(self.width(), self.height())

    def to_point(self, pos: QPointF, pressure: float = 1.0) -> Point:
        paper = self.paper_rect()
        return Point.from_canvas(pos.x() - paper.x(), pos.y() - paper.y(), paper.width(), pressure)

    def to_widget(self, x: float, y: float) -> QPointF:
        """Widget position of normalised paper coordinates (for tests and overlays)."""
        paper = self.paper_rect()
        return QPointF(paper.x() + x * paper.width(), paper.y() + y * paper.height())

    def sizeHint(self) -> QSize:
        return QSize(520, 520)

    # Input: one place for mouse, tablet and touch

    def begin_stroke(
        self, pos: QPointF, source: InputSource = InputSource.MOUSE, pressure: float | None = None,
        tool: Tool | None = None,
    ) -> bool:
        """Start a stroke at widget position `pos`; False (nothing started) outside the paper."""
        if not self.paper_rect().contains(pos):
            return False
        self._source = source
        self.pad.begin(self.to_point(pos, input_pressure(source, pressure)), tool)
        self._hover = None
        self.update()
        return True

    def extend_stroke(self, pos: QPointF, pressure: float | None = None) -> None:
        point = self.to_point(pos, input_pressure(self._source, pressure))
        if self.pad.extend(point, min_step=MIN_STEP_PX / self.paper_rect().width()):
            self.update(self._new_segment_rect())
            self.strokeGrew.emit()

    def _new_segment_rect(self) -> QRect:
        """Where the stroke's newest segment lands: repainting only there keeps a long stroke cheap to
        follow (the whole sheet, its shadow and every point of the stroke would be drawn again otherwise)."""
        stroke = self.pad.stroke_in_progress
        a, b = stroke.points[-2], stroke.points[-1]
        reach = stroke.width * self.paper_rect().width() / 2 + 2
        corner = self.to_widget(min(a.x, b.x), min(a.y, b.y)) - QPointF(reach, reach)
        far = self.to_widget(max(a.x, b.x), max(a.y, b.y)) + QPointF(reach, reach)
        return QRectF(corner, far).toAlignedRect()

    def end_stroke(self) -> None:
        if not self.pad.is_drawing:
            return
        self._source = None
        if self.pad.end():
            self._changed()
        else:
            self.update()  # its trail goes; rubbing out nothing is not a step for Undo or Clear

    def cancel_stroke(self) -> None:
        self._source = None
        if self.pad.cancel():
            self.update()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and not self.is_drawing:
            self.begin_stroke(event.position(), InputSource.MOUSE)
        event.accept()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self.is_drawing:
            if self._source is InputSource.MOUSE:
                self.extend_stroke(event.position())
        else:
            self._hover = event.position() if self.paper_rect().contains(event.position()) else None
            self.update()
        event.accept()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self._source is InputSource.MOUSE:
            self.end_stroke()
        event.accept()

    def leaveEvent(self, event: QEvent) -> None:
        self._hover = None
        self.update()
        super().leaveEvent(event)

    def tabletEvent(self, event: QTabletEvent) -> None:
        """A pen tablet: pressure sets the width; the pen's eraser end erases."""
        kind = event.type()
        if kind == QEvent.Type.TabletPress and not self.is_drawing:
            eraser = event.pointerType() == QPointingDevice.PointerType.Eraser
            tool = Tool.ERASER if eraser else None
            self.begin_stroke(event.position(), InputSource.TABLET, event.pressure(), tool)
        elif kind == QEvent.Type.TabletMove:
            if self._source is InputSource.TABLET:
                self.extend_stroke(event.position(), event.pressure())
        elif kind == QEvent.Type.TabletRelease and self._source is InputSource.TABLET:
            self.end_stroke()
        event.accept()  # accepted, so Qt sends no mouse events made up from it

    def event(self, event: QEvent) -> bool:
        kind = event.type()
        if kind in (QEvent.Type.TouchBegin, QEvent.Type.TouchUpdate, QEvent.Type.TouchEnd,
                    QEvent.Type.TouchCancel):
            self._touch(event)
            return True
        return super().event(event)

    def _touch(self, event) -> None:
        """One finger draws; a second finger (or a palm) cancels the stroke instead of scribbling."""
        points = event.points()
        kind = event.type()
        event.accept()
        if kind == QEvent.Type.TouchCancel or len(points) != 1:
            if self._source is InputSource.TOUCH:
                self.cancel_stroke()
            return
        pos = points[0].position()
        if kind == QEvent.Type.TouchBegin and not self.is_drawing:
            self.begin_stroke(pos, InputSource.TOUCH)
        elif self._source is InputSource.TOUCH:
            if kind == QEvent.Type.TouchEnd:
                self.extend_stroke(pos)
                self.end_stroke()
            else:
                self.extend_stroke(pos)

    # Painting

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        paper = self.paper_rect()
        with on_paper(painter, paper, PAPER):
            painter.drawPixmap(paper.topLeft(), self._strokes_pixmap(paper.width()))
            painter.translate(paper.topLeft())
            stroke = self.pad.stroke_in_progress
            if stroke is not None:
                # Over the lines while it is drawn, under them once the pen lifts: repainting every line
                # under a growing crayon stroke would slow the pen down.
                painter.setOpacity(CRAYON_OPACITY if stroke.tool is Tool.CRAYON else 1.0)
                paint_stroke(painter, stroke, paper.width())
            elif self._hover is not None:
                crayon = self.pad.crayon if self.pad.tool is Tool.CRAYON else None
                width = Stroke(self.pad.tool, self.pad.size, (Point(0, 0),), crayon).width * paper.width()
                painter.setPen(QPen(QColor(120, 120, 140), 1.5, Qt.PenStyle.DashLine))
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.drawEllipse(self._hover - paper.topLeft(), width / 2, width / 2)

    def _strokes_pixmap(self, side: float) -> QPixmap:
        """The finished strokes on white paper, kept until the drawing or the size changes: the crayons
        faintly, then the pen's lines over them; the eraser rubs out both where it went."""
        ratio = self.devicePixelRatioF()
        pixels = max(math.ceil(side * ratio), 1)
        key = (pixels, ratio, self._revision, id(self.pad.drawing))
        if self._cache_key != key:
            strokes = self.pad.drawing.strokes
            pixmap = QPixmap(pixels, pixels)
            pixmap.setDevicePixelRatio(ratio)
            pixmap.fill(PAPER)
            painter = QPainter(pixmap)
            if self.pad.drawing.has_crayon:
                painter.setOpacity(CRAYON_OPACITY)
                painter.drawPixmap(0, 0, _layer(pixels, ratio, side, strokes, Tool.PEN))
                painter.setOpacity(1.0)
                painter.drawPixmap(0, 0, _layer(pixels, ratio, side, strokes, Tool.CRAYON))
            else:
                painter.setRenderHint(QPainter.RenderHint.Antialiasing)
                for stroke in strokes:
                    paint_stroke(painter, stroke, side)
            painter.end()
            self._cache, self._cache_key = pixmap, key
        return self._cache


def _layer(pixels: int, ratio: float, side: float, strokes: tuple[Stroke, ...], leave_out: Tool) -> QPixmap:
    """The strokes but those of `leave_out` on a transparent layer, each eraser stroke clearing what was
    drawn before it (so that it rubs out the crayons and the lines alike, and a later stroke comes back)."""
    layer = QPixmap(pixels, pixels)
    layer.setDevicePixelRatio(ratio)
    layer.fill(Qt.GlobalColor.transparent)
    painter = QPainter(layer)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    for stroke in strokes:
        if stroke.tool is not leave_out:
            erasing = stroke.tool is Tool.ERASER
            painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_DestinationOut if erasing
                                       else QPainter.CompositionMode.CompositionMode_SourceOver)
            paint_stroke(painter, stroke, side)
    painter.end()
    return layer
