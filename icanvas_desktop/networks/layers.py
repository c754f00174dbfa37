"""Building blocks shared by the generators and the discriminator."""

import keras
from keras import layers, ops

# pix2pix and CycleGAN initialise every convolution from N(0, 0.02) and norm scales from N(1, 0.02).
CONV_INIT = keras.initializers.RandomNormal(mean=0.0, stddev=0.02)
GAMMA_INIT = keras.initializers.RandomNormal(mean=1.0, stddev=0.02)


class ReflectionPad2D(layers.Layer):
    """Mirror padding: keeps borders free of the dark frame that zero padding paints."""

    def __init__(self, pad: int, **kwargs):
        super().__init__(**kwargs)
        self.pad = pad

    def call(self, x):
        p = self.pad
        return ops.pad(x, [[0, 0], [p, p], [p, p], [0, 0]], mode="reflect")

    def compute_output_shape(self, input_shape):
        b, h, w, c = input_shape
        grow = lambda n: None if n is None else n + 2 * self.pad
        return (b, grow(h), grow(w), c)

    def get_config(self):
        return {**super().get_config(), "pad": self.pad}


def instance_norm(name: str | None = None) -> layers.Layer:
    """Instance normalisation with a learned per-channel scale and offset.

    Convolutions in front of it carry no bias: the mean subtraction would cancel it. This is the
    keras-io CycleGAN layout and the one that gives the seed's 11,377,155 generator parameters.
    """
    return layers.GroupNormalization(
        groups=-1, epsilon=1e-5, gamma_initializer=GAMMA_INIT, name=name
    )


def conv(filters: int, kernel: int, strides: int = 1, padding: str = "same", bias: bool = False, name=None):
    return layers.Conv2D(
        filters, kernel, strides=strides, padding=padding, use_bias=bias,
        kernel_initializer=CONV_INIT, name=name,
    )


def conv_transpose(filters: int, kernel: int, strides: int = 2, bias: bool = False, name=None):
    return layers.Conv2DTranspose(
        filters, kernel, strides=strides, padding="same", use_bias=bias,
        kernel_initializer=CONV_INIT, name=name,
    )


def tanh_out(name: str = "picture") -> layers.Layer:
    # float32 even under mixed precision: the picture is compared and saved at full precision.
    return layers.Activation("tanh", dtype="float32", name=name)


class ICNR(keras.initializers.Initializer):
    """Aitken et al. 2017: each group of sub-pixel channels starts as one kernel repeated, so that a pixel
    shuffle begins as nearest-neighbour upsampling, with no checkerboard from the first step."""

    def __init__(self, scale: int = 2):
        self.scale = scale

    def __call__(self, shape, dtype=None):
        *window, inputs, outputs = shape
        groups = self.scale**2
        base = CONV_INIT((*window, inputs, outputs // groups), dtype=dtype)
        # depth_to_space reads output channel k * C + c for sub-pixel k of channel c.
        return ops.tile(base, (1, 1, 1, groups))

    def get_config(self):
        return {"scale": self.scale}


class PixelShuffle(layers.Layer):
    def call(self, x):
        return ops.depth_to_space(x, 2)

    def compute_output_shape(self, input_shape):
        b, h, w, c = input_shape
        double = lambda n: None if n is None else 2 * n
        return (b, double(h), double(w), c // 4)


def upsample_conv(x, filters: int, how: str, bias: bool = False, name: str | None = None):
    """Double the map's size without a transposed convolution: `resize` (nearest, then a 3x3 convolution)
    or `shuffle` (a 3x3 convolution to four times the channels, rearranged into pixels)."""
    if how == "resize":
        x = layers.UpSampling2D(2, interpolation="nearest", name=f"{name}_resize")(x)
        return conv(filters, 3, bias=bias, name=name)(x)
    x = layers.Conv2D(4 * filters, 3, padding="same", use_bias=bias, kernel_initializer=ICNR(), name=name)(x)
    return PixelShuffle(name=f"{name}_shuffle")(x)
