"""How often each bundled theme's clean look gives a labelled doodle a colour a person accepts: with the
theme's own colours, coloured as the recogniser's sure guess, and coloured as the right thing (a child who
tapped the right "Is it a ...?" button).

    python scripts/recogniser/doodle_colours.py [--doodles tests/data/doodles] [THEME ...]

Needs generation/colour_families.py (the colour-sense work) and the doodles' labels.json.
"""

import argparse
import json
import sys
from pathlib import Path

import numpy as np
from PIL import Image

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
from icanvas_desktop.files.resources import bundled_models_dir
from icanvas_desktop.generation import load_generator
from icanvas_desktop.generation.clean_look import find_regions
from icanvas_desktop.generation.pipeline import GUESSED
from icanvas_desktop.generation.sketch_input import sketch_to_array
from icanvas_desktop.themes.discovery import discover_themes

RIGHT = "the right thing"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--doodles", type=Path, default=ROOT / "tests" / "data" / "doodles")
    parser.add_argument("themes", nargs="*")
    args = parser.parse_args()
    # The colour families come with the colour-sense work (a branch of its own until merged).
    from icanvas_desktop.generation.colour_families import main_family

    labels = json.loads((args.doodles / "labels.json").read_text("utf-8"))
    doodles = [(entry, Image.open(args.doodles / entry["file"]).convert("L")) for entry in labels]
    themes, _ = discover_themes([bundled_models_dir()])
    print("| theme | its own colours | the sure guess | the right thing |\n|---|---:|---:|---:|")
    for theme in themes:
        if args.themes and theme.id not in args.themes:
            continue
        generator = load_generator(theme, num_threads=1)
        shares = []
        for thing in (None, GUESSED, RIGHT):
            accepted = 0
            for entry, doodle in doodles:
                chosen = entry["class"] if thing == RIGHT else thing
                picture = generator.generate(doodle, "clean", thing=chosen)
                regions = find_regions(sketch_to_array(doodle, generator.input_size)[..., 0])
                accepted += main_family(regions, np.asarray(picture)) in entry["families"]
            shares.append(100 * accepted / len(doodles))
        print(f"| {theme.id} | " + " | ".join(f"{s:.0f} %" for s in shares) + " |", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
