"""A theme's generator as a LiteRT (.tflite) model, checked against the Keras weights it came from.

The packaged app runs the .tflite without TensorFlow; the check makes sure a child sees the picture the
trainer evaluated, not one a converter bug changed.
"""

import contextlib
import io
import json
import logging
import os
import shutil
from pathlib import Path
from typing import Any

import numpy as np
from PIL import Image, ImageDraw

from icanvas_desktop.files.atomic import atomic_write_bytes, atomic_write_text, replace_folder
from icanvas_desktop.files.samples import sample_sketches
from icanvas_desktop.generation.litert import LiteRTRuntime
from icanvas_desktop.generation.runtime import KerasRuntime
from icanvas_desktop.generation.sketch_input import generator_input, sketch_to_array
from icanvas_desktop.themes import ThemeError, load_theme
from icanvas_desktop.themes.manifest import MANIFEST_NAME
from icanvas_desktop.themes.theme import file_sha256
from icanvas_desktop.trainer.problems import UsageError

log = logging.getLogger("icanvas.train")

TFLITE_NAME = "generator.tflite"
# Largest allowed difference in the generator's [-1, 1] output with float32 weights: about 1.3 of 255 colour
# levels, far below what an eye notices, yet far above float32 rounding between the two runtimes (1e-4).
TOLERANCE = 0.01
# The weights tried in turn, smallest and fastest first. 8-bit weights (LiteRT's dynamic range: int8 weights,
# float computations) make a generator a quarter of the size and its network about a third faster on a
# CPU (stickers on one core: 16.2 → 11.3 ms p50), and move single output pixels by up to about 0.6 where
# float32 moves none; the clean look, which takes a region's colour from many pixels, does not see it.
WEIGHT_KINDS = ("int8", "float16", "float32")
# What smaller weights must keep: every check picture, as 8-bit colours, within this PSNR of the Keras
# weights' (stickers' 159 doodles with 8-bit weights: 43 dB median, 38 at worst; a picture at 35 dB
# differs from it only where one looks for it, side by side).
MIN_PSNR_DB = 35.0


def convert(keras_runtime: KerasRuntime, weights: str = "float32") -> bytes:
    import keras
    import tensorflow as tf

    if keras.backend.backend() != "tensorflow":  # see trainer/cli.py, _convert_with_tensorflow
        raise UsageError(f"converting for LiteRT needs Keras on TensorFlow, not {keras.backend.backend()}: "
                         "run the export with KERAS_BACKEND=tensorflow (icanvas-train export does)")
    model = keras_runtime.model
    # A fixed [1, H, W, C] input, which is what the app feeds, lets LiteRT plan every tensor ahead.
    sketch = keras.Input(batch_shape=(1, *model.input_shape[1:]), name="sketch")
    fixed = keras.Model(sketch, model(sketch, training=False))
    converter = tf.lite.TFLiteConverter.from_keras_model(fixed)
    if weights != "float32":
        converter.optimizations = [tf.lite.Optimize.DEFAULT]
    if weights == "float16":
        # Weights stored in float16, computed in float32 (XNNPACK widens them once, when it loads the
        # model): half the file, the same speed.
        converter.target_spec.supported_types = [tf.float16]
    # Keras prints every captured variable while converting; that hides the result on the console.
    with contextlib.redirect_stdout(io.StringIO()):
        return converter.convert()


def add_litert_model(folder: Path, manifest: dict[str, Any], keras_runtime: KerasRuntime,
                     sketches: list[Image.Image] = ()) -> float:
    """Write the .tflite into `folder`, record it in `manifest`, check it; return the largest difference.

    The first of WEIGHT_KINDS whose pictures stay within MIN_PSNR_DB of the Keras weights' (float32: within
    TOLERANCE, or the conversion is broken).
    """
    path = folder / TFLITE_NAME
    for kind in WEIGHT_KINDS:
        atomic_write_bytes(path, convert(keras_runtime, kind))
        litert = LiteRTRuntime(path)
        if kind == "float32":
            worst = check_same_pictures(keras_runtime, litert, manifest["input_size"], sketches)
            break
        worst, psnr = picture_difference(keras_runtime, litert, manifest["input_size"], sketches)
        if psnr >= MIN_PSNR_DB:
            break
        log.info("%s weights change a picture too much (%.1f dB, at least %.0f wanted): trying the next",
                 kind, psnr, MIN_PSNR_DB)
    manifest["tflite"] = TFLITE_NAME
    manifest["tflite_sha256"] = file_sha256(path)
    manifest["tflite_weights"] = kind
    return worst


