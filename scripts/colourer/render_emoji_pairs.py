"""Render other artists' colour emoji (Iconify JSON packages) to line art and colouring pairs for the
colourer, as render_openmoji.py renders OpenMoji's.

    python scripts/colourer/render_emoji_pairs.py --iconify ~/icanvas-work/iconify \\
        --openmoji ~/icanvas-work/openmoji/package --out ~/icanvas-work/emoji-pairs-256 \\
        [--sets twemoji,fluent-emoji-flat] [--limit 20] [--seed 0]

For each icon of each set (skin-tone variants, flags, keycaps, letters and digits left out): the colour
drawing on white paper (OUT/pictures/SET-NAME.png, RGB) and, in the very same frame, its line art
(OUT/sketches/SET-NAME.png, L): the edges between its colours (render_icon_sets.COLOUR_EDGES), widened to
OpenMoji's pen. Both are framed as render_openmoji.py frames OpenMoji: the drawing's extent centred with
--margin of paper around it. OUT/SOURCE.json records each set's version, license, author and counts.

The colourer is measured on OpenMoji's held-out emoji, so every icon named after one of them (the slug of
its annotation, or that slug and a dash: "red-apple", "red-apple-...") is left out of these pairs too.
The sets come from npm (`npm pack @iconify-json/twemoji` ...), each unpacked into
ICONIFY/iconify-json-SET-VERSION/.
"""

import argparse
import json
import os
import random
import re
import sys
from pathlib import Path

import numpy as np
from PIL import Image
from scipy import ndimage
from tqdm import tqdm

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # no display needed: it draws into images only
ROOT = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(ROOT), str(ROOT / "scripts" / "recogniser"), str(ROOT / "scripts" / "themes")]
from PySide6.QtCore import QByteArray, QRectF
from PySide6.QtGui import QGuiApplication
from PySide6.QtSvg import QSvgRenderer
from render_icon_sets import COLOUR_EDGES, SETS, _slug, line_ink, load_set, names_in, svg_of
from render_openmoji import is_held_out, square_around, usable_entries
from render_things import render_rgba

DEFAULT_SETS = "twemoji,fluent-emoji-flat"
# Names of things that are not drawings a child makes: flags, keycaps, letters and digits, text buttons.
NOT_DRAWINGS = ("flag-", "regional-indicator", "keycap", "letter-", "digit-", "input-")
# Skin-tone variants: "...-skin-tone", Noto's "...-tone3" and Fluent's suffixes ("boy-medium-dark") beside
# the yellow one ("boy").
TONE = re.compile(r"(^|-)tone\d*(-|$)")
TONE_SUFFIX = re.compile(r"-(light|medium-light|medium|medium-dark|dark)$")
# The line art is found at twice the size and drawn at the size, so that its lines are anti-aliased as
# OpenMoji's are.
SUPERSAMPLE = 2
# OpenMoji's black/svg lines are 8-9 px wide at 256 px: ink area over skeleton length (a line's width and a
# little), median over its training sketches, is 9.6 px; over these pairs at 8.5 px, 9.3 px.
LINE_WIDTH = 8.5 / 256
MIN_COLOURED = 0.01
PROBE_PX = 256
# Edges of fewer pixels than this (at the supersampled size) are specks where a gradient or a translucent
# layer crosses EDGE_DELTA now and then, not lines an artist drew.
MIN_EDGE_PIXELS = 40


def is_skin_tone(name: str, names: set[str]) -> bool:
    if TONE.search(name):
        return True
    base = TONE_SUFFIX.sub("", name)
    return base != name and base in names


def held_out_slugs(openmoji: Path, share: float) -> set[str]:
    """The slugs of OpenMoji's held-out emoji ("red-apple"), as the colourer's evaluation holds them out."""
    return {_slug(e["annotation"]) for e in usable_entries(openmoji) if is_held_out(e["hexcode"], share)}


def is_excluded(names: list[str], slugs: set[str]) -> bool:
    return any(n == s or n.startswith(s + "-") for n in names for s in slugs)


