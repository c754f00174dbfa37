"""Draw the labelled doodles of tests/data/doodles/: things children draw whose colour is not free, each
with the colour families a person would accept as its main colour.

    python scripts/doodles/make_doodles.py [--out tests/data/doodles] [--per-class 3] [--sheet sheet.png]
                                           [--sheet-from CLASS]

Nothing here comes from an artist's picture or from the project's edge extractor: every doodle is a few
parametric shapes per class, drawn with a pen that wobbles, starts and ends a closed outline where it
happens to (overshooting or falling short), leaves small gaps, and presses harder and lighter along a
stroke; proportions are stretched and parts misplaced as a child's are. Seeded: the same files every run.
Writes OUT/CLASS_N.png (256×256 greyscale, black lines on white) and OUT/labels.json.
"""

import argparse
import itertools
import json
import math
from collections.abc import Callable
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw

SIZE = 256
SUPERSAMPLE = 4
SEED = 2026

# What a person would accept as the main colour of each class (the largest coloured area inside its shapes).
ACCEPTED = {
    "sun": ["yellow", "orange"],
    "cloud": ["white", "grey", "blue"],
    "tree": ["green"],
    "apple": ["red", "green", "yellow"],
    "strawberry": ["red"],
    "banana": ["yellow"],
    "carrot": ["orange"],
    "grapes": ["purple", "green"],
    "cherry": ["red"],
    "watermelon": ["green", "red", "pink"],
    "lemon": ["yellow"],
    "tomato": ["red"],
    "broccoli": ["green"],
    "pumpkin": ["orange"],
    "leaf": ["green", "yellow", "orange", "red", "brown"],
    "flower": ["red", "yellow", "pink", "purple", "orange", "blue", "white"],
    "snowman": ["white", "grey"],
    "frog": ["green"],
    "pig": ["pink"],
    "chick": ["yellow"],
    "ladybug": ["red"],
    "whale": ["blue", "grey"],
    "elephant": ["grey", "blue"],
    "penguin": ["black", "white", "grey"],
    "heart": ["red", "pink"],
    "star": ["yellow", "orange"],
    "moon": ["yellow", "white", "grey"],
    "smiley": ["yellow"],
    "pizza": ["yellow", "orange", "brown", "red"],
    "fire": ["orange", "red", "yellow"],
    "raindrop": ["blue"],
    "fire_truck": ["red"],
    # The classes added in the second round; after the first 32, so that those keep their random streams.
    "cat": ["orange", "yellow", "brown", "grey", "black", "white"],
    "dog": ["brown", "orange", "yellow", "white", "grey", "black"],
    "mouse": ["grey", "brown", "white"],
    "bear": ["brown", "black", "white"],
    "lion": ["orange", "yellow", "brown"],
    "bee": ["yellow", "orange", "black"],
    "duck": ["yellow", "white", "brown"],
    "turtle": ["green", "brown"],
    "rabbit": ["white", "grey", "brown", "pink"],
    "tangerine": ["orange"],
    "pear": ["green", "yellow"],
    "corn": ["yellow", "green"],
    "mushroom": ["red", "brown", "white", "orange"],
    "cactus": ["green"],
    "lightning": ["yellow", "orange"],
    "pineapple": ["yellow", "orange", "brown"],
    "eggplant": ["purple"],
    "cookie": ["brown", "orange", "yellow"],
    "dinosaur": ["green", "brown"],
    "snake": ["green", "brown", "yellow"],
    "crab": ["red", "orange"],
}

Points = np.ndarray  # (n, 2) float, x right and y down, in the doodle's own frame of about [-1, 1]


def ellipse(
    cx: float, cy: float, rx: float, ry: float, start: float = 0.0, end: float = 2 * math.pi, n: int = 64
) -> Points:
    t = np.linspace(start, end, n)
    return np.stack([cx + rx * np.cos(t), cy + ry * np.sin(t)], axis=1)


def smooth(points: list[tuple[float, float]] | Points, closed: bool = False, per_span: int = 12) -> Points:
    """A Catmull-Rom curve through `points`."""
    p = np.asarray(points, float)
    p = np.concatenate([p[-1:], p, p[:2]]) if closed else np.concatenate([p[:1], p, p[-1:]])
    t = np.linspace(0, 1, per_span, endpoint=False)[:, None]
    out = []
    for i in range(1, len(p) - 2):
        p0, p1, p2, p3 = p[i - 1], p[i], p[i + 1], p[i + 2]
        out.append(
            0.5
            * (
                2 * p1
                + (p2 - p0) * t
                + (2 * p0 - 5 * p1 + 4 * p2 - p3) * t**2
                + (3 * p1 - p0 - 3 * p2 + p3) * t**3
            )
        )
    out.append(p[-2:-1] if not closed else p[1:2])
    return np.concatenate(out)


def bumps(
    cx: float, cy: float, rx: float, ry: float, count: int, depth: float, rng, flat_bottom: bool = False
) -> Points:
    """A cloud-like outline: `count` round bumps around an ellipse."""
    pts = []
    for i in range(count):
        a0 = 2 * math.pi * i / count + rng.uniform(-0.1, 0.1)
        a1 = 2 * math.pi * (i + 1) / count
        mid = (a0 + a1) / 2
        for t in np.linspace(0, 1, 10, endpoint=False):
            a = a0 + (a1 - a0) * t
            r = 1 + depth * math.sin(math.pi * t) * rng.uniform(0.85, 1.15)
            y = cy + ry * r * math.sin(a)
            if flat_bottom and math.sin(mid) > 0.5:
                y = cy + ry * min(r * math.sin(a), 0.8)
            pts.append((cx + rx * r * math.cos(a), y))
    return np.array(pts)


def tube(path: list[tuple[float, float]], widths: list[float]) -> Points:
    """A closed outline round the smooth curve through `path`, `widths` (spread evenly along it) to either
    side, with round ends: a snake, a cob, an eggplant."""
    c = smooth(path)
    w = np.interp(np.linspace(0, 1, len(c)), np.linspace(0, 1, len(widths)), widths)[:, None]
    t = np.gradient(c, axis=0)
    t /= np.maximum(np.linalg.norm(t, axis=1, keepdims=True), 1e-9)
    n = np.stack([-t[:, 1], t[:, 0]], axis=1)
    a = np.linspace(0, math.pi, 12)[:, None]
    end = c[-1] + w[-1] * (n[-1] * np.cos(a) + t[-1] * np.sin(a))
    start = c[0] - w[0] * (n[0] * np.cos(a) + t[0] * np.sin(a))
    return np.concatenate([c + n * w, end, (c - n * w)[::-1], start])


def turned(points: Points, angle: float, about: tuple[float, float] = (0.0, 0.0)) -> Points:
    """`points` turned by `angle` (clockwise on the sheet, y being down) about `about`."""
    c, s = math.cos(angle), math.sin(angle)
    return (np.asarray(points, float) - about) @ np.array([[c, s], [-s, c]]) + about


class Pen:
    """Strokes of a child's felt-tip: wobbling, pressing harder and lighter, leaving small gaps."""

    def __init__(self, rng: np.random.Generator):
        self.rng = rng
        self.scale = SIZE * SUPERSAMPLE
        self.image = Image.new("L", (self.scale, self.scale), 255)
        self.draw = ImageDraw.Draw(self.image)
        self.width = rng.uniform(2.0, 4.5)  # px at 256
        self.ink = int(rng.integers(0, 50))
        self.wobble = rng.uniform(0.6, 2.0)  # px at 256
        self.gappy = rng.uniform(0.15, 0.5)  # chance that a stroke has a gap
        # The whole doodle: a child's placement, size, slant and proportions.
        self.turn = rng.uniform(-0.15, 0.15)
        self.stretch = np.array([rng.uniform(0.85, 1.15), rng.uniform(0.85, 1.15)])
        # Stretched or not, the doodle keeps a few pixels of paper round it (the frame reaches about ±1).
        self.size = rng.uniform(0.36, 0.42) * SIZE / self.stretch.max()
        self.centre = SIZE / 2 + rng.uniform(-6, 6, 2)

    def to_sheet(self, points: Points) -> Points:
        c, s = math.cos(self.turn), math.sin(self.turn)
        p = np.asarray(points, float) * self.stretch @ np.array([[c, s], [-s, c]])
        return p * self.size + self.centre

    def stroke(self, points: Points, closed: bool = False, width: float = 1.0, gaps: bool = True) -> None:
        p = _resample(self.to_sheet(points), 0.5)
        if len(p) < 2:
            return
        rng = self.rng
        if closed:
            # A closed outline starts anywhere and ends a little past its start or a little short of it.
            p = np.roll(p, int(rng.integers(len(p))), axis=0)
            end = int(rng.uniform(-8, 10) / 0.5)
            p = np.concatenate([p, p[:end]]) if end > 0 else p[: len(p) + end]
        s = np.arange(len(p)) * 0.5  # arc length, px
        normal = np.gradient(p, axis=0)[:, ::-1] * [1, -1]
        normal /= np.maximum(np.linalg.norm(normal, axis=1, keepdims=True), 1e-9)
        drift = sum(
            rng.uniform(0.3, 1.0) * np.sin(s / rng.uniform(8, 40) + rng.uniform(0, 6.3)) for _ in range(3)
        )
        p = p + normal * (self.wobble * drift / 2 + rng.normal(0, 0.12, len(p)))[:, None]
        pressure = 1 + 0.25 * np.sin(s / rng.uniform(10, 30) + rng.uniform(0, 6.3))
        taper = np.minimum(1.0, 0.55 + np.minimum(s, s[-1] - s) / 6)
        radius = self.width * width * pressure * taper / 2
        keep = np.ones(len(p), bool)
        if gaps and rng.random() < self.gappy and s[-1] > 40:
            at = rng.uniform(10, s[-1] - 10)
            keep &= np.abs(s - at) > rng.uniform(1.5, 3.0)
        k = SUPERSAMPLE
        for (x, y), r, on in zip(p * k, radius * k, keep, strict=True):
            if on:
                self.draw.ellipse((x - r, y - r, x + r, y + r), fill=self.ink)

    def dot(self, x: float, y: float, r: float = 0.03) -> None:
        """A pressed dot: an eye, a seed, a spot."""
        self.stroke(ellipse(x, y, r, r, n=16), closed=True, width=1.4, gaps=False)
        cx, cy = self.to_sheet([(x, y)])[0] * SUPERSAMPLE
        rr = r * self.size * SUPERSAMPLE
        self.draw.ellipse((cx - rr, cy - rr, cx + rr, cy + rr), fill=self.ink)

    def picture(self) -> Image.Image:
        return self.image.resize((SIZE, SIZE), Image.Resampling.BOX)


