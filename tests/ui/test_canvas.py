import numpy as np
from helpers import darkness_at, line_width_px, mouse_stroke, sketch_array
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QColor, QPointingDevice, QTabletEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from icanvas_desktop.drawing.strokes import Drawing, InputSource, PenSize, Point, Stroke, Tool


def test_a_mouse_stroke_becomes_dark_pixels_along_its_path_in_the_sketch(canvas):
    with_changes = []
    canvas.drawingChanged.connect(lambda: with_changes.append(True))
    mouse_stroke(canvas, [(0.2, 0.5), (0.8, 0.5)])
    assert len(canvas.drawing) == 1 and with_changes == [True]
    stroke = canvas.drawing.strokes[0]
    assert stroke.tool is Tool.PEN and stroke.size is PenSize.MEDIUM and len(stroke.points) > 5
    assert all(p.pressure == 1.0 for p in stroke.points)  # a mouse draws at full pressure

    sketch = sketch_array(canvas.drawing)
    for x in (0.2, 0.35, 0.5, 0.65, 0.8):
        assert darkness_at(sketch, x, 0.5) < 60, x
    for x, y in ((0.5, 0.2), (0.5, 0.8), (0.05, 0.5), (0.95, 0.5), (0.1, 0.1)):
        assert darkness_at(sketch, x, y) == 255, (x, y)


def test_the_canvas_shows_the_strokes_it_stores(canvas):
    mouse_stroke(canvas, [(0.1, 0.3), (0.9, 0.3)])
    image = canvas.grab().toImage()
    ratio = image.devicePixelRatio()
    on_line = canvas.to_widget(0.5, 0.3) * ratio
    off_line = canvas.to_widget(0.5, 0.7) * ratio
    assert QColor(image.pixel(on_line.toPoint())).lightness() < 80
    assert QColor(image.pixel(off_line.toPoint())).lightness() > 240


def test_a_press_outside_the_paper_draws_nothing(canvas):
    canvas.resize(600, 300)  # the square paper is centred: the sides are not paper
    outside = QPoint(40, 150)  # (QTest reads QPoint(0, 0) as "the middle")
    QTest.mousePress(canvas, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, outside)
    QTest.mouseRelease(canvas, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, outside)
    assert len(canvas.drawing) == 0


def test_pen_sizes_and_the_eraser(canvas):
    canvas.set_pen_size(PenSize.SMALL)
    mouse_stroke(canvas, [(0.1, 0.3), (0.9, 0.3)])
    canvas.set_pen_size(PenSize.LARGE)
    mouse_stroke(canvas, [(0.1, 0.7), (0.9, 0.7)])
    sketch = sketch_array(canvas.drawing, 256)
    top, bottom = sketch[: 128], sketch[128:]
    assert line_width_px(bottom, 0.5) > 2.5 * line_width_px(top, 0.5)

    canvas.set_tool(Tool.ERASER)
    mouse_stroke(canvas, [(0.5, 0.2), (0.5, 0.8)])
    sketch = sketch_array(canvas.drawing, 256)
    assert darkness_at(sketch, 0.5, 0.3, 0) == 255 and darkness_at(sketch, 0.5, 0.7, 0) == 255
    assert darkness_at(sketch, 0.2, 0.7) < 60  # the rest of the thick line stays


def test_pressure_from_a_pen_tablet_changes_the_width(canvas):
    device = QPointingDevice.primaryPointingDevice()  # the tablet event only needs some device
    for y, pressure in ((0.3, 0.1), (0.7, 1.0)):
        start, end = canvas.to_widget(0.1, y), canvas.to_widget(0.9, y)
        for kind, pos in ((QTabletEvent.Type.TabletPress, start),
                          (QTabletEvent.Type.TabletMove, (start + end) / 2),
                          (QTabletEvent.Type.TabletMove, end), (QTabletEvent.Type.TabletRelease, end)):
            event = QTabletEvent(kind, device, pos, QPointF(canvas.mapToGlobal(pos)), pressure, 0.0, 0.0, 0.0,
                                 0.0, 0.0, Qt.KeyboardModifier.NoModifier, Qt.MouseButton.LeftButton,
                                 Qt.MouseButton.LeftButton)
            QApplication.sendEvent(canvas, event)
    light, firm = canvas.drawing.strokes
    assert {p.pressure for p in light.points} == {0.1} and {p.pressure for p in firm.points} == {1.0}
    sketch = sketch_array(canvas.drawing, 256)
    assert line_width_px(sketch[128:], 0.5) > 2 * line_width_px(sketch[:128], 0.5)


