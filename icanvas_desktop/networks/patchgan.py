"""The 70x70 PatchGAN discriminator (C64-C128-C256-C512-out) on the sketch stacked onto a picture, and
pix2pixHD's two-scale version of it.

A discriminator's output is its patch scores, or, for the two-scale one, one list per scale of each
block's features followed by that scale's scores: the features are what feature matching compares.
"""

import keras
from keras import layers

from icanvas_desktop.networks.layers import conv, instance_norm

DISCRIMINATORS = ("patchgan", "two_scale")


def patchgan_discriminator(image_size: int, ndf: int = 64, sketch_channels: int = 1, features: bool = False,
                           name: str = "patchgan_discriminator") -> keras.Model:
    # Keras wants every layer name unique across nested models: the two-scale one names its halves.
    n = "" if name == "patchgan_discriminator" else f"{name}_"
    sketch = keras.Input((image_size, image_size, sketch_channels), name=f"{n}sketch")
    picture = keras.Input((image_size, image_size, 3), name=f"{n}picture")
    # The sketch arrives in [0, 1]; bring it to the picture's [-1, 1] so both weigh alike.
    x = layers.Concatenate(name=f"{n}pair")(
        [layers.Rescaling(2.0, offset=-1.0, name=f"{n}sketch_scale")(sketch), picture])
    x = conv(ndf, 4, strides=2, bias=True, name=f"{n}c64_conv")(x)
    x = layers.LeakyReLU(0.2, name=f"{n}c64_lrelu")(x)
    blocks = [x]
    for mult, strides in ((2, 2), (4, 2), (8, 1)):
        width = ndf * mult
        x = conv(width, 4, strides=strides, name=f"{n}c{width}_conv")(x)
        x = instance_norm(f"{n}c{width}_norm")(x)
        x = layers.LeakyReLU(0.2, name=f"{n}c{width}_lrelu")(x)
        blocks.append(x)
    x = conv(1, 4, bias=True, name=f"{n}patch_conv")(x)
    x = layers.Activation("linear", dtype="float32", name=f"{n}patch_scores")(x)
    return keras.Model([sketch, picture], [*blocks, x] if features else x, name=name)


def two_scale_discriminator(image_size: int, ndf: int = 64, sketch_channels: int = 1) -> keras.Model:
    """pix2pixHD: the same PatchGAN on the pair and on the pair at half size, so one judges texture and
    the other larger shapes."""
    sketch = keras.Input((image_size, image_size, sketch_channels), name="sketch")
    picture = keras.Input((image_size, image_size, 3), name="picture")
    full = patchgan_discriminator(image_size, ndf, sketch_channels, features=True, name="full_size")
    half = patchgan_discriminator(image_size // 2, ndf, sketch_channels, features=True, name="half_size")
    shrink = layers.AveragePooling2D(2, name="half_picture")
    outputs = [full([sketch, picture]),
               half([layers.AveragePooling2D(2, name="half_sketch")(sketch), shrink(picture)])]
    return keras.Model([sketch, picture], outputs, name="two_scale_discriminator")


def build_discriminator(kind: str, image_size: int) -> keras.Model:
    if kind == "two_scale":
        return two_scale_discriminator(image_size)
    return patchgan_discriminator(image_size)
