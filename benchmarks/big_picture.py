"""The clean look at any size (generation/big_picture.py): its speed at a widget's size and at A4, how wide
the edge between ink and colour is at 2048 px, and how near the big picture, shrunk to 256 px, is to the
picture the generator's size gives.

    python benchmarks/big_picture.py [--runs 40]

A face drawn with the app's strokes (three pen sizes, a feather-light touch, a crayon) stands in for a
child's drawing; every human line drawing in tests/data/drawings/ stands in for a scan. The colours come
from a stand-in picture, so no theme is loaded. Each time is wall-clock p50/p95 and the process's CPU time
p50/p95; to hold it to 2 cores: `taskset -c 0,1 python benchmarks/big_picture.py`.

On the development machine (2026-12, 2 cores shared with 7 other jobs, load average 13: the wall-clock
times are several times an idle machine's, the CPU times are not), p50 / p95:

    500 px from scratch:            cpu  13.2 /  15.7 ms   (wall 58 / 75 ms under that load)
    940 px (a HiDPI widget):        cpu  29.1 /  32.8 ms
    500 px from the generator's:    cpu  14.8 /  20.8 ms
    500 px, regions kept (resize):  cpu   6.0 /   6.6 ms
    A4 3508 px:                     cpu 338   / 342   ms   (wall 1.4 s)
    widest ink-to-colour edge at 2048 px: 0 px (the 256 px picture enlarged with Lanczos: 5 px)
    2048 px shrunk to 256 against 256 px: mean 1.37 levels; at 256 px itself: identical
    the 51 human drawings as scans, 2048 px: 125-222 ms, mean difference at most 3.05 levels
"""

import argparse
import math
import statistics
import sys
import time
from pathlib import Path

import numpy as np
from PIL import Image

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from icanvas_desktop.drawing.rasterize import render_hints, render_sketch
from icanvas_desktop.drawing.strokes import Crayon, Drawing, PenSize, Point, Stroke, Tool
from icanvas_desktop.generation.big_picture import ScalablePicture
from icanvas_desktop.generation.clean_look import INK, find_regions, paint_regions
from icanvas_desktop.generation.sketch_input import hints_to_array, sketch_to_array

WORK = 256
A4 = 3508


def ring(cx, cy, r, size=PenSize.MEDIUM, pressure=1.0):
    return Stroke(Tool.PEN, size, tuple(Point(cx + r * math.cos(t), cy + r * math.sin(t), pressure)
                                        for t in np.linspace(0, 2 * math.pi, 90)))


def face() -> Drawing:
    hair = [Stroke(Tool.PEN, PenSize.SMALL,
                   tuple(Point(0.3 + 0.04 * k + 0.01 * math.sin(t * 9), 0.2 + 0.1 * t)
                         for t in np.linspace(0, 1, 20))) for k in range(11)]
    return Drawing([ring(0.5, 0.5, 0.3), ring(0.4, 0.42, 0.06, PenSize.SMALL),
                    ring(0.6, 0.42, 0.06, PenSize.SMALL, 0.2), *hair,
                    Stroke(Tool.PEN, PenSize.LARGE, (Point(0.35, 0.62), Point(0.5, 0.7), Point(0.65, 0.62))),
                    Stroke(Tool.CRAYON, PenSize.MEDIUM, (Point(0.3, 0.5), Point(0.32, 0.55)), Crayon.RED)])


