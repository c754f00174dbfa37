"""How a child earns stars: pure rules from the facts of one save to a list of awards.

The rules, in words a child can follow:
- Save a new drawing: CREATION stars.
- The first drawing you make in a theme: NEW_THEME bonus.
- Your first drawing of the day: DAILY_FIRST bonus.
- Finish a challenge ("Draw a cat in Animals"): save a drawing in that theme while the challenge is
  on, CHALLENGE bonus, once per challenge.
- No stars for a (nearly) empty canvas, and none for a drawing you already saved: stars are for new
  drawings, so none of the bonuses come with a repeat either.

Each award carries a reason code and a key; the ledger stores at most one award per (reason, key),
which is what makes every bonus "once": the key is the drawing's fingerprint, the theme, the day, the
challenge. Amounts and texts are data below; the UI shows `RULE_TEXTS` in the child's language.
"""

from collections.abc import Container
from dataclasses import dataclass
from datetime import date
from enum import StrEnum


class AwardReason(StrEnum):
    CREATION = "creation"
    NEW_THEME = "new_theme"
    DAILY_FIRST = "daily_first"
    CHALLENGE = "challenge"


class NoStars(StrEnum):
    """Why a save earned nothing, for a kind message."""

    NEARLY_EMPTY = "nearly_empty"
    ALREADY_SAVED = "already_saved"


STAR_AMOUNTS: dict[AwardReason, int] = {
    AwardReason.CREATION: 2,
    AwardReason.NEW_THEME: 3,
    AwardReason.DAILY_FIRST: 1,
    AwardReason.CHALLENGE: 5,
}

# Less ink than this (mean darkness of the sketch, 0..1) counts as an empty canvas: a dot or a short
# scratch. A small-pen circle across a fifth of the canvas already has about twice as much.
MIN_INK_COVERAGE = 0.002

RULE_TEXTS: dict[str, dict[str, str]] = {
    AwardReason.CREATION: {"en": "A new drawing", "ko": "새 그림"},
    AwardReason.NEW_THEME: {"en": "Your first drawing in this theme", "ko": "이 테마의 첫 그림"},
    AwardReason.DAILY_FIRST: {"en": "Your first drawing today", "ko": "오늘의 첫 그림"},
    AwardReason.CHALLENGE: {"en": "Challenge complete", "ko": "도전 성공"},
    NoStars.NEARLY_EMPTY: {
        "en": "Draw a little more to earn stars!",
        "ko": "조금 더 그리면 별을 받을 수 있어요!",
    },
    NoStars.ALREADY_SAVED: {
        "en": "You saved this drawing before. Draw something new for more stars!",
        "ko": "이미 저장한 그림이에요. 새 그림을 그리면 별을 더 받을 수 있어요!",
    },
}


@dataclass(frozen=True)
class Challenge:
    """A prompt from a theme's manifest that the child chose to draw, e.g. ("animals", "cat")."""

    theme_id: str
    prompt_id: str

    def __post_init__(self):
        if not self.theme_id or not self.prompt_id or "/" in self.theme_id:
            raise ValueError(f"a challenge needs a theme id without '/' and a prompt id, got {self!r}")

    @property
    def key(self) -> str:
        return f"{self.theme_id}/{self.prompt_id}"

    @classmethod
    def from_key(cls, key: str) -> "Challenge":
        theme_id, _, prompt_id = key.partition("/")
        return cls(theme_id, prompt_id)


@dataclass(frozen=True)
class Award:
    reason: AwardReason
    key: str
    amount: int


@dataclass(frozen=True)
class SaveFacts:
    """What the rules need to know about one save."""

    fingerprint: str  # of the rendered sketch (drawing.rasterize.sketch_fingerprint)
    ink_coverage: float  # of the rendered sketch, 0..1
    theme_id: str
    day: date  # the child's local date
    challenge: Challenge | None = None  # the active challenge, if any


@dataclass(frozen=True)
class Outcome:
    awards: tuple[Award, ...]
    no_stars: NoStars | None = None

    @property
    def stars(self) -> int:
        return sum(a.amount for a in self.awards)


def _award(reason: AwardReason, key: str) -> Award:
    return Award(reason, key, STAR_AMOUNTS[reason])


def evaluate(facts: SaveFacts, already_awarded: Container[tuple[str, str]]) -> Outcome:
    """The awards this save earns, given which (reason, key) pairs were awarded before."""
    if facts.ink_coverage < MIN_INK_COVERAGE:
        return Outcome((), NoStars.NEARLY_EMPTY)
    if (AwardReason.CREATION, facts.fingerprint) in already_awarded:
        return Outcome((), NoStars.ALREADY_SAVED)
    candidates = [
        _award(AwardReason.CREATION, facts.fingerprint),
        _award(AwardReason.NEW_THEME, facts.theme_id),
        _award(AwardReason.DAILY_FIRST, facts.day.isoformat()),
    ]
    if facts.challenge is not None and facts.challenge.theme_id == facts.theme_id:
        candidates.append(_award(AwardReason.CHALLENGE, facts.challenge.key))
    return Outcome(tuple(a for a in candidates if (a.reason, a.key) not in already_awarded))
