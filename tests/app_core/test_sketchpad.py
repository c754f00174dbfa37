"""The drawing being made, without a window: pen down, moves, lift, and what live mode sees meanwhile."""

from factories import line

from icanvas_desktop.drawing.sketchpad import Sketchpad
from icanvas_desktop.drawing.strokes import Drawing, PenSize, Point, Tool


def test_a_stroke_is_a_step_of_the_drawing_only_once_the_pen_lifts():
    pad = Sketchpad()
    pad.size = PenSize.LARGE
    pad.begin(Point(0.2, 0.5))
    assert pad.extend(Point(0.5, 0.5)) and not pad.extend(Point(0.5001, 0.5), min_step=0.01)
    assert len(pad.drawing) == 0 and pad.is_drawing
    live = pad.live_drawing()
    assert len(live) == 1 and live.strokes[0].points == (Point(0.2, 0.5), Point(0.5, 0.5))
    assert live.strokes[0].size is PenSize.LARGE and len(pad.drawing) == 0  # a copy
    assert pad.end() and not pad.is_drawing
    assert pad.drawing.strokes == live.strokes and pad.drawing.can_undo


def test_an_eraser_that_rubs_out_nothing_is_not_kept_and_one_that_does_is():
    pad = Sketchpad()
    pad.tool = Tool.ERASER
    pad.begin(Point(0.1, 0.1))
    pad.extend(Point(0.3, 0.1))
    assert not pad.end() and len(pad.drawing) == 0
    pad.drawing.add(line(0.5))
    pad.begin(Point(0.5, 0.2), tool=Tool.ERASER)
    pad.extend(Point(0.5, 0.8))
    assert pad.end() and pad.drawing.strokes[-1].tool is Tool.ERASER


def test_undo_clear_and_another_drawing_drop_the_stroke_in_progress():
    pad = Sketchpad(Drawing([line(0.3)]))
    for change in (pad.undo, pad.clear, lambda: pad.replace(Drawing([line(0.7)])),
                   lambda: pad.set_drawing(Drawing())):
        pad.begin(Point(0.1, 0.9))
        change()
        assert not pad.is_drawing and pad.stroke_in_progress is None
    assert not pad.end() and not pad.cancel()