def _resample(p: Points, step: float) -> Points:
    """Points every `step` px along the polyline."""
    lengths = np.linalg.norm(np.diff(p, axis=0), axis=1)
    at = np.concatenate([[0], np.cumsum(lengths)])
    if at[-1] == 0:
        return p[:1]
    s = np.arange(0, at[-1], step)
    return np.stack([np.interp(s, at, p[:, 0]), np.interp(s, at, p[:, 1])], axis=1)


def u(rng, a: float, b: float) -> float:
    return float(rng.uniform(a, b))


# Each class: a function drawing it with the pen, in a frame of about [-1, 1], varied by the rng.


def sun(pen: Pen, rng) -> None:
    r = u(rng, 0.45, 0.6)
    pen.stroke(ellipse(0, 0, r, r * u(rng, 0.9, 1.1)), closed=True)
    rays = int(rng.integers(7, 13))
    for i in range(rays):
        a = 2 * math.pi * i / rays + u(rng, -0.15, 0.15)
        r0, r1 = r + u(rng, 0.08, 0.14), r + u(rng, 0.3, 0.45)
        pen.stroke(np.array([(r0 * math.cos(a), r0 * math.sin(a)), (r1 * math.cos(a), r1 * math.sin(a))]))
    if rng.random() < 0.6:
        pen.dot(-0.17, -0.12)
        pen.dot(0.17, -0.12)
        pen.stroke(ellipse(0, 0.02, 0.25, 0.22, 0.5, math.pi - 0.5, 16))


def cloud(pen: Pen, rng) -> None:
    pen.stroke(
        bumps(
            0,
            0,
            u(rng, 0.72, 0.85),
            u(rng, 0.45, 0.6),
            int(rng.integers(5, 9)),
            u(rng, 0.15, 0.3),
            rng,
            flat_bottom=rng.random() < 0.5,
        ),
        closed=True,
    )
    if rng.random() < 0.4:
        for x in (-0.3, 0.1, 0.5):
            pen.stroke(np.array([(x, 0.75), (x - 0.1, 0.95)]), width=0.8)


def tree(pen: Pen, rng) -> None:
    trunk_w = u(rng, 0.1, 0.2)
    top = u(rng, 0.15, 0.3)
    if rng.random() < 0.7:
        pen.stroke(
            bumps(
                0, -0.3, u(rng, 0.6, 0.8), u(rng, 0.5, 0.65), int(rng.integers(6, 10)), u(rng, 0.1, 0.25), rng
            ),
            closed=True,
        )
        top = 0.25
    else:  # a fir
        pen.stroke(np.array([(0, -1.0), (-0.6, 0.3), (0.6, 0.3), (0, -1.0)]), closed=True)
        top = 0.3
    pen.stroke(np.array([(-trunk_w, top), (-trunk_w * 1.2, 0.95), (trunk_w * 1.2, 0.95), (trunk_w, top)]))
    if rng.random() < 0.4:
        for _ in range(3):
            pen.dot(u(rng, -0.4, 0.4), u(rng, -0.6, -0.1), 0.035)


def apple(pen: Pen, rng) -> None:
    w, h = u(rng, 0.55, 0.7), u(rng, 0.55, 0.7)
    dip = u(rng, 0.08, 0.18)
    pts = [
        (0, -h + dip),
        (w * 0.6, -h - 0.05),
        (w, -h * 0.3),
        (w * 0.85, h * 0.6),
        (w * 0.3, h),
        (0, h * 0.85),
        (-w * 0.3, h),
        (-w * 0.85, h * 0.6),
        (-w, -h * 0.3),
        (-w * 0.6, -h - 0.05),
    ]
    pen.stroke(smooth(pts, closed=True), closed=True)
    pen.stroke(smooth([(0, -h + dip), (0.03, -h - 0.15), (0.1, -h - 0.3)]))
    if rng.random() < 0.7:
        pen.stroke(
            smooth(
                [(0.08, -h - 0.12), (0.3, -h - 0.35), (0.5, -h - 0.2), (0.3, -h - 0.05), (0.08, -h - 0.12)]
            ),
            closed=True,
        )


def strawberry(pen: Pen, rng) -> None:
    w = u(rng, 0.5, 0.7)
    pts = [
        (0, 0.85),
        (w * 0.7, 0.2),
        (w, -0.35),
        (w * 0.5, -0.6),
        (0, -0.55),
        (-w * 0.5, -0.6),
        (-w, -0.35),
        (-w * 0.7, 0.2),
    ]
    pen.stroke(smooth(pts, closed=True), closed=True)
    leaves = [(-w * 0.6, -0.55)]
    for i in range(1, 6):
        x = -w * 0.6 + i * w * 1.2 / 5
        leaves += [(x - w * 0.12, -0.85 + u(rng, -0.05, 0.05)), (x, -0.55)]
    pen.stroke(np.array(leaves))
    for _ in range(int(rng.integers(5, 10))):
        y = u(rng, -0.3, 0.45)
        pen.dot(u(rng, -1, 1) * w * (0.7 - 0.5 * y) * 0.8, y, 0.025)


def banana(pen: Pen, rng) -> None:
    bend = u(rng, 0.35, 0.6)
    outer = ellipse(0, -0.55, 0.9, 0.6 + bend, 0.3, math.pi - 0.3, 40)
    inner = ellipse(0, -0.6, 0.78, 0.25 + bend * 0.5, math.pi - 0.3, 0.3, 40)
    tilt = u(rng, -0.6, -0.2)
    c, s = math.cos(tilt), math.sin(tilt)
    turn = np.array([[c, s], [-s, c]])
    pen.stroke(np.concatenate([outer, inner, outer[:1]]) @ turn, closed=True)
    x, y = outer[0]
    pen.stroke(np.array([(x, y), (x + 0.12, y - 0.12)]) @ turn, width=1.5)


def carrot(pen: Pen, rng) -> None:
    w = u(rng, 0.2, 0.32)
    tip = (u(rng, -0.2, 0.2), 0.9)
    # Rounded or straight sides; the top closed either way, or the carrot would be paper, not a shape.
    sides = (
        smooth([(-w, -0.45), tip, (w, -0.45)])
        if rng.random() < 0.5
        else np.array([(-w, -0.45), tip, (w, -0.45)])
    )
    pen.stroke(np.concatenate([sides, [(-w, -0.45)]]), closed=True)
    for y in (-0.2, 0.1, 0.4):
        pen.stroke(np.array([(-w * 0.9 * (0.9 - y) + 0.05, y), (-w * 0.3 * (0.9 - y), y + 0.03)]), width=0.8)
    for dx in (-0.15, 0, 0.15):
        pen.stroke(
            smooth(
                [(dx * 0.5, -0.47), (dx - 0.08, -0.75), (dx, -0.95), (dx + 0.08, -0.75), (dx * 0.5, -0.47)]
            ),
            closed=True,
            gaps=False,
        )


def grapes(pen: Pen, rng) -> None:
    r = u(rng, 0.14, 0.18)
    rows = (4, 3, 2, 1) if rng.random() < 0.6 else (3, 3, 2, 1)
    for row, n in enumerate(rows):
        for i in range(n):
            x = (i - (n - 1) / 2) * r * 1.9 + u(rng, -0.03, 0.03)
            y = -0.35 + row * r * 1.7 + u(rng, -0.03, 0.03)
            pen.stroke(ellipse(x, y, r, r * u(rng, 0.9, 1.1), n=32), closed=True, gaps=False)
    pen.stroke(smooth([(0, -0.35 - r), (0.02, -0.65), (0.1, -0.8)]))
    if rng.random() < 0.6:
        pen.stroke(
            smooth([(0.02, -0.6), (0.3, -0.85), (0.55, -0.7), (0.3, -0.55), (0.02, -0.6)]), closed=True
        )


