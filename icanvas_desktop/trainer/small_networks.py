"""What the app's two small networks beside the themes, the recogniser and the colourer, share in training:
a run folder started or resumed (its latest model and the history of its epochs), the model saved so that a
kill leaves the last one whole, the conversion to the LiteRT model the app runs and the check that the app
gets the Keras model's outputs from it, and the background script that trains one (scripts/recogniser/,
scripts/colourer/)."""

import argparse
import contextlib
import io
import json
import logging
import os
import sys
from collections.abc import Callable, Iterable
from pathlib import Path

import numpy as np

from icanvas_desktop.trainer.problems import UsageError

log = logging.getLogger("icanvas.train")

LATEST, BEST, HISTORY = "latest.keras", "best.keras", "history.jsonl"


def save_atomically(model, path: Path) -> None:
    """`model` (with its optimizer) saved as `path`, replacing it whole or not at all."""
    partial = path.with_name(f".partial-{path.name}")
    model.save(partial)
    os.replace(partial, path)


def start_or_resume(run: Path, options: dict, build: Callable[[], object], init_from: Path | None = None,
                    take_weights: Callable[[object, object], None] | None = None
                    ) -> tuple[object, list[dict]]:
    """The run folder's model and the figures of the epochs it has done (`history.jsonl`): its LATEST model
    when it has one and a history, else `build()`'s (compiled), its weights those of `init_from` (a model
    of the same network saved by an earlier run) when given, through `take_weights(new, earlier)` where the
    networks may differ; `options` are written to options.json."""
    import keras

    run.mkdir(parents=True, exist_ok=True)
    (run / "options.json").write_text(json.dumps({**options, "init_from": init_from and str(init_from)},
                                                 indent=1), "utf-8")
    history_path = run / HISTORY
    done = [json.loads(line) for line in history_path.read_text("utf-8").splitlines()] \
        if history_path.exists() and (run / LATEST).exists() else []
    if not done:
        model = build()
        if init_from is not None:
            if not init_from.is_file():
                raise UsageError(f"--init-from {init_from}: no such model; give an earlier run's .keras file")
            # Weights only: the new run's optimiser and learning rate start afresh.
            earlier = keras.models.load_model(init_from, compile=False)
            if take_weights is None:
                model.set_weights(earlier.get_weights())
            else:
                take_weights(model, earlier)
            log.info("starting from the weights of %s", init_from)
        return model, done
    log.info("resuming after epoch %d", len(done))
    return keras.models.load_model(run / LATEST), done


def end_epoch(model, run: Path, entry: dict, best: bool) -> None:
    """After an epoch: the model saved as LATEST, and as BEST when `best`, then its figures `entry` added to
    the history (last, so that a history line always has its model) and logged."""
    save_atomically(model, run / LATEST)
    if best:
        save_atomically(model, run / BEST)
    with (run / HISTORY).open("a", encoding="utf-8") as history:
        history.write(json.dumps(entry) + "\n")
    log.info("epoch %d: %s", entry["epoch"], entry)


def check_litert(what: str, app_outputs: Callable[[np.ndarray], np.ndarray], inputs: Iterable[np.ndarray],
                 expected: np.ndarray, tolerance: float) -> None:
    """UsageError unless the app's outputs (through LiteRT) for each input are the Keras model's
    `expected` within `tolerance`: what a package is written only after."""
    worst = max(float(np.abs(app_outputs(i) - e).max()) for i, e in zip(inputs, expected))
    if not worst <= tolerance:
        raise UsageError(f"the LiteRT {what} differs from the Keras one by {worst:.4f}: not written")


def to_litert(model, input_shape: tuple[int, ...]) -> bytes:
    """The LiteRT model of `model` for one input of `input_shape` (without the batch), in inference mode."""
    import keras
    import tensorflow as tf

    ink = keras.Input(batch_shape=(1, *input_shape), name="ink")
    fixed = keras.Model(ink, model(ink, training=False))
    # Keras prints every captured variable while converting; that hides the figures on the console.
    with contextlib.redirect_stdout(io.StringIO()):
        return tf.lite.TFLiteConverter.from_keras_model(fixed).convert()


def training_script(doc: str, train: Callable[..., None], batch_size: int) -> int:
    """The main of a background training script: --data, --run, --epochs, --batch-size, --learning-rate,
    --threads; the log goes to RUN/train.log and the console; run again with the same --run to resume."""
    parser = argparse.ArgumentParser(description=doc, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, required=True)
    parser.add_argument("--run", type=Path, required=True)
    parser.add_argument("--epochs", type=int, default=30)
    parser.add_argument("--batch-size", type=int, default=batch_size)
    parser.add_argument("--learning-rate", type=float, default=2e-3)
    parser.add_argument("--threads", type=int, default=2, help="CPU threads (leave the others theirs)")
    parser.add_argument("--init-from", type=Path,
                        help="start a new run from this earlier run's .keras model (the recogniser's trainer "
                             "takes a shipped package's folder too)")
    args = parser.parse_args(sys.argv[1:])
    args.run.mkdir(parents=True, exist_ok=True)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s",
                        handlers=[logging.FileHandler(args.run / "train.log"), logging.StreamHandler()])
    os.environ.setdefault("KERAS_BACKEND", "tensorflow")
    if os.environ["KERAS_BACKEND"] == "tensorflow":
        import tensorflow as tf

        tf.config.threading.set_intra_op_parallelism_threads(args.threads)
        tf.config.threading.set_inter_op_parallelism_threads(1)
    train(args.data, args.run, args.epochs, args.batch_size, args.learning_rate, init_from=args.init_from)
    return 0
