"""The sixth hand's labelled doodles: 40 things drawn as a 4 to 6 year old draws them with a finger on a touch
screen in the app, rendered by the app's own stroke renderer, to judge on drawings nobody tuned on whether a
theme's colours fit what was drawn.

    python scripts/doodles/draw_sixth_hand.py [--out tests/data/doodles_sixth] [--sheet PATH] [--only A,B]

Each thing is a few outlines, lines and taps written here (no picture, emoji, icon or edge extractor), with a
small child's proportions: big heads on small bodies, stubby legs, oversized eyes, wheels and wings. It is
drawn small and anywhere on the page (30 to 65 % of its side; at least 35 to 55 % for thin things and busy
ones, whose insides the large pen's lines would close), a little tilted. A finger is quick and the
screen hears it unevenly (a sample every 1/60 s or, when the screen runs late, two of them at once), so a
stroke is a few far-apart samples along a wobbling path. Outlines start anywhere and run past their start or
stop short of it (a gap of up to 2.2 % of the page between the line's edges, which the app's gap closing
closes), and now and then are drawn in two strokes that meet roughly. The strokes are the app's own `Stroke`s
of the pen at its large size (now and then the medium one), full pressure as the app stores a touch, rendered
by `drawing.rasterize.render_sketch`. Outlines only: nothing is coloured in. The body of every thing is a
closed (or gap-closable) outline and the largest area inside the lines, since the main colour is read by area
inside the shapes (generation/colour_families.py). Seeded from the class and the doodle's number, so rerunning
the script writes the same files.
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
from PIL import Image

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from doodle_set import chaikin, chance_words, listed_classes, write_set

from icanvas_desktop.drawing.rasterize import render_sketch
from icanvas_desktop.drawing.strokes import PEN_WIDTHS, Drawing, PenSize, Point, Stroke, Tool

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "tests" / "data" / "doodles_sixth"
SIZE = 256
PER_CLASS = 3
# The widest gap between a line's edges where an outline's ends (or its two halves) fail to meet, as a
# fraction of the page: under the 3 % (clean_look.GAP) the app's gap closing closes.
MAX_GAP = 0.022
# A touch screen reports the finger about 60 times a second; when the app is busy two reports come as one.
SAMPLE_S = 1 / 60
# The smallest step the canvas keeps (ui/canvas.MIN_STEP_PX, 1 px) on a canvas about 520 px wide.
MIN_STEP = 1 / 520
# How much of the page the thing's longer side takes, and the least paper left round it.
SPAN = (0.30, 0.65)
EDGE = 0.03


class Doodle:
    """One thing in its own frame (about -1..1, y down): outlines, lines and taps in the order the child
    draws them, which outlines are the body, and how far the thing is turned on its own."""

    def __init__(self, r: random.Random):
        self.r = r
        self.parts: list[tuple[str, np.ndarray, bool]] = []
        self.spin = 0.0
        self.span = SPAN
        self.halves = 0.3  # the chance that a body outline is drawn in two strokes

    def outline(self, points, body: bool = False) -> None:
        self.parts.append(("outline", np.asarray(points, float), body))

    def line(self, points) -> None:
        self.parts.append(("line", np.asarray(points, float), False))

    def tap(self, x: float, y: float) -> None:
        self.parts.append(("tap", np.array([[x, y]], float), False))


def n(r: random.Random, value: float, spread: float = 0.12) -> float:
    """`value`, give or take `spread` of it."""
    return value * (1 + r.uniform(-spread, spread))


def shaky(r: random.Random, points, spread: float = 0.04) -> np.ndarray:
    """Corners where the finger put them, a little off where they were meant to be."""
    return np.array([(x + r.uniform(-spread, spread), y + r.uniform(-spread, spread)) for x, y in points])


def roundish(r: random.Random, cx, cy, rx, ry, corners: int = 0, lump: float = 0.1) -> np.ndarray:
    """A round shape as a finger makes it: a few uneven corners, their edges rounded off."""
    corners = corners or r.randint(5, 7)
    turn = r.uniform(0, 2 * math.pi)
    # Rounding the corners off pulls the shape in; pushing them out by as much keeps its size.
    out = (1 + 1 / math.cos(math.pi / corners)) / 2
    points = []
    for i in range(corners):
        a = turn + 2 * math.pi * (i + r.uniform(-0.15, 0.15)) / corners
        k = out * (1 + r.uniform(-lump, lump))
        points.append((cx + rx * k * math.cos(a), cy + ry * k * math.sin(a)))
    return chaikin(np.array(points), 2, closed=True)


def soft(r: random.Random, points, spread: float = 0.04, times: int = 1) -> np.ndarray:
    """A closed shape from its corners, a little off and rounded `times` times."""
    return chaikin(shaky(r, points, spread), times, closed=True)


def bumpy(r: random.Random, cx, cy, rx, ry, bumps: int, depth: float, start: float = 0.0,
          sweep: float = 360.0) -> np.ndarray:
    """A scalloped edge (lettuce, a raspberry, a cauliflower's florets): `bumps` bumps round an ellipse or
    along an arc of it (degrees, 0 to the right, 90 down)."""
    points = []
    steps = bumps * 2 + (0 if sweep >= 360 else 1)
    for i in range(steps):
        a = math.radians(start + sweep * i / (bumps * 2))
        k = (1 + depth if i % 2 else 1 - depth) * (1 + r.uniform(-0.04, 0.04))
        points.append((cx + rx * k * math.cos(a), cy + ry * k * math.sin(a)))
    return np.array(points)


def curve(cx, cy, rx, ry, a0, a1, count: int) -> np.ndarray:
    """Points along an ellipse from angle `a0` to `a1` (degrees, 0 to the right, 90 down)."""
    a = np.radians(np.linspace(a0, a1, count))
    return np.stack([cx + rx * np.cos(a), cy + ry * np.sin(a)], 1)


def fat_line(centre, half_widths) -> np.ndarray:
    """The closed outline of a fat wiggly thing (a snake, a worm) round its middle line."""
    centre = np.asarray(centre, float)
    along = np.gradient(centre, axis=0)
    side = np.stack([-along[:, 1], along[:, 0]], 1) / np.linalg.norm(along, axis=1, keepdims=True)
    w = np.asarray(half_widths, float)[:, None]
    return np.vstack([centre + side * w, (centre - side * w)[::-1]])


def stubby_legs(d: Doodle, xs, top: float, length: float) -> None:
    for x in xs:
        d.line(shaky(d.r, [(x, top), (x + d.r.uniform(-0.05, 0.05), top + length)], 0.02))


def eyes(d: Doodle, x: float, y: float, apart: float) -> None:
    d.tap(x - apart, y)
    d.tap(x + apart, y)


def whiskers(d: Doodle, x: float, y: float) -> None:
    for side in (-1, 1):
        for dy in (-0.05, 0.08)[: d.r.randint(1, 2)]:
            d.line(shaky(d.r, [(x + side * 0.2, y + dy), (x + side * 0.55, y + dy * 2)], 0.03))


# The things, each in its own frame; the body first, details after, as a child draws them.

def watermelon(d: Doodle, r: random.Random) -> None:
    d.span = (0.4, 0.65)
    w, h = n(r, 1.0), n(r, 0.75)
    if r.random() < 0.7:
        # A slice: a flat top and a round rind.
        d.outline(soft(r, [(w, -0.25), *curve(0, -0.25, w, h, 15, 165, 6), (-w, -0.25)], 0.03), body=True)
        d.line(curve(0, -0.25, w * 0.72, h * 0.7, r.uniform(15, 30), r.uniform(150, 165), 5))
        for _ in range(r.randint(3, 5)):
            d.tap(r.uniform(-0.45, 0.45), r.uniform(-0.12, 0.1))
    else:
        d.outline(roundish(r, 0, 0, w, h * 0.85, 7, 0.05), body=True)
        for x in (-0.35, 0.05, 0.45):
            d.line(shaky(r, [(x, -h * 0.6), (x + 0.1, 0), (x, h * 0.6)], 0.03))


def lemon(d: Doodle, r: random.Random) -> None:
    w, h = n(r, 0.95), n(r, 0.6)
    # Round, with a little point at either end.
    d.outline(soft(r, [(-w - 0.35, 0), (-w, -h * 0.3), (-w * 0.7, -h * 0.85), (0, -h), (w * 0.7, -h * 0.85),
                       (w, -h * 0.3), (w + 0.35, 0), (w, h * 0.3), (w * 0.7, h * 0.85), (0, h),
                       (-w * 0.7, h * 0.85), (-w, h * 0.3)], 0.03), body=True)
    if r.random() < 0.6:
        d.outline(soft(r, [(w * 0.4, -h * 0.9), (w * 0.7, -h - 0.35), (w * 0.95, -h - 0.2)], 0.02))


def tomato(d: Doodle, r: random.Random) -> None:
    radius = n(r, 0.85)
    d.outline(roundish(r, 0, 0.1, radius * 1.08, radius), body=True)
    top = 0.1 - radius
    for a in (-150, -110, -70, -30):
        aa = math.radians(a + r.uniform(-10, 10))
        d.line([(0, top + 0.05), (0.4 * math.cos(aa), top + 0.05 - 0.3 * math.sin(aa))])
    d.line(shaky(r, [(0, top), (0.08, top - 0.3)], 0.02))


def leaf(d: Doodle, r: random.Random) -> None:
    d.spin = r.uniform(-60, 60)
    w = n(r, 0.6)
    d.outline(soft(r, [(0, -1.0), (w * 0.75, -0.55), (w, 0.0), (w * 0.7, 0.5), (0, 0.75), (-w * 0.7, 0.5),
                       (-w, 0.0), (-w * 0.75, -0.55)], 0.04), body=True)
    d.line(shaky(r, [(0, 1.05), (0, 0.3), (0.02, -0.7)], 0.02))
    for y in (-0.2, 0.2):
        side = r.choice((-1, 1))
        d.line(shaky(r, [(0, y + 0.1), (side * w * 0.55, y - 0.15)], 0.02))


def chick(d: Doodle, r: random.Random) -> None:
    head = n(r, 0.55, 0.08)
    d.outline(roundish(r, 0, -0.35, head, head * 0.95), body=True)
    body = n(r, 0.42, 0.08)
    d.outline(roundish(r, 0.05, -0.35 + head + body * 0.85, body * 1.1, body), body=True)
    d.outline(soft(r, [(head * 0.85, -0.45), (head + 0.35, -0.33), (head * 0.85, -0.2)], 0.02))
    d.tap(head * 0.35, -0.5)
    bottom = -0.35 + head + body * 1.8
    for x in (-0.12, 0.22):
        d.line(shaky(r, [(x, bottom - 0.05), (x, bottom + 0.2), (x + 0.15, bottom + 0.25)], 0.02))
    d.line(curve(0.0, -0.35 + head + body * 0.8, body * 0.5, body * 0.4, 120, 200, 3))


def heart(d: Doodle, r: random.Random) -> None:
    d.halves = 0.75  # from the dip down one side, then again down the other
    w = n(r, 0.95)
    d.outline(soft(r, [(0, -0.45), (-w * 0.45, -0.9), (-w, -0.6), (-w * 0.95, -0.05), (-w * 0.35, 0.5),
                       (0, 0.95), (w * 0.35, 0.5), (w * 0.95, -0.05), (w, -0.6), (w * 0.45, -0.9)], 0.04),
              body=True)


def smiley(d: Doodle, r: random.Random) -> None:
    radius = n(r, 0.9, 0.05)
    d.outline(roundish(r, 0, 0, radius, radius * n(r, 0.95, 0.05), r.randint(6, 8), 0.06), body=True)
    if r.random() < 0.5:
        for x in (-0.32, 0.32):
            d.outline(roundish(r, x, -0.28, 0.13, 0.17, 5, 0.05))
    else:
        eyes(d, 0, -0.28, 0.32)
    d.line(curve(0, 0.0, n(r, 0.5), n(r, 0.45), r.uniform(15, 35), r.uniform(145, 165), 5))


def raindrop(d: Doodle, r: random.Random) -> None:
    w = n(r, 0.62)
    d.outline(soft(r, [(0, -1.0), (w * 0.55, -0.45), (w, 0.15), (w * 0.75, 0.62), (0, 0.82),
                       (-w * 0.75, 0.62), (-w, 0.15), (-w * 0.55, -0.45)], 0.03), body=True)
    if r.random() < 0.45:
        eyes(d, 0, 0.1, 0.22)
        d.line(curve(0, 0.3, 0.2, 0.15, 20, 160, 4))
    else:
        d.line(curve(0, 0.2, w * 0.6, 0.45, 150, 215, 3))


def fire_truck(d: Doodle, r: random.Random) -> None:
    d.span = (0.35, 0.65)
    top, bottom = n(r, -0.35), n(r, 0.45, 0.05)
    d.outline(shaky(r, [(-1.0, top), (0.4, top), (0.4, bottom), (-1.0, bottom)], 0.04), body=True)
    d.line(shaky(r, [(0.4, top + 0.3), (0.8, top + 0.3), (1.0, bottom - 0.1), (1.0, bottom), (0.4, bottom)],
                 0.03))
    d.outline(roundish(r, 0.65, top + 0.48, 0.12, 0.09, 5, 0.05))
    wheel = n(r, 0.27, 0.1)
    for x in (-0.6, 0.55):
        d.outline(roundish(r, x, bottom + 0.05, wheel, wheel, 6, 0.06))
    d.line(shaky(r, [(-0.9, top - 0.15), (0.25, top - 0.22)], 0.03))
    for x in (-0.6, -0.25, 0.1):
        d.line([(x, top - 0.12), (x + 0.02, top - 0.28)])


def cat(d: Doodle, r: random.Random) -> None:
    d.span = (0.4, 0.65)
    head = n(r, 0.6, 0.08)
    d.outline(roundish(r, 0, -0.25, head * 1.05, head), body=True)
    for side in (-1, 1):
        d.line(shaky(r, [(side * head * 0.85, -0.25 - head * 0.5), (side * head * 0.8, -0.25 - head * 1.45),
                         (side * head * 0.25, -0.25 - head * 0.9)], 0.03))
    eyes(d, 0, -0.35, head * 0.4)
    d.tap(0, -0.12)
    whiskers(d, 0, -0.08)
    body = n(r, 0.4)
    d.outline(roundish(r, 0, -0.25 + head + body * 0.75, body, body * 0.8), body=True)
    stubby_legs(d, (-body * 0.5, body * 0.5), -0.25 + head + body * 1.45, 0.18)
    tail = [(body * 0.9, -0.25 + head + body), (body + 0.4, -0.25 + head + 0.1), (body + 0.35, 0.05)]
    d.line(shaky(r, tail, 0.03))


def mouse(d: Doodle, r: random.Random) -> None:
    head = n(r, 0.55, 0.08)
    d.outline(roundish(r, 0, -0.1, head, head * 0.95), body=True)
    ear = n(r, 0.28, 0.1)
    for side in (-1, 1):
        d.outline(roundish(r, side * head * 0.95, -0.1 - head * 0.95, ear, ear, 6, 0.06))
    eyes(d, 0, -0.2, head * 0.38)
    d.tap(0, 0.1)
    whiskers(d, 0, 0.12)
    body = n(r, 0.35)
    d.outline(roundish(r, 0.05, -0.1 + head + body * 0.7, body * 1.1, body * 0.8), body=True)
    tail = [(body, -0.1 + head + body), (body + 0.45, -0.1 + head + 0.5), (body + 0.7, -0.1 + head + 0.1)]
    d.line(shaky(r, tail, 0.04))


def bear(d: Doodle, r: random.Random) -> None:
    head = n(r, 0.55, 0.08)
    d.outline(roundish(r, 0, -0.25, head, head * 0.95), body=True)
    for side in (-1, 1):
        d.outline(roundish(r, side * head * 0.8, -0.25 - head * 0.85, 0.18, 0.17, 5, 0.05))
    d.outline(roundish(r, 0, -0.25 + head * 0.35, head * 0.38, head * 0.28, 5, 0.05))
    d.tap(0, -0.25 + head * 0.25)
    eyes(d, 0, -0.25 - head * 0.25, head * 0.4)
    body = n(r, 0.45)
    d.outline(roundish(r, 0, -0.25 + head + body * 0.75, body, body * 0.85), body=True)
    for side in (-1, 1):
        d.line(shaky(r, [(side * body * 0.8, -0.25 + head + body * 0.4), (side * (body + 0.3),
                                                                         -0.25 + head + body * 0.7)], 0.03))
    stubby_legs(d, (-body * 0.45, body * 0.45), -0.25 + head + body * 1.55, 0.15)


def bee(d: Doodle, r: random.Random) -> None:
    d.span = (0.4, 0.65)
    w, h = n(r, 0.8), n(r, 0.5)
    d.outline(roundish(r, 0, 0.15, w, h, r.randint(6, 7), 0.06), body=True)
    for x in (-0.2, 0.2):
        d.line(shaky(r, [(x, 0.15 - h * 0.95), (x + 0.08, 0.15), (x, 0.15 + h * 0.95)], 0.03))
    wing = n(r, 0.32, 0.1)
    for x in (-0.2, 0.25):
        d.outline(roundish(r, x, 0.15 - h - wing * 0.7, wing * 0.75, wing, 5, 0.05))
    d.tap(w * 0.6, 0.05)
    d.line(shaky(r, [(-w - 0.02, 0.1), (-w - 0.25, 0.15), (-w - 0.02, 0.25)], 0.02))
    for dx in (0.45, 0.65):
        d.line(shaky(r, [(dx, 0.15 - h * 0.8), (dx + 0.2, 0.15 - h - 0.35)], 0.03))


def duck(d: Doodle, r: random.Random) -> None:
    head = n(r, 0.42, 0.08)
    d.outline(roundish(r, -0.45, -0.45, head, head), body=True)
    w, h = n(r, 0.75), n(r, 0.42)
    d.outline(soft(r, [(-0.7, 0.05), (-0.2, -0.05), (0.5, -0.05), (0.95, -0.35), (0.85, 0.35), (0.4, h + 0.3),
                       (-0.3, h + 0.3), (-w - 0.05, 0.35)], 0.04), body=True)
    d.outline(soft(r, [(-0.45 - head * 0.85, -0.55), (-0.45 - head - 0.35, -0.42),
                       (-0.45 - head * 0.85, -0.3)], 0.02, 0))
    d.tap(-0.45 - head * 0.3, -0.55)
    d.line(curve(0.1, 0.1, 0.35, 0.2, 20, 160, 4))


def turtle(d: Doodle, r: random.Random) -> None:
    d.span = (0.45, 0.65)
    w, h = n(r, 0.8), n(r, 0.8)
    d.outline(soft(r, [*curve(0, 0.25, w, h, 180, 360, 7)], 0.03), body=True)
    head = n(r, 0.25, 0.1)
    d.outline(roundish(r, w + head * 0.7, 0.05, head, head * 0.9, 5, 0.05))
    d.tap(w + head * 0.9, 0.0)
    for x in (-0.55, 0.35):
        d.line(shaky(r, [(x, 0.25), (x, 0.48), (x + 0.22, 0.48), (x + 0.22, 0.25)], 0.02))
    d.line(shaky(r, [(-w, 0.2), (-w - 0.2, 0.3)], 0.02))
    d.line(curve(0, 0.25, w * 0.5, h * 0.5, 200, 340, 4))


def tangerine(d: Doodle, r: random.Random) -> None:
    radius = n(r, 0.8, 0.08)
    d.outline(roundish(r, 0, 0.1, radius * 1.05, radius * 0.95, r.randint(6, 8), 0.05), body=True)
    top = 0.1 - radius * 0.95
    d.tap(0, top + 0.12)
    if r.random() < 0.7:
        d.outline(soft(r, [(0.02, top), (0.3, top - 0.35), (0.6, top - 0.25), (0.35, top - 0.02)], 0.02))


def corn(d: Doodle, r: random.Random) -> None:
    w = n(r, 0.42)
    d.outline(soft(r, [(0, -1.0), (w * 0.8, -0.7), (w, 0.0), (w * 0.85, 0.6), (0, 0.75), (-w * 0.85, 0.6),
                       (-w, 0.0), (-w * 0.8, -0.7)], 0.03), body=True)
    for _ in range(r.randint(5, 8)):
        d.tap(r.uniform(-w * 0.5, w * 0.5), r.uniform(-0.6, 0.45))
    for side in (-1, 1):
        d.line(shaky(r, [(side * 0.1, 0.95), (side * (w + 0.15), 0.5), (side * (w + 0.2), -0.2)], 0.03))


def cactus(d: Doodle, r: random.Random) -> None:
    t = n(r, 0.3, 0.08)
    d.outline(soft(r, [(-t, 1.0), (-t, 0.25), (-0.65, 0.25), (-0.82, 0.05), (-0.82, -0.45), (-0.68, -0.58),
                       (-0.54, -0.45), (-0.54, 0.0), (-t, 0.0), (-t, -0.85), (0, -1.0), (t, -0.85),
                       (t, -0.2), (0.54, -0.2), (0.54, -0.65), (0.68, -0.78), (0.82, -0.65), (0.82, -0.05),
                       (0.65, 0.07), (t, 0.07), (t, 1.0)], 0.025), body=True)
    for _ in range(r.randint(3, 5)):
        x, y = r.choice((-1, 1)) * t, r.uniform(-0.7, 0.8)
        d.line([(x * 0.9, y), (x * 1.5, y - 0.06)])
    if r.random() < 0.5:
        d.line(shaky(r, [(-0.7, 1.0), (0.7, 1.0)], 0.03))


def eggplant(d: Doodle, r: random.Random) -> None:
    d.spin = r.uniform(-40, 40)
    bend = r.uniform(0.15, 0.35)
    t = np.linspace(0, 1, 7)
    centre = np.stack([bend * np.sin(np.pi * t), -0.85 + 1.8 * t], 1)
    widths = n(r, 0.45) * np.array([0.35, 0.5, 0.7, 0.85, 0.95, 0.85, 0.4])
    d.outline(chaikin(shaky(r, fat_line(centre, widths), 0.02), 2, closed=True), body=True)
    d.line(shaky(r, [(-0.2, -0.62), (-0.1, -0.42), (0.03, -0.66), (0.15, -0.42), (0.26, -0.62)], 0.02))
    d.line(shaky(r, [(0.03, -0.8), (0.1, -1.1)], 0.02))


def snake(d: Doodle, r: random.Random) -> None:
    d.span = (0.55, 0.65)
    waves, height = r.uniform(1.2, 1.8), n(r, 0.35)
    x = np.linspace(-1.0, 0.9, 9)
    centre = np.stack([x, height * np.sin(np.pi * waves * (x + 1) / 1.9 + r.uniform(0, 1))], 1)
    widths = np.linspace(0.08, 0.27, 9)
    d.outline(chaikin(fat_line(centre, widths), 1, closed=True), body=True)
    head = n(r, 0.28, 0.08)
    hx, hy = centre[-1]
    d.outline(roundish(r, hx + 0.12, hy, head * 1.1, head, 6, 0.05), body=True)
    d.tap(hx + 0.2, hy - head * 0.35)
    d.line(shaky(r, [(hx + 0.12 + head * 1.05, hy + 0.05), (hx + head + 0.4, hy + 0.08),
                     (hx + head + 0.5, hy - 0.02)], 0.02))


def snowflake(d: Doodle, r: random.Random) -> None:
    d.span = (0.45, 0.65)
    middle = n(r, 0.42, 0.06)
    turn = r.uniform(0, 60)
    angles = [math.radians(turn + 60 * i) for i in range(6)]
    corners = [(middle * math.cos(a), middle * math.sin(a)) for a in angles]
    d.outline(soft(r, corners, 0.03, 0), body=True)
    for i in range(6):
        a = math.radians(turn + 60 * i + 30)
        ca, sa = math.cos(a), math.sin(a)
        d.line([(middle * 0.85 * ca, middle * 0.85 * sa), (ca, sa)])
        tip, fork = 0.8, 0.18
        left = (tip * ca + fork * math.cos(a + 2.3), tip * sa + fork * math.sin(a + 2.3))
        right = (tip * ca + fork * math.cos(a - 2.3), tip * sa + fork * math.sin(a - 2.3))
        d.line([left, (0.68 * ca, 0.68 * sa), right])


def wolf(d: Doodle, r: random.Random) -> None:
    d.span = (0.4, 0.65)
    head = n(r, 0.45, 0.08)
    hx, hy = -0.5, -0.35
    d.outline(roundish(r, hx, hy, head, head * 0.95), body=True)
    snout = [(hx - head * 0.8, hy - 0.05), (hx - head - 0.38, hy + 0.2), (hx - head * 0.75, hy + 0.3)]
    d.line(shaky(r, snout, 0.02))
    for dx in (-0.2, 0.2):
        d.line(shaky(r, [(hx + dx - 0.15, hy - head * 0.85), (hx + dx, hy - head - 0.38),
                         (hx + dx + 0.15, hy - head * 0.85)], 0.02))
    d.tap(hx - head * 0.3, hy - 0.1)
    d.tap(hx - head - 0.3, hy + 0.18)
    w, h = n(r, 0.6), n(r, 0.32)
    d.outline(roundish(r, 0.3, 0.25, w, h, 6, 0.06), body=True)
    stubby_legs(d, (-0.1, 0.1, 0.5, 0.7), 0.25 + h * 0.8, 0.25)
    d.outline(soft(r, [(0.3 + w * 0.9, 0.15), (0.3 + w + 0.3, -0.3), (0.3 + w + 0.45, -0.2),
                       (0.3 + w + 0.1, 0.3)], 0.02))


def deer(d: Doodle, r: random.Random) -> None:
    d.span = (0.45, 0.65)
    head = n(r, 0.42, 0.08)
    hx, hy = -0.4, -0.25
    d.outline(roundish(r, hx, hy, head * 1.1, head), body=True)
    for side in (-1, 1):
        x = hx + side * head * 0.5
        d.line(shaky(r, [(x, hy - head * 0.9), (x + side * 0.1, hy - head - 0.5)], 0.03))
        d.line(shaky(r, [(x + side * 0.05, hy - head - 0.25), (x + side * 0.3, hy - head - 0.35)], 0.03))
        d.line(shaky(r, [(hx + side * head, hy - 0.1), (hx + side * (head + 0.25), hy - 0.25)], 0.02))
    eyes(d, hx, hy - 0.05, head * 0.35)
    d.tap(hx, hy + head * 0.55)
    w, h = n(r, 0.62), n(r, 0.36)
    d.outline(roundish(r, 0.25, 0.3, w, h, 6, 0.06), body=True)
    stubby_legs(d, (-0.15, 0.05, 0.45, 0.65), 0.3 + h * 0.8, 0.35)
    for x in (0.1, 0.45):
        d.tap(x + r.uniform(-0.08, 0.08), r.uniform(0.2, 0.3))
    d.line([(0.25 + w * 0.95, 0.15), (0.25 + w + 0.2, 0.0)])


def skunk(d: Doodle, r: random.Random) -> None:
    d.span = (0.4, 0.65)
    w, h = n(r, 0.58), n(r, 0.38)
    d.outline(roundish(r, -0.1, 0.35, w, h, 6, 0.06), body=True)
    head = n(r, 0.4, 0.08)
    d.outline(roundish(r, -0.1 - w - head * 0.55, 0.05, head, head * 0.95), body=True)
    d.outline(soft(r, [(0.3, 0.15), (0.45, -0.5), (0.75, -0.85), (1.05, -0.65), (0.9, -0.2), (0.5, 0.3)],
                   0.03, 2))
    d.line(shaky(r, [(-0.1 - w * 0.8, 0.1), (-0.1, 0.02), (0.35, 0.1)], 0.02))
    eyes(d, -0.1 - w - head * 0.55, -0.05, head * 0.35)
    d.tap(-0.1 - w - head * 1.3, 0.2)
    stubby_legs(d, (-0.45, -0.25, 0.05, 0.25), 0.35 + h * 0.85, 0.15)


def worm(d: Doodle, r: random.Random) -> None:
    d.span = (0.45, 0.65)
    x = np.linspace(-1.0, 1.0, 8)
    height = n(r, 0.3)
    centre = np.stack([x, height * np.sin(np.pi * r.uniform(0.9, 1.3) * (x + 1) / 2 + r.uniform(0, 0.5))], 1)
    width = n(r, 0.24, 0.08)
    d.outline(chaikin(fat_line(centre, np.full(8, width)), 2, closed=True), body=True)
    for i in (2, 3, 4):
        p, q = centre[i], centre[i + 1] - centre[i - 1]
        side = np.array([-q[1], q[0]]) / np.hypot(*q) * width
        d.line([p + side * 0.95, p - side * 0.95])
    hx, hy = centre[-1]
    eyes(d, hx - 0.12, hy - 0.05, 0.08)
    d.line(shaky(r, [(hx - 0.22, hy + 0.1), (hx - 0.12, hy + 0.16), (hx - 0.02, hy + 0.1)], 0.01))


def french_fries(d: Doodle, r: random.Random) -> None:
    d.outline(shaky(r, [(-0.6, -0.1), (0.6, -0.1), (0.45, 0.95), (-0.45, 0.95)], 0.04), body=True)
    for x in np.linspace(-0.42, 0.42, r.randint(4, 5)):
        tall = r.uniform(0.45, 0.85)
        d.line(shaky(r, [(x - 0.08, -0.1), (x - 0.08, -tall), (x + 0.08, -tall), (x + 0.08, -0.1)], 0.02))
    d.line(curve(0, 0.1, 0.3, 0.25, 20, 160, 4))


def chestnut(d: Doodle, r: random.Random) -> None:
    w = n(r, 0.75)
    d.outline(soft(r, [(0, -0.9), (w * 0.6, -0.55), (w, 0.0), (w * 0.85, 0.55), (0, 0.75), (-w * 0.85, 0.55),
                       (-w, 0.0), (-w * 0.6, -0.55)], 0.04), body=True)
    d.line(curve(0, 0.0, w * 0.85, 0.45, 15, 165, 5))
    d.line([(0, -0.9), (0.03, -1.05)])


def croissant(d: Doodle, r: random.Random) -> None:
    d.span = (0.45, 0.65)
    thick = n(r, 0.5, 0.08)
    outer = curve(0, 0.6, 1.0, 1.0, 190, 350, 7)
    inner = curve(0, 0.6 + thick * 0.2, 0.95 - thick * 0.6, 0.95 - thick, 340, 200, 6)
    d.outline(soft(r, np.vstack([outer, inner]), 0.03), body=True)
    for a in (245, 295):
        aa = math.radians(a + r.uniform(-8, 8))
        d.line([(0.96 * math.cos(aa), 0.6 + 0.96 * math.sin(aa)),
                ((0.99 - thick * 0.6) * math.cos(aa), 0.6 + thick * 0.2 + (0.99 - thick) * math.sin(aa))])


def lizard(d: Doodle, r: random.Random) -> None:
    d.span = (0.5, 0.65)
    centre = shaky(r, [(-0.95, 0.0), (-0.65, 0.02), (-0.35, 0.05), (0.0, 0.05), (0.35, -0.02), (0.7, 0.05),
                       (0.95, 0.25), (0.9, 0.45)], 0.02)
    widths = [0.2, 0.22, 0.17, 0.24, 0.2, 0.11, 0.07, 0.04]
    d.outline(chaikin(fat_line(centre, widths), 1, closed=True), body=True)
    for x, top in ((-0.3, 0.1), (0.25, 0.1)):
        for side in (-1, 1):
            y = top * side + (0.2 * side)
            d.line(shaky(r, [(x, y), (x - 0.1, y + side * 0.25), (x - 0.25, y + side * 0.25)], 0.02))
    eyes(d, -0.72, 0.0, 0.09)


def otter(d: Doodle, r: random.Random) -> None:
    d.span = (0.45, 0.65)
    head = n(r, 0.45, 0.08)
    d.outline(roundish(r, 0, -0.5, head, head * 0.9), body=True)
    for side in (-1, 1):
        d.tap(side * head * 0.75, -0.5 - head * 0.7)
    eyes(d, 0, -0.6, head * 0.38)
    d.tap(0, -0.42)
    for side in (-1, 1):
        d.line(shaky(r, [(side * 0.15, -0.38), (side * 0.5, -0.42)], 0.02))
    w, h = n(r, 0.36), n(r, 0.72)
    d.outline(roundish(r, 0, -0.5 + head * 0.9 + h * 0.85, w, h, 6, 0.05), body=True)
    bottom = -0.5 + head * 0.9 + h * 1.7
    d.line(shaky(r, [(w * 0.6, bottom - 0.1), (w + 0.45, bottom + 0.05), (w * 0.4, bottom + 0.05)], 0.02))


def traffic_cone(d: Doodle, r: random.Random) -> None:
    d.span = (0.4, 0.65)
    top = n(r, 0.2)
    d.outline(shaky(r, [(-top, -0.9), (top, -0.9), (0.62, 0.62), (-0.62, 0.62)], 0.03), body=True)
    for y in (-0.35, 0.12):
        half = top + (0.62 - top) * (y + 0.9) / 1.52
        d.line(shaky(r, [(-half - 0.05, y), (half + 0.05, y + 0.03)], 0.02))
    d.outline(shaky(r, [(-0.85, 0.62), (0.85, 0.62), (0.85, 0.8), (-0.85, 0.8)], 0.02))


def pine_cone(d: Doodle, r: random.Random) -> None:
    d.span = (0.4, 0.65)
    w = n(r, 0.62)
    d.outline(soft(r, [(0, -0.85), (w * 0.8, -0.65), (w, -0.1), (w * 0.7, 0.5), (0, 0.95), (-w * 0.7, 0.5),
                       (-w, -0.1), (-w * 0.8, -0.65)], 0.04), body=True)
    for y, count in ((-0.45, 2), (-0.05, 3), (0.35, 2)):
        for x in np.linspace(-w * 0.45, w * 0.45, count):
            d.line(curve(x, y, 0.13, 0.1, 20, 160, 3))
    d.line(shaky(r, [(0, -0.85), (0.05, -1.1)], 0.02))


def lettuce(d: Doodle, r: random.Random) -> None:
    radius = n(r, 0.85, 0.06)
    d.outline(chaikin(bumpy(r, 0, 0, radius, radius * 0.9, r.randint(8, 10), 0.08, r.uniform(0, 40)), 2,
                      closed=True), body=True)
    for k in (0.45, 0.7):
        d.line(curve(r.uniform(-0.1, 0.1), 0.25, radius * k, radius * k, 200, 340, 4))


def radish(d: Doodle, r: random.Random) -> None:
    radius = n(r, 0.55, 0.08)
    d.outline(soft(r, [(0, -0.25), (radius * 0.85, -0.05), (radius, 0.4), (radius * 0.5, 0.85), (0, 1.0),
                       (-radius * 0.5, 0.85), (-radius, 0.4), (-radius * 0.85, -0.05)], 0.03, 2), body=True)
    d.line(shaky(r, [(0, 0.98), (0.05, 1.3)], 0.02))
    for a in (-35, 0, 35)[: r.randint(2, 3)]:
        t = math.radians(a + r.uniform(-8, 8))
        along, across = np.array([math.sin(t), -math.cos(t)]), np.array([math.cos(t), math.sin(t)])
        base = np.array([0, -0.18])
        d.outline(soft(r, [base, base + along * 0.35 + across * 0.17, base + along * 0.7,
                           base + along * 0.35 - across * 0.17], 0.02))


def asparagus(d: Doodle, r: random.Random) -> None:
    d.span = (0.5, 0.65)
    d.spin = r.uniform(-25, 25)
    spears = 1 if r.random() < 0.6 else 2
    for i in range(spears):
        x = (i - (spears - 1) / 2) * 0.62
        w = n(r, 0.27, 0.08)
        d.outline(soft(r, [(x, -1.05), (x + w * 0.7, -0.75), (x + w, -0.45), (x + w * 0.85, 1.0),
                           (x - w * 0.85, 1.0), (x - w, -0.45), (x - w * 0.7, -0.75)], 0.02, 0), body=True)
        d.line([(x - w * 0.75, -0.55), (x, -0.7), (x + w * 0.75, -0.55)])
        for y in (0.0, 0.5):
            d.line([(x - w * 0.45, y + 0.1), (x, y), (x + w * 0.45, y + 0.1)])


def raspberry(d: Doodle, r: random.Random) -> None:
    w = n(r, 0.72)
    d.outline(chaikin(bumpy(r, 0, 0.1, w, w * 1.1, r.randint(7, 9), 0.1), 2, closed=True), body=True)
    for _ in range(r.randint(5, 7)):
        d.tap(r.uniform(-w * 0.55, w * 0.55), r.uniform(-0.35, 0.55))
    top = 0.1 - w * 1.1
    for dx in (-0.3, 0.0, 0.3):
        d.line([(dx * 0.3, top + 0.05), (dx, top - 0.2)])


def pomegranate(d: Doodle, r: random.Random) -> None:
    radius = n(r, 0.8, 0.06)
    d.outline(roundish(r, 0, 0.15, radius, radius * 0.95, r.randint(6, 8), 0.06), body=True)
    top = 0.15 - radius * 0.9
    d.line(shaky(r, [(-0.25, top + 0.05), (-0.32, top - 0.3), (-0.1, top - 0.12), (0, top - 0.38),
                     (0.1, top - 0.12), (0.32, top - 0.3), (0.25, top + 0.05)], 0.02))
    if r.random() < 0.5:
        d.line(curve(0, 0.15, radius * 0.65, radius * 0.6, 200, 250, 3))


def cauliflower(d: Doodle, r: random.Random) -> None:
    d.span = (0.4, 0.65)
    w = n(r, 0.9, 0.06)
    florets = bumpy(r, 0, 0.2, w, n(r, 0.85), r.randint(4, 5), 0.16, 180, 180)
    d.outline(chaikin(np.vstack([florets, [(w * 0.5, 0.5), (-w * 0.5, 0.5)]]), 1, closed=True), body=True)
    for side in (-1, 1):
        # A pointed leaf out from under the florets.
        d.outline(soft(r, [(side * 0.15, 0.45), (side * (w + 0.35), 0.2), (side * w * 0.75, 0.8)], 0.03))
    # The florets' bumps again, inside.
    d.line(bumpy(r, 0, 0.25, w * 0.55, 0.45, 3, 0.12, 200, 140))


def mango(d: Doodle, r: random.Random) -> None:
    d.spin = r.uniform(-30, 30)
    # Plump at the stem, narrowing to a rounded beak at the other end.
    d.outline(soft(r, [(-1.0, 0.3), (-0.75, -0.2), (-0.2, -0.55), (0.45, -0.6), (0.9, -0.2), (0.85, 0.35),
                       (0.35, 0.65), (-0.35, 0.6), (-0.8, 0.5)], 0.04, 2), body=True)
    d.line(shaky(r, [(0.45, -0.38), (0.6, -0.75)], 0.02))
    if r.random() < 0.6:
        d.outline(soft(r, [(0.55, -0.62), (0.2, -0.95), (-0.1, -0.85), (0.3, -0.58)], 0.02))


def saturn(d: Doodle, r: random.Random) -> None:
    d.span = (0.4, 0.65)
    d.spin = r.uniform(-25, 25)
    radius = n(r, 0.62, 0.06)
    d.outline(roundish(r, 0, 0, radius, radius, r.randint(6, 8), 0.05), body=True)
    d.outline(roundish(r, 0, 0.05, n(r, 1.1, 0.05), n(r, 0.24), 8, 0.04))
    for _ in range(r.randint(0, 2)):
        d.tap(r.choice((-1, 1)) * r.uniform(0.8, 1.0), r.choice((-1, 1)) * r.uniform(0.6, 0.8))


FIRST = ("watermelon", "lemon", "tomato", "leaf", "chick", "heart", "smiley", "raindrop", "fire_truck", "cat",
         "mouse", "bear", "bee", "duck", "turtle", "tangerine", "corn", "cactus", "eggplant", "snake")
NEWER = ("snowflake", "wolf", "deer", "skunk", "worm", "french_fries", "chestnut", "croissant", "lizard",
         "otter")
# The main colour families a parent accepts for each thing, the same for every doodle of it.
THINGS: dict[str, tuple[tuple[str, ...], Callable[[Doodle, random.Random], None]]] = {
    "watermelon": (("red", "green", "pink"), watermelon), "lemon": (("yellow",), lemon),
    "tomato": (("red",), tomato), "leaf": (("green", "yellow", "orange", "red", "brown"), leaf),
    "chick": (("yellow",), chick), "heart": (("red", "pink"), heart), "smiley": (("yellow",), smiley),
    "raindrop": (("blue", "white"), raindrop), "fire_truck": (("red",), fire_truck),
    "cat": (("orange", "grey", "black", "white", "brown"), cat), "mouse": (("grey", "brown", "white"), mouse),
    "bear": (("brown", "black"), bear), "bee": (("yellow",), bee),
    "duck": (("yellow", "white", "brown"), duck), "turtle": (("green", "brown"), turtle),
    "tangerine": (("orange",), tangerine), "corn": (("yellow",), corn),
    "cactus": (("green",), cactus), "eggplant": (("purple",), eggplant),
    "snake": (("green", "brown", "yellow", "black"), snake),
    "snowflake": (("white", "blue"), snowflake), "wolf": (("grey", "brown", "black", "white"), wolf),
    "deer": (("brown", "orange"), deer), "skunk": (("black", "white"), skunk),
    "worm": (("pink", "brown", "red"), worm), "french_fries": (("yellow", "red"), french_fries),
    "chestnut": (("brown",), chestnut), "croissant": (("brown", "yellow", "orange"), croissant),
    "lizard": (("green", "brown"), lizard), "otter": (("brown",), otter),
    "traffic_cone": (("orange", "red"), traffic_cone), "pine_cone": (("brown",), pine_cone),
    "lettuce": (("green",), lettuce), "radish": (("red", "pink"), radish),
    "asparagus": (("green",), asparagus),
    "raspberry": (("red", "pink"), raspberry), "pomegranate": (("red",), pomegranate),
    "cauliflower": (("white",), cauliflower), "mango": (("yellow", "orange", "green", "red"), mango),
    "saturn": (("yellow", "orange", "brown"), saturn),
}


def group(name: str) -> str:
    """"first": among the recogniser's first things, drawn by earlier hands; "newer": known to it, drawn by
    no hand before; "unknown": neither."""
    return "first" if name in FIRST else "newer" if name in NEWER else "unknown"


def lengths(path: np.ndarray) -> np.ndarray:
    return np.concatenate([[0], np.cumsum(np.hypot(*np.diff(path, axis=0).T))])


def at(path: np.ndarray, along: np.ndarray, s) -> np.ndarray:
    """The points `s` (arc length) along `path`, whose cumulative lengths are `along`."""
    return np.stack([np.interp(s, along, path[:, 0]), np.interp(s, along, path[:, 1])], -1)


def piece(path: np.ndarray, s0: float, s1: float) -> np.ndarray:
    """The part of `path` from `s0` to `s1` along it, its corners kept."""
    along = lengths(path)
    inner = path[(along > s0) & (along < s1)]
    return np.vstack([at(path, along, s0), inner, at(path, along, s1)])


def finger(path: np.ndarray, r: random.Random, speed: float, wobble: tuple) -> list[Point]:
    """Where the screen hears a quick finger going along `path` (page fractions): a report every SAMPLE_S, or
    two at once now and then, so far apart and unevenly; off the path by a slow wobble that dies away at the
    ends, where the gaps are."""
    along = lengths(path)
    total = along[-1]
    if total < 1e-6:
        return [Point(*path[0])]
    duration = total / (speed * r.uniform(0.8, 1.25))
    times = [0.0]
    while times[-1] < duration:
        times.append(times[-1] + SAMPLE_S * r.choice((1, 1, 1, 2)) * r.uniform(0.85, 1.15))
    u = np.minimum(np.array(times) / duration, 1.0)
    # Off quickly, steady, and a touch slower as the finger lifts.
    s = total * (0.7 * u + 0.3 * (3 * u**2 - 2 * u**3))
    points = at(path, along, s)
    ahead = at(path, along, np.minimum(s + 1e-3, total)) - at(path, along, np.maximum(s - 1e-3, 0))
    norm = np.hypot(*ahead.T)[:, None]
    side = np.hstack([-ahead[:, 1:], ahead[:, :1]]) / np.where(norm > 0, norm, 1)
    amplitude, wavelength, phase = wobble
    fade = np.clip(np.minimum(s, total - s) / 0.03, 0, 1)
    off = amplitude * fade * (np.sin(2 * np.pi * s / wavelength + phase)
                              + 0.4 * np.sin(2 * np.pi * s / (wavelength * 0.37) + 2 * phase))
    points = points + side * off[:, None]
    kept = [points[0]]
    for p in points[1:-1]:
        if np.hypot(*(p - kept[-1])) >= MIN_STEP:
            kept.append(p)
    kept.append(points[-1])
    return [Point(*p) for p in kept]


def closing(r: random.Random, width: float) -> float:
    """Where a finger going round an outline lifts, along it from where it began: past the start, or short of
    it by a gap of up to MAX_GAP between the line's edges (the distance along the path bounds the gap
    across)."""
    return r.uniform(0.02, 0.06) if r.random() < 0.4 else -(width + r.uniform(0.2, 1.0) * MAX_GAP)


def round_piece(path: np.ndarray, s0: float, s1: float) -> np.ndarray:
    """`piece` of a closed `path`, going on round it past its start when `s1` is beyond its length."""
    total = lengths(path)[-1]
    if s1 <= total:
        return piece(path, s0, s1)
    return np.vstack([piece(path, s0, total), piece(path, 0, s1 - total)[1:]])


def outline_strokes(points: np.ndarray, r: random.Random, width: float, halves: bool) -> list[np.ndarray]:
    """The finger's paths round a closed outline: from any point of it, in one stroke, or in two that meet
    roughly (overlapping a little or leaving a gap of up to MAX_GAP), the second now and then drawn back
    towards the first's start as a heart's second side is."""
    points = np.roll(points, -r.randrange(len(points)), axis=0)
    path = np.vstack([points, points[:1]])
    total = lengths(path)[-1]
    end = total + closing(r, width)
    if not halves:
        return [round_piece(path, 0, end)]
    split = total * r.uniform(0.4, 0.6)
    meet = r.uniform(-0.03, width + MAX_GAP * 0.8)  # below 0 the second starts before the first ended
    second = round_piece(path, split + meet, end)
    return [piece(path, 0, split), second[::-1] if r.random() < 0.5 else second]


def place(points: np.ndarray, d: Doodle, r: random.Random) -> np.ndarray:
    """A 3×2 affine map from the thing's frame onto the page (0..1): turned a little (and by the thing's own
    spin), mirrored now and then, `d.span` of the page big, anywhere that leaves EDGE round it."""
    a = math.radians(d.spin + r.uniform(-12, 12))
    flip = r.choice((-1, 1))
    turn = np.array([[flip * math.cos(a), flip * math.sin(a)], [-math.sin(a), math.cos(a)]])
    every = points @ turn
    low, high = every.min(0), every.max(0)
    scale = r.uniform(*d.span) / (high - low).max()
    room = 1 - 2 * EDGE - (high - low) * scale
    offset = EDGE + np.array([r.uniform(0, room[0]), r.uniform(0, room[1])]) - low * scale
    return np.vstack([turn * scale, offset])


def draw(name: str, number: int) -> tuple[Image.Image, list[np.ndarray]]:
    """Doodle `number` (from 1) of `name`, and its body outlines in page pixels."""
    r = random.Random(zlib.crc32(f"sixth/{name}/{number}".encode()))
    d = Doodle(r)
    THINGS[name][1](d, r)
    size = PenSize.LARGE if r.random() < 0.75 else PenSize.MEDIUM
    width = PEN_WIDTHS[size]
    transform = place(np.vstack([p for _, p, _ in d.parts]), d, r)
    speed = r.uniform(1.2, 2.4)  # page sides a second: a quick finger
    strokes, bodies = [], []
    for kind, points, body in d.parts:
        on_page = np.hstack([points, np.ones((len(points), 1))]) @ transform
        if body:
            bodies.append(on_page * SIZE)
        if kind == "tap":
            strokes.append(Stroke(Tool.PEN, size, (Point(*on_page[0]),)))
            continue
        wobble = (r.uniform(0.003, 0.008), r.uniform(0.15, 0.35), r.uniform(0, 2 * math.pi))
        if kind == "outline":
            paths = outline_strokes(on_page, r, width, r.random() < (d.halves if body else 0.15))
        else:
            paths = [on_page]
        strokes.extend(Stroke(Tool.PEN, size, tuple(finger(p, r, speed, wobble))) for p in paths)
    return render_sketch(Drawing(strokes), SIZE), bodies


def labels() -> list[dict]:
    return [{"file": f"{name}_{k}.png", "class": name, "families": list(families),
             "known_by_recogniser_v6": group(name) != "unknown", "group": group(name)}
            for name, (families, _) in THINGS.items() for k in range(1, PER_CLASS + 1)]


def readme() -> str:
    groups = {g: [name for name in THINGS if group(name) == g] for g in ("first", "newer", "unknown")}

    listed, level = partial(listed_classes, THINGS), partial(chance_words, THINGS)

    levels = textwrap.fill(
        "`labels.json` lists each `file`, its `class`, its `families`, `known_by_recogniser_v6` and its "
        f"`group`. The best single constant colour is {level(list(THINGS))} (the chance level); on the "
        f"first things {level(groups['first'])}; on the newer ones {level(groups['newer'])}; on the unknown "
        f"ones {level(groups['unknown'])} (tests/trainer/evaluation/test_sixth_doodles.py holds them there). "
        "Brown is honestly the colour of most of the newer things (wolf, deer, worm, chestnut, croissant, "
        "lizard, otter), so that group's figures are to be read against its own level, not a half.", 110)
    return f"""# Labelled doodles, sixth hand

