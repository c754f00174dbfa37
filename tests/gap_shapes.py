"""Outlines a child did not quite close, with their true inside: the gap test set of issue 27.

Seven shapes (circle, egg, blob, square, heart, star, house), each drawn as one hand-like pen stroke (a slow
wobble, a pressure that varies, the app's medium pen and rasteriser) that stops short of where it started,
leaving one gap of a given fraction of the shape's width between the ink on either side. `gap_table` runs
`find_regions` on each and says which were filled and which leaked.
"""

import math
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
from PIL import Image, ImageDraw, ImageFilter

from icanvas_desktop.drawing.rasterize import render_sketch
from icanvas_desktop.drawing.strokes import PEN_WIDTHS, Drawing, PenSize, Point, Stroke, Tool
from icanvas_desktop.generation.clean_look import LINE, Regions, find_regions
from icanvas_desktop.generation.sketch_input import sketch_to_array

SHAPES = ("circle", "egg", "blob", "square", "heart", "star", "house")
GAPS = (0.03, 0.05, 0.07, 0.10, 0.12)
SIZE = 256
PEN = PenSize.MEDIUM
# Filled: at least this share of the inside is one region that is not the paper around the drawing.
FILLED = 0.9
# Leaked: the inside's region covers more than this share of the inside's area in the paper outside the shape.
SPILL = 0.02


def outline(shape: str, steps: int = 400) -> np.ndarray:
    """(steps, 2) points around `shape`'s closed outline (fractions of the sheet), from where its gap goes."""
    t = np.linspace(0, 2 * math.pi, steps, endpoint=False)
    if shape == "circle":
        x, y = 0.28 * np.cos(t), 0.28 * np.sin(t)
    elif shape == "egg":
        x, y = 0.22 * np.cos(t) * (1 - 0.18 * np.sin(t)), 0.3 * np.sin(t)
    elif shape == "blob":
        r = 0.25 * (1 + 0.14 * np.sin(3 * t + 0.4) + 0.07 * np.cos(5 * t))
        x, y = r * np.cos(t), r * np.sin(t)
    elif shape == "square":
        return _polygon([(0.76, 0.5), (0.76, 0.24), (0.24, 0.24), (0.24, 0.76), (0.76, 0.76)], steps)
    elif shape == "heart":
        # The classic heart curve, its gap on the right lobe's flank.
        u = t + 1.2
        x = 16 * np.sin(u) ** 3 / 17 * 0.3
        y = -(13 * np.cos(u) - 5 * np.cos(2 * u) - 2 * np.cos(3 * u) - np.cos(4 * u)) / 17 * 0.3
    elif shape == "star":
        corners = [(0.5 + (0.32 if k % 2 == 0 else 0.14) * math.sin(k * math.pi / 5),
                    0.52 - (0.32 if k % 2 == 0 else 0.14) * math.cos(k * math.pi / 5)) for k in range(10)]
        # Starts half way along an edge.
        start = ((corners[1][0] + corners[2][0]) / 2, (corners[1][1] + corners[2][1]) / 2)
        return _polygon([start, *corners[2:], *corners[:2]], steps)
    elif shape == "house":
        corners = [(0.74, 0.62), (0.74, 0.44), (0.5, 0.2), (0.26, 0.44), (0.26, 0.8), (0.74, 0.8)]
        return _polygon(corners, steps)
    else:
        raise ValueError(f"no shape {shape!r}")
    return np.stack([0.5 + x, 0.5 + y], axis=1)


def _polygon(corners: list[tuple[float, float]], steps: int) -> np.ndarray:
    """`steps` points evenly along the closed polygon through `corners`, from the first."""
    ring = np.array([*corners, corners[0]])
    lengths = np.hypot(*np.diff(ring, axis=0).T)
    along = np.concatenate([[0], np.cumsum(lengths)])
    s = np.linspace(0, along[-1], steps, endpoint=False)
    return np.stack([np.interp(s, along, ring[:, 0]), np.interp(s, along, ring[:, 1])], axis=1)


def width_of(shape: str) -> float:
    points = outline(shape)
    return float(np.ptp(points[:, 0]))


@dataclass(frozen=True)
class GapShape:
    shape: str
    gap: float  # of the shape's width
    sketch: Image.Image  # "L", SIZE²
    inside: np.ndarray  # (SIZE, SIZE) bool: the true inside, the outline included
    drawing: Drawing


