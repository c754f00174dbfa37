"""The drawing screen: theme tiles, the canvas and its tools, "Make it!", and the picture beside the sketch.

It takes the generation service in its constructor and asks it for pictures (picture_jobs.py: what
each request carries, the job Save waits for, live mode following the pen); "Save" makes a new picture
first when the child drew on since, then saves in the background (creation_saver.py); what is on the
screen is kept as the child's draft (draft_keeper.py).

Over 350 lines because it is where the screen's parts meet: the tools (tool_column.py), the picture
(result_view.py), the challenge (challenge_button.py), the theme strip and the parts above are modules
of their own; what stays is the layout and the wiring between them (which theme and look, when to
make, what to say), each step a few lines, read best in one place.
"""

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLayout,
    QSizePolicy,
    QSpacerItem,
    QVBoxLayout,
    QWidget,
)

from icanvas_desktop.drawing.draft import Draft, Picture
from icanvas_desktop.drawing.strokes import Drawing
from icanvas_desktop.generation.jobs import FailureKind, Job, Stage
from icanvas_desktop.profiles.session import ChildSession, SaveResult
from icanvas_desktop.rewards.rules import AwardReason, Challenge
from icanvas_desktop.themes.theme import Theme
from icanvas_desktop.ui.background import Background
from icanvas_desktop.ui.canvas import Canvas
from icanvas_desktop.ui.challenge_button import ChallengeButton
from icanvas_desktop.ui.controls import LockNote, MessageBubble, big_button
from icanvas_desktop.ui.creation_saver import CreationSaver, words_after_save
from icanvas_desktop.ui.draft_keeper import DraftKeeper
from icanvas_desktop.ui.generation_worker import GenerationService
from icanvas_desktop.ui.look_switch import ICONS as LOOK_ICONS
from icanvas_desktop.ui.look_switch import LookSwitch
from icanvas_desktop.ui.picture_jobs import PictureJobs
from icanvas_desktop.ui.result_view import ResultView
from icanvas_desktop.ui.theme_picker import ThemePicker
from icanvas_desktop.ui.tool_column import ToolColumn
from icanvas_desktop.words.i18n import tr

# Sizes chosen so that at 1280×800 the sheet and the picture are each about 500 px, and at the smallest
# window (980×660) every word on every button still fits: the tools, "Make it!" and the theme strip are
# as slim as a child's finger and the words allow.
MAKE_SIDE = 124
ROW_HEIGHT = 66
HEADER_HEIGHT = 40
FAILURE_TEXTS = {FailureKind.THEME: "failed_theme", FailureKind.MEMORY: "failed_memory",
                 FailureKind.OTHER: "failed_other"}
STAGE_TEXTS = {Stage.WAITING: "stage_waiting", Stage.LOADING: "stage_loading", Stage.DRAWING: "stage_drawing"}


def _fixed_row(layout: QLayout) -> QWidget:
    """A row that keeps its height when what is in it hides, so the papers above do not jump."""
    layout.setContentsMargins(0, 0, 0, 0)
    row = QWidget()
    row.setFixedHeight(ROW_HEIGHT)
    row.setLayout(layout)
    return row


