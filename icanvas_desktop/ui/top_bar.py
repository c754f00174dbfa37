"""The bar above every screen but the profile picker: who is drawing (tap to switch), their stars, and the
way to the gallery (or back to drawing) and to the settings."""

from PySide6.QtWidgets import QFrame, QHBoxLayout, QVBoxLayout, QWidget

from icanvas_desktop.profiles.store import Profile
from icanvas_desktop.ui.appearance import avatar_icon
from icanvas_desktop.ui.controls import big_button
from icanvas_desktop.ui.star_bar import StarBar
from icanvas_desktop.words.i18n import tr


class TopBar(QFrame):
    def __init__(self, language: str):
        super().__init__()
        self.setObjectName("topBar")
        self.profile_button = big_button("", None, role="profile", icon_side=44, under=False)
        self.star_bar = StarBar(language)
        self.gallery_button = big_button("", "gallery", role="nav", icon_side=36, under=False)
        self.back_button = big_button("", "pen", role="nav", icon_side=36, under=False)
        self.settings_button = big_button("", "settings", role="nav", icon_side=30, under=False)
        row = QHBoxLayout(self)
        row.setContentsMargins(12, 8, 12, 8)
        row.setSpacing(12)
        row.addWidget(self.profile_button)
        row.addWidget(self.star_bar)
        row.addStretch(1)  # the room the buttons leave (on the settings, all of it) is not the stars' to fill
        for button in (self.gallery_button, self.back_button, self.settings_button):
            row.addWidget(button)

    def above(self, pages: QWidget) -> QWidget:
        """The window's central widget: this bar above its `pages`."""
        central = QWidget()
        central.setObjectName("central")
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self)
        layout.addWidget(pages, 1)
        return central

    def show_child(self, profile: Profile) -> None:
        self.profile_button.setIcon(avatar_icon(profile.avatar))
        self.profile_button.setText(profile.name)

    def show_for(self, drawing: bool, settings: bool) -> None:
        """Shown above the drawing screen (the way to the gallery) or another (the way back to drawing);
        on the settings (and the about page), without the way to them and without a way back: the page's own
        Back is the one way back."""
        self.show()
        self.gallery_button.setVisible(drawing)
        self.back_button.setVisible(not drawing and not settings)
        self.settings_button.setVisible(not settings)

    def retranslate(self, language: str) -> None:
        self.profile_button.setToolTip(tr("switch_child", language))
        self.gallery_button.setText(tr("gallery", language))
        self.back_button.setText(tr("back_to_drawing", language))
        self.settings_button.setText(tr("settings", language))
        self.star_bar.retranslate(language)
