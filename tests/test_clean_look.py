import json
import shutil
from pathlib import Path

import numpy as np
import pytest
from PIL import Image, ImageDraw
from scipy import ndimage

from icanvas_desktop.generation import Generator, apply_look, sketch_to_array
from icanvas_desktop.generation.clean_look import GAP, MIN_LUMA, components, find_regions, paint_regions
from icanvas_desktop.look import Look
from icanvas_desktop.themes.manifest import ManifestError, parse_manifest

SIZE = 256
PEN = 5  # the app's medium pen at 256 px
RED, BLUE, GREEN = (220, 30, 40), (40, 90, 220), (40, 180, 60)  # all lighter than MIN_LUMA
WHITE = (255, 255, 255)
CENTRE = (128, 128)


def sheet(size: int = SIZE) -> tuple[Image.Image, ImageDraw.ImageDraw]:
    image = Image.new("L", (size, size), 255)
    return image, ImageDraw.Draw(image)


def circle(draw: ImageDraw.ImageDraw, box, gap_degrees: float = 0.0, width: int = PEN) -> None:
    """An outline, open over `gap_degrees` at its right (where angle 0 is)."""
    draw.arc(box, gap_degrees / 2, 360 - gap_degrees / 2, fill=0, width=width)


Y, X = np.mgrid[:SIZE, :SIZE]


def noisy(colours, seed: int = 0, noise: float = 25.0) -> Image.Image:
    """A picture like a generator's: (mask, colour) pairs on off-white, with grain and a few stray pixels."""
    rng = np.random.default_rng(seed)
    pixels = np.empty((SIZE, SIZE, 3), np.float32)
    pixels[:] = (250, 248, 240)
    for mask, colour in colours:
        pixels[mask] = colour
    pixels += rng.normal(0, noise, pixels.shape)
    stray = rng.random((SIZE, SIZE)) < 0.03
    pixels[stray] = rng.integers(0, 256, (int(stray.sum()), 3))
    return Image.fromarray(np.clip(pixels, 0, 255).astype(np.uint8), "RGB")


def disc(centre=CENTRE, radius=80.0) -> np.ndarray:
    return (Y - centre[1]) ** 2 + (X - centre[0]) ** 2 < radius**2


def near(pixel, colour, tolerance=12) -> bool:
    return bool(np.abs(np.asarray(pixel, np.float32) - colour).max() <= tolerance)


def grain(picture: Image.Image, inside: np.ndarray) -> float:
    """Mean |picture − its Gaussian blur (σ 1.5)| over `inside`, in colour levels."""
    pixels = np.asarray(picture, np.float32)
    blurred = ndimage.gaussian_filter(pixels, (1.5, 1.5, 0))
    return float(np.abs(pixels - blurred)[inside].mean())


def far_from_lines(sketch: Image.Image, inside: np.ndarray, distance: float = 5) -> np.ndarray:
    return inside & (ndimage.distance_transform_edt(np.asarray(sketch) > 128) > distance)


@pytest.mark.parametrize("gap", [0.0, 0.015, GAP])
def test_an_outline_left_open_stays_one_filled_region_and_the_paper_stays_white(gap):
    sketch, draw = sheet()
    # The gap's chord is `gap` of the sheet's width.
    circle(draw, (48, 48, 208, 208), gap_degrees=np.degrees(2 * np.arcsin(gap * SIZE / 160)))
    picture = noisy([(disc(), RED)])
    regions = find_regions(sketch_to_array(sketch, SIZE)[..., 0])
    clean = apply_look(sketch, picture, Look.CLEAN)
    assert regions.count == 1
    assert near(clean.getpixel(CENTRE), RED)
    assert near(clean.getpixel((190, 128)), RED), "just inside the gap"
    for paper in [(5, 5), (250, 128), (224, 128), (128, 20)]:
        assert clean.getpixel(paper) == WHITE, paper


def test_a_gap_much_wider_than_the_limit_lets_the_paper_in():
    sketch, draw = sheet()
    circle(draw, (48, 48, 208, 208), gap_degrees=60)
    regions = find_regions(sketch_to_array(sketch, SIZE)[..., 0])
    assert regions.count == 0
    assert apply_look(sketch, noisy([(disc(), RED)]), "clean").getpixel(CENTRE) == WHITE


def test_gaps_scale_with_the_sheet():
    sketch, draw = sheet(512)
    circle(draw, (96, 96, 416, 416), gap_degrees=np.degrees(2 * np.arcsin(GAP * 512 / 320)), width=2 * PEN)
    assert find_regions(sketch_to_array(sketch, 512)[..., 0]).count == 1


