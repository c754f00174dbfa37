"""The settings the app runs with: built-in defaults, then the administrator's, then the user's own choices
wherever the administrator did not lock them."""

from typing import Any

from icanvas_desktop.settings.system import SystemSettings, load_system_settings
from icanvas_desktop.settings.user import Settings, SettingsFile


class SettingLocked(Exception):
    """A user tried to change a setting the administrator locked; `str()` is for the adult."""

    def __init__(self, name: str):
        super().__init__(f"'{name}' is locked by the administrator of this computer "
                         "and cannot be changed here")
        self.name = name


class EffectiveSettings:
    def __init__(self, user: SettingsFile | None = None, system: SystemSettings | None = None):
        self.user = user if user is not None else SettingsFile()
        self.system = system if system is not None else load_system_settings()
        # Only what the user chose, so an administrator's unlocked values still act as defaults.
        self._choices = self.user.load_choices()

    @property
    def current(self) -> Settings:
        chosen = {k: v for k, v in self._choices.items() if not self.is_locked(k)}
        # A lock without a value of the administrator's holds the built-in default.
        return Settings(**{**self.system.values, **chosen})

    def is_locked(self, name: str) -> bool:
        """For the UI: a locked setting is shown greyed out."""
        return name in self.system.locked

    def change(self, **values: Any) -> Settings:
        """Save the user's choices; refuses all of them if any is locked. A choice made before a lock stays
        in the user's file and counts again once the administrator lifts the lock."""
        self.user.save_choices(self.choose(**values))
        return self.current

    def choose(self, **values: Any) -> dict[str, Any]:
        """`change` without the file: the choices hold from now on, and what to save with
        `self.user.save_choices` is returned (the window saves it off the UI thread, in order)."""
        for name in values:
            if self.is_locked(name):
                raise SettingLocked(name)
        Settings(**values)  # refuses an invalid value before anything is saved
        self._choices = {**self._choices, **values}
        return self._choices

    # The look is each child's own: one computer account is shared by a family or a class, and one child
    # loves the painted pictures while another wants them clean.

    def child_look(self, child: SettingsFile) -> str:
        """One of look.LOOK_SETTINGS for the child whose own settings are in `child`: the administrator's
        where locked, else the child's choice, else this account's (the administrator's default, or the
        theme's own)."""
        if self.is_locked("look"):
            return self.current.look
        return child.load_choices().get("look", self.current.look)

    def choose_child_look(self, child: SettingsFile, look: str) -> None:
        """Keep a child's choice of look in their settings file; refused where the administrator locked it."""
        if self.is_locked("look"):
            raise SettingLocked("look")
        Settings(look=look)  # refuses an invalid look before anything is saved
        child.save_choices({**child.load_choices(), "look": look})
