"""The grown-ups' corner: children renamed, removed (asked twice, kept aside) and brought back, and, where
this account may write them, the administrator's settings for the whole computer, each locked or not.

A child reaches it only by holding a button for two seconds (`HoldButton`, on the settings page): easy for a
parent, not tempting for a child who taps. What the corner writes is the documented files (profile.json,
system_settings.json), so a lab can still deploy the same settings without it.

In the window, the page reads and writes through the window's background helper (ui/background.py), like
every screen; alone (its own tests) it does the same work at once. Only whether this account may write the
system settings is asked on the UI thread (a stat when the page is built, no file opened).
"""

from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

from PySide6.QtCore import QElapsedTimer, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from icanvas_desktop.look import LOOK_SETTINGS
from icanvas_desktop.profiles.removed import Children, RemovedChild, bring_back, list_children
from icanvas_desktop.profiles.store import InvalidProfileName, Profile, ProfileStore
from icanvas_desktop.settings.system import SystemSettings, system_settings_path
from icanvas_desktop.settings.system_file import can_write, save_system_settings
from icanvas_desktop.settings.user import MAX_PRINT_DELAY_S, PAPER_SIZES
from icanvas_desktop.themes.theme import Theme
from icanvas_desktop.ui.appearance import avatar_icon
from icanvas_desktop.ui.background import Background
from icanvas_desktop.ui.controls import MessageBubble, back_header, big_button, plain_scroll
from icanvas_desktop.words.i18n import tr

HOLD_MS = 2000
SWITCHES = ("kiosk", "live_mode", "sound", "children_may_delete", "printing", "print_dialog")
THEME_COLUMNS = 5


class HoldButton(QPushButton):
    """Emits `held` once pressed for HOLD_MS without letting go, filling up meanwhile to show it works."""

    held = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("holdButton")
        self._clock = QElapsedTimer()
        self._tick = QTimer(self)
        self._tick.setInterval(40)
        self._tick.timeout.connect(self._advance)
        self.progress = 0.0
        self.pressed.connect(self._start)
        self.released.connect(self._stop)

    def _start(self) -> None:
        self._clock.start()
        self._tick.start()

    def _stop(self) -> None:
        self._tick.stop()
        self.progress = 0.0
        self.update()

    def _advance(self) -> None:
        self.progress = min(1.0, self._clock.elapsed() / HOLD_MS)
        self.update()
        if self.progress >= 1.0:
            self._tick.stop()
            self.progress = 0.0
            self.setDown(False)
            self.held.emit()

    def paintEvent(self, event) -> None:
        super().paintEvent(event)
        if self.progress > 0:
            painter = QPainter(self)
            painter.fillRect(QRectF(0, self.height() - 6, self.width() * self.progress, 6), QColor("#ff9f1c"))


