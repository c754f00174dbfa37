"""Scenes: two or three labelled doodles on one sheet, as a child draws the sun beside a tree.

    python scripts/doodles/make_scenes.py [--out tests/data/scenes] [--per-part 60] [--per-ground-part 50]
        [--per-touching-part 40] [--per-three-part 30]

Every labelled set so far holds one thing a sheet, and a child's drawing often holds several. Each scene
takes doodles of the labelled hands (tests/data/doodles*), each cropped to its ink, shrunk to a third to a
half of the sheet with its lines thickened first (a child drawing smaller keeps the same pen), and set apart
from the others at random (seeded: rerunning writes the same files). Two parts: scenes of the first two sets
(`doodles`, `doodles_second`), on which the scene colouring was worked out, and scenes of the third to
seventh hands, measured only once it was (and again after its rule changed: docs/themes/colour-sense.md,
round 9). Then the same two parts again with the things standing on a
ground line drawn across the sheet (a wobbly line, as a child draws the grass), one of them now and then up in
the sky instead. Last, the same two parts with two things side by side **touching** (a cat beside its ball,
a sun against a cloud): the second slid towards the first until their lines meet, and a pen's width or two
on; and, as a child draws a cat with its ball beside the sun, two touching things with a third apart.
labels.json lists each scene's file, its part and its things: the class, the colour families
a person accepts (as in the doodle's own set), the doodle it came from and its box on the sheet. No thing
appears twice in one scene.
"""

import argparse
import json
import random
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw, ImageFilter

DATA = Path(__file__).resolve().parents[2] / "tests" / "data"
PARTS = {"first": ("doodles", "doodles_second"),
         "other hands": ("doodles_third", "doodles_fourth", "doodles_fifth", "doodles_sixth",
                         "doodles_seventh")}
SIDE = 256
# Each thing's longer side, as a share of the sheet, and the paper left between two things' boxes.
SMALLEST, LARGEST = 0.3, 0.5
APART = 10
INK = 160
# The ground line: its height on the sheet, how far it wobbles, its pen's width; how often a thing is up in
# the sky instead of on the ground.
GROUND_LOW, GROUND_HIGH = 0.72, 0.9
WOBBLE = (2.0, 6.0)
GROUND_PEN = 3
SKY_CHANCE = 0.5
# Touching things: after their lines meet, the second goes on towards the first by this many px more.
PRESS = (0, 3)


def _grey(path: Path) -> Image.Image:
    with Image.open(path) as image:
        return image.convert("L")


def ink_box(image: Image.Image) -> tuple[int, int, int, int]:
    return Image.eval(image, lambda v: 255 if v < INK else 0).getbbox()


def shrunk(image: Image.Image, side: int) -> Image.Image:
    """The doodle cropped to its ink with its longer side `side` px, its lines as wide as before."""
    crop = image.crop(ink_box(image))
    scale = side / max(crop.size)
    if scale < 0.75:
        crop = crop.filter(ImageFilter.MinFilter(3 if scale >= 0.45 else 5))
    size = (max(1, round(crop.width * scale)), max(1, round(crop.height * scale)))
    return crop.resize(size, Image.Resampling.LANCZOS)


def placed(rng: random.Random, sizes: list[tuple[int, int]]) -> list[tuple[int, int]] | None:
    """Top-left corners for boxes of `sizes` on the sheet, each APART from the others; None when they do
    not fit after many tries."""
    for _ in range(400):
        corners = [(rng.randint(4, SIDE - 4 - w), rng.randint(4, SIDE - 4 - h)) for w, h in sizes]
        boxes = [(x, y, x + w, y + h) for (x, y), (w, h) in zip(corners, sizes)]
        if all(a[2] + APART <= b[0] or b[2] + APART <= a[0] or a[3] + APART <= b[1] or b[3] + APART <= a[1]
               for i, a in enumerate(boxes) for b in boxes[i + 1:]):
            return corners
    return None


