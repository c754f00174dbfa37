"""What the About page says: the app's version, the third-party material shipped with it, and where every
installed theme's training pictures came from. No Qt here, so the facts can be tested.

The shipped material is listed in THIRD_PARTY.md and resources/README.md; a test checks that each fact
below still appears there, so the About page and those files cannot drift apart.
"""

from collections.abc import Iterable
from dataclasses import dataclass

from icanvas_desktop import __version__
from icanvas_desktop.i18n import tr
from icanvas_desktop.themes.theme import Theme


@dataclass(frozen=True)
class Credit:
    what: str  # the i18n key naming what the app uses it for
    name: str
    source: str
    license: str


APP_CREDITS: tuple[Credit, ...] = (
    Credit("credit_font", "NanumGothic, NanumGothicBold", "Debian fonts-nanum", "SIL Open Font License 1.1"),
    Credit("credit_icons", "Noto Color Emoji 2.042", "Debian fonts-noto-color-emoji 2.042-0+deb12u1",
           "SIL Open Font License 1.1"),
    Credit("credit_own_art", "iCanvas", "made for iCanvas", "MIT"),
)


@dataclass(frozen=True)
class Entry:
    title: str
    lines: tuple[str, ...]


def version_line(language: str) -> str:
    return tr("about_version", language, version=__version__)


def app_entries(language: str) -> list[Entry]:
    return [Entry(f"{tr(c.what, language)}: {c.name}",
                  (tr("about_source", language, source=c.source), tr("about_license", language, license=c.license)))
            for c in APP_CREDITS]


def theme_entries(themes: Iterable[Theme], language: str) -> list[Entry]:
    """One entry per theme, sorted by its name in `language`; the facts come from its manifest's `data`."""
    entries = []
    for theme in themes:
        data = theme.manifest["data"]
        entries.append(Entry(theme.name(language), (tr("about_theme_data", language, source=data["source"]),
                                                    tr("about_license", language, license=data["license"]))))
    return sorted(entries, key=lambda e: e.title.casefold())
