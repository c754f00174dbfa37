"""A contact sheet of what the recogniser learns from: for each thing, its first render and child-like
drawings of its renders as the training sets draw them (trainer/recognition/augment.py).

    python scripts/recogniser/training_sheet.py --base ~/icanvas-work/recogniser8/base \\
        --out docs/themes/recogniser-training.png [--things bear cat lion ...] [--per-thing 7] [--seed 0]
"""

import argparse
import sys
from pathlib import Path

import numpy as np
from PIL import Image

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from icanvas_desktop.trainer.data.sheets import contact_sheet
from icanvas_desktop.trainer.recognition.augment import childlike
from icanvas_desktop.trainer.recognition.classes import DRAWN_AS_FACES

THINGS = ("bear", "cat", "lion", "pig", "frog", "rabbit", "tree", "pumpkin")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--base", type=Path, required=True, help="renders of render_things.py (lines/THING)")
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--things", nargs="+", default=list(THINGS))
    parser.add_argument("--per-thing", type=int, default=7)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    rng = np.random.default_rng(args.seed)
    rows = []
    for thing in args.things:
        renders = sorted((args.base / "lines" / thing).glob("*.png"))
        if not renders:
            parser.error(f"{args.base / 'lines' / thing} has no renders: is --base a render_things.py base?")
        lines = [np.asarray(Image.open(p).convert("L"), np.float32) / 255.0 for p in renders]
        row = [Image.fromarray(np.round(lines[0] * 255).astype(np.uint8))]
        for index in range(args.per_thing):
            drawing = childlike(lines[index % len(lines)], rng, thing in DRAWN_AS_FACES)
            row.append(Image.fromarray(np.round((1 - drawing) * 255).astype(np.uint8)))
        rows.append(row)
    titles = ["render"] + [f"drawn {i + 1}" for i in range(args.per_thing)]
    contact_sheet(rows, titles, cell=96).convert("L").save(args.out, optimize=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
