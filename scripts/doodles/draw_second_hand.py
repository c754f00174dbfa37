"""A second hand for the labelled doodles: tests/data/doodles_second/, two pencil or crayon doodles of each of
the sketch recogniser's 53 classes, drawn independently of scripts/doodles/make_doodles.py so that colour
sense and recogniser figures can be checked on drawings nobody tuned on.

The hand: a 5 to 8 year old with a pencil or a wax crayon. Each thing is a few parametric shapes (frontal or
side views, big heads, stretched and misplaced parts) placed anywhere on the page, from small in a corner to
filling it. The pen goes over each outline in short overlapping strokes, sometimes twice, lets corners run
past, starts a closed outline where it happens to and stops a few px short or past it; the paper's grain
shows through the line. No picture, emoji, icon or edge extractor is used, and everything is seeded from the
class and the doodle's number, so a rerun writes the same files.

    python scripts/doodles/draw_second_hand.py [--out tests/data/doodles_second] [--sheet SHEET.png]
"""

import argparse
import itertools
import json
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw, ImageFont

SIZE = 256
SUPER = 4  # lines are inked at 4× and averaged down, as graphite fills part of a pixel
MARGIN = 8  # px of paper kept round every doodle, so that its shapes never touch the sheet's edge
STEP = 1.5  # px between the points a stroke is followed along
PER_CLASS = 2
OUT = Path(__file__).resolve().parents[2] / "tests" / "data" / "doodles_second"

# The main colour families a person accepts for each class (issue 26), by the recogniser's id for it.
FAMILIES: dict[str, tuple[str, ...]] = {
    "sun": ("yellow", "orange"), "cloud": ("white", "grey", "blue"), "tree": ("green",),
    "apple": ("red", "green", "yellow"), "strawberry": ("red",), "banana": ("yellow",), "carrot": ("orange",),
    "grapes": ("purple", "green"), "cherry": ("red",), "watermelon": ("green", "red", "pink"),
    "lemon": ("yellow",), "tomato": ("red",), "broccoli": ("green",), "pumpkin": ("orange",),
    "leaf": ("green", "yellow", "orange", "red", "brown"),
    "flower": ("red", "yellow", "pink", "purple", "orange", "blue", "white"), "snowman": ("white", "grey"),
    "frog": ("green",), "pig": ("pink",), "chick": ("yellow",), "ladybug": ("red",),
    "whale": ("blue", "grey"),
    "elephant": ("grey", "blue"), "penguin": ("black", "white", "grey"), "heart": ("red", "pink"),
    "star": ("yellow", "orange"), "moon": ("yellow", "white", "grey"), "smiley": ("yellow",),
    "pizza": ("yellow", "orange", "brown", "red"), "fire": ("orange", "red", "yellow"), "raindrop": ("blue",),
    "fire_truck": ("red",),
    "cat": ("orange", "yellow", "brown", "grey", "black", "white"),
    "dog": ("brown", "orange", "yellow", "white", "grey", "black"), "mouse": ("grey", "brown", "white"),
    "bear": ("brown", "black", "white"), "lion": ("orange", "yellow", "brown"),
    "bee": ("yellow", "orange", "black"), "duck": ("yellow", "white", "brown"), "turtle": ("green", "brown"),
    "rabbit": ("white", "grey", "brown", "pink"),
    "tangerine": ("orange",), "pear": ("green", "yellow"), "corn": ("yellow", "green"),
    "mushroom": ("red", "brown", "white", "orange"), "cactus": ("green",), "lightning": ("yellow", "orange"),
    "pineapple": ("yellow", "orange", "brown"), "eggplant": ("purple",),
    "cookie": ("brown", "orange", "yellow"),
    "dinosaur": ("green", "brown"), "snake": ("green", "brown", "yellow"), "crab": ("red", "orange"),
}


@dataclass(frozen=True)
class Pen:
    width: float  # px at 256
    dark: float  # how dark a line pressed fully is, 0..1
    grain: float  # how much of the paper's grain shows through a line, 0..1
    twice: float  # the chance that a stroke is gone over a second time
    streaks: bool  # wax crayon: the grain runs along the strokes' direction


PENCIL = Pen(width=2.0, dark=0.84, grain=0.32, twice=0.55, streaks=False)
CRAYON = Pen(width=3.3, dark=0.9, grain=0.45, twice=0.25, streaks=True)


# Shapes, in the thing's own units (y down); a sheet is laid out later, so sizes are only relative.

def ellipse(cx: float, cy: float, rx: float, ry: float, a0: float = 0.0, a1: float = 2 * np.pi,
            turn: float = 0.0) -> np.ndarray:
    n = max(12, int(abs(a1 - a0) * 24))
    a = np.linspace(a0, a1, n, endpoint=abs(a1 - a0) < 2 * np.pi - 1e-9)
    x, y = rx * np.cos(a), ry * np.sin(a)
    c, s = np.cos(turn), np.sin(turn)
    return np.c_[cx + c * x - s * y, cy + s * x + c * y]


def spline(points, closed: bool = False, per: int = 10) -> np.ndarray:
    """A Catmull-Rom curve through `points`: a child's curve, through where the hand aimed."""
    p = np.asarray(points, float)
    q = np.vstack([p[-1:], p, p[:2]]) if closed else np.vstack([p[:1], p, p[-1:]])
    out = []
    for i in range(len(p) if closed else len(p) - 1):
        p0, p1, p2, p3 = q[i], q[i + 1], q[i + 2], q[i + 3]
        t = np.linspace(0, 1, per, endpoint=False)[:, None]
        out.append(0.5 * (2 * p1 + (p2 - p0) * t + (2 * p0 - 5 * p1 + 4 * p2 - p3) * t ** 2
                          + (3 * p1 - p0 - 3 * p2 + p3) * t ** 3))
    if not closed:
        out.append(p[-1:])
    return np.vstack(out)


def lens(p0, p1, bulge: float, bend: float = 0.0) -> np.ndarray:
    """A leaf: two arcs from `p0` to `p1`, `bulge` wide (a share of its length), `bend` to one side."""
    p0, p1 = np.asarray(p0, float), np.asarray(p1, float)
    d = p1 - p0
    n = np.array([-d[1], d[0]])
    t = np.linspace(0, 1, 16)[:, None]
    hump = np.sin(np.pi * t)
    one = p0 + d * t + n * (bulge / 2 + bend) * hump
    other = p0 + d * t - n * (bulge / 2 - bend) * hump
    return np.vstack([one, other[::-1][1:-1]])


def outline_of(circles, centre) -> np.ndarray:
    """The outer edge of overlapping ellipses (x, y, rx, ry) seen from `centre`: clouds, crowns, manes."""
    cx, cy = centre
    angles = np.linspace(0, 2 * np.pi, 160, endpoint=False)
    reach = np.linspace(0, 4, 400)
    xs = cx + np.cos(angles)[:, None] * reach
    ys = cy + np.sin(angles)[:, None] * reach
    inside = np.zeros(xs.shape, bool)
    for x, y, rx, ry in circles:
        inside |= ((xs - x) / rx) ** 2 + ((ys - y) / ry) ** 2 <= 1
    last = np.where(inside.any(1), inside.shape[1] - 1 - np.argmax(inside[:, ::-1], 1), 0)
    return np.c_[xs[np.arange(len(angles)), last], ys[np.arange(len(angles)), last]]


def bitten(c1, r1, c2, r2) -> np.ndarray:
    """The part of circle (c1, r1) outside circle (c2, r2): crescent moons, bananas, bitten cookies."""
    a = np.linspace(0, 2 * np.pi, 200, endpoint=False)

    def arc(c, r, keep):
        pts = np.c_[c[0] + r * np.cos(a), c[1] + r * np.sin(a)]
        mask = keep(pts)
        start = int(np.argmax(~mask & np.roll(mask, -1))) + 1  # the first kept point after a dropped one
        pts, mask = np.roll(pts, -start, 0), np.roll(mask, -start)
        return pts[: int(np.argmin(mask)) or len(pts)]

    outer = arc(c1, r1, lambda p: np.hypot(*(p - c2).T) > r2)
    inner = arc(c2, r2, lambda p: np.hypot(*(p - c1).T) < r1)
    if np.hypot(*(outer[-1] - inner[0])) > np.hypot(*(outer[-1] - inner[-1])):
        inner = inner[::-1]
    return np.vstack([outer, inner])


