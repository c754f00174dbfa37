"""Checks every labelled doodle set shares (tests/data/doodles_second, doodles_third, doodles_fourth,
doodles_fifth): read as the evaluation reads it, and each doodle's largest area inside its lines is its body,
where its main colour is read."""

import importlib.util
from collections import Counter
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw

from icanvas_desktop.generation.colour_families import FAMILIES, shape_pixels
from icanvas_desktop.trainer.evaluation.colour_sense import regions_of

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


def share_of_largest_area_in_body(sketch: Image.Image, bodies: list) -> float:
    """How much of the sketch's largest area inside its lines lies in the drawn `bodies` (outlines)."""
    regions = regions_of(sketch, 256)
    inside = shape_pixels(regions)
    areas = np.bincount(regions.labels[inside], minlength=regions.count + 1)
    largest = regions.labels == np.argmax(areas)
    body = Image.new("L", sketch.size)
    for outline in bodies:
        ImageDraw.Draw(body).polygon([tuple(p) for p in outline], fill=255)
    return (largest & inside & (np.asarray(body) > 0)).sum() / (largest & inside).sum()
