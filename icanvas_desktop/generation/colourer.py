"""Which colour each region of a drawing takes, from the drawing alone: the colourer's network.

The network reads the drawing cropped to its ink (recognise.ink_box, at INPUT_SIZE) and gives, for each
point of an OUTPUT_SIZE grid over the same crop, a probability for each colour of PALETTE: OpenMoji's
colours, the artist's the themes and the recogniser's templates learnt from. It learnt with cross-entropy
on the artist's own colourings, not with a distance to them: a distance is least for the average of the
colours a shape may take, which is how generators turn beige; a distribution keeps "red or green" apart
(Zhang et al. 2016, "Colorful Image Colorization"). A region of the clean look sums the probabilities over
its pixels and, where the theme's colour is of a family the colourer finds unlikely, takes the mode: a colour
of the palette, never a blend (`apply_colourer`; docs/themes/colourer.md).
"""

import logging
import threading
from pathlib import Path
from typing import NamedTuple

import numpy as np

from icanvas_desktop.files.resources import resources_dir
from icanvas_desktop.generation.clean_look import LUMA, MIN_LUMA, Regions
from icanvas_desktop.generation.colour_families import FAMILIES, families_of
from icanvas_desktop.generation.recognise import ink_box, ink_crop
from icanvas_desktop.generation.small_package import open_model, read_manifest

log = logging.getLogger("icanvas.generation")

MANIFEST_NAME = "colourer.json"
FORMAT = 1
MAX_MANIFEST_BYTES = 64 * 1024

INPUT_SIZE = 96
OUTPUT_SIZE = 48
# OpenMoji's colour palette (https://openmoji.org/styleguide/), less black, which is its line colour: 99 %
# of the coloured area of its drawings is one of these.
PALETTE = np.array([
    (0xFC, 0xEA, 0x2B), (0xF1, 0xB3, 0x1C), (0xF4, 0xAA, 0x41), (0xE2, 0x70, 0x22), (0xEA, 0x5A, 0x47),
    (0xD2, 0x2F, 0x27), (0x78, 0x1E, 0x32), (0xFF, 0xA7, 0xC0), (0xE6, 0x7A, 0x94), (0xB3, 0x99, 0xC8),
    (0x89, 0x67, 0xAA), (0x92, 0xD3, 0xF5), (0x61, 0xB2, 0xE4), (0x1E, 0x50, 0xA0), (0xB1, 0xCC, 0x33),
    (0x5C, 0x9E, 0x31), (0x18, 0x66, 0x48), (0xA5, 0x79, 0x39), (0x6A, 0x46, 0x2F), (0xFF, 0xFF, 0xFF),
    (0xD0, 0xCF, 0xCE), (0x9B, 0x9B, 0x9A), (0x3F, 0x3F, 0x3F),
], np.uint8)
# The colours the app paints for them: the same, but OpenMoji's light green (#B1CC33), which a child takes
# for yellow (a tree, a cactus, a frog), painted in its green, as the recogniser's templates are
# (scripts/recogniser/render_things.py: greener).
PAINTED = PALETTE.copy()
PAINTED[14] = (0x5C, 0x9E, 0x31)
# Pixels of a training picture further than this (RGB distance) from every palette colour teach nothing:
# anti-aliasing, gradients.
MAX_PALETTE_DISTANCE = 40.0
# The theme's colour stays when the colourer gives its colour family at least this share of the votes of
# the family it finds likeliest; when the likeliest is white, grey or black and the theme's colour has a
# hue, at least GREY_KEEP_SHARE: a grey robot is right, a grey monster a sad picture, so a theme's colour
# gives way to grey only when the colourer is much surer of it.
KEEP_SHARE = 0.5
GREY_KEEP_SHARE = 0.25
# Regions smaller than this many sampled pixels (at 256 px), or than MIN_SHARE of all the regions inside the
# drawing together, keep the theme's colour: pockets where lines meet, petals, the parts of a busy drawing,
# whose few votes each give a different colour where the theme's colours go together. The shapes that make
# the picture's main colour are larger.
MIN_VOTES = 150
MIN_SHARE = 0.2
HUELESS = ("white", "grey", "black")
# The dice offers a region a colour of a second family when the colourer finds that family at least this
# share as likely as the region's usual colour's.
ALSO_SHARE = 0.5


