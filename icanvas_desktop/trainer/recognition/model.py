"""The recogniser's network: a small CNN over the 64 px crop of the drawing's ink.

Five 3×3 convolutions, each followed by batch norm (folded into the convolution when converted for LiteRT)
and halving pooling, then a global average and one dense layer: about 0.38 M weights (1.5 MB in
float32) and about 45 M multiply-adds, about half a millisecond on two cores.
"""

import numpy as np

from icanvas_desktop.generation.recognise import INPUT_SIZE

WIDTHS = (32, 64, 96, 128, 160)


def build_recogniser(classes: int, widths: tuple[int, ...] = WIDTHS, dropout: float = 0.3):
    import keras
    from keras import layers

    ink = keras.Input((INPUT_SIZE, INPUT_SIZE, 1), name="ink")
    x = ink
    for index, width in enumerate(widths):
        x = layers.Conv2D(width, 3, padding="same", use_bias=False)(x)
        x = layers.BatchNormalization()(x)
        x = layers.ReLU()(x)
        if index < len(widths) - 1:
            x = layers.MaxPooling2D()(x)
    x = layers.GlobalAveragePooling2D()(x)
    x = layers.Dropout(dropout)(x)
    probabilities = layers.Dense(classes, activation="softmax", name="probabilities")(x)
    return keras.Model(ink, probabilities, name="recogniser")


def mirrored_mean(model, inputs):
    """(N, classes) probabilities for (N, 64, 64, 1) inputs as the app gives them
    (generation/recognise.py: `Recogniser.probabilities_of_input`): the mean of the model's for each input and
    its mirror image."""
    inputs = np.asarray(inputs, np.float32)
    plain = np.asarray(model.predict(inputs, verbose=0))
    return (plain + np.asarray(model.predict(np.ascontiguousarray(inputs[:, :, ::-1]), verbose=0))) / 2