def icon_names(icons: dict) -> dict[str, list[str]]:
    """Each drawing of a set and all its names: its own and those of the aliases pointing at it (an alias
    with a flip or a turn is the same drawing again and is not drawn twice)."""
    names = {name: [name] for name in icons["icons"]}
    for alias, about in icons.get("aliases", {}).items():
        if about.get("parent") in names:
            names[about["parent"]].append(alias)
    return names


def frame(renderer: QSvgRenderer, margin: float) -> QRectF:
    """A square view around the drawing's extent (where it is opaque: a white snowman counts) with `margin`
    of its side free on each side, as render_openmoji.framing frames OpenMoji."""
    box = renderer.viewBoxF()
    return square_around(box, render_rgba(renderer, PROBE_PX, box)[..., 3] > 8, margin)


def on_paper(rgba: np.ndarray) -> np.ndarray:
    alpha = rgba[..., 3:].astype(np.float32) / 255.0
    return np.round(rgba[..., :3] * alpha + 255.0 * (1 - alpha)).astype(np.uint8)


def pair(svg: str, size: int, margin: float) -> tuple[np.ndarray, np.ndarray] | None:
    """(sketch (size, size) uint8 black lines on white, picture (size, size, 3) uint8) in one frame; None
    when QtSvg cannot read the SVG."""
    renderer = QSvgRenderer(QByteArray(svg.encode("utf-8")))
    if not renderer.isValid():
        return None
    view = frame(renderer, margin)
    picture = on_paper(render_rgba(renderer, size, QRectF(view)))
    edges = line_ink(render_rgba(renderer, size * SUPERSAMPLE, QRectF(view)), COLOUR_EDGES) > 0
    labels, count = ndimage.label(edges, np.ones((3, 3), bool))
    edges = (np.bincount(labels.ravel(), minlength=count + 1) >= MIN_EDGE_PIXELS)[labels] & edges
    return (pen_lines(edges, size), picture) if edges.any() else None


def pen_lines(edges: np.ndarray, size: int) -> np.ndarray:
    """(size, size) uint8 black lines on white of the edges found at SUPERSAMPLE times the size."""
    # An edge is two pixels wide (both sides of it); widen it to the pen, each pixel's share of ink by how
    # far inside the line it lies, then average the supersampled pixels.
    radius = (LINE_WIDTH * size * SUPERSAMPLE - 2) / 2
    coverage = np.clip(radius + 0.5 - ndimage.distance_transform_edt(~edges), 0.0, 1.0)
    coverage = coverage.reshape(size, SUPERSAMPLE, size, SUPERSAMPLE).mean(axis=(1, 3))
    return np.round(255 * (1 - coverage)).astype(np.uint8)


def coloured_share(picture: np.ndarray) -> float:
    return float((picture.min(axis=-1) < 245).mean())


