"""How the app looks: the bundled Hangul font, the stylesheet and the icons.

The font is registered with Qt and made the application font, so Korean renders on computers that
have no Korean font installed; the stylesheet (resources/styles/app.qss) gives bright, rounded,
large controls. Icons are PNGs or SVGs in resources/icons, looked up by name.
"""

import logging
from functools import cache

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontDatabase, QIcon, QPainter, QPen, QPixmap, QPolygonF
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QApplication

from icanvas_desktop.files.resources import fonts_dir, icons_dir, stylesheet_path

log = logging.getLogger(__name__)

FONT_FILES = ("NanumGothic.ttf", "NanumGothicBold.ttf")
FALLBACK_FAMILY = "Sans Serif"
BASE_POINT_SIZE = 15


@cache
def install_fonts() -> str:
    """Register the bundled fonts once; returns the family to use (a system family if they are missing)."""
    family = None
    for name in FONT_FILES:
        font_id = QFontDatabase.addApplicationFont(str(fonts_dir() / name))
        if font_id < 0:
            log.warning("could not load the font %s: Korean text may show as boxes", fonts_dir() / name)
            continue
        families = QFontDatabase.applicationFontFamilies(font_id)
        family = family or (families[0] if families else None)
    return family or FALLBACK_FAMILY


def app_font(point_size: int = BASE_POINT_SIZE, bold: bool = False) -> QFont:
    font = QFont(install_fonts(), point_size)
    font.setBold(bold)
    return font


def apply_app_style(app: QApplication) -> None:
    """Make the bundled font the application font and apply the stylesheet."""
    app.setFont(app_font())
    try:
        app.setStyleSheet(stylesheet_path().read_text("utf-8"))
    except OSError as e:
        log.warning("no stylesheet (%s): the app will look plain", e)


@cache
def icon(name: str) -> QIcon:
    """The icon `name` (resources/icons/<name>.png or .svg); an empty icon if there is none."""
    png = icons_dir() / f"{name}.png"
    if png.is_file():
        return QIcon(str(png))
    svg = icons_dir() / f"{name}.svg"
    if svg.is_file():
        # Drawn at a few sizes ourselves, so no image-format plugin is needed (frozen builds often lack it).
        renderer = QSvgRenderer(str(svg))
        result = QIcon()
        for side in (32, 64, 128):
            pixmap = QPixmap(side, side)
            pixmap.fill(Qt.GlobalColor.transparent)
            painter = QPainter(pixmap)
            renderer.render(painter, QRectF(0, 0, side, side))
            painter.end()
            result.addPixmap(pixmap)
        return result
    log.warning("no icon named %r", name)
    return QIcon()


def avatar_icon(avatar: str) -> QIcon:
    return icon(f"avatars/{avatar}")


def pixmap(name: str, side: int) -> QPixmap:
    return icon(name).pixmap(QSize(side, side))


def size_dot_icon(fraction: float, colour: str = "#1d3557") -> QIcon:
    """A round dot for a pen size button: `fraction` of the icon's side."""
    result = QIcon()
    for side in (32, 64, 128):
        pm = QPixmap(side, side)
        pm.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pm)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(colour))
        diameter = max(side * fraction, 3.0)
        painter.drawEllipse(QRectF((side - diameter) / 2, (side - diameter) / 2, diameter, diameter))
        painter.end()
        result.addPixmap(pm)
    return result


def crayon_icon(rgb: tuple[int, int, int]) -> QIcon:
    """A fat crayon of colour `rgb`, standing tip up: its wrapper a darker shade, so that even the yellow one
    shows on white."""
    result = QIcon()
    colour = QColor(*rgb)
    for side in (32, 64, 128):
        pm = QPixmap(side, side)
        pm.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pm)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(colour.darker(150), max(1.0, side / 32)))
        u = side / 32  # drawn on a 32-unit grid
        tip = QPolygonF([QPointF(10 * u, 11 * u), QPointF(16 * u, 1 * u), QPointF(22 * u, 11 * u)])
        painter.setBrush(colour)
        painter.drawPolygon(tip)
        painter.drawRoundedRect(QRectF(9 * u, 10 * u, 14 * u, 21 * u), 2 * u, 2 * u)
        painter.setBrush(colour.darker(125))
        painter.drawRect(QRectF(9 * u, 15 * u, 14 * u, 11 * u))
        painter.end()
        result.addPixmap(pm)
    return result
