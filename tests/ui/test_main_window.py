import io

import pytest
from PIL import Image
from PySide6.QtCore import QPointF, QTimer

from icanvas_desktop.ui.main_window import MainWindow


def _draw_line(window, y=100):
    window.canvas.begin_stroke(QPointF(20, y))
    window.canvas.extend_stroke(QPointF(150, y))
    window.canvas.end_stroke()


@pytest.fixture
def window(qtbot, themes_folder):
    win = MainWindow("ko", folders=[themes_folder])
    qtbot.addWidget(win)
    win.resize(800, 500)
    win.show()
    yield win
    win.close()


def test_generation_runs_on_the_worker_while_the_event_loop_keeps_running(qtbot, window):
    assert window.theme_box.currentText() == "도형"
    _draw_line(window)
    ticks = []
    timer = QTimer(interval=5, timeout=lambda: ticks.append(1))
    timer.start()
    with qtbot.waitSignal(window.worker.finished, timeout=60000) as blocker:
        window.make()
    timer.stop()
    job_id, png = blocker.args
    assert job_id == window._job
    assert Image.open(io.BytesIO(png)).size == (32, 32)
    assert len(ticks) > 3, "the UI thread kept processing events"
    qtbot.waitUntil(lambda: window.result.pixmap() is not None and not window.result.pixmap().isNull())


def test_a_stale_request_is_dropped(qtbot, window):
    _draw_line(window)
    shown = []
    window.worker.finished.connect(lambda job, png: shown.append(job))
    window.make()
    _draw_line(window, 60)
    window.make()
    newest = window._job
    qtbot.waitUntil(lambda: newest in shown, timeout=60000)
    qtbot.wait(300)
    # the first request was either replaced before it started or its result is ignored by the window
    assert shown[-1] == newest
    assert window.status.text() == "짜잔!"


def test_a_broken_theme_gives_a_kind_message_and_drawing_goes_on(qtbot, window):
    theme = window.theme_box.currentData()
    broken = type(theme)(theme.folder / "missing", theme.manifest)
    window.theme_box.setItemData(0, broken)
    _draw_line(window)
    with qtbot.waitSignal(window.worker.failed, timeout=60000):
        window.make()
    assert "테마" in window.status.text()
    _draw_line(window, 150)
    assert len(window.canvas.drawing.strokes) == 2


def test_with_no_themes_the_window_says_so(qtbot, tmp_path):
    win = MainWindow("en", folders=[tmp_path])
    qtbot.addWidget(win)
    assert not win.make_button.isEnabled()
    assert "No themes yet" in win.status.text()
    win.close()
