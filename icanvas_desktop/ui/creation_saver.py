"""Saving the drawing screen's creation: in the background, one save at a time, and what the child is told.

The save runs `ChildSession.save_creation` through the window's one background thread (files, then the
index row and stars in one transaction, see profiles/session.py); the answer names the session it was
started for, because the child may have changed while it ran and their stars must not show for another.
"""

import logging
from functools import partial

from PySide6.QtCore import QObject, Signal

from icanvas_desktop.drawing.picture import Picture
from icanvas_desktop.profiles.session import ChildSession, SaveResult
from icanvas_desktop.rewards.rules import Challenge
from icanvas_desktop.ui.background import Background
from icanvas_desktop.words.i18n import badge_name, rule_text, tr

log = logging.getLogger(__name__)


def words_after_save(result: SaveResult, language: str) -> str | None:
    """Why a saved creation earned no star, the one thing said under the papers after a save (stars earned
    are celebrated by the window)."""
    if result.already_saved:
        key = "saved_already"
    elif result.no_stars is not None:
        key = "saved"
    else:
        return None
    return f"{tr(key, language)} {rule_text(result.no_stars, language)}"


def celebration_words(result: SaveResult, language: str) -> tuple[str, list[str]] | None:
    """The title and lines the window celebrates a save's stars with (each rule, a new level, a new
    badge); None when it earned none."""
    if not result.awards:
        return None
    n = result.stars_earned
    lines = [f"{rule_text(a.reason, language)}  +{a.amount} ★" for a in result.awards]
    if result.level_up:
        lines.append(tr("level_up", language, n=result.stars.level.number))
    lines += [tr("new_badge", language, name=badge_name(b, language)) for b in result.new_badges]
    return (tr("star_earned", language) if n == 1 else tr("stars_earned", language, n=n)), lines


class CreationSaver(QObject):
    saved = Signal(object, object)  # the session it was saved for, SaveResult
    failed = Signal(object)  # the session it was for; the error is in the log

    def __init__(self, background: Background, parent: QObject | None = None):
        super().__init__(parent)
        self._background = background
        self._saving: ChildSession | None = None  # the session a save is under way for

    @property
    def saving(self) -> bool:
        return self._saving is not None

    def save(self, session: ChildSession, picture: Picture, challenge: Challenge | None) -> None:
        """Save `picture` (the drawing it was made from, its sketch and itself) for `session`; `saved` or
        `failed` tells how it went."""
        self._saving = session
        self._background.run(
            partial(session.save_creation, picture, challenge),
            on_done=lambda result: self._saved(session, result),
            on_error=lambda error: self._failed(session, error))

    def _saved(self, session: ChildSession, result: SaveResult) -> None:
        self._saving = None
        self.saved.emit(session, result)

    def _failed(self, session: ChildSession, error: BaseException) -> None:
        self._saving = None
        log.error("saving a creation failed", exc_info=error)
        self.failed.emit(session)
