"""The About page's facts: in step with THIRD_PARTY.md and resources/README.md, and every theme credited."""

import re
from dataclasses import asdict
from pathlib import Path

import pytest

from icanvas_desktop import __version__
from icanvas_desktop.files.resources import bundled_models_dir
from icanvas_desktop.themes.discovery import discover_themes
from icanvas_desktop.words.credits import APP_CREDITS, app_entries, localised, theme_entries, version_line
from icanvas_desktop.words.i18n import tr

ROOT = Path(__file__).resolve().parents[2]


def test_every_credit_is_written_down_in_the_third_party_files():
    listed = ((ROOT / "THIRD_PARTY.md").read_text("utf-8")
              + (ROOT / "resources" / "README.md").read_text("utf-8"))
    listed = listed.replace("`", "")
    for credit in APP_CREDITS:
        for fact in (credit.name, credit.source, credit.license):
            assert fact in listed, f"{fact!r} is not in THIRD_PARTY.md or resources/README.md"


@pytest.mark.parametrize("language", ["ko", "en"])
def test_the_app_credits_name_version_sources_and_licenses(language):
    assert __version__ in version_line(language)
    text = "\n".join(f"{e.title}\n" + "\n".join(e.lines) for e in app_entries(language))
    for credit in APP_CREDITS:
        assert tr(credit.what, language) in text
        facts = asdict(credit)
        assert localised(facts, "source", language) in text and localised(facts, "license", language) in text


def test_every_bundled_theme_is_credited_with_its_source_and_license():
    themes, problems = discover_themes([bundled_models_dir()])
    assert themes and not problems
    entries = theme_entries(themes, "ko")
    assert [e.title for e in entries] == sorted((t.name("ko") for t in themes), key=str.casefold)
    text = "\n".join(line for e in entries for line in e.lines)
    for theme in themes:
        data = theme.manifest["data"]
        assert localised(data, "source", "ko") in text and localised(data, "license", "ko") in text


# What is left in Latin letters once proper names, package versions, license names, web addresses and the
# attribution OpenMoji's license asks for word for word are taken out.
OPENMOJI_ATTRIBUTION = ("All emojis designed by OpenMoji – the open-source emoji and icon project. "
                        "License: CC BY-SA 4.0")
PROPER_NAMES = re.compile(re.escape(OPENMOJI_ATTRIBUTION) + r"|https?://\S+|"
                          r"Open Clip Art Library|Noto Color Emoji|Creative Commons Public Domain Dedication|"
                          r"SIL Open Font License|NanumGothic(Bold)?|iCanvas|Pillow|MIT|OpenMoji|CC BY-SA|"
                          r"CC BY|ISC|Apache|npm @iconify-json|"
                          r"[a-z0-9.+:-]*[0-9-][a-z0-9.+:-]*")


def test_the_korean_credits_say_in_korean_what_each_thing_is():
    themes, _ = discover_themes([bundled_models_dir()])
    entries = app_entries("ko") + theme_entries(themes, "ko")
    for line in (line for e in entries for line in e.lines):
        assert re.search("[가-힣]", line), line
        leftover = PROPER_NAMES.sub("", line)
        assert not re.search("[A-Za-z]{2,}", leftover), line


def test_a_theme_without_translations_shows_its_own_words_in_every_language():
    data = {"source": "my own photos", "license": "CC-BY-4.0"}
    assert localised(data, "source", "ko") == "my own photos"
    assert localised(data, "license", "en") == "CC-BY-4.0"
    data["translations"] = {"ko": {"source": "내 사진"}}
    assert localised(data, "source", "ko") == "내 사진" and localised(data, "license", "ko") == "CC-BY-4.0"
    assert localised(data, "source", "en") == "my own photos"