def chord(p0, p1, oval) -> np.ndarray:
    """The part of the line from `p0` to `p1` inside the ellipse `oval` (x, y, rx, ry), as a child stops a
    pattern's lines at the outline."""
    t = np.linspace(0, 1, 300)[:, None]
    pts = np.asarray(p0, float) + (np.asarray(p1, float) - p0) * t
    x, y, rx, ry = oval
    return pts[((pts[:, 0] - x) / rx) ** 2 + ((pts[:, 1] - y) / ry) ** 2 <= 1]


def star_points(cx, cy, outer, inner, n=5, turn=-np.pi / 2):
    a = turn + np.arange(2 * n) * np.pi / n
    r = np.where(np.arange(2 * n) % 2 == 0, outer, inner)
    return np.c_[cx + r * np.cos(a), cy + r * np.sin(a)]


@dataclass
class Sketch:
    """One doodle's strokes in the thing's own units, before they are laid out on the page."""

    rng: np.random.Generator
    number: int  # 1 or 2: the first and second doodle of a class differ in their choices
    strokes: list = field(default_factory=list)  # (points, "loop" | "line" | "edge")
    dots: list = field(default_factory=list)  # (x, y, r): filled in with the pen
    body: list = field(default_factory=list)  # the outlines the thing's main colour belongs inside
    tilt: float = 0.0  # degrees the thing leans, before the child's own slant

    def v(self, x: float, spread: float = 0.08) -> float:
        """`x` as a child gets it: a bit bigger or smaller each time."""
        return x * (1 + self.rng.normal(0, spread))

    def loop(self, pts, body: bool = False) -> None:
        self.strokes.append((np.asarray(pts, float), "loop"))
        if body:
            self.body.append(np.asarray(pts, float))

    def line(self, pts) -> None:
        self.strokes.append((np.asarray(pts, float), "line"))

    def poly(self, corners, closed: bool = True, body: bool = False) -> None:
        """Edge by edge, each run a little past its corners."""
        c = np.asarray(corners, float)
        ends = np.vstack([c, c[:1]]) if closed else c
        for a, b in itertools.pairwise(ends):
            self.strokes.append((np.array([a, b]), "edge"))
        if body:
            self.body.append(c)

    def dot(self, x: float, y: float, r: float) -> None:
        self.dots.append((x, y, r))


# The things, as a child draws them.

def sun(s: Sketch) -> None:
    s.loop(ellipse(0, 0, 1, s.v(0.95, 0.04)), body=True)
    n = int(s.rng.integers(8, 13))
    for i, a in enumerate(np.linspace(0, 2 * np.pi, n, endpoint=False) + s.rng.uniform(0, 1)):
        r0, r1 = 1.18, s.v(1.75 if s.number == 1 or i % 2 else 1.5, 0.06)
        d = np.array([np.cos(a), np.sin(a)])
        if s.number == 1:
            s.line([d * r0, d * r1])
        else:
            side = np.array([-d[1], d[0]]) * 0.16
            s.poly([d * 1.05 + side, d * r1, d * 1.05 - side], closed=False)
    s.dot(-0.35, -0.25, 0.08)
    s.dot(0.35, -0.25, 0.08)
    s.line(ellipse(0, 0.05, 0.5, 0.45, 0.25 * np.pi, 0.75 * np.pi))


def cloud(s: Sketch) -> None:
    bumps = [(-1.0, 0.2, 0.45, 0.4), (-0.45, -0.2, 0.55, 0.5), (0.25, -0.3, 0.6, 0.55),
             (0.9, 0.05, 0.5, 0.45), (0.0, 0.2, 1.2, 0.4)]
    bumps = [(x + s.rng.normal(0, 0.05), y + s.rng.normal(0, 0.05), s.v(rx), s.v(ry))
             for x, y, rx, ry in bumps]
    s.loop(outline_of(bumps, (0, 0.05)), body=True)
    if s.number == 2:
        for x in (-0.6, 0.0, 0.6):
            s.line([(x, 0.75), (x - 0.12, 1.05)])


def tree(s: Sketch) -> None:
    crown = [(0, -0.75, 1.0, 0.8), (-0.75, -0.35, 0.55, 0.5), (0.75, -0.35, 0.55, 0.5),
             (-0.4, -1.35, 0.55, 0.5), (0.4, -1.35, 0.55, 0.5)]
    if s.number == 2:
        crown = [(0, -0.45, 1.0, 0.85)]
    s.loop(outline_of([(x, y, s.v(rx), s.v(ry)) for x, y, rx, ry in crown], (0, -0.5)), body=True)
    w = s.v(0.26)
    s.line([(-w, 0.05), (-w * 1.1, 1.1)])
    s.line([(w, 0.05), (w * 1.2, 1.1)])
    s.line([(-w * 1.6, 1.1), (w * 1.7, 1.12)])
    if s.number == 2:
        s.line([(-0.05, 0.1), (-0.4, -0.3)])
        s.line([(0.08, 0.0), (0.42, -0.35)])


def apple(s: Sketch) -> None:
    w = s.v(1.0)
    s.loop(spline([(0, -0.6), (0.45 * w, -0.85), (0.95 * w, -0.5), (1.0 * w, 0.2), (0.6 * w, 0.85),
                   (0.15, 0.85), (0, 0.78), (-0.15, 0.85), (-0.6 * w, 0.85), (-1.0 * w, 0.2),
                   (-0.95 * w, -0.5), (-0.45 * w, -0.85)], closed=True), body=True)
    s.line(spline([(0, -0.6), (0.02, -0.85), (0.12, -1.1)]))
    s.loop(lens((0.08, -0.9), (s.v(0.55), -1.15), 0.5))
    if s.number == 2:
        s.line(ellipse(-0.45, -0.2, 0.25, 0.35, np.pi, 1.4 * np.pi))


def strawberry(s: Sketch) -> None:
    s.loop(spline([(-0.8, -0.5), (-0.9, 0.05), (-0.5, 0.65), (0, s.v(1.1)), (0.5, 0.65), (0.9, 0.05),
                   (0.8, -0.5), (0.3, -0.62), (-0.3, -0.62)], closed=True), body=True)
    for x, y in [(-0.45, -0.25), (0.0, -0.3), (0.45, -0.25), (-0.25, 0.1), (0.25, 0.1), (0.0, 0.5),
                 (-0.5, 0.3), (0.5, 0.3)]:
        s.line([(x, y), (x + 0.03, y + 0.08)])
    for a in np.linspace(-2.5, -0.64, 4):
        s.loop(lens((0, -0.62), (0.55 * np.cos(a), -0.62 + 0.4 * np.sin(a)), 0.35))
    s.line([(0, -0.62), (0.05, -1.0)])


def banana(s: Sketch) -> None:
    s.tilt = -15
    s.loop(bitten((0, -0.6), s.v(1.3, 0.04), (0, -1.2), 1.38), body=True)
    s.poly([(-1.15, -0.05), (-1.35, -0.3), (-1.25, -0.38), (-1.05, -0.2)], closed=False)
    s.dot(1.1, -0.08, 0.05)


def carrot(s: Sketch) -> None:
    s.tilt = 25 if s.number == 1 else -20
    s.loop(spline([(-0.42, -0.85), (-0.32, 0.0), (-0.12, 0.8), (0, s.v(1.25)), (0.12, 0.8), (0.32, 0.0),
                   (0.42, -0.85), (0, -0.95)], closed=True), body=True)
    for y, side in [(-0.5, -1), (-0.1, 1), (0.35, -1), (0.7, 1)]:
        x = side * (0.4 - 0.3 * (y + 0.9) / 2)
        s.line([(x, y), (x - side * 0.18, y + 0.04)])
    for end in [(-0.45, -1.6), (0.0, -1.75), (0.45, -1.6)]:
        s.loop(lens((0, -0.92), end, 0.22))


