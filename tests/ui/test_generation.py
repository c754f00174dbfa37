"""Generation through the real worker thread and a real theme package made by the trainer."""

import io
import json
import threading
import time
from pathlib import Path

import pytest
from conftest import THEME_ID
from helpers import mouse_stroke
from PIL import Image
from PySide6.QtCore import QObject, QPointF, QTimer, Signal, Slot

from icanvas_desktop.drawing.picture import PictureRequest
from icanvas_desktop.drawing.rasterize import png_bytes, render_sketch
from icanvas_desktop.drawing.strokes import Drawing, PenSize, Point, Stroke, Tool
from icanvas_desktop.generation.jobs import FailureKind, JobState, Stage, classify_failure
from icanvas_desktop.look import Look
from icanvas_desktop.themes.theme import file_sha256
from icanvas_desktop.ui.drawing_screen import DrawingScreen
from icanvas_desktop.ui.generation_worker import GenerationService
from icanvas_desktop.words.i18n import tr

TIMEOUT_MS = 60_000


def request(theme_folder: Path, sketch_png: bytes) -> PictureRequest:
    return PictureRequest(theme_folder, THEME_ID, a_drawing(), sketch_png, Look.PAINTED)


def a_drawing() -> Drawing:
    drawing = Drawing()
    drawing.add(Stroke(Tool.PEN, PenSize.MEDIUM, [Point(0.2 + 0.06 * i, 0.5) for i in range(11)]))
    drawing.add(Stroke(Tool.PEN, PenSize.MEDIUM, [Point(0.5, 0.2 + 0.06 * i) for i in range(11)]))
    return drawing


@pytest.fixture
def screen(qtbot, service, themes_folder):
    widget = DrawingScreen(service, "en")
    qtbot.addWidget(widget)
    widget.resize(1200, 700)
    widget.show()
    service.themes_found.connect(widget.set_themes)
    with qtbot.waitSignal(service.themes_found, timeout=TIMEOUT_MS):
        service.discover([themes_folder])
    return widget


@pytest.fixture
def theme_folder(themes_folder):
    return themes_folder / THEME_ID


def test_a_picture_comes_back_while_the_event_loop_keeps_running(qtbot, service, theme_folder, monkeypatch):
    from icanvas_desktop.generation.litert import LiteRTRuntime

    # LiteRT draws the tiny theme within a timer tick; a slow generator shows whether the UI thread waits.
    fast = LiteRTRuntime.__call__
    monkeypatch.setattr(LiteRTRuntime, "__call__",
                        lambda self, sketches: (time.sleep(0.2), fast(self, sketches))[1])
    ticks = []
    timer = QTimer()
    timer.setInterval(20)
    timer.timeout.connect(lambda: ticks.append(threading.current_thread()))
    timer.start()
    stages = []
    service.stage_changed.connect(stages.append)
    sketch = png_bytes(render_sketch(a_drawing(), 32))
    with qtbot.waitSignal(service.job_finished, timeout=TIMEOUT_MS) as done:
        job = service.submit(request(theme_folder, sketch))
    timer.stop()
    assert done.args[0] is job and job.state is JobState.DONE
    with Image.open(io.BytesIO(job.picture_png)) as picture:
        assert picture.format == "PNG" and picture.size == (32, 32) and picture.mode == "RGB"
    assert len(ticks) >= 3 and set(ticks) == {threading.main_thread()}  # the UI thread was free meanwhile
    assert stages[0] == Stage.WAITING and Stage.DRAWING in stages and stages[-1] is None
    assert not service.busy


def test_only_the_newest_request_reaches_the_ui(qtbot, service, theme_folder, monkeypatch):
    from icanvas_desktop.generation.litert import LiteRTRuntime

    with qtbot.waitSignal(service.job_finished, timeout=TIMEOUT_MS):  # the generator is loaded and warm
        service.submit(request(theme_folder, png_bytes(render_sketch(a_drawing(), 32))))
    # The worker is held inside a picture while three more are asked for, so that they all wait for it.
    release, inside = threading.Event(), threading.Event()
    run = LiteRTRuntime.__call__
    monkeypatch.setattr(LiteRTRuntime, "__call__",
                        lambda self, sketches: (inside.set(), release.wait(10), run(self, sketches))[2])
    results = []
    service.job_finished.connect(results.append)
    held = service.submit(request(theme_folder, png_bytes(render_sketch(a_drawing(), 32))))
    assert inside.wait(10)
    sketches = [png_bytes(render_sketch(Drawing(a_drawing().strokes[:n]), 32)) for n in (1, 2, 1)]
    jobs = [service.submit(request(theme_folder, s)) for s in sketches]
    release.set()
    qtbot.waitUntil(lambda: not service.busy, timeout=TIMEOUT_MS)
    qtbot.wait(100)  # time for any stale answer to arrive (it must not be passed on)
    assert results == [jobs[-1]]
    # The held one ran but came too late; the two between were replaced in the worker: never made.
    assert [j.state for j in (held, *jobs)] == [JobState.DROPPED] * 3 + [JobState.DONE]
    assert jobs[0].picture_png is jobs[1].picture_png is None


