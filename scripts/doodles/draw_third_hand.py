"""The third hand's labelled doodles: things the sketch recogniser does not know, drawn as a 4 to 7 year old
draws them with a felt-tip marker (or a finger on a tablet), to judge on drawings nobody tuned on whether a
theme's colours fit what was drawn.

    python scripts/doodles/draw_third_hand.py [--out tests/data/doodles_third] [--sheet PATH] [--only A,B]

Each thing is a few parametric shapes written here (no picture, emoji, icon or edge extractor), placed
anywhere on the page at 40 to 95 % of its side, stretched and tilted a little, and drawn as jittery
polylines of one even width per doodle (3 to 7 px): corners wobble, open strokes run slightly past their ends,
closed outlines start anywhere and either stop short (a gap of up to 4 % of the sheet) or overshoot. The body
of every thing is a closed outline and the largest area inside the lines, since the main colour is read by
area inside the shapes (generation/colour_families.py). Seeded from the class and the doodle's number, so
rerunning the script writes the same files.
"""

import math
import random
import sys
import textwrap
import zlib
from collections.abc import Callable
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw

sys.path.insert(0, str(Path(__file__).resolve().parent))
from doodle_set import chaikin, most_accepted, write_set

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "tests" / "data" / "doodles_third"
SIZE = 256
PER_CLASS = 3
# Drawn at twice the size and reduced, so a marker line has the soft edge a scan or a tablet gives it.
SUPER = 2
MARGIN = 8
# The widest gap a closed outline is left with, along the line: 4 % of the sheet.
MAX_GAP = 0.04 * SIZE

Point = tuple[float, float]


class Page:
    """What a doodle is made of, in the thing's own units (about 0..1, y down), before it is placed."""

    def __init__(self, rnd: random.Random):
        self.rnd = rnd
        self.strokes: list[tuple[str, np.ndarray]] = []  # (kind, points): shape, line, fill, dot
        self.bodies: list[int] = []  # indices into strokes of the body outlines
        self.mirror = True  # whether the thing may face either way (no writing on it)

    def shape(self, points, body: bool = False, smooth: int = 0) -> None:
        """A closed outline."""
        if body:
            self.bodies.append(len(self.strokes))
        self.strokes.append(("shape", chaikin(np.asarray(points, float), smooth, closed=True)))

    def line(self, points, smooth: int = 0) -> None:
        self.strokes.append(("line", chaikin(np.asarray(points, float), smooth, closed=False)))

    def fill(self, points, smooth: int = 0) -> None:
        """A shape coloured in with the marker (a panda's eye patch, a nose)."""
        self.strokes.append(("fill", chaikin(np.asarray(points, float), smooth, closed=True)))

    def dot(self, x: float, y: float, r: float) -> None:
        self.strokes.append(("dot", np.array([[x, y], [x + r, y]], float)))

    def text(self, word: str, x: float, y: float, height: float) -> None:
        """Capital letters as a child prints them, left to right from (x, y), each a little askew."""
        self.mirror = False
        width = 0.7 * height
        for i, letter in enumerate(word):
            left = x + i * width * 1.3 + self.rnd.uniform(-0.1, 0.1) * width
            top = y + self.rnd.uniform(-0.12, 0.12) * height
            for kind, stroke in LETTERS[letter]:
                pts = [(left + u * width, top + v * height) for u, v in stroke]
                (self.shape if kind == "closed" else self.line)(pts)


def letter_o() -> list[Point]:
    return [(0.5 + 0.5 * math.cos(a), 0.5 + 0.5 * math.sin(a)) for a in np.linspace(0, 2 * math.pi, 12)[:-1]]


LETTERS = {
    "S": [("open", [(0.95, 0.15), (0.6, 0.0), (0.2, 0.05), (0.05, 0.25), (0.3, 0.45), (0.7, 0.55),
                    (0.95, 0.75), (0.8, 0.95), (0.4, 1.0), (0.05, 0.85)])],
    "T": [("open", [(0.0, 0.0), (1.0, 0.0)]), ("open", [(0.5, 0.0), (0.5, 1.0)])],
    "O": [("closed", letter_o())],
    "P": [("open", [(0.1, 1.0), (0.1, 0.0), (0.6, 0.0), (0.9, 0.15), (0.9, 0.35), (0.6, 0.5), (0.1, 0.5)])],
    "M": [("open", [(0.0, 1.0), (0.05, 0.0), (0.5, 0.6), (0.95, 0.0), (1.0, 1.0)])],
    "I": [("open", [(0.5, 0.0), (0.5, 1.0)])],
    "L": [("open", [(0.1, 0.0), (0.1, 1.0), (0.9, 1.0)])],
    "K": [("open", [(0.1, 0.0), (0.1, 1.0)]), ("open", [(0.9, 0.0), (0.1, 0.6)]),
          ("open", [(0.35, 0.45), (0.9, 1.0)])],
    "H": [("open", [(0.1, 0.0), (0.1, 1.0)]), ("open", [(0.9, 0.0), (0.9, 1.0)]),
          ("open", [(0.1, 0.5), (0.9, 0.5)])],
    "N": [("open", [(0.1, 1.0), (0.1, 0.0), (0.9, 1.0), (0.9, 0.0)])],
    "E": [("open", [(0.9, 0.0), (0.1, 0.0), (0.1, 1.0), (0.9, 1.0)]), ("open", [(0.1, 0.5), (0.7, 0.5)])],
    "Y": [("open", [(0.0, 0.0), (0.5, 0.5), (1.0, 0.0)]), ("open", [(0.5, 0.5), (0.5, 1.0)])],
}


# ---- shapes, in the thing's units ----

def ellipse(cx, cy, rx, ry, n: int = 20, start: float = 0.0, end: float = 360.0, tilt: float = 0.0):
    """Points on an ellipse from `start` to `end` degrees (0 right, 90 down), without the end when whole."""
    whole = abs(end - start) >= 360
    angles = np.radians(np.linspace(start, end, n, endpoint=not whole))
    x, y = rx * np.cos(angles), ry * np.sin(angles)
    t = math.radians(tilt)
    return np.stack([cx + x * math.cos(t) - y * math.sin(t), cy + x * math.sin(t) + y * math.cos(t)], 1)


def blob(rnd, cx, cy, rx, ry, lumps: float = 0.08, n: int = 24, tilt: float = 0.0):
    """A lopsided round shape: an ellipse whose radius swells and dents at random."""
    angles = np.linspace(0, 2 * math.pi, n, endpoint=False)
    radius = np.ones(n)
    for k in (2, 3, 5):
        radius += lumps * rnd.uniform(0.3, 1.0) * np.sin(k * angles + rnd.uniform(0, 2 * math.pi))
    t = math.radians(tilt)
    x, y = rx * radius * np.cos(angles), ry * radius * np.sin(angles)
    return np.stack([cx + x * math.cos(t) - y * math.sin(t), cy + x * math.sin(t) + y * math.cos(t)], 1)


def scallop(cx, cy, rx, ry, bumps: int, depth: float, n: int = 96, phase: float = 0.0):
    """A woolly or cloudy outline: an ellipse of round bumps."""
    angles = np.linspace(0, 2 * math.pi, n, endpoint=False)
    radius = 1 + depth * np.abs(np.sin(bumps * (angles + phase) / 2))
    return np.stack([cx + rx * radius * np.cos(angles), cy + ry * radius * np.sin(angles)], 1)


def inside(points: np.ndarray, x: float, y: float) -> bool:
    """Whether (x, y) is inside the polygon (even-odd rule)."""
    result = False
    for (x1, y1), (x2, y2) in zip(points, np.roll(points, -1, axis=0), strict=True):
        if (y1 > y) != (y2 > y) and x < x1 + (y - y1) * (x2 - x1) / (y2 - y1):
            result = not result
    return result


