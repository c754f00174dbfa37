"""Colour sense: whether a picture's colours fit what was drawn, beside the picture figures of quality.py.

- on labelled doodles (tests/data/doodles/): the share of pictures whose main colour family
  (generation/colour_families.py: by area inside the shapes, away from the lines) is one a person accepts
  for the thing drawn, read against the chance level: the best share a single constant family gets on the
  same set (painting everything yellow).
- on artist pairs (line art with the artist's own colouring): the share of pictures whose main family is the
  artist's, and the median CIEDE2000 distance between a region's colour and the artist's colour of the same
  region (each region's median colour, over the regions inside the shapes of every picture).

Regions come from the sketch through the clean look's find_regions, so a figure means the same for a
painted and a clean picture.
"""

import json
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from PIL import Image

from icanvas_desktop.generation.clean_look import Regions, find_regions
from icanvas_desktop.generation.colour_families import FAMILIES, main_family, shape_pixels
from icanvas_desktop.generation.sketch_input import sketch_to_array
from icanvas_desktop.trainer.problems import UsageError

LABELS_FILE = "labels.json"
# Regions with fewer sampled pixels than this (at 256 px) are too small to have a colour of their own: a
# pocket where lines meet, an eye's highlight.
MIN_REGION_PX = 24


@dataclass(frozen=True)
class Doodle:
    file: str
    thing: str  # the class drawn: "apple"
    families: tuple[str, ...]  # the main colour families a person would accept
    sketch: Image.Image


def _read_labels(folder: Path, what: str, script: str) -> list[dict]:
    """`folder`'s labels.json, or a UsageError saying which file, what needs it and which script writes it."""
    try:
        return json.loads((folder / LABELS_FILE).read_text("utf-8"))
    except (OSError, ValueError) as e:
        raise UsageError(f"{folder / LABELS_FILE} cannot be read ({e}): {what} need it, "
                         f"as scripts/doodles/{script} writes it") from e


def _families(folder: Path, file: str, families: list[str]) -> tuple[str, ...]:
    """A label's accepted colour families, each one of FAMILIES."""
    unknown = set(families) - set(FAMILIES)
    if unknown:
        raise UsageError(f"{folder / LABELS_FILE}: {file} names unknown colour families "
                         f"{sorted(unknown)}; use {', '.join(FAMILIES)}")
    return tuple(families)


def _sketch(path: Path) -> Image.Image:
    with Image.open(path) as sketch:
        return sketch.copy()


def load_doodles(folder: Path) -> list[Doodle]:
    """The labelled doodles of `folder` (its labels.json: file, class, families)."""
    return [Doodle(entry["file"], entry["class"], _families(folder, entry["file"], entry["families"]),
                   _sketch(folder / entry["file"]))
            for entry in _read_labels(folder, "the labelled doodles", "make_doodles.py")]


@dataclass(frozen=True)
class SceneThing:
    thing: str
    families: tuple[str, ...]
    box: tuple[int, int, int, int]  # left, top, right, bottom on the 256 px sheet


@dataclass(frozen=True)
class Scene:
    file: str
    part: str  # which hands its doodles came from (scripts/doodles/make_scenes.py)
    things: tuple[SceneThing, ...]
    sketch: Image.Image


def load_scenes(folder: Path) -> list[Scene]:
    """The labelled scenes of `folder` (its labels.json: file, part, things with class, families, box)."""
    return [Scene(entry["file"], entry["part"],
                  tuple(_scene_thing(folder, entry["file"], t) for t in entry["things"]),
                  _sketch(folder / entry["file"]))
            for entry in _read_labels(folder, "the scenes", "make_scenes.py")]


def _scene_thing(folder: Path, file: str, label: dict) -> SceneThing:
    return SceneThing(label["class"], _families(folder, file, label["families"]), tuple(label["box"]))


def scene_families(scene: Scene, picture: np.ndarray) -> list[str | None]:
    """The main colour family of each thing of a scene in `picture`: inside the shapes within its box."""
    picture = np.asarray(picture)
    regions = regions_of(scene.sketch, len(picture))
    scale = len(picture) / scene.sketch.width
    families = []
    for thing in scene.things:
        left, top, right, bottom = (round(v * scale) for v in thing.box)
        inside = np.zeros(regions.labels.shape, bool)
        inside[top:bottom, left:right] = True
        mine = Regions(np.where(inside, regions.labels, 0), regions.count, regions.at_edge, regions.ink,
                       regions.sample & inside)
        families.append(main_family(mine, picture))
    return families


