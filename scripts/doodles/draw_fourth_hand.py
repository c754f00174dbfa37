"""The fourth hand's labelled doodles: 20 things the recogniser learns in its fifth version and 20 it does not
know, drawn as a 5 year old draws them with a wax crayon, to judge on drawings nobody tuned on whether a
theme's colours fit what was drawn.

    python scripts/doodles/draw_fourth_hand.py [--out tests/data/doodles_fourth] [--sheet PATH] [--only A,B]

Each thing is a few parametric shapes written here (no picture, emoji, icon or edge extractor), bent
lopsided (one side swollen, the bottom sagging), placed anywhere on the page at 45 to 92 % of its side and
tilted a little. Every stroke is a crayon line: its width swells and thins with the pressure along it, its
wax leaves a grain of paper showing through, it starts and lifts thinner; outlines are started anywhere and
either run past their start or stop short of it (a gap of up to 2.7 % of the sheet), and now and then a
stroke is gone over a second time, a little beside the first. The body of every thing is a closed outline and
the largest area inside the lines, since the main colour is read by area inside the shapes
(generation/colour_families.py). Seeded from the class and the doodle's number, so rerunning the script
writes the same files.
"""

import math
import random
import sys
import textwrap
import zlib
from collections.abc import Callable
from functools import partial
from pathlib import Path

import numpy as np
from PIL import Image, ImageChops, ImageDraw

sys.path.insert(0, str(Path(__file__).resolve().parent))
from doodle_set import chaikin, chance_words, listed_classes, write_set

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "tests" / "data" / "doodles_fourth"
SIZE = 256
PER_CLASS = 3
# Drawn at twice the size and reduced, so a crayon line has the soft, grainy edge a scan gives it.
SUPER = 2
MARGIN = 8
# The widest gap a body's outline is left with: under the clean look's 3 % (clean_look.GAP), which a child's
# crayon outline is expected to close by, less the thinning of the crayon where it lifts.
MAX_GAP = 0.027 * SIZE

Point = tuple[float, float]


class Sketch:
    """What a doodle is made of, in the thing's own units (about 0..1, y down), before it is placed."""

    def __init__(self) -> None:
        self.parts: list[tuple[str, np.ndarray]] = []  # (kind, points): outline, line, fill, dot, hole
        self.bodies: list[int] = []  # indices into parts of the body outlines
        self.mirror = True

    def outline(self, points, body: bool = False, smooth: int = 2) -> None:
        if body:
            self.bodies.append(len(self.parts))
        self.parts.append(("outline", chaikin(np.asarray(points, float), smooth, closed=True)))

    def line(self, points, smooth: int = 1) -> None:
        self.parts.append(("line", chaikin(np.asarray(points, float), smooth, closed=False)))

    def fill(self, points, smooth: int = 2) -> None:
        """A small patch coloured in hard with the crayon (a nose, a pentagon, an eye mask)."""
        self.parts.append(("fill", chaikin(np.asarray(points, float), smooth, closed=True)))

    def dot(self, x: float, y: float, r: float) -> None:
        self.parts.append(("dot", np.array([[x, y], [x + r, y]], float)))

    def hole(self, x: float, y: float, r: float) -> None:
        """Paper left showing in a patch coloured in: an eye's white in a mask."""
        self.parts.append(("hole", np.array([[x, y], [x + r, y]], float)))


# ---- shapes, in the thing's units ----

def oval(cx, cy, rx, ry, n: int = 24, start: float = 0.0, end: float = 360.0,
         tilt: float = 0.0) -> np.ndarray:
    """Points on an ellipse from `start` to `end` degrees (0 right, 90 down), without the end when whole."""
    whole = abs(end - start) >= 360
    a = np.radians(np.linspace(start, end, n, endpoint=not whole))
    x, y = rx * np.cos(a), ry * np.sin(a)
    t = math.radians(tilt)
    return np.stack([cx + x * math.cos(t) - y * math.sin(t), cy + x * math.sin(t) + y * math.cos(t)], 1)


def lumpy(r: random.Random, cx, cy, rx, ry, lumps: float = 0.06, n: int = 26,
          tilt: float = 0.0) -> np.ndarray:
    """A crayon circle: an ellipse dented and swollen at random, as a small hand goes round."""
    a = np.linspace(0, 2 * math.pi, n, endpoint=False)
    radius = 1 + sum(lumps * r.uniform(0.3, 1) * np.sin(k * a + r.uniform(0, 6.3)) for k in (1, 2, 3))
    t = math.radians(tilt)
    x, y = rx * radius * np.cos(a), ry * radius * np.sin(a)
    return np.stack([cx + x * math.cos(t) - y * math.sin(t), cy + x * math.sin(t) + y * math.cos(t)], 1)


def tube(centre, width: float) -> np.ndarray:
    """A closed outline round a path (a neck, a leg, a handle): the path offset to both sides, ends rounded
    off by the smoothing."""
    c = chaikin(np.asarray(centre, float), 2, closed=False)
    d = np.gradient(c, axis=0)
    d /= np.maximum(np.hypot(*d.T), 1e-9)[:, None]
    normal = np.stack([-d[:, 1], d[:, 0]], 1) * width / 2
    return np.vstack([c + normal, (c - normal)[::-1]])


def star(cx, cy, outer, inner, arms: int, turn: float = -90.0) -> np.ndarray:
    a = np.radians(turn + np.arange(2 * arms) * 180 / arms)
    radius = np.where(np.arange(2 * arms) % 2 == 0, outer, inner)
    return np.stack([cx + radius * np.cos(a), cy + radius * np.sin(a)], 1)


def j(r: random.Random, value: float, spread: float = 0.1) -> float:
    """`value`, a little more or less: a child's proportions."""
    return value * (1 + r.uniform(-spread, spread))


def legs(s: Sketch, r: random.Random, xs, top: float, length: float, width: float = 0.0) -> None:
    """Legs down from `top`: crayon sticks, or narrow shapes when `width`."""
    for x in xs:
        x += r.uniform(-0.02, 0.02)
        foot = (x + r.uniform(-0.04, 0.04), top + j(r, length))
        if width:
            s.outline(tube([(x, top - 0.02), foot], width), smooth=0)
        else:
            s.line([(x, top - 0.01), foot], smooth=0)


# ---- things the recogniser learns in its fifth version ----

def ambulance(s: Sketch, r: random.Random) -> None:
    top, bottom, cab = j(r, 0.2), j(r, 0.7, 0.04), j(r, 0.64, 0.04)
    s.outline([(0.05, top), (cab, top), (cab, 0.4), (0.8, 0.4), (0.95, 0.55), (0.95, bottom), (0.05, bottom)],
              body=True, smooth=1)
    s.outline([(cab + 0.03, 0.44), (0.79, 0.44), (0.89, 0.55), (cab + 0.03, 0.55)], smooth=1)
    cx, cy, arm = j(r, 0.34), (top + bottom) / 2 - 0.03, j(r, 0.05)
    plus = [(-1, -3), (1, -3), (1, -1), (3, -1), (3, 1), (1, 1), (1, 3), (-1, 3), (-1, 1), (-3, 1), (-3, -1),
            (-1, -1)]
    s.outline([(cx + u * arm / 1.5, cy + v * arm / 1.5) for u, v in plus], smooth=0)
    for x in (0.24, 0.78):
        s.outline(lumpy(r, x, bottom + 0.02, 0.085, 0.085, 0.04, 16))
    s.outline(oval(0.45, top - 0.005, 0.05, 0.05, 10, start=180, end=360))