def grapes(s: Sketch) -> None:
    r = s.v(0.23, 0.05)
    for row, count in enumerate((4, 3, 3, 2, 1)[: 5 if s.number == 1 else 4]):
        for i in range(count):
            x = (i - (count - 1) / 2) * 2 * r * 0.95 + s.rng.normal(0, 0.02)
            y = row * 2 * r * 0.85 + s.rng.normal(0, 0.02)
            s.loop(ellipse(x, y, r, r * s.v(1, 0.05)), body=True)
    s.line(spline([(0, -r), (0.05, -0.55), (-0.05, -0.8)]))
    s.loop(lens((0.03, -0.6), (0.45, -0.8), 0.45))


def cherry(s: Sketch) -> None:
    # The stems and the cherries' tops enclose paper: a narrow V keeps it smaller than a cherry.
    left, right = (-0.52, 0.5), (0.52, s.v(0.75, 0.05))
    for c in (left, right):
        s.loop(ellipse(c[0], c[1], s.v(0.48, 0.04), 0.48), body=True)
    s.line(spline([(left[0] + 0.22, left[1] - 0.42), (-0.1, -0.4), (0.05, -1.0)]))
    s.line(spline([(right[0] - 0.22, right[1] - 0.42), (0.15, -0.3), (0.05, -1.0)]))
    s.loop(lens((0.05, -1.0), (0.6, -1.15), 0.4))


def watermelon(s: Sketch) -> None:
    s.loop(np.vstack([ellipse(0, 0, 1.1, s.v(0.95), 0, np.pi)]), body=True)
    s.line(ellipse(0, 0, 0.9, 0.75, 0.02, np.pi - 0.02))
    for x, y in [(-0.5, 0.2), (-0.2, 0.35), (0.15, 0.3), (0.5, 0.2), (-0.05, 0.55), (0.3, 0.5)]:
        s.dot(x, y, 0.05)


def lemon(s: Sketch) -> None:
    s.tilt = -20
    h = s.v(0.65)
    s.loop(spline([(-1.1, 0), (-0.85, -0.22), (-0.5, -h * 0.85), (0, -h), (0.5, -h * 0.85), (0.85, -0.22),
                   (1.1, 0), (0.85, 0.22), (0.5, h * 0.85), (0, h), (-0.5, h * 0.85), (-0.85, 0.22)],
                  closed=True), body=True)
    if s.number == 2:
        s.loop(lens((0.95, -0.25), (1.4, -0.65), 0.4))
    s.line(ellipse(-0.2, -0.05, 0.55, 0.3, 1.1 * np.pi, 1.45 * np.pi))


def tomato(s: Sketch) -> None:
    round_ = ellipse(0, 0, s.v(1.0, 0.04), 0.85)
    round_[:, 1] += 0.12 * np.exp(-(round_[:, 0] / 0.25) ** 2) * (round_[:, 1] < 0)  # the dip at the stalk
    s.loop(round_, body=True)
    st = star_points(0, -0.72, 0.5, 0.15)
    st[:, 1] = -0.72 + (st[:, 1] + 0.72) * 0.55
    s.poly(st)
    s.line([(0, -0.8), (0.04, -1.05)])


def broccoli(s: Sketch) -> None:
    heads = [(-0.65, -0.15, 0.42, 0.4), (-0.25, -0.55, 0.45, 0.42), (0.3, -0.55, 0.45, 0.42),
             (0.7, -0.1, 0.42, 0.4), (0, -0.1, 0.6, 0.45)]
    s.loop(outline_of([(x, y, s.v(rx), s.v(ry)) for x, y, rx, ry in heads], (0, -0.25)), body=True)
    for x, y in [(-0.4, -0.3), (0.35, -0.25), (0, -0.55)]:
        s.line(ellipse(x, y, 0.17, 0.15, np.pi, 2 * np.pi))
    s.line([(-0.32, 0.25), (-0.25, 1.1)])
    s.line([(0.3, 0.25), (0.28, 1.1)])
    s.line(spline([(-0.27, 1.1), (0, 1.16), (0.3, 1.1)]))


def pumpkin(s: Sketch) -> None:
    rx, ry = s.v(1.15), 0.8
    s.loop(ellipse(0, 0, rx, ry), body=True)
    w = s.v(0.45, 0.1)
    s.line(ellipse(0, 0, w, ry * 0.98, 0.5 * np.pi, 1.5 * np.pi))
    s.line(ellipse(0, 0, w, ry * 0.98, -0.5 * np.pi, 0.5 * np.pi))
    s.poly([(-0.1, -0.78), (-0.12, -1.1), (0.12, -1.12), (0.12, -0.78)], closed=False)
    if s.number == 1:
        s.line(spline([(0.12, -1.0), (0.35, -1.15), (0.5, -1.0), (0.6, -1.15)]))


def leaf(s: Sketch) -> None:
    s.tilt = 35 if s.number == 1 else -40
    s.loop(lens((0, 1.0), (0, -1.1), s.v(0.55), bend=0.08), body=True)
    s.line([(0, 1.4), (0, 1.0), (0.02, -0.6)])
    for y in (0.5, 0.0, -0.4):
        s.line([(0.01, y), (0.28, y - 0.22)])
        s.line([(0.01, y), (-0.25, y - 0.22)])


def flower(s: Sketch) -> None:
    n = int(s.rng.integers(5, 8))
    angles = -np.pi / 2 + np.arange(n) * 2 * np.pi / n
    if s.number == 1:
        petals = [(0.55 * np.cos(a), 0.55 * np.sin(a), 0.36, 0.36) for a in angles]
        s.loop(outline_of(petals + [(0, 0, 0.5, 0.5)], (0, 0)), body=True)
        bottom = 0.9
    else:
        for a in angles:
            s.loop(ellipse(0.56 * np.cos(a), 0.56 * np.sin(a), s.v(0.38, 0.05), 0.22, turn=a), body=True)
        bottom = 0.94
    s.loop(ellipse(0, 0, s.v(0.22, 0.05), 0.22))
    s.line(spline([(0, bottom), (0.08, 1.5), (-0.02, 2.1)]))
    s.loop(lens((0.06, 1.55), (0.5, 1.3), 0.4))
    s.loop(lens((0.02, 1.8), (-0.45, 1.55), 0.4))


def snowman(s: Sketch) -> None:
    s.loop(ellipse(0, 0.85, s.v(0.75, 0.05), 0.7), body=True)
    s.loop(ellipse(0, -0.25, 0.45, s.v(0.43, 0.05)))
    s.poly([(-0.5, -0.62), (0.5, -0.64)], closed=False)
    s.poly([(-0.3, -0.63), (-0.28, -1.05), (0.3, -1.06), (0.3, -0.63)], closed=False)
    s.dot(-0.17, -0.32, 0.06)
    s.dot(0.17, -0.32, 0.06)
    s.poly([(0, -0.22), (0.35, -0.14), (0, -0.12)])
    for y in (0.5, 0.85, 1.2):
        s.dot(0, y, 0.065)
    for side in (-1, 1):
        s.line([(side * 0.65, 0.5), (side * 1.25, 0.05)])
        s.line([(side * 1.05, 0.22), (side * 1.3, 0.25)])


def frog(s: Sketch) -> None:
    s.loop(ellipse(0, 0.15, s.v(1.05, 0.05), 0.65), body=True)
    for side in (-1, 1):
        x = side * s.v(0.5, 0.05)
        s.loop(ellipse(x, -0.45, 0.3, 0.28))
        s.dot(x, -0.45, 0.09)
        s.loop(ellipse(side * 0.85, 0.82, 0.32, 0.13))
    s.line(ellipse(0, 0.0, 0.62, 0.45, 0.2 * np.pi, 0.8 * np.pi))
    s.dot(-0.08, -0.05, 0.035)
    s.dot(0.08, -0.05, 0.035)