def spots_in(rnd, outline, box, count: int, radius: float, tries: int = 200) -> list[Point]:
    """Up to `count` centres inside `outline`, `radius` clear of its edge and of each other."""
    (x0, y0), (x1, y1) = box
    found: list[Point] = []
    for _ in range(tries):
        x, y = rnd.uniform(x0, x1), rnd.uniform(y0, y1)
        ring = ellipse(x, y, 1.6 * radius, 1.6 * radius, 8)
        if all(inside(outline, *p) for p in ring) and all(math.dist((x, y), f) > 3.2 * radius for f in found):
            found.append((x, y))
            if len(found) == count:
                break
    return found


def j(rnd, value: float, spread: float = 0.12) -> float:
    """`value`, a little more or less: a child's proportions."""
    return value * (1 + rnd.uniform(-spread, spread))


# ---- the things ----

def sheep(p: Page, r: random.Random) -> None:
    rx, ry = j(r, 0.36), j(r, 0.22)
    p.shape(scallop(0.55, 0.45, rx, ry, r.randint(9, 13), j(r, 0.09), phase=r.uniform(0, 1)), body=True)
    hx, hy = 0.55 - rx - 0.02, 0.4 - j(r, 0.06)
    head = ellipse(hx, hy, j(r, 0.08), j(r, 0.1), 14, tilt=r.uniform(-25, 25))
    (p.fill if r.random() < 0.4 else p.shape)(head)
    p.line([(hx + 0.02, hy - 0.08), (hx + 0.09, hy - 0.12)])
    p.dot(hx - 0.02, hy - 0.02, 0.012)
    bottom = 0.45 + ry * 0.95
    for x in sorted(r.uniform(0.3, 0.8) for _ in range(4)):
        p.line([(x, bottom), (x + r.uniform(-0.03, 0.03), bottom + j(r, 0.17))])


def panda(p: Page, r: random.Random) -> None:
    rx, ry = j(r, 0.32), j(r, 0.28)
    if r.random() < 0.5:
        p.shape(ellipse(0.5, 0.62 + ry + 0.2, j(r, 0.34), j(r, 0.26), 22), body=True)
        p.fill(ellipse(0.5 - rx, 0.62 + ry + 0.12, 0.09, 0.05, 10, tilt=-30))
        p.fill(ellipse(0.5 + rx, 0.62 + ry + 0.12, 0.09, 0.05, 10, tilt=30))
    for side in (-1, 1):
        p.fill(ellipse(0.5 + side * rx * 0.75, 0.62 - ry * 0.95, j(r, 0.09), j(r, 0.08), 12))
        p.fill(ellipse(0.5 + side * rx * 0.4, 0.6, j(r, 0.07), j(r, 0.1), 12, tilt=-side * 30))
    p.shape(ellipse(0.5, 0.62, rx, ry, 24), body=True)
    p.fill(ellipse(0.5, 0.62 + ry * 0.38, 0.045, 0.03, 10))
    p.line([(0.44, 0.62 + ry * 0.6), (0.5, 0.62 + ry * 0.5), (0.56, 0.62 + ry * 0.6)])


def zebra(p: Page, r: random.Random) -> None:
    top, bottom = j(r, 0.35, 0.05), j(r, 0.62, 0.05)
    body = [(0.85, top), (0.9, (top + bottom) / 2), (0.86, bottom), (0.34, bottom), (0.28, 0.46),
            (0.18, 0.33), (0.09, 0.3), (0.04, 0.23), (0.08, 0.13), (0.17, 0.09), (0.31, 0.27), (0.42, top)]
    p.shape(body, body=True, smooth=1)
    for x in (0.38, 0.47, 0.74, 0.83):
        x += r.uniform(-0.03, 0.03)
        p.line([(x, bottom - 0.01), (x + r.uniform(-0.04, 0.04), bottom + j(r, 0.25))])
    p.line([(0.89, top + 0.03), (0.96, top + 0.18)])
    xs = np.linspace(0.47, 0.84, r.randint(4, 6))
    depth = bottom - top
    for x in xs:
        p.line([(x, top - 0.01), (x + 0.03, top + depth * j(r, 0.35))])
        p.line([(x + 0.02, bottom + 0.01), (x - 0.01, bottom - depth * j(r, 0.33))])
    for t in (0.35, 0.6):
        x, y = 0.31 + t * (0.18 - 0.31), 0.27 + t * (0.09 - 0.27)
        p.line([(x, y), (x - 0.07, y + 0.08)])
    p.line([(0.17, 0.08), (0.23, 0.13), (0.25, 0.08), (0.29, 0.16), (0.32, 0.13), (0.35, 0.24)])
    p.dot(0.12, 0.17, 0.013)


def giraffe(p: Page, r: random.Random) -> None:
    top, bottom = j(r, 0.5, 0.05), j(r, 0.7, 0.05)
    neck = j(r, 0.1)
    body = [(0.85, top), (0.88, bottom), (0.38, bottom), (0.33, top + 0.05), (0.25, 0.2), (0.12, 0.18),
            (0.07, 0.13), (0.13, 0.05), (0.26, 0.06), (0.25 + neck + 0.03, 0.2), (0.38 + neck, top)]
    body = chaikin(np.array(body), 1, True)
    p.shape(body, body=True)
    for x in (0.17, 0.23):
        p.line([(x, 0.06), (x + 0.01, -0.03)])
        p.dot(x + 0.01, -0.035, 0.015)
    for x in (0.42, 0.5, 0.76, 0.84):
        x += r.uniform(-0.02, 0.02)
        p.line([(x, bottom - 0.01), (x + r.uniform(-0.03, 0.03), bottom + j(r, 0.27))])
    p.line([(0.87, top + 0.02), (0.95, top + 0.15)])
    p.dot(0.13, 0.1, 0.013)
    for x, y in spots_in(r, body, ((0.25, 0.1), (0.85, 0.7)), r.randint(6, 9), 0.028):
        spot = blob(r, x, y, j(r, 0.028), j(r, 0.024), 0.15, 10)
        (p.fill if r.random() < 0.3 else p.shape)(spot)


def tiger(p: Page, r: random.Random) -> None:
    rx, ry = j(r, 0.4), j(r, 0.32)
    cy = 0.55
    for side in (-1, 1):
        p.shape(ellipse(0.5 + side * rx * 0.62, cy - ry * 0.85, 0.1, 0.09, 12, start=150, end=390,
                        tilt=side * 15))
    p.shape(blob(r, 0.5, cy, rx, ry, 0.04, 28), body=True, smooth=1)
    for side in (-1, 1):
        p.shape(ellipse(0.5 + side * 0.14, cy - 0.06, 0.05, 0.035, 10))
        p.dot(0.5 + side * 0.14, cy - 0.06, 0.018)
        for k in range(r.randint(2, 3)):
            y = cy + 0.02 + 0.07 * k
            p.line([(0.5 + side * (rx + 0.01), y), (0.5 + side * (rx - 0.1), y + 0.02)])
            p.line([(0.5 + side * 0.2, cy + 0.14 + 0.03 * k), (0.5 + side * (rx + 0.1), cy + 0.1 + 0.05 * k)])
    for x in np.linspace(0.4, 0.6, 3):
        p.line([(x, cy - ry - 0.01), (x + r.uniform(-0.02, 0.02), cy - ry + j(r, 0.13))])
    p.fill([(0.45, cy + 0.07), (0.55, cy + 0.07), (0.5, cy + 0.13)])
    p.line([(0.42, cy + 0.19), (0.46, cy + 0.21), (0.5, cy + 0.14), (0.54, cy + 0.21), (0.58, cy + 0.19)])


