"""What the clean look costs, alone and on the whole sketch → picture path, with every bundled theme.

    python benchmarks/clean_look.py [--runs 20] [--threads N]
    python benchmarks/clean_look.py --quick   # one theme, 2 runs: checks the script works

Every human line drawing in tests/data/drawings/<theme>/ goes through the app's path, `Generator.generate`,
painted and clean in turn (so that both see the same load), on LiteRT with the app's threads (all cores
but one, at least one). The clean look alone is `find_regions` (what depends on the sketch only) plus
`paint_regions`, flat, with shade 0.5, and with three crayon strokes across the sheet. Each row gives
wall-clock p50/p95 and, beside it, the process's CPU time p50/p95 (all its threads), which on a machine
shared with other work is nearer to what an idle one takes. The whole path is also given per theme, with
its decoder (generator v2 resizes, the first themes use transposed convolutions).
"""

import argparse
import os
import sys
import time
from pathlib import Path

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))
from _timing import percentiles


class Timer:
    def __init__(self):
        self.wall: list[float] = []
        self.cpu: list[float] = []

    def __call__(self, work, *args):
        wall, cpu = time.perf_counter(), time.process_time()
        result = work(*args)
        self.cpu.append(time.process_time() - cpu)
        self.wall.append(time.perf_counter() - wall)
        return result

    def take_last(self, other: "Timer") -> None:
        self.wall.append(other.wall[-1])
        self.cpu.append(other.cpu[-1])

    def row(self, name: str) -> str:
        (w50, w95), (c50, c95) = percentiles(self.wall), percentiles(self.cpu)
        return f"{name:<30} {w50:>7.2f} {w95:>7.2f} {c50:>9.2f} {c95:>9.2f}"


def clean_look(array, picture):
    from icanvas_desktop.generation.clean_look import find_regions, paint_regions

    return paint_regions(find_regions(array), picture)


def crayons(size: int):
    """Three crayon strokes across the sheet, as the generator's hint channels."""
    from icanvas_desktop.drawing.rasterize import render_hints
    from icanvas_desktop.drawing.strokes import Crayon, Drawing, PenSize, Point, Stroke, Tool
    from icanvas_desktop.generation.sketch_input import hints_to_array

    strokes = [Stroke(Tool.CRAYON, PenSize.MEDIUM, (Point(0.2, y), Point(0.5, y + 0.1), Point(0.8, y)),
                      crayon) for y, crayon in ((0.3, Crayon.RED), (0.5, Crayon.GREEN), (0.7, Crayon.BLUE))]
    return hints_to_array(render_hints(Drawing(strokes), size), size)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--threads", type=int, default=max(1, (os.cpu_count() or 2) - 1))
    parser.add_argument("--quick", action="store_true", help="one theme, 2 runs: checks the script works")
    args = parser.parse_args()
    if args.quick:
        args.runs = 2

    from PIL import Image

    from icanvas_desktop.files.resources import bundled_models_dir
    from icanvas_desktop.generation import load_generator, sketch_to_array
    from icanvas_desktop.generation.clean_look import find_regions, paint_regions
    from icanvas_desktop.look import Look
    from icanvas_desktop.themes.discovery import discover_themes

    themes, _ = discover_themes([bundled_models_dir()])
    if args.quick:
        themes = themes[:1]
    cases = []
    for theme in themes:
        generator = load_generator(theme, "litert", num_threads=args.threads)
        for path in sorted((ROOT / "tests" / "data" / "drawings" / theme.id).glob("*.png")):
            sketch = Image.open(path).convert("L")
            sketch.load()
            cases.append((theme.id, generator, sketch, generator.generate(sketch, Look.PAINTED)))
    timers = {name: Timer() for name in ("regions", "paint", "paint, shade 0.5", "paint, crayons",
                                         "clean look alone", "path, painted", "path, clean")}
    # Each theme's generator apart too: generator v2 and today's differ in speed, not only in pictures.
    for theme in themes:
        decoder = theme.generator_config.full_settings().get("upsample", "")
        for look in ("painted", "clean"):
            timers[f"{theme.id} {decoder}, {look}"] = Timer()
    generator_decoder = {t.id: t.generator_config.full_settings().get("upsample", "") for t in themes}
    hints = {size: crayons(size) for size in {generator.input_size for _, generator, _, _ in cases}}
    load_before = os.getloadavg()[0]
    for _, generator, sketch, _ in cases:  # warm-up
        generator.generate(sketch, Look.CLEAN)
    for _ in range(args.runs):
        for theme_id, generator, sketch, picture in cases:
            array = sketch_to_array(sketch, generator.input_size)[..., 0]
            regions = timers["regions"](find_regions, array)
            timers["paint"](paint_regions, regions, picture)
            timers["paint, shade 0.5"](paint_regions, regions, picture, 0.5)
            timers["paint, crayons"](paint_regions, regions, picture, 0.0, hints[generator.input_size])
            timers["clean look alone"](clean_look, array, picture)
            decoder = generator_decoder[theme_id]
            timers[f"{theme_id} {decoder}, painted"](generator.generate, sketch, Look.PAINTED)
            timers[f"{theme_id} {decoder}, clean"](generator.generate, sketch, Look.CLEAN)
            timers["path, painted"].take_last(timers[f"{theme_id} {decoder}, painted"])
            timers["path, clean"].take_last(timers[f"{theme_id} {decoder}, clean"])
    print(f"{len(cases)} drawings × {args.runs} runs, {len(themes)} themes, 256x256, "
          f"LiteRT with {args.threads} thread(s), {os.cpu_count()} cores, "
          f"load average {load_before:.1f} before, {os.getloadavg()[0]:.1f} after")
    print(f"{'':<30} {'wall p50':>7} {'p95':>7} {'CPU p50':>9} {'p95':>9}  (ms)")
    for name, timer in timers.items():
        print(timer.row(name))


if __name__ == "__main__":
    main()
