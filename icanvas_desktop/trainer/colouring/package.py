"""The colourer as the app reads it: a folder of data only (generation/colourer.py).

colourer.json names the palette (the colour painted for each of the network's outputs), the figures it was
shipped with and where its training pictures came from, with their licenses; colourer.tflite holds the
network.
"""

import json
import os
import shutil
from pathlib import Path

import numpy as np

from icanvas_desktop.files.atomic import atomic_write_bytes, atomic_write_text, replace_folder
from icanvas_desktop.generation.colourer import FORMAT, INPUT_SIZE, MANIFEST_NAME, OUTPUT_SIZE, Colourer
from icanvas_desktop.themes.theme import file_sha256
from icanvas_desktop.trainer.small_networks import check_litert, to_litert

TFLITE_NAME = "colourer.tflite"
# Largest difference allowed between the Keras and the LiteRT probabilities.
TOLERANCE = 1e-3


def write_package(folder: Path, model, palette: np.ndarray, figures: dict, sources: list[dict],
                  check_inputs: np.ndarray) -> None:
    """Write the package into `folder`, whole or not at all, and check that the app loads it and gets the
    Keras model's probabilities for `check_inputs` ((N, INPUT_SIZE, INPUT_SIZE) float32 crops)."""
    folder = Path(folder)
    staging = folder.with_name(f".{folder.name}.partial-{os.getpid()}")
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir(parents=True)
    try:
        atomic_write_bytes(staging / TFLITE_NAME, to_litert(model, (INPUT_SIZE, INPUT_SIZE, 1)))
        manifest = {
            "format": FORMAT,
            "about": "Which colour each part of a drawing takes, from the drawing alone: a distribution over "
                     f"the palette for each cell of a {OUTPUT_SIZE}² grid over the crop of its ink",
            "input_size": INPUT_SIZE,
            "output_size": OUTPUT_SIZE,
            "palette": ["#{:02X}{:02X}{:02X}".format(*rgb) for rgb in np.asarray(palette, int)],
            "tflite": {"file": TFLITE_NAME, "sha256": file_sha256(staging / TFLITE_NAME)},
            "figures": figures,
            "training_sets": sources,
        }
        atomic_write_text(staging / MANIFEST_NAME, json.dumps(manifest, indent=1, ensure_ascii=False) + "\n")
        expected = np.asarray(model.predict(np.asarray(check_inputs, np.float32)[..., None], verbose=0))
        check_litert("colourer", Colourer(staging).probabilities_of_input, check_inputs, expected, TOLERANCE)
        replace_folder(staging, folder)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
