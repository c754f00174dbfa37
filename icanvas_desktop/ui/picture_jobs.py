"""The drawing screen's picture requests: what it asks the generation service for, and what comes back.

Each request renders the drawing as the generator sees it (the pen's strokes; the crayons' as a hint
layer) and carries a copy of the drawing as it was, so that "Save" knows which sketch the picture was
made from. Two requests wait on a picture: Save, when the picture on show was older than the drawing,
and live mode, which asks for a picture of the newest drawing whenever none is being made, so that
stale sketches never queue. The screen decides what to ask for and what to say; this part keeps
which job each of them is waiting on.
"""

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal

from icanvas_desktop.drawing.rasterize import GrowingSketch, png_bytes, render_hints
from icanvas_desktop.drawing.strokes import Drawing
from icanvas_desktop.generation.jobs import Job
from icanvas_desktop.themes.theme import Theme
from icanvas_desktop.ui.generation_worker import GenerationService


class PictureJobs(QObject):
    made = Signal(object, bool)  # the Job, and whether Save was waiting for its picture
    failed = Signal(object)  # the Job
    live_due = Signal()  # live mode: the drawing changed while the last picture was made; ask again

    def __init__(self, service: GenerationService, parent: QObject | None = None):
        super().__init__(parent)
        self.service = service
        self._sketches = GrowingSketch()  # live mode asks many times a second; only new strokes are drawn
        self._save_when_made: Job | None = None  # the job whose picture Save is waiting for
        self._live_waiting = False  # live mode: the drawing changed while a picture was being made
        service.job_finished.connect(self._finished)
        service.job_failed.connect(self._failed)

    def ask(self, theme: Theme, drawing: Drawing, look: str) -> Job:
        sketch_png = png_bytes(self._sketches.render(drawing, theme.input_size))
        hints_png = png_bytes(render_hints(drawing, theme.input_size)) if drawing.has_crayon else None
        return self.service.submit(theme.folder, sketch_png, Drawing(drawing.strokes), theme.id, look,
                                   hints_png)

    def ask_to_save(self, theme: Theme, drawing: Drawing, look: str) -> None:
        """Ask for a picture that Save waits for (`made` says so when it comes)."""
        self._save_when_made = self.ask(theme, drawing, look)

    def ask_live(self, theme: Theme, live_drawing: Callable[[], Drawing], look: str) -> None:
        """A picture of the drawing as it is, the stroke being drawn included. While one is being made,
        `live_due` asks for the newest drawing the moment it is done, so the picture follows the pen as
        fast as the generator can go and no stale sketch ever waits in line."""
        if self.service.busy:
            self._live_waiting = True
            return
        self._live_waiting = False
        drawing = live_drawing()
        if not drawing.is_empty:
            self.ask(theme, drawing, look)

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
