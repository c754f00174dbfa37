"""Turning sketches into pictures in the background: one worker object on one thread.

`GenerationWorker` lives on its own `QThread` and owns everything heavy for pictures: it finds the
themes, imports TensorFlow (the first time a generator is needed), loads each theme's generator once and
keeps it. It talks only through signals; nothing in it touches a widget. Other slow work (saving,
installing a theme) goes through ui/background.py, so that it never delays a picture.

`GenerationService` is the UI's side: it starts and stops the thread, keeps the jobs in a `JobQueue`
(icanvas_desktop.generation.jobs, where the rule that only the newest job matters lives) and passes on
only the jobs still wanted. Each request crosses the thread as the frozen `PictureRequest` it is. The
worker's part of the rule: a request only records itself as *the* pending one and posts a "run" event;
when several requests arrive while a picture is being made, each replaces the one before (reported as
`dropped`), so the worker makes just the newest next.

Stopping: `shutdown()` asks the thread's event loop to quit and waits for it; a picture being made
is finished first (TensorFlow cannot be interrupted), queued requests are dropped.
"""

import io
import logging
from collections import OrderedDict
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QThread, Signal, Slot

from icanvas_desktop.drawing.picture import PictureRequest
from icanvas_desktop.generation.jobs import FailureKind, Job, JobQueue, Stage, classify_failure

log = logging.getLogger(__name__)

MAX_LOADED_GENERATORS = 3  # themes kept in memory at once (a compact generator is ~10 MB, the seed's 45)


class GenerationWorker(QObject):
    """Lives on the generation thread. Slots are called through queued signals from the UI thread."""

    # job id, picture PNG, the things to offer (pipeline.offers), a scene's things with theirs
    finished = Signal(int, bytes, object, object)
    failed = Signal(int, str, str)  # job id, FailureKind, message for the log
    progress = Signal(int, str)  # job id, Stage
    dropped = Signal(int)  # a job replaced by a newer one before it started
    themes_found = Signal(object, object)  # list[Theme], list[ThemeError]
    preloaded = Signal(str, bool)  # theme folder, whether its generator loaded
    _run_next = Signal()

    def __init__(self):
        super().__init__()
        self._pending: tuple[int, PictureRequest] | None = None  # the job id and its request
        self._generators: OrderedDict[str, object] = OrderedDict()
        # Queued even though sender and receiver share a thread: the run happens after the
        # requests already waiting have been seen, so only the newest one runs.
        self._run_next.connect(self._run_pending, Qt.ConnectionType.QueuedConnection)

    @Slot(int, object)
    def request(self, job_id: int, request: PictureRequest) -> None:
        if self._pending is not None:
            self.dropped.emit(self._pending[0])
        self._pending = (job_id, request)
        self._run_next.emit()

    @Slot()
    def _run_pending(self) -> None:
        pending, self._pending = self._pending, None
        if pending is not None:
            self._generate(*pending)

    def _generate(self, job: int, request: PictureRequest) -> None:
        from PIL import Image

        from icanvas_desktop.drawing.rasterize import png_bytes, render_hints

        folder = str(request.theme_folder)
        loading = folder not in self._generators
        try:
            if loading:
                self.progress.emit(job, Stage.LOADING)
            generator = self._generator(folder)
            loading = False
            self.progress.emit(job, Stage.DRAWING)
            drawing = request.drawing
            hints = render_hints(drawing, generator.input_size) if drawing.has_crayon else None
            with Image.open(io.BytesIO(request.sketch_png)) as sketch:
                # The guesses here, not on the UI thread: the recogniser is a network too.
                picture, guesses, scene = generator.generate_offering(sketch, request.look, hints,
                                                                      request.thing, request.colouring)
            result = png_bytes(picture)
        except Exception as e:  # every failure becomes a message for the child
            kind = classify_failure(e, loading)
            if kind is not FailureKind.OTHER:
                self._generators.pop(folder, None)
            log.warning("generation job %d in %s failed (%s): %s", job, folder, kind, e,
                        exc_info=kind is FailureKind.OTHER)
            self.failed.emit(job, kind, f"{type(e).__name__}: {e}")
            return
        self.finished.emit(job, result, guesses, scene)

    def _generator(self, theme_folder: str):
        """The theme's generator, loaded (and TensorFlow imported) on first use, then kept."""
        generator = self._generators.get(theme_folder)
        if generator is not None:
            self._generators.move_to_end(theme_folder)
            return generator
        from icanvas_desktop.generation import load_generator
        from icanvas_desktop.generation.pipeline import INFERENCE_THREADS
        from icanvas_desktop.themes import load_theme

        generator = load_generator(load_theme(Path(theme_folder), tflite_only_ok=True),
                                   num_threads=INFERENCE_THREADS)
        self._generators[theme_folder] = generator
        while len(self._generators) > MAX_LOADED_GENERATORS:
            self._generators.popitem(last=False)
        return generator

    @Slot(str)
    def preload(self, theme_folder: str) -> None:
        """Load a theme's generator ahead of time (when the child picks the theme), unless a job waits."""
        if self._pending is not None or theme_folder in self._generators:
            self.preloaded.emit(theme_folder, theme_folder in self._generators)
            return
        try:
            self._generator(theme_folder)
        except Exception as e:  # noqa: BLE001 - reported when the child presses Make it!
            log.warning("could not preload the theme in %s: %s", theme_folder, e)
            self.preloaded.emit(theme_folder, False)
            return
        self.preloaded.emit(theme_folder, True)

    @Slot(str)
    def forget(self, theme_folder: str) -> None:
        """Drop a loaded generator (its theme was replaced in place): the next picture loads the new one."""
        self._generators.pop(theme_folder, None)

    @Slot(object)
    def discover(self, folders: list) -> None:
        from icanvas_desktop.themes.discovery import discover_themes

        try:
            themes, problems = discover_themes(folders)
        except Exception as e:  # no themes is a state the UI shows, not a crash
            log.exception("theme discovery failed")
            from icanvas_desktop.themes import ThemeError

            themes, problems = [], [ThemeError(Path("."), f"discovery failed: {e}")]
        self.themes_found.emit(themes, problems)