def ant(s: Sketch, r: random.Random) -> None:
    y = 0.5
    head, chest, belly = j(r, 0.09), j(r, 0.1), j(r, 0.17)
    s.outline(lumpy(r, 0.16, y - 0.03, head, head * 0.9, 0.05, 16), body=True)
    cx = 0.16 + head + chest * 1.05
    s.outline(lumpy(r, cx, y, chest, chest * 0.75, 0.05, 16), body=True)
    bx = cx + chest + belly * 1.02
    s.outline(lumpy(r, bx, y + 0.02, belly, belly * 0.72, 0.05, 22), body=True)
    for k, dx in enumerate((-0.05, 0.0, 0.05)):
        for side in (-1, 1):
            knee = (cx + dx * 2.2, y + side * (chest * 0.75 + 0.1))
            s.line([(cx + dx, y + side * chest * 0.6), knee, (knee[0] + (k - 1) * 0.07 + 0.02, knee[1]
                                                               + side * 0.09)], smooth=0)
    for dx in (-0.02, 0.03):
        s.line([(0.16 + dx, y - 0.03 - head * 0.8), (0.12 + dx * 2, y - 0.22), (0.06 + dx * 3, y - 0.25)])
    s.dot(0.12, y - 0.05, 0.012)


def basketball(s: Sketch, r: random.Random) -> None:
    radius = 0.4
    ball = lumpy(r, 0.5, 0.5, radius, j(r, radius, 0.05), 0.03, 30)
    s.outline(ball, body=True)
    s.line([(0.5 + r.uniform(-0.03, 0.03), 0.5 - radius - 0.01), (0.48, 0.5), (0.5, 0.5 + radius + 0.01)])
    s.line([(0.09, 0.5 + r.uniform(-0.03, 0.03)), (0.5, 0.48), (0.91, 0.5)])
    for side in (-1, 1):
        s.line(oval(0.5 + side * 0.52, 0.5, 0.3, 0.3, 9, start=110 if side > 0 else -70,
                    end=250 if side > 0 else 70))


def baseball(s: Sketch, r: random.Random) -> None:
    s.outline(lumpy(r, 0.5, 0.5, 0.4, j(r, 0.4, 0.05), 0.03, 30), body=True)
    for side in (-1, 1):
        seam = oval(0.5 + side * 0.6, 0.5, 0.36, 0.36, 10, start=135 if side > 0 else -45,
                    end=225 if side > 0 else 45)
        s.line(seam)
        for x, y in seam[1:-1:2]:
            dx = -side * 0.035
            s.line([(x - dx, y - 0.02), (x + dx, y + 0.02)], smooth=0)


def blueberries(s: Sketch, r: random.Random) -> None:
    berries = [(0.27, 0.62, 0.19), (0.71, 0.6, 0.19), (0.5, 0.26, 0.17)][: r.choice((2, 3, 3))]
    for x, y, radius in berries:
        radius = j(r, radius, 0.08)
        s.outline(lumpy(r, x, y, radius, radius * j(r, 0.95, 0.05), 0.04, 22), body=True)
        crown = star(x + r.uniform(-0.04, 0.04), y - radius * 0.35, radius * 0.28, radius * 0.12, 5)
        s.outline(crown, smooth=0)


def camel(s: Sketch, r: random.Random) -> None:
    h1, h2 = j(r, 0.18), j(r, 0.15)
    back = [(0.2, 0.55), (0.22, 0.42), (0.32, 0.42 - h1), (0.42, 0.38), (0.52, 0.4 - h2), (0.64, 0.42),
            (0.72, 0.52), (0.7, 0.72), (0.25, 0.72)]
    s.outline(back, body=True)
    s.outline(tube([(0.7, 0.5), (0.8, 0.42), (0.83, 0.22)], 0.07), smooth=1)
    s.outline(lumpy(r, 0.87, 0.19, 0.075, 0.05, 0.04, 14, tilt=15))
    s.dot(0.88, 0.17, 0.01)
    legs(s, r, (0.28, 0.37, 0.58, 0.66), 0.72, 0.22)
    s.line([(0.2, 0.52), (0.13, 0.62), (0.14, 0.68)])


def crown(s: Sketch, r: random.Random) -> None:
    points = r.choice((3, 4, 5))
    top = [(0.1, 0.72)]
    xs = np.linspace(0.1, 0.9, 2 * points - 1)
    for k, x in enumerate(xs):
        top.append((x, j(r, 0.2, 0.15) if k % 2 == 0 else j(r, 0.45, 0.08)))
    top.append((0.9, 0.72))
    s.outline([(0.1, 0.8), *top, (0.9, 0.8)], body=True, smooth=0)
    s.line([(0.1, 0.66), (0.9, 0.66 + r.uniform(-0.02, 0.02))])
    for x in xs[::2]:
        s.outline(lumpy(r, x, 0.21, 0.035, 0.035, 0.05, 10))
    s.outline(lumpy(r, 0.5, 0.55, 0.05, 0.05, 0.05, 12))


def diamond(s: Sketch, r: random.Random) -> None:
    w, girdle = j(r, 0.3), j(r, 0.35)
    gem = [(0.5 - w * 0.7, 0.15), (0.5 + w * 0.7, 0.15), (0.5 + w + 0.15, girdle), (0.5, 0.95),
           (0.35 - w, girdle)]
    s.outline(gem, body=True, smooth=0)
    s.line([(0.35 - w, girdle), (0.65 + w, girdle)], smooth=0)
    s.line([(0.5 - w * 0.7, 0.15), (0.5 - w * 0.35, girdle), (0.5, 0.95)], smooth=0)
    s.line([(0.5 + w * 0.7, 0.15), (0.5 + w * 0.35, girdle)], smooth=0)
    for dx, dy in ((0.88, 0.08), (0.1, 0.05)):
        s.line([(dx - 0.04, dy), (dx + 0.04, dy)], smooth=0)
        s.line([(dx, dy - 0.04), (dx, dy + 0.04)], smooth=0)


def hedgehog(s: Sketch, r: random.Random) -> None:
    spikes = r.randint(7, 10)
    back = []
    for k, a in enumerate(np.radians(np.linspace(172, 35, 2 * spikes))):
        radius = 0.36 if k % 2 == 0 else j(r, 0.47, 0.06)
        back.append((0.45 + radius * math.cos(a), 0.66 - radius * math.sin(a) * 0.9))
    s.outline([*back, (0.97, 0.6), (0.86, 0.7), (0.45, 0.72), (0.12, 0.7)], body=True, smooth=0)
    s.line([back[-1], (0.72, 0.56), (0.74, 0.7)])
    s.dot(0.83, 0.53, 0.014)
    s.dot(0.96, 0.6, 0.02)
    legs(s, r, (0.3, 0.6), 0.71, 0.07)


