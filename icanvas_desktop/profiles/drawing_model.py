"""What the drawing screen holds and decides, without Qt: the theme, the look, the picture on show, live mode,
when a picture is asked for or saved, and whether a challenge was missed.

`ui/drawing_screen.py` shows it and binds its widgets to it; this module makes no widget and touches no
file, so its rules are tested with plain pytest (tests/app_core/test_drawing_model.py). The strokes are the
sketchpad's (drawing/sketchpad.py), which the canvas shows and changes; what is asked of the generator is
one frozen `PictureRequest` (drawing/picture.py).

    model = DrawingModel(Sketchpad())
    model.choose_theme(theme)
    model.refusal(model.drawing)             # None, or why no picture can be made yet
    model.request(model.drawing)             # the PictureRequest to hand to the generation service
    model.save_step(saving=False)            # what "Save" does now
"""

from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum, StrEnum

from icanvas_desktop.drawing.draft import Draft
from icanvas_desktop.drawing.picture import GUESSED, Picture, PictureRequest, SceneThing
from icanvas_desktop.drawing.rasterize import GrowingSketch, png_bytes
from icanvas_desktop.drawing.scene_names import name_in, names_of, thing_at, with_name
from icanvas_desktop.drawing.sketchpad import Sketchpad
from icanvas_desktop.drawing.strokes import Drawing
from icanvas_desktop.look import THEMES_OWN, Look, child_look
from icanvas_desktop.profiles.session import ChildSession, SaveResult, StarStatus
from icanvas_desktop.profiles.store import Profile
from icanvas_desktop.rewards.rules import AwardReason, Challenge
from icanvas_desktop.settings.user import SettingsFile
from icanvas_desktop.themes.theme import Theme


class Refusal(StrEnum):
    """Why "Make it!" or "Save" did nothing; each is the key of the words the screen says (words/i18n.py)."""

    PICK_THEME = "pick_theme_first"
    DRAW_FIRST = "draw_first"
    NOTHING_TO_SAVE = "nothing_to_save"


class SaveStep(Enum):
    IGNORE = "ignore"  # nobody is drawing, or a save is under way: a second tap changes nothing
    NOTHING = "nothing"  # nothing to save yet (Refusal.NOTHING_TO_SAVE)
    MAKE_FIRST = "make first"  # the picture on show is older than the drawing: a new one, saved when it comes
    SAVE = "save"  # the picture on show is the drawing's, as it is now


class Remake(Enum):
    """What to ask for after the theme or the look changed."""

    NOTHING = "nothing"
    LIVE = "live"  # the drawing as it is, the stroke under the pen included
    MAKE = "make"  # the picture on show, again


@dataclass(frozen=True)
class ChildState:
    """What the drawing screen puts back when a child comes, read off the UI thread (`read_child_state`)."""

    draft: Draft  # what they left on the screen (an empty sheet when nothing)
    completed_challenges: frozenset[Challenge]
    look_setting: str  # one of look.LOOK_SETTINGS (settings/effective.child_look)


def read_child_state(session: ChildSession, look_setting: Callable[[SettingsFile], str]) -> ChildState:
    """Read a child's draft, challenges done and look setting (from their settings file, by `look_setting`):
    files and SQLite, so run by the background helper."""
    return ChildState(session.drafts.load() or Draft(Drawing()), session.completed_challenges(),
                      look_setting(session.settings))


def open_child(profile: Profile, look_setting: Callable[[SettingsFile], str]
               ) -> tuple[ChildSession, ChildState, StarStatus]:
    """Open a child's session and read what the window shows of them first: what they left on the drawing
    screen and their stars. Files and SQLite: run by the background helper. The child is open in this window
    alone (ProfileInUse where another has them)."""
    session = ChildSession(profile, exclusive=True)
    try:
        return session, read_child_state(session, look_setting), session.stars()
    except BaseException:
        session.close()
        raise


@dataclass(frozen=True)
class _ColourStep:
    """A colour choice as a step of the drawing's history (drawing/strokes.ChoiceStep)."""

    model: "DrawingModel"
    before: tuple[str | None, int]  # (thing, colouring)
    after: tuple[str | None, int]

    def undo(self) -> None:
        self.model._colours_from_history(self.before)

    def redo(self) -> None:
        self.model._colours_from_history(self.after)


