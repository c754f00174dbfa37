"""The one way the UI runs slow plain-Python work: on a worker thread, with the answer back on the UI thread.

    background.run(lambda: session.save_creation(picture), on_done=show_stars, on_error=say_sorry)

Saving, reading the gallery and its thumbnails, deleting, exporting, opening a child's profile and
installing a theme all go through here, so that none of them freezes the window (a busy
database may wait up to 10 s). Picture making has a worker of its own (generation_worker.py), and so do
drafts (draft_keeper.py), so that none of this ever delays a picture or a draft.

The work runs on one thread, in the order it was asked for: a save and the gallery listing after it
see the database in that order. `op` must not touch a widget; the
callbacks run on the UI thread and may. `wait()` lets the work asked for so far finish, e.g. before the
child's session is closed; `idle` says whether everything asked for has run and been answered.
"""

import logging
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any

from PySide6.QtCore import QObject, Signal, Slot

log = logging.getLogger(__name__)


class Background(QObject):
    # Emitted on the worker thread; Qt queues it to this object's (the UI) thread.
    _answered = Signal(object, object)  # the callback (or None), its argument

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="icanvas-background")
        self._answered.connect(self._deliver)
        self._closed = False
        self._unanswered = 0

    def run(
        self,
        op: Callable[[], Any],
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
    ) -> Future:
        """Run `op()` on the worker thread; then `on_done(result)` or `on_error(exception)` on the UI thread.

        An error with no `on_error` is logged. Once closed, nothing more runs.
        """
        if self._closed:
            raise RuntimeError("the background worker is closed")

        def work():
            try:
                result = op()
            except Exception as error:  # every failure goes to the UI, which says it kindly
                if on_error is None:
                    log.error("background work failed", exc_info=error)
                self._answered.emit(on_error, error)
                raise
            self._answered.emit(on_done, result)
            return result

        self._unanswered += 1
        return self._executor.submit(work)

    @property
    def idle(self) -> bool:
        return self._unanswered == 0

    @Slot(object, object)
    def _deliver(self, callback: Callable[[Any], None] | None, value: Any) -> None:
        self._unanswered -= 1
        if callback is not None:
            callback(value)

    def wait(self) -> None:
        """Block until the work asked for so far has run (its callbacks come later, from the event loop)."""
        if not self._closed:
            self._executor.submit(lambda: None).result()

    def close(self) -> None:
        """Finish the work asked for, then stop the thread. Safe to call twice."""
        if not self._closed:
            self._closed = True
            self._executor.shutdown(wait=True)
