"""Adding a theme by dropping its .zip on the window: installed for this user, told kindly, tiles
refreshed."""

import json
import shutil

import pytest
from conftest import THEME_ID, TIMEOUT_MS, open_child
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication

from icanvas_desktop.themes.discovery import user_themes_dir
from icanvas_desktop.trainer.packaging.export import write_theme_zip
from icanvas_desktop.ui.main_window import MainWindow
from icanvas_desktop.words.i18n import tr


@pytest.fixture
def theme_zip(themes_folder, tmp_path):
    """The test theme as the exporter zips it (`icanvas-train export --zip`)."""
    shutil.copytree(themes_folder / THEME_ID, tmp_path / "package" / THEME_ID)
    return write_theme_zip(tmp_path / "package" / THEME_ID)


@pytest.fixture
def window(make_window):
    window = make_window([user_themes_dir()])
    open_child(window)
    return window


def drop(window: MainWindow, *paths) -> bool:
    """Drag `paths` over the window and drop them, as a file manager would; whether the window took them."""
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    centre = QPointF(window.width() / 2, window.height() / 2)
    enter = QDragEnterEvent(centre.toPoint(), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                            Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(window, enter)
    if not enter.isAccepted():
        return False
    event = QDropEvent(centre, Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                       Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(window, event)
    return event.isAccepted()


def test_a_dropped_theme_zip_is_installed_and_gets_a_tile(qtbot, window, theme_zip):
    picker = window.drawing_screen.theme_picker
    assert picker.state == "empty"
    assert drop(window, theme_zip)
    assert window.notice.text == tr("theme_adding", "en")
    qtbot.waitUntil(lambda: picker.state == "themes", timeout=TIMEOUT_MS)
    assert window.notice.text == tr("theme_added", "en", name="Shapes")
    assert [t.theme.id for t in picker.tiles] == [THEME_ID]
    assert window.drawing_screen.model.theme.id == THEME_ID
    assert (user_themes_dir() / THEME_ID / "manifest.json").is_file()
    assert "Shapes" in window.about_page.text()


def test_a_broken_zip_is_refused_with_the_reason(qtbot, window, tmp_path):
    broken = tmp_path / "broken.zip"
    broken.write_bytes(b"this is not a zip")
    assert drop(window, broken)
    qtbot.waitUntil(lambda: window.notice.property("kind") == "problem", timeout=TIMEOUT_MS)
    text = window.notice.text
    assert text.startswith(tr("theme_not_added", "en", reason="")) and "broken.zip was not installed" in text
    assert window.drawing_screen.theme_picker.state == "empty" and not user_themes_dir().exists()


def test_other_files_are_not_taken(window, tmp_path):
    (tmp_path / "cat.png").write_bytes(b"")
    assert not drop(window, tmp_path / "cat.png")


def test_no_import_when_the_administrator_chose_the_themes(qtbot, make_window, tmp_path, theme_zip):
    (tmp_path / "system").mkdir()
    (tmp_path / "system" / "system_settings.json").write_text(
        json.dumps({"version": 1, "settings": {"allowed_themes": [THEME_ID]}, "locked": ["allowed_themes"]}))
    window = make_window([user_themes_dir()], locale="ko_KR", wait_for_themes=False)
    drop(window, theme_zip)
    assert window.notice.text == tr("themes_locked", "ko") and window.notice.property("kind") == "problem"
    qtbot.wait(200)
    assert not user_themes_dir().exists()


def test_a_zip_whose_manifest_python_cannot_parse_is_refused_not_left_adding(
    qtbot, window, theme_zip, tmp_path
):
    import zipfile

    hostile = tmp_path / "hostile.zip"
    with zipfile.ZipFile(theme_zip) as source, zipfile.ZipFile(hostile, "w", zipfile.ZIP_DEFLATED) as target:
        for name in source.namelist():
            data = source.read(name)
            if name.endswith("manifest.json"):
                data = b'{"format": ' + b"[" * 100_000 + b"]" * 100_000 + b"}"
            target.writestr(name, data)
    assert drop(window, hostile)
    qtbot.waitUntil(lambda: window.notice.property("kind") == "problem", timeout=TIMEOUT_MS)
    assert "hostile.zip was not installed as a theme: manifest.json is broken" in window.notice.text
    assert not user_themes_dir().exists()
