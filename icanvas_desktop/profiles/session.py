"""What the UI calls for the child who is drawing: save a creation and its stars, read the gallery.

    session = ChildSession(ProfileStore().get(profile_id))
    result = session.save_creation(picture, Challenge("animals", "cat"))     # a drawing/picture.Picture
    result.awards, result.new_badges, result.stars.level    # celebrate
    session.gallery.list_creations()                         # newest first, with thumbnail paths
    export_png(creation, path, ExportLayout.SIDE_BY_SIDE)   # icanvas_desktop.gallery.export

Saving the same drawing (same rendered sketch and crayons) again in the same theme writes nothing and
returns the creation saved before (`already_saved`); in another theme it is a new creation, without stars.
"""

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Self

from icanvas_desktop.drawing.draft import DRAFT_NAME, DraftFile
from icanvas_desktop.drawing.picture import Picture
from icanvas_desktop.drawing.rasterize import (
    FINGERPRINT_SIZE,
    ink_coverage,
    render_hints,
    render_sketch,
    sketch_fingerprint,
)
from icanvas_desktop.gallery.store import Creation, Gallery
from icanvas_desktop.profiles.profile_lock import ProfileLock
from icanvas_desktop.profiles.store import Profile
from icanvas_desktop.rewards.badges import Badge, Level, badges_for, level_for, new_badges
from icanvas_desktop.rewards.ledger import StarLedger
from icanvas_desktop.rewards.rules import Award, Challenge, NoStars, SaveFacts, evaluate
from icanvas_desktop.rewards.star_journal import JOURNAL_NAME, StarJournal
from icanvas_desktop.settings.user import SettingsFile

log = logging.getLogger(__name__)

# The settings a child chooses for themself (the look of their pictures), beside their gallery. A file of its
# own, not profile.json: a damaged choice is set aside and forgotten, never the child's name or tile.
CHILD_SETTINGS_NAME = "settings.json"


@dataclass(frozen=True)
class Repair:
    """Something of the child's that was damaged and repaired, or set aside, while it was opened or read."""

    words: str  # the key (words.i18n) of what to tell the child, kindly
    details: str  # for the grown-up: which file, what was done, what to do


@dataclass(frozen=True)
class StarStatus:
    total: int
    level: Level
    badges: tuple[Badge, ...]

    @classmethod
    def from_total(cls, total: int) -> "StarStatus":
        return cls(total, level_for(total), badges_for(total))


@dataclass(frozen=True)
class SaveResult:
    creation: Creation
    awards: tuple[Award, ...]  # what this save earned, in the order to show them
    new_badges: tuple[Badge, ...]
    stars: StarStatus  # after the save
    no_stars: NoStars | None  # why it earned nothing, when it did not
    already_saved: bool = False  # True: the same drawing was in this theme already; nothing was written

    @property
    def stars_earned(self) -> int:
        return sum(a.amount for a in self.awards)

    @property
    def level_up(self) -> bool:
        return self.stars.total - self.stars_earned < self.stars.level.stars_at_start


def _local_now() -> datetime:
    return datetime.now().astimezone()


