"""Render more drawings of the recogniser's things from freely licensed icon and emoji sets (Iconify JSON
packages from npm), as line art beside render_things.py's OpenMoji renders.

    npm pack @iconify-json/tabler ...   (the sets of SETS; each tarball unpacked into ICONIFY/NAME/)
    python scripts/recogniser/render_icon_sets.py --iconify ~/icanvas-work/iconify \\
        --openmoji ~/icanvas-work/openmoji/package --out ~/icanvas-work/recogniser/base

One artist draws an apple one way; a child recognises an apple drawn many ways, and so must the recogniser.
Each set is drawn again as line art: outline icons as they are, one-colour emoji as the edges of their ink,
colour emoji as the edges between their colours (the places where a child's pen would go). Writes
OUT/lines/CLASS/SET-NAME_s1.png (greyscale, 128 px, framed to the drawing), a few icons of each set that are
none of the things into OUT/lines/other/ (so that no drawing style alone says "a thing"), and
OUT/ICON_SETS.json with every set's license and author.
"""

import argparse
import json
import random
import re
import sys
from pathlib import Path

import numpy as np
from PIL import Image

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
sys.path.insert(0, str(Path(__file__).resolve().parent))
from PySide6.QtCore import QByteArray
from PySide6.QtGui import QGuiApplication
from PySide6.QtSvg import QSvgRenderer
from render_things import render_rgba

from icanvas_desktop.generation.colour_families import rgb_to_lab
from icanvas_desktop.trainer.recognition.classes import OTHER, THINGS, is_near_a_thing

