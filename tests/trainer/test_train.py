import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pytest
from trainer.synthetic import write_prepared

from icanvas_desktop.trainer.checkpoint import read_state
from icanvas_desktop.trainer.train import CHECKPOINT, RunInfo, TrainOptions, start_run, train

TINY = {"generator": "unet", "generator_settings": {"ngf": 8, "depth": 3, "dropout": 0.0}, "precision": "float32"}

pytestmark = pytest.mark.slow


def _held_out_l1(run_dir: Path) -> list[float]:
    return [h["l1"] for h in json.loads((run_dir / "history.json").read_text())]


def test_a_tiny_dataset_is_overfit(tmp_path):
    data = write_prepared(tmp_path / "data", 5, size=32, val=1)
    # 4 training pairs, 120 steps; a higher learning rate than pix2pix's 2e-4 keeps the test short.
    options = TrainOptions(**TINY, epochs=30, batch_size=1, learning_rate=2e-3, checkpoint_every=1000)
    train(start_run(tmp_path / "run", data, options, 32), show_progress=False)

    history = json.loads((tmp_path / "run" / "history.json").read_text())
    assert [h["epoch"] for h in history] == list(range(1, 31))
    first, last = history[0]["train_l1"], history[-1]["train_l1"]
    assert last < 0.35 * first, (first, last)
    assert (tmp_path / "run" / "samples" / "epoch_0030.png").exists()
    assert list((tmp_path / "run" / "logs").iterdir()), "TensorBoard event files"


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


def test_a_killed_training_process_resumes_from_its_checkpoint(tmp_path):
    data = write_prepared(tmp_path / "data", 9, size=32, val=1)
    run_dir = tmp_path / "run"
    command = [sys.executable, "-m", "icanvas_desktop.trainer.cli", "-q", "train", "--data", str(data),
               "--run", str(run_dir), "--generator", "unet", "--ngf", "8", "--depth", "3",
               "--precision", "float32", "--epochs", "400", "--checkpoint-every", "1"]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    checkpoint = run_dir / CHECKPOINT
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and process.poll() is None:
        if checkpoint.exists() and read_state(checkpoint)["step"] >= 5:
            break
        time.sleep(0.2)
    process.send_signal(signal.SIGKILL)
    process.wait()
    saved = read_state(checkpoint)
    assert saved["step"] >= 5

    generator_before = _generator_weights_from_checkpoint(checkpoint)
    resumed = RunInfo.open(run_dir)
    resumed.options.max_steps = saved["step"]  # load, then stop at once: nothing new is learned
    assert train(resumed, show_progress=False)["step"] == saved["step"]
    assert all(np.array_equal(a, b) for a, b in zip(generator_before, _generator_weights_from_checkpoint(checkpoint)))

    resumed.options.max_steps = saved["step"] + 2
    assert train(resumed, show_progress=False)["step"] == saved["step"] + 2


def _generator_weights_from_checkpoint(path: Path) -> list[np.ndarray]:
    with np.load(path) as data:
        return [data[k] for k in sorted(data.files) if k.startswith("generator/")]


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

    from icanvas_desktop.trainer.prepared import PreparedDataset
    from icanvas_desktop.trainer.train import teacher_weights

    data = write_prepared(tmp_path / "data", 5, size=32, val=1)
    # The teacher paints every picture in negative colours, so a student can only get them from the teacher.
    negative = Path(shutil.copytree(data, tmp_path / "negative"))
    for path in (negative / "pictures").iterdir():
        ImageOps.invert(Image.open(path).convert("RGB")).save(path)
    teacher_options = TrainOptions(generator="unet", generator_settings={"ngf": 16, "depth": 3, "dropout": 0.0},
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
                               teacher_run=str(teacher.folder), teacher_weights=str(teacher.generator_weights()[-1]),
                               distill_weight=distill)
        student = start_run(tmp_path / f"student_{distill}", data, options, 32)
        train(student, show_progress=False)
        gaps[distill] = np.abs(_pictures(student, student.generator_weights()[-1], sketches) - taught).mean()
    assert gaps[50.0] < 0.5 * gaps[0.0], gaps


def test_a_teacher_of_another_size_is_refused(tmp_path):
    from icanvas_desktop.trainer.problems import UsageError

    small, large = write_prepared(tmp_path / "small", 3, size=32, val=1), write_prepared(tmp_path / "large", 3, size=64, val=1)
    train(start_run(tmp_path / "teacher", large, TrainOptions(**TINY, epochs=1), 64), show_progress=False)
    weights = RunInfo.open(tmp_path / "teacher").generator_weights()[-1]
    options = TrainOptions(**TINY, epochs=1, teacher_run=str(tmp_path / "teacher"), teacher_weights=str(weights))
    with pytest.raises(UsageError, match="same size"):
        train(start_run(tmp_path / "student", small, options, 32), show_progress=False)