def _header(widgets: tuple[QWidget, ...], spacing: int, make_side: str) -> QHBoxLayout:
    """`widgets` centred over their paper, which has "Make it!" on its `make_side`; a long challenge or the
    look switch reaches in over "Make it!" rather than lose words or make the picture narrower than the
    sheet."""
    header = QHBoxLayout()
    header.setSpacing(spacing)
    # As wide as the column of "Make it!" while there is room, narrower when a challenge needs it.
    make_column = QSpacerItem(MAKE_SIDE + 6, 0, QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
    if make_side == "left":
        header.addSpacerItem(make_column)
    header.addStretch()
    for widget in widgets:
        header.addWidget(widget)
    header.addStretch()
    if make_side == "right":
        header.addSpacerItem(make_column)
    return header


class DrawingScreen(QWidget):
    saved = Signal(object)  # SaveResult
    picture_shown = Signal()  # a new picture is on show (from the generator or reopened)
    live_chosen = Signal(bool)  # the child switched Live on or off (not when it is set from the settings)
    look_chosen = Signal(str)  # the child picked "clean" or "painted" (not when it is set from the settings)

    def __init__(self, service: GenerationService, language: str, background: Background | None = None,
                 parent: QWidget | None = None):
        """`background` runs saving (the window's one helper; the screen makes its own when alone); drafts
        have a thread of their own (draft_keeper.py)."""
        super().__init__(parent)
        self.background = background or Background(self)
        self.setObjectName("drawingScreen")
        self.service = service
        self._language = language
        self.session: ChildSession | None = None
        self.theme: Theme | None = None
        self.picture: Picture | None = None
        self._wanted_theme_id: str | None = None  # the draft's theme, until the themes are found
        # One of settings.user.LOOK_SETTINGS: the child's, or the administrator's.
        self._look_setting = "theme"

        self._build_papers(language)
        self._build_picture_buttons(language)
        self._build_words()
        self._draft_keeper = DraftKeeper(self.current_draft, self)

        self._jobs = PictureJobs(service, self)
        self._jobs.made.connect(self._picture_ready)
        self._jobs.failed.connect(self._failed)
        self._jobs.live_due.connect(self._ask_live)
        self._saver = CreationSaver(self.background, self)
        self._saver.saved.connect(self._saved)
        self._saver.failed.connect(self._save_failed)
        service.stage_changed.connect(self._stage_changed)
        self._layout()
        self.retranslate(language)
        self._update_buttons()

    def _build_papers(self, language: str) -> None:
        """The theme tiles, the sheet with its tools, and the picture with its look switch."""
        self.theme_picker = ThemePicker(language)
        self.theme_picker.theme_chosen.connect(self.set_theme)
        self.canvas = Canvas()
        self.canvas.drawingChanged.connect(self._drawing_changed)
        self.canvas.strokeGrew.connect(self._ask_live)
        self.result_view = ResultView()
        self.look_switch = LookSwitch(language)
        self.look_switch.chosen.connect(self._look_clicked)
        self.tools = ToolColumn(self.canvas, language)
        self.tools.crayon_picked.connect(self._crayon_picked)

    def _build_picture_buttons(self, language: str) -> None:
        """The buttons that make the picture, keep it or start over, and the challenge's."""
        self.make_button = big_button("", "make", role="make", icon_side=52)
        self.make_button.setFixedSize(MAKE_SIDE, MAKE_SIDE)
        self.make_button.clicked.connect(lambda: self.make())
        self.live_button = big_button("", "live", role="toggle", checkable=True, icon_side=32)
        self.live_button.toggled.connect(self.set_live)
        self.live_button.clicked.connect(self._live_clicked)
        self.live_lock = LockNote()
        self.live_lock.setFixedWidth(MAKE_SIDE)
        self.save_button = big_button("", "save", role="primary", icon_side=34, under=False)
        self.save_button.clicked.connect(self.save)
        self.new_button = big_button("", "new", role="secondary", icon_side=34, under=False)
        self.new_button.clicked.connect(self.new_drawing)
        self.challenge_button = ChallengeButton(language)
        self.challenge_button.started.connect(lambda words: self.say(words, "challenge"))

    def _build_words(self) -> None:
        """The kind word under the papers and the titles above them."""
        self.message = MessageBubble()
        self.sketch_title = QLabel()
        self.result_title = QLabel()
        for title in (self.sketch_title, self.result_title):
            title.setProperty("role", "paperTitle")
            title.setAlignment(Qt.AlignmentFlag.AlignCenter)
            # On two lines where the challenge or the look switch needs the room, as "Pick a theme" is.
            title.setWordWrap(True)

    def _layout(self) -> None:
        middle = QVBoxLayout()
        middle.addStretch()
        middle.addWidget(self.make_button, 0, Qt.AlignmentFlag.AlignHCenter)
        middle.addSpacing(12)
        middle.addWidget(self.live_button, 0, Qt.AlignmentFlag.AlignHCenter)
        middle.addSpacing(6)
        middle.addWidget(self.live_lock, 0, Qt.AlignmentFlag.AlignHCenter)
        middle.addStretch()

        # Under the papers, one row for the kind word and the two buttons that keep or start over: the
        # buttons stay at the right, under the picture, and reach in under "Make it!" when the window is
        # small.
        bottom = QHBoxLayout()
        bottom.setSpacing(8)
        self.message.layout().setContentsMargins(12, 4, 14, 4)  # room for three lines in the row
        bottom.addWidget(self.message, 1)
        bottom.addStretch()  # holds the buttons at the right while there is no message
        bottom.addWidget(self.save_button)
        bottom.addWidget(self.new_button)

        # The sheet and the picture share the width evenly, whatever their size hints say.
        for paper in (self.canvas, self.result_view):
            paper.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Expanding)
        papers = QGridLayout()
        papers.setHorizontalSpacing(6)
        papers.setVerticalSpacing(4)
        papers.addWidget(self.tools, 0, 0, 3, 1, Qt.AlignmentFlag.AlignTop)
        # Above the sheet its challenge, or else its title; above the picture its title and the switch
        # between its two looks.
        sketch_header = _header((self.sketch_title, self.challenge_button), 0, make_side="right")
        result_header = _header((self.result_title, self.look_switch), 10, make_side="left")
        papers.addLayout(sketch_header, 0, 1, 1, 2)
        papers.addLayout(result_header, 0, 2, 1, 2)
        papers.addWidget(self.canvas, 1, 1)
        papers.addLayout(middle, 1, 2)
        papers.addWidget(self.result_view, 1, 3)
        papers.addWidget(_fixed_row(bottom), 2, 1, 1, 3)
        papers.setRowMinimumHeight(0, HEADER_HEIGHT)  # the sheets do not jump when a challenge comes or goes
        papers.setRowStretch(1, 1)
        papers.setColumnStretch(1, 1)
        papers.setColumnStretch(3, 1)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        layout.setSpacing(4)
        layout.addWidget(self.theme_picker)
        layout.addLayout(papers, 1)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        # The challenge may reach halfway in over "Make it!"; the picture's header has the other half. From
        # the screen's width, not the sheet's: a wide challenge would make the sheet wider, and its room.
        sheet = (self.width() - self.tools.width() - MAKE_SIDE) // 2 - 24  # less margins and spacing
        self.challenge_button.set_room(sheet + MAKE_SIDE // 2 - self.sketch_title.minimumSizeHint().width())

    # Language

    def retranslate(self, language: str) -> None:
        self._language = language
        for button, key in ((self.make_button, "make"), (self.live_button, "live"),
                            (self.save_button, "save"), (self.new_button, "new_drawing")):
            button.setText(tr(key, language))
        self.live_button.setToolTip(tr("live_tip", language))
        self.live_lock.setText(tr("locked_by_adult", language))
        self.tools.retranslate(language)
        self.look_switch.retranslate(language)
        self.sketch_title.setText(tr("sketch_title", language))
        self.result_title.setText(tr("result_title", language))
        self.result_view.set_placeholder(tr("result_placeholder", language))
        self.theme_picker.retranslate(language)
        self.challenge_button.retranslate(language)
        if self.service.busy:
            self._stage_changed(Stage.WAITING)

    # Themes and the child

    def set_session(self, session: ChildSession | None) -> None:
        """Change child: the last one's drawing is kept as their draft, the new one's draft is put back."""
        self._draft_keeper.keep()
        self.session = session
        self._draft_keeper.follow(session.drafts if session is not None else None)
        draft = session.drafts.load() if session is not None else None
        self.restore_draft(draft or Draft(Drawing()))
        self._pick_challenge()

    # Drafts

    def current_draft(self) -> Draft:
        theme_id = self.theme.id if self.theme else None
        return Draft(Drawing(self.canvas.drawing.strokes), theme_id, self.picture)

    def restore_draft(self, draft: Draft) -> None:
        self.canvas.set_drawing(Drawing(draft.drawing.strokes))
        self.show_picture(draft.picture)
        if draft.theme_id is not None and not self.theme_picker.select(draft.theme_id):
            self._wanted_theme_id = draft.theme_id  # chosen when the themes are found
        # The picture put back is the one to show; and one of the last child's drawing must not appear.
        self._jobs.forget()
        self._draft_keeper.written()

    def set_theme(self, theme: Theme) -> None:
        if self.theme is not None and self.theme.id == theme.id:
            return
        self.theme = theme
        self._wanted_theme_id = None
        self.service.preload(theme.folder)
        self._pick_challenge()
        self._update_buttons()
        self._draft_keeper.changed()
        self.look_switch.show_look(self.look)  # a child who has not picked a look gets the theme's own
        # A picture on show is remade in the new theme, Live or not: the old theme's picture beside the
        # new theme's challenge would be confusing.
        self._remake()

    def _remake(self) -> None:
        """Make the picture on show again (in live mode, the live one) after the theme or the look changed."""
        if self.live_button.isChecked():
            self._ask_live()
        elif self.picture is not None:
            self.make(quiet=True)

    # The look

    @property
    def look(self) -> str:
        """The look pictures are made in now: "clean" or "painted" (the theme's own where the setting says
        so)."""
        if self._look_setting != "theme":
            return self._look_setting
        return self.theme.look if self.theme is not None else "painted"

    def set_look(self, setting: str, locked: bool = False) -> None:
        """The look setting for the child drawing (settings.effective.child_look), and whether the
        administrator locked it; a picture on show in another look is remade."""
        self._look_setting = setting
        self.look_switch.set_locked(locked)
        self.look_switch.show_look(self.look)
        if self.picture is not None and self.picture.look not in (None, self.look):
            self._remake()

    def _look_clicked(self, look: str) -> None:
        self._look_setting = look
        # Said in words, as Live is: what the two looks do is not guessed from two words.
        self.say(tr(f"look_{look}_on", self._language), LOOK_ICONS[look])
        self.look_chosen.emit(look)
        self._remake()

    def _crayon_picked(self, _crayon) -> None:
        # Said in words: that a crayon colours in the picture, not the sheet, is not guessed from its trail;
        # and a theme's painted look follows crayons only where its generator reads them.
        reads = self.theme is not None and self.theme.generator_config.input_channels > 1
        follows = self.look == "clean" or reads
        self.say(tr("crayon_on" if follows else "crayon_neat_only", self._language), "palette")

    def set_themes(self, themes: list[Theme], problems: list) -> None:
        """The background search finished: show the tiles and choose a theme (the current one if it is
        still there)."""
        self.theme_picker.set_themes(themes, problems)
        wanted = self.theme.id if self.theme else self._wanted_theme_id
        self.theme = None
        if themes and not (wanted and self.theme_picker.select(wanted)):
            self.theme_picker.select(themes[0].id)
        self._update_buttons()

    def _pick_challenge(self) -> None:
        done = self.session.completed_challenges() if self.session else frozenset()
        self.challenge_button.offer(self.theme, done)

    def active_challenge(self) -> Challenge | None:
        return self.challenge_button.active

    # Making pictures

    def make(self, quiet: bool = False, drawing: Drawing | None = None) -> Job | None:
        """Ask for a picture of `drawing` (the drawing as it is now); returns the job, or None (and says
        why)."""
        if self.theme is None:
            if not quiet:
                self.say(tr("pick_theme_first", self._language), "palette")
            return None
        drawing = drawing or self.canvas.drawing
        if drawing.is_empty:
            if not quiet:
                self.say(tr("draw_first", self._language), "pen")
            return None
        return self._jobs.ask(self.theme, drawing, self.look)

    def _picture_ready(self, job: Job, saves: bool) -> None:
        self.show_picture(Picture(job.drawing, job.sketch_png, job.picture_png, job.theme_id, job.look))
        if saves:
            self.save()
        elif not self.live_button.isChecked():  # live pictures come after every stroke: no cheer each time
            self.say(tr("done", self._language), "party")

    def show_picture(self, picture: Picture | None) -> None:
        self.picture = picture
        self.result_view.set_picture(picture.picture_png if picture else None)
        self._update_buttons()
        self._draft_keeper.changed()
        if picture is not None:
            self.picture_shown.emit()

    def _failed(self, job: Job) -> None:
        self.say(tr(FAILURE_TEXTS[job.failure], self._language), "oops", kind="problem")

    def _stage_changed(self, stage: Stage | None) -> None:
        key = STAGE_TEXTS.get(stage)
        # Live mode redraws quietly: the old picture stays, a small spinner turns in its corner.
        quiet = self.live_button.isChecked() and self.picture is not None
        self.result_view.set_busy(tr(key, self._language) if key else None, small=quiet)

    def set_live(self, on: bool) -> None:
        if self.live_button.isChecked() != on:
            self.live_button.setChecked(on)  # comes back here through `toggled`
            return
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
        if self.live_button.isChecked() and self.theme is not None:
            self._jobs.ask_live(self.theme, self.canvas.live_drawing, self.look)

    def _drawing_changed(self) -> None:
        self._update_buttons()
        self._draft_keeper.changed()
        self._ask_live()  # once more when the pen lifts (or after an undo), with the finished stroke

    # Keeping pictures

    @property
    def picture_is_current(self) -> bool:
        """Whether the picture on show was made from the drawing as it is now, in the chosen theme and
        look."""
        picture = self.picture
        return (picture is not None and picture.drawing == self.canvas.drawing
                and (self.theme is None or picture.theme_id == self.theme.id)
                and picture.look in (None, self.look))

    @property
    def saving(self) -> bool:
        return self._saver.saving

    def save(self) -> None:
        """Save the drawing and its picture, in the background (`saved` tells the result); when the picture
        is older than the drawing (strokes drawn since Make it!, or another theme chosen), a new one is
        made first and saved when it comes."""
        if self.session is None or self.saving:  # a second tap while saving changes nothing
            return
        if not self.picture_is_current:
            if self.canvas.drawing.is_empty or self.theme is None:
                self.say(tr("nothing_to_save", self._language), "make")
                return
            self._jobs.ask_to_save(self.theme, self.canvas.drawing, self.look)
            self.say(tr("making_to_save", self._language), "make")
            return
        self._saver.save(self.session, self.picture, self.active_challenge())

    def _save_failed(self, session: ChildSession) -> None:
        if session is self.session:  # a full disk or a locked database: the child can try again
            self.say(tr("save_failed", self._language), "oops", kind="problem")

    def _saved(self, session: ChildSession, result: SaveResult) -> None:
        if session is not self.session:
            return  # saved for the child who was drawing before; their stars show when they come back
        words = words_after_save(result, self._language)
        if words is not None:
            self.say(words, "gallery")
        elif self._challenge_missed(session):
            self.say(tr("challenge_hint", self._language), "challenge")  # nobody guesses it on their own
        if any(a.reason == AwardReason.CHALLENGE for a in result.awards):
            self._pick_challenge()
        self.saved.emit(result)

    def _challenge_missed(self, session: ChildSession) -> bool:
        """Whether a challenge this child has not done was on offer but not turned on for this save."""
        offered = self.challenge_button.offered
        return (offered is not None and self.challenge_button.active is None
                and offered not in session.completed_challenges())

    def new_drawing(self) -> None:
        """A fresh sheet: clearing is undoable, so a drawing started over by mistake comes back with Undo."""
        self.canvas.clear()
        self._jobs.forget()
        self.show_picture(None)
        self.challenge_button.setChecked(False)
        self.message.hide()

    def open_creation(self, drawing: Drawing, sketch_png: bytes, picture_png: bytes | None, theme_id: str,
                      look: str | None = None) -> None:
        """Carry on with a creation from the gallery: its strokes on the canvas, its picture (made in `look`,
        None when it is not known) beside them; None for a picture that could not be read."""
        had_other_drawing = len(self.canvas.drawing) > 0 and self.canvas.drawing != drawing
        self.canvas.replace(drawing)
        if self.theme is None or self.theme.id != theme_id:
            self.theme_picker.select(theme_id)
        self.show_picture(Picture(Drawing(drawing.strokes), sketch_png, picture_png, theme_id, look)
                          if picture_png is not None else None)
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
        ready = self.picture is not None
        if self.save_button.property("ready") != ready:  # restyling is slow, and live mode comes here often
            self.save_button.setProperty("ready", ready)
            self.save_button.style().unpolish(self.save_button)
            self.save_button.style().polish(self.save_button)