def pig(s: Sketch) -> None:
    s.loop(ellipse(0, 0, s.v(1.0, 0.04), 0.92), body=True)
    for side in (-1, 1):
        s.poly([(side * 0.4, -0.82), (side * 0.85, -1.25), (side * 0.8, -0.5)], closed=False)
        s.dot(side * 0.38, -0.28, 0.08)
    s.loop(ellipse(0, 0.22, s.v(0.38), 0.26))
    s.dot(-0.13, 0.22, 0.06)
    s.dot(0.13, 0.22, 0.06)
    s.line(ellipse(0, 0.45, 0.3, 0.2, 0.25 * np.pi, 0.75 * np.pi))


def chick(s: Sketch) -> None:
    if s.number == 1:
        s.loop(ellipse(0, 0, 1.0, s.v(0.95)), body=True)
        eye, beak = (0.45, -0.35), [(0.88, -0.35), (1.3, -0.18), (0.9, 0.0)]
        top = -0.95
    else:
        s.loop(ellipse(0, 0.35, 0.95, 0.75), body=True)
        s.loop(ellipse(0.35, -0.65, 0.5, 0.48))
        eye, beak = (0.5, -0.75), [(0.82, -0.75), (1.15, -0.6), (0.84, -0.52)]
        top = -1.12
    s.dot(*eye, 0.08)
    s.poly(beak)
    s.line(spline([(-0.55, 0.1), (-0.3, 0.45), (0.05, 0.35)]))
    for dx in (-0.1, 0.05, 0.2):
        s.line([(0.05 + dx, top + 0.03), (0.05 + 2 * dx, top - 0.25)])
    for x in (-0.3, 0.25):
        s.line([(x, 0.95 if s.number == 1 else 1.08), (x, 1.3)])
        s.line([(x - 0.15, 1.42), (x, 1.3), (x + 0.18, 1.4)])


def ladybug(s: Sketch) -> None:
    s.loop(ellipse(0, 0.15, 1.0, s.v(0.95, 0.05)), body=True)
    s.loop(ellipse(0, -0.78, 0.45, 0.35))
    s.line([(0, -0.45), (0.02, 1.1)])
    for x, y in [(-0.45, -0.2), (0.5, -0.25), (-0.55, 0.45), (0.5, 0.5), (-0.25, 0.8), (0.28, 0.82)]:
        s.dot(x, y, 0.12)
    for side in (-1, 1):
        s.line(spline([(side * 0.2, -1.08), (side * 0.35, -1.35), (side * 0.55, -1.45)]))
        s.dot(side * 0.55, -1.45, 0.06)
        for y in (-0.2, 0.2, 0.6):
            s.line([(side * 0.97, y), (side * 1.3, y + 0.1)])


def whale(s: Sketch) -> None:
    # A big blunt head, the tail lifted with its fluke on top and a fountain: not a fish.
    s.loop(spline([(-1.3, 0.15), (-1.25, -0.4), (-0.8, -0.72), (0.0, -0.72), (0.6, -0.45), (0.98, -0.55),
                   (1.15, -0.85), (1.35, -0.75), (1.25, -0.3), (0.9, 0.15), (0.3, 0.5), (-0.5, 0.55),
                   (-1.1, 0.45)], closed=True), body=True)
    s.poly([(1.15, -0.85), (0.92, -1.2), (1.25, -1.0), (1.62, -1.12), (1.35, -0.75)], closed=False)
    s.dot(-0.85, -0.25, 0.07)
    s.line(spline([(-1.28, 0.15), (-0.95, 0.28), (-0.65, 0.2)]))
    s.loop(lens((0.0, 0.2), (0.35, 0.45), 0.45))
    s.line([(-0.5, -0.75), (-0.5, -1.3)])
    for side in (-1, 1):
        s.line(spline([(-0.5, -1.3), (-0.5 + side * 0.25, -1.45), (-0.5 + side * 0.45, -1.25)]))


def elephant(s: Sketch) -> None:
    s.loop(ellipse(0.35, 0.1, s.v(1.05, 0.05), 0.68), body=True)
    s.loop(ellipse(-0.8, -0.25, 0.5, 0.48))
    s.loop(ellipse(-0.55, -0.2, 0.28, 0.38))
    s.dot(-1.0, -0.38, 0.06)
    s.line(spline([(-1.26, -0.1), (-1.35, 0.35), (-1.3, 0.8), (-1.45, 0.95)]))
    s.line(spline([(-1.0, 0.15), (-1.1, 0.45), (-1.08, 0.8), (-1.28, 1.0)]))
    for x in (-0.45, -0.05, 0.6, 0.98):
        s.poly([(x, 0.6), (x, 1.15), (x + 0.28, 1.15), (x + 0.28, 0.6)], closed=False)
    s.line(spline([(1.38, 0.0), (1.55, 0.25), (1.6, 0.45)]))


def penguin(s: Sketch) -> None:
    s.loop(ellipse(0, 0, s.v(0.68, 0.05), 1.0), body=True)
    s.loop(ellipse(0, 0.22, 0.44, 0.68))
    for side in (-1, 1):
        s.dot(side * 0.22, -0.6, 0.06)
        s.loop(lens((side * 0.62, -0.3), (side * 0.95, 0.45), 0.35))
        s.loop(ellipse(side * 0.25, 1.02, 0.22, 0.1))
    s.poly([(-0.12, -0.45), (0.12, -0.45), (0, -0.3)])


def heart(s: Sketch) -> None:
    t = np.linspace(0, 2 * np.pi, 90, endpoint=False)
    x = 16 * np.sin(t) ** 3
    y = -(13 * np.cos(t) - 5 * np.cos(2 * t) - 2 * np.cos(3 * t) - np.cos(4 * t))
    s.loop(np.c_[x * s.v(1, 0.05), y] / 16, body=True)
    if s.number == 2:
        s.line(ellipse(-0.45, -0.35, 0.22, 0.22, 1.1 * np.pi, 1.6 * np.pi))


def star(s: Sketch) -> None:
    pts = star_points(0, 0, 1.0, s.v(0.45, 0.06)) + s.rng.normal(0, 0.04, (10, 2))
    s.poly(pts, body=True)
    if s.number == 1:
        s.dot(-0.15, -0.05, 0.05)
        s.dot(0.15, -0.05, 0.05)
        s.line(ellipse(0, 0.05, 0.18, 0.14, 0.2 * np.pi, 0.8 * np.pi))


def moon(s: Sketch) -> None:
    s.loop(bitten((0, 0), 1.0, (s.v(0.55, 0.1), -0.2), 0.85), body=True)
    if s.number == 1:
        s.dot(-0.55, -0.15, 0.06)
        s.line(spline([(-0.75, 0.3), (-0.55, 0.45), (-0.35, 0.42)]))
    else:
        s.poly(star_points(1.0, 0.6, 0.22, 0.09))


def smiley(s: Sketch) -> None:
    s.loop(ellipse(0, 0, 1.0, s.v(0.97, 0.04)), body=True)
    s.dot(-0.35, -0.3, 0.1 if s.number == 1 else 0.07)
    s.dot(0.35, -0.3, 0.1 if s.number == 1 else 0.07)
    s.line(ellipse(0, 0.05, s.v(0.55), 0.5, 0.2 * np.pi, 0.8 * np.pi))


def pizza(s: Sketch) -> None:
    tip = (s.rng.normal(0, 0.1), 1.15)
    s.poly([(-0.95, -0.65), tip, (0.95, -0.65)], closed=False, body=False)
    crust = spline([(-0.95, -0.65), (0, -1.0), (0.95, -0.65)])
    s.line(crust)
    s.body.append(np.vstack([crust, [tip]]))
    s.line(spline([(-0.88, -0.45), (0, -0.72), (0.88, -0.45)]))
    for x, y in [(-0.35, -0.25), (0.3, -0.2), (0.0, 0.3)]:
        s.loop(ellipse(x, y, s.v(0.15, 0.1), 0.14))


