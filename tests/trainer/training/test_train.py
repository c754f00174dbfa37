import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pytest
from trainer.backend_jobs import environment, run_job
from trainer.synthetic import write_prepared

from icanvas_desktop.trainer.run import CHECKPOINT, RunInfo, TrainOptions, start_run
from icanvas_desktop.trainer.training.checkpoint import read_state
from icanvas_desktop.trainer.training.train import train

TINY = {"generator": "unet", "generator_settings": {"ngf": 8, "depth": 3, "dropout": 0.0},
        "precision": "float32"}

pytestmark = pytest.mark.slow
BACKENDS = ["tensorflow", "jax"]


def _held_out_l1(run_dir: Path) -> list[float]:
    return [h["l1"] for h in json.loads((run_dir / "history.json").read_text())]


@pytest.mark.parametrize("backend", BACKENDS)
def test_a_tiny_dataset_is_overfit(tmp_path, backend):
    from tensorboard.backend.event_processing.event_accumulator import EventAccumulator

    data = write_prepared(tmp_path / "data", 5, size=32, val=1)
    # 4 training pairs, 120 steps; a higher learning rate than pix2pix's 2e-4 keeps the test short.
    options = {"epochs": 30, "batch_size": 1, "learning_rate": 2e-3, "checkpoint_every": 1000}
    run_job(backend, "train_run", tmp_path / "run", data, options)

    history = json.loads((tmp_path / "run" / "history.json").read_text())
    assert [h["epoch"] for h in history] == list(range(1, 31))
    first, last = history[0]["train_l1"], history[-1]["train_l1"]
    assert last < 0.35 * first, (first, last)
    assert (tmp_path / "run" / "samples" / "epoch_0030.png").exists()
    events = EventAccumulator(str(tmp_path / "run" / "logs"), size_guidance={"tensors": 0})  # 0: keep all
    events.Reload()
    assert {"train/g_l1", "val/l1", "val/psnr"} <= set(events.Tags()["tensors"])
    assert len(events.Tensors("val/l1")) == 30
    rows = (tmp_path / "run" / "logs" / "scalars.csv").read_text().splitlines()
    assert rows[0] == "step,tag,value,wall_time" and sum(",val/l1," in r for r in rows) == 30


def test_training_stopped_early_resumes_from_the_saved_step(tmp_path):
    data = write_prepared(tmp_path / "data", 9, size=32, val=1)  # 8 train pairs: 2 steps per epoch
    options = TrainOptions(**TINY, epochs=3, batch_size=4, checkpoint_every=1, max_steps=3)
    run = start_run(tmp_path / "run", data, options, 32)
    state = train(run, show_progress=False)
    assert state == {"step": 3, "epoch": 1, "step_in_epoch": 1}
    assert read_state(tmp_path / "run" / CHECKPOINT) == state

    # What checkpoints half-written by killed processes leave, and one of a process still running.
    dead = int(subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True,
                              check=True).stdout)
    checkpoints = (tmp_path / "run" / CHECKPOINT).parent
    for pid in (dead, os.getppid()):
        (checkpoints / f".latest.ckpt.npz.{pid}-a1b2c3d4.tmp").write_bytes(b"half")

    resumed = RunInfo.open(tmp_path / "run")
    resumed.options.max_steps = None
    assert train(resumed, show_progress=False) == {"step": 6, "epoch": 3, "step_in_epoch": 0}
    assert [h["step"] for h in json.loads((tmp_path / "run" / "history.json").read_text())] == [2, 4, 6]
    assert sorted(p.name for p in checkpoints.iterdir()) == [f".latest.ckpt.npz.{os.getppid()}-a1b2c3d4.tmp",
                                                              "latest.ckpt.npz"]