def kangaroo(s: Sketch, r: random.Random) -> None:
    belly = j(r, 0.68, 0.05)
    s.outline([(0.3, 0.78), (0.3, 0.52), (0.42, 0.32), (0.54, 0.22), (0.58, 0.12), (0.68, 0.09), (0.84, 0.15),
               (0.72, 0.23), (0.62, 0.3), (belly - 0.04, 0.45), (belly, 0.62), (0.66, 0.8), (0.45, 0.86)],
              body=True, smooth=2)
    for dx in (0.0, 0.05):
        s.outline(oval(0.58 + dx, 0.04, 0.022, 0.06, 10, tilt=20 + dx * 200))
    s.dot(0.66, 0.13, 0.012)
    s.dot(0.83, 0.15, 0.014)
    s.outline(tube([(0.33, 0.74), (0.18, 0.86), (0.02, 0.92)], 0.07), smooth=0)
    s.outline(tube([(0.5, 0.85), (0.62, 0.93), (0.8, 0.93)], 0.06), smooth=0)
    s.line([(0.5, 0.58), (0.56, 0.66), (belly - 0.03, 0.62)])
    s.line([(0.6, 0.38), (0.72, 0.42), (0.75, 0.38)])


def lobster(s: Sketch, r: random.Random) -> None:
    s.outline(lumpy(r, 0.5, 0.45, j(r, 0.15), j(r, 0.22), 0.04, 22), body=True)
    tail = [(0.4, 0.64), (0.6, 0.64), (0.56, 0.8), (0.64, 0.94), (0.36, 0.94), (0.44, 0.8)]
    s.outline(tail, smooth=1)
    s.line([(0.43, 0.74), (0.57, 0.74)], smooth=0)
    for side in (-1, 1):
        s.line([(0.5 + side * 0.12, 0.32), (0.5 + side * 0.22, 0.22)], smooth=0)
        claw = [(0.5 + side * 0.22, 0.24), (0.5 + side * 0.34, 0.22), (0.5 + side * 0.38, 0.08),
                (0.5 + side * 0.31, 0.13), (0.5 + side * 0.27, 0.04), (0.5 + side * 0.2, 0.12)]
        s.outline(claw, smooth=1)
        for k in range(3):
            y = 0.44 + 0.08 * k
            s.line([(0.5 + side * 0.14, y), (0.5 + side * 0.26, y + 0.02), (0.5 + side * 0.3, y + 0.07)],
                   smooth=0)
        s.line([(0.5 + side * 0.04, 0.24), (0.5 + side * 0.1, 0.1), (0.5 + side * 0.08, 0.0)])
        s.dot(0.5 + side * 0.05, 0.31, 0.015)


def monkey(s: Sketch, r: random.Random) -> None:
    s.outline(lumpy(r, 0.5, 0.64, j(r, 0.2), j(r, 0.24), 0.04, 22), body=True)
    for side in (-1, 1):
        s.outline(lumpy(r, 0.5 + side * 0.19, 0.22, 0.06, 0.065, 0.05, 12))
    s.outline(lumpy(r, 0.5, 0.24, 0.15, 0.14, 0.03, 20))
    s.outline([(0.4, 0.2), (0.5, 0.17), (0.6, 0.2), (0.6, 0.3), (0.5, 0.34), (0.4, 0.3)])
    for side in (-1, 1):
        s.dot(0.5 + side * 0.045, 0.22, 0.012)
    s.line([(0.46, 0.29), (0.5, 0.31), (0.54, 0.29)])
    s.line([(0.69, 0.76), (0.85, 0.7), (0.9, 0.55), (0.82, 0.48), (0.78, 0.56)])
    for side in (-1, 1):
        s.line([(0.5 + side * 0.18, 0.52), (0.5 + side * 0.3, 0.6), (0.5 + side * 0.32, 0.7)])


def peanut(s: Sketch, r: random.Random) -> None:
    waist = j(r, 0.13)
    a = np.linspace(0, 2 * math.pi, 40, endpoint=False)
    # Two lobes and a waist: the half-height dips where the outline crosses the middle (cos a near 0).
    ry = 0.22 - (0.22 - waist) * np.exp(-(np.cos(a) ** 2) / 0.05)
    shape = np.stack([0.5 + 0.44 * np.cos(a), 0.5 + ry * np.sin(a) * (1 + 0.1 * np.cos(a))], 1)
    s.outline(shape, body=True, smooth=1)
    for x, y in ((0.25, 0.45), (0.3, 0.56), (0.2, 0.55), (0.7, 0.44), (0.76, 0.54), (0.66, 0.56)):
        s.dot(x + r.uniform(-0.02, 0.02), y + r.uniform(-0.02, 0.02), 0.012)


def peas(s: Sketch, r: random.Random) -> None:
    n = r.randint(4, 5)
    pod = [(0.03, 0.52), (0.25, 0.34), (0.5, 0.32), (0.75, 0.34), (0.97, 0.5), (0.75, 0.66), (0.5, 0.68),
           (0.25, 0.66)]
    s.outline(pod, body=True, smooth=2)
    for x in np.linspace(0.2, 0.8, n):
        radius = j(r, 0.06, 0.1)
        s.outline(lumpy(r, x, 0.5 + r.uniform(-0.01, 0.01), radius, radius, 0.04, 12))
    s.line([(0.03, 0.52), (0.0, 0.42), (0.05, 0.36), (0.09, 0.42)])


def raccoon(s: Sketch, r: random.Random) -> None:
    face = [(0.1, 0.35), (0.2, 0.05), (0.34, 0.22), (0.66, 0.22), (0.8, 0.05), (0.9, 0.35), (0.98, 0.55),
            (0.84, 0.62), (0.72, 0.82), (0.5, 0.92), (0.28, 0.82), (0.16, 0.62), (0.02, 0.55)]
    s.outline(face, body=True, smooth=1)
    for side in (-1, 1):
        s.fill(oval(0.5 + side * 0.16, 0.47, j(r, 0.13), j(r, 0.075), 14, tilt=side * 12))
        s.hole(0.5 + side * 0.15, 0.46, 0.035)
        s.dot(0.5 + side * 0.15, 0.46, 0.014)
    s.fill(oval(0.5, 0.66, 0.05, 0.035, 10))
    s.line([(0.44, 0.76), (0.5, 0.72), (0.56, 0.76)])


def rhinoceros(s: Sketch, r: random.Random) -> None:
    s.outline(lumpy(r, 0.42, 0.5, j(r, 0.3), j(r, 0.2), 0.04, 26), body=True)
    head = [(0.66, 0.36), (0.8, 0.38), (0.95, 0.52), (0.94, 0.64), (0.78, 0.66), (0.66, 0.6)]
    s.outline(head, smooth=1)
    s.outline([(0.88, 0.48), (0.97, 0.3), (0.93, 0.5)], smooth=0)
    s.outline([(0.8, 0.41), (0.84, 0.3), (0.85, 0.43)], smooth=0)
    s.outline(oval(0.71, 0.33, 0.025, 0.05, 8))
    s.dot(0.79, 0.47, 0.012)
    for x in (0.22, 0.36, 0.5, 0.62):
        s.outline(tube([(x, 0.64), (x + r.uniform(-0.02, 0.02), 0.84)], j(r, 0.08)), smooth=0)
    s.line([(0.13, 0.46), (0.06, 0.5), (0.05, 0.56)])


