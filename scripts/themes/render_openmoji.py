"""Render OpenMoji's line art and its colouring to matching PNG pairs, for `icanvas-train prepare --pairs`.

    python scripts/themes/render_openmoji.py --openmoji openmoji/package --list-groups
    python scripts/themes/render_openmoji.py --openmoji openmoji/package --out pairs \\
        [--groups animals-nature,food-drink] [--subgroups sky-weather] [--codes 1F52D,E20B] \\
        [--exclude flags,alphanum,1F3B0] [--size 256] [--split held-out|training [--held-out-share 0.2]]

writes OUT/sketches/HEXCODE.png (from black/svg), OUT/pictures/HEXCODE.png (from color/svg), OUT/SOURCE.json;
with --by-group, OUT/sketches/GROUP/HEXCODE.png and OUT/pictures/GROUP/HEXCODE.png. --split keeps only the
held-out (or only the training) share of the selection, held out by base emoji (base_emoji): no variant of a
held-out emoji (a man, a woman, a person cooking) is ever in the training share.
OpenMoji (`npm pack openmoji@17.0.0`, https://openmoji.org) is licensed CC BY-SA 4.0.
"""

import argparse
import hashlib
import json
import os
import re
import sys
from collections import Counter
from pathlib import Path

import numpy as np
from tqdm import tqdm

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # no display needed: it draws into images only
from PySide6.QtCore import QByteArray, QRectF
from PySide6.QtGui import QColor, QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ATTRIBUTION = ("All emojis designed by OpenMoji – the open-source emoji and icon project. "
               "License: CC BY-SA 4.0")
SKIN_TONES = {f"1F3F{d}" for d in "BCDEF"}
# Code points that make a variant of the same emoji: joiners and presentation selectors, gender signs, the
# person/man/woman/boy/girl of a person doing something, a facing direction.
VARIANT_PARTS = {"200D", "FE0F", "2640", "2642", "1F9D1", "1F468", "1F469", "1F466", "1F467", "27A1"}
PROBE_PX = 144  # enough to find the drawing's extent to a fraction of a line's width


def usable_entries(package: Path) -> list[dict]:
    """openmoji.json's entries, less the skin-tone variants (the same drawing recoloured)."""
    entries = json.loads((package / "data" / "openmoji.json").read_text("utf-8"))
    return [e for e in entries if not e.get("skintone") and not SKIN_TONES & set(e["hexcode"].split("-"))]


def base_emoji(hexcode: str) -> str:
    """What every variant of an emoji shares: its code points less those that only make a variant ("cook"
    for man cook, woman cook and person cooking)."""
    parts = [p for p in hexcode.split("-") if p not in SKIN_TONES]
    kept = [p for p in parts if p not in VARIANT_PARTS]
    return "-".join(sorted(kept or [p for p in parts if p not in {"200D", "FE0F"}]))


def is_held_out(hexcode: str, share: float) -> bool:
    """Whether the emoji's base is in the held-out `share`: the same answer for every variant, every run."""
    digest = hashlib.sha256(base_emoji(hexcode).encode()).digest()
    return int.from_bytes(digest[:4], "big") / 2**32 < share


def names_of(entry: dict) -> set[str]:
    # Subgroup names repeat across groups (extras-openmoji has a "flags"): GROUP/SUBGROUP tells them apart.
    return {entry["group"], entry["subgroups"], f"{entry['group']}/{entry['subgroups']}"}


def select(entries: list[dict], groups: set[str], subgroups: set[str], exclude: set[str],
           codes: set[str] = frozenset()) -> list[dict]:
    """The entries of `groups`, `subgroups` and the single emoji `codes` (all when none is given), less those
    whose group, subgroup or hexcode is in `exclude`."""
    chosen = [e for e in entries if (not groups and not subgroups and not codes) or e["group"] in groups
              or names_of(e) - {e["group"]} & subgroups or e["hexcode"] in codes]
    return [e for e in chosen if not (names_of(e) | {e["hexcode"]}) & exclude]