def test_a_sun_drawn_into_the_corner_keeps_its_colour():
    sketch, draw = sheet()
    circle(draw, (-80, -80, 80, 80))
    yellow = (250, 210, 40)
    clean = apply_look(sketch, noisy([(disc(centre=(0, 0)), yellow)]), Look.CLEAN)
    assert near(clean.getpixel((20, 20)), yellow)
    assert clean.getpixel((200, 200)) == WHITE and clean.getpixel((250, 5)) == WHITE


@pytest.mark.parametrize("left", [None, BLUE])
def test_a_line_across_the_sheet_leaves_the_paper_white_where_the_picture_is_paper(left):
    sketch, draw = sheet()
    draw.line((90, 0, 90, SIZE), fill=0, width=PEN)
    picture = noisy([] if left is None else [(X < 90, left)])
    clean = apply_look(sketch, picture, Look.CLEAN)
    assert find_regions(sketch_to_array(sketch, SIZE)[..., 0]).count == 1
    assert clean.getpixel((200, 128)) == WHITE
    if left is None:
        assert clean.getpixel((40, 128)) == WHITE
    else:
        assert near(clean.getpixel((40, 128)), left)


def test_nested_shapes_each_take_their_own_colour():
    sketch, draw = sheet()
    circle(draw, (28, 28, 228, 228))
    draw.rectangle((88, 88, 168, 168), outline=0, width=PEN)
    square = (abs(Y - 128) < 40) & (abs(X - 128) < 40)
    picture = noisy([(disc(radius=100), BLUE), (square, GREEN)])
    clean = apply_look(sketch, picture, Look.CLEAN)
    assert find_regions(sketch_to_array(sketch, SIZE)[..., 0]).count == 2
    assert near(clean.getpixel(CENTRE), GREEN)
    assert near(clean.getpixel((128, 60)), BLUE)
    assert clean.getpixel((3, 3)) == WHITE


def test_touching_shapes_each_take_their_own_colour():
    sketch, draw = sheet()
    circle(draw, (28, 68, 128, 168))
    circle(draw, (126, 68, 226, 168))
    picture = noisy([(X < 128, RED), (X >= 128, BLUE)])
    clean = apply_look(sketch, picture, Look.CLEAN)
    assert find_regions(sketch_to_array(sketch, SIZE)[..., 0]).count == 2
    assert near(clean.getpixel((78, 118)), RED)
    assert near(clean.getpixel((176, 118)), BLUE)
    assert clean.getpixel((128, 30)) == WHITE


def test_a_single_line_is_just_the_line_on_white():
    sketch, draw = sheet()
    draw.line((30, 200, 220, 40), fill=0, width=PEN)
    picture = noisy([(Y >= 0, GREEN)])
    clean = np.asarray(apply_look(sketch, picture, Look.CLEAN))
    line = np.asarray(sketch) < 80
    assert find_regions(sketch_to_array(sketch, SIZE)[..., 0]).count == 0
    assert (clean[line] < 60).all()
    assert (clean[np.asarray(sketch) == 255] == 255).all()


def test_an_empty_sheet_gives_white_paper():
    sketch, _ = sheet()
    clean = apply_look(sketch, noisy([(Y >= 0, GREEN)]), Look.CLEAN)
    assert (np.asarray(clean) == 255).all()


def test_a_sheet_scribbled_all_over_gives_dark_lines_and_colour_from_the_picture():
    sketch, draw = sheet()
    rng = np.random.default_rng(3)
    points = rng.integers(0, SIZE, (60, 2))
    draw.line([tuple(p) for p in points], fill=0, width=3, joint="curve")
    clean = np.asarray(apply_look(sketch, Image.new("RGB", (SIZE, SIZE), GREEN), Look.CLEAN))
    regions = find_regions(sketch_to_array(sketch, SIZE)[..., 0])
    assert regions.count > 50
    assert (clean[np.asarray(sketch) < 80] < 60).all()
    region_pixels = clean[(regions.labels > 0) & (np.asarray(sketch) == 255)]
    assert (np.abs(region_pixels.astype(int) - GREEN) <= 1).all()
    assert (clean[(regions.labels == 0) & (np.asarray(sketch) == 255)] == 255).all()


def test_a_region_one_pixel_thin_takes_its_colour_too():
    sketch, draw = sheet()
    # All of it is beside a line, where the picture is sampled only when a region has nothing else.
    draw.rectangle((50, 98, 200, 100), fill=0)
    draw.rectangle((50, 102, 200, 104), fill=0)
    draw.rectangle((50, 98, 52, 104), fill=0)
    draw.rectangle((198, 98, 200, 104), fill=0)
    clean = apply_look(sketch, noisy([(Y == 101, BLUE)], noise=0), Look.CLEAN)
    assert find_regions(sketch_to_array(sketch, SIZE)[..., 0]).count == 1
    assert near(clean.getpixel((120, 101)), BLUE)


