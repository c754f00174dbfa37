"""A settings file the app cannot use never keeps the window from opening: the grown-up is told kindly, and
the app goes on with the usual settings (or, for the administrator's file, with everything locked)."""

import subprocess
import sys
from pathlib import Path

import pytest
from conftest import open_child
from helpers import OPEN_THE_WINDOW, settle

from icanvas_desktop.settings.system import SAFE
from icanvas_desktop.settings.user import Settings
from icanvas_desktop.words.i18n import tr

ROOT = Path(__file__).resolve().parents[2]


def break_user_settings(data_dir: Path, how: str) -> None:
    path = data_dir / "settings.json"
    data_dir.mkdir(parents=True, exist_ok=True)
    if how == "folder":
        (path / "inside").mkdir(parents=True)
    else:
        path.write_text("[" * 100_000)


@pytest.mark.parametrize("how", ["folder", "nested"])
def test_the_window_opens_with_the_usual_settings_and_tells_the_grown_up(
    qtbot, make_window, tmp_path, data_dir, how
):
    break_user_settings(data_dir, how)
    window = make_window([tmp_path / "no-themes"])
    assert window.settings == Settings()
    problem = window.settings_file.problem
    assert problem and str(data_dir / "settings.json") in problem
    qtbot.waitUntil(window.notice.isVisible)
    assert window.notice.text == tr("settings_problem", "en", problem=problem)
    assert window.notice.geometry().bottom() <= window.centralWidget().rect().bottom()


def test_a_deeply_nested_administrator_file_locks_everything(make_window, tmp_path):
    (tmp_path / "system").mkdir()
    (tmp_path / "system" / "system_settings.json").write_text("[" * 60_000)
    window = make_window([tmp_path / "no-themes"])
    assert "nested too deeply" in window.effective.system.problem
    assert window.effective.system.locked == frozenset(SAFE) and window.settings == Settings(**SAFE)


@pytest.mark.parametrize("broken", ["user-folder", "user-nested", "system-nested"])
def test_the_app_starts_from_the_command_line(tmp_path, broken):
    """`icanvas` itself, as the grown-up would start it: a window, not a traceback."""
    data, system = tmp_path / "data", tmp_path / "system"
    if broken.startswith("user"):
        break_user_settings(data, broken.removeprefix("user-"))
    else:
        system.mkdir()
        (system / "system_settings.json").write_text("[" * 60_000)
    code = OPEN_THE_WINDOW
    env = {"PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen", "ICANVAS_DATA_DIR": str(data),
           "ICANVAS_SYSTEM_DIR": str(system), "ICANVAS_EXTRA_THEMES": "", "HOME": str(tmp_path)}
    run = subprocess.run([sys.executable, "-c", code], check=False, capture_output=True, text=True, cwd=ROOT,
                         env=env, timeout=120)
    assert run.returncode == 0, run.stderr
    assert "Traceback" not in run.stderr
    assert "settings" in run.stderr and "WARNING" in run.stderr  # the log line for the grown-up


def test_a_choice_that_cannot_be_saved_still_holds_and_the_child_is_told(make_window, tmp_path, data_dir):
    break_user_settings(data_dir, "folder")
    window = make_window([tmp_path / "no-themes"])
    open_child(window)
    window.show_settings()
    window.settings_page.sound_off.click()
    assert not window.sound.enabled, "at once, before the file is written in the background"
    settle(window)
    assert window.drawing_screen.message.text == tr("settings_not_saved", "en")
    assert not window.sound.enabled and window.settings.sound is False
