import json
import shutil
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from icanvas_desktop.files.resources import bundled_models_dir
from icanvas_desktop.generation import load_generator
from icanvas_desktop.themes import ThemeError, load_theme
from icanvas_desktop.themes.discovery import discover_themes

REPO = Path(__file__).resolve().parents[1]


def _theme_without_tflite(tmp_path):
    folder = shutil.copytree(bundled_models_dir() / "food", tmp_path / "food",
                             ignore=shutil.ignore_patterns("*.tflite"))
    manifest = json.loads((folder / "manifest.json").read_text("utf-8"))
    del manifest["tflite"], manifest["tflite_sha256"]
    (folder / "manifest.json").write_text(json.dumps(manifest), "utf-8")
    return load_theme(folder)


def test_the_litert_path_runs_without_importing_tensorflow():
    import ai_edge_litert  # noqa: F401 (a required dependency: a broken install fails here, never skips)

    code = (
        "import sys\n"
        "from PIL import Image\n"
        "from icanvas_desktop.generation import load_generator\n"
        "from icanvas_desktop.themes.discovery import discover_themes\n"
        "from icanvas_desktop.files.resources import bundled_models_dir\n"
        "themes, _ = discover_themes([bundled_models_dir()])\n"
        "generator = load_generator(themes[0])\n"
        "generator.generate(Image.new('L', (100, 100), 255))\n"
        "print(generator.runtime.name, sorted(m for m in ('tensorflow', 'keras') if m in sys.modules))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True,
                            timeout=120, check=False)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split("\n")[-2] == "litert []"


def test_auto_takes_keras_for_a_theme_without_tflite(tmp_path):
    theme = _theme_without_tflite(tmp_path)
    assert load_generator(theme).runtime.name == "keras"
    with pytest.raises(ThemeError, match="no .tflite"):
        load_generator(theme, "litert")
    with pytest.raises(ValueError, match="runtime must be"):
        load_generator(theme, "onnx")


def test_a_damaged_or_missing_tflite_is_refused(tmp_path):
    folder = shutil.copytree(bundled_models_dir() / "food", tmp_path / "food")
    tflite = folder / "generator.tflite"
    tflite.write_bytes(tflite.read_bytes()[:-4] + b"0000")
    with pytest.raises(ThemeError, match="generator.tflite is damaged"):
        load_theme(folder)
    tflite.unlink()
    with pytest.raises(ThemeError, match="LiteRT model file generator.tflite is missing"):
        load_theme(folder)


def test_a_litert_batch_gives_the_pictures_one_by_one():
    generator = load_generator(load_theme(bundled_models_dir() / "food"), "litert")
    sketches = np.random.default_rng(0).random((2, 256, 256, 1), np.float32)
    batch = generator.runtime(sketches)
    assert batch.shape == (2, 256, 256, 3)
    assert np.array_equal(batch[1], generator.runtime(sketches[1:])[0])


def test_without_tensorflow_a_theme_needs_its_tflite(tmp_path, monkeypatch):
    import importlib.util

    theme = _theme_without_tflite(tmp_path)
    monkeypatch.setattr(importlib.util, "find_spec", lambda name, *a: None)  # as in the packaged app
    with pytest.raises(ThemeError, match="has no .tflite model, which this installation needs"):
        load_generator(theme)


def _theme_without_keras_weights(tmp_path):
    folder = shutil.copytree(bundled_models_dir() / "food", tmp_path / "themes" / "food",
                             ignore=shutil.ignore_patterns("*.weights.h5"))
    return folder


def test_the_packaged_apps_tflite_only_theme_loads_and_runs_through_litert(tmp_path):
    folder = _theme_without_keras_weights(tmp_path)
    themes, problems = discover_themes([folder.parent])
    assert not problems and [t.id for t in themes] == ["food"]
    generator = load_generator(themes[0])
    assert generator.runtime.name == "litert"
    with pytest.raises(ThemeError, match="not the Keras weights generator.weights.h5"):
        load_generator(themes[0], "keras")


def test_the_trainer_and_the_importer_still_need_the_keras_weights(tmp_path):
    folder = _theme_without_keras_weights(tmp_path)
    with pytest.raises(ThemeError, match="weights file generator.weights.h5 is missing"):
        load_theme(folder)


def test_a_tflite_only_theme_needs_a_sound_tflite_with_a_checksum(tmp_path):
    folder = _theme_without_keras_weights(tmp_path)
    tflite = folder / "generator.tflite"
    tflite.write_bytes(tflite.read_bytes()[:-4] + b"0000")
    with pytest.raises(ThemeError, match="generator.tflite is damaged"):
        load_theme(folder, tflite_only_ok=True)
    manifest = json.loads((folder / "manifest.json").read_text("utf-8"))
    del manifest["tflite_sha256"]
    (folder / "manifest.json").write_text(json.dumps(manifest), "utf-8")
    with pytest.raises(ThemeError, match="weights file generator.weights.h5 is missing"):
        load_theme(folder, tflite_only_ok=True)


def _v1_copy(tmp_path, **manifest_changes) -> Path:
    folder = shutil.copytree(bundled_models_dir() / "food", tmp_path / "food",
                             ignore=shutil.ignore_patterns("*.weights.h5"))
    manifest = json.loads((folder / "manifest.json").read_text("utf-8")) | manifest_changes
    (folder / "manifest.json").write_text(json.dumps(manifest), "utf-8")
    return folder


def test_a_tflite_shaped_otherwise_than_its_manifest_says_is_refused_before_allocation(tmp_path):
    manifest_path = bundled_models_dir() / "food" / "manifest.json"
    architecture = json.loads(manifest_path.read_text("utf-8"))["architecture"]
    theme = load_theme(_v1_copy(tmp_path, input_size=128, architecture=architecture | {"image_size": 128}),
                       tflite_only_ok=True)
    with pytest.raises(ThemeError, match=r"its input is \[1, 256, 256, 1\], not \[1, 128, 128, 1\]"):
        load_generator(theme, runtime="litert")


def test_a_tflite_whose_tensors_are_too_large_is_refused_before_allocation(tmp_path, monkeypatch):
    from icanvas_desktop.generation import litert

    # The food theme's largest tensor is 2 MiB, so a 1 MiB limit stands in for a hostile file's gigabytes.
    monkeypatch.setattr(litert, "MAX_TENSOR_BYTES", 2**20)
    allocated = []
    interpreter_class = litert._interpreter_class()
    monkeypatch.setattr(interpreter_class, "allocate_tensors", lambda self: allocated.append(self))
    theme = load_theme(_v1_copy(tmp_path), tflite_only_ok=True)
    with pytest.raises(ThemeError, match="tensors would take more than 1 MiB each"):
        load_generator(theme, runtime="litert")
    assert allocated == []