def test_a_missing_theme_fails_kindly(qtbot, service, tmp_path):
    with qtbot.waitSignal(service.job_failed, timeout=TIMEOUT_MS) as failed:
        service.submit(request(tmp_path / "gone", png_bytes(render_sketch(a_drawing(), 32))))
    assert failed.args[0].failure is FailureKind.THEME and not service.busy


def test_failures_are_sorted_into_kinds():
    class ResourceExhaustedError(Exception):  # what TensorFlow raises when memory runs out
        pass

    assert classify_failure(MemoryError(), while_loading=False) is FailureKind.MEMORY
    assert classify_failure(ResourceExhaustedError("OOM"), while_loading=True) is FailureKind.MEMORY
    assert classify_failure(OSError("bad file"), while_loading=True) is FailureKind.THEME
    assert classify_failure(ValueError("boom"), while_loading=False) is FailureKind.OTHER


def test_make_it_shows_the_picture_beside_the_sketch(qtbot, screen):
    assert screen.model.theme is not None and screen.model.theme.id == THEME_ID
    mouse_stroke(screen.canvas, [(0.2, 0.5), (0.8, 0.5)])
    screen.make_button.click()
    assert screen.result_view.is_busy
    qtbot.waitUntil(lambda: screen.model.picture is not None, timeout=TIMEOUT_MS)
    assert screen.result_view.has_picture and not screen.result_view.is_busy
    assert screen.model.picture.drawing == screen.canvas.drawing
    assert screen.model.picture.sketch_png == png_bytes(render_sketch(screen.canvas.drawing,
                                                                screen.model.theme.input_size))
    assert screen.message.text == tr("done", "en")


def test_make_it_without_a_drawing_asks_for_one(screen):
    screen.make_button.click()
    assert screen.message.text == tr("draw_first", "en")
    assert not screen.service.busy


def test_a_broken_theme_gives_a_kind_message_and_drawing_goes_on(qtbot, service, theme_copy):
    # A .tflite that is not a model, with a checksum to match: the package looks fine until it is loaded.
    tflite = theme_copy / THEME_ID / "generator.tflite"
    tflite.write_bytes(b"not a LiteRT model")
    manifest_path = theme_copy / THEME_ID / "manifest.json"
    manifest = json.loads(manifest_path.read_text())
    manifest["tflite_sha256"] = file_sha256(tflite)
    manifest_path.write_text(json.dumps(manifest))
    screen = DrawingScreen(service, "en")
    qtbot.addWidget(screen)
    screen.show()
    service.themes_found.connect(screen.set_themes)
    with qtbot.waitSignal(service.worker.preloaded, timeout=TIMEOUT_MS) as preloaded:
        service.discover([theme_copy])
    assert screen.model.theme is not None and preloaded.args == [str(theme_copy / THEME_ID), False]
    mouse_stroke(screen.canvas, [(0.2, 0.5), (0.8, 0.5)])
    with qtbot.waitSignal(service.job_failed, timeout=TIMEOUT_MS):
        screen.make_button.click()
    assert screen.message.text == tr("failed_theme", "en")
    assert screen.model.picture is None and not screen.result_view.is_busy
    mouse_stroke(screen.canvas, [(0.5, 0.2), (0.5, 0.8)])
    assert len(screen.canvas.drawing) == 2


