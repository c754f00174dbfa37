"""Simulated input for the canvas, and probes of the rendered sketch."""

import itertools

import numpy as np
from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from icanvas_desktop.drawing.rasterize import render_sketch


def mouse_stroke(canvas, points: list[tuple[float, float]], steps: int = 12) -> None:
    """Press, drag through `points` (fractions of the paper) and release, as a mouse would."""
    pixels = [canvas.to_widget(x, y) for x, y in points]
    QTest.mousePress(canvas, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, pixels[0].toPoint())
    for a, b in itertools.pairwise(pixels):
        for i in range(1, steps + 1):
            p = a + (b - a) * (i / steps)
            event = QMouseEvent(QEvent.Type.MouseMove, p, QPointF(canvas.mapToGlobal(p)),
                                Qt.MouseButton.NoButton, Qt.MouseButton.LeftButton,
                                Qt.KeyboardModifier.NoModifier)
            QApplication.sendEvent(canvas, event)
    QTest.mouseRelease(canvas, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                       pixels[-1].toPoint())


def sketch_array(drawing, size: int = 64) -> np.ndarray:
    return np.asarray(render_sketch(drawing, size), dtype=np.float32)


def darkness_at(sketch: np.ndarray, x: float, y: float, radius: int = 1) -> float:
    """Darkest value (0 ink .. 255 paper) near the fractional position (x, y)."""
    size = sketch.shape[0]
    cx, cy = int(x * size), int(y * size)
    patch = sketch[max(cy - radius, 0):cy + radius + 1, max(cx - radius, 0):cx + radius + 1]
    return float(patch.min())


def line_width_px(sketch: np.ndarray, column: float) -> int:
    """How many rows of a column are inked (a horizontal line's thickness)."""
    x = int(column * sketch.shape[1])
    return int((sketch[:, x] < 128).sum())


def settle(widget) -> None:
    """Let the background work a window or screen asked for run, and its answers arrive (and any they ask
    for)."""
    background = widget.background
    for _ in range(50):
        background.wait()
        QApplication.processEvents()
        if background.idle:
            return
    raise AssertionError("background work kept coming")


# Run in a fresh process: `icanvas` up to its shown window (the event loop skipped), then closed.
OPEN_THE_WINDOW = (
    "from PySide6.QtWidgets import QApplication\n"
    "QApplication.exec = lambda self=None: 0\n"
    "import icanvas_desktop.__main__ as entry\n"
    "assert entry.main([]) == 0\n"
    "win = [w for w in QApplication.topLevelWidgets() if w.objectName() == 'mainWindow'][0]\n"
    "assert win.isVisible()\n"
    "win.close()\n"
)