class DrawingModel:
    def __init__(self, pad: Sketchpad | None = None):
        self.pad = pad if pad is not None else Sketchpad()
        self.session: ChildSession | None = None
        self.theme: Theme | None = None
        self.wanted_theme_id: str | None = None  # the draft's theme, until the themes are found
        self.look_setting = THEMES_OWN  # one of look.LOOK_SETTINGS: the child's, or the administrator's
        self.picture: Picture | None = None  # the picture on show
        self.live = False
        # The child's colour choice for the pictures asked for (drawing/picture.Picture): "Is it a ...?" and
        # the dice, each choice a step of the drawing's history (`choose_colours`).
        self.thing: str | None = GUESSED
        self.colouring = 0
        # In a picture of several things "Is it a ...?" asks about one at a time: the thing at this place
        # (shares of the sheet: the middle of its box, found again as names are, drawing/scene_names.py),
        # once the child tapped it in the picture (`ask_at`); until then the largest the recogniser offers
        # anything for. Not a choice: Undo does not take it back.
        self.asked: tuple[float, float] | None = None
        # Told when Undo or Redo changed the colour choice, so that the picture is made in it again
        # (ui/guess_bar.py listens).
        self.colours_undone_or_redone: Callable[[], None] = lambda: None
        # The drawing child's, read in the background when they come and after a save that completed one.
        self.completed_challenges: frozenset[Challenge] = frozenset()
        self._sketches = GrowingSketch()  # live mode asks many times a second; only new strokes are drawn

    @property
    def drawing(self) -> Drawing:
        return self.pad.drawing

    # The theme and the look

    def choose_theme(self, theme: Theme) -> bool:
        """Draw in `theme` from now on; False when it already was the theme."""
        if self.theme is not None and self.theme.id == theme.id:
            return False
        self.theme, self.wanted_theme_id = theme, None
        return True

    def theme_after_search(self, theme_ids: list[str]) -> str | None:
        """The themes were found (again): the id of the one to choose, the current one or the draft's if it is
        still there, else the first; None when there is none. The current theme is chosen afresh."""
        wanted = self.theme.id if self.theme is not None else self.wanted_theme_id
        self.theme = None
        if not theme_ids:
            return None
        return wanted if wanted in theme_ids else theme_ids[0]

    @property
    def look(self) -> Look:
        """The look pictures are made in now (the theme's own where the setting says so; never the raw
        picture)."""
        return child_look(self.look_setting, self.theme.look if self.theme is not None else Look.CLEAN)

    def set_look_setting(self, setting: str) -> bool:
        """Another look setting (one of look.LOOK_SETTINGS); True when the picture on show is in another look
        now and is to be made again."""
        self.look_setting = setting
        return self.picture is not None and self.picture.look not in (None, self.look)

    def remake(self) -> Remake:
        """After the theme or the look changed: in live mode the live picture, else the picture on show, made
        again; a picture of the old theme beside the new theme's challenge would confuse."""
        if self.live:
            return Remake.LIVE
        return Remake.MAKE if self.picture is not None else Remake.NOTHING

    # Asking for pictures

    def refusal(self, drawing: Drawing) -> Refusal | None:
        """Why no picture of `drawing` can be asked for, or None."""
        if self.theme is None:
            return Refusal.PICK_THEME
        return Refusal.DRAW_FIRST if drawing.is_empty else None

    def request(self, drawing: Drawing) -> PictureRequest:
        """A picture of `drawing` in the theme and the look chosen (a theme is chosen: see `refusal`)."""
        theme = self.theme
        if theme is None:
            raise ValueError("no theme is chosen")
        sketch_png = png_bytes(self._sketches.render(drawing, theme.input_size))
        return PictureRequest(theme.folder, theme.id, Drawing(drawing.strokes), sketch_png, self.look,
                              self.thing, self.colouring)

    def live_request(self) -> PictureRequest | None:
        """In live mode, a picture of the drawing as it is, the stroke under the pen included; None when
        there is nothing to ask for."""
        if not self.live or self.theme is None:
            return None
        drawing = self.pad.live_drawing()
        return None if drawing.is_empty else self.request(drawing)

    # Keeping pictures

    @property
    def picture_is_current(self) -> bool:
        """Whether the picture on show was made from the drawing as it is now, in the chosen theme and
        look."""
        picture = self.picture
        return (picture is not None and picture.drawing == self.drawing
                and (self.theme is None or picture.theme_id == self.theme.id)
                and picture.look in (None, self.look)
                and (picture.thing, picture.colouring) == (self.thing, self.colouring))

    def choose_colours(self, thing: str | None = GUESSED, colouring: int = 0) -> bool:
        """Colour the pictures from now on as `thing` (a guess the child tapped, None for "none of these"),
        in `colouring` (the dice): one step of the drawing's history, which Undo takes back in turn with the
        strokes. False, and no step, when that is the choice already. Each choice is one tap away: the usual
        colouring is the guess the recogniser is sure of, or "none of these" when it is sure of nothing."""
        if (thing, colouring) == (self.thing, self.colouring):
            return False
        self.drawing.record(_ColourStep(self, (self.thing, self.colouring), (thing, colouring)))
        self.thing, self.colouring = thing, colouring
        return True

    def asked_thing(self, picture: Picture | None) -> SceneThing | None:
        """The thing of `picture` (a scene) that "Is it a ...?" asks about; None for a picture of one thing,
        or a scene the recogniser offers nothing for."""
        if picture is None or not picture.scene:
            return None
        asked = [t for t in picture.scene if t.offered]
        if self.asked is not None:
            box = thing_at([t.box for t in asked], self.asked)
            if box is not None:
                return next(t for t in asked if t.box == box)
        return asked[0] if asked else None

    def ask_at(self, picture: Picture | None, x: float, y: float) -> bool:
        """The child tapped `picture` at (x, y), shares of the sheet: ask about the thing there from now on
        (the smallest whose box holds the place, of those the recogniser offers anything for). False when
        there is none: the question stays where it was."""
        holding = [t.box for t in (picture.scene if picture is not None else ())
                   if t.offered and t.box[0] <= x <= t.box[2] and t.box[1] <= y <= t.box[3]]
        if not holding:
            return False
        left, top, right, bottom = min(holding, key=lambda b: (b[2] - b[0]) * (b[3] - b[1]))
        self.asked = ((left + right) / 2, (top + bottom) / 2)
        return True

    def name_thing(self, thing: SceneThing, name: str | None) -> bool:
        """The child says `thing` of a scene is `name` (None: "none of these"): a step, as `choose_colours`,
        which the next pictures follow."""
        return self.choose_colours(with_name(self.thing, thing.box, name))

    def named(self, picture: Picture, thing: SceneThing) -> str | None:
        """What the colour choice now names `thing` of the scene in `picture`: GUESSED when nothing."""
        name = name_in(names_of(self.thing), thing.box, [t.box for t in picture.scene])
        return GUESSED if name is None else name.thing

    def another_colouring(self) -> None:
        """The dice: the next plausible colouring of the same thing (a step, as `choose_colours`)."""
        self.choose_colours(self.thing, self.colouring + 1)

    def follow_colours(self, picture: Picture | None) -> None:
        """A picture put back (a draft, a creation reopened), or none (a new sheet): its colour choice, or the
        usual one, is the one from now on. Not a step the child could undo: Undo after these takes back what
        the child did (the sheet cleared, the drawing replaced), not a choice they never made; a choice of
        theirs from before, undone, brings back the choice that came before it."""
        self.thing, self.colouring = (GUESSED, 0) if picture is None else (picture.thing, picture.colouring)
        self.asked = None

    def _colours_from_history(self, colours: tuple[str | None, int]) -> None:
        self.thing, self.colouring = colours
        self.colours_undone_or_redone()

    def save_step(self, saving: bool) -> SaveStep:
        """What "Save" does now, while a save is (`saving`) or is not under way."""
        if self.session is None or saving:
            return SaveStep.IGNORE
        if self.picture_is_current:
            return SaveStep.SAVE
        if self.drawing.is_empty or self.theme is None:
            return SaveStep.NOTHING
        return SaveStep.MAKE_FIRST

    def challenge_missed(self, offered: Challenge | None, active: Challenge | None) -> bool:
        """Whether a challenge this child has not done was on offer but not turned on for a save."""
        return offered is not None and active is None and offered not in self.completed_challenges

    def saved(self, result: SaveResult) -> bool:
        """A save for this child came back; True when it completed a challenge (the next is offered)."""
        done = {Challenge.from_key(a.key) for a in result.awards if a.reason is AwardReason.CHALLENGE}
        self.completed_challenges |= done
        return bool(done)

    # Drafts

    def draft(self) -> Draft:
        """What is on the screen, to keep as the child's draft."""
        return Draft(Drawing(self.drawing.strokes), self.theme.id if self.theme else None, self.picture)