class GrownUpsPage(QWidget):
    back_requested = Signal()
    child_removing = Signal(str)  # a profile id, just before its folder moves: close its session (direct)
    children_changed = Signal()
    system_changed = Signal(object)  # SystemSettings, as the app now reads them

    def __init__(self, store: ProfileStore, language: str, system: SystemSettings, themes: list[Theme],
                 system_path: Path | None = None, background: Background | None = None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("grownUpsPage")
        self.store = store
        self._background = background
        self._language = language
        self._system_path = system_path if system_path is not None else system_settings_path()
        self._themes = themes
        self.back_button = big_button("", "back", role="secondary", icon_side=34, under=False)
        self.back_button.clicked.connect(self.back_requested)
        self.title = QLabel()
        self.title.setObjectName("bigTitle")
        self.message = MessageBubble()
        body = QFrame()
        body.setObjectName("grownUpsCard")
        self._body = QVBoxLayout(body)
        self._body.setContentsMargins(24, 16, 24, 16)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 12, 20, 20)
        layout.addLayout(back_header(self.back_button, self.title))
        layout.addWidget(self.message)
        layout.addWidget(plain_scroll(body, "grownUpsScroll", Qt.Orientation.Vertical), 1)
        self._children_box, self._removed_box = QVBoxLayout(), QVBoxLayout()
        self.children_title, self.removed_title, self.lab_title = QLabel(), QLabel(), QLabel()
        for heading, box in ((self.children_title, self._children_box),
                             (self.removed_title, self._removed_box)):
            heading.setProperty("role", "heading")
            self._body.addWidget(heading)
            self._body.addLayout(box)
        self.lab_title.setProperty("role", "heading")
        self._body.addWidget(self.lab_title)
        self._build_lab(system)
        self._body.addStretch()
        self.refresh()

    # Children

    def _run(self, op: Callable[[], Any], on_done: Callable[[Any], None],
             on_error: Callable[[BaseException], None] | None = None) -> None:
        """`op()` through the window's background helper where there is one, else at once; then `on_done`
        with its result, or `on_error` (by default: the problem said on the page)."""
        on_error = on_error or self._problem
        if self._background is not None:
            self._background.run(op, on_done, on_error)
            return
        try:
            result = op()
        except (OSError, ValueError, KeyError) as e:  # a disk, a name, a child gone: said on the page
            on_error(e)
            return
        on_done(result)

    def refresh(self) -> None:
        """List the children and the removed children again (after any change, or a new child elsewhere)."""
        self._run(partial(list_children, self.store), self._show_children)

    def _show_children(self, children: Children) -> None:
        for box in (self._children_box, self._removed_box):
            while box.count():
                item = box.takeAt(0)
                if item.widget() is not None:
                    item.widget().hide()  # at once: deleteLater waits for the event loop
                    item.widget().deleteLater()
        self.child_rows: dict[str, ChildRow] = {}
        for profile, drawings in children.present:
            row = ChildRow(profile, drawings, self._language)
            row.rename_requested.connect(self._rename)
            row.remove_confirmed.connect(self._remove)
            self._children_box.addWidget(row)
            self.child_rows[profile.id] = row
        self.removed_rows: list[tuple[RemovedChild, QPushButton]] = []
        if not children.removed:
            self._removed_box.addWidget(QLabel(tr("removed_none", self._language)))
        for child, drawings in children.removed:
            row = QWidget()
            line = QHBoxLayout(row)
            line.setContentsMargins(0, 0, 0, 0)
            when = child.removed_at.astimezone().strftime("%Y-%m-%d %H:%M")
            label = QLabel(tr("removed_on", self._language, name=child.profile.name, date=when,
                              drawings=drawings))
            label.setWordWrap(True)
            line.addWidget(label, 1)
            button = QPushButton(tr("bring_back", self._language))
            button.clicked.connect(lambda _=False, c=child: self._bring_back(c))
            line.addWidget(button)
            self._removed_box.addWidget(row)
            self.removed_rows.append((child, button))

    def _changed(self) -> None:
        self.refresh()
        self.children_changed.emit()

    def _rename(self, profile: Profile, name: str) -> None:
        self._run(partial(self.store.rename, profile.id, name), self._renamed, self._not_renamed)

    def _renamed(self, renamed: Profile) -> None:
        self.message.show_message(tr("renamed", self._language, name=renamed.name), "sparkles")
        self._changed()

    def _not_renamed(self, error: BaseException) -> None:
        if isinstance(error, InvalidProfileName):
            self.message.show_message(tr(f"name_{error.reason}", self._language), "pen", "problem", seconds=0)
        else:
            self._problem(error)

    def _remove(self, profile: Profile) -> None:
        self.child_removing.emit(profile.id)  # the window closes the child's session before the folder moves
        self._run(partial(self.store.delete, profile.id), lambda _: self._changed(),
                  lambda error: (self._problem(error), self._changed()))

    def _bring_back(self, child: RemovedChild) -> None:
        self._run(partial(bring_back, self.store, child), self._brought_back)

    def _brought_back(self, profile: Profile) -> None:
        self.message.show_message(tr("brought_back", self._language, name=profile.name), "sparkles")
        self._changed()

    def _problem(self, error: BaseException) -> None:
        text = tr("lab_not_saved", self._language, why=error)
        self.message.show_message(text, "oops", "problem", seconds=0)

    # The whole computer

    def _build_lab(self, system: SystemSettings) -> None:
        self.writable = can_write(self._system_path)
        grid = QGridLayout()
        self.switches: dict[str, QCheckBox] = {}
        self.locks: dict[str, QCheckBox] = {}
        row = 0
        for name in SWITCHES:
            self.switches[name] = QCheckBox()
            self.switches[name].setChecked(bool(system.values.get(name, _DEFAULTS[name])))
            grid.addWidget(self.switches[name], row, 0)
            row = self._add_lock(grid, row, name, system)
        self.look_label = QLabel()
        self.look_choice = QComboBox()
        for look in LOOK_SETTINGS:
            self.look_choice.addItem("", look)
        self.look_choice.setCurrentIndex(LOOK_SETTINGS.index(system.values.get("look", "theme")))
        look_row = QHBoxLayout()
        look_row.addWidget(self.look_label)
        look_row.addWidget(self.look_choice)
        look_row.addStretch()
        grid.addLayout(look_row, row, 0)
        row = self._add_printing(grid, self._add_lock(grid, row, "look", system), system)
        allowed = system.values.get("allowed_themes")
        self.allowed_label, self.pinned_label = QLabel(), QLabel()
        self.allowed = {t.id: QCheckBox() for t in self._themes}
        self.pinned = {t.id: QCheckBox() for t in self._themes}
        for theme in self._themes:
            self.allowed[theme.id].setChecked(allowed is not None and theme.id in allowed)
            self.pinned[theme.id].setChecked(theme.id in system.pinned_themes)
        for label, boxes, lock in ((self.allowed_label, self.allowed, "allowed_themes"),
                                   (self.pinned_label, self.pinned, None)):
            label.setWordWrap(True)
            grid.addWidget(label, row, 0)
            row = self._add_lock(grid, row, lock, system) if lock else row + 1
            # In rows of THEME_COLUMNS: all in one row, nine themes were wider than the smallest window.
            ordered = list(boxes.values())
            for start in range(0, len(ordered), THEME_COLUMNS):
                line = QHBoxLayout()
                for box in ordered[start:start + THEME_COLUMNS]:
                    line.addWidget(box)
                line.addStretch()
                grid.addLayout(line, row, 0, 1, 2)
                row += 1
        self._body.addLayout(grid)
        self.lab_note = QLabel()
        self.lab_note.setObjectName("note")
        self.lab_note.setWordWrap(True)
        self.lab_note.setVisible(not self.writable)
        self._body.addWidget(self.lab_note)
        self.save_lab = big_button("", "save", role="primary", icon_side=32, under=False)
        self.save_lab.clicked.connect(self.save_system)
        self._body.addWidget(self.save_lab, 0, Qt.AlignmentFlag.AlignLeft)
        for control in [*self.switches.values(), *self.locks.values(), self.look_choice, self.print_delay,
                        self.paper_choice, *self.allowed.values(), *self.pinned.values(), self.save_lab]:
            control.setEnabled(self.writable)

    def _add_printing(self, grid: QGridLayout, row: int, system: SystemSettings) -> int:
        """Printing's wait between one child's prints (Tux Paint's printdelay) and its paper, each lockable
        (its two switches are with the others)."""
        self.delay_label, self.paper_label = QLabel(), QLabel()
        self.print_delay = QSpinBox()
        self.print_delay.setRange(0, MAX_PRINT_DELAY_S)
        self.print_delay.setSingleStep(30)
        self.print_delay.setValue(system.values.get("print_delay_s", 0))
        self.paper_choice = QComboBox()
        for paper in PAPER_SIZES:
            self.paper_choice.addItem("", paper)
        self.paper_choice.setCurrentIndex(PAPER_SIZES.index(system.values.get("paper_size", "system")))
        for label, control, name in ((self.delay_label, self.print_delay, "print_delay_s"),
                                     (self.paper_label, self.paper_choice, "paper_size")):
            line = QHBoxLayout()
            line.addWidget(label)
            line.addWidget(control)
            line.addStretch()
            grid.addLayout(line, row, 0)
            row = self._add_lock(grid, row, name, system)
        return row

    def _add_lock(self, grid: QGridLayout, row: int, name: str, system: SystemSettings) -> int:
        self.locks[name] = QCheckBox()
        self.locks[name].setChecked(name in system.locked)
        grid.addWidget(self.locks[name], row, 1)
        return row + 1

    def save_system(self) -> None:
        values = {name: box.isChecked() for name, box in self.switches.items()}
        values["look"] = self.look_choice.currentData()
        values["print_delay_s"] = self.print_delay.value()
        values["paper_size"] = self.paper_choice.currentData()
        chosen = [theme_id for theme_id, box in self.allowed.items() if box.isChecked()]
        if chosen:
            values["allowed_themes"] = chosen
        locked = {name for name, box in self.locks.items() if box.isChecked()}
        pinned = {theme_id for theme_id, box in self.pinned.items() if box.isChecked()}
        self._run(partial(save_system_settings, values, locked, pinned, self._system_path), self._saved)

    def _saved(self, system: SystemSettings) -> None:
        self.message.show_message(tr("lab_saved", self._language), "sparkles")
        self.system_changed.emit(system)

    def retranslate(self, language: str) -> None:
        self._language = language
        self.title.setText(tr("grown_ups", language))
        self.back_button.setText(tr("back", language))
        self.children_title.setText(tr("children_heading", language))
        self.removed_title.setText(tr("removed_heading", language))
        self.lab_title.setText(tr("lab_heading", language))
        for name, box in self.switches.items():
            box.setText(tr(f"setting_{name}", language))
        for box in self.locks.values():
            box.setText(tr("lock", language))
        self.look_label.setText(tr("setting_look", language))
        for i, look in enumerate(LOOK_SETTINGS):
            self.look_choice.setItemText(i, tr(f"look_{look}", language))
        self.delay_label.setText(tr("setting_print_delay_s", language))
        self.print_delay.setSuffix(tr("seconds_suffix", language))
        self.paper_label.setText(tr("setting_paper_size", language))
        for i, paper in enumerate(PAPER_SIZES):
            self.paper_choice.setItemText(i, tr(f"paper_{paper}", language))
        self.allowed_label.setText(tr("setting_allowed_themes", language))
        self.pinned_label.setText(tr("setting_pinned_themes", language))
        for theme in self._themes:
            name = theme.name(language).replace("&", "&&")  # a lone & would mark a shortcut and vanish
            self.allowed[theme.id].setText(name)
            self.pinned[theme.id].setText(name)
        self.lab_note.setText(tr("lab_read_only", language, path=self._system_path))
        self.save_lab.setText(tr("save_lab", language))
        self.refresh()