def render_set(set_name: str, folder: Path, slugs: set[str], args: argparse.Namespace) -> dict:
    icons, info = load_set(folder)
    package = folder / "package" if (folder / "package").is_dir() else folder
    version = json.loads((package / "package.json").read_text("utf-8"))["version"]
    drawings = icon_names(icons)
    own = set(icons["icons"])
    counts = {"icons": len(drawings), "skin_tone": 0, "not_drawings": 0, "held_out": 0, "little_colour": 0,
              "unreadable": 0, "written": 0}
    kept = []
    set_slugs = {n for s in slugs for n in names_in(set_name, s)}
    for name in sorted(drawings):
        if is_skin_tone(name, own):
            counts["skin_tone"] += 1
        elif name.startswith(NOT_DRAWINGS):
            counts["not_drawings"] += 1
        elif is_excluded(drawings[name], set_slugs):
            counts["held_out"] += 1
        else:
            kept.append(name)
    if args.limit:
        kept = sorted(random.Random(f"{args.seed}-{set_name}").sample(kept, min(args.limit, len(kept))))
    for name in tqdm(kept, desc=set_name, unit="pair"):
        svg = svg_of(icons, name)
        rendered = None if svg is None else pair(svg, args.size, args.margin)
        if rendered is None:
            counts["unreadable"] += 1
            continue
        sketch, picture = rendered
        if coloured_share(picture) < MIN_COLOURED:
            counts["little_colour"] += 1
            continue
        Image.fromarray(sketch, "L").save(args.out / "sketches" / f"{set_name}-{name}.png")
        Image.fromarray(picture, "RGB").save(args.out / "pictures" / f"{set_name}-{name}.png")
        counts["written"] += 1
    print(f"{set_name}: {counts['written']} pairs of {counts['icons']} drawings; left out "
          f"{counts['held_out']} named after held-out OpenMoji emoji, {counts['skin_tone']} skin tones, "
          f"{counts['not_drawings']} flags, keycaps, letters and digits, {counts['little_colour']} with "
          f"under {MIN_COLOURED:.0%} colour, {counts['unreadable']} unreadable")
    return {"name": info["name"], "version": version,
            "from": f"npm (npm pack @iconify-json/{set_name}@{version})",
            "license": info["license"], "author": info["author"], "counts": counts}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--iconify", type=Path, required=True, help="folder of unpacked @iconify-json/* sets")
    parser.add_argument("--openmoji", type=Path, required=True, help="the unpacked openmoji npm package")
    parser.add_argument("--out", type=Path, required=True, help="for sketches/, pictures/, SOURCE.json")
    parser.add_argument("--sets", default=DEFAULT_SETS,
                        help=f"comma-separated colour sets (default {DEFAULT_SETS})")
    parser.add_argument("--limit", type=int, default=0, help="at most this many icons a set, drawn at random")
    parser.add_argument("--seed", type=int, default=0, help="which icons --limit draws")
    parser.add_argument("--size", type=int, default=256, help="pixels a side (default 256)")
    parser.add_argument("--margin", type=float, default=0.05, help="paper around the drawing, of the side")
    parser.add_argument("--held-out-share", type=float, default=0.2,
                        help="OpenMoji's held-out share, as render_openmoji.py --split uses it (default 0.2)")
    args = parser.parse_args()
    chosen = [s for s in args.sets.split(",") if s]
    wrong = [s for s in chosen if SETS.get(s) != COLOUR_EDGES]
    if wrong:
        parser.error(f"not a colour emoji set: {', '.join(wrong)} (these are: "
                     f"{', '.join(s for s, kind in SETS.items() if kind == COLOUR_EDGES)})")
    folders = {}
    for set_name in chosen:
        found = (p for p in args.iconify.glob(f"iconify-json-{set_name}-[0-9]*") if p.is_dir())
        folders[set_name] = next(found, None)
        if folders[set_name] is None:
            parser.error(f"{args.iconify} has no unpacked @iconify-json/{set_name} "
                         f"(npm pack @iconify-json/{set_name}, unpacked as iconify-json-{set_name}-VERSION/)")
    for sub in ("sketches", "pictures"):
        (args.out / sub).mkdir(parents=True, exist_ok=True)
    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    slugs = held_out_slugs(args.openmoji, args.held_out_share)
    sets = {s: render_set(s, folder, slugs, args) for s, folder in folders.items()}
    source = {
        "sets": sets,
        "selection": {"skin_tone_variants": "dropped", "not_drawings": list(NOT_DRAWINGS),
                      "min_coloured_share": MIN_COLOURED, "limit": args.limit, "seed": args.seed,
                      "held_out": {"share": args.held_out_share, "openmoji": str(args.openmoji),
                                   "rule": "no icon named after a held-out OpenMoji emoji's annotation slug, "
                                           "or that slug and a dash (render_openmoji.is_held_out)",
                                   "slugs": len(slugs)}},
        "rendering": {"size": args.size, "margin": args.margin, "pictures": "the colour icon on white paper",
                      "sketches": "edges between its colours (render_icon_sets.COLOUR_EDGES), "
                                  f"{LINE_WIDTH * args.size:g} px wide, in the picture's frame"},
        "count": sum(s["counts"]["written"] for s in sets.values()),
    }
    (args.out / "SOURCE.json").write_text(json.dumps(source, indent=1, ensure_ascii=False) + "\n", "utf-8")
    print(f"{source['count']} pairs in {args.out}")
    return 0 if source["count"] else 1


if __name__ == "__main__":
    sys.exit(main())
