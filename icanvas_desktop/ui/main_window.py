"""The main window: canvas on the left, picture on the right, big buttons."""

import io

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeySequence, QPixmap, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from icanvas_desktop.drawing.rasterize import render_sketch
from icanvas_desktop.drawing.strokes import PenSize, Tool
from icanvas_desktop.i18n import tr
from icanvas_desktop.themes.discovery import discover_themes, theme_folders
from icanvas_desktop.ui.canvas import Canvas
from icanvas_desktop.ui.generation_worker import start_worker

LIVE_DELAY_MS = 400


def use_bundled_font() -> None:
    """Hangul shows as empty boxes on machines without a Korean font, so the app brings its own."""
    from PySide6.QtGui import QFont, QFontDatabase
    from PySide6.QtWidgets import QApplication

    from icanvas_desktop.resources import resources_dir

    families = []
    for name in ("NanumGothic.ttf", "NanumGothicBold.ttf"):
        font_id = QFontDatabase.addApplicationFont(str(resources_dir() / "fonts" / name))
        families += QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
    if families:
        QApplication.setFont(QFont(families[0], 12))


class MainWindow(QMainWindow):
    def __init__(self, language: str = "en", folders=None):
        super().__init__()
        use_bundled_font()
        self.language = language
        self.setWindowTitle(tr("title", language))
        self.canvas = Canvas()
        self.result = QLabel(alignment=Qt.AlignmentFlag.AlignCenter)
        self.result.setMinimumSize(256, 256)
        self.result.setStyleSheet("background: white; border-radius: 12px;")
        self.status = QLabel(tr("getting_ready", language), alignment=Qt.AlignmentFlag.AlignCenter)
        self.theme_box = QComboBox()
        self.make_button = self._button("make", self.make)
        self.live = QCheckBox(tr("live", language))
        self._live_timer = QTimer(self, singleShot=True, interval=LIVE_DELAY_MS, timeout=self.make)
        self.canvas.changed.connect(self._on_drawing_changed)

        tools = QHBoxLayout()
        for key, slot in (
            ("pen", lambda: self._set_tool(Tool.PEN)), ("eraser", lambda: self._set_tool(Tool.ERASER)),
            ("small", lambda: self._set_size(PenSize.SMALL)), ("medium", lambda: self._set_size(PenSize.MEDIUM)),
            ("large", lambda: self._set_size(PenSize.LARGE)), ("undo", self.canvas.undo),
            ("redo", self.canvas.redo), ("clear", self.canvas.clear),
        ):
            tools.addWidget(self._button(key, slot))
        actions = QHBoxLayout()
        for widget in (self.theme_box, self.live, self.make_button):
            actions.addWidget(widget)
        pictures = QHBoxLayout()
        pictures.addWidget(self.canvas, 1)
        pictures.addWidget(self.result, 1)
        layout = QVBoxLayout()
        for part in (tools, pictures, actions):
            layout.addLayout(part)
        layout.addWidget(self.status)
        central = QWidget()
        central.setLayout(layout)
        self.setCentralWidget(central)
        self.setStyleSheet("QPushButton { font-size: 18px; padding: 12px 18px; border-radius: 14px; }")

        QShortcut(QKeySequence.StandardKey.Undo, self, self.canvas.undo)
        QShortcut(QKeySequence("Ctrl+Shift+Z"), self, self.canvas.redo)
        QShortcut(QKeySequence("Ctrl+Y"), self, self.canvas.redo)

        self.worker, self.thread = start_worker(self)
        self.worker.finished.connect(self._on_finished)
        self.worker.failed.connect(self._on_failed)
        self._job = 0
        self.themes, _problems = discover_themes(folders if folders is not None else theme_folders())
        for theme in self.themes:
            self.theme_box.addItem(theme.name(language), theme)
        self.make_button.setEnabled(bool(self.themes))
        self.status.setText(tr("draw_first", language) if self.themes else tr("no_themes", language))

    def _button(self, key: str, slot) -> QPushButton:
        button = QPushButton(tr(key, self.language))
        button.setMinimumHeight(56)
        button.clicked.connect(slot)
        return button

    def _set_tool(self, tool: Tool) -> None:
        self.canvas.tool = tool

    def _set_size(self, size: PenSize) -> None:
        self.canvas.size = size

    def _on_drawing_changed(self) -> None:
        if self.live.isChecked():
            self._live_timer.start()

    def make(self) -> None:
        theme = self.theme_box.currentData()
        if theme is None:
            return
        if self.canvas.drawing.is_empty:
            self.status.setText(tr("draw_first", self.language))
            return
        self._job += 1
        sketch = io.BytesIO()
        render_sketch(self.canvas.drawing, theme.input_size).save(sketch, "PNG")
        self.status.setText(tr("working", self.language))
        self.worker.request(self._job, theme, sketch.getvalue())

    def _on_finished(self, job_id: int, picture_png: bytes) -> None:
        if job_id != self._job:  # a newer drawing is on its way
            return
        pixmap = QPixmap()
        pixmap.loadFromData(picture_png)
        self.result.setPixmap(pixmap.scaled(self.result.size(), Qt.AspectRatioMode.KeepAspectRatio,
                                            Qt.TransformationMode.SmoothTransformation))
        self.status.setText(tr("done", self.language))

    def _on_failed(self, job_id: int, kind: str) -> None:
        if job_id == self._job:
            self.status.setText(tr(f"failed_{kind}", self.language))

    def closeEvent(self, event) -> None:
        self.thread.quit()
        self.thread.wait()
        super().closeEvent(event)
