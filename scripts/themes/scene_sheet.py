"""Contact sheet of a theme on the labelled scenes (tests/data/scenes): each scene as drawn, coloured as one
drawing (as before scenes were read thing by thing) and as the app colours it now, each thing's guess under
it (red where the colour is not one a person accepts for it).

    python scripts/themes/scene_sheet.py --theme stickers --out docs/themes/scenes-stickers.png [--part first]
"""

import argparse
import os
import sys
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw, ImageFont

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from icanvas_desktop.generation import load_generator
from icanvas_desktop.generation.recognise import Recogniser
from icanvas_desktop.generation.sketch_input import sketch_to_array
from icanvas_desktop.look import Look
from icanvas_desktop.themes import load_theme
from icanvas_desktop.trainer.evaluation.colour_sense import load_scenes, scene_families

CELL = 192
COLUMNS = 4  # scenes a row, three cells each


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--theme", default="stickers")
    parser.add_argument("--scenes", type=Path, default=Path("tests/data/scenes"))
    parser.add_argument("--part", default="", help="only the scenes of this part (first, other hands)")
    parser.add_argument("--count", type=int, default=24)
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args()
    scenes = [s for s in load_scenes(args.scenes) if not args.part or s.part == args.part][: args.count]
    generator = load_generator(load_theme(Path("models") / args.theme), num_threads=2)
    font = ImageFont.load_default(size=13)
    rows = (len(scenes) + COLUMNS - 1) // COLUMNS
    sheet = Image.new("RGB", (COLUMNS * 3 * CELL, rows * (CELL + 50)), "white")
    draw = ImageDraw.Draw(sheet)
    scene_reading = Recogniser.scene
    for i, scene in enumerate(scenes):
        Recogniser.scene = lambda *_, **__: None
        before = generator.generate(scene.sketch, Look.CLEAN)
        Recogniser.scene = scene_reading
        after = generator.generate(scene.sketch, Look.CLEAN)
        array = sketch_to_array(scene.sketch, generator.input_size)[..., 0]
        guesses = generator.recogniser.scene(array, generator.recogniser.guess(array, 1))
        x, y = (i % COLUMNS) * 3 * CELL, (i // COLUMNS) * (CELL + 50)
        for j, image in enumerate((scene.sketch.convert("RGB"), before, after)):
            sheet.paste(image.resize((CELL, CELL)), (x + j * CELL, y))
        families = scene_families(scene, np.asarray(after))
        words = [f"{t.thing}: {'(one drawing)' if guesses is None else _guess_of(guesses, t.box)}"
                 for t in scene.things]
        for k, (text, family, thing) in enumerate(zip(words, families, scene.things)):
            colour = (30, 30, 30) if family in thing.families else (200, 30, 30)
            draw.text((x + CELL + 4, y + CELL + 2 + k * 15), text[:44], fill=colour, font=font)
        draw.line([(x, y), (x, y + CELL + 48)], fill=(200, 200, 200))
    sheet.quantize(256, dither=Image.Dither.NONE).save(args.out, optimize=True)
    print(f"{len(scenes)} scenes in {args.out}")
    return 0


def _guess_of(guesses, box) -> str:
    """The guess of the part whose box holds the middle of the labelled box (boxes: left, top, right, bottom
    on 256 px; parts': top, left, bottom, right)."""
    cx, cy = (box[0] + box[2]) / 2, (box[1] + box[3]) / 2
    for part, (guess, *_) in guesses:
        top, left, bottom, right = part.box
        if top <= cy < bottom and left <= cx < right:
            return f"{guess.thing} {guess.probability:.2f}"
    return "?"


if __name__ == "__main__":
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    sys.exit(main())