# How each set is turned into line art.
OUTLINE, INK_EDGES, COLOUR_EDGES, DARK_LINES = "outline", "ink-edges", "colour-edges", "dark-lines"
SETS = {
    "tabler": OUTLINE, "lucide": OUTLINE, "ph": OUTLINE, "iconoir": OUTLINE, "icon-park-outline": OUTLINE,
    "la": OUTLINE, "healthicons": OUTLINE,
    "fluent-emoji-high-contrast": INK_EDGES, "emojione-monotone": INK_EDGES,
    "noto": COLOUR_EDGES, "twemoji": COLOUR_EDGES, "fluent-emoji-flat": COLOUR_EDGES, "fxemoji": COLOUR_EDGES,
    "streamline-emojis": DARK_LINES,
    "noto-v1": COLOUR_EDGES, "emojione": COLOUR_EDGES, "fluent": OUTLINE, "mingcute": OUTLINE,
    "game-icons": INK_EDGES, "mdi": INK_EDGES,
}
# Emoji sets name their drawings by the emoji's CLDR name, as OpenMoji's annotations do ("red-apple");
# these name them otherwise.
SQUASHED_NAMES = {"fxemoji"}  # "redapple"
NUMBERED_NAMES = {"streamline-emojis"}  # "strawberry-1", "strawberry-2"
# The icon sets' own names for each thing (an icon set draws few of them; emoji sets are found by name).
ICONS = {
    "sun": "tabler:sun lucide:sun ph:sun ph:sun-dim icon-park-outline:sun la:sun iconoir:sun-light "
           "game-icons:sun mingcute:sun-line",
    "cloud": "tabler:cloud lucide:cloud ph:cloud iconoir:cloud la:cloud icon-park-outline:cloudy "
             "game-icons:fluffy-cloud mdi:cloud fluent:cloud-24-regular mingcute:cloud-line",
    "tree": "tabler:tree lucide:tree-deciduous lucide:tree-pine lucide:tree-palm ph:tree ph:tree-evergreen "
            "ph:tree-palm iconoir:tree iconoir:pine-tree icon-park-outline:tree "
            "icon-park-outline:coconut-tree la:tree game-icons:pine-tree game-icons:palm-tree "
            "game-icons:fruit-tree mdi:tree mdi:pine-tree mdi:palm-tree fluent:tree-deciduous-24-regular "
            "mingcute:tree-line mingcute:tree-2-line",
    "apple": "tabler:apple lucide:apple icon-park-outline:apple la:apple-alt game-icons:shiny-apple "
             "mdi:food-apple fluent:food-apple-24-regular mingcute:apple-fruit-line",
    "strawberry": "icon-park-outline:strawberry",
    "banana": "tabler:banana lucide:banana icon-park-outline:banana game-icons:banana "
              "game-icons:banana-bunch",
    "carrot": "tabler:carrot lucide:carrot ph:carrot la:carrot icon-park-outline:carrot game-icons:carrot "
              "mdi:carrot fluent:food-carrot-24-regular mingcute:carrot-line",
    "grapes": "tabler:grape lucide:grape icon-park-outline:grape game-icons:grapes mdi:fruit-grapes",
    "cherry": "tabler:cherry lucide:cherry ph:cherries icon-park-outline:cherry",
    "watermelon": "icon-park-outline:watermelon icon-park-outline:watermelon-one game-icons:watermelon "
                  "mdi:fruit-watermelon",
    "lemon": "tabler:lemon tabler:lemon-2 lucide:citrus la:lemon icon-park-outline:lemon game-icons:lemon "
             "mdi:fruit-lemon",
    "tomato": "icon-park-outline:tomato game-icons:tomato",
    "broccoli": "lucide:broccoli icon-park-outline:broccoli game-icons:broccoli",
    "pumpkin": "tabler:pumpkin-scary icon-park-outline:pumpkin game-icons:pumpkin mdi:pumpkin "
               "mingcute:pumpkin-line",
    "leaf": "tabler:leaf lucide:leaf ph:leaf iconoir:leaf icon-park-outline:leaf la:leaf tabler:clover "
            "lucide:clover game-icons:maple-leaf game-icons:linden-leaf mdi:leaf mdi:leaf-maple "
            "fluent:leaf-one-24-regular mingcute:leaf-line",
    "flower": "tabler:flower lucide:flower lucide:flower-2 lucide:rose ph:flower ph:flower-tulip "
              "iconoir:flower game-icons:flowers mdi:flower mdi:flower-tulip mdi:flower-poppy "
              "mingcute:flower-line mingcute:flower-2-line",
    "snowman": "tabler:snowman icon-park-outline:snowman la:snowman game-icons:snowman mdi:snowman "
               "mingcute:snowman-line",
    "frog": "icon-park-outline:frog la:frog game-icons:frog",
    "pig": "tabler:pig icon-park-outline:pig healthicons:animal-pig-outline game-icons:pig "
           "game-icons:pig-face mdi:pig mdi:pig-variant mingcute:pig-line",
    "ladybug": "ph:bug-beetle tabler:bug icon-park-outline:bug game-icons:ladybug mdi:ladybug",
    "whale": "icon-park-outline:whale game-icons:sperm-whale",
    "elephant": "icon-park-outline:elephant game-icons:elephant game-icons:elephant-head mdi:elephant",
    "penguin": "icon-park-outline:penguin game-icons:penguin mdi:penguin",
    "heart": "tabler:heart lucide:heart ph:heart ph:heart-straight iconoir:heart icon-park-outline:heart "
             "la:heart healthicons:heart-outline mdi:heart-outline mingcute:heart-line "
             "fluent:heart-24-regular",
    "star": "tabler:star lucide:star ph:star iconoir:star icon-park-outline:star la:star "
            "healthicons:star-large-outline mdi:star-outline mingcute:star-line fluent:star-24-regular",
    "moon": "tabler:moon tabler:moon-2 lucide:moon ph:moon icon-park-outline:moon la:moon game-icons:moon "
            "mdi:moon-waning-crescent mingcute:moon-line fluent:weather-moon-24-regular",
    "smiley": "tabler:mood-smile tabler:mood-happy lucide:smile ph:smiley icon-park-outline:emotion-happy "
              "la:smile la:grin healthicons:happy-outline mdi:emoticon-happy-outline mdi:emoticon-outline "
              "mingcute:emoji-line fluent:emoji-24-regular",
    "pizza": "tabler:pizza lucide:pizza ph:pizza iconoir:pizza-slice la:pizza-slice game-icons:pizza-slice "
             "mdi:pizza mingcute:pizza-line fluent:food-pizza-24-regular",
    "fire": "tabler:flame lucide:flame ph:fire ph:flame iconoir:fire-flame icon-park-outline:fire la:fire "
            "game-icons:fire mdi:fire mingcute:fire-line fluent:fire-24-regular",
    "raindrop": "tabler:droplet lucide:droplet ph:drop iconoir:droplet game-icons:drop mdi:water-outline "
                "mingcute:drop-line fluent:drop-24-regular",
    "fire_truck": "tabler:firetruck ph:fire-truck mdi:fire-truck",
    "cat": "tabler:cat lucide:cat ph:cat icon-park-outline:cat la:cat game-icons:cat mdi:cat "
           "mingcute:cat-line fluent:animal-cat-24-regular",
    "dog": "tabler:dog lucide:dog ph:dog icon-park-outline:dog la:dog game-icons:sitting-dog mdi:dog "
           "mdi:dog-side mingcute:dog-line fluent:animal-dog-24-regular",
    "mouse": "lucide:rat healthicons:animal-rat-outline game-icons:mouse game-icons:rat mdi:rat",
    "bear": "icon-park-outline:bear game-icons:bear-face mdi:teddy-bear mingcute:bear-line",
    "lion": "game-icons:lion",
    "bee": "icon-park-outline:bee game-icons:bee mdi:bee",
    "duck": "icon-park-outline:duck game-icons:duck game-icons:plastic-duck mdi:duck",
    "turtle": "lucide:turtle game-icons:turtle game-icons:sea-turtle mdi:turtle "
              "fluent:animal-turtle-24-regular",
    "rabbit": "lucide:rabbit ph:rabbit icon-park-outline:rabbit game-icons:rabbit game-icons:rabbit-head "
              "mdi:rabbit mingcute:rabbit-line fluent:animal-rabbit-24-regular",
    "tangerine": "ph:orange icon-park-outline:orange game-icons:orange",
    "pear": "icon-park-outline:pear game-icons:pear mdi:fruit-pear",
    "corn": "icon-park-outline:corn game-icons:corn mdi:corn",
    "mushroom": "tabler:mushroom icon-park-outline:mushroom game-icons:mushroom "
                "game-icons:spotted-mushroom mdi:mushroom mingcute:mushroom-line",
    "cactus": "tabler:cactus ph:cactus icon-park-outline:cactus game-icons:cactus mdi:cactus "
              "mingcute:cactus-line",
    "lightning": "tabler:bolt lucide:zap ph:lightning icon-park-outline:lightning la:bolt "
                 "mdi:lightning-bolt mingcute:lightning-line",
    "pineapple": "icon-park-outline:pineapple game-icons:pineapple mdi:fruit-pineapple",
    "eggplant": "icon-park-outline:eggplant",
    "cookie": "tabler:cookie lucide:cookie ph:cookie iconoir:cookie la:cookie game-icons:cookie mdi:cookie "
              "mingcute:cookie-line",
    "dinosaur": "game-icons:dinosaur-rex",
    "snake": "healthicons:animal-snake-outline game-icons:snake mdi:snake",
    "crab": "icon-park-outline:crab game-icons:crab",
    "ambulance": "tabler:ambulance lucide:ambulance mdi:ambulance ph:ambulance la:ambulance "
                 "healthicons:ambulance-outline icon-park-outline:ambulance game-icons:ambulance",
    "ant": "game-icons:ant",
    "basketball": "iconoir:basketball mingcute:basketball-line tabler:ball-basketball mdi:basketball "
                  "fluent:sport-basketball-24-regular ph:basketball icon-park-outline:basketball "
                  "game-icons:basketball-ball la:basketball-ball",
    "baseball": "la:baseball-ball mingcute:baseball-line tabler:ball-baseball mdi:baseball "
                "fluent:sport-baseball-24-regular ph:baseball icon-park-outline:baseball",
    "bread": "game-icons:bread game-icons:sliced-bread iconoir:bread-slice la:bread-slice "
             "mingcute:bread-line tabler:bread mdi:bread-slice-outline mdi:loaf ph:bread "
             "icon-park-outline:bread icon-park-outline:bread-one",
    "camel": "game-icons:camel game-icons:camel-head",
    "cow": "game-icons:cow mdi:cow ph:cow healthicons:animal-cow-outline",
    "crown": "game-icons:crown iconoir:crown la:crown tabler:crown lucide:crown mdi:crown-outline",
    "diamond": "game-icons:cut-diamond lucide:gem",
    "dolphin": "game-icons:dolphin mdi:dolphin icon-park-outline:dolphin",
    "dragon": "game-icons:spiked-dragon-head la:dragon tabler:dragon",
    "fish": "game-icons:tropical-fish iconoir:fish la:fish mingcute:fish-line tabler:fish lucide:fish "
            "mdi:fish ph:fish ph:fish-simple",
    "flamingo": "game-icons:flamingo",
    "hamburger": "game-icons:hamburger la:hamburger mingcute:hamburger-line tabler:burger lucide:hamburger "
                 "mdi:hamburger ph:hamburger icon-park-outline:hamburger",
    "hedgehog": "game-icons:hedgehog",
    "horse": "game-icons:horse-head la:horse tabler:horse mdi:horse mdi:horse-variant ph:horse",
    "kangaroo": "game-icons:kangaroo mdi:kangaroo",
    "monkey": "game-icons:monkey icon-park-outline:monkey",
    "mountain": "game-icons:mountains la:mountain mingcute:mountain-line tabler:mountain lucide:mountain "
                "lucide:mountain-snow ph:mountains icon-park-outline:mountain",
    "owl": "game-icons:owl mdi:owl icon-park-outline:owl",
    "peanut": "game-icons:peanut mdi:peanut-outline",
    "peas": "game-icons:peas icon-park-outline:peas",
    "potato": "game-icons:potato",
    "raccoon": "game-icons:raccoon-head",
    "sandwich": "game-icons:sandwich lucide:sandwich icon-park-outline:sandwich",
    "shark": "mdi:shark",
    "sheep": "game-icons:sheep mdi:sheep",
    "skull": "tabler:skull lucide:skull mdi:skull-outline ph:skull la:skull mingcute:skull-line "
             "game-icons:skull",
    "snowflake": "game-icons:snowflake-2 la:snowflake mingcute:snowflake-line tabler:snowflake "
                 "lucide:snowflake mdi:snowflake fluent:weather-snowflake-24-regular ph:snowflake "
                 "icon-park-outline:snowflake",
    "soccer_ball": "game-icons:soccer-ball iconoir:soccer-ball mingcute:football-line tabler:ball-football "
                   "mdi:soccer",
    "spider": "game-icons:spider-alt la:spider tabler:spider mdi:spider-outline "
              "healthicons:animal-spider-outline",
    "squirrel": "game-icons:squirrel lucide:squirrel",
    "stop_sign": "game-icons:stop-sign",
    "swan": "game-icons:swan",
    "tiger": "game-icons:tiger game-icons:tiger-head",
    "tooth": "game-icons:tooth la:tooth",
    "tornado": "game-icons:tornado mingcute:tornado-line tabler:tornado lucide:tornado mdi:weather-tornado "
               "ph:tornado",
    # Round 6; no set draws an orangutan, llama, skunk, orca, chestnut, onion, bagel, pancakes or waffle.
    "gorilla": "game-icons:gorilla",
    "wolf": "iconoir:wolf game-icons:wolf-head",
    "fox": "game-icons:fox game-icons:fox-head",
    "deer": "tabler:deer icon-park-outline:deer game-icons:deer game-icons:deer-head game-icons:stag-head",
    "donkey": "healthicons:animal-donkey-outline game-icons:donkey mdi:donkey",
    "goat": "game-icons:goat",
    "mammoth": "game-icons:mammoth",
    "beaver": "game-icons:beaver",
    "koala": "icon-park-outline:koala-bear game-icons:koala mdi:koala",
    "sloth": "game-icons:sloth",
    "otter": "la:otter",
    "polar_bear": "game-icons:polar-bear",
    "turkey": "mdi:turkey",
    "dove": "la:dove icon-park-outline:pigeon game-icons:dove game-icons:peace-dove",
    "parrot": "game-icons:parrot-head",
    "goose": "game-icons:goose game-icons:canadian-goose",
    "lizard": "game-icons:gecko game-icons:chameleon-glyph",
    "seal": "game-icons:juggling-seal",
    "coral": "game-icons:coral",
    "shrimp": "lucide:shrimp ph:shrimp icon-park-outline:shrimp game-icons:shrimp",
    "scorpion": "game-icons:scorpion",
    "fly": "game-icons:fly",
    "worm": "lucide:worm game-icons:earth-worm",
    "caterpillar": "game-icons:caterpillar",
    "lime": "mdi:fruit-lime",
    "peach": "icon-park-outline:peach game-icons:peach",
    "kiwi": "game-icons:kiwi-fruit",
    "olive": "game-icons:olive",
    "coconut": "game-icons:coconuts",
    "chili_pepper": "tabler:pepper ph:pepper icon-park-outline:chili game-icons:chili-pepper mdi:chili-mild",
    "bell_pepper": "game-icons:bell-pepper",
    "cucumber": "game-icons:pickle",
    "garlic": "icon-park-outline:garlic game-icons:garlic",
    "croissant": "lucide:croissant icon-park-outline:croissant game-icons:croissant mdi:food-croissant",
    "pretzel": "game-icons:pretzel mdi:pretzel",
    "cheese": "tabler:cheese ph:cheese icon-park-outline:cheese la:cheese game-icons:cheese-wedge mdi:cheese",
    "french_fries": "icon-park-outline:french-fries mingcute:fries-line game-icons:french-fries "
                    "mdi:french-fries",
    "egg": "tabler:egg lucide:egg ph:egg iconoir:egg la:egg mingcute:egg-line game-icons:big-egg mdi:egg",
    "chicken_leg": "lucide:drumstick icon-park-outline:chicken-leg la:drumstick-bite "
                   "fluent:food-chicken-leg-24-regular game-icons:chicken-leg mdi:food-drumstick",
    "taco": "game-icons:tacos mdi:taco",
    "ice_cream": "tabler:ice-cream-2 lucide:ice-cream-cone lucide:ice-cream-bowl ph:ice-cream "
                 "icon-park-outline:icecream icon-park-outline:icecream-two icon-park-outline:icecream-four "
                 "la:ice-cream mingcute:ice-cream-line game-icons:ice-cream-cone mdi:ice-cream",
    "chocolate": "tabler:chocolate iconoir:chocolate game-icons:chocolate-bar",
    "honey_pot": "game-icons:honey-jar game-icons:honeypot",
    "milk": "tabler:milk lucide:milk icon-park-outline:milk icon-park-outline:milk-one "
            "game-icons:milk-carton",
    "rice_ball": "ph:onigiri",
    "sushi": "game-icons:sushis",
    "dumpling": "tabler:dumpling game-icons:dumpling game-icons:dumpling-bao",
    "spaghetti": "mdi:spaghetti",
}
# Icons of each set that are none of the things, for "other".
OTHERS_PER_SET = 30
SIZE = 128
RENDER = 256
MARGIN = 0.04
# Colour edges: neighbours further apart than this (CIELAB ΔE76) are two of the artist's colours.
EDGE_DELTA = 14.0


