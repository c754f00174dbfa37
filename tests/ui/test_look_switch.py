"""The switch between the picture's looks (Neat, Crayon, Watercolour; the raw picture is no child's choice):
each child's own across restarts, the theme's until they pick, locked by an administrator, remaking the
picture on show, and kept with what is saved."""

import io
import json

import numpy as np
from conftest import THEME_ID, TIMEOUT_MS, open_child, open_profile
from helpers import mouse_stroke, settle
from PIL import Image
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from icanvas_desktop.generation import load_generator
from icanvas_desktop.themes import load_theme
from icanvas_desktop.words.i18n import tr


def admin(tmp_path, settings: dict, locked=()) -> None:
    folder = tmp_path / "system"  # ICANVAS_SYSTEM_DIR (conftest)
    folder.mkdir(exist_ok=True)
    (folder / "system_settings.json").write_text(
        json.dumps({"version": 1, "settings": settings, "locked": list(locked)}))


def draw_make_and_wait(qtbot, screen) -> None:
    mouse_stroke(screen.canvas, [(0.3, 0.3), (0.7, 0.3), (0.7, 0.7), (0.3, 0.7), (0.3, 0.3)])
    screen.make_button.click()
    qtbot.waitUntil(lambda: screen.model.picture is not None and not screen.service.busy, timeout=TIMEOUT_MS)


def shown(screen) -> str:
    checked = [look for look, button in screen.look_switch.buttons.items() if button.isChecked()]
    assert len(checked) == 1
    return checked[0]


def pixels(png: bytes) -> np.ndarray:
    with Image.open(io.BytesIO(png)) as image:
        return np.asarray(image.convert("RGB"), np.float32)


def test_each_child_keeps_their_look_across_a_restart(make_window, themes_folder, data_dir):
    window = make_window([themes_folder])
    theme_look = window.drawing_screen.model.theme.look
    other = "watercolour" if theme_look == "clean" else "clean"
    mina = open_child(window, "Mina", "cat")
    screen = window.drawing_screen
    assert shown(screen) == theme_look == screen.model.look, "the theme's own look until the child picks"
    assert screen.look_switch.isVisible() and not screen.look_switch.locked
    QTest.mouseClick(screen.look_switch.buttons[other], Qt.MouseButton.LeftButton)
    assert screen.model.look == other and screen.message.text == tr(f"look_{other}_on", "en")
    jiho = open_child(window, "Jiho", "dog")
    assert shown(screen) == theme_look, "another child has their own"
    window.close()

    again = make_window([themes_folder])
    open_profile(again, again.store.get(mina.id))
    assert shown(again.drawing_screen) == other == again.drawing_screen.model.look
    open_profile(again, again.store.get(jiho.id))
    assert shown(again.drawing_screen) == theme_look
    assert json.loads((mina.folder / "settings.json").read_text())["look"] == other
    assert not (data_dir / "settings.json").exists() or "look" not in json.loads(
        (data_dir / "settings.json").read_text()), "the look is the child's, not the computer account's"


def test_the_switch_offers_the_childs_looks_and_not_the_raw_picture(make_window, themes_folder):
    window = make_window([themes_folder])
    switch = window.drawing_screen.look_switch
    assert list(switch.buttons) == ["clean", "crayon", "watercolour"]
    assert all(not b.icon().isNull() for b in switch.buttons.values())
    assert [b.accessibleName() for b in switch.buttons.values()] == ["Neat", "Crayon", "Watercolour"]
    # The one on says its name; the others show their picture, their name on hover.
    assert [b.text() for b in switch.buttons.values()] == ["Neat", "", ""]
    QTest.mouseClick(switch.buttons["watercolour"], Qt.MouseButton.LeftButton)
    assert [b.text() for b in switch.buttons.values()] == ["", "", "Watercolour"]
    assert switch.buttons["crayon"].toolTip() == tr("look_crayon_on", "en")
    switch.retranslate("ko")
    assert [b.text() for b in switch.buttons.values()] == ["", "", "수채화처럼"]
    assert [b.accessibleName() for b in switch.buttons.values()] == ["깔끔하게", "크레용처럼", "수채화처럼"]