def cherry(pen: Pen, rng) -> None:
    r = u(rng, 0.25, 0.32)
    top = (u(rng, -0.05, 0.15), -0.75)
    for x in (-0.38, 0.38):
        y = 0.45 + u(rng, -0.1, 0.1)
        pen.stroke(ellipse(x, y, r, r * u(rng, 0.9, 1.05), n=40), closed=True)
        pen.stroke(smooth([(x * 0.8, y - r), (x * 0.6, -0.2), top]))
    if rng.random() < 0.7:
        pen.stroke(
            smooth([top, (top[0] + 0.25, -0.95), (top[0] + 0.5, -0.8), (top[0] + 0.25, -0.65), top]),
            closed=True,
        )


def watermelon(pen: Pen, rng) -> None:
    if rng.random() < 0.6:  # a slice: half a disc, flat side up, its rind along the round
        r = u(rng, 0.8, 0.95)
        pen.stroke(np.concatenate([ellipse(0, -0.3, r, r * 0.9, 0, math.pi, 48), [(r, -0.3)]]), closed=True)
        pen.stroke(ellipse(0, -0.3, r * 0.82, r * 0.72, 0.05, math.pi - 0.05, 40))
        for _ in range(int(rng.integers(4, 8))):
            a = u(rng, 0.5, math.pi - 0.5)
            d = u(rng, 0.25, 0.55)
            pen.dot(d * math.cos(a), -0.3 + d * math.sin(a) * 0.85, 0.028)
    else:  # whole, striped
        rx, ry = u(rng, 0.8, 0.95), u(rng, 0.5, 0.6)
        pen.stroke(ellipse(0, 0, rx, ry), closed=True)
        for x in (-0.45, 0, 0.45):
            pen.stroke(
                smooth(
                    [
                        (x * 1.1, -ry * 0.85 * math.sqrt(1 - (x / rx) ** 2)),
                        (x + 0.08, 0),
                        (x * 1.1, ry * 0.85 * math.sqrt(1 - (x / rx) ** 2)),
                    ]
                ),
                width=0.8,
            )


def lemon(pen: Pen, rng) -> None:
    rx, ry = u(rng, 0.7, 0.85), u(rng, 0.45, 0.55)
    pts = [
        (-rx - 0.12, 0),
        (-rx * 0.7, -ry),
        (0, -ry * 1.1),
        (rx * 0.7, -ry),
        (rx + 0.12, 0),
        (rx * 0.7, ry),
        (0, ry * 1.1),
        (-rx * 0.7, ry),
    ]
    pen.stroke(smooth(pts, closed=True), closed=True)
    if rng.random() < 0.5:
        pen.stroke(
            smooth(
                [
                    (rx + 0.08, -0.02),
                    (rx + 0.3, -0.3),
                    (rx + 0.05, -0.4),
                    (rx - 0.05, -0.2),
                    (rx + 0.08, -0.02),
                ]
            ),
            closed=True,
        )


def tomato(pen: Pen, rng) -> None:
    rx, ry = u(rng, 0.7, 0.85), u(rng, 0.55, 0.68)
    pen.stroke(ellipse(0, 0.1, rx, ry), closed=True)
    top = 0.1 - ry
    points = []
    for i in range(5):
        a = -math.pi / 2 + 2 * math.pi * i / 5
        points += [
            (0.32 * math.cos(a), top + 0.12 + 0.16 * math.sin(a)),
            (0.08 * math.cos(a + 0.63), top + 0.12 + 0.05 * math.sin(a + 0.63)),
        ]
    pen.stroke(np.array(points), closed=True, gaps=False)
    pen.stroke(np.array([(0, top + 0.05), (0.05, top - 0.15)]), width=1.3)


def broccoli(pen: Pen, rng) -> None:
    pen.stroke(
        bumps(
            0, -0.3, u(rng, 0.7, 0.85), u(rng, 0.45, 0.55), int(rng.integers(6, 10)), u(rng, 0.15, 0.3), rng
        ),
        closed=True,
    )
    w = u(rng, 0.15, 0.25)
    pen.stroke(np.array([(-w, 0.15), (-w * 0.8, 0.9), (w * 0.8, 0.9), (w, 0.15)]))
    pen.stroke(np.array([(0, 0.3), (0.25, 0.05)]), width=0.8)


def pumpkin(pen: Pen, rng) -> None:
    rx, ry = u(rng, 0.85, 0.95), u(rng, 0.55, 0.65)
    pen.stroke(ellipse(0, 0.1, rx, ry), closed=True)
    for x in (-0.45, 0.45):
        pen.stroke(
            ellipse(0, 0.1, abs(x), ry * 0.97, -math.pi / 2, math.pi / 2, 32) * [math.copysign(1, x), 1],
            width=0.8,
        )
    pen.stroke(np.array([(-0.08, 0.1 - ry), (-0.1, -ry - 0.25), (0.1, -ry - 0.28), (0.08, 0.1 - ry)]))
    if rng.random() < 0.4:  # a jack-o'-lantern
        pen.stroke(np.array([(-0.45, -0.05), (-0.3, -0.25), (-0.15, -0.05), (-0.45, -0.05)]), closed=True)
        pen.stroke(np.array([(0.15, -0.05), (0.3, -0.25), (0.45, -0.05), (0.15, -0.05)]), closed=True)


def leaf(pen: Pen, rng) -> None:
    w = u(rng, 0.35, 0.5)
    pts = [(-0.7, 0.55), (-0.2, -0.2 - w), (0.75, -0.7), (0.3, 0.2 + w * 0.4)]
    pen.stroke(smooth(pts, closed=True), closed=True)
    pen.stroke(np.array([(-0.95, 0.8), (0.6, -0.55)]))
    for t in (0.3, 0.5, 0.7):
        x, y = -0.7 + 1.3 * t, 0.55 - 1.1 * t
        pen.stroke(np.array([(x, y), (x - 0.05, y - 0.3)]), width=0.7, gaps=False)
        pen.stroke(np.array([(x, y), (x + 0.25, y + 0.08)]), width=0.7, gaps=False)


def flower(pen: Pen, rng) -> None:
    cy = -0.3
    r = u(rng, 0.15, 0.22)
    pen.stroke(ellipse(0, cy, r, r), closed=True, gaps=False)
    petals = int(rng.integers(5, 8))
    for i in range(petals):
        a = 2 * math.pi * i / petals + u(rng, -0.1, 0.1)
        length = u(rng, 0.3, 0.45)
        ca, sa = math.cos(a), math.sin(a)
        base1 = (r * math.cos(a - 0.5), cy + r * math.sin(a - 0.5))
        base2 = (r * math.cos(a + 0.5), cy + r * math.sin(a + 0.5))
        far = ((r + length) * ca, cy + (r + length) * sa)
        side = 0.5 * length
        pen.stroke(
            smooth(
                [
                    base1,
                    ((r + side) * math.cos(a - 0.45), cy + (r + side) * math.sin(a - 0.45)),
                    far,
                    ((r + side) * math.cos(a + 0.45), cy + (r + side) * math.sin(a + 0.45)),
                    base2,
                ]
            ),
            gaps=False,
        )
    if rng.random() < 0.75:
        pen.stroke(smooth([(0, cy + r + 0.3), (0.05, 0.4), (0, 0.95)]))
        pen.stroke(smooth([(0.03, 0.65), (0.3, 0.4), (0.6, 0.4), (0.35, 0.62), (0.03, 0.65)]), closed=True)


def snowman(pen: Pen, rng) -> None:
    r1, r2 = u(rng, 0.42, 0.5), u(rng, 0.28, 0.34)
    y1 = 0.9 - r1
    y2 = y1 - r1 - r2 + 0.06
    pen.stroke(ellipse(0, y1, r1, r1 * u(rng, 0.9, 1.0)), closed=True)
    pen.stroke(ellipse(0, y2, r2, r2), closed=True)
    pen.dot(-0.1, y2 - 0.08, 0.03)
    pen.dot(0.1, y2 - 0.08, 0.03)
    pen.stroke(np.array([(0, y2 + 0.02), (0.25, y2 + 0.06), (0, y2 + 0.1)]), width=0.8)
    for s in (-1, 1):
        pen.stroke(
            np.array(
                [
                    (s * r1 * 0.8, y1 - r1 * 0.5),
                    (s * (r1 + 0.35), y1 - r1 - 0.15),
                    (s * (r1 + 0.45), y1 - r1 - 0.3),
                ]
            )
        )
    for y in (y1 - 0.2, y1 + 0.05):
        pen.dot(0, y, 0.03)
    if rng.random() < 0.5:
        top = y2 - r2
        pen.stroke(
            np.array(
                [
                    (-0.3, top + 0.02),
                    (0.3, top + 0.02),
                    (0.2, top),
                    (0.2, top - 0.3),
                    (-0.2, top - 0.3),
                    (-0.2, top),
                    (-0.3, top + 0.02),
                ]
            ),
            closed=True,
        )


def frog(pen: Pen, rng) -> None:
    rx, ry = u(rng, 0.75, 0.9), u(rng, 0.45, 0.55)
    pen.stroke(ellipse(0, 0.15, rx, ry), closed=True)
    for x in (-0.4, 0.4):
        pen.stroke(ellipse(x, 0.15 - ry, 0.2, 0.2, math.pi * 0.9, math.pi * 2.1, 32))
        pen.dot(x, 0.1 - ry, 0.06)
    pen.stroke(ellipse(0, 0.05, 0.45, 0.3, 0.4, math.pi - 0.4, 24))
    for s in (-1, 1):
        pen.stroke(np.array([(s * 0.5, 0.15 + ry * 0.9), (s * 0.65, 0.9), (s * 0.85, 0.95)]))


