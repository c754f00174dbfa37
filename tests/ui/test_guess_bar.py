""""Is it a ...?" and the dice under the picture: the guesses come with the picture from the generation
thread, show as picture buttons with their words, remake the picture as the thing tapped (or in the theme's
colours, or in another colouring), change only when the guesses do, and Undo takes a choice back."""

import json
from pathlib import Path

from conftest import TIMEOUT_MS, open_child
from PIL import Image

from icanvas_desktop.drawing.picture import GUESSED, PictureRequest
from icanvas_desktop.drawing.rasterize import png_bytes
from icanvas_desktop.drawing.strokes import Drawing
from icanvas_desktop.files.resources import bundled_models_dir
from icanvas_desktop.look import Look
from icanvas_desktop.profiles.drawing_model import DrawingModel
from icanvas_desktop.ui.drawing_screen import DrawingScreen
from icanvas_desktop.ui.guess_bar import GuessBar
from icanvas_desktop.words.i18n import tr

DOODLES = Path(__file__).parents[1] / "data" / "doodles"


def request(doodle: str, thing: str | None = GUESSED, colouring: int = 0) -> PictureRequest:
    with Image.open(DOODLES / f"{doodle}.png") as image:
        sketch = png_bytes(image.convert("L"))
    return PictureRequest(bundled_models_dir() / "food", "food", Drawing(), sketch, Look.CLEAN, thing,
                          colouring)


def test_the_guesses_come_with_the_picture_from_the_generation_thread(qtbot, service):
    with qtbot.waitSignal(service.job_finished, timeout=TIMEOUT_MS) as made:
        service.submit(request("broccoli_3"))
    picture = made.args[0].picture
    assert picture.guesses[0] == "broccoli" and len(picture.guesses) == 3, "fairly sure (0.53): three offered"
    assert (picture.thing, picture.colouring) == (GUESSED, 0)
    with qtbot.waitSignal(service.job_finished, timeout=TIMEOUT_MS) as unsure:
        service.submit(request("lemon_3"))
    assert unsure.args[0].picture.guesses == (), "not sure (potato 0.11, pear 0.10): no question asked"


def test_tapping_a_guess_or_none_or_the_dice_remakes_the_picture_with_that_choice(qtbot, service):
    model = DrawingModel()
    bar = GuessBar(model, "ko")
    qtbot.addWidget(bar)
    bar.show()
    with qtbot.waitSignal(service.job_finished, timeout=TIMEOUT_MS) as made:
        service.submit(request("broccoli_3"))
    picture = made.args[0].picture
    bar.show_picture(picture)
    words = [b.text() for b in bar.guess_buttons if b.isVisible()]
    assert words[0] == "브로콜리" and len(words) == 3, "the words in the child's language"
    assert not any(b.icon().isNull() for b in bar.guess_buttons), "each with the thing's picture"
    assert bar.none_button.text() == tr("guess_none", "ko") and not bar.dice_button.isHidden()
    assert not any(b.isChecked() for b in bar.guess_buttons), "the usual colouring: nothing chosen yet"

    with qtbot.waitSignal(bar.changed):
        bar.guess_buttons[1].click()
    assert (model.thing, model.colouring) == (picture.guesses[1], 0) and bar.guess_buttons[1].isChecked()
    with qtbot.waitSignal(bar.changed):
        bar.dice_button.click()
    assert (model.thing, model.colouring) == (picture.guesses[1], 1)
    with qtbot.waitSignal(bar.changed):
        bar.none_button.click()
    assert (model.thing, model.colouring) == (None, 0) and bar.none_button.isChecked()
    bar.retranslate("en")
    assert bar.guess_buttons[0].text() == "broccoli" and bar.dice_button.text() == tr("dice", "en")


