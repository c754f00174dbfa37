"""The window opens at once: Qt and TensorFlow stay where they belong."""

import subprocess
import sys
from pathlib import Path

from helpers import OPEN_THE_WINDOW

ROOT = Path(__file__).resolve().parents[2]


def _modules_after(code: str, data_dir: Path) -> set[str]:
    data_dir.mkdir(parents=True, exist_ok=True)
    env = {"PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen", "ICANVAS_DATA_DIR": str(data_dir),
           "HOME": str(data_dir)}
    out = subprocess.run(
        [sys.executable, "-c", f"{code}\nimport sys\nprint(' '.join(sys.modules))"],
        capture_output=True, text=True, cwd=ROOT, check=True, env=env,
    ).stdout
    return {m.split(".")[0] for m in out.split()}


def test_the_qt_free_modules_import_neither_qt_nor_tensorflow(data_dir):
    loaded = _modules_after("import icanvas_desktop.words.i18n, icanvas_desktop.themes.discovery, "
                            "icanvas_desktop.files.resources", data_dir)
    assert "PySide6" not in loaded and "tensorflow" not in loaded and "keras" not in loaded


def test_the_window_opens_without_tensorflow(data_dir):
    """`python -m icanvas_desktop` up to a shown window (the event loop is skipped): no TensorFlow yet."""
    code = OPEN_THE_WINDOW
    loaded = _modules_after(code, data_dir)
    assert "PySide6" in loaded and "tensorflow" not in loaded and "keras" not in loaded


def test_qt_is_imported_only_by_the_ui_package_and_the_entry_point():
    package = ROOT / "icanvas_desktop"
    for path in package.rglob("*.py"):
        text = path.read_text("utf-8")
        uses_qt = "from PySide6" in text or "import PySide6" in text
        if path.parent.name == "ui" or path.name == "__main__.py":
            assert "import tensorflow" not in text and "import keras" not in text, path
        else:
            assert not uses_qt, path
