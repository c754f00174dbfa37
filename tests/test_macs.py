import keras

from icanvas_desktop.networks import build_generator
from icanvas_desktop.networks.config import GeneratorConfig
from icanvas_desktop.networks.macs import real_macs


def test_a_transposed_convolution_costs_its_input_pixels_not_its_output_pixels():
    sketch = keras.Input((8, 8, 2))
    down = keras.layers.Conv2D(4, 3, strides=2, padding="same")(sketch)  # 4x4 out: 16 * 9 * 2 * 4
    up = keras.layers.Conv2DTranspose(3, 4, strides=2, padding="same")(down)  # 4x4 in: 16 * 16 * 4 * 3
    assert real_macs(keras.Model(sketch, up)) == 16 * 9 * 2 * 4 + 16 * 16 * 4 * 3


def test_the_compact_generator_does_a_small_fraction_of_the_seeds_work():
    compact, seed = (real_macs(build_generator(GeneratorConfig.from_preset(name, 256)))
                     for name in ("compact", "seed"))
    assert 0.3e9 < compact < 1.6e9  # 0.40 G: the class of compact pix2pix students (0.4-1.6 G at 256 px)
    assert 45e9 < seed < 60e9  # 49.1 G with a one-channel sketch
    assert seed > 100 * compact
