"""A contact sheet of what the recogniser makes of drawings, and of the clean look before and after.

    python scripts/recogniser/guess_sheet.py --drawings tests/data/doodles --theme stickers \\
        --out docs/themes/recogniser-stickers.png [--columns 8]

Each cell: the drawing with its top guess and probability (a label file's class, when the folder has a
labels.json, in brackets when the guess is wrong), the theme's clean look as it was, and the clean look
coloured as the guess (the same when the recogniser is not sure).
"""

import argparse
import json
import sys
from pathlib import Path

from PIL import Image, ImageDraw

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from icanvas_desktop.files.resources import bundled_models_dir
from icanvas_desktop.generation import load_generator
from icanvas_desktop.generation.pipeline import GUESSED
from icanvas_desktop.themes import load_theme

CELL = 96


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--drawings", type=Path, required=True)
    parser.add_argument("--theme", default="stickers")
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--columns", type=int, default=12)
    args = parser.parse_args()
    generator = load_generator(load_theme(bundled_models_dir() / args.theme), num_threads=1)
    labels_path = args.drawings / "labels.json"
    truth = {e["file"]: e["class"] for e in json.loads(labels_path.read_text("utf-8"))} \
        if labels_path.exists() else {}
    paths = sorted(args.drawings.glob("*.png"))
    rows = -(-len(paths) // args.columns)
    sheet = Image.new("RGB", (args.columns * CELL, rows * (3 * CELL + 14)), "white")
    draw = ImageDraw.Draw(sheet)
    for index, path in enumerate(paths):
        drawing = Image.open(path)
        guesses = generator.guesses(drawing)
        x, y = index % args.columns * CELL, index // args.columns * (3 * CELL + 14)
        sheet.paste(drawing.convert("RGB").resize((CELL, CELL)), (x, y))
        for row, thing in enumerate((None, GUESSED), start=1):
            picture = generator.generate(drawing, look="clean", thing=thing)
            sheet.paste(picture.resize((CELL, CELL)), (x, y + row * CELL))
        if guesses:
            wrong = truth.get(path.name) not in (None, guesses[0].thing)
            text = f"{guesses[0].thing} {guesses[0].probability:.2f}"
            text += f" ({truth[path.name]})" if wrong else ""
            draw.text((x + 2, y + 3 * CELL), text, fill=(200, 0, 0) if wrong else (0, 0, 0))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    sheet.save(args.out, optimize=True)
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
