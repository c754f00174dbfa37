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

from icanvas_desktop.generation.colour_families import main_family
from icanvas_desktop.generation.colourer import INPUT_SIZE, PAINTED, PALETTE, region_votes
from icanvas_desktop.generation.recognise import ink_box, ink_crop
from icanvas_desktop.generation.sketch_input import sketch_to_array
from icanvas_desktop.trainer.evaluation.colour_sense import load_doodles, regions_of

SIZE = 256
HELD_OUT = Path.home() / "icanvas-work" / "openmoji-heldout-256"
DOODLES = (Path("tests/data/doodles"), Path("tests/data/doodles_second"))


def coloured(model, sketches: list[Image.Image], palette: np.ndarray = PAINTED,
             scale: np.ndarray | None = None) -> list[tuple]:
    """(regions, flat picture) of each sketch, each region in the palette colour the model finds likeliest."""
    arrays = [sketch_to_array(s, SIZE)[..., 0] for s in sketches]
    boxes = [ink_box(a) for a in arrays]
    crops = np.stack([ink_crop(a, INPUT_SIZE) for a in arrays])[..., None]
    means = model.predict(crops, verbose=0, batch_size=64)
    out = []
    if scale is not None:
        means = means * scale
        means /= means.sum(axis=-1, keepdims=True)
    for sketch, box, p in zip(sketches, boxes, means):
        regions = regions_of(sketch, SIZE)
        votes = region_votes(regions, p, box)
        picture = palette[votes.argmax(axis=1)][regions.labels]
        picture[regions.labels == 0] = 255
        out.append((regions, picture))
    return out


def measure(model, pairs: Path = HELD_OUT, doodles: tuple[Path, ...] = DOODLES, limit: int = 300,
            palette: np.ndarray = PAINTED, scale: np.ndarray | None = None) -> dict[str, float]:
    """The colourer's figures alone: main family as the artist's on held-out pairs, plausible on doodles."""
    figures = {}
    paths = sorted((pairs / "sketches").glob("*.png"))[:limit]
    if paths:
        sketches = [Image.open(p).convert("L") for p in paths]
        artists = [np.asarray(Image.open(pairs / "pictures" / p.name).convert("RGB")) for p in paths]
        agree = []
        for (regions, picture), artist in zip(coloured(model, sketches, palette, scale), artists):
            theirs = main_family(regions, artist)
            if theirs is not None:
                agree.append(main_family(regions, picture) == theirs)
        figures["held_out_colour_agreement"] = round(float(np.mean(agree)), 3)
        figures["held_out_pairs"] = len(agree)
    for folder in doodles:
        labelled = load_doodles(folder)
        results = coloured(model, [d.sketch for d in labelled], palette, scale)
        ok = [main_family(r, p) in d.families for (r, p), d in zip(results, labelled)]
        figures[f"{folder.name}_colour_plausible"] = round(float(np.mean(ok)), 3)
    return figures


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--model", type=Path, required=True)
    parser.add_argument("--pairs", type=Path, default=HELD_OUT)
    parser.add_argument("--doodles", type=Path, nargs="*", default=list(DOODLES))
    parser.add_argument("--limit", type=int, default=300)
    parser.add_argument("--artist-lime", action="store_true",
                        help="paint the artist's light green as it is, not as the app paints it")
    parser.add_argument("--unbias", type=float, default=0.0,
                        help="divide the probabilities by the loss's colour weights to this power")
    args = parser.parse_args()
    import keras

    model = keras.models.load_model(args.model)
    palette = PALETTE if args.artist_lime else PAINTED
    scale = None
    if args.unbias:
        from icanvas_desktop.trainer.colouring.train import colour_weights, load_training

        scale = colour_weights(load_training(Path.home() / "icanvas-work" / "colourer" / "data")[1])
        scale = scale ** -args.unbias
    print(measure(model, args.pairs, tuple(args.doodles), args.limit, palette, scale))
    return 0


if __name__ == "__main__":
    sys.exit(main())
