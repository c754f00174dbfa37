"""A run folder's files, read and written in one place (trainer/run.py)."""

import json

import pytest
from trainer.backend_jobs import TINY

from icanvas_desktop.trainer.problems import UsageError
from icanvas_desktop.trainer.run import (
    RESULTS_FILE,
    RUN_FILE,
    RunInfo,
    TrainOptions,
    add_to_history,
    epoch_weights,
    read_history,
    read_results,
    start_run,
)


def test_a_run_is_saved_and_opened_again(tmp_path):
    run = start_run(tmp_path / "run", tmp_path / "data", TrainOptions(**TINY, epochs=3), 32)
    again = RunInfo.open(tmp_path / "run")
    assert (again.options, again.data, again.generator) == (run.options, run.data, run.generator)
    assert json.loads((tmp_path / "run" / RUN_FILE).read_text())["data_from_run"] == "../data"
    with pytest.raises(UsageError, match="already holds a training run"):
        start_run(tmp_path / "run", tmp_path / "data", TrainOptions(), 32)
    with pytest.raises(UsageError, match="is not a training run"):
        RunInfo.open(tmp_path / "elsewhere")


@pytest.mark.parametrize("damage", [b'{"options": {"epo', b"\xff\xfe", b'{"data": "d"}', b"[1, 2]",
                                    b'{"data": "d", "options": {"no_such_option": 1}, "generator": {}}'])
def test_a_damaged_run_file_names_itself_and_what_to_do(tmp_path, damage):
    start_run(tmp_path / "run", tmp_path / "data", TrainOptions(**TINY), 32)
    (tmp_path / "run" / RUN_FILE).write_bytes(damage)
    with pytest.raises(UsageError, match="run.json is (damaged|not an iCanvas training run).*a new run"):
        RunInfo.open(tmp_path / "run")


def test_damaged_history_and_results_name_themselves(tmp_path):
    run = start_run(tmp_path / "run", tmp_path / "data", TrainOptions(**TINY), 32)
    add_to_history(run.folder, {"epoch": 1, "step": 4, "weights": epoch_weights(run.folder, 1).name})
    (run.folder / "history.json").write_text('[{"epoch": 1, "st')
    with pytest.raises(UsageError, match="history.json is damaged"):
        run.history()
    (run.folder / RESULTS_FILE).parent.mkdir()
    (run.folder / RESULTS_FILE).write_text("{")
    with pytest.raises(UsageError, match="results.json is damaged.*'icanvas-train evaluate' again"):
        read_results(run.folder)


def test_an_epoch_trained_again_replaces_its_history_entry(tmp_path):
    assert read_history(tmp_path) == []
    add_to_history(tmp_path, {"epoch": 1, "step": 4, "weights": epoch_weights(tmp_path, 1).name})
    add_to_history(tmp_path, {"epoch": 2, "step": 8, "weights": epoch_weights(tmp_path, 2).name})
    add_to_history(tmp_path, {"epoch": 2, "step": 9, "weights": epoch_weights(tmp_path, 2).name})
    assert [(h["epoch"], h["step"], h["weights"]) for h in read_history(tmp_path)] == [
        (1, 4, "epoch_0001.weights.h5"), (2, 9, "epoch_0002.weights.h5")]


def test_the_best_checkpoint_is_the_evaluations_and_none_before_one(tmp_path):
    run = start_run(tmp_path / "run", tmp_path / "data", TrainOptions(**TINY), 32)
    assert read_results(run.folder) is None and run.best_checkpoint() is None
    results = run.folder / RESULTS_FILE
    results.parent.mkdir()
    rows = [{"checkpoint": epoch_weights(run.folder, e).name, "l1": l1} for e, l1 in ((1, 0.2), (2, 0.3))]
    results.write_text(json.dumps({"checkpoints": rows, "best": rows[0]}))
    assert run.results()["checkpoints"] == rows
    for epoch in (1, 2):
        epoch_weights(run.folder, epoch).parent.mkdir(exist_ok=True)
        epoch_weights(run.folder, epoch).write_bytes(b"")
    assert run.best_checkpoint() == "epoch_0001.weights.h5"


def test_an_evaluation_older_than_the_last_epochs_picks_nothing(tmp_path):
    run = start_run(tmp_path / "run", tmp_path / "data", TrainOptions(**TINY), 32)
    (run.folder / RESULTS_FILE).parent.mkdir()
    row = {"checkpoint": epoch_weights(run.folder, 1).name, "l1": 0.2}
    (run.folder / RESULTS_FILE).write_text(json.dumps({"checkpoints": [row], "best": row}))
    for epoch in (1, 2):  # the run went on after it was evaluated
        epoch_weights(run.folder, epoch).parent.mkdir(exist_ok=True)
        epoch_weights(run.folder, epoch).write_bytes(b"")
    assert run.best_checkpoint() is None