def test_live_pictures_with_the_same_guesses_leave_the_buttons_alone(qtbot, service):
    bar = GuessBar(DrawingModel(), "en")
    qtbot.addWidget(bar)
    bar.show()
    with qtbot.waitSignal(service.job_finished, timeout=TIMEOUT_MS) as made:
        service.submit(request("broccoli_3"))
    picture = made.args[0].picture
    bar.show_picture(picture)
    icons = [b.icon().cacheKey() for b in bar.guess_buttons]
    bar.show_picture(request("broccoli_3").made(picture.picture_png, picture.guesses))
    assert [b.icon().cacheKey() for b in bar.guess_buttons] == icons, "not drawn again: no flicker"
    bar.show_picture(request("broccoli_3").made(picture.picture_png, ()))
    assert not any(b.isVisible() for b in (*bar.guess_buttons, bar.none_button))
    assert not bar.dice_button.isHidden(), "the dice is for every clean picture"
    painted = PictureRequest(Path("."), "food", Drawing(), b"", Look.PAINTED).made(b"", picture.guesses)
    bar.show_picture(painted)
    assert bar.dice_button.isHidden() and not bar.guess_buttons[0].isVisible(), "clean look only"


def clean_stickers_screen(make_window):
    """A window with a child's drawing screen open, in stickers and the clean look: (window, screen)."""
    window = make_window([bundled_models_dir()])
    open_child(window)
    screen = window.drawing_screen
    screen.theme_picker.select("stickers")
    screen.look_switch.buttons["clean"].click()
    return window, screen


def made(screen: DrawingScreen) -> bool:
    """The picture on show is of the drawing and the colour choice as they are, and none is being made."""
    return screen.model.picture_is_current and not screen.service.busy


def doodle_drawing(name: str, side: int = 128) -> Drawing:
    """A doodle as pen strokes, one per run of ink on each row: what a child's drawing of it would be."""
    with Image.open(DOODLES / f"{name}.png") as image:
        return image_drawing(image.convert("L").resize((side, side)))


def scene_drawing(*placed: tuple[str, tuple[int, int], int], side: int = 256) -> Drawing:
    """Doodles side by side, each (name, top-left corner, side) on a sheet of `side` px, as pen strokes."""
    sheet = Image.new("L", (side, side), 255)
    for name, corner, size in placed:
        with Image.open(DOODLES / f"{name}.png") as image:
            doodle = image.convert("L").resize((size, size), Image.Resampling.LANCZOS)
        sheet.paste(doodle, corner)
    return image_drawing(sheet)


def image_drawing(image: Image.Image) -> Drawing:
    import numpy as np

    from icanvas_desktop.drawing.strokes import PenSize, Point, Stroke, Tool

    ink = np.asarray(image) < 128
    side = ink.shape[0]
    strokes = []
    for y, row in enumerate(ink):
        edges = np.flatnonzero(np.diff(np.concatenate([[0], row.astype(np.int8), [0]])))
        for start, end in zip(edges[::2], edges[1::2]):
            at = (y + 0.5) / side
            strokes.append(Stroke(Tool.PEN, PenSize.SMALL, [Point((start + 0.5) / side, at),
                                                            Point((end - 0.5) / side, at)]))
    return Drawing(strokes)


