"""Choosing a theme: large tiles with each theme's preview picture and its name in the child's language.

Three states: getting ready (themes are still being found in the background), no themes yet (a
friendly card; drawing still works), and the tiles. Themes that could not be opened are mentioned
in a small line whose tooltip names them, for the grown-up who installed them.
"""

from PySide6.QtCore import QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QIcon, QPainter, QPainterPath, QPixmap
from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QLabel,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from icanvas_desktop.themes.theme import Theme, ThemeError
from icanvas_desktop.ui.appearance import pixmap
from icanvas_desktop.ui.controls import BusyIndicator, plain_scroll
from icanvas_desktop.words.i18n import tr

# Small previews with the name beside them: the strip stays low, so the sheets below get the height.
PREVIEW_SIDE = 41
# When the tiles do not all fit beside their names, each name goes under a smaller preview: every theme
# stays in view at the smallest window (nine tiles at 980 px), and no name is cut.
COMPACT_PREVIEW_SIDE = 28
TILE_HEIGHT = PREVIEW_SIDE + 19  # the preview, the tile's padding and border, and the button's own margin
# A row of tiles and, when they do not all fit, the scroll bar under them.
STRIP_HEIGHT = TILE_HEIGHT + 8 + 14


def rounded_preview(path, side: int = PREVIEW_SIDE, radius: float = 10) -> QPixmap:
    """The theme's preview, cropped to a rounded square (a pale square if it cannot be read)."""
    source = QPixmap(str(path))
    result = QPixmap(side, side)
    result.fill(Qt.GlobalColor.transparent)
    painter = QPainter(result)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    clip = QPainterPath()
    clip.addRoundedRect(QRectF(0, 0, side, side), radius, radius)
    painter.setClipPath(clip)
    if source.isNull():
        painter.fillRect(result.rect(), QColor("#ffe8a3"))
    else:
        scaled = source.scaled(side, side, Qt.AspectRatioMode.KeepAspectRatioByExpanding,
                               Qt.TransformationMode.SmoothTransformation)
        painter.drawPixmap((side - scaled.width()) // 2, (side - scaled.height()) // 2, scaled)
    painter.end()
    return result


class ThemeTile(QToolButton):
    def __init__(self, theme: Theme, language: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.theme = theme
        self.setObjectName("themeTile")
        self.setCheckable(True)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.setIcon(QIcon(rounded_preview(theme.preview_path)))
        self.setFixedHeight(TILE_HEIGHT)  # as wide as its name needs: a name is never cut short
        self.compact = None
        self.set_compact(False)
        self.retranslate(language)

    def set_compact(self, compact: bool) -> None:
        if compact == self.compact:
            return
        self.compact = compact
        side = COMPACT_PREVIEW_SIDE if compact else PREVIEW_SIDE
        self.setIconSize(QSize(side, side))
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextUnderIcon if compact
                                else Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.setProperty("compact", compact)  # app.qss: a smaller name and border
        self.style().unpolish(self)
        self.style().polish(self)
        self.updateGeometry()

    def retranslate(self, language: str) -> None:
        # A lone "&" would mark the next letter as a keyboard shortcut and vanish ("Space & sky").
        self.setText(self.theme.name(language).replace("&", "&&"))
        self.setToolTip(self.theme.name(language))


class ThemePicker(QWidget):
    theme_chosen = Signal(object)  # Theme

    def __init__(self, language: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("themePicker")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self._language = language
        self._themes: list[Theme] = []
        self._problems: list[ThemeError] = []
        self._tiles: list[ThemeTile] = []
        self._group = QButtonGroup(self)
        self._group.setExclusive(True)
        self._group.buttonClicked.connect(self._clicked)

        self.pages = QStackedWidget()
        self._loading, self._empty, self._list = self._loading_page(), self._empty_page(), self._tiles_page()
        for page in (self._loading, self._empty, self._list):
            self.pages.addWidget(page)
        self.pages.setFixedHeight(STRIP_HEIGHT)  # the same in every state, so the sheets below do not jump

        self.problems_label = QLabel()
        self.problems_label.setObjectName("themeProblems")
        self.problems_label.setWordWrap(True)
        self.problems_label.setFixedWidth(160)
        self.problems_label.hide()
        # The note for the grown-up goes beside the tiles, not under them: the strip keeps its height and the
        # tools below keep their room at the smallest window.
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 4, 10, 4)
        layout.setSpacing(8)
        layout.addWidget(self.pages, 1)
        layout.addWidget(self.problems_label)
        self.set_loading()

    # State

    @property
    def state(self) -> str:
        return {0: "loading", 1: "empty", 2: "themes"}[self.pages.currentIndex()]

    @property
    def themes(self) -> list[Theme]:
        return list(self._themes)

    @property
    def tiles(self) -> list[ThemeTile]:
        return list(self._tiles)

    def _loading_page(self) -> QWidget:
        """While the themes are being found."""
        page = QWidget()
        row = QHBoxLayout(page)
        self.busy = BusyIndicator(56)
        self.loading_label = QLabel()
        self.loading_label.setProperty("role", "heading")
        row.addStretch()
        row.addWidget(self.busy)
        row.addWidget(self.loading_label)
        row.addStretch()
        return page

    def _empty_page(self) -> QWidget:
        """No theme at all: the child can still draw."""
        page = QWidget()
        row = QHBoxLayout(page)
        row.setContentsMargins(0, 0, 0, 0)  # the title and one line of words just fit the low strip
        art = QLabel()
        art.setPixmap(pixmap("palette", 56))
        texts = QVBoxLayout()
        texts.setSpacing(2)
        self.empty_title = QLabel()
        self.empty_title.setProperty("role", "heading")
        self.empty_body = QLabel()
        texts.addStretch()
        texts.addWidget(self.empty_title)
        texts.addWidget(self.empty_body)
        texts.addStretch()
        row.addStretch()
        row.addWidget(art)
        row.addLayout(texts)
        row.addStretch()
        return page

    def _tiles_page(self) -> QWidget:
        """A tile per theme, in a strip that scrolls when they do not fit."""
        page = QWidget()
        strip = QWidget()
        strip.setObjectName("themeStrip")
        self._tile_row = QHBoxLayout(strip)
        self._tile_row.setContentsMargins(4, 4, 4, 4)
        self._tile_row.setSpacing(10)
        self._tile_row.addStretch()
        scroll = self.scroll_area = plain_scroll(strip, "themeScroll", Qt.Orientation.Horizontal)
        self.list_title = QLabel()
        self.list_title.setProperty("role", "heading")
        self.list_title.setWordWrap(True)
        self.list_title.setFixedWidth(110)
        list_layout = QHBoxLayout(page)
        list_layout.setContentsMargins(0, 0, 0, 0)
        list_layout.addWidget(self.list_title)
        list_layout.addWidget(scroll, 1)
        return page

    def set_loading(self) -> None:
        self.pages.setCurrentWidget(self._loading)
        self.retranslate(self._language)

    def set_themes(self, themes: list[Theme], problems: list[ThemeError]) -> None:
        for tile in self._tiles:
            self._group.removeButton(tile)
            tile.deleteLater()
        self._themes, self._problems = list(themes), list(problems)
        self._tiles = []
        for theme in self._themes:
            tile = ThemeTile(theme, self._language)
            self._group.addButton(tile)
            self._tile_row.insertWidget(self._tile_row.count() - 1, tile)
            self._tiles.append(tile)
        self.pages.setCurrentWidget(self._list if self._themes else self._empty)
        self.retranslate(self._language)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit_tiles()

    def _fit_tiles(self) -> None:
        """Names beside the previews while every tile fits so; under smaller previews when they do not."""
        if not self._tiles:
            return
        margins = self._tile_row.contentsMargins()
        fixed = margins.left() + margins.right() + self._tile_row.spacing() * (len(self._tiles) - 1)
        room = self.scroll_area.viewport().width()
        for tile in self._tiles:
            tile.set_compact(False)
        wide = fixed + sum(tile.sizeHint().width() for tile in self._tiles)
        for tile in self._tiles:
            tile.set_compact(wide > room)

    def select(self, theme_id: str) -> bool:
        """Choose a theme as if its tile were clicked; False if there is no such theme."""
        for tile in self._tiles:
            if tile.theme.id == theme_id:
                tile.setChecked(True)
                # The child's last theme may be past the strip's end: scroll it into view once laid out.
                QTimer.singleShot(0, self._show_checked_tile)
                self.theme_chosen.emit(tile.theme)
                return True
        return False

    def _show_checked_tile(self) -> None:
        tile = self._group.checkedButton()
        if tile is not None:
            self.scroll_area.ensureWidgetVisible(tile, 10, 0)

    def _clicked(self, button) -> None:
        self.theme_chosen.emit(button.theme)

    def retranslate(self, language: str) -> None:
        self._language = language
        self.loading_label.setText(tr("getting_ready", language))
        self.list_title.setText(tr("pick_theme", language))
        self.empty_title.setText(tr("no_themes_title", language))
        self.empty_body.setText(tr("no_themes_body", language))
        for tile in self._tiles:
            tile.retranslate(language)
        self._fit_tiles()  # names differ in width between the languages
        if self._problems:
            self.problems_label.setText(tr("themes_skipped", language))
            self.problems_label.setToolTip("\n".join(str(p) for p in self._problems))
        self.problems_label.setVisible(bool(self._problems) and self.state != "loading")
