"""Training the recogniser, resumable: a run folder holds the model after every epoch and a log.

The run folder (outside git) holds `latest.keras` (model and optimizer, replaced atomically after each
epoch, so a killed run loses at most one epoch), `best.keras` (the best held-out top-1 so far),
`history.jsonl` (one line of figures per epoch) and `options.json`.
"""

import json
import math
from functools import partial
from pathlib import Path

import numpy as np

from icanvas_desktop.generation.recognise import MANIFEST_NAME, even_pen
from icanvas_desktop.trainer.problems import UsageError
from icanvas_desktop.trainer.recognition.classes import CLASS_IDS
from icanvas_desktop.trainer.recognition.dataset import load_set
from icanvas_desktop.trainer.recognition.from_package import recogniser_from_package, save_for_init
from icanvas_desktop.trainer.small_networks import end_epoch, start_or_resume

# Training drawings that set a shipped package's batch-norm statistics when a run starts from it.
CALIBRATION = 4096


def load_shards(data: Path) -> tuple[np.ndarray, np.ndarray]:
    """Every train-*.npz in `data` (a shard written later joins at the next epoch)."""
    sets = [load_set(path) for path in sorted(data.glob("train-*.npz"))]
    if not sets:
        raise FileNotFoundError(f"no train-*.npz in {data}: run scripts/recogniser/draw_dataset.py first")
    return np.concatenate([s[0] for s in sets]), np.concatenate([s[1] for s in sets])


def as_input(images: np.ndarray) -> np.ndarray:
    """Stored ink crops (N, 64, 64) uint8 → the network's input, through the app's own `even_pen`."""
    return np.stack([even_pen(image.astype(np.float32) / 255.0) for image in images])[..., None]


def earlier_classes(model_path: Path) -> list[str]:
    """The class ids an earlier run's model answers, in order, from its run folder's options.json."""
    options = model_path.parent / "options.json"
    try:
        return json.loads(options.read_text("utf-8"))["classes"]
    except (OSError, ValueError, KeyError) as error:
        raise UsageError(f"--init-from {model_path}: its run folder has no options.json naming its classes "
                         f"({error}); give a model from a recogniser run folder") from error


def take_known_things(classes: list[str], model, earlier) -> None:
    """`earlier`'s weights in `model`, a recogniser that may know more things: every layer as it was, and
    each class the earlier one knew keeps its output; a new thing's output starts from the new model's."""
    for layer, old in zip(model.layers, earlier.layers, strict=True):
        if layer.name != "probabilities":
            layer.set_weights(old.get_weights())
            continue
        kernel, bias = layer.get_weights()
        old_kernel, old_bias = old.get_weights()
        for old_index, class_id in enumerate(classes):
            if class_id not in CLASS_IDS:
                raise UsageError(f"the earlier recogniser knows {class_id!r}, which this one does not: "
                                 "things may be added, not taken away")
            kernel[:, CLASS_IDS.index(class_id)] = old_kernel[:, old_index]
            bias[CLASS_IDS.index(class_id)] = old_bias[old_index]
        layer.set_weights([kernel, bias])


def from_shipped(package: Path, data: Path, out: Path) -> Path:
    """A shipped package (`--init-from resources/recogniser`) as a model file to start from, made once per
    run folder; its batch norms learn their statistics from training drawings (from_package.py)."""
    if not (out / "latest.keras").exists():
        images, _ = load_set(min(data.glob("train-*.npz")))
        sample = np.random.default_rng(0).choice(len(images), min(CALIBRATION, len(images)), replace=False)
        model, classes = recogniser_from_package(package, as_input(images[np.sort(sample)]))
        save_for_init(model, classes, out)
    return out / "latest.keras"


def train(data: Path, run: Path, epochs: int, batch_size: int = 64, learning_rate: float = 2e-3,
          label_smoothing: float = 0.05, init_from: Path | None = None) -> None:
    import keras

    from icanvas_desktop.trainer.recognition.model import build_recogniser

    options = {"epochs": epochs, "batch_size": batch_size, "learning_rate": learning_rate,
               "label_smoothing": label_smoothing, "classes": list(CLASS_IDS)}

    def build():
        model = build_recogniser(len(CLASS_IDS))
        model.compile(
            optimizer=keras.optimizers.Adam(learning_rate),
            loss=keras.losses.CategoricalCrossentropy(label_smoothing=label_smoothing),
            metrics=[keras.metrics.CategoricalAccuracy(name="top1"),
                     keras.metrics.TopKCategoricalAccuracy(3, name="top3")],
        )
        return model

    if init_from is not None and (init_from / MANIFEST_NAME).is_file():
        init_from = from_shipped(init_from, data, run / "from-package")
    model, done = start_or_resume(run, options, build, init_from,
                                  init_from and partial(take_known_things, earlier_classes(init_from)))
    held_images, held_labels = load_set(data / "heldout.npz")
    held = (as_input(held_images), keras.ops.one_hot(held_labels, len(CLASS_IDS)))
    best = max((entry["held_out_top1"] for entry in done), default=-1.0)
    rng = np.random.default_rng(len(done))
    for epoch in range(len(done), epochs):
        images, labels = load_shards(data)
        order = rng.permutation(len(labels))
        # Cosine decay over the planned epochs, set per epoch so that a resumed run continues it.
        model.optimizer.learning_rate.assign(learning_rate * 0.5 * (1 + math.cos(math.pi * epoch / epochs)))
        fit = model.fit(as_input(images[order]), keras.ops.one_hot(labels[order], len(CLASS_IDS)),
                        batch_size=batch_size, epochs=1, verbose=0)
        figures = model.evaluate(*held, verbose=0, return_dict=True)
        entry = {"epoch": epoch + 1, "drawings": len(labels), "loss": fit.history["loss"][-1],
                 "top1": fit.history["top1"][-1], "held_out_top1": figures["top1"],
                 "held_out_top3": figures["top3"]}
        end_epoch(model, run, entry, entry["held_out_top1"] > best)
        best = max(best, entry["held_out_top1"])
