"""The fifth hand's labelled doodles: 40 things drawn as a 5 to 7 year old draws them in the app itself with a
mouse or a finger, rendered by the app's own stroke renderer, to judge on drawings nobody tuned on whether a
theme's colours fit what was drawn.

    python scripts/doodles/draw_fifth_hand.py [--out tests/data/doodles_fifth] [--sheet PATH] [--only A,B]

Each thing is a few polygonal shapes written here (no picture, emoji, icon or edge extractor), placed anywhere
on the page at 55 to 90 % of its side, tilted a little and mirrored now and then. Every stroke becomes the
pointer samples the app would record: the hand slows into each corner and speeds up between them, so a fast
side is a few long straight samples and a slow one many close ones, with a small tremor and a slow drift off
the path. Outlines are started at any corner and either run past their start or stop short of it (a gap of up
to 2.5 % of the sheet between the line's edges, which the app's gap closing closes); now and then a stroke is
drawn a second time, a little beside the first. The strokes are `drawing.strokes.Stroke`s of the pen, black,
at one of the app's three pen sizes per doodle, rendered by `drawing.rasterize.render_sketch`, as a sketch
drawn in the app reaches a theme. The body of every thing is a closed outline and the largest area inside the
lines, since the main colour is read by area inside the shapes (generation/colour_families.py). Seeded from
the class and the doodle's number, so rerunning the script writes the same files.
"""

import itertools
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
from doodle_set import chance_words, listed_classes, write_set

from icanvas_desktop.drawing.rasterize import render_sketch
from icanvas_desktop.drawing.strokes import PEN_WIDTHS, Drawing, PenSize, Point, Stroke, Tool

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "tests" / "data" / "doodles_fifth"
SIZE = 256
PER_CLASS = 3
# The widest gap, between the line's edges, that an outline is left with (a fraction of the sheet): under the
# clean look's 3 % (clean_look.GAP) by which the app closes a child's outlines.
MAX_GAP = 0.025
# How often the app hears about the pointer: a mouse or a touch screen reports about 60 times a second.
SAMPLE_S = 1 / 60
# How much of the sheet the thing's longer side takes, and the least paper left around it.
SPAN = (0.55, 0.9)
MARGIN = 0.05


class Sketch:
    """The parts of one doodle in its own frame (about -1..1, y down): closed outlines, open lines and
    dots, and which outlines are the body."""

    def __init__(self, r: random.Random):
        self.r = r
        self.parts: list[tuple[str, np.ndarray]] = []
        self.bodies: list[int] = []

    def loop(self, points, body: bool = False) -> None:
        if body:
            self.bodies.append(len(self.parts))
        self.parts.append(("loop", np.asarray(points, float)))

    def line(self, points) -> None:
        self.parts.append(("line", np.asarray(points, float)))

    def dot(self, x: float, y: float, size: float = 0.05) -> None:
        self.parts.append(("dot", np.array([[x, y], [x + size, y]])))


def oval(r: random.Random, cx, cy, rx, ry, n: int = 0, wobble: float = 0.06, start: float | None = None,
         sweep: float = 360.0) -> np.ndarray:
    """A child's round shape: a polygon of `n` corners (8 to 12 when 0), each a little off the circle; an
    arc of `sweep` degrees from `start` when less than a full turn (0 is to the right, 90 down)."""
    n = n or r.randint(8, 12)
    full = sweep >= 360
    start = r.uniform(0, 360) if start is None else start
    count = n if full else max(2, round(n * sweep / 360)) + 1
    step = sweep / (n if full else count - 1)
    points = []
    for i in range(count):
        a = math.radians(start + step * (i + (r.uniform(-0.2, 0.2) if full or 0 < i < count - 1 else 0)))
        k = 1 + r.uniform(-wobble, wobble)
        points.append((cx + rx * k * math.cos(a), cy + ry * k * math.sin(a)))
    return np.array(points)


def jig(r: random.Random, points, spread: float = 0.03) -> np.ndarray:
    """Corners a little off where they were meant to go."""
    return np.array([(x + r.uniform(-spread, spread), y + r.uniform(-spread, spread)) for x, y in points])


def tube(centre: np.ndarray, half_widths) -> np.ndarray:
    """A closed outline round the polyline `centre`, `half_widths` wide either side at each of its points."""
    centre = np.asarray(centre, float)
    d = np.gradient(centre, axis=0)
    normal = np.stack([-d[:, 1], d[:, 0]], 1) / np.linalg.norm(d, axis=1, keepdims=True)
    w = np.asarray(half_widths, float)[:, None]
    return np.vstack([centre + normal * w, (centre - normal * w)[::-1]])


def arc(cx, cy, radius, a0, a1, n) -> np.ndarray:
    a = np.radians(np.linspace(a0, a1, n))
    return np.stack([cx + radius * np.cos(a), cy + radius * np.sin(a)], 1)


def u(r: random.Random, value: float, spread: float = 0.1) -> float:
    """`value` give or take `spread` of it."""
    return value * (1 + r.uniform(-spread, spread))


def leg(s: Sketch, x: float, top: float, length: float, width: float) -> None:
    """A leg as a child draws one: down, across, up; the body's outline closes it at the top."""
    s.line(jig(s.r, [(x - width / 2, top), (x - width / 2, top + length), (x + width / 2, top + length),
                     (x + width / 2, top)], 0.02))


def eye(s: Sketch, x: float, y: float) -> None:
    s.dot(x, y, 0.04)


# The things, each drawn in its own frame: a body outline first, details after.

def apple(s: Sketch, r: random.Random) -> None:
    body = oval(r, 0, 0.1, u(r, 0.85), u(r, 0.8), n=r.randint(9, 12), start=-90)
    body[0] = (body[0][0], body[0][1] + 0.2)  # the dip where the stem goes in
    s.loop(body, body=True)
    s.line(jig(r, [(0, -0.55), (0.08, -0.95)]))
    if r.random() < 0.7:
        s.loop(jig(r, [(0.08, -0.8), (0.35, -1.0), (0.55, -0.9), (0.3, -0.75)], 0.02))


def banana(s: Sketch, r: random.Random) -> None:
    t = np.linspace(0, 1, r.randint(7, 9))
    angles = np.radians(190 - 160 * t)
    centre = np.stack([np.cos(angles), -0.45 + 0.85 * np.sin(angles)], 1)
    s.loop(tube(centre, 0.03 + u(r, 0.3) * np.sin(np.pi * t) ** 0.6), body=True)
    tip = centre[-1]
    s.loop(jig(r, [tip + (-0.03, 0.04), tip + (0.12, -0.2), tip + (0.2, -0.14), tip + (0.05, 0.06)], 0.01))


