import numpy as np
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtTest import QTest

from icanvas_desktop.drawing.rasterize import render_sketch
from icanvas_desktop.ui.canvas import Canvas


def _canvas(qtbot, side=300):
    canvas = Canvas()
    qtbot.addWidget(canvas)
    canvas.resize(side, side)
    canvas.show()
    return canvas


def _drag(canvas, start, end, steps=10):
    QTest.mousePress(canvas, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(*start))
    for i in range(1, steps + 1):
        x = start[0] + (end[0] - start[0]) * i // steps
        y = start[1] + (end[1] - start[1]) * i // steps
        QTest.mouseMove(canvas, QPoint(x, y))
    QTest.mouseRelease(canvas, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(*end))


def test_a_mouse_stroke_becomes_a_line_in_the_sketch(qtbot):
    canvas = _canvas(qtbot)
    _drag(canvas, (30, 150), (270, 150))
    sketch = np.asarray(render_sketch(canvas.drawing, 64))
    row = 32
    assert sketch[row - 2 : row + 3, 8:56].min(axis=0).max() < 128, "dark all along the stroke"
    assert sketch[:row - 4].min() > 250 and sketch[row + 4:].min() > 250, "white elsewhere"


def test_undo_redo_and_clear(qtbot):
    canvas = _canvas(qtbot)
    _drag(canvas, (30, 75), (270, 75))
    _drag(canvas, (30, 225), (270, 225))
    assert len(canvas.drawing.strokes) == 2
    canvas.undo()
    assert len(canvas.drawing.strokes) == 1
    canvas.redo()
    canvas.clear()
    assert canvas.drawing.is_empty
    canvas.undo()
    assert len(canvas.drawing.strokes) == 2


def test_pressure_changes_width(qtbot):
    canvas = _canvas(qtbot)
    for pressure, y in ((0.1, 75), (1.0, 225)):
        canvas.begin_stroke(QPointF(30, y), pressure)
        canvas.extend_stroke(QPointF(270, y), pressure)
        canvas.end_stroke()
    sketch = np.asarray(render_sketch(canvas.drawing, 300))
    light, heavy = (sketch[50:100, 150] < 128).sum(), (sketch[200:250, 150] < 128).sum()
    assert heavy > light > 0


def test_the_drawing_survives_a_resize(qtbot):
    canvas = _canvas(qtbot)
    _drag(canvas, (30, 150), (270, 150))
    before = np.asarray(render_sketch(canvas.drawing, 64))
    canvas.resize(400, 300)
    assert np.array_equal(np.asarray(render_sketch(canvas.drawing, 64)), before)