class ChildSession:
    """One child's gallery and stars. `clock` returns the local time (tests pass a fixed one).

    `exclusive` (the app's windows): the profile is locked for this session, and ProfileInUse raised at
    once when another window has it open.
    """

    def __init__(self, profile: Profile, *, clock: Callable[[], datetime] = _local_now,
                 exclusive: bool = False):
        self.profile = profile
        self._clock = clock
        self._lock = ProfileLock(profile.folder)
        if exclusive:
            self._lock.acquire()
        try:
            self._open(profile)
        except BaseException:
            self._lock.release()
            raise

    def _open(self, profile: Profile) -> None:
        self.gallery = Gallery(profile.gallery_folder)
        self.ledger = StarLedger(self.gallery.database, StarJournal(profile.gallery_folder / JOURNAL_NAME))
        self.drafts = DraftFile(profile.folder / DRAFT_NAME)  # what is on the drawing screen, unsaved or not
        # See settings.effective.child_look.
        self.settings = SettingsFile(profile.folder / CHILD_SETTINGS_NAME)
        self.settings.load_choices()  # a damaged file is set aside now, and said once in `repairs`
        self._settings_problem = self.settings.problem

    @property
    def recovered_from(self) -> Path | None:
        """Set when the gallery's database was damaged: where the old file was kept (drawings were kept)."""
        return self.gallery.recovered_from

    @property
    def repairs(self) -> list[Repair]:
        """What was found damaged so far (opening the profile, its draft, its settings, a creation) and what
        was done about it, most important first; the UI tells the child kindly and the grown-up precisely."""
        found = []
        kept = self.gallery.recovered_from
        if kept is not None:
            path = self.gallery.database.path
            found.append(Repair("gallery_repaired", f"{path} was damaged; kept as {kept}, a new one started"))
        found += [Repair("gallery_repaired", problem) for problem in self.gallery.problems]
        if self.profile.problem:
            found.append(Repair("profile_repaired", self.profile.problem))
        if self.drafts.problem:
            found.append(Repair("draft_repaired", self.drafts.problem))
        if problem := self._settings_problem or self.settings.problem:
            found.append(Repair("child_settings_repaired", problem))
        if self.ledger.journal is not None and self.ledger.journal.problem:
            found.append(Repair("gallery_repaired", self.ledger.journal.problem))
        return found

    def save_creation(self, picture: Picture, challenge: Challenge | None = None) -> SaveResult:
        """Save a picture with what it was made from (the drawing, the sketch the generator saw, the theme
        and the look), and award the stars it earns.

        `challenge` is the one the child has on, if any; it counts only in its own theme.
        """
        drawing, theme_id = picture.drawing, picture.theme_id
        now = self._clock()
        if now.tzinfo is None:
            now = now.astimezone()
        sketch = render_sketch(drawing, FINGERPRINT_SIZE)
        hints = render_hints(drawing, FINGERPRINT_SIZE) if drawing.has_crayon else None
        facts = SaveFacts(sketch_fingerprint(sketch, hints), ink_coverage(sketch), theme_id, now.date(),
                          challenge)
        colours = (picture.look, picture.thing, picture.colouring)
        existing = self.gallery.find(facts.fingerprint, theme_id, *colours)
        if existing is not None:
            return self._already_saved(existing)

        in_theme = challenge is not None and challenge.theme_id == theme_id
        staged = self.gallery.stage(
            drawing, picture.sketch_png, picture.picture_png, theme_id, fingerprint=facts.fingerprint,
            created_at=now, prompt_id=challenge.prompt_id if in_theme else None, look=picture.look,
            thing=picture.thing, colouring=picture.colouring,
        )
        try:
            with self.gallery.database.write():
                # Again inside the transaction: another instance may have saved the same drawing meanwhile.
                if (existing := self.gallery.find(facts.fingerprint, theme_id, *colours)) is not None:
                    self.gallery.discard(staged)
                    return self._already_saved(existing)
                before = self.ledger.total()
                outcome = evaluate(facts, self.ledger)
                awards = self.ledger.record(outcome.awards, staged.id, now)
                creation = self.gallery.commit(staged, awards, now)
                after = self.ledger.total()
        except BaseException:
            self.gallery.discard(staged)
            raise
        try:
            self.ledger.keep(awards, staged.id, now)
        except OSError:  # the database holds them (and creation.json); the next opening copies them again
            log.exception("could not copy the stars of %s into the star journal", staged.id)
        return SaveResult(
            creation, awards, new_badges(before, after), StarStatus.from_total(after), outcome.no_stars
        )

    def _already_saved(self, existing: Creation) -> SaveResult:
        return SaveResult(existing, (), (), self.stars(), NoStars.ALREADY_SAVED, already_saved=True)

    def stars(self) -> StarStatus:
        return StarStatus.from_total(self.ledger.total())

    def completed_challenges(self) -> frozenset[Challenge]:
        return self.ledger.completed_challenges()

    def close(self) -> None:
        try:
            self.gallery.close()
        finally:
            self._lock.release()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc) -> None:
        self.close()
