"""Who is drawing? Big tiles for each child (avatar and name) and a way to join: a name and a friend.

The app's name and a welcome stand over both. Each child has their own gallery and stars
(`profiles.store`). A name that cannot be used is explained kindly, right under the name field (empty, too
long — said while typing, before the field stops taking letters —, odd characters, already here) and nothing
is created.
"""

import unicodedata

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from icanvas_desktop.profiles.store import (
    AVATARS,
    MAX_NAME_LENGTH,
    InvalidProfileName,
    Profile,
    ProfileStore,
    clean_name,
)
from icanvas_desktop.ui.appearance import avatar_icon, pixmap
from icanvas_desktop.ui.controls import MessageBubble, big_button, plain_scroll
from icanvas_desktop.words.i18n import avatar_name, tr

TILE_ICON = 88


def profile_tile(profile: Profile) -> QToolButton:
    tile = QToolButton()
    tile.setObjectName("profileTile")
    tile.setIcon(avatar_icon(profile.avatar))
    tile.setIconSize(QSize(TILE_ICON, TILE_ICON))
    tile.setText(profile.name)
    tile.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextUnderIcon)
    tile.setFixedSize(TILE_ICON + 80, TILE_ICON + 70)
    tile.setCursor(Qt.CursorShape.PointingHandCursor)
    tile.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    return tile


