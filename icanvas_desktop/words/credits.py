"""What the About page says: the app's version, the third-party material shipped with it, and where every
installed theme's training pictures came from. No Qt here, so the facts can be tested.

The shipped material is listed in THIRD_PARTY.md and resources/README.md; a test checks that each fact
below still appears there, so the About page and those files cannot drift apart.

Sources and licenses are written in English, the record a grown-up can look up; `translations` (in a credit
and in a theme manifest's `data`) says them in another language, field by field. A theme without them (every
theme exported before they existed) shows its English words.
"""

from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass, field

from icanvas_desktop import __version__
from icanvas_desktop.themes.theme import Theme
from icanvas_desktop.words.i18n import tr

# The icon and emoji sets the recogniser learned from beside OpenMoji (THIRD_PARTY.md has each one's license).
ICON_SET_NAMES = ("Tabler Icons, Lucide, Phosphor, Iconoir, IconPark, Line Awesome, Health Icons, "
                  "Fluent Emoji, Noto Emoji, Twemoji, Emoji One, Firefox OS Emoji, Streamline Emojis, "
                  "Fluent UI System Icons, MingCute, Game Icons, Material Design Icons")
# The colourings the colourer learned from (THIRD_PARTY.md has each one's license).
COLOURER_SET_NAMES = "OpenMoji 17.0.0, Twemoji, Fluent Emoji Flat, Noto Emoji"


@dataclass(frozen=True)
class Credit:
    what: str  # the i18n key naming what the app uses it for
    name: str
    source: str
    license: str
    translations: Mapping[str, Mapping[str, str]] = field(default_factory=dict)


APP_CREDITS: tuple[Credit, ...] = (
    Credit("credit_font", "NanumGothic, NanumGothicBold", "Debian fonts-nanum", "SIL Open Font License 1.1",
           {"ko": {"source": "데비안 패키지 fonts-nanum"}}),
    Credit("credit_icons", "Noto Color Emoji 2.042", "Debian fonts-noto-color-emoji 2.042-0+deb12u1",
           "SIL Open Font License 1.1",
           {"ko": {"source": "데비안 패키지 fonts-noto-color-emoji 2.042-0+deb12u1"}}),
    Credit("credit_own_art", "iCanvas", "made for iCanvas", "MIT",
           {"ko": {"source": "아이캔버스를 위해 그렸어요"}}),
    # The guess buttons show OpenMoji's colourings, and the recogniser learned from its line art.
    Credit("credit_recogniser", "OpenMoji 17.0.0", "https://openmoji.org (npm openmoji@17.0.0)",
           "CC BY-SA 4.0", {"ko": {"source": "https://openmoji.org"}}),
    # It also learned how else a thing is drawn from these sets' line art (THIRD_PARTY.md names each).
    Credit("credit_recogniser_sets", ICON_SET_NAMES, "npm @iconify-json packages",
           "MIT, ISC, Apache 2.0, CC BY 4.0, CC BY 3.0", {"ko": {"source": "npm @iconify-json 패키지"}}),
    # The colourer learned which colours fit a drawing's parts from these artists' colourings.
    Credit("credit_colourer", COLOURER_SET_NAMES, "npm openmoji@17.0.0 and @iconify-json packages",
           "CC BY-SA 4.0, CC BY 4.0, MIT, Apache 2.0",
           {"ko": {"source": "https://openmoji.org, npm @iconify-json 패키지"}}),
)


@dataclass(frozen=True)
class Entry:
    title: str
    lines: tuple[str, ...]


def localised(facts: Mapping, key: str, language: str) -> str:
    """`facts[key]` as `facts["translations"][language]` says it, or as written when it does not."""
    return facts.get("translations", {}).get(language, {}).get(key) or facts[key]


def version_line(language: str) -> str:
    return tr("about_version", language, version=__version__)


def app_entries(language: str) -> list[Entry]:
    entries = []
    for credit in APP_CREDITS:
        facts = asdict(credit)
        entries.append(Entry(f"{tr(credit.what, language)}: {credit.name}",
                             (tr("about_source", language, source=localised(facts, "source", language)),
                              tr("about_license", language, license=localised(facts, "license", language)))))
    return entries


def theme_entries(themes: Iterable[Theme], language: str) -> list[Entry]:
    """One entry per theme, sorted by its name in `language`; the facts come from its manifest's `data`."""
    entries = []
    for theme in themes:
        data = theme.manifest["data"]
        entries.append(Entry(theme.name(language),
                             (tr("about_theme_data", language, source=localised(data, "source", language)),
                              tr("about_license", language, license=localised(data, "license", language)))))
    return sorted(entries, key=lambda e: e.title.casefold())
