"""Pairs of simple line art and its colouring for the colourer: outline icons by human designers (tabler,
lucide, ph ...), each coloured with the colour the colour emoji OF THE SAME THING (matched by name) have.

    python scripts/colourer/render_outline_pairs.py --iconify ~/icanvas-work/iconify \\
        --openmoji ~/icanvas-work/openmoji/package [--out ~/icanvas-work/outline-pairs-256]

The colour emoji the colourer learnt from are detailed drawings; children draw simple outlines. An outline
icon of a thing (render_icon_sets.SETS: outline sets as they are, game-icons and mdi as the edges of their
ink) is drawn at --size, framed as render_emoji_pairs.py frames its emoji, as OUT/sketches/SET-NAME.png (L).
Its OUT/pictures/SET-NAME.png (RGB) paints the drawing's body (its largest region inside, as the app finds
regions) in the thing's main colour, and every other pixel in SENTINEL, a colour so far from the colourer's
palette that prepare_colourer_data.py learns nothing there: an icon says what colour its body is, not its
eyes' or its stripes'.

A thing's main colour: each colour emoji drawing of it (twemoji, fluent-emoji-flat, noto, emojione and
OpenMoji's training share) gives the colour covering most of it (OpenMoji's black lines left out:
colour_prior.main_colour; the others draw none, and their dark is the thing's: outline_matching);
the family more than half of them agree on gives the colour, and a thing they disagree on is left out (its
colour is the child's choice). Things are OpenMoji's emoji of THING_GROUPS; an icon matches one by its name
(outline_matching.py). Every icon matched to an emoji of OpenMoji's held-out share (render_emoji_pairs.
held_out_slugs, is_excluded) is left out: the colourer is measured on those. OUT/SOURCE.json records each
set's version, license, author and counts.
"""

import argparse
import json
import os
import sys
from pathlib import Path

import numpy as np
from PIL import Image
from tqdm import tqdm

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # no display needed: it draws into images only
ROOT = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(ROOT), str(ROOT / "scripts" / "recogniser"), str(ROOT / "scripts" / "themes"),
                str(ROOT / "scripts" / "colourer")]
from outline_matching import (
    SENTINEL,
    STYLES,
    THING_GROUPS,
    agreed_colour,
    body_picture,
    emoji_keys,
    main_opaque_colour,
    match,
    slug,
    thing_name,
)
from PySide6.QtCore import QByteArray, QRectF
from PySide6.QtGui import QGuiApplication
from PySide6.QtSvg import QSvgRenderer
from render_emoji_pairs import (
    MIN_EDGE_PIXELS,
    SUPERSAMPLE,
    frame,
    held_out_slugs,
    is_excluded,
    pen_lines,
)
from render_icon_sets import OUTLINE, SETS, line_ink, load_set, svg_of
from render_openmoji import is_held_out, usable_entries
from render_things import render_rgba
from scipy import ndimage

from icanvas_desktop.generation.colour_prior import main_colour

COLOUR_SETS = ("twemoji", "fluent-emoji-flat", "noto", "emojione")
OPENMOJI = "openmoji"
# The body must cover this share of the sheet: a thing drawn as a few strokes with no inside has no colour.
MIN_BODY = 0.02
# Emoji are drawn this large to find their main colour: their flat colours need few pixels.
EMOJI_PX = 96


def set_folder(iconify: Path, set_name: str) -> Path | None:
    return next((p for p in sorted(iconify.glob(f"iconify-json-{set_name}-[0-9]*")) if p.is_dir()), None)


def version_of(folder: Path) -> str:
    package = folder / "package" if (folder / "package").is_dir() else folder
    return json.loads((package / "package.json").read_text("utf-8"))["version"]


def render_svg(svg: str, size: int, view: QRectF | None = None) -> np.ndarray | None:
    renderer = QSvgRenderer(QByteArray(svg.encode("utf-8")))
    if not renderer.isValid():
        return None
    return render_rgba(renderer, size, renderer.viewBoxF() if view is None else view)


