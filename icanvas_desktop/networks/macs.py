"""Real multiply-adds of a generator's convolutions, for comparing speeds on paper.

A stride-2 transposed convolution does kernel² × in × out multiply-adds per *input* pixel; counters that
charge it per output pixel (as if it were a convolution on the upsampled map) report four times its work.
"""

import math

import keras


def real_macs(model: keras.Model) -> int:
    total = 0
    for layer in model.layers:
        if isinstance(layer, keras.layers.Conv2DTranspose):
            pixels = math.prod(layer.input.shape[1:3])
        elif isinstance(layer, keras.layers.Conv2D):
            pixels = math.prod(layer.output.shape[1:3])
        else:
            continue
        kernel = math.prod(layer.kernel_size)
        total += pixels * kernel * layer.input.shape[-1] * layer.filters
    return total