def flamingo(p: Page, r: random.Random) -> None:
    cx, cy = 0.6, j(r, 0.45, 0.05)
    body = ellipse(cx, cy, j(r, 0.25), j(r, 0.13), 22, tilt=r.uniform(-15, 0))
    body = np.vstack([body[:3], [[cx + 0.36, cy - 0.12]], body[4:]])  # the tail's point
    p.shape(body, body=True, smooth=1)
    p.line([(cx - 0.05, cy - 0.02), (cx + 0.05, cy + 0.03), (cx + 0.15, cy)], smooth=1)
    neck = [(cx - 0.2, cy - 0.05), (cx - 0.3, cy - 0.15), (cx - 0.22, cy - 0.3), (cx - 0.27, cy - 0.42),
            (cx - 0.36, cy - 0.44)]
    p.line(neck, smooth=2)
    hx, hy = cx - 0.38, cy - 0.44
    p.shape(ellipse(hx, hy, 0.045, 0.04, 10))
    p.fill([(hx - 0.04, hy - 0.01), (hx - 0.1, hy + 0.02), (hx - 0.09, hy + 0.07), (hx - 0.04, hy + 0.03)])
    p.dot(hx + 0.01, hy - 0.01, 0.01)
    knee = cy + 0.3
    p.line([(cx, cy + 0.12), (cx + 0.01, knee), (cx + 0.01, 1.0), (cx - 0.05, 1.02)])
    if r.random() < 0.6:
        p.line([(cx + 0.04, cy + 0.12), (cx + 0.05, knee), (cx + 0.15, knee - 0.05), (cx + 0.06, knee - 0.1)])
    else:
        p.line([(cx + 0.05, cy + 0.12), (cx + 0.07, 1.0), (cx + 0.12, 1.01)])


def cow(p: Page, r: random.Random) -> None:
    top, bottom = j(r, 0.35, 0.05), j(r, 0.64, 0.05)
    body = [(0.3, top), (0.88, top), (0.9, bottom), (0.3, bottom)]
    body = chaikin(np.array(body), 1, True)
    p.shape(body, body=True)
    for x, y in spots_in(r, body, ((0.35, top), (0.85, bottom)), r.randint(2, 4), 0.04):
        spot = blob(r, x, y, j(r, 0.06), j(r, 0.045), 0.2, 12)
        (p.fill if r.random() < 0.5 else p.shape)(spot, smooth=1)
    head = ellipse(0.2, top + 0.03, j(r, 0.12), j(r, 0.12), 16)
    p.shape(head)
    p.shape(ellipse(0.18, top + 0.13, 0.1, 0.06, 12))
    for side in (-1, 1):
        p.dot(0.18 + side * 0.04, top + 0.14, 0.012)
        p.dot(0.2 + side * 0.05, top - 0.01, 0.014)
        horn = 0.2 + side * 0.07
        p.line([(horn, top - 0.08), (horn + side * 0.03, top - 0.15), (horn, top - 0.17)])
    for x in (0.36, 0.46, 0.74, 0.84):
        x += r.uniform(-0.02, 0.02)
        p.line([(x, bottom - 0.01), (x + r.uniform(-0.02, 0.02), bottom + j(r, 0.2))])
    p.shape(ellipse(0.65, bottom + 0.03, 0.06, 0.04, 10, start=0, end=180) * [1, 1])
    p.line([(0.9, top + 0.03), (0.97, top + 0.2)])
    p.fill(ellipse(0.975, top + 0.22, 0.02, 0.03, 8))


def fox(p: Page, r: random.Random) -> None:
    ear = j(r, 0.05)
    cheek = j(r, 0.55, 0.06)
    face = [(0.5, 0.95), (0.72, 0.72), (0.93, cheek), (0.84, 0.32), (0.86, ear), (0.62, 0.24),
            (0.5, 0.22), (0.38, 0.24), (0.14, ear), (0.16, 0.32), (0.07, cheek), (0.28, 0.72)]
    p.shape(face, body=True)
    p.line([(0.2, 0.28), (0.22, 0.14), (0.34, 0.26)])
    p.line([(0.8, 0.28), (0.78, 0.14), (0.66, 0.26)])
    p.line([(0.13, cheek + 0.02), (0.3, 0.62), (0.45, 0.66)], smooth=1)
    p.line([(0.87, cheek + 0.02), (0.7, 0.62), (0.55, 0.66)], smooth=1)
    for side in (-1, 1):
        p.shape(ellipse(0.5 + side * 0.14, 0.45, 0.035, 0.045, 10, tilt=side * 20))
        p.dot(0.5 + side * 0.14, 0.46, 0.015)
    p.fill(ellipse(0.5, 0.89, 0.05, 0.035, 10))


def crocodile(p: Page, r: random.Random) -> None:
    top, bottom = j(r, 0.39, 0.05), j(r, 0.61, 0.05)
    back = []
    for i, x in enumerate(np.linspace(0.82, 0.36, r.randint(6, 8))):
        back.append((x, top - (0.05 if i % 2 else 0.0)))
    outline = [(0.02, 0.5), (0.3, bottom), (0.6, bottom + 0.04), (1.0, 0.47), *back,
               (0.3, top), (0.26, top - 0.07), (0.2, top - 0.06), (0.18, top), (0.02, 0.46)]
    p.shape(outline, body=True)
    p.dot(0.23, top - 0.03, 0.012)
    p.line([(0.02, 0.48), (0.24, 0.5)])
    p.line([(0.05, 0.48), (0.07, 0.51), (0.09, 0.48), (0.11, 0.51), (0.13, 0.48), (0.15, 0.51), (0.17, 0.49)])
    for x in (0.35, 0.45, 0.62, 0.72):
        y = bottom + 0.02 + 0.4 * (x - 0.3) * 0.1
        p.line([(x, y - 0.01), (x - 0.02, y + 0.08), (x - 0.05, y + 0.09)])
    for x in np.linspace(0.4, 0.7, 4):
        p.line([(x, top + 0.04), (x + 0.03, top + 0.07)])


def dolphin(p: Page, r: random.Random) -> None:
    fin = j(r, 0.12)
    outline = [(0.02, 0.5), (0.1, 0.47), (0.15, 0.45), (0.17, 0.36), (0.26, 0.29), (0.4, 0.27), (0.48, 0.27),
               (0.58, fin), (0.6, 0.3), (0.75, 0.36), (0.86, 0.43), (0.96, 0.3), (0.92, 0.47), (0.98, 0.64),
               (0.85, 0.52), (0.7, 0.56), (0.52, 0.6), (0.44, 0.6), (0.38, 0.7), (0.35, 0.6), (0.2, 0.56),
               (0.12, 0.52), (0.02, 0.52)]
    p.shape(outline, body=True, smooth=1)
    p.dot(0.22, 0.42, 0.015)
    p.line([(0.06, 0.51), (0.16, 0.5), (0.19, 0.48)])
    if r.random() < 0.5:
        for k in range(3):
            p.shape(ellipse(0.3 + 0.05 * k, 0.12 - 0.04 * k, 0.015, 0.02, 8))


def shark(p: Page, r: random.Random) -> None:
    fin = j(r, 0.05)
    outline = [(0.02, 0.48), (0.15, 0.36), (0.4, 0.3), (0.5, fin), (0.6, 0.3), (0.82, 0.38), (0.98, 0.15),
               (0.92, 0.47), (0.99, 0.72), (0.82, 0.54), (0.6, 0.6), (0.5, 0.6), (0.45, 0.76), (0.38, 0.6),
               (0.15, 0.58), (0.04, 0.52)]
    p.shape(outline, body=True)
    p.dot(0.14, 0.42, 0.015)
    p.line([(0.06, 0.52), (0.09, 0.49), (0.12, 0.53), (0.15, 0.49), (0.18, 0.53), (0.21, 0.5)])
    for k in range(3):
        x = 0.27 + 0.035 * k
        p.line([(x, 0.42), (x - 0.015, 0.47), (x, 0.52)])


def squirrel(p: Page, r: random.Random) -> None:
    tail = [(0.52, 0.8), (0.78, 0.76), (0.9, 0.5), (0.88, 0.22), (0.76, 0.06), (0.6, 0.06), (0.55, 0.16),
            (0.66, 0.2), (0.7, 0.38), (0.62, 0.56), (0.54, 0.62)]
    tail = (np.array(tail) - [0.52, 0.8]) * j(r, 0.85, 0.1) + [0.52, 0.8]
    p.shape(tail, body=True, smooth=2)
    bx, by = 0.45, j(r, 0.62, 0.05)
    p.shape(ellipse(bx, by, j(r, 0.15), j(r, 0.22), 18), body=True)
    hx, hy = 0.38, by - 0.3
    p.line([(hx - 0.02, hy - 0.09), (hx + 0.01, hy - 0.2), (hx + 0.07, hy - 0.08)])
    p.shape(ellipse(hx, hy, j(r, 0.13), j(r, 0.11), 16), body=True)
    p.dot(hx - 0.04, hy - 0.02, 0.015)
    p.dot(hx - 0.12, hy + 0.02, 0.012)
    p.shape(ellipse(bx - 0.15, by - 0.02, 0.04, 0.035, 10))
    p.line([(bx - 0.06, by + 0.2), (bx - 0.12, by + 0.24)])
    p.line([(bx + 0.06, by + 0.2), (bx + 0.02, by + 0.25)])