def sun(s: Sketch, r: random.Random) -> None:
    radius = u(r, 0.55)
    s.loop(oval(r, 0, 0, radius, radius), body=True)
    rays = r.randint(7, 11)
    turn = r.uniform(0, 360)
    for i in range(rays):
        a = math.radians(turn + 360 * i / rays + r.uniform(-8, 8))
        inner, outer = radius + 0.12, radius + u(r, 0.42, 0.25)
        s.line([(inner * math.cos(a), inner * math.sin(a)), (outer * math.cos(a), outer * math.sin(a))])
    if r.random() < 0.5:
        eye(s, -0.18, -0.12)
        eye(s, 0.18, -0.12)
        s.line(arc(0, 0.02, 0.25, 30, 150, 4))


def cloud(s: Sketch, r: random.Random) -> None:
    bumps = r.randint(5, 7)
    points = []
    turn = r.uniform(0, 40)
    for i in range(bumps):
        for k, dk in ((0.0, 0.72), (0.2, 0.93), (0.5, 1.05), (0.8, 0.93)):
            a = math.radians(turn + 360 * (i + k) / bumps)
            x, y = u(r, 1.0, 0.04) * dk * math.cos(a), u(r, 0.55, 0.04) * dk * math.sin(a)
            points.append((x, min(y, 0.38)))
    s.loop(points, body=True)
    if r.random() < 0.3:
        for x in (-0.5, 0.0, 0.5):
            s.line(jig(r, [(x, 0.6), (x - 0.1, 0.85)], 0.03))


def tree(s: Sketch, r: random.Random) -> None:
    crown = oval(r, 0, -0.35, u(r, 0.85), u(r, 0.65), n=r.randint(10, 14), wobble=0.12)
    s.loop(crown, body=True)
    w, bottom = u(r, 0.14), u(r, 1.0, 0.05)
    s.line(jig(r, [(-w, 0.22), (-w - 0.03, bottom), (w + 0.03, bottom), (w, 0.22)], 0.02))
    for _ in range(r.choice((0, 0, 3))):
        s.loop(oval(r, r.uniform(-0.45, 0.45), r.uniform(-0.6, -0.1), 0.08, 0.08, n=5))


def strawberry(s: Sketch, r: random.Random) -> None:
    w = u(r, 0.75)
    s.loop(jig(r, [(-w, -0.45), (-w - 0.05, 0.0), (-w * 0.6, 0.5), (0, 0.95), (w * 0.6, 0.5), (w + 0.05, 0.0),
                   (w, -0.45), (0.3, -0.58), (-0.3, -0.58)]), body=True)
    s.line(jig(r, [(-0.55, -0.5), (-0.4, -0.82), (-0.18, -0.56), (0, -0.88), (0.18, -0.56), (0.4, -0.82),
                   (0.55, -0.5)], 0.03))
    for _ in range(r.randint(5, 8)):
        s.dot(r.uniform(-0.45, 0.45), r.uniform(-0.25, 0.45), 0.02)


def carrot(s: Sketch, r: random.Random) -> None:
    w = u(r, 0.32)
    s.loop(jig(r, [(-w, -0.55), (w, -0.55), (w * 0.55, 0.3), (0.02, 1.05), (-w * 0.5, 0.3)], 0.03), body=True)
    for dx in (-0.15, 0.0, 0.15):
        s.line(jig(r, [(dx, -0.58), (dx * 2.2, -1.05)], 0.03))
    for y in (-0.25, 0.1, 0.45):
        s.line(jig(r, [(-w * 0.9 * (1 - y) / 1.6, y), (-w * 0.9 * (1 - y) / 1.6 + 0.15, y + 0.03)], 0.02))


def cherry(s: Sketch, r: random.Random) -> None:
    radius = u(r, 0.38)
    left, right = (-0.45, u(r, 0.45)), (0.45, u(r, 0.55))
    for cx, cy in (left, right):
        s.loop(oval(r, cx, cy, radius, radius, n=r.randint(7, 10)), body=True)
    top = (u(r, 0.1), -0.85)
    s.line(jig(r, [(left[0] + 0.05, left[1] - radius), (-0.2, -0.3), top], 0.03))
    s.line(jig(r, [(right[0] - 0.05, right[1] - radius), (0.2, -0.3), top], 0.03))
    if r.random() < 0.6:
        s.loop(jig(r, [top, (0.35, -1.05), (0.6, -0.95), (0.35, -0.8)], 0.02))


def grapes(s: Sketch, r: random.Random) -> None:
    g = u(r, 0.22, 0.05)
    rows = (4, 3, 2, 1) if r.random() < 0.6 else (3, 3, 2, 1)
    for i, count in enumerate(rows):
        for j in range(count):
            x = (j - (count - 1) / 2) * 2 * g * 0.98
            s.loop(oval(r, x, -0.45 + i * 1.75 * g, g, g, n=r.randint(6, 8), wobble=0.05), body=True)
    s.line(jig(r, [(0, -0.45 - g), (0.05, -0.95)], 0.02))
    if r.random() < 0.5:
        s.loop(jig(r, [(0.03, -0.8), (0.35, -1.0), (0.6, -0.85), (0.3, -0.72)], 0.02))


def moon(s: Sketch, r: random.Random) -> None:
    t = np.linspace(0, 1, r.randint(7, 9))
    angles = np.radians(70 + 220 * t)
    centre = np.stack([0.7 * np.cos(angles), 0.8 * np.sin(angles)], 1)
    s.loop(tube(centre, 0.04 + u(r, 0.32) * np.sin(np.pi * t)), body=True)
    if r.random() < 0.4:
        eye(s, -0.62, -0.1)


def star(s: Sketch, r: random.Random) -> None:
    inner = u(r, 0.45)
    turn = -90 + r.uniform(-10, 10)
    points = [((1.0 if i % 2 == 0 else inner) * math.cos(math.radians(turn + 36 * i)),
               (1.0 if i % 2 == 0 else inner) * math.sin(math.radians(turn + 36 * i))) for i in range(10)]
    s.loop(jig(r, points, 0.05), body=True)


def pig(s: Sketch, r: random.Random) -> None:
    rx, ry = u(r, 0.85), u(r, 0.75)
    s.loop(oval(r, 0, 0.1, rx, ry, n=r.randint(10, 12)), body=True)
    for side in (-1, 1):
        s.line(jig(r, [(side * 0.3, -0.55), (side * 0.6, -0.95), (side * 0.7, -0.45)], 0.03))
        eye(s, side * 0.3, -0.15)
    s.loop(oval(r, 0, 0.3, 0.32, 0.22, n=7, wobble=0.04))
    s.dot(-0.1, 0.3, 0.03)
    s.dot(0.1, 0.3, 0.03)


