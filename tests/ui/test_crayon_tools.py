"""The crayons beside the pen: what they draw on the sheet, what they send with the sketch, the picture."""

import io
import math

import numpy as np
import pytest
from helpers import mouse_stroke
from PIL import Image
from PySide6.QtGui import QColor

from icanvas_desktop.drawing.draft import DraftFile
from icanvas_desktop.drawing.rasterize import png_bytes, render_sketch
from icanvas_desktop.drawing.strokes import CRAYON_COLOURS, Crayon, Drawing, PenSize, Point, Stroke, Tool
from icanvas_desktop.files.resources import bundled_models_dir
from icanvas_desktop.look import Look
from icanvas_desktop.ui.canvas import CRAYON_OPACITY
from icanvas_desktop.ui.drawing_screen import DrawingScreen
from icanvas_desktop.words.i18n import tr

TIMEOUT_MS = 60_000


@pytest.fixture
def screen(qtbot, service):
    """The drawing screen with the bundled themes, the food theme chosen (it reads no crayons), clean."""
    widget = DrawingScreen(service, "en")
    qtbot.addWidget(widget)
    widget.resize(1200, 700)
    widget.show()
    service.themes_found.connect(widget.set_themes)
    with qtbot.waitSignal(service.themes_found, timeout=TIMEOUT_MS):
        service.discover([bundled_models_dir()])
    widget.theme_picker.select("food")
    widget.set_look("clean")
    return widget


def shown(canvas, x: float, y: float) -> QColor:
    image = canvas.grab().toImage()
    return QColor(image.pixel((canvas.to_widget(x, y) * image.devicePixelRatio()).toPoint()))


def circle(radius: float = 0.3) -> list[tuple[float, float]]:
    angles = (i * math.pi / 16 for i in range(33))
    return [(0.5 + radius * math.cos(t), 0.5 + radius * math.sin(t)) for t in angles]


def test_a_crayon_shows_faintly_under_the_pen_and_the_eraser_rubs_out_both(canvas):
    mouse_stroke(canvas, [(0.5, 0.1), (0.5, 0.9)])
    canvas.set_crayon(Crayon.BLUE)
    mouse_stroke(canvas, [(0.2, 0.5), (0.8, 0.5)])
    stroke = canvas.drawing.strokes[-1]
    assert stroke.tool is Tool.CRAYON and stroke.crayon is Crayon.BLUE
    blue = np.array(CRAYON_COLOURS[Crayon.BLUE])
    faint = shown(canvas, 0.3, 0.5)
    expected = 255 + (blue - 255) * CRAYON_OPACITY
    assert np.abs(np.array(faint.getRgb()[:3]) - expected).max() <= 3
    assert shown(canvas, 0.5, 0.5).lightness() < 60  # the pen's line stays dark over it
    canvas.set_tool(Tool.ERASER)
    canvas.set_pen_size(PenSize.LARGE)
    mouse_stroke(canvas, [(0.3, 0.3), (0.3, 0.7)])
    mouse_stroke(canvas, [(0.5, 0.3), (0.5, 0.7)])
    assert shown(canvas, 0.3, 0.5).lightness() > 250 and shown(canvas, 0.5, 0.5).lightness() > 250
    assert shown(canvas, 0.7, 0.5).getRgb()[:3] == faint.getRgb()[:3]  # the rest of the crayon is still there
    canvas.undo()
    assert shown(canvas, 0.5, 0.5).lightness() < 60