def nearest_palette(rgb: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Each (..., 3) colour's PALETTE index, and its distance to that colour."""
    distance = np.linalg.norm(rgb[..., None, :].astype(np.float32) - PALETTE.astype(np.float32), axis=-1)
    index = distance.argmin(axis=-1)
    return index, np.take_along_axis(distance, index[..., None], axis=-1)[..., 0]


def crop_coordinates(ys: np.ndarray, xs: np.ndarray, box: tuple[float, float, float, float],
                     size: int = OUTPUT_SIZE) -> tuple[np.ndarray, np.ndarray]:
    """The OUTPUT_SIZE grid cell of sheet pixels (ys, xs), for a crop of `box` (ink_box), clipped to it."""
    left, top, right, bottom = box
    row = np.floor((ys + 0.5 - top) * size / (bottom - top)).astype(np.intp)
    column = np.floor((xs + 0.5 - left) * size / (right - left)).astype(np.intp)
    return np.clip(row, 0, size - 1), np.clip(column, 0, size - 1)


def region_votes(regions: Regions, probabilities: np.ndarray, box: tuple[float, float, float, float]
                 ) -> np.ndarray:
    """(count + 1, len(PALETTE)) float: each region's probabilities summed over its sampled pixels, from
    the network's (OUTPUT_SIZE, OUTPUT_SIZE, len(PALETTE)) output for the crop of `box`."""
    where = regions.sample & (regions.labels > 0)
    ys, xs = np.nonzero(where)
    side = probabilities.shape[0]
    rows, columns = crop_coordinates(ys, xs, box, side)
    # How many of each region's pixels fall in each cell, then each cell's probabilities once per count:
    # a few thousand (region, cell) pairs instead of every pixel.
    cells = side * side
    found, counts = np.unique(regions.labels[ys, xs].astype(np.int64) * cells + rows * side + columns,
                              return_counts=True)
    votes = np.zeros((regions.count + 1, probabilities.shape[-1]))
    if len(found) == 0:
        return votes
    weighted = probabilities.reshape(cells, -1)[found % cells] * counts[:, None]
    order = found // cells  # sorted, since `found` is
    starts = np.flatnonzero(np.r_[True, np.diff(order) > 0])
    votes[order[starts]] = np.add.reduceat(weighted, starts, axis=0)
    return votes


class Reading(NamedTuple):
    """The colourer's output for one sketch: (OUTPUT_SIZE, OUTPUT_SIZE, len(palette)) probabilities over
    the crop of `box` (ink_box)."""

    probabilities: np.ndarray
    box: tuple[float, float, float, float]


class ColourerError(ValueError):
    """The colourer package is missing, broken or not one this app reads; the message says which file."""


class Colourer:
    """The package in `folder` (colourer.json, a .tflite), loaded: data only, as the recogniser's."""

    def __init__(self, folder: Path, num_threads: int | None = 1):
        folder = Path(folder)
        manifest_path = folder / MANIFEST_NAME
        try:
            manifest = self.manifest = read_manifest(manifest_path, MAX_MANIFEST_BYTES)
        except ValueError as e:
            raise ColourerError(str(e)) from None
        try:
            if manifest["format"] != FORMAT:
                raise ValueError(f"format {manifest['format']!r}, this app reads {FORMAT}")
            self.palette = np.array([_rgb(c) for c in manifest["palette"]], np.uint8).reshape(-1, 3)
            tflite = manifest["tflite"]
        except (KeyError, TypeError, ValueError) as e:
            raise ColourerError(f"{manifest_path} is not a colourer manifest this app reads ({e})") from None
        try:
            self._interpreter, self._input, self._output = open_model(
                folder, tflite, manifest_path,
                ([1, INPUT_SIZE, INPUT_SIZE, 1], [1, OUTPUT_SIZE, OUTPUT_SIZE, len(self.palette)]),
                f"a sketch and a {OUTPUT_SIZE}² grid of {len(self.palette)} colours", num_threads)
        except ValueError as e:
            raise ColourerError(str(e)) from None
        self._lock = threading.Lock()

    def probabilities_of_input(self, crop: np.ndarray) -> np.ndarray:
        """(OUTPUT_SIZE, OUTPUT_SIZE, len(palette)) for one (INPUT_SIZE, INPUT_SIZE) ink crop. One view: the
        mean with the mirror image's, as the recogniser takes, changed no figure by more than a point
        (docs/themes/colourer.md) and doubled the time."""
        with self._lock:
            self._interpreter.set_tensor(self._input, np.asarray(crop, np.float32)[None, ..., None])
            self._interpreter.invoke()
            return self._interpreter.get_tensor(self._output)[0].copy()

    def read(self, sketch: np.ndarray) -> Reading | None:
        """What the network finds in a (H, W) sketch in [0, 1] (paper 1): its output over the crop of the
        sketch's ink and that crop's box; None on a blank page. Needs only the sketch, not its regions, so
        that it can run beside the generator (generation/pipeline.py)."""
        box = ink_box(sketch)
        if box is None:
            return None
        return Reading(self.probabilities_of_input(ink_crop(sketch, INPUT_SIZE)), box)

    def votes(self, regions: Regions, reading: Reading | None) -> np.ndarray | None:
        """`region_votes` for the regions of the sketch `read` read (at its size); None for a blank page."""
        return None if reading is None else region_votes(regions, reading.probabilities, reading.box)


def _rgb(colour: str) -> tuple[int, int, int]:
    """"#RRGGBB" → (r, g, b); ValueError for anything else."""
    if not (isinstance(colour, str) and len(colour) == 7 and colour[0] == "#"):
        raise ValueError(f"{colour!r} is not a colour written #RRGGBB")
    return int(colour[1:3], 16), int(colour[3:5], 16), int(colour[5:7], 16)


_bundled: Colourer | None = None
_bundled_lock = threading.Lock()


def bundled_colourer_dir() -> Path:
    return resources_dir() / "colourer"


def bundled_colourer() -> Colourer | None:
    """The colourer shipped with the app, loaded once; None where there is none or no LiteRT (logged), so
    that pictures take the theme's colours as before."""
    global _bundled
    with _bundled_lock:
        if _bundled is None and (bundled_colourer_dir() / MANIFEST_NAME).is_file():
            try:
                _bundled = Colourer(bundled_colourer_dir())
            except (ColourerError, ImportError):
                log.exception("the colourer could not be loaded")
                return None
        return _bundled


def apply_colourer(regions: Regions, colours: np.ndarray, votes: np.ndarray, palette: np.ndarray,
                   keep: np.ndarray | None = None) -> np.ndarray:
    """`colours` ((count + 1, 3) uint8, the theme's per region) with a region's colour changed where the
    colourer finds its colour family unlikely for it: where that family has less than KEEP_SHARE (or
    GREY_KEEP_SHARE) of the votes (region_votes) of the family it finds likeliest, the region takes that
    family's likeliest palette colour. A theme's red-brown apple stays red-brown, its green apple stays
    green (an apple may be green), its purple apple turns red. Small regions (MIN_VOTES, MIN_SHARE) and
    those where `keep` is True (the paper) stay as they are; no region is given a colour darker than
    MIN_LUMA, as in the clean look."""
    votes, by_family, families = _family_votes(votes, palette, keep)
    best, most = by_family.argmax(axis=1), by_family.max(axis=1)
    theirs = families_of(colours)
    hueless = np.isin(np.arange(len(FAMILIES)), [FAMILIES.index(f) for f in HUELESS])
    share = np.where(hueless[best] & ~hueless[theirs], GREY_KEEP_SHARE, KEEP_SHARE)
    change = (most > 0) & (by_family[np.arange(len(best)), theirs] < share * most)
    chosen = palette[np.where(families[None, :] == best[:, None], votes, -1.0).argmax(axis=1)]
    out = np.array(colours, np.uint8, copy=True)
    out[change] = chosen[change]
    return out


def other_choices(colours: np.ndarray, votes: np.ndarray, palette: np.ndarray,
                  keep: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray]:
    """For the dice: each region's likeliest colour of another family than its colour in `colours`
    ((count + 1, 3) uint8, the usual colouring), where the colourer finds that family at least ALSO_SHARE as
    likely as the usual one (an apple red or green, a car any colour), as (count + 1, 3) uint8 colours and
    (count + 1,) bool whether the region has one. The same regions as apply_colourer's are left out."""
    votes, by_family, families = _family_votes(votes, palette, keep)
    rows = np.arange(len(votes))
    usual = families_of(colours)
    theirs = by_family[rows, usual]
    others = by_family.copy()
    others[rows, usual] = -1.0
    second = others.argmax(axis=1)
    has = (theirs > 0) & (others[rows, second] >= ALSO_SHARE * theirs)
    chosen = palette[np.where(families[None, :] == second[:, None], votes, -1.0).argmax(axis=1)]
    return chosen, has


def _family_votes(votes: np.ndarray, palette: np.ndarray, keep: np.ndarray | None
                  ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The votes a region's colour may follow (none for the lines, `keep`, small regions and dark colours),
    the same summed per colour family ((count + 1, len(FAMILIES))), and each palette colour's family."""
    sizes = votes.sum(axis=1)
    ignored = np.zeros(len(sizes), bool) if keep is None else np.asarray(keep, bool).copy()
    ignored[0] = True  # the lines
    votes = np.where(palette @ LUMA >= MIN_LUMA, votes, 0.0)
    votes[ignored | (sizes < max(MIN_VOTES, MIN_SHARE * sizes[~ignored].sum()))] = 0
    families = families_of(palette)
    by_family = np.stack([votes[:, families == f].sum(axis=1) for f in range(len(FAMILIES))], axis=1)
    return votes, by_family, families
