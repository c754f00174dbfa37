"""The big Print button of the drawing screen and the gallery, and the window's one print desk behind them.

The desk keeps what grown-ups decided (settings `printing`, `print_delay_s`, `paper_size`, `print_dialog`;
ui/printing.py prints): with printing off every Print button is greyed out with the lock note; a child who
printed a moment ago is told kindly when they may print again (one wait per child, whichever screen they
print from); a child never sees a print dialog unless a grown-up allowed it. A button knows what to print
through its `order` function (the picture on show, the creation open), and asks which layout first where
it offers two (the gallery: the picture alone, or the sketch and the picture side by side).
"""

import io
import logging
import math
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime

from PIL import Image
from PySide6.QtCore import QObject, Qt, Signal, SignalInstance
from PySide6.QtWidgets import QApplication, QHBoxLayout, QWidget

from icanvas_desktop.drawing.picture import Picture
from icanvas_desktop.drawing.rasterize import render_as_seen
from icanvas_desktop.gallery.export import ExportLayout, copy_images
from icanvas_desktop.gallery.store import Creation
from icanvas_desktop.generation.big_picture import big_picture
from icanvas_desktop.look import Look
from icanvas_desktop.profiles.session import ChildSession
from icanvas_desktop.settings.effective import EffectiveSettings
from icanvas_desktop.ui.controls import LockNote, big_button
from icanvas_desktop.ui.printing import Images, PrintFailed, PrintGate, caption, choose_printer, print_images
from icanvas_desktop.ui.small_choice import SmallChoice
from icanvas_desktop.words.i18n import tr

log = logging.getLogger(__name__)

LAYOUT_CHOICES = [(ExportLayout.PICTURE, "make", "print_picture"),
                  (ExportLayout.SIDE_BY_SIDE, "pen", "print_both")]


@dataclass(frozen=True)
class PrintOrder:
    """What one tap on Print prints: whose it is (for the wait between prints), the caption's words, and the
    pictures at the size the page asks for."""
    child_id: str
    child_name: str
    created_at: datetime
    images: Images


def picture_order(picture: Picture | None, session: ChildSession | None) -> PrintOrder | None:
    """The picture on show on the drawing screen, made now (None: there is none yet)."""
    if picture is None or picture.picture_png is None:
        return None

    def images(height: int, layout: ExportLayout) -> tuple[Image.Image, Image.Image | None]:
        with Image.open(io.BytesIO(picture.picture_png)) as made:
            made = made.convert("RGB")
        if picture.look is Look.CLEAN and made.width == made.height:
            shown = big_picture(picture.drawing, made, height)
        else:
            shown = made.resize((round(made.width * height / made.height), height), Image.Resampling.LANCZOS)
        side = layout is ExportLayout.SIDE_BY_SIDE
        return shown, render_as_seen(picture.drawing, height) if side else None

    return PrintOrder(*_whose(session), datetime.now(UTC), images)


def creation_order(creation: Creation | None, session: ChildSession | None) -> PrintOrder | None:
    """A creation of the gallery (None: none is open)."""
    if creation is None:
        return None
    return PrintOrder(*_whose(session), creation.created_at,
                      lambda height, layout: copy_images(creation, height, layout, big_picture))


def _whose(session: ChildSession | None) -> tuple[str, str]:
    """The child's id and name ("" for both when no child is chosen)."""
    return (session.profile.id, session.profile.name) if session is not None else ("", "")