def pig(pen: Pen, rng) -> None:
    r = u(rng, 0.65, 0.8)
    pen.stroke(ellipse(0, 0.1, r, r * u(rng, 0.85, 1.0)), closed=True)
    for s in (-1, 1):
        pen.stroke(np.array([(s * 0.3, 0.1 - r * 0.85), (s * 0.55, -0.95), (s * 0.6, 0.1 - r * 0.6)]))
        pen.dot(s * 0.25, -0.1, 0.04)
    pen.stroke(ellipse(0, 0.25, 0.28, 0.18), closed=True, gaps=False)
    pen.dot(-0.1, 0.25, 0.035)
    pen.dot(0.1, 0.25, 0.035)


def chick(pen: Pen, rng) -> None:
    r = u(rng, 0.55, 0.7)
    pen.stroke(ellipse(0, 0.15, r, r * 0.95), closed=True)
    pen.dot(0.15, -0.1, 0.045)
    pen.stroke(np.array([(r - 0.1, 0.0), (r + 0.2, 0.08), (r - 0.1, 0.16)]), closed=True, gaps=False)
    pen.stroke(ellipse(-0.2, 0.3, 0.25, 0.15, 0, math.pi, 20))
    for x in (-0.15, 0.15):
        pen.stroke(
            np.array([(x, 0.1 + r), (x, 0.95), (x - 0.1, 0.98), (x, 0.95), (x + 0.1, 0.98)]), width=0.8
        )
    if rng.random() < 0.5:
        pen.stroke(smooth([(0, 0.15 - r), (-0.05, -0.75), (0.05, -0.8)]), width=0.8)


def ladybug(pen: Pen, rng) -> None:
    r = u(rng, 0.6, 0.72)
    pen.stroke(ellipse(0, 0.15, r, r * u(rng, 0.95, 1.1)), closed=True)
    pen.stroke(ellipse(0, 0.15 - r, 0.28, 0.22, math.pi, 2 * math.pi, 24))
    pen.stroke(np.array([(0, 0.15 - r), (0, 0.15 + r)]))
    for _ in range(int(rng.integers(4, 8))):
        x, y = u(rng, 0.2, 0.45) * rng.choice([-1, 1]), 0.15 + u(rng, -0.4, 0.45)
        pen.dot(x, y, 0.06)
    for s in (-1, 1):
        pen.stroke(smooth([(s * 0.1, 0.15 - r - 0.2), (s * 0.2, -0.85), (s * 0.3, -0.9)]), width=0.8)


def whale(pen: Pen, rng) -> None:
    pts = [
        (-0.9, 0.1),
        (-0.6, -0.35),
        (0.1, -0.4),
        (0.55, -0.1),
        (0.7, 0.05),
        (0.95, -0.25),
        (0.9, 0.15),
        (0.75, 0.25),
        (0.45, 0.35),
        (-0.3, 0.45),
        (-0.8, 0.35),
    ]
    pen.stroke(smooth(pts, closed=True), closed=True)
    pen.dot(-0.55, -0.02, 0.04)
    pen.stroke(ellipse(-0.7, 0.15, 0.2, 0.1, 0.2, math.pi - 0.3, 16), width=0.8)
    if rng.random() < 0.7:
        for dx in (-0.15, 0, 0.15):
            pen.stroke(smooth([(-0.2, -0.45), (-0.2 + dx, -0.7), (-0.2 + dx * 1.6, -0.8)]), width=0.8)


def elephant(pen: Pen, rng) -> None:
    pen.stroke(ellipse(0.15, 0.05, u(rng, 0.6, 0.7), u(rng, 0.4, 0.48)), closed=True)
    pen.stroke(ellipse(-0.55, -0.25, 0.32, 0.3), closed=True)
    pen.stroke(smooth([(-0.8, -0.15), (-0.9, 0.25), (-0.85, 0.55), (-0.75, 0.6), (-0.72, 0.3), (-0.62, 0.0)]))
    pen.stroke(ellipse(-0.35, -0.2, 0.2, 0.26), closed=True, gaps=False)
    pen.dot(-0.65, -0.32, 0.035)
    for x in (-0.25, 0.05, 0.35, 0.6):
        pen.stroke(np.array([(x, 0.35), (x, 0.8), (x + 0.17, 0.8), (x + 0.17, 0.35)]))
    pen.stroke(np.array([(0.75, -0.05), (0.95, 0.2)]), width=0.8)


def penguin(pen: Pen, rng) -> None:
    rx, ry = u(rng, 0.45, 0.55), u(rng, 0.8, 0.9)
    pen.stroke(ellipse(0, 0, rx, ry), closed=True)
    pen.stroke(ellipse(0, 0.2, rx * 0.6, ry * 0.62), closed=True)
    pen.dot(-0.14, -0.5, 0.04)
    pen.dot(0.14, -0.5, 0.04)
    pen.stroke(np.array([(-0.1, -0.38), (0, -0.25), (0.1, -0.38), (-0.1, -0.38)]), closed=True, gaps=False)
    for s in (-1, 1):
        pen.stroke(smooth([(s * rx * 0.95, -0.2), (s * (rx + 0.25), 0.2), (s * rx * 0.9, 0.35)]))
        pen.stroke(np.array([(s * 0.1, ry - 0.02), (s * 0.3, ry + 0.05), (s * 0.05, ry + 0.08)]), width=0.8)


def heart(pen: Pen, rng) -> None:
    t = np.linspace(0, 2 * math.pi, 80)
    x = 16 * np.sin(t) ** 3
    y = -(13 * np.cos(t) - 5 * np.cos(2 * t) - 2 * np.cos(3 * t) - np.cos(4 * t))
    pen.stroke(np.stack([x, y + 2], axis=1) / 17 * u(rng, 0.85, 1.0), closed=True)


def star(pen: Pen, rng) -> None:
    inner = u(rng, 0.35, 0.5)
    pts = []
    for i in range(10):
        a = -math.pi / 2 + math.pi * i / 5 + u(rng, -0.06, 0.06)
        r = (0.95 if i % 2 == 0 else inner) * u(rng, 0.9, 1.05)
        pts.append((r * math.cos(a), r * math.sin(a) + 0.08))
    pen.stroke(np.array(pts + pts[:1]), closed=True)


def moon(pen: Pen, rng) -> None:
    r = u(rng, 0.75, 0.9)
    cut = u(rng, 0.35, 0.55)
    outer = ellipse(0, 0, r, r, math.pi * 0.35, math.pi * 1.65, 48)
    back = ellipse(cut, 0, r * 0.85, r * 0.85, math.pi * 1.55, math.pi * 0.45, 48)
    pen.stroke(np.concatenate([outer, back]), closed=True)
    if rng.random() < 0.4:
        pen.dot(-0.45, -0.15, 0.035)
        pen.stroke(ellipse(-0.45, 0.2, 0.1, 0.08, 0.3, math.pi - 0.3, 12), width=0.8)


def smiley(pen: Pen, rng) -> None:
    r = u(rng, 0.8, 0.92)
    pen.stroke(ellipse(0, 0, r, r * u(rng, 0.92, 1.05)), closed=True)
    for x in (-0.3, 0.3):
        pen.dot(x + u(rng, -0.05, 0.05), -0.25, u(rng, 0.05, 0.08))
    pen.stroke(ellipse(0, 0.05, 0.5, 0.4, 0.45, math.pi - 0.45, 24))


def pizza(pen: Pen, rng) -> None:
    crust = u(rng, 0.12, 0.2)
    left, tip = (-0.8, -0.55), (u(rng, -0.1, 0.1), 0.9)
    arc = ellipse(0, left[1] + 0.12, 0.8, 0.18, math.pi, 2 * math.pi, 24)
    pen.stroke(np.concatenate([arc, [tip], arc[:1]]), closed=True)
    pen.stroke(
        ellipse(0, left[1] + 0.12 + crust, 0.8 - crust * 0.6, 0.12, math.pi + 0.1, 2 * math.pi - 0.1, 20)
    )
    for _ in range(int(rng.integers(2, 5))):
        y = u(rng, -0.2, 0.4)
        half = 0.8 * (0.9 - y) / 1.45 - 0.15
        pen.stroke(ellipse(u(rng, -half, half), y, 0.1, 0.1, n=20), closed=True, gaps=False)


def fire(pen: Pen, rng) -> None:
    w = u(rng, 0.5, 0.65)
    pts = [
        (0, 0.9),
        (-w, 0.45),
        (-w * 0.9, -0.1),
        (-w * 0.55, -0.45),
        (-w * 0.5, -0.1),
        (-w * 0.15, -0.95),
        (w * 0.15, -0.3),
        (w * 0.45, -0.65),
        (w * 0.95, -0.05),
        (w, 0.45),
    ]
    pen.stroke(smooth(pts, closed=True), closed=True)
    if rng.random() < 0.6:
        pen.stroke(
            smooth(
                [(0, 0.75), (-w * 0.45, 0.45), (-w * 0.1, -0.05), (w * 0.1, 0.2), (w * 0.45, 0.45)],
                closed=True,
            ),
            closed=True,
        )


