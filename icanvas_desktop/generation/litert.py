"""The call into the network through LiteRT, the runtime the packaged app ships instead of TensorFlow."""

import importlib.util
import os
import threading
from pathlib import Path

import numpy as np


def litert_available() -> bool:
    """Whether some LiteRT interpreter can be imported, without importing it (TensorFlow is heavy)."""
    return any(importlib.util.find_spec(name) is not None for name in ("ai_edge_litert", "tensorflow"))


def _interpreter_class():
    try:
        from ai_edge_litert.interpreter import Interpreter
    except ImportError:
        # A development checkout without ai-edge-litert still has TensorFlow's copy of the same interpreter.
        from tensorflow.lite.python.interpreter import Interpreter
    return Interpreter


class LiteRTRuntime:
    """Runs a theme's .tflite; the default resolver adds the XNNPACK delegate, which makes CPUs fast."""

    name = "litert"

    def __init__(self, model_path: Path, num_threads: int | None = None):
        interpreter = _interpreter_class()(model_path=str(model_path), num_threads=num_threads or os.cpu_count())
        interpreter.allocate_tensors()
        self._interpreter = interpreter
        self._input = interpreter.get_input_details()[0]
        self._output = interpreter.get_output_details()[0]
        self._lock = threading.Lock()

    def __call__(self, sketches: np.ndarray) -> np.ndarray:
        sketches = np.asarray(sketches, np.float32)
        # The model is converted for one sketch at a time ([1, H, W, C]); a batch goes through one by one.
        with self._lock:
            return np.stack([self._one(sketch[None]) for sketch in sketches])

    def _one(self, sketch: np.ndarray) -> np.ndarray:
        self._interpreter.set_tensor(self._input["index"], sketch)
        self._interpreter.invoke()
        return self._interpreter.get_tensor(self._output["index"])[0]
