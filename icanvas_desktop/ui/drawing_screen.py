"""The drawing screen: theme tiles, the canvas and its tools, "Make it!", and the picture beside the sketch.

It shows a `DrawingModel` (profiles/drawing_model.py: theme, look, picture, live mode, colour choice; what to
ask for, what Save does) in widgets placed by drawing_layout.py (the guesses and the dice: guess_bar.py).
Pictures are asked for through picture_jobs.py, saved by creation_saver.py, kept as drafts by draft_keeper.py.
"""

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from icanvas_desktop.drawing.draft import Draft
from icanvas_desktop.drawing.picture import GUESSED, Picture
from icanvas_desktop.drawing.strokes import Drawing
from icanvas_desktop.generation.jobs import FailureKind, Job, Stage
from icanvas_desktop.look import Look
from icanvas_desktop.profiles.drawing_model import ChildState, DrawingModel, Refusal, Remake, SaveStep
from icanvas_desktop.profiles.session import ChildSession, SaveResult
from icanvas_desktop.themes.theme import Theme
from icanvas_desktop.ui.background import Background
from icanvas_desktop.ui.creation_saver import CreationSaver, words_after_save
from icanvas_desktop.ui.draft_keeper import DraftKeeper
from icanvas_desktop.ui.drawing_layout import challenge_room, lay_out, make_parts, retranslate_parts
from icanvas_desktop.ui.generation_worker import GenerationService
from icanvas_desktop.ui.look_switch import ICONS as LOOK_ICONS
from icanvas_desktop.ui.picture_jobs import PictureJobs
from icanvas_desktop.words.i18n import tr

FAILURE_TEXTS = {FailureKind.THEME: "failed_theme", FailureKind.MEMORY: "failed_memory",
                 FailureKind.OTHER: "failed_other"}
STAGE_TEXTS = {Stage.WAITING: "stage_waiting", Stage.LOADING: "stage_loading", Stage.DRAWING: "stage_drawing"}
REFUSAL_ICONS = {Refusal.PICK_THEME: "palette", Refusal.DRAW_FIRST: "pen", Refusal.NOTHING_TO_SAVE: "make"}