def test_pressure_through_the_input_handler_varies_along_a_stroke(canvas):
    assert canvas.begin_stroke(canvas.to_widget(0.1, 0.5), InputSource.TABLET, 0.0)
    canvas.extend_stroke(canvas.to_widget(0.5, 0.5), 0.5)
    canvas.extend_stroke(canvas.to_widget(0.9, 0.5), 1.0)
    canvas.end_stroke()
    stroke = canvas.drawing.strokes[0]
    assert [p.pressure for p in stroke.points] == [0.0, 0.5, 1.0]
    widths = [stroke.width_at(p.pressure) for p in stroke.points]
    assert widths[0] < widths[1] < widths[2]


def test_touch_draws_with_one_finger(canvas, qtbot):
    device = QTest.createTouchDevice()
    start, end = canvas.to_widget(0.2, 0.4).toPoint(), canvas.to_widget(0.8, 0.4).toPoint()
    QTest.touchEvent(canvas, device).press(0, start, canvas).commit()
    QTest.touchEvent(canvas, device).move(0, (start + end) / 2, canvas).commit()
    QTest.touchEvent(canvas, device).move(0, end, canvas).commit()
    QTest.touchEvent(canvas, device).release(0, end, canvas).commit()
    assert len(canvas.drawing) == 1
    assert darkness_at(sketch_array(canvas.drawing), 0.5, 0.4) < 60


def test_undo_redo_and_an_undoable_clear(canvas):
    mouse_stroke(canvas, [(0.2, 0.2), (0.8, 0.2)])
    mouse_stroke(canvas, [(0.2, 0.8), (0.8, 0.8)])
    assert canvas.undo() and len(canvas.drawing) == 1
    assert canvas.redo() and len(canvas.drawing) == 2
    assert canvas.clear() and canvas.drawing.is_empty
    assert canvas.undo() and len(canvas.drawing) == 2
    mouse_stroke(canvas, [(0.5, 0.1), (0.5, 0.9)])
    assert not canvas.redo()  # a new stroke after an undo drops what could have been redone


def test_the_drawing_survives_a_resize_and_scales_with_the_window(canvas):
    mouse_stroke(canvas, [(0.25, 0.5), (0.75, 0.5)])
    before = canvas.drawing.strokes
    sketch_before = sketch_array(canvas.drawing)
    canvas.resize(800, 700)
    QApplication.processEvents()
    assert canvas.drawing.strokes == before
    assert np.array_equal(sketch_array(canvas.drawing), sketch_before)
    image = canvas.grab().toImage()
    ratio = image.devicePixelRatio()
    assert canvas.paper_rect().width() > 600
    assert QColor(image.pixel((canvas.to_widget(0.5, 0.5) * ratio).toPoint())).lightness() < 80
    assert QColor(image.pixel((canvas.to_widget(0.5, 0.25) * ratio).toPoint())).lightness() > 240


def test_a_loaded_drawing_replaces_the_old_one(canvas):
    mouse_stroke(canvas, [(0.2, 0.2), (0.8, 0.2)])
    other = Drawing([Stroke(Tool.PEN, PenSize.LARGE, (Point(0.5, 0.5), Point(0.6, 0.6)))])
    canvas.set_drawing(other)
    assert canvas.drawing is other and not canvas.drawing.can_undo
    sketch = sketch_array(canvas.drawing)
    assert darkness_at(sketch, 0.55, 0.55) < 60 and darkness_at(sketch, 0.3, 0.2) == 255


def test_the_eraser_on_blank_paper_or_beside_the_ink_is_no_stroke(canvas):
    changes = []
    canvas.drawingChanged.connect(lambda: changes.append(True))
    canvas.set_tool(Tool.ERASER)
    mouse_stroke(canvas, [(0.2, 0.5), (0.8, 0.5)])
    assert len(canvas.drawing) == 0 and not canvas.drawing.can_undo and changes == []

    canvas.set_tool(Tool.PEN)
    mouse_stroke(canvas, [(0.2, 0.2), (0.8, 0.2)])
    canvas.set_tool(Tool.ERASER)
    mouse_stroke(canvas, [(0.2, 0.8), (0.8, 0.8)])  # far from the line
    assert len(canvas.drawing) == 1 and not canvas.is_drawing
    mouse_stroke(canvas, [(0.5, 0.1), (0.5, 0.3)])  # across it
    assert len(canvas.drawing) == 2 and changes == [True, True]
    mouse_stroke(canvas, [(0.5, 0.1), (0.5, 0.3)])  # where it is rubbed out already
    assert len(canvas.drawing) == 2
