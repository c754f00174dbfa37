"""A PySide6 build that loses references to None aborts the app mid-drawing on Python 3.11."""

import sys

import pytest
from PySide6.QtCore import QPointF
from PySide6.QtGui import QColor, QPainterPath


# From 3.12 on None is immortal (PEP 683): its count never changes, so a lost reference can neither abort
# the app nor be seen here.
@pytest.mark.skipif(sys.version_info >= (3, 12), reason="None is immortal from Python 3.12 (PEP 683)")
def test_qt_calls_that_return_nothing_keep_none_alive():
    point, colour, path = QPointF(), QColor(), QPainterPath()
    before = sys.getrefcount(None)
    for _ in range(200):  # few enough that a leaking build fails here instead of aborting the run
        point.setX(1.0)
        colour.setAlpha(3)
        path.lineTo(point)
    assert sys.getrefcount(None) >= before
