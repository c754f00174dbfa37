"""The About page's facts: in step with THIRD_PARTY.md and resources/README.md, and every theme credited."""

from pathlib import Path

import pytest

from icanvas_desktop import __version__
from icanvas_desktop.credits import APP_CREDITS, app_entries, theme_entries, version_line
from icanvas_desktop.i18n import tr
from icanvas_desktop.resources import bundled_models_dir
from icanvas_desktop.themes.discovery import discover_themes

ROOT = Path(__file__).resolve().parents[2]


def test_every_credit_is_written_down_in_the_third_party_files():
    listed = ((ROOT / "THIRD_PARTY.md").read_text("utf-8") + (ROOT / "resources" / "README.md").read_text("utf-8"))
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
        assert credit.source in text and credit.license in text


def test_every_bundled_theme_is_credited_with_its_source_and_license():
    themes, problems = discover_themes([bundled_models_dir()])
    assert themes and not problems
    entries = theme_entries(themes, "ko")
    assert [e.title for e in entries] == sorted((t.name("ko") for t in themes), key=str.casefold)
    text = "\n".join(line for e in entries for line in e.lines)
    for theme in themes:
        assert theme.manifest["data"]["source"] in text and theme.manifest["data"]["license"] in text
