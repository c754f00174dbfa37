"""Kiosk mode for school labs (docs/school_labs.md): the window fills the screen and ignores every way to
close it (Alt+F4 and the like) except the adult's key chord."""

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget

# Four keys at once: a child pressing keys at random will not hit it, an adult can (docs/school_labs.md).
KIOSK_EXIT_KEYS = "Ctrl+Alt+Shift+Q"


class Kiosk(QObject):
    def __init__(self, window: QWidget, on: bool):
        super().__init__(window)
        self._window = window
        self.on = on
        self._adult_leaving = False
        if on:
            window.setWindowState(Qt.WindowState.WindowFullScreen)
            leave = QAction(window)
            leave.setShortcut(QKeySequence(KIOSK_EXIT_KEYS))
            leave.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            leave.triggered.connect(self.leave)
            window.addAction(leave)

    def __bool__(self) -> bool:
        return self.on

    @property
    def keeps_open(self) -> bool:
        """Whether a request to close the window is to be ignored."""
        return self.on and not self._adult_leaving

    def leave(self) -> None:
        """The adult's way out (KIOSK_EXIT_KEYS): closes the window, and so the app."""
        self._adult_leaving = True
        self._window.close()
