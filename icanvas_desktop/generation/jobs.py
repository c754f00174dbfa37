"""Picture jobs and the rule that only the newest one matters, without Qt, so it is tested on one thread.

A child asks for pictures faster than they can be made (live mode asks at every pen move). The rule:

- a new job makes every older one stale: an older job's answer, when it comes, is dropped, never shown;
- the worker makes only its newest waiting request (it reports the ones it skipped as dropped);
- `cancel()` (a new drawing, another child) makes the newest stale too, and the queue idle.

A `PictureRequest` (drawing/picture.py) is what is asked for, a frozen value that crosses to the worker
thread as it is; a `Job` is one request's life in the queue. The generation service
(ui/generation_worker.py) feeds the worker's answers in here and passes on only the jobs this returns.

    queue = JobQueue()
    job = queue.add(PictureRequest(theme_folder, "animals", drawing, sketch_png, Look.CLEAN))
    queue.progress(job.id, Stage.DRAWING)    # the job, or None when it is stale
    queue.finished(job.id, picture_png)      # the job, now DONE, or None when it is stale (and DROPPED)
    job.picture                              # the Picture, with exactly what it was made from
"""

from dataclasses import dataclass
from enum import StrEnum

from icanvas_desktop.drawing.picture import Picture, PictureRequest, SceneThing


class JobState(StrEnum):
    QUEUED = "queued"
    RUNNING = "running"
    DONE = "done"
    DROPPED = "dropped"  # replaced by a newer job, or cancelled: its picture is never shown
    FAILED = "failed"


class FailureKind(StrEnum):
    THEME = "theme"  # the theme is missing or broken
    MEMORY = "memory"  # out of memory
    OTHER = "other"  # anything else


class Stage(StrEnum):
    WAITING = "waiting"  # queued behind another job
    LOADING = "loading"  # loading the theme's generator (and TensorFlow, the first time)
    DRAWING = "drawing"  # running the generator


def classify_failure(error: BaseException, while_loading: bool) -> FailureKind:
    # TensorFlow's out-of-memory error is matched by name, so that this module never imports TensorFlow.
    if isinstance(error, MemoryError) or type(error).__name__ == "ResourceExhaustedError":
        return FailureKind.MEMORY
    return FailureKind.THEME if while_loading else FailureKind.OTHER


@dataclass(eq=False)
class Job:
    """One request in the queue: its state, and its picture once made."""

    id: int
    request: PictureRequest
    state: JobState = JobState.QUEUED
    stage: Stage = Stage.WAITING
    picture_png: bytes | None = None  # when DONE
    guesses: tuple[str, ...] = ()  # when DONE: what the child may have drawn (drawing/picture.Picture)
    scene: tuple[SceneThing, ...] = ()  # when DONE: a scene's things, for each what it may be
    failure: FailureKind | None = None  # when FAILED

    @property
    def picture(self) -> Picture:
        """The picture made (the job is DONE) with what it was made from."""
        if self.picture_png is None:
            raise ValueError(f"job {self.id} has no picture ({self.state})")
        return self.request.made(self.picture_png, self.guesses, self.scene)


class JobQueue:
    def __init__(self):
        self._next_id = 0
        self._open: dict[int, Job] = {}  # jobs handed to the worker and not answered yet
        self.latest: Job | None = None  # the newest job, while it is still wanted

    @property
    def busy(self) -> bool:
        return self.latest is not None

    def add(self, request: PictureRequest) -> Job:
        self._next_id += 1
        job = Job(self._next_id, request)
        self._open[job.id] = job
        self.latest = job
        return job

    def cancel(self) -> None:
        """Nothing asked for so far is wanted any more."""
        self.latest = None

    def progress(self, job_id: int, stage: Stage) -> Job | None:
        job = self._wanted(job_id)
        if job is not None:
            job.state, job.stage = JobState.RUNNING, stage
        return job

    def dropped(self, job_id: int) -> None:
        """The worker skipped this job for a newer one."""
        job = self._open.pop(job_id, None)
        if job is not None:
            job.state = JobState.DROPPED

    def finished(self, job_id: int, picture_png: bytes, guesses: tuple[str, ...] = (),
                 scene: tuple[SceneThing, ...] = ()) -> Job | None:
        job = self._answered(job_id)
        if job is not None:
            job.state, job.picture_png, job.guesses = JobState.DONE, picture_png, tuple(guesses)
            job.scene = tuple(scene)
        return job

    def failed(self, job_id: int, kind: FailureKind) -> Job | None:
        job = self._answered(job_id)
        if job is not None:
            job.state, job.failure = JobState.FAILED, FailureKind(kind)
        return job

    def _wanted(self, job_id: int) -> Job | None:
        return self.latest if self.latest is not None and self.latest.id == job_id else None

    def _answered(self, job_id: int) -> Job | None:
        """The job answered, if it is the one wanted (and the queue is idle again); stale ones are dropped."""
        job = self._open.pop(job_id, None)
        if job is None:
            return None
        if job is not self.latest:
            job.state = JobState.DROPPED
            return None
        self.latest = None
        return job
