"""A shipped recogniser package back as a Keras model that training can continue from.

Git keeps the shipped package (resources/recogniser/), not the run folders: on a new machine the LiteRT
network is all there is of the last recogniser. Its converter folded each batch norm into the convolution
before it (a kernel and a bias), so the weights come back exactly for inference, but a batch norm trained
further normalises by the statistics of each batch. Each batch norm is therefore given the mean and spread of
its convolution's output over `calibration` drawings (moving statistics and scale alike) and the folded bias
on top: in inference it passes the convolution's output on unchanged plus that bias, and in training, on
batches like the calibration drawings, nearly so, so the first steps of a continued run start where the
package left off.
"""

import json
from pathlib import Path

import numpy as np

from icanvas_desktop.generation.recognise import Recogniser, RecogniserError
from icanvas_desktop.trainer.problems import UsageError
from icanvas_desktop.trainer.recognition.model import WIDTHS, build_recogniser


def _constants(tflite: Path) -> list[tuple[str, np.ndarray]]:
    """(name, value) of every float constant of the LiteRT file: the weights, in the converter's layout."""
    from ai_edge_litert.interpreter import Interpreter

    interpreter = Interpreter(str(tflite))
    interpreter.allocate_tensors()
    constants = []
    for detail in interpreter.get_tensor_details():
        if detail["dtype"] != np.float32 or detail["name"].startswith("serving_default"):
            continue
        try:
            constants.append((detail["name"], np.array(interpreter.get_tensor(detail["index"]))))
        except ValueError:  # an activation: no data until the network runs
            continue
    return constants


def _folded_weights(constants: list[tuple[str, np.ndarray]], classes: int
                    ) -> tuple[list[tuple[np.ndarray, np.ndarray]], tuple[np.ndarray, np.ndarray]]:
    """Each convolution's folded (kernel HWIO, bias) in order, and the dense layer's (kernel, bias). The
    widths are distinct, so each tensor is found by its shape."""
    convolutions = []
    for index, width in enumerate(WIDTHS):
        depth = 1 if index == 0 else WIDTHS[index - 1]
        kernels = [v for _, v in constants if v.shape == (width, 3, 3, depth)]
        biases = [v for n, v in constants if v.shape == (width,) and "batch_normalization" in n]
        if len(kernels) != 1 or len(biases) != 1:
            raise UsageError(f"the recogniser package's network is not this trainer's: its convolution "
                             f"{index + 1} ({width} channels): {len(kernels)} kernels, {len(biases)} biases")
        convolutions.append((kernels[0].transpose(1, 2, 3, 0), biases[0]))
    dense = [v for _, v in constants if v.shape == (classes, WIDTHS[-1])]
    dense_bias = [v for n, v in constants if v.shape == (classes,) and "probabilities" in n]
    if len(dense) != 1 or len(dense_bias) != 1:
        raise UsageError(f"the recogniser package's network has no single layer of {classes} probabilities")
    return convolutions, (dense[0].T, dense_bias[0])


def recogniser_from_package(folder: Path, calibration: np.ndarray):
    """(Keras model, its class ids) from the package in `folder`; `calibration`: (N, 64, 64, 1) inputs as
    training gives them (a few thousand training drawings)."""
    import keras

    try:
        # Checked as the app checks it (its manifest, the network's checksum and tensor sizes) first.
        package = Recogniser(folder)
    except RecogniserError as error:
        raise UsageError(f"{folder}: not a recogniser package to start from ({error})") from error
    classes = list(package.classes)
    convolutions, (kernel, bias) = _folded_weights(_constants(folder / package.manifest["tflite"]["file"]),
                                                   len(classes))
    model = build_recogniser(len(classes))
    convs = [layer for layer in model.layers if isinstance(layer, keras.layers.Conv2D)]
    norms = [layer for layer in model.layers if isinstance(layer, keras.layers.BatchNormalization)]
    x = np.asarray(calibration, np.float32)
    for conv, norm, (folded, folded_bias) in zip(convs, norms, convolutions, strict=True):
        conv.set_weights([folded])
        # This convolution's output over the calibration drawings, its input being the package's own
        # activations so far (each earlier layer already passes them on unchanged).
        out = np.asarray(keras.Model(model.input, conv.output).predict(x, batch_size=256, verbose=0))
        mean = out.mean(axis=(0, 1, 2))
        spread = np.sqrt(out.var(axis=(0, 1, 2)) + norm.epsilon)
        norm.set_weights([spread, mean + folded_bias, mean, spread**2 - norm.epsilon])
    model.get_layer("probabilities").set_weights([kernel, bias])
    return model, classes


def save_for_init(model, classes: list[str], out: Path) -> Path:
    """`model` as OUT/latest.keras beside an options.json naming its classes: what `--init-from` reads."""
    out.mkdir(parents=True, exist_ok=True)
    model.save(out / "latest.keras")
    (out / "options.json").write_text(json.dumps({"classes": classes, "from_package": True}, indent=1),
                                      "utf-8")
    return out / "latest.keras"