def test_the_childs_lines_are_dark_and_crisp_over_any_colour():
    # Drawn 4 times larger and averaged down, antialiased as the app renders strokes.
    large, draw = sheet(4 * SIZE)
    circle(draw, (192, 192, 832, 832), width=9)
    sketch = large.resize((SIZE, SIZE), Image.Resampling.BOX)
    picture = Image.new("RGB", (SIZE, SIZE), (250, 250, 120))
    clean = np.asarray(apply_look(sketch, picture, Look.CLEAN)).astype(int)
    lines = np.asarray(sketch)
    assert (clean[lines < 100].max(axis=1) < 60).all()
    # Antialiased edges are kept, only steeper: a half-covered pixel is mostly ink.
    half = (lines > 110) & (lines < 150)
    assert half.any() and (clean[half].max(axis=1) < 170).all()


def test_shading_keeps_its_tone_and_the_strokes_in_it_while_a_filled_shape_stays_black():
    # A scanned pencil drawing: a grey-shaded body with darker hatching, beside a filled black wheel.
    sketch, draw = sheet()
    draw.rectangle((40, 60, 150, 180), fill=100)
    for x in range(50, 150, 12):
        draw.line((x, 70, x, 170), fill=0, width=2)
    draw.ellipse((170, 120, 230, 180), fill=0)
    clean = np.asarray(apply_look(sketch, noisy([(Y >= 0, GREEN)]), Look.CLEAN).convert("L")).astype(int)
    grey = np.asarray(sketch) == 100
    inside = grey & (ndimage.distance_transform_edt(grey) > 2)
    # Grey as drawn (100 of ink on white is 0.39 of white and 0.61 of ink), far from ink and paper.
    assert np.abs(clean[inside] - (0.39 * 255 + 0.61 * 23)).max() < 8
    assert (clean[(np.asarray(sketch) == 0) & (X < 160)] < 60).all(), "the hatching stays ink"
    assert (clean[(X > 180) & (X < 220) & (Y > 130) & (Y < 170)] < 30).all(), "the wheel stays black"
    assert (clean[61:180, 40] < 40).all(), "the shading's rim against the paper stays crisp"


@pytest.mark.parametrize("colour", [RED, GREEN, (250, 200, 30)])
def test_region_colours_come_from_the_picture_without_its_grain(colour):
    sketch, draw = sheet()
    circle(draw, (48, 48, 208, 208))
    picture = noisy([(disc(), colour)], noise=30)
    clean = apply_look(sketch, picture, Look.CLEAN)
    assert near(clean.getpixel(CENTRE), colour, tolerance=8)
    inside = far_from_lines(sketch, disc())
    assert grain(picture, inside) > 10
    assert grain(clean, inside) < 0.5


@pytest.mark.parametrize("dark, hue", [((8, 8, 10), None), ((10, 14, 70), 2), ((60, 12, 10), 0)])
def test_a_shape_the_generator_paints_near_black_is_lifted_so_the_lines_stay_visible(dark, hue):
    sketch, draw = sheet()
    circle(draw, (48, 48, 208, 208))
    clean = np.asarray(apply_look(sketch, noisy([(disc(), dark)], noise=4), Look.CLEAN)).astype(float)
    inside = clean[CENTRE[1], CENTRE[0]]
    assert inside @ (0.299, 0.587, 0.114) >= MIN_LUMA - 1
    if hue is not None:  # still the generator's colour, only lighter
        assert np.argmax(inside) == hue and np.ptp(inside) > 60
    lines = np.asarray(sketch) < 100
    assert (clean[lines].max(axis=1) < 60).all()


def test_colours_lighter_than_the_floor_are_kept_as_the_generator_made_them():
    sketch, draw = sheet()
    circle(draw, (48, 48, 208, 208))
    assert np.dot(RED, (0.299, 0.587, 0.114)) > MIN_LUMA  # a saturated red, not far above it
    clean = apply_look(sketch, noisy([(disc(), RED)], noise=4), Look.CLEAN)
    assert near(clean.getpixel(CENTRE), RED, tolerance=6)


def test_shade_keeps_the_pictures_light_and_dark_smoothly():
    sketch, draw = sheet()
    circle(draw, (48, 48, 208, 208))
    lit = np.stack([np.clip(120 + (X - 128) * 0.6, 0, 255)] * 3, axis=-1)[disc()]
    picture = noisy([(disc(), lit)], noise=20)
    flat = np.asarray(apply_look(sketch, picture, Look.CLEAN), np.float32)
    shaded = np.asarray(apply_look(sketch, picture, Look.CLEAN, shade=1.0), np.float32)
    left, right = (128, 80), (128, 176)
    assert abs(flat[left] - flat[right]).max() < 1
    assert (shaded[right] - shaded[left] > 30).all()
    inside = far_from_lines(sketch, disc())
    assert grain(Image.fromarray(shaded.astype(np.uint8)), inside) < 1.5


