from datetime import date

import pytest

from icanvas_desktop.rewards.rules import (
    MIN_INK_COVERAGE,
    RULE_TEXTS,
    STAR_AMOUNTS,
    Award,
    AwardReason,
    Challenge,
    NoStars,
    SaveFacts,
    evaluate,
)

DAY = date(2026, 5, 9)


def facts(fingerprint="f1", coverage=0.05, theme="animals", day=DAY, challenge=None) -> SaveFacts:
    return SaveFacts(fingerprint, coverage, theme, day, challenge)


class Ledger(set):
    """The rules' memory of what was awarded, as the real ledger gives it."""

    def give(self, outcome) -> int:
        self.update((a.reason, a.key) for a in outcome.awards)
        return outcome.stars


def test_a_first_drawing_earns_the_creation_theme_and_daily_stars():
    outcome = evaluate(facts(), set())
    assert outcome.awards == (
        Award(AwardReason.CREATION, "f1", STAR_AMOUNTS[AwardReason.CREATION]),
        Award(AwardReason.NEW_THEME, "animals", STAR_AMOUNTS[AwardReason.NEW_THEME]),
        Award(AwardReason.DAILY_FIRST, "2026-05-09", STAR_AMOUNTS[AwardReason.DAILY_FIRST]),
    )
    assert outcome.no_stars is None


@pytest.mark.parametrize("coverage", [0.0, MIN_INK_COVERAGE / 2])
def test_an_empty_or_nearly_empty_canvas_earns_nothing(coverage):
    outcome = evaluate(facts(coverage=coverage, challenge=Challenge("animals", "cat")), set())
    assert outcome.awards == () and outcome.no_stars is NoStars.NEARLY_EMPTY


def test_the_same_drawing_twice_earns_nothing_the_second_time_not_even_in_a_new_theme():
    ledger = Ledger()
    assert ledger.give(evaluate(facts(), ledger)) > 0
    again = evaluate(facts(theme="space", day=date(2026, 5, 10), challenge=Challenge("space", "moon")),
                     ledger)
    assert again.awards == () and again.no_stars is NoStars.ALREADY_SAVED


def test_new_theme_bonus_once_per_theme():
    ledger = Ledger()
    ledger.give(evaluate(facts("a", theme="animals"), ledger))
    second = evaluate(facts("b", theme="animals"), ledger)
    assert [a.reason for a in second.awards] == [AwardReason.CREATION]
    third = evaluate(facts("c", theme="space"), ledger)
    assert [a.reason for a in third.awards] == [AwardReason.CREATION, AwardReason.NEW_THEME]


def test_daily_bonus_once_per_day():
    ledger = Ledger()
    first = evaluate(facts("a"), ledger)
    ledger.give(first)
    assert AwardReason.DAILY_FIRST in [a.reason for a in first.awards]
    later_that_day = evaluate(facts("b"), ledger)
    assert AwardReason.DAILY_FIRST not in [a.reason for a in later_that_day.awards]
    ledger.give(later_that_day)
    next_day = evaluate(facts("c", day=date(2026, 5, 10)), ledger)
    assert Award(AwardReason.DAILY_FIRST, "2026-05-10", 1) in next_day.awards


def test_a_challenge_is_completed_once_and_only_in_its_theme():
    ledger = Ledger()
    cat = Challenge("animals", "cat")
    first = ledger.give(evaluate(facts("a", challenge=cat), ledger))
    assert (AwardReason.CHALLENGE, "animals/cat") in ledger
    assert first == sum(STAR_AMOUNTS.values())
    again = evaluate(facts("b", challenge=cat), ledger)
    assert AwardReason.CHALLENGE not in [a.reason for a in again.awards]
    elsewhere = evaluate(facts("c", theme="space", challenge=Challenge("animals", "dog")), ledger)
    assert AwardReason.CHALLENGE not in [a.reason for a in elsewhere.awards]
    other_prompt = evaluate(facts("d", challenge=Challenge("animals", "dog")), ledger)
    challenge = Award(AwardReason.CHALLENGE, "animals/dog", STAR_AMOUNTS[AwardReason.CHALLENGE])
    assert challenge in other_prompt.awards


def test_challenge_keys_read_back():
    assert Challenge.from_key(Challenge("animals", "cat/2").key) == Challenge("animals", "cat/2")
    with pytest.raises(ValueError):
        Challenge("", "cat")
    with pytest.raises(ValueError):
        Challenge("a/b", "cat")


def test_every_reason_has_an_amount_and_texts_in_both_languages():
    assert set(STAR_AMOUNTS) == set(AwardReason) and all(n > 0 for n in STAR_AMOUNTS.values())
    for code in [*AwardReason, *NoStars]:
        assert set(RULE_TEXTS[code]) == {"en", "ko"}