def skull(s: Sketch, r: random.Random) -> None:
    s.outline([(0.5, 0.05), (0.85, 0.18), (0.92, 0.45), (0.78, 0.62), (0.72, 0.9), (0.28, 0.9), (0.22, 0.62),
               (0.08, 0.45), (0.15, 0.18)], body=True, smooth=2)
    for side in (-1, 1):
        s.fill(lumpy(r, 0.5 + side * 0.18, 0.43, j(r, 0.1), j(r, 0.09), 0.06, 14))
    s.fill([(0.5, 0.56), (0.55, 0.66), (0.45, 0.66)], smooth=0)
    for x in np.linspace(0.36, 0.64, 5):
        s.line([(x, 0.74), (x + r.uniform(-0.01, 0.01), 0.86)], smooth=0)


def soccer_ball(s: Sketch, r: random.Random) -> None:
    s.outline(lumpy(r, 0.5, 0.5, 0.42, j(r, 0.42, 0.05), 0.03, 32), body=True)
    turn = r.uniform(-90, -54)
    middle = star(0.5, 0.5, 0.11, 0.11, 5, turn)[::2]
    s.fill(middle, smooth=0)
    for k, (x, y) in enumerate(middle):
        a = math.radians(turn + 72 * k)
        edge = (0.5 + 0.42 * math.cos(a), 0.5 + 0.42 * math.sin(a))
        s.line([(x, y), edge], smooth=0)
        if k % 2 == 0:
            out = math.radians(turn + 72 * k + 36)
            s.fill([(0.5 + 0.43 * math.cos(out - 0.25), 0.5 + 0.43 * math.sin(out - 0.25)),
                    (0.5 + 0.34 * math.cos(out), 0.5 + 0.34 * math.sin(out)),
                    (0.5 + 0.43 * math.cos(out + 0.25), 0.5 + 0.43 * math.sin(out + 0.25))], smooth=0)


def spider(s: Sketch, r: random.Random) -> None:
    s.outline(lumpy(r, 0.5, 0.6, j(r, 0.2), j(r, 0.18), 0.04, 22), body=True)
    s.outline(lumpy(r, 0.5, 0.33, 0.11, 0.09, 0.04, 14))
    for side in (-1, 1):
        for k in range(4):
            y = 0.42 + 0.07 * k
            knee = (0.5 + side * (0.3 + 0.03 * k), y - 0.12 + 0.06 * k)
            foot = (0.5 + side * (0.43 + 0.02 * k), y + 0.06 + 0.06 * k)
            s.line([(0.5 + side * 0.15, y + 0.03), knee, foot], smooth=0)
        s.dot(0.5 + side * 0.04, 0.32, 0.015)
    s.line([(0.5, 0.24), (0.5 + r.uniform(-0.02, 0.02), 0.0)], smooth=0)


def swan(s: Sketch, r: random.Random) -> None:
    belly = j(r, 0.85, 0.04)
    body = [(0.05, 0.45), (0.2, 0.6), (0.5, 0.58), (0.62, 0.52), (0.75, 0.56), (0.85, 0.66), (0.72, belly),
            (0.3, belly), (0.1, 0.7)]
    s.outline(body, body=True, smooth=2)
    s.outline(tube([(0.66, 0.56), (0.72, 0.35), (0.64, 0.22), (0.62, 0.1), (0.72, 0.06)], 0.07), smooth=0)
    s.outline([(0.74, 0.03), (0.86, 0.08), (0.74, 0.1)], smooth=0)
    s.dot(0.69, 0.06, 0.011)
    s.line([(0.25, 0.62), (0.45, 0.64), (0.6, 0.68), (0.45, 0.74), (0.28, 0.7)])


# ---- things the recogniser does not know ----

def koala(s: Sketch, r: random.Random) -> None:
    for side in (-1, 1):
        ear = lumpy(r, 0.5 + side * 0.37, 0.3, j(r, 0.15), j(r, 0.14), 0.05, 18)
        s.outline(ear)
        s.outline(lumpy(r, 0.5 + side * 0.38, 0.31, 0.07, 0.06, 0.06, 12))
    s.outline(lumpy(r, 0.5, 0.56, j(r, 0.33), j(r, 0.29), 0.03, 26), body=True)
    s.fill(oval(0.5, 0.6, j(r, 0.07), j(r, 0.11), 14))
    for side in (-1, 1):
        s.dot(0.5 + side * 0.15, 0.5, 0.016)
    s.line([(0.42, 0.77), (0.5, 0.79), (0.58, 0.77)])


def polar_bear(s: Sketch, r: random.Random) -> None:
    s.outline(lumpy(r, 0.45, 0.52, j(r, 0.32), j(r, 0.2), 0.04, 26), body=True)
    s.outline(lumpy(r, 0.82, 0.4, 0.14, 0.12, 0.04, 18))
    s.outline(oval(0.76, 0.28, 0.04, 0.04, 10, start=150, end=390))
    s.fill(oval(0.96, 0.42, 0.025, 0.02, 8))
    s.dot(0.85, 0.36, 0.012)
    for x in (0.22, 0.36, 0.54, 0.66):
        s.outline(tube([(x, 0.62), (x + r.uniform(-0.02, 0.02), 0.8)], j(r, 0.11)), smooth=0)
    s.line([(0.14, 0.46), (0.1, 0.44)])


def orca(s: Sketch, r: random.Random) -> None:
    fin = j(r, 0.22)
    body = [(0.05, 0.55), (0.15, 0.4), (0.38, 0.33), (0.45, 0.33 - fin), (0.55, 0.33), (0.75, 0.38),
            (0.88, 0.5), (0.98, 0.36), (0.93, 0.53), (0.98, 0.7), (0.88, 0.56), (0.72, 0.66), (0.35, 0.7),
            (0.12, 0.66)]
    s.outline(body, body=True, smooth=1)
    s.outline(lumpy(r, 0.27, 0.44, 0.08, 0.035, 0.05, 12, tilt=-8))
    s.outline([(0.15, 0.58), (0.3, 0.58), (0.5, 0.62), (0.3, 0.65), (0.17, 0.63)], smooth=1)
    s.outline([(0.4, 0.68), (0.44, 0.82), (0.5, 0.69)], smooth=1)
    s.dot(0.16, 0.5, 0.012)


def beaver(s: Sketch, r: random.Random) -> None:
    s.outline(lumpy(r, 0.3, 0.86, 0.16, 0.08, 0.03, 16, tilt=-15))
    s.line([(0.19, 0.9), (0.38, 0.8)], smooth=0)
    s.line([(0.23, 0.94), (0.35, 0.78)], smooth=0)
    s.outline(lumpy(r, 0.55, 0.58, j(r, 0.22), j(r, 0.27), 0.04, 24), body=True)
    s.outline(lumpy(r, 0.62, 0.2, 0.14, 0.12, 0.04, 18))
    for side in (-1, 1):
        s.outline(oval(0.62 + side * 0.12, 0.09, 0.035, 0.03, 8))
        s.dot(0.62 + side * 0.06, 0.17, 0.013)
    s.outline([(0.6, 0.28), (0.64, 0.28), (0.645, 0.35), (0.595, 0.35)], smooth=0)
    s.fill(oval(0.62, 0.24, 0.03, 0.02, 8))
    legs(s, r, (0.45, 0.66), 0.84, 0.08)


