"""Render the main window, with a drawing and its generated picture, to docs/screenshot.png (offscreen)."""

import math
import os
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main() -> None:
    from PySide6.QtCore import QPointF
    from PySide6.QtWidgets import QApplication

    from icanvas_desktop.ui.main_window import MainWindow

    app = QApplication(sys.argv)
    window = MainWindow("ko")
    window.resize(1000, 640)
    window.show()
    app.processEvents()
    # A child's apple: a wobbly round body, a stem and a leaf, as strokes through the canvas's own input path.
    side = min(window.canvas.width(), window.canvas.height())
    left = (window.canvas.width() - side) / 2
    top = (window.canvas.height() - side) / 2

    def stroke(points):
        window.canvas.begin_stroke(QPointF(left + points[0][0] * side, top + points[0][1] * side))
        for x, y in points[1:]:
            window.canvas.extend_stroke(QPointF(left + x * side, top + y * side))
        window.canvas.end_stroke()

    body = [(0.5 + 0.3 * math.cos(t) * (1 + 0.04 * math.sin(5 * t)), 0.56 + 0.28 * math.sin(t))
            for t in (i * 2 * math.pi / 60 for i in range(61))]
    stroke(body)
    stroke([(0.5, 0.3), (0.5, 0.2), (0.52, 0.14)])
    stroke([(0.52, 0.22), (0.6, 0.14), (0.7, 0.16), (0.62, 0.24), (0.52, 0.22)])
    done = []
    window.worker.finished.connect(lambda *args: done.append(args))
    window.make()
    while not done:
        app.processEvents()
        time.sleep(0.01)
    app.processEvents()
    out = Path(__file__).parents[1] / "docs" / "screenshot.png"
    window.grab().save(str(out))
    window.close()
    print(out)


if __name__ == "__main__":
    main()