def snail(p: Page, r: random.Random) -> None:
    cx, cy, radius = 0.55, 0.45, j(r, 0.28)
    shell = ellipse(cx, cy, radius, radius * j(r, 0.95, 0.05), 26)
    p.shape(shell, body=True)
    turns = r.uniform(1.6, 2.2)
    t = np.linspace(0, turns * 2 * math.pi, 60)
    start = r.uniform(0, 2 * math.pi)
    rr = radius * (0.95 - 0.85 * t / t[-1])
    p.line(np.stack([cx + rr * np.cos(t + start), cy + rr * np.sin(t + start)], 1))
    low = cy + radius * 0.8
    foot = [(cx - radius * 0.8, cy + radius * 0.55), (0.2, cy), (0.14, cy - 0.02), (0.09, cy + 0.04),
            (0.11, low + 0.1), (0.5, low + 0.13), (0.97, low + 0.12), (cx + radius * 0.6, cy + radius * 0.78)]
    p.line(foot, smooth=1)
    p.bodies.append(len(p.strokes))
    p.strokes.append(("body", np.array(foot)))  # not drawn: the foot's area for the tests
    for x in (0.13, 0.19):
        p.line([(x, cy), (x - 0.03, cy - 0.14)])
        p.dot(x - 0.03, cy - 0.15, 0.015)


def owl(p: Page, r: random.Random) -> None:
    rx, ry = j(r, 0.32), j(r, 0.4)
    angles = np.radians(np.linspace(0, 360, 40, endpoint=False))
    tuft = j(r, 0.14)
    radius = 1 + tuft * (np.exp(-((np.degrees(angles) - 240) / 9) ** 2)
                         + np.exp(-((np.degrees(angles) - 300) / 9) ** 2))
    body = np.stack([0.5 + rx * radius * np.cos(angles), 0.55 + ry * radius * np.sin(angles)], 1)
    p.shape(body, body=True)
    for side in (-1, 1):
        x = 0.5 + side * rx * 0.42
        p.shape(ellipse(x, 0.42, j(r, 0.11), j(r, 0.11), 16))
        p.dot(x + r.uniform(-0.02, 0.02), 0.43, 0.035)
        wing = [(0.5 + side * rx * 0.98, 0.55), (0.5 + side * rx * 0.7, 0.65), (0.5 + side * rx * 0.85, 0.85)]
        p.line(wing, smooth=1)
        p.line([(0.5 + side * 0.08, 0.55 + ry - 0.01), (0.5 + side * 0.1, 0.55 + ry + 0.06)])
    p.fill([(0.46, 0.5), (0.54, 0.5), (0.5, 0.58)])
    for x, y in ((0.45, 0.7), (0.55, 0.7), (0.5, 0.78)):
        p.line([(x - 0.03, y), (x, y + 0.03), (x + 0.03, y)])


def fried_egg(p: Page, r: random.Random) -> None:
    p.shape(blob(r, 0.5, 0.5, j(r, 0.45), j(r, 0.33), 0.12, 28, tilt=r.uniform(-20, 20)), body=True, smooth=1)
    yx, yy = 0.5 + r.uniform(-0.08, 0.08), 0.48 + r.uniform(-0.05, 0.05)
    size = j(r, 0.14)
    p.shape(ellipse(yx, yy, size, size * 0.9, 18))
    p.line(ellipse(yx, yy, size * 0.6, size * 0.55, 6, start=200, end=250))


def bread(p: Page, r: random.Random) -> None:
    if r.random() < 0.6:  # a slice of toast
        w, lobe = j(r, 0.35), j(r, 0.48)
        outline = np.vstack([[[0.5 + w, 0.95], [0.5 + w, 0.42]],
                             ellipse(0.5, 0.3, lobe, j(r, 0.22), 20, start=30, end=-210),
                             [[0.5 - w, 0.42], [0.5 - w, 0.95]]])
        p.shape(outline, body=True, smooth=1)
        inner = 0.5 + (chaikin(outline, 1, True) - [0.5, 0.6]) * 0.8 + [0, 0.1]
        p.shape(inner)
    else:  # a loaf
        outline = np.vstack([ellipse(0.5, 0.6, j(r, 0.48), j(r, 0.35), 24, start=180, end=360),
                             [[0.98, 0.75], [0.02, 0.75]]])
        p.shape(outline, body=True, smooth=1)
        for x in np.linspace(0.3, 0.7, r.randint(3, 4)):
            p.line([(x - 0.05, 0.5), (x + 0.05, 0.35)])


def cheese(p: Page, r: random.Random) -> None:
    top, bottom, tip = j(r, 0.45, 0.05), j(r, 0.85, 0.04), j(r, 0.12)
    front = [(0.05, top), (0.95, top), (0.95, bottom), (0.05, bottom)]
    p.shape([(0.05, top), (0.95, top), (0.72, tip)])
    p.shape(front, body=True)
    for x, y in spots_in(r, np.array(front), ((0.1, top), (0.9, bottom)), r.randint(3, 5), 0.05):
        p.shape(ellipse(x, y, j(r, 0.055), j(r, 0.05), 12))
    p.line(ellipse(0.95, (top + bottom) / 2, 0.05, 0.06, 8, start=100, end=260))


def avocado(p: Page, r: random.Random) -> None:
    rx, ry = j(r, 0.3), j(r, 0.5)
    angles = np.radians(np.linspace(0, 360, 32, endpoint=False))
    narrow = 1 - 0.6 * np.maximum(0, -np.sin(angles)) ** 1.5
    outline = np.stack([0.5 + rx * narrow * np.cos(angles), 0.52 + ry * np.sin(angles)], 1)
    p.shape(outline, body=True)
    if r.random() < 0.7:
        p.shape(0.5 + (outline - [0.5, 0.52]) * 0.86 + [0, 0.02])
    seed = j(r, 0.12)
    p.shape(ellipse(0.5, 0.52 + ry * 0.3, seed, seed * 1.05, 16))
    p.line(ellipse(0.5, 0.52 + ry * 0.3, seed * 0.6, seed * 0.6, 6, start=200, end=260))


def peach(p: Page, r: random.Random) -> None:
    rad = j(r, 0.38)
    angles = np.radians(np.linspace(0, 360, 36, endpoint=False))
    dip = 1 - 0.12 * np.exp(-((np.degrees(angles) - 270) / 18) ** 2)
    outline = np.stack([0.5 + rad * dip * np.cos(angles) * j(r, 1.05, 0.05),
                        0.55 + rad * dip * np.sin(angles)], 1)
    p.shape(outline, body=True)
    top = 0.55 - rad * 0.88
    p.line([(0.5, top + 0.02), (0.44, top + 0.2), (0.45, top + 0.42)], smooth=1)
    p.line([(0.5, top + 0.02), (0.52, top - 0.06)])
    leaf = [(0.52, top - 0.02), (0.62, top - 0.12), (0.76, top - 0.1), (0.66, top - 0.01)]
    p.shape(leaf, smooth=1)
    p.line([(0.54, top - 0.03), (0.7, top - 0.08)])


