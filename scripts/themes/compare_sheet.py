"""A contact sheet of several runs side by side on the same drawings, for the comparisons in docs/themes/.

    python scripts/themes/compare_sheet.py --drawings tests/data/drawings/garden --out sheet.png \
        [--look painted|clean|both] [--checkpoint last|best|FILE] [--size 256] RUN...

One row per drawing: the sketch, then each run's picture (painted, clean, or both in turn), every picture
through the app's own path at the run's size, shown at --size.
"""

import argparse
from pathlib import Path

from PIL import Image

from icanvas_desktop.generation import Generator
from icanvas_desktop.generation.runtime import KerasRuntime
from icanvas_desktop.look import Look
from icanvas_desktop.trainer.data.sheets import contact_sheet
from icanvas_desktop.trainer.packaging.export import choose_checkpoint
from icanvas_desktop.trainer.run import RunInfo


def generator_of(run: RunInfo, which: str) -> Generator:
    weights = choose_checkpoint(run, which)  # the one `export` would take
    return Generator(run.generator.image_size, KerasRuntime(run.generator, weights))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--drawings", type=Path, required=True)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--look", choices=["painted", "clean", "both"], default="painted")
    parser.add_argument("--checkpoint", default="last",
                        help="last, best or a checkpoint's file name in each run, e.g. epoch_0002.weights.h5")
    parser.add_argument("--size", type=int, default=256)
    parser.add_argument("runs", type=Path, nargs="+")
    args = parser.parse_args()

    looks = [Look.PAINTED, Look.CLEAN] if args.look == "both" else [Look(args.look)]
    runs = [RunInfo.open(r) for r in args.runs]
    generators = [generator_of(r, args.checkpoint) for r in runs]
    drawings = []
    for path in sorted(args.drawings.glob("*.png")):
        with Image.open(path) as image:
            drawings.append(image.convert("L"))
    rows = [[d] + [g.generate(d, look) for g in generators for look in looks] for d in drawings]
    labels = ["sketch"] + [f"{r.folder.name} {look}" if len(looks) > 1 else r.folder.name
                           for r in runs for look in looks]
    contact_sheet(rows, labels, cell=args.size).save(args.out)
    print(args.out)


if __name__ == "__main__":
    main()
