"""Badges and the level, both worked out from the star total alone (so never stored, never out of step)."""

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Badge:
    id: str  # the code the UI shows a picture and a name for
    stars: int  # star total that earns it
    names: dict[str, str] = field(compare=False)  # by language code; not part of equality or hash


BADGES: tuple[Badge, ...] = (
    Badge("first_star", 1, {"en": "First star", "ko": "첫 번째 별"}),
    Badge("star_10", 10, {"en": "Ten stars", "ko": "별 10개"}),
    Badge("star_25", 25, {"en": "Bright artist", "ko": "반짝이는 화가"}),
    Badge("star_50", 50, {"en": "Star collector", "ko": "별 수집가"}),
    Badge("star_100", 100, {"en": "Super star", "ko": "슈퍼스타"}),
    Badge("star_250", 250, {"en": "Galaxy painter", "ko": "은하수 화가"}),
    Badge("star_500", 500, {"en": "Master of the universe", "ko": "우주 최고 화가"}),
)

# Level n starts at LEVEL_STEP * n(n-1)/2 stars: 0, 5, 15, 30, 50, 75, ... each level a little longer.
LEVEL_STEP = 5


@dataclass(frozen=True)
class Level:
    number: int  # 1 for a new child
    stars_at_start: int  # star total where this level began
    stars_for_next: int  # star total where the next one begins

    def progress(self, total: int) -> float:
        """How far `total` is through this level, 0..1, for a progress bar."""
        span = self.stars_for_next - self.stars_at_start
        return min(max((total - self.stars_at_start) / span, 0.0), 1.0)


def _level_start(number: int) -> int:
    return LEVEL_STEP * number * (number - 1) // 2


def level_for(total: int) -> Level:
    number = 1
    while _level_start(number + 1) <= total:
        number += 1
    return Level(number, _level_start(number), _level_start(number + 1))


def badges_for(total: int) -> tuple[Badge, ...]:
    return tuple(b for b in BADGES if b.stars <= total)


def new_badges(before: int, after: int) -> tuple[Badge, ...]:
    """Badges that a star total going from `before` to `after` earns."""
    return tuple(b for b in BADGES if before < b.stars <= after)