def load_svg(path: Path, stroke_scale: float) -> QSvgRenderer | None:
    text = path.read_text("utf-8")
    if stroke_scale != 1:
        text = re.sub(r'stroke-width="([\d.]+)"', lambda m: f'stroke-width="{float(m[1]) * stroke_scale:g}"',
                      text)
    renderer = QSvgRenderer(QByteArray(text.encode("utf-8")))
    return renderer if renderer.isValid() else None


def render(renderer: QSvgRenderer, size: int, view: QRectF | None = None) -> np.ndarray:
    """RGB pixels of the drawing on white paper (OpenMoji's SVGs are transparent around the drawing)."""
    if view is not None:
        renderer.setViewBox(view)
    image = QImage(size, size, QImage.Format.Format_RGB888)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter, QRectF(0, 0, size, size))
    painter.end()
    rows = np.frombuffer(image.constBits(), np.uint8).reshape(size, image.bytesPerLine())  # rows are padded
    return rows[:, : 3 * size].reshape(size, size, 3).copy()


def framing(renderers: list[QSvgRenderer], margin: float) -> QRectF:
    """One square around both drawings with `margin` of its side free on each side: the pair stays aligned and
    the drawing fills the paper, as a child's does."""
    ink = np.zeros((PROBE_PX, PROBE_PX), bool)
    for renderer in renderers:
        ink |= render(renderer, PROBE_PX).min(axis=2) < 250
    return square_around(renderers[0].viewBoxF(), ink, margin)


def square_around(box: QRectF, ink: np.ndarray, margin: float) -> QRectF:
    """The square of the view `box` around where `ink` ((N, N) bool, the view drawn at N px) is True, with
    `margin` of its side free on each side; `box` itself when there is no ink."""
    ys, xs = np.nonzero(ink)
    if len(ys) == 0:
        return box
    sx, sy = box.width() / ink.shape[1], box.height() / ink.shape[0]
    left, right = box.x() + xs.min() * sx, box.x() + (xs.max() + 1) * sx
    top, bottom = box.y() + ys.min() * sy, box.y() + (ys.max() + 1) * sy
    side = max(right - left, bottom - top) / (1 - 2 * margin)
    return QRectF((left + right - side) / 2, (top + bottom - side) / 2, side, side)


def save_png(pixels: np.ndarray, path: Path) -> None:
    h, w = pixels.shape[:2]
    image = QImage(np.ascontiguousarray(pixels).data, w, h, 3 * w, QImage.Format.Format_RGB888)
    if not image.save(str(path), "PNG"):
        raise OSError(f"could not write {path}")


def list_groups(entries: list[dict]) -> None:
    groups = Counter(e["group"] for e in entries)
    subgroups = Counter((e["group"], e["subgroups"]) for e in entries)
    for group, count in sorted(groups.items()):
        print(f"{group} ({count})")
        for (g, sub), n in sorted(subgroups.items()):
            if g == group:
                print(f"    {sub} ({n})")


