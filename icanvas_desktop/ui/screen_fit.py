"""The window's size and place on the screen: all of it, title bar included, inside the screen's free area.

A 1280×800 window on a 1280×800 screen would put its title bar and the bottom of the drawing screen (where
the kind messages are) off the screen, and a panel or dock takes more. So the window takes the preferred
size only where the screen's available area has room for it and its frame, and is centred there.

The frame is only known once the window system has put it round the shown window; until then a typical
title bar and border are assumed, and the window is fitted once more with the real frame right after it
first appears.
"""

from PySide6.QtCore import QEvent, QMargins, QObject, QRect, QSize, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

WINDOW_SIZE = QSize(1280, 800)  # inside the frame, where the screen has room
MINIMUM_SIZE = QSize(980, 660)  # nothing is cut off down to this size (tests/ui/test_layout.py)
FRAME_GUESS = QMargins(8, 40, 8, 8)  # until the window system says: a title bar and thin borders


def window_geometry(available: QRect, frame: QMargins) -> QRect:
    """Where the inside of the window goes so that it and its `frame` fit in `available`, centred: the
    preferred size where there is room, smaller (down to what the screen allows) where there is not."""
    room = available.size().shrunkBy(frame)
    size = WINDOW_SIZE.boundedTo(room)
    outer = size.grownBy(frame)
    left = available.x() + (available.width() - outer.width()) // 2
    top = available.y() + (available.height() - outer.height()) // 2
    return QRect(left + frame.left(), top + frame.top(), size.width(), size.height())


def fit_to_screen(window: QWidget, available: QRect | None = None) -> None:
    """Size and place `window` inside `available` (its screen's available geometry unless given), with
    the minimum size lowered only on a screen too small for it; fitted again once the real frame is known."""
    if available is None:
        screen = window.screen() or QGuiApplication.primaryScreen()
        available = screen.availableGeometry()
    frame = _frame(window)
    window.setMinimumSize(MINIMUM_SIZE.boundedTo(available.size().shrunkBy(frame)))
    inside = window_geometry(available, frame)
    window.resize(inside.size())
    window.move(inside.x() - frame.left(), inside.y() - frame.top())  # a window's position is its frame's
    if frame == FRAME_GUESS and not window.isVisible():
        window.installEventFilter(_FitWhenFramed(window, available, inside.size()))


def _frame(window: QWidget) -> QMargins:
    outer, inner = window.frameGeometry(), window.geometry()
    if outer == inner:  # not framed yet
        return FRAME_GUESS
    return QMargins(inner.left() - outer.left(), inner.top() - outer.top(), outer.right() - inner.right(),
                    outer.bottom() - inner.bottom())


class _FitWhenFramed(QObject):
    """Fits the window again just after it is first shown, when its frame has come, unless it has been
    sized otherwise in the meantime (by the window system, the user or a script)."""

    def __init__(self, window: QWidget, available: QRect, size: QSize):
        super().__init__(window)
        self._available = available
        self._size = size

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Show:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, watched, lambda: self._fit(watched))
        return False

    def _fit(self, window: QWidget) -> None:
        if window.size() == self._size and not window.isFullScreen() and _frame(window) != FRAME_GUESS:
            fit_to_screen(window, self._available)
        self.deleteLater()
