"""Colour sense of every bundled theme, in its clean look: do its colours fit what was drawn?

    python scripts/themes/colour_sense.py [--models models] [--doodles tests/data/doodles]
        [--second tests/data/doodles_second] [--third tests/data/doodles_third]
        [--fourth tests/data/doodles_fourth] [--fifth tests/data/doodles_fifth]
        [--sixth tests/data/doodles_sixth] [--seventh tests/data/doodles_seventh]
        [--scenes tests/data/scenes] [--pairs ~/icanvas-work/openmoji-heldout-256] [--limit 300]
        [--themes a,b]
        [--sheet docs/themes/colour-sense.png]

Prints a Markdown table (docs/themes/colour-sense.md): on the labelled doodles, the share whose main colour
family a person would accept and the points above the chance level (the best single constant family on the
same set), and the same on a second labelled set drawn by another hand (tests/data/doodles_second), on a
third (tests/data/doodles_third, a felt-tip), a fourth (tests/data/doodles_fourth, a wax crayon), a fifth
(tests/data/doodles_fifth, in the app with a mouse), a sixth (tests/data/doodles_sixth, in the app with a
finger, small and off-centre) and a seventh (tests/data/doodles_seventh, in the app with a mouse, whole
animals as a child draws them), each of those five in halves: things the recogniser
knows (trainer/recognition/classes.py) and things it does not; nothing here was tuned on them. On the labelled
scenes (tests/data/scenes: two or three doodles a sheet), the share of their things whose main colour within
the thing's box a person would accept, in two parts: scenes of the first two sets (on which the scene
colouring was worked out) and of the other hands. On held-out
OpenMoji pairs (render_openmoji.py --split held-out), the share whose main family is the artist's and the
median CIEDE2000 distance per region (icanvas_desktop.trainer.evaluation.colour_sense).
The "first of each class" column is the same figure on the first doodle of each class only: what
tests/test_bundled_themes.py holds each theme to, within its time budget. With --sheet, also a contact sheet
of the themes' clean look on the first doodle of each class.
"""

import argparse
import os
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw, ImageFont

from icanvas_desktop.generation import load_generator
from icanvas_desktop.look import Look
from icanvas_desktop.themes import load_theme
from icanvas_desktop.trainer.data.sheets import contact_sheet
from icanvas_desktop.trainer.evaluation.colour_sense import (
    artist_figures,
    chance_level,
    doodle_figures,
    load_doodles,
    load_scenes,
    main_families,
    scene_figures,
)
from icanvas_desktop.trainer.recognition.classes import CLASS_IDS

BATCH = 16
SHEET_COLUMNS = 16


def clean_pictures(generator, sketches: list[Image.Image]) -> list[np.ndarray]:
    out = []
    for start in range(0, len(sketches), BATCH):
        out += [np.asarray(p) for p in generator.generate_batch(sketches[start : start + BATCH], Look.CLEAN)]
    return out


def load_pairs(folder: Path, limit: int) -> tuple[list[Image.Image], list[np.ndarray]]:
    sketches, pictures = [], []
    for path in sorted((folder / "sketches").glob("*.png"))[:limit]:
        with Image.open(path) as sketch, Image.open(folder / "pictures" / path.name) as picture:
            sketches.append(sketch.convert("L"))
            pictures.append(np.asarray(picture.convert("RGB")))
    return sketches, pictures


def arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--models", type=Path, default=Path("models"))
    parser.add_argument("--doodles", type=Path, default=Path("tests/data/doodles"))
    parser.add_argument("--pairs", type=Path, default=Path.home() / "icanvas-work" / "openmoji-heldout-256",
                        help="held-out artist pairs (sketches/, pictures/); skipped when missing")
    parser.add_argument("--second", type=Path, default=Path("tests/data/doodles_second"),
                        help="a second labelled set, drawn by another hand (skipped when missing)")
    parser.add_argument("--third", type=Path, default=Path("tests/data/doodles_third"),
                        help="things the recogniser does not know, by a third hand (skipped when missing)")
    parser.add_argument("--fourth", type=Path, default=Path("tests/data/doodles_fourth"),
                        help="a fourth hand, half things the recogniser knows (skipped when missing)")
    parser.add_argument("--fifth", type=Path, default=Path("tests/data/doodles_fifth"),
                        help="a fifth hand, drawn in the app with a mouse (skipped when missing)")
    parser.add_argument("--sixth", type=Path, default=Path("tests/data/doodles_sixth"),
                        help="a sixth hand, drawn in the app with a finger (skipped when missing)")
    parser.add_argument("--seventh", type=Path, default=Path("tests/data/doodles_seventh"),
                        help="a seventh hand, whole animals drawn with a mouse (skipped when missing)")
    parser.add_argument("--scenes", type=Path, default=Path("tests/data/scenes"),
                        help="labelled scenes of several things (skipped when missing)")
    parser.add_argument("--limit", type=int, default=300, help="held-out pairs to use at most")
    parser.add_argument("--themes", default="", help="comma-separated theme ids to measure (all)")
    parser.add_argument("--sheet", type=Path, help="write a contact sheet of the clean look on doodles here")
    parser.add_argument("--sheet-themes", default="", help="comma-separated theme ids for the sheet (all)")
    return parser.parse_args()