def frog(s: Sketch, r: random.Random) -> None:
    s.loop(oval(r, 0, 0.2, u(r, 1.0), u(r, 0.62), n=r.randint(10, 12)), body=True)
    for side in (-1, 1):
        s.loop(oval(r, side * 0.5, -0.45, 0.24, 0.22, n=7, start=180 if side < 0 else 0))
        eye(s, side * 0.5, -0.45)
    s.line(jig(r, [(-0.5, 0.25), (-0.2, 0.42), (0.2, 0.42), (0.5, 0.25)], 0.03))


def whale(s: Sketch, r: random.Random) -> None:
    h = u(r, 0.55)
    s.loop(jig(r, [(-1.1, 0.05), (-1.0, -h * 0.65), (-0.6, -h), (0.0, -h), (0.5, -h * 0.6), (0.85, -0.15),
                   (1.15, -0.5), (1.28, -0.42), (1.05, 0.0), (1.28, 0.4), (1.15, 0.48), (0.85, 0.12),
                   (0.4, h * 0.7), (-0.3, h * 0.9), (-0.8, h * 0.75)], 0.03), body=True)
    eye(s, -0.7, -0.15)
    s.line(jig(r, [(-1.05, 0.15), (-0.6, 0.2)], 0.02))
    for dx in (-0.15, 0.0, 0.15):
        s.line(jig(r, [(-0.5, -h - 0.1), (-0.5 + dx * 2.5, -h - 0.45)], 0.02))


def penguin(s: Sketch, r: random.Random) -> None:
    w = u(r, 0.6)
    s.loop(oval(r, 0, 0.05, w, u(r, 1.0, 0.05), n=r.randint(10, 12)), body=True)
    s.loop(oval(r, 0, 0.35, w * 0.5, 0.42, n=r.randint(7, 9)))
    eye(s, -0.18, -0.55)
    eye(s, 0.18, -0.55)
    s.loop(jig(r, [(-0.1, -0.42), (0.1, -0.42), (0, -0.28)], 0.01))
    for side in (-1, 1):
        s.line(jig(r, [(side * w * 0.95, -0.25), (side * (w + 0.3), 0.3)], 0.03))
        s.line(jig(r, [(side * 0.12, 1.02), (side * 0.35, 1.12), (side * 0.5, 1.0)], 0.02))


def snowman(s: Sketch, r: random.Random) -> None:
    big, small = u(r, 0.58, 0.05), u(r, 0.38, 0.05)
    s.loop(oval(r, 0, 0.45, big, big * 0.95), body=True)
    s.loop(oval(r, 0, 0.45 - big - small * 0.9, small, small), body=True)
    head = 0.45 - big - small * 0.9
    eye(s, -0.13, head - 0.08)
    eye(s, 0.13, head - 0.08)
    s.line(jig(r, [(0, head + 0.05), (0.28, head + 0.1)], 0.01))
    for side in (-1, 1):
        s.line(jig(r, [(side * big * 0.85, 0.2), (side * (big + 0.45), -0.15), (side * (big + 0.55), -0.05)]))
    for y in (0.25, 0.5):
        s.dot(0, y, 0.03)


def ladybug(s: Sketch, r: random.Random) -> None:
    radius = u(r, 0.8, 0.05)
    s.loop(oval(r, 0, 0.15, radius, radius * u(r, 0.95, 0.05), n=r.randint(10, 12)), body=True)
    s.line(arc(0, -radius + 0.15, 0.32, 180, 360, 5) + (0, 0.02))
    s.line(jig(r, [(0, -radius + 0.17), (0, 0.15 + radius * 0.9)], 0.02))
    for x, y in ((-0.4, -0.1), (0.4, -0.1), (-0.35, 0.45), (0.35, 0.45), (-0.55, 0.15), (0.55, 0.2)):
        if r.random() < 0.8:
            s.loop(oval(r, x, y, 0.09, 0.09, n=5))
    for side in (-1, 1):
        s.line(jig(r, [(side * 0.12, -radius - 0.12), (side * 0.35, -radius - 0.4)], 0.02))


def pumpkin(s: Sketch, r: random.Random) -> None:
    rx, ry = u(r, 1.0, 0.05), u(r, 0.72)
    s.loop(oval(r, 0, 0.1, rx, ry, n=r.randint(11, 14)), body=True)
    for side in (-1, 1):
        s.line(jig(r, [(side * 0.15, 0.1 - ry * 0.95), (side * 0.4, 0.1), (side * 0.15, 0.1 + ry * 0.95)],
                   0.02))
    s.line(jig(r, [(-0.08, 0.1 - ry + 0.02), (-0.12, -ry - 0.25), (0.1, -ry - 0.28), (0.08, 0.1 - ry + 0.02)],
               0.02))


def broccoli(s: Sketch, r: random.Random) -> None:
    # Florets: a crown of big round bumps all the way round, over a short thick stalk that branches.
    bumps = r.randint(5, 6)
    points = []
    for i in range(bumps):
        for k, dk in ((0.0, 0.75), (0.2, 0.95), (0.5, 1.08), (0.8, 0.95)):
            a = math.radians(150 + 240 * (i + k) / bumps)
            points.append((u(r, 1.0, 0.03) * dk * math.cos(a), -0.2 + u(r, 0.7, 0.03) * dk * math.sin(a)))
    points += [(0.45, 0.3), (-0.45, 0.3)]
    s.loop(points, body=True)
    w = u(r, 0.32)
    s.line(jig(r, [(-w, 0.3), (-w * 0.8, 0.85), (w * 0.8, 0.85), (w, 0.3)], 0.02))
    s.line(jig(r, [(-0.25, 0.05), (0, 0.3), (0.25, 0.05)], 0.02))
    for _ in range(r.randint(2, 3)):
        s.line(oval(r, r.uniform(-0.5, 0.5), r.uniform(-0.5, -0.15), 0.14, 0.12, n=5, start=180, sweep=180))


def elephant(s: Sketch, r: random.Random) -> None:
    rx, ry = u(r, 0.8), u(r, 0.52)
    s.loop(oval(r, 0.25, 0.05, rx, ry, n=r.randint(10, 12), start=0), body=True)
    s.loop(oval(r, -0.6, -0.2, 0.4, 0.38, n=r.randint(8, 10), start=0))
    s.loop(oval(r, -0.45, -0.15, 0.18, 0.26, n=6, wobble=0.04))
    eye(s, -0.75, -0.3)
    s.line(jig(r, [(-0.9, -0.05), (-1.1, 0.4), (-1.05, 0.75), (-0.9, 0.7), (-0.95, 0.4), (-0.75, 0.05)],
               0.02))
    for x in (-0.25, 0.1, 0.45, 0.75):
        leg(s, x, 0.05 + ry * 0.8, 0.42, 0.2)
    s.line(jig(r, [(0.25 + rx * 0.98, 0.0), (1.25, 0.3)], 0.02))


