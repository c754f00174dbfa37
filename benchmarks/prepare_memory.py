"""Peak memory of one `icanvas-train prepare` worker on the largest pictures it accepts.

Writes an 8192 px PNG, a 6000 px animated WebP, an 8000 px APNG and an 8192 px JPEG into a scratch
folder and prepares each alone in a fresh process with one worker, printing that process's peak resident
memory (Linux's VmHWM: ru_maxrss would carry over this process's own peak through fork and exec). The
trainer's WORKER_BYTES (1 GiB) must stay above every figure. On the development machine (2026-12):

    python + the trainer's imports alone: 79 MiB
    png            ( 82.4 MB file): peak   420 MiB
    jpeg           ( 26.4 MB file): peak   133 MiB
    webp-animated  ( 12.1 MB file): peak   657 MiB
    apng           (157.1 MB file): peak   483 MiB

Before pictures were decoded reduced, the same run gave 2723, 2667, 1765 and 2680 MiB.

    python benchmarks/prepare_memory.py
    python benchmarks/prepare_memory.py --quick   # 512 px pictures: checks the script works
"""

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

import numpy as np
from PIL import Image

SIDE = 8192
_PRINT_PEAK = "print(next(l.split()[1] for l in open('/proc/self/status') if l.startswith('VmHWM:')))\n"


def _pictures(folder: Path, side: int) -> dict[str, Path]:
    # Colour ramps with some noise: compresses like a photograph, not like a flat fill.
    ramp = np.linspace(0, 200, side).astype(np.uint8)
    noise = np.random.default_rng(0).integers(0, 48, (side, side), dtype=np.uint8)
    rgb = np.stack([ramp[None, :] + noise, ramp[:, None] + noise, np.full((side, side), 128, np.uint8)], -1)
    big = Image.fromarray(rgb, "RGB")
    webp, apng = side * 6000 // SIDE, side * 8000 // SIDE  # the largest WebP and APNG accepted, at full size
    files = {}
    for name, save in (
        ("png", lambda p: big.save(p, compress_level=1)),
        ("jpeg", lambda p: big.save(p, quality=90)),
        ("webp-animated", lambda p: big.crop((0, 0, webp, webp)).save(
            p, "WEBP", save_all=True, append_images=[big.crop((1, 1, webp + 1, webp + 1))], quality=60,
            method=0)),
        ("apng", lambda p: big.crop((0, 0, apng, apng)).save(
            p, "PNG", save_all=True, append_images=[big.crop((1, 1, apng + 1, apng + 1))], compress_level=1)),
    ):
        suffix = {"png": ".png", "jpeg": ".jpg", "webp-animated": ".webp", "apng": ".png"}[name]
        (folder / name).mkdir(parents=True)
        path = folder / name / f"big{suffix}"
        save(path)
        files[name] = path.parent
    return files


def _peak_mib(source: Path, out: Path) -> float:
    code = ("import sys\nfrom icanvas_desktop.trainer.data.prepare import PrepareOptions, prepare\n"
            "prepare(sys.argv[1], sys.argv[2], PrepareOptions(workers=1, variants=1), show_progress=False)\n"
            f"{_PRINT_PEAK}")
    done = subprocess.run([sys.executable, "-c", code, str(source), str(out)], capture_output=True, text=True,
                          check=True)
    return int(done.stdout.split()[-1]) / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="512 px pictures: checks the script works")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        root = Path(scratch)
        folders = _pictures(root / "pictures", 512 if args.quick else SIDE)
        baseline = _peak_mib_of_import()
        print(f"python + the trainer's imports alone: {baseline:.0f} MiB")
        for name, folder in folders.items():
            size = next(folder.iterdir()).stat().st_size / 2**20
            print(f"{name:14s} ({size:5.1f} MB file): peak {_peak_mib(folder, root / 'out' / name):5.0f} MiB")


def _peak_mib_of_import() -> float:
    code = f"import icanvas_desktop.trainer.data.prepare\n{_PRINT_PEAK}"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return int(done.stdout.split()[-1]) / 1024


if __name__ == "__main__":
    main()