def test_picking_a_crayon_colours_the_next_strokes_and_the_pen_goes_back_to_drawing(screen):
    picked = []
    screen.tools.crayon_picked.connect(picked.append)
    screen.tools.crayon_buttons[Crayon.GREEN].click()
    assert screen.tools.crayon_buttons[Crayon.GREEN].isChecked() and not screen.tools.pen_button.isChecked()
    assert screen.message.text == tr("crayon_on", "en")
    mouse_stroke(screen.canvas, [(0.2, 0.3), (0.8, 0.3)])
    screen.tools.crayon_buttons[Crayon.GREEN].click()  # the same crayon again says nothing new
    screen.tools.crayon_buttons[Crayon.PINK].click()
    mouse_stroke(screen.canvas, [(0.2, 0.4), (0.8, 0.4)])
    screen.tools.pen_button.click()
    assert not any(b.isChecked() for b in screen.tools.crayon_buttons.values())
    mouse_stroke(screen.canvas, [(0.2, 0.6), (0.8, 0.6)])
    assert [(s.tool, s.crayon) for s in screen.canvas.drawing.strokes] == [
        (Tool.CRAYON, Crayon.GREEN), (Tool.CRAYON, Crayon.PINK), (Tool.PEN, None)]
    assert picked == [Crayon.GREEN, Crayon.PINK]
    # In every look a child may pick, crayons colour the picture in.
    screen.set_look("watercolour")
    screen.tools.crayon_buttons[Crayon.BLUE].click()
    assert screen.message.text == tr("crayon_on", "en")
    screen.tools.pen_button.click()
    screen.tools.undo_button.click()
    screen.tools.undo_button.click()
    assert screen.canvas.drawing.strokes[-1].crayon is Crayon.GREEN
    screen.tools.redo_button.click()
    assert screen.canvas.drawing.strokes[-1].crayon is Crayon.PINK


@pytest.mark.parametrize("language", ["en", "ko"])
def test_every_crayon_says_its_colour(screen, language):
    screen.retranslate(language)
    for crayon, button in screen.tools.crayon_buttons.items():
        assert button.toolTip() == button.accessibleName() == tr(f"crayon_{crayon.value}", language)
    assert len({b.toolTip() for b in screen.tools.crayon_buttons.values()}) == 8


def test_the_crayons_go_with_the_sketch_and_colour_the_circle_in_the_clean_look(qtbot, screen):
    submitted = []
    original = screen.service.submit
    screen.service.submit = lambda request: submitted.append(request) or original(request)
    mouse_stroke(screen.canvas, circle())
    pen_only = Drawing(screen.canvas.drawing.strokes)
    screen.tools.crayon_buttons[Crayon.BLUE].click()
    mouse_stroke(screen.canvas, [(0.4, 0.45), (0.6, 0.5), (0.45, 0.6)])
    screen.make_button.click()
    qtbot.waitUntil(lambda: screen.model.picture is not None, timeout=TIMEOUT_MS)
    request = submitted[-1]
    size = screen.model.theme.input_size
    # The crayon is not ink: the sketch is the pen's alone; the crayon goes beside it, in the strokes the
    # worker renders the hint layer from.
    assert request.sketch_png == png_bytes(render_sketch(pen_only, size))
    assert request.drawing == screen.canvas.drawing and request.drawing.has_crayon
    assert request.look is Look.CLEAN
    picture = Image.open(io.BytesIO(screen.model.picture.picture_png)).convert("RGB")
    for x, y in ((0.5, 0.5), (0.3, 0.5), (0.6, 0.3)):
        assert picture.getpixel((int(x * size), int(y * size))) == CRAYON_COLOURS[Crayon.BLUE]
    assert picture.getpixel((3, 3)) == (255, 255, 255)
    # A drawing without crayons sends none.
    screen.canvas.set_drawing(pen_only)
    screen.make_button.click()
    assert not submitted[-1].drawing.has_crayon


def test_the_draft_and_a_creation_opened_again_bring_back_the_crayons(screen, tmp_path):
    orange = Stroke(Tool.CRAYON, PenSize.MEDIUM, (Point(0.3, 0.4), Point(0.7, 0.4)), Crayon.ORANGE)
    drawing = Drawing([Stroke(Tool.PEN, PenSize.MEDIUM, (Point(0.2, 0.5), Point(0.8, 0.5))), orange])
    screen.canvas.set_drawing(Drawing(drawing.strokes))
    drafts = DraftFile(tmp_path / "draft.json")
    drafts.save(screen.model.draft())
    screen.canvas.set_drawing(Drawing())
    screen.restore_draft(drafts.load())
    assert screen.canvas.drawing == drawing
    assert shown(screen.canvas, 0.5, 0.4).getRgb()[:3] != (255, 255, 255)
    screen.new_drawing()
    sketch = png_bytes(render_sketch(drawing, 64))
    screen.open_creation(Drawing.from_json(drawing.to_json()), sketch, "food", Look.CLEAN, sketch)
    assert screen.canvas.drawing == drawing and screen.model.picture.drawing == drawing