def raindrop(pen: Pen, rng) -> None:
    r = u(rng, 0.45, 0.6)
    body = ellipse(0, 0.35, r, r * u(rng, 0.95, 1.1), -0.35, math.pi + 0.35, 40)
    pen.stroke(np.concatenate([[(u(rng, -0.05, 0.05), -0.9)], body, [(0, -0.9)]]), closed=True)
    if rng.random() < 0.5:
        pen.stroke(ellipse(0.2, 0.35, 0.15, 0.25, -0.6, 0.6, 12), width=0.7)


def fire_truck(pen: Pen, rng) -> None:
    pen.stroke(
        np.array(
            [
                (-0.95, -0.25),
                (0.35, -0.25),
                (0.35, -0.5),
                (0.75, -0.5),
                (0.95, -0.1),
                (0.95, 0.4),
                (-0.95, 0.4),
                (-0.95, -0.25),
            ]
        ),
        closed=True,
    )
    pen.stroke(
        np.array([(0.45, -0.42), (0.7, -0.42), (0.82, -0.12), (0.45, -0.12), (0.45, -0.42)]),
        closed=True,
        gaps=False,
    )
    for x in (-0.6, 0.55):
        pen.stroke(ellipse(x, 0.45, 0.2, 0.2, n=32), closed=True, gaps=False)
        pen.dot(x, 0.45, 0.05)
    pen.stroke(np.array([(-0.85, -0.35), (0.2, -0.45)]))
    pen.stroke(np.array([(-0.85, -0.45), (0.2, -0.55)]))
    for t in np.linspace(0, 1, 5):
        x = -0.8 + t * 0.95
        pen.stroke(np.array([(x, -0.355 - 0.1 * t), (x, -0.455 - 0.1 * t)]), width=0.7, gaps=False)
    if rng.random() < 0.5:
        pen.stroke(np.array([(0.4, -0.5), (0.4, -0.65), (0.55, -0.65), (0.55, -0.5)]), closed=False)


def _face(pen: Pen, x: float, y: float, r: float, whiskers: bool) -> None:
    """Eyes, a small nose and a "w" mouth; a cat's, a rabbit's or a lion's whiskers on request."""
    for s in (-1, 1):
        pen.dot(x + s * 0.38 * r, y - 0.12 * r, 0.1 * r)
    nose = y + 0.18 * r
    pen.stroke(
        np.array([(x - 0.1 * r, nose - 0.05 * r), (x + 0.1 * r, nose - 0.05 * r), (x, nose + 0.08 * r)]),
        closed=True,
        width=0.8,
        gaps=False,
    )
    for s in (-1, 1):
        pen.stroke(
            ellipse(x + s * 0.12 * r, nose + 0.1 * r, 0.12 * r, 0.12 * r, 0.2, math.pi - 0.2, 12), width=0.8
        )
    if whiskers:
        for s in (-1, 1):
            for dy in (-0.08, 0.06, 0.2):
                pen.stroke(
                    np.array(
                        [(x + s * 0.42 * r, nose + dy * r), (x + s * 1.3 * r, nose + dy * 2.4 * r - 0.05)]
                    ),
                    width=0.6,
                    gaps=False,
                )


def cat(pen: Pen, rng) -> None:
    body = rng.random() < 0.6
    r = u(rng, 0.36, 0.42) if body else u(rng, 0.55, 0.65)
    hx, hy = (u(rng, -0.1, 0.1), -0.42) if body else (0.0, 0.15)
    if body:
        by, brx, bry = hy + r + u(rng, 0.38, 0.45), u(rng, 0.42, 0.5), u(rng, 0.42, 0.48)
        pen.stroke(ellipse(0, by, brx, bry), closed=True)
        pen.stroke(
            smooth(
                [
                    (brx * 0.9, by + 0.2),
                    (brx + 0.35, by + 0.05),
                    (brx + 0.4, by - 0.35),
                    (brx + 0.25, by - 0.5),
                ]
            )
        )
        for x in (-0.15, 0.15):
            pen.stroke(ellipse(x, by + bry, 0.12, 0.09, math.pi, 2 * math.pi, 12), width=0.8)
    rx = r * u(rng, 1.0, 1.15)
    pen.stroke(ellipse(hx, hy, rx, r), closed=True)
    ear = r * u(rng, 0.55, 0.75)
    for s in (-1, 1):
        base = [
            (hx + s * rx * math.cos(a), hy - r * math.sin(a))
            for a in (math.pi / 2 - 0.15, math.pi / 2 - 0.85)
        ]
        tip = (hx + s * rx * u(rng, 0.65, 0.85), hy - r - ear)
        pen.stroke(np.array([base[0], tip, base[1]]))
    _face(pen, hx, hy, r, whiskers=True)


def dog(pen: Pen, rng) -> None:
    if rng.random() < 0.5:  # the face, floppy ears down its sides
        rx, ry = u(rng, 0.5, 0.58), u(rng, 0.55, 0.62)
        pen.stroke(ellipse(0, 0.1, rx, ry), closed=True)
        long = u(rng, 0.25, 0.4)
        for s in (-1, 1):
            pen.stroke(
                smooth(
                    [
                        (s * rx * 0.45, 0.1 - ry * 0.92),
                        (s * (rx + 0.22), -0.35),
                        (s * (rx + 0.28), long),
                        (s * (rx + 0.12), long + 0.12),
                        (s * (rx - 0.05), -0.1),
                    ],
                    closed=True,
                ),
                closed=True,
            )
            pen.dot(s * 0.2, -0.05, 0.05)
        pen.stroke(ellipse(0, 0.35, 0.26, 0.18), closed=True)
        pen.dot(0, 0.26, 0.07)
        pen.stroke(np.array([(0, 0.3), (0, 0.42)]), width=0.8)
        if rng.random() < 0.6:
            pen.stroke(smooth([(-0.08, 0.5), (-0.07, 0.64), (0.06, 0.64), (0.08, 0.5)]), width=0.8)
        return
    # from the side, looking left
    pen.stroke(ellipse(0.15, 0.15, u(rng, 0.5, 0.6), u(rng, 0.28, 0.34)), closed=True)
    for x in (-0.3, -0.08, 0.32, 0.52):
        pen.stroke(np.array([(x, 0.3), (x, 0.78), (x + 0.13, 0.78), (x + 0.13, 0.3)]))
    tail = u(rng, -0.55, -0.3)
    pen.stroke(smooth([(0.68, 0.05), (0.85, -0.15), (0.9, tail)]))
    hr = u(rng, 0.26, 0.3)
    pen.stroke(ellipse(-0.5, -0.28, hr, hr), closed=True)
    pen.stroke(ellipse(-0.82, -0.18, 0.18, 0.12, n=32), closed=True)
    pen.dot(-0.97, -0.2, 0.045)
    pen.dot(-0.55, -0.36, 0.04)
    pen.stroke(
        smooth([(-0.48, -0.52), (-0.28, -0.5), (-0.25, -0.2), (-0.35, -0.12), (-0.42, -0.3)], closed=True),
        closed=True,
    )


def mouse(pen: Pen, rng) -> None:
    back = u(rng, -0.3, -0.15)
    pts = [
        (-0.88, 0.28),
        (-0.6, 0.05),
        (-0.2, back),
        (0.3, back - 0.02),
        (0.65, 0.1),
        (0.7, 0.42),
        (0.2, 0.55),
        (-0.5, 0.5),
    ]
    pen.stroke(smooth(pts, closed=True), closed=True)
    er = u(rng, 0.2, 0.26)
    pen.stroke(ellipse(-0.25, back - 0.15, er, er * 1.05, n=40), closed=True)
    if rng.random() < 0.5:
        pen.stroke(ellipse(-0.25, back - 0.15, er * 0.55, er * 0.6, 0, 2 * math.pi, 24), width=0.7)
    pen.dot(-0.88, 0.28, 0.04)
    pen.dot(-0.5, 0.12, 0.035)
    for dy in (-0.08, 0.04):
        pen.stroke(np.array([(-0.78, 0.27 + dy), (-0.98, 0.2 + dy * 2.5)]), width=0.6, gaps=False)
    curl = u(rng, -0.6, -0.35)
    pen.stroke(
        smooth([(0.68, 0.35), (0.88, 0.35), (0.95, 0.1), (0.75, -0.05), (0.8, curl), (0.95, curl - 0.1)]),
        width=0.8,
    )
    for x in (-0.35, 0.2):
        pen.stroke(ellipse(x, 0.55, 0.1, 0.07, math.pi - 0.3, 0.3, 10), width=0.8)


