"""The data-only package of one of the app's small networks beside the themes (the recogniser, the colourer):
its JSON manifest, read only when it is a plain file of a manifest's size, and the LiteRT model it names,
opened only when it is a file of the package, of the size and SHA-256 the manifest gives, with tensors of a
network's size and the shapes the caller expects. Nothing in it is executed or unpickled.

Errors are ValueError with the file and what to do; each package's loader raises them as its own kind.
"""

import hashlib
import json
from pathlib import Path

from icanvas_desktop.files.regular import read_regular_text
from icanvas_desktop.generation.litert import _interpreter_class, check_tensor_sizes

MAX_TFLITE_BYTES = 8 * 2**20


def read_manifest(path: Path, max_bytes: int) -> dict:
    """The manifest at `path` as JSON; ValueError naming the file when it cannot be."""
    try:
        text = read_regular_text(path, max_bytes)
    except (OSError, UnicodeDecodeError) as e:
        raise ValueError(f"{path} cannot be read: {e}; reinstall the app") from None
    if len(text) > max_bytes:
        raise ValueError(f"{path} is too large to be a manifest of this package; reinstall the app")
    try:
        return json.loads(text)
    except (ValueError, RecursionError) as e:
        raise ValueError(f"{path} cannot be read: {e}; reinstall the app") from None


def open_model(folder: Path, entry: dict, manifest_path: Path, shapes: tuple[list[int], list[int]],
               what: str, num_threads: int | None):
    """(interpreter, input index, output index) for the model the manifest's `entry` ({"file", "sha256"})
    names, allocated, with one input and one output of `shapes`; `what` says them in an error."""
    try:
        name, expected = str(entry["file"]), str(entry["sha256"])
    except (KeyError, TypeError) as e:
        raise ValueError(f"{manifest_path} names no model ({e}); reinstall the app") from None
    if Path(name).name != name or name in ("", ".", ".."):
        raise ValueError(f"{manifest_path} names {name!r}, not a file of its package; reinstall the app")
    model = folder / name
    data = model.read_bytes() if model.is_file() and model.stat().st_size <= MAX_TFLITE_BYTES else None
    if data is None or hashlib.sha256(data).hexdigest() != expected:
        raise ValueError(f"{model} is missing, too large or not the file {manifest_path} names")
    try:
        interpreter = _interpreter_class()(model_content=data, num_threads=num_threads)
        check_tensor_sizes(interpreter)
    except (ValueError, RuntimeError) as e:
        raise ValueError(f"{model} is not a LiteRT model this app runs: {e}") from None
    found = (interpreter.get_input_details()[0]["shape"].tolist(),
             interpreter.get_output_details()[0]["shape"].tolist())
    if found != (list(shapes[0]), list(shapes[1])):
        raise ValueError(f"{model} reads {found[0]} and gives {found[1]}, not {what}")
    try:
        interpreter.allocate_tensors()
    except (ValueError, RuntimeError) as e:
        raise ValueError(f"{model} is not a LiteRT model this app runs: {e}") from None
    return (interpreter, interpreter.get_input_details()[0]["index"],
            interpreter.get_output_details()[0]["index"])
