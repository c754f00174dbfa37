"""The main window: who is drawing, the drawing screen, the gallery, the settings and the grown-ups' corner
(grown_ups_wiring.py), one at a time.

It owns the pieces that outlive a screen: the settings (settings_keeper.py), the profile store, the child's
session, the generation service (one worker thread), the one background helper and the star chime. Themes are
found on the worker thread right after the window appears, so it opens at once; a child's profile, draft and
stars are read in the background. The settings are the effective ones (docs/school_labs.md): what is locked is
greyed out, only allowed themes get tiles, kiosk mode (kiosk.py) keeps the window open. A theme .zip dropped
on the window, whichever screen shows, is installed (theme_installer.py).
"""

import logging
from functools import partial
from pathlib import Path

from PySide6.QtCore import QLocale, QTimer
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QMainWindow, QStackedWidget

from icanvas_desktop.gallery.store import Creation, Reopened
from icanvas_desktop.profiles.drawing_model import ChildState, open_child
from icanvas_desktop.profiles.leftovers import clean_leftovers
from icanvas_desktop.profiles.profile_lock import ProfileInUse
from icanvas_desktop.profiles.session import ChildSession, SaveResult, StarStatus
from icanvas_desktop.profiles.store import Profile, ProfileStore
from icanvas_desktop.settings.effective import EffectiveSettings
from icanvas_desktop.settings.user import Settings, SettingsFile
from icanvas_desktop.themes.discovery import theme_folders as default_theme_folders
from icanvas_desktop.ui.about_page import AboutPage
from icanvas_desktop.ui.background import Background
from icanvas_desktop.ui.celebration import Celebration
from icanvas_desktop.ui.creation_saver import celebration_words
from icanvas_desktop.ui.drawing_screen import DrawingScreen
from icanvas_desktop.ui.gallery_view import GalleryView, default_export_folder
from icanvas_desktop.ui.generation_worker import GenerationService
from icanvas_desktop.ui.grown_ups_wiring import GrownUpsCorner
from icanvas_desktop.ui.kiosk import Kiosk
from icanvas_desktop.ui.notice import Notice
from icanvas_desktop.ui.print_button import PrintDesk
from icanvas_desktop.ui.profile_picker import ProfilePicker
from icanvas_desktop.ui.screen_fit import fit_to_screen
from icanvas_desktop.ui.settings_keeper import SettingsKeeper
from icanvas_desktop.ui.settings_page import SettingsPage
from icanvas_desktop.ui.sound import StarSound
from icanvas_desktop.ui.theme_installer import ThemeInstaller
from icanvas_desktop.ui.top_bar import TopBar
from icanvas_desktop.words.i18n import resolve_language, tr

log = logging.getLogger(__name__)


