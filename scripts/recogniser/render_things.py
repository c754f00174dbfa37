"""Render the recogniser's OpenMoji line art and colour templates (CC BY-SA 4.0), once, before training.

    python scripts/recogniser/render_things.py --openmoji ~/icanvas-work/openmoji/package \\
        --out ~/icanvas-work/recogniser/base

writes OUT/lines/CLASS/HEXCODE_sSCALE.png (greyscale line art at several pen widths, framed to the drawing),
OUT/templates/CLASS.png (RGBA: the artist's colouring of the class's first hexcode, transparent around it,
framed as its line art is, its light green made green: `greener`) and OUT/SOURCE.json. The "other" class
takes emoji of everyday things that are none of the classes (trainer/recognition/classes.py), and people
(persons, hands and body parts), both of the colourer's training share only.
"""

import argparse
import json
import random
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "themes"))
from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QGuiApplication, QImage, QPainter
from render_openmoji import ATTRIBUTION, framing, is_held_out, load_svg, render, save_png, usable_entries

from icanvas_desktop.trainer.recognition.classes import (
    OTHER,
    OTHER_GROUPS,
    PEOPLE_GROUP,
    THINGS,
    is_near_a_thing,
)

# OpenMoji's light green (#B1CC33, the crown of its trees, its cacti, frogs and leaves) is a lime: children
# call a thing that colour yellow-green at best, and the colour families (generation/colour_families.py) put
# it on the yellow side. The templates take OpenMoji's own green (#5C9E31) for it, shades kept: a tree the
# recogniser knows comes out green, not lime.
LIGHT_GREEN, GREEN = np.array([177, 204, 51]), np.array([92, 158, 49])
# Template pixels this close (each channel) to the light green are it, anti-aliased edges included.
NEAR_LEVELS = 12
# OpenMoji's pen is 2 units of its 72; a child's pen is anything from a fine liner to a fat marker.
STROKE_SCALES = (0.6, 1.0, 1.8)
TEMPLATE_PX = 64


def render_rgba(renderer, size: int, view: QRectF) -> np.ndarray:
    renderer.setViewBox(view)
    image = QImage(size, size, QImage.Format.Format_RGBA8888)
    image.fill(QColor(0, 0, 0, 0))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter, QRectF(0, 0, size, size))
    painter.end()
    rows = np.frombuffer(image.constBits(), np.uint8).reshape(size, image.bytesPerLine())
    return rows[:, : 4 * size].reshape(size, size, 4).copy()


def save_rgba(pixels: np.ndarray, path: Path) -> None:
    image = QImage(np.ascontiguousarray(pixels).data, pixels.shape[1], pixels.shape[0], 4 * pixels.shape[1],
                   QImage.Format.Format_RGBA8888)
    if not image.save(str(path), "PNG"):
        raise OSError(f"could not write {path}")


def greener(rgba: np.ndarray) -> np.ndarray:
    """A template (H, W, 4) uint8 with OpenMoji's light green turned into its green, everything else kept."""
    out = rgba.copy()
    distance = np.abs(out[..., :3].astype(np.int16) - LIGHT_GREEN).max(axis=-1)
    near = (distance <= NEAR_LEVELS) & (out[..., 3] > 0)
    out[near, :3] = np.clip(out[near, :3].astype(np.int16) - LIGHT_GREEN + GREEN, 0, 255).astype(np.uint8)
    return out


def render_lines(package: Path, code: str, out: Path, size: int, scales=STROKE_SCALES) -> None:
    out.mkdir(parents=True, exist_ok=True)
    for scale in scales:
        renderer = load_svg(package / "black" / "svg" / f"{code}.svg", scale)
        if renderer is None:
            raise ValueError(f"QtSvg cannot read {code}")
        view = framing([renderer], 0.04)
        grey = render(renderer, size, view).min(axis=2)
        save_png(np.repeat(grey[..., None], 3, axis=2), out / f"{code}_s{scale:g}.png")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--openmoji", type=Path, required=True)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--size", type=int, default=128)
    parser.add_argument("--others", type=int, default=500, help="how many other emoji for the 'other' class")
    parser.add_argument("--held-out-share", type=float, default=0.2,
                        help="the colourer's held-out share (render_openmoji.py): none of it is 'other'")
    args = parser.parse_args()
    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    entries = usable_entries(args.openmoji)
    known = {e["hexcode"] for e in entries}
    (args.out / "templates").mkdir(parents=True, exist_ok=True)
    for thing in THINGS:
        missing = [c for c in thing.hexcodes if c not in known]
        if missing:
            parser.error(f"{thing.id}: OpenMoji {args.openmoji} has no {missing}")
        for code in thing.hexcodes:
            render_lines(args.openmoji, code, args.out / "lines" / thing.id, args.size)
        code = thing.hexcodes[0]
        lines, colour = (load_svg(args.openmoji / kind / "svg" / f"{code}.svg", 1.0)
                         for kind in ("black", "color"))
        view = framing([lines, colour], 0.0)
        save_rgba(greener(render_rgba(colour, TEMPLATE_PX, view)), args.out / "templates" / f"{thing.id}.png")
    taken = {c for t in THINGS for c in t.hexcodes}
    # Of the colourer's training share only: its held-out emoji are the held-out artist pairs that measure
    # colour sense, and a recogniser that learned them as "other" makes that figure optimistic.
    others = [e["hexcode"] for e in entries if e["group"] in OTHER_GROUPS and is_other(e, taken)
              and not is_held_out(e["hexcode"], args.held_out_share)]
    others = sorted(random.Random(0).sample(others, min(args.others, len(others))))
    people = people_of(entries, taken, args.held_out_share)
    for code in others + people:
        render_lines(args.openmoji, code, args.out / "lines" / OTHER, args.size, scales=(1.0,))
    version = json.loads((args.openmoji / "package.json").read_text("utf-8"))["version"]
    source = {"source": {"name": "OpenMoji", "version": version, "url": "https://openmoji.org"},
              "license": "CC BY-SA 4.0", "attribution": ATTRIBUTION,
              "things": {t.id: list(t.hexcodes) for t in THINGS}, OTHER: others, "people": people,
              "rendering": {"size": args.size, "stroke_scales": list(STROKE_SCALES),
                            "template_px": TEMPLATE_PX}}
    (args.out / "SOURCE.json").write_text(json.dumps(source, indent=1, ensure_ascii=False) + "\n", "utf-8")
    print(f"{len(THINGS)} things, {len(others)} others and {len(people)} people in {args.out}")
    return 0


def people_of(entries: list[dict], taken: set[str], held_out_share: float) -> list[str]:
    """The hexcodes of every person, hand and body part (no variants) outside the colourer's held-out share:
    a child draws people too, and a recogniser that never saw one takes a person for a dog or a snake."""
    return sorted(e["hexcode"] for e in entries if e["group"] == PEOPLE_GROUP and is_other(e, taken)
                  and not is_held_out(e["hexcode"], held_out_share))


def is_other(entry: dict, taken: set[str]) -> bool:
    """Whether an emoji may stand for "other": none of the things' drawings (`taken`), no variant of another
    emoji, and not near a thing by name."""
    return (entry["hexcode"] not in taken and "-" not in entry["hexcode"]
            and not is_near_a_thing(entry["annotation"]))


if __name__ == "__main__":
    sys.exit(main())