def load_set(folder: Path) -> tuple[dict, dict]:
    """An Iconify package's icons.json and info.json."""
    package = folder / "package" if (folder / "package").is_dir() else folder
    return (json.loads((package / "icons.json").read_text("utf-8")),
            json.loads((package / "info.json").read_text("utf-8")))


def svg_of(icons: dict, name: str) -> str | None:
    """The SVG text of `name` in an Iconify set (following an alias), drawn black."""
    alias = icons.get("aliases", {}).get(name)
    if alias is not None:
        name = alias["parent"]
    icon = icons["icons"].get(name)
    if icon is None:
        return None
    left, top = icon.get("left", icons.get("left", 0)), icon.get("top", icons.get("top", 0))
    width, height = icon.get("width", icons.get("width", 16)), icon.get("height", icons.get("height", 16))
    body = icon["body"].replace("currentColor", "#000")
    return (f'<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" '
            f'viewBox="{left} {top} {width} {height}">{body}</svg>')


def render_svg(svg: str) -> np.ndarray | None:
    """(RENDER, RENDER, 4) uint8 RGBA of an SVG text, transparent around the drawing; None if QtSvg cannot
    read it."""
    renderer = QSvgRenderer(QByteArray(svg.encode("utf-8")))
    return render_rgba(renderer, RENDER, renderer.viewBoxF()) if renderer.isValid() else None


