"""The call into the network through LiteRT, the runtime the packaged app ships instead of TensorFlow."""

import importlib.util
import os
import threading
from pathlib import Path

import numpy as np

from icanvas_desktop.networks.config import HINT_CHANNELS


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


# A .tflite declares its tensors' shapes, and allocating them is where a hostile one would take the memory.
# The largest network a manifest may describe (networks/config.py) needs about 3.5 GB of tensors if none
# shared memory, and none of them above 128 MiB.
MAX_TENSOR_BYTES = 128 * 2**20
MAX_TOTAL_TENSOR_BYTES = 4 * 2**30


class ModelTooLarge(ValueError):
    """The .tflite's tensors are larger, or shaped otherwise, than a theme's generator; `str()` says how."""


class LiteRTRuntime:
    """Runs a theme's .tflite; the default resolver adds the XNNPACK delegate, which makes CPUs fast.

    `input_size`, when given, is the side the sketch must have (the manifest's); the tensor sizes are checked
    against it and the limits above before anything is allocated.
    """

    name = "litert"

    def __init__(self, model_path: Path, num_threads: int | None = None, input_size: int | None = None):
        interpreter = _interpreter_class()(
            model_path=str(model_path), num_threads=num_threads or os.cpu_count()
        )
        check_tensor_sizes(interpreter, input_size)
        interpreter.allocate_tensors()
        self._interpreter = interpreter
        self._input = interpreter.get_input_details()[0]
        self.input_channels = int(self._input["shape"][-1])
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


def check_tensor_sizes(interpreter, input_size: int | None = None) -> None:
    inputs, outputs = interpreter.get_input_details(), interpreter.get_output_details()
    if len(inputs) != 1 or len(outputs) != 1:
        raise ModelTooLarge(
            f"it has {len(inputs)} inputs and {len(outputs)} outputs; a generator has one of each"
        )
    if input_size is not None:
        # A generator reads the sketch alone, or the sketch and the crayons' hint channels.
        input_channels = int(inputs[0]["shape_signature"][-1])
        if input_channels not in (1, 1 + HINT_CHANNELS):
            input_channels = 1  # the error below names the usual shape
        for role, detail, channels in (("input", inputs[0], input_channels), ("output", outputs[0], 3)):
            expected, actual = [1, input_size, input_size, channels], detail["shape_signature"].tolist()
            if actual != expected:
                raise ModelTooLarge(
                    f"its {role} is {actual}, not {expected} as the manifest's input_size says"
                )
    total = 0
    for tensor in interpreter.get_tensor_details():
        if any(int(d) < 0 for d in tensor["shape_signature"]):
            raise ModelTooLarge(f"its tensor {tensor['name']!r} has no fixed size")
        size = int(np.prod(tensor["shape"], dtype=np.float64)) * np.dtype(tensor["dtype"]).itemsize
        total += size
        if size > MAX_TENSOR_BYTES or total > MAX_TOTAL_TENSOR_BYTES:
            raise ModelTooLarge(f"its tensors would take more than {MAX_TENSOR_BYTES // 2**20} MiB each or "
                                f"{MAX_TOTAL_TENSOR_BYTES // 2**30} GiB in all")
