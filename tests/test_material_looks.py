"""The crayon and watercolour looks: the neat look's region colours in a child's materials."""

import math

import numpy as np
import pytest
from PIL import Image, ImageFilter

from icanvas_desktop.drawing.rasterize import render_hints, render_sketch
from icanvas_desktop.drawing.strokes import CRAYON_COLOURS, Crayon, Drawing, PenSize, Point, Stroke, Tool
from icanvas_desktop.generation import Generator, apply_look
from icanvas_desktop.generation.clean_look import find_regions
from icanvas_desktop.generation.sketch_input import picture_from_array, sketch_to_array
from icanvas_desktop.look import Look

SIZE = 256
MATERIALS = (Look.CRAYON, Look.WATERCOLOUR)
ORANGE = (240, 150, 60)


def oval(cx: float, cy: float, rx: float, ry: float) -> Stroke:
    points = [Point(cx + rx * math.cos(t), cy + ry * math.sin(t)) for t in np.linspace(0, 2 * math.pi, 97)]
    return Stroke(Tool.PEN, PenSize.MEDIUM, tuple(points))


def sketch_of(*strokes: Stroke) -> Image.Image:
    return render_sketch(Drawing(strokes), SIZE)


def orange_picture() -> Image.Image:
    return Image.new("RGB", (SIZE, SIZE), ORANGE)


def inside_of(sketch: Image.Image, margin: int = 6) -> np.ndarray:
    """The drawn shapes' pixels at least `margin` px from a line."""
    regions = find_regions(sketch_to_array(sketch, SIZE)[..., 0])
    inner = Image.fromarray((regions.labels > 0).astype(np.uint8) * 255)
    return np.asarray(inner.filter(ImageFilter.MinFilter(2 * margin + 1))) > 0


@pytest.mark.parametrize("look", MATERIALS)
def test_a_material_look_is_the_same_every_time_and_another_drawing_gets_another_texture(look):
    sketch = sketch_of(oval(0.5, 0.5, 0.35, 0.3))
    first = np.asarray(apply_look(sketch, orange_picture(), look))
    again = np.asarray(apply_look(sketch, orange_picture(), look))
    other = np.asarray(apply_look(sketch_of(oval(0.5, 0.5, 0.35, 0.29)), orange_picture(), look))
    assert np.array_equal(first, again)
    inside = inside_of(sketch) & inside_of(sketch_of(oval(0.5, 0.5, 0.35, 0.29)))
    assert not np.array_equal(first[inside], other[inside])


@pytest.mark.parametrize("look", MATERIALS)
def test_a_material_look_keeps_the_region_colour_the_paper_white_and_the_lines_dark(look):
    sketch = sketch_of(oval(0.5, 0.5, 0.3, 0.3))
    picture = np.asarray(apply_look(sketch, orange_picture(), look)).astype(float)
    neat = np.asarray(apply_look(sketch, orange_picture(), Look.CLEAN)).astype(float)
    inside = inside_of(sketch)
    # The shape's colour on average: the neat look's, lighter by at most a quarter of the way to white
    # (paper showing through the wax or the wash).
    mean, flat = picture[inside].mean(axis=0), neat[inside].mean(axis=0)
    assert (mean >= flat - 10).all() and (mean <= flat + 0.25 * (255 - flat)).all()
    assert mean[0] > mean[1] > mean[2]
    lines = np.asarray(sketch) < 40
    assert picture[lines].max(axis=1).mean() < 50
    assert (picture[:20, :20] == 255).all() and (picture[-20:, -20:] == 255).all()


@pytest.mark.parametrize("look", MATERIALS)
def test_a_material_look_obeys_the_crayons(look):
    drawing = Drawing([oval(0.5, 0.5, 0.3, 0.3),
                       Stroke(Tool.CRAYON, PenSize.LARGE, (Point(0.4, 0.5), Point(0.6, 0.5)), Crayon.BLUE)])
    sketch = render_sketch(drawing, SIZE)
    picture = np.asarray(apply_look(sketch, orange_picture(), look, hints=render_hints(drawing, SIZE)))
    mean = picture[inside_of(sketch)].astype(float).mean(axis=0)
    blue = np.array(CRAYON_COLOURS[Crayon.BLUE])
    assert np.abs(mean - blue).max() < 60 and mean[2] > mean[0] + 80


def test_crayon_has_texture_where_neat_is_flat_and_its_strokes_run_along_the_shape():
    # A long, flat oval: the crayon's strokes run along it, so the colour changes less along a row than
    # down a column.
    sketch = sketch_of(oval(0.5, 0.5, 0.42, 0.15))
    crayon = np.asarray(apply_look(sketch, orange_picture(), Look.CRAYON).convert("L")).astype(float)
    neat = np.asarray(apply_look(sketch, orange_picture(), Look.CLEAN).convert("L")).astype(float)
    inside = inside_of(sketch)
    assert neat[inside].std() < 0.5
    assert crayon[inside].std() > 4
    both = inside[1:, 1:] & inside[:-1, 1:] & inside[1:, :-1]
    along = np.abs(np.diff(crayon, axis=1))[1:, :][both].mean()
    across = np.abs(np.diff(crayon, axis=0))[:, 1:][both].mean()
    assert along < 0.7 * across


def test_watercolour_pools_pigment_at_the_rims():
    sketch = sketch_of(oval(0.5, 0.5, 0.35, 0.35))
    water = np.asarray(apply_look(sketch, orange_picture(), Look.WATERCOLOUR).convert("L")).astype(float)
    rim = inside_of(sketch, 2) & ~inside_of(sketch, 4)
    middle = inside_of(sketch, 30)
    assert water[rim].mean() < water[middle].mean() - 8


@pytest.mark.parametrize("look", MATERIALS)
def test_the_generator_paints_in_a_material_look(look):
    class Orange:
        name = "orange"

        def __call__(self, sketches):
            colour = np.array(ORANGE, np.float32) / 127.5 - 1
            return np.broadcast_to(colour, (len(sketches), SIZE, SIZE, 3)).copy()

    sketch = sketch_of(oval(0.5, 0.5, 0.3, 0.3))
    generator = Generator(SIZE, Orange())
    picture = generator.generate(sketch, look)
    raw = picture_from_array(Orange()(np.zeros((1, SIZE, SIZE, 1)))[0])
    assert np.array_equal(np.asarray(picture), np.asarray(apply_look(sketch, raw, look)))


@pytest.mark.parametrize("look", MATERIALS)
def test_a_bigger_picture_has_the_same_look(look):
    big = render_sketch(Drawing([oval(0.5, 0.5, 0.3, 0.3)]), 512)
    picture = apply_look(big, Image.new("RGB", (512, 512), ORANGE), look)
    small = apply_look(big, orange_picture(), look)
    a = np.asarray(picture.resize((SIZE, SIZE), Image.Resampling.BOX)).astype(float)
    b = np.asarray(small).astype(float)
    inside = inside_of(render_sketch(Drawing([oval(0.5, 0.5, 0.3, 0.3)]), SIZE))
    assert np.abs(a[inside].mean(axis=0) - b[inside].mean(axis=0)).max() < 12
