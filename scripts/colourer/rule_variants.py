"""Colour sense and look figures of every bundled theme with a trained colourer under variants of its rule:
how docs/themes/colourer.md chose the epoch and the shares it ships.

    KERAS_BACKEND=tensorflow python scripts/colourer/rule_variants.py --model RUN/epoch-11.keras \\
        --variants '[[0.5, 0.25, 0.2], [0.5, 0.5, 0.0]]' [--themes stickers,toys] [--model none]

A variant is [keep share, grey keep share, least share of the inside] (generation/colourer.py: KEEP_SHARE,
GREY_KEEP_SHARE, MIN_SHARE), each measured with the recogniser's guesses taken above each of --thresholds;
`--model none` measures the themes without a colourer. The third, fourth and fifth hands
(tests/data/doodles_third, doodles_fourth, doodles_fifth) are measured where they are there, each in things
the recogniser knows and things it does not. For each theme and variant: the labelled doodles and the
second hand's plausible, the held-out pairs' agreement with the artist (scripts/themes/colour_sense.py's
figures), and the look figures on tests/data/drawings/ that
tests/test_bundled_themes.py holds. The Keras model is read as the export writes it (its colour weighting
taken back, one view), so the figures are LiteRT's within a point; the generators' pictures are cached in
--cache, so a second model or variant costs only the colourer.
"""

import argparse
import hashlib
import itertools
import json
import os
import sys
from pathlib import Path

import numpy as np
from PIL import Image

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts" / "themes"))
os.environ.setdefault("KERAS_BACKEND", "tensorflow")
from colour_sense import clean_pictures, load_pairs
from colour_sense import halves as halves_of

import icanvas_desktop.generation.colourer as colourer_module
from icanvas_desktop.generation import load_generator
from icanvas_desktop.generation.colourer import INPUT_SIZE, PAINTED, Reading, region_votes
from icanvas_desktop.generation.recognise import ink_box, ink_crop
from icanvas_desktop.generation.sketch_input import sketch_to_array
from icanvas_desktop.themes import load_theme
from icanvas_desktop.trainer.evaluation.colour_sense import artist_figures, doodle_figures, load_doodles
from icanvas_desktop.trainer.evaluation.evaluate import look_figures

WORK = Path.home() / "icanvas-work"


class CachedRuntime:
    """A theme's runtime whose pictures are kept on disk by their input."""

    def __init__(self, runtime, path: Path):
        self.runtime, self.path = runtime, path
        self.input_channels = getattr(runtime, "input_channels", 1)
        self.store = dict(np.load(path)) if path.exists() else {}
        self.added = False

    def __call__(self, inputs: np.ndarray) -> np.ndarray:
        out = []
        for one in inputs:
            key = hashlib.sha1(one.tobytes()).hexdigest()
            if key not in self.store:
                self.store[key], self.added = self.runtime(one[None])[0].astype(np.float16), True
            out.append(self.store[key].astype(np.float32))
        return np.stack(out)

    def save(self) -> None:
        if self.added:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            np.savez(self.path, **self.store)