def test_the_painted_look_is_the_picture_itself():
    sketch, draw = sheet()
    circle(draw, (48, 48, 208, 208))
    picture = noisy([(disc(), RED)])
    assert apply_look(sketch, picture, "painted") is picture
    with pytest.raises(ValueError):
        apply_look(sketch, picture, "shiny")


def test_a_sketch_of_another_size_and_mode_is_scaled_to_the_picture():
    sketch = Image.new("RGBA", (600, 600), (0, 0, 0, 0))
    ImageDraw.Draw(sketch).ellipse((110, 110, 490, 490), outline=(0, 0, 0, 255), width=12)
    clean = apply_look(sketch, noisy([(disc(), RED)]), Look.CLEAN)
    assert clean.size == (SIZE, SIZE)
    assert near(clean.getpixel(CENTRE), RED) and clean.getpixel((3, 3)) == WHITE


class FixedRuntime:
    """A generator that paints red inside a disc, whatever it is shown."""

    name = "fixed"

    def __call__(self, sketches: np.ndarray) -> np.ndarray:
        picture = np.asarray(noisy([(disc(), RED)]), np.float32) / 127.5 - 1
        return np.repeat(picture[None], len(sketches), axis=0)


def test_the_generator_gives_its_themes_look_unless_asked_for_another():
    sketch, draw = sheet()
    circle(draw, (48, 48, 208, 208))
    clean_by_default = Generator(SIZE, FixedRuntime(), Look.CLEAN)
    painted = clean_by_default.generate(sketch, look=Look.PAINTED)
    clean = clean_by_default.generate(sketch)
    assert np.array_equal(np.asarray(clean), np.asarray(apply_look(sketch, painted, Look.CLEAN)))
    assert np.array_equal(np.asarray(Generator(SIZE, FixedRuntime()).generate(sketch)), np.asarray(painted))
    regions = find_regions(sketch_to_array(sketch, SIZE)[..., 0])
    batch = clean_by_default.generate_batch([sketch, sheet()[0]])
    assert np.array_equal(np.asarray(batch[0]), np.asarray(paint_regions(regions, painted)))
    assert (np.asarray(batch[1]) == 255).all()


BUNDLED_MANIFEST = Path(__file__).parents[1] / "models" / "emoji" / "manifest.json"


def test_a_manifest_may_name_its_look_and_older_ones_are_painted():
    from icanvas_desktop.themes import Theme, load_theme

    theme = load_theme(BUNDLED_MANIFEST.parent, tflite_only_ok=True)
    data = json.loads(BUNDLED_MANIFEST.read_text("utf-8"))
    older = {k: v for k, v in data.items() if k != "look"}  # as every manifest from before the clean look
    assert theme.look == data.get("look", "painted")
    assert Theme(BUNDLED_MANIFEST.parent, parse_manifest(json.dumps(older))).look == "painted"
    for look in ("clean", "painted"):
        assert parse_manifest(json.dumps({**data, "look": look}))["look"] == look
    with pytest.raises(ManifestError, match="look"):
        parse_manifest(json.dumps({**data, "look": "shiny"}))


def test_a_theme_whose_manifest_says_clean_makes_clean_pictures(tmp_path):
    from icanvas_desktop.generation import load_generator
    from icanvas_desktop.themes import load_theme

    data = json.loads(BUNDLED_MANIFEST.read_text("utf-8"))
    for name in (data["tflite"], data["preview"]):
        shutil.copy(BUNDLED_MANIFEST.parent / name, tmp_path / name)
    (tmp_path / "manifest.json").write_text(json.dumps({**data, "look": "clean"}), "utf-8")
    generator = load_generator(load_theme(tmp_path, tflite_only_ok=True), "litert", num_threads=1)
    sketch = Image.open(Path(__file__).parent / "data" / "drawings" / "emoji" / "apple_bw.png")
    assert generator.look is Look.CLEAN
    painted = generator.generate(sketch, Look.PAINTED)
    # In the theme's own colours (the recogniser knows an apple, and would colour it as one).
    assert np.array_equal(np.asarray(generator.generate(sketch, thing=None)),
                          np.asarray(apply_look(sketch, painted, "clean")))


def test_components_match_scipys_labelling():
    rng = np.random.default_rng(0)
    for _ in range(200):
        height, width = rng.integers(1, 40, 2)
        mask = rng.random((height, width)) < rng.random()
        padded = np.zeros((height, width + 1), bool)
        padded[:, :width] = mask
        ours, count = components(padded)
        theirs, their_count = ndimage.label(mask)
        assert count == their_count
        assert (ours[:, -1] == 0).all() and np.array_equal(ours[:, :width] > 0, mask)
        assert len(set(zip(ours[:, :width][mask].tolist(), theirs[mask].tolist()))) == count
