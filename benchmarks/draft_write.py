"""How long keeping a draft takes, idle and under disk load, and so how much drawing a crash can lose.

    python benchmarks/draft_write.py [--writes 40] [--load-threads 2]

A draft with 60 strokes and a 512 px picture (larger than any theme makes) is written as the drawing
screen writes it (DraftFile.save: atomic, fsynced), first on an idle disk, then while other threads write
and fsync 4 MiB files without pause. A stroke is taken into the draft at most DRAFT_DELAY_MS after it
ends (ui/draft_keeper.py), on a thread of its own; the most a crash can lose is that delay plus one write.
Target: delay + the slowest write under load at most LOSS_BOUND_MS (2 s).

Measured on this project's 2-core machine (2026-12-07, other jobs running; a 1.5 MB draft): idle p50 86 ms,
max 248 ms; under disk load (2 threads fsyncing 4 MiB files) p50 139 ms, max 461 ms, so at most about
1.5 s of drawing lost, within the 2 s promise.
"""

import argparse
import os
import random
import statistics
import tempfile
import threading
import time
from pathlib import Path

from PIL import Image

from icanvas_desktop.drawing.draft import Draft, DraftFile, Picture
from icanvas_desktop.drawing.rasterize import png_bytes
from icanvas_desktop.drawing.strokes import Drawing, PenSize, Point, Stroke, Tool

DRAFT_DELAY_MS = 1000  # ui/draft_keeper.py (not imported: the benchmark runs without Qt)
LOSS_BOUND_MS = 2000


def big_draft() -> Draft:
    rng = random.Random(1)
    drawing = Drawing([Stroke(Tool.PEN, PenSize.MEDIUM, [Point(rng.random(), rng.random(), 1.0)
                                                           for _ in range(40)]) for _ in range(60)])
    noise = Image.frombytes("RGB", (512, 512), rng.randbytes(512 * 512 * 3))
    picture = Picture(drawing, png_bytes(noise.convert("L")), png_bytes(noise), "animals", "clean")
    return Draft(drawing, "animals", picture)


def timed_writes(drafts: DraftFile, draft: Draft, n: int) -> list[float]:
    times = []
    for _ in range(n):
        start = time.perf_counter()
        drafts.save(draft)
        times.append((time.perf_counter() - start) * 1000)
    return times


def disk_load(folder: Path, stop: threading.Event, k: int) -> None:
    block = os.urandom(4 << 20)
    while not stop.is_set():
        path = folder / f"load{k}.bin"
        with open(path, "wb") as f:
            f.write(block)
            f.flush()
            os.fsync(f.fileno())


def report(name: str, times: list[float]) -> float:
    times = sorted(times)
    p99 = times[min(len(times) - 1, int(len(times) * 0.99))]
    print(f"{name:>10}: p50 {statistics.median(times):6.1f} ms, p99 {p99:6.1f} ms, max {times[-1]:6.1f} ms; "
          f"worst loss {DRAFT_DELAY_MS + times[-1]:6.0f} ms (bound {LOSS_BOUND_MS} ms)")
    return times[-1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--writes", type=int, default=40)
    parser.add_argument("--load-threads", type=int, default=2)
    parser.add_argument("--quick", action="store_true", help="a few runs, to check the script works")
    args = parser.parse_args()
    if args.quick:
        args.writes = 3
    draft = big_draft()
    with tempfile.TemporaryDirectory() as tmp:
        drafts = DraftFile(Path(tmp) / "draft.json")
        timed_writes(drafts, draft, 2)  # warm up
        print(f"draft file: {drafts.path.stat().st_size / 1024:.0f} KiB")
        report("idle", timed_writes(drafts, draft, args.writes))
        stop = threading.Event()
        loaders = [threading.Thread(target=disk_load, args=(Path(tmp), stop, k), daemon=True)
                   for k in range(args.load_threads)]
        for t in loaders:
            t.start()
        try:
            worst = report("disk load", timed_writes(drafts, draft, args.writes))
        finally:
            stop.set()
            for t in loaders:
                t.join()
    print("within the promise" if DRAFT_DELAY_MS + worst <= LOSS_BOUND_MS else "BEYOND the promise")


if __name__ == "__main__":
    main()
