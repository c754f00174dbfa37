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
        self._adult_leaving = False
        self._leave = QAction(window)
        self._leave.setShortcut(QKeySequence(KIOSK_EXIT_KEYS))
        self._leave.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self._leave.triggered.connect(self.leave)
        window.addAction(self._leave)
        self.on = False
        self.turn(on)

    def turn(self, on: bool) -> None:
        """Kiosk mode on or off, at once (the grown-ups' corner changes it while the app runs)."""
        if on != self.on:
            state = self._window.windowState()
            full = Qt.WindowState.WindowFullScreen
            self._window.setWindowState(state | full if on else state & ~full)
        self.on = on
        self._leave.setEnabled(on)  # without kiosk mode the chord does nothing: the window closes as usual

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
