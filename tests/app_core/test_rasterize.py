import numpy as np
import pytest
from factories import line, scribble
from PIL import Image

from icanvas_desktop.drawing.rasterize import (
    GrowingSketch,
    erases_ink,
    ink_coverage,
    render_sketch,
    sketch_fingerprint,
)
from icanvas_desktop.drawing.strokes import PEN_WIDTHS, Drawing, PenSize, Point, Stroke, Tool


def dark_rows(image: Image.Image, column: int) -> np.ndarray:
    return np.flatnonzero(np.asarray(image)[:, column] < 128)


def test_sketch_is_black_on_white_at_the_asked_size():
    image = render_sketch(scribble(1), 256)
    assert image.mode == "L" and image.size == (256, 256)
    pixels = np.asarray(image)
    assert pixels.max() == 255 and pixels.min() == 0
    assert render_sketch(Drawing(), 64).getextrema() == (255, 255)


def test_a_horizontal_stroke_inks_exactly_its_row():
    image = render_sketch(Drawing([line(0.5, x0=0.2, x1=0.8)]), 256)
    pixels = np.asarray(image)
    width_px = line().width * 256  # about 5 px
    for column in (64, 128, 190):
        rows = dark_rows(image, column)
        assert abs(rows.mean() - 127.5) <= 1.0
        assert abs(len(rows) - width_px) <= 1.5
    # nothing beyond the ends (round caps reach half a width) or away from the row
    assert pixels[:, : int(0.2 * 256 - width_px)].min() == 255
    assert pixels[:, int(0.8 * 256 + width_px):].min() == 255
    assert pixels[: 128 - int(width_px), :].min() == 255 and pixels[128 + int(width_px):, :].min() == 255


def test_more_pressure_draws_a_wider_line():
    widths = [len(dark_rows(render_sketch(Drawing([line(pressure=p, size=PenSize.LARGE)]), 256), 128))
              for p in (0.1, 0.5, 1.0)]
    assert widths[0] < widths[1] < widths[2]


def test_pressure_changing_along_a_stroke_tapers_it():
    stroke = Stroke(Tool.PEN, PenSize.LARGE, (Point(0.1, 0.5, 0.0), Point(0.9, 0.5, 1.0)))
    image = render_sketch(Drawing([stroke]), 256)
    assert len(dark_rows(image, 40)) < len(dark_rows(image, 128)) < len(dark_rows(image, 215))


def test_the_eraser_removes_ink():
    drawing = Drawing([line(0.5)])
    drawing.add(Stroke(Tool.ERASER, PenSize.LARGE, (Point(0.0, 0.5), Point(0.6, 0.5))))
    pixels = np.asarray(render_sketch(drawing, 256))
    assert pixels[:, :140].min() == 255  # erased half, with the eraser's round end
    assert len(dark_rows(Image.fromarray(pixels), 200)) > 0  # the rest still there


def test_a_single_point_draws_a_dot():
    image = render_sketch(Drawing([Stroke(Tool.PEN, PenSize.LARGE, (Point(0.5, 0.5),))]), 100)
    pixels = np.asarray(image)
    assert pixels[49:51, 49:51].max() < 64
    radius = PEN_WIDTHS[PenSize.LARGE] / 2
    assert ink_coverage(image) == pytest.approx(np.pi * radius**2, rel=0.2)


@pytest.mark.parametrize("seed", [1, 2])
def test_the_picture_does_not_depend_on_the_resolution(seed):
    drawing = scribble(seed, strokes=5)
    small = np.asarray(render_sketch(drawing, 256), dtype=np.float64)
    large = np.asarray(render_sketch(drawing, 512).resize((256, 256), Image.Resampling.BOX), dtype=np.float64)
    assert np.abs(small - large).mean() < 2.0  # out of 255
    small_coverage = ink_coverage(Image.fromarray(small.astype(np.uint8)))
    assert abs(small_coverage - ink_coverage(render_sketch(drawing, 512))) < 0.01


def test_ink_coverage_runs_from_blank_to_black():
    assert ink_coverage(Image.new("L", (32, 32), 255)) == 0.0
    assert ink_coverage(Image.new("L", (32, 32), 0)) == 1.0
    half = Image.new("L", (32, 32), 255)
    half.paste(0, (0, 0, 16, 32))
    assert ink_coverage(half) == pytest.approx(0.5)
    expected = line().width * 0.8 + line().width ** 2 * np.pi / 4  # a 0.8-long line with round caps
    assert ink_coverage(render_sketch(Drawing([line()]), 256)) == pytest.approx(expected, rel=0.15)


def test_fingerprint_follows_what_the_sketch_shows():
    drawing = scribble(3)
    same = Drawing.from_json(drawing.to_json())
    assert sketch_fingerprint(render_sketch(drawing)) == sketch_fingerprint(render_sketch(same))
    # an eraser stroke on blank paper changes the strokes but not the sketch
    same.add(Stroke(Tool.ERASER, PenSize.SMALL, (Point(0.01, 0.01), Point(0.03, 0.01))))
    assert sketch_fingerprint(render_sketch(drawing)) == sketch_fingerprint(render_sketch(same))
    same.add(line(0.95))
    assert sketch_fingerprint(render_sketch(drawing)) != sketch_fingerprint(render_sketch(same))


def test_an_eraser_stroke_erases_ink_only_where_there_is_ink_to_see():
    eraser = line(0.5, tool=Tool.ERASER, size=PenSize.SMALL)
    assert not erases_ink(Drawing(), eraser)
    drawing = Drawing([line(0.2)])
    assert not erases_ink(drawing, eraser)
    assert erases_ink(drawing, line(0.2, tool=Tool.ERASER, x0=0.4, x1=0.45))
    # touching only the line's edge still counts
    edge = 0.2 + PEN_WIDTHS[PenSize.MEDIUM] / 2 + PEN_WIDTHS[PenSize.SMALL] * 2 / 2 - 0.002
    assert erases_ink(drawing, line(edge, tool=Tool.ERASER, size=PenSize.SMALL))
    drawing.add(line(0.2, tool=Tool.ERASER, size=PenSize.LARGE))
    assert not erases_ink(drawing, line(0.2, tool=Tool.ERASER, x0=0.4, x1=0.45))  # rubbed out already


def test_a_growing_sketch_renders_exactly_what_render_sketch_does():
    sketches = GrowingSketch()
    drawing = Drawing()
    strokes = list(scribble(7, strokes=4).strokes) + [line(0.5, tool=Tool.ERASER, size=PenSize.LARGE)]
    for stroke in strokes:  # each stroke grows point by point, as under the pen, then the next one starts
        for n in range(1, len(stroke.points) + 1):
            growing = Drawing([*drawing.strokes, Stroke(stroke.tool, stroke.size, stroke.points[:n])])
            assert sketches.render(growing, 64).tobytes() == render_sketch(growing, 64).tobytes()
        drawing.add(stroke)
    drawing.undo()
    drawing.undo()
    for size in (64, 32):  # an undo, and another theme's size, draw afresh
        assert sketches.render(drawing, size).tobytes() == render_sketch(drawing, size).tobytes()
    assert sketches.render(Drawing(), 64).tobytes() == render_sketch(Drawing(), 64).tobytes()