def dragon(s: Sketch, r: random.Random) -> None:
    rx, ry = u(r, 0.85), u(r, 0.55)
    s.loop(oval(r, 0.1, 0.15, rx, ry, n=r.randint(10, 12), start=0), body=True)
    # Neck up to the head, the tail out behind with its arrow tip.
    s.line(jig(r, [(-0.5, -0.05), (-0.75, -0.55)], 0.02))
    s.line(jig(r, [(-0.3, -0.2), (-0.5, -0.62)], 0.02))
    s.loop(oval(r, -0.7, -0.75, 0.28, 0.2, n=7, start=0))
    eye(s, -0.72, -0.8)
    s.line(jig(r, [(-0.98, -0.7), (-1.2, -0.85), (-1.15, -0.7), (-1.3, -0.65)], 0.02))
    s.line(jig(r, [(0.1 + rx * 0.95, 0.2), (1.2, 0.45), (1.35, 0.2)], 0.03))
    s.loop(jig(r, [(1.35, 0.2), (1.5, 0.35), (1.3, 0.45)], 0.01))
    # A bat's wing up from the back, its lower edge in scallops between the fingers.
    back = 0.15 - ry * 0.9
    s.loop(jig(r, [(-0.05, back), (0.2, -1.0), (1.0, -1.3), (0.75, -0.95), (0.8, -0.72), (0.5, -0.68),
                   (0.45, back + 0.05)], 0.02))
    s.line(jig(r, [(-0.78, -0.92), (-0.82, -1.1), (-0.7, -0.93)], 0.01))
    for x in (-0.2, 0.45):
        leg(s, x, 0.15 + ry * 0.85, 0.35, 0.18)


def horse(s: Sketch, r: random.Random) -> None:
    rx, ry = u(r, 0.75), u(r, 0.38)
    s.loop(oval(r, 0.15, 0.0, rx, ry, n=r.randint(10, 12), start=0), body=True)
    s.line(jig(r, [(-0.45, -0.2), (-0.7, -0.75)], 0.02))
    s.line(jig(r, [(-0.25, -0.3), (-0.45, -0.8)], 0.02))
    s.loop(jig(r, [(-0.75, -0.75), (-0.45, -0.95), (-0.35, -0.75), (-0.55, -0.55), (-0.95, -0.35),
                   (-1.05, -0.48)], 0.02))
    eye(s, -0.58, -0.8)
    s.line(jig(r, [(-0.55, -0.9), (-0.5, -1.1), (-0.42, -0.9)], 0.01))
    s.line(jig(r, [(-0.45, -0.85), (-0.3, -0.6), (-0.35, -0.5), (-0.2, -0.35)], 0.02))
    for x in (-0.35, -0.1, 0.4, 0.65):
        leg(s, x, ry * 0.85, u(r, 0.75, 0.05), 0.12)
    tail = 0.15 + rx
    for dy in (0.0, 0.12, 0.24):
        s.line(jig(r, [(tail - 0.02, -0.1), (tail + 0.25, 0.15 + dy), (tail + 0.3, 0.45 + dy)], 0.02))


def mountain(s: Sketch, r: random.Random) -> None:
    peak = (r.uniform(-0.2, 0.2), -u(r, 0.9, 0.05))
    left, right = (-1.1, 0.8), (1.1, 0.8)
    side = np.linspace(left, peak, 4)[1:-1], np.linspace(peak, right, 4)[1:-1]
    s.loop(jig(r, [left, *side[0], peak, *side[1], right], 0.04), body=True)
    snow = 0.3
    a = np.add(np.multiply(peak, 1 - snow), np.multiply(left, snow))
    b = np.add(np.multiply(peak, 1 - snow), np.multiply(right, snow))
    s.line(jig(r, [a, a * 0.5 + b * 0.5 + (-0.1, 0.12), a * 0.25 + b * 0.75 + (0, -0.03), b], 0.02))
    if r.random() < 0.6:
        s.line(jig(r, [(0.7, 0.8 - 0.45 * 0.5), (1.05, -0.15), (1.45, 0.8)], 0.03))


def sandwich(s: Sketch, r: random.Random) -> None:
    w = u(r, 1.05, 0.05)
    top, low = -u(r, 0.55), u(r, 0.5)
    s.loop(jig(r, [(-w, top), (w, top), (w, -0.05), (-w, -0.05)], 0.03), body=True)
    s.line(jig(r, [(-w * 0.95, 0.0), (-w * 0.6, 0.12), (-w * 0.25, 0.0), (w * 0.1, 0.12), (w * 0.45, 0.0),
                   (w * 0.8, 0.12), (w * 1.02, 0.02)], 0.02))
    s.loop(jig(r, [(-w, 0.2), (w, 0.2), (w, low), (-w, low)], 0.03), body=True)
    s.loop(jig(r, [(-w * 0.9, 0.02), (-w * 0.7, 0.02), (-w * 0.8, 0.17)], 0.01))
    s.loop(jig(r, [(w * 0.3, 0.02), (w * 0.5, 0.02), (w * 0.4, 0.17)], 0.01))


def tornado(s: Sketch, r: random.Random) -> None:
    rows = r.randint(5, 6)
    tip = (r.uniform(-0.15, 0.25), 1.0)
    left, right = [], []
    for i in range(rows + 1):
        y = -0.95 + (tip[1] + 0.95) * i / (rows + 1)
        w = 1.0 * (1 - i / (rows + 1)) ** 1.2 + 0.08
        x = tip[0] * i / (rows + 1) + 0.12 * math.sin(i * 1.7)
        left.append((x - w, y))
        right.append((x + w, y))
    s.loop(jig(r, [*left, tip, *right[::-1]], 0.03), body=True)
    for i in range(1, rows):
        s.line(jig(r, [left[i], (0.5 * (left[i][0] + right[i][0]), left[i][1] + 0.1), right[i]], 0.02))
    for _ in range(r.randint(1, 3)):
        s.dot(r.uniform(-0.9, 0.9), r.uniform(0.3, 0.9), 0.03)


def octopus(s: Sketch, r: random.Random) -> None:
    rx, ry = u(r, 0.72), u(r, 0.62)
    dome = oval(r, 0, -0.3, rx, ry, n=9, start=180, sweep=180)
    s.loop(np.vstack([dome, [(rx * 0.9, 0.25), (-rx * 0.9, 0.25)]]), body=True)
    eye(s, -0.25, -0.3)
    eye(s, 0.25, -0.3)
    arms = r.randint(6, 8)
    for i in range(arms):
        x = -rx * 0.85 + 2 * rx * 0.85 * i / (arms - 1)
        turn = r.choice((-1, 1))
        s.line([(x, 0.3), (x + 0.1 * turn + x * 0.3, 0.55), (x - 0.05 * turn + x * 0.5, 0.8),
                (x + 0.12 * turn + x * 0.65, 1.0)])


