"""What closing gaps from loose ends adds to `find_regions` at 256 px.

    python benchmarks/gap_closing.py [--runs 20]

`find_regions` with and without `join_ends` on every human line drawing in tests/data/drawings/ and on the
gap test set (tests/gap_shapes.py), p50 and p95 of the process's CPU time per call, which on a machine shared
with other work is nearer to what an idle one takes than the wall clock.
"""

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]
sys.path.insert(0, str(Path(__file__).resolve().parent))
from _timing import percentiles

SIZE = 256


def main() -> None:
    from gap_shapes import GAPS, SHAPES, gap_shape
    from PIL import Image

    from icanvas_desktop.generation.clean_look import find_regions
    from icanvas_desktop.generation.sketch_input import sketch_to_array

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--quick", action="store_true", help="a few runs, to check the script works")
    args = parser.parse_args()
    if args.quick:
        args.runs = 2
    sets = {
        "human drawings": [Image.open(p) for p in sorted((ROOT / "tests/data/drawings").glob("*/*.png"))],
        "gap set": [gap_shape(s, g).sketch for s in SHAPES for g in GAPS],
    }
    print(f"find_regions at {SIZE}², CPU ms per call, {args.runs} runs each")
    print(f"{'':28}{'p50':>8}{'p95':>8}")
    for name, images in sets.items():
        arrays = [sketch_to_array(i, SIZE)[..., 0] for i in images]
        for join_ends in (False, True):
            times = []
            for _ in range(args.runs):
                for array in arrays:
                    start = time.process_time()
                    find_regions(array, join_ends=join_ends)
                    times.append(time.process_time() - start)
            p50, p95 = percentiles(times)
            label = f"{name} ({len(arrays)}), {'joining ends' if join_ends else 'balls only'}"
            print(f"{label:28}{p50:8.2f}{p95:8.2f}")


if __name__ == "__main__":
    main()
