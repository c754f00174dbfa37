"""The colourer's template pairs (scripts/colourer/render_template_pairs.py): a drawing's regions take its
thing's template colours, and what the template says nothing of teaches nothing."""

import importlib.util
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw

SCRIPTS = Path(__file__).resolve().parents[3] / "scripts" / "colourer"
spec = importlib.util.spec_from_file_location("render_template_pairs", SCRIPTS / "render_template_pairs.py")
pairs = importlib.util.module_from_spec(spec)
spec.loader.exec_module(pairs)

RED = (210, 47, 39)


def circle_lines() -> Image.Image:
    lines = Image.new("L", (128, 128), 255)
    ImageDraw.Draw(lines).ellipse((14, 14, 114, 114), outline=0, width=4)
    return lines


def test_a_drawing_takes_its_template_s_colours_inside_and_teaches_nothing_outside():
    template = Image.new("RGBA", (72, 72), (0, 0, 0, 0))
    ImageDraw.Draw(template).ellipse((4, 4, 68, 68), fill=(*RED, 255), outline=(0, 0, 0, 255), width=3)
    sketch = pairs.on_sheet(circle_lines())
    assert sketch.shape == (pairs.SIZE, pairs.SIZE) and sketch[128, 128] == 1.0 and sketch.min() < 0.1
    picture = pairs.coloured(sketch, np.asarray(template))
    assert tuple(picture[128, 128]) == RED, "inside the circle, the template's colour"
    assert tuple(picture[2, 2]) == tuple(pairs.SENTINEL), "the paper teaches nothing"


def test_a_template_with_no_colour_under_the_drawing_gives_no_pair():
    empty = np.zeros((72, 72, 4), np.uint8)
    assert pairs.coloured(pairs.on_sheet(circle_lines()), empty) is None
