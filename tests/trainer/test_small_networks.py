"""The recogniser's and the colourer's runs: a new run can start from an earlier run's weights."""

import numpy as np
import pytest

from icanvas_desktop.trainer.problems import UsageError
from icanvas_desktop.trainer.small_networks import end_epoch, start_or_resume


def _build(seed: int):
    import keras

    def build():
        keras.utils.set_random_seed(seed)
        model = keras.Sequential([keras.Input((4,)), keras.layers.Dense(3)])
        model.compile(optimizer=keras.optimizers.Adam(1e-3), loss="mse")
        return model
    return build


def _same(a, b) -> bool:
    return all(np.array_equal(x, y) for x, y in zip(a.get_weights(), b.get_weights()))


def test_a_new_run_starts_from_the_given_weights_and_a_resumed_one_from_its_own(tmp_path):
    earlier, _ = start_or_resume(tmp_path / "earlier", {}, _build(1))
    earlier.save(tmp_path / "earlier.keras")

    fresh, _ = start_or_resume(tmp_path / "fresh", {}, _build(2))
    started, done = start_or_resume(tmp_path / "new", {}, _build(2), init_from=tmp_path / "earlier.keras")
    assert done == [] and _same(started, earlier) and not _same(fresh, earlier)

    started.fit(np.ones((8, 4)), np.zeros((8, 3)), verbose=0)
    end_epoch(started, tmp_path / "new", {"epoch": 1}, best=True)
    resumed, done = start_or_resume(tmp_path / "new", {}, _build(2), init_from=tmp_path / "earlier.keras")
    assert done == [{"epoch": 1}] and _same(resumed, started) and not _same(resumed, earlier)


def test_a_missing_model_to_start_from_is_said(tmp_path):
    with pytest.raises(UsageError, match="no-such.keras"):
        start_or_resume(tmp_path / "run", {}, _build(1), init_from=tmp_path / "no-such.keras")