def test_a_child_who_chose_painted_before_gets_the_neat_look(make_window, themes_folder):
    window = make_window([themes_folder])
    child = open_child(window)
    window.close()
    (child.folder / "settings.json").write_text(json.dumps({"version": 1, "look": "painted"}))
    window = make_window([themes_folder])
    open_profile(window, window.store.get(child.id))
    assert shown(window.drawing_screen) == "clean" == window.drawing_screen.model.look


def test_a_locked_look_is_used_and_the_switch_greyed_out(qtbot, make_window, themes_folder, tmp_path):
    window = make_window([themes_folder])
    child = open_child(window)
    QTest.mouseClick(window.drawing_screen.look_switch.buttons["crayon"], Qt.MouseButton.LeftButton)
    QTest.mouseClick(window.drawing_screen.look_switch.buttons["clean"], Qt.MouseButton.LeftButton)
    QTest.mouseClick(window.drawing_screen.look_switch.buttons["crayon"], Qt.MouseButton.LeftButton)
    window.close()
    before = (child.folder / "settings.json").read_bytes()
    assert json.loads(before)["look"] == "crayon"

    admin(tmp_path, {"look": "clean"}, locked=["look"])
    window = make_window([themes_folder])
    open_profile(window, window.store.get(child.id))
    screen = window.drawing_screen
    switch = screen.look_switch
    assert shown(screen) == "clean" == screen.model.look
    assert not any(b.isEnabled() for b in switch.buttons.values()) and switch.lock.isVisible()
    assert switch.lock.toolTip() == tr("locked_by_adult", "en")
    QTest.mouseClick(switch.buttons["crayon"], Qt.MouseButton.LeftButton)
    assert shown(screen) == "clean"
    draw_make_and_wait(qtbot, screen)
    assert screen.model.picture.look == "clean"
    assert (child.folder / "settings.json").read_bytes() == before, (
        "the child's own choice waits for the lock to go")


def test_switching_remakes_the_picture_on_show_in_the_other_look(qtbot, make_window, themes_folder):
    window = make_window([themes_folder])
    open_child(window)
    screen = window.drawing_screen
    QTest.mouseClick(screen.look_switch.buttons["watercolour"], Qt.MouseButton.LeftButton)
    draw_make_and_wait(qtbot, screen)
    painted = screen.model.picture
    assert painted.look == "watercolour" and screen.model.picture_is_current

    QTest.mouseClick(screen.look_switch.buttons["clean"], Qt.MouseButton.LeftButton)
    assert not screen.model.picture_is_current, \
        "the picture on show is the other look's until the new one comes"
    qtbot.waitUntil(lambda: screen.model.picture.look == "clean" and not screen.service.busy,
                    timeout=TIMEOUT_MS)
    clean = screen.model.picture
    assert clean.drawing == painted.drawing and clean.picture_png != painted.picture_png
    generator = load_generator(load_theme(themes_folder / THEME_ID))
    with Image.open(io.BytesIO(clean.sketch_png)) as sketch:
        expected = np.asarray(generator.generate(sketch, "clean"), np.float32)
    assert np.abs(pixels(clean.picture_png) - expected).mean() < 1.0, "the one path, in the clean look"

    QTest.mouseClick(screen.look_switch.buttons["clean"], Qt.MouseButton.LeftButton)
    assert not screen.service.busy and screen.model.picture is clean, \
        "tapping the look already on remakes nothing"


def test_the_look_is_saved_with_the_creation_and_comes_back_with_it(qtbot, make_window, themes_folder):
    window = make_window([themes_folder])
    open_child(window)
    screen = window.drawing_screen
    QTest.mouseClick(screen.look_switch.buttons["clean"], Qt.MouseButton.LeftButton)
    draw_make_and_wait(qtbot, screen)
    results = []
    screen.saved.connect(results.append)
    screen.save_button.click()
    settle(window)
    window.celebration.dismiss()
    creation = results[0].creation
    assert creation.look() == "clean"
    assert json.loads((creation.folder / "creation.json").read_text())["look"] == "clean"

    screen.new_drawing()
    QTest.mouseClick(screen.look_switch.buttons["crayon"], Qt.MouseButton.LeftButton)
    window.keep_drawing(creation)
    settle(window)
    assert screen.model.picture.look == "clean" and not screen.model.picture_is_current, \
        "saving it again in the crayon look makes the crayon picture first"