def doughnut(s: Sketch, r: random.Random) -> None:
    radius = u(r, 0.95, 0.05)
    s.loop(oval(r, 0, 0, radius, radius * u(r, 0.85), n=r.randint(10, 13)), body=True)
    s.loop(oval(r, 0, 0, 0.26, 0.2, n=7, wobble=0.04))
    wave = r.randint(7, 9) * 2
    icing = [(0.56 + 0.07 * (i % 2)) * radius for i in range(wave)]
    s.loop([(d * math.cos(2 * math.pi * i / wave), d * 0.85 * math.sin(2 * math.pi * i / wave))
            for i, d in enumerate(icing)])
    for _ in range(r.randint(5, 8)):
        a, d = r.uniform(0, 2 * math.pi), r.uniform(0.34, 0.5)
        x, y = d * math.cos(a), d * math.sin(a) * 0.85
        s.line([(x, y), (x + r.uniform(-0.08, 0.08), y + r.uniform(-0.08, 0.08))])


def hot_dog(s: Sketch, r: random.Random) -> None:
    # The bun round the middle of the sausage, whose ends stick out either side.
    w, h = u(r, 1.1, 0.05), u(r, 0.55, 0.05)
    s.loop(oval(r, 0, 0.05, w, h, n=r.randint(10, 12), wobble=0.03), body=True)
    end, half = w + 0.22, u(r, 0.17, 0.05)
    s.loop(jig(r, [*arc(end - half, -0.08, half, -90, 90, 4), (0, -0.08 + half + 0.03),
                   *arc(-end + half, -0.08, half, 90, 270, 4), (0, -0.08 - half + 0.03)], 0.015))
    s.line([(-w * 0.7, -0.05), (-w * 0.45, -0.12), (-w * 0.2, 0.0), (w * 0.05, -0.12), (w * 0.3, 0.0),
            (w * 0.55, -0.12)])


def ice_cream(s: Sketch, r: random.Random) -> None:
    w = u(r, 0.72)
    drips = r.randint(3, 4)
    bottom = [(w - 2 * w * i / (drips * 2), -0.2 + (0.12 if i % 2 else 0.0)) for i in range(drips * 2 + 1)]
    s.loop([*oval(r, 0, -0.4, w, u(r, 0.62), n=9, start=180, sweep=180, wobble=0.04), *bottom[1:-1]],
           body=True)
    s.line(jig(r, [(-w * 0.65, -0.18), (0, 1.0), (w * 0.65, -0.18)], 0.02))
    s.line(jig(r, [(-w * 0.45, 0.05), (w * 0.2, 0.55)], 0.02))
    s.line(jig(r, [(w * 0.45, 0.05), (-w * 0.2, 0.55)], 0.02))
    if r.random() < 0.5:
        s.loop(oval(r, 0.05, -1.1, 0.12, 0.12, n=6))


def egg(s: Sketch, r: random.Random) -> None:
    rx = u(r, 0.68, 0.05)
    points = []
    n = r.randint(10, 13)
    for i in range(n):
        a = 2 * math.pi * (i + r.uniform(-0.15, 0.15)) / n
        ry = 0.98 if math.sin(a) < 0 else 0.72
        points.append((rx * math.cos(a) * (1 - 0.12 * -math.sin(a)), 0.1 + ry * math.sin(a)))
    s.loop(points, body=True)
    if r.random() < 0.5:
        s.line(jig(r, [(rx * 0.45, -0.15), (rx * 0.55, 0.15)], 0.02))


def onion(s: Sketch, r: random.Random) -> None:
    rx, ry = u(r, 0.82), u(r, 0.7)
    bulb = oval(r, 0, 0.2, rx, ry, n=9, start=-20, sweep=220, wobble=0.04)
    s.loop([*bulb, (-rx * 0.35, -0.5), (-0.08, -0.85), (0.08, -0.85), (rx * 0.35, -0.5)], body=True)
    for side in (-1, 1):
        s.line(jig(r, [(side * 0.05, -0.75), (side * rx * 0.45, -0.2), (side * rx * 0.42, 0.45),
                       (side * 0.08, 0.88)], 0.02))
    s.line(jig(r, [(-0.05, -0.85), (-0.2, -1.15)], 0.02))
    s.line(jig(r, [(0.05, -0.85), (0.18, -1.2)], 0.02))
    for dx in (-0.12, 0.0, 0.12):
        s.line(jig(r, [(dx, 0.88), (dx * 1.8, 1.08)], 0.02))


def bell_pepper(s: Sketch, r: random.Random) -> None:
    w = u(r, 0.72)
    s.loop(jig(r, [(-w, -0.45), (-w * 1.05, 0.3), (-w * 0.85, 0.95), (-w * 0.45, 1.05), (-w * 0.2, 0.85),
                   (0, 1.02), (w * 0.2, 0.85), (w * 0.45, 1.05), (w * 0.85, 0.95), (w * 1.05, 0.3),
                   (w, -0.45), (w * 0.55, -0.6), (0.15, -0.5), (-0.15, -0.5), (-w * 0.55, -0.6)], 0.03),
           body=True)
    s.line(jig(r, [(-0.4, -0.52), (-0.2, -0.65), (0, -0.55), (0.2, -0.65), (0.4, -0.52)], 0.01))
    s.loop(jig(r, [(-0.08, -0.6), (-0.1, -0.85), (0.1, -1.05), (0.22, -0.95), (0.08, -0.8), (0.08, -0.6)],
               0.01))
    for side in (-1, 1):
        s.line(jig(r, [(side * w * 0.35, -0.4), (side * w * 0.3, 0.3), (side * w * 0.2, 0.8)], 0.02))


def shrimp(s: Sketch, r: random.Random) -> None:
    t = np.linspace(0, 1, r.randint(8, 10))
    angles = np.radians(-110 + 240 * t)
    centre = np.stack([0.65 * np.cos(angles), 0.65 * np.sin(angles)], 1)
    widths = 0.3 - 0.21 * t
    s.loop(tube(centre, widths), body=True)
    for k in (0.45, 0.62, 0.78):
        i = int(k * (len(t) - 1))
        a = angles[i]
        normal = np.array([math.cos(a), math.sin(a) * 0.9])
        s.line([centre[i] + normal * widths[i], centre[i] - normal * widths[i]])
    tail = centre[-1]
    s.loop(jig(r, [tail, tail + (0.3, -0.1), tail + (0.25, -0.35)], 0.02))
    head = centre[0]
    eye(s, head[0] - 0.02, head[1] + 0.05)
    s.line([head + (-0.15, 0.0), head + (-0.6, -0.3), head + (-0.9, -0.2)])
    s.line([head + (-0.15, 0.08), head + (-0.5, -0.05), head + (-0.95, 0.1)])
    for k in (0.2, 0.35, 0.5):
        i = int(k * (len(t) - 1))
        a = angles[i]
        p = centre[i] - np.array([math.cos(a), math.sin(a) * 0.9]) * widths[i]
        s.line([p, p - np.array([math.cos(a), math.sin(a)]) * 0.15])


