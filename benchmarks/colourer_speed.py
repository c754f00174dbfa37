"""What the colourer costs: its network, and the region votes and colour rule of the clean look.

    python benchmarks/colourer_speed.py [--runs 20] [--threads 1] [--package resources/colourer]

Every human line drawing in tests/data/drawings/ is read at 256 px and cut into the clean look's regions;
then the colourer's network on LiteRT (one view, as the app runs it), the votes of each
region (`region_votes`) and the rule that changes a theme's colours (`apply_colourer`), timed apart and as
the app asks for them (`Colourer.votes` + `apply_colourer`). The app runs it on one thread, as the
recogniser, beside the generator's. Wall-clock p50/p95 in ms.
"""

import argparse
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))
from _timing import print_table, timed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--package", type=Path, default=ROOT / "resources" / "colourer")
    parser.add_argument("--quick", action="store_true", help="a few runs, to check the script works")
    args = parser.parse_args()
    if args.quick:
        args.runs = 2
    import numpy as np
    from PIL import Image

    from icanvas_desktop.generation.clean_look import find_regions
    from icanvas_desktop.generation.colourer import INPUT_SIZE, Colourer, apply_colourer, region_votes
    from icanvas_desktop.generation.recognise import ink_box, ink_crop
    from icanvas_desktop.generation.sketch_input import sketch_to_array

    colourer = Colourer(args.package, num_threads=args.threads)
    palette = colourer.palette
    drawings = [Image.open(p) for p in sorted((ROOT / "tests" / "data" / "drawings").glob("*/*.png"))]
    names = ("network", "region votes", "colour rule", "all, as the app asks")
    times = {name: [] for name in names}
    for _ in range(args.runs):
        for drawing in drawings:
            sketch = sketch_to_array(drawing, 256)[..., 0]
            regions = find_regions(sketch)
            theme = np.full((regions.count + 1, 3), 128, np.uint8)
            crop = ink_crop(sketch, INPUT_SIZE)
            grid = timed(lambda c=crop: colourer.probabilities_of_input(c), times[names[0]])
            votes = timed(lambda r=regions, g=grid, s=sketch: region_votes(r, g, ink_box(s)), times[names[1]])
            timed(lambda r=regions, t=theme, v=votes: apply_colourer(r, t, v, palette), times[names[2]])
            timed(lambda r=regions, t=theme, s=sketch:
                  apply_colourer(r, t, colourer.votes(r, colourer.read(s)), palette), times[names[3]])
    print(f"{len(drawings)} drawings × {args.runs} runs, LiteRT with {args.threads} threads, "
          f"{os.cpu_count()} cores")
    print_table(times)
    return 0


if __name__ == "__main__":
    sys.exit(main())