class DrawingScreen(QWidget):
    saved = Signal(object)  # SaveResult
    picture_shown = Signal()  # a new picture is on show (from the generator or reopened)
    live_chosen = Signal(bool)  # the child switched Live on or off (not when it is set from the settings)
    look_chosen = Signal(object)  # the child picked a Look (not when it is set from the settings)

    def __init__(self, service: GenerationService, language: str, background: Background | None = None,
                 parent: QWidget | None = None):
        """`background` runs saving (the window's one helper; the screen makes its own when alone); drafts
        have a thread of their own (draft_keeper.py)."""
        super().__init__(parent)
        self.background = background or Background(self)
        self.setObjectName("drawingScreen")
        self.service = service
        self._language = language
        self.model = DrawingModel()
        make_parts(self, language)
        self._bind()
        self._draft_keeper = DraftKeeper(self.model.draft, self)
        self._jobs = PictureJobs(service, self)
        self._jobs.made.connect(self._picture_ready)
        self._jobs.failed.connect(self._failed)
        self._jobs.live_due.connect(self._ask_live)
        self._saver = CreationSaver(self.background, self)
        self._saver.saved.connect(self._saved)
        self._saver.failed.connect(self._save_failed)
        service.stage_changed.connect(self._stage_changed)
        lay_out(self)
        self.retranslate(language)
        self._update_buttons()

    def _bind(self) -> None:
        """Each part's signals to what the screen does with them (drawing_layout.make_parts made them)."""
        self.theme_picker.theme_chosen.connect(self.set_theme)
        self.canvas.drawingChanged.connect(self._drawing_changed)
        self.canvas.strokeGrew.connect(self._ask_live)
        self.look_switch.chosen.connect(self._look_clicked)
        self.tools.crayon_picked.connect(self._crayon_picked)
        self.make_button.clicked.connect(lambda: self.make())
        self.live_button.toggled.connect(self.set_live)
        self.live_button.clicked.connect(self._live_clicked)
        self.save_button.clicked.connect(self.save)
        self.new_button.clicked.connect(self.new_drawing)
        self.challenge_button.started.connect(lambda words: self.say(words, "challenge"))
        self.guess_bar.changed.connect(self._remake)
        self.guess_bar.changed.connect(self.tools.follow_drawing)  # a colour choice is a step for Undo too
        self.guess_bar.asking.connect(self.result_view.set_ring)
        self.result_view.tapped.connect(self.guess_bar.ask_at)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.challenge_button.set_room(challenge_room(self))

    def retranslate(self, language: str) -> None:
        self._language = language
        retranslate_parts(self, language)
        if self.service.busy:
            self._stage_changed(Stage.WAITING)

    # The child, their draft and the themes

    def set_session(self, session: ChildSession | None, state: ChildState | None = None) -> None:
        """Change child: the last one's drawing is kept as their draft, the new one's draft (in `state`, read
        in the background with model.read_child_state) is put back."""
        self._draft_keeper.keep()
        self.model.session = session
        self._draft_keeper.follow(session.drafts if session is not None else None)
        self.model.completed_challenges = state.completed_challenges if state else frozenset()
        self.restore_draft(state.draft if state else Draft(Drawing()))
        self._offer_challenge()

    def restore_draft(self, draft: Draft) -> None:
        self.canvas.set_drawing(Drawing(draft.drawing.strokes))
        self.model.follow_colours(draft.picture)
        self.show_picture(draft.picture)
        if draft.theme_id is not None and not self.theme_picker.select(draft.theme_id):
            self.model.wanted_theme_id = draft.theme_id  # chosen when the themes are found
        # The picture put back is the one to show; and one of the last child's drawing must not appear.
        self._jobs.forget()
        self._draft_keeper.written()

    def set_themes(self, themes: list[Theme], problems: list) -> None:
        """The background search finished: show the tiles and choose a theme (the current one if it is
        still there)."""
        self.theme_picker.set_themes(themes, problems)
        chosen = self.model.theme_after_search([t.id for t in themes])
        if chosen is not None and not self.theme_picker.select(chosen):
            self.theme_picker.select(themes[0].id)
        self._update_buttons()

    def set_theme(self, theme: Theme) -> None:
        if not self.model.choose_theme(theme):
            return
        self.service.preload(theme.folder)
        self._offer_challenge()
        self._update_buttons()
        self._draft_keeper.changed()
        self.look_switch.show_look(self.model.look)  # a child who has not picked a look gets the theme's own
        self._remake()

    def _offer_challenge(self) -> None:
        self.challenge_button.offer(self.model.theme, self.model.completed_challenges)

    # The look

    def set_look(self, setting: str, locked: bool = False) -> None:
        """The look setting for the child drawing (settings.effective.child_look), and whether the
        administrator locked it; a picture on show in another look is remade."""
        remake = self.model.set_look_setting(setting)
        self.look_switch.set_locked(locked)
        self.look_switch.show_look(self.model.look)
        if remake:
            self._remake()

    def _look_clicked(self, look: Look) -> None:
        self.model.look_setting = look
        # Said in words, as Live is: what the looks do is not guessed from a word each.
        self.say(tr(f"look_{look}_on", self._language), LOOK_ICONS[look])
        self.look_chosen.emit(look)
        self._remake()

    def _crayon_picked(self, _crayon) -> None:
        # Said in words: that a crayon colours in the picture, not the sheet, is not guessed from its trail.
        self.say(tr("crayon_on", self._language), "palette")

    # Making pictures

    def make(self, quiet: bool = False, drawing: Drawing | None = None) -> Job | None:
        """Ask for a picture of `drawing` (the drawing as it is now); returns the job, or None, saying why."""
        drawing = drawing or self.model.drawing
        refusal = self.model.refusal(drawing)
        if refusal is not None:
            if not quiet:
                self.say(tr(refusal, self._language), REFUSAL_ICONS[refusal])
            return None
        return self._jobs.ask(self.model.request(drawing))

    def _remake(self) -> None:
        """Make the picture on show again (in live mode, the live one) after the theme or the look changed."""
        remake = self.model.remake()
        if remake is Remake.LIVE:
            self._ask_live()
        elif remake is Remake.MAKE:
            self.make(quiet=True)

    def _picture_ready(self, job: Job, saves: bool) -> None:
        self.show_picture(job.picture)
        if saves:
            self.save()
        elif not self.model.live:  # live pictures come after every stroke: no cheer each time
            # A scene's things are asked about one at a time: that another can be tapped is not guessed.
            self.say(tr("done_scene" if self.guess_bar.asks_about_a_thing else "done", self._language),
                     "party")

    def show_picture(self, picture: Picture | None) -> None:
        self.model.picture = picture
        # At the screen's resolution, but not in live mode, where a picture comes after every stroke.
        png, look = (picture.picture_png, picture.look) if picture is not None else (None, None)
        self.result_view.set_picture(png, None if self.model.live or png is None else picture.drawing, look)
        self.guess_bar.show_picture(picture)
        self._update_buttons()
        self._draft_keeper.changed()
        if picture is not None:
            self.picture_shown.emit()

    def _failed(self, job: Job) -> None:
        self.say(tr(FAILURE_TEXTS[job.failure], self._language), "oops", kind="problem")

    def _stage_changed(self, stage: Stage | None) -> None:
        key = STAGE_TEXTS.get(stage)
        # Live mode redraws quietly: the old picture stays, a small spinner turns in its corner.
        quiet = self.model.live and self.model.picture is not None
        self.result_view.set_busy(tr(key, self._language) if key else None, small=quiet)

    def set_live(self, on: bool) -> None:
        if self.live_button.isChecked() != on:
            self.live_button.setChecked(on)  # comes back here through `toggled`
            return
        self.model.live = on
        self._jobs.forget_live()
        if on:
            self._ask_live()

    def _live_clicked(self, on: bool) -> None:
        # Said in words when the child turns it on: a tooltip is not read by a child who cannot hover.
        self.say(tr("live_on" if on else "live_off", self._language), "live")
        self.live_chosen.emit(on)

    def set_live_locked(self, locked: bool) -> None:
        """The administrator fixed live mode: the button shows their choice, greyed out, with the lock
        note."""
        self.live_button.setEnabled(not locked)
        self.live_lock.setVisible(locked)

    def _ask_live(self) -> None:
        if self.model.live and self.model.theme is not None:
            self._jobs.ask_live(self.model.live_request)

    def _drawing_changed(self) -> None:
        self._update_buttons()
        self._draft_keeper.changed()
        self._ask_live()  # once more when the pen lifts (or after an undo), with the finished stroke

    # Keeping pictures

    def save(self) -> None:
        """Save the drawing and its picture, in the background (`saved` tells the result); when the picture
        is older than the drawing (strokes drawn since Make it!, or another theme chosen), a new one is
        made first and saved when it comes."""
        step = self.model.save_step(self._saver.saving)
        if step is SaveStep.NOTHING:
            self.say(tr(Refusal.NOTHING_TO_SAVE, self._language), REFUSAL_ICONS[Refusal.NOTHING_TO_SAVE])
        elif step is SaveStep.MAKE_FIRST:
            self._jobs.ask_to_save(self.model.request(self.model.drawing))
            self.say(tr("making_to_save", self._language), "make")
        elif step is SaveStep.SAVE:
            self._saver.save(self.model.session, self.model.picture, self.challenge_button.active)

    def _save_failed(self, session: ChildSession) -> None:
        if session is self.model.session:  # a full disk or a locked database: the child can try again
            self.say(tr("save_failed", self._language), "oops", kind="problem")

    def _saved(self, session: ChildSession, result: SaveResult) -> None:
        if session is not self.model.session:
            return  # saved for the child who was drawing before; their stars show when they come back
        words = words_after_save(result, self._language)
        if words is not None:
            self.say(words, "gallery")
        elif self.model.challenge_missed(self.challenge_button.offered, self.challenge_button.active):
            self.say(tr("challenge_hint", self._language), "challenge")  # nobody guesses it on their own
        if self.model.saved(result):
            self._offer_challenge()
        self.saved.emit(result)

    def new_drawing(self) -> None:
        """A fresh sheet: clearing is undoable, so a drawing started over by mistake comes back with Undo."""
        self.canvas.clear()
        self._jobs.forget()
        self.show_picture(None)
        self.challenge_button.setChecked(False)
        self.message.hide()

    def open_creation(self, drawing: Drawing, sketch_png: bytes, theme_id: str, look: Look | None,
                      picture_png: bytes | None, colours: tuple[str | None, int] = (GUESSED, 0)) -> None:
        """Carry on with a creation from the gallery: its strokes on the canvas, its picture beside them (none
        where its picture could not be read: the child makes it again)."""
        had_other_drawing = len(self.canvas.drawing) > 0 and self.canvas.drawing != drawing
        self.canvas.replace(drawing)
        if self.model.theme is None or self.model.theme.id != theme_id:
            self.theme_picker.select(theme_id)
        picture = Picture(Drawing(drawing.strokes), sketch_png, picture_png, theme_id, look, *colours)
        self.show_picture(picture if picture_png is not None else None)
        self.model.follow_colours(picture)  # after: a lost picture.png keeps the child's choice
        self._jobs.forget()  # the picture reopened is the one to show
        self._draft_keeper.keep()
        if had_other_drawing:
            self.say(tr("other_drawing_undo", self._language), "undo")

    def say(self, text: str, icon_name: str = "sparkles", kind: str = "info", seconds: float = 6.0,
            details: str = "") -> None:
        """A message under the papers; `details` is for a grown-up who hovers over it (a file's path)."""
        self.message.show_message(text, icon_name, kind, seconds)
        self.message.setToolTip(details)

    def _update_buttons(self) -> None:
        # "Make it!" and "Save" stay enabled: pressed too early, they say kindly what to do first.
        ready = self.model.picture is not None
        if self.save_button.property("ready") != ready:  # restyling is slow, and live mode comes here often
            self.save_button.setProperty("ready", ready)
            self.save_button.style().unpolish(self.save_button)
            self.save_button.style().polish(self.save_button)
