"""The main window: who is drawing, the drawing screen, the gallery and the settings, one at a time.

It owns the pieces that outlive a screen: the settings, the profile store, the child's session
(gallery and stars), the generation service (one worker thread) and the star chime. Themes are
found on the worker thread right after the window appears; TensorFlow is imported there too, the
first time a picture is made, so the window opens at once.

The settings are the effective ones (docs/school_labs.md): what an administrator locked is greyed
out, only the allowed themes get tiles, and in kiosk mode the window fills the screen and ignores
every way to close it except the adult's key chord, KIOSK_EXIT_KEYS.

An adult adds a theme by dropping its .zip (made by `icanvas-train export --zip`) on the window: no file
dialog, which a child could wander off into. It is installed for this user in the background
(ui/background.py), as the child's profile is opened and the gallery saved.

Over 350 lines because it wires the five screens, the top bar and the settings together, and each of
those wires is a few lines; each screen's behaviour is in its own module, and the theme drop stays here
because it lands on the window whichever screen shows.
"""

import logging
from functools import partial
from pathlib import Path

from PySide6.QtCore import QLocale, QMimeData, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QDragEnterEvent, QDropEvent, QKeySequence, QResizeEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QMainWindow, QStackedWidget, QVBoxLayout, QWidget

from icanvas_desktop.gallery.store import Creation
from icanvas_desktop.profiles.leftovers import clean_leftovers
from icanvas_desktop.profiles.profile_lock import ProfileInUse
from icanvas_desktop.profiles.session import ChildSession, SaveResult
from icanvas_desktop.profiles.store import Profile, ProfileStore
from icanvas_desktop.settings.effective import EffectiveSettings, SettingLocked
from icanvas_desktop.settings.user import SettingsFile
from icanvas_desktop.themes.discovery import theme_folders as default_theme_folders
from icanvas_desktop.themes.package_import import ThemeImportError, import_theme_zip
from icanvas_desktop.ui.about_page import AboutPage
from icanvas_desktop.ui.appearance import avatar_icon
from icanvas_desktop.ui.background import Background
from icanvas_desktop.ui.celebration import Celebration
from icanvas_desktop.ui.controls import MessageBubble, big_button
from icanvas_desktop.ui.drawing_screen import DrawingScreen
from icanvas_desktop.ui.gallery_view import GalleryView, default_export_folder
from icanvas_desktop.ui.generation_worker import GenerationService
from icanvas_desktop.ui.profile_picker import ProfilePicker
from icanvas_desktop.ui.screen_fit import fit_to_screen
from icanvas_desktop.ui.settings_page import SettingsPage
from icanvas_desktop.ui.sound import StarSound
from icanvas_desktop.ui.star_bar import StarBar
from icanvas_desktop.words.i18n import badge_name, resolve_language, rule_text, tr

log = logging.getLogger(__name__)

# Four keys at once: a child pressing keys at random will not hit it, an adult can (docs/school_labs.md).
KIOSK_EXIT_KEYS = "Ctrl+Alt+Shift+Q"


