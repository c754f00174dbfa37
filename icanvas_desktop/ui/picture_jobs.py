"""The drawing screen's picture requests: which job each of its waits is waiting on.

The screen's model (profiles/drawing_model.py) says what to ask for, as a `PictureRequest`; this part hands
it to the generation service and keeps which job each wait is for. Two wait on a picture: Save, when the
picture on show was older than the drawing, and live mode, which asks for a picture of the newest drawing
whenever none is being made, so that stale sketches never queue.
"""

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal

from icanvas_desktop.drawing.picture import PictureRequest
from icanvas_desktop.generation.jobs import Job
from icanvas_desktop.ui.generation_worker import GenerationService


class PictureJobs(QObject):
    made = Signal(object, bool)  # the Job, and whether Save was waiting for its picture
    failed = Signal(object)  # the Job
    live_due = Signal()  # live mode: the drawing changed while the last picture was made; ask again

    def __init__(self, service: GenerationService, parent: QObject | None = None):
        super().__init__(parent)
        self.service = service
        self._save_when_made: Job | None = None  # the job whose picture Save is waiting for
        self._live_waiting = False  # live mode: the drawing changed while a picture was being made
        service.job_finished.connect(self._finished)
        service.job_failed.connect(self._failed)

    def ask(self, request: PictureRequest) -> Job:
        return self.service.submit(request)

    def ask_to_save(self, request: PictureRequest) -> None:
        """Ask for a picture that Save waits for (`made` says so when it comes)."""
        self._save_when_made = self.ask(request)

    def ask_live(self, live_request: Callable[[], PictureRequest | None]) -> None:
        """A picture of the drawing as it is, the stroke being drawn included. While one is being made,
        `live_due` asks for the newest drawing the moment it is done, so the picture follows the pen as
        fast as the generator can go and no stale sketch ever waits in line."""
        if self.service.busy:
            self._live_waiting = True
            return
        self._live_waiting = False
        request = live_request()
        if request is not None:
            self.ask(request)

    def forget_live(self) -> None:
        """Live mode was switched on or off: a drawing that changed while a picture was made is not asked
        for again (switched on, the screen asks for the drawing as it is)."""
        self._live_waiting = False

    def forget(self) -> None:
        """The picture on show is the one to show: nothing asked for so far may replace it."""
        self.service.cancel()
        self._save_when_made = None
        self._live_waiting = False

    def _finished(self, job: Job) -> None:
        # A newer job than the one Save waits for replaced it: its picture is newer still.
        saves = self._save_when_made is not None and job.id >= self._save_when_made.id
        if saves:
            self._save_when_made = None
        self.made.emit(job, saves)
        if self._live_waiting:
            # On the next turn of the event loop: showing this picture and drawing the next sketch are
            # each a few milliseconds, and the pen's events get their turn between them.
            QTimer.singleShot(0, self, self.live_due.emit)

    def _failed(self, job: Job) -> None:
        self._save_when_made = None
        self._live_waiting = False  # asking again at once would fail the same way
        self.failed.emit(job)