def fire(s: Sketch) -> None:
    outer = [(0, 1.0), (0.65, 0.75), (0.85, 0.15), (0.6, -0.55), (0.45, -0.1), (0.25, -1.15), (0.0, -0.35),
             (-0.35, -0.85), (-0.5, -0.15), (-0.78, -0.5), (-0.85, 0.2), (-0.65, 0.75)]
    outer = np.array(outer) + s.rng.normal(0, 0.04, (12, 2))
    s.loop(spline(outer, closed=True), body=True)
    inner = [(0, 0.82), (0.35, 0.65), (0.42, 0.2), (0.12, -0.35), (0.0, 0.05), (-0.2, -0.15), (-0.4, 0.3),
             (-0.35, 0.65)]
    s.loop(spline(inner, closed=True))


def raindrop(s: Sketch) -> None:
    s.loop(spline([(0, -1.25), (0.3, -0.6), (0.7, 0.05), (0.72, 0.6), (0, 1.0), (-0.72, 0.6), (-0.7, 0.05),
                   (-0.3, -0.6)], closed=True), body=True)
    if s.number == 1:
        s.dot(-0.25, 0.15, 0.07)
        s.dot(0.25, 0.15, 0.07)
        s.line(ellipse(0, 0.35, 0.25, 0.2, 0.2 * np.pi, 0.8 * np.pi))
    else:
        s.line(spline([(-0.4, 0.55), (-0.5, 0.2), (-0.35, -0.15)]))


def fire_truck(s: Sketch) -> None:
    cab = s.v(0.6, 0.1)
    s.poly([(-1.5, -0.3), (cab, -0.3), (cab, -0.78), (1.15, -0.78), (1.5, -0.2), (1.5, 0.5), (-1.5, 0.5)],
           body=True)
    s.poly([(cab + 0.15, -0.62), (1.08, -0.62), (1.3, -0.25), (cab + 0.15, -0.25)])
    for x in (-0.9, 0.9):
        s.loop(ellipse(x, 0.55, 0.32, 0.32))
        s.dot(x, 0.55, 0.07)
    s.line([(-1.4, -0.48), (0.4, -0.48)])
    s.line([(-1.4, -0.62), (0.4, -0.62)])
    for x in np.linspace(-1.3, 0.3, 6):
        s.line([(x, -0.66), (x, -0.44)])
    s.line([(-1.3, -0.44), (-1.3, -0.3)])
    s.line([(0.3, -0.44), (0.3, -0.3)])
    s.loop(ellipse(0.85, -0.8, 0.14, 0.12, np.pi, 2 * np.pi))


def _cat_face(s: Sketch, cx: float, cy: float, r: float) -> None:
    for side in (-1, 1):
        s.poly([(cx + side * 0.3 * r, cy - 0.92 * r), (cx + side * 0.85 * r, cy - 1.45 * r),
                (cx + side * 0.85 * r, cy - 0.5 * r)], closed=False)
        s.dot(cx + side * 0.38 * r, cy - 0.15 * r, 0.1 * r)
        for dy in (-0.05, 0.12):
            s.line([(cx + side * 0.35 * r, cy + 0.25 * r), (cx + side * 1.35 * r, cy + (0.2 + 2 * dy) * r)])
    s.poly([(cx - 0.1 * r, cy + 0.1 * r), (cx + 0.1 * r, cy + 0.1 * r), (cx, cy + 0.22 * r)])
    s.line(spline([(cx - 0.25 * r, cy + 0.4 * r), (cx - 0.1 * r, cy + 0.45 * r), (cx, cy + 0.25 * r),
                   (cx + 0.1 * r, cy + 0.45 * r), (cx + 0.25 * r, cy + 0.4 * r)]))


def cat(s: Sketch) -> None:
    if s.number == 1:
        s.loop(ellipse(0, 0, 1.0, s.v(0.88, 0.05)), body=True)
        _cat_face(s, 0, 0, 1.0)
        return
    s.loop(spline([(0, 0.0), (0.55, 0.25), (0.75, 0.9), (0.55, 1.45), (-0.55, 1.45), (-0.75, 0.9),
                   (-0.55, 0.25)], closed=True), body=True)
    s.loop(ellipse(0, -0.35, 0.6, 0.52))
    _cat_face(s, 0, -0.35, 0.58)
    s.line(spline([(0.7, 1.3), (1.15, 1.1), (1.2, 0.6), (1.0, 0.35)]))


def dog(s: Sketch) -> None:
    if s.number == 1:
        s.loop(ellipse(0, 0, 0.85, s.v(0.92, 0.05)), body=True)
        for side in (-1, 1):
            s.loop(ellipse(side * 0.92, 0.1, 0.25, 0.62, turn=-side * 0.25))
            s.dot(side * 0.33, -0.25, 0.08)
        s.loop(ellipse(0, 0.38, 0.38, 0.3))
        s.dot(0, 0.22, 0.11)
        s.line([(0, 0.3), (0, 0.5)])
        s.loop(spline([(-0.1, 0.58), (0.1, 0.58), (0.1, 0.8), (0, 0.86), (-0.1, 0.8)], closed=True))
        return
    s.loop(ellipse(0.3, 0.2, 0.95, s.v(0.5, 0.06)), body=True)
    s.loop(ellipse(-0.8, -0.35, 0.45, 0.42))
    s.loop(ellipse(-0.62, -0.25, 0.15, 0.42, turn=0.3))
    s.dot(-0.95, -0.45, 0.06)
    s.dot(-1.25, -0.25, 0.08)
    for x in (-0.45, -0.12, 0.55, 0.9):
        s.poly([(x, 0.58), (x, 1.05), (x + 0.16, 1.05), (x + 0.16, 0.6)], closed=False)
    s.line(spline([(1.22, 0.05), (1.45, -0.25), (1.5, -0.55)]))


def mouse(s: Sketch) -> None:
    s.loop(spline([(-1.15, 0.3), (-0.55, -0.2), (0.2, -0.45), (0.8, -0.25), (1.0, 0.3), (0.6, 0.48),
                   (-0.4, 0.48)], closed=True), body=True)
    s.loop(ellipse(-0.2, -0.6, s.v(0.33, 0.05), 0.32))
    s.dot(-0.58, 0.02, 0.06)
    s.dot(-1.15, 0.3, 0.06)
    for dy in (-0.12, 0.05):
        s.line([(-1.05, 0.3 + dy), (-1.45, 0.2 + 2.5 * dy)])
    x = np.linspace(0, 1.1, 30)
    s.line(np.c_[1.0 + x, 0.3 - 0.2 * np.sin(x * 5) - 0.15 * x])
    s.line([(-0.3, 0.48), (-0.4, 0.62)])
    s.line([(0.45, 0.48), (0.35, 0.62)])


def bear(s: Sketch) -> None:
    s.loop(ellipse(0, 0.75, s.v(0.85, 0.05), 0.85), body=True)
    s.loop(ellipse(0, 0.82, 0.42, 0.45))
    s.loop(ellipse(0, -0.55, 0.62, 0.58), body=True)
    for side in (-1, 1):
        s.loop(ellipse(side * 0.5, -1.05, 0.23, 0.22))
        s.dot(side * 0.25, -0.68, 0.07)
        s.loop(ellipse(side * 0.85, 0.55, 0.22, 0.3))
        s.loop(ellipse(side * 0.5, 1.55, 0.3, 0.2))
    s.loop(ellipse(0, -0.35, 0.25, 0.18))
    s.dot(0, -0.42, 0.07)


def lion(s: Sketch) -> None:
    n, r = (11, 0.32) if s.number == 1 else (16, 0.22)
    mane = [(s.v(0.88, 0.03) * np.cos(a), 0.88 * np.sin(a), r, r)
            for a in np.linspace(0, 2 * np.pi, n, endpoint=False)]
    s.loop(outline_of(mane, (0, 0)), body=True)
    s.loop(ellipse(0, 0, 0.62, s.v(0.6, 0.04)), body=True)
    for side in (-1, 1):
        s.line(ellipse(side * 0.4, -0.5, 0.17, 0.16, np.pi + side * 0.6, 2 * np.pi + side * 0.6))
        s.dot(side * 0.24, -0.15, 0.07)
        s.line([(side * 0.2, 0.22), (side * 0.5, 0.18)])
    s.poly([(-0.1, 0.05), (0.1, 0.05), (0, 0.17)])
    s.line([(0, 0.17), (0, 0.28)])
    s.line(spline([(-0.2, 0.3), (0, 0.4), (0.2, 0.3)]))