class ProfilePicker(QWidget):
    chosen = Signal(object)  # Profile

    def __init__(self, store: ProfileStore, language: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("profilePicker")
        self.store = store
        self._language = language
        self.tiles: list[QToolButton] = []
        self.highlight: str | None = None  # the profile id used last time

        choose, create = self._choose_page(), self._create_page()
        self.pages = QStackedWidget()
        self.pages.addWidget(choose)
        self.pages.addWidget(create)
        self._choose, self._create = choose, create
        layout = QVBoxLayout(self)
        layout.addLayout(self._welcome())
        layout.addWidget(self.pages, 1)
        layout.addSpacing(12)
        self.retranslate(language)
        self.refresh()

    def _welcome(self) -> QVBoxLayout:
        """The app's name beside its icon, and a line that says what happens here."""
        logo = QLabel()
        logo.setPixmap(pixmap("app", 52))
        self.app_name = QLabel("iCanvas")
        self.app_name.setObjectName("appName")
        brand = QHBoxLayout()
        brand.addStretch()
        brand.addWidget(logo)
        brand.addWidget(self.app_name)
        brand.addStretch()
        self.welcome = QLabel()
        self.welcome.setObjectName("welcome")
        self.welcome.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.welcome.setWordWrap(True)
        header = QVBoxLayout()
        header.setSpacing(2)
        header.addSpacing(8)
        header.addLayout(brand)
        header.addWidget(self.welcome)
        return header

    @property
    def message(self) -> MessageBubble:
        """The bubble of the page on show: under the name field while a child joins, else under the tiles."""
        return self._create_message if self.creating else self._choose_message

    def _choose_page(self) -> QWidget:
        """The children's tiles and "I'm new!"."""
        self.title = QLabel()
        self.title.setObjectName("bigTitle")
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._tile_grid = QGridLayout()
        self._tile_grid.setSpacing(18)
        tiles_holder = QWidget()
        tiles_holder.setObjectName("profileTiles")
        holder_layout = QHBoxLayout(tiles_holder)
        holder_layout.addStretch()
        holder_layout.addLayout(self._tile_grid)
        holder_layout.addStretch()
        scroll = plain_scroll(tiles_holder, "profileScroll")
        self.new_button = big_button("", "new_profile", role="primary", icon_side=48, under=False)
        self.new_button.clicked.connect(self.show_create)
        self._choose_message = MessageBubble()
        choose = QWidget()
        choose_layout = QVBoxLayout(choose)
        choose_layout.addSpacing(12)
        choose_layout.addWidget(self.title)
        choose_layout.addSpacing(10)
        choose_layout.addWidget(scroll, 1)
        choose_layout.addWidget(self._choose_message, 0, Qt.AlignmentFlag.AlignHCenter)
        choose_layout.addWidget(self.new_button, 0, Qt.AlignmentFlag.AlignHCenter)
        choose_layout.addSpacing(20)
        return choose

    def _create_page(self) -> QWidget:
        """A new child's name and animal friend."""
        self.name_label = QLabel()
        self.name_label.setProperty("role", "heading")
        self.name_edit = QLineEdit()
        self.name_edit.setObjectName("nameEdit")
        self.name_edit.setMaxLength(MAX_NAME_LENGTH + 5)  # a little slack, so "too long" can be explained
        self.name_edit.returnPressed.connect(self.create)
        self.name_edit.textEdited.connect(self._name_edited)
        self.avatar_label = QLabel()
        self.avatar_label.setProperty("role", "heading")
        avatar_grid = self._avatar_grid()
        self.create_button = big_button("", "pen", role="primary", icon_side=40, under=False)
        self.create_button.clicked.connect(self.create)
        self.cancel_button = big_button("", "back", role="secondary", icon_side=34, under=False)
        self.cancel_button.clicked.connect(self.show_choose)
        self._create_message = MessageBubble()
        create = QWidget()
        create_layout = QVBoxLayout(create)
        create_layout.setSpacing(12)
        create_layout.addStretch()
        form = QVBoxLayout()
        form.setSpacing(12)
        form.addWidget(self.name_label)
        form.addWidget(self.name_edit)
        form.addWidget(self._create_message)  # a problem with the name is said next to it
        form.addSpacing(10)
        form.addWidget(self.avatar_label)
        form.addLayout(avatar_grid)
        form_row = QHBoxLayout()
        form_row.addStretch()
        form_row.addLayout(form)
        form_row.addStretch()
        create_layout.addLayout(form_row)
        buttons = QHBoxLayout()
        buttons.setSpacing(20)  # spacing, not a spacer: with Back hidden, "Let's draw!" stays centred
        buttons.addStretch()
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.create_button)
        buttons.addStretch()
        create_layout.addLayout(buttons)
        create_layout.addStretch()
        return create

    def _avatar_grid(self) -> QGridLayout:
        """One button per animal friend, the first one chosen."""
        self.avatar_buttons: dict[str, QToolButton] = {}
        avatar_grid = QGridLayout()
        avatar_grid.setSpacing(8)
        self._avatar_group = QButtonGroup(self)
        for i, avatar in enumerate(AVATARS):
            button = QToolButton()
            button.setObjectName("avatarButton")
            button.setIcon(avatar_icon(avatar))
            button.setIconSize(QSize(56, 56))
            button.setCheckable(True)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.setCursor(Qt.CursorShape.PointingHandCursor)
            self._avatar_group.addButton(button)
            self.avatar_buttons[avatar] = button
            avatar_grid.addWidget(button, i // 8, i % 8)
        self.avatar_buttons[AVATARS[0]].setChecked(True)
        return avatar_grid

    def retranslate(self, language: str) -> None:
        self._language = language
        self.welcome.setText(tr("welcome", language))
        self.title.setText(tr("who_is_drawing", language))
        self.new_button.setText(tr("new_profile", language))
        self.name_label.setText(tr("your_name", language))
        self.avatar_label.setText(tr("pick_avatar", language))
        self.create_button.setText(tr("lets_draw", language))
        self.cancel_button.setText(tr("back", language))
        for avatar, button in self.avatar_buttons.items():
            button.setToolTip(avatar_name(avatar, language))

    def refresh(self) -> None:
        """List the profiles again; with none yet, go straight to making one."""
        self.show_profiles(self.store.list())

    def show_profiles(self, profiles: list[Profile]) -> None:
        """Show these profiles (listed by the caller, e.g. off the UI thread); with none, go to making one."""
        for tile in self.tiles:
            tile.deleteLater()
        self.tiles = []
        columns = 5
        for i, profile in enumerate(profiles):
            tile = profile_tile(profile)
            tile.setProperty("last", profile.id == self.highlight)
            tile.clicked.connect(lambda _=False, p=profile: self.chosen.emit(p))
            self._tile_grid.addWidget(tile, i // columns, i % columns)
            self.tiles.append(tile)
        if profiles:
            self.show_choose()
        else:
            self.show_create()

    def show_choose(self) -> None:
        if not self.tiles:
            return self.show_create()
        self._hide_messages()
        self.pages.setCurrentWidget(self._choose)

    def _hide_messages(self) -> None:
        self._choose_message.hide()
        self._create_message.hide()

    def _name_edited(self, text: str) -> None:
        # A hint about the name as it was ("Type your name first.") is wrong once the child types; a name
        # grown too long is said at once, before the field stops taking letters without a word.
        if len(unicodedata.normalize("NFC", text).strip()) > MAX_NAME_LENGTH:
            too_long = tr("name_too_long", self._language)
            self._create_message.show_message(too_long, "pen", "problem", seconds=0)
        else:
            self._create_message.hide()

    def _show_taken(self, name: str) -> None:
        """Back to the tiles with the child of that name lit up: most likely it is them."""
        self.show_choose()
        for tile in self.tiles:
            tile.setProperty("last", tile.text().casefold() == name.casefold())
            tile.style().unpolish(tile)
            tile.style().polish(tile)
        self.message.show_message(tr("name_taken", self._language), "pen", "info", seconds=0)

    def show_create(self) -> None:
        self.name_edit.clear()
        self._hide_messages()
        self.cancel_button.setVisible(bool(self.tiles))
        self.pages.setCurrentWidget(self._create)
        self.name_edit.setFocus()

    @property
    def creating(self) -> bool:
        return self.pages.currentWidget() is self._create

    def selected_avatar(self) -> str:
        return next(a for a, b in self.avatar_buttons.items() if b.isChecked())

    def create(self) -> Profile | None:
        try:
            profile = self.store.create(self.name_edit.text(), self.selected_avatar())
        except InvalidProfileName as e:
            if e.reason == "taken":
                self._show_taken(clean_name(self.name_edit.text()))
                return None
            self.message.show_message(tr(f"name_{e.reason}", self._language), "pen", "problem", seconds=0)
            return None
        except OSError:
            self.message.show_message(tr("profile_failed", self._language), "oops", "problem", seconds=0)
            return None
        self.refresh()
        self.chosen.emit(profile)
        return profile

    def show_problem(self, text: str) -> None:
        """Say that a profile could not be opened (shown on whichever page is up)."""
        self.message.show_message(text, "oops", "problem", seconds=0)
