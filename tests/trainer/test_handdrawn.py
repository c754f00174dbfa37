import numpy as np
import pytest
from scipy import ndimage as ndi
from skimage.draw import circle_perimeter, line

from icanvas_desktop.trainer.edges import LineLayers, render_sketch
from icanvas_desktop.trainer.handdrawn import augment_given_sketch, handdrawn_sketch

SIZE = 160
PEN = 2.5
SEEDS = range(24)


def _face() -> LineLayers:
    """A round face: closed outline, two eyes and a mouth as separate interior lines."""
    outline = np.zeros((SIZE, SIZE), bool)
    outline[circle_perimeter(80, 80, 60)] = True
    interior = np.zeros((SIZE, SIZE), bool)
    interior[circle_perimeter(62, 58, 8)] = True
    interior[circle_perimeter(62, 102, 8)] = True
    interior[line(105, 55, 105, 105)] = True
    return LineLayers(outline=outline, interior=interior)


def _dark(sketch: np.ndarray) -> np.ndarray:
    return sketch < 0.5


def _near(sketch: np.ndarray, lines: np.ndarray, px: float) -> float:
    """Share of the sketch's dark pixels within `px` of `lines`."""
    return float((ndi.distance_transform_edt(~lines)[_dark(sketch)] <= px).mean())


def test_same_seed_same_drawing_other_seed_other_drawing():
    layers = _face()
    first = handdrawn_sketch(layers, np.random.default_rng(7), PEN)
    again = handdrawn_sketch(layers, np.random.default_rng(7), PEN)
    other = handdrawn_sketch(layers, np.random.default_rng(8), PEN)
    assert np.array_equal(first, again)
    assert not np.array_equal(first, other)


def test_does_not_change_the_layers_it_is_given():
    layers = _face()
    before = (layers.outline.copy(), layers.interior.copy())
    handdrawn_sketch(layers, np.random.default_rng(0), PEN)
    assert np.array_equal(layers.outline, before[0]) and np.array_equal(layers.interior, before[1])


@pytest.mark.parametrize("seed", SEEDS)
def test_differs_from_the_clean_sketch_but_stays_close_to_its_lines(seed):
    layers = _face()
    clean = render_sketch(layers, PEN)

    drawn = handdrawn_sketch(layers, np.random.default_rng(seed), PEN)

    assert drawn.dtype == np.float32 and drawn.shape == (SIZE, SIZE)
    assert drawn.min() >= 0.0 and drawn.max() <= 1.0
    assert np.abs(drawn - clean).mean() > 0.005
    assert _near(drawn, layers.outline | layers.interior, px=6.0) > 0.95
    # The outline is never left out, so the drawing is never blank.
    assert _dark(drawn).sum() > 0.5 * _dark(render_sketch(LineLayers(layers.outline, layers.outline), PEN)).sum()


def test_strength_zero_is_the_clean_sketch():
    layers = _face()
    drawn = handdrawn_sketch(layers, np.random.default_rng(3), PEN, strength=0.0)
    np.testing.assert_allclose(drawn, render_sketch(layers, PEN), atol=1e-5)


def test_interior_detail_is_sometimes_left_out_entirely_and_usually_partly_kept():
    layers = _face()
    mouth = np.zeros((SIZE, SIZE), bool)
    mouth[100:111, 50:111] = True
    mouth_drawn = [_dark(handdrawn_sketch(layers, np.random.default_rng(s), PEN))[mouth].any() for s in range(40)]
    assert 0.3 < np.mean(mouth_drawn) < 0.97


def test_pen_width_varies_between_drawings():
    layers = _face()
    ink = [(1.0 - handdrawn_sketch(layers, np.random.default_rng(s), PEN)).sum() for s in SEEDS]
    clean_ink = (1.0 - render_sketch(layers, PEN)).sum()
    assert min(ink) < 0.85 * clean_ink and max(ink) > 1.1 * clean_ink


def test_photo_without_outline_is_never_blank():
    layers = _face()
    photo = LineLayers(outline=np.zeros_like(layers.outline), interior=layers.interior)
    for seed in range(40):
        assert _dark(handdrawn_sketch(photo, np.random.default_rng(seed), PEN)).any()


def _given_sketch() -> np.ndarray:
    sketch = np.ones((SIZE, SIZE), np.float32)
    rows, cols = line(30, 20, 130, 140)
    for offset in range(-1, 2):  # a 3 px wide stroke
        sketch[rows, np.clip(cols + offset, 0, SIZE - 1)] = 0.0
    return sketch


def test_augment_given_sketch_is_deterministic_close_and_never_empty():
    sketch = _given_sketch()
    lines = sketch < 0.5
    drawings = [augment_given_sketch(sketch, np.random.default_rng(s)) for s in SEEDS]

    assert np.array_equal(drawings[0], augment_given_sketch(sketch, np.random.default_rng(0)))
    assert not np.array_equal(drawings[0], drawings[1])
    for drawn in drawings:
        assert drawn.dtype == np.float32 and drawn.min() >= 0.0 and drawn.max() <= 1.0
        assert _dark(drawn).sum() > 0.3 * lines.sum()  # its only line is never dropped
        assert _near(drawn, lines, px=6.0) > 0.95
    assert np.mean([np.abs(d - sketch).mean() for d in drawings]) > 0.005


def test_augment_given_sketch_keeps_the_pen_width_roughly():
    sketch = _given_sketch()
    ink = [(1.0 - augment_given_sketch(sketch, np.random.default_rng(s))).sum() for s in SEEDS]
    assert 0.5 < np.median(ink) / (1.0 - sketch).sum() < 1.5


def test_augment_blank_sketch_stays_blank():
    blank = np.ones((32, 32), np.float32)
    assert np.array_equal(augment_given_sketch(blank, np.random.default_rng(0)), blank)
