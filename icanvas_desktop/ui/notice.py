"""A message over whichever screen is showing, near the bottom of the window: a theme can be dropped on any
of them, and the settings' problems are for whoever looks."""

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QWidget

from icanvas_desktop.ui.controls import MessageBubble


class Notice(MessageBubble):
    def __init__(self, parent: QWidget):
        super().__init__(parent)
        parent.installEventFilter(self)  # keeps its place when the window is resized

    def show_message(self, text: str, icon_name: str = "sparkles", kind: str = "info",
                     seconds: float = 8.0) -> None:
        super().show_message(text, icon_name, kind, seconds)
        self._place()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.parentWidget() and event.type() == QEvent.Type.Resize and self.isVisible():
            self._place()
        return False

    def _place(self) -> None:
        area = self.parentWidget().rect()
        width = min(820, area.width() - 60)
        height = self.heightForWidth(width)
        self.setGeometry(area.center().x() - width // 2, area.bottom() - height - 16, width, height)
        self.raise_()
