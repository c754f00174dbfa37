"""Settings a child may touch safely: the language and the sound. Nothing here can lose a drawing.

A setting the administrator locked is greyed out with a lock note; a problem with the administrator's
file is told here, calmly, to the adult who opens the settings, never to the child in a popup.
"""

from collections.abc import Collection
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QButtonGroup, QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from icanvas_desktop.settings.user import LANGUAGE_SETTINGS, Settings
from icanvas_desktop.ui.controls import LockNote, back_header, big_button
from icanvas_desktop.ui.grown_ups_page import HoldButton
from icanvas_desktop.words.i18n import LANGUAGE_NAMES, tr


class SettingsPage(QWidget):
    language_chosen = Signal(str)  # "auto", "ko" or "en"
    sound_chosen = Signal(bool)
    back_requested = Signal()
    about_requested = Signal()
    grown_ups_requested = Signal()  # after the two-second hold

    def __init__(self, settings: Settings, language: str, export_folder: Path, sound_available: bool,
                 locked: Collection[str] = (), admin_problem: str | None = None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("settingsPage")
        self._export_folder = export_folder
        self._sound_available = sound_available
        self._admin_problem = admin_problem
        self.title = QLabel()
        self.title.setObjectName("bigTitle")
        self.back_button = big_button("", "back", role="secondary", icon_side=34, under=False)
        self.back_button.clicked.connect(self.back_requested)
        self.about_button = big_button("", "sparkles", role="secondary", icon_side=30, under=False)
        self.about_button.clicked.connect(self.about_requested)
        self.grown_ups_button = HoldButton()
        self.grown_ups_button.held.connect(self.grown_ups_requested)

        language_row = self._language_row(settings)

        sound_row = self._sound_row()
        self._make_notes(admin_problem)

        card = QFrame()
        card.setObjectName("settingsCard")
        form = QVBoxLayout(card)
        form.setContentsMargins(30, 24, 30, 24)
        form.setSpacing(12)
        form.addWidget(self.language_label)
        form.addLayout(language_row)
        form.addSpacing(16)
        form.addWidget(self.sound_label)
        form.addLayout(sound_row)
        form.addWidget(self.sound_lock)
        form.addWidget(self.sound_note)
        form.addSpacing(16)
        form.addWidget(self.folder_note)
        header = back_header(self.back_button, self.title)
        header.addWidget(self.about_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 12, 20, 20)
        layout.addLayout(header)
        layout.addSpacing(10)
        layout.addWidget(card)
        layout.addSpacing(12)
        layout.addWidget(self.admin_note)
        layout.addStretch()
        layout.addWidget(self.grown_ups_button, 0, Qt.AlignmentFlag.AlignRight)
        self.show_settings(settings, locked)
        self.retranslate(language)

    def _make_notes(self, admin_problem: str | None) -> None:
        """The small print: the lock, why there is no sound, where copies go, the administrator's problem."""
        self.sound_lock = LockNote()
        self.sound_note = QLabel()
        self.sound_note.setObjectName("note")
        self.folder_note = QLabel()
        self.folder_note.setObjectName("note")
        self.folder_note.setWordWrap(True)
        self.folder_note.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.admin_note = QLabel()
        self.admin_note.setObjectName("adminNote")
        self.admin_note.setWordWrap(True)
        self.admin_note.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.admin_note.setVisible(admin_problem is not None)

    def _language_row(self, settings: Settings) -> QHBoxLayout:
        """One button per language setting, the current one checked."""
        self.language_label = QLabel()
        self.language_label.setProperty("role", "heading")
        self.language_buttons = {}
        languages = QButtonGroup(self)
        language_row = QHBoxLayout()
        for setting in LANGUAGE_SETTINGS:
            button = big_button("", "language" if setting == "auto" else None, role="choice", checkable=True,
                                icon_side=32, under=False)
            button.setChecked(settings.language == setting)
            button.clicked.connect(lambda _=False, s=setting: self.language_chosen.emit(s))
            languages.addButton(button)
            language_row.addWidget(button)
            self.language_buttons[setting] = button
        language_row.addStretch()
        return language_row

    def _sound_row(self) -> QHBoxLayout:
        self.sound_label = QLabel()
        self.sound_label.setProperty("role", "heading")
        self.sound_on = big_button("", "sound_on", role="choice", checkable=True, icon_side=32, under=False)
        self.sound_off = big_button("", "sound_off", role="choice", checkable=True, icon_side=32, under=False)
        sounds = QButtonGroup(self)
        for button, on in ((self.sound_on, True), (self.sound_off, False)):
            sounds.addButton(button)
            button.clicked.connect(lambda _=False, v=on: self.sound_chosen.emit(v))
        sound_row = QHBoxLayout()
        sound_row.addWidget(self.sound_on)
        sound_row.addWidget(self.sound_off)
        sound_row.addStretch()
        return sound_row

    def show_settings(self, settings: Settings, locked: Collection[str]) -> None:
        """Check the buttons that match `settings`; grey out (with the lock note) what is in `locked`. Where
        the computer cannot play sound, "On" would be a promise the app cannot keep: Off shows, both greyed,
        beside the note that says why."""
        playing = settings.sound and self._sound_available
        self.sound_on.setChecked(playing)
        self.sound_off.setChecked(not playing)
        for button in (self.sound_on, self.sound_off):
            button.setEnabled("sound" not in locked and self._sound_available)
        self.sound_lock.setVisible("sound" in locked)

    def retranslate(self, language: str) -> None:
        self.title.setText(tr("settings", language))
        self.back_button.setText(tr("back", language))
        self.language_label.setText(tr("language", language))
        self.language_buttons["auto"].setText(tr("language_auto", language))
        for code in ("ko", "en"):
            self.language_buttons[code].setText(LANGUAGE_NAMES[code])
        self.sound_label.setText(tr("sound", language))
        self.sound_on.setText(tr("sound_on", language))
        self.sound_off.setText(tr("sound_off", language))
        self.sound_note.setText(tr("no_sound_player", language))
        self.sound_note.setVisible(not self._sound_available)
        self.folder_note.setText(tr("copies_go_to", language, folder=str(self._export_folder)))
        self.sound_lock.setText(tr("locked_by_adult", language))
        self.about_button.setText(tr("about", language))
        self.grown_ups_button.setText(tr("hold_for_grown_ups", language))
        if self._admin_problem is not None:
            self.admin_note.setText(tr("admin_problem", language, problem=self._admin_problem))
