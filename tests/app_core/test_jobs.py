"""The rule that only the newest picture job matters, on one thread, with no worker at all."""

from pathlib import Path

from factories import scribble

from icanvas_desktop.drawing.picture import Picture, PictureRequest
from icanvas_desktop.drawing.strokes import Drawing
from icanvas_desktop.generation.jobs import FailureKind, JobQueue, JobState, Stage
from icanvas_desktop.look import Look

THEME = Path("themes/animals")


def request(sketch: bytes = b"sketch", drawing: Drawing | None = None) -> PictureRequest:
    return PictureRequest(THEME, "animals", drawing or Drawing(), sketch, Look.CLEAN)


def test_a_job_answered_while_it_is_the_newest_is_done():
    queue = JobQueue()
    job = queue.add(request(b"sketch", scribble(1)))
    assert queue.busy and job.state is JobState.QUEUED and job.stage is Stage.WAITING
    assert queue.progress(job.id, Stage.DRAWING) is job and job.state is JobState.RUNNING
    assert queue.finished(job.id, b"picture") is job
    assert job.state is JobState.DONE and job.picture_png == b"picture" and not queue.busy
    assert job.picture == Picture(scribble(1), b"sketch", b"picture", "animals", Look.CLEAN)


def test_a_newer_job_makes_the_older_ones_stale_whatever_order_the_answers_come_in():
    queue = JobQueue()
    first, second, third = (queue.add(request(bytes([n]))) for n in range(3))
    queue.dropped(second.id)  # the worker skipped it for the third
    assert queue.progress(first.id, Stage.DRAWING) is None  # stale: no stage shown for it
    assert queue.finished(third.id, b"newest") is third
    assert queue.finished(first.id, b"late") is None  # the answer of a job that was already running
    assert [j.state for j in (first, second, third)] == [JobState.DROPPED, JobState.DROPPED, JobState.DONE]
    assert first.picture_png is None and not queue.busy


def test_cancel_drops_the_job_in_flight_and_leaves_the_queue_idle():
    queue = JobQueue()
    job = queue.add(request())
    queue.cancel()
    assert not queue.busy
    assert queue.finished(job.id, b"picture") is None and job.state is JobState.DROPPED
    after = queue.add(request(b"again"))
    assert after.id > job.id and queue.failed(after.id, FailureKind.MEMORY) is after
    assert after.state is JobState.FAILED and after.failure is FailureKind.MEMORY and not queue.busy


def test_an_answer_for_a_job_never_asked_for_is_ignored():
    queue = JobQueue()
    job = queue.add(request())
    assert queue.finished(job.id + 7, b"?") is None and queue.failed(job.id + 8, FailureKind.OTHER) is None
    assert queue.latest is job and job.state is JobState.QUEUED
