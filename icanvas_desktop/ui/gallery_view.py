"""The child's gallery: thumbnails newest first, one picture large, and what to do with it.

From a picture the child can keep drawing it (its strokes go back on the canvas), save a copy as a
PNG (the picture alone, or sketch and picture side by side) or delete it after a friendly question
(unless an administrator switched deleting off).
Copies go straight into the user's Pictures folder (`Pictures/iCanvas`), and the child is told
where ("Pictures › iCanvas", as their file browser names it): no file dialog ever opens.
"""

import logging
from datetime import datetime
from functools import partial
from pathlib import Path

from PySide6.QtCore import QRectF, QSize, QStandardPaths, Qt, Signal
from PySide6.QtGui import QColor, QIcon, QImage, QPainter, QPainterPath, QPaintEvent, QPixmap, QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from icanvas_desktop.drawing.rasterize import render_as_seen
from icanvas_desktop.gallery.export import ExportLayout, ExportSize, export_png
from icanvas_desktop.gallery.store import Creation
from icanvas_desktop.profiles.session import ChildSession
from icanvas_desktop.ui.background import Background
from icanvas_desktop.ui.confirm_delete import ConfirmDelete
from icanvas_desktop.ui.controls import MessageBubble, Padlock, back_header, big_button
from icanvas_desktop.ui.print_button import PrintButton, creation_order
from icanvas_desktop.ui.small_choice import SmallChoice
from icanvas_desktop.words.i18n import tr

log = logging.getLogger(__name__)

THUMB_SIDE = 150
# The sketch beside the picture is at most 280 px wide (twice that in device pixels on a HiDPI screen).
SKETCH_SIDE = 560


SIZE_CHOICES = [(ExportSize.SCREEN, "gallery", "size_screen"), (ExportSize.A4, "new", "size_a4"),
                (ExportSize.RAW, "palette", "size_raw")]
# In the copy's name, so that copies of one picture at two sizes are both kept.
SIZE_SUFFIXES = {ExportSize.SCREEN: "", ExportSize.A4: "-a4", ExportSize.RAW: "-as-made"}


def _pictures_folder() -> str:
    return QStandardPaths.writableLocation(QStandardPaths.StandardLocation.PicturesLocation)


def default_export_folder() -> Path:
    return Path(_pictures_folder() or Path.home()) / "iCanvas"


def _read_wall(session: ChildSession) -> list[tuple[Creation, QImage]]:
    """The creations, newest first, with their thumbnails decoded (QImage, unlike QPixmap, may be made off
    the UI thread)."""
    return [(c, QImage(str(c.thumbnail_path))) for c in session.gallery.list_creations()]


def _export(creation: Creation, target: Path, layout: ExportLayout, size: ExportSize) -> None:
    from icanvas_desktop.generation.big_picture import big_picture

    target.parent.mkdir(parents=True, exist_ok=True)
    export_png(creation, target, layout, size, redraw=big_picture)


def _sketch_as_seen(creation: Creation) -> QImage | None:
    """The sketch as the child saw it, crayons included (sketch.png is what the generator read, without
    them); None when its strokes cannot be read, and the saved sketch stays."""
    try:
        image = render_as_seen(creation.load_drawing(), SKETCH_SIDE)
    except (OSError, ValueError):
        return None
    return QImage(image.tobytes(), image.width, image.height, 3 * image.width,
                  QImage.Format.Format_RGB888).copy()


def folder_words(folder: Path, language: str) -> str:
    """"Pictures › iCanvas": where a copy went, as a child finds it, without the rest of the path."""
    pictures = _pictures_folder()
    in_pictures = pictures and folder.parent == Path(pictures)
    parent = tr("pictures_folder", language) if in_pictures else folder.parent.name
    return f"{parent} › {folder.name}" if parent else folder.name


def local_date(created: datetime, language: str) -> str:
    local = created.astimezone()
    return f"{local.month}월 {local.day}일" if language == "ko" else f"{local:%b} {local.day}"


