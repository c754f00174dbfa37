"""Entry script for the PyInstaller bundle (PyInstaller needs a file, not a console_scripts entry point)."""

import sys

from icanvas_desktop.__main__ import main

if __name__ == "__main__":
    sys.exit(main())
