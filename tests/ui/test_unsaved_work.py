"""Nothing a child draws is lost: reopening a creation, changing child, a crash, saving after drawing on."""

import json
import shutil

from conftest import THEME_ID, TIMEOUT_MS, open_child, open_profile
from helpers import mouse_stroke, settle
from test_main_window import draw_make_and_wait

from icanvas_desktop.drawing.draft import DRAFT_NAME, DraftFile
from icanvas_desktop.ui.draft_keeper import DRAFT_DELAY_MS
from icanvas_desktop.words.i18n import tr


def save_and_dismiss(window) -> None:
    window.drawing_screen.save_button.click()
    settle(window)
    window.celebration.dismiss()


def test_keep_drawing_from_the_gallery_leaves_the_unsaved_drawing_one_undo_away(
    qtbot, make_window, themes_folder
):
    window = make_window([themes_folder])
    open_child(window)
    screen = window.drawing_screen
    draw_make_and_wait(qtbot, window, lines=((0.2, 0.5, 0.8, 0.5),))
    save_and_dismiss(window)
    screen.new_button.click()
    draw_make_and_wait(qtbot, window, lines=((0.5, 0.2, 0.5, 0.8), (0.2, 0.2, 0.8, 0.8)))
    unsaved = screen.model.draft().drawing
    window.top_bar.gallery_button.click()
    settle(window)
    window.gallery_view.open(window.gallery_view.creations[0])
    window.gallery_view.keep_button.click()
    settle(window)
    assert window.current_screen == "drawing" and len(screen.canvas.drawing) == 1
    assert screen.message.text == tr("other_drawing_undo", "en")
    assert screen.tools.undo_button.isEnabled()
    screen.tools.undo_button.click()
    assert screen.canvas.drawing == unsaved


def test_changing_child_and_coming_back_puts_back_the_drawing_and_its_picture(
    qtbot, make_window, themes_folder
):
    window = make_window([themes_folder])
    mina = open_child(window, "Mina")
    screen = window.drawing_screen
    draw_make_and_wait(qtbot, window)
    drawing, picture = screen.model.draft().drawing, screen.model.picture.picture_png
    mouse_stroke(screen.canvas, [(0.1, 0.9), (0.9, 0.9)])  # drawn after Make it!, not saved either
    drawing_now = screen.model.draft().drawing
    assert drawing_now != drawing
    window.top_bar.profile_button.click()
    open_child(window, "Joon", "robot")
    assert screen.canvas.drawing.is_empty and screen.model.picture is None  # the next child's own sheet
    mouse_stroke(screen.canvas, [(0.3, 0.3), (0.6, 0.6)])
    window.top_bar.profile_button.click()
    open_profile(window, mina)
    assert screen.canvas.drawing == drawing_now and screen.model.picture.picture_png == picture
    window.top_bar.profile_button.click()
    next(t for t in window.profile_picker.tiles if t.text() == "Joon").click()
    settle(window)
    assert len(screen.canvas.drawing) == 1 and screen.model.picture is None


def test_after_a_crash_the_drawing_comes_back_but_for_the_last_seconds(qtbot, make_window, themes_folder):
    window = make_window([themes_folder])
    mina = open_child(window, "Mina")
    screen = window.drawing_screen
    mouse_stroke(screen.canvas, [(0.2, 0.2), (0.8, 0.8)])
    drafts = DraftFile(mina.folder / DRAFT_NAME)
    qtbot.waitUntil(lambda: drafts.load() is not None, timeout=DRAFT_DELAY_MS + 2000)
    assert drafts.load().drawing == screen.canvas.drawing
    # The app dies here (its window is never closed); the computer starts again with a second window. A
    # process that dies loses its lock on the profile (profile_lock.py); this one lives on, so drop it here.
    window.session._lock.release()
    again = make_window([themes_folder])
    open_profile(again, mina)
    assert again.drawing_screen.canvas.drawing == screen.canvas.drawing


def test_save_with_live_off_saves_the_drawing_as_it_is_now(qtbot, make_window, themes_folder):
    window = make_window([themes_folder])
    open_child(window)
    screen = window.drawing_screen
    assert not screen.live_button.isChecked()
    draw_make_and_wait(qtbot, window, lines=((0.2, 0.5, 0.8, 0.5),))
    mouse_stroke(screen.canvas, [(0.5, 0.2), (0.5, 0.8)])  # drawn after Make it!
    screen.save_button.click()
    assert screen.message.text == tr("making_to_save", "en")
    gallery = window.session.gallery
    qtbot.waitUntil(lambda: gallery.count() == 1, timeout=TIMEOUT_MS)
    settle(window)
    saved = gallery.list_creations()[0]
    assert saved.load_drawing() == screen.canvas.drawing and len(screen.canvas.drawing) == 2
    assert saved.picture_path.read_bytes() == screen.model.picture.picture_png


def test_with_live_off_another_theme_remakes_the_picture_on_show(qtbot, make_window, theme_copy):
    second = theme_copy / "second"
    (theme_copy / THEME_ID).rename(second)  # the same generator under another id
    manifest = json.loads((second / "manifest.json").read_text())
    manifest["id"] = "second"
    (second / "manifest.json").write_text(json.dumps(manifest))
    shutil.copytree(second, theme_copy / THEME_ID)
    manifest["id"] = THEME_ID
    (theme_copy / THEME_ID / "manifest.json").write_text(json.dumps(manifest))
    window = make_window([theme_copy])
    open_child(window)
    screen = window.drawing_screen
    draw_make_and_wait(qtbot, window)
    assert screen.model.picture.theme_id == screen.model.theme.id
    other = next(t for t in ("second", THEME_ID) if t != screen.model.theme.id)
    assert screen.theme_picker.select(other)
    qtbot.waitUntil(lambda: screen.model.picture.theme_id == other and not screen.service.busy,
                    timeout=TIMEOUT_MS)
    assert screen.model.picture_is_current


def test_live_and_challenges_are_explained_in_words(qtbot, make_window, themes_folder):
    window = make_window([themes_folder])
    open_child(window)
    screen = window.drawing_screen
    screen.live_button.click()
    assert screen.message.text == tr("live_on", "en")
    screen.live_button.click()
    assert screen.message.text == tr("live_off", "en")
    draw_make_and_wait(qtbot, window)
    screen.save_button.click()  # stars, but not the challenge's: the child is told how next time
    settle(window)
    window.celebration.dismiss()
    assert screen.message.text == tr("challenge_hint", "en")
    screen.challenge_button.click()
    assert screen.message.text == tr("challenge_started", "en", prompt="Draw a ball")