def bat(s: Sketch, r: random.Random) -> None:
    spread = j(r, 0.47, 0.04)
    wing = [(0.56, 0.38), (0.75, 0.3), (0.5 + spread, 0.28), (0.92, 0.48), (0.82, 0.46), (0.78, 0.56),
            (0.68, 0.52), (0.6, 0.62)]
    left = [(1 - x, y) for x, y in wing[::-1]]
    bat_shape = [(0.47, 0.3), (0.45, 0.2), (0.5, 0.26), (0.55, 0.2), (0.53, 0.3), *wing, (0.5, 0.66), *left]
    s.outline(bat_shape, body=True, smooth=0)
    for side in (-1, 1):
        s.dot(0.5 + side * 0.03, 0.35, 0.012)


def gorilla(s: Sketch, r: random.Random) -> None:
    s.outline(lumpy(r, 0.5, 0.6, j(r, 0.26), j(r, 0.26), 0.04, 26), body=True)
    for side in (-1, 1):
        arm = [(0.5 + side * 0.23, 0.45), (0.5 + side * 0.36, 0.65), (0.5 + side * 0.36, 0.93)]
        s.outline(tube(arm, 0.1))
        s.outline(tube([(0.5 + side * 0.12, 0.82), (0.5 + side * 0.14, 0.97)], 0.1), smooth=0)
    s.outline(lumpy(r, 0.5, 0.24, 0.14, 0.13, 0.04, 18))
    s.outline(lumpy(r, 0.5, 0.28, 0.09, 0.07, 0.05, 14))
    for side in (-1, 1):
        s.dot(0.5 + side * 0.05, 0.19, 0.013)
        s.dot(0.5 + side * 0.025, 0.28, 0.01)


def gingerbread_man(s: Sketch, r: random.Random) -> None:
    arm, leg = j(r, 0.1), j(r, 0.11)
    man = [(0.4, 0.32), (0.18, 0.34), (0.1, 0.38), (0.12, 0.46), (0.18, 0.48), (0.35, 0.48), (0.35, 0.62),
           (0.22, 0.86), (0.26, 0.94), (0.34, 0.93), (0.5, 0.72), (0.66, 0.93), (0.74, 0.94), (0.78, 0.86),
           (0.65, 0.62), (0.65, 0.48), (0.82, 0.48), (0.88, 0.46), (0.9, 0.38), (0.82, 0.34), (0.6, 0.32),
           (0.66, 0.22), (0.62, 0.06), (0.5, 0.02), (0.38, 0.06), (0.34, 0.22)]
    man = [(x + (x - 0.5) * (arm - 0.1) if 0.3 < y < 0.5 else x, y + (leg - 0.11) if y > 0.8 else y)
           for x, y in man]
    s.outline(man, body=True, smooth=1)
    for x in (0.2, 0.8):
        s.line([(x, 0.36), (x - 0.02, 0.41), (x + 0.01, 0.46)], smooth=0)
    for y in (0.5, 0.6):
        s.dot(0.5, y, 0.02)
    for side in (-1, 1):
        s.dot(0.5 + side * 0.05, 0.12, 0.014)
    s.line([(0.44, 0.19), (0.5, 0.22), (0.56, 0.19)])


def acorn(s: Sketch, r: random.Random) -> None:
    cap = j(r, 0.4, 0.05)
    nut = [(0.5 - cap * 0.85, 0.4), (0.5 + cap * 0.85, 0.4), (0.7, 0.72), (0.5, 0.96), (0.3, 0.72)]
    s.outline(nut, body=True, smooth=2)
    s.outline([(0.5 - cap, 0.42), (0.5 - cap, 0.3), (0.4, 0.16), (0.6, 0.16), (0.5 + cap, 0.3),
               (0.5 + cap, 0.42)], smooth=2)
    s.line([(0.5 - cap * 0.7, 0.28), (0.5 + cap * 0.7, 0.28)], smooth=0)
    s.outline(tube([(0.5, 0.17), (0.53, 0.06), (0.6, 0.03)], 0.045), smooth=0)


def caterpillar(s: Sketch, r: random.Random) -> None:
    n = r.randint(4, 6)
    radius = j(r, 0.1)
    edge = 0.0
    for k in range(n):
        rk = radius * j(r, 1.0, 0.08)
        x, y = edge + rk, 0.6 + (0.06 if k % 2 else -0.02)
        s.outline(lumpy(r, x, y, rk, rk, 0.04, 14), body=True)
        s.line([(x, y + rk), (x + r.uniform(-0.02, 0.02), y + rk + 0.07)], smooth=0)
        edge = x + rk * 0.98
    head = radius * 1.4
    hx, hy = edge + head * 0.9, 0.44
    s.outline(lumpy(r, hx, hy, head, head, 0.03, 18), body=True)
    for side in (-1, 1):
        s.dot(hx + side * head * 0.35, hy - head * 0.15, 0.015)
        s.line([(hx + side * head * 0.4, hy - head), (hx + side * head * 0.7, hy - head - 0.12)])
    smile = head * 0.35
    s.line([(hx - smile, hy + smile), (hx, hy + head * 0.5), (hx + smile, hy + smile)])


def jellyfish(s: Sketch, r: random.Random) -> None:
    waves = r.randint(4, 6)
    dome = oval(0.5, 0.45, j(r, 0.4), j(r, 0.35), 18, start=180, end=360)
    hem = [(0.9 - 0.8 * t, 0.45 + (0.05 if k % 2 else 0.0))
           for k, t in enumerate(np.linspace(0, 1, 2 * waves + 1))]
    s.outline([*dome, *hem[1:-1]], body=True, smooth=1)
    for x in np.linspace(0.2, 0.8, r.randint(4, 5)):
        s.line([(x, 0.5), (x + 0.04, 0.62), (x - 0.03, 0.74), (x + 0.03, 0.86), (x, 0.97)])
    for side in (-1, 1):
        s.dot(0.5 + side * 0.09, 0.32, 0.016)


def jeans(s: Sketch, r: random.Random) -> None:
    flare = j(r, 0.04, 0.5)
    s.outline([(0.22, 0.06), (0.78, 0.06), (0.8 + flare, 0.94), (0.56, 0.94), (0.5, 0.38), (0.44, 0.94),
               (0.2 - flare, 0.94)], body=True, smooth=0)
    s.line([(0.22, 0.14), (0.78, 0.14)], smooth=0)
    s.line([(0.5, 0.15), (0.5, 0.3)], smooth=0)
    for side in (-1, 1):
        s.line([(0.5 + side * 0.2, 0.15), (0.5 + side * 0.16, 0.22), (0.5 + side * 0.27, 0.24)])