class MainWindow(QMainWindow):
    def __init__(
        self,
        *,
        store: ProfileStore | None = None,
        settings_file: SettingsFile | None = None,
        theme_folders: list[Path] | None = None,
        export_folder: Path | None = None,
        system_locale: str | None = None,
        sound: StarSound | None = None,
    ):
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
        self.service = GenerationService(self)
        self.service.themes_found.connect(self._themes_found)
        self._opening: Profile | None = None  # the child whose profile is being opened
        self._theme_folders = theme_folders if theme_folders is not None else default_theme_folders()

        self._make_screens()
        self.top_bar = self._make_top_bar()
        self.pages = QStackedWidget()
        for page in (self.profile_picker, self.drawing_screen, self.gallery_view, self.settings_page,
                     self.about_page):
            self.pages.addWidget(page)
        central = QWidget()
        central.setObjectName("central")
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.top_bar)
        layout.addWidget(self.pages, 1)
        self.setCentralWidget(central)
        self.celebration = Celebration(central)
        self.notice = MessageBubble(central)  # above every screen: a theme can be dropped on any of them
        self.setAcceptDrops(True)
        fit_to_screen(self)
        self._set_up_kiosk()
        self.retranslate()
        self.show_profiles()
        if self.settings_file.problem:
            # Once the window is laid out, so that the notice can find its place at the bottom.
            text = tr("settings_problem", self.language, problem=self.settings_file.problem)
            QTimer.singleShot(0, self, lambda: self.notify(text, "settings", "problem", seconds=30))

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
        self.drawing_screen.live_chosen.connect(lambda on: self._update_settings(live_mode=on))
        self.drawing_screen.set_live_locked(self.effective.is_locked("live_mode"))
        self.drawing_screen.look_chosen.connect(self._child_look_chosen)
        self.gallery_view = GalleryView(self.language, self.export_folder, self.background)
        self.gallery_view.keep_drawing.connect(self.keep_drawing)
        self.gallery_view.allow_delete(self.settings.children_may_delete)
        self.settings_page = SettingsPage(self.settings, self.language, self.export_folder,
                                          self.sound.available, self.effective.system.locked,
                                          self.effective.system.problem)
        self.settings_page.language_chosen.connect(self.set_language_setting)
        self.settings_page.sound_chosen.connect(lambda on: self._update_settings(sound=on))
        self.settings_page.back_requested.connect(self.show_drawing)
        self.settings_page.about_requested.connect(self.show_about)
        self.about_page = AboutPage(self.language)
        self.about_page.back_requested.connect(self.show_settings)

    def _set_up_kiosk(self) -> None:
        """In kiosk mode the window fills the screen and only the adult's key chord closes it."""
        self.kiosk = self.settings.kiosk
        self._adult_leaving = False
        if self.kiosk:
            self.setWindowState(Qt.WindowState.WindowFullScreen)
            leave = QAction(self)
            leave.setShortcut(QKeySequence(KIOSK_EXIT_KEYS))
            leave.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            leave.triggered.connect(self.leave_kiosk)
            self.addAction(leave)

    def _make_top_bar(self) -> QFrame:
        bar = QFrame()
        bar.setObjectName("topBar")
        self.profile_button = big_button("", None, role="profile", icon_side=44, under=False)
        self.profile_button.clicked.connect(self.show_profiles)
        self.star_bar = StarBar(self.language)
        self.gallery_button = big_button("", "gallery", role="nav", icon_side=36, under=False)
        self.gallery_button.clicked.connect(self.show_gallery)
        self.back_button = big_button("", "pen", role="nav", icon_side=36, under=False)
        self.back_button.clicked.connect(self.show_drawing)
        self.settings_button = big_button("", "settings", role="nav", icon_side=30, under=False)
        self.settings_button.clicked.connect(self.show_settings)
        row = QHBoxLayout(bar)
        row.setContentsMargins(12, 8, 12, 8)
        row.setSpacing(12)
        row.addWidget(self.profile_button)
        row.addWidget(self.star_bar)
        row.addStretch()
        row.addWidget(self.gallery_button)
        row.addWidget(self.back_button)
        row.addWidget(self.settings_button)
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
        self.top_bar.show()
        self.gallery_button.setVisible(drawing)
        self.back_button.setVisible(not drawing)
        on_settings = self.pages.currentWidget() in (self.settings_page, self.about_page)
        self.settings_button.setVisible(not on_settings)

    @property
    def current_screen(self) -> str:
        return {self.profile_picker: "profiles", self.drawing_screen: "drawing", self.gallery_view: "gallery",
                self.settings_page: "settings", self.about_page: "about"}[self.pages.currentWidget()]

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
        self.background.run(partial(ChildSession, profile, exclusive=True),
                            on_done=lambda session: self._opened(profile, session),
                            on_error=lambda error: self._open_failed(profile, error))

    @property
    def opening(self) -> bool:
        return self._opening is not None

    def _open_failed(self, profile: Profile, error: BaseException) -> None:
        self._opening = None  # a newer or locked database, another window: the child picks again or asks
        log.error("could not open the profile %s", profile.id, exc_info=error)
        in_use = isinstance(error, ProfileInUse)
        self.profile_picker.show_problem(tr("profile_in_use" if in_use else "profile_failed", self.language))

    def _opened(self, profile: Profile, session: ChildSession) -> None:
        self._opening = None
        self._close_session()
        self.session, self.profile = session, profile
        self.drawing_screen.set_session(session)  # puts back what this child left on the screen
        self.drawing_screen.set_look(self.effective.child_look(session.settings),
                                     self.effective.is_locked("look"))
        self.gallery_view.set_session(session)
        self.star_bar.set_status(session.stars())
        self.profile_button.setIcon(avatar_icon(profile.avatar))
        self.profile_button.setText(profile.name)
        self._update_settings(last_profile=profile.id)
        self.show_drawing()
        if repairs := session.repairs:  # the most important one for the child; every one for the grown-up
            details = "\n".join(r.details for r in repairs)
            log.warning("repaired for %s: %s", profile.id, details)
            self.drawing_screen.say(tr(repairs[0].words, self.language), "repair", "problem", seconds=20,
                                    details=details)

    def _close_session(self) -> None:
        if self.session is not None:
            self.drawing_screen.set_session(None)
            self.gallery_view.set_session(None)
            self.background.wait()  # a save or a draft under way finishes with the database still open
            self.session.close()
            self.session = None

    def keep_drawing(self, creation: Creation) -> None:
        """Put a creation from the gallery back on the canvas."""
        try:
            reopened = creation.reopen()
        except Exception:  # its drawing cannot be read: say so, stay in the gallery
            log.exception("could not reopen %s", creation.folder)
            self.gallery_view.say(tr("open_failed", self.language), "oops", "problem")
            return
        self.drawing_screen.open_creation(reopened.drawing, reopened.sketch_png, reopened.picture_png,
                                          creation.theme_id, reopened.look)
        self.show_drawing()
        if reopened.words is not None:
            self.drawing_screen.say(tr(reopened.words, self.language), "oops", "problem", seconds=10,
                                    details=reopened.problem or "")

    # Stars

    def _saved(self, result: SaveResult) -> None:
        self.star_bar.set_status(result.stars)
        if not result.awards:
            return
        lang = self.language
        n = result.stars_earned
        lines = [f"{rule_text(a.reason, lang)}  +{a.amount} ★" for a in result.awards]
        if result.level_up:
            lines.append(tr("level_up", lang, n=result.stars.level.number))
        lines += [tr("new_badge", lang, name=badge_name(b, lang)) for b in result.new_badges]
        title = tr("star_earned", lang) if n == 1 else tr("stars_earned", lang, n=n)
        self.celebration.celebrate(title, lines, tr("yay", lang), stars=n)
        self.sound.play()

    # Themes

    def _themes_found(self, themes: list, problems: list) -> None:
        self.drawing_screen.set_themes([t for t in themes if self.settings.theme_allowed(t.id)], problems)
        self.about_page.set_themes(themes)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if _dropped_zips(event.mimeData()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        zips = _dropped_zips(event.mimeData())
        if zips:
            event.acceptProposedAction()
        for zip_path in zips:
            self.import_theme(zip_path)

    def import_theme(self, zip_path: Path) -> None:
        """Install a theme .zip for this user, unless the themes children may use were chosen for them."""
        if self.settings.allowed_themes is not None:
            self.notify(tr("themes_locked", self.language), "lock", "problem", seconds=15)
            return
        self.notify(tr("theme_adding", self.language), "palette", seconds=0)
        self.background.run(partial(import_theme_zip, zip_path), on_done=self._theme_imported,
                            on_error=self._theme_not_imported)

    def _theme_not_imported(self, error: BaseException) -> None:
        if isinstance(error, ThemeImportError):
            log.warning("%s", error)
            reason = str(error)
        else:  # a bug or a full disk: the adult still hears of it, and nothing is left half done
            log.error("installing a theme failed", exc_info=error)
            reason = f"{type(error).__name__}: {error}"
        self.notify(tr("theme_not_added", self.language, reason=reason), "oops", "problem", seconds=30)

    def _theme_imported(self, theme) -> None:
        # A theme replaced in place keeps its folder: the generator loaded from the old files must go.
        self.service.forget(theme.folder)
        self.notify(tr("theme_added", self.language, name=theme.name(self.language)), "party")
        self.service.discover(self._theme_folders)

    def notify(
        self, text: str, icon_name: str = "sparkles", kind: str = "info", seconds: float = 8.0
    ) -> None:
        """A message over whichever screen is showing, near the bottom of the window."""
        self.notice.show_message(text, icon_name, kind, seconds)
        self._place_notice()

    def _place_notice(self) -> None:
        area = self.centralWidget().rect()
        width = min(820, area.width() - 60)
        height = self.notice.heightForWidth(width)
        self.notice.setGeometry(area.center().x() - width // 2, area.bottom() - height - 16, width, height)
        self.notice.raise_()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.notice.isVisible():
            self._place_notice()

    # Settings and language

    def _update_settings(self, **changes) -> None:
        try:
            self.effective.change(**changes)
        except SettingLocked as e:  # the locked controls are greyed out; the controls are put back below
            log.warning("%s", e)
        except OSError:  # the choice still holds until the app closes
            log.exception("could not save the settings to %s", self.settings_file.path)
            self.drawing_screen.say(tr("settings_not_saved", self.language), "settings", "problem")
        self.settings = self.effective.current
        self.sound.enabled = self.settings.sound
        self.settings_page.show_settings(self.settings, self.effective.system.locked)
        self.drawing_screen.set_live(self.settings.live_mode)

    def _child_look_chosen(self, look: str) -> None:
        """Kept in the child's own settings, so that it is theirs the next time they draw."""
        if self.session is None:
            return
        try:
            self.effective.choose_child_look(self.session.settings, look)
        except SettingLocked as e:  # the switch is greyed out when locked; this is a bug, not a child's doing
            log.warning("%s", e)
        except OSError:  # the choice still holds until the child changes
            log.exception("could not save the look to %s", self.session.settings.path)
            self.drawing_screen.say(tr("settings_not_saved", self.language), "settings", "problem")

    def set_language_setting(self, setting: str) -> None:
        """"auto", "ko" or "en": change the words everywhere at once."""
        self._update_settings(language=setting)
        self.language = resolve_language(setting, self._system_locale)
        self.retranslate()

    def retranslate(self) -> None:
        lang = self.language
        self.setWindowTitle(tr("app_title", lang))
        self.profile_button.setToolTip(tr("switch_child", lang))
        self.gallery_button.setText(tr("gallery", lang))
        self.back_button.setText(tr("back_to_drawing", lang))
        self.settings_button.setText(tr("settings", lang))
        self.star_bar.retranslate(lang)
        self.profile_picker.retranslate(lang)
        self.drawing_screen.retranslate(lang)
        self.gallery_view.retranslate(lang)
        self.settings_page.retranslate(lang)
        self.about_page.retranslate(lang)
        self.notice.hide()  # it would stay in the other language

    # Closing

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.kiosk and not self._adult_leaving:
            event.ignore()  # Alt+F4 and the like: a kiosk is left only with the adult's key chord
            return
        self.shutdown()
        super().closeEvent(event)

    def leave_kiosk(self) -> None:
        """The adult's way out of kiosk mode (KIOSK_EXIT_KEYS): closes the app."""
        self._adult_leaving = True
        self.close()

    def shutdown(self) -> None:
        """Stop the worker thread (waiting for it) and close the child's database. Safe to call twice."""
        self.celebration.dismiss()
        self.service.shutdown()
        self._close_session()
        self.background.close()


def _dropped_zips(mime: QMimeData) -> list[Path]:
    files = [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()]
    return [f for f in files if f.suffix.lower() == ".zip"]
