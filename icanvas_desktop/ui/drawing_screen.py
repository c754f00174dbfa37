"""The drawing screen: theme tiles, the canvas and its tools, "Make it!", and the picture beside the sketch.

It takes the generation service in its constructor and asks it for pictures; each request carries a
copy of the drawing as it was, so that "Save" stores the very sketch the picture was made from even
if the child drew on in the meantime. In live mode a picture is asked for shortly after each change
(debounced); requests the worker cannot keep up with are replaced by newer ones there.
"""

import logging
from dataclasses import dataclass

from PySide6.QtCore import QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QColor, QKeySequence, QPainter, QPainterPath, QPaintEvent, QPen, QPixmap
from PySide6.QtWidgets import (
    QButtonGroup,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLayout,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from icanvas_desktop.drawing.draft import Draft, Picture
from icanvas_desktop.drawing.rasterize import png_bytes, render_sketch
from icanvas_desktop.drawing.strokes import PEN_WIDTHS, Drawing, PenSize, Tool
from icanvas_desktop.i18n import rule_text, tr
from icanvas_desktop.rewards.rules import Challenge
from icanvas_desktop.session import ChildSession, SaveResult
from icanvas_desktop.themes.theme import Theme
from icanvas_desktop.ui.appearance import pixmap, size_dot_icon
from icanvas_desktop.ui.canvas import CORNER, MARGIN, PAPER_EDGE, SHADOW, Canvas
from icanvas_desktop.ui.controls import BusyIndicator, LockNote, MessageBubble, big_button
from icanvas_desktop.ui.generation_worker import FailureKind, GenerationService, Stage
from icanvas_desktop.ui.theme_picker import ThemePicker

log = logging.getLogger(__name__)

LIVE_DELAY_MS = 400
# The draft is written this long after a change (not after every change): a crash loses at most this much.
DRAFT_DELAY_MS = 2000
MAKE_SIDE = 150
ROW_HEIGHT = 66
FAILURE_TEXTS = {FailureKind.THEME: "failed_theme", FailureKind.MEMORY: "failed_memory",
                 FailureKind.OTHER: "failed_other"}


def _shortcuts(standard: QKeySequence.StandardKey, *extra: str) -> list[QKeySequence]:
    """The platform's keys for an action plus `extra` ones, each once (a key listed twice is ambiguous)."""
    keys: list[QKeySequence] = []
    for key in [*QKeySequence.keyBindings(standard), *map(QKeySequence, extra)]:
        if key not in keys:
            keys.append(key)
    return keys


def _fixed_row(layout: QLayout) -> QWidget:
    """A row that keeps its height when what is in it hides, so the papers above do not jump."""
    layout.setContentsMargins(0, 0, 0, 0)
    row = QWidget()
    row.setFixedHeight(ROW_HEIGHT)
    row.setLayout(layout)
    return row


@dataclass(frozen=True)
class _Job:
    drawing: Drawing
    sketch_png: bytes
    theme_id: str


class ResultView(QWidget):
    """The generated picture on its own sheet of paper; a spinner and a word while it is being made."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("resultView")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(220, 220)
        self._picture: QPixmap | None = None
        self._placeholder = ""
        self.busy = BusyIndicator(84, self)
        self.stage_label = QLabel(self)
        self.stage_label.setObjectName("stageLabel")
        self.stage_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.corner_busy = BusyIndicator(40, self)
        self.busy.hide()
        self.stage_label.hide()
        self.corner_busy.hide()

    def sizeHint(self) -> QSize:
        return QSize(520, 520)

    def paper_rect(self) -> QRectF:
        side = max(min(self.width(), self.height()) - 2 * MARGIN, 1.0)
        return QRectF((self.width() - side) / 2, (self.height() - side) / 2, side, side)

    @property
    def has_picture(self) -> bool:
        return self._picture is not None

    def picture_pixmap(self) -> QPixmap | None:
        return self._picture

    def set_picture(self, png: bytes | None) -> None:
        if png is None:
            self._picture = None
        else:
            image = QPixmap()
            image.loadFromData(png, "PNG")
            self._picture = image if not image.isNull() else None
        self.update()

    def set_placeholder(self, text: str) -> None:
        self._placeholder = text
        self.update()

    def set_busy(self, text: str | None, small: bool = False) -> None:
        """Show the spinner with `text` over the paper (or `small`, in its corner), or hide it (None)."""
        busy = text is not None
        self.stage_label.setText(text or "")
        self.busy.setVisible(busy and not small)
        self.stage_label.setVisible(busy and not small)
        self.corner_busy.setVisible(busy and small)
        self._place()
        self.update()

    @property
    def is_busy(self) -> bool:
        return not self.busy.isHidden() or not self.corner_busy.isHidden()

    def resizeEvent(self, event) -> None:
        self._place()
        super().resizeEvent(event)

    def _place(self) -> None:
        paper = self.paper_rect()
        self.busy.move(int(paper.center().x() - self.busy.width() / 2), int(paper.center().y() - self.busy.height()))
        self.stage_label.setFixedWidth(int(paper.width()) - 40)
        self.stage_label.adjustSize()
        self.stage_label.move(int(paper.x()) + 20, int(paper.center().y() + 12))
        self.corner_busy.move(int(paper.right() - self.corner_busy.width() - 10), int(paper.y() + 10))

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        paper = self.paper_rect()
        for grow, alpha in ((6, 10), (3, 18)):
            shadow = QColor(SHADOW)
            shadow.setAlpha(alpha)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(shadow)
            painter.drawRoundedRect(paper.adjusted(-grow / 2, -grow / 2 + 2, grow / 2, grow + 2), CORNER, CORNER)
        clip = QPainterPath()
        clip.addRoundedRect(paper, CORNER, CORNER)
        painter.setClipPath(clip)
        painter.fillRect(paper, QColor("#fffdf7"))
        if self._picture is not None:
            painter.drawPixmap(paper, self._picture, QRectF(self._picture.rect()))
        elif self.busy.isHidden():
            art = pixmap("palette", 96)
            painter.setOpacity(0.35)
            painter.drawPixmap(int(paper.center().x() - 48), int(paper.center().y() - 96), art)
            painter.setOpacity(1.0)
            painter.setPen(QColor("#8a7f6c"))
            text_box = QRectF(paper.x() + 24, paper.center().y() + 12, paper.width() - 48, paper.height() / 2 - 24)
            painter.drawText(text_box, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap,
                             self._placeholder)
        if not self.busy.isHidden():
            painter.fillRect(paper, QColor(255, 253, 247, 200))
        painter.setClipping(False)
        painter.setPen(QPen(PAPER_EDGE, 2))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRoundedRect(paper, CORNER, CORNER)


class DrawingScreen(QWidget):
    saved = Signal(object)  # SaveResult
    picture_shown = Signal()  # a new picture is on show (from the generator or reopened)

    def __init__(self, service: GenerationService, language: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("drawingScreen")
        self.service = service
        self._language = language
        self.session: ChildSession | None = None
        self.theme: Theme | None = None
        self.picture: Picture | None = None
        self._jobs: dict[int, _Job] = {}
        self._save_when_made: int | None = None  # the job whose picture Save is waiting for
        self._wanted_theme_id: str | None = None  # the draft's theme, until the themes are found
        self._challenges: list[dict[str, str]] = []
        self._challenge_index = 0

        self.theme_picker = ThemePicker(language)
        self.theme_picker.theme_chosen.connect(self.set_theme)
        self.canvas = Canvas()
        self.canvas.drawingChanged.connect(self._drawing_changed)
        self.result_view = ResultView()

        # tools
        self.pen_button = big_button("", "pen", checkable=True)
        self.eraser_button = big_button("", "eraser", checkable=True)
        self.pen_button.setChecked(True)
        tools = QButtonGroup(self)
        for button, tool in ((self.pen_button, Tool.PEN), (self.eraser_button, Tool.ERASER)):
            tools.addButton(button)
            button.clicked.connect(lambda _=False, t=tool: self.canvas.set_tool(t))
        self.size_buttons: dict[PenSize, object] = {}
        sizes = QButtonGroup(self)
        for size in PenSize:
            button = big_button("", None, checkable=True, icon_side=30)
            button.setIcon(size_dot_icon(0.25 + PEN_WIDTHS[size] * 15))
            button.setProperty("role", "size")
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
            button.clicked.connect(lambda _=False, s=size: self.canvas.set_pen_size(s))
            sizes.addButton(button)
            self.size_buttons[size] = button
        self.size_buttons[PenSize.MEDIUM].setChecked(True)
        self.undo_button = big_button("", "undo")
        self.redo_button = big_button("", "redo")
        self.clear_button = big_button("", "clear")
        self.undo_button.clicked.connect(self.canvas.undo)
        self.redo_button.clicked.connect(self.canvas.redo)
        self.clear_button.clicked.connect(self.canvas.clear)

        self.undo_action = QAction(self)
        self.undo_action.setShortcuts(_shortcuts(QKeySequence.StandardKey.Undo, "Ctrl+Z"))
        self.undo_action.triggered.connect(self.canvas.undo)
        self.redo_action = QAction(self)
        self.redo_action.setShortcuts(_shortcuts(QKeySequence.StandardKey.Redo, "Ctrl+Shift+Z", "Ctrl+Y"))
        self.redo_action.triggered.connect(self.canvas.redo)
        for action in (self.undo_action, self.redo_action):
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            self.addAction(action)

        # making and keeping the picture
        self.make_button = big_button("", "make", role="make", icon_side=64)
        self.make_button.setFixedSize(MAKE_SIDE, MAKE_SIDE)
        self.make_button.clicked.connect(lambda: self.make())
        self.live_button = big_button("", "live", role="toggle", checkable=True, icon_side=32)
        self.live_button.toggled.connect(self.set_live)
        self.live_lock = LockNote()
        self.live_lock.setFixedWidth(MAKE_SIDE)
        self.save_button = big_button("", "save", role="primary", icon_side=34, under=False)
        self.save_button.clicked.connect(self.save)
        self.new_button = big_button("", "new", role="secondary", icon_side=34, under=False)
        self.new_button.clicked.connect(self.new_drawing)
        self.challenge_button = big_button("", "challenge", role="challenge", checkable=True, icon_side=30,
                                           under=False)
        self.challenge_button.toggled.connect(lambda _on: self._show_challenge())
        self.challenge_button.hide()
        self.message = MessageBubble()
        self.sketch_title = QLabel()
        self.result_title = QLabel()
        for title in (self.sketch_title, self.result_title):
            title.setProperty("role", "paperTitle")
            title.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self._live_timer = QTimer(self)
        self._live_timer.setSingleShot(True)
        self._live_timer.setInterval(LIVE_DELAY_MS)
        self._live_timer.timeout.connect(lambda: self.make(quiet=True))
        self._draft_timer = QTimer(self)
        self._draft_timer.setSingleShot(True)
        self._draft_timer.setInterval(DRAFT_DELAY_MS)
        self._draft_timer.timeout.connect(self.keep_draft)

        service.picture_ready.connect(self._picture_ready)
        service.failed.connect(self._failed)
        service.stage_changed.connect(self._stage_changed)
        self._layout()
        self.retranslate(language)
        self._update_buttons()

    def _layout(self) -> None:
        tools = QFrame()
        tools.setObjectName("toolColumn")
        grid = QGridLayout(tools)
        grid.setContentsMargins(8, 10, 8, 10)
        grid.setHorizontalSpacing(6)
        grid.setVerticalSpacing(8)
        grid.addWidget(self.pen_button, 0, 0)
        grid.addWidget(self.eraser_button, 0, 1)
        sizes = QHBoxLayout()
        sizes.setSpacing(4)
        for button in self.size_buttons.values():
            sizes.addWidget(button)
        grid.addLayout(sizes, 1, 0, 1, 2)
        grid.addWidget(self.undo_button, 2, 0)
        grid.addWidget(self.redo_button, 2, 1)
        grid.addWidget(self.clear_button, 3, 0, 1, 2, Qt.AlignmentFlag.AlignHCenter)
        grid.setRowStretch(4, 1)

        under_sketch = QHBoxLayout()
        under_sketch.addStretch()
        under_sketch.addWidget(self.challenge_button)
        under_sketch.addStretch()
        sketch = QVBoxLayout()
        sketch.setSpacing(2)
        sketch.addWidget(self.sketch_title)
        sketch.addWidget(self.canvas, 1)
        sketch.addWidget(_fixed_row(under_sketch))

        middle = QVBoxLayout()
        middle.addStretch()
        middle.addWidget(self.make_button, 0, Qt.AlignmentFlag.AlignHCenter)
        middle.addSpacing(14)
        middle.addWidget(self.live_button, 0, Qt.AlignmentFlag.AlignHCenter)
        middle.addSpacing(6)
        middle.addWidget(self.live_lock, 0, Qt.AlignmentFlag.AlignHCenter)
        middle.addStretch()

        result_buttons = QHBoxLayout()
        result_buttons.addStretch()
        result_buttons.addWidget(self.save_button)
        result_buttons.addWidget(self.new_button)
        result_buttons.addStretch()
        result = QVBoxLayout()
        result.setSpacing(2)
        result.addWidget(self.result_title)
        result.addWidget(self.result_view, 1)
        result.addWidget(_fixed_row(result_buttons))

        papers = QHBoxLayout()
        papers.setSpacing(10)
        papers.addWidget(tools, 0, Qt.AlignmentFlag.AlignTop)
        papers.addLayout(sketch, 1)
        papers.addLayout(middle)
        papers.addLayout(result, 1)

        messages = QHBoxLayout()
        messages.setContentsMargins(0, 0, 0, 0)
        messages.addStretch(1)
        messages.addWidget(self.message, 4)
        messages.addStretch(1)
        message_row = _fixed_row(messages)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 6)
        layout.setSpacing(6)
        layout.addWidget(self.theme_picker)
        layout.addLayout(papers, 1)
        layout.addWidget(message_row)

    # Language

    def retranslate(self, language: str) -> None:
        self._language = language
        for button, key in ((self.pen_button, "pen"), (self.eraser_button, "eraser"), (self.undo_button, "undo"),
                            (self.redo_button, "redo"), (self.clear_button, "clear"), (self.make_button, "make"),
                            (self.live_button, "live"), (self.save_button, "save"),
                            (self.new_button, "new_drawing")):
            button.setText(tr(key, language))
        self.live_button.setToolTip(tr("live_tip", language))
        self.live_lock.setText(tr("locked_by_adult", language))
        self.undo_button.setToolTip("Ctrl+Z")
        self.redo_button.setToolTip("Ctrl+Shift+Z, Ctrl+Y")
        for size, button in self.size_buttons.items():
            button.setToolTip(tr(f"size_{size.value}", language))
        self.sketch_title.setText(tr("sketch_title", language))
        self.result_title.setText(tr("result_title", language))
        self.result_view.set_placeholder(tr("result_placeholder", language))
        self.theme_picker.retranslate(language)
        self._show_challenge()
        if self.service.busy:
            self._stage_changed(Stage.WAITING)

    # Themes and the child

    def set_session(self, session: ChildSession | None) -> None:
        """Change child: the last one's drawing is kept as their draft, the new one's draft is put back."""
        self.keep_draft()
        self.service.cancel()  # a picture of the last child's drawing must not appear beside the next one's
        self._jobs.clear()
        self._save_when_made = None
        self._live_timer.stop()
        self.session = session
        draft = session.drafts.load() if session is not None else None
        self.restore_draft(draft or Draft(Drawing()))
        self._pick_challenge()

    # Drafts

    def current_draft(self) -> Draft:
        return Draft(Drawing(self.canvas.drawing.strokes), self.theme.id if self.theme else None, self.picture)

    def keep_draft(self) -> None:
        """Write the child's draft now (the timer does it a moment after each change)."""
        self._draft_timer.stop()
        if self.session is None:
            return
        try:
            self.session.drafts.save(self.current_draft())
        except OSError:  # a full disk: the drawing is still on the screen, and the next change tries again
            log.exception("could not keep the draft in %s", self.session.drafts.path)

    def restore_draft(self, draft: Draft) -> None:
        self.canvas.set_drawing(Drawing(draft.drawing.strokes))
        self.show_picture(draft.picture)
        if draft.theme_id is not None and not self.theme_picker.select(draft.theme_id):
            self._wanted_theme_id = draft.theme_id  # chosen when the themes are found
        self._live_timer.stop()  # the picture put back is the one to show, not a new one
        self._draft_timer.stop()  # nothing new to write

    def _draft_changed(self) -> None:
        if self.session is not None and not self._draft_timer.isActive():
            self._draft_timer.start()  # not restarted by later changes: a long drawing session is kept too

    def set_theme(self, theme: Theme) -> None:
        if self.theme is not None and self.theme.id == theme.id:
            return
        self.theme = theme
        self._wanted_theme_id = None
        self.service.preload(theme.folder)
        self._pick_challenge()
        self._update_buttons()
        self._draft_changed()
        # A picture on show is remade in the new theme, Live or not: the old theme's picture beside the
        # new theme's challenge would be confusing.
        if not self.canvas.drawing.is_empty and (self.live_button.isChecked() or self.picture is not None):
            self._live_timer.start()

    def set_themes(self, themes: list[Theme], problems: list) -> None:
        """The background search finished: show the tiles and choose a theme (the current one if it is still there)."""
        self.theme_picker.set_themes(themes, problems)
        wanted = self.theme.id if self.theme else self._wanted_theme_id
        self.theme = None
        if themes and not (wanted and self.theme_picker.select(wanted)):
            self.theme_picker.select(themes[0].id)
        self._update_buttons()

    def _pick_challenge(self) -> None:
        """Offer the theme's first prompt this child has not done yet (or the first, when all are done)."""
        self.challenge_button.setChecked(False)
        self._challenges = list(self.theme.prompts) if self.theme else []
        done = self.session.completed_challenges() if self.session else frozenset()
        self._challenge_index = next(
            (i for i, p in enumerate(self._challenges) if Challenge(self.theme.id, p["id"]) not in done), 0
        )
        self._show_challenge()

    def _show_challenge(self) -> None:
        prompt = self._challenges[self._challenge_index] if self._challenges else None
        self.challenge_button.setVisible(prompt is not None)
        if prompt is None:
            return
        text = prompt.get(self._language) or prompt.get("en", prompt["id"])
        self.challenge_button.setText(tr("challenge", self._language, prompt=text))
        self.challenge_button.setToolTip(tr("challenge_tip", self._language))

    def active_challenge(self) -> Challenge | None:
        if not (self.challenge_button.isChecked() and self._challenges and self.theme):
            return None
        return Challenge(self.theme.id, self._challenges[self._challenge_index]["id"])

    # Making pictures

    def make(self, quiet: bool = False) -> int | None:
        """Ask for a picture of the drawing as it is now; returns the job id, or None (and says why)."""
        if self.theme is None:
            if not quiet:
                self.say(tr("pick_theme_first", self._language), "palette")
            return None
        drawing = self.canvas.drawing
        if drawing.is_empty:
            if not quiet:
                self.say(tr("draw_first", self._language), "pen")
            return None
        sketch_png = png_bytes(render_sketch(drawing, self.theme.input_size))
        job_id = self.service.submit(self.theme.folder, sketch_png)
        self._jobs[job_id] = _Job(Drawing(drawing.strokes), sketch_png, self.theme.id)
        return job_id

    def _picture_ready(self, job_id: int, picture_png: bytes) -> None:
        job = self._jobs.pop(job_id, None)
        self._forget_jobs_before(job_id)
        if job is None:
            return
        self.show_picture(Picture(job.drawing, job.sketch_png, picture_png, job.theme_id))
        if self._save_when_made is not None and job_id >= self._save_when_made:
            self._save_when_made = None
            self.save()
        elif not self.live_button.isChecked():  # live pictures come after every stroke: no cheer each time
            self.say(tr("done", self._language), "party")

    def show_picture(self, picture: Picture | None) -> None:
        self.picture = picture
        self.result_view.set_picture(picture.picture_png if picture else None)
        self._update_buttons()
        self._draft_changed()
        if picture is not None:
            self.picture_shown.emit()

    def _failed(self, job_id: int, kind: str) -> None:
        self._jobs.pop(job_id, None)
        self._forget_jobs_before(job_id)
        self._save_when_made = None
        self.say(tr(FAILURE_TEXTS.get(kind, "failed_other"), self._language), "oops", kind="problem")

    def _forget_jobs_before(self, job_id: int) -> None:
        for old in [j for j in self._jobs if j < job_id]:
            del self._jobs[old]

    def _stage_changed(self, stage: str) -> None:
        key = {Stage.WAITING: "stage_waiting", Stage.LOADING: "stage_loading", Stage.DRAWING: "stage_drawing"}.get(stage)
        # Live mode redraws quietly: the old picture stays, a small spinner turns in its corner.
        quiet = self.live_button.isChecked() and self.picture is not None
        self.result_view.set_busy(tr(key, self._language) if key else None, small=quiet)

    def set_live(self, on: bool) -> None:
        if self.live_button.isChecked() != on:
            self.live_button.setChecked(on)  # comes back here through `toggled`
            return
        if on and not self.canvas.drawing.is_empty:
            self._live_timer.start()
        if not on:
            self._live_timer.stop()

    def set_live_locked(self, locked: bool) -> None:
        """The administrator fixed live mode: the button shows their choice, greyed out, with the lock note."""
        self.live_button.setEnabled(not locked)
        self.live_lock.setVisible(locked)

    @property
    def live_timer(self) -> QTimer:
        return self._live_timer

    def _drawing_changed(self) -> None:
        self._update_buttons()
        self._draft_changed()
        if self.live_button.isChecked():
            self._live_timer.start()  # restarts: the picture follows once the child pauses

    # Keeping pictures

    @property
    def picture_is_current(self) -> bool:
        """Whether the picture on show was made from the drawing as it is now, in the chosen theme."""
        picture = self.picture
        return (picture is not None and picture.drawing == self.canvas.drawing
                and (self.theme is None or picture.theme_id == self.theme.id))

    def save(self) -> SaveResult | None:
        """Save the drawing and its picture; when the picture is older than the drawing (strokes drawn
        since Make it!, or another theme chosen), a new one is made first and saved when it comes."""
        if self.session is None:
            return None
        if not self.picture_is_current:
            if self.canvas.drawing.is_empty or self.theme is None:
                self.say(tr("nothing_to_save", self._language), "make")
                return None
            self._save_when_made = self.make(quiet=True)
            self.say(tr("making_to_save", self._language), "make")
            return None
        picture = self.picture
        try:
            result = self.session.save_creation(picture.drawing, picture.sketch_png, picture.picture_png,
                                                picture.theme_id, challenge=self.active_challenge())
        except Exception:  # a full disk or a locked database: the child can try again
            log.exception("saving a creation failed")
            self.say(tr("save_failed", self._language), "oops", kind="problem")
            return None
        if result.already_saved:
            self.say(f"{tr('saved_already', self._language)} {rule_text(result.no_stars, self._language)}",
                     "gallery")
        elif result.no_stars is not None:
            self.say(f"{tr('saved', self._language)} {rule_text(result.no_stars, self._language)}", "gallery")
        if any(a.reason == "challenge" for a in result.awards):
            self._pick_challenge()
        self.saved.emit(result)
        return result

    def new_drawing(self) -> None:
        """A fresh sheet: clearing is undoable, so a drawing started over by mistake comes back with Undo."""
        self.canvas.clear()
        self.service.cancel()
        self._jobs.clear()
        self._save_when_made = None
        self._live_timer.stop()
        self.show_picture(None)
        self.challenge_button.setChecked(False)
        self.message.hide()

    def open_creation(self, drawing: Drawing, sketch_png: bytes, picture_png: bytes, theme_id: str) -> None:
        """Carry on with a creation from the gallery: its strokes on the canvas, its picture beside them."""
        self.service.cancel()
        self._jobs.clear()
        self._save_when_made = None
        self._live_timer.stop()
        had_other_drawing = len(self.canvas.drawing) > 0 and self.canvas.drawing != drawing
        self.canvas.replace(drawing)
        if self.theme is None or self.theme.id != theme_id:
            self.theme_picker.select(theme_id)
        self.show_picture(Picture(Drawing(drawing.strokes), sketch_png, picture_png, theme_id))
        self._live_timer.stop()  # the theme change above must not remake the picture just reopened
        self.keep_draft()
        if had_other_drawing:
            self.say(tr("other_drawing_undo", self._language), "undo")

    def say(self, text: str, icon_name: str = "sparkles", kind: str = "info") -> None:
        self.message.show_message(text, icon_name, kind)

    def _update_buttons(self) -> None:
        drawing = self.canvas.drawing
        self.undo_button.setEnabled(drawing.can_undo)
        self.redo_button.setEnabled(drawing.can_redo)
        self.clear_button.setEnabled(len(drawing) > 0)
        # "Make it!" and "Save" stay enabled: pressed too early, they say kindly what to do first.
        self.save_button.setProperty("ready", self.picture is not None)
        self.save_button.style().unpolish(self.save_button)
        self.save_button.style().polish(self.save_button)

