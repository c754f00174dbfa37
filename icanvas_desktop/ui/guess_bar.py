"""The buttons that let the child say what they drew and roll other colours: "Is it a ...?" in the row under
the picture, up to three big picture buttons (the artist's colouring of each thing the recogniser guessed,
its word under it in the child's language) and "None" for no thing (the theme's colours, as the colourer
left them); and the dice, under "Live", for another plausible colouring of the same drawing.

The guesses come with each picture, found on the generation thread (generation/pipeline.Generator.offers).
A picture of several things (a scene) is asked about one thing at a time: the result view rings the thing
asked about (`asking`), and a tap on another thing in the picture asks about that one (`ask_at`); naming it
colours it alone (drawing/scene_names.py).
In live mode a picture comes many times a second: the buttons change only when the guesses do, so they do
not flicker. Everything here is about the region colours of the clean look (and of crayon and watercolour,
its materials); for the raw picture they hide.

A choice is never lost: the usual colouring is one tap away (the guess the recogniser was sure of, or
"None" when it was sure of nothing), and tapping a guess again brings its usual colouring back. Each choice
is a step of the drawing's history (profiles/drawing_model.DrawingModel.choose_colours): Undo and Redo take
it back and bring it again, and the picture is made again as when it was chosen.
"""

from PySide6.QtCore import Signal
from PySide6.QtGui import QIcon, QPixmap
from PySide6.QtWidgets import QButtonGroup, QHBoxLayout, QToolButton, QWidget

from icanvas_desktop.drawing.picture import Picture, SceneThing
from icanvas_desktop.generation.pipeline import OFFERED
from icanvas_desktop.generation.recognise import bundled_things, thing_png
from icanvas_desktop.look import Look
from icanvas_desktop.profiles.drawing_model import DrawingModel
from icanvas_desktop.ui.controls import big_button
from icanvas_desktop.words.i18n import tr

ICON_SIDE = 34  # with the word under it (two lines for "fire truck"), within the 66 px row of Save and New


