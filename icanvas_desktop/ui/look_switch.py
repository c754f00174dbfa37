"""The switch above the picture between its looks, each the same region colours in a child's own materials:
"Neat" (깔끔하게, the child's lines over flat colour), "Crayon" (크레용처럼) and "Watercolour" (수채화처럼).

Big parts of one switch, each with its picture, rather than a list: a child who cannot read yet still sees
which one is on. The one on says its name beside its picture, the others show their picture alone (their
name on hover, and said in words when tapped): three names would take the room of the picture's header,
where the sheet beside it needs it at the smallest window. It shows the look the picture is made in, which
is the theme's own until the child picks one; an administrator's lock greys it out with a small lock,
showing the look every child gets.
"""

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QButtonGroup, QHBoxLayout, QLabel, QWidget

from icanvas_desktop.look import CHILD_LOOKS, Look
from icanvas_desktop.ui.appearance import pixmap
from icanvas_desktop.ui.controls import big_button
from icanvas_desktop.words.i18n import tr

# The crayon is the one on "Keep drawing" (resources/icons/keep_drawing.png): the same emoji.
ICONS = {Look.CLEAN: "sparkles", Look.CRAYON: "keep_drawing", Look.WATERCOLOUR: "watercolour"}


class LookSwitch(QWidget):
    chosen = Signal(object)  # a Look, when the child taps another one (not when set in code)

    def __init__(self, language: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("lookSwitch")
        self.buttons = {}
        group = QButtonGroup(self)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(4)
        for look in CHILD_LOOKS:
            button = big_button("", ICONS[look], role="look", checkable=True, icon_side=24, under=False)
            button.clicked.connect(lambda _=False, v=look: self._clicked(v))
            group.addButton(button)
            row.addWidget(button)
            self.buttons[look] = button
        self.lock = QLabel()
        self.lock.setPixmap(pixmap("lock", 22))
        self.lock.setFixedSize(22, 22)
        self.lock.hide()
        row.addWidget(self.lock, 0, Qt.AlignmentFlag.AlignVCenter)
        self._look = Look.CLEAN
        self._language = language
        self.retranslate(language)

    @property
    def look(self) -> Look:
        return self._look

    def show_look(self, look: Look) -> None:
        self._look = look
        self.buttons[look].setChecked(True)
        self._name_the_one_on()

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
            self._name_the_one_on()
            self.chosen.emit(look)

    def retranslate(self, language: str) -> None:
        self._language = language
        for look, button in self.buttons.items():
            button.setToolTip(tr(f"look_{look}_on", language))
            button.setAccessibleName(tr(f"look_{look}", language))
        self.lock.setToolTip(tr("locked_by_adult", language))
        self._name_the_one_on()

    def _name_the_one_on(self) -> None:
        for look, button in self.buttons.items():
            button.setText(tr(f"look_{look}", self._language) if look == self._look else "")
