"""About iCanvas ("만든 사람들"): the version, what the app is made with and where every installed theme's
pictures came from, with their licenses (the facts are in credits.py). Reached from the settings page;
the text scrolls, the back button stays put."""

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from icanvas_desktop.themes.theme import Theme
from icanvas_desktop.ui.controls import back_header, big_button, plain_scroll
from icanvas_desktop.words.credits import Entry, app_entries, theme_entries, version_line
from icanvas_desktop.words.i18n import tr


class AboutPage(QWidget):
    back_requested = Signal()

    def __init__(self, language: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("aboutPage")
        self._language = language
        self._themes: list[Theme] = []
        self._labels: list[QLabel] = []
        self.title = QLabel()
        self.title.setObjectName("bigTitle")
        self.back_button = big_button("", "back", role="secondary", icon_side=34, under=False)
        self.back_button.clicked.connect(self.back_requested)
        header = back_header(self.back_button, self.title)

        card = QFrame()
        card.setObjectName("aboutCard")
        self._content = QVBoxLayout(card)
        self._content.setContentsMargins(30, 24, 30, 24)
        self._content.setSpacing(6)
        scroll = plain_scroll(card, "aboutScroll", Qt.Orientation.Vertical)
        self.scroll = scroll

        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 12, 20, 20)
        layout.addLayout(header)
        layout.addSpacing(10)
        layout.addWidget(scroll, 1)
        self.retranslate(language)

    def set_themes(self, themes: list[Theme]) -> None:
        """Every installed theme, also those an administrator hid from the children: their files are here."""
        self._themes = list(themes)
        self._fill()

    def retranslate(self, language: str) -> None:
        self._language = language
        self.title.setText(tr("about", language))
        self.back_button.setText(tr("back", language))
        self._fill()

    def text(self) -> str:
        """Everything the page says, one label a line."""
        return "\n".join(label.text() for label in self._labels)

    def _fill(self) -> None:
        while (item := self._content.takeAt(0)) is not None:
            if item.widget() is not None:
                # At once: deleteLater waits for the event loop, and a grab may come first.
                item.widget().hide()
                item.widget().deleteLater()
        self._labels = []
        lang = self._language
        self._add(version_line(lang), "aboutVersion")
        self._add(tr("about_intro", lang), "aboutText")
        self._content.addSpacing(14)
        self._add(tr("about_app_parts", lang), "aboutHeading")
        self._add_entries(app_entries(lang))
        self._content.addSpacing(14)
        self._add(tr("about_themes", lang), "aboutHeading")
        if self._themes:
            self._add_entries(theme_entries(self._themes, lang))
        else:
            self._add(tr("about_no_themes", lang), "aboutText")
        self._content.addStretch()

    def _add_entries(self, entries: list[Entry]) -> None:
        for entry in entries:
            self._content.addSpacing(6)
            self._add(entry.title, "aboutEntry")
            for line in entry.lines:
                self._add(line, "aboutText")

    def _add(self, text: str, name: str) -> None:
        label = QLabel(text)
        label.setObjectName(name)
        label.setWordWrap(True)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._content.addWidget(label)
        self._labels.append(label)
