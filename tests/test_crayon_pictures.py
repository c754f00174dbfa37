"""Crayons in the sketch → picture path: the hint channels reach a generator that reads them, a theme that
does not is unchanged, and the clean look colours what a crayon coloured in."""

import math
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from icanvas_desktop.drawing.rasterize import render_hints, render_sketch
from icanvas_desktop.drawing.strokes import CRAYON_COLOURS, Crayon, Drawing, PenSize, Point, Stroke, Tool
from icanvas_desktop.generation import Generator, apply_look, load_generator
from icanvas_desktop.generation.sketch_input import picture_from_array, sketch_to_array
from icanvas_desktop.look import Look
from icanvas_desktop.themes import load_theme

SIZE = 256
MODELS = Path(__file__).parents[1] / "models"
GREY_PICTURE = (150, 140, 130)


def ring(radius: float = 0.3, centre=(0.5, 0.5)) -> Stroke:
    points = [Point(centre[0] + radius * math.cos(t), centre[1] + radius * math.sin(t))
              for t in (i * 2 * math.pi / 48 for i in range(49))]
    return Stroke(Tool.PEN, PenSize.MEDIUM, points)


def crayon(colour: Crayon, *points: tuple[float, float]) -> Stroke:
    return Stroke(Tool.CRAYON, PenSize.MEDIUM, tuple(Point(x, y) for x, y in points), colour)


class FlatRuntime:
    """A generator that paints everything one grey and remembers what it was shown."""

    name = "flat"

    def __init__(self, input_channels: int = 1):
        self.input_channels = input_channels
        self.seen: list[np.ndarray] = []

    def __call__(self, inputs: np.ndarray) -> np.ndarray:
        self.seen.append(inputs)
        grey = np.array(GREY_PICTURE, np.float32) / 127.5 - 1
        return np.broadcast_to(grey, (len(inputs), *inputs.shape[1:3], 3)).copy()


def clean_picture(drawing: Drawing) -> np.ndarray:
    generator = Generator(SIZE, FlatRuntime(), Look.CLEAN)
    hints = render_hints(drawing, SIZE) if drawing.has_crayon else None
    return np.asarray(generator.generate(render_sketch(drawing, SIZE), hints=hints))


def test_a_crayon_stroke_inside_a_circle_colours_the_circle_in_the_clean_look():
    drawing = Drawing([ring(), crayon(Crayon.BLUE, (0.45, 0.5), (0.55, 0.52))])
    clean = clean_picture(drawing)
    blue = CRAYON_COLOURS[Crayon.BLUE]
    for x, y in ((128, 128), (80, 100), (170, 170), (128, 60)):  # the whole circle, not only under the crayon
        assert tuple(clean[y, x]) == blue
    assert tuple(clean[5, 5]) == (255, 255, 255)  # the paper around it stays white
    assert clean[128, int(0.8 * SIZE)].max() < 60  # and the child's line stays dark


def test_a_crayon_that_runs_over_the_line_colours_only_the_region_it_coloured_in():
    # From the middle of the circle to just past its line on the right (0.8 + a little)
    drawing = Drawing([ring(), crayon(Crayon.RED, (0.5, 0.5), (0.7, 0.5), (0.815, 0.5))])
    clean = clean_picture(drawing)
    assert tuple(clean[128, 100]) == CRAYON_COLOURS[Crayon.RED]
    assert tuple(clean[128, 230]) == (255, 255, 255) and tuple(clean[20, 20]) == (255, 255, 255)


def test_a_crayon_on_the_paper_around_the_drawing_colours_the_paper_and_not_the_drawing():
    # The child asked for a blue sky: the paper around the circle turns blue, the circle keeps its colour.
    drawing = Drawing([ring(0.25), crayon(Crayon.BLUE, (0.1, 0.1), (0.9, 0.1))])
    clean = clean_picture(drawing)
    blue = CRAYON_COLOURS[Crayon.BLUE]
    assert tuple(clean[10, 10]) == blue and tuple(clean[245, 245]) == blue and tuple(clean[128, 20]) == blue
    assert tuple(clean[128, 128]) == GREY_PICTURE


def test_the_crayon_covering_most_of_a_region_wins_and_other_regions_keep_the_generators_colour():
    left = ring(0.18, (0.3, 0.5))
    right = ring(0.18, (0.72, 0.5))
    green = crayon(Crayon.GREEN, (0.22, 0.45), (0.38, 0.45), (0.22, 0.55), (0.38, 0.55))
    drawing = Drawing([left, right, green, crayon(Crayon.PINK, (0.3, 0.5))])
    clean = clean_picture(drawing)
    assert tuple(clean[128, int(0.3 * SIZE)]) == CRAYON_COLOURS[Crayon.GREEN]
    assert tuple(clean[128, int(0.72 * SIZE)]) == GREY_PICTURE


def test_an_erased_crayon_colours_nothing():
    stroke = crayon(Crayon.YELLOW, (0.45, 0.5), (0.55, 0.5))
    eraser = Stroke(Tool.ERASER, PenSize.LARGE, stroke.points)
    assert np.array_equal(clean_picture(Drawing([ring(), stroke, eraser])), clean_picture(Drawing([ring()])))


def test_apply_look_takes_the_hint_layer_at_any_size():
    drawing = Drawing([ring(), crayon(Crayon.ORANGE, (0.5, 0.5))])
    picture = Image.new("RGB", (SIZE, SIZE), GREY_PICTURE)
    clean = apply_look(render_sketch(drawing, 512), picture, Look.CLEAN, hints=render_hints(drawing, 512))
    assert clean.getpixel((128, 128)) == CRAYON_COLOURS[Crayon.ORANGE]
    painted = apply_look(render_sketch(drawing, SIZE), picture, Look.PAINTED, hints=render_hints(drawing))
    assert painted is picture


