"""The star burst after a save: stars fly out from the middle while a card says what was earned.

Animated with a QPropertyAnimation on the overlay's `progress` (0 → 1). The button, Escape, a tap
anywhere else or a few seconds close it. A tap outside the card also does what it would have done
without the celebration (the stars and the shade let it through), so the child's next stroke or button
is never lost to closing it.
"""

import math
import random

from PySide6.QtCore import Property, QEasingCurve, QEvent, QPointF, QPropertyAnimation, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPaintEvent, QPen
from PySide6.QtWidgets import QApplication, QFrame, QLabel, QVBoxLayout, QWidget

from icanvas_desktop.ui.appearance import pixmap
from icanvas_desktop.ui.controls import big_button

STAR_COLOURS = ("#ffd60a", "#ffc300", "#ff9f1c", "#ff595e", "#8ac926", "#4cc9f0", "#f15bb5")

_TAPS = (QEvent.Type.MouseButtonPress, QEvent.Type.TabletPress, QEvent.Type.TouchBegin)


def star_path(
    centre: QPointF, outer: float, inner_ratio: float = 0.45, rotation: float = -90.0
) -> QPainterPath:
    path = QPainterPath()
    for i in range(10):
        radius = outer if i % 2 == 0 else outer * inner_ratio
        angle = math.radians(rotation + i * 36)
        point = QPointF(centre.x() + radius * math.cos(angle), centre.y() + radius * math.sin(angle))
        path.moveTo(point) if i == 0 else path.lineTo(point)
    path.closeSubpath()
    return path


class Celebration(QWidget):
    closed = Signal()

    def __init__(self, parent: QWidget, duration_ms: int = 1800, stay_ms: int = 5000):
        super().__init__(parent)
        self.setObjectName("celebration")
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self._progress = 0.0
        self._stars: list[tuple[float, float, float, float, str]] = []
        self._animation = QPropertyAnimation(self, b"progress", self)
        self._animation.setDuration(duration_ms)
        self._animation.setStartValue(0.0)
        self._animation.setEndValue(1.0)
        self._animation.setEasingCurve(QEasingCurve.Type.OutCubic)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(stay_ms)
        self._timer.timeout.connect(self.dismiss)

        # A sibling rather than a child: a child of a widget transparent for the mouse would be as well.
        self.card = QFrame(parent)
        self.card.setObjectName("celebrationCard")
        layout = QVBoxLayout(self.card)
        layout.setContentsMargins(36, 24, 36, 24)
        layout.setSpacing(8)
        self.picture = QLabel()
        self.picture.setPixmap(pixmap("party", 72))
        self.picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.title = QLabel()
        self.title.setObjectName("celebrationTitle")
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.lines = QLabel()
        self.lines.setObjectName("celebrationLines")
        self.lines.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.lines.setWordWrap(True)
        self.button = big_button("", "star", role="primary", icon_side=32, under=False)
        self.button.clicked.connect(self.dismiss)
        layout.addWidget(self.picture)
        layout.addWidget(self.title)
        layout.addWidget(self.lines)
        layout.addSpacing(6)
        layout.addWidget(self.button, 0, Qt.AlignmentFlag.AlignCenter)
        parent.installEventFilter(self)
        self.card.hide()
        self.hide()

    def _get_progress(self) -> float:
        return self._progress

    def _set_progress(self, value: float) -> None:
        self._progress = value
        self.update()

    progress = Property(float, _get_progress, _set_progress)

    @property
    def animation(self) -> QPropertyAnimation:
        return self._animation

    def celebrate(self, title: str, lines: list[str], button_text: str, stars: int = 12) -> None:
        """Show the burst: `stars` decides how many stars fly (a few more for a big win)."""
        rng = random.Random()
        count = max(10, min(36, 8 + 3 * stars))
        self._stars = [
            (i * 360 / count + rng.uniform(-8, 8), rng.uniform(0.55, 1.0), rng.uniform(14, 30),
             rng.uniform(-90, 90), STAR_COLOURS[i % len(STAR_COLOURS)])
            for i in range(count)
        ]
        self.title.setText(title)
        self.lines.setText("\n".join(lines))
        self.lines.setVisible(bool(lines))
        self.button.setText(button_text)
        self._fit()
        self.show()
        self.raise_()
        self.card.show()
        self.card.raise_()
        QApplication.instance().installEventFilter(self)  # taps and Escape, wherever they land
        self._animation.stop()
        self._animation.start()
        self._timer.start()

    def dismiss(self) -> None:
        if self.isVisible():
            QApplication.instance().removeEventFilter(self)
            self._timer.stop()
            self._animation.stop()
            self.card.hide()
            self.hide()
            self.closed.emit()

    def _fit(self) -> None:
        self.setGeometry(self.parentWidget().rect())
        self.card.adjustSize()
        size = self.card.sizeHint()
        self.card.resize(size)
        self.card.move((self.width() - size.width()) // 2, (self.height() - size.height()) // 2)

    def eventFilter(self, watched, event) -> bool:
        kind = event.type()
        if not self.isVisible():
            return False
        ours = isinstance(watched, QWidget) and watched.window() is self.window()  # not another window's
        if watched is self.parentWidget() and kind == QEvent.Type.Resize:
            self._fit()
        elif ours and kind == QEvent.Type.KeyPress and event.key() == Qt.Key.Key_Escape:
            self.dismiss()
            return True
        elif ours and kind in _TAPS:
            points = event.points()
            if points and not self._on_card(points[0].globalPosition().toPoint()):
                self.dismiss()  # and the tap goes on to what it landed on
        return False

    def _on_card(self, global_pos) -> bool:
        return self.card.rect().contains(self.card.mapFromGlobal(global_pos))

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        fade = min(1.0, self._progress * 3)
        painter.fillRect(self.rect(), QColor(40, 30, 70, int(110 * fade)))
        centre = QPointF(self.width() / 2, self.height() / 2)
        reach = 0.5 * math.hypot(self.width(), self.height()) * 0.85
        for angle, speed, size, spin, colour in self._stars:
            distance = reach * speed * self._progress
            a = math.radians(angle)
            point = QPointF(centre.x() + distance * math.cos(a), centre.y() + distance * math.sin(a))
            alpha = int(255 * (1.0 - max(0.0, self._progress - 0.6) / 0.4))
            fill = QColor(colour)
            fill.setAlpha(alpha)
            outline = QColor("#ffffff")
            outline.setAlpha(alpha)
            painter.setPen(QPen(outline, 2.5))
            painter.setBrush(fill)
            painter.drawPath(star_path(point, size * (0.5 + 0.5 * self._progress),
                                       rotation=-90 + spin * self._progress))
