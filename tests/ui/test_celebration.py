"""The star burst after a save: Escape closes it, and the tap that closes it still does what it was for."""

from conftest import open_child
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest


def celebrating(make_window, tmp_path):
    window = make_window([tmp_path / "no-themes"])
    open_child(window)
    window.celebration.celebrate("+6 stars!", ["A new drawing  +5 ★"], "Yay!", stars=6)
    assert window.celebration.isVisible() and window.celebration.card.isVisible()
    return window


def in_window(window, widget, point: QPoint | None = None) -> QPoint:
    """Where `widget` (its middle, or `point` in it) is in the window, for events the window must route."""
    return widget.mapTo(window, point if point is not None else widget.rect().center())


def test_escape_closes_the_celebration(make_window, tmp_path):
    window = celebrating(make_window, tmp_path)
    QTest.keyClick(window.windowHandle(), Qt.Key.Key_Escape)
    assert not window.celebration.isVisible() and not window.celebration.card.isVisible()


def test_a_tap_on_a_button_closes_the_celebration_and_presses_the_button(make_window, tmp_path):
    window = celebrating(make_window, tmp_path)
    QTest.mouseClick(window.windowHandle(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     in_window(window, window.top_bar.gallery_button))
    assert not window.celebration.isVisible() and window.current_screen == "gallery"


def test_a_stroke_started_under_the_celebration_is_drawn(make_window, tmp_path):
    window = celebrating(make_window, tmp_path)
    canvas = window.drawing_screen.canvas
    handle = window.windowHandle()
    start, end = canvas.to_widget(0.2, 0.8).toPoint(), canvas.to_widget(0.8, 0.8).toPoint()
    QTest.mousePress(handle, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     in_window(window, canvas, start))
    for i in range(1, 11):
        QTest.mouseMove(handle, in_window(window, canvas, start + (end - start) * (i / 10)))
    QTest.mouseRelease(handle, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                       in_window(window, canvas, end))
    assert not window.celebration.isVisible()
    assert len(canvas.drawing) == 1


def test_a_tap_on_the_card_keeps_it_and_its_button_closes_it(make_window, tmp_path):
    window = celebrating(make_window, tmp_path)
    card = window.celebration.card
    QTest.mouseClick(window.windowHandle(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     in_window(window, card, QPoint(card.width() // 2, 8)))
    assert window.celebration.isVisible()
    QTest.mouseClick(window.windowHandle(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     in_window(window, window.celebration.button))
    assert not window.celebration.isVisible() and window.current_screen == "drawing"
