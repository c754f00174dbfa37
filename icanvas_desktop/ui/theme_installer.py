"""Installing a theme an adult dropped on the window (a .zip made by `icanvas-train export --zip`), whichever
screen shows: no file dialog, which a child could wander off into. It is installed for this user in the
background (ui/background.py), and the themes are looked for again."""

import logging
from collections.abc import Callable
from functools import partial
from pathlib import Path

from PySide6.QtCore import QEvent, QMimeData, QObject
from PySide6.QtWidgets import QWidget

from icanvas_desktop.themes.package_import import ThemeImportError, import_theme_zip
from icanvas_desktop.ui.background import Background
from icanvas_desktop.ui.generation_worker import GenerationService
from icanvas_desktop.words.i18n import tr

log = logging.getLogger(__name__)


def dropped_zips(mime: QMimeData) -> list[Path]:
    files = [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()]
    return [f for f in files if f.suffix.lower() == ".zip"]


class ThemeInstaller(QObject):
    def __init__(self, window: QWidget, service: GenerationService, background: Background,
                 theme_folders: list[Path], notify: Callable[[str, str, str, float], None],
                 language: Callable[[], str], themes_chosen: Callable[[], bool]):
        """Takes the .zip files dropped on `window`; `notify(text, icon, kind, seconds)` tells the adult how
        it went, in the `language()` of the window; none is installed while `themes_chosen()` (the
        administrator chose the themes children may use)."""
        super().__init__(window)
        window.setAcceptDrops(True)
        window.installEventFilter(self)
        self._themes_chosen = themes_chosen
        self._service = service
        self._background = background
        self._theme_folders = theme_folders
        self._notify = notify
        self._language = language

    def _tell(self, key: str, icon: str, kind: str, seconds: float, **values) -> None:
        self._notify(tr(key, self._language(), **values), icon, kind, seconds)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() not in (QEvent.Type.DragEnter, QEvent.Type.Drop):
            return False
        zips = dropped_zips(event.mimeData())
        if not zips:
            event.ignore()
            return True
        event.acceptProposedAction()
        if event.type() == QEvent.Type.Drop:
            for zip_path in zips:
                self.install(zip_path)
        return True

    def install(self, zip_path: Path) -> None:
        """Install a theme .zip for this user, unless the themes children may use were chosen for them."""
        if self._themes_chosen():
            self._tell("themes_locked", "lock", "problem", 15)
            return
        self._tell("theme_adding", "palette", "info", 0)
        self._background.run(partial(import_theme_zip, zip_path), on_done=self._installed,
                             on_error=self._not_installed)

    def _not_installed(self, error: BaseException) -> None:
        if isinstance(error, ThemeImportError):
            log.warning("%s", error)
            reason = str(error)
        else:  # a bug or a full disk: the adult still hears of it, and nothing is left half done
            log.error("installing a theme failed", exc_info=error)
            reason = f"{type(error).__name__}: {error}"
        self._tell("theme_not_added", "oops", "problem", 30, reason=reason)

    def _installed(self, theme) -> None:
        # A theme replaced in place keeps its folder: the generator loaded from the old files must go.
        self._service.forget(theme.folder)
        self._tell("theme_added", "party", "info", 8, name=theme.name(self._language()))
        self._service.discover(self._theme_folders)
