"""Scenes: a drawing of several things is recognised and coloured thing by thing."""

from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw

from icanvas_desktop.drawing.picture import GUESSED, SceneThing
from icanvas_desktop.drawing.scene_names import with_name
from icanvas_desktop.generation import Generator
from icanvas_desktop.generation.clean_look import find_regions
from icanvas_desktop.generation.colour_families import families_of
from icanvas_desktop.generation.recognise import TOUCHING_SURE, Recogniser, bundled_recogniser_dir
from icanvas_desktop.generation.scene import cut_in_two, ground_line, parts_of, regions_of_parts
from icanvas_desktop.generation.sketch_input import sketch_to_array
from icanvas_desktop.look import Look

SIZE = 256
DOODLES = Path(__file__).parent / "data" / "doodles"
SCENES = Path(__file__).parent / "data" / "scenes"
PURPLE = (150, 60, 200)


class PurpleTheme:
    """A theme that paints everything purple."""

    input_channels = 1

    def __call__(self, sketches: np.ndarray) -> np.ndarray:
        picture = np.array(PURPLE, np.float32) / 127.5 - 1
        return np.broadcast_to(picture, (len(sketches), SIZE, SIZE, 3)).copy()


def purple_generator() -> Generator:
    """The clean look of a theme that paints everything purple, with the bundled recogniser."""
    return Generator(SIZE, PurpleTheme(), Look.CLEAN, Recogniser(bundled_recogniser_dir()))


def offered_as(things: tuple[SceneThing, ...], first: str) -> SceneThing:
    """The thing of a scene whose first offer is `first`."""
    return next(thing for thing in things if thing.offered[0] == first)


def scene(*placed: tuple[str, tuple[int, int], int]) -> Image.Image:
    """Doodles of tests/data/doodles, each (name, top-left corner, side) on one sheet."""
    sheet = np.full((SIZE, SIZE), 255, np.uint8)
    for name, (x, y), side in placed:
        with Image.open(DOODLES / f"{name}.png") as image:
            doodle = np.asarray(image.convert("L").resize((side, side), Image.Resampling.LANCZOS))
        window = sheet[y : y + side, x : x + side]
        np.minimum(window, doodle, out=window)
    return Image.fromarray(sheet, "L")


def array(image: Image.Image) -> np.ndarray:
    return sketch_to_array(image, SIZE)[..., 0]


def test_things_drawn_apart_are_found_apart_and_one_thing_is_no_scene():
    parts = parts_of(array(scene(("sun_1", (0, 0), 128), ("apple_1", (128, 128), 128))))
    assert len(parts) == 2
    for part in parts:
        top, left, bottom, right = part.box
        assert (bottom <= 128 and right <= 128) or (top >= 128 and left >= 128), part.box
        # Its ink and the pixel round it, nothing beyond.
        assert part.mask[top:bottom, left:right].any() and not part.mask[: max(top - 1, 0)].any()
    # One thing, however its lines lie: a sun's rays, a smiley's eyes and mouth inside its face.
    for name in ("sun_1", "smiley_1", "ladybug_1", "watermelon_2"):
        assert parts_of(array(scene((name, (0, 0), SIZE)))) == [], name


def test_things_standing_on_a_ground_line_are_found_apart():
    from icanvas_desktop.trainer.evaluation.colour_sense import load_scenes

    grounded = [s for s in load_scenes(SCENES) if s.part == "first, on the ground"][:10]
    for labelled in grounded:
        sketch = array(labelled.sketch)
        ground = ground_line(sketch < 0.6)
        assert ground.any(axis=0).mean() > 0.6, labelled.file
        parts = parts_of(sketch)
        assert len(parts) == len(labelled.things), labelled.file
        for thing in labelled.things:  # each labelled thing's middle lies in one part's box
            x, y = (thing.box[0] + thing.box[2]) / 2, (thing.box[1] + thing.box[3]) / 2
            assert sum(p.box[0] <= y < p.box[2] and p.box[1] <= x < p.box[3] for p in parts) == 1
    # Things with no line across under them have no ground line.
    assert not ground_line(array(scene(("tree_1", (10, 90), 120), ("apple_1", (150, 120), 90))) < 0.6).any()


def test_one_wide_thing_is_not_split_at_its_bottom():
    for name in ("banana_1", "whale_1", "fire_truck_1", "watermelon_1", "snake_1", "pizza_1"):
        assert parts_of(array(scene((name, (0, 0), SIZE)))) == [], name


