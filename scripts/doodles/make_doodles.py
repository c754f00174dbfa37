"""Draw the labelled doodles of tests/data/doodles/: things children draw whose colour is not free, each
with the colour families a person would accept as its main colour.

    python scripts/doodles/make_doodles.py [--out tests/data/doodles] [--per-class 3] [--sheet sheet.png]

Nothing here comes from an artist's picture or from the project's edge extractor: every doodle is a few
parametric shapes per class, drawn with a pen that wobbles, starts and ends a closed outline where it
happens to (overshooting or falling short), leaves small gaps, and presses harder and lighter along a
stroke; proportions are stretched and parts misplaced as a child's are. Seeded: the same files every run.
Writes OUT/CLASS_N.png (256×256 greyscale, black lines on white) and OUT/labels.json.
"""

import argparse
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
    args = parser.parse_args()
    labels = make(args.out, args.per_class)
    if args.sheet:
        sheet(args.out, labels).save(args.sheet)
    print(f"{len(labels)} doodles of {len(DRAW)} classes in {args.out}")


if __name__ == "__main__":
    main()