class PictureView(QWidget):
    """A picture scaled to fit, on rounded white paper."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(120, 120)
        self._pixmap = QPixmap()

    def set_path(self, path: Path) -> None:
        self._pixmap = QPixmap(str(path))
        self.update()

    def set_image(self, image: QImage) -> None:
        self._pixmap = QPixmap.fromImage(image)
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        side = min(self.width(), self.height()) - 8
        box = QRectF((self.width() - side) / 2, (self.height() - side) / 2, side, side)
        clip = QPainterPath()
        clip.addRoundedRect(box, 18, 18)
        painter.fillPath(clip, QColor("white"))
        painter.setClipPath(clip)
        if not self._pixmap.isNull():
            painter.drawPixmap(box, self._pixmap, QRectF(self._pixmap.rect()))


class GalleryView(QWidget):
    keep_drawing = Signal(object)  # Creation
    # While the gallery shows: one picture large (its own Back leads to the wall), or the wall again.
    detail_shown = Signal(bool)

    def __init__(self, language: str, export_folder: Path | None = None, background: Background | None = None,
                 parent: QWidget | None = None):
        """`background` reads, deletes and exports (the window's one helper; a view alone makes its own)."""
        super().__init__(parent)
        self.background = background or Background(self)
        self.setObjectName("galleryView")
        self._language = language
        self.export_folder = Path(export_folder) if export_folder is not None else default_export_folder()
        self.session: ChildSession | None = None
        self.creations: list[Creation] = []
        self.current: Creation | None = None

        wall, detail = self._wall_page(), self._detail_page()
        self.pages = QStackedWidget()
        self.pages.addWidget(wall)
        self.pages.addWidget(detail)
        self._wall, self._detail = wall, detail
        self.message = MessageBubble()
        message_row = QWidget()
        message_row.setFixedHeight(64)
        row = QHBoxLayout(message_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.message, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 8, 16, 8)
        layout.addWidget(self.pages, 1)
        layout.addWidget(message_row)
        self.confirm = ConfirmDelete(self)
        self.confirm.answered.connect(self._delete_answered)
        self.retranslate(language)

    def _wall_page(self) -> QWidget:
        """The thumbnails, newest first (or a kind word while there are none)."""
        self.title = QLabel()
        self.title.setProperty("role", "heading")
        self.grid = QListWidget()
        self.grid.setObjectName("galleryGrid")
        self.grid.setViewMode(QListView.ViewMode.IconMode)
        self.grid.setIconSize(QSize(THUMB_SIDE, THUMB_SIDE))
        self.grid.setGridSize(QSize(THUMB_SIDE + 34, THUMB_SIDE + 50))
        self.grid.setResizeMode(QListView.ResizeMode.Adjust)
        self.grid.setMovement(QListView.Movement.Static)
        self.grid.setUniformItemSizes(True)
        self.grid.setWordWrap(True)
        self.grid.setSelectionMode(QListWidget.SelectionMode.NoSelection)
        self.grid.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.grid.setCursor(Qt.CursorShape.PointingHandCursor)
        self.grid.itemClicked.connect(lambda item: self.open(item.data(Qt.ItemDataRole.UserRole)))
        self.empty = QLabel()
        self.empty.setObjectName("galleryEmpty")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        wall = QWidget()
        # No back button of its own: the top bar's "Back to drawing" is right above.
        wall_layout = QVBoxLayout(wall)
        wall_layout.addWidget(self.title)
        wall_layout.addWidget(self.grid, 1)
        wall_layout.addWidget(self.empty, 1)
        return wall

    def _detail_page(self) -> QWidget:
        """One picture large, with its sketch and what the child can do with it."""
        self.picture = PictureView()
        self.sketch = PictureView()
        self.sketch.setMinimumSize(200, 200)
        self.sketch.setMaximumWidth(280)
        self.detail_back = big_button("", "back", role="secondary", icon_side=34, under=False)
        self.detail_back.clicked.connect(self.show_wall)
        self.keep_button = big_button("", "keep_drawing", role="primary", icon_side=36)
        self.export_button = big_button("", "export", icon_side=36)
        self.export_both_button = big_button("", "gallery", icon_side=36)
        self.delete_button = big_button("", "delete", role="danger", icon_side=36)
        self.delete_lock = Padlock(self.delete_button)
        self.keep_button.clicked.connect(lambda: self.current and self.keep_drawing.emit(self.current))
        # A copy for the screen, for paper, or as it was made: asked each time, the screen's the first.
        self.size_choice = SmallChoice(SIZE_CHOICES, self)
        self._copy_layout = ExportLayout.PICTURE
        self.size_choice.chosen.connect(lambda size: self.export(self._copy_layout, size))
        self.export_button.clicked.connect(lambda: self._ask_size(ExportLayout.PICTURE, self.export_button))
        self.export_both_button.clicked.connect(
            lambda: self._ask_size(ExportLayout.SIDE_BY_SIDE, self.export_both_button))
        self.delete_button.clicked.connect(self.ask_delete)
        self.print_button = PrintButton(self._language, lambda: creation_order(self.current, self.session),
                                        self.say, choose_layout=True)
        self.detail_info = QLabel()
        self.detail_info.setObjectName("detailInfo")
        actions = QVBoxLayout()
        actions.setSpacing(10)
        for button in (self.keep_button, self.export_button, self.export_both_button, self.delete_button):
            button.setObjectName("galleryAction")  # one width for all (app.qss)
        for button in (self.keep_button, self.export_button, self.export_both_button):
            actions.addWidget(button)
        actions.addStretch()
        actions.addWidget(self.delete_button)
        detail = QWidget()
        detail_header = back_header(self.detail_back, self.detail_info)
        detail_header.addWidget(self.print_button)  # in the top row: the column beside the picture is full
        pictures = QHBoxLayout()
        pictures.addWidget(self.sketch, 0, Qt.AlignmentFlag.AlignVCenter)
        pictures.addWidget(self.picture, 1)
        pictures.addLayout(actions)
        detail_layout = QVBoxLayout(detail)
        detail_layout.addLayout(detail_header)
        detail_layout.addLayout(pictures, 1)
        return detail

    def retranslate(self, language: str) -> None:
        self._language = language
        self.title.setText(tr("gallery", language))
        self.detail_back.setText(tr("back", language))
        self.empty.setText(tr("gallery_empty", language))
        self.print_button.retranslate(language)
        self.size_choice.retranslate(language)
        for button, key in ((self.keep_button, "keep_drawing"), (self.export_button, "export_picture"),
                            (self.export_both_button, "export_both"), (self.delete_button, "delete")):
            button.setText(tr(key, language))
        self.delete_lock.setToolTip(tr("locked_by_adult", language))
        for i in range(self.grid.count()):
            item = self.grid.item(i)
            item.setText(self._caption(item.data(Qt.ItemDataRole.UserRole)))
        if self.current is not None:
            self.detail_info.setText(self._caption(self.current))

    def _caption(self, creation: Creation) -> str:
        text = local_date(creation.created_at, self._language)
        return f"{text}  ★{creation.stars}" if creation.stars else text

    # Contents

    def set_session(self, session: ChildSession | None) -> None:
        self.session = session
        self.show_wall()

    def refresh(self) -> None:
        """Read the gallery again (newest first), with its thumbnails, in the background."""
        session = self.session
        if session is None:
            self._show_creations(None, [])
            return
        self.background.run(partial(_read_wall, session),
                            on_done=lambda wall: self._show_creations(session, wall),
                            on_error=lambda error: self._wall_failed(session, error))

    def _wall_failed(self, session: ChildSession, error: BaseException) -> None:
        log.error("could not read the gallery", exc_info=error)
        if session is self.session:  # a locked or vanished database shows as an empty wall
            self._show_creations(session, [])
            self.say(tr("open_failed", self._language), "oops", "problem")

    def _show_creations(self, session: ChildSession | None, wall: list[tuple[Creation, QImage]]) -> None:
        if session is not self.session:
            return  # read for the child who was here before
        self.grid.clear()
        self.creations = [creation for creation, _ in wall]
        for creation, thumbnail in wall:
            item = QListWidgetItem(QIcon(QPixmap.fromImage(thumbnail)), self._caption(creation))
            item.setData(Qt.ItemDataRole.UserRole, creation)
            item.setSizeHint(QSize(THUMB_SIDE + 30, THUMB_SIDE + 46))
            self.grid.addItem(item)
        self.grid.setVisible(bool(self.creations))
        self.empty.setVisible(not self.creations)
        self.grid.scrollToTop()

    def showEvent(self, event: QShowEvent) -> None:
        # Coming back to the gallery, the newest picture (at the top) is the one the child looks for.
        super().showEvent(event)
        self.grid.scrollToTop()

    def show_wall(self) -> None:
        self.current = None
        self.confirm.hide()
        self.refresh()
        self.pages.setCurrentWidget(self._wall)
        if self.isVisible():
            self.detail_shown.emit(False)

    def open(self, creation: Creation) -> None:
        """Show one creation large."""
        self.current = creation
        self.picture.set_path(creation.picture_path)
        self.sketch.set_path(creation.sketch_path)
        self.background.run(partial(_sketch_as_seen, creation),
                            on_done=lambda image: self._show_sketch(creation, image))
        self.detail_info.setText(self._caption(creation))
        self.pages.setCurrentWidget(self._detail)
        if self.isVisible():
            self.detail_shown.emit(True)

    def _show_sketch(self, creation: Creation, image: QImage | None) -> None:
        if image is not None and self.current is creation:
            self.sketch.set_image(image)

    @property
    def showing_detail(self) -> bool:
        return self.pages.currentWidget() is self._detail

    # Actions

    def _ask_size(self, layout: ExportLayout, button: QWidget) -> None:
        self._copy_layout = layout
        self.size_choice.open_beside(button)

    def export(self, layout: ExportLayout, size: ExportSize = ExportSize.SCREEN) -> Path | None:
        """Save a copy into the export folder, in the background; returns where it goes."""
        if self.current is None:
            return None
        created = self.current.created_at.astimezone()
        suffix = ("-with-sketch" if layout is ExportLayout.SIDE_BY_SIDE else "") + SIZE_SUFFIXES[size]
        target = self.export_folder / f"icanvas-{created:%Y%m%d-%H%M%S}-{self.current.id[:6]}{suffix}.png"
        self.background.run(partial(_export, self.current, target, layout, size),
                            on_done=lambda _: self._exported(),
                            on_error=lambda error: self._export_failed(target, error))
        return target

    def _exported(self) -> None:
        folder = folder_words(self.export_folder, self._language)
        self.say(tr("exported", self._language, folder=folder), "export")

    def _export_failed(self, target: Path, error: BaseException) -> None:
        log.error("export to %s failed", target, exc_info=error)
        self.say(tr("export_failed", self._language), "oops", "problem")

    def allow_delete(self, allowed: bool) -> None:
        """Whether children may delete pictures here: where an administrator switched it off, the button
        stays, greyed out with a padlock."""
        self.delete_button.setEnabled(allowed)
        self.delete_lock.setVisible(not allowed)

    def ask_delete(self) -> None:
        if self.current is not None and self.delete_button.isEnabled():
            self.confirm.ask(self.current, self._language)

    def _delete_answered(self, yes: bool) -> None:
        if not yes or self.current is None or self.session is None:
            return
        session, creation = self.session, self.current
        self.background.run(partial(session.gallery.delete, creation.id),
                            on_done=lambda _: self._deleted(session),
                            on_error=lambda error: self._delete_failed(session, creation, error))

    def _deleted(self, session: ChildSession) -> None:
        if session is self.session:
            self.show_wall()
            self.say(tr("deleted", self._language), "star")

    def _delete_failed(self, session: ChildSession, creation: Creation, error: BaseException) -> None:
        log.error("deleting %s failed", creation.id, exc_info=error)
        if session is self.session:  # the picture stays; the child can try again
            self.say(tr("delete_failed", self._language), "oops", "problem")

    def say(self, text: str, icon_name: str = "sparkles", kind: str = "info") -> None:
        self.message.show_message(text, icon_name, kind)