def line_art(rgba: np.ndarray, kind: str) -> np.ndarray | None:
    """(SIZE, SIZE) uint8 greyscale, black lines on white, framed to the drawing; None when empty."""
    ink = line_ink(rgba, kind)
    ys, xs = np.nonzero(ink > 64)
    if len(ys) < 20:
        return None
    side = max(ys.max() - ys.min(), xs.max() - xs.min()) * (1 + 2 * MARGIN) + 1
    cy, cx = (ys.max() + ys.min()) / 2, (xs.max() + xs.min()) / 2
    box = (cx - side / 2, cy - side / 2, cx + side / 2, cy + side / 2)
    image = Image.fromarray(np.clip(ink, 0, 255).astype(np.uint8), "L")
    framed = image.transform((SIZE, SIZE), Image.Transform.EXTENT, box, Image.Resampling.BILINEAR)
    return 255 - np.asarray(framed)


def line_ink(rgba: np.ndarray, kind: str) -> np.ndarray:
    """Float ink (0 paper to 255 line) of the line art of `kind`, where the lines lie on `rgba` itself."""
    alpha = rgba[..., 3].astype(np.float32) / 255.0
    rgb = rgba[..., :3].astype(np.float32) * alpha[..., None] + 255.0 * (1 - alpha[..., None])
    luma = rgb @ np.array([0.299, 0.587, 0.114], np.float32)
    if kind == OUTLINE:
        return 255.0 - luma
    if kind == DARK_LINES:
        return np.where((luma < 90) & (alpha > 0.5), 255.0, 0.0)
    if kind == INK_EDGES:
        return _edges(np.where(alpha > 0.5, (luma < 128).astype(np.float32) * 100, -100.0)[..., None])
    lab = rgb_to_lab(np.round(rgb).astype(np.uint8))
    lab[alpha < 0.5] = (100.0, 0.0, 0.0)  # around the drawing: paper
    # The drawing's own edge too: a white snowman on white paper still has an outline.
    return _edges(np.concatenate([lab, (alpha > 0.5)[..., None] * 100.0], axis=-1))