class _PythonThread(QThread):
    """A QThread whose event loop runs inside a Python call, so the thread keeps one Python thread state.

    With the default `run()` the loop is C++ and every queued slot call enters Python afresh: Python
    then makes and drops a thread state per call, and thread-local data does not survive from one call
    to the next. TensorFlow keeps its graph-building context in thread-locals, so tracing a model in a
    later call than the one that built it crashed (a segfault in `graph_def_versions`).
    """

    def run(self) -> None:
        self.exec()


class GenerationService(QObject):
    """The UI thread's handle on the worker. Emits only what concerns the newest job."""

    job_finished = Signal(object)  # the Job, DONE, with its picture
    job_failed = Signal(object)  # the Job, FAILED, with its FailureKind
    stage_changed = Signal(object)  # a Stage, or None when idle
    themes_found = Signal(object, object)  # list[Theme], list[ThemeError]
    _request = Signal(int, object)  # job id, PictureRequest
    _preload = Signal(str)
    _discover = Signal(object)
    _forget = Signal(str)

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._thread = _PythonThread()
        self._thread.setObjectName("icanvas-generation")
        self.worker = GenerationWorker()
        self.worker.moveToThread(self._thread)
        self._request.connect(self.worker.request)
        self._preload.connect(self.worker.preload)
        self._discover.connect(self.worker.discover)
        self._forget.connect(self.worker.forget)
        self.worker.finished.connect(self._on_finished)
        self.worker.failed.connect(self._on_failed)
        self.worker.progress.connect(self._on_progress)
        self.worker.dropped.connect(lambda job_id: self.jobs.dropped(job_id))
        self.worker.themes_found.connect(self.themes_found)
        self.jobs = JobQueue()
        self._running = True
        self._thread.start()

    @property
    def busy(self) -> bool:
        return self.jobs.busy

    def submit(self, request: PictureRequest) -> Job:
        """Ask for the picture `request` describes; a newer request makes this one stale."""
        job = self.jobs.add(request)
        self.stage_changed.emit(Stage.WAITING)
        self._request.emit(job.id, request)
        return job

    def cancel(self) -> None:
        """Forget the job in flight: its answer will be dropped (a new drawing was started)."""
        if self.jobs.busy:
            self.jobs.cancel()
            self.stage_changed.emit(None)

    def preload(self, theme_folder: Path) -> None:
        self._preload.emit(str(theme_folder))

    def discover(self, folders: list[Path]) -> None:
        self._discover.emit(list(folders))

    def forget(self, theme_folder: Path) -> None:
        self._forget.emit(str(theme_folder))

    def _on_finished(self, job_id: int, picture_png: bytes, guesses: tuple[str, ...], scene: tuple) -> None:
        job = self.jobs.finished(job_id, picture_png, guesses, scene)
        if job is not None:
            self.stage_changed.emit(None)
            self.job_finished.emit(job)

    def _on_failed(self, job_id: int, kind: str, message: str) -> None:
        job = self.jobs.failed(job_id, FailureKind(kind))
        if job is not None:
            self.stage_changed.emit(None)
            self.job_failed.emit(job)

    def _on_progress(self, job_id: int, stage: str) -> None:
        if self.jobs.progress(job_id, Stage(stage)) is not None:
            self.stage_changed.emit(Stage(stage))

    def shutdown(self) -> None:
        """Stop the thread and wait for it (a picture being made is finished first). Safe to call twice."""
        if not self._running:
            return
        self._running = False
        self.jobs.cancel()
        self._thread.quit()
        self._thread.wait()
        self.worker = None  # deleted here, in the thread that now owns nothing running
