"""The switch above the picture between its two looks: "Neat" (깔끔하게, the child's lines over flat colour)
and "Painted" (물감처럼, the generator's picture as it comes).

Two big halves of one switch rather than a checkbox: a child who cannot read yet still sees which of two
is on. It shows the look the picture is made in, which is the theme's own until the child picks one; an
administrator's lock greys it out with a small lock, showing the look every child gets.
"""

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QButtonGroup, QHBoxLayout, QLabel, QWidget

from icanvas_desktop.look import Look
from icanvas_desktop.ui.appearance import pixmap
from icanvas_desktop.ui.controls import big_button
from icanvas_desktop.words.i18n import tr

ICONS = {Look.CLEAN: "sparkles", Look.PAINTED: "palette"}


class LookSwitch(QWidget):
    chosen = Signal(object)  # a Look, when the child taps the other half (not when set in code)

    def __init__(self, language: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("lookSwitch")
        self.buttons = {}
        group = QButtonGroup(self)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(4)
        for look, icon in ICONS.items():  # the looks a child picks (crayon and watercolour: not yet offered)
            button = big_button("", icon, role="look", checkable=True, icon_side=24, under=False)
            button.clicked.connect(lambda _=False, v=look: self._clicked(v))
            group.addButton(button)
            row.addWidget(button)
            self.buttons[look] = button
        self.lock = QLabel()
        self.lock.setPixmap(pixmap("lock", 22))
        self.lock.setFixedSize(22, 22)
        self.lock.hide()
        row.addWidget(self.lock, 0, Qt.AlignmentFlag.AlignVCenter)
        self._look = Look.PAINTED
        self._language = language
        self.retranslate(language)

    @property
    def look(self) -> Look:
        return self._look

    def show_look(self, look: Look) -> None:
        self._look = look
        self.buttons[look].setChecked(True)

    def set_locked(self, locked: bool) -> None:
        for button in self.buttons.values():
            button.setEnabled(not locked)
        self.lock.setVisible(locked)

    @property
    def locked(self) -> bool:
        return self.lock.isVisibleTo(self)

    def _clicked(self, look: Look) -> None:
        if look != self._look:
            self._look = look
            self.chosen.emit(look)

    def retranslate(self, language: str) -> None:
        self._language = language
        for look, button in self.buttons.items():
            button.setText(tr(f"look_{look}", language))
            button.setToolTip(tr(f"look_{look}_on", language))
        self.lock.setToolTip(tr("locked_by_adult", language))