def test_the_childs_choice_is_made_saved_and_put_back_with_the_creation(qtbot, make_window):
    window, screen = clean_stickers_screen(make_window)
    screen.canvas.replace(doodle_drawing("broccoli_3"))
    screen.make()

    qtbot.waitUntil(lambda: made(screen), timeout=TIMEOUT_MS)
    assert screen.guess_bar.guesses[0] == "broccoli" and screen.guess_bar.guess_buttons[0].isVisible()
    usual = screen.model.picture.picture_png
    screen.guess_bar.guess_buttons[1].click()
    qtbot.waitUntil(lambda: made(screen), timeout=TIMEOUT_MS)
    assert screen.model.picture.thing == screen.guess_bar.guesses[1]
    screen.guess_bar.guess_buttons[0].click()
    screen.guess_bar.dice_button.click()
    qtbot.waitUntil(lambda: made(screen), timeout=TIMEOUT_MS)
    picture = screen.model.picture
    assert (picture.thing, picture.colouring) == ("broccoli", 1) and picture.picture_png != usual

    with qtbot.waitSignal(screen.saved, timeout=TIMEOUT_MS) as saved:
        screen.save_button.click()
    window.celebration.dismiss()
    creation = saved.args[0].creation
    meta = json.loads((creation.folder / "creation.json").read_text())
    assert (meta["thing"], meta["colouring"]) == ("broccoli", 1)

    screen.new_button.click()
    assert (screen.model.thing, screen.model.colouring) == (GUESSED, 0), "a new sheet: the usual colouring"
    assert not screen.guess_bar.guess_buttons[0].isVisible()
    window.keep_drawing(creation)
    qtbot.waitUntil(lambda: screen.model.picture is not None, timeout=TIMEOUT_MS)
    assert (screen.model.thing, screen.model.colouring) == ("broccoli", 1), "the reopened creation's choice"
    assert screen.model.picture_is_current, "and its picture is the one for that choice: nothing to remake"


def test_in_live_mode_the_guesses_follow_the_drawing_and_a_tap_remakes_the_live_picture(qtbot, make_window):
    _, screen = clean_stickers_screen(make_window)
    screen.set_live(True)
    screen.canvas.replace(doodle_drawing("cherry_1"))

    qtbot.waitUntil(lambda: made(screen), timeout=TIMEOUT_MS)
    assert screen.guess_bar.guesses == ("cherry",)
    screen.guess_bar.none_button.click()
    qtbot.waitUntil(lambda: made(screen), timeout=TIMEOUT_MS)
    assert screen.model.picture.thing is None and screen.guess_bar.none_button.isChecked()
    screen.canvas.replace(doodle_drawing("broccoli_3"))
    qtbot.waitUntil(lambda: made(screen) and screen.guess_bar.guesses[:1] == ("broccoli",),
                    timeout=TIMEOUT_MS)
    assert screen.model.picture.thing is None, "the child's choice holds while they draw on"


def test_undo_after_the_dice_brings_the_colouring_before_back_and_makes_its_picture(qtbot, service):
    screen = DrawingScreen(service, "en")
    qtbot.addWidget(screen)
    screen.resize(1200, 700)
    screen.show()
    service.themes_found.connect(screen.set_themes)
    with qtbot.waitSignal(service.themes_found, timeout=TIMEOUT_MS):
        service.discover([bundled_models_dir()])
    screen.theme_picker.select("stickers")
    screen.look_switch.buttons["clean"].click()
    screen.canvas.set_drawing(doodle_drawing("broccoli_3"))  # as a draft put back: nothing to undo yet
    model, tools = screen.model, screen.tools
    asked = []
    submit = service.submit
    service.submit = lambda request: asked.append((request.thing, request.colouring)) or submit(request)

    screen.make()
    qtbot.waitUntil(lambda: made(screen), timeout=TIMEOUT_MS)
    assert not tools.undo_button.isEnabled()
    screen.guess_bar.dice_button.click()
    assert tools.undo_button.isEnabled(), "the dice roll alone can be undone"
    qtbot.waitUntil(lambda: made(screen), timeout=TIMEOUT_MS)
    assert model.picture.colouring == 1

    tools.undo_button.click()
    assert (model.thing, model.colouring) == (GUESSED, 0) and tools.redo_button.isEnabled()
    assert asked == [(GUESSED, 0), (GUESSED, 1), (GUESSED, 0)], "the picture is made again in it"
    qtbot.waitUntil(lambda: made(screen), timeout=TIMEOUT_MS)
    assert model.draft().picture.colouring == 0, "the draft keeps the colouring on show"
    assert not tools.undo_button.isEnabled() and len(model.drawing) > 0, "the strokes were not undone"

    screen.set_live(True)
    qtbot.waitUntil(lambda: made(screen), timeout=TIMEOUT_MS)
    tools.redo_action.trigger()  # Ctrl+Shift+Z
    assert model.colouring == 1 and asked[-1] == (GUESSED, 1), "in live mode, the live picture is remade"
    qtbot.waitUntil(lambda: made(screen), timeout=TIMEOUT_MS)
    tools.undo_action.trigger()  # Ctrl+Z
    qtbot.waitUntil(lambda: made(screen) and model.picture.colouring == 0, timeout=TIMEOUT_MS)


