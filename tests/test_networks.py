import keras
import numpy as np
import pytest

from icanvas_desktop.networks import GeneratorConfig, build_generator
from icanvas_desktop.networks.macs import real_macs
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


@pytest.mark.parametrize(("architecture", "size", "settings"), [
    ("resnet", 64, {"ngf": 8, "n_blocks": 3}),
    ("unet", 64, {"ngf": 8, "depth": 3, "max_mult": 2}),
    ("unet", 32, {"ngf": 4, "depth": 1}),
    ("unet", 64, {"ngf": 4, "depth": 6, "max_mult": 4}),
])
def test_the_cost_worked_out_from_the_settings_is_the_built_networks(architecture, size, settings):
    from icanvas_desktop.networks.macs import real_macs

    config = GeneratorConfig(architecture, size, settings)
    model = build_generator(config)
    assert config.cost() == (model.count_params(), real_macs(model))


def test_the_largest_accepted_generator_is_a_few_seeds():
    seed = GeneratorConfig.from_preset("seed", 256).cost()
    assert seed == (11_377_155, 49_140_465_664)
    for accepted in (GeneratorConfig.from_preset("unet256", 256),
                     GeneratorConfig("resnet", 256, {"ngf": 128}), GeneratorConfig("resnet", 512, {})):
        assert all(a <= 6 * s for a, s in zip(accepted.cost(), seed))
    for settings, match in (({"ngf": 1024}, "ngf must be a whole number from 1 to 256, got 1024"),
                            ({"ngf": 1, "n_blocks": 1_000_000}, "n_blocks must be a whole number"),
                            ({"ngf": 64.0}, "ngf must be a whole number"),
                            ({"ngf": True}, "ngf must be a whole number"),
                            ({"ngf": 192, "n_blocks": 9}, "at most 60 M and 200 G are allowed")):
        with pytest.raises(ValueError, match=match):
            GeneratorConfig("resnet", 256, settings)
    with pytest.raises(ValueError, match="dropout must be a number from 0.0 to 0.9"):
        GeneratorConfig("unet", 256, {"dropout": float("nan")})
    with pytest.raises(ValueError, match="image size must be a multiple of 4 from 16 to 512"):
        GeneratorConfig("resnet", 1024)


@pytest.mark.parametrize("upsample", ["resize", "shuffle"])
def test_decoders_without_transposed_convolutions_cost_what_is_worked_out(upsample):
    config = GeneratorConfig.from_preset("compact", 64, upsample=upsample, hints=True, depth=4)
    model = build_generator(config)
    parameters, multiply_adds = config.cost()
    assert model.input_shape == (None, 64, 64, 5)
    assert model.output_shape == (None, 64, 64, 3)
    assert model.count_params() == parameters
    assert real_macs(model) == multiply_adds
    assert not any(isinstance(layer, keras.layers.Conv2DTranspose) for layer in model.layers)


def test_a_pixel_shuffle_starts_as_nearest_upsampling():
    # ICNR: the four sub-pixels of each output pixel come from one kernel, so a fresh network paints
    # 2x2 blocks of one value instead of a checkerboard.
    model = build_generator(GeneratorConfig.from_preset("compact", 32, upsample="shuffle", depth=3))
    before_tanh = keras.Model(model.input, model.get_layer("out_conv_shuffle").output)
    out = np.asarray(before_tanh(np.random.default_rng(0).random((1, 32, 32, 1), np.float32)))
    assert np.abs(out).mean() > 1e-3
    for dy, dx in ((0, 1), (1, 0), (1, 1)):
        np.testing.assert_array_equal(out[:, dy::2, dx::2], out[:, ::2, ::2])


@pytest.mark.parametrize("settings", [{"upsample": "bilinear"}, {"hints": 1}, {"hints": "yes"}])
def test_choice_settings_take_only_their_choices(settings):
    with pytest.raises(ValueError, match="must be one of"):
        GeneratorConfig("unet", 256, settings)


def test_old_manifests_mean_transposed_convolutions_and_no_hints():
    config = GeneratorConfig.from_dict({"name": "unet", "image_size": 256,
                                        "settings": {"ngf": 16, "depth": 7, "max_mult": 8, "dropout": 0.0}})
    assert config.full_settings()["upsample"] == "transpose"
    assert config.input_channels == 1


def test_the_two_scale_discriminator_gives_features_and_scores_at_both_sizes():
    from icanvas_desktop.networks.patchgan import two_scale_discriminator

    full, half = two_scale_discriminator(64)([np.ones((1, 64, 64, 1), np.float32),
                                                      np.zeros((1, 64, 64, 3), np.float32)])
    assert len(full) == len(half) == 5
    assert full[0].shape == (1, 32, 32, 64) and half[0].shape == (1, 16, 16, 64)
    assert full[-1].shape == (1, 8, 8, 1) and half[-1].shape == (1, 4, 4, 1)
