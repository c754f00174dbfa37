"""What "Is it a ...?" and the dice cost on the generation thread, per picture.

    python benchmarks/colour_choice.py [--theme stickers] [--runs 3] [--threads N]
    python benchmarks/colour_choice.py --quick   # 4 doodles, 1 run: checks the script works

Each doodle in tests/data/doodles/ goes through what the worker does for one picture in the clean look:
the picture coloured as the recogniser's confident guess (the usual colouring) alone, the guesses offered
alone (`Generator.offers`), both from one run of the recogniser as the worker asks for them
(`Generator.generate_offering`); then the picture coloured as a thing the child chose, rolled by the dice
(seed 3); and the dice's choice of colours alone (`colourings.another_colouring`). Wall-clock p50/p95 in ms.
The worker's path is timed once more, interleaved, with the regions, the recogniser and the colourer found
on the calling thread after the generator instead of on the pipeline's helper thread beside it: what that
thread saves. Last, the worker's path on the labelled scenes (tests/data/scenes: two or three things a
sheet, each recognised and coloured apart).
"""

import argparse
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))
from _timing import print_table, timed

from icanvas_desktop.generation.pipeline import INFERENCE_THREADS


class Inline:
    """An executor that does the work when it is handed it, on the caller's thread."""

    def submit(self, work, *args):
        from concurrent.futures import Future

        done = Future()
        done.set_result(work(*args))
        return done


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--theme", default="stickers")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--threads", type=int, default=INFERENCE_THREADS,
                        help="the generator's LiteRT threads (the app's: all cores but one)")
    parser.add_argument("--quick", action="store_true", help="4 doodles, 1 run: checks the script works")
    args = parser.parse_args()
    import numpy as np
    from PIL import Image

    from icanvas_desktop.files.resources import bundled_models_dir
    from icanvas_desktop.generation import load_generator, pipeline
    from icanvas_desktop.generation.colourings import another_colouring
    from icanvas_desktop.themes import load_theme

    generator = load_generator(load_theme(bundled_models_dir() / args.theme), num_threads=args.threads)
    paths = sorted((ROOT / "tests" / "data" / "doodles").glob("*.png"))
    if args.quick:
        paths, args.runs = paths[:4], 1
    doodles = [Image.open(p).convert("L").resize((generator.input_size,) * 2) for p in paths]
    scene_paths = sorted((ROOT / "tests" / "data" / "scenes").glob("*.png"))[: 4 if args.quick else None]
    scenes = [Image.open(p).convert("L").resize((generator.input_size,) * 2) for p in scene_paths]
    generator.generate(doodles[0], "clean")  # the first picture includes one-off set-up
    names = ("picture (usual colouring)", "offers alone (Is it a ...?)", "worker path: picture + offers",
             "picture, thing chosen + dice", "dice's colours alone", "worker path, no helper thread",
             "worker path, a scene of 2-3 things")
    beside = pipeline._BESIDE_GENERATOR
    times = {name: [] for name in names}
    colours = np.random.default_rng(0).integers(0, 256, (40, 3)).astype(np.uint8)
    for run in range(args.runs):
        for sketch in doodles:
            timed(lambda s=sketch: generator.generate(s, "clean"), times[names[0]])
            timed(lambda s=sketch: generator.offers(s), times[names[1]])
            (_, offered, _) = timed(lambda s=sketch: generator.generate_offering(s, "clean"), times[names[2]])
            thing = offered[0] if offered else None
            timed(lambda s=sketch, t=thing: generator.generate(s, "clean", thing=t, colouring=3),
                  times[names[3]])
            timed(lambda r=run: another_colouring(colours, r + 1), times[names[4]])
            pipeline._BESIDE_GENERATOR = Inline()
            try:
                timed(lambda s=sketch: generator.generate_offering(s, "clean"), times[names[5]])
            finally:
                pipeline._BESIDE_GENERATOR = beside
        for sketch in scenes:
            timed(lambda s=sketch: generator.generate_offering(s, "clean"), times[names[6]])
    print(f"{len(doodles)} doodles and {len(scenes)} scenes × {args.runs} runs, theme {args.theme}, "
          f"LiteRT with {args.threads} threads, {os.cpu_count()} cores")
    print_table(times)
    return 0


if __name__ == "__main__":
    sys.exit(main())