def cucumber(p: Page, r: random.Random) -> None:
    half = j(r, 0.14)
    bend = r.uniform(0.0, 0.08)
    xs = np.linspace(0.08, 0.92, 14)
    mid = 0.5 - bend * np.sin(np.pi * (xs - 0.08) / 0.84)
    upper = np.stack([xs, mid - half], 1)
    lower = np.stack([xs[::-1], mid[::-1] + half], 1)
    right = ellipse(0.92, mid[-1], half * 0.7, half, 6, start=-60, end=60)
    left = ellipse(0.08, mid[0], half * 0.7, half, 6, start=120, end=240)
    outline = np.vstack([upper, right, lower, left])
    p.shape(outline, body=True, smooth=1)
    p.shape([(0.01, mid[0] - 0.03), (0.04, mid[0] - 0.03), (0.04, mid[0] + 0.03), (0.01, mid[0] + 0.03)])
    for x, y in spots_in(r, outline, ((0.15, 0.2), (0.85, 0.8)), r.randint(6, 9), 0.018):
        p.line([(x, y), (x + 0.015, y + 0.01)])


def potato(p: Page, r: random.Random) -> None:
    outline = blob(r, 0.5, 0.5, j(r, 0.45), j(r, 0.3), 0.1, 22, tilt=r.uniform(-25, 25))
    p.shape(outline, body=True, smooth=1)
    for x, y in spots_in(r, outline, ((0.1, 0.1), (0.9, 0.9)), r.randint(4, 6), 0.03):
        a = r.uniform(0, 180)
        p.line(ellipse(x, y, 0.025, 0.015, 4, start=a, end=a + 120))


def chocolate(p: Page, r: random.Random) -> None:
    w, h = j(r, 0.42), j(r, 0.3)
    cols, rows = r.choice([(3, 2), (4, 2), (3, 3), (4, 3)])
    bite = r.random() < 0.5
    corner = [(0.5 + w, 0.5 - h)]
    if bite:
        corner = ellipse(0.5 + w, 0.5 - h, 0.1, 0.1, 5, start=180, end=90)
    outline = np.vstack([[[0.5 - w, 0.5 - h]], corner, [[0.5 + w, 0.5 + h], [0.5 - w, 0.5 + h]]])
    p.shape(outline, body=True)
    for k in range(1, cols):
        x = 0.5 - w + 2 * w * k / cols
        p.line([(x, 0.5 - h + (0.1 if bite and k == cols - 1 else 0)), (x, 0.5 + h)])
    for k in range(1, rows):
        y = 0.5 - h + 2 * h * k / rows
        p.line([(0.5 - w, y), (0.5 + w, y)])


def hamburger(p: Page, r: random.Random) -> None:
    dome = j(r, 0.3)
    bun = np.vstack([ellipse(0.5, 0.45, j(r, 0.45, 0.05), dome, 20, start=180, end=360)])
    p.shape(bun, body=True, smooth=1)
    xs = np.linspace(0.06, 0.94, 9)
    lettuce = [(x, 0.45 + (0.1 if i % 2 else 0.06)) for i, x in enumerate(xs)]
    p.shape([(0.06, 0.45), (0.94, 0.45), *lettuce[::-1]], smooth=1)
    p.shape([(0.08, 0.53), (0.92, 0.53), (0.93, 0.66), (0.07, 0.66)], smooth=1)
    p.shape([(0.1, 0.66), (0.9, 0.66), (0.88, 0.8), (0.12, 0.8)], smooth=1)
    for x, y in spots_in(r, bun, ((0.15, 0.45 - dome), (0.85, 0.4)), r.randint(4, 6), 0.02):
        p.line([(x - 0.015, y), (x + 0.015, y - 0.01)])


def kiwi(p: Page, r: random.Random) -> None:
    rx, ry = j(r, 0.4), j(r, 0.36)
    p.shape(ellipse(0.5, 0.5, rx, ry, 26), body=True)
    p.shape(ellipse(0.5, 0.5, rx * 0.88, ry * 0.88, 24))
    p.shape(ellipse(0.5, 0.5, rx * 0.28, ry * 0.25, 12))
    count = r.randint(9, 13)
    for k in range(count):
        a = 2 * math.pi * k / count + r.uniform(-0.1, 0.1)
        p.dot(0.5 + rx * 0.45 * math.cos(a), 0.5 + ry * 0.45 * math.sin(a), 0.016)


def candy_cane(p: Page, r: random.Random) -> None:
    half = j(r, 0.08, 0.1)
    hook = j(r, 0.2, 0.1)
    cx = 0.62 - hook
    arc = ellipse(cx, 0.3, hook, hook, 14, start=0, end=-180)
    centre = np.vstack([[[0.62, 0.98]], arc, [[cx - hook, 0.42]]])
    outer = np.vstack([[[0.62 + half, 0.98]], ellipse(cx, 0.3, hook + half, hook + half, 14, 0, -180),
                       [[cx - hook - half, 0.42]]])
    inner = np.vstack([[[cx - hook + half, 0.42]], ellipse(cx, 0.3, hook - half, hook - half, 14, -180, 0),
                       [[0.62 - half, 0.98]]])
    cap = ellipse(cx - hook, 0.42, half, half, 6, start=180, end=0)
    bottom = ellipse(0.62, 0.98, half, half, 5, start=0, end=180)
    p.shape(np.vstack([outer, cap, inner, bottom]), body=True)
    # Stripes across the cane, about as far apart as it is wide.
    steps = np.cumsum(np.r_[0, np.hypot(*np.diff(centre, axis=0).T)])
    slant = 0.5 * half
    for s in np.arange(0.13, steps[-1] - 0.05, 3 * half):
        k = int(np.searchsorted(steps, s)) - 1
        t = (s - steps[k]) / (steps[k + 1] - steps[k])
        x, y = centre[k] + t * (centre[k + 1] - centre[k])
        dx, dy = (centre[k + 1] - centre[k]) / (steps[k + 1] - steps[k])
        nx, ny = -dy, dx
        p.line([(x + nx * (half + 0.01) - dx * slant, y + ny * (half + 0.01) - dy * slant),
                (x - nx * (half + 0.01) + dx * slant, y - ny * (half + 0.01) + dy * slant)])


def stop_sign(p: Page, r: random.Random) -> None:
    rad = j(r, 0.34, 0.06)
    cy = 0.38
    octagon = ellipse(0.5, cy, rad, rad, 8, start=22.5, end=382.5)
    p.shape(octagon, body=True)
    if r.random() < 0.5:
        p.shape(ellipse(0.5, cy, rad * 0.86, rad * 0.86, 8, start=22.5, end=382.5))
    post = 0.05
    p.line([(0.5 - post, cy + rad * 0.93), (0.5 - post, 1.0)])
    p.line([(0.5 + post, cy + rad * 0.93), (0.5 + post, 1.0)])
    height = rad * 0.38
    p.text("STOP", 0.5 - rad * 0.72, cy - height / 2, height)


def fire_hydrant(p: Page, r: random.Random) -> None:
    w = j(r, 0.2, 0.1)
    nozzle = j(r, 0.1)
    outline = [(0.5 - w - 0.08, 0.95), (0.5 + w + 0.08, 0.95), (0.5 + w + 0.08, 0.87), (0.5 + w, 0.87),
               (0.5 + w, 0.6), (0.5 + w + nozzle, 0.6), (0.5 + w + nozzle, 0.46), (0.5 + w, 0.46),
               (0.5 + w, 0.34), (0.5 + w + 0.05, 0.34), (0.5 + w + 0.05, 0.27), (0.5 - w - 0.05, 0.27),
               (0.5 - w - 0.05, 0.34), (0.5 - w, 0.34), (0.5 - w, 0.46), (0.5 - w - nozzle, 0.46),
               (0.5 - w - nozzle, 0.6), (0.5 - w, 0.6), (0.5 - w, 0.87), (0.5 - w - 0.08, 0.87)]
    p.shape(outline, body=True)
    p.line(ellipse(0.5, 0.28, w, j(r, 0.15), 12, start=180, end=360))
    p.shape([(0.47, 0.14), (0.53, 0.14), (0.53, 0.08), (0.47, 0.08)])
    p.shape(ellipse(0.5, 0.55, 0.06, 0.06, 10))
    p.dot(0.5, 0.55, 0.015)