def frying_pan(s: Sketch, r: random.Random) -> None:
    radius = j(r, 0.3, 0.05)
    s.outline(lumpy(r, 0.35, 0.5, radius, radius * 0.9, 0.02, 28), body=True)
    s.outline(lumpy(r, 0.35, 0.5, radius * 0.8, radius * 0.72, 0.02, 24), body=True)
    s.outline(tube([(0.35 + radius, 0.5), (0.98, 0.46)], j(r, 0.08)), smooth=0)
    s.dot(0.9, 0.465, 0.015)


def chili_pepper(s: Sketch, r: random.Random) -> None:
    bend = j(r, 0.25)
    spine = np.array([(0.2, 0.3), (0.45, 0.4 + bend * 0.2), (0.7, 0.55 + bend * 0.3), (0.95, 0.4 + bend)])
    spine = chaikin(spine, 3, closed=False)
    width = 0.2 * (1 - np.linspace(0, 1, len(spine)) ** 1.3) + 0.01
    d = np.gradient(spine, axis=0)
    d /= np.hypot(*d.T)[:, None]
    normal = np.stack([-d[:, 1], d[:, 0]], 1) * width[:, None] / 2
    s.outline(np.vstack([spine + normal, (spine - normal)[::-1]]), body=True, smooth=1)
    s.outline([(0.2, 0.2), (0.24, 0.34), (0.18, 0.4), (0.12, 0.3)], smooth=1)
    s.line([(0.15, 0.3), (0.08, 0.18), (0.1, 0.1)])


def olive(s: Sketch, r: random.Random) -> None:
    count = r.choice((1, 2))
    for k in range(count):
        cx = 0.5 if count == 1 else 0.3 + 0.42 * k
        rx = j(r, 0.3 if count == 1 else 0.2)
        s.outline(lumpy(r, cx, 0.55, rx, rx * 0.72, 0.03, 20, tilt=-20 + 40 * k), body=True)
        s.outline(lumpy(r, cx + rx * 0.65, 0.55 - rx * 0.25, rx * 0.2, rx * 0.2, 0.05, 12))
    s.line([(0.5, 0.38), (0.45, 0.2), (0.55, 0.06)])
    s.outline(oval(0.62, 0.15, 0.14, 0.03, 12, tilt=-25))


def plum(s: Sketch, r: random.Random) -> None:
    radius = j(r, 0.36)
    s.outline(lumpy(r, 0.5, 0.56, radius, radius * j(r, 0.95, 0.05), 0.04, 26), body=True)
    s.line([(0.5, 0.56 - radius * 0.95), (0.43, 0.45), (0.45, 0.7)])
    s.line([(0.5, 0.56 - radius), (0.52, 0.1)])
    s.outline([(0.52, 0.14), (0.68, 0.04), (0.82, 0.1), (0.66, 0.18)], smooth=2)


def starfish(s: Sketch, r: random.Random) -> None:
    arms = star(0.5, 0.52, j(r, 0.46, 0.05), j(r, 0.2, 0.1), 5, r.uniform(-100, -80))
    s.outline(arms, body=True, smooth=1)
    for x, y in arms[::2]:
        for t in (0.45, 0.7):
            s.dot(0.5 + (x - 0.5) * t, 0.52 + (y - 0.52) * t, 0.012)
    for side in (-1, 1):
        s.dot(0.5 + side * 0.05, 0.48, 0.016)
    s.line([(0.45, 0.56), (0.5, 0.59), (0.55, 0.56)])


def tennis_ball(s: Sketch, r: random.Random) -> None:
    s.outline(lumpy(r, 0.5, 0.5, 0.4, j(r, 0.4, 0.04), 0.025, 30), body=True)
    bow = j(r, 0.25)
    s.line([(0.22, 0.2), (0.22 + bow, 0.5), (0.22, 0.8)], smooth=2)
    s.line([(0.78, 0.2), (0.78 - bow, 0.5), (0.78, 0.8)], smooth=2)
    # Fuzz: a few short hairs standing off the felt.
    for a in np.radians((-40, 20, 200)):
        s.line([(0.5 + 0.47 * math.cos(a), 0.5 + 0.47 * math.sin(a)),
                (0.5 + 0.53 * math.cos(a), 0.5 + 0.53 * math.sin(a))], smooth=0)


def mailbox(s: Sketch, r: random.Random) -> None:
    w = j(r, 0.22)
    s.outline([(0.5 - w, 0.7), (0.5 - w, 0.3), *oval(0.5, 0.3, w, j(r, 0.18), 10, start=180, end=360)[1:-1],
               (0.5 + w, 0.3), (0.5 + w, 0.7)], body=True, smooth=1)
    s.outline([(0.5 - w * 0.6, 0.3), (0.5 + w * 0.6, 0.3), (0.5 + w * 0.6, 0.35), (0.5 - w * 0.6, 0.35)],
              smooth=0)
    s.outline(tube([(0.5, 0.7), (0.5, 0.96)], 0.08), smooth=0)
    s.line([(0.5 + w, 0.5), (0.5 + w + 0.12, 0.5), (0.5 + w + 0.12, 0.26)], smooth=0)
    s.outline([(0.5 + w + 0.12, 0.26), (0.5 + w + 0.24, 0.29), (0.5 + w + 0.12, 0.33)], smooth=0)
    letter = w * 0.45
    envelope = [(0.5 - letter, 0.46), (0.5 + letter, 0.46), (0.5 + letter, 0.56), (0.5 - letter, 0.56)]
    s.outline(envelope, smooth=0)
    s.line([(0.5 - letter, 0.46), (0.5, 0.52), (0.5 + letter, 0.46)], smooth=0)


def traffic_light(s: Sketch, r: random.Random) -> None:
    w = j(r, 0.17)
    s.outline([(0.5 - w, 0.05), (0.5 + w, 0.05), (0.5 + w, 0.72), (0.5 - w, 0.72)], body=True, smooth=1)
    for y in (0.18, 0.38, 0.58):
        s.outline(lumpy(r, 0.5, y, w * 0.55, w * 0.55, 0.05, 14))
        s.line(oval(0.5, y, w * 0.75, w * 0.75, 7, start=200, end=340), smooth=0)
    s.line([(0.47, 0.72), (0.47, 0.98)], smooth=0)
    s.line([(0.53, 0.72), (0.53, 0.98)], smooth=0)


def iceberg(s: Sketch, r: random.Random) -> None:
    peaks = [(0.08, 0.62), (0.2, 0.42), (0.3, 0.45), (0.45, j(r, 0.1, 0.3)), (0.55, 0.3), (0.66, 0.22),
             (0.78, 0.4), (0.92, 0.62)]
    s.outline(peaks, body=True, smooth=0)
    xs = np.linspace(0.0, 1.0, 11)
    s.line([(x, 0.64 + (0.025 if k % 2 else 0.0)) for k, x in enumerate(xs)])
    for y in (0.76, 0.88):
        x0 = r.uniform(0.1, 0.5)
        s.line([(x0 + 0.06 * k, y + (0.02 if k % 2 else 0.0)) for k in range(6)])
    s.line([(0.45, 0.2), (0.38, 0.4)], smooth=0)


# The half the recogniser's fifth version learns (labels.json: known_by_recogniser_v5).
KNOWN_BY_RECOGNISER_V5 = ("ambulance", "ant", "basketball", "baseball", "blueberries", "camel", "crown",
                          "diamond", "hedgehog", "kangaroo", "lobster", "monkey", "peanut", "peas", "raccoon",
                          "rhinoceros", "skull", "soccer_ball", "spider", "swan")

