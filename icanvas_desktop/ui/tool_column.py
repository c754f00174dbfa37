"""The column of drawing tools beside the sheet: pen or eraser, three sizes, Undo, Redo and Clear; and beside
them the eight crayons, which colour in instead of drawing (the picture takes their colours).

It takes the canvas in its constructor, sets the canvas's tool and size, and follows its drawing to light
up Undo, Redo and Clear only when they would do something. Ctrl+Z and Ctrl+Shift+Z (or Ctrl+Y) work
anywhere in the window.
"""

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QButtonGroup, QFrame, QHBoxLayout, QSizePolicy, QVBoxLayout

from icanvas_desktop.drawing.strokes import CRAYON_COLOURS, PEN_WIDTHS, Crayon, PenSize, Tool
from icanvas_desktop.ui.appearance import crayon_icon, size_dot_icon
from icanvas_desktop.ui.canvas import Canvas
from icanvas_desktop.ui.controls import big_button
from icanvas_desktop.words.i18n import tr

TOOL_ICON = 28
CRAYON_ICON = 40
# As wide as a child's fingertip: at the smallest window every sheet pixel given to the crayons is one less
# for the sheet and the picture.
CRAYON_WIDTH = 44


def _shortcuts(standard: QKeySequence.StandardKey, *extra: str) -> list[QKeySequence]:
    """The platform's keys for an action plus `extra` ones, each once (a key listed twice is ambiguous)."""
    keys: list[QKeySequence] = []
    for key in [*QKeySequence.keyBindings(standard), *map(QKeySequence, extra)]:
        if key not in keys:
            keys.append(key)
    return keys


class ToolColumn(QFrame):
    crayon_picked = Signal(object)  # the Crayon the child tapped (not when it was already the tool)

    def __init__(self, canvas: Canvas, language: str):
        super().__init__()
        self.setObjectName("toolColumn")
        self.canvas = canvas
        self.pen_button = big_button("", "pen", checkable=True, icon_side=TOOL_ICON)
        self.eraser_button = big_button("", "eraser", checkable=True, icon_side=TOOL_ICON)
        self.pen_button.setChecked(True)
        tools = QButtonGroup(self)
        for button, tool in ((self.pen_button, Tool.PEN), (self.eraser_button, Tool.ERASER)):
            tools.addButton(button)
            button.clicked.connect(lambda _=False, t=tool: canvas.set_tool(t))
        self.size_buttons: dict[PenSize, object] = {}
        sizes = QButtonGroup(self)
        for size in PenSize:
            button = big_button("", None, checkable=True, icon_side=22)
            button.setIcon(size_dot_icon(0.25 + PEN_WIDTHS[size] * 15))
            button.setProperty("role", "size")
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
            button.clicked.connect(lambda _=False, s=size: canvas.set_pen_size(s))
            sizes.addButton(button)
            self.size_buttons[size] = button
        self.size_buttons[PenSize.MEDIUM].setChecked(True)
        self.undo_button = big_button("", "undo", icon_side=TOOL_ICON)
        self.redo_button = big_button("", "redo", icon_side=TOOL_ICON)
        self.clear_button = big_button("", "clear", icon_side=TOOL_ICON)
        self.undo_button.clicked.connect(canvas.undo)
        self.redo_button.clicked.connect(canvas.redo)
        self.clear_button.clicked.connect(canvas.clear)

        self.undo_action = QAction(self)
        self.undo_action.setShortcuts(_shortcuts(QKeySequence.StandardKey.Undo, "Ctrl+Z"))
        self.undo_action.triggered.connect(canvas.undo)
        self.redo_action = QAction(self)
        self.redo_action.setShortcuts(_shortcuts(QKeySequence.StandardKey.Redo, "Ctrl+Shift+Z", "Ctrl+Y"))
        self.redo_action.triggered.connect(canvas.redo)
        for action in (self.undo_action, self.redo_action):
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            self.addAction(action)

        # One slim column (the words set its width), and the crayons' slimmer one, so the two sheets get the
        # room beside them.
        row = QHBoxLayout(self)
        row.setContentsMargins(6, 6, 6, 6)
        column = QVBoxLayout()
        row.addLayout(column)
        row.addLayout(self._crayon_column(tools))
        column.setSpacing(4)  # a few pixels to spare at the smallest window, where the column is tallest
        column.addWidget(self.pen_button)
        column.addWidget(self.eraser_button)
        size_column = QVBoxLayout()
        size_column.setSpacing(3)
        for button in self.size_buttons.values():
            size_column.addWidget(button)
        column.addLayout(size_column)
        for button in (self.undo_button, self.redo_button, self.clear_button):
            column.addWidget(button)
        for button in (self.pen_button, self.eraser_button, *self.size_buttons.values(), self.undo_button,
                       self.redo_button, self.clear_button):
            # All as wide as the column.
            button.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        canvas.drawingChanged.connect(self.follow_drawing)
        self.retranslate(language)
        self.follow_drawing()

    def _crayon_column(self, tools: QButtonGroup) -> QVBoxLayout:
        """The eight crayons, one above the other, in the tools' group: a crayon, the pen and the eraser
        exclude each other."""
        column = QVBoxLayout()
        column.setSpacing(3)
        self.crayon_buttons = {}
        for crayon in Crayon:
            button = big_button("", None, role="crayon", checkable=True, icon_side=CRAYON_ICON)
            button.setIcon(crayon_icon(CRAYON_COLOURS[crayon]))
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
            button.setFixedWidth(CRAYON_WIDTH)
            # As tall as the tools beside them leave room for, and no shorter than a fingertip.
            button.setMinimumHeight(36)
            button.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Expanding)
            button.clicked.connect(lambda _=False, c=crayon: self._pick_crayon(c))
            tools.addButton(button)
            column.addWidget(button)
            self.crayon_buttons[crayon] = button
        return column

    def _pick_crayon(self, crayon: Crayon) -> None:
        again = self.canvas.tool is Tool.CRAYON and self.canvas.pad.crayon is crayon
        self.canvas.set_crayon(crayon)
        if not again:
            self.crayon_picked.emit(crayon)

    def retranslate(self, language: str) -> None:
        for button, key in ((self.pen_button, "pen"), (self.eraser_button, "eraser"),
                            (self.undo_button, "undo"), (self.redo_button, "redo"),
                            (self.clear_button, "clear")):
            button.setText(tr(key, language))
        self.undo_button.setToolTip("Ctrl+Z")
        self.redo_button.setToolTip("Ctrl+Shift+Z, Ctrl+Y")
        for size, button in self.size_buttons.items():
            button.setToolTip(tr(f"size_{size.value}", language))
        for crayon, button in self.crayon_buttons.items():
            button.setToolTip(tr(f"crayon_{crayon.value}", language))
            button.setAccessibleName(tr(f"crayon_{crayon.value}", language))

    def follow_drawing(self) -> None:
        drawing = self.canvas.drawing
        self.undo_button.setEnabled(drawing.can_undo)
        self.redo_button.setEnabled(drawing.can_redo)
        self.clear_button.setEnabled(len(drawing) > 0)
