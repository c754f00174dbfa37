"""`icanvas` / `python -m icanvas_desktop`: start the app."""

import sys


def main() -> int:
    from icanvas_desktop.commands import run_command

    status = run_command(sys.argv[1:])
    if status is not None:
        return status

    from PySide6.QtCore import QLocale
    from PySide6.QtWidgets import QApplication

    from icanvas_desktop.i18n import language_for
    from icanvas_desktop.ui.main_window import MainWindow

    app = QApplication(sys.argv)
    window = MainWindow(language_for(QLocale.system().name()))
    window.resize(1000, 640)
    window.show()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
