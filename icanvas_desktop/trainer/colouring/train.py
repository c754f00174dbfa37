"""Training the colourer, resumable: a run folder holds the model after every epoch and a log.

The run folder (outside git) holds `latest.keras` (model and optimizer, replaced atomically after each
epoch, so a killed run loses at most one epoch), `best.keras` (the best held-out cell accuracy so far),
`epoch-NN.keras` (each epoch's model), `history.jsonl` (one line of figures per epoch) and `options.json`.

The loss is the cross-entropy of the palette colour in each cell, each colour weighted by the inverse of how
common it is, smoothed half way towards uniform (Zhang et al. 2016's class rebalancing): otherwise the
yellow of faces and the light grey of objects, most of OpenMoji's area, would be the answer to every doubt.
"""

import math
from pathlib import Path

import numpy as np
from PIL import Image, ImageFilter

from icanvas_desktop.generation.colourer import PALETTE
from icanvas_desktop.trainer.small_networks import end_epoch, save_atomically, start_or_resume

HELD_OUT = "heldout.npz"
IGNORE = 255
REBALANCE = 0.5  # λ: how far the colour weights are smoothed towards uniform
THICKER_PEN = 0.25  # a training drawing is drawn with a pen a pixel wider this often


def load_set(path: Path) -> tuple[np.ndarray, np.ndarray]:
    with np.load(path) as data:
        return data["inputs"], data["targets"]


def load_training(data: Path) -> tuple[np.ndarray, np.ndarray]:
    """Every set in `data` but the held-out one (OpenMoji's training share, other artists' pairs)."""
    sets = [load_set(path) for path in sorted(data.glob("*.npz")) if path.name != HELD_OUT]
    if not sets:
        raise FileNotFoundError(f"no training sets in {data}: run scripts/colourer/prepare_colourer_data.py")
    return np.concatenate([s[0] for s in sets]), np.concatenate([s[1] for s in sets])


def colour_weights(targets: np.ndarray) -> np.ndarray:
    """(len(PALETTE),) float32: each colour's weight in the loss, 1 on average over the cells."""
    counts = np.bincount(targets[targets != IGNORE].ravel(), minlength=len(PALETTE)).astype(np.float64)
    share = counts / max(counts.sum(), 1)
    weights = 1 / ((1 - REBALANCE) * share + REBALANCE / len(PALETTE))
    return (weights / (share * weights).sum()).astype(np.float32)


def as_input(images: np.ndarray) -> np.ndarray:
    return (images.astype(np.float32) / 255.0)[..., None]


def augmented(inputs: np.ndarray, targets: np.ndarray, rng: np.random.Generator
              ) -> tuple[np.ndarray, np.ndarray]:
    """Each drawing mirrored half the time (its colours with it), and drawn with a thicker pen sometimes."""
    mirror = rng.random(len(inputs)) < 0.5
    inputs = np.where(mirror[:, None, None], inputs[:, :, ::-1], inputs)
    targets = np.where(mirror[:, None, None], targets[:, :, ::-1], targets)
    thicker = np.flatnonzero(rng.random(len(inputs)) < THICKER_PEN)
    inputs = inputs.copy()
    for i in thicker:
        inputs[i] = np.asarray(Image.fromarray(inputs[i]).filter(ImageFilter.MaxFilter(3)))
    return inputs, targets


def fit_arrays(inputs: np.ndarray, targets: np.ndarray, weights: np.ndarray):
    """The network's input, targets with IGNORE made 0, and each cell's weight in the loss (0 on IGNORE)."""
    known = targets != IGNORE
    weight = np.where(known, weights[np.minimum(targets, len(weights) - 1)], 0)
    return as_input(inputs), np.where(known, targets, 0), weight


def train(data: Path, run: Path, epochs: int, batch_size: int = 32, learning_rate: float = 2e-3,
          init_from: Path | None = None) -> None:
    import keras

    from icanvas_desktop.trainer.colouring.model import build_colourer

    options = {"epochs": epochs, "batch_size": batch_size, "learning_rate": learning_rate,
               "palette": PALETTE.tolist(), "rebalance": REBALANCE}

    def build():
        model = build_colourer()
        model.compile(optimizer=keras.optimizers.Adam(learning_rate),
                      loss=keras.losses.SparseCategoricalCrossentropy(),
                      weighted_metrics=[keras.metrics.SparseCategoricalAccuracy(name="accuracy")])
        return model

    model, done = start_or_resume(run, options, build, init_from)
    inputs, targets = load_training(data)
    weights = colour_weights(targets)
    held = fit_arrays(*load_set(data / HELD_OUT), np.ones(len(PALETTE), np.float32))
    best = max((entry["held_out_accuracy"] for entry in done), default=-1.0)
    rng = np.random.default_rng(len(done))
    for epoch in range(len(done), epochs):
        order = rng.permutation(len(inputs))
        x, y, w = fit_arrays(*augmented(inputs[order], targets[order], rng), weights)
        model.optimizer.learning_rate.assign(learning_rate * 0.5 * (1 + math.cos(math.pi * epoch / epochs)))
        fit = model.fit(x, y, sample_weight=w, batch_size=batch_size, epochs=1, verbose=0)
        figures = model.evaluate(held[0], held[1], sample_weight=held[2], verbose=0, return_dict=True)
        entry = {"epoch": epoch + 1, "loss": fit.history["loss"][-1], "accuracy": fit.history["accuracy"][-1],
                 "held_out_loss": figures["loss"], "held_out_accuracy": figures["accuracy"]}
        # Every epoch's weights are kept (7 MB each): the cells' accuracy is not the figure that matters,
        # the regions' colour sense is, measured afterwards (scripts/colourer/rule_variants.py).
        save_atomically(model, run / f"epoch-{epoch + 1:02d}.keras")
        end_epoch(model, run, entry, entry["held_out_accuracy"] > best)
        best = max(best, entry["held_out_accuracy"])
