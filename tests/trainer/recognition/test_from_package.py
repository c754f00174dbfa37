"""A new recogniser run can start from the shipped package, the only copy of the last recogniser that git
keeps: its LiteRT network comes back as a Keras model that answers as the app's does."""

import json
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from icanvas_desktop.generation.recognise import Recogniser, bundled_recogniser_dir, recogniser_input
from icanvas_desktop.trainer.problems import UsageError

DOODLES = Path(__file__).resolve().parents[2] / "data" / "doodles"


def _doodle_inputs(count: int) -> np.ndarray:
    crops = []
    for path in sorted(DOODLES.glob("*.png"))[:count]:
        with Image.open(path) as image:
            crops.append(recogniser_input(np.asarray(image.convert("L"), np.float32) / 255.0))
    return np.stack(crops)


def test_the_shipped_package_comes_back_as_a_model_that_answers_as_the_app_does():
    from icanvas_desktop.trainer.recognition.from_package import recogniser_from_package
    from icanvas_desktop.trainer.recognition.model import mirrored_mean

    inputs = _doodle_inputs(48)
    model, classes = recogniser_from_package(bundled_recogniser_dir(), inputs[..., None])
    package = Recogniser(bundled_recogniser_dir())
    app = np.stack([package.probabilities_of_input(crop) for crop in inputs])
    assert classes == json.loads((bundled_recogniser_dir() / "recogniser.json").read_text("utf-8"))["classes"]
    assert np.abs(mirrored_mean(model, inputs[..., None]) - app).max() < 1e-4

    # Trained further, its batch norms see batches' own statistics: on drawings like those it was calibrated
    # on they pass the activations on nearly unchanged (dropout, random by design, left out here).
    import keras

    next(layer for layer in model.layers if isinstance(layer, keras.layers.Dropout)).rate = 0.0
    training = np.asarray(model(inputs[..., None], training=True))
    inference = np.asarray(model(inputs[..., None], training=False))
    assert np.abs(training - inference).max() < 0.02
    assert (training.argmax(axis=1) == inference.argmax(axis=1)).mean() > 0.95


def test_a_folder_that_is_no_recogniser_package_is_said(tmp_path):
    from icanvas_desktop.trainer.recognition.from_package import recogniser_from_package

    (tmp_path / "recogniser.json").write_text("{}", "utf-8")
    with pytest.raises(UsageError, match="recogniser.json"):
        recogniser_from_package(tmp_path, np.zeros((1, 64, 64, 1), np.float32))


def test_a_run_given_the_package_starts_from_it(tmp_path):
    from icanvas_desktop.trainer.recognition.classes import CLASS_IDS
    from icanvas_desktop.trainer.recognition.dataset import save_set
    from icanvas_desktop.trainer.recognition.train import train

    images = np.round(_doodle_inputs(32) * 255).astype(np.uint8)
    labels = np.arange(len(images)) % len(CLASS_IDS)
    data = tmp_path / "data"
    save_set(data / "train-0.npz", images, labels, {"classes": CLASS_IDS})
    save_set(data / "heldout.npz", images[:8], labels[:8], {"classes": CLASS_IDS})
    train(data, tmp_path / "run", epochs=1, batch_size=16, init_from=bundled_recogniser_dir())

    started_from = tmp_path / "run" / "from-package"
    assert json.loads((started_from / "options.json").read_text("utf-8"))["classes"] == list(CLASS_IDS)
    assert (started_from / "latest.keras").is_file()
    options = json.loads((tmp_path / "run" / "options.json").read_text("utf-8"))
    assert options["init_from"] == str(started_from / "latest.keras")
    history = (tmp_path / "run" / "history.jsonl").read_text("utf-8").splitlines()
    assert [json.loads(line)["epoch"] for line in history] == [1]