def school_bus(p: Page, r: random.Random) -> None:
    top, bottom = j(r, 0.22, 0.1), j(r, 0.72, 0.04)
    hood = j(r, 0.45, 0.06)
    outline = [(0.03, top), (0.78, top), (0.8, hood), (0.97, hood + 0.03), (0.97, bottom), (0.03, bottom)]
    p.shape(outline, body=True)
    windows = r.randint(3, 5)
    width = 0.58 / windows
    for k in range(windows):
        x = 0.08 + k * width
        p.shape([(x, top + 0.06), (x + width * 0.75, top + 0.06), (x + width * 0.75, top + 0.18),
                 (x, top + 0.18)])
    p.shape([(0.7, top + 0.06), (0.76, top + 0.06), (0.77, hood - 0.02), (0.7, hood - 0.02)])
    p.line([(0.03, (hood + bottom) / 2 + 0.02), (0.97, (hood + bottom) / 2 + 0.02)])
    for x in (0.22, 0.8):
        p.shape(ellipse(x, bottom, 0.09, 0.09, 14))
        p.dot(x, bottom, 0.025)
    p.dot(0.94, hood + 0.08, 0.02)


def igloo(p: Page, r: random.Random) -> None:
    rx, ry = j(r, 0.46, 0.05), j(r, 0.5, 0.1)
    base = 0.85
    dome = np.vstack([ellipse(0.5, base, rx, ry, 24, start=180, end=360)])
    p.shape(dome, body=True)
    door = j(r, 0.12)
    p.line(ellipse(0.5 + r.uniform(-0.1, 0.1), base, door, door * 1.5, 12, start=180, end=360))
    rows = r.randint(2, 3)
    for k in range(1, rows + 1):
        y = base - ry * k / (rows + 1)
        half = rx * math.sqrt(max(0.0, 1 - ((base - y) / ry) ** 2))
        p.line([(0.5 - half, y), (0.5 + half, y)])
    for x in (0.3, 0.7, 0.5):
        y = base - ry * 0.5 / (rows + 1)
        if abs(x - 0.5) > door + 0.05:
            p.line([(x, y - ry * 0.15), (x, y + ry * 0.17)])


def ghost(p: Page, r: random.Random) -> None:
    rad = j(r, 0.33)
    bottom = j(r, 0.88, 0.04)
    waves = r.randint(3, 4)
    xs = np.linspace(0.5 + rad, 0.5 - rad, waves * 6 + 1)
    hem = np.stack([xs, bottom + 0.05 * np.abs(np.sin(np.linspace(0, waves * math.pi, len(xs))))], 1)
    outline = np.vstack([ellipse(0.5, 0.4, rad, rad, 16, start=180, end=360), hem])
    p.shape(outline, body=True)
    for side in (-1, 1):
        p.fill(ellipse(0.5 + side * 0.11, 0.38, 0.04, 0.06, 10))
    p.fill(ellipse(0.5, 0.56, 0.05, 0.06, 10))
    if r.random() < 0.5:
        p.line([(0.5 - rad, 0.55), (0.5 - rad - 0.1, 0.5), (0.5 - rad - 0.06, 0.6)])


def tooth(p: Page, r: random.Random) -> None:
    dip = j(r, 0.18)
    outline = [(0.1, 0.3), (0.18, 0.1), (0.35, 0.07), (0.5, dip), (0.65, 0.07), (0.82, 0.1), (0.9, 0.3),
               (0.85, 0.6), (0.75, 0.95), (0.64, 0.95), (0.55, 0.66), (0.45, 0.66), (0.36, 0.95),
               (0.25, 0.95), (0.15, 0.6)]
    p.shape(outline, body=True, smooth=2)
    if r.random() < 0.6:
        p.dot(0.38, 0.38, 0.025)
        p.dot(0.62, 0.38, 0.025)
        p.line([(0.4, 0.5), (0.5, 0.56), (0.6, 0.5)], smooth=1)
    for x, y in ((0.98, 0.12), (0.03, 0.15)):
        p.line([(x - 0.04, y), (x + 0.04, y)])
        p.line([(x, y - 0.04), (x, y + 0.04)])


def bone(p: Page, r: random.Random) -> None:
    half = j(r, 0.075, 0.1)
    knob = j(r, 0.13, 0.08)
    gap = knob * 0.9  # the two knobs of an end, their centres this far from the shaft's middle line
    cx = 0.86
    dx = math.sqrt(knob**2 - (gap - half) ** 2)
    meet = math.sqrt(max(knob**2 - gap**2, 0.0))
    # The right end, from the shaft's top line round the outside of both knobs to its bottom line; the left
    # end is its mirror image, gone round the other way.
    start = math.degrees(math.atan2(gap - half, -dx))
    join = math.degrees(math.atan2(gap, meet)) + 360
    right = np.vstack([ellipse(cx, 0.5 - gap, knob, knob, 12, start=start, end=join),
                       ellipse(cx, 0.5 + gap, knob, knob, 12, start=-join, end=-start)])
    left = (right * [-1, 1] + [1, 0])[::-1]
    outline = np.vstack([right, left])
    p.shape(outline, body=True)


def log(p: Page, r: random.Random) -> None:
    ry = j(r, 0.2)
    left, right = 0.18, 0.9
    outline = np.vstack([[[left, 0.5 - ry]], ellipse(right, 0.5, 0.09, ry, 12, start=-90, end=90),
                         [[left, 0.5 + ry]]])
    p.shape(outline, body=True)
    p.shape(ellipse(left, 0.5, 0.09, ry, 16))
    p.shape(ellipse(left, 0.5, 0.045, ry * 0.5, 10))
    for k in range(r.randint(2, 3)):
        y = 0.5 - ry * 0.5 + k * ry * 0.5
        x0 = r.uniform(0.35, 0.5)
        p.line([(x0, y), (x0 + 0.12, y + 0.02), (x0 + 0.25, y - 0.01)])
    if r.random() < 0.5:
        p.line([(0.6, 0.5 - ry), (0.64, 0.5 - ry - 0.12), (0.7, 0.5 - ry)])


def rock(p: Page, r: random.Random) -> None:
    count = r.randint(7, 9)
    angles = np.linspace(0, 2 * math.pi, count, endpoint=False)
    angles += np.array([r.uniform(-0.25, 0.25) for _ in range(count)])
    rx, ry = j(r, 0.45), j(r, 0.3)
    pts = [(0.5 + rx * math.cos(a) * r.uniform(0.85, 1.05), 0.55 + ry * math.sin(a) * r.uniform(0.85, 1.05))
           for a in angles]
    outline = np.array(pts)
    outline[:, 1] = np.minimum(outline[:, 1], 0.55 + ry * 0.6)  # it sits flat on the ground
    p.shape(outline, body=True, smooth=1)
    low = outline[:, 1].max()
    p.line([(0.0, low + 0.01), (1.0, low + 0.01)])
    p.line([(0.45, 0.55 - ry * 0.75), (0.5, 0.5), (0.46, 0.58), (0.53, 0.64)])
    if r.random() < 0.6:
        p.shape(blob(r, 0.95, low - 0.04, 0.05, 0.04, 0.1, 8))


def grass(p: Page, r: random.Random) -> None:
    blades = r.randint(6, 9)
    xs = np.linspace(0.05, 0.95, 2 * blades + 1)
    pts = [(0.95, 0.92), (0.05, 0.92)]
    for i, x in enumerate(xs):
        tip = i % 2 == 1
        y = r.uniform(0.05, 0.35) if tip else r.uniform(0.62, 0.72)
        pts.append((x + (r.uniform(-0.03, 0.03) if tip else 0.0), y if i not in (0, len(xs) - 1) else 0.7))
    p.shape(pts, body=True)


