import numpy as np
import pytest
from scipy import ndimage as ndi
from skimage.draw import circle_perimeter, line

from icanvas_desktop.trainer.data.edges import LineLayers, draw_line_layers
from icanvas_desktop.trainer.data.handdrawn import augment_given_sketch, handdrawn_sketch

SIZE = 160
PEN = 2.5
SEEDS = range(12)


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
    clean = draw_line_layers(layers, PEN)

    drawn = handdrawn_sketch(layers, np.random.default_rng(seed), PEN)

    assert drawn.dtype == np.float32 and drawn.shape == (SIZE, SIZE)
    assert drawn.min() >= 0.0 and drawn.max() <= 1.0
    assert np.abs(drawn - clean).mean() > 0.005
    assert _near(drawn, layers.outline | layers.interior, px=6.0) > 0.95
    # The outline is never left out (only broken here and there), so the drawing is never blank.
    assert (ndi.distance_transform_edt(~_dark(drawn))[layers.outline] <= 4.0).mean() > 0.8


def test_strength_zero_is_the_clean_sketch():
    layers = _face()
    drawn = handdrawn_sketch(layers, np.random.default_rng(3), PEN, strength=0.0)
    np.testing.assert_allclose(drawn, draw_line_layers(layers, PEN), atol=1e-5)


def _waviness(size: int, seed: int, strength: float = 1.0) -> float:
    """How far (px, peak to peak) a drawn straight line strays up and down along its length."""
    outline = np.zeros((size, size), bool)
    outline[size // 2, size // 10 : size - size // 10] = True
    layers = LineLayers(outline=outline, interior=np.zeros_like(outline))
    dark = _dark(handdrawn_sketch(layers, np.random.default_rng(seed), PEN, strength))
    # The median ink row per column ignores a stray stroke; columns in a break have none.
    centres = [np.median(np.nonzero(dark[:, col])[0]) for col in range(size) if dark[:, col].any()]
    return float(np.ptp(centres))


def test_straight_lines_come_out_wavy():
    assert _waviness(SIZE, 0, strength=0.0) == 0.0
    assert np.median([_waviness(SIZE, seed) for seed in range(8)]) >= 1.5


def test_wobble_scales_with_the_picture():
    small = np.mean([_waviness(SIZE, seed) for seed in range(8)])
    big = np.mean([_waviness(2 * SIZE, seed) for seed in range(8)])
    assert 1.6 < big / small < 2.4


def _spotted() -> tuple[LineLayers, list[tuple[int, int]]]:
    """A round outline with twelve small rings inside, each a separate interior line."""
    layers = _face()
    layers.interior[:] = False
    centres = [(50 + 20 * row, 50 + 20 * col) for row in range(3) for col in range(4)]
    for y, x in centres:
        layers.interior[circle_perimeter(y, x, 3)] = True
    return layers, centres


def test_interior_lines_are_left_out_partly_and_sometimes_all_of_them():
    layers, centres = _spotted()
    kept = []
    for seed in range(24):
        dark = _dark(handdrawn_sketch(layers, np.random.default_rng(seed), PEN))
        kept.append(sum(dark[y - 7 : y + 8, x - 7 : x + 8].any() for y, x in centres))
    assert any(0 < count < len(centres) for count in kept)
    # Twelve separate lines all going by chance one by one is vanishingly rare: this is "leave out all".
    assert 0 in kept
    assert np.mean(kept) > 0.5 * len(centres)


def test_some_lines_are_broken():
    size = SIZE
    outline = np.zeros((size, size), bool)
    outline[size // 2, 20 : size - 20] = True
    layers = LineLayers(outline=outline, interior=np.zeros_like(outline))
    broken = 0
    for seed in range(8):
        dark = _dark(handdrawn_sketch(layers, np.random.default_rng(seed), PEN))
        inked = dark.any(axis=0)
        columns = np.nonzero(inked)[0]
        broken += not inked[columns.min() : columns.max() + 1].all()
    assert 2 <= broken <= 7


def test_pen_width_varies_between_drawings():
    layers = _face()
    ink = [(1.0 - handdrawn_sketch(layers, np.random.default_rng(s), PEN)).sum() for s in SEEDS]
    clean_ink = (1.0 - draw_line_layers(layers, PEN)).sum()
    assert min(ink) < 0.85 * clean_ink and max(ink) > 1.1 * clean_ink


def test_without_outline_the_longest_line_is_always_drawn():
    layers = _face()
    photo = LineLayers(outline=np.zeros_like(layers.outline), interior=layers.outline | layers.interior)
    for seed in range(20):
        dark = _dark(handdrawn_sketch(photo, np.random.default_rng(seed), PEN))
        assert (ndi.distance_transform_edt(~dark)[layers.outline] <= 4.0).mean() > 0.8


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
