"""What the third to sixth hands' scripts share, apart from how they draw: round corners, the chance level and
the README's words for it, writing a set and its sheet."""

import argparse
import json
import math
import textwrap
from collections.abc import Callable
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw, ImageFont


def chaikin(points: np.ndarray, times: int, closed: bool) -> np.ndarray:
    """Corners cut `times` times: a child's round shapes from a few points."""
    for _ in range(times):
        if closed:
            nxt = np.roll(points, -1, axis=0)
            points = np.stack([0.75 * points + 0.25 * nxt, 0.25 * points + 0.75 * nxt], 1).reshape(-1, 2)
        else:
            a, b = points[:-1], points[1:]
            mid = np.stack([0.75 * a + 0.25 * b, 0.25 * a + 0.75 * b], 1).reshape(-1, 2)
            points = np.vstack([points[:1], mid, points[-1:]])
    return points


def most_accepted(families_of_classes) -> tuple[str, float, int]:
    """Given each class's accepted families: the family accepted for most classes, its share and its count
    of classes (the set's chance level)."""
    counts: dict[str, int] = {}
    for families in families_of_classes:
        for f in families:
            counts[f] = counts.get(f, 0) + 1
    best = max(counts, key=counts.get)
    return best, counts[best] / len(families_of_classes), counts[best]


def listed_classes(things: dict, names: list[str]) -> str:
    """The classes `names` with the families a person accepts for each (`things[name][0]`), as a README
    lists them."""
    return textwrap.fill(", ".join(f"{name} ({'/'.join(things[name][0])})" for name in names), 110)


def chance_words(things: dict, names: list[str]) -> str:
    """The chance level of the classes `names` (`things[name][0]` their accepted families), as a README says
    it."""
    family, share, count = most_accepted([things[name][0] for name in names])
    return f"{family}, accepted for {count} of {len(names)} classes: {share:.0%}"


def sheet(folder: Path, path: Path, names: list[str], per_class: int) -> None:
    """Every doodle of `names`, four classes across, each doodle's name beneath it."""
    cell, label, across = 128, 16, 4
    rows = math.ceil(len(names) / across)
    image = Image.new("L", (across * per_class * (cell + 4) + 4, rows * (cell + label + 4) + 4), 200)
    font = ImageFont.load_default(size=13)
    pen = ImageDraw.Draw(image)
    for i, name in enumerate(names):
        for n in range(1, per_class + 1):
            x = 4 + ((i % across) * per_class + n - 1) * (cell + 4)
            y = 4 + (i // across) * (cell + label + 4)
            with Image.open(folder / f"{name}_{n}.png") as doodle:
                image.paste(doodle.resize((cell, cell), Image.Resampling.LANCZOS), (x, y))
            pen.text((x + 2, y + cell + 1), f"{name} {n}", fill=0, font=font)
    # Sixteen greys look the same on a sheet and keep it half the size.
    image.quantize(16, dither=Image.Dither.NONE).save(path, optimize=True, bits=4)


def write_set(doc: str, out: Path, things: list[str], per_class: int, draw: Callable[[str, int], tuple],
              labels: Callable[[], list], readme: Callable[[], str]) -> None:
    """The command line of a hand's script: its doodles (`draw(name, n)[0]`), labels.json and README into
    --out, and a contact sheet with --sheet."""
    parser = argparse.ArgumentParser(description=doc.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=out, help="where the PNGs, labels.json, README go")
    parser.add_argument("--sheet", type=Path, help="also write a contact sheet of every doodle here")
    parser.add_argument("--only", default="", help="comma-separated classes to draw (all)")
    args = parser.parse_args()
    names = [n for n in args.only.split(",") if n] or list(things)
    args.out.mkdir(parents=True, exist_ok=True)
    for name in names:
        for n in range(1, per_class + 1):
            draw(name, n)[0].save(args.out / f"{name}_{n}.png", optimize=True)
    if not args.only:
        (args.out / "labels.json").write_text(json.dumps(labels(), indent=1) + "\n", "utf-8")
        (args.out / "README.md").write_text(readme(), "utf-8")
    if args.sheet:
        sheet(args.out, args.sheet, names, per_class)
