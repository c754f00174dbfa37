"""The seed's ResNet generator (CycleGAN notation): c7s1-ngf, d2ngf, d4ngf, R4ngf x n, u2ngf, ungf, c7s1-3."""

import keras
from keras import layers

from icanvas_desktop.networks.layers import ReflectionPad2D, conv, conv_transpose, instance_norm, tanh_out


def _residual_block(x, filters: int, name: str):
    y = ReflectionPad2D(1, name=f"{name}_pad1")(x)
    y = conv(filters, 3, padding="valid", name=f"{name}_conv1")(y)
    y = instance_norm(f"{name}_norm1")(y)
    y = layers.ReLU(name=f"{name}_relu")(y)
    y = ReflectionPad2D(1, name=f"{name}_pad2")(y)
    y = conv(filters, 3, padding="valid", name=f"{name}_conv2")(y)
    y = instance_norm(f"{name}_norm2")(y)
    return layers.Add(name=f"{name}_add")([x, y])


def resnet_generator(
    image_size: int, ngf: int = 64, n_blocks: int = 9, in_channels: int = 1, out_channels: int = 3
) -> keras.Model:
    sketch = keras.Input((image_size, image_size, in_channels), name="sketch")
    x = ReflectionPad2D(3, name="in_pad")(sketch)
    x = conv(ngf, 7, padding="valid", name="in_conv")(x)
    x = layers.ReLU(name="in_relu")(instance_norm("in_norm")(x))
    for i, mult in enumerate((2, 4)):
        x = conv(ngf * mult, 3, strides=2, name=f"down{i}_conv")(x)
        x = layers.ReLU(name=f"down{i}_relu")(instance_norm(f"down{i}_norm")(x))
    for i in range(n_blocks):
        x = _residual_block(x, ngf * 4, name=f"res{i}")
    for i, mult in enumerate((2, 1)):
        x = conv_transpose(ngf * mult, 3, name=f"up{i}_conv")(x)
        x = layers.ReLU(name=f"up{i}_relu")(instance_norm(f"up{i}_norm")(x))
    x = ReflectionPad2D(3, name="out_pad")(x)
    x = conv(out_channels, 7, padding="valid", bias=True, name="out_conv")(x)
    return keras.Model(sketch, tanh_out()(x), name="resnet_generator")