class KerasColourer:
    """The app's Colourer, from a Keras model's probabilities for known sketches, worked out in one batch."""

    palette = PAINTED

    def __init__(self, model, sketches: list[Image.Image], weights: np.ndarray):
        arrays = [sketch_to_array(s, 256)[..., 0] for s in sketches]
        crops = np.stack([ink_crop(a, INPUT_SIZE) for a in arrays])[..., None]
        grids = model.predict(crops, verbose=0, batch_size=64) / weights
        grids /= grids.sum(axis=-1, keepdims=True)
        self.grids = {hashlib.sha1(np.ascontiguousarray(a).tobytes()).hexdigest(): g
                      for a, g in zip(arrays, grids)}

    def read(self, sketch: np.ndarray) -> Reading | None:
        box = ink_box(sketch)
        key = hashlib.sha1(np.ascontiguousarray(sketch, np.float32).tobytes()).hexdigest()
        return None if box is None else Reading(self.grids[key], box)

    def votes(self, regions, reading: Reading | None):
        return None if reading is None else region_votes(regions, reading.probabilities, reading.box)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--model", required=True, help="a run's .keras model, or none")
    parser.add_argument("--variants", default="[[0.5, 0.25, 0.2]]")
    parser.add_argument("--themes", default="", help="comma-separated theme ids (all)")
    parser.add_argument("--thresholds", default="",
                        help="comma-separated thresholds the recogniser's guess is taken above (its own)")
    parser.add_argument("--data", type=Path, default=WORK / "colourer" / "data", help="its training sets")
    parser.add_argument("--pairs", type=Path, default=WORK / "openmoji-heldout-256")
    parser.add_argument("--cache", type=Path, default=WORK / "colourer" / "pictures-cache")
    args = parser.parse_args()
    doodles = load_doodles(ROOT / "tests" / "data" / "doodles")
    second = load_doodles(ROOT / "tests" / "data" / "doodles_second")
    # The third, fourth and fifth hands, each in things the recogniser knows and things it does not.
    halves = {f"{hand} hand, {kind}": half for hand in ("third", "fourth", "fifth") for kind, half in
              zip(("known", "unknown"), halves_of(ROOT / "tests" / "data" / f"doodles_{hand}"))}
    other_hands = [d for half in halves.values() for d in half]
    pairs = load_pairs(args.pairs, 300)
    folders = sorted(p.parent for p in (ROOT / "models").glob("*/manifest.json"))
    wanted = {t for t in args.themes.split(",") if t}
    drawings = {f.name: [Image.open(p).copy() for p in sorted((ROOT / "tests" / "data" / "drawings" / f.name)
                                                                 .glob("*.png"))]
                for f in folders}
    colourer = None
    if args.model != "none":
        import keras

        from icanvas_desktop.trainer.colouring.train import colour_weights, load_training

        every = ([d.sketch for d in doodles + second + other_hands] + pairs[0]
                 + [d for ds in drawings.values() for d in ds])
        colourer = KerasColourer(keras.models.load_model(args.model), every,
                                 colour_weights(load_training(args.data)[1]))
    for folder in folders:
        if wanted and folder.name not in wanted:
            continue
        generator = load_generator(load_theme(folder), num_threads=2)
        generator.runtime = CachedRuntime(generator.runtime, args.cache / f"{folder.name}.npz")
        generator.colourer = colourer
        thresholds = [float(t) for t in args.thresholds.split(",") if t] or [generator.recogniser.threshold]
        for (keep, grey_keep, least), threshold in itertools.product(
                json.loads(args.variants) if colourer else [[None] * 3], thresholds):
            if colourer:
                colourer_module.KEEP_SHARE, colourer_module.GREY_KEEP_SHARE = keep, grey_keep
                colourer_module.MIN_SHARE = least
            generator.recogniser.threshold = threshold
            first = doodle_figures(doodles, clean_pictures(generator, [d.sketch for d in doodles]))
            other = doodle_figures(second, clean_pictures(generator, [d.sketch for d in second]))
            by_half = {name: doodle_figures(half, clean_pictures(generator, [d.sketch for d in half]))
                       for name, half in halves.items() if half}
            artist = artist_figures(pairs[0], clean_pictures(generator, pairs[0]), pairs[1])
            look = look_figures(generator, drawings[folder.name])
            print(f"{folder.name:9} {keep} {grey_keep} {least} sure>{threshold}: doodles "
                  f"{first['colour_plausible']:.0%}, other hand {other['colour_plausible']:.0%}, "
                  + "".join(f"{name} {f['colour_plausible']:.0%} ({f['colour_chance']:.0%}), "
                            for name, f in by_half.items())
                  + f"held-out {artist['colour_agreement']:.0%} | "
                  + ", ".join(f"{k} {v:.2f}" for k, v in look.items()), flush=True)
        generator.runtime.save()
    return 0


if __name__ == "__main__":
    sys.exit(main())