def test_a_generator_that_reads_crayons_gets_them_after_the_sketch_and_zeros_without():
    runtime = FlatRuntime(input_channels=5)
    generator = Generator(SIZE, runtime)
    drawing = Drawing([ring(), crayon(Crayon.BLUE, (0.5, 0.5))])
    sketch, hints = render_sketch(drawing, SIZE), render_hints(drawing, SIZE)
    generator.generate_batch([sketch, sketch], hints=[hints, None])
    inputs = runtime.seen[-1]
    assert inputs.shape == (2, SIZE, SIZE, 5)
    assert np.allclose(inputs[0, 128, 128], [1.0, *(np.array(CRAYON_COLOURS[Crayon.BLUE]) / 255), 1.0])
    assert not inputs[1, ..., 1:].any()
    assert np.array_equal(inputs[0, ..., 0], inputs[1, ..., 0])  # the crayon is not ink
    with pytest.raises(ValueError, match="hint layers"):
        generator.generate_batch([sketch], hints=[])


def test_a_generator_without_crayon_channels_makes_the_same_painted_picture_with_or_without_them():
    runtime = FlatRuntime(input_channels=1)
    drawing = Drawing([ring(), crayon(Crayon.BLUE, (0.5, 0.5))])
    Generator(SIZE, runtime).generate(render_sketch(drawing, SIZE), hints=render_hints(drawing, SIZE))
    assert runtime.seen[-1].shape == (1, SIZE, SIZE, 1)


def test_with_no_hints_a_bundled_theme_makes_the_picture_it_made_without_the_hint_input():
    theme = load_theme(MODELS / "food", tflite_only_ok=True)
    generator = load_generator(theme, "litert", num_threads=1)
    assert generator.runtime.input_channels == 1
    sketch = Image.open(Path(__file__).parent / "data" / "drawings" / "emoji" / "apple_bw.png")
    # The sketch straight into the network, as the pipeline did before it knew of hints
    before = picture_from_array(generator.runtime(sketch_to_array(sketch, theme.input_size)[None])[0])
    assert np.array_equal(np.asarray(generator.generate(sketch, Look.PAINTED)), np.asarray(before))
    empty = Image.new("RGBA", (theme.input_size,) * 2, (0, 0, 0, 0))
    for look in (Look.PAINTED, Look.CLEAN):
        without = np.asarray(generator.generate(sketch, look))
        assert np.array_equal(without, np.asarray(generator.generate(sketch, look, hints=None)))
        assert np.array_equal(without, np.asarray(generator.generate(sketch, look, hints=empty)))


class FakeInterpreter:
    """Just the tensor details `check_tensor_sizes` reads."""

    def __init__(self, input_channels: int):
        self.shape = np.array([1, 64, 64, input_channels])

    def get_input_details(self):
        return [{"shape_signature": self.shape}]

    def get_output_details(self):
        return [{"shape_signature": np.array([1, 64, 64, 3])}]

    def get_tensor_details(self):
        return [{"name": "input", "shape_signature": self.shape, "shape": self.shape, "dtype": np.float32}]


def test_a_tflite_may_read_the_sketch_alone_or_with_the_crayon_channels():
    from icanvas_desktop.generation.litert import ModelTooLarge, check_tensor_sizes

    check_tensor_sizes(FakeInterpreter(1), 64)
    check_tensor_sizes(FakeInterpreter(5), 64)
    with pytest.raises(ModelTooLarge, match=r"not \[1, 64, 64, 1\]"):
        check_tensor_sizes(FakeInterpreter(3), 64)


def test_generator_v2_through_keras_reads_the_crayons_and_without_them_sees_none():
    from icanvas_desktop.generation.runtime import KerasRuntime
    from icanvas_desktop.networks.config import GeneratorConfig

    runtime = KerasRuntime(GeneratorConfig.from_preset("compact2", 128))  # untrained: only the wiring counts
    assert runtime.input_channels == 5
    generator = Generator(128, runtime)
    drawing = Drawing([ring(), crayon(Crayon.RED, (0.4, 0.5), (0.6, 0.5))])
    sketch = render_sketch(drawing, 128)
    empty = Image.new("RGBA", (128, 128), (0, 0, 0, 0))
    plain = np.asarray(generator.generate(sketch))
    assert np.array_equal(plain, np.asarray(generator.generate(sketch, hints=empty)))
    assert not np.array_equal(plain, np.asarray(generator.generate(sketch, hints=render_hints(drawing, 128))))


def test_a_shaded_clean_look_shades_a_crayon_region_around_the_crayons_colour():
    drawing = Drawing([ring(0.35), crayon(Crayon.BLUE, (0.5, 0.5))])
    # A grey generator picture, lighter to the right: the shade follows it, around the crayon's blue.
    ramp = np.linspace(-40, 40, SIZE)[None, :, None]
    picture = Image.fromarray(np.clip(np.array(GREY_PICTURE) + ramp + np.zeros((SIZE, SIZE, 3)), 0, 255)
                              .astype(np.uint8))
    clean = np.asarray(apply_look(render_sketch(drawing, SIZE), picture, Look.CLEAN, shade=1.0,
                                  hints=render_hints(drawing, SIZE)), np.float32)
    inside = clean[108:148, 70:186]
    assert np.abs(inside.reshape(-1, 3).mean(axis=0) - CRAYON_COLOURS[Crayon.BLUE]).max() < 8
    assert inside[:, -10:].mean() > inside[:, :10].mean() + 20  # still lighter to the right
