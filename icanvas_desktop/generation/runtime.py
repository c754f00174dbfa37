"""The call into the network, behind one small interface, so the pipeline does not care what runs it."""

import threading
from typing import Protocol

import numpy as np

from icanvas_desktop.networks.config import GeneratorConfig


class Runtime(Protocol):
    name: str  # "keras" or "litert", for logs and the self-test
    input_channels: int  # the sketch's 1, or 5 with the crayon channels (generation/sketch_input.py)

    def __call__(self, sketches: np.ndarray) -> np.ndarray:
        """(N, S, S, input_channels) float32 in [0, 1] → (N, S, S, 3) float32 in [-1, 1]."""


class KerasRuntime:
    """Builds the architecture from our own code and fills it with weights; TensorFlow loads here, late."""

    name = "keras"

    def __init__(self, config: GeneratorConfig, weights_path=None, model=None):
        import keras

        from icanvas_desktop.networks import build_generator

        if model is None:
            model = build_generator(config)
            if weights_path is not None:
                model.load_weights(str(weights_path))
        self.model = model
        self.input_channels = model.input_shape[-1]  # 1, or 5 for a generator that takes crayons
        self._lock = threading.Lock()
        # One traced graph per input shape; eager Keras calls are several times slower on a CPU.
        self._predict = _compiled(keras, model)

    def __call__(self, sketches: np.ndarray) -> np.ndarray:
        with self._lock:
            return np.asarray(self._predict(np.asarray(sketches, np.float32)), np.float32)


def _compiled(keras, model):
    if keras.backend.backend() == "tensorflow":
        import tensorflow as tf

        spec = tf.TensorSpec([None, *model.input_shape[1:]], tf.float32)
        return tf.function(lambda x: model(x, training=False), input_signature=[spec])
    return lambda x: model(x, training=False)
