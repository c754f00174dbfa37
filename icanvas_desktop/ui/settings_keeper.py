"""The window's settings as the child and the adult change them: in effect at once, saved in the background.

The account's choices (language, sound, live mode, the last child) and each child's own look go to their
settings files through the window's one background helper (ui/background.py), in the order they were made;
a file that cannot be written leaves the choice in effect until the app closes, and the child is told.
"""

import logging
from functools import partial

from PySide6.QtCore import QObject, Signal

from icanvas_desktop.look import Look
from icanvas_desktop.profiles.session import ChildSession
from icanvas_desktop.settings.effective import EffectiveSettings, SettingLocked
from icanvas_desktop.settings.system import SystemSettings
from icanvas_desktop.ui.background import Background

log = logging.getLogger(__name__)


class SettingsKeeper(QObject):
    changed = Signal(object)  # the Settings now in effect
    not_saved = Signal()  # a settings file could not be written (the adult finds which in the log)

    def __init__(self, effective: EffectiveSettings, background: Background, parent: QObject | None = None):
        super().__init__(parent)
        self.effective = effective
        self._background = background

    def change(self, **changes) -> None:
        try:
            choices = self.effective.choose(**changes)
        except SettingLocked as e:  # the locked controls are greyed out; `changed` puts them back
            log.warning("%s", e)
        else:
            self._background.run(partial(self.effective.user.save_choices, choices),
                                 on_error=partial(self._failed, self.effective.user.path))
        self.changed.emit(self.effective.current)

    def system_changed(self, system: SystemSettings) -> None:
        """The administrator's settings were changed in the grown-ups' corner: they hold from now on."""
        self.effective.system = system
        self.changed.emit(self.effective.current)

    def choose_child_look(self, session: ChildSession | None, look: Look) -> None:
        """Kept in the child's own settings (of `session`, if a child is drawing), so that it is theirs the
        next time they draw."""
        if session is not None:
            self._background.run(partial(self.effective.choose_child_look, session.settings, look),
                                 on_error=partial(self._failed, session.settings.path))

    def _failed(self, path, error: BaseException) -> None:
        if isinstance(error, SettingLocked):  # greyed out when locked: a bug, not a child's doing
            log.warning("%s", error)
            return
        log.error("could not save the settings to %s", path, exc_info=error)
        self.not_saved.emit()
