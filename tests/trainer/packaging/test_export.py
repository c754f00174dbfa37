import json
from types import SimpleNamespace

import numpy as np
import pytest
from PIL import Image
from trainer.synthetic import shape_picture, train_tiny_run

from icanvas_desktop.files.resources import bundled_models_dir
from icanvas_desktop.generation import load_generator
from icanvas_desktop.themes import ThemeError, load_theme
from icanvas_desktop.trainer.packaging.export import export_theme
from icanvas_desktop.trainer.packaging.tflite import MIN_PSNR_DB, add_tflite_to_theme, picture_difference
from icanvas_desktop.trainer.problems import UsageError

PROMPTS = [{"id": "circle", "en": "Draw a ball", "ko": "공을 그려 보세요"}]


@pytest.fixture(scope="module")
def trained_run(tmp_path_factory):
    return train_tiny_run(tmp_path_factory.mktemp("export"), epochs=2)


def _export(run, out, theme_id="shapes", **kw):
    return export_theme(run, out, theme_id, {"en": "Shapes", "ko": "도형"}, "synthetic shapes", "CC0-1.0",
                        PROMPTS, **kw)


def test_export_then_load_gives_identical_pictures(trained_run, tmp_path):
    from icanvas_desktop.generation import Generator
    from icanvas_desktop.generation.runtime import KerasRuntime

    folder = _export(trained_run, tmp_path / "models", checkpoint="last")
    theme = load_theme(folder)
    assert theme.id == "shapes" and theme.name("ko") == "도형" and theme.prompts == PROMPTS
    manifest = json.loads((folder / "manifest.json").read_text())
    assert manifest["data"] == {"source": "synthetic shapes", "license": "CC0-1.0", "images": 5}
    assert manifest["training"]["checkpoint"] == "epoch_0002.weights.h5"
    assert sorted(p.name for p in folder.iterdir()) == [
        "generator.tflite", "generator.weights.h5", "manifest.json", "preview.png"]
    assert manifest["tflite"] == "generator.tflite" and len(manifest["tflite_sha256"]) == 64
    assert manifest["tflite_weights"] == "int8"  # the smallest weights that keep its pictures

    sketch = shape_picture(3, 32)[1]
    trained = Generator(32, KerasRuntime(trained_run.generator, trained_run.generator_weights()[-1]))
    exported = load_generator(theme, "keras")
    painted = exported.generate(sketch, "painted")  # the theme's own look is clean
    assert np.array_equal(np.asarray(trained.generate(sketch)), np.asarray(painted))
    litert = load_generator(theme)
    assert litert.runtime.name == "litert"
    worst, psnr = picture_difference(trained.runtime, litert.runtime, 32, [sketch])
    assert psnr >= MIN_PSNR_DB and 0 < worst
    with Image.open(folder / "preview.png") as preview:
        assert preview.size == (32, 32)


@pytest.mark.parametrize("bad_id",
                         ["../escape", "/abs", "a/b", "Caps", "", "dot.dot", "x" * 41, "..", "-lead"])
def test_theme_ids_that_could_escape_the_folder_are_refused(trained_run, tmp_path, bad_id):
    with pytest.raises(UsageError, match="cannot be used"):
        _export(trained_run, tmp_path / "models", bad_id)
    assert not (tmp_path / "models").exists() or not any((tmp_path / "models").iterdir())


def test_export_does_not_replace_a_theme_without_force(trained_run, tmp_path):
    _export(trained_run, tmp_path)
    with pytest.raises(UsageError, match="--force"):
        _export(trained_run, tmp_path)
    _export(trained_run, tmp_path, force=True)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["shapes"]


def test_a_damaged_theme_is_refused_with_its_reason(trained_run, tmp_path):
    folder = _export(trained_run, tmp_path)
    weights = folder / "generator.weights.h5"
    weights.write_bytes(weights.read_bytes()[:-10] + b"0123456789")
    with pytest.raises(ThemeError, match="damaged"):
        load_theme(folder)
    manifest = json.loads((folder / "manifest.json").read_text())
    manifest["architecture"]["name"] = "os.system"
    (folder / "manifest.json").write_text(json.dumps(manifest))
    with pytest.raises(ThemeError, match="architecture/name"):
        load_theme(folder)
    (folder / "manifest.json").write_text("{not json")
    with pytest.raises(ThemeError, match="not valid JSON"):
        load_theme(folder)


def _all_black(trained_run) -> SimpleNamespace:
    """The trained generator made to draw every picture black: a model that draws another picture whatever
    the tiny run learned (an untrained one can come within 35 dB of a run this short)."""
    import keras

    from icanvas_desktop.generation.runtime import KerasRuntime

    model = KerasRuntime(trained_run.generator, trained_run.generator_weights()[-1]).model
    sketch = keras.Input(model.input_shape[1:])
    return SimpleNamespace(model=keras.Model(sketch, keras.ops.zeros_like(model(sketch)) - 1.0))


def test_export_fails_when_the_litert_model_draws_a_different_picture(trained_run, tmp_path, monkeypatch):
    from icanvas_desktop.trainer.packaging import tflite

    black = tflite.convert(_all_black(trained_run))
    monkeypatch.setattr(tflite, "convert", lambda runtime, weights: black)
    with pytest.raises(UsageError, match="different picture from the Keras weights"):
        _export(trained_run, tmp_path / "models")
    assert not any((tmp_path / "models").iterdir())