def parrot(s: Sketch, r: random.Random) -> None:
    w = u(r, 0.5)
    s.loop(jig(r, [(0.0, -0.95), (0.35, -0.85), (w, -0.45), (w * 1.1, 0.1), (w * 0.7, 0.5), (0.15, 0.6),
                   (-w * 0.6, 0.35), (-w * 0.8, -0.1), (-0.4, -0.55), (-0.3, -0.85)], 0.03), body=True)
    s.loop(jig(r, [(-0.38, -0.72), (-0.65, -0.7), (-0.6, -0.45), (-0.45, -0.55)], 0.01))
    eye(s, -0.1, -0.7)
    s.line(jig(r, [(w * 0.8, -0.3), (w * 0.2, 0.0), (w * 0.7, 0.35)], 0.02))
    for dx in (-0.1, 0.08, 0.25):
        s.line(jig(r, [(dx, 0.58), (dx + 0.15, 1.25), (dx + 0.28, 0.55)], 0.02))
    s.line(jig(r, [(-0.8, 0.65), (0.9, 0.62)], 0.02))


def seal(s: Sketch, r: random.Random) -> None:
    h = u(r, 0.42)
    s.loop(jig(r, [(-0.75, -0.75), (-0.45, -0.85), (-0.3, -0.45), (0.1, -h * 0.5), (0.6, -h * 0.35),
                   (1.05, 0.1), (1.35, -0.1), (1.4, 0.1), (1.15, 0.3), (0.6, h), (-0.2, h), (-0.6, 0.15),
                   (-0.75, -0.3), (-0.95, -0.55)], 0.03), body=True)
    eye(s, -0.58, -0.62)
    s.dot(-0.92, -0.55, 0.03)
    s.line(jig(r, [(-0.4, 0.1), (-0.15, 0.55), (0.1, 0.35)], 0.02))
    for dy in (-0.1, 0.05):
        s.line([(-0.9, -0.5 + dy), (-1.2, -0.55 + dy * 2)])
    if r.random() < 0.6:
        s.loop(oval(r, -0.75, -1.08, 0.2, 0.2, n=7))


def hippo(s: Sketch, r: random.Random) -> None:
    rx, ry = u(r, 0.85), u(r, 0.55)
    s.loop(oval(r, 0.25, 0.05, rx, ry, n=r.randint(10, 12), start=0), body=True)
    # The big head in profile: eyes on top, a wide snout with its nostrils, a long mouth.
    s.loop(jig(r, [(-0.35, -0.4), (-0.55, -0.62), (-0.75, -0.5), (-1.2, -0.42), (-1.4, -0.25), (-1.42, 0.05),
                   (-1.25, 0.3), (-0.8, 0.35), (-0.45, 0.3)], 0.02))
    eye(s, -0.62, -0.45)
    s.dot(-1.3, -0.28, 0.035)
    s.dot(-1.15, -0.33, 0.035)
    s.line(jig(r, [(-0.5, -0.58), (-0.45, -0.78), (-0.35, -0.55)], 0.01))
    s.line(jig(r, [(-1.4, -0.02), (-1.0, 0.05), (-0.85, -0.05)], 0.01))
    for x in (-0.2, 0.1, 0.45, 0.75):
        leg(s, x, 0.05 + ry * 0.85, 0.28, 0.26)


def sloth(s: Sketch, r: random.Random) -> None:
    rx, ry = u(r, 0.75), u(r, 0.45)
    s.line(jig(r, [(-1.3, -0.85), (-0.3, -0.9), (0.6, -0.85), (1.3, -0.9)], 0.02))
    s.loop(oval(r, 0.1, 0.2, rx, ry, n=r.randint(10, 12), start=0), body=True)
    for x in (-0.35, 0.6):
        s.line(jig(r, [(x - 0.12, 0.2 - ry * 0.7), (x - 0.1, -0.85)], 0.02))
        s.line(jig(r, [(x + 0.1, 0.2 - ry * 0.8), (x + 0.12, -0.85)], 0.02))
        s.line(jig(r, [(x - 0.12, -0.82), (x - 0.05, -1.0), (x + 0.05, -0.82)], 0.01))
    s.loop(oval(r, -0.75, 0.45, 0.36, 0.32, n=9))
    for side in (-1, 1):
        s.loop(jig(r, [(-0.75 + side * 0.05, 0.38), (-0.75 + side * 0.25, 0.35), (-0.75 + side * 0.22, 0.48)],
                   0.01))
    s.line(jig(r, [(-0.85, 0.6), (-0.75, 0.65), (-0.65, 0.6)], 0.01))


def coconut(s: Sketch, r: random.Random) -> None:
    radius = u(r, 0.9, 0.05)
    s.loop(oval(r, 0, 0.05, radius, radius * u(r, 0.92, 0.05), n=r.randint(10, 13)), body=True)
    for x, y in ((-0.2, -0.4), (0.2, -0.4), (0, -0.12)):
        s.loop(oval(r, x, y, 0.1, 0.1, n=5))
    hairs = r.randint(10, 14)
    for i in range(hairs):
        a = 2 * math.pi * (i + r.uniform(-0.3, 0.3)) / hairs
        x, y = radius * math.cos(a), 0.05 + radius * 0.9 * math.sin(a)
        s.line([(x * 0.97, y * 0.97), (x * 1.12 + 0.06 * math.sin(a), y * 1.12 - 0.06 * math.cos(a))])
    if r.random() < 0.4:
        s.line(jig(r, [(0.3, -0.65), (0.55, -1.2), (0.75, -1.25)], 0.02))


def volcano(s: Sketch, r: random.Random) -> None:
    top = u(r, 0.28)
    s.loop(jig(r, [(-1.15, 0.85), (-0.6, 0.1), (-top, -0.45), (-top * 0.4, -0.35), (0, -0.48),
                   (top * 0.4, -0.35), (top, -0.45), (0.6, 0.1), (1.15, 0.85)], 0.03), body=True)
    s.line(jig(r, [(-top * 0.5, -0.38), (-0.35, -0.05), (-0.2, 0.1), (-0.3, 0.35)], 0.02))
    s.line(jig(r, [(top * 0.5, -0.38), (0.3, 0.0), (0.45, 0.25)], 0.02))
    for i, (x, y, radius) in enumerate(((0.0, -0.72, 0.17), (0.25, -0.95, 0.2), (0.0, -1.2, 0.15))):
        if i < 2 or r.random() < 0.5:
            s.loop(oval(r, x, y, radius, radius * 0.85, n=6))


