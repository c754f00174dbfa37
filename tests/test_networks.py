import numpy as np
import pytest

from icanvas_desktop.networks import GeneratorConfig, build_generator
from icanvas_desktop.networks.patchgan import patchgan_discriminator


def test_seed_resnet_generator_has_the_seeds_parameter_count():
    generator = build_generator(GeneratorConfig.from_preset("seed", 256))
    assert generator.count_params() == 11_377_155


def test_generators_map_a_sketch_to_a_picture_of_the_same_size_in_range():
    sketch = np.ones((2, 64, 64, 1), np.float32)
    for name in ("seed", "unet256", "compact"):
        config = GeneratorConfig.from_preset(name, 64, **({"depth": 6} if name != "seed" else {}))
        picture = np.asarray(build_generator(config)(sketch, training=False))
        assert picture.shape == (2, 64, 64, 3)
        assert np.all(picture >= -1) and np.all(picture <= 1)


def test_patchgan_sees_70x70_patches():
    discriminator = patchgan_discriminator(256)
    rf, jump = 1, 1
    for layer in discriminator.layers:
        if hasattr(layer, "kernel_size"):
            rf += (layer.kernel_size[0] - 1) * jump
            jump *= layer.strides[0]
    assert rf == 70
    assert discriminator.output_shape == (None, 32, 32, 1)


def test_configuration_rejects_unknown_settings_and_bad_sizes():
    with pytest.raises(ValueError, match="no setting"):
        GeneratorConfig("resnet", 256, {"depth": 3})
    with pytest.raises(ValueError, match="unknown architecture"):
        GeneratorConfig("vit", 256)
    with pytest.raises(ValueError, match="divisible"):
        build_generator(GeneratorConfig("unet", 96, {"depth": 8}))