def ground_line(rng: random.Random) -> np.ndarray:
    """The ground's height (px) at each column of the sheet: a gentle wave, a little shaky."""
    base = SIDE * rng.uniform(GROUND_LOW, GROUND_HIGH)
    amplitude, period, phase = rng.uniform(*WOBBLE), rng.uniform(120, 260), rng.uniform(0, 2 * np.pi)
    x = np.arange(SIDE)
    shake = np.interp(x, np.arange(0, SIDE + 8, 8), [rng.uniform(-0.8, 0.8) for _ in range(0, SIDE + 8, 8)])
    return base + amplitude * np.sin(2 * np.pi * x / period + phase) + shake


def on_the_ground(rng: random.Random, things: list[Image.Image], ground: np.ndarray, sky: bool
                  ) -> list[tuple[int, int]] | None:
    """Top-left corners: each thing standing on the ground (its lowest line on the ground line), side by
    side APART from each other; the first one up in the sky, clear of the others, when `sky`."""
    standing = things[1:] if sky else things
    for _ in range(400):
        widths = [t.width for t in standing]
        room = SIDE - 8 - sum(widths) - APART * (len(widths) - 1)
        if room < 0:
            return None
        gaps = sorted(rng.uniform(0, room) for _ in widths)
        corners, x = [], 4.0
        for thing, gap, previous in zip(standing, gaps, [0.0, *gaps[:-1]]):
            x += gap - previous
            left = round(x)
            bottom = round(ground[min(left + thing.width // 2, SIDE - 1)]) + 1
            corners.append((left, bottom - thing.height))
            x += thing.width + APART
        if any(y < 4 for _, y in corners):
            return None
        if not sky:
            return corners
        thing = things[0]
        x, y = rng.randint(4, SIDE - 4 - thing.width), rng.randint(4, SIDE // 3)
        box = (x, y, x + thing.width, y + thing.height)
        lowest_ground = float(ground[box[0] : box[2]].min())
        if box[3] + APART <= lowest_ground and all(
                box[2] + APART <= cx or cx + t.width + APART <= box[0] or box[3] + APART <= cy
                or cy + t.height + APART <= box[1] for t, (cx, cy) in zip(standing, corners)):
            return [(x, y), *corners]
    return None


def touching(rng: random.Random, things: list[Image.Image]) -> list[tuple[int, int]] | None:
    """Top-left corners for two things side by side (or one above the other) whose lines just meet: the
    second slid towards the first from well apart until some ink of the two is within a pixel, then PRESS
    px on."""
    first, second = (np.asarray(t) < INK for t in things)
    across = rng.random() < 0.6
    w1, h1 = things[0].size
    w2, h2 = things[1].size
    if (w1 + w2 if across else h1 + h2) > SIDE - 8:
        return None
    # Where the second sits beside the first, sideways (across) or up and down, at random.
    if across:
        shift = rng.randint(-h2 // 3, max(-h2 // 3, h1 - 2 * h2 // 3))
    else:
        shift = rng.randint(-w2 // 3, max(-w2 // 3, w1 - 2 * w2 // 3))
    grown = np.asarray(Image.fromarray(first).filter(ImageFilter.MaxFilter(3)))
    for gap in range(APART + 4, -(w2 if across else h2) // 2, -1):
        x2, y2 = (w1 + gap, shift) if across else (shift, h1 + gap)
        if _meet(grown, second, x2, y2):
            gap -= rng.randint(*PRESS)
            x2, y2 = (w1 + gap, shift) if across else (shift, h1 + gap)
            break
    else:
        return None
    left, top = min(0, x2), min(0, y2)
    right, bottom = max(w1, x2 + w2), max(h1, y2 + h2)
    if right - left > SIDE - 8 or bottom - top > SIDE - 8:
        return None
    x0 = rng.randint(4, SIDE - 4 - (right - left)) - left
    y0 = rng.randint(4, SIDE - 4 - (bottom - top)) - top
    return [(x0, y0), (x0 + x2, y0 + y2)]


def beside_a_pair(rng: random.Random, things: list[Image.Image]) -> list[tuple[int, int]] | None:
    """Top-left corners for three things: the first two touching (`touching`), the third APART from both."""
    pair = touching(rng, things[:2])
    if pair is None:
        return None
    boxes = [(x, y, x + t.width, y + t.height) for t, (x, y) in zip(things, pair)]
    left, top = min(b[0] for b in boxes), min(b[1] for b in boxes)
    right, bottom = max(b[2] for b in boxes), max(b[3] for b in boxes)
    width, height = things[2].size
    for _ in range(400):
        x, y = rng.randint(4, SIDE - 4 - width), rng.randint(4, SIDE - 4 - height)
        if (x + width + APART <= left or right + APART <= x or y + height + APART <= top
                or bottom + APART <= y):
            return [*pair, (x, y)]
    return None


def _meet(first: np.ndarray, second: np.ndarray, x: int, y: int) -> bool:
    """Whether `second`'s ink placed at (x, y) in `first`'s frame lies on `first`'s (grown) ink."""
    h1, w1 = first.shape
    h2, w2 = second.shape
    top, left, bottom, right = max(0, y), max(0, x), min(h1, y + h2), min(w1, x + w2)
    if top >= bottom or left >= right:
        return False
    return bool((first[top:bottom, left:right] & second[top - y : bottom - y, left - x : right - x]).any())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", type=Path, default=DATA / "scenes")
    parser.add_argument("--per-part", type=int, default=60)
    parser.add_argument("--per-ground-part", type=int, default=50)
    parser.add_argument("--per-touching-part", type=int, default=40)
    parser.add_argument("--per-three-part", type=int, default=30)
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    labels = []
    parts = [(part, hands, False, args.per_part) for part, hands in PARTS.items()]
    parts += [(f"{part}, on the ground", hands, True, args.per_ground_part) for part, hands in PARTS.items()]
    parts += [(f"{part}, touching", hands, False, args.per_touching_part) for part, hands in PARTS.items()]
    parts += [(f"{part}, two touching of three", hands, False, args.per_three_part)
              for part, hands in PARTS.items()]
    for part, hands, grounded, wanted in parts:
        touch, three = part.endswith(", touching"), part.endswith("of three")
        rng = random.Random(f"scenes {part}")
        pool = [(hand, entry) for hand in hands
                for entry in json.loads((DATA / hand / "labels.json").read_text("utf-8"))]
        made = 0
        while made < wanted:
            count = 2 if touch else 3 if three or rng.random() >= 0.6 else 2
            chosen = []
            while len(chosen) < count:
                hand, entry = rng.choice(pool)
                if entry["class"] not in {e["class"] for _, e in chosen}:
                    chosen.append((hand, entry))
            largest = LARGEST if count == 2 else LARGEST - 0.08
            things = [shrunk(_grey(DATA / hand / entry["file"]), round(SIDE * rng.uniform(SMALLEST, largest)))
                      for hand, entry in chosen]
            ground = ground_line(rng) if grounded else None
            corners = (on_the_ground(rng, things, ground, rng.random() < SKY_CHANCE) if grounded
                       else touching(rng, things) if touch else beside_a_pair(rng, things) if three
                       else placed(rng, [t.size for t in things]))
            if corners is None:
                continue
            sheet = Image.new("L", (SIDE, SIDE), 255)
            if grounded:
                ImageDraw.Draw(sheet).line([(x, float(y)) for x, y in enumerate(ground)][3:-3], fill=0,
                                           width=GROUND_PEN)
            sheet = np.array(sheet)
            for thing, (x, y) in zip(things, corners):
                window = sheet[y : y + thing.height, x : x + thing.width]
                np.minimum(window, np.asarray(thing), out=window)
            made += 1
            name = f"{'first' if part.startswith('first') else 'other'}_{made:03d}.png"
            kind = "ground_" if grounded else "touching_" if touch else "three_" if three else ""
            name = f"{kind}{name}"
            Image.fromarray(sheet, "L").save(args.out / name, optimize=True)
            labels.append({"file": name, "part": part, "things": [
                {"class": entry["class"], "families": entry["families"], "doodle": f"{hand}/{entry['file']}",
                 "box": [x, y, x + thing.width, y + thing.height]}
                for (hand, entry), thing, (x, y) in zip(chosen, things, corners)]})
    (args.out / "labels.json").write_text(json.dumps(labels, indent=1, ensure_ascii=False) + "\n", "utf-8")
    print(f"{len(labels)} scenes, {sum(len(s['things']) for s in labels)} things in {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
