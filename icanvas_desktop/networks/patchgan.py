"""The 70x70 PatchGAN discriminator (C64-C128-C256-C512-out) on the sketch stacked onto a picture."""

import keras
from keras import layers

from icanvas_desktop.networks.layers import conv, instance_norm


def patchgan_discriminator(image_size: int, ndf: int = 64, sketch_channels: int = 1) -> keras.Model:
    sketch = keras.Input((image_size, image_size, sketch_channels), name="sketch")
    picture = keras.Input((image_size, image_size, 3), name="picture")
    # The sketch arrives in [0, 1]; bring it to the picture's [-1, 1] so both weigh alike.
    x = layers.Concatenate(name="pair")([layers.Rescaling(2.0, offset=-1.0, name="sketch_scale")(sketch), picture])
    x = conv(ndf, 4, strides=2, bias=True, name="c64_conv")(x)
    x = layers.LeakyReLU(0.2, name="c64_lrelu")(x)
    for mult, strides in ((2, 2), (4, 2), (8, 1)):
        width = ndf * mult
        x = conv(width, 4, strides=strides, name=f"c{width}_conv")(x)
        x = instance_norm(f"c{width}_norm")(x)
        x = layers.LeakyReLU(0.2, name=f"c{width}_lrelu")(x)
    x = conv(1, 4, bias=True, name="patch_conv")(x)
    x = layers.Activation("linear", dtype="float32", name="patch_scores")(x)
    return keras.Model([sketch, picture], x, name="patchgan_discriminator")
