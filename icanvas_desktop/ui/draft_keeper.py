"""Keeping what is on the drawing screen as the child's draft (icanvas_desktop.drawing.draft).

A moment after a change, not after every change, the screen's draft is written to the child's draft
file; at once when the child changes or a creation is reopened. The screen says what its draft is
(`take`) and whose draft file it goes to (`follow`); this part decides when, and writes it off the UI
thread.

The promise: a crash loses at most the last 2 s of drawing. A stroke is taken into the draft at most
DRAFT_DELAY_MS after it ends, and the write that follows has the rest of the 2 s. Drafts are written on a
thread of their own, never queued behind the window's other work (a save, an export of a large copy, a
theme being installed, a long gallery being read), which under load took seconds and let a kill lose
strokes shown for 3 s. benchmarks/draft_write.py measures how long one write takes under disk load.
"""

import logging
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from functools import partial

from PySide6.QtCore import QObject, QTimer

from icanvas_desktop.drawing.draft import Draft, DraftFile

log = logging.getLogger(__name__)

# The draft is taken this long after a change (not after every change), leaving the write the rest of
# LOSS_BOUND_MS: a crash loses at most that much drawing.
DRAFT_DELAY_MS = 1000
LOSS_BOUND_MS = 2000


def _write_draft(drafts: DraftFile, draft: Draft) -> None:
    try:
        drafts.save(draft)
    except OSError:  # a full disk: the drawing is still on the screen, and the next change tries again
        log.exception("could not keep the draft in %s", drafts.path)


class DraftKeeper(QObject):
    def __init__(self, take: Callable[[], Draft], parent: QObject | None = None):
        super().__init__(parent)
        self._take = take
        # One thread, so drafts land in the order they were taken; only drafts, so nothing delays them.
        self._writer = ThreadPoolExecutor(max_workers=1, thread_name_prefix="icanvas-drafts")
        self._drafts: DraftFile | None = None  # the drawing child's; None while nobody draws
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DRAFT_DELAY_MS)
        # Off the UI thread, so that writing a draft (with its picture, and an fsync) never makes the pen
        # stutter.
        self._timer.timeout.connect(lambda: self.keep(wait=False))

    def follow(self, drafts: DraftFile | None) -> None:
        """Keep the drafts of another child from now on (None: nobody draws)."""
        self._drafts = drafts

    def keep(self, wait: bool = True) -> None:
        """Write the draft now (the timer does it, without waiting, a moment after each change)."""
        self._timer.stop()
        if self._drafts is None:
            return
        written = self._writer.submit(partial(_write_draft, self._drafts, self._take()))
        if wait:
            written.result()

    def changed(self) -> None:
        if self._drafts is not None and not self._timer.isActive():
            self._timer.start()  # not restarted by later changes: a long drawing session is kept too

    def written(self) -> None:
        """What is on the screen is already in the draft file (it was just put back): nothing to write."""
        self._timer.stop()