def bear(pen: Pen, rng) -> None:
    teddy = rng.random() < 0.5
    r = u(rng, 0.36, 0.4) if teddy else u(rng, 0.58, 0.68)
    hy = -0.42 if teddy else 0.12
    if teddy:
        by = hy + r + 0.42
        pen.stroke(ellipse(0, by, 0.48, 0.45), closed=True)
        pen.stroke(ellipse(0, by + 0.05, 0.24, 0.22), closed=True)
        for s in (-1, 1):
            pen.stroke(
                turned(ellipse(s * 0.5, by - 0.1, 0.12, 0.22, n=32), s * 0.5, (s * 0.5, by - 0.1)),
                closed=True,
            )
            pen.stroke(ellipse(s * 0.28, by + 0.42, 0.16, 0.11, n=32), closed=True)
    pen.stroke(ellipse(0, hy, r * u(rng, 1.0, 1.1), r), closed=True)
    er = r * u(rng, 0.3, 0.38)
    for s in (-1, 1):
        pen.stroke(ellipse(r * 0.72, hy - r * 0.72, er, er, -0.95 * math.pi, 0.25 * math.pi, 24) * [s, 1])
        pen.dot(s * r * 0.38, hy - r * 0.2, 0.1 * r)
    pen.stroke(ellipse(0, hy + r * 0.35, r * 0.38, r * 0.28), closed=True)
    pen.dot(0, hy + r * 0.24, r * 0.11)
    pen.stroke(np.array([(0, hy + r * 0.3), (0, hy + r * 0.48)]), width=0.8)
    pen.stroke(ellipse(0, hy + r * 0.4, r * 0.18, r * 0.12, 0.4, math.pi - 0.4, 12), width=0.8)


def lion(pen: Pen, rng) -> None:
    mane = u(rng, 0.85, 0.95)
    if rng.random() < 0.6:
        pen.stroke(
            bumps(0, 0, mane, mane * 0.95, int(rng.integers(9, 14)), u(rng, 0.08, 0.14), rng), closed=True
        )
    else:  # a zig-zag mane
        spikes = int(rng.integers(12, 17))
        pts = [
            (
                (mane if i % 2 == 0 else mane * 0.8) * math.cos(math.pi * i / spikes),
                (mane if i % 2 == 0 else mane * 0.8) * 0.95 * math.sin(math.pi * i / spikes),
            )
            for i in range(2 * spikes)
        ]
        pen.stroke(np.array(pts + pts[:1]), closed=True)
    r = u(rng, 0.48, 0.55)
    pen.stroke(ellipse(0, 0.05, r, r * 0.95), closed=True)
    for s in (-1, 1):
        pen.stroke(
            ellipse(r * 0.72, 0.05 - r * 0.72, 0.13, 0.13, -0.95 * math.pi, 0.25 * math.pi, 16) * [s, 1]
        )
    _face(pen, 0, 0.05, r, whiskers=rng.random() < 0.5)


def bee(pen: Pen, rng) -> None:
    cx, cy = 0.05, 0.22
    rx, ry = u(rng, 0.58, 0.66), u(rng, 0.38, 0.44)
    for x, lean in ((cx - 0.02, 0.45), (cx + 0.25, 0.9)):
        wy = cy - ry - 0.17
        pen.stroke(turned(ellipse(x, wy, 0.2, 0.24, n=32), lean, (x, wy + 0.2)), closed=True, gaps=False)
    pen.stroke(ellipse(cx, cy, rx, ry), closed=True)
    stripes = (-0.05, 0.25, 0.55) if rng.random() < 0.6 else (0.0, 0.4)
    for f in stripes:
        h = ry * math.sqrt(1 - f * f) * 1.05
        x = cx + f * rx
        pen.stroke(smooth([(x, cy - h), (x + 0.06, cy), (x, cy + h)]), width=1.2)
    pen.stroke(
        np.array([(cx + rx - 0.03, cy - 0.08), (cx + rx + 0.2, cy), (cx + rx - 0.03, cy + 0.08)]), gaps=False
    )
    fx = cx - rx * 0.62
    pen.dot(fx, cy - ry * 0.2, 0.05)
    pen.stroke(ellipse(fx + 0.02, cy + 0.02, 0.12, 0.1, 0.4, math.pi - 0.4, 12), width=0.8)
    for dx in (-0.12, 0.08):
        top = (fx + dx - 0.18, cy - ry - 0.38)
        pen.stroke(smooth([(fx + dx, cy - ry * 0.85), (fx + dx - 0.05, cy - ry - 0.2), top]), width=0.8)
        pen.dot(*top, 0.045)


def duck(pen: Pen, rng) -> None:
    tail = u(rng, -0.35, -0.15)
    pts = [
        (-0.62, 0.3),
        (-0.4, 0.08),
        (0.1, 0.1),
        (0.5, 0.02),
        (0.85, tail),
        (0.8, 0.25),
        (0.5, 0.6),
        (-0.1, 0.7),
        (-0.5, 0.6),
    ]
    pen.stroke(smooth(pts, closed=True), closed=True)
    hr = u(rng, 0.26, 0.32)
    hx, hy = -0.45, 0.08 - hr * 0.85
    pen.stroke(ellipse(hx, hy, hr, hr), closed=True)
    bx = hx - hr + 0.03
    pen.stroke(
        smooth(
            [
                (bx, hy - 0.05),
                (bx - 0.2, hy - 0.02),
                (bx - 0.3, hy + 0.05),
                (bx - 0.2, hy + 0.11),
                (bx, hy + 0.1),
            ]
        ),
        closed=True,
        gaps=False,
    )
    pen.dot(hx - 0.05, hy - 0.08, 0.045)
    pen.stroke(smooth([(-0.1, 0.3), (0.15, 0.48), (0.45, 0.38), (0.55, 0.22)]), width=0.9)
    if rng.random() < 0.5:
        pen.stroke(
            smooth([(-0.95, 0.82), (-0.6, 0.75), (-0.3, 0.85), (0.1, 0.76), (0.5, 0.86), (0.95, 0.78)]),
            width=0.8,
        )


def turtle(pen: Pen, rng) -> None:
    rx, ry, base = u(rng, 0.58, 0.66), u(rng, 0.52, 0.62), 0.22
    dome = ellipse(-0.08, base, rx, ry, math.pi, 2 * math.pi, 48)
    pen.stroke(np.concatenate([dome, dome[:1]]), closed=True)
    for x in (-0.45, 0.22):
        pen.stroke(np.array([(x, base), (x - 0.02, base + 0.28), (x + 0.16, base + 0.28), (x + 0.16, base)]))
    pen.stroke(
        np.array(
            [(-0.08 - rx + 0.02, base - 0.05), (-0.08 - rx - 0.2, base + 0.03), (-0.08 - rx + 0.05, base)]
        )
    )
    hx = -0.08 + rx + 0.14
    pen.stroke(ellipse(hx, base - 0.12, 0.22, 0.17), closed=True)
    pen.dot(hx + 0.06, base - 0.17, 0.035)
    pen.stroke(ellipse(hx + 0.08, base - 0.1, 0.08, 0.05, 0.4, math.pi - 0.4, 8), width=0.7)
    cy = base - ry * 0.5
    hexagon = [(-0.08 + 0.16 * math.cos(a), cy + 0.12 * math.sin(a)) for a in np.linspace(0, 2 * math.pi, 7)]
    pen.stroke(np.array(hexagon), closed=True, width=0.9)
    # Spots well apart from the hexagon and the rim, so the shell stays one shape round them.
    for x in (-0.5, 0.34):
        if rng.random() < 0.8:
            pen.stroke(ellipse(x, base - 0.24, 0.06, 0.05, n=16), closed=True, width=0.8, gaps=False)


def rabbit(pen: Pen, rng) -> None:
    body = rng.random() < 0.5
    r = u(rng, 0.32, 0.36) if body else u(rng, 0.46, 0.52)
    hy = -0.12 if body else 0.28
    if body:
        by = hy + r + 0.32
        pen.stroke(ellipse(0, by, 0.42, 0.36), closed=True)
        pen.stroke(bumps(0.45, by + 0.1, 0.1, 0.1, 5, 0.3, rng), closed=True, gaps=False)
        for s in (-1, 1):
            pen.stroke(ellipse(s * 0.22, by + 0.36, 0.16, 0.08, n=24), closed=True, gaps=False)
    rx = r * 1.05
    pen.stroke(ellipse(0, hy, rx, r), closed=True)
    long = u(rng, 0.45, 0.55) if body else u(rng, 0.55, 0.68)
    for s in (-1, 1):
        x, w = s * r * 0.45, r * 0.22
        lean = s * u(rng, 0.0, 0.25)
        foot = [hy - r * math.sqrt(max(0.0, 1 - ((x + d) / rx) ** 2)) + 0.03 for d in (-w, w)]
        ear = [
            (x - w, foot[0]),
            (x - w * 1.25 + lean * 0.5, hy - r - long * 0.5),
            (x + lean, hy - r - long),
            (x + w * 1.25 + lean * 0.5, hy - r - long * 0.5),
            (x + w, foot[1]),
        ]
        pen.stroke(smooth(ear))
        pen.stroke(
            smooth(
                [
                    (x - w * 0.4, hy - r - 0.02),
                    (x + lean * 0.8, hy - r - long * 0.8),
                    (x + w * 0.4, hy - r - 0.02),
                ]
            ),
            width=0.6,
        )
    _face(pen, 0, hy, r, whiskers=True)
    pen.stroke(
        np.array(
            [(-0.06, hy + r * 0.48), (-0.06, hy + r * 0.65), (0.06, hy + r * 0.65), (0.06, hy + r * 0.48)]
        ),
        width=0.7,
        gaps=False,
    )


