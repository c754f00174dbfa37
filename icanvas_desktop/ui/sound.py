"""The star chime, played without adding a dependency.

PySide6-Essentials has no QtMultimedia, so `QSoundEffect` is used only where the full PySide6 is
installed. Otherwise: `winsound` on Windows (standard library), `afplay` on macOS, `paplay` or
`aplay` on Linux, started detached so the UI never waits. Where none exists the app stays quiet
and `available` is False (the settings screen says so).
"""

import logging
import shutil
import sys
from pathlib import Path

from PySide6.QtCore import QObject, QProcess, QUrl

from icanvas_desktop.files.resources import sounds_dir

log = logging.getLogger(__name__)

PLAYERS = {"darwin": ("afplay",), "linux": ("paplay", "aplay")}


class StarSound(QObject):
    def __init__(self, path: Path | None = None, parent: QObject | None = None):
        super().__init__(parent)
        self.path = Path(path) if path is not None else sounds_dir() / "stars.wav"
        self.enabled = True
        self._effect = None
        self._player: str | None = None
        self._winsound = None
        if not self.path.is_file():
            log.warning("no sound file at %s", self.path)
            return
        try:
            from PySide6.QtMultimedia import QSoundEffect
        except ImportError:
            pass
        else:
            self._effect = QSoundEffect(self)
            self._effect.setSource(QUrl.fromLocalFile(str(self.path)))
            return
        if sys.platform == "win32":
            import winsound

            self._winsound = winsound
            return
        for name in PLAYERS.get(sys.platform, PLAYERS["linux"]):
            found = shutil.which(name)
            if found:
                self._player = found
                break

    @property
    def available(self) -> bool:
        return self._effect is not None or self._winsound is not None or self._player is not None

    def play(self) -> bool:
        """Play the chime if sound is on and possible; True when it was started."""
        if not (self.enabled and self.available):
            return False
        try:
            if self._effect is not None:
                self._effect.play()
            elif self._winsound is not None:
                flags = self._winsound.SND_FILENAME | self._winsound.SND_ASYNC
                self._winsound.PlaySound(str(self.path), flags)
            else:
                started, _pid = QProcess.startDetached(self._player, [str(self.path)])
                return started
        except Exception as e:  # noqa: BLE001 - a missing sound never spoils the celebration
            log.warning("could not play %s: %s", self.path, e)
            return False
        return True
