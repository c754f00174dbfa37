"""The challenge above the sheet ("Challenge: Draw a cat"): the theme's first prompt this child has not done.

Tapped, it is on: the next save in its theme counts for it and earns its bonus stars (rewards/rules.py).
It says so in words when it is turned on, and the drawing screen reminds a child who saved without it.
"""

from PySide6.QtCore import Signal
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
            self.setText(tr("challenge", language, prompt=self._prompt_text()))
            self.setToolTip(tr("challenge_tip", language))

    def _prompt_text(self) -> str:
        prompt = self._prompts[self._index]
        return prompt.get(self._language) or prompt.get("en", prompt["id"])

    def _toggled(self, on: bool) -> None:
        if on and self._prompts:
            self.started.emit(tr("challenge_started", self._language, prompt=self._prompt_text()))