def walrus(s: Sketch, r: random.Random) -> None:
    w = u(r, 0.85)
    s.loop(jig(r, [(-0.35, -0.85), (0.35, -0.85), (0.55, -0.45), (w, 0.2), (w * 1.05, 0.7), (w * 0.6, 0.95),
                   (-w * 0.6, 0.95), (-w * 1.05, 0.7), (-w, 0.2), (-0.55, -0.45)], 0.03), body=True)
    eye(s, -0.18, -0.6)
    eye(s, 0.18, -0.6)
    for side in (-1, 1):
        s.loop(oval(r, side * 0.17, -0.32, 0.18, 0.15, n=7))
        s.loop(jig(r, [(side * 0.12, -0.18), (side * 0.26, -0.18), (side * 0.2, 0.35)], 0.01))
        s.line(jig(r, [(side * w * 0.85, 0.65), (side * (w + 0.35), 0.95), (side * w * 0.7, 0.9)], 0.02))
    s.dot(-0.2, -0.33, 0.02)
    s.dot(0.2, -0.33, 0.02)


FIRST = ("apple", "banana", "sun", "cloud", "tree", "strawberry", "carrot", "cherry", "grapes", "moon",
         "star", "pig", "frog", "whale", "penguin", "snowman", "ladybug", "pumpkin", "broccoli", "elephant")
NEWER = ("dragon", "horse", "mountain", "sandwich", "tornado")
THINGS: dict[str, tuple[tuple[str, ...], Callable[[Sketch, random.Random], None]]] = {
    "apple": (("red", "green", "yellow"), apple), "banana": (("yellow",), banana),
    "sun": (("yellow", "orange"), sun), "cloud": (("white", "grey", "blue"), cloud),
    "tree": (("green",), tree),
    "strawberry": (("red",), strawberry), "carrot": (("orange",), carrot), "cherry": (("red",), cherry),
    "grapes": (("purple", "green"), grapes), "moon": (("yellow", "white", "grey"), moon),
    "star": (("yellow", "orange"), star), "pig": (("pink",), pig), "frog": (("green",), frog),
    "whale": (("blue", "grey"), whale), "penguin": (("black", "white"), penguin),
    "snowman": (("white",), snowman),
    "ladybug": (("red",), ladybug), "pumpkin": (("orange",), pumpkin), "broccoli": (("green",), broccoli),
    "elephant": (("grey",), elephant),
    "dragon": (("green", "red"), dragon), "horse": (("brown", "white", "black", "grey"), horse),
    "mountain": (("grey", "brown", "blue", "white", "green"), mountain),
    "sandwich": (("brown", "yellow"), sandwich),
    "tornado": (("grey", "white", "black"), tornado),
    "octopus": (("red", "pink", "purple", "orange"), octopus), "doughnut": (("brown", "pink"), doughnut),
    "hot_dog": (("brown", "orange", "yellow"), hot_dog),
    "ice_cream": (("pink", "white", "brown", "yellow", "green"), ice_cream), "egg": (("white",), egg),
    "onion": (("purple", "white", "yellow", "brown"), onion),
    "bell_pepper": (("red", "green", "yellow", "orange"), bell_pepper),
    "shrimp": (("pink", "orange", "red"), shrimp),
    "parrot": (("red", "green", "blue", "yellow"), parrot), "seal": (("grey", "black", "brown"), seal),
    "hippo": (("grey", "purple"), hippo), "sloth": (("brown", "grey"), sloth),
    "coconut": (("brown",), coconut),
    "volcano": (("brown", "grey", "black"), volcano), "walrus": (("brown", "grey"), walrus),
}


def group(name: str) -> str:
    """"first": among the recogniser's first things, drawn by earlier hands; "newer": known to it, drawn by
    no hand before; "unknown": neither."""
    return "first" if name in FIRST else "newer" if name in NEWER else "unknown"


def ease(t: np.ndarray) -> np.ndarray:
    """How far along a side the hand is at time `t` (0..1) of it: slow off a corner and into the next."""
    return t**3 * (10 - 15 * t + 6 * t**2)


def pointer_samples(corners: np.ndarray, r: random.Random, speed: float, tremor: float) -> np.ndarray:
    """Where the app hears the pointer while the hand goes from corner to corner: one sample every
    SAMPLE_S, so close together where it is slow (into and out of each corner) and far apart where fast."""
    samples = [corners[0]]
    for a, b in itertools.pairwise(corners):
        length = float(np.hypot(*(b - a)))
        # A long side is a quick sweep; a short one is drawn carefully.
        v = speed * r.uniform(0.6, 1.5) * min(1.6, 0.6 + length * 3)
        n = max(1, math.ceil(length / (v * SAMPLE_S)))
        t = ease(np.arange(1, n + 1) / n)[:, None]
        samples.extend(a + (b - a) * t)
    path = np.array(samples)
    # The hand drifts slowly off the intended line and back, and trembles a little at every sample.
    along = np.concatenate([[0], np.cumsum(np.hypot(*np.diff(path, axis=0).T))])
    drift = np.zeros_like(path)
    for axis in (0, 1):
        for wavelength in (0.15, 0.4):
            drift[:, axis] += 0.004 * math.sin(r.uniform(0, 6.3)) * np.sin(
                2 * np.pi * along / wavelength + r.uniform(0, 6.3))
    # Not at the ends: where an outline starts and stops is what leaves its gap.
    drift *= np.clip(np.minimum(along, along[-1] - along) / 0.05, 0, 1)[:, None]
    noise = np.array([[r.gauss(0, tremor), r.gauss(0, tremor)] for _ in path])
    noise[0] = noise[-1] = 0
    return path + drift + noise


def go_round(corners: np.ndarray, r: random.Random, width: float) -> np.ndarray:
    """An outline's corners from any one of them round to where it began, ending a little past its start
    or short of it, a gap of up to MAX_GAP between the line's edges."""
    corners = np.roll(corners, -r.randrange(len(corners)), axis=0)
    path = np.vstack([corners, corners[:1]])
    if r.random() < 0.45:
        first = corners[1] - corners[0]
        return np.vstack([path, corners[0] + first * min(r.uniform(0.1, 0.4), 0.06 / np.hypot(*first))])
    last = corners[-1] - corners[0]
    gap = width + r.uniform(0.25, 1.0) * MAX_GAP
    path[-1] = corners[0] + last * min(gap / np.hypot(*last), 0.45)
    return path


def place(points: list[np.ndarray], r: random.Random) -> np.ndarray:
    """A 3×2 affine map from the thing's frame to the sheet (0..1): turned a little, mirrored now and then,
    SPAN of the sheet big, anywhere that leaves MARGIN round it."""
    a = math.radians(r.uniform(-10, 10))
    flip = r.choice((-1, 1))
    turn = np.array([[flip * math.cos(a), flip * math.sin(a)], [-math.sin(a), math.cos(a)]])
    every = np.vstack(points) @ turn
    low, high = every.min(0), every.max(0)
    scale = r.uniform(*SPAN) / (high - low).max()
    room = 1 - 2 * MARGIN - (high - low) * scale
    offset = MARGIN + np.array([r.uniform(0, room[0]), r.uniform(0, room[1])]) - low * scale
    return np.vstack([turn * scale, offset])


