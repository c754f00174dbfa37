"""The grown-ups' corner in the window (ui/grown_ups_page.py): the settings page's two-second hold opens it,
and what a grown-up changes there reaches the rest of the window at once.

- A child being removed who is drawing now has their session closed before their folder moves; leaving the
  corner then goes to the profile picker, since nobody is drawing any more.
- A renamed, removed or returned child shows at once on the profile picker and in the top bar.
- New administrator settings are applied live, as if the app had started with them: what is locked is
  greyed out, only the allowed themes get tiles, kiosk mode comes or goes, deleting is allowed or not.

The page is built again each time it opens, from the settings and the themes of that moment.
"""

from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt

from icanvas_desktop.profiles.store import Profile
from icanvas_desktop.settings.system import SystemSettings
from icanvas_desktop.ui.grown_ups_page import GrownUpsPage

if TYPE_CHECKING:
    from icanvas_desktop.ui.main_window import MainWindow


class GrownUpsCorner(QObject):
    def __init__(self, window: "MainWindow"):
        super().__init__(window)
        self._window = window
        self._themes: list = []
        self._problems: list = []
        self.page: GrownUpsPage | None = None
        window.service.themes_found.connect(self._themes_found)
        window.settings_page.grown_ups_requested.connect(self.open)

    def _themes_found(self, themes: list, problems: list) -> None:
        self._themes, self._problems = themes, problems

    def open(self) -> None:
        w = self._window
        if self.page is not None:
            w.pages.removeWidget(self.page)
            self.page.deleteLater()
        self.page = GrownUpsPage(w.store, w.language, w.effective.system, self._themes,
                                 background=w.background)
        self.page.retranslate(w.language)
        self.page.back_requested.connect(self.leave)
        # Direct: the session must be closed before the page moves the child's folder, right after the signal.
        self.page.child_removing.connect(self._removing, Qt.ConnectionType.DirectConnection)
        self.page.children_changed.connect(self._children_changed)
        self.page.system_changed.connect(self.apply_system)
        w.pages.addWidget(self.page)
        w.pages.setCurrentWidget(self.page)
        w.top_bar.hide()  # the page's own Back is the one way out

    def leave(self) -> None:
        w = self._window
        w.show_settings() if w.session is not None else w.show_profiles()

    def _removing(self, profile_id: str) -> None:
        w = self._window
        if w.profile is not None and w.profile.id == profile_id:
            w.close_session()
            w.profile = None

    def _children_changed(self) -> None:
        w = self._window
        w.background.run(w.store.list, on_done=w.profile_picker.show_profiles)
        if w.profile is not None:
            w.background.run(partial(w.store.get, w.profile.id), on_done=self._renamed)

    def _renamed(self, profile: Profile) -> None:
        w = self._window
        if w.profile is not None and w.profile.id == profile.id:
            w.profile = profile
            w.top_bar.show_child(profile)

    def apply_system(self, system: SystemSettings) -> None:
        """Run with `system` from now on, as if the app had started with it."""
        w = self._window
        allowed_before = w.settings.allowed_themes
        w.settings_keeper.system_changed(system)  # sound, live mode and the settings page follow
        settings, effective = w.settings, w.effective
        w.drawing_screen.set_live_locked(effective.is_locked("live_mode"))
        w.gallery_view.allow_delete(settings.children_may_delete)
        w.kiosk.turn(settings.kiosk)
        if settings.allowed_themes != allowed_before and self._themes:
            # As when the themes were found: the window gives tiles to the allowed ones only.
            w.service.themes_found.emit(self._themes, self._problems)
        if w.session is not None:  # the child's own look, unless the administrator now fixes it
            session = w.session
            w.background.run(partial(effective.child_look, session.settings),
                             on_done=partial(self._show_look, session))

    def _show_look(self, session, look: str) -> None:
        w = self._window
        if session is w.session:
            w.drawing_screen.set_look(look, w.effective.is_locked("look"))
