"""Artist pairs (sketches/, pictures/ as render_openmoji.py writes them) → the colourer's training arrays.

    python scripts/colourer/prepare_colourer_data.py --pairs ~/icanvas-work/openmoji-training-256 \\
        --out ~/icanvas-work/colourer/data/train.npz [--versions 4] [--seed 0] [--max-distance 40]

For each pair: the sketch as it is and `--versions - 1` times drawn again in a child's hand (wobble, breaks,
another pen: trainer/data/handdrawn.py), each cropped to its ink at the colourer's INPUT_SIZE as the app
crops it; and the target, each cell of the OUTPUT_SIZE grid over the same crop given the PALETTE colour of
the artist's picture there, or 255 (nothing to learn) on a line, on the paper around the drawing, or on a
colour further than --max-distance from the palette (OpenMoji's own colours are within 40 of it; another
artist's, e.g. render_emoji_pairs.py's, need about 90, or most of their drawings teach nothing).
"""

import argparse
import sys
from pathlib import Path

import numpy as np
from PIL import Image
from tqdm import tqdm

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from icanvas_desktop.generation.clean_look import find_regions
from icanvas_desktop.generation.colourer import (
    INPUT_SIZE,
    MAX_PALETTE_DISTANCE,
    OUTPUT_SIZE,
    crop_coordinates,
    nearest_palette,
)
from icanvas_desktop.generation.recognise import ink_box, ink_crop
from icanvas_desktop.trainer.data.handdrawn import augment_given_sketch

IGNORE = 255
STRENGTH = (0.5, 1.5)


def palette_pixels(sketch: np.ndarray, picture: np.ndarray, max_distance: float = MAX_PALETTE_DISTANCE
                   ) -> tuple[tuple[np.ndarray, np.ndarray, np.ndarray], int]:
    """Where the picture teaches a colour (inside the sketch's regions, away from lines, within
    `max_distance` of a PALETTE colour): rows, columns and the PALETTE index there; and how many pixels are
    inside the regions, away from lines, at all."""
    regions = find_regions(sketch)
    index, distance = nearest_palette(picture)
    inside = regions.sample & (regions.labels > 0)
    ys, xs = np.nonzero(inside & (distance <= max_distance))
    return (ys, xs, index[ys, xs]), int(inside.sum())


def target(pixels: tuple[np.ndarray, np.ndarray, np.ndarray], box) -> np.ndarray:
    """(OUTPUT_SIZE, OUTPUT_SIZE) uint8: the PALETTE index covering most of each cell of the crop of `box`,
    IGNORE where there is nothing to learn."""
    ys, xs, index = pixels
    rows, columns = crop_coordinates(ys, xs, box)
    counts = np.zeros((OUTPUT_SIZE * OUTPUT_SIZE, 256), np.int32)
    np.add.at(counts, (rows * OUTPUT_SIZE + columns, index), 1)
    out = counts.argmax(axis=1).astype(np.uint8)
    out[counts.sum(axis=1) == 0] = IGNORE
    return out.reshape(OUTPUT_SIZE, OUTPUT_SIZE)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pairs", type=Path, required=True)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--versions", type=int, default=4)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--max-distance", type=float, default=MAX_PALETTE_DISTANCE,
                        help="RGB distance to the palette beyond which a pixel teaches nothing "
                             f"(default {MAX_PALETTE_DISTANCE:g}: OpenMoji's; about 90 for other artists)")
    args = parser.parse_args()
    rng = np.random.default_rng(args.seed)
    inputs, targets, names = [], [], []
    kept = inside = 0
    for path in tqdm(sorted((args.pairs / "sketches").glob("*.png")), desc="pairs", unit="pair"):
        with Image.open(path) as s, Image.open(args.pairs / "pictures" / path.name) as p:
            sketch = np.asarray(s.convert("L"), np.float32) / 255.0
            picture = np.asarray(p.convert("RGB"))
        if ink_box(sketch) is None:
            continue
        pixels, inside_here = palette_pixels(sketch, picture, args.max_distance)
        kept, inside = kept + len(pixels[0]), inside + inside_here
        for version in range(args.versions):
            drawn = sketch if version == 0 else augment_given_sketch(sketch, rng, rng.uniform(*STRENGTH))
            box = ink_box(drawn)
            if box is None:
                continue
            # The target is the clean drawing's: a redrawn line moves by a few pixels, a cell of the grid
            # is five; the crop of the redrawn one is a little off it, as a child's would be.
            inputs.append(np.round(ink_crop(drawn, INPUT_SIZE) * 255).astype(np.uint8))
            targets.append(target(pixels, box))
            names.append(path.stem)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(args.out, inputs=np.stack(inputs), targets=np.stack(targets), names=np.array(names))
    print(f"{len(inputs)} drawings of {len(set(names))} pairs in {args.out}; {kept / max(inside, 1):.1%} of "
          f"the pixels inside the shapes are within {args.max_distance:g} of the palette and teach")
    return 0


if __name__ == "__main__":
    sys.exit(main())