def wave(p: Page, r: random.Random) -> None:
    crest = j(r, 0.1)
    # The crest curls over to the left; under its lip, the barrel is air.
    outline = [(0.03, 0.92), (0.03, 0.74), (0.2, 0.7), (0.35, 0.6), (0.46, 0.48), (0.5, 0.38), (0.47, 0.3),
               (0.4, 0.29), (0.33, 0.36), (0.27, 0.28), (0.33, crest + 0.06), (0.5, crest),
               (0.68, crest + 0.01), (0.84, 0.17), (0.93, 0.36), (0.97, 0.6), (0.97, 0.92)]
    p.shape(outline, body=True, smooth=1)
    p.line([(0.62, 0.2), (0.58, 0.28), (0.6, 0.4)], smooth=1)
    for k in range(r.randint(1, 2)):
        y = 0.7 + 0.1 * k
        p.line([(0.2 + 0.1 * k, y), (0.3 + 0.1 * k, y - 0.03), (0.4 + 0.1 * k, y), (0.5 + 0.1 * k, y - 0.03),
                (0.6 + 0.1 * k, y)], smooth=1)
    for k in range(r.randint(2, 4)):
        p.shape(ellipse(0.2 - 0.05 * k, 0.2 + 0.06 * k, 0.018, 0.022, 8))


def globe(p: Page, r: random.Random) -> None:
    rad = j(r, 0.38, 0.06)
    circle = ellipse(0.5, 0.45, rad, rad, 28)
    p.shape(circle, body=True)
    for x, y in spots_in(r, circle, ((0.2, 0.15), (0.8, 0.75)), r.randint(2, 3), 0.09):
        p.shape(blob(r, x, y, j(r, 0.1), j(r, 0.08), 0.2, 12, tilt=r.uniform(0, 180)), smooth=1)
    if r.random() < 0.6:  # on a stand
        p.line(ellipse(0.5, 0.45, rad + 0.07, rad + 0.07, 12, start=20, end=160))
        p.line([(0.5, 0.45 + rad + 0.07), (0.5, 0.98)])
        p.line([(0.34, 0.98), (0.66, 0.98)])


def lime(p: Page, r: random.Random) -> None:
    rx, ry = j(r, 0.42), j(r, 0.32)
    outline = ellipse(0.5, 0.55, rx, ry, 24, tilt=r.uniform(-20, 20))
    tips = np.argmin(outline[:, 0]), np.argmax(outline[:, 0])
    outline[tips[0]] -= [0.04, 0]
    outline[tips[1]] += [0.04, 0]
    p.shape(outline, body=True, smooth=1)
    top = outline[:, 1].min()
    leaf = [(0.5, top + 0.01), (0.58, top - 0.12), (0.72, top - 0.14), (0.64, top - 0.02)]
    p.shape(leaf, smooth=1)
    for x, y in spots_in(r, outline, ((0.15, 0.3), (0.85, 0.8)), r.randint(3, 6), 0.02):
        p.dot(x, y, 0.008)


def milk(p: Page, r: random.Random) -> None:
    w, top, bottom = j(r, 0.25, 0.08), j(r, 0.35, 0.05), 0.97
    side = j(r, 0.12)
    left = 0.5 - w
    p.shape([(left, top), (0.5 + w, top), (0.5 + w, bottom), (left, bottom)], body=True)
    right = 0.5 + w
    p.shape([(right, top), (right + side, top - 0.05), (right + side, bottom - 0.05), (right, bottom)])
    p.shape([(left, top), (0.5 + w, top), (0.5 + w * 0.6, top - 0.17), (left + w * 0.4, top - 0.17)])
    p.shape([(left + w * 0.4, top - 0.17), (0.5 + w * 0.6, top - 0.17), (0.5 + w * 0.6, top - 0.23),
             (left + w * 0.4, top - 0.23)])
    height = w * 0.32
    p.text("MILK", left + w * 0.12, top + (bottom - top) * 0.3, height)


def honey_pot(p: Page, r: random.Random) -> None:
    rx, ry = j(r, 0.4), j(r, 0.33)
    cy = 0.62
    neck = rx * 0.62
    rim_low = cy - ry * 0.75
    angle = math.degrees(math.asin(-0.75))
    body = ellipse(0.5, cy, rx, ry, 26, start=angle, end=180 - angle)
    p.shape(body, body=True)
    p.shape([(0.5 - neck - 0.05, rim_low), (0.5 + neck + 0.05, rim_low), (0.5 + neck + 0.05, rim_low - 0.1),
             (0.5 - neck - 0.05, rim_low - 0.1)])
    drips = [(0.5 - neck, rim_low)]
    for k, x in enumerate(np.linspace(0.5 - neck + 0.06, 0.5 + neck - 0.06, 4)):
        drips += [(x, rim_low + (0.12 if k % 2 == 0 else 0.06)), (x + 0.05, rim_low + 0.03)]
    drips.append((0.5 + neck, rim_low))
    p.line(drips, smooth=1)
    height = rx * 0.22
    p.text("HONEY", 0.5 - 5 * 0.7 * 1.3 * height / 2, cy + 0.02, height)


THINGS: dict[str, tuple[tuple[str, ...], Callable[[Page, random.Random], None]]] = {
    "sheep": (("white", "grey"), sheep),
    "panda": (("white", "black", "grey"), panda),
    "zebra": (("white", "black", "grey"), zebra),
    "giraffe": (("yellow", "orange", "brown"), giraffe),
    "tiger": (("orange", "yellow"), tiger),
    "flamingo": (("pink", "red"), flamingo),
    "cow": (("white", "black", "brown"), cow),
    "fox": (("orange", "red", "brown"), fox),
    "crocodile": (("green",), crocodile),
    "dolphin": (("blue", "grey"), dolphin),
    "shark": (("grey", "blue"), shark),
    "squirrel": (("brown", "orange", "grey"), squirrel),
    "snail": (("brown", "orange", "yellow"), snail),
    "owl": (("brown", "grey"), owl),
    "fried_egg": (("white", "yellow"), fried_egg),
    "bread": (("brown", "orange", "yellow"), bread),
    "cheese": (("yellow", "orange"), cheese),
    "avocado": (("green",), avocado),
    "peach": (("orange", "pink", "yellow", "red"), peach),
    "cucumber": (("green",), cucumber),
    "potato": (("brown", "yellow"), potato),
    "chocolate": (("brown",), chocolate),
    "hamburger": (("brown", "orange", "yellow"), hamburger),
    "kiwi": (("green", "brown"), kiwi),
    "candy_cane": (("red", "white"), candy_cane),
    "stop_sign": (("red",), stop_sign),
    "fire_hydrant": (("red", "yellow"), fire_hydrant),
    "school_bus": (("yellow", "orange"), school_bus),
    "igloo": (("white", "blue", "grey"), igloo),
    "ghost": (("white", "grey"), ghost),
    "tooth": (("white",), tooth),
    "bone": (("white", "grey"), bone),
    "log": (("brown",), log),
    "rock": (("grey", "brown"), rock),
    "grass": (("green",), grass),
    "wave": (("blue",), wave),
    "globe": (("blue", "green"), globe),
    "lime": (("green",), lime),
    "milk": (("white",), milk),
    "honey_pot": (("orange", "yellow", "brown"), honey_pot),
}


# Thin things need more of the page for room inside their lines.
SMALLEST = {"candy_cane": 0.7, "flamingo": 0.6, "stop_sign": 0.6, "milk": 0.6, "honey_pot": 0.55,
            "giraffe": 0.75, "zebra": 0.55, "tiger": 0.5, "crocodile": 0.7, "school_bus": 0.5}


# ---- the marker ----

def resample(points: np.ndarray, step: float, closed: bool) -> np.ndarray:
    if closed:
        points = np.vstack([points, points[:1]])
    lengths = np.hypot(*np.diff(points, axis=0).T)
    along = np.r_[0, np.cumsum(lengths)]
    if along[-1] < 1e-6:
        return points[:1]
    at = np.linspace(0, along[-1], max(2, int(along[-1] / step) + 1))
    return np.stack([np.interp(at, along, points[:, 0]), np.interp(at, along, points[:, 1])], 1)