class MainWindow(QMainWindow):
    def __init__(self, *, store: ProfileStore | None = None, settings_file: SettingsFile | None = None,
                 theme_folders: list[Path] | None = None, export_folder: Path | None = None,
                 system_locale: str | None = None, sound: StarSound | None = None):
        """Everything has a default for the real app; tests and the screenshot script pass their own."""
        super().__init__()
        self.setObjectName("mainWindow")
        self.settings_file = settings_file or SettingsFile()
        self.effective = EffectiveSettings(self.settings_file)
        self.settings = self.effective.current
        self._system_locale = system_locale or QLocale.system().name()
        self.language = resolve_language(self.settings.language, self._system_locale)
        self.store = store or ProfileStore()
        self.session: ChildSession | None = None
        self.profile: Profile | None = None
        self.export_folder = Path(export_folder) if export_folder is not None else default_export_folder()
        self.sound = sound or StarSound(parent=self)
        self.sound.enabled = self.settings.sound
        self.background = Background(self)
        self.settings_keeper = SettingsKeeper(self.effective, self.background, self)
        self.settings_keeper.changed.connect(self._settings_changed)
        self.settings_keeper.not_saved.connect(
            lambda: self.drawing_screen.say(tr("settings_not_saved", self.language), "settings", "problem"))
        self.service = GenerationService(self)
        self.service.themes_found.connect(self._themes_found)
        self._opening: Profile | None = None  # the child whose profile is being opened
        self._theme_folders = theme_folders if theme_folders is not None else default_theme_folders()
        self.themes = ThemeInstaller(self, self.service, self.background, self._theme_folders,
                                     lambda *message: self.notice.show_message(*message),
                                     lambda: self.language, lambda: self.settings.allowed_themes is not None)

        self._make_screens()
        self.top_bar = self._make_top_bar()
        self.pages = QStackedWidget()
        for page in (self.profile_picker, self.drawing_screen, self.gallery_view, self.settings_page,
                     self.about_page):
            self.pages.addWidget(page)
        central = self.top_bar.above(self.pages)
        self.setCentralWidget(central)
        self.grown_ups = GrownUpsCorner(self)
        self.celebration = Celebration(central)
        self.notice = Notice(central)
        fit_to_screen(self)
        self.kiosk = Kiosk(self, self.settings.kiosk)
        self.retranslate()
        self.show_profiles()
        if self.settings_file.problem:
            # Once the window is laid out, so that the notice can find its place at the bottom.
            text = tr("settings_problem", self.language, problem=self.settings_file.problem)
            QTimer.singleShot(0, self, lambda: self.notice.show_message(text, "settings", "problem", 30))
        self.service.discover(self._theme_folders)
        self.background.run(partial(clean_leftovers, self.store, self.export_folder))  # what kills left

    def _make_screens(self) -> None:
        """The five screens, each wired to the settings and to the others through signals."""
        self.profile_picker = ProfilePicker(self.store, self.language)
        self.profile_picker.highlight = self.settings.last_profile
        self.profile_picker.refresh()
        self.profile_picker.chosen.connect(self.open_profile)
        self.drawing_screen = DrawingScreen(self.service, self.language, self.background)
        self.drawing_screen.saved.connect(self._saved)
        self.drawing_screen.set_live(self.settings.live_mode)
        # The child's choice only: Live is also set from the settings, and that must not count as one.
        self.drawing_screen.live_chosen.connect(lambda on: self.settings_keeper.change(live_mode=on))
        self.drawing_screen.set_live_locked(self.effective.is_locked("live_mode"))
        self.drawing_screen.look_chosen.connect(lambda look: self.settings_keeper.choose_child_look(
            self.session, look))
        self.gallery_view = GalleryView(self.language, self.export_folder, self.background)
        self.gallery_view.keep_drawing.connect(self.keep_drawing)
        self.gallery_view.allow_delete(self.settings.children_may_delete)
        PrintDesk(self.effective, self.settings_keeper.changed, self).serve(
            self.drawing_screen.print_button, self.gallery_view.print_button)
        self.settings_page = SettingsPage(self.settings, self.language, self.export_folder,
                                          self.sound.available, self.effective.system.locked,
                                          self.effective.system.problem)
        self.settings_page.language_chosen.connect(self.set_language_setting)
        self.settings_page.sound_chosen.connect(lambda on: self.settings_keeper.change(sound=on))
        self.settings_page.back_requested.connect(self.show_drawing)
        self.settings_page.about_requested.connect(self.show_about)
        self.about_page = AboutPage(self.language)
        self.about_page.back_requested.connect(self.show_settings)

    def _make_top_bar(self) -> TopBar:
        bar = TopBar(self.language)
        bar.profile_button.clicked.connect(self.show_profiles)
        bar.gallery_button.clicked.connect(self.show_gallery)
        bar.back_button.clicked.connect(self.show_drawing)
        # One way back: a picture shown large has its own Back, to the wall, which has "Back to drawing".
        self.gallery_view.detail_shown.connect(bar.back_button.setHidden)
        bar.settings_button.clicked.connect(self.show_settings)
        return bar

    # Screens

    def show_profiles(self) -> None:
        self.profile_picker.highlight = self.profile.id if self.profile else self.settings.last_profile
        self.profile_picker.refresh()
        self.pages.setCurrentWidget(self.profile_picker)
        self.top_bar.hide()

    def show_drawing(self) -> None:
        if self.session is None:
            return self.show_profiles()
        self.pages.setCurrentWidget(self.drawing_screen)
        self._show_top_bar(drawing=True)

    def show_gallery(self) -> None:
        if self.session is None:
            return self.show_profiles()
        self.gallery_view.show_wall()
        self.pages.setCurrentWidget(self.gallery_view)
        self._show_top_bar(drawing=False)

    def show_settings(self) -> None:
        self.pages.setCurrentWidget(self.settings_page)
        self._show_top_bar(drawing=False)

    def show_about(self) -> None:
        self.pages.setCurrentWidget(self.about_page)
        self._show_top_bar(drawing=False)

    def _show_top_bar(self, drawing: bool) -> None:
        self.top_bar.show_for(drawing, settings=self.pages.currentWidget() in (self.settings_page,
                                                                              self.about_page))

    @property
    def current_screen(self) -> str:
        screens = {self.profile_picker: "profiles", self.drawing_screen: "drawing",
                   self.gallery_view: "gallery", self.settings_page: "settings", self.about_page: "about",
                   self.grown_ups.page: "grown_ups"}
        return screens[self.pages.currentWidget()]

    # The child

    def open_profile(self, profile: Profile) -> None:
        """Open a child's gallery and stars (in the background: a busy or big gallery takes a while) and go
        to the drawing screen, or say kindly why not."""
        if self.profile is not None and self.profile.id == profile.id and self.session is not None:
            self.show_drawing()
            return
        if self._opening is not None:
            return  # a second tap while the first child's gallery opens
        self._opening = profile
        self.background.run(partial(open_child, profile, self.effective.child_look),
                            on_done=lambda opened: self._opened(profile, *opened),
                            on_error=lambda error: self._open_failed(profile, error))

    def _open_failed(self, profile: Profile, error: BaseException) -> None:
        self._opening = None  # a newer or locked database, another window: the child picks again or asks
        log.error("could not open the profile %s", profile.id, exc_info=error)
        in_use = isinstance(error, ProfileInUse)
        self.profile_picker.show_problem(tr("profile_in_use" if in_use else "profile_failed", self.language))

    def _opened(self, profile: Profile, session: ChildSession, state: ChildState, stars: StarStatus) -> None:
        self._opening = None
        self.close_session()
        self.session, self.profile = session, profile
        self.drawing_screen.set_session(session, state)  # puts back what this child left on the screen
        self.drawing_screen.set_look(state.look_setting, self.effective.is_locked("look"))
        self.gallery_view.set_session(session)
        self.top_bar.star_bar.set_status(stars)
        self.top_bar.show_child(profile)
        self.settings_keeper.change(last_profile=profile.id)
        self.show_drawing()
        if repairs := session.repairs:  # the most important one for the child; every one for the grown-up
            details = "\n".join(r.details for r in repairs)
            log.warning("repaired for %s: %s", profile.id, details)
            self.drawing_screen.say(tr(repairs[0].words, self.language), "repair", "problem", seconds=20,
                                    details=details)

    def close_session(self) -> None:
        if self.session is not None:
            self.drawing_screen.set_session(None)
            self.gallery_view.set_session(None)
            self.background.wait()  # a save or a draft under way finishes with the database still open
            self.session.close()
            self.session = None

    def keep_drawing(self, creation: Creation) -> None:
        """Put a creation from the gallery back on the canvas (its files read in the background)."""
        session = self.session
        self.background.run(creation.reopen,
                            on_done=lambda reopened: self._reopened(session, creation, reopened),
                            on_error=lambda error: self._reopen_failed(creation, error))

    def _reopened(self, session: ChildSession | None, creation: Creation, reopened: Reopened) -> None:
        if session is not self.session:  # not for a child who left meanwhile
            return
        self.drawing_screen.open_creation(reopened.drawing, reopened.sketch_png, creation.theme_id,
                                          reopened.look, reopened.picture_png,
                                          (reopened.thing, reopened.colouring))
        self.show_drawing()
        if reopened.words is not None:  # its picture or sketch could not be read: said kindly, details kept
            self.drawing_screen.say(tr(reopened.words, self.language), "oops", "problem", seconds=10,
                                    details=reopened.problem or "")

    def _reopen_failed(self, creation: Creation, error: BaseException) -> None:  # said; the gallery stays
        log.error("could not reopen %s", creation.folder, exc_info=error)
        self.gallery_view.say(tr("open_failed", self.language), "oops", "problem")

    # Stars, themes and notices

    def _saved(self, result: SaveResult) -> None:
        self.top_bar.star_bar.set_status(result.stars)
        words = celebration_words(result, self.language)
        if words is not None:
            self.celebration.celebrate(*words, tr("yay", self.language), stars=result.stars_earned)
            self.sound.play()

    def _themes_found(self, themes: list, problems: list) -> None:
        self.drawing_screen.set_themes([t for t in themes if self.settings.theme_allowed(t.id)], problems)
        self.about_page.set_themes(themes)

    # Settings and language

    def _settings_changed(self, settings: Settings) -> None:
        self.settings = settings
        self.sound.enabled = settings.sound
        self.settings_page.show_settings(settings, self.effective.system.locked)
        self.drawing_screen.set_live(settings.live_mode)

    def set_language_setting(self, setting: str) -> None:
        """"auto", "ko" or "en": change the words everywhere at once."""
        self.settings_keeper.change(language=setting)
        self.language = resolve_language(setting, self._system_locale)
        self.retranslate()

    def retranslate(self) -> None:
        lang = self.language
        self.setWindowTitle(tr("app_title", lang))
        for part in (self.top_bar, self.profile_picker, self.drawing_screen, self.gallery_view,
                     self.settings_page, self.about_page):
            part.retranslate(lang)
        self.notice.hide()  # it would stay in the other language

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.kiosk.keeps_open:
            event.ignore()  # Alt+F4 and the like: a kiosk is left only with the adult's key chord
            return
        self.shutdown()
        super().closeEvent(event)

    def shutdown(self) -> None:
        """Stop the worker thread (waiting for it) and close the child's database. Safe to call twice."""
        self.celebration.dismiss()
        self.service.shutdown()
        self.close_session()
        self.background.close()

