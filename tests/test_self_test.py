import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

from PIL import Image

from icanvas_desktop.commands.self_test import picture_problem
from icanvas_desktop.files.resources import bundled_models_dir
from icanvas_desktop.themes.discovery import discover_themes

REPO = Path(__file__).resolve().parents[1]


def _self_test(tmp_path):
    home, data = tmp_path / "home", tmp_path / "data"
    home.mkdir(exist_ok=True)
    env = os.environ | {"HOME": str(home), "ICANVAS_DATA_DIR": str(data),
                        "ICANVAS_SYSTEM_DIR": str(tmp_path / "system"), "PYTHONPATH": str(REPO)}
    code = ("import sys\nfrom icanvas_desktop.__main__ import main\nstatus = main()\n"
            "print('qt imported' if 'PySide6' in sys.modules else 'no qt')\nsys.exit(status)\n")
    result = subprocess.run([sys.executable, "-c", code, "--self-test"], cwd=tmp_path, env=env,
                            capture_output=True, text=True, timeout=300, check=False)
    assert not data.exists() and not any(home.iterdir()), (
        "the self-test writes nothing outside its temporary folder")
    return result


def test_self_test_makes_a_picture_with_every_bundled_theme_without_qt(tmp_path):
    result = _self_test(tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    emoji = next(line for line in lines if line.split()[1:2] == ["emoji"])
    assert emoji.startswith("ok") and " litert " in emoji and emoji.endswith(" ms")
    assert lines[-1] == "no qt"
    if sys.platform.startswith("linux"):
        assert re.fullmatch(r"first picture \d+\.\d\d s after the process started", lines[-2]), lines[-2]


def test_self_test_fails_when_a_theme_is_broken(tmp_path):
    themes = tmp_path / "system" / "themes"
    broken = shutil.copytree(bundled_models_dir() / "emoji", themes / "broken")
    manifest = json.loads((broken / "manifest.json").read_text("utf-8"))
    (broken / "manifest.json").write_text(json.dumps(manifest | {"id": "broken"}), "utf-8")
    (broken / "generator.tflite").write_bytes(b"not a model")
    result = _self_test(tmp_path)
    assert result.returncode == 1
    assert any(line.startswith("FAIL") and "generator.tflite is damaged" in line
               for line in result.stdout.splitlines())
    bundled = len(discover_themes([bundled_models_dir()])[0])
    assert f"{bundled} of {bundled + 1} themes fine" in result.stdout


def test_blank_and_grey_pictures_are_problems():
    assert picture_problem(Image.new("RGB", (64, 64), "white")) == "the picture is blank"
    stripes = Image.linear_gradient("L").convert("RGB")
    assert picture_problem(stripes) == "the picture has almost no colour"
