"""Copy the colour pictures of some openclipart-png topic folders into one flat folder for
`icanvas-train prepare`.

Line art (black lines on white, no colour) is left out: as a training target it would teach the
generator to hand the sketch back. So are grey pictures (shaded but barely coloured): with them in the
mix the generator learns that grey is the safe average colour. The same picture filed under two topics
is copied once.

    python select_clipart.py /usr/share/openclipart/png pictures animals
    python select_clipart.py /usr/share/openclipart/png pictures 'transportation/*.png' transportation/boating
    python select_clipart.py /usr/share/openclipart/png pictures food --list-line-art

A topic is a folder searched with its subfolders, or a glob pattern under root.
"""

import argparse
import hashlib
import shutil
import sys
from pathlib import Path

import numpy as np
from PIL import Image

MAX_PIXELS = 40_000_000  # a few posters are 170 MP; they add nothing at 256 px and cost minutes to decode


def on_white(path: Path) -> np.ndarray:
    with Image.open(path) as img:
        img = img.convert("RGBA")
        img.thumbnail((128, 128))
        white = Image.new("RGBA", img.size, "white")
        white.alpha_composite(img)
        return np.asarray(white.convert("RGB"), dtype=np.float32) / 255


def looks_like_line_art(rgb: np.ndarray) -> bool:
    saturation = rgb.max(-1) - rgb.min(-1)
    grey = rgb.mean(-1)
    dark = (grey < 0.5).mean()
    mid = ((grey >= 0.5) & (grey < 0.95)).mean()
    return bool(saturation.max() < 0.15 and 0.01 < dark < 0.2 and mid < 0.1)


def colour_share(rgb: np.ndarray) -> float:
    """The share of the picture's non-white pixels that are clearly coloured."""
    saturation = rgb.max(-1) - rgb.min(-1)
    drawn = (rgb.min(-1) < 0.94) | (saturation > 0.12)
    return float(((saturation > 0.24) & drawn).sum() / max(1, drawn.sum()))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("root", type=Path, help="openclipart png folder (…/usr/share/openclipart/png)")
    parser.add_argument("out", type=Path, help="folder to copy the pictures into")
    parser.add_argument("topics", nargs="+",
                        help="topic folders or glob patterns under root, e.g. animals food/fruit")
    parser.add_argument("--exclude", type=Path,
                        help="folder of drawings kept for evaluation: same names are left out")
    parser.add_argument("--min-colour", type=float, default=0.15,
                        help="least share of coloured pixels in a picture's drawn part (default 0.15)")
    parser.add_argument("--list-line-art", action="store_true",
                        help="print the line art found, to pick drawings from")
    args = parser.parse_args()

    excluded = {p.name for p in args.exclude.glob("*.png")} if args.exclude else set()
    args.out.mkdir(parents=True, exist_ok=True)
    seen: set[str] = set()
    copied = line_art = grey = skipped = 0
    for topic in args.topics:
        paths = args.root.glob(topic) if "*" in topic else (args.root / topic).rglob("*.png")
        for path in sorted(paths):
            digest = hashlib.sha1(path.read_bytes()).hexdigest()
            if digest in seen or path.name in excluded:
                continue
            seen.add(digest)
            try:
                with Image.open(path) as img:
                    too_big = img.width * img.height > MAX_PIXELS
                if too_big:
                    skipped += 1
                    continue
                rgb = on_white(path)
                if looks_like_line_art(rgb):
                    line_art += 1
                    if args.list_line_art:
                        print(path)
                    continue
                if colour_share(rgb) < args.min_colour:
                    grey += 1
                    continue
            except (OSError, Image.DecompressionBombError) as err:
                print(f"skipping {path}: {err}", file=sys.stderr)
                skipped += 1
                continue
            shutil.copyfile(path, args.out / f"{digest[:8]}_{path.name}")
            copied += 1
    print(f"{copied} pictures copied to {args.out}; left out: {line_art} line drawings, "
          f"{grey} grey pictures, {skipped} unusable files", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
