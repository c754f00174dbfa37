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


def test_a_recogniser_that_knows_more_things_keeps_what_the_earlier_one_knew(tmp_path):
    import json

    import keras

    from icanvas_desktop.trainer.recognition.classes import CLASS_IDS, OTHER
    from icanvas_desktop.trainer.recognition.model import build_recogniser
    from icanvas_desktop.trainer.recognition.train import earlier_classes, take_known_things

    # An earlier recogniser that knew three things and "other", in an order of its own.
    known = ["cloud", "sun", OTHER, "sheep"]
    keras.utils.set_random_seed(1)
    earlier = build_recogniser(len(known))
    (tmp_path / "run").mkdir()
    earlier.save(tmp_path / "run" / "best.keras")
    (tmp_path / "run" / "options.json").write_text(json.dumps({"classes": known}), "utf-8")

    keras.utils.set_random_seed(2)
    model = build_recogniser(len(CLASS_IDS))
    untouched = model.get_layer("probabilities").get_weights()[0].copy()
    take_known_things(earlier_classes(tmp_path / "run" / "best.keras"), model, earlier)

    ink = np.random.default_rng(0).random((2, *model.input_shape[1:]), np.float32)
    old, new = earlier.predict(ink, verbose=0), model.predict(ink, verbose=0)
    columns = [CLASS_IDS.index(c) for c in known]
    # The same evidence for each thing it knew: their outputs differ only by the new things' share.
    ratios = new[:, columns] / old
    assert np.allclose(ratios, ratios[:, :1], rtol=1e-4)
    kernel = model.get_layer("probabilities").get_weights()[0]
    apple = CLASS_IDS.index("apple")
    assert np.array_equal(kernel[:, apple], untouched[:, apple]), "a new thing starts from the new model"


def test_a_recogniser_may_not_forget_a_thing(tmp_path):

    from icanvas_desktop.trainer.recognition.classes import CLASS_IDS
    from icanvas_desktop.trainer.recognition.model import build_recogniser
    from icanvas_desktop.trainer.recognition.train import take_known_things

    with pytest.raises(UsageError, match="unicorn"):
        take_known_things(["sun", "unicorn"], build_recogniser(len(CLASS_IDS)), build_recogniser(2))