def strokes_of(s: Sketch, r: random.Random, size: PenSize) -> tuple[list[Stroke], list[np.ndarray]]:
    """The doodle's parts as the pen strokes a child makes in the app, and its body outlines on the sheet."""
    transform = place([p for _, p in s.parts], r)
    width = PEN_WIDTHS[size]
    speed = r.uniform(0.5, 1.1)  # sheet sides a second at the brisk middle of a side
    tremor = r.uniform(0.0008, 0.002)
    strokes, bodies = [], []
    for i, (kind, points) in enumerate(s.parts):
        sheet_points = np.hstack([points, np.ones((len(points), 1))]) @ transform
        if i in s.bodies:
            bodies.append(sheet_points * SIZE)
        if kind == "dot":
            centre, radius = sheet_points[0], max(np.hypot(*(sheet_points[1] - sheet_points[0])), width / 2)
            if radius <= width * 0.75:
                samples = [centre]
            else:
                # A small scribbled circle: the child colours the eye in.
                samples = centre + np.array([(radius * 0.6 * math.cos(k), radius * 0.6 * math.sin(k))
                                             for k in np.linspace(0, 4 * math.pi, 9)])
            strokes.append(Stroke(Tool.PEN, size, tuple(Point(*p) for p in samples)))
            continue
        path = go_round(sheet_points, r, width) if kind == "loop" else sheet_points
        samples = pointer_samples(path, r, speed, tremor)
        strokes.append(Stroke(Tool.PEN, size, tuple(Point(*p) for p in samples)))
        if r.random() < (0.25 if i in s.bodies else 0.12):
            # Drawn again, a little beside the first line and not always the whole way.
            start = r.randrange(max(1, len(path) // 2))
            again = path[start : start + max(2, round(len(path) * r.uniform(0.4, 1.0)))]
            again = again + np.array([r.uniform(-1, 1), r.uniform(-1, 1)]) * width * 0.4
            strokes.append(Stroke(Tool.PEN, size, tuple(Point(*p) for p in pointer_samples(again, r, speed,
                                                                                           tremor))))
    return strokes, bodies


def draw(name: str, number: int) -> tuple[Image.Image, list[np.ndarray]]:
    """Doodle `number` (from 1) of `name`, and its body outlines in page pixels."""
    r = random.Random(zlib.crc32(f"fifth/{name}/{number}".encode()))
    s = Sketch(r)
    THINGS[name][1](s, r)
    size = r.choices((PenSize.SMALL, PenSize.MEDIUM, PenSize.LARGE), (3, 4, 2))[0]
    strokes, bodies = strokes_of(s, r, size)
    return render_sketch(Drawing(strokes), SIZE), bodies


def labels() -> list[dict]:
    return [{"file": f"{name}_{n}.png", "class": name, "families": list(families),
             "known_by_recogniser_v5": group(name) != "unknown", "group": group(name)}
            for name, (families, _) in THINGS.items() for n in range(1, PER_CLASS + 1)]


def readme() -> str:
    groups = {g: [n for n in THINGS if group(n) == g] for g in ("first", "newer", "unknown")}

    listed, level = partial(listed_classes, THINGS), partial(chance_words, THINGS)

    total, things = len(THINGS) * PER_CLASS, len(THINGS)
    levels = textwrap.fill(
        "`labels.json` lists each `file`, its `class`, its `families`, `known_by_recogniser_v5` and its "
        "`group`. "
        f"The best single constant colour is {level(list(THINGS))} (the chance level); on the first things "
        f"{level(groups['first'])}; on the newer ones {level(groups['newer'])}; on the unknown ones "
        f"{level(groups['unknown'])} (tests/trainer/evaluation/test_fifth_doodles.py holds them there).", 110)
    return f"""# Labelled doodles, fifth hand

{total} child-like doodles of {things} things, {PER_CLASS} of each, drawn by
`scripts/doodles/draw_fifth_hand.py`, written apart from the other hands' drawing code and from the
recogniser, the colourer, the themes and their figures, so that the colour sense figures can be read on
drawings nobody tuned on. Three groups (`group` in `labels.json`):
{len(groups['first'])} of the recogniser's first things, which earlier hands drew too ("first");
{len(groups['newer'])} things the recogniser knows that no hand drew before ("newer");
{len(groups['unknown'])} things it does not know and no hand drew ("unknown").

How they are made: as a 5 to 7 year old draws in the app itself with a mouse or a finger. Each thing is a few
polygonal shapes (round things are polygons of 5 to 14 corners, each a little off the circle), placed anywhere
at 55 to 90 % of the page, tilted a little, mirrored now and then. Each stroke becomes the pointer samples the
app would record, one every 1/60 s: the hand slows into each corner and speeds up between, so a quick side is
a few long straight samples and a slow one many close ones, with a small tremor and a slow drift off the path.
Outlines are started at any corner and either run past their start or stop short of it (a gap of up to 2.5 %
of the sheet between the line's edges, which the app's gap closing closes); about one body outline in four and
one other stroke in eight is drawn a second time, a little beside the first and not always the whole way. The
strokes are the app's own `Stroke`s of the black pen, at one of its three pen sizes per doodle (small,
medium, large: 2.6, 5.1, 10.2 px), rendered by the app's `render_sketch`, as a sketch drawn in the app reaches
a theme. No picture, emoji, icon or edge extractor. Seeded from the class and the doodle's number: rerunning
the script writes the same files.

256×256 greyscale ("L"), dark lines on white, `CLASS_1.png` to `CLASS_{PER_CLASS}.png`. The body of every
thing is a closed (or nearly closed) outline and the largest area inside the lines, since the main colour is
read by area inside the shapes (generation/colour_families.py); details (eyes, seeds, legs) are small.

Classes and the colour families a person accepts as the main colour (the same for every doodle of a class).
First things (`"known_by_recogniser_v5": true`):
{listed(groups['first'])}.

Newer things (`"known_by_recogniser_v5": true`):
{listed(groups['newer'])}.

Unknown things (`"known_by_recogniser_v5": false`; none was a class of v5; some are of v6):
{listed(groups['unknown'])}.

{levels}

A contact sheet of the set: `docs/themes/doodles-fifth.png`
(`python scripts/doodles/draw_fifth_hand.py --sheet docs/themes/doodles-fifth.png`).

License: made for this project, same license as its code.
"""


if __name__ == "__main__":
    write_set(__doc__, OUT, list(THINGS), PER_CLASS, draw, labels, readme)
