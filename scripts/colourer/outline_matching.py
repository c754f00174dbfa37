"""Which colour emoji an outline icon draws, by name, and the colour the emoji's artists agree on for it.

Kept apart from render_outline_pairs.py (which needs Qt to draw) so that the matching and the painting can be
tested on their own. NumPy only.
"""

import re

import numpy as np

from icanvas_desktop.generation.clean_look import Regions, find_regions
from icanvas_desktop.generation.colour_families import FAMILIES, families_of, rgb_to_lab
from icanvas_desktop.generation.colour_prior import BIN, OPAQUE

# The OpenMoji groups whose emoji are things a child draws; symbols, flags, the people (whose colour is a
# skin tone) and OpenMoji's own extras are not matched.
THING_GROUPS = ("smileys-emotion", "animals-nature", "food-drink", "travel-places", "activities", "objects")
# How each outline set names its line drawing of a thing: the style variants it is not (filled, bold ...), and
# the suffix its line style carries, dropped to get the thing's name. A set drawn as the edges of its ink
# (game-icons, mdi) takes its filled silhouettes: the edges of an outline icon's ink are double lines.
STYLES = {
    "tabler": (r"-(filled|off)$", ""),
    "lucide": (r"-off$", ""),
    "ph": (r"-(bold|duotone|fill|light|thin)$", ""),
    "iconoir": (r"-(solid|off)$", ""),
    "icon-park-outline": (r"$^", ""),
    "la": (r"-solid$", ""),
    "healthicons": (r"^(?!.*-outline$)", "-outline"),
    "fluent": (r"^(?!.*-24-regular$)", "-24-regular"),
    "mingcute": (r"^(?!.*-line$)", "-line"),
    "game-icons": (r"$^", ""),
    "mdi": (r"-(outline|off)$", ""),
}
# Words the sets put before a thing's name ("animal-cat", "food-apple", "fruit-grapes").
PREFIXES = ("animal-", "food-", "fruit-", "weather-")
# An icon's name for a thing that the emoji name otherwise.
ALIASES = {
    "apple": "red-apple", "apple-fruit": "red-apple", "shiny-apple": "red-apple", "grape": "grapes",
    "cherry": "cherries", "tree-deciduous": "deciduous-tree", "tree": "deciduous-tree",
    "pine-tree": "evergreen-tree", "tree-evergreen": "evergreen-tree", "tree-pine": "evergreen-tree",
    "tree-palm": "palm-tree", "coconut-tree": "palm-tree", "flame": "fire", "drop": "droplet",
    "heart": "red-heart", "heart-straight": "red-heart", "moon": "crescent-moon",
    "moon-waning-crescent": "crescent-moon", "lemon-2": "lemon", "orange": "tangerine",
    "pizza-slice": "pizza", "fluffy-cloud": "cloud", "sperm-whale": "whale",
    "sea-turtle": "turtle", "pig-face": "pig", "rabbit-head": "rabbit", "elephant-head": "elephant",
    "bear-face": "bear", "sitting-dog": "dog", "dog-side": "dog", "dinosaur-rex": "t-rex",
    "spotted-mushroom": "mushroom",
    "banana-bunch": "banana", "lightning-bolt": "high-voltage", "zap": "high-voltage",
    "bolt": "high-voltage", "lightning": "high-voltage", "weather-lightning": "cloud-with-lightning",
    "snowman": "snowman-without-snow",
    "pumpkin": "jack-o-lantern", "citrus": "lemon", "car": "automobile", "firetruck": "fire-engine",
    "fire-truck": "fire-engine", "plane": "airplane", "bee": "honeybee", "home": "house",
    "apple-alt": "red-apple", "cake": "birthday-cake",
}
# Names that mean something else in the icon sets than the emoji of that name (a computer mouse, a stamp,
# a wind's lines where the emoji is a face blowing, a fantasy ogre where the emoji is a Japanese mask, a
# serving cloche where the emoji is a frying pan, a cowboy hat where the emoji is the face under it), or a
# brand's logo, a hardware bolt, a selection's anchor, a satellite photo, a memory chip ("SET:NAME" for one
# set only). Left unmatched.
OTHER_MEANINGS = frozenset({
    "mouse", "seal", "bat", "crane", "bow", "tank", "chip", "fan", "ring", "record", "battery", "wind", "zzz",
    "joker", "construction", "hole", "ogre", "goblin", "dizzy", "kaaba", "cooking", "cowboy-hat", "la:apple",
    "la:fly", "lucide:bolt", "mdi:bolt", "icon-park-outline:anchor", "mdi:satellite", "game-icons:ram",
})
# An emoji slug "X-face" names X too when no emoji is called X ("cow-face" for a cow's icon).
FACE = "-face"
# Pure magenta, painted where a picture teaches nothing: 164 (RGB distance) from the nearest colour of
# colourer.PALETTE, beyond the 90 of prepare_colourer_data.py --max-distance for other artists.
SENTINEL = np.array((255, 0, 255), np.uint8)
# A thing's colour is the family more than this share of its artists' drawings give it.
MAJORITY = 0.5


def slug(name: str) -> str:
    """Lower case, runs of anything else than letters and digits one '-': "Red Apple" -> "red-apple"."""
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")