def render_pairs(chosen: list[dict], args: argparse.Namespace) -> tuple[list[str], list[str], list[str]]:
    """Each chosen emoji's line art and colouring, framed alike: (written, without both SVGs, failed)."""
    for folder in ("sketches", "pictures"):
        (args.out / folder).mkdir(parents=True, exist_ok=True)
    written, missing, failed = [], [], []
    for entry in tqdm(chosen, desc="render", unit="pair"):
        code = entry["hexcode"]
        svgs = [args.openmoji / kind / "svg" / f"{code}.svg" for kind in ("black", "color")]
        if not all(p.exists() for p in svgs):
            missing.append(code)
            continue
        try:
            renderers = [load_svg(p, args.stroke_scale) for p in svgs]
            if None in renderers:
                raise ValueError(f"QtSvg cannot read {svgs[renderers.index(None)]}")
            view = framing(renderers, args.margin)
            name = f"{entry['group']}/{code}.png" if args.by_group else f"{code}.png"
            for folder, renderer in zip(("sketches", "pictures"), renderers):
                (args.out / folder / name).parent.mkdir(parents=True, exist_ok=True)
                save_png(render(renderer, args.size, view), args.out / folder / name)
        except (OSError, ValueError, UnicodeDecodeError) as e:
            tqdm.write(f"skipped {code}: {e}", file=sys.stderr)
            failed.append(code)
            continue
        written.append(code)
    return written, missing, failed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--openmoji", type=Path, required=True, help="the unpacked npm package")
    parser.add_argument("--out", type=Path, help="folder for sketches/, pictures/ and SOURCE.json")
    parser.add_argument("--groups", default="", help="comma-separated openmoji.json groups (default: all)")
    parser.add_argument("--subgroups", default="",
                        help="comma-separated subgroups (or GROUP/SUBGROUP), besides --groups")
    parser.add_argument("--codes", default="",
                        help="comma-separated hexcodes of single emoji to add, e.g. 1F52D (telescope)")
    parser.add_argument("--exclude", default="",
                        help="comma-separated groups, subgroups, GROUP/SUBGROUP or hexcodes to leave out")
    parser.add_argument("--size", type=int, default=256, help="pixels a side (default 256)")
    parser.add_argument("--margin", type=float, default=0.05, help="paper around the drawing, of the side")
    parser.add_argument("--stroke-scale", type=float, default=1.0,
                        help="multiply the SVGs' line widths (both versions alike), e.g. 0.6 for a finer pen")
    parser.add_argument("--list-groups", action="store_true", help="print groups and subgroups with counts")
    parser.add_argument("--split", choices=("held-out", "training"),
                        help="only the held-out (or the training) share, held out by base emoji")
    parser.add_argument("--held-out-share", type=float, default=0.2,
                        help="share of base emoji held out with --split (default 0.2)")
    parser.add_argument("--by-group", action="store_true",
                        help="write each pair into a subfolder named after its group "
                             "(for train --balance-folders)")
    args = parser.parse_args()

    entries = usable_entries(args.openmoji)
    if args.list_groups:
        list_groups(entries)
        return 0
    if args.out is None:
        parser.error("--out is needed (or --list-groups)")
    names = {k: {n for n in getattr(args, k).split(",") if n}
             for k in ("groups", "subgroups", "codes", "exclude")}
    known = set().union(*map(names_of, entries))
    codes = {e["hexcode"] for e in entries}
    unknown = (names["groups"] | names["subgroups"]) - known
    unknown |= names["codes"] - codes
    unknown |= names["exclude"] - known - codes
    if unknown:
        parser.error(f"no such group, subgroup or usable hexcode: {', '.join(sorted(unknown))} "
                     "(see --list-groups and data/openmoji.json)")
    chosen = select(entries, names["groups"], names["subgroups"], names["exclude"], names["codes"])
    if args.split:
        chosen = [e for e in chosen
                  if is_held_out(e["hexcode"], args.held_out_share) == (args.split == "held-out")]

    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # QtSvg's <text> needs fonts: an app
    written, missing, failed = render_pairs(chosen, args)

    version = json.loads((args.openmoji / "package.json").read_text("utf-8"))["version"]
    source = {
        "source": {"name": "OpenMoji", "version": version,
                   "from": f"npm (npm pack openmoji@{version})", "url": "https://openmoji.org"},
        "license": "CC BY-SA 4.0",
        "license_url": "https://creativecommons.org/licenses/by-sa/4.0/",
        "attribution": ATTRIBUTION,
        "selection": {"groups": sorted(names["groups"])
                      or ("all" if not names["subgroups"] and not names["codes"] else []),
                      "subgroups": sorted(names["subgroups"]), "codes": sorted(names["codes"]),
                      "exclude": sorted(names["exclude"]), "skin_tone_variants": "dropped",
                      "split": args.split and {"part": args.split, "held_out_share": args.held_out_share,
                                               "by": "base emoji (render_openmoji.base_emoji)"}},
        "rendering": {"size": args.size, "margin": args.margin, "stroke_scale": args.stroke_scale,
                      "by_group": args.by_group,
                      "sketches": "black/svg", "pictures": "color/svg", "paper": "white"},
        "count": len(written),
        "missing_svg": missing,
        "failed": failed,
    }
    (args.out / "SOURCE.json").write_text(json.dumps(source, indent=1, ensure_ascii=False) + "\n", "utf-8")
    print(f"{len(written)} pairs in {args.out}; {len(missing)} without both SVGs, {len(failed)} failed")
    return 0 if written else 1


if __name__ == "__main__":
    sys.exit(main())