def generated() -> Image.Image:
    yy, xx = np.mgrid[0:WORK, 0:WORK]
    return Image.fromarray(np.stack([xx, 64 + yy // 2, 255 - xx], -1).astype(np.uint8), "RGB")


def timed(work, runs: int) -> str:
    wall, cpu = [], []
    for _ in range(runs):
        w, c = time.perf_counter(), time.process_time()
        work()
        cpu.append(time.process_time() - c)
        wall.append(time.perf_counter() - w)

    def p(ts):
        ts = sorted(ts)
        return statistics.median(ts) * 1000, ts[max(0, round(0.95 * len(ts)) - 1)] * 1000
    return "wall {:7.1f} / {:7.1f} ms, cpu {:7.1f} / {:7.1f} ms".format(*p(wall), *p(cpu))


def widest_edge(picture: np.ndarray, colours) -> int:
    """The most pixels between ink and a flat colour along the middle row and column."""
    widest = 0
    for line in (picture[len(picture) // 2], picture[:, len(picture) // 2]):
        known = [np.abs(line.astype(int) - c).max(-1) <= 24 for c in [INK, *colours]]
        unknown = ~np.any(known, axis=0)
        run = 0
        for u in unknown:
            run = run + 1 if u else 0
            widest = max(widest, run)
    return widest


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=40)
    parser.add_argument("--quick", action="store_true", help="a few runs, to check the script works")
    args = parser.parse_args()
    runs = 2 if args.quick else args.runs
    drawing = face()
    regions = find_regions(sketch_to_array(render_sketch(drawing, WORK), WORK)[..., 0])
    today = paint_regions(regions, generated(), hints=hints_to_array(render_hints(drawing, WORK), WORK))
    # From the clean picture alone (its colours read back), as a view that has only it would.
    print("strokes (a face):")
    for size in (500, 940):
        print(f"  {size} px from scratch:        ",
              timed(lambda size=size: ScalablePicture(drawing, today).at(size), runs))
    hints = render_hints(drawing, WORK)
    scalable = ScalablePicture.from_generated(drawing, generated(), hints)
    print("  500 px from the generator's:  ",
          timed(lambda: ScalablePicture.from_generated(drawing, generated(), hints).at(500), runs))
    print("  500 px, regions kept (resize):", timed(lambda: scalable.at(500), runs))
    print(f"  A4 {A4} px:                   ", timed(lambda: ScalablePicture(drawing, today).at(A4), 3))
    big = scalable.at(2048)
    colours = {tuple(int(c) for c in today.getpixel((x, y)))
               for x in range(0, WORK, 8) for y in range(0, WORK, 8)}
    print(f"  widest ink-to-colour edge at 2048 px: {widest_edge(np.asarray(big), colours)} px "
          f"(the 256 px picture enlarged with Lanczos: "
          f"{widest_edge(np.asarray(today.resize((2048, 2048), Image.Resampling.LANCZOS)), colours)} px)")
    shrunk = np.asarray(big.resize((WORK, WORK), Image.Resampling.BOX), np.float32)
    difference = np.abs(shrunk - np.asarray(today, np.float32))
    itself = np.abs(np.asarray(scalable.at(WORK), np.float32) - np.asarray(today, np.float32)).max()
    print(f"  2048 px shrunk to 256 against 256 px: mean {difference.mean():.2f}, "
          f"p95 {np.percentile(difference, 95):.1f} levels; at 256 px itself: {itself:.0f} max")
    print("scans (tests/data/drawings):")
    worst = []
    for path in sorted((ROOT / "tests" / "data" / "drawings").rglob("*.png")):
        with Image.open(path) as scan:
            scan.load()
        regions = find_regions(sketch_to_array(scan, WORK)[..., 0])
        picture = paint_regions(regions, generated())
        start = time.perf_counter()
        big = ScalablePicture(scan, picture, regions).at(2048)
        seconds = time.perf_counter() - start
        shrunk = np.asarray(big.resize((WORK, WORK), Image.Resampling.BOX), np.float32)
        worst.append((np.abs(shrunk - np.asarray(picture, np.float32)).mean(), seconds, path.name))
    for mean, seconds, name in sorted(worst)[-3:]:
        print(f"  {name}: 2048 px in {seconds * 1000:.0f} ms; "
              f"shrunk to 256 against 256: mean {mean:.2f} levels")
    print(f"  all {len(worst)}: mean difference at most {max(w[0] for w in worst):.2f} levels")


if __name__ == "__main__":
    main()