def bee(s: Sketch) -> None:
    s.loop(ellipse(0.1, 0.1, s.v(1.0, 0.05), 0.62), body=True)
    for x in (-0.3, 0.35):
        s.line(ellipse(x + 0.25, 0.1, 0.25, 0.6, 0.55 * np.pi, 1.45 * np.pi))
    s.loop(ellipse(-1.0, 0.0, 0.38, 0.38))
    s.dot(-1.1, -0.05, 0.05)
    for x, turn in ((-0.1, -0.3), (0.35, 0.3)):
        s.loop(ellipse(x, -0.8, 0.22, 0.35, turn=turn))
    s.poly([(1.08, 0.0), (1.35, 0.1), (1.08, 0.22)], closed=False)
    for dx in (-0.15, 0.1):
        s.line(spline([(-1.0 + dx, -0.35), (-1.05 + 2 * dx, -0.6), (-1.15 + 2.5 * dx, -0.75)]))


def duck(s: Sketch) -> None:
    s.loop(spline([(-0.9, 0.1), (-0.5, 0.6), (0.5, 0.62), (1.0, 0.25), (1.2, -0.25), (0.75, -0.05),
                   (0.1, -0.12), (-0.5, -0.15)], closed=True), body=True)
    s.loop(ellipse(-0.6, -0.55, s.v(0.42, 0.05), 0.4))
    s.poly([(-0.95, -0.6), (-1.4, -0.45), (-0.95, -0.35)], closed=False)
    s.dot(-0.65, -0.65, 0.06)
    s.line(spline([(-0.1, 0.1), (0.3, 0.35), (0.7, 0.15)]))
    if s.number == 1:
        for y in (0.85, 1.05):
            x = np.linspace(-1.2, 1.3, 40)
            s.line(np.c_[x, y + 0.05 * np.sin(x * 9)])


def turtle(s: Sketch) -> None:
    s.loop(np.vstack([ellipse(0, 0.25, 1.05, s.v(1.0, 0.05), np.pi, 2 * np.pi)]), body=True)
    s.poly(star_points(0, -0.3, 0.32, 0.3, n=3) + s.rng.normal(0, 0.02, (6, 2)))
    s.loop(ellipse(1.3, 0.0, 0.3, 0.26))
    s.dot(1.38, -0.06, 0.05)
    s.line([(1.0, 0.12), (1.08, 0.22)])
    for x in (-0.7, 0.45):
        s.poly([(x, 0.25), (x, 0.55), (x + 0.28, 0.55), (x + 0.28, 0.25)], closed=False)
    s.poly([(-1.03, 0.15), (-1.3, 0.2), (-1.03, 0.25)], closed=False)


def rabbit(s: Sketch) -> None:
    s.loop(ellipse(0, 1.05, s.v(0.7, 0.05), 0.72), body=True)
    s.loop(ellipse(0, 0, 0.55, 0.5), body=True)
    for side in (-1, 1):
        x = side * s.v(0.24, 0.1)
        s.loop(ellipse(x, -1.0, 0.17, 0.6))
        s.loop(ellipse(x, -0.95, 0.07, 0.4))
        s.dot(side * 0.2, -0.1, 0.06)
        s.line([(side * 0.12, 0.12), (side * 0.7, 0.05)])
        s.loop(ellipse(side * 0.4, 1.75, 0.3, 0.14))
    s.dot(0, 0.1, 0.05)


def tangerine(s: Sketch) -> None:
    s.loop(ellipse(0, 0, s.v(1.0, 0.04), 0.88), body=True)
    s.dot(0, -0.82, 0.05)
    s.loop(lens((0.02, -0.86), (s.v(0.5), -1.15), 0.45))
    for _ in range(7):
        a, r = s.rng.uniform(0, 2 * np.pi), s.rng.uniform(0.25, 0.7)
        s.dot(r * np.cos(a), r * np.sin(a) * 0.88, 0.03)
    if s.number == 2:
        s.line(ellipse(-0.3, -0.2, 0.45, 0.45, 1.05 * np.pi, 1.4 * np.pi))


def pear(s: Sketch) -> None:
    top = s.v(0.42, 0.08)
    s.loop(spline([(0, -1.05), (top, -0.85), (top * 1.1, -0.35), (0.8, 0.1), (0.88, 0.6), (0.45, 1.05),
                   (-0.45, 1.05), (-0.88, 0.6), (-0.8, 0.1), (-top * 1.1, -0.35), (-top, -0.85)],
                  closed=True), body=True)
    s.line([(0, -1.05), (0.08, -1.35)])
    if s.number == 1:
        s.loop(lens((0.05, -1.2), (0.5, -1.35), 0.45))


def corn(s: Sketch) -> None:
    s.tilt = 15 if s.number == 1 else -10
    s.loop(ellipse(0, -0.15, 0.45, s.v(1.1, 0.05)), body=True)
    s.line(ellipse(0, -0.15, 0.17, 1.08, -0.5 * np.pi, 0.5 * np.pi))
    s.line(ellipse(0, -0.15, 0.17, 1.08, 0.5 * np.pi, 1.5 * np.pi))
    for y in np.linspace(-0.85, 0.55, 6):
        s.line(chord((-1, y), (1, y), (0, -0.15, 0.45, 1.1)))
    s.loop(lens((-0.05, 1.2), (-0.7, -0.05), 0.45, bend=-0.05), body=True)
    s.loop(lens((0.05, 1.2), (0.7, -0.05), 0.45, bend=0.05), body=True)


def mushroom(s: Sketch) -> None:
    w = s.v(1.15, 0.05)
    cap = np.vstack([ellipse(0, 0, w, 0.9, np.pi, 2 * np.pi), spline([(w, 0), (0, 0.15), (-w, 0)])[1:-1]])
    s.loop(cap, body=True)
    s.line(spline([(-0.3, 0.12), (-0.35, 0.6), (-0.3, 0.95)]))
    s.line(spline([(0.3, 0.12), (0.35, 0.6), (0.3, 0.95)]))
    s.line(spline([(-0.3, 0.95), (0, 1.02), (0.3, 0.95)]))
    for x, y, r in [(-0.6, -0.3, 0.15), (0.05, -0.6, 0.17), (0.6, -0.35, 0.13)]:
        s.loop(ellipse(x, y, r, r * 0.9))


def cactus(s: Sketch) -> None:
    left = s.v(0.1, 0.3)
    s.loop(spline([(-0.3, 0.9), (-0.3, 0.15 + left), (-0.75, 0.15 + left), (-0.75, -0.4 + left),
                   (-0.6, -0.55 + left), (-0.47, -0.4 + left), (-0.47, -0.12 + left), (-0.3, -0.12 + left),
                   (-0.3, -0.85), (0, -1.15), (0.3, -0.85), (0.3, -0.3), (0.72, -0.3), (0.72, -0.75),
                   (0.59, -0.88), (0.46, -0.75), (0.46, -0.55), (0.3, -0.55), (0.3, 0.9)],
                  closed=True, per=5), body=True)
    for x, y, d in [(-0.3, 0.5, -1), (0.3, 0.2, 1), (-0.3, -0.55, -1), (0.3, -0.75, 1), (-0.75, -0.1, -1),
                    (0.72, -0.55, 1)]:
        s.line([(x, y), (x + d * 0.15, y - 0.05)])
    if s.number == 1:
        s.poly([(-0.55, 0.9), (0.55, 0.9), (0.42, 1.4), (-0.42, 1.4)])
    else:
        s.line([(-1.0, 0.92), (1.0, 0.9)])


