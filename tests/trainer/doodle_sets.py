"""Checks every labelled doodle set shares (tests/data/doodles_second to doodles_sixth): read as the
evaluation reads it, and each doodle's largest area inside its lines is its body, where its main colour is
read."""

import importlib.util
import json
from collections import Counter
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw

from icanvas_desktop.generation.clean_look import LINE, find_regions
from icanvas_desktop.generation.colour_families import FAMILIES, shape_pixels
from icanvas_desktop.generation.sketch_input import sketch_to_array
from icanvas_desktop.trainer.evaluation.colour_sense import MIN_REGION_PX, regions_of

ROOT = Path(__file__).resolve().parents[2]


def hand_script(name: str):
    """scripts/doodles/NAME.py, the script that drew a set, as a module."""
    spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / "doodles" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def assert_read_as_labelled(doodles: list, folder: Path, accepted: dict[str, set[str]], per_class: int,
                            max_bytes: int) -> None:
    """`per_class` doodles of every class of `accepted`, each with its accepted families, 256 px greyscale,
    one per file of `folder`, the folder under `max_bytes`."""
    assert Counter(d.thing for d in doodles) == dict.fromkeys(accepted, per_class)
    assert sorted(d.file for d in doodles) == sorted(p.name for p in folder.glob("*.png"))
    for d in doodles:
        assert set(d.families) <= set(FAMILIES) and set(d.families) == accepted[d.thing], d.file
        assert d.sketch.mode == "L" and d.sketch.size == (256, 256), d.file
    assert sum(p.stat().st_size for p in folder.iterdir()) < max_bytes


def classes_drawn_by_other_hands(folder: Path) -> set[str]:
    """The classes of every labelled doodle set in tests/data but `folder`'s."""
    return {e["class"] for other in ROOT.glob("tests/data/doodles*") if other != folder
            for e in json.loads((other / "labels.json").read_text("utf-8"))}


def share_of_largest_area_in_body(sketch: Image.Image, bodies: list) -> float:
    """How much of the sketch's largest area inside its lines lies in the drawn `bodies` (outlines)."""
    regions = regions_of(sketch, 256)
    inside = shape_pixels(regions)
    areas = np.bincount(regions.labels[inside], minlength=regions.count + 1)
    largest = regions.labels == np.argmax(areas)
    return (largest & inside & body_mask(sketch, bodies)).sum() / (largest & inside).sum()


def body_mask(sketch: Image.Image, bodies: list) -> np.ndarray:
    """Where on the sketch the drawn `bodies` (outlines) lie, filled."""
    body = Image.new("L", sketch.size)
    for outline in bodies:
        ImageDraw.Draw(body).polygon([tuple(p) for p in outline], fill=255)
    return np.asarray(body) > 0


def assert_largest_area_inside_holds_a_colour(doodles: list) -> None:
    """Every doodle's largest area inside its lines is ten times what the evaluation counts as a region with
    a colour of its own."""
    for d in doodles:
        regions = regions_of(d.sketch, 256)
        largest = np.bincount(regions.labels[shape_pixels(regions)]).max()
        assert largest >= 10 * MIN_REGION_PX, f"{d.file}: the largest area inside has {largest} px"


def assert_redrawn_as_stored_with_the_body_largest(redrawn: dict, folder: Path) -> None:
    """Each (name, number) → (sketch, body outlines) the set's script draws again is the stored doodle, byte
    for byte, and its largest area inside is its body."""
    for (name, number), (sketch, bodies) in redrawn.items():
        with Image.open(folder / f"{name}_{number}.png") as stored:
            assert np.array_equal(np.asarray(sketch), np.asarray(stored)), f"{name}_{number}"
        share = share_of_largest_area_in_body(sketch, bodies)
        assert share > 0.6, f"{name}_{number}: the largest area inside is not the body ({share:.0%} in it)"


def bodies_left_open(redrawn: dict) -> list[str]:
    """The redrawn doodles whose body the paper runs into without the app's gap closing (a ball of 1 px, no
    joined ends); assert_redrawn_as_stored_with_the_body_largest shows that with it every body is its own
    area."""
    found = []
    for (name, number), (sketch, bodies) in redrawn.items():
        lines = sketch_to_array(sketch, 256)[..., 0]
        paper = find_regions(lines, gap=1 / 256, join_ends=False).labels == 0
        inside = body_mask(sketch, bodies) & (lines >= LINE)
        if (paper & inside).sum() > 0.3 * inside.sum():
            found.append(f"{name}_{number}")
    return found
