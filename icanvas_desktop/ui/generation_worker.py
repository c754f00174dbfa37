"""The one background worker: owns the loaded generators and turns sketches into pictures off the UI thread."""

import io
import threading

from PySide6.QtCore import QObject, QThread, Signal, Slot


class GenerationWorker(QObject):
    """Requests in, results out, only through signals. TensorFlow is imported here, on the worker thread."""

    finished = Signal(int, bytes)  # job id, picture PNG
    failed = Signal(int, str)  # job id, kind: "theme" | "memory" | "other"
    _requested = Signal()

    def __init__(self):
        super().__init__()
        self._generators = {}
        self._pending = None  # only the newest request waits; older ones are dropped
        self._lock = threading.Lock()
        self._requested.connect(self._work)

    def request(self, job_id: int, theme, sketch_png: bytes) -> None:
        """Called from the UI thread; replaces any request the worker has not started yet."""
        with self._lock:
            self._pending = (job_id, theme, sketch_png)
        self._requested.emit()

    @Slot()
    def _work(self) -> None:
        with self._lock:
            job, self._pending = self._pending, None
        if job is None:
            return
        job_id, theme, sketch_png = job
        from PIL import Image

        from icanvas_desktop.generation import load_generator
        from icanvas_desktop.themes import ThemeError

        try:

            generator = self._generators.get(theme.folder)
            if generator is None:
                generator = self._generators[theme.folder] = load_generator(theme)
            picture = generator.generate(Image.open(io.BytesIO(sketch_png)))
            out = io.BytesIO()
            picture.save(out, "PNG")
            self.finished.emit(job_id, out.getvalue())
        except MemoryError:
            self.failed.emit(job_id, "memory")
        except (ThemeError, OSError, ValueError):
            self.failed.emit(job_id, "theme")
        except Exception:  # noqa: BLE001 - any failure becomes a kind message; the child keeps drawing
            self.failed.emit(job_id, "other")


def start_worker(parent: QObject) -> tuple[GenerationWorker, QThread]:
    thread = QThread(parent)
    worker = GenerationWorker()
    worker.moveToThread(thread)
    thread.finished.connect(worker.deleteLater)
    thread.start()
    return worker, thread