def emoji_colours(iconify: Path, openmoji: Path, wanted: set[str], held_share: float
                  ) -> tuple[dict[str, list[tuple[str, np.ndarray]]], dict]:
    """Each wanted emoji slug's main colours, one per artist's drawing: [(set, (3,) uint8)], and the colour
    sets' versions and licenses."""
    colours: dict[str, list[tuple[str, np.ndarray]]] = {}
    about = {}
    for set_name in COLOUR_SETS:
        folder = set_folder(iconify, set_name)
        if folder is None:
            raise SystemExit(f"{iconify} has no unpacked @iconify-json/{set_name} (npm pack @iconify-json/"
                             f"{set_name}, unpacked as iconify-json-{set_name}-VERSION/)")
        icons, info = load_set(folder)
        about[set_name] = {"version": version_of(folder), "license": info["license"],
                           "author": info["author"]}
        for s in tqdm(sorted(wanted), desc=f"colours of {set_name}", unit="emoji"):
            svg = svg_of(icons, s)
            rgba = None if svg is None else render_svg(svg, EMOJI_PX)
            main = None if rgba is None else main_opaque_colour(rgba)
            if main is not None:
                colours.setdefault(s, []).append((set_name, main))
    entries = [e for e in usable_entries(openmoji) if not is_held_out(e["hexcode"], held_share)
               and slug(e["annotation"]) in wanted]
    for entry in tqdm(entries, desc=f"colours of {OPENMOJI}", unit="emoji"):
        path = openmoji / "color" / "svg" / f"{entry['hexcode']}.svg"
        rgba = render_svg(path.read_text("utf-8"), EMOJI_PX) if path.exists() else None
        main = None if rgba is None else main_colour(rgba)
        if main is not None:
            colours.setdefault(slug(entry["annotation"]), []).append((OPENMOJI, main))
    about[OPENMOJI] = {"version": json.loads((openmoji / "package.json").read_text("utf-8"))["version"],
                       "license": {"title": "CC BY-SA 4.0", "spdx": "CC-BY-SA-4.0"},
                       "author": {"name": "OpenMoji", "url": "https://openmoji.org"},
                       "share": f"training share only (held-out share {held_share:g} left out)"}
    return colours, about


def sketch_of(svg: str, kind: str, size: int, margin: float) -> np.ndarray | None:
    """(size, size) uint8 black lines on white of an icon, framed to its drawing with `margin` of paper."""
    renderer = QSvgRenderer(QByteArray(svg.encode("utf-8")))
    if not renderer.isValid():
        return None
    view = frame(renderer, margin)
    if kind == OUTLINE:
        ink = line_ink(render_rgba(renderer, size, QRectF(view)), kind)
        return np.round(255 - np.clip(ink, 0, 255)).astype(np.uint8)
    edges = line_ink(render_rgba(renderer, size * SUPERSAMPLE, QRectF(view)), kind) > 0
    labels, count = ndimage.label(edges, np.ones((3, 3), bool))
    edges = (np.bincount(labels.ravel(), minlength=count + 1) >= MIN_EDGE_PIXELS)[labels] & edges
    return pen_lines(edges, size) if edges.any() else None


def matched_icons(icons: dict, set_name: str, keys: dict[str, list[str]]) -> dict[str, list[str]]:
    """Each icon of the set that draws an emoji's thing, by its own name (an alias's name is often another
    thing's: mdi's "bee" is also "fly"): the emoji slugs it matches."""
    found = {}
    for icon in sorted(icons["icons"]):
        thing = thing_name(set_name, icon)
        slugs = [] if thing is None else match(thing, keys)
        if slugs:
            found[icon] = slugs
    return found


