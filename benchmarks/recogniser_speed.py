"""What knowing what was drawn costs: the recogniser, and the colour prior in the clean look.

    python benchmarks/recogniser_speed.py [--runs 20] [--threads 2] [--package resources/recogniser]

Every human line drawing in tests/data/drawings/ goes through `Recogniser.guess` (the sketch read at 256 px,
cropped to its ink, the network on LiteRT) and the network alone; then the colour prior for its first
guess on a flat picture (`colour_prior.apply_prior` over the clean look's regions). Wall-clock p50/p95 and
the process's CPU time p50/p95 in ms.
"""

import argparse
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))
from _timing import percentiles


def timed(work, wall: list, cpu: list):
    started, started_cpu = time.perf_counter(), time.process_time()
    result = work()
    cpu.append(time.process_time() - started_cpu)
    wall.append(time.perf_counter() - started)
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--package", type=Path, default=ROOT / "resources" / "recogniser")
    parser.add_argument("--quick", action="store_true", help="a few runs, to check the script works")
    args = parser.parse_args()
    if args.quick:
        args.runs = 2
    import numpy as np
    from PIL import Image

    from icanvas_desktop.generation.clean_look import find_regions
    from icanvas_desktop.generation.colour_prior import apply_prior
    from icanvas_desktop.generation.recognise import READ_SIZE, Recogniser, recogniser_input
    from icanvas_desktop.generation.sketch_input import sketch_to_array

    recogniser = Recogniser(args.package, num_threads=args.threads)
    drawings = [Image.open(p) for p in sorted((ROOT / "tests" / "data" / "drawings").glob("*/*.png"))]
    times = {name: ([], []) for name in ("guess (read, crop, network)", "network alone", "colour prior")}
    for _ in range(args.runs):
        for drawing in drawings:
            guesses = timed(lambda d=drawing: recogniser.guess(d), *times["guess (read, crop, network)"])
            crop = recogniser_input(sketch_to_array(drawing, READ_SIZE)[..., 0])
            timed(lambda c=crop: recogniser.probabilities_of_input(c), *times["network alone"])
            sketch = sketch_to_array(drawing, 256)[..., 0]
            regions = find_regions(sketch)
            colours = np.full((regions.count + 1, 3), 128, np.uint8)
            template = recogniser.template(guesses[0].thing) if guesses else None
            if template is not None:
                timed(lambda r=regions, c=colours, t=template: apply_prior(r, c, t), *times["colour prior"])
    print(f"{len(drawings)} drawings × {args.runs} runs, LiteRT with {args.threads} threads, "
          f"{os.cpu_count()} cores")
    print(f"{'':<30} {'p50 ms':>7} {'p95 ms':>7} {'cpu p50':>9} {'cpu p95':>9}")
    for name, (wall, cpu) in times.items():
        (w50, w95), (c50, c95) = percentiles(wall), percentiles(cpu)
        print(f"{name:<30} {w50:>7.2f} {w95:>7.2f} {c50:>9.2f} {c95:>9.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