def lightning(s: Sketch) -> None:
    s.tilt = 10
    pts = np.array([(0.1, -1.25), (-0.6, 0.15), (-0.05, 0.15), (-0.35, 1.25), (0.65, -0.3), (0.05, -0.3),
                    (0.45, -1.25)]) + s.rng.normal(0, 0.04, (7, 2))
    s.poly(pts, body=True)


def pineapple(s: Sketch) -> None:
    s.loop(ellipse(0, 0.35, s.v(0.72, 0.05), 0.95), body=True)
    body = (0, 0.35, 0.72, 0.95)
    for c in (-0.4, 0.35):
        s.line(chord((c - 1, -0.75), (c + 1, 1.45), body))
        s.line(chord((-c + 1, -0.75), (-c - 1, 1.45), body))
    for a in np.linspace(-2.4, -0.74, 5):
        s.loop(lens((0.3 * np.cos(a) * 0.5, -0.58), (0.75 * np.cos(a), -0.55 + 0.75 * np.sin(a)), 0.28))


def eggplant(s: Sketch) -> None:
    s.tilt = -35 if s.number == 1 else 30
    s.loop(spline([(-0.15, -1.0), (0.25, -0.95), (0.38, -0.3), (0.68, 0.55), (0.58, 1.3), (0.02, 1.55),
                   (-0.5, 1.25), (-0.5, 0.35), (-0.34, -0.4)], closed=True), body=True)
    for end in [(-0.45, -0.62), (0.02, -0.5), (0.48, -0.6)]:
        s.loop(lens((0.03, -0.97), end, 0.4))
    s.poly([(-0.04, -0.97), (-0.04, -1.3), (0.1, -1.3), (0.1, -0.97)], closed=False)
    s.line(spline([(0.3, 0.5), (0.4, 0.85), (0.32, 1.1)]))


def cookie(s: Sketch) -> None:
    if s.number == 1:
        a = np.linspace(0, 2 * np.pi, 60, endpoint=False)
        r = 1 + 0.04 * np.sin(7 * a + s.rng.uniform(0, 6))
        s.loop(np.c_[r * np.cos(a), r * np.sin(a)], body=True)
    else:
        s.loop(bitten((0, 0), 1.0, (0.85, -0.6), s.v(0.42, 0.1)), body=True)
    for x, y in [(-0.5, -0.4), (0.1, -0.55), (-0.1, 0.05), (0.5, 0.15), (-0.55, 0.35), (0.15, 0.6),
                 (0.55, -0.2)][: 7 if s.number == 1 else 6]:
        s.dot(x, y, s.v(0.09, 0.2))


def dinosaur(s: Sketch) -> None:
    neck = s.v(1.0, 0.08)
    s.loop(spline([(1.75, 0.25), (0.9, -0.05), (0.4, -0.35), (-0.3, -0.3), (-0.6, -0.8 * neck),
                   (-0.75, -1.25 * neck), (-1.05, -1.38 * neck), (-1.38, -1.2 * neck), (-1.3, -1.02 * neck),
                   (-0.95, -1.0 * neck), (-0.82, -0.6), (-0.72, 0.0), (-0.55, 0.55), (0.6, 0.6), (1.0, 0.45)],
                  closed=True), body=True)
    s.dot(-1.05, -1.22 * neck, 0.05)
    for x in (-0.5, 0.35) if s.number == 1 else (-0.5, -0.15, 0.3, 0.65):
        w = 0.32 if s.number == 1 else 0.2
        s.poly([(x, 0.55), (x, 0.98), (x + w, 0.98), (x + w, 0.57)], closed=False)
    for x in (-0.15, 0.25, 0.65):
        y = -0.36 + 0.3 * max(0.0, x - 0.3)
        s.poly([(x - 0.15, y), (x, y - 0.28), (x + 0.15, y + 0.04)], closed=False)


def snake(s: Sketch) -> None:
    x = np.linspace(-1.5, 1.2, 90)
    # Bends no tighter than the body is wide, or its two sides would cross.
    y = s.v(0.3, 0.08) * np.sin(3.2 * x + s.rng.uniform(0, 3))
    centre = np.c_[x, y]
    d = np.gradient(centre, axis=0)
    n = np.c_[-d[:, 1], d[:, 0]] / np.hypot(d[:, 0], d[:, 1])[:, None]
    w = 0.04 + 0.24 * np.clip((x + 1.5) / 1.3, 0, 1)
    head = ellipse(x[-1] + 0.05, y[-1], 0.4, 0.34, -0.5 * np.pi, 0.5 * np.pi,
                   turn=np.arctan2(d[-1, 1], d[-1, 0]))
    s.loop(np.vstack([centre[:-1] - n[:-1] * w[:-1, None], head, (centre + n * w[:, None])[::-1][1:]]),
           body=True)
    tip = centre[-1] + d[-1] / np.hypot(*d[-1]) * 0.38
    s.line([tip, tip + [0.25, 0.0]])
    s.line([tip + [0.25, 0.0], tip + [0.35, -0.08]])
    s.line([tip + [0.25, 0.0], tip + [0.35, 0.08]])
    s.dot(x[-1] + 0.12, y[-1] - 0.1, 0.05)


def crab(s: Sketch) -> None:
    s.loop(ellipse(0, 0.2, s.v(0.85, 0.05), 0.52), body=True)
    for side in (-1, 1):
        s.line([(side * 0.28, -0.27), (side * 0.38, -0.72)])
        s.loop(ellipse(side * 0.38, -0.85, 0.13, 0.13))
        s.dot(side * 0.38, -0.85, 0.05)
        s.line([(side * 0.78, -0.05), (side * 1.1, -0.45)])
        claw = np.vstack([[(side * 1.15, -0.58)], ellipse(side * 1.15, -0.7, 0.3, 0.3, -0.25 * np.pi,
                                                          1.25 * np.pi)])
        s.loop(claw)
        for y in (0.2, 0.42, 0.62):
            s.line(spline([(side * 0.78, y), (side * 1.1, y + 0.05), (side * 1.25, y + 0.3)]))
    s.line(ellipse(0, 0.2, 0.3, 0.2, 0.2 * np.pi, 0.8 * np.pi))


THINGS: dict[str, Callable[[Sketch], None]] = {name: globals()[name] for name in FAMILIES}


# The pen and the page.

def _along(pts: np.ndarray, step: float = STEP) -> np.ndarray:
    """`pts` again, one point every `step` px along the path."""
    d = np.r_[0, np.cumsum(np.hypot(*np.diff(pts, axis=0).T))]
    if d[-1] < 1e-6:
        return pts[:1]
    t = np.linspace(0, d[-1], max(2, int(d[-1] / step) + 1))
    return np.c_[np.interp(t, d, pts[:, 0]), np.interp(t, d, pts[:, 1])]


