"""A theme before and after retraining, on the same drawings, in both looks and with crayons.

    python scripts/themes/before_after.py --old OLD_THEME --new NEW_THEME --drawings DIR --out sheet.png

Columns: the sketch; old and new painted; old and new clean; then the new theme with a crayon dab in each
drawing's largest shape (a different crayon per drawing), painted and clean. Every picture comes through
the app's path (`load_generator`, `Generator.generate`); the sheet is saved with 256 colours.
"""

import argparse
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw

from icanvas_desktop.drawing.strokes import CRAYON_COLOURS
from icanvas_desktop.generation import load_generator, sketch_to_array
from icanvas_desktop.generation.clean_look import find_regions
from icanvas_desktop.look import Look
from icanvas_desktop.themes import load_theme
from icanvas_desktop.trainer.data.sheets import contact_sheet

SIZE = 256
DAB = 0.05  # a crayon stroke's width in the app, as a fraction of the sheet


def crayon_dab(sketch: Image.Image, colour: tuple[int, int, int]) -> Image.Image:
    """An RGBA hint layer with one short crayon stroke in the middle of the sketch's largest shape."""
    regions = find_regions(sketch_to_array(sketch, SIZE)[..., 0])
    labels = np.where(regions.at_edge[regions.labels], 0, regions.labels)
    counts = np.bincount(labels.ravel(), minlength=2)
    counts[0] = 0
    ys, xs = np.nonzero(labels == counts.argmax())
    layer = Image.new("RGBA", (SIZE, SIZE), (0, 0, 0, 0))
    if len(ys):
        y, x = int(np.median(ys)), int(np.median(xs))
        if labels[y, x] != counts.argmax():  # a ring-shaped region: its median pixel may lie outside it
            y, x = int(ys[len(ys) // 2]), int(xs[len(xs) // 2])
        r, half = DAB * SIZE / 2, DAB * SIZE
        ImageDraw.Draw(layer).line([(x - half, y), (x + half, y)], fill=(*colour, 255), width=int(2 * r))
    return layer


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--old", type=Path, required=True)
    parser.add_argument("--new", type=Path, required=True)
    parser.add_argument("--drawings", type=Path, required=True)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--cell", type=int, default=192)
    args = parser.parse_args()

    old, new = (load_generator(load_theme(folder)) for folder in (args.old, args.new))
    colours = list(CRAYON_COLOURS.values())
    rows = []
    for i, path in enumerate(sorted(args.drawings.glob("*.png"))):
        with Image.open(path) as image:
            sketch = image.convert("L")
        hints = crayon_dab(sketch, colours[i % len(colours)])
        rows.append([sketch, old.generate(sketch, Look.PAINTED), new.generate(sketch, Look.PAINTED),
                     old.generate(sketch, Look.CLEAN), new.generate(sketch, Look.CLEAN),
                     new.generate(sketch, Look.PAINTED, hints), new.generate(sketch, Look.CLEAN, hints)])
    titles = ["sketch", "old painted", "new painted", "old clean", "new clean", "new + crayon",
              "clean + crayon"]
    sheet = contact_sheet(rows, titles, cell=args.cell)
    sheet.quantize(256, dither=Image.Dither.NONE).save(args.out, optimize=True)
    print(args.out)


if __name__ == "__main__":
    main()
