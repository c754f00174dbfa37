"""The words the app shows (Qt-free)."""

import string

import pytest

from icanvas_desktop.profiles.store import AVATARS
from icanvas_desktop.rewards.badges import BADGES
from icanvas_desktop.rewards.rules import AwardReason, NoStars
from icanvas_desktop.words.i18n import (
    AVATAR_NAMES,
    LANGUAGES,
    TEXTS,
    avatar_name,
    badge_name,
    language_for_locale,
    resolve_language,
    rule_text,
    tr,
)


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


@pytest.mark.parametrize("key", sorted(TEXTS))
def test_every_text_is_in_korean_and_english_with_the_same_blanks(key):
    texts = TEXTS[key]
    assert set(texts) == set(LANGUAGES)
    assert all(t.strip() for t in texts.values())
    assert _fields(texts["ko"]) == _fields(texts["en"])


def test_star_reasons_badges_and_avatars_have_words():
    for reason in [*AwardReason, *NoStars]:
        assert rule_text(reason, "ko") and rule_text(reason, "en") != rule_text(reason, "ko")
    assert all(badge_name(b, "ko") and badge_name(b, "en") for b in BADGES)
    assert set(AVATAR_NAMES) == set(AVATARS)
    assert avatar_name("cat", "ko") == "고양이"


def test_placeholders_and_the_english_fallback():
    assert tr("stars_earned", "ko", n=6) == "별 6개를 받았어요!"
    assert tr("stars_earned", "en", n=6) == "+6 stars!"
    assert tr("make", "fr") == tr("make", "en")


def test_the_language_follows_the_system_unless_chosen():
    assert language_for_locale("ko_KR") == "ko" and language_for_locale("en_GB") == "en"
    assert language_for_locale("de_DE") == "en"
    assert resolve_language("auto", "ko_KR") == "ko"
    assert resolve_language("en", "ko_KR") == "en"
    assert resolve_language("ko", "en_US") == "ko"


def test_the_language_setting_offers_every_language_the_app_speaks_and_auto():
    from icanvas_desktop.settings.user import LANGUAGE_SETTINGS

    assert LANGUAGE_SETTINGS == ("auto", *LANGUAGES)