def test_add_tflite_gives_an_older_theme_its_litert_model(trained_run, tmp_path):
    folder = _export(trained_run, tmp_path)
    manifest = json.loads((folder / "manifest.json").read_text())
    (folder / "generator.tflite").unlink()
    del manifest["tflite"], manifest["tflite_sha256"]
    (folder / "manifest.json").write_text(json.dumps(manifest))
    assert load_generator(load_theme(folder)).runtime.name == "keras"

    path, worst = add_tflite_to_theme(folder)
    assert path == folder / "generator.tflite" and 0 < worst < 1
    assert json.loads((folder / "manifest.json").read_text())["tflite_weights"] == "int8"
    assert load_generator(load_theme(folder)).runtime.name == "litert"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["shapes"]
    with pytest.raises(UsageError, match="cannot add a LiteRT model"):
        add_tflite_to_theme(tmp_path / "missing")


def test_smaller_weights_are_kept_only_where_the_pictures_match(trained_run, tmp_path, monkeypatch):
    from icanvas_desktop.generation.runtime import KerasRuntime
    from icanvas_desktop.trainer.packaging import tflite

    runtime = KerasRuntime(trained_run.generator, trained_run.generator_weights()[-1])
    sizes = {kind: len(tflite.convert(runtime, kind)) for kind in tflite.WEIGHT_KINDS}
    assert sizes["int8"] < 0.7 * sizes["float16"] and sizes["float16"] < 0.7 * sizes["float32"]
    # Smaller models that drew another picture: the export falls back to the next kind of weights.
    black = _all_black(trained_run)
    made = tflite.convert
    for wrong, kept in ((("int8",), "float16"), (("int8", "float16"), "float32")):
        monkeypatch.setattr(tflite, "convert",
                            lambda r, kind, wrong=wrong: made(black if kind in wrong else r, kind))
        folder = _export(trained_run, tmp_path / kept, checkpoint="last")
        manifest = json.loads((folder / "manifest.json").read_text())
        assert manifest["tflite_weights"] == kept


def test_a_themes_training_stages_are_followed_back_through_the_runs_it_started_from(tmp_path):
    from trainer.backend_jobs import TINY

    from icanvas_desktop.trainer.packaging.export import training_stages
    from icanvas_desktop.trainer.run import TrainOptions, add_to_history, epoch_weights, start_run

    def stage(name, size, steps, init_from=None, init_weights=None):
        options = TrainOptions(**TINY, init_from=init_from, init_weights=init_weights and str(init_weights))
        run = start_run(tmp_path / name, tmp_path / f"data_{name}", options, size)
        for epoch, step in enumerate(steps, 1):
            weights = epoch_weights(run.folder, epoch).name
            add_to_history(run.folder, {"epoch": epoch, "step": step, "weights": weights})
        return run

    base = stage("base", 128, [100, 200, 300])
    theme_128 = stage("theme_128", 128, [40, 80], str(base.folder), epoch_weights(base.folder, 2))
    theme_256 = stage("theme_256", 256, [10, 20, 30], "theme_128", epoch_weights(theme_128.folder, 2))
    assert training_stages(theme_256, epoch_weights(theme_256.folder, 2)) == [
        {"run": "base", "image_size": 128, "data": "data_base", "images_seen": 200, "from": "scratch"},
        {"run": "theme_128", "image_size": 128, "data": "data_theme_128", "images_seen": 80, "from": "base"},
        {"run": "theme_256", "image_size": 256, "data": "data_theme_256", "images_seen": 20,
         "from": "theme_128"},
    ]
    # Started from a run no longer there: the chain ends at the stage that names it.
    lone = stage("lone", 256, [5], "gone", tmp_path / "gone" / "generators" / "epoch_0001.weights.h5")
    assert training_stages(lone, epoch_weights(lone.folder, 1)) == [
        {"run": "lone", "image_size": 256, "data": "data_lone", "images_seen": 5, "from": "gone"}]
    # Started from a theme: the stages its manifest records come first.
    stickers = bundled_models_dir() / "stickers"
    themed = stage("themed", 256, [7], "stickers", stickers / "generator.weights.h5")
    shipped = json.loads((stickers / "manifest.json").read_text())["training"]["stages"]
    assert len(shipped) >= 2 and training_stages(themed, epoch_weights(themed.folder, 1)) == [
        *shipped,
        {"run": "themed", "image_size": 256, "data": "data_themed", "images_seen": 7, "from": "stickers"}]


def test_add_tflite_converts_on_tensorflow_whatever_backend_the_shell_chose(trained_run, tmp_path):
    import os
    import subprocess
    import sys

    folder = _export(trained_run, tmp_path / "models", checkpoint="last")
    before = (folder / "generator.tflite").read_bytes()
    code = ("import sys\nfrom icanvas_desktop.trainer.cli import main\n"
            "status = main(['add-tflite', sys.argv[1]])\n"
            "import keras\nprint(keras.backend.backend())\nsys.exit(status)\n")
    result = subprocess.run([sys.executable, "-c", code, str(folder)], capture_output=True, text=True,
                            env=os.environ | {"KERAS_BACKEND": "jax"}, timeout=300, check=False)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[-1] == "tensorflow"
    # The same operations as export's own conversion (from a JAX model the converter picks others).
    assert _operations(folder / "generator.tflite") == _operations(before)


def _operations(model) -> list[str]:
    from ai_edge_litert.interpreter import Interpreter

    interpreter = Interpreter(model_content=model if isinstance(model, bytes) else model.read_bytes())
    return sorted(op["op_name"] for op in interpreter._get_ops_details())
