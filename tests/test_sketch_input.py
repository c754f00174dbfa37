import numpy as np
from PIL import Image

from icanvas_desktop.generation.sketch_input import (
    hint_channels,
    hints_to_array,
    no_hints,
    picture_from_array,
    picture_to_array,
    sketch_to_array,
)


def test_any_mode_becomes_white_paper_with_dark_lines():
    line = Image.new("RGBA", (40, 20), (0, 0, 0, 0))
    line.paste((0, 0, 0, 255), (0, 9, 40, 11))
    array = sketch_to_array(line, 32)
    assert array.shape == (32, 32, 1) and array.dtype == np.float32
    # transparent paper is white, the 2:1 drawing is centred (rows 0-7 and 24-31 are padding)
    assert array[:8].min() == 1.0 and array[24:].min() == 1.0
    assert array[15:17, 4:28].max() < 0.3

    sixteen = Image.fromarray(np.full((32, 32), 65535, np.uint16))
    assert sketch_to_array(sixteen, 32).min() == 1.0
    assert sketch_to_array(Image.new("CMYK", (32, 32), (0, 0, 0, 255)), 32).max() < 0.05


def test_pictures_round_trip_through_the_generator_range():
    pixels = np.random.default_rng(0).integers(0, 256, (8, 8, 3), dtype=np.uint8)
    array = picture_to_array(Image.fromarray(pixels))
    assert array.min() >= -1 and array.max() <= 1
    assert np.array_equal(np.asarray(picture_from_array(array)), pixels)


def test_hint_channels_are_the_colour_where_a_crayon_touched_then_a_mask():
    colour = np.random.default_rng(1).uniform(0.2, 1.0, (4, 4, 3)).astype(np.float32)
    touched = np.zeros((4, 4), bool)
    touched[1:3, :2] = True
    channels = hint_channels(colour, touched)
    assert channels.shape == (4, 4, 4) and channels.dtype == np.float32
    np.testing.assert_array_equal(channels[touched, :3], colour[touched])
    assert not channels[~touched, :3].any()
    np.testing.assert_array_equal(channels[..., 3], touched)


def test_a_crayon_layer_is_read_with_the_one_hint_encoding():
    pixels = np.zeros((8, 8, 4), np.uint8)
    pixels[2:5, 3:7] = (229, 43, 43, 255)
    pixels[6, :] = (30, 110, 230, 40)  # too faint to be a crayon: no hint, whatever its colour
    channels = hints_to_array(Image.fromarray(pixels, "RGBA"), 8)
    colour = pixels[..., :3] / np.float32(255)
    np.testing.assert_array_equal(channels, hint_channels(colour, pixels[..., 3] > 127))
    np.testing.assert_array_equal(hints_to_array(None, 8), no_hints(8))
    assert no_hints(8).shape == (8, 8, 4) and not no_hints(8).any()