def write_set(set_name: str, icons: dict, matches: dict[str, list[str]],
              colours: dict[str, list[tuple[str, np.ndarray]]], held: set[str], args: argparse.Namespace,
              written: dict[str, dict]) -> dict[str, int]:
    """Writes the pairs of one set's matched icons; records each pair's colour in `written`; its counts."""
    counts = {"icons": len(icons["icons"]), "matched": len(matches), "held_out": 0, "colour_free": 0,
              "unreadable": 0, "no_body": 0, "written": 0}
    for icon, slugs in tqdm(matches.items(), desc=set_name, unit="icon"):
        if is_excluded([*slugs, thing_name(set_name, icon) or icon], held):
            counts["held_out"] += 1
            continue
        drawn = [c for s in slugs for c in colours.get(s, [])]
        colour = agreed_colour([c for _, c in drawn])
        if colour is None:
            counts["colour_free"] += 1
            continue
        svg = svg_of(icons, icon)
        sketch = None if svg is None else sketch_of(svg, SETS[set_name], args.size, args.margin)
        if sketch is None:
            counts["unreadable"] += 1
            continue
        picture = body_picture(sketch.astype(np.float32) / 255.0, colour, SENTINEL, MIN_BODY)
        if picture is None:
            counts["no_body"] += 1
            continue
        Image.fromarray(sketch, "L").save(args.out / "sketches" / f"{set_name}-{icon}.png")
        Image.fromarray(picture, "RGB").save(args.out / "pictures" / f"{set_name}-{icon}.png")
        written[f"{set_name}-{icon}"] = {"emoji": slugs, "colour": "#" + bytes(colour.tolist()).hex(),
                                         "from": sorted({s for s, _ in drawn})}
        counts["written"] += 1
    print(f"{set_name}: {counts['written']} pairs of {counts['matched']} icons matched to emoji "
          f"({counts['held_out']} held out, {counts['colour_free']} whose artists disagree, "
          f"{counts['no_body']} with no body of {MIN_BODY:.0%}, {counts['unreadable']} unreadable)")
    return counts


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--iconify", type=Path, required=True, help="folder of unpacked @iconify-json/* sets")
    parser.add_argument("--openmoji", type=Path, required=True, help="the unpacked openmoji npm package")
    parser.add_argument("--out", type=Path, default=Path.home() / "icanvas-work" / "outline-pairs-256",
                        help="for sketches/, pictures/, SOURCE.json (default: ~/icanvas-work/"
                             "outline-pairs-256)")
    parser.add_argument("--sets", default=",".join(STYLES), help="comma-separated outline sets (default all)")
    parser.add_argument("--size", type=int, default=256, help="pixels a side (default 256)")
    parser.add_argument("--margin", type=float, default=0.05, help="paper around the drawing, of the side")
    parser.add_argument("--held-out-share", type=float, default=0.2,
                        help="OpenMoji's held-out share, as render_openmoji.py --split uses it (default 0.2)")
    args = parser.parse_args()
    chosen = [s for s in args.sets.split(",") if s]
    unknown = [s for s in chosen if s not in STYLES]
    if unknown:
        parser.error(f"not an outline set here: {', '.join(unknown)} (these are: {', '.join(STYLES)})")
    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    things = {slug(e["annotation"]) for e in usable_entries(args.openmoji) if e["group"] in THING_GROUPS}
    keys = emoji_keys(things)
    held = held_out_slugs(args.openmoji, args.held_out_share)
    sets, matches = {}, {}
    for set_name in chosen:
        folder = set_folder(args.iconify, set_name)
        if folder is None:
            parser.error(f"{args.iconify} has no unpacked @iconify-json/{set_name}")
        icons, info = load_set(folder)
        sets[set_name] = (folder, icons, info)
        matches[set_name] = matched_icons(icons, set_name, keys)
    wanted = {s for found in matches.values() for slugs in found.values() for s in slugs}
    colours, colour_sets = emoji_colours(args.iconify, args.openmoji, wanted, args.held_out_share)
    for sub in ("sketches", "pictures"):
        (args.out / sub).mkdir(parents=True, exist_ok=True)
        # A pair an earlier run wrote and this one would not (a match since corrected) must not stay.
        for stale in sorted((args.out / sub).glob("*.png")):
            stale.unlink()
    about, chosen_colours = {}, {}
    for set_name, (folder, icons, info) in sets.items():
        counts = write_set(set_name, icons, matches[set_name], colours, held, args, chosen_colours)
        about[set_name] = {"name": info["name"], "version": version_of(folder),
                           "from": f"npm (npm pack @iconify-json/{set_name}@{version_of(folder)})",
                           "license": info["license"], "author": info["author"], "kind": SETS[set_name],
                           "counts": counts}
    source = {
        "sets": about,
        "colours_from": colour_sets,
        "selection": {"things": f"OpenMoji emoji of the groups {', '.join(THING_GROUPS)}, by name "
                                "(scripts/colourer/outline_matching.py)",
                      "held_out": {"share": args.held_out_share, "slugs": len(held),
                                   "rule": "no icon matched to a held-out OpenMoji emoji's slug, or that "
                                           "slug and a dash (render_emoji_pairs.is_excluded)"},
                      "min_body": MIN_BODY},
        "rendering": {"size": args.size, "margin": args.margin,
                      "pictures": f"the body (largest region inside) in the thing's colour, the rest "
                                  f"#{bytes(SENTINEL).hex()} (teaches nothing)"},
        "pairs": chosen_colours,
        "count": len(chosen_colours),
    }
    (args.out / "SOURCE.json").write_text(json.dumps(source, indent=1, ensure_ascii=False) + "\n", "utf-8")
    print(f"{source['count']} pairs in {args.out}")
    return 0 if source["count"] else 1


if __name__ == "__main__":
    sys.exit(main())