def test_a_stray_mark_is_no_thing():
    image = scene(("apple_1", (0, 0), 200))
    ImageDraw.Draw(image).ellipse((230, 230, 240, 240), outline=0, width=3)
    assert parts_of(array(image)) == []
    ImageDraw.Draw(image).ellipse((200, 200, 250, 250), outline=0, width=3)
    assert len(parts_of(array(image))) == 2


def test_each_region_belongs_to_the_thing_whose_lines_bound_it():
    image = Image.new("L", (SIZE, SIZE), 255)
    draw = ImageDraw.Draw(image)
    draw.ellipse((10, 10, 110, 110), outline=0, width=4)
    draw.rectangle((150, 140, 240, 240), outline=0, width=4)
    draw.line((150, 190, 240, 190), fill=0, width=4)
    sketch = array(image)
    parts, regions = parts_of(sketch), find_regions(sketch)
    owner = regions_of_parts(regions, parts)
    circle = 0 if parts[0].box[0] < 100 else 1
    assert owner[regions.labels[60, 60]] == circle
    assert owner[regions.labels[165, 195]] == owner[regions.labels[215, 195]] == 1 - circle
    assert owner[0] == -1


def test_a_scene_is_coloured_and_asked_about_thing_by_thing():
    recogniser = Recogniser(bundled_recogniser_dir())
    sketch = scene(("sun_1", (0, 0), 120), ("apple_1", (130, 130), 120))
    things = recogniser.scene(array(sketch), recogniser.guess(array(sketch), 1))
    assert sorted(guesses[0].thing for _, guesses in things) == ["apple", "sun"]

    generator = purple_generator()
    picture, offered, things = generator.generate_offering(sketch)
    sun, apple = (np.asarray(picture)[y, x] for y, x in ((60, 60), (195, 190)))
    assert families_of(sun) == families_of(np.array((250, 220, 60), np.uint8)), sun
    assert families_of(apple) == families_of(np.array((210, 47, 39), np.uint8)), apple
    assert offered == ()
    # Each thing is asked about alone, where it is.
    assert sorted(thing.offered[0] for thing in things) == ["apple", "sun"]
    sun_box = offered_as(things, "sun").box
    assert sun_box[2] <= 0.5 and sun_box[3] <= 0.5 and all(thing.named == GUESSED for thing in things)
    # The dice rolls each thing's colour within its family.
    rolled = np.asarray(generator.generate(sketch, colouring=3))
    assert families_of(rolled[60, 60]) == families_of(sun)
    assert families_of(rolled[195, 190]) == families_of(apple)
    # "None of these" keeps the theme's colours, a named thing colours the drawing as that thing.
    assert tuple(np.asarray(generator.generate(sketch, thing=None))[60, 60]) == PURPLE
    assert tuple(np.asarray(generator.generate(sketch, thing="lemon"))[195, 190]) != tuple(apple)


def test_a_drawing_of_one_thing_is_coloured_as_before(monkeypatch):
    generator = purple_generator()
    recogniser = generator.recogniser
    sketch = scene(("apple_1", (0, 0), SIZE))
    assert recogniser.scene(array(sketch), recogniser.guess(array(sketch), 1)) is None
    picture, offered, things = generator.generate_offering(sketch)
    assert offered and offered[0] == "apple" and things == ()
    monkeypatch.setattr(Recogniser, "scene", lambda *_, **__: None)
    assert np.array_equal(np.asarray(picture), np.asarray(generator.generate(sketch)))


def test_a_scene_thing_the_child_names_is_coloured_as_named_and_the_others_as_before():
    generator = purple_generator()
    sketch = scene(("sun_1", (0, 0), 120), ("apple_1", (130, 130), 120))
    before, _, things = generator.generate_offering(sketch)
    apple = offered_as(things, "apple")
    # The apple is a lemon, says the child: yellow where it was red; the sun stays as it was.
    named = with_name(GUESSED, apple.box, "lemon")
    after, offered, things = generator.generate_offering(sketch, thing=named)
    at_sun, at_apple = (60, 60), (195, 190)
    assert families_of(np.asarray(after)[at_apple]) != families_of(np.asarray(before)[at_apple])
    assert families_of(np.asarray(after)[at_apple]) == families_of(np.array((250, 220, 60), np.uint8))
    assert tuple(np.asarray(after)[at_sun]) == tuple(np.asarray(before)[at_sun])
    assert offered == () and sorted(thing.named for thing in things if thing.named != GUESSED) == ["lemon"]
    # "None of these" for the sun keeps the theme's colours there, and the lemon stays a lemon.
    both = with_name(named, offered_as(things, "sun").box, None)
    picture = np.asarray(generator.generate(sketch, thing=both))
    assert tuple(picture[at_sun]) == PURPLE and tuple(picture[at_apple]) == tuple(np.asarray(after)[at_apple])


