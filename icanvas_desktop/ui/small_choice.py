"""A small choice that pops up beside the button that asked it: two or three big buttons, each a picture and
a word ("the picture alone" or "with my drawing"; "for the screen" or "for paper"). A tap anywhere else
closes it and nothing happens, as a child expects of a menu.
"""

from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QWidget

from icanvas_desktop.ui.controls import big_button
from icanvas_desktop.words.i18n import tr


class SmallChoice(QFrame):
    chosen = Signal(object)  # the value of the option tapped

    def __init__(self, options: list[tuple[object, str, str]], parent: QWidget | None = None):
        """`options`: (value, icon name, words key) each, in the order shown."""
        super().__init__(parent, Qt.WindowType.Popup)
        self.setObjectName("smallChoice")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        row = QHBoxLayout(self)
        row.setContentsMargins(8, 8, 8, 8)
        row.setSpacing(8)
        self.buttons = {}
        self._keys = {}
        for value, icon_name, key in options:
            button = big_button("", icon_name, role="secondary", icon_side=36)
            button.clicked.connect(lambda _=False, v=value: self._chose(v))
            row.addWidget(button)
            self.buttons[value], self._keys[value] = button, key

    def retranslate(self, language: str) -> None:
        for value, button in self.buttons.items():
            button.setText(tr(self._keys[value], language))

    def open_beside(self, widget: QWidget) -> None:
        """Show the choice over `widget`'s left, inside its window where the window has room."""
        self.adjustSize()
        window = widget.window().geometry()
        corner = widget.mapToGlobal(QPoint(0, 0))
        x = max(window.left(), min(corner.x() + widget.width() - self.width(), window.right() - self.width()))
        y = max(window.top(), min(corner.y(), window.bottom() - self.height()))
        self.move(x, y)
        self.show()

    def _chose(self, value: object) -> None:
        self.hide()
        self.chosen.emit(value)