class GuessBar(QWidget):
    # The child chose a thing or rolled the dice, or Undo or Redo took a choice back or brought it again: the
    # picture is to be made again, and Undo and Redo light up.
    changed = Signal()
    # The box (left, top, right, bottom, shares of the sheet) of the scene's thing asked about, or None.
    asking = Signal(object)

    def __init__(self, model: DrawingModel, language: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("guessBar")
        self.model = model
        self._language = language
        self._guesses: tuple[str, ...] = ()
        self._picture: Picture | None = None
        self._asked: SceneThing | None = None  # the thing of a scene the buttons are about
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(2)
        self._group = QButtonGroup(self)  # one thing at a time, "None" among them
        self.guess_buttons: list[QToolButton] = []
        for _ in range(OFFERED):
            button = self._choice_button()
            self.guess_buttons.append(button)
            row.addWidget(button)
        self.none_button = self._choice_button("palette")
        row.addWidget(self.none_button)
        # Not in this row: drawing_layout puts the dice under "Live", where there is room at every size.
        self.dice_button = big_button("", "dice", role="dice", icon_side=32)
        self.dice_button.clicked.connect(self._roll)
        keep_room = self.dice_button.sizePolicy()
        keep_room.setRetainSizeWhenHidden(True)  # "Make it!" and "Live" above it do not move
        self.dice_button.setSizePolicy(keep_room)
        for button in self.guess_buttons:
            button.clicked.connect(lambda _=False, b=button: self._choose(b.property("thing")))
        self.none_button.clicked.connect(lambda: self._choose(None))
        model.colours_undone_or_redone = self._follow_history
        self.retranslate(language)
        self.show_picture(None)

    def _choice_button(self, icon_name: str | None = None) -> QToolButton:
        button = big_button("", icon_name, role="guess", checkable=True, icon_side=ICON_SIDE)
        self._group.addButton(button)
        return button

    @property
    def guesses(self) -> tuple[str, ...]:
        """The things on the buttons, likeliest first."""
        return self._guesses

    def show_picture(self, picture: Picture | None) -> None:
        """Show the guesses that came with the picture on show (none for a picture put back from a draft or
        the gallery), the child's choice checked; for the raw picture (or one of unknown look), nothing.
        With no picture on show (a new sheet, another child) nothing is chosen: the next picture is in the
        usual colouring."""
        if picture is None:
            self.model.follow_colours(None)
        clean = picture is not None and picture.look not in (None, Look.PAINTED)
        self._picture = picture
        self._asked = self.model.asked_thing(picture) if clean else None
        guesses = self._asked.offered if self._asked is not None else picture.guesses if clean else ()
        if guesses != self._guesses:
            self._guesses = guesses
            self._label_guesses()
        self._tip_guesses()
        self.none_button.setVisible(bool(guesses))
        self.dice_button.setVisible(clean)
        self.asking.emit(None if self._asked is None else self._asked.box)
        if picture is not None:
            self._check(picture.thing if self._asked is None else self._choice())

    @property
    def asks_about_a_thing(self) -> bool:
        """Whether the buttons are about one thing of a scene (ringed in the picture)."""
        return self._asked is not None

    def ask_at(self, x: float, y: float) -> None:
        """The child tapped the picture at (x, y), shares of the sheet: in a scene, ask about the thing
        there."""
        if self._asked is not None and self.model.ask_at(self._picture, x, y):
            self.show_picture(self._picture)

    def _choice(self) -> str | None:
        """The child's choice for what the buttons are about: the scene's thing asked about, or the whole
        drawing."""
        if self._asked is not None:
            return self.model.named(self._picture, self._asked)
        return self.model.thing

    def _label_guesses(self) -> None:
        # The things and their pictures were read when the guesses were made, on the generation thread.
        things = bundled_things() if self._guesses else {}
        for i, button in enumerate(self.guess_buttons):
            thing = things.get(self._guesses[i]) if i < len(self._guesses) else None
            button.setVisible(thing is not None)
            button.setProperty("thing", thing.id if thing else None)
            if thing is not None:
                image = QPixmap()
                image.loadFromData(thing_png(thing.id) or b"", "PNG")
                button.setIcon(QIcon(image))
                word = thing.names.get(self._language) or thing.names.get("en", thing.id)
                # "fire truck" on two lines: the row beside Save and New is short of room at 980 px.
                button.setText(word.replace(" ", "\n", 1))

    def _check(self, thing: str | None) -> None:
        """Check the button of `thing` (None: "None"); nothing is checked for the usual colouring, which
        the child has not chosen."""
        chosen = self.none_button if thing is None else next(
            (b for b in self.guess_buttons if b.isVisibleTo(self) and b.property("thing") == thing), None)
        self._group.setExclusive(chosen is not None)
        if chosen is None:
            for button in self._group.buttons():
                button.setChecked(False)
        else:
            chosen.setChecked(True)

    def _choose(self, thing: str | None) -> None:
        chosen = (self.model.choose_colours(thing) if self._asked is None
                  else self.model.name_thing(self._asked, thing))
        self._check(thing)
        if chosen:
            self.changed.emit()

    def _roll(self) -> None:
        self.model.another_colouring()
        self.changed.emit()

    def _follow_history(self) -> None:
        self._check(self._choice())
        self.changed.emit()

    def _tip_guesses(self) -> None:
        tip = tr("guess_tip" if self._asked is None else "guess_scene_tip", self._language)
        for button in self.guess_buttons:
            button.setToolTip(tip)

    def retranslate(self, language: str) -> None:
        self._language = language
        self._tip_guesses()
        self.none_button.setText(tr("guess_none", language))
        self.none_button.setToolTip(tr("guess_none_tip", language))
        self.dice_button.setText(tr("dice", language))
        self.dice_button.setToolTip(tr("dice_tip", language))
        self._label_guesses()