{len(THINGS) * PER_CLASS} child-like doodles of {len(THINGS)} things, {PER_CLASS} of each, drawn by
`scripts/doodles/draw_sixth_hand.py`, written apart from the other hands' drawing code and from the
recogniser, the colourer, the themes and their figures (none of them was run or looked at while these were
made), so that the colour sense figures can be read on drawings nobody tuned on. Three groups (`group` in
`labels.json`):
{len(groups['first'])} of the recogniser's first things, which earlier hands drew too ("first");
{len(groups['newer'])} things the recogniser knows that no hand drew before ("newer");
{len(groups['unknown'])} things no version of the recogniser knows and no hand drew ("unknown").
`known_by_recogniser_v6` says whether recogniser v6 (resources/recogniser/) has the thing as a class.

How they are made: as a 4 to 6 year old draws with a finger on a touch screen in the app. Each thing is a few
outlines, lines and taps with a small child's proportions (big heads on small bodies, stubby legs, oversized
eyes, ears, wheels, wings and leaves), round shapes from 5 to 8 uneven corners rounded off, drawn small and
anywhere on the page (its longer side 30 to 65 % of the page's; at least 35 to 55 % for 19 thin or busy
things, a snake, a lizard, asparagus, a croissant, animals with legs, whiskers and tails, whose insides the
large pen's lines would close at the smallest size), tilted by up to 12 degrees (leaves, eggplants, mangoes,
asparagus and Saturn more), mirrored now and then. A finger is quick (1.2 to 2.4 page sides a second) and the
screen reports it every 1/60 s or now and then two reports late, so each stroke is a few far-apart, unevenly
spaced samples along a path that wobbles off the intended line. Outlines start anywhere and run past their
start or stop short of it (a gap of up to 2.2 % of the page between the line's edges, which the app's gap
closing closes); about three body outlines in ten (three hearts in four) are drawn in two strokes that overlap
a little or leave such a gap where they meet. The strokes are the app's own `Stroke`s of the black pen at full
pressure (as the app stores a touch), at its large size (10.2 px) for three doodles in four and the medium one
(5.1 px) otherwise, rendered by the app's `render_sketch`. Outlines only: nothing is coloured or scribbled in;
eyes and seeds are single taps. No picture, emoji, icon or edge extractor. Seeded from the class and the
doodle's number: rerunning the script writes the same files.

256×256 greyscale ("L"), dark lines on white, `CLASS_1.png` to `CLASS_{PER_CLASS}.png`. The body of every
thing (for animals the head and the body) is a closed or gap-closable outline and holds the largest area
inside the lines, since the main colour is read by area inside the shapes (generation/colour_families.py).

Classes and the colour families a parent accepts as the main colour (the same for every doodle of a class).
First things (`"known_by_recogniser_v6": true`):
{listed(groups['first'])}.

Newer things (`"known_by_recogniser_v6": true`):
{listed(groups['newer'])}.

Unknown things (`"known_by_recogniser_v6": false`; no class of any recogniser version):
{listed(groups['unknown'])}.

{levels}

A contact sheet of the set: `docs/themes/doodles-sixth.png`
(`python scripts/doodles/draw_sixth_hand.py --sheet docs/themes/doodles-sixth.png`).

License: made for this project, same license as its code.
"""


if __name__ == "__main__":
    write_set(__doc__, OUT, list(THINGS), PER_CLASS, draw, labels, readme)
