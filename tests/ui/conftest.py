"""UI test fixtures: a data root per test, the app's look, and the main window as the tests open it (the real
theme package they draw with, `themes_folder`, is in tests/conftest.py)."""

import os
from pathlib import Path

import pytest
from helpers import settle
from trainer.synthetic import THEME_ID  # noqa: F401 (the UI tests import it from here)

from icanvas_desktop.ui.canvas import Canvas
from icanvas_desktop.ui.generation_worker import GenerationService
from icanvas_desktop.ui.main_window import MainWindow
from icanvas_desktop.ui.sound import StarSound

TIMEOUT_MS = 60_000
DESKTOP_SCREEN = Path(__file__).with_name("offscreen_desktop.json")


@pytest.fixture(scope="session")
def qapp_args():
    """Offscreen, a 1920×1080 desktop, where the window opens at its preferred size (the offscreen
    plugin's own screen is 800×800, smaller than the window's minimum size)."""
    if os.environ.get("QT_QPA_PLATFORM") == "offscreen":
        return ["icanvas-tests", "-platform", f"offscreen:configfile={DESKTOP_SCREEN}"]
    return ["icanvas-tests"]


@pytest.fixture(autouse=True)
def data_dir(tmp_path, monkeypatch):
    """Every test gets its own data root and administrator folder (empty: no administrator settings), and no
    extra theme folders from the environment."""
    root = tmp_path / "data"
    monkeypatch.setenv("ICANVAS_DATA_DIR", str(root))
    monkeypatch.setenv("ICANVAS_SYSTEM_DIR", str(tmp_path / "system"))
    monkeypatch.delenv("ICANVAS_EXTRA_THEMES", raising=False)
    return root


@pytest.fixture(scope="session", autouse=True)
def look(qapp):
    """The real font and stylesheet, so tests see what children see."""
    from icanvas_desktop.ui.appearance import apply_app_style

    apply_app_style(qapp)
    return qapp



class CountingSound(StarSound):
    """The real chime object, counting plays instead of making noise in the test run."""

    def __init__(self):
        super().__init__()
        self.plays = 0

    @property
    def available(self) -> bool:  # it can always "play": it counts
        return True

    def play(self) -> bool:
        if self.enabled:
            self.plays += 1
        return self.enabled


@pytest.fixture
def canvas(qtbot):
    """A canvas widget on its own, shown at 400 px."""
    widget = Canvas()
    qtbot.addWidget(widget)
    widget.resize(400, 400)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


@pytest.fixture
def service():
    """The picture-making service, shut down after the test."""
    service = GenerationService()
    yield service
    service.shutdown()


@pytest.fixture
def make_window(qtbot, tmp_path, qtlog):
    """Opens main windows as a child would see them (shown, themes found) and closes them after the test."""
    windows = []

    def make(theme_folders, locale: str = "en_US", wait_for_themes: bool = True) -> MainWindow:
        window = MainWindow(theme_folders=theme_folders, export_folder=tmp_path / "exports",
                            system_locale=locale, sound=CountingSound())
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        if wait_for_themes:
            qtbot.waitUntil(lambda: window.drawing_screen.theme_picker.state != "loading", timeout=TIMEOUT_MS)
        windows.append(window)
        return window

    yield make
    for window in windows:
        window.kiosk.leave() if window.kiosk else window.close()
    assert not [r for r in qtlog.records if "QThread" in r.message]  # never "destroyed while running"


def open_child(window: MainWindow, name: str = "Mina", avatar: str = "cat"):
    profile = window.store.create(name, avatar)
    open_profile(window, profile)
    return profile


def open_profile(window: MainWindow, profile) -> None:
    """Open a child's profile as a tap on their tile does, and wait until it is open."""
    window.open_profile(profile)
    settle(window)
    assert window.profile is not None and window.profile.id == profile.id and window.session is not None