def tangerine(pen: Pen, rng) -> None:
    rx = u(rng, 0.68, 0.78)
    ry = rx * u(rng, 0.85, 0.95)
    cy = 0.12
    pen.stroke(ellipse(0, cy, rx, ry), closed=True)
    top = cy - ry
    pen.stroke(np.array([(0, top + 0.02), (0.02, top - 0.1)]), width=1.4)
    if rng.random() < 0.7:
        pen.stroke(
            smooth(
                [
                    (0.02, top - 0.06),
                    (0.25, top - 0.3),
                    (0.52, top - 0.2),
                    (0.28, top - 0.02),
                    (0.02, top - 0.06),
                ]
            ),
            closed=True,
        )
    for _ in range(int(rng.integers(5, 9))):
        a, d = u(rng, 0, 2 * math.pi), u(rng, 0.25, 0.75)
        pen.dot(d * rx * math.cos(a), cy + d * ry * math.sin(a), 0.018)
    if rng.random() < 0.6:
        pen.stroke(ellipse(0, cy, rx * 0.7, ry * 0.7, math.pi * 1.1, math.pi * 1.4, 12), width=0.8)


def pear(pen: Pen, rng) -> None:
    w, neck = u(rng, 0.55, 0.65), u(rng, 0.2, 0.28)
    pts = [
        (0, -0.62),
        (neck, -0.52),
        (neck * 1.2, -0.2),
        (w, 0.2),
        (w * 1.02, 0.55),
        (w * 0.6, 0.88),
        (0, 0.93),
        (-w * 0.6, 0.88),
        (-w * 1.02, 0.55),
        (-w, 0.2),
        (-neck * 1.2, -0.2),
        (-neck, -0.52),
    ]
    pen.stroke(turned(smooth(pts, closed=True), u(rng, -0.15, 0.15)), closed=True)
    pen.stroke(smooth([(0, -0.6), (0.03, -0.75), (0.1, -0.9)]), width=1.3)
    if rng.random() < 0.6:
        pen.stroke(
            smooth([(0.05, -0.75), (-0.2, -0.98), (-0.45, -0.88), (-0.2, -0.72), (0.05, -0.75)]), closed=True
        )


def corn(pen: Pen, rng) -> None:
    tilt = u(rng, -0.35, 0.35)
    w = u(rng, 0.3, 0.34)
    pen.stroke(
        turned(tube([(0, -0.92), (0, -0.3), (0, 0.3), (0, 0.55)], [0.08, w, w * 1.05, w * 0.9]), tilt),
        closed=True,
    )
    # Kernels as small rings with paper between them: the cob stays one shape.
    for i, y in enumerate(np.linspace(-0.55, 0.4, 5)):
        for x in (-0.15, 0.0, 0.15) if i % 2 else (-0.08, 0.08):
            pen.stroke(
                turned(ellipse(x * w / 0.3, y, 0.04, 0.035, n=12), tilt), closed=True, width=0.6, gaps=False
            )
    for s in (-1, 1):
        tip = u(rng, -0.45, -0.2)
        husk = [
            (s * w * 0.4, 0.75),
            (s * (w + 0.03), 0.4),
            (s * (w + 0.04), 0.0),
            (s * (w + 0.2), tip),
            (s * (w + 0.24), 0.05),
            (s * (w + 0.18), 0.5),
            (s * 0.08, 0.92),
        ]
        pen.stroke(turned(smooth(husk, closed=True), tilt), closed=True)


def mushroom(pen: Pen, rng) -> None:
    rx, ry = u(rng, 0.78, 0.9), u(rng, 0.55, 0.65)
    base = u(rng, -0.05, 0.05)
    cap = ellipse(0, base, rx, ry, math.pi, 2 * math.pi, 48)
    under = smooth([(rx, base), (rx * 0.5, base + 0.1), (-rx * 0.5, base + 0.1), (-rx, base)])
    pen.stroke(np.concatenate([cap, under]), closed=True)
    sw = u(rng, 0.2, 0.28)
    pen.stroke(
        smooth(
            [
                (-sw, base + 0.1),
                (-sw * 1.2, 0.55),
                (-sw * 1.05, 0.85),
                (0, 0.9),
                (sw * 1.05, 0.85),
                (sw * 1.2, 0.55),
                (sw, base + 0.1),
            ]
        )
    )
    spots = [(0.0, 0.68), (-0.55, 0.32), (0.55, 0.36), (-0.22, 0.3), (0.3, 0.64)]
    for x, y in spots[: int(rng.integers(3, 6))]:
        r = u(rng, 0.07, 0.1)
        pen.stroke(
            ellipse(x * rx + u(rng, -0.03, 0.03), base - y * ry, r, r * 0.9, n=20), closed=True, gaps=False
        )


def cactus(pen: Pen, rng) -> None:
    w = u(rng, 0.18, 0.24)
    ground = 0.55
    pen.stroke(
        smooth(
            [
                (-w, ground),
                (-w, -0.3),
                (-w * 0.85, -0.75),
                (0, -0.88),
                (w * 0.85, -0.75),
                (w, -0.3),
                (w, ground),
            ]
        )
    )
    for s, y in ((-1, u(rng, -0.05, 0.15)), (1, u(rng, -0.35, -0.15))):
        out, aw, up = s * u(rng, 0.5, 0.62), 0.1, u(rng, 0.3, 0.4)
        arm = [
            (s * w, y + aw),
            (out, y + aw),
            (out + s * aw, y - 0.05),
            (out + s * aw, y - up),
            (out, y - up - aw),
            (out - s * aw, y - up),
            (out - s * aw, y - aw),
            (s * w, y - aw),
        ]
        pen.stroke(smooth(arm))
    for x, y in ((-0.05, -0.55), (0.06, -0.2), (-0.08, 0.15), (0.05, 0.4)):
        pen.stroke(np.array([(x - 0.04, y - 0.04), (x + 0.04, y + 0.04)]), width=0.6, gaps=False)
        pen.stroke(np.array([(x + 0.04, y - 0.04), (x - 0.04, y + 0.04)]), width=0.6, gaps=False)
    if rng.random() < 0.6:
        pen.stroke(
            np.array([(-0.42, ground), (0.42, ground), (0.3, 0.95), (-0.3, 0.95), (-0.42, ground)]),
            closed=True,
        )
    else:
        pen.stroke(
            smooth([(-0.9, ground + 0.02), (-0.4, ground - 0.01), (0.3, ground + 0.02), (0.9, ground)])
        )


def lightning(pen: Pen, rng) -> None:
    j = [u(rng, -0.06, 0.06) for _ in range(8)]
    if rng.random() < 0.6:
        pts = [
            (-0.1 + j[0], -0.95),
            (0.5 + j[1], -0.95),
            (0.12, -0.22 + j[2]),
            (0.5, -0.22 + j[3]),
            (-0.35 + j[4], 0.95),
            (-0.02, 0.1 + j[5]),
            (-0.42, 0.1 + j[6]),
        ]
    else:  # two steps down
        pts = [
            (0.0 + j[0], -0.95),
            (0.55, -0.95),
            (0.25, -0.45 + j[1]),
            (0.5, -0.45 + j[2]),
            (0.15, 0.05 + j[3]),
            (0.4, 0.05 + j[4]),
            (-0.35 + j[5], 0.95),
            (-0.1, 0.25 + j[6]),
            (-0.35, 0.25 + j[7]),
            (-0.05, -0.25),
            (-0.3, -0.25),
        ]
    pen.stroke(np.array(pts + pts[:1]), closed=True)


def pineapple(pen: Pen, rng) -> None:
    rx, ry, cy = u(rng, 0.45, 0.52), u(rng, 0.55, 0.62), 0.32
    pen.stroke(ellipse(0, cy, rx, ry), closed=True)
    # Criss-cross lines that stop short of the outline: the skin stays one shape around its diamonds.
    a, b = rx - 0.14, ry - 0.14
    for d in ((1, 1.2), (-1, 1.2)):
        dx, dy = d[0] / math.hypot(*d), d[1] / math.hypot(*d)
        for k in (-0.3, 0.0, 0.3):
            ox, oy = -dy * k, cy + dx * k
            # where the line ox + t dx, oy + t dy meets the smaller ellipse
            qa = (dx / a) ** 2 + (dy / b) ** 2
            qb = 2 * (ox * dx / a**2 + (oy - cy) * dy / b**2)
            qc = (ox / a) ** 2 + ((oy - cy) / b) ** 2 - 1
            root = math.sqrt(qb * qb - 4 * qa * qc)
            t0, t1 = (-qb - root) / (2 * qa), (-qb + root) / (2 * qa)
            pen.stroke(
                np.array([(ox + t0 * dx, oy + t0 * dy), (ox + t1 * dx, oy + t1 * dy)]), width=0.8, gaps=False
            )
    top = cy - ry
    leaves = int(rng.integers(3, 6))
    crown = [(-0.28, top + 0.06)]
    for i in range(leaves):
        x = -0.28 + 0.56 * (i + 0.5) / leaves
        crown += [
            (x * 1.6, top - u(rng, 0.4, 0.6) - 0.15 * (1 - abs(x) * 3)),
            (-0.28 + 0.56 * (i + 1) / leaves, top + 0.02),
        ]
    crown[-1] = (0.28, top + 0.06)
    pen.stroke(np.array(crown))