@pytest.mark.parametrize("backend", BACKENDS)
def test_a_killed_training_process_resumes_from_its_checkpoint_on_either_backend(tmp_path, backend):
    other = {"tensorflow": "jax", "jax": "tensorflow"}[backend]
    data = write_prepared(tmp_path / "data", 9, size=32, val=1)
    run_dir = tmp_path / "run"
    command = [sys.executable, "-m", "icanvas_desktop.trainer.cli", "-q", "train", "--data", str(data),
               "--run", str(run_dir), "--generator", "unet", "--ngf", "8", "--depth", "3",
               "--precision", "float32", "--epochs", "400", "--checkpoint-every", "1"]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                               env=environment(backend))
    checkpoint = run_dir / CHECKPOINT
    deadline = time.monotonic() + 240  # the first JAX process of a session compiles everything
    while time.monotonic() < deadline and process.poll() is None:
        if checkpoint.exists() and read_state(checkpoint)["step"] >= 5:
            break
        time.sleep(0.2)
    process.send_signal(signal.SIGKILL)
    process.wait()
    saved = read_state(checkpoint)
    assert saved["step"] >= 5

    before = _checkpoint_arrays(checkpoint)
    # The other backend loads it and stops at once: it writes back every variable (networks and both
    # optimizers) exactly as it read them.
    assert run_job(other, "train_run", run_dir, None, None, saved["step"])["step"] == saved["step"]
    after = _checkpoint_arrays(checkpoint)
    assert before.keys() == after.keys() and any(k.startswith("g_optimizer/") for k in after)
    assert all(np.array_equal(before[k], after[k]) for k in before)
    # The Adam step counters hold the steps taken (the discriminator's too).
    steps = [int(v) for k, v in after.items() if k.endswith("/0000") and "optimizer" in k]
    assert steps == [saved["step"]] * 2
    # Then the backend that was killed goes on from there.
    assert run_job(backend, "train_run", run_dir, None, None, saved["step"] + 2)["step"] == saved["step"] + 2
    assert int(_checkpoint_arrays(checkpoint)["g_optimizer/0000"]) == saved["step"] + 2


def _checkpoint_arrays(path: Path) -> dict[str, np.ndarray]:
    with np.load(path) as data:
        return {k: data[k] for k in data.files if k != "__state__"}


def test_a_new_run_refuses_an_existing_run_folder(tmp_path):
    from icanvas_desktop.trainer.problems import UsageError

    data = write_prepared(tmp_path / "data", 3, size=32)
    start_run(tmp_path / "run", data, TrainOptions(**TINY), 32)
    with pytest.raises(UsageError, match="--resume"):
        start_run(tmp_path / "run", data, TrainOptions(**TINY), 32)


def test_bf16_mixed_precision_trains_and_leaves_float32_weights(tmp_path):
    data = write_prepared(tmp_path / "data", 5, size=32)
    options = TrainOptions(**{**TINY, "precision": "bf16"}, epochs=1, batch_size=4)
    run = start_run(tmp_path / "run", data, options, 32)
    train(run, show_progress=False)
    assert np.isfinite(_held_out_l1(tmp_path / "run")).all()
    with np.load(tmp_path / "run" / CHECKPOINT) as saved:
        assert {saved[k].dtype for k in saved.files if k.startswith("generator/")} == {np.dtype("float32")}


def _pictures(run: RunInfo, weights: Path, sketches) -> np.ndarray:
    from icanvas_desktop.generation import Generator
    from icanvas_desktop.generation.runtime import KerasRuntime
    from icanvas_desktop.networks import build_generator

    model = build_generator(run.generator)
    model.load_weights(str(weights))
    generator = Generator(run.generator.image_size, KerasRuntime(run.generator, model=model))
    return np.stack([np.asarray(p, np.float32) / 255 for p in generator.generate_batch(sketches)])


def test_a_student_learns_to_make_its_teachers_pictures(tmp_path):
    import shutil

    from PIL import Image, ImageOps

    from icanvas_desktop.trainer.data.prepared import PreparedDataset
    from icanvas_desktop.trainer.training.train import teacher_weights

    data = write_prepared(tmp_path / "data", 5, size=32, val=1)
    # The teacher paints every picture in negative colours, so a student can only get them from the teacher.
    negative = Path(shutil.copytree(data, tmp_path / "negative"))
    for path in (negative / "pictures").iterdir():
        ImageOps.invert(Image.open(path).convert("RGB")).save(path)
    teacher_options = TrainOptions(generator="unet",
                                   generator_settings={"ngf": 16, "depth": 3, "dropout": 0.0},
                                   precision="float32", epochs=10, batch_size=1, learning_rate=2e-3)
    train(start_run(tmp_path / "teacher", negative, teacher_options, 32), show_progress=False)
    teacher = RunInfo.open(tmp_path / "teacher")
    assert teacher_weights(tmp_path / "teacher") == teacher.generator_weights()[-1]
    dataset = PreparedDataset.open(data)
    sketches = [dataset.sketch(i) for i in dataset.items("train")]
    taught = _pictures(teacher, teacher.generator_weights()[-1], sketches)

    gaps = {}
    for distill in (0.0, 50.0):
        options = TrainOptions(**TINY, epochs=15, batch_size=1, learning_rate=2e-3,
                               teacher_run=str(teacher.folder),
                               teacher_weights=str(teacher.generator_weights()[-1]), distill_weight=distill)
        student = start_run(tmp_path / f"student_{distill}", data, options, 32)
        train(student, show_progress=False)
        gaps[distill] = np.abs(_pictures(student, student.generator_weights()[-1], sketches) - taught).mean()
    assert gaps[50.0] < 0.5 * gaps[0.0], gaps