def _wobble(pts: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """A hand's drift across the line (slow swings, a little tremor), less on short strokes."""
    if len(pts) < 3:
        return pts
    d = np.gradient(pts, axis=0)
    n = np.c_[-d[:, 1], d[:, 0]] / np.maximum(np.hypot(d[:, 0], d[:, 1]), 1e-9)[:, None]
    s = np.arange(len(pts)) * STEP
    reach = min(1.0, s[-1] / 60)
    off = (rng.uniform(0.5, 1.5) * np.sin(2 * np.pi * s / rng.uniform(45, 100) + rng.uniform(0, 7))
           + rng.uniform(0.2, 0.5) * np.sin(2 * np.pi * s / rng.uniform(12, 22) + rng.uniform(0, 7))) * reach
    off += np.convolve(rng.normal(0, 0.35, len(pts)), np.ones(3) / 3, "same")
    return pts + n * off[:, None]


def _closing(loop: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """A closed outline as a child's hand goes round it: from anywhere, stopping short of the start or past
    it."""
    pts = np.roll(loop, -int(rng.integers(len(loop))), axis=0)
    perimeter = len(pts) * STEP
    choice = rng.random()
    if choice < 0.45:
        extra = max(1, int(min(rng.uniform(3, 9), perimeter / 6) / STEP))
        return np.vstack([pts, pts[:extra + 1]])
    if choice < 0.8:
        short = int(min(rng.uniform(1.5, 4), perimeter / 12) / STEP)
        return pts[: len(pts) - short] if short else np.vstack([pts, pts[:1]])
    return np.vstack([pts, pts[:1]])


def _run_past(edge: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    a, b = edge
    d = (b - a) / max(np.hypot(*(b - a)), 1e-9)
    return np.array([a - d * rng.uniform(0, 3.5), b + d * rng.uniform(0.5, 5)])


class Page:
    """Ink laid down by one pen at 4×, where strokes over strokes get darker, as graphite and wax do."""

    def __init__(self, pen: Pen, rng: np.random.Generator):
        self.pen, self.rng = pen, rng
        self.ink = np.zeros((SIZE * SUPER, SIZE * SUPER), np.float32)

    def press(self, pts: np.ndarray, pressure: float, width: float | None = None) -> None:
        width = (width or self.pen.width) * SUPER
        p = pts * SUPER
        lo = np.maximum(np.floor(p.min(0) - width).astype(int), 0)
        hi = np.minimum(np.ceil(p.max(0) + width).astype(int) + 1, SIZE * SUPER)
        if (hi <= lo).any():
            return
        patch = Image.new("L", tuple(hi - lo))
        draw = ImageDraw.Draw(patch)
        q = p - lo
        draw.line([tuple(x) for x in q], fill=255, width=max(1, round(width)), joint="curve")
        for x, y in (q[0], q[-1]):
            draw.ellipse((x - width / 2, y - width / 2, x + width / 2, y + width / 2), fill=255)
        self.ink[lo[1]:hi[1], lo[0]:hi[0]] += np.asarray(patch, np.float32) * (pressure / 255)

    def stroke(self, pts: np.ndarray) -> None:
        """Short overlapping strokes along `pts`, each a little off the last; sometimes all of it twice."""
        for go in range(2 if self.rng.random() < self.pen.twice else 1):
            path = _wobble(_along(pts), self.rng) + self.rng.normal(0, 0.8, 2) * go
            start = 0
            while start < len(path) - 1:
                end = min(len(path), start + int(self.rng.uniform(10, 32) / STEP))
                piece = path[start:end + 1] + self.rng.normal(0, 0.4, 2)
                self.press(piece, self.rng.uniform(0.72, 1.0) * (0.75 if go else 1.0))
                start = end - int(self.rng.uniform(1, 3.5) / STEP) if end < len(path) else end

    def scribble(self, x: float, y: float, r: float) -> None:
        """A dot filled in by going round and round."""
        turns = np.linspace(0, 2 * np.pi * 3, 60)
        rad = r * (1 - turns / turns[-1] * 0.9)
        a0 = self.rng.uniform(0, 7)
        self.press(np.c_[x + rad * np.cos(turns + a0), y + rad * np.sin(turns + a0)], 1.0)

    def paper(self) -> Image.Image:
        cover = self.ink.reshape(SIZE, SUPER, SIZE, SUPER).mean((1, 3))
        dark = 1 - np.exp(-2.3 * cover)
        grain = self.rng.random((SIZE, SIZE))
        if self.pen.streaks:
            # Wax catches on the paper's ridges: streaks run one way across the whole sheet.
            along = sum(np.roll(np.roll(grain, k, 0), k // 2, 1) for k in range(-3, 4)) / 7
            grain = 0.4 * grain + 0.6 * (along - along.min()) / np.ptp(along)
        value = 255 * (1 - self.pen.dark * dark * (1 - self.pen.grain * grain))
        return Image.fromarray((np.clip(np.round(value / 8) * 8, 0, 255)).astype(np.uint8), "L")


MODES = ("fill", "middle", "small")
SIZES = {"fill": (212, 236), "middle": (140, 180), "small": (88, 112)}  # px across the thing's longer side


def _layout(sketch: Sketch, mode: str, rng: np.random.Generator):
    """Where on the page the child put the thing and how big: a map from its units to px, and px per unit."""
    pts = np.vstack([p for p, _ in sketch.strokes]
                    + [[(x - r, y - r), (x + r, y + r)] for x, y, r in sketch.dots])
    tilt = np.radians(sketch.tilt + rng.uniform(-7, 7))
    squash = rng.uniform(0.88, 1.12)
    turn = np.array([[np.cos(tilt), -np.sin(tilt)], [np.sin(tilt), np.cos(tilt)]])
    m = turn @ np.diag([squash, 1 / squash])
    q = pts @ m.T
    lo, ext = q.min(0), np.ptp(q, 0)
    scale = rng.uniform(*SIZES[mode]) / ext.max()
    free = SIZE - 2 * MARGIN - 10 - ext * scale  # 10: room for the pen's drift and a corner's overrun
    if mode == "fill":
        where = rng.uniform(0.35, 0.65, 2)
    elif mode == "middle":
        where = rng.uniform(0, 1, 2)
    else:
        where = np.where(rng.random(2) < 0.5, rng.uniform(0, 0.1, 2), rng.uniform(0.9, 1, 2))
    offset = MARGIN + 5 + free * where - lo * scale
    return (lambda p: np.asarray(p, float) @ m.T * scale + offset), scale


def seed_of(name: str, number: int) -> int:
    return zlib.crc32(f"second hand/{name}/{number}".encode())


def draw(name: str, number: int) -> tuple[Image.Image, list[np.ndarray]]:
    """Doodle `number` (1 or 2) of class `name`, and its body's outlines in px: the main colour's place."""
    rng = np.random.default_rng(seed_of(name, number))
    sketch = Sketch(rng, number)
    THINGS[name](sketch)
    index = list(FAMILIES).index(name)
    mode = MODES[(2 * index + number) % 3]
    place, scale = _layout(sketch, mode, rng)
    page = Page(PENCIL if (index + number) % 2 else CRAYON, rng)
    for pts, kind in sketch.strokes:
        px = place(pts)
        if kind == "loop":
            px = _closing(_along(np.vstack([px, px[:1]]))[:-1], rng)
        elif kind == "edge":
            px = _run_past(px, rng)
        page.stroke(px)
    for x, y, r in sketch.dots:
        page.scribble(*place([(x, y)])[0], float(np.clip(r * scale, 1.6, 7)))
    return page.paper(), [place(b) for b in sketch.body]


def write(out: Path) -> list[dict]:
    out.mkdir(parents=True, exist_ok=True)
    labels = []
    for name, families in FAMILIES.items():
        for number in range(1, PER_CLASS + 1):
            file = f"{name}_{number}.png"
            draw(name, number)[0].save(out / file, optimize=True)
            labels.append({"file": file, "class": name, "families": list(families)})
    (out / "labels.json").write_text(json.dumps(labels, indent=1) + "\n", "utf-8")
    return labels


def contact_sheet(folder: Path, labels: list[dict], path: Path, thumb: int = 128, columns: int = 12) -> None:
    """Every doodle of `folder` small with its class under it, in 16 greys (a few hundred KB)."""
    rows = -(-len(labels) // columns)
    sheet = Image.new("L", (columns * thumb, rows * (thumb + 14)), 255)
    draw_ = ImageDraw.Draw(sheet)
    font = ImageFont.load_default()
    for i, entry in enumerate(labels):
        x, y = (i % columns) * thumb, (i // columns) * (thumb + 14)
        with Image.open(folder / entry["file"]) as im:
            sheet.paste(im.resize((thumb, thumb), Image.Resampling.LANCZOS), (x, y))
        draw_.rectangle((x, y, x + thumb - 1, y + thumb - 1), outline=200)
        draw_.text((x + 3, y + thumb + 1), entry["file"][:-4], fill=0, font=font)
    sheet.quantize(16).save(path, optimize=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=OUT, help="folder for the PNGs and labels.json")
    parser.add_argument("--sheet", type=Path, help="also write a contact sheet of every doodle here")
    args = parser.parse_args()
    labels = write(args.out)
    if args.sheet:
        contact_sheet(args.out, labels, args.sheet)


if __name__ == "__main__":
    main()