def gap_shape(shape: str, gap: float, seed: int = 0) -> GapShape:
    """`shape` drawn by hand with one gap of `gap` of its width between the ink on either side."""
    rng = np.random.default_rng(seed * 1000 + SHAPES.index(shape))
    points = outline(shape)
    n = len(points)
    # A hand's wobble: a slow sideways drift of up to about 1 % of the sheet, and a pressure that varies.
    normal = np.roll(points, -1, axis=0) - np.roll(points, 1, axis=0)
    normal = np.stack([-normal[:, 1], normal[:, 0]], axis=1) / np.hypot(*normal.T)[:, None]
    phase = rng.uniform(0, 2 * math.pi, 3)
    s = np.arange(n) / n * 2 * math.pi
    drift = 0.006 * (np.sin(2 * s + phase[0]) + 0.6 * np.sin(5 * s + phase[1])
                     + 0.3 * np.sin(11 * s + phase[2]))
    drawn = points + normal * drift[:, None]
    pressure = 0.8 + 0.2 * np.sin(3 * s + phase[2])
    pen = PEN_WIDTHS[PEN]
    # The stroke leaves out the points around index 0 until the ink's edges are `gap` of the width apart
    # (round caps reach half a pen width past each end).
    want = gap * width_of(shape) + pen
    half = 1
    while np.hypot(*(drawn[half] - drawn[-half])) < want:
        half += 1
    kept = slice(half, n - half + 1)
    stroke = Stroke(Tool.PEN, PEN, tuple(Point(x, y, p) for (x, y), p in zip(drawn[kept], pressure[kept])))
    drawing = Drawing([stroke])
    inside_image = Image.new("L", (SIZE, SIZE), 0)
    ImageDraw.Draw(inside_image).polygon([(x * SIZE - 0.5, y * SIZE - 0.5) for x, y in drawn], fill=255)
    return GapShape(shape, gap, render_sketch(drawing, SIZE), np.asarray(inside_image) > 0, drawing)


@dataclass(frozen=True)
class Outcome:
    filled: bool
    leaked: bool
    covered: float  # share of the inside in its region


def judge(case: GapShape, regions: Regions) -> Outcome:
    """Whether `regions` fill `case`'s inside, and whether the inside's region reaches the paper outside."""
    sketch = np.asarray(case.sketch) / 255.0
    paper = sketch >= LINE
    inside = case.inside & paper
    labels = regions.labels
    counts = np.bincount(labels[inside], minlength=regions.count + 1)
    main = int(np.argmax(counts[1:]) + 1) if regions.count else 0
    covered = float(counts[main] / inside.sum()) if main else 0.0
    # Outside: paper more than a pen width from the outline, so a closing that bulges a little is no leak.
    grown = Image.fromarray(case.inside).filter(ImageFilter.MaxFilter(2 * round(PEN_WIDTHS[PEN] * SIZE) + 1))
    outside = paper & ~np.asarray(grown)
    spill = np.count_nonzero(outside & (labels == main)) if main else 0
    joined = counts[0] > (1 - FILLED) * inside.sum()
    return Outcome(covered >= FILLED, bool(joined or spill > SPILL * inside.sum()), covered)


def gap_table(find: Callable[[np.ndarray], Regions] = find_regions,
              shapes: tuple[str, ...] = SHAPES, gaps: tuple[float, ...] = GAPS
              ) -> dict[float, dict[str, Outcome]]:
    """Each gap's outcome for each shape."""
    table = {}
    for gap in gaps:
        row = {}
        for shape in shapes:
            case = gap_shape(shape, gap)
            row[shape] = judge(case, find(sketch_to_array(case.sketch, SIZE)[..., 0]))
        table[gap] = row
    return table


def format_table(table: dict[float, dict[str, Outcome]]) -> str:
    """A Markdown table: per gap, filled and leaked counts and which shapes failed."""
    lines = ["| gap (of the shape's width) | filled | leaked | not filled |", "|---:|---:|---:|---|"]
    for gap, row in table.items():
        filled = sum(o.filled for o in row.values())
        leaked = sum(o.leaked for o in row.values())
        missed = ", ".join(s for s, o in row.items() if not o.filled) or "-"
        lines.append(f"| {gap:.0%} | {filled}/{len(row)} | {leaked}/{len(row)} | {missed} |")
    return "\n".join(lines)


if __name__ == "__main__":
    print(format_table(gap_table()))
