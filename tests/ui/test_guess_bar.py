""""Is it a ...?" and the dice under the picture: the guesses come with the picture from the generation
thread, show as picture buttons with their words, remake the picture as the thing tapped (or in the theme's
colours, or in another colouring), and change only when the guesses do."""

from pathlib import Path

from conftest import TIMEOUT_MS
from PIL import Image

from icanvas_desktop.drawing.picture import GUESSED, PictureRequest
from icanvas_desktop.drawing.rasterize import png_bytes
from icanvas_desktop.drawing.strokes import Drawing
from icanvas_desktop.files.resources import bundled_models_dir
from icanvas_desktop.look import Look
from icanvas_desktop.profiles.drawing_model import DrawingModel
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
        service.submit(request("banana_2"))
    picture = made.args[0].picture
    assert picture.guesses[0] == "banana" and len(picture.guesses) == 3, "fairly sure (0.51): three offered"
    assert (picture.thing, picture.colouring) == (GUESSED, 0)
    with qtbot.waitSignal(service.job_finished, timeout=TIMEOUT_MS) as unsure:
        service.submit(request("fire_3"))
    assert unsure.args[0].picture.guesses == (), "not sure of anything (0.22): no question asked"


def test_tapping_a_guess_or_none_or_the_dice_remakes_the_picture_with_that_choice(qtbot, service):
    model = DrawingModel()
    bar = GuessBar(model, "ko")
    qtbot.addWidget(bar)
    bar.show()
    with qtbot.waitSignal(service.job_finished, timeout=TIMEOUT_MS) as made:
        service.submit(request("banana_2"))
    picture = made.args[0].picture
    bar.show_picture(picture)
    words = [b.text() for b in bar.guess_buttons if b.isVisible()]
    assert words[0] == "바나나" and len(words) == 3, "the words in the child's language"
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
    assert bar.guess_buttons[0].text() == "banana" and bar.dice_button.text() == tr("dice", "en")


def test_live_pictures_with_the_same_guesses_leave_the_buttons_alone(qtbot, service):
    bar = GuessBar(DrawingModel(), "en")
    qtbot.addWidget(bar)
    bar.show()
    with qtbot.waitSignal(service.job_finished, timeout=TIMEOUT_MS) as made:
        service.submit(request("banana_2"))
    picture = made.args[0].picture
    bar.show_picture(picture)
    icons = [b.icon().cacheKey() for b in bar.guess_buttons]
    bar.show_picture(request("banana_2").made(picture.picture_png, picture.guesses))
    assert [b.icon().cacheKey() for b in bar.guess_buttons] == icons, "not drawn again: no flicker"
    bar.show_picture(request("banana_2").made(picture.picture_png, ()))
    assert not any(b.isVisible() for b in (*bar.guess_buttons, bar.none_button))
    assert not bar.dice_button.isHidden(), "the dice is for every clean picture"
    painted = PictureRequest(Path("."), "food", Drawing(), b"", Look.PAINTED).made(b"", picture.guesses)
    bar.show_picture(painted)
    assert bar.dice_button.isHidden() and not bar.guess_buttons[0].isVisible(), "clean look only"