def test_a_teacher_of_another_size_is_refused(tmp_path):
    from icanvas_desktop.trainer.problems import UsageError

    small = write_prepared(tmp_path / "small", 3, size=32, val=1)
    large = write_prepared(tmp_path / "large", 3, size=64, val=1)
    train(start_run(tmp_path / "teacher", large, TrainOptions(**TINY, epochs=1), 64), show_progress=False)
    weights = RunInfo.open(tmp_path / "teacher").generator_weights()[-1]
    options = TrainOptions(**TINY, epochs=1, teacher_run=str(tmp_path / "teacher"),
                           teacher_weights=str(weights))
    with pytest.raises(UsageError, match="same size"):
        train(start_run(tmp_path / "student", small, options, 32), show_progress=False)


@pytest.mark.parametrize("backend", BACKENDS)
def test_a_crayon_generator_trains_and_saves_its_averaged_weights(tmp_path, backend):
    data = write_prepared(tmp_path / "data", 5, size=32, val=1)
    options = {"generator": "compact2", "generator_settings": {"ngf": 8, "depth": 3}, "epochs": 2,
               "batch_size": 2, "learning_rate": 2e-3, "checkpoint_every": 1000, "ema": 0.5}
    run_job(backend, "train_run", tmp_path / "run", data, options)

    run = RunInfo.open(tmp_path / "run")
    assert run.generator.input_channels == 5
    arrays = _checkpoint_arrays(tmp_path / "run" / CHECKPOINT)
    import keras

    from icanvas_desktop.networks import build_generator

    generator = build_generator(run.generator)
    generator.load_weights(str(run.generator_weights()[-1]))
    trained = [arrays[f"generator/{i:04d}"] for i in range(len(generator.weights))]
    saved = [keras.ops.convert_to_numpy(w) for w in generator.trainable_weights]
    # The epoch's weights are the average, not the last step's: they differ from the trained ones ...
    assert any(not np.allclose(s, t) for s, t in zip(saved, trained))
    # ... and the average is kept in the checkpoint, so a resumed run goes on averaging.
    averages = [v for k, v in sorted(arrays.items()) if k.startswith("g_optimizer/")]
    assert any(a.shape == saved[0].shape and np.allclose(a, saved[0]) for a in averages)


def test_a_run_from_before_the_average_resumes_without_one(tmp_path):
    data = write_prepared(tmp_path / "data", 3, size=32, val=1)
    run = start_run(tmp_path / "run", data, TrainOptions(**TINY, epochs=1), 32)
    raw = json.loads((run.folder / "run.json").read_text())
    del raw["options"]["ema"]
    (run.folder / "run.json").write_text(json.dumps(raw))
    assert RunInfo.open(run.folder).options.ema == 0.0


@pytest.mark.parametrize("backend", BACKENDS)
def test_the_two_scale_discriminator_with_feature_matching_trains(tmp_path, backend):
    data = write_prepared(tmp_path / "data", 5, size=32, val=1)
    options = {"epochs": 2, "batch_size": 2, "checkpoint_every": 1000, "log_every": 1,
               "discriminator": "two_scale"}
    run_job(backend, "train_run", tmp_path / "run", data, options)
    rows = (tmp_path / "run" / "logs" / "scalars.csv").read_text().splitlines()
    feature_losses = [float(r.split(",")[2]) for r in rows if ",train/g_fm," in r]
    assert feature_losses and all(np.isfinite(feature_losses)) and max(feature_losses) > 0
    assert len(RunInfo.open(tmp_path / "run").generator_weights()) == 2
