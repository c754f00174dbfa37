"""Draw the recogniser's training and held-out sets from the renders of render_things.py.

    python scripts/recogniser/draw_dataset.py --base ~/icanvas-work/recogniser/base \\
        --out ~/icanvas-work/recogniser/data --per-class 500 --shards 2

writes OUT/train-K.npz (each shard its own seed, so more shards add new drawings) and OUT/heldout.npz.
"""

import argparse
import json
import logging
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from icanvas_desktop.trainer.recognition.classes import CLASS_IDS, OTHER
from icanvas_desktop.trainer.recognition.dataset import draw_set, save_set, split_drawings

# "Other" holds many unlike drawings: it gets this many times a class's share.
OTHER_WEIGHT = 3
# People (render_things.people_of) are a tenth of the "other" renders, a few hundred of the other drawings:
# too few to learn that a person is none of the things. They get this many times a class's share besides.
PEOPLE_WEIGHT = 2


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--base", type=Path, required=True)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--per-class", type=int, default=500, help="drawings of each class per shard")
    parser.add_argument("--shards", type=int, default=1)
    parser.add_argument("--first-shard", type=int, default=0)
    parser.add_argument("--held-out-per-class", type=int, default=60)
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")
    args.out.mkdir(parents=True, exist_ok=True)
    training, held_out = split_drawings(args.base)
    people = set(json.loads((args.base / "SOURCE.json").read_text("utf-8")).get("people", []))
    other = CLASS_IDS.index(OTHER)
    if not (args.out / "heldout.npz").exists():
        images, labels = draw_set(held_out, args.held_out_per_class, seed=10_000)
        save_set(args.out / "heldout.npz", images, labels,
                 {"classes": CLASS_IDS, "renders": sorted({str(d.path.name) for d in held_out})})
    things = [d for d in training if d.label != other]
    others = [d for d in training if d.label == other]
    persons = [d for d in others if d.hexcode in people]
    for shard in range(args.first_shard, args.first_shard + args.shards):
        images, labels = draw_set(things, args.per_class, seed=shard)
        others_images, others_labels = draw_set(others, args.per_class * OTHER_WEIGHT, seed=1_000 + shard)
        parts = [(images, labels), (others_images, others_labels)]
        if persons:
            parts.append(draw_set(persons, args.per_class * PEOPLE_WEIGHT, seed=3_000 + shard))
        save_set(args.out / f"train-{shard}.npz", np.concatenate([p[0] for p in parts]),
                 np.concatenate([p[1] for p in parts]), {"classes": CLASS_IDS, "shard": shard})
        print(f"shard {shard}: {sum(len(p[1]) for p in parts)} drawings")
    return 0


if __name__ == "__main__":
    sys.exit(main())
