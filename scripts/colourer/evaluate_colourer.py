"""The colourer alone, before it joins the themes: its colours' sense on held-out pairs and labelled doodles.

    python scripts/colourer/evaluate_colourer.py --model RUN/best.keras \\
        [--pairs ~/icanvas-work/openmoji-heldout-256] [--doodles tests/data/doodles tests/data/doodles_second]

Each region takes the palette colour likeliest over it (generation/colourer.py); the figures are colour
sense's (trainer/evaluation/colour_sense.py): main colour family as the artist's, and plausible on doodles.
"""

import argparse
import sys
from pathlib import Path

import numpy as np
from PIL import Image

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from icanvas_desktop.generation.colour_families import main_family  # noqa: E402
from icanvas_desktop.generation.colourer import INPUT_SIZE, PALETTE, region_votes  # noqa: E402
from icanvas_desktop.generation.recognise import ink_box, ink_crop  # noqa: E402
from icanvas_desktop.generation.sketch_input import sketch_to_array  # noqa: E402
from icanvas_desktop.trainer.evaluation.colour_sense import load_doodles, regions_of  # noqa: E402

SIZE = 256


def coloured(model, sketches: list[Image.Image]) -> list[tuple]:
    """(regions, flat picture) of each sketch, coloured by the model (mean of it and its mirror image)."""
    arrays = [sketch_to_array(s, SIZE)[..., 0] for s in sketches]
    boxes = [ink_box(a) for a in arrays]
    crops = np.stack([ink_crop(a, INPUT_SIZE) for a in arrays])[..., None]
    plain = model.predict(crops, verbose=0, batch_size=64)
    mirrored = model.predict(np.ascontiguousarray(crops[:, :, ::-1]), verbose=0, batch_size=64)[:, :, ::-1]
    out = []
    for sketch, box, p in zip(sketches, boxes, (plain + mirrored) / 2):
        regions = regions_of(sketch, SIZE)
        votes = region_votes(regions, p, box)
        picture = PALETTE[votes.argmax(axis=1)][regions.labels]
        picture[regions.labels == 0] = 255
        out.append((regions, picture))
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--model", type=Path, required=True)
    parser.add_argument("--pairs", type=Path, default=Path.home() / "icanvas-work" / "openmoji-heldout-256")
    parser.add_argument("--doodles", type=Path, nargs="*",
                        default=[Path("tests/data/doodles"), Path("tests/data/doodles_second")])
    parser.add_argument("--limit", type=int, default=300)
    args = parser.parse_args()
    import keras

    model = keras.models.load_model(args.model)
    paths = sorted((args.pairs / "sketches").glob("*.png"))[: args.limit]
    sketches = [Image.open(p).convert("L") for p in paths]
    artists = [np.asarray(Image.open(args.pairs / "pictures" / p.name).convert("RGB")) for p in paths]
    agree = []
    for (regions, picture), artist in zip(coloured(model, sketches), artists):
        theirs = main_family(regions, artist)
        if theirs is not None:
            agree.append(main_family(regions, picture) == theirs)
    print(f"held-out pairs: main family as the artist's {np.mean(agree):.1%} of {len(agree)}")
    for folder in args.doodles:
        doodles = load_doodles(folder)
        results = coloured(model, [d.sketch for d in doodles])
        ok = [main_family(r, p) in d.families for (r, p), d in zip(results, doodles)]
        print(f"{folder}: plausible {np.mean(ok):.1%} of {len(ok)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
