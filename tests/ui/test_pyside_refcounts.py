"""A PySide6 build that loses references to None aborts the app mid-drawing on Python 3.11."""

import sys

from PySide6.QtCore import QPointF
from PySide6.QtGui import QColor, QPainterPath


def test_qt_calls_that_return_nothing_keep_none_alive():
    point, colour, path = QPointF(), QColor(), QPainterPath()
    before = sys.getrefcount(None)
    for _ in range(200):  # few enough that a leaking build fails here instead of aborting the run
        point.setX(1.0)
        colour.setAlpha(3)
        path.lineTo(point)
    assert sys.getrefcount(None) >= before
