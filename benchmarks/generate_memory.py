"""Peak memory of `icanvas generate` on the largest drawings it accepts, and on one it refuses.

Writes, into a scratch folder, an 8-bit RGB PNG just under MAX_PIXELS, an RGBA and a 16-bit grey PNG just
under MAX_WIDE_PIXELS, and a 13000 × 13000 PNG (a 0.5 MB file); makes each one's picture alone in a fresh
process, levelled and --as-is, and prints that process's peak resident memory (VmHWM). Every figure must
stay under 1 GiB. On the development machine (2026-12, emoji theme, LiteRT):

    rgb      8600 × 5800: levelled  512 MiB, as-is  630 MiB
    rgba     6500 × 4900: levelled  691 MiB, as-is  722 MiB
    grey16   6500 × 4900: levelled  692 MiB, as-is  692 MiB
    13000 × 13000 (refused before decoding): 87 MiB
    with --size 4096 (the paper levelled and the picture drawn at 4096 px): rgb 553 MiB, rgba 691 MiB

Before the bound, an RGBA picture of 8000 × 6000 peaked at 1045 MiB, and 13000 × 13000 RGB at 1.57 GB.

    python benchmarks/generate_memory.py
    python benchmarks/generate_memory.py --quick   # small drawings, levelled only: checks it works
"""

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

import numpy as np
from PIL import Image

_RUN = """
import sys
from icanvas_desktop.commands.generate import run_generate
run_generate(["--theme", "emoji", "--out", sys.argv[2], sys.argv[1], *sys.argv[3:]])
print(next(l.split()[1] for l in open('/proc/self/status') if l.startswith('VmHWM:')))
"""


def _peak_mib(path: Path, out: Path, *extra: str) -> float:
    done = subprocess.run([sys.executable, "-c", _RUN, str(path), str(out), *extra],
                          capture_output=True, text=True, check=True)
    return int(done.stdout.split()[-1]) / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true",
                        help="one small drawing, levelled only: checks the script works")
    quick = parser.parse_args().quick
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        drawings = {
            "rgb": Image.new("RGB", (8600, 5800), (200, 200, 200)),
            "rgba": Image.new("RGBA", (6500, 4900), (200, 200, 200, 255)),
            "grey16": Image.fromarray(np.full((4900, 6500), 50000, np.uint16)),
            "refused": Image.new("1", (13000, 13000), 1),
        }
        if quick:
            drawings = {"rgb": Image.new("RGB", (600, 400), (200, 200, 200))}
        for name, image in drawings.items():
            path = folder / f"{name}.png"
            image.save(path)
            levelled = _peak_mib(path, folder / "out")
            if quick:
                print(f"{name:8} {image.width} × {image.height}: levelled {levelled:5.0f} MiB")
                continue
            as_is = _peak_mib(path, folder / "out", "--as-is")
            big = _peak_mib(path, folder / "out", "--size", "4096")
            print(f"{name:8} {image.width} × {image.height}: levelled {levelled:5.0f} MiB, "
                  f"as-is {as_is:5.0f} MiB, --size 4096 {big:5.0f} MiB")


if __name__ == "__main__":
    main()
