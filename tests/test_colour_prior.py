import numpy as np
import pytest
from PIL import Image, ImageDraw

from icanvas_desktop.generation.clean_look import find_regions, paint_regions
from icanvas_desktop.generation.colour_families import family_of
from icanvas_desktop.generation.colour_prior import apply_prior, close, main_colour, template_colours
from icanvas_desktop.generation.sketch_input import sketch_to_array

SIZE = 256
PURPLE, DARK_RED, RED = (150, 60, 200), (170, 40, 35), (230, 40, 40)
GREEN, BLUE = (90, 170, 60), (40, 90, 220)


def apple_template() -> np.ndarray:
    """An artist's apple, as a template is: a red disc with a black outline and a green leaf on top,
    transparent around it."""
    image = Image.new("RGBA", (64, 64), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    draw.ellipse((4, 14, 60, 60), fill=RED + (255,), outline=(0, 0, 0, 255), width=2)
    draw.ellipse((30, 2, 46, 12), fill=GREEN + (255,), outline=(0, 0, 0, 255), width=1)
    return np.asarray(image)


def drawing(box=(48, 48, 208, 208)):
    """A child's circle (wider or narrower than the apple: the extents are matched, not the shapes)."""
    image = Image.new("L", (SIZE, SIZE), 255)
    ImageDraw.Draw(image).ellipse(box, outline=0, width=5)
    return image, find_regions(sketch_to_array(image, SIZE)[..., 0])


def flat(colour) -> Image.Image:
    return Image.new("RGB", (SIZE, SIZE), colour)


def inside(regions) -> int:
    return int(regions.labels[SIZE // 2 + 20, SIZE // 2])


def test_a_circle_guessed_apple_takes_the_apples_red_where_the_theme_painted_it_purple():
    _, regions = drawing()
    colours = np.full((regions.count + 1, 3), 255, np.uint8)
    colours[inside(regions)] = PURPLE
    recoloured = apply_prior(regions, colours, apple_template())
    assert tuple(recoloured[inside(regions)]) == RED


def test_a_theme_colour_of_the_same_family_is_kept():
    _, regions = drawing((30, 70, 226, 190))
    colours = np.full((regions.count + 1, 3), 255, np.uint8)
    colours[inside(regions)] = DARK_RED
    assert tuple(apply_prior(regions, colours, apple_template())[inside(regions)]) == DARK_RED


def test_a_region_off_the_template_keeps_its_colour():
    # The drawing's extent spans both shapes, so the square in its corner lies where the round apple is not.
    image = Image.new("L", (SIZE, SIZE), 255)
    draw = ImageDraw.Draw(image)
    draw.ellipse((60, 60, 220, 220), outline=0, width=5)
    draw.rectangle((20, 20, 50, 50), outline=0, width=4)
    regions = find_regions(sketch_to_array(image, SIZE)[..., 0])
    corner = int(regions.labels[35, 35])
    colours = np.full((regions.count + 1, 3), 255, np.uint8)
    colours[corner] = BLUE
    _, found = template_colours(regions, apple_template())
    assert not found[corner]
    assert tuple(apply_prior(regions, colours, apple_template())[corner]) == BLUE


def test_through_the_clean_look_the_crayons_and_the_paper_win():
    _, regions = drawing()

    def recolour(regions, colours, paper):
        return apply_prior(regions, colours, apple_template(), keep=paper)

    picture = np.asarray(paint_regions(regions, flat(PURPLE), recolour=recolour))
    assert tuple(picture[SIZE // 2 + 20, SIZE // 2]) == RED
    assert tuple(picture[5, 5]) == (255, 255, 255)
    hints = np.zeros((SIZE, SIZE, 4), np.float32)
    hints[120:140, 100:160, :3] = np.array(BLUE) / 255
    hints[120:140, 100:160, 3] = 1
    crayoned = np.asarray(paint_regions(regions, flat(PURPLE), hints=hints, recolour=recolour))
    assert tuple(crayoned[SIZE // 2 + 20, SIZE // 2]) == BLUE


def test_paper_regions_are_left_alone():
    _, regions = drawing()
    colours = np.full((regions.count + 1, 3), 255, np.uint8)
    keep = np.ones(regions.count + 1, bool)
    assert (apply_prior(regions, colours, apple_template(), keep=keep) == 255).all()


def test_families_close_and_apart():
    assert close(np.array(RED, np.uint8), np.array(DARK_RED, np.uint8))
    assert not close(np.array(RED, np.uint8), np.array(PURPLE, np.uint8))
    assert not close(np.array(RED, np.uint8), np.array(GREEN, np.uint8))
    assert close(np.array((250, 250, 250), np.uint8), np.array((230, 232, 228), np.uint8))
    assert not close(np.array((250, 250, 250), np.uint8), np.array((250, 230, 60), np.uint8))


def test_a_brown_near_the_templates_orange_is_not_kept():
    # A theme's brown pumpkin side is within 15° of hue and 30 of lightness of the artist's orange, yet a
    # person calls it brown: the pumpkin takes the orange.
    orange, brown = np.array((244, 170, 65), np.uint8), np.array((200, 130, 70), np.uint8)
    assert family_of(tuple(orange)) == "orange" and family_of(tuple(brown)) == "brown"
    assert not close(brown, orange)
    template = np.zeros((64, 64, 4), np.uint8)
    template[4:60, 4:60] = tuple(orange) + (255,)
    _, regions = drawing()
    colours = np.full((regions.count + 1, 3), 255, np.uint8)
    colours[inside(regions)] = brown
    assert tuple(apply_prior(regions, colours, template)[inside(regions)]) == tuple(orange)


def test_a_drawing_facing_the_other_way_meets_the_mirrored_template():
    # The artist's thing is red on the left of its extent and has only a black line on the right.
    template = np.zeros((64, 64, 4), np.uint8)
    template[8:56, 4:30] = RED + (255,)
    template[8:56, 58:60] = (0, 0, 0, 255)
    # The child drew it the other way round: the shape on the right, a short line on the left.
    image = Image.new("L", (SIZE, SIZE), 255)
    draw = ImageDraw.Draw(image)
    draw.rectangle((130, 40, 216, 216), outline=0, width=4)
    draw.line((40, 40, 40, 216), fill=0, width=4)
    regions = find_regions(sketch_to_array(image, SIZE)[..., 0])
    shape = int(regions.labels[128, 170])
    colours, found = template_colours(regions, template)
    assert found[shape] and tuple(colours[shape]) == RED


def test_yellow_and_lime_are_apart():
    assert not close(np.array((250, 220, 60), np.uint8), np.array((170, 200, 60), np.uint8))


def test_the_body_off_the_template_takes_its_main_colour_and_other_shapes_off_it_keep_theirs():
    # An artist's thing that is two red bars, a green leaf on one: a child's round body in the middle of the
    # same extent lies on neither, nor on their mirror image.
    template = Image.new("RGBA", (64, 64), (0, 0, 0, 0))
    draw = ImageDraw.Draw(template)
    draw.rectangle((0, 0, 14, 63), fill=RED + (255,))
    draw.rectangle((49, 0, 63, 63), fill=RED + (255,))
    draw.rectangle((54, 0, 63, 8), fill=GREEN + (255,))
    image = Image.new("L", (SIZE, SIZE), 255)
    draw = ImageDraw.Draw(image)
    draw.ellipse((90, 90, 170, 170), outline=0, width=5)  # the body
    draw.rectangle((110, 200, 130, 220), outline=0, width=4)  # a small shape, off the template too
    draw.line((20, 20, 20, 236), fill=0, width=4)  # the extent: over both bars
    draw.line((236, 20, 236, 236), fill=0, width=4)
    regions = find_regions(sketch_to_array(image, SIZE)[..., 0])
    body, small = int(regions.labels[130, 130]), int(regions.labels[210, 120])
    colours = np.full((regions.count + 1, 3), 255, np.uint8)
    colours[body], colours[small] = PURPLE, BLUE
    recoloured = apply_prior(regions, colours, np.asarray(template))
    assert tuple(recoloured[body]) == RED, "the body: the thing's main colour"
    assert tuple(recoloured[small]) == BLUE, "not the body: the theme's colour"


def truck_template(panel, body=RED) -> np.ndarray:
    """An artist's truck seen from the side, `body`-coloured, with a panel in `panel` over the back of it
    (smaller than the body colour around it), transparent around it."""
    template = Image.new("RGBA", (64, 64), (0, 0, 0, 0))
    draw = ImageDraw.Draw(template)
    draw.rectangle((0, 10, 63, 50), fill=tuple(body) + (255,))
    draw.rectangle((32, 14, 60, 46), fill=tuple(panel) + (255,))
    return np.asarray(template)


def box_on_the_panel():
    """A child's truck: one box over the back, where the artist's panel is, and a ladder line on the left
    that makes the drawing's extent the truck's."""
    image = Image.new("L", (SIZE, SIZE), 255)
    draw = ImageDraw.Draw(image)
    draw.rectangle((130, 60, 236, 200), outline=0, width=5)
    draw.line((20, 60, 20, 200), fill=0, width=4)
    regions = find_regions(sketch_to_array(image, SIZE)[..., 0])
    return regions, int(regions.labels[130, 180])


@pytest.mark.parametrize("panel, taken", [((208, 207, 206), RED), ((200, 120, 40), (200, 120, 40))],
                         ids=["a grey panel: the truck's red", "a brown panel: the panel's brown"])
def test_a_body_on_a_white_grey_or_black_part_of_a_coloured_thing_takes_the_things_colour(panel, taken):
    regions, body = box_on_the_panel()
    template = truck_template(panel)
    assert tuple(main_colour(template)) == RED
    colours, found = template_colours(regions, template)
    assert found[body] and tuple(colours[body]) == taken


def test_a_grey_thing_stays_grey():
    regions, body = box_on_the_panel()
    colours, found = template_colours(regions, truck_template((208, 207, 206), body=(150, 150, 150)))
    assert found[body] and tuple(colours[body]) == (208, 207, 206)
