"""The colourer's network: a small U-Net over the 96 px crop of the drawing's ink, giving a distribution over
the palette for each cell of a 48 px grid.

What colour a part takes depends on what the whole drawing is (a round shape is yellow in a face, red in an
apple), so the coarsest features are also pooled over the whole crop and given to every cell as it is
decoded (Iizuka et al. 2016, "Let there be Color!": global features fused into the local ones).
"""

from icanvas_desktop.generation.colourer import INPUT_SIZE, PALETTE

ENCODER = (16, 32, 64, 96, 128)  # 96, 48, 24, 12, 6 px
DECODER = (96, 48, 24)  # 12, 24, 48 px
GLOBAL = 64


def build_colourer(encoder: tuple[int, ...] = ENCODER, decoder: tuple[int, ...] = DECODER,
                   global_width: int = GLOBAL, dropout: float = 0.2):
    import keras
    from keras import layers

    def block(x, width):
        x = layers.Conv2D(width, 3, padding="same", use_bias=False)(x)
        x = layers.BatchNormalization()(x)
        return layers.ReLU()(x)

    ink = keras.Input((INPUT_SIZE, INPUT_SIZE, 1), name="ink")
    x = ink
    skips = []
    for index, width in enumerate(encoder):
        x = block(x, width)
        if index < len(encoder) - 1:
            skips.append(x)
            x = layers.MaxPooling2D()(x)
    whole = layers.GlobalAveragePooling2D()(x)
    whole = layers.Dropout(dropout)(whole)
    whole = layers.Dense(global_width, activation="relu")(whole)
    for width, skip in zip(decoder, reversed(skips[1:])):
        x = layers.UpSampling2D()(x)
        side = skip.shape[1]
        spread = layers.UpSampling2D(side)(layers.Reshape((1, 1, global_width))(whole))
        x = block(layers.Concatenate()([x, skip, spread]), width)
    logits = layers.Conv2D(len(PALETTE), 1, name="logits")(x)
    probabilities = layers.Softmax(name="probabilities")(logits)
    return keras.Model(ink, probabilities, name="colourer")
