"""The pix2pix U-Net generator (unet_256 at depth 8); fewer filters and levels make the compact one."""

import keras
from keras import layers

from icanvas_desktop.networks.layers import conv, conv_transpose, instance_norm, tanh_out, upsample_conv


def unet_generator(
    image_size: int,
    ngf: int = 64,
    depth: int = 8,
    max_mult: int = 8,
    dropout: float = 0.5,
    upsample: str = "transpose",
    in_channels: int = 1,
    out_channels: int = 3,
) -> keras.Model:
    if image_size % (2**depth):
        raise ValueError(f"a U-Net of depth {depth} needs an image size divisible by {2**depth}, "
                         f"got {image_size}")
    widths = [ngf * min(2**i, max_mult) for i in range(depth)]
    sketch = keras.Input((image_size, image_size, in_channels), name="sketch")
    x = sketch
    skips = []
    for i, width in enumerate(widths):
        x = conv(width, 4, strides=2, bias=i in (0, depth - 1), name=f"down{i}_conv")(x)
        # No norm on the first level (as in pix2pix), nor on the innermost: instance norm would zero its
        # 1x1 map.
        if 0 < i < depth - 1:
            x = instance_norm(f"down{i}_norm")(x)
        x = layers.LeakyReLU(0.2, name=f"down{i}_lrelu")(x)
        skips.append(x)
    for i, width in reversed(list(enumerate(widths[:-1]))):
        x = _up(x, width, upsample, name=f"up{i}_conv")
        x = instance_norm(f"up{i}_norm")(x)
        # pix2pix's only source of noise: dropout on the three innermost decoder levels.
        if dropout and i >= depth - 4:
            x = layers.Dropout(dropout, name=f"up{i}_dropout")(x)
        x = layers.ReLU(name=f"up{i}_relu")(x)
        x = layers.Concatenate(name=f"up{i}_skip")([x, skips[i]])
    x = _up(x, out_channels, upsample, bias=True, name="out_conv")
    return keras.Model(sketch, tanh_out()(x), name="unet_generator")


def _up(x, filters: int, upsample: str, name: str, bias: bool = False):
    if upsample == "transpose":
        return conv_transpose(filters, 4, bias=bias, name=name)(x)
    return upsample_conv(x, filters, upsample, bias=bias, name=name)
