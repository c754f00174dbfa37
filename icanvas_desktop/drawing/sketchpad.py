"""What a child is drawing right now: the drawing with its undo history, the tool and size chosen, and the
stroke under the pen. Qt-free: the canvas widget (ui/canvas.py) shows a Sketchpad and feeds it points,
and everything here is tested without a window.

    pad = Sketchpad()
    pad.begin(Point(0.2, 0.5))
    pad.extend(Point(0.8, 0.5), min_step=0.004)
    pad.live_drawing()      # the drawing as if the pen lifted now (what live mode makes a picture of)
    pad.end()               # True: the stroke is a step of the drawing, Undo takes it back
"""

import math

from icanvas_desktop.drawing.rasterize import erases_ink
from icanvas_desktop.drawing.strokes import Crayon, Drawing, PenSize, Point, Stroke, Tool


class Sketchpad:
    def __init__(self, drawing: Drawing | None = None):
        self.drawing = drawing if drawing is not None else Drawing()
        self.tool = Tool.PEN
        self.size = PenSize.MEDIUM
        self.crayon = Crayon.RED  # the crayon a stroke takes while the tool is Tool.CRAYON
        self._stroke_tool: Tool | None = None  # while a stroke is being drawn
        self._points: list[Point] = []

    @property
    def is_drawing(self) -> bool:
        return self._stroke_tool is not None

    @property
    def stroke_in_progress(self) -> Stroke | None:
        if self._stroke_tool is None:
            return None
        crayon = self.crayon if self._stroke_tool is Tool.CRAYON else None
        return Stroke(self._stroke_tool, self.size, self._points, crayon)

    def live_drawing(self) -> Drawing:
        """The drawing with the stroke being drawn, as if the pen lifted now (a copy)."""
        stroke = self.stroke_in_progress
        return Drawing(self.drawing.strokes + ((stroke,) if stroke else ()))

    # The pen

    def begin(self, point: Point, tool: Tool | None = None) -> None:
        """Put the pen down (`tool` for this stroke only, e.g. a tablet pen's eraser end)."""
        self._stroke_tool = Tool(tool or self.tool)
        self._points = [point]

    def extend(self, point: Point, min_step: float = 0.0) -> bool:
        """Move the pen; False when nothing was added (no stroke, or closer than `min_step` with the same
        pressure: such points only slow the drawing down)."""
        if self._stroke_tool is None:
            return False
        last = self._points[-1]
        if math.hypot(point.x - last.x, point.y - last.y) < min_step and point.pressure == last.pressure:
            return False
        self._points.append(point)
        return True

    def end(self) -> bool:
        """Lift the pen; True when the stroke became a step of the drawing. An eraser stroke that rubs out
        no ink or crayon is not kept: it would light up Undo and Clear for nothing."""
        stroke = self.stroke_in_progress
        self.cancel()
        if stroke is None or (stroke.tool is Tool.ERASER and not erases_ink(self.drawing, stroke)):
            return False
        self.drawing.add(stroke)
        return True

    def cancel(self) -> bool:
        """Drop the stroke being drawn (a second finger, a palm); True if there was one."""
        had = self._stroke_tool is not None
        self._stroke_tool, self._points = None, []
        return had

    # The whole drawing: each cancels a stroke in progress first

    def set_drawing(self, drawing: Drawing) -> None:
        """Another drawing, whose history starts here (a child's draft put back)."""
        self.cancel()
        self.drawing = drawing

    def replace(self, drawing: Drawing) -> None:
        """Another drawing's strokes as one undoable step (a creation reopened from the gallery)."""
        self.cancel()
        self.drawing.replace(drawing.strokes)

    def undo(self) -> bool:
        self.cancel()
        return self.drawing.undo()

    def redo(self) -> bool:
        self.cancel()
        return self.drawing.redo()

    def clear(self) -> bool:
        self.cancel()
        return self.drawing.clear()
