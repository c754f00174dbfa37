"""The trainer on JAX as well as TensorFlow: several devices, and a JAX-trained run made into a theme.

The overfit and kill-and-resume tests in test_train.py run on both backends too.
"""

import csv
import json
import tempfile
from pathlib import Path

import numpy as np
import pytest
from trainer.backend_jobs import run_job
from trainer.synthetic import shape_picture, write_prepared

from icanvas_desktop.trainer.run import CHECKPOINT, RunInfo, TrainOptions, start_run
from icanvas_desktop.trainer.training.train import train

pytestmark = pytest.mark.slow


def _losses(run_dir: Path) -> dict[tuple[int, str], float]:
    with (run_dir / "logs" / "scalars.csv").open() as f:
        return {(int(r["step"]), r["tag"]): float(r["value"]) for r in csv.DictReader(f)}


def test_two_devices_each_get_half_of_every_batch_and_learn_what_one_device_learns(tmp_path):
    data = write_prepared(tmp_path / "data", 9, size=32, val=1)  # 8 training pairs: 4 steps of 2
    # pix2pix's learning rate: at ten times it, a GAN's steps magnify the two ways of summing the gradients
    # (0.4 % apart in the fourth step's adversarial loss on some CPUs); at this one they stay within 1e-5.
    options = {"epochs": 1, "batch_size": 2, "log_every": 1, "learning_rate": 2e-4}
    seen = run_job("jax", "on_all_devices_then_one", tmp_path, data, options, devices=2)

    assert seen["devices"] == ["cpu:0", "cpu:1"]
    # Sketches then pictures of each of the 4 steps on both devices, then the same on one device alone.
    assert seen["shards"][:8] == [[["cpu:0", 1], ["cpu:1", 1]]] * 8
    assert seen["shards"][8:] == [[["cpu:0", 2]]] * 8
    both, one = _losses(tmp_path / "all"), _losses(tmp_path / "one")
    assert both.keys() == one.keys() and len([k for k in both if k[1] == "train/g_l1"]) == 4
    for key, value in one.items():
        assert both[key] == pytest.approx(value, rel=1e-3, abs=1e-4), key
    history = [json.loads((tmp_path / name / "history.json").read_text())[0] for name in ("all", "one")]
    assert history[0]["l1"] == pytest.approx(history[1]["l1"], rel=1e-3)


def test_mirrored_strategy_on_two_devices_learns_what_one_device_learns():
    # TensorFlow's several-GPU path, on two logical CPUs: each replica takes its half of the batch.
    two, one = run_job("tensorflow", "mirrored_then_one_device_losses", devices=2)
    assert len(two) == len(one) == 3
    for step_two, step_one in zip(two, one):
        assert step_two == pytest.approx(step_one, rel=1e-4, abs=1e-5)


def test_a_run_trained_on_jax_exports_a_theme_whose_litert_pictures_match_its_keras_pictures(tmp_path):
    from icanvas_desktop.generation import load_generator, sketch_to_array
    from icanvas_desktop.themes import load_theme
    from icanvas_desktop.trainer.packaging.export import export_theme
    from icanvas_desktop.trainer.packaging.tflite import TOLERANCE

    run = RunInfo.open(Path(run_job("jax", "tiny_finished_run", tmp_path, 1)))
    folder = export_theme(run, tmp_path / "models", "shapes", {"en": "Shapes", "ko": "도형"},
                          "synthetic shapes", "CC0-1.0", [], checkpoint="last")
    theme = load_theme(folder)
    keras_pictures, litert = load_generator(theme, "keras"), load_generator(theme)
    assert litert.runtime.name == "litert"
    batch = np.stack([sketch_to_array(shape_picture(i, 32)[1], 32) for i in range(4)])
    pictures = keras_pictures.runtime(batch)
    assert np.abs(litert.runtime(batch) - pictures).max() <= TOLERANCE
    assert pictures.std() > 0.01, "a trained generator, not a blank one"


def test_a_worker_other_than_the_chief_writes_nothing_into_the_run(tmp_path, monkeypatch):
    from icanvas_desktop.trainer.training.backends import tensorflow as tensorflow_backend

    made = tensorflow_backend.Placement.__init__

    def second_worker(self, batch_size):
        made(self, batch_size)
        self.is_chief = False

    monkeypatch.setattr(tensorflow_backend.Placement, "__init__", second_worker)
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))
    data = write_prepared(tmp_path / "data", 3, size=32, val=1)
    options = TrainOptions(generator="unet", generator_settings={"ngf": 8, "depth": 3}, precision="float32",
                           epochs=1, checkpoint_every=1)
    state = train(start_run(tmp_path / "run", data, options, 32), show_progress=False)
    assert state["epoch"] == 1
    assert sorted(p.name for p in (tmp_path / "run").iterdir()) == ["run.json"]
    assert not (tmp_path / "run" / CHECKPOINT).exists()
    # (TensorFlow's autograph leaves its own generated files there too.)
    assert not list(scratch.glob("icanvas-worker-*")), (
        "the worker's scratch folder is removed when it is done")


def test_a_batch_that_does_not_split_between_several_machines_is_refused():
    message = run_job("jax", "placement_on_two_hosts", 3, devices=2)
    assert "does not split evenly" in message and "multiple of 2" in message