def _edges(values: np.ndarray) -> np.ndarray:
    """Ink (0-255) where a pixel differs from its right or lower neighbour by more than EDGE_DELTA, two
    pixels wide at RENDER so that it is a pen line at SIZE."""
    right = np.linalg.norm(values[:, 1:] - values[:, :-1], axis=-1) > EDGE_DELTA
    down = np.linalg.norm(values[1:] - values[:-1], axis=-1) > EDGE_DELTA
    edge = np.zeros(values.shape[:2], bool)
    edge[:, 1:] |= right
    edge[:, :-1] |= right
    edge[1:] |= down
    edge[:-1] |= down
    return edge.astype(np.float32) * 255.0


def emoji_names(openmoji: Path) -> dict[str, list[str]]:
    """Each thing's CLDR names, from the annotations of its OpenMoji hexcodes ("red-apple")."""
    entries = {e["hexcode"]: e for e in json.loads((openmoji / "data" / "openmoji.json").read_text("utf-8"))}
    return {t.id: [_slug(entries[c]["annotation"]) for c in t.hexcodes] for t in THINGS}


def _slug(annotation: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", annotation.lower()).strip("-")


def names_in(set_name: str, slug: str) -> list[str]:
    if set_name in SQUASHED_NAMES:
        return [slug.replace("-", "")]
    if set_name in NUMBERED_NAMES:
        return [slug, f"{slug}-1", f"{slug}-2"]
    return [slug]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--iconify", type=Path, required=True, help="folder of unpacked @iconify-json/* sets")
    parser.add_argument("--openmoji", type=Path, required=True)
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args()
    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    slugs = emoji_names(args.openmoji)
    wanted = {t.id: [tuple(e.split(":")) for e in ICONS.get(t.id, "").split()] for t in THINGS}
    about, counts = {}, {}
    for set_name, kind in SETS.items():
        folder = next((p for p in args.iconify.glob(f"iconify-json-{set_name}-[0-9]*") if p.is_dir()), None)
        if folder is None:
            parser.error(f"{args.iconify} has no unpacked @iconify-json/{set_name}")
        icons, info = load_set(folder)
        about[set_name] = {"name": info["name"], "version": info.get("version"), "kind": kind,
                           "author": info["author"], "license": info["license"], "used": {}}
        emoji_set = kind != OUTLINE
        for thing in THINGS:
            # Silhouette sets (game-icons, mdi) are drawn like one-colour emoji but name their icons
            # their own way: their ICONS entries count too.
            names = [n for s, n in wanted[thing.id] if s == set_name]
            if emoji_set:
                names = list(dict.fromkeys([n for slug in slugs[thing.id] for n in names_in(set_name, slug)]
                                           + names))
            for name in names:
                svg = svg_of(icons, name)
                rgba = None if svg is None else render_svg(svg)
                lines = None if rgba is None else line_art(rgba, kind)
                if lines is None:
                    continue
                out = args.out / "lines" / thing.id
                out.mkdir(parents=True, exist_ok=True)
                Image.fromarray(lines, "L").save(out / f"{set_name}-{name}_s1.png")
                about[set_name]["used"].setdefault(thing.id, []).append(name)
                counts[thing.id] = counts.get(thing.id, 0) + 1
        candidates = sorted(n for n in icons["icons"] if not is_near_a_thing(n.replace("-", " "))
                            and not re.search(r"(bold|duotone|fill|light|thin|solid|outline|tone|flag)", n))
        for name in random.Random(set_name).sample(candidates, min(OTHERS_PER_SET, len(candidates))):
            rgba = render_svg(svg_of(icons, name))
            lines = None if rgba is None else line_art(rgba, kind)
            if lines is not None:
                (args.out / "lines" / OTHER).mkdir(parents=True, exist_ok=True)
                Image.fromarray(lines, "L").save(args.out / "lines" / OTHER / f"{set_name}-{name}_s1.png")
                about[set_name]["used"].setdefault(OTHER, []).append(name)
    (args.out / "ICON_SETS.json").write_text(json.dumps(about, indent=1, ensure_ascii=False) + "\n", "utf-8")
    for thing in THINGS:
        print(f"{thing.id}: {counts.get(thing.id, 0)} drawings from the icon and emoji sets")
    return 0


if __name__ == "__main__":
    sys.exit(main())