def eggplant(pen: Pen, rng) -> None:
    bend = u(rng, 0.1, 0.3)
    path = [(-0.45, -0.62), (-0.1, -0.2 - bend * 0.5), (0.2, 0.2 - bend * 0.3), (0.38, 0.55)]
    widths = [0.16, 0.26, 0.36, u(rng, 0.36, 0.42)]
    pen.stroke(tube(path, widths), closed=True)
    c0 = np.array(path[0])
    t = c0 - np.array(path[1])
    t /= np.linalg.norm(t)
    n = np.array([-t[1], t[0]])
    w = widths[0] + 0.04
    cap = [
        (0.06, -w),
        (-0.32, -w * 1.1),
        (-0.12, -w * 0.4),
        (-0.38, 0),
        (-0.12, w * 0.4),
        (-0.32, w * 1.1),
        (0.06, w),
        (0.14, w * 0.5),
        (0.16, 0),
        (0.14, -w * 0.5),
    ]
    pen.stroke(np.array([c0 + t * a + n * b for a, b in cap + cap[:1]]), closed=True, gaps=False)
    pen.stroke(np.array([c0 + t * 0.12, c0 + t * 0.3 + n * 0.04]), width=1.8)


def cookie(pen: Pen, rng) -> None:
    r = u(rng, 0.72, 0.82)
    at, width, bites = u(rng, -1.2, -0.4), u(rng, 0.8, 1.1), int(rng.integers(2, 4))
    pts = []
    for a in np.linspace(0, 2 * math.pi, 120, endpoint=False):
        off = (a - at + math.pi) % (2 * math.pi) - math.pi
        rr = r * u(rng, 0.99, 1.01)
        if abs(off) < width / 2:
            rr -= 0.2 * math.sin(math.pi * ((off / width + 0.5) * bites % 1))
        pts.append((rr * math.cos(a), rr * math.sin(a)))
    pen.stroke(smooth(pts, closed=True, per_span=2), closed=True)
    chips, count = [], int(rng.integers(6, 10))
    while len(chips) < count:
        x, y = u(rng, -0.5, 0.5), u(rng, -0.5, 0.5)
        if math.hypot(x, y) < r - 0.3 and all(math.hypot(x - p, y - q) > 0.22 for p, q in chips):
            chips.append((x, y))
            pen.dot(x, y, u(rng, 0.04, 0.065))
    for k in range(2):
        a = at + u(rng, -0.3, 0.3)
        pen.dot((r + 0.1 + 0.08 * k) * math.cos(a), (r + 0.1 + 0.08 * k) * math.sin(a), 0.02)


def dinosaur(pen: Pen, rng) -> None:
    neck, tail = u(rng, 0.0, 0.15), u(rng, 0.9, 1.0)
    pts = [
        (-0.62, -0.82 - neck),
        (-0.9, -0.72 - neck),
        (-0.88, -0.6 - neck),
        (-0.65, -0.58 - neck),
        (-0.52, -0.2),
        (-0.48, 0.15),
        (-0.15, 0.42),
        (0.3, 0.4),
        (0.65, 0.3),
        (tail, 0.2),
        (0.62, 0.08),
        (0.4, -0.2),
        (0.0, -0.32),
        (-0.3, -0.25),
        (-0.42, -0.5 - neck),
        (-0.48, -0.78 - neck),
    ]
    outline = smooth(pts, closed=True)
    pen.stroke(outline, closed=True)
    pen.dot(-0.68, -0.72 - neck, 0.035)
    if rng.random() < 0.5:
        pen.stroke(np.array([(-0.88, -0.64 - neck), (-0.75, -0.63 - neck)]), width=0.7)

    def edge(x: float, side: Callable) -> float:
        """The outline's top (side=min) or bottom (side=max) at `x`."""
        return float(side(outline[np.abs(outline[:, 0] - x) < 0.04][:, 1]))

    for x in (-0.42, -0.22, 0.18, 0.38):
        pen.stroke(
            np.array(
                [
                    (x, edge(x, max) - 0.02),
                    (x, 0.76),
                    (x + 0.13, 0.76),
                    (x + 0.13, edge(x + 0.13, max) - 0.02),
                ]
            )
        )
    # Plates along the back, standing on it.
    back = [(x, edge(x, min) + 0.01) for x in np.linspace(-0.32, 0.45, int(rng.integers(6, 9)))]
    high = u(rng, 0.12, 0.18)
    zig = []
    for (x0, y0), (x1, y1) in itertools.pairwise(back):
        zig += [(x0, y0), ((x0 + x1) / 2, min(y0, y1) - high)]
    pen.stroke(np.array([*zig, back[-1]]), width=0.9)


def snake(pen: Pen, rng) -> None:
    amp, phase = u(rng, 0.14, 0.19), u(rng, 0, 1)
    xs = np.linspace(0.9, -0.58, 9)
    path = [(x, 0.1 + amp * math.sin(2 * math.pi * (phase + (0.9 - x) / 1.2))) for x in xs]
    widths = [0.02, 0.08, 0.13, 0.16, 0.17, 0.17, 0.16, 0.16, 0.22]
    pen.stroke(tube(path, widths), closed=True)
    hx, hy = path[-1]
    pen.dot(hx, hy - 0.07, 0.04)
    tongue = (hx - 0.38, hy + 0.04)
    pen.stroke(np.array([(hx - 0.19, hy + 0.03), tongue]), width=0.7, gaps=False)
    pen.stroke(
        np.array([(tongue[0] - 0.08, tongue[1] - 0.06), tongue, (tongue[0] - 0.08, tongue[1] + 0.06)]),
        width=0.7,
        gaps=False,
    )
    for i in (4, 5):
        pen.dot(*path[i], 0.02)


def crab(pen: Pen, rng) -> None:
    rx, ry, cy = u(rng, 0.52, 0.6), u(rng, 0.3, 0.36), 0.22
    for s in (-1, 1):
        for k in range(3):
            y0 = cy + 0.02 + 0.1 * k
            pen.stroke(
                np.array(
                    [
                        (s * (rx - 0.05), y0),
                        (s * (rx + 0.22), y0 - 0.08 + 0.08 * k),
                        (s * (rx + 0.3), y0 + 0.2 + 0.06 * k),
                    ]
                ),
                width=0.9,
            )
        pen.stroke(
            smooth(
                [
                    (s * rx * 0.7, cy - ry * 0.7),
                    (s * (rx + 0.05), cy - ry - 0.1),
                    (s * (rx + 0.1), cy - ry - 0.3),
                ]
            )
        )
        cx, cr = s * (rx + 0.12), u(rng, 0.17, 0.21)
        cl = cy - ry - 0.3 - cr
        gap = u(rng, 0.35, 0.55)
        claw = ellipse(cx, cl, cr, cr, -math.pi / 2 + gap, 3 * math.pi / 2 - gap, 32)
        pen.stroke(np.concatenate([claw, [(cx, cl)], claw[:1]]), closed=True, gaps=False)
        pen.stroke(
            smooth([(s * 0.15, cy - ry + 0.03), (s * 0.17, cy - ry - 0.15), (s * 0.2, cy - ry - 0.25)]),
            width=0.8,
        )
        pen.dot(s * 0.2, cy - ry - 0.27, 0.05)
    pen.stroke(ellipse(0, cy, rx, ry), closed=True)
    pen.stroke(ellipse(0, cy + 0.02, 0.15, 0.1, 0.4, math.pi - 0.4, 12), width=0.8)


DRAW: dict[str, Callable[[Pen, np.random.Generator], None]] = {name: globals()[name] for name in ACCEPTED}


def make(out: Path, per_class: int) -> list[dict]:
    out.mkdir(parents=True, exist_ok=True)
    labels = []
    for index, (name, draw) in enumerate(DRAW.items()):
        for variant in range(1, per_class + 1):
            rng = np.random.default_rng([SEED, index, variant])
            pen = Pen(rng)
            draw(pen, rng)
            file = f"{name}_{variant}.png"
            pen.picture().save(out / file, optimize=True)
            labels.append({"file": file, "class": name, "families": ACCEPTED[name]})
    (out / "labels.json").write_text(json.dumps(labels, indent=1) + "\n", "utf-8")
    return labels


def sheet(folder: Path, labels: list[dict], columns: int = 12, cell: int = 128) -> Image.Image:
    rows = math.ceil(len(labels) / columns)
    out = Image.new("L", (columns * cell, rows * cell), 255)
    for i, entry in enumerate(labels):
        with Image.open(folder / entry["file"]) as doodle:
            out.paste(doodle.resize((cell, cell)), (i % columns * cell, i // columns * cell))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=Path("tests/data/doodles"))
    parser.add_argument("--per-class", type=int, default=3)
    parser.add_argument("--sheet", type=Path, help="also write a contact sheet of every doodle here")
    parser.add_argument(
        "--sheet-from",
        choices=list(DRAW),
        help="the contact sheet starts at this class (cat: the classes added in the second round)",
    )
    args = parser.parse_args()
    labels = make(args.out, args.per_class)
    if args.sheet:
        shown = labels
        if args.sheet_from:
            shown = labels[[entry["class"] for entry in labels].index(args.sheet_from) :]
        # 16 greys keep a sheet of line drawings small enough to keep in git.
        sheet(args.out, shown).quantize(16).save(args.sheet, optimize=True)
    print(f"{len(labels)} doodles of {len(DRAW)} classes in {args.out}")


if __name__ == "__main__":
    main()
