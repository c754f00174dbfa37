"""The gallery: it opens at the newest picture, says where copies went in words, and a failed delete is
told as a failed delete."""

from pathlib import Path

import pytest
from app_core.factories import creation_of, scribble
from conftest import open_child
from helpers import settle
from PIL import Image
from PySide6.QtWidgets import QApplication

from icanvas_desktop.drawing.strokes import Crayon, PenSize, Point, Stroke, Tool
from icanvas_desktop.gallery.export import ExportLayout, ExportSize
from icanvas_desktop.ui import gallery_view
from icanvas_desktop.words.i18n import tr


def window_with_pictures(make_window, tmp_path, count: int):
    window = make_window([tmp_path / "no-themes"])
    open_child(window)
    for seed in range(count):
        drawing = scribble(seed)
        window.session.save_creation(creation_of(drawing, "shapes", size=32))
    window.top_bar.gallery_button.click()
    settle(window)
    assert window.current_screen == "gallery" and window.gallery_view.grid.count() == count
    return window


def test_the_gallery_opens_at_the_newest_picture_again(make_window, tmp_path):
    window = window_with_pictures(make_window, tmp_path, 24)
    bar = window.gallery_view.grid.verticalScrollBar()
    assert bar.maximum() > 0  # enough pictures to scroll
    bar.setValue(bar.maximum())
    window.top_bar.back_button.click()
    assert window.current_screen == "drawing"
    window.top_bar.gallery_button.click()
    settle(window)
    assert bar.value() == 0
    newest = window.gallery_view.grid.item(0)
    grid = window.gallery_view.grid
    assert grid.viewport().rect().contains(grid.visualItemRect(newest))


def test_a_copy_is_said_to_be_in_a_folder_by_name_not_by_path(make_window, tmp_path):
    window = window_with_pictures(make_window, tmp_path, 1)
    gallery = window.gallery_view
    gallery.open(gallery.creations[0])
    assert gallery.export(ExportLayout.PICTURE).parent == tmp_path / "exports"
    settle(window)
    assert gallery.message.text == tr("exported", "en", folder=f"{tmp_path.name} › exports")
    assert str(tmp_path) not in gallery.message.text


def test_the_pictures_folder_is_named_in_the_childs_language(monkeypatch, tmp_path):
    monkeypatch.setattr(gallery_view, "_pictures_folder", lambda: str(tmp_path / "Pictures"))
    folder = tmp_path / "Pictures" / "iCanvas"
    assert gallery_view.folder_words(folder, "en") == "Pictures › iCanvas"
    assert gallery_view.folder_words(folder, "ko") == "사진 › iCanvas"
    assert tr("exported", "ko", folder=gallery_view.folder_words(folder, "ko")) == (
        "사진 › iCanvas에 복사본을 저장했어요")
    assert gallery_view.folder_words(Path("/media/usb/copies"), "en") == "usb › copies"


def test_a_delete_that_fails_says_so_and_keeps_the_picture(make_window, tmp_path, monkeypatch):
    window = window_with_pictures(make_window, tmp_path, 1)
    gallery = window.gallery_view
    gallery.open(gallery.creations[0])

    def refuse(creation_id):
        raise OSError("the disk said no")

    monkeypatch.setattr(gallery.session.gallery, "delete", refuse)
    gallery.delete_button.click()
    gallery.confirm.yes.click()
    settle(window)
    assert gallery.message.text == tr("delete_failed", "en") != tr("save_failed", "en")
    assert gallery.showing_detail and len(gallery.session.gallery.list_creations()) == 1


def test_a_wall_with_room_for_every_picture_has_no_scroll_bar(make_window, tmp_path):
    window = window_with_pictures(make_window, tmp_path, 1)
    grid = window.gallery_view.grid
    assert grid.verticalScrollBar().maximum() == 0
    assert not grid.verticalScrollBar().isVisible()


def test_the_sketch_shows_the_crayons_as_the_child_saw_them(make_window, tmp_path):
    window = make_window([tmp_path / "no-themes"])
    open_child(window)
    drawing = scribble(1)
    drawing.add(Stroke(Tool.CRAYON, PenSize.LARGE, (Point(0.02, 0.02), Point(0.1, 0.02)), Crayon.RED))
    window.session.save_creation(creation_of(drawing, "shapes", size=32))
    window.top_bar.gallery_button.click()
    settle(window)
    gallery = window.gallery_view
    gallery.open(gallery.creations[0])
    settle(window)
    shown = gallery.sketch._pixmap.toImage()
    assert shown.width() == gallery_view.SKETCH_SIDE
    corner = shown.pixelColor(round(0.06 * shown.width()), round(0.02 * shown.height()))
    assert corner.red() > corner.green() + 60, "the red crayon, faint as on the canvas"


def _ways_back(window) -> list[str]:
    """The visible buttons that lead back somewhere, on the screen now shown and the top bar above it."""
    buttons = [window.top_bar.back_button, window.settings_page.back_button, window.about_page.back_button,
               window.gallery_view.detail_back]
    return [b.text() for b in buttons if b.isVisible()]


def test_each_screen_has_one_way_back(make_window, tmp_path):
    window = window_with_pictures(make_window, tmp_path, 1)
    assert _ways_back(window) == [tr("back_to_drawing", "en")]
    stars = window.top_bar.star_bar.width()
    gallery = window.gallery_view
    gallery.open(gallery.creations[0])
    assert _ways_back(window) == [tr("back", "en")]
    gallery.detail_back.click()
    settle(window)
    assert _ways_back(window) == [tr("back_to_drawing", "en")]
    window.top_bar.settings_button.click()
    assert _ways_back(window) == [tr("back", "en")]
    QApplication.processEvents()
    assert window.top_bar.star_bar.width() == stars, "the room the hidden buttons leave is not the stars'"
    window.settings_page.about_button.click()
    assert _ways_back(window) == [tr("back", "en")]
    window.about_page.back_button.click()
    window.settings_page.back_button.click()
    assert window.current_screen == "drawing" and _ways_back(window) == []


@pytest.mark.parametrize("language", ["en", "ko"])
def test_a_copy_for_the_screen_for_paper_or_as_it_was_made(make_window, tmp_path, language):
    window = window_with_pictures(make_window, tmp_path, 1)
    window.gallery_view.retranslate(language)
    gallery = window.gallery_view
    gallery.open(gallery.creations[0])
    own = Image.open(gallery.creations[0].picture_path).size
    sizes = {}
    for size in ExportSize:
        gallery.export_button.click()
        choice = gallery.size_choice
        assert choice.isVisible() and [b.text() for b in choice.buttons.values()] == [
            tr(key, language) for key in ("size_screen", "size_a4", "size_raw")]
        choice.buttons[size].click()
        settle(window)
        folder = gallery_view.folder_words(tmp_path / "exports", language)
        assert not choice.isVisible() and gallery.message.text == tr("exported", language, folder=folder)
    for path in (tmp_path / "exports").iterdir():
        with Image.open(path) as copy:
            # By the whole suffix: a creation's id is hex, so a screen copy's name may itself end in "a4".
            size = next(s for s in (ExportSize.A4, ExportSize.RAW, ExportSize.SCREEN)
                        if path.stem.endswith(gallery_view.SIZE_SUFFIXES[s]))
            sizes[size] = copy.size
    assert sizes == {ExportSize.SCREEN: (1024, 1024), ExportSize.A4: (3508, 3508), ExportSize.RAW: own}, \
        "A4: its long side at 300 dpi"
