"""The child's stars, level and badges, always in view at the top of the window.

Every badge is the same medal, so each says its name: on hover, and when tapped (a touch screen has no
hover), in a tip under it.
"""

from PySide6.QtCore import QEvent, QObject, QPoint, Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QSizePolicy, QToolTip, QVBoxLayout, QWidget

from icanvas_desktop.profiles.session import StarStatus
from icanvas_desktop.rewards.badges import BADGES
from icanvas_desktop.ui.appearance import pixmap
from icanvas_desktop.words.i18n import badge_name, tr

BADGE_SIDE = 30
NO_BADGES_WIDTH = 120


class StarBar(QWidget):
    def __init__(self, language: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("starBar")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        # Never squeezed below what its words need: the top bar's stretch gives way instead.
        self.setSizePolicy(QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Preferred)
        self._language = language
        self._status = StarStatus.from_total(0)

        star = QLabel()
        star.setPixmap(pixmap("star", 38))
        self.total_label = QLabel("0")
        self.total_label.setObjectName("starTotal")
        self.level_label = QLabel()
        self.level_label.setObjectName("levelLabel")
        self.level_bar = QProgressBar()
        self.level_bar.setObjectName("levelBar")
        self.level_bar.setRange(0, 1000)
        self.level_bar.setTextVisible(False)
        self.level_bar.setFixedSize(130, 14)
        level = QVBoxLayout()
        level.setSpacing(3)
        level.addWidget(self.level_label)
        level.addWidget(self.level_bar)

        self._badges = QHBoxLayout()
        self._badges.setSpacing(2)
        self.badge_labels: list[QLabel] = []
        for badge in BADGES:
            label = QLabel()
            label.setPixmap(pixmap("badge", BADGE_SIDE))
            label.setCursor(Qt.CursorShape.PointingHandCursor)
            label.installEventFilter(self)
            label.hide()
            self._badges.addWidget(label)
            self.badge_labels.append(label)
        self.no_badges = QLabel()
        self.no_badges.setObjectName("noBadges")
        self.no_badges.setWordWrap(True)  # two short lines leave the top bar room at the smallest window
        self.no_badges.setFixedWidth(NO_BADGES_WIDTH)
        self._badges.addWidget(self.no_badges)

        layout = QHBoxLayout(self)
        layout.setContentsMargins(14, 4, 16, 4)
        layout.setSpacing(8)
        layout.addWidget(star)
        layout.addWidget(self.total_label)
        layout.addSpacing(14)
        layout.addLayout(level)
        layout.addSpacing(14)
        layout.addLayout(self._badges)
        self.retranslate(language)

    @property
    def status(self) -> StarStatus:
        return self._status

    def set_status(self, status: StarStatus) -> None:
        self._status = status
        self.retranslate(self._language)

    def retranslate(self, language: str) -> None:
        self._language = language
        status = self._status
        self.total_label.setText(str(status.total))
        self.total_label.setToolTip(tr("stars_total", language, n=status.total))
        self.level_label.setText(tr("level", language, n=status.level.number))
        self.level_bar.setValue(round(status.level.progress(status.total) * 1000))
        earned = {b.id for b in status.badges}
        for badge, label in zip(BADGES, self.badge_labels):
            label.setVisible(badge.id in earned)
            label.setToolTip(tr("badge_tip", language, name=badge_name(badge, language), n=badge.stars))
        self.no_badges.setText(tr("no_badges", language))
        self.no_badges.setVisible(not earned)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # On release: a tip shown at the press would be hidden at once by the release that follows.
        if event.type() == QEvent.Type.MouseButtonRelease and watched in self.badge_labels:
            self.show_badge_name(watched)
            return True
        return False

    def show_badge_name(self, label: QLabel) -> None:
        below = label.mapToGlobal(QPoint(label.width() // 2, label.height()))
        QToolTip.showText(below, label.toolTip(), label)
