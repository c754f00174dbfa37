"""Child-sized controls shared by the screens: big icon buttons, a screen's back-button row, a plain scroll
area, a busy spinner, a message bubble."""

import math

from PySide6.QtCore import Property, QPropertyAnimation, QRectF, QSize, Qt, QTimer
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QScrollArea, QSizePolicy, QToolButton, QWidget

from icanvas_desktop.ui.appearance import icon, pixmap


def big_button(text: str = "", icon_name: str | None = None, role: str = "tool", icon_side: int = 40,
               checkable: bool = False, under: bool = True) -> QToolButton:
    """A large button with a picture and a word. `role` picks its colours in app.qss."""
    return make_big(QToolButton(), text, icon_name, role, icon_side, checkable, under)


def make_big(button: QToolButton, text: str = "", icon_name: str | None = None, role: str = "tool",
             icon_side: int = 40, checkable: bool = False, under: bool = True) -> QToolButton:
    """Give any tool button (a subclass with behaviour of its own, say) the look of `big_button`."""
    button.setText(text)
    if icon_name:
        button.setIcon(icon(icon_name))
    button.setIconSize(QSize(icon_side, icon_side))
    button.setToolButtonStyle(
        Qt.ToolButtonStyle.ToolButtonTextUnderIcon if under else Qt.ToolButtonStyle.ToolButtonTextBesideIcon
    )
    button.setProperty("role", role)
    button.setCheckable(checkable)
    button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # keys go to the window's shortcuts, not a button
    button.setCursor(Qt.CursorShape.PointingHandCursor)
    return button


def back_header(back: QWidget, title: QWidget) -> QHBoxLayout:
    """A screen's top row: the back button, then the title; the rest of the row is free for more."""
    header = QHBoxLayout()
    header.addWidget(back)
    header.addSpacing(12)
    header.addWidget(title)
    header.addStretch()
    return header


def plain_scroll(content: QWidget, name: str, scrolls: Qt.Orientation | None = None) -> QScrollArea:
    """A frameless scroll area that resizes its content with itself; `scrolls` keeps it to one direction."""
    scroll = QScrollArea()
    scroll.setObjectName(name)
    scroll.setWidget(content)
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QFrame.Shape.NoFrame)
    if scrolls == Qt.Orientation.Vertical:
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    elif scrolls == Qt.Orientation.Horizontal:
        scroll.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    return scroll


class BusyIndicator(QWidget):
    """Dots chasing round a circle, drawn with QPainter; turning only while shown."""

    def __init__(self, side: int = 72, parent: QWidget | None = None):
        super().__init__(parent)
        self.setFixedSize(side, side)
        self._angle = 0.0
        self._animation = QPropertyAnimation(self, b"angle", self)
        self._animation.setStartValue(0.0)
        self._animation.setEndValue(360.0)
        self._animation.setDuration(1100)
        self._animation.setLoopCount(-1)

    def _get_angle(self) -> float:
        return self._angle

    def _set_angle(self, value: float) -> None:
        self._angle = value
        self.update()

    angle = Property(float, _get_angle, _set_angle)

    def showEvent(self, event) -> None:
        self._animation.start()
        super().showEvent(event)

    def hideEvent(self, event) -> None:
        self._animation.stop()
        super().hideEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        colours = ["#ff595e", "#ffca3a", "#8ac926", "#1982c4", "#6a4c93", "#ff924c", "#52b69a", "#f15bb5"]
        side = min(self.width(), self.height())
        radius = side * 0.36
        centre = self.rect().center()
        for i, colour in enumerate(colours):
            a = math.radians(self._angle + i * 360 / len(colours))
            dot = side * (0.07 + 0.05 * i / len(colours))
            painter.setBrush(QColor(colour))
            painter.drawEllipse(QRectF(centre.x() + radius * math.cos(a) - dot,
                                       centre.y() + radius * math.sin(a) - dot, 2 * dot, 2 * dot))


class MessageBubble(QWidget):
    """A rounded note with a picture, for kind messages; fades out by itself after a while."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("messageBubble")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(14, 8, 18, 8)
        layout.setSpacing(10)
        self._icon = QLabel()
        self._icon.setFixedSize(36, 36)
        self.label = QLabel()
        self.label.setObjectName("messageText")
        self.label.setWordWrap(True)
        self.label.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        layout.addWidget(self._icon)
        layout.addWidget(self.label, 1)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.hide)
        self.hide()

    def show_message(
        self, text: str, icon_name: str = "sparkles", kind: str = "info", seconds: float = 6.0
    ) -> None:
        self.label.setText(text)
        self._icon.setPixmap(pixmap(icon_name, 36))
        self.setProperty("kind", kind)
        self.style().unpolish(self)
        self.style().polish(self)
        self.show()
        if seconds > 0:
            self._timer.start(int(seconds * 1000))
        else:
            self._timer.stop()

    @property
    def text(self) -> str:
        return "" if self.isHidden() else self.label.text()


class Backdrop(QWidget):
    """A translucent layer over a whole screen, for overlays that ask or celebrate."""

    def __init__(self, parent: QWidget, alpha: int = 120):
        super().__init__(parent)
        self._alpha = alpha
        self.hide()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor(40, 30, 60, self._alpha))

    def cover_parent(self) -> None:
        self.setGeometry(self.parentWidget().rect())
        self.raise_()

    def eventFilter(self, watched, event) -> bool:  # keep covering the parent when it is resized
        if watched is self.parentWidget() and event.type() == event.Type.Resize and self.isVisible():
            self.setGeometry(self.parentWidget().rect())
        return False



class Padlock(QWidget):
    """A small padlock in the top right corner of a control the administrator locked, which stays there,
    greyed out, so that a child sees why it does not react instead of wondering where it went."""

    def __init__(self, control: QWidget, side: int = 26):
        super().__init__(control)
        self.setObjectName("padlock")
        self._lock = pixmap("lock", side)
        self.setFixedSize(side, side)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        control.installEventFilter(self)
        self.hide()

    def paintEvent(self, event: QPaintEvent) -> None:
        # Painted as it is: a label would grey it out with the locked control, and the lock is what to see.
        QPainter(self).drawPixmap(0, 0, self._lock)

    def eventFilter(self, watched, event) -> bool:  # stay in the corner when the control is resized
        if event.type() == event.Type.Resize:
            self.move(watched.width() - self.width() - 4, 4)
        return False


class LockNote(QWidget):
    """A small lock and a few words beside a setting the administrator locked, so nobody wonders why it
    does not react."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        lock = QLabel()
        lock.setPixmap(pixmap("lock", 22))
        lock.setFixedSize(22, 22)
        self.label = QLabel()
        self.label.setObjectName("lockNote")
        self.label.setWordWrap(True)
        layout.addWidget(lock, 0, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.label, 1)
        self.hide()

    def setText(self, text: str) -> None:
        self.label.setText(text)

    def text(self) -> str:
        return self.label.text()
