import json
import math

import pytest
from factories import line, scribble

from icanvas_desktop.drawing.strokes import (
    ERASER_WIDTH_FACTOR,
    PEN_WIDTHS,
    Drawing,
    DrawingFormatError,
    InputSource,
    PenSize,
    Point,
    Stroke,
    Tool,
    input_pressure,
)


def test_undo_and_redo_walk_the_history():
    drawing = Drawing()
    a, b = line(0.3), line(0.6)
    assert not drawing.can_undo and not drawing.can_redo and drawing.is_empty
    drawing.add(a)
    drawing.add(b)
    assert drawing.undo() and drawing.strokes == (a,)
    assert drawing.can_redo
    assert drawing.undo() and drawing.strokes == ()
    assert not drawing.undo()
    assert drawing.redo() and drawing.redo() and drawing.strokes == (a, b)
    assert not drawing.redo()


def test_a_new_stroke_after_undo_drops_the_redo():
    drawing = Drawing()
    drawing.add(line(0.3))
    drawing.undo()
    drawing.add(line(0.7))
    assert not drawing.can_redo
    assert drawing.strokes == (line(0.7),)


def test_clear_is_one_undoable_step():
    drawing = scribble(1, strokes=4)
    before = drawing.strokes
    assert drawing.clear()
    assert drawing.strokes == () and drawing.is_empty
    assert drawing.undo() and drawing.strokes == before
    assert drawing.redo() and drawing.strokes == ()
    assert drawing.undo()
    drawing.undo()  # and the strokes before it undo one by one as usual
    assert drawing.strokes == before[:-1]


def test_clearing_a_blank_canvas_adds_no_history():
    drawing = Drawing()
    assert not drawing.clear()
    assert not drawing.can_undo


def test_eraser_strokes_alone_leave_the_canvas_empty():
    drawing = Drawing([line(tool=Tool.ERASER)])
    assert drawing.is_empty
    drawing.add(line())
    assert not drawing.is_empty


def test_json_round_trip_keeps_every_stroke():
    drawing = scribble(7)
    drawing.add(line(0.2, tool=Tool.ERASER, size=PenSize.LARGE, pressure=0.25))
    drawing.add(Stroke(Tool.PEN, PenSize.SMALL, (Point(0.5, 0.5),)))
    text = drawing.to_json()
    again = Drawing.from_json(text)
    assert again == drawing and again.strokes == drawing.strokes
    assert not again.can_undo
    assert Drawing.from_json(text.encode()) == drawing
    assert json.loads(text)["version"] == 1


@pytest.mark.parametrize(
    "text",
    [
        "nope",
        "[]",
        '{"format": "other", "version": 1, "strokes": []}',
        '{"format": "icanvas-drawing", "version": 99, "strokes": []}',
        ('{"format": "icanvas-drawing", "version": 1, '
         '"strokes": [{"tool": "brush", "size": "small", "points": [[0, 0]]}]}'),
        ('{"format": "icanvas-drawing", "version": 1, '
         '"strokes": [{"tool": "pen", "size": "small", "points": []}]}'),
        ('{"format": "icanvas-drawing", "version": 1, '
         '"strokes": [{"tool": "pen", "size": "small", "points": [[0]]}]}'),
        ('{"format": "icanvas-drawing", "version": 1, '
         '"strokes": [{"tool": "pen", "size": "small", "points": [[NaN, 0]]}]}'),
        '{"format": "icanvas-drawing", "version": 1, "strokes": 5}',
    ],
)
def test_anything_else_is_a_format_error(text):
    with pytest.raises(DrawingFormatError):
        Drawing.from_json(text)


def test_points_are_normalised_and_pressure_clamped():
    assert Point.from_canvas(150, 300, 600, pressure=0.5) == Point(0.25, 0.5, 0.5)
    assert Point(0.1, 0.2, 7).pressure == 1.0 and Point(0.1, 0.2, -1).pressure == 0.0
    assert Point(1 / 3, 0).x == 0.33333
    with pytest.raises(ValueError):
        Point(math.inf, 0)


def test_three_sizes_a_wider_eraser_and_pressure_that_widens():
    widths = [Stroke(Tool.PEN, size, (Point(0, 0),)).width for size in PenSize]
    assert len(widths) >= 3 and widths == sorted(widths) and len(set(widths)) == len(widths)
    eraser = Stroke(Tool.ERASER, PenSize.SMALL, (Point(0, 0),))
    assert eraser.width == PEN_WIDTHS[PenSize.SMALL] * ERASER_WIDTH_FACTOR
    pen = line()
    assert 0 < pen.width_at(0.0) < pen.width_at(0.5) < pen.width_at(1.0) == pen.width


def test_mouse_and_touch_draw_at_full_pressure_and_tablets_as_reported():
    assert input_pressure(InputSource.MOUSE) == 1.0
    assert input_pressure(InputSource.TOUCH, 0.0) == 1.0
    assert input_pressure(InputSource.TABLET, 0.4) == 0.4


def test_replacing_every_stroke_is_one_step_that_undo_takes_back():
    drawing = Drawing([line(0.2)])
    drawing.add(line(0.4))
    drawing.replace([line(0.8)])
    assert drawing.strokes == (line(0.8),) and drawing.can_undo
    assert drawing.undo() and drawing.strokes == (line(0.2), line(0.4))
    assert drawing.redo() and drawing.strokes == (line(0.8),)
