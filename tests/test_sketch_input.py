import numpy as np
from PIL import Image

from icanvas_desktop.generation.sketch_input import picture_from_array, picture_to_array, sketch_to_array


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
