"""Training checkpoints: every variable of both networks and both optimizers, plus where training stood.

One `.npz` file written atomically, so a kill at any moment leaves the previous checkpoint whole. Plain
arrays, no pickles, and no Keras- or TensorFlow-specific format: another Keras backend can read them.
"""

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
from keras import ops

from icanvas_desktop.files.atomic import atomic_writer

STATE_KEY = "__state__"


class CheckpointMismatch(Exception):
    pass


def save_checkpoint(path: Path, groups: dict[str, list], state: dict[str, Any],
                    host_array: Callable[[Any], np.ndarray] = ops.convert_to_numpy) -> None:
    """`host_array` reads one variable into NumPy; a backend spread over several hosts brings its own."""
    arrays = {
        f"{group}/{i:04d}": host_array(variable)
        for group, variables in groups.items()
        for i, variable in enumerate(variables)
    }
    arrays[STATE_KEY] = np.frombuffer(json.dumps(state).encode(), np.uint8)
    with atomic_writer(path) as f:
        np.savez(f, **arrays)


def read_state(path: Path) -> dict[str, Any]:
    with np.load(path, allow_pickle=False) as data:
        return json.loads(data[STATE_KEY].tobytes())


def load_checkpoint(path: Path, groups: dict[str, list]) -> dict[str, Any]:
    """Assign saved values to the variables, after checking that every group matches in count and shape."""
    with np.load(path, allow_pickle=False) as data:
        for group, variables in groups.items():
            keys = sorted(k for k in data.files if k.startswith(f"{group}/"))
            if len(keys) != len(variables):
                raise CheckpointMismatch(
                    f"{path}: {group} has {len(keys)} saved variables, the model has {len(variables)}"
                )
            for key, variable in zip(keys, variables):
                value = data[key]
                if tuple(value.shape) != tuple(variable.shape):
                    raise CheckpointMismatch(f"{path}: {key} has shape {value.shape}, "
                                             f"expected {variable.shape}")
                variable.assign(value)
        return json.loads(data[STATE_KEY].tobytes())
