"""What the crayon and watercolour looks add to the neat one at 256 px.

    python benchmarks/material_looks.py [--runs 20] [--size 256]

`paint_regions` in each look on every human line drawing in tests/data/drawings/, its regions found
once, with a picture that colours each region its own colour (the looks' cost does not depend on the
generator). p50 and p95 of the process's CPU time per call, and of the extra over the neat look.
"""

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))
from _timing import percentiles


def main() -> None:
    import numpy as np
    from PIL import Image

    from icanvas_desktop.generation.clean_look import find_regions, paint_regions
    from icanvas_desktop.generation.sketch_input import sketch_to_array
    from icanvas_desktop.look import Look

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--size", type=int, default=256)
    parser.add_argument("--quick", action="store_true", help="a few runs, to check the script works")
    args = parser.parse_args()
    if args.quick:
        args.runs = 2
    rng = np.random.default_rng(0)
    cases = []
    for path in sorted((ROOT / "tests/data/drawings").glob("*/*.png")):
        regions = find_regions(sketch_to_array(Image.open(path), args.size)[..., 0])
        colours = rng.integers(0, 256, (regions.count + 1, 3), dtype=np.uint8)
        cases.append((regions, Image.fromarray(colours[regions.labels], "RGB")))
    looks = (Look.CLEAN, Look.CRAYON, Look.WATERCOLOUR)
    times = {look: [] for look in looks}
    for _ in range(args.runs):
        for regions, picture in cases:
            for look in looks:
                start = time.process_time()
                paint_regions(regions, picture, look=look)
                times[look].append(time.process_time() - start)
    print(f"paint_regions at {args.size}², {len(cases)} drawings × {args.runs} runs, CPU ms per call")
    print(f"{'':14}{'p50':>8}{'p95':>8}{'extra p50':>11}{'extra p95':>11}")
    for look in looks:
        p50, p95 = percentiles(times[look])
        extra = percentiles([t - n for t, n in zip(times[look], times[Look.CLEAN])])
        print(f"{look.value:14}{p50:8.2f}{p95:8.2f}{extra[0]:11.2f}{extra[1]:11.2f}")


if __name__ == "__main__":
    main()