class PrintDesk(QObject):
    """Printing for one window: the settings that limit it, one wait per child, and the printer."""

    allowed_changed = Signal(bool)  # printing switched on or off by a grown-up

    def __init__(self, effective: EffectiveSettings, settings_changed: SignalInstance | None = None,
                 parent: QObject | None = None, choose: Callable = choose_printer):
        """`settings_changed` fires when a grown-up changed a setting; `choose(settings, parent)` gives the
        printer, or None when a grown-up cancelled its dialog (tests hand in a PDF printer)."""
        super().__init__(parent)
        self.effective = effective
        self.choose = choose
        self.gate = PrintGate()
        if settings_changed is not None:
            settings_changed.connect(lambda _settings: self.settings_changed())

    def serve(self, *buttons: "PrintButton") -> None:
        for button in buttons:
            button.use(self)

    @property
    def allowed(self) -> bool:
        return self.effective.current.printing

    def settings_changed(self) -> None:
        self.allowed_changed.emit(self.allowed)

    def print_order(self, order: PrintOrder, layout: ExportLayout, parent: QWidget | None,
                    language: str) -> tuple[str, str, str] | None:
        """Print `order` in `layout`; what to tell the child (words, icon, kind), or None when a grown-up
        cancelled the dialog."""
        settings = self.effective.current
        if not settings.printing:
            return tr("locked_by_adult", language), "lock", "info"
        wait = self.gate.wait_s(order.child_id, settings)
        if wait > 0:
            return tr("print_wait", language, n=math.ceil(wait / 60)), "print", "info"
        printer = self.choose(settings, parent)
        if printer is None:
            return None
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)  # a page takes about a second
        try:
            print_images(printer, layout, order.images,
                         caption(order.child_name, order.created_at, language))
        except (PrintFailed, OSError, ValueError):
            log.exception("printing failed")
            return tr("print_failed", language), "oops", "problem"
        finally:
            QApplication.restoreOverrideCursor()
        self.gate.printed(order.child_id)
        return tr("printed", language), "print", "info"


class PrintButton(QWidget):
    """The big Print button with the lock note beside it, shown once the window hands it its desk."""

    def __init__(self, language: str, order: Callable[[], PrintOrder | None],
                 say: Callable[[str, str, str], None], choose_layout: bool = False, lock_words: bool = True,
                 parent: QWidget | None = None):
        """`order` says what to print now; `say(words, icon, kind)` tells the child; `choose_layout` asks
        for the picture alone or with the sketch first (else the picture alone); without `lock_words`, the
        lock beside the greyed-out button has its words on hover only (where there is no room for them)."""
        super().__init__(parent)
        self._order, self._say, self._language = order, say, language
        self.desk: PrintDesk | None = None
        self.button = big_button("", "print", role="secondary", icon_side=34, under=False)
        self.button.clicked.connect(self._clicked)
        self.lock = LockNote()
        self.lock.label.setVisible(lock_words)
        self.choice = SmallChoice(LAYOUT_CHOICES, self) if choose_layout else None
        if self.choice is not None:
            self.choice.chosen.connect(self._print)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(4)
        row.addWidget(self.button)
        row.addWidget(self.lock)
        self.retranslate(language)
        self.hide()

    def use(self, desk: PrintDesk) -> None:
        self.desk = desk
        desk.allowed_changed.connect(self._allowed)
        self._allowed(desk.allowed)
        self.show()

    def _allowed(self, on: bool) -> None:
        self.button.setEnabled(on)
        self.lock.setVisible(not on)

    def retranslate(self, language: str) -> None:
        self._language = language
        self.button.setText(tr("print", language))
        self.button.setToolTip(tr("print_tip", language))
        self.lock.setText(tr("locked_by_adult", language))
        self.lock.setToolTip(tr("locked_by_adult", language))
        if self.choice is not None:
            self.choice.retranslate(language)

    def _clicked(self) -> None:
        if self._order() is None:
            self._say(tr("print_nothing", self._language), "make", "info")
        elif self.choice is not None:
            self.choice.open_beside(self.button)
        else:
            self._print(ExportLayout.PICTURE)

    def _print(self, layout: ExportLayout) -> None:
        order = self._order()
        if self.desk is None or order is None:
            return
        said = self.desk.print_order(order, layout, self.window(), self._language)
        if said is not None:
            self._say(*said)