_DEFAULTS = {"kiosk": False, "live_mode": False, "sound": True, "children_may_delete": True, "printing": True,
             "print_dialog": False}


class ChildRow(QWidget):
    """One child: avatar, name field with Rename, and Remove, which asks twice before anything moves."""

    rename_requested = Signal(object, str)  # Profile, the new name
    remove_confirmed = Signal(object)  # Profile

    def __init__(self, profile: Profile, drawings: int, language: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.profile = profile
        self._drawings = drawings
        self._language = language
        avatar = QLabel()
        avatar.setPixmap(avatar_icon(profile.avatar).pixmap(40, 40))
        self.name_edit = QLineEdit(profile.name)
        self.rename_button = QPushButton(tr("rename", language))
        self.rename_button.clicked.connect(lambda: self.rename_requested.emit(profile, self.name_edit.text()))
        self.remove_button = QPushButton(tr("remove_child", language))
        self.remove_button.clicked.connect(self.ask)
        self.question = QLabel()
        self.question.setWordWrap(True)
        self.yes = QPushButton(tr("yes_remove", language))
        self.no = QPushButton(tr("keep_child", language))
        self.yes.clicked.connect(self._yes)
        self.no.clicked.connect(self._cancel)
        self.asked = 0  # how many times the grown-up said yes so far
        line = QHBoxLayout()
        for widget in (avatar, self.name_edit, self.rename_button, self.remove_button):
            line.addWidget(widget)
        answer = QHBoxLayout()
        answer.addWidget(self.question, 1)
        answer.addWidget(self.yes)
        answer.addWidget(self.no)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 4)
        layout.addLayout(line)
        layout.addLayout(answer)
        self._cancel()

    def ask(self) -> None:
        self.asked = 0
        self.question.setText(tr("remove_ask", self._language, name=self.profile.name,
                                 drawings=self._drawings))
        for widget in (self.question, self.yes, self.no):
            widget.show()

    def _yes(self) -> None:
        self.asked += 1
        if self.asked == 1:
            self.question.setText(tr("remove_ask_again", self._language, name=self.profile.name))
            return
        self._cancel()
        self.remove_confirmed.emit(self.profile)

    def _cancel(self) -> None:
        self.asked = 0
        for widget in (self.question, self.yes, self.no):
            widget.hide()
