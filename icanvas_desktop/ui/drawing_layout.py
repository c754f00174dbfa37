"""The drawing screen's parts, and where they sit: the theme strip on top, the tools, the sheet, "Make it!"
(Live under it) and the picture (Print in its corner) side by side, their titles above and the kind word
with Save and New under them.

Sizes chosen so that at 1280×800 the sheet and the picture are each about 500 px, and at the smallest
window (980×660) every word on every button still fits: the tools, "Make it!" and the theme strip are as
slim as a child's finger and the words allow.
"""

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
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

from icanvas_desktop.ui.canvas import Canvas
from icanvas_desktop.ui.challenge_button import ChallengeButton
from icanvas_desktop.ui.controls import LockNote, MessageBubble, big_button
from icanvas_desktop.ui.guess_bar import GuessBar
from icanvas_desktop.ui.look_switch import LookSwitch
from icanvas_desktop.ui.print_button import PrintButton, picture_order
from icanvas_desktop.ui.result_view import ResultView
from icanvas_desktop.ui.theme_picker import ThemePicker
from icanvas_desktop.ui.tool_column import ToolColumn
from icanvas_desktop.words.i18n import tr

if TYPE_CHECKING:
    from icanvas_desktop.ui.drawing_screen import DrawingScreen

MAKE_SIDE = 124
ROW_HEIGHT = 66
HEADER_HEIGHT = 40


def make_parts(screen: "DrawingScreen", language: str) -> None:
    """The screen's parts, as its attributes: the theme tiles, the sheet (showing the screen's model's
    sketchpad) with its tools, the picture with its look switch, their titles, the buttons that make the
    picture, keep it or start over, the challenge's, and the kind word. The screen binds them."""
    screen.theme_picker = ThemePicker(language)
    screen.canvas = Canvas(pad=screen.model.pad)
    screen.result_view = ResultView(background=screen.background)  # draws clean pictures at its own size
    screen.look_switch = LookSwitch(language)
    screen.tools = ToolColumn(screen.canvas, language)
    screen.sketch_title, screen.result_title = QLabel(), QLabel()
    # On one line: split over two, "My drawing" crowded the challenge beside it (itself on two lines), which
    # gets the room that is left (challenge_room); "Magic picture" split with room to spare beside it.
    for title in (screen.sketch_title, screen.result_title):
        title.setProperty("role", "paperTitle")
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
    screen.make_button = big_button("", "make", role="make", icon_side=52)
    screen.make_button.setFixedSize(MAKE_SIDE, MAKE_SIDE)
    screen.live_button = big_button("", "live", role="toggle", checkable=True, icon_side=32)
    screen.live_lock = LockNote()
    screen.live_lock.setFixedWidth(MAKE_SIDE)
    screen.save_button = big_button("", "save", role="primary", icon_side=34, under=False)
    screen.new_button = big_button("", "new", role="secondary", icon_side=34, under=False)
    screen.challenge_button = ChallengeButton(language)
    screen.message = MessageBubble()
    screen.guess_bar = GuessBar(screen.model, language)
    # The picture alone: the sketch beside it is for the gallery's prints, where the child chooses. In the
    # picture's corner: what it prints is plain, and the column under "Make it!" has no room left at 980x660.
    screen.print_button = PrintButton(
        language, lambda: picture_order(screen.model.picture, screen.model.session), screen.say,
        lock_words=False)
    screen.result_view.set_corner(screen.print_button)


def retranslate_parts(screen: "DrawingScreen", language: str) -> None:
    """Every word on the screen's parts in `language`."""
    for button, key in ((screen.make_button, "make"), (screen.live_button, "live"),
                        (screen.save_button, "save"), (screen.new_button, "new_drawing")):
        button.setText(tr(key, language))
    screen.live_button.setToolTip(tr("live_tip", language))
    screen.live_lock.setText(tr("locked_by_adult", language))
    for part in (screen.tools, screen.look_switch, screen.theme_picker, screen.challenge_button,
                 screen.print_button, screen.guess_bar):
        part.retranslate(language)
    screen.sketch_title.setText(tr("sketch_title", language))
    screen.result_title.setText(tr("result_title", language))
    screen.result_view.set_placeholder(tr("result_placeholder", language))


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


def lay_out(screen: "DrawingScreen") -> None:
    """Put the screen's parts in their places (each made by the screen before)."""
    middle = QVBoxLayout()
    middle.addStretch()
    middle.addWidget(screen.make_button, 0, Qt.AlignmentFlag.AlignHCenter)
    middle.addSpacing(12)
    middle.addWidget(screen.live_button, 0, Qt.AlignmentFlag.AlignHCenter)
    middle.addSpacing(6)
    middle.addWidget(screen.live_lock, 0, Qt.AlignmentFlag.AlignHCenter)
    middle.addSpacing(12)
    middle.addWidget(screen.guess_bar.dice_button, 0, Qt.AlignmentFlag.AlignHCenter)
    middle.addStretch()

    # Under the papers, one row for the kind word and the two buttons that keep or start over: the buttons
    # stay at the right, under the picture, and reach in under "Make it!" when the window is small.
    bottom = QHBoxLayout()
    bottom.setSpacing(8)
    screen.message.layout().setContentsMargins(12, 4, 14, 4)  # room for three lines in the row
    bottom.addWidget(screen.message, 1)
    bottom.addStretch()  # holds the buttons at the right while there is no message
    bottom.addWidget(screen.guess_bar)  # "Is it a ...?" here, not above: the papers stay big
    bottom.addWidget(screen.save_button)
    bottom.addWidget(screen.new_button)

    # The sheet and the picture share the width evenly, whatever their size hints say.
    for paper in (screen.canvas, screen.result_view):
        paper.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Expanding)
    papers = QGridLayout()
    papers.setHorizontalSpacing(6)
    papers.setVerticalSpacing(4)
    papers.addWidget(screen.tools, 0, 0, 3, 1, Qt.AlignmentFlag.AlignTop)
    # Above the sheet its challenge, or else its title; above the picture its title and the switch between
    # its two looks.
    sketch_header = _header((screen.sketch_title, screen.challenge_button), 0, make_side="right")
    result_header = _header((screen.result_title, screen.look_switch), 10, make_side="left")
    papers.addLayout(sketch_header, 0, 1, 1, 2)
    papers.addLayout(result_header, 0, 2, 1, 2)
    papers.addWidget(screen.canvas, 1, 1)
    papers.addLayout(middle, 1, 2)
    papers.addWidget(screen.result_view, 1, 3)
    papers.addWidget(_fixed_row(bottom), 2, 1, 1, 3)
    papers.setRowMinimumHeight(0, HEADER_HEIGHT)  # the sheets do not jump when a challenge comes or goes
    papers.setRowStretch(1, 1)
    papers.setColumnStretch(1, 1)
    papers.setColumnStretch(3, 1)

    layout = QVBoxLayout(screen)
    layout.setContentsMargins(6, 4, 6, 4)
    layout.setSpacing(4)
    layout.addWidget(screen.theme_picker)
    layout.addLayout(papers, 1)


def challenge_room(screen: "DrawingScreen") -> int:
    """How wide the challenge may be: halfway in over "Make it!"; the picture's header has the other half.
    From the screen's width, not the sheet's: a wide challenge would make the sheet wider, and its room."""
    sheet = (screen.width() - screen.tools.width() - MAKE_SIDE) // 2 - 24  # less margins and spacing
    return sheet + MAKE_SIDE // 2 - screen.sketch_title.minimumSizeHint().width()
