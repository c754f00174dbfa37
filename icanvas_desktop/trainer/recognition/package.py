"""The recogniser as the app reads it: a folder of data only (generation/recognise.py).

recogniser.json names the classes, each thing's words in English and Korean, its OpenMoji drawings and its
colour template, the confidence above which the clean look follows a guess, the figures it was shipped with
and OpenMoji's license; recogniser.tflite holds the network; templates/ID.png the artist's colourings.
"""

import json
import os
import shutil
from pathlib import Path

import numpy as np

from icanvas_desktop.files.atomic import atomic_write_bytes, atomic_write_text, replace_folder
from icanvas_desktop.generation.recognise import FORMAT, INPUT_SIZE, MANIFEST_NAME, Recogniser
from icanvas_desktop.themes.theme import file_sha256
from icanvas_desktop.trainer.recognition.classes import CLASS_IDS, THINGS
from icanvas_desktop.trainer.recognition.model import mirrored_mean
from icanvas_desktop.trainer.small_networks import check_litert, to_litert

TFLITE_NAME = "recogniser.tflite"
ATTRIBUTION = ("All emojis designed by OpenMoji – the open-source emoji and icon project. "
               "License: CC BY-SA 4.0")
# Largest difference allowed between the Keras and the LiteRT probabilities.
TOLERANCE = 1e-3


def write_package(folder: Path, model, templates: Path, confident_above: float, figures: dict,
                  check_inputs: np.ndarray, training_sets: dict | None = None) -> None:
    """Write the package into `folder`, whole or not at all, and check that the app loads it and gets the
    Keras model's probabilities for `check_inputs` ((N, 64, 64) float32 crops). `training_sets`: the other
    sets of drawings it learned from, with their licenses (render_icon_sets.py's ICON_SETS.json)."""
    folder = Path(folder)
    staging = folder.with_name(f".{folder.name}.partial-{os.getpid()}")
    shutil.rmtree(staging, ignore_errors=True)
    (staging / "templates").mkdir(parents=True)
    try:
        atomic_write_bytes(staging / TFLITE_NAME, to_litert(model, (INPUT_SIZE, INPUT_SIZE, 1)))
        for thing in THINGS:
            shutil.copyfile(templates / f"{thing.id}.png", staging / "templates" / f"{thing.id}.png")
        manifest = {
            "format": FORMAT,
            "about": "What a child drew, from a sketch: the clean look colours the drawing as the thing",
            "input_size": INPUT_SIZE,
            "classes": list(CLASS_IDS),
            "things": [{"id": t.id, "names": {"en": t.en, "ko": t.ko}, "hexcode": t.hexcodes[0],
                        "openmoji_hexcodes": list(t.hexcodes)} for t in THINGS],
            "confident_above": confident_above,
            "tflite": {"file": TFLITE_NAME, "sha256": file_sha256(staging / TFLITE_NAME)},
            "figures": figures,
            "source": {"name": "OpenMoji", "version": "17.0.0", "url": "https://openmoji.org",
                       "from": "npm (npm pack openmoji@17.0.0)", "license": "CC BY-SA 4.0",
                       "license_url": "https://creativecommons.org/licenses/by-sa/4.0/",
                       "attribution": ATTRIBUTION,
                       "use": "line art (black/svg) drawn again in a child's hand to train the network; "
                              "the colour versions (color/svg) as the templates"},
        }
        if training_sets:
            manifest["training_sets"] = training_sets
        atomic_write_text(staging / MANIFEST_NAME, json.dumps(manifest, indent=1, ensure_ascii=False) + "\n")
        expected = mirrored_mean(model, check_inputs[..., None])
        check_litert("recogniser", Recogniser(staging).probabilities_of_input, check_inputs, expected,
                     TOLERANCE)
        replace_folder(staging, folder)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
