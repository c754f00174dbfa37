import numpy as np
import pytest
from PIL import Image, ImageDraw
from scipy import ndimage as ndi
from skimage.morphology import skeletonize

from icanvas_desktop.trainer.data.edges import LineLayers, draw_line_layers, extract_lines
from icanvas_desktop.trainer.data.images import LoadedPicture

SIZE = 256
CENTRE = 128.0
RADIUS = 80.0
SQUARE = (98, 158)  # inner square spans these rows and columns (exclusive end)
SUPERSAMPLE = 4


def _draw(paint, background=(0, 0, 0, 0)) -> LoadedPicture:
    """A picture drawn at 4x and reduced, so its edges are anti-aliased like real clip-art."""
    big = Image.new("RGBA", (SIZE * SUPERSAMPLE, SIZE * SUPERSAMPLE), background)
    paint(ImageDraw.Draw(big), SUPERSAMPLE)
    rgba = np.asarray(big.resize((SIZE, SIZE), Image.Resampling.LANCZOS))
    alpha = rgba[..., 3]
    opacity = alpha[..., None] / 255.0
    rgb = np.rint(rgba[..., :3] * opacity + 255 * (1 - opacity)).astype(np.uint8)
    return LoadedPicture(rgb=rgb, alpha=alpha if (alpha < 255).any() else None)


def _circle(draw: ImageDraw.ImageDraw, k: int, fill=(220, 60, 50, 255)) -> None:
    lo, hi = (CENTRE - RADIUS) * k, (CENTRE + RADIUS) * k
    draw.ellipse([lo, lo, hi - 1, hi - 1], fill=fill)


def _circle_with_square(draw: ImageDraw.ImageDraw, k: int, square=(40, 90, 200, 255)) -> None:
    _circle(draw, k)
    draw.rectangle([SQUARE[0] * k, SQUARE[0] * k, SQUARE[1] * k - 1, SQUARE[1] * k - 1], fill=square)


def _distance_to_circle(mask: np.ndarray) -> np.ndarray:
    rows, cols = np.nonzero(mask)
    # Pixel centres sit at +0.5 in the supersampled drawing's coordinates.
    return np.abs(np.hypot(rows + 0.5 - CENTRE, cols + 0.5 - CENTRE) - RADIUS)


def _square_boundary() -> np.ndarray:
    boundary = np.zeros((SIZE, SIZE), bool)
    lo, hi = SQUARE
    boundary[lo:hi, lo] = boundary[lo:hi, hi - 1] = boundary[lo, lo:hi] = boundary[hi - 1, lo:hi] = True
    return boundary


def _assert_one_pixel_thin(lines: np.ndarray) -> None:
    assert np.array_equal(skeletonize(lines), lines)


def _assert_closed(outline: np.ndarray) -> None:
    # An 8-connected closed curve splits the rest of the picture (4-connected) into inside and outside.
    _, parts = ndi.label(~outline)
    assert parts == 2


@pytest.fixture(scope="module")
def on_transparent() -> LoadedPicture:
    return _draw(_circle_with_square)


@pytest.fixture(scope="module")
def on_white() -> LoadedPicture:
    return _draw(_circle_with_square, background=(255, 255, 255, 255))


@pytest.mark.parametrize("picture_name", ["on_transparent", "on_white"])
def test_outline_is_a_closed_thin_line_on_the_circle(picture_name, request):
    picture = request.getfixturevalue(picture_name)
    assert (picture.alpha is None) == (picture_name == "on_white")

    layers = extract_lines(picture)

    assert layers.outline.dtype == bool and layers.outline.shape == (SIZE, SIZE)
    _assert_closed(layers.outline)
    _assert_one_pixel_thin(layers.outline)
    distance = _distance_to_circle(layers.outline)
    assert distance.mean() < 2.0 and distance.max() < 4.0
    # It goes all the way round, not just over part of it.
    assert layers.outline.sum() > 0.8 * 2 * np.pi * RADIUS


@pytest.mark.parametrize("picture_name", ["on_transparent", "on_white"])
def test_interior_lines_trace_the_inner_square(picture_name, request):
    layers = extract_lines(request.getfixturevalue(picture_name))

    _assert_one_pixel_thin(layers.interior)
    to_square = ndi.distance_transform_edt(~_square_boundary())
    assert to_square[layers.interior].mean() < 2.0
    assert to_square[layers.interior].max() < 4.0
    to_interior = ndi.distance_transform_edt(~layers.interior)
    assert (to_interior[_square_boundary()] < 3.0).mean() > 0.9


