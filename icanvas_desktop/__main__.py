"""`icanvas` and `python -m icanvas_desktop`: start the app.

Only Qt and the Qt-free core are imported here; TensorFlow loads later, on the worker thread.
"""

import logging
import os
import sys


def main(argv: list[str] | None = None) -> int:
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")  # TensorFlow's C++ start-up chatter
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(levelname)s: %(message)s")

    from icanvas_desktop.commands.cli import run_command

    status = run_command(sys.argv[1:] if argv is None else argv)
    if status is not None:
        return status

    from PySide6.QtCore import QTimer
    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QApplication

    from icanvas_desktop.files.resources import icons_dir
    from icanvas_desktop.ui.appearance import apply_app_style
    from icanvas_desktop.ui.main_window import MainWindow

    app = QApplication(sys.argv if argv is None else [sys.argv[0], *argv])
    app.setApplicationName("iCanvas")
    app.setOrganizationName("iCanvas")
    app.setWindowIcon(QIcon(str(icons_dir() / "app.png")))
    app.setDesktopFileName("icanvas")  # Wayland matches the window to icanvas.desktop and its icon by this
    apply_app_style(app)
    window = MainWindow()
    window.show()
    # Once the event loop runs: packaging/build_linux.sh waits for this line to know the frozen window works.
    log = logging.getLogger("icanvas_desktop")
    QTimer.singleShot(0, lambda: log.info("window open (%s)", app.platformName()))
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
