"""The draft keeps its promise (at most LOSS_BOUND_MS of drawing lost) while the window's background is
busy: a long export, a theme being installed or a slow save no longer holds the draft back."""

import threading

from conftest import open_child
from helpers import mouse_stroke

from icanvas_desktop.drawing.draft import DRAFT_NAME, DraftFile
from icanvas_desktop.ui.draft_keeper import DRAFT_DELAY_MS, LOSS_BOUND_MS


def test_a_stroke_reaches_the_draft_while_the_background_is_busy(qtbot, make_window, themes_folder):
    window = make_window([themes_folder])
    child = open_child(window)
    busy = threading.Event()
    window.background.run(lambda: busy.wait(60))  # the window's other work, taking its time
    try:
        mouse_stroke(window.drawing_screen.canvas, [(0.2, 0.2), (0.8, 0.8)])
        drafts = DraftFile(child.folder / DRAFT_NAME)
        qtbot.waitUntil(lambda: drafts.load() is not None, timeout=LOSS_BOUND_MS)
        assert drafts.load().drawing == window.drawing_screen.canvas.drawing
    finally:
        busy.set()
    assert DRAFT_DELAY_MS < LOSS_BOUND_MS <= 2000  # the promise made to the children