THINGS: dict[str, tuple[tuple[str, ...], Callable[[Sketch, random.Random], None]]] = {
    "ambulance": (("white", "red"), ambulance),
    "ant": (("black", "red", "brown"), ant),
    "basketball": (("orange", "brown"), basketball),
    "baseball": (("white", "grey"), baseball),
    "blueberries": (("blue", "purple"), blueberries),
    "camel": (("brown", "yellow", "orange"), camel),
    "crown": (("yellow", "orange"), crown),
    "diamond": (("blue", "white", "grey"), diamond),
    "hedgehog": (("brown", "grey"), hedgehog),
    "kangaroo": (("brown", "orange"), kangaroo),
    "lobster": (("red", "orange"), lobster),
    "monkey": (("brown",), monkey),
    "peanut": (("brown", "yellow", "orange"), peanut),
    "peas": (("green",), peas),
    "raccoon": (("grey", "black", "brown"), raccoon),
    "rhinoceros": (("grey",), rhinoceros),
    "skull": (("white", "grey"), skull),
    "soccer_ball": (("white", "black", "grey"), soccer_ball),
    "spider": (("black", "brown"), spider),
    "swan": (("white",), swan),
    "koala": (("grey",), koala),
    "polar_bear": (("white",), polar_bear),
    "orca": (("black",), orca),
    "beaver": (("brown",), beaver),
    "bat": (("black", "grey"), bat),
    "gorilla": (("black", "grey"), gorilla),
    "gingerbread_man": (("brown", "orange"), gingerbread_man),
    "acorn": (("brown",), acorn),
    "caterpillar": (("green",), caterpillar),
    "jellyfish": (("pink", "purple", "blue"), jellyfish),
    "jeans": (("blue",), jeans),
    "frying_pan": (("black", "grey"), frying_pan),
    "chili_pepper": (("red", "green"), chili_pepper),
    "olive": (("green", "black"), olive),
    "plum": (("purple", "red"), plum),
    "starfish": (("orange", "red", "pink", "yellow"), starfish),
    "tennis_ball": (("yellow", "green"), tennis_ball),
    "mailbox": (("red", "blue"), mailbox),
    "traffic_light": (("black", "grey", "yellow"), traffic_light),
    "iceberg": (("white", "blue"), iceberg),
}

# Long, thin or spread-out things need more of the page for room inside their lines.
SMALLEST = {"ant": 0.7, "camel": 0.65, "spider": 0.6, "lobster": 0.65, "caterpillar": 0.7,
            "chili_pepper": 0.6, "kangaroo": 0.6, "swan": 0.6, "traffic_light": 0.6, "mailbox": 0.6,
            "peas": 0.6, "jeans": 0.55, "gingerbread_man": 0.6, "monkey": 0.6, "gorilla": 0.6,
            "rhinoceros": 0.55, "bat": 0.6, "frying_pan": 0.6, "olive": 0.55, "acorn": 0.55,
            "polar_bear": 0.6}


# ---- the crayon ----

def resample(points: np.ndarray, step: float, closed: bool) -> np.ndarray:
    if closed:
        points = np.vstack([points, points[:1]])
    along = np.r_[0, np.cumsum(np.hypot(*np.diff(points, axis=0).T))]
    if along[-1] < 1e-6:
        return points[:1]
    at = np.linspace(0, along[-1], max(2, int(along[-1] / step) + 1))
    return np.stack([np.interp(at, along, points[:, 0]), np.interp(at, along, points[:, 1])], 1)


def smooth_noise(r: random.Random, count: int, wavelengths: tuple[float, float]) -> np.ndarray:
    """A slow random wave in [-1, 1] over `count` samples: pressure, or a hand drifting off the path."""
    t = np.arange(count, dtype=float)
    wave = np.zeros(count)
    for _ in range(3):
        wave += r.uniform(0.3, 1.0) * np.sin(2 * math.pi * t / r.uniform(*wavelengths) + r.uniform(0, 6.3))
    return wave / max(1e-9, np.abs(wave).max())


def drift(path: np.ndarray, r: random.Random, amplitude: float) -> np.ndarray:
    """A small hand drifts across its path and back, slowly: no fine tremor, the crayon is too blunt."""
    if len(path) < 3:
        return path
    tangent = np.gradient(path, axis=0)
    tangent /= np.maximum(np.hypot(*tangent.T), 1e-9)[:, None]
    offset = amplitude * smooth_noise(r, len(path), (20, 90))
    return path + np.stack([-tangent[:, 1], tangent[:, 0]], 1) * offset[:, None]


def go_round(points: np.ndarray, r: random.Random, big: bool, width: float) -> np.ndarray:
    """A closed outline as one crayon stroke started anywhere: it runs on past its start, or (a body, now and
    then) stops short of it, leaving a gap of paper of 2 px to MAX_GAP between the line's ends (`width` wide,
    in page px, and thinner there)."""
    points = np.roll(points, -r.randrange(len(points)), axis=0)
    path = resample(points, 2.0, closed=True)
    if big and r.random() < 0.4:
        short = r.uniform(2, MAX_GAP) + 0.75 * width
        return path[: max(2, len(path) - int(short / 2.0))]
    return np.vstack([path, path[1 : 1 + r.randint(1, 6)]])


def crayon(layer: ImageDraw.ImageDraw, path: np.ndarray, width: float, tone: int, r: random.Random) -> None:
    """One wax crayon stroke (page px × SUPER): pressed on, varying along the way, lifted off; where the
    pressure is light the line is thinner and paler."""
    n = len(path)
    pressure = 0.72 + 0.28 * smooth_noise(r, n, (15, 60))
    ends = np.minimum(1, np.minimum(np.arange(n), np.arange(n)[::-1]) / 4)
    pressure *= 0.7 + 0.3 * ends
    for k in range(n):
        w = max(2.2 * SUPER, width * pressure[k]) / 2
        shade = int(tone + (1 - pressure[k]) * 110)
        x, y = path[k]
        if k:
            layer.line([tuple(path[k - 1]), (x, y)], fill=shade, width=max(1, round(2 * w)))
        layer.ellipse([x - w, y - w, x + w, y + w], fill=shade)


def grain(canvas: Image.Image, seed: int) -> Image.Image:
    """The paper's tooth showing through the wax: ink lightened at scattered specks."""
    rng = np.random.default_rng(seed)
    ink = np.asarray(canvas, float)
    specks = rng.random(ink.shape) ** 3 * 0.55
    return Image.fromarray(np.round(ink + (255 - ink) * specks * (ink < 250)).astype(np.uint8))


def lopsided(points: np.ndarray, bulge: float, sag: float) -> np.ndarray:
    """A child's lopsided shapes: one side drawn wider than the other, the middle sagging."""
    x, y = points[:, 0] - 0.5, points[:, 1] - 0.5
    return np.stack([0.5 + x * (1 + bulge * y), 0.5 + y + sag * (x * x - 0.08)], 1)