def test_flat_colour_gives_an_outline_and_no_interior_lines():
    layers = extract_lines(_draw(_circle))
    assert layers.outline.any()
    assert not layers.interior.any()


def test_raw_array_with_separate_alpha_is_accepted(on_transparent):
    from_picture = extract_lines(on_transparent)
    from_arrays = extract_lines(on_transparent.rgb, on_transparent.alpha)
    assert np.array_equal(from_picture.outline, from_arrays.outline)
    assert np.array_equal(from_picture.interior, from_arrays.interior)


def test_full_bleed_picture_has_no_outline_and_keeps_its_edges():
    rgb = np.zeros((SIZE, SIZE, 3), np.uint8)
    rgb[:, : SIZE // 2] = (200, 40, 40)
    rgb[:, SIZE // 2 :] = (40, 40, 200)
    rgb += np.random.default_rng(0).integers(0, 6, rgb.shape, dtype=np.uint8)  # sensor noise

    layers = extract_lines(rgb)

    assert not layers.outline.any()
    columns = np.nonzero(layers.interior)[1]
    assert len(columns) > 0.8 * SIZE
    assert np.abs(columns - SIZE / 2).max() <= 2


def test_detail_decides_whether_a_faint_line_survives():
    faint = _draw(lambda draw, k: _circle_with_square(draw, k, square=(205, 75, 60, 255)))
    assert not extract_lines(faint, detail=0.5).interior.any()
    assert extract_lines(faint, detail=3.0).interior.any()


def test_thin_dark_stroke_is_drawn_once_not_along_both_sides():
    def circle_with_stroke(draw, k):
        _circle(draw, k, fill=(250, 200, 60, 255))
        # Wide enough that closing small gaps would not merge its two sides by itself.
        draw.line([(90 * k, CENTRE * k), (166 * k, CENTRE * k)], fill=(20, 20, 20, 255), width=6 * k)

    layers = extract_lines(_draw(circle_with_stroke))

    crossing = layers.interior[100:156, SIZE // 2]
    assert crossing.sum() == 1
    assert abs(np.argmax(crossing) + 100 - CENTRE) <= 2


def test_open_line_art_is_drawn_once():
    def stroke(draw, k):
        draw.arc([40 * k, 40 * k, 216 * k, 216 * k], 30, 330, fill=(0, 0, 0, 255), width=4 * k)

    layers = extract_lines(_draw(stroke))

    # Its "object" is the stroke itself, whose outline would trace both sides: it is all interior.
    assert not layers.outline.any()
    crossing = layers.interior[30:80, SIZE // 2]
    assert crossing.sum() == 1


def test_specks_and_texture_do_not_become_lines():
    rng = np.random.default_rng(1)
    picture = _draw(_circle)
    inside = _distance_to_circle(np.ones((SIZE, SIZE), bool)).reshape(SIZE, SIZE) < RADIUS - 10
    grain = rng.normal(0, 6, picture.rgb.shape)  # fine colour noise, as in a JPEG or a scan
    noisy = np.clip(picture.rgb + grain * inside[..., None], 0, 255).astype(np.uint8)

    layers = extract_lines(LoadedPicture(rgb=noisy, alpha=picture.alpha))

    assert not layers.interior.any()


def test_render_sketch_is_white_paper_with_dark_lines_of_the_pen_width():
    layers = LineLayers(outline=np.zeros((64, 64), bool), interior=np.zeros((64, 64), bool))
    layers.outline[10:54, 20] = True
    layers.interior[32, 30:50] = True

    sketch = draw_line_layers(layers, pen_width=2.5)

    assert sketch.dtype == np.float32 and sketch.shape == (64, 64)
    assert sketch.min() >= 0.0 and sketch.max() <= 1.0
    assert (sketch == 1.0).mean() >= 0.9
    assert sketch[layers.outline | layers.interior].max() < 0.05
    ink_across = 1.0 - sketch[32, 14:27]
    assert ink_across.sum() == pytest.approx(2.5, abs=0.1)
    assert ((ink_across > 0) & (ink_across < 1)).sum() == 2  # soft edges


def test_render_sketch_of_real_layers_is_mostly_white(on_transparent):
    sketch = draw_line_layers(extract_lines(on_transparent), pen_width=2.5)
    assert (sketch > 0.99).mean() >= 0.9
    assert sketch.min() < 0.05
