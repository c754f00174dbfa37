"""The picture at the screen's resolution: a clean picture drawn afresh at the paper's size in device
pixels, on the background thread, and again after a resize."""

import math

import numpy as np
import pytest
from conftest import TIMEOUT_MS, open_child
from helpers import mouse_stroke
from PIL import Image

from icanvas_desktop.drawing.rasterize import png_bytes, render_sketch
from icanvas_desktop.drawing.strokes import Drawing, PenSize, Point, Stroke, Tool
from icanvas_desktop.generation.clean_look import INK, find_regions, paint_regions
from icanvas_desktop.generation.sketch_input import sketch_to_array
from icanvas_desktop.ui.background import Background
from icanvas_desktop.ui.result_view import ResultView

FILL = (240, 160, 40)


@pytest.fixture
def background():
    worker = Background()
    yield worker
    worker.close()


def ring() -> Drawing:
    return Drawing([Stroke(Tool.PEN, PenSize.MEDIUM, tuple(Point(0.5 + 0.3 * np.cos(t), 0.5 + 0.3 * np.sin(t))
                                                           for t in np.linspace(0, 2 * np.pi, 90)))])


def clean_png(drawing: Drawing) -> bytes:
    regions = find_regions(sketch_to_array(render_sketch(drawing, 256), 256)[..., 0])
    return png_bytes(paint_regions(regions, Image.new("RGB", (256, 256), FILL)))


def between(view: ResultView) -> int:
    """Pixels along the paper's middle row that are neither ink, nor the fill, nor paper: the edges' width."""
    shot = view.grab().toImage()
    paper = view.paper_rect()
    y = round(paper.center().y() * shot.devicePixelRatio())
    row = np.array([shot.pixelColor(x, y).getRgb()[:3] for x in
                    range(round(paper.left() * shot.devicePixelRatio()) + 4,
                          round(paper.right() * shot.devicePixelRatio()) - 4)])
    distance = np.min([np.abs(row - c).max(-1) for c in (INK, FILL, (255, 255, 255))], axis=0)
    return int((distance > 40).sum())


def test_a_clean_picture_is_drawn_at_the_papers_size_in_device_pixels(qtbot, background):
    view = ResultView(background=background)
    qtbot.addWidget(view)
    view.resize(600, 600)
    view.show()
    drawing = ring()
    view.set_picture(clean_png(drawing), drawing, "clean")
    qtbot.waitUntil(lambda: view._sharp is not None, timeout=10_000)
    assert view._sharp_side == view._device_side() > 256
    sharp = between(view)
    view.resize(800, 800)
    qtbot.waitUntil(lambda: view._sharp_side == view._device_side(), timeout=10_000)

    enlarged = ResultView()  # no background helper: the theme's picture, enlarged
    qtbot.addWidget(enlarged)
    enlarged.resize(600, 600)
    enlarged.show()
    enlarged.set_picture(clean_png(drawing), drawing, "clean")
    assert enlarged._sharp is None
    assert sharp <= 4 < between(enlarged)


def test_another_look_or_no_strokes_is_enlarged_as_before(qtbot, background):
    view = ResultView(background=background)
    qtbot.addWidget(view)
    view.resize(600, 600)
    drawing = ring()
    view.set_picture(clean_png(drawing), drawing, "painted")
    view.set_picture(clean_png(drawing))
    background.wait()
    qtbot.wait(50)
    assert view._sharp is None and view.has_picture
    view.set_picture(None)
    assert not view.has_picture


def test_a_resize_while_the_window_closes_asks_nothing_of_the_closed_helper(qtbot):
    closed = Background()
    closed.close()
    view = ResultView(background=closed)
    qtbot.addWidget(view)
    drawing = ring()
    view.set_picture(clean_png(drawing), drawing, "clean")
    view.resize(700, 700)
    assert view._sharp is None and view.has_picture


def test_the_drawing_screen_shows_a_clean_picture_at_its_papers_size_in_device_pixels(qtbot, make_window,
                                                                                       themes_folder):
    window = make_window([themes_folder])
    open_child(window)
    screen = window.drawing_screen
    screen.set_look("clean")
    mouse_stroke(screen.canvas, [(0.3, 0.3), (0.7, 0.3), (0.7, 0.7), (0.3, 0.7), (0.3, 0.3)])
    screen.make_button.click()
    view = screen.result_view
    qtbot.waitUntil(lambda: view._sharp is not None, timeout=TIMEOUT_MS)
    side = math.ceil(view.paper_rect().width() * view.devicePixelRatioF())
    assert side > 256 and (view._sharp.width(), view._sharp.height()) == (side, side)
    window.resize(window.width() - 120, window.height() - 80)
    qtbot.waitUntil(lambda: view._sharp.width() == view._device_side() < side, timeout=TIMEOUT_MS)