def place(s: Sketch, r: random.Random, name: str) -> np.ndarray:
    """The affine map ((3, 2): x, y, 1 → page px) from the thing's units to the page."""
    everything = np.vstack([p for _, p in s.parts])
    low, high = everything.min(0), everything.max(0)
    centre = (low + high) / 2
    tilt = math.radians(r.uniform(-8, 8))
    flip = -1 if s.mirror and r.random() < 0.5 else 1
    rotation = np.array([[math.cos(tilt), -math.sin(tilt)], [math.sin(tilt), math.cos(tilt)]])
    linear = rotation @ np.diag([flip, 1])
    corners = (np.array([low, [high[0], low[1]], high, [low[0], high[1]]]) - centre) @ linear.T
    extent = corners.max(0) - corners.min(0)
    room = SIZE - 2 * MARGIN
    scale = min(r.uniform(SMALLEST.get(name, 0.45), 0.92) * SIZE, room) / extent.max()
    drawn = extent * scale
    spot = np.array([r.uniform(MARGIN + drawn[0] / 2, SIZE - MARGIN - drawn[0] / 2),
                     r.uniform(MARGIN + drawn[1] / 2, SIZE - MARGIN - drawn[1] / 2)])
    return np.vstack([(linear * scale).T, spot - centre @ (linear * scale).T])


def draw(name: str, number: int) -> tuple[Image.Image, list[np.ndarray]]:
    """Doodle `number` (from 1) of `name`, and its body outlines in page pixels."""
    seed = zlib.crc32(f"fourth/{name}/{number}".encode())
    r = random.Random(seed)
    s = Sketch()
    THINGS[name][1](s, r)
    bulge, sag = r.uniform(-0.25, 0.25), r.uniform(-0.12, 0.12)
    transform = place(s, r, name)
    width = r.uniform(3.5, 6.5) * SUPER
    tone = r.randint(15, 45)
    wander = r.uniform(0.6, 1.4) * SUPER
    canvas = Image.new("L", (SIZE * SUPER, SIZE * SUPER), 255)
    bodies = []
    for i, (kind, points) in enumerate(s.parts):
        px = np.hstack([lopsided(points, bulge, sag), np.ones((len(points), 1))]) @ transform
        if i in s.bodies:
            bodies.append(px)
        if kind in ("dot", "hole"):
            centre, radius = px[0] * SUPER, max(width * 0.5, np.hypot(*(px[1] - px[0])) * SUPER)
            ImageDraw.Draw(canvas).ellipse([*(centre - radius), *(centre + radius)],
                                           fill=tone if kind == "dot" else 255)
            continue
        layer = Image.new("L", canvas.size, 255)
        pen = ImageDraw.Draw(layer)
        if kind == "fill":
            pen.polygon([tuple(SUPER * p) for p in px], fill=tone + 20)
        if kind == "line":
            path = resample(px, 2.0, closed=False)
            passes = 2 if r.random() < 0.15 else 1
        else:
            path = go_round(px, r, kind == "outline" and np.ptp(px, axis=0).max() > 50, width / SUPER)
            passes = 2 if r.random() < (0.4 if i in s.bodies else 0.2) else 1
        for k in range(passes):
            again = path
            if k:
                # Gone over again, a little beside the first line and not always the whole way.
                start = r.randrange(max(1, len(path) // 2))
                again = path[start : start + max(3, int(len(path) * r.uniform(0.3, 1.0)))]
                again = again + np.array([r.uniform(-1, 1), r.uniform(-1, 1)]) * width / SUPER * 0.35
            crayon(pen, drift(again, r, wander / SUPER) * SUPER, width, tone, r)
        # Wax over wax stays as dark as the darker stroke.
        canvas = ImageChops.darker(canvas, layer)
    canvas = grain(canvas, seed)
    return canvas.resize((SIZE, SIZE), Image.Resampling.BOX), bodies


def labels() -> list[dict]:
    return [{"file": f"{name}_{n}.png", "class": name, "families": list(families),
             "known_by_recogniser_v5": name in KNOWN_BY_RECOGNISER_V5}
            for name, (families, _) in THINGS.items() for n in range(1, PER_CLASS + 1)]


def readme() -> str:
    known = [n for n in THINGS if n in KNOWN_BY_RECOGNISER_V5]
    unknown = [n for n in THINGS if n not in KNOWN_BY_RECOGNISER_V5]

    listed, level = partial(listed_classes, THINGS), partial(chance_words, THINGS)

    total, things = len(THINGS) * PER_CLASS, len(THINGS)
    levels = textwrap.fill(
        "`labels.json` lists each `file`, its `class`, its `families` and `known_by_recogniser_v5`. The best "
        f"single constant colour is {level(list(THINGS))} (the chance level); on the known half "
        f"{level(known)}; on the unknown half {level(unknown)} "
        "(tests/trainer/evaluation/test_fourth_doodles.py holds the whole set at or under 45 % and each "
        "half at or under 50 %).", 110)
    return f"""# Labelled doodles, fourth hand

{total} child-like doodles of {things} things, {PER_CLASS} of each, drawn by
`scripts/doodles/draw_fourth_hand.py`, written apart from the first three hands
(`scripts/doodles/make_doodles.py`, `draw_second_hand.py`, `draw_third_hand.py`) and from the recogniser
and its figures, so that the colour sense figures can be read on drawings that neither the recogniser nor the
colourer was tuned on. Half are things the recogniser's fifth version learns ({len(known)}), half things it
does not know ({len(unknown)}); none is drawn by the third hand.

How they are made: each thing is a few parametric shapes as a 5 year old draws it with a wax crayon: the line
swells and thins with the pressure along each stroke (3.5 to 6.5 px at full pressure), paler where it is
light, thinner where the crayon is pressed on and lifted off, with specks of paper showing through the wax;
the hand drifts slowly off the path and back; outlines are started anywhere and either run on past their start
or stop short of it (a gap of up to 2.7 % of the sheet, which the app's gap closing closes); about one stroke
in five is gone over a second time (two body outlines in five), a little beside the first and not always the
whole way; shapes are lumpy
and lopsided (one side wider, the middle sagging), tilted a little, mirrored now and then, placed anywhere at
45 to 92 % of the page. No picture, emoji, icon or edge extractor. Seeded from the class and the doodle's
number: rerunning the script writes the same files.

256×256 greyscale ("L"), dark lines on white, `CLASS_1.png` to `CLASS_{PER_CLASS}.png`. The body of every
thing is a closed (or nearly closed) outline and the largest area inside the lines, since the main colour is
read by area inside the shapes (generation/colour_families.py); details (eyes, seams, claws, windows) are
small.

Classes and the colour families a person accepts as the main colour (the same for every doodle of a class).
Known by the recogniser's fifth version (`"known_by_recogniser_v5": true` in `labels.json`):
{listed(known)}.

Not known by it (`"known_by_recogniser_v5": false`; none was a class of v5; some are of v6):
{listed(unknown)}.

{levels}

A contact sheet of the set: `docs/themes/doodles-fourth.png`
(`python scripts/doodles/draw_fourth_hand.py --sheet docs/themes/doodles-fourth.png`).

License: made for this project, same license as its code.
"""



if __name__ == "__main__":
    write_set(__doc__, OUT, list(THINGS), PER_CLASS, draw, labels, readme)
