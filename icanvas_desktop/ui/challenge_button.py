"""The challenge above the sheet ("Challenge: Draw a cat"): the theme's first prompt this child has not done.

Tapped, it is on: the next save in its theme counts for it and earns its bonus stars (rewards/rules.py).
It says so in words when it is turned on, and the drawing screen reminds a child who saved without it.
A parent's theme may have a long challenge (up to 120 characters): it goes on two lines as wide as the room
the drawing screen gives it, and what still does not fit ends in "…"; the whole of it is in the tooltip and
in the words said when the child turns it on.
"""

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QToolButton

from icanvas_desktop.rewards.rules import Challenge
from icanvas_desktop.themes.theme import Theme
from icanvas_desktop.ui.controls import make_big
from icanvas_desktop.words.i18n import tr


class ChallengeButton(QToolButton):
    started = Signal(str)  # the words to say when the child turns it on

    def __init__(self, language: str):
        super().__init__()
        make_big(self, "", "challenge", role="challenge", checkable=True, icon_side=26, under=False)
        self._language = language
        self._theme: Theme | None = None
        self._prompts: list[dict[str, str]] = []
        self._index = 0
        self._room: int | None = None  # the widest it may be, from the drawing screen
        self.toggled.connect(self._toggled)
        self.hide()

    def offer(self, theme: Theme | None, done: frozenset[Challenge]) -> None:
        """Offer `theme`'s first prompt not in `done` (the first, when all are done), switched off."""
        self.setChecked(False)
        self._theme = theme
        self._prompts = list(theme.prompts) if theme else []
        self._index = next(
            (i for i, p in enumerate(self._prompts) if Challenge(theme.id, p["id"]) not in done), 0
        )
        self.retranslate(self._language)

    @property
    def offered(self) -> Challenge | None:
        if not self._prompts or self._theme is None:
            return None
        return Challenge(self._theme.id, self._prompts[self._index]["id"])

    @property
    def active(self) -> Challenge | None:
        """The challenge the child turned on, if any."""
        return self.offered if self.isChecked() else None

    def retranslate(self, language: str) -> None:
        self._language = language
        self.setVisible(bool(self._prompts))
        if self._prompts:
            self._fit()
            self.setToolTip(f"{self.words}\n{tr('challenge_tip', language)}")

    @property
    def words(self) -> str:
        """The challenge in full, as the child's language says it."""
        return tr("challenge", self._language, prompt=self._prompt_text()) if self._prompts else ""

    def set_room(self, width: int) -> None:
        """Be at most `width` px wide, on two lines where one is too long."""
        if width != self._room:
            self._room = width
            if self._prompts:
                self._fit()

    def _fit(self) -> None:
        words = self.words
        metrics = self.fontMetrics()
        self.setText(_shown(words))
        # What the button needs besides its words: the icon, the padding and the frame.
        frame = self.sizeHint().width() - metrics.horizontalAdvance(words)
        room = None if self._room is None else max(1, self._room - frame)
        if room is None or metrics.horizontalAdvance(words) <= room:
            return
        first, rest = [], words.split(" ")
        while len(rest) > 1 and metrics.horizontalAdvance(" ".join([*first, rest[0]])) <= room:
            first.append(rest.pop(0))
        first_line, rest_text = " ".join(first), " ".join(rest)
        if metrics.horizontalAdvance(first_line) < room // 2:
            # A word too long for what is left of the line (Korean often has few spaces): broken in it.
            first_line = metrics.elidedText(words, Qt.TextElideMode.ElideRight, room).removesuffix("…")
            rest_text = words[len(first_line):].lstrip()
        second = metrics.elidedText(rest_text, Qt.TextElideMode.ElideRight, room)
        self.setText(_shown(first_line + "\n" + second))

    def _prompt_text(self) -> str:
        prompt = self._prompts[self._index]
        return prompt.get(self._language) or prompt.get("en", prompt["id"])

    def _toggled(self, on: bool) -> None:
        if on and self._prompts:
            self.started.emit(tr("challenge_started", self._language, prompt=self._prompt_text()))


def _shown(text: str) -> str:
    # A lone "&" would be taken for a shortcut mark and not shown.
    return text.replace("&", "&&")