def wobble(points: np.ndarray, rnd: random.Random, amplitude: float) -> np.ndarray:
    """A hand's tremor along a resampled path: a slow sway across the line plus a little shake."""
    if len(points) < 3:
        return points
    along = np.r_[0, np.cumsum(np.hypot(*np.diff(points, axis=0).T))]
    offset = np.zeros(len(points))
    for _ in range(2):
        offset += amplitude * rnd.uniform(0.4, 1.0) * np.sin(2 * math.pi * along / rnd.uniform(25, 80)
                                                             + rnd.uniform(0, 2 * math.pi))
    offset += np.array([rnd.gauss(0, 0.25 * amplitude) for _ in points])
    tangent = np.gradient(points, axis=0)
    tangent /= np.maximum(np.hypot(*tangent.T), 1e-9)[:, None]
    return points + np.stack([-tangent[:, 1], tangent[:, 0]], 1) * offset[:, None]


def run_past(points: np.ndarray, rnd: random.Random, most: float) -> np.ndarray:
    """An open stroke run a little past both its ends, as a quick hand does."""
    if len(points) < 2:
        return points
    ends = []
    for end, before in ((points[0], points[1]), (points[-1], points[-2])):
        direction = end - before
        direction /= max(np.hypot(*direction), 1e-9)
        ends.append(end + direction * rnd.uniform(0.3, most))
    return np.vstack([ends[0], points, ends[1]])


def close_roughly(points: np.ndarray, rnd: random.Random, big: bool) -> np.ndarray:
    """A closed outline as one stroke started anywhere: it stops short of its start (a big shape, now and
    then) or runs a little past it."""
    points = np.roll(points, -rnd.randrange(len(points)), axis=0)
    path = resample(points, 3.0, closed=True)
    if big and rnd.random() < 0.35:
        return path[: max(2, len(path) - int(rnd.uniform(4, MAX_GAP) / 3.0))]
    extra = path[1 : 1 + rnd.randint(0, 2)]
    return np.vstack([path, extra + rnd.uniform(-1.0, 1.0)])


def place(page: Page, rnd: random.Random, name: str) -> np.ndarray:
    """The affine map ((3, 2): x, y, 1 → page px) from the thing's units to the page: a random size, tilt,
    stretch and spot."""
    everything = np.vstack([s for _, s in page.strokes])
    low, high = everything.min(0), everything.max(0)
    centre = (low + high) / 2
    stretch = rnd.uniform(0.9, 1.12)
    tilt = math.radians(rnd.uniform(-9, 9))
    flip = -1 if page.mirror and rnd.random() < 0.5 else 1
    linear = np.array([[math.cos(tilt), -math.sin(tilt)], [math.sin(tilt), math.cos(tilt)]]) @ np.diag(
        [flip * stretch, 1 / stretch])
    corners = (np.array([[low[0], low[1]], [high[0], low[1]], [high[0], high[1]], [low[0], high[1]]])
               - centre) @ linear.T
    extent = corners.max(0) - corners.min(0)
    room = SIZE - 2 * MARGIN
    size = rnd.uniform(SMALLEST.get(name, 0.4), 0.95) * SIZE
    scale = min(size / extent.max(), room / extent.max())
    drawn = extent * scale
    spot = np.array([rnd.uniform(MARGIN + drawn[0] / 2, SIZE - MARGIN - drawn[0] / 2),
                     rnd.uniform(MARGIN + drawn[1] / 2, SIZE - MARGIN - drawn[1] / 2)])
    return np.vstack([(linear * scale).T, spot - centre @ (linear * scale).T])


def draw(name: str, number: int) -> tuple[Image.Image, list[np.ndarray]]:
    """Doodle `number` (from 1) of `name`, and its body outlines in page pixels."""
    rnd = random.Random(zlib.crc32(f"{name}/{number}".encode()))
    page = Page(rnd)
    THINGS[name][1](page, rnd)
    transform = place(page, rnd, name)
    width = rnd.uniform(3.0, 7.0)
    ink = rnd.randint(10, 55)
    amplitude = rnd.uniform(0.5, 1.3)
    canvas = Image.new("L", (SIZE * SUPER, SIZE * SUPER), 255)
    pen = ImageDraw.Draw(canvas)
    bodies = []
    for i, (kind, points) in enumerate(page.strokes):
        px = np.hstack([points, np.ones((len(points), 1))]) @ transform
        if i in page.bodies:
            bodies.append(px)
        if kind == "body":
            continue
        if kind == "dot":
            centre, radius = px[0], max(width * 0.6, np.hypot(*(px[1] - px[0])))
            box = [*(SUPER * (centre - radius)), *(SUPER * (centre + radius))]
            pen.ellipse(box, fill=ink)
            continue
        px = px + np.array([[rnd.gauss(0, 0.5 * amplitude), rnd.gauss(0, 0.5 * amplitude)] for _ in px])
        if kind == "fill":
            pen.polygon([tuple(SUPER * p) for p in px], fill=ink)
        if kind in ("shape", "fill"):
            extent = np.ptp(px, axis=0).max()
            path = close_roughly(px, rnd, big=extent > 40 and kind == "shape")
        else:
            path = run_past(resample(px, 3.0, closed=False), rnd, 3.5)
        stroke(pen, wobble(path, rnd, amplitude) * SUPER, width * SUPER, ink)
    sketch = canvas.resize((SIZE, SIZE), Image.Resampling.BOX)
    return sketch, bodies


def stroke(pen: ImageDraw.ImageDraw, path: np.ndarray, width: float, ink: int) -> None:
    """One marker stroke of even width with round ends and joints."""
    points = [tuple(p) for p in path]
    if len(points) > 1:
        pen.line(points, fill=ink, width=round(width), joint="curve")
    radius = width / 2
    for x, y in (points[0], points[-1]):
        pen.ellipse([x - radius, y - radius, x + radius, y + radius], fill=ink)


def labels() -> list[dict]:
    return [{"file": f"{name}_{n}.png", "class": name, "families": list(families)}
            for name, (families, _) in THINGS.items() for n in range(1, PER_CLASS + 1)]


def readme() -> str:
    family, share, count = most_accepted([families for families, _ in THINGS.values()])
    classes = ", ".join(f"{name} ({'/'.join(families)})" for name, (families, _) in THINGS.items())
    classes = textwrap.fill(classes, 110)
    total, things = len(THINGS) * PER_CLASS, len(THINGS)
    return f"""# Labelled doodles, third hand

{total} child-like doodles of {things} things the sketch recogniser does NOT know, {PER_CLASS} of each,
drawn by `scripts/doodles/draw_third_hand.py`, written apart from the first two hands
(`scripts/doodles/make_doodles.py`, `scripts/doodles/draw_second_hand.py`) and from the recogniser, so
that the colour sense figures can be read on drawings that neither the recogniser nor the colourer was tuned
on.

How they are made: each thing is a few parametric shapes as a 4 to 7 year old draws it with a felt-tip
marker or a finger on a tablet: solid dark lines of one even width per doodle (3 to 7 px), each stroke a
jittery polyline (a slow sway and a little shake, corners a little off), open strokes run slightly past their
ends, closed outlines started anywhere and either stopped short (a gap of up to 4 % of the sheet) or run past
their start; lopsided proportions, a little stretched and tilted, mirrored now and then, placed anywhere at
40 to 95 % of the page. No picture, emoji, icon or edge extractor. Seeded from the class and the doodle's
number: rerunning the script writes the same files.

256×256 greyscale ("L"), dark lines on white, `CLASS_1.png` to `CLASS_{PER_CLASS}.png`. The body of every
thing is a closed (or nearly closed) outline and the largest area inside the lines, since the main colour is
read by area inside the shapes (generation/colour_families.py); details (eyes, spots, stripes, letters) are
small.

Classes and the colour families a person accepts as the main colour (the same for every doodle of a class):
{classes}.

`labels.json` lists each `file`, its `class` and its `families`. The best single constant colour ({family})
is accepted for {count} of {len(THINGS)} classes: a chance level of {share:.0%}
(tests/trainer/evaluation/test_third_doodles.py holds it at or under 50 %).

A contact sheet of the set: `docs/themes/doodles-third.png`
(`python scripts/doodles/draw_third_hand.py --sheet docs/themes/doodles-third.png`).

License: made for this project, same license as its code.
"""



if __name__ == "__main__":
    write_set(__doc__, OUT, list(THINGS), PER_CLASS, draw, labels, readme)