def main() -> None:
    args = arguments()
    doodles = load_doodles(args.doodles)
    family, chance = chance_level([d.families for d in doodles])
    second = load_doodles(args.second) if (args.second / "labels.json").is_file() else []
    # The other hands' sets, each with its chance level: (name, doodles, chance), empty when missing; the
    # third to seventh in things the recogniser knows and things it does not.
    parts = [("other hand", second)] + [
        (f"{hand} hand, things {kind}", half) for hand in ("third", "fourth", "fifth", "sixth", "seventh")
        for kind, half in zip(("the recogniser knows", "it does not know"), halves(getattr(args, hand)))]
    others = [(name, half, chance_level([d.families for d in half])[1] if half else 0.0)
              for name, half in parts]
    scenes = load_scenes(args.scenes) if (args.scenes / "labels.json").is_file() else []
    scene_parts = [(f"scenes, {part}", [s for s in scenes if s.part == part])
                   for part in dict.fromkeys(s.part for s in scenes)]
    scene_parts = [(name, part, chance_level([t.families for s in part for t in s.things])[1])
                   for name, part in scene_parts]
    pairs = load_pairs(args.pairs, args.limit) if (args.pairs / "sketches").is_dir() else ([], [])
    artist_chance = ""
    if pairs[0]:
        theirs = main_families(pairs[0], pairs[1])
        best = max(set(theirs) - {None}, key=theirs.count)
        artist_chance = f" (chance level: every picture {best}, {theirs.count(best) / len(theirs):.0%})"
    print(f"{len(doodles)} doodles (chance level: every doodle {family}, {chance:.0%}); "
          + "".join(f"{len(half)} {name} (chance level {level:.0%}); " for name, half, level in others)
          + "".join(f"{sum(len(s.things) for s in part)} things of {len(part)} {name} (chance level "
                    f"{level:.0%}); " for name, part, level in scene_parts)
          + f"{len(pairs[0])} held-out artist pairs{artist_chance}\n")
    print("| theme | doodles: main colour plausible | above chance (points) | first of each class "
          + "".join(f"| {name}: plausible | above chance (points) " for name, _, _ in others + scene_parts)
          + "| held-out: main colour as the artist's | held-out: median region ΔE2000 |")
    print("|---|" + "---:|" * (5 + 2 * len(others) + 2 * len(scene_parts)))
    first = [i for i, d in enumerate(doodles) if d.thing not in {e.thing for e in doodles[:i]}]
    sheet_rows = {}
    wanted = {t for t in args.sheet_themes.split(",") if t}
    measured = {t for t in args.themes.split(",") if t}
    for folder in sorted(p.parent for p in args.models.glob("*/manifest.json")):
        if measured and folder.name not in measured:
            continue
        generator = load_generator(load_theme(folder), num_threads=int(os.environ.get("THREADS", "2")))
        pictures = clean_pictures(generator, [d.sketch for d in doodles])
        plausible = doodle_figures(doodles, pictures)["colour_plausible"]
        subset = doodle_figures([doodles[i] for i in first], [pictures[i] for i in first])["colour_plausible"]
        cells = [f"{plausible:.0%}", f"{100 * (plausible - chance):+.0f}", f"{subset:.0%}"]
        for _, other, other_chance in others:
            if other:
                share = doodle_figures(other, clean_pictures(generator, [d.sketch for d in other]))
                cells += [f"{share['colour_plausible']:.0%}",
                          f"{100 * (share['colour_plausible'] - other_chance):+.0f}"]
            else:
                cells += ["–", "–"]
        for _, part, part_chance in scene_parts:
            pictures_of_part = clean_pictures(generator, [s.sketch for s in part])
            share = scene_figures(part, pictures_of_part)["colour_plausible"]
            cells += [f"{share:.0%}", f"{100 * (share - part_chance):+.0f}"]
        if pairs[0]:
            artist = artist_figures(pairs[0], clean_pictures(generator, pairs[0]), pairs[1])
            cells += [f"{artist['colour_agreement']:.0%}", f"{artist['colour_delta_e']:.1f}"]
        else:
            cells += ["–", "–"]
        print(f"| {folder.name} | " + " | ".join(cells) + " |", flush=True)
        if args.sheet and (not wanted or folder.name in wanted):
            sheet_rows[folder.name] = [Image.fromarray(pictures[i]) for i in first]
    if args.sheet:
        # Flat colours: 256 of them keep the sheet a third of the size, unchanged to the eye.
        flat = sheet(doodles, first, sheet_rows).quantize(256, dither=Image.Dither.NONE)
        flat.save(args.sheet, optimize=True)


def halves(folder: Path) -> tuple[list, list]:
    """A hand's doodles of things the recogniser knows (trainer/recognition/classes.py), and of those it does
    not; both empty when the set is missing."""
    if not (folder / "labels.json").is_file():
        return [], []
    doodles = load_doodles(folder)
    return [d for d in doodles if d.thing in CLASS_IDS], [d for d in doodles if d.thing not in CLASS_IDS]


def sheet(doodles, first: list[int], rows: dict[str, list[Image.Image]]) -> Image.Image:
    """Blocks of SHEET_COLUMNS doodles: the doodles on top, then one row per theme, its name first."""
    grid = []
    for start in range(0, len(first), SHEET_COLUMNS):
        block = first[start : start + SHEET_COLUMNS]
        grid.append([_label("doodle"), *(doodles[i].sketch for i in block)])
        grid += [[_label(name), *pictures[start : start + SHEET_COLUMNS]] for name, pictures in rows.items()]
    return contact_sheet(grid, cell=96)


def _label(text: str) -> Image.Image:
    tile = Image.new("RGB", (96, 96), "white")
    ImageDraw.Draw(tile).text((4, 40), text, fill=(40, 40, 40), font=ImageFont.load_default(size=16))
    return tile


if __name__ == "__main__":
    main()
