"""Measure a trained colourer and write it into the app as a data-only package.

    KERAS_BACKEND=tensorflow python scripts/colourer/export_colourer.py --model RUN/best.keras \\
        --sources ~/icanvas-work/openmoji-training-256/SOURCE.json [--sources PAIRS/SOURCE.json ...] \\
        [--out resources/colourer] [--dry-run]

Prints the colourer's own figures (evaluate_colourer.py: each region in the palette colour likeliest over
it) and writes them into the manifest with the training sets' sources and licenses. The class rebalancing
of the loss (trainer/colouring/train.py) made rare colours likelier than they are, which is what the
training needs; the exported network has that taken back (`--unbias`) in its last layer's bias.
"""

import argparse
import json
import os
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
sys.path.insert(0, str(Path(__file__).resolve().parent))
os.environ.setdefault("KERAS_BACKEND", "tensorflow")
from evaluate_colourer import measure

from icanvas_desktop.generation.colourer import PAINTED
from icanvas_desktop.trainer.colouring.package import write_package
from icanvas_desktop.trainer.colouring.train import as_input, colour_weights, load_set, load_training


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--model", type=Path, required=True)
    parser.add_argument("--sources", type=Path, action="append", required=True,
                        help="SOURCE.json of each set of pairs it learnt from")
    parser.add_argument("--data", type=Path, default=Path.home() / "icanvas-work" / "colourer" / "data",
                        help="its held-out arrays (heldout.npz), to check LiteRT against Keras")
    parser.add_argument("--out", type=Path, default=Path("resources/colourer"))
    parser.add_argument("--unbias", type=float, default=1.0,
                        help="take back this much of the loss's colour weights (1: all, 0: none)")
    parser.add_argument("--dry-run", action="store_true", help="measure only")
    args = parser.parse_args()
    import keras

    model = keras.models.load_model(args.model)
    if args.unbias:
        weights = colour_weights(load_training(args.data)[1])
        logits = model.get_layer("logits")
        kernel, bias = logits.get_weights()
        # Learnt with each colour's loss weighted by w, the network's odds for it are about w times the
        # colour's; dividing by w**unbias takes that back, as far as asked.
        logits.set_weights([kernel, bias - args.unbias * np.log(weights)])
    figures = measure(model)
    print(json.dumps(figures, indent=1))
    if args.dry_run:
        return 0
    sources = []
    for path in args.sources:
        source = json.loads(path.read_text("utf-8"))
        kept = ("source", "license", "license_url", "attribution", "sets")
        sources.append({key: source[key] for key in kept if key in source} | {"pairs": source.get("count")})
    check = as_input(load_set(args.data / "heldout.npz")[0][:8])[..., 0]
    write_package(args.out, model, PAINTED, figures, sources, check)
    print(f"written to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