def test_live_mode_follows_the_pen_while_it_moves_and_once_more_when_it_lifts(qtbot, screen):
    submitted = []
    original = screen.service.submit
    screen.service.submit = lambda request: submitted.append(request) or original(request)
    screen.live_button.click()
    assert screen.live_button.isChecked()
    canvas = screen.canvas
    paper = canvas.paper_rect()

    def at(x: float, y: float) -> QPointF:
        return QPointF(paper.x() + x * paper.width(), paper.y() + y * paper.height())

    assert canvas.begin_stroke(at(0.2, 0.5))
    canvas.extend_stroke(at(0.4, 0.5))
    qtbot.waitUntil(lambda: screen.model.picture is not None, timeout=TIMEOUT_MS)
    first = screen.model.picture
    assert len(canvas.drawing) == 0 and len(first.drawing) == 1  # made from the stroke still being drawn
    # While the generator works, the pen goes on: only the newest drawing is asked for next, once.
    canvas.extend_stroke(at(0.6, 0.5))
    canvas.extend_stroke(at(0.8, 0.5))

    def newest_shown() -> bool:
        return len(screen.model.picture.drawing.strokes[0].points) == 4

    qtbot.waitUntil(newest_shown, timeout=TIMEOUT_MS)
    assert not screen.service.busy
    canvas.end_stroke()
    qtbot.waitUntil(lambda: screen.model.picture_is_current and not screen.service.busy, timeout=TIMEOUT_MS)
    assert screen.model.picture.drawing == canvas.drawing and len(submitted) == 4
    # Strokes drawn faster than pictures come (no event loop between them) ask once now and once after.
    for y in (0.3, 0.7):
        mouse_stroke(canvas, [(0.2, y), (0.8, y)])
    qtbot.waitUntil(lambda: screen.model.picture_is_current and not screen.service.busy, timeout=TIMEOUT_MS)
    assert len(submitted) == 6 and len(screen.model.picture.drawing) == 3


def test_undo_redo_and_clear_through_the_buttons(screen):
    mouse_stroke(screen.canvas, [(0.2, 0.3), (0.8, 0.3)])
    mouse_stroke(screen.canvas, [(0.2, 0.6), (0.8, 0.6)])
    assert screen.tools.undo_button.isEnabled() and not screen.tools.redo_button.isEnabled()
    screen.tools.undo_button.click()
    assert len(screen.canvas.drawing) == 1 and screen.tools.redo_button.isEnabled()
    screen.tools.redo_button.click()
    assert len(screen.canvas.drawing) == 2
    screen.tools.clear_button.click()
    assert screen.canvas.drawing.is_empty and not screen.tools.clear_button.isEnabled()
    screen.tools.undo_button.click()
    assert len(screen.canvas.drawing) == 2


def test_tool_and_size_buttons_change_the_next_stroke(screen):
    mouse_stroke(screen.canvas, [(0.5, 0.1), (0.5, 0.5)])  # ink for the eraser to rub out
    screen.tools.size_buttons[PenSize.LARGE].click()
    screen.tools.eraser_button.click()
    mouse_stroke(screen.canvas, [(0.2, 0.3), (0.8, 0.3)])
    stroke = screen.canvas.drawing.strokes[-1]
    assert stroke.tool is Tool.ERASER and stroke.size is PenSize.LARGE
    screen.tools.pen_button.click()
    mouse_stroke(screen.canvas, [(0.2, 0.6), (0.8, 0.6)])
    assert screen.canvas.drawing.strokes[-1].tool is Tool.PEN


def test_a_new_drawing_starts_over_and_can_be_undone(qtbot, screen):
    mouse_stroke(screen.canvas, [(0.2, 0.5), (0.8, 0.5)])
    screen.make()
    qtbot.waitUntil(lambda: screen.model.picture is not None, timeout=TIMEOUT_MS)
    screen.new_button.click()
    assert screen.canvas.drawing.is_empty and screen.model.picture is None
    assert not screen.result_view.has_picture
    screen.tools.undo_button.click()
    assert len(screen.canvas.drawing) == 1


def test_closing_stops_the_worker_thread(qtbot, theme_folder):
    service = GenerationService()
    thread = service._thread
    service.submit(request(theme_folder, png_bytes(render_sketch(a_drawing(), 32))))
    service.shutdown()
    assert thread.isFinished() and not thread.isRunning()
    service.shutdown()  # twice is fine


class _Probe(QObject):
    seen = Signal(object)

    def __init__(self):
        super().__init__()
        self.local = threading.local()

    @Slot()
    def remember(self):
        self.local.value = "kept"

    @Slot()
    def recall(self):
        self.seen.emit(getattr(self.local, "value", None))


class _Caller(QObject):
    remember = Signal()
    recall = Signal()


def test_the_worker_thread_keeps_its_thread_locals_between_calls(qtbot, service):
    """TensorFlow keeps graph-building state in thread-locals: it must survive from one request to the
    next."""
    probe, caller = _Probe(), _Caller()
    probe.moveToThread(service._thread)
    caller.remember.connect(probe.remember)
    caller.recall.connect(probe.recall)
    caller.remember.emit()
    with qtbot.waitSignal(probe.seen, timeout=5000) as seen:
        caller.recall.emit()
    assert seen.args == ["kept"]