def test_a_scene_is_asked_about_thing_by_thing_and_a_named_thing_is_kept_with_it(qtbot, make_window):
    from PySide6.QtCore import QPoint, Qt

    window, screen = clean_stickers_screen(make_window)
    screen.canvas.replace(scene_drawing(("sun_1", (0, 0), 120), ("apple_1", (130, 130), 120)))
    screen.make()

    qtbot.waitUntil(lambda: made(screen), timeout=TIMEOUT_MS)
    bar, view = screen.guess_bar, screen.result_view
    things = {thing.offered[0]: thing for thing in screen.model.picture.scene}
    assert set(things) == {"sun", "apple"}
    first = bar.guesses[0]
    assert first in things and view._ring == things[first].box, "one thing asked about, ringed"
    assert screen.message.text == tr("done_scene", "en"), "and the child is told another can be tapped"
    other = "apple" if first == "sun" else "sun"

    # A tap on the other thing in the picture asks about it.
    left, top, right, bottom = things[other].box
    paper = view.paper_rect()
    at = QPoint(int(paper.x() + (left + right) / 2 * paper.width()),
                int(paper.y() + (top + bottom) / 2 * paper.height()))
    qtbot.mouseClick(view, Qt.MouseButton.LeftButton, pos=at)
    assert bar.guesses[0] == other and view._ring == things[other].box
    assert bar.guess_buttons[0].toolTip() == tr("guess_scene_tip", "en")

    # "None" for it: that thing alone in the theme's colours, a step Undo takes back.
    bar.none_button.click()
    assert bar.none_button.isChecked() and screen.tools.undo_button.isEnabled()
    qtbot.waitUntil(lambda: made(screen), timeout=TIMEOUT_MS)
    picture = screen.model.picture
    assert picture.thing.startswith("at:")  # what the pipeline does with it: tests/test_scene.py
    assert [thing.named for thing in picture.scene if thing.offered[0] == other] == [None]
    assert bar.guesses[0] == other and bar.none_button.isChecked(), "still asking about it"

    with qtbot.waitSignal(screen.saved, timeout=TIMEOUT_MS) as saved:
        screen.save_button.click()
    window.celebration.dismiss()
    creation = saved.args[0].creation
    assert json.loads((creation.folder / "creation.json").read_text())["thing"] == picture.thing
    screen.tools.undo_button.click()
    assert screen.model.thing == GUESSED and not bar.none_button.isChecked()
    screen.new_button.click()
    assert view._ring is None
    window.keep_drawing(creation)
    qtbot.waitUntil(lambda: screen.model.picture is not None, timeout=TIMEOUT_MS)
    assert screen.model.thing == picture.thing and screen.model.picture_is_current


def test_in_live_mode_a_scene_is_asked_about_thing_by_thing_too(qtbot, make_window):
    _, screen = clean_stickers_screen(make_window)
    screen.set_live(True)
    screen.canvas.replace(scene_drawing(("sun_1", (0, 0), 120), ("apple_1", (130, 130), 120)))

    qtbot.waitUntil(lambda: made(screen) and bool(screen.model.picture.scene), timeout=TIMEOUT_MS)
    asked = screen.guess_bar.guesses[0]
    assert screen.result_view._ring is not None
    screen.guess_bar.none_button.click()
    qtbot.waitUntil(lambda: made(screen), timeout=TIMEOUT_MS)
    named = [thing.named for thing in screen.model.picture.scene if thing.offered[0] == asked]
    assert named == [None], "the live picture is made again with the thing named"
