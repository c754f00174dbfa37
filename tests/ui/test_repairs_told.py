"""What was repaired in a child's folder is said: kindly to the child, precisely (which file) to the grown-up
who hovers over the message."""

from app_core.factories import creation_of, scribble
from conftest import open_profile

from icanvas_desktop.profiles.session import ChildSession
from icanvas_desktop.profiles.store import ProfileStore
from icanvas_desktop.words.i18n import tr


def test_a_damaged_draft_is_told_when_the_child_opens(make_window, themes_folder):
    profile = ProfileStore().create("Mina", "cat")
    (profile.folder / "draft.json").write_text('{"format": "icanvas-dra')
    window = make_window([themes_folder])
    open_profile(window, profile)
    assert window.drawing_screen.message.text == tr("draft_repaired", "en")
    assert "draft.json" in window.drawing_screen.message.toolTip()


def test_a_garbled_picture_gives_the_drawing_back_with_a_kind_word(qtbot, make_window, themes_folder):
    profile = ProfileStore().create("Mina", "cat")
    drawing = scribble(1)
    with ChildSession(profile) as session:
        creation = session.save_creation(creation_of(drawing, "animals")).creation
    creation.picture_path.write_bytes(b"\x89PNG not really")
    window = make_window([themes_folder])
    open_profile(window, profile)
    window.keep_drawing(creation)  # its files are read in the background
    screen = window.drawing_screen
    qtbot.waitUntil(lambda: screen.canvas.drawing == drawing)
    assert window.current_screen == "drawing"
    assert screen.model.picture is None
    assert screen.message.text == tr("picture_lost", "en") and "picture.png" in screen.message.toolTip()
