"""The picture figures on synthetic pictures whose answer is known."""

import numpy as np
import pytest
from PIL import Image, ImageDraw

from icanvas_desktop.trainer.evaluation.quality import (
    colour_variety,
    colourfulness,
    picture_figures,
    set_figures,
)

SIZE = 256


def disc_sketch(gap_degrees: float = 0, size: int = SIZE) -> np.ndarray:
    """A circle outline (3 px at 256), optionally with a gap, ink 0 on paper 255."""
    image = Image.new("L", (size, size), 255)
    box = [size * 0.2, size * 0.2, size * 0.8, size * 0.8]
    ImageDraw.Draw(image).arc(box, start=gap_degrees / 2, end=360 - gap_degrees / 2, fill=0,
                              width=max(round(3 * size / SIZE), 1))
    return np.asarray(image)


def coloured_in(sketch: np.ndarray, colour=(230, 60, 40), background=(255, 255, 255)) -> np.ndarray:
    """The sketch's disc filled flat with `colour`, its line kept black: an artist's colouring."""
    size = sketch.shape[0]
    yy, xx = np.mgrid[:size, :size]
    inside = (xx - size / 2 + 0.5) ** 2 + (yy - size / 2 + 0.5) ** 2 < (0.3 * size) ** 2
    picture = np.empty((size, size, 3), np.uint8)
    picture[:] = background
    picture[inside] = colour
    picture[sketch < 128] = 0
    return picture


def checkerboard(picture: np.ndarray, amplitude: int = 24) -> np.ndarray:
    yy, xx = np.mgrid[: picture.shape[0], : picture.shape[1]]
    pattern = np.where((yy + xx) % 2 == 0, amplitude, -amplitude)[..., None]
    return np.clip(picture.astype(np.int16) + pattern, 0, 255).astype(np.uint8)


def test_a_flat_disc_has_no_grain_and_a_checkerboard_has_plenty():
    sketch = disc_sketch()
    flat = picture_figures(sketch, coloured_in(sketch))
    assert flat.grain == pytest.approx(0, abs=0.01)
    speckled = picture_figures(sketch, checkerboard(coloured_in(sketch)))
    assert speckled.grain > 15


def test_smooth_shading_is_not_grain():
    sketch = disc_sketch()
    picture = coloured_in(sketch).astype(np.float64)
    picture *= np.linspace(0.7, 1.0, SIZE)[None, :, None]  # a soft left-to-right shade
    assert picture_figures(sketch, picture.astype(np.uint8)).grain < 1


def test_kept_lines_score_full_precision_and_recall_and_stray_edges_cost_precision():
    sketch = disc_sketch()
    faithful = picture_figures(sketch, coloured_in(sketch))
    assert faithful.line_recall > 0.97 and faithful.line_precision > 0.97
    stray = coloured_in(sketch)
    stray[20:60, 20:60] = (40, 120, 220)  # a blotch away from every line
    stray[180:230, 200:240] = (40, 120, 220)
    assert picture_figures(sketch, stray).line_precision < 0.8
    lost = np.full_like(stray, 200)  # a picture that kept nothing of the drawing
    lost[:, SIZE // 2 :] = (90, 160, 90)
    assert picture_figures(sketch, lost).line_recall < 0.1


def test_a_small_gap_still_makes_a_shape_and_a_big_one_does_not():
    assert picture_figures(disc_sketch(gap_degrees=4), checkerboard(coloured_in(disc_sketch()))).grain > 15
    assert picture_figures(disc_sketch(gap_degrees=60), coloured_in(disc_sketch())).grain is None


def test_the_figures_are_the_same_at_half_the_size():
    big, small = disc_sketch(), disc_sketch(size=128)
    a = picture_figures(big, checkerboard(coloured_in(big)))
    b = picture_figures(small, checkerboard(coloured_in(small)))
    assert b.grain == pytest.approx(a.grain, rel=0.25)
    assert b.line_recall == pytest.approx(a.line_recall, abs=0.05)


def test_one_tint_for_everything_has_no_variety_and_different_colours_have_much():
    sketch = disc_sketch()
    one_tint = set_figures([sketch] * 3, [coloured_in(sketch, (200, 120, 150))] * 3, prefix="drawings_")
    assert one_tint["drawings_colour_variety"] == pytest.approx(0, abs=1e-6)
    varied = set_figures([sketch] * 3,
                         [coloured_in(sketch, c) for c in ((230, 40, 40), (40, 180, 60), (40, 80, 230))])
    assert varied["colour_variety"] > 60
    assert colour_variety([]) == 0 and colour_variety([(1.0, 2.0)]) == 0


def test_colourfulness_is_zero_for_grey_and_high_for_bright_colours():
    grey = np.full((32, 32, 3), 128, np.uint8)
    bright = np.zeros((32, 32, 3), np.uint8)
    bright[:, :16] = (255, 0, 0)
    bright[:, 16:] = (0, 0, 255)
    assert colourfulness(grey) == 0 and colourfulness(bright) > 100


def test_a_blank_sheet_has_no_line_figures_and_sizes_must_match():
    blank = np.full((64, 64), 255, np.uint8)
    figures = picture_figures(blank, np.full((64, 64, 3), 255, np.uint8))
    assert figures.grain is None and figures.line_recall is None and figures.line_precision is None
    flat_grey = picture_figures(disc_sketch(), np.full((SIZE, SIZE, 3), 128, np.uint8))
    assert flat_grey.line_recall == 0 and flat_grey.line_precision is None  # no edge kept of the drawing
    with pytest.raises(ValueError, match="match"):
        picture_figures(blank, np.zeros((32, 32, 3), np.uint8))


def test_the_best_checkpoint_is_chosen_by_the_picture_figures_too():
    from icanvas_desktop.trainer.evaluation.evaluate import _pick_best

    rows = [{"checkpoint": "a", "l1": 0.1, "grain": 9.0, "line_precision": 0.6, "colourfulness": 90.0},
            {"checkpoint": "b", "l1": 0.1, "grain": 2.0, "line_precision": 0.9, "colourfulness": 10.0},
            {"checkpoint": "c", "l1": 0.1, "grain": None, "line_precision": 0.7, "colourfulness": 99.0}]
    assert _pick_best(rows)["checkpoint"] == "b"  # colourfulness is reported, not chosen by


def test_a_filled_black_area_kept_exactly_keeps_all_its_lines():
    # A silhouette: a solid black disc. Its middle has no edge in any picture, so it cannot count against
    # recall; a picture that keeps the disc keeps the line, one that paints it over loses it.
    sketch = np.full((SIZE, SIZE), 255, np.uint8)
    yy, xx = np.mgrid[:SIZE, :SIZE]
    sketch[(xx - 128) ** 2 + (yy - 128) ** 2 < 60**2] = 0
    kept = np.repeat(sketch[..., None], 3, axis=-1)
    assert picture_figures(sketch, kept).line_recall > 0.97
    painted_over = np.full_like(kept, 230)
    assert picture_figures(sketch, painted_over).line_recall == 0