def outputs_of_both(keras_runtime, litert_runtime, size: int, sketches: list[Image.Image] = ()):
    """(Keras's, LiteRT's) generator outputs for each of `sketches` and the check pictures, in turn."""
    for sketch in [*sketches, *check_sketches()]:
        batch = generator_input(sketch_to_array(sketch, size), None, keras_runtime.input_channels)[None]
        yield keras_runtime(batch), litert_runtime(batch)


def picture_difference(keras_runtime, litert_runtime, size: int, sketches: list[Image.Image] = ()
                       ) -> tuple[float, float]:
    """The largest difference in the generator's output over the check pictures, and the lowest PSNR (dB)
    of one as 8-bit colours; NaN, a model converted without its weights, gives 0 dB."""
    worst, lowest = 0.0, float("inf")
    for outputs in outputs_of_both(keras_runtime, litert_runtime, size, sketches):
        theirs, ours = (np.clip((np.asarray(o, np.float64) + 1) * 127.5, 0, 255) for o in outputs)
        error = float(np.mean((theirs - ours) ** 2))
        if not np.isfinite(error):
            return float("inf"), 0.0
        worst = max(worst, float(np.abs(theirs - ours).max()) / 127.5)
        lowest = min(lowest, 10 * np.log10(255**2 / max(error, 1e-12)))
    return worst, lowest


def check_same_pictures(keras_runtime, litert_runtime, size: int, sketches: list[Image.Image] = ()) -> float:
    worst = 0.0
    for theirs, ours in outputs_of_both(keras_runtime, litert_runtime, size, sketches):
        worst = max(worst, float(np.abs(theirs - ours).max()))
        # `not <=` also catches NaN, which is what a model converted without its weights gives.
        if not worst <= TOLERANCE:
            raise UsageError(
                f"the LiteRT model gives a different picture from the Keras weights (difference {worst:.4f}, "
                f"allowed {TOLERANCE}): the conversion is broken, so the theme was not written; "
                "try another TensorFlow version or report it with the run folder"
            )
    return worst


def check_sketches() -> list[Image.Image]:
    """Human drawings plus two extremes a child makes: an empty page and a page full of scribbles."""
    scribble = Image.new("L", (256, 256), 255)
    draw = ImageDraw.Draw(scribble)
    points = np.random.default_rng(0).integers(0, 256, (40, 2))
    draw.line([tuple(p) for p in points], fill=0, width=3)
    return [*sample_sketches(), Image.new("L", (256, 256), 255), scribble]


def add_tflite_to_theme(folder: Path) -> tuple[Path, float]:
    """Give an existing theme package its .tflite; the folder is swapped whole, so a crash changes nothing."""
    folder = Path(folder)
    try:
        theme = load_theme(folder)
    except ThemeError as e:
        raise UsageError(f"cannot add a LiteRT model: {e}") from e
    staging = folder.with_name(f".{folder.name}.partial-{os.getpid()}")
    shutil.rmtree(staging, ignore_errors=True)
    shutil.copytree(folder, staging)
    try:
        manifest = dict(theme.manifest)
        keras_runtime = KerasRuntime(theme.generator_config, staging / theme.manifest["weights"])
        worst = add_litert_model(staging, manifest, keras_runtime)
        atomic_write_text(staging / MANIFEST_NAME, json.dumps(manifest, indent=1, ensure_ascii=False))
        load_theme(staging)
        replace_folder(staging, folder)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    log.info("added %s to %s (largest difference from Keras %.2g)", TFLITE_NAME, folder, worst)
    return folder / TFLITE_NAME, worst