def test_a_name_stays_with_its_thing_as_the_child_draws_on():
    generator = purple_generator()
    two = scene(("sun_1", (0, 0), 110), ("apple_1", (140, 0), 110))
    _, _, things = generator.generate_offering(two)
    apple = offered_as(things, "apple")
    named = with_name(GUESSED, apple.box, "lemon")
    # A third thing drawn under them: the lemon is still the thing at the top right.
    three = scene(("sun_1", (0, 0), 110), ("apple_1", (140, 0), 110), ("tree_1", (70, 140), 110))
    _, _, things = generator.generate_offering(three, thing=named)
    assert len(things) == 3
    lemon = next(thing for thing in things if thing.named == "lemon")
    assert lemon.box[0] >= 0.5 and lemon.box[3] <= 0.5, lemon.box
    assert [thing.named for thing in things].count(GUESSED) == 2


def test_naming_a_thing_reads_the_drawing_as_things_even_where_the_whole_looks_surer(monkeypatch):
    generator = purple_generator()
    sketch = scene(("sun_1", (0, 0), 120), ("apple_1", (130, 130), 120))
    monkeypatch.setattr(Recogniser, "surer_apart", lambda *_: False)
    _, offered, things = generator.generate_offering(sketch)
    assert things == ()  # one drawing
    named = with_name(GUESSED, (0.5, 0.5, 1.0, 1.0), "lemon")
    picture, offered, things = generator.generate_offering(sketch, thing=named)
    assert offered == () and len(things) == 2
    assert families_of(np.asarray(picture)[195, 190]) == families_of(np.array((250, 220, 60), np.uint8))


def test_two_things_drawn_touching_are_cut_apart_where_the_pen_crosses_fewest_lines():
    image = Image.new("L", (SIZE, SIZE), 255)
    draw = ImageDraw.Draw(image)
    draw.ellipse((20, 70, 120, 170), outline=0, width=4)  # touching the square at x = 118-122
    draw.rectangle((118, 80, 218, 160), outline=0, width=4)
    draw.line((140, 120, 200, 120), fill=0, width=4)  # a line inside the square stays with it
    sketch = array(image)
    assert parts_of(sketch) == [], "one group of ink"
    across = [halves for halves in cut_in_two(sketch) if halves[0].box[3] <= 125 or halves[1].box[3] <= 125]
    assert across, [(a.box, b.box) for a, b in cut_in_two(sketch)]
    circle, square = sorted(across[0], key=lambda part: part.box[1])
    assert circle.box[1] <= 22 and circle.box[3] <= 125 and square.box[1] >= 114 and square.box[3] >= 216
    assert square.mask[120, 170] and not circle.mask[120, 170]
    assert cut_in_two(np.ones((SIZE, SIZE), np.float32)) == []


def test_touching_things_are_read_apart_only_when_the_recogniser_is_sure_of_both_halves():
    recogniser = Recogniser(bundled_recogniser_dir())
    with Image.open(SCENES / "touching_first_002.png") as image:
        touching = array(image)
    assert parts_of(touching) == []
    things = recogniser.scene(touching, recogniser.guess(touching, 1))
    assert sorted(guesses[0].thing for _, guesses in things) == ["pumpkin", "snowman"]
    # Two touching things beside a third: the pair is cut in two as well.
    with Image.open(SCENES / "three_first_007.png") as image:
        three = array(image)
    assert len(parts_of(three)) == 2
    things = recogniser.scene(three, recogniser.guess(three, 1))
    assert sorted(guesses[0].thing for _, guesses in things) == ["apple", "grapes", "pineapple"]
    # A drawing of one thing the recogniser is sure of is never cut.
    apple = array(scene(("apple_1", (0, 0), SIZE)))
    whole = recogniser.guess(apple, 1)
    assert whole[0].probability >= TOUCHING_SURE and recogniser.touching(apple, whole) is None
