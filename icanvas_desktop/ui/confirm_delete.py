"""The gallery's "Delete this picture?": a card with two big buttons over the whole gallery, answered by a
signal, so that deleting waits for the child's yes and a tap beside the card keeps the picture."""

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from icanvas_desktop.gallery.store import Creation
from icanvas_desktop.ui.controls import Backdrop, big_button
from icanvas_desktop.words.i18n import tr


class ConfirmDelete(Backdrop):
    """"Delete this picture?" with two big buttons, over the whole gallery."""

    answered = Signal(bool)

    def __init__(self, parent: QWidget):
        super().__init__(parent)
        parent.installEventFilter(self)
        card = QFrame(self)
        card.setObjectName("confirmCard")
        self.card = card
        self.question = QLabel()
        self.question.setProperty("role", "heading")
        self.question.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.thumbnail = QLabel()
        self.thumbnail.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.yes = big_button("", "delete", role="danger", icon_side=36, under=False)
        self.no = big_button("", "keep", role="primary", icon_side=36, under=False)
        self.yes.clicked.connect(lambda: self._answer(True))
        self.no.clicked.connect(lambda: self._answer(False))
        buttons = QHBoxLayout()
        buttons.setSpacing(20)
        buttons.addWidget(self.no)
        buttons.addWidget(self.yes)
        layout = QVBoxLayout(card)
        layout.setContentsMargins(36, 26, 36, 26)
        layout.setSpacing(14)
        layout.addWidget(self.question)
        layout.addWidget(self.thumbnail)
        layout.addLayout(buttons)

    def ask(self, creation: Creation, language: str) -> None:
        self.question.setText(tr("delete_question", language))
        self.yes.setText(tr("delete_yes", language))
        self.no.setText(tr("delete_no", language))
        self.thumbnail.setPixmap(QPixmap(str(creation.thumbnail_path)))
        self.cover_parent()
        # First: the card's buttons take their style's size only once shown, and adjustSize needs it.
        self.show()
        self.card.adjustSize()
        self._centre_card()

    def eventFilter(self, watched, event) -> bool:
        super().eventFilter(watched, event)
        if watched is self.parentWidget() and event.type() == event.Type.Resize and self.isVisible():
            self._centre_card()
        return False

    def _centre_card(self) -> None:
        self.card.move((self.width() - self.card.width()) // 2, (self.height() - self.card.height()) // 2)

    def mousePressEvent(self, event) -> None:
        if not self.card.geometry().contains(event.position().toPoint()):
            self._answer(False)  # a tap beside the card keeps the picture

    def _answer(self, yes: bool) -> None:
        self.hide()
        self.answered.emit(yes)