def thing_name(set_name: str, icon: str) -> str | None:
    """The thing an icon of `set_name` is named after ("food-apple-24-regular" -> "food-apple"), or None when
    the icon is another style than the set's line drawing (filled, bold, crossed out) or a name that means
    another thing than its emoji."""
    skip, suffix = STYLES[set_name]
    name = slug(icon)
    if re.search(skip, name):
        return None
    if suffix and name.endswith(suffix):
        name = name[: -len(suffix)]
    return None if name in OTHER_MEANINGS or f"{set_name}:{name}" in OTHER_MEANINGS else name


def emoji_keys(emoji_slugs: set[str]) -> dict[str, list[str]]:
    """The names an icon may have for each emoji: its slug, and "X" for "X-face" when no emoji is X."""
    keys: dict[str, list[str]] = {}
    for s in sorted(emoji_slugs):
        keys.setdefault(s, []).append(s)
        if s.endswith(FACE) and s[: -len(FACE)] not in emoji_slugs:
            keys.setdefault(s[: -len(FACE)], []).append(s)
    return keys


def match(name: str, keys: dict[str, list[str]]) -> list[str]:
    """The emoji slugs a thing's name (thing_name) matches: the name itself, its alias, or the name less a
    word PREFIXES puts before it; [] when none."""
    for candidate in (name, *(name[len(p):] for p in PREFIXES if name.startswith(p))):
        for key in (candidate, ALIASES.get(candidate)):
            if key in keys:
                return keys[key]
    return []


def main_opaque_colour(rgba: np.ndarray) -> np.ndarray | None:
    """(3,) uint8: the colour covering most of an emoji's opaque pixels ((H, W, 4) uint8), dark ones
    included, or None. For artists who draw no black outlines (Twemoji, Fluent, Noto, Emoji One) dark is the
    thing's own colour: colour_prior.main_colour, made for OpenMoji's black lines, would call a bomb or a
    graduation cap orange (its fuse, its tassel)."""
    pixels = rgba[rgba[..., 3] >= OPAQUE][:, :3]
    return None if len(pixels) == 0 else _commonest(pixels)


def _commonest(rgb: np.ndarray) -> np.ndarray:
    """(3,) uint8: the mean of the commonest bin of (N, 3) colours."""
    code = _bin_codes(rgb)
    return np.round(rgb[code == np.bincount(code).argmax()].mean(axis=0)).astype(np.uint8)


def _bin_codes(rgb: np.ndarray) -> np.ndarray:
    """(N,) int64: each colour's bin of colour_prior.BIN levels a channel, as one number."""
    bins = rgb.astype(np.int64) // BIN
    return bins[:, 0] * 256 + bins[:, 1] * 16 + bins[:, 2]


def agreed_colour(colours: list[np.ndarray]) -> np.ndarray | None:
    """(3,) uint8: of the main colours several artists give one thing ((3,) uint8 each), the commonest colour
    of the family more than MAJORITY of them agree on; None when no family has such a majority (the thing's
    colour is free). Artists rarely give one thing the very same colour: of the family's commonest bins
    (colour_prior.BIN levels a channel), the mean of the one nearest (CIELAB) to all the family's colours,
    not of whichever bin sorts first (Fluent's vivid cyan, further than 90 from every palette colour, would
    teach nothing)."""
    if not colours:
        return None
    rgb = np.stack(colours).astype(np.uint8)
    families = families_of(rgb)
    counts = np.bincount(families, minlength=len(FAMILIES))
    family = int(np.argmax(counts))
    if counts[family] <= MAJORITY * len(rgb):
        return None
    members = rgb[families == family]
    code = _bin_codes(members)
    per_bin = np.bincount(code)
    top = np.unique(code[per_bin[code] == per_bin.max()])
    means = np.round(np.stack([members[code == c].mean(axis=0) for c in top])).astype(np.uint8)
    spread = np.linalg.norm(rgb_to_lab(means)[:, None] - rgb_to_lab(members)[None], axis=-1).sum(axis=1)
    return means[np.argmin(spread)]


def body_picture(sketch: np.ndarray, colour: np.ndarray, sentinel: np.ndarray, min_share: float
                 ) -> np.ndarray | None:
    """(H, W, 3) uint8: the drawing's body (its largest region inside, away from the sheet's edge, as
    colour_prior.template_colours finds it) in `colour`, every other pixel in `sentinel`; None when no region
    inside covers `min_share` of the sheet. `sketch` is (H, W) float in [0, 1], paper 1, as
    prepare_colourer_data.py reads it, so that its regions are the ones found there."""
    regions = find_regions(sketch)
    body = body_of(regions)
    if body is None or np.count_nonzero(regions.labels == body) < min_share * sketch.size:
        return None
    picture = np.empty((*sketch.shape, 3), np.uint8)
    picture[...] = sentinel
    picture[regions.labels == body] = colour
    return picture


def body_of(regions: Regions) -> int | None:
    sizes = np.bincount(regions.labels[regions.sample], minlength=regions.count + 1)
    sizes[0] = 0
    sizes[regions.at_edge] = 0
    body = int(np.argmax(sizes))
    return body if sizes[body] else None
