"""The colourer's training side: its loss weights, its augmentation, and the package the app reads."""

import numpy as np

from icanvas_desktop.generation.colourer import INPUT_SIZE, OUTPUT_SIZE, PALETTE, Colourer
from icanvas_desktop.trainer.colouring.train import IGNORE, augmented, colour_weights, fit_arrays


def test_rarer_colours_weigh_more_and_a_cell_weighs_one_on_average():
    targets = np.full((4, OUTPUT_SIZE, OUTPUT_SIZE), IGNORE, np.uint8)
    targets[:, :20] = 0  # the commonest colour
    targets[:, 20:22] = 5
    targets[0, 22, 0] = 9  # one cell of a rare colour
    weights = colour_weights(targets)
    assert weights.shape == (len(PALETTE),)
    assert weights[9] > weights[5] > weights[0] > 0
    known = targets[targets != IGNORE]
    assert np.isclose(weights[known].mean(), 1.0)
    # Smoothed half way to uniform: a colour never seen is not weighted without bound.
    assert weights.max() <= 2 * len(PALETTE) * weights[0]


def test_a_mirrored_drawing_takes_its_colours_with_it():
    rng = np.random.default_rng(0)
    inputs = np.zeros((64, INPUT_SIZE, INPUT_SIZE), np.uint8)
    inputs[:, :, :10] = 255  # ink on the left
    targets = np.full((64, OUTPUT_SIZE, OUTPUT_SIZE), IGNORE, np.uint8)
    targets[:, :, :5] = 3  # its colour on the left
    got_inputs, got_targets = augmented(inputs, targets, rng)
    mirrored = got_inputs[:, 0, -1] > 0
    assert 0 < mirrored.sum() < len(mirrored)
    assert (got_targets[mirrored][:, :, -5:] == 3).all() and (got_targets[~mirrored][:, :, :5] == 3).all()
    assert (got_inputs[~mirrored][:, :, :10] > 0).all()


def test_nothing_is_learnt_where_there_is_nothing_to_learn():
    inputs = np.zeros((1, INPUT_SIZE, INPUT_SIZE), np.uint8)
    targets = np.full((1, OUTPUT_SIZE, OUTPUT_SIZE), IGNORE, np.uint8)
    targets[0, 0, 0] = 4
    x, y, w = fit_arrays(inputs, targets, np.arange(1, len(PALETTE) + 1, dtype=np.float32))
    assert x.shape == (1, INPUT_SIZE, INPUT_SIZE, 1) and y.max() < len(PALETTE)
    assert w[0, 0, 0] == 5 and w.sum() == 5


def test_the_package_gives_the_app_the_keras_model_s_probabilities(tmp_path):
    from icanvas_desktop.generation.colourer import PAINTED
    from icanvas_desktop.trainer.colouring.model import build_colourer
    from icanvas_desktop.trainer.colouring.package import write_package

    model = build_colourer()
    crops = np.random.default_rng(1).random((2, INPUT_SIZE, INPUT_SIZE)).astype(np.float32)
    write_package(tmp_path / "colourer", model, PAINTED, {"held_out_colour_agreement": 0.5},
                  [{"source": "test"}], crops)
    colourer = Colourer(tmp_path / "colourer")
    assert np.array_equal(colourer.palette, PAINTED)
    expected = model.predict(crops[:1, ..., None], verbose=0)[0]
    assert np.abs(colourer.probabilities_of_input(crops[0]) - expected).max() <= 1e-3
    assert colourer.manifest["figures"] == {"held_out_colour_agreement": 0.5}
