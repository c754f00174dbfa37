"""A contact sheet of the dice: each doodle, its usual clean-look picture and three other colourings.

    python scripts/recogniser/dice_sheet.py --theme stickers --out docs/themes/dice-stickers.png \\
        [--doodles apple_1 banana_1 ...] [--seeds 1 2 3]

Each row: the doodle with the recogniser's top guess, the usual colouring (seed 0, coloured as the guess
when the recogniser is sure) and the colourings the dice gives for each seed, as the app makes them.
"""

import argparse
import sys
from pathlib import Path

from PIL import Image, ImageDraw

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
from icanvas_desktop.files.resources import bundled_models_dir
from icanvas_desktop.generation import load_generator
from icanvas_desktop.themes import load_theme

CELL = 128
DOODLES = ("apple_1", "banana_1", "carrot_2", "cloud_2", "elephant_3", "fire_truck_2", "sun_1", "tree_1")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--theme", default="stickers")
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--doodles", nargs="+", default=list(DOODLES))
    parser.add_argument("--seeds", nargs="+", type=int, default=[1, 2, 3])
    args = parser.parse_args()
    generator = load_generator(load_theme(bundled_models_dir() / args.theme), num_threads=1)
    columns = 2 + len(args.seeds)
    sheet = Image.new("RGB", (columns * CELL, len(args.doodles) * (CELL + 14) + 14), "white")
    draw = ImageDraw.Draw(sheet)
    for column, title in enumerate(["doodle", "usual (0)", *(f"dice {s}" for s in args.seeds)]):
        draw.text((column * CELL + 4, 1), title, fill=(0, 0, 0))
    for row, name in enumerate(args.doodles):
        y = 14 + row * (CELL + 14)
        with Image.open(ROOT / "tests" / "data" / "doodles" / f"{name}.png") as image:
            drawing = image.convert("L")
        sheet.paste(drawing.convert("RGB").resize((CELL, CELL)), (0, y))
        guesses = generator.guesses(drawing, 1)
        label = f"{name}: {guesses[0].thing} {guesses[0].probability:.2f}" if guesses else name
        draw.text((4, y + CELL), label, fill=(0, 0, 0))
        for column, seed in enumerate([0, *args.seeds], start=1):
            picture = generator.generate(drawing, look="clean", colouring=seed)
            sheet.paste(picture.resize((CELL, CELL)), (column * CELL, y))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    sheet.save(args.out, optimize=True)
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