def scene_figures(scenes: list[Scene], pictures: list[np.ndarray]) -> dict[str, float]:
    """Colour sense of each thing in the scenes: the share plausible and the chance level of those things."""
    found = [f for scene, p in zip(scenes, pictures, strict=True) for f in scene_families(scene, p)]
    accepted = [t.families for scene in scenes for t in scene.things]
    return {"colour_plausible": plausible_share(found, accepted), "colour_chance": chance_level(accepted)[1]}


def regions_of(sketch: Image.Image | np.ndarray, size: int) -> Regions:
    """The clean look's regions of `sketch` at `size` px."""
    if isinstance(sketch, np.ndarray):
        sketch = Image.fromarray(sketch)
    return find_regions(sketch_to_array(sketch, size)[..., 0])


def main_families(sketches: list, pictures: list[np.ndarray]) -> list[str | None]:
    """The main colour family of each picture (H×W×3 uint8) inside the shapes of its sketch."""
    return [main_family(regions_of(s, len(p)), np.asarray(p))
            for s, p in zip(sketches, pictures, strict=True)]


def plausible_share(families: list[str | None], accepted: list[tuple[str, ...]]) -> float:
    """The share of pictures whose main family is one accepted for them."""
    return float(np.mean([f in ok for f, ok in zip(families, accepted, strict=True)]))


def chance_level(accepted: list[tuple[str, ...]]) -> tuple[str, float]:
    """The single family that, given to every picture, would be accepted most often, and its share."""
    shares = {f: plausible_share([f] * len(accepted), accepted) for f in FAMILIES}
    best = max(shares, key=shares.get)
    return best, shares[best]


def doodle_figures(doodles: list[Doodle], pictures: list[np.ndarray], prefix: str = "") -> dict[str, float]:
    """Colour sense on labelled doodles: the share plausible and the chance level of the same set."""
    accepted = [d.families for d in doodles]
    plausible = plausible_share(main_families([d.sketch for d in doodles], pictures), accepted)
    return {prefix + "colour_plausible": plausible, prefix + "colour_chance": chance_level(accepted)[1]}


def artist_figures(sketches: list, pictures: list[np.ndarray], artists: list[np.ndarray],
                   prefix: str = "") -> dict[str, float | None]:
    """Colour sense on artist pairs: main family agreement, and the median CIEDE2000 distance per region."""
    from skimage.color import deltaE_ciede2000, rgb2lab

    agree, distances = [], []
    for sketch, picture, artist in zip(sketches, pictures, artists, strict=True):
        picture = np.asarray(picture)[..., :3]
        size = len(picture)
        artist = Image.fromarray(np.asarray(artist)[..., :3]).resize((size, size), Image.Resampling.BOX)
        artist = np.asarray(artist)
        regions = regions_of(sketch, size)
        theirs = main_family(regions, artist)
        if theirs is None:
            continue
        agree.append(main_family(regions, picture) == theirs)
        mine, truth = region_colours(regions, picture), region_colours(regions, artist)
        if len(mine):
            lab = [rgb2lab(colours[None] / 255.0)[0] for colours in (mine, truth)]
            distances += list(deltaE_ciede2000(*lab))
    return {prefix + "colour_agreement": float(np.mean(agree)) if agree else None,
            prefix + "colour_delta_e": float(np.median(distances)) if distances else None}


def region_colours(regions: Regions, picture: np.ndarray) -> np.ndarray:
    """(n, 3) uint8: the median colour of each region inside the shapes big enough to have one, in label
    order."""
    where = shape_pixels(regions)
    labels = regions.labels[where]
    pixels = picture[where]
    min_px = MIN_REGION_PX * (len(picture) / 256) ** 2
    colours = []
    for label in np.unique(labels):
        mine = pixels[labels == label]
        if len(mine) >= min_px:
            colours.append(np.median(mine, axis=0))
    return np.round(np.array(colours, np.float64).reshape(-1, 3)).astype(np.uint8)
