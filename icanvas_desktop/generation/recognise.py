"""What the child drew: the recogniser's top guesses for a sketch, from a data-only package.

The package (resources/recogniser/: recogniser.json, a .tflite, one colour template per thing) holds data
only: JSON read with `json`, PNGs read with Pillow, and a .tflite that LiteRT interprets; nothing in it is
executed or unpickled, and the .tflite's tensors are checked before anything is allocated, as a theme's are.
"""

import functools
import logging
import threading
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from PIL import Image, ImageFilter

from icanvas_desktop.files.resources import resources_dir
from icanvas_desktop.generation import small_package
from icanvas_desktop.generation.scene import Part, cut_in_two, parts_of
from icanvas_desktop.generation.sketch_input import sketch_to_array
from icanvas_desktop.generation.small_package import open_model

log = logging.getLogger("icanvas.generation")

MANIFEST_NAME = "recogniser.json"
FORMAT = 1
# The recogniser sees the drawing cropped to its ink, so that where and how large the child drew does not
# matter, at this side.
INPUT_SIZE = 64
# Sketch values (paper 1) below this are ink when finding the drawing's extent.
INK = 0.6
# Paper around the drawing's extent, as a share of its longer side, on each side.
CROP_MARGIN = 0.06
# A drawing whose solid ink keeps less than this share when eroded by a pixel is drawn in thin lines.
THIN_SHARE = 0.25
# The sketch is read at this side before cropping: fine enough for a thin pen line to survive.
READ_SIZE = 256
# A theme-sized manifest is far below this; a larger file is not a recogniser's.
MAX_MANIFEST_BYTES = 256 * 1024
MAX_TEMPLATE_SIDE = 256
# A drawing of one group of ink is taken for two touching things (scene.cut_in_two) only when the recogniser
# is less sure than this of the whole and at least this sure of each half (docs/themes/colour-sense.md,
# round 10: a quarter of the touching scenes of the first two sets are read apart; 4 of the 865 single
# doodles change colour, 3 for the better).
TOUCHING_SURE = 0.5


class RecogniserError(ValueError):
    """The recogniser package is missing, broken or not one this app reads; the message says which file."""


@dataclass(frozen=True)
class Thing:
    id: str
    names: dict[str, str]  # language code → the word a child reads ("en": "apple", "ko": "사과")
    hexcode: str  # the OpenMoji drawing whose colouring is the template
    template: Path


@dataclass(frozen=True)
class Guess:
    thing: str  # a Thing's id, or "other"
    probability: float


def recogniser_input(sketch: np.ndarray) -> np.ndarray | None:
    """(H, W) sketch in [0, 1] (paper 1) → (INPUT_SIZE, INPUT_SIZE) float32 ink in [0, 1] (0 paper), as the
    network reads it: `ink_crop`, then `even_pen`; None on a blank page."""
    crop = ink_crop(sketch)
    return None if crop is None else even_pen(crop)


def even_pen(crop: np.ndarray) -> np.ndarray:
    """An ink crop with its lines drawn more alike: its ink scaled so that a line's middle is solid (a fine
    pen, shrunk, comes out faint grey), and thin lines widened by a pixel on each side. A fine liner and a
    marker then look much the same to the network, which learnt from one artist's pen."""
    inked = crop[crop > 0.1]
    if inked.size:
        crop = np.clip(crop / max(float(np.percentile(inked, 90)), 0.2), 0.0, 1.0)
    image = Image.fromarray(np.round(crop * 255).astype(np.uint8), "L")
    solid = np.asarray(image) >= 128
    # Lines at most about two pixels wide vanish when eroded by one: those are the thin ones.
    core = np.asarray(image.filter(ImageFilter.MinFilter(3))) >= 128
    if core.sum() < THIN_SHARE * solid.sum():
        image = image.filter(ImageFilter.MaxFilter(3))
    return np.asarray(image, np.float32) / 255.0


def ink_box(sketch: np.ndarray) -> tuple[float, float, float, float] | None:
    """(left, top, right, bottom) in pixels of a (H, W) sketch in [0, 1] (paper 1): the square around its
    ink with CROP_MARGIN, centred on it; None on a blank page."""
    rows = np.flatnonzero((sketch < INK).any(axis=1))
    if len(rows) == 0:
        return None
    columns = np.flatnonzero((sketch < INK).any(axis=0))
    top, bottom, left, right = rows[0], rows[-1] + 1, columns[0], columns[-1] + 1
    side = max(bottom - top, right - left) * (1 + 2 * CROP_MARGIN)
    centre_y, centre_x = (top + bottom) / 2, (left + right) / 2
    return centre_x - side / 2, centre_y - side / 2, centre_x + side / 2, centre_y + side / 2


def ink_crop(sketch: np.ndarray, size: int = INPUT_SIZE) -> np.ndarray | None:
    """(H, W) sketch in [0, 1] (paper 1) → (size, size) float32 ink in [0, 1] (0 paper): the drawing
    cropped to its ink with a margin, centred on a square (ink_box); None on a blank page."""
    box = ink_box(sketch)
    if box is None:
        return None
    side = box[2] - box[0]
    ink = Image.fromarray(np.round((1.0 - np.clip(sketch, 0, 1)) * 255).astype(np.uint8), "L")
    # Outside the sheet is paper: ink 0, which is what Pillow fills with.
    crop = ink.transform((size, size), Image.Transform.EXTENT, box, Image.Resampling.BILINEAR)
    if side > 2 * size:
        # Bilinear sampling of a large drawing skips thin lines: average the whole box instead.
        crop = ink.crop(tuple(round(v) for v in box)).resize((size, size), Image.Resampling.BOX)
    return np.asarray(crop, np.float32) / 255.0


class Recogniser:
    """The package in `folder`, loaded: `guess(sketch)` gives the likeliest things first."""

    def __init__(self, folder: Path, num_threads: int | None = 1):
        folder = Path(folder)
        self.folder = folder
        manifest_path = folder / MANIFEST_NAME
        manifest = self.manifest = read_manifest(manifest_path)
        try:
            self.classes, self.things, tflite = _parse(manifest, folder)
        except (KeyError, TypeError, ValueError) as e:
            raise RecogniserError(f"{manifest_path} is not a recogniser manifest this app reads ({e})"
                                  ) from None
        try:
            self._interpreter, self._input, self._output = open_model(
                folder, tflite, manifest_path, ([1, INPUT_SIZE, INPUT_SIZE, 1], [1, len(self.classes)]),
                f"a sketch and {len(self.classes)} probabilities", num_threads)
        except ValueError as e:
            raise RecogniserError(str(e)) from None
        self._lock = threading.Lock()
        self._templates: dict[str, np.ndarray | None] = {}
        self.threshold = float(manifest["confident_above"])

    def template(self, thing: str) -> np.ndarray | None:
        """(S, S, 4) uint8 RGBA: the artist's colouring of `thing`, transparent around it; None for
        "other", or when its file is broken (logged: the picture keeps the theme's colours)."""
        if thing not in self.things:
            return None
        with self._lock:
            if thing not in self._templates:
                path = self.things[thing].template
                try:
                    with Image.open(path, formats=["PNG"]) as image:
                        if max(image.size) > MAX_TEMPLATE_SIDE:
                            raise ValueError(f"{image.width}×{image.height} is larger than a template")
                        self._templates[thing] = np.asarray(image.convert("RGBA"))
                except (OSError, ValueError) as e:
                    log.error("the colour template %s cannot be used (%s): reinstall the app", path, e)
                    self._templates[thing] = None
            return self._templates[thing]

    def probabilities(self, sketch: Image.Image | np.ndarray) -> np.ndarray | None:
        """Each class's probability (in `classes` order) for a sketch image, or a (H, W) sketch array in
        [0, 1]; None for a blank page."""
        array = sketch if isinstance(sketch, np.ndarray) else sketch_to_array(sketch, READ_SIZE)[..., 0]
        crop = recogniser_input(array)
        return None if crop is None else self.probabilities_of_input(crop)

    def probabilities_of_input(self, crop: np.ndarray) -> np.ndarray:
        """Each class's probability for one of `recogniser_input`'s crops: the mean of the network's for the
        crop and for its mirror image. A child draws a thing facing either way; the network learnt both, and
        the mean of the two is right more often than either (docs/themes/recogniser.md)."""
        crop = np.asarray(crop, np.float32)
        out = []
        with self._lock:
            for view in (crop, crop[:, ::-1]):
                self._interpreter.set_tensor(self._input, np.ascontiguousarray(view)[None, ..., None])
                self._interpreter.invoke()
                out.append(self._interpreter.get_tensor(self._output)[0].copy())
        return (out[0] + out[1]) / 2

    def guess(self, sketch: Image.Image | np.ndarray, top: int = 3) -> list[Guess]:
        """The `top` likeliest classes, likeliest first ("other" among them when it is likely); [] when
        blank."""
        probabilities = self.probabilities(sketch)
        if probabilities is None:
            return []
        order = np.argsort(-probabilities)[:top]
        return [Guess(self.classes[i], float(probabilities[i])) for i in order]

    def scene(self, sketch: np.ndarray, whole: list[Guess], top: int = 1, apart: bool = False
              ) -> list[tuple[Part, list[Guess]]] | None:
        """For a (H, W) sketch of several things (scene.py): each thing and its `top` guesses, when the
        recogniser is surer of one of them alone than of `whole` (its guesses for the whole drawing), or
        always when `apart` (the child named one of them: drawing/scene_names.py); None for a drawing of one
        thing. Things drawn apart are found by scene.parts_of, two drawn touching by `touching`. It never
        learnt scenes: the whole of one is a muddle it may take for a dove at 0.35 while the cherry beside it
        alone is a cherry at 0.97. A drawing of one thing seldom falls apart into things (of the 865 labelled
        doodles, two bunches of loose blueberries, each berry a blueberry alone and the bunch "other", two
        icebergs with their waves, and a few cut in two: a cloud, a banana, a flower, a whole bear)."""
        things = self.things_of(sketch, top)
        if things is None:
            things = self.touching(sketch, whole, top)
        else:  # a thing it is unsure of may be two touching: a cat against its ball, beside the sun
            things = [thing for part, guesses in things
                      for thing in self.touching(np.where(part.mask, sketch, 1.0), guesses, top)
                      or [(part, guesses)]]
        return things if things is not None and (apart or self.surer_apart(things, whole)) else None

    def things_of(self, sketch: np.ndarray, top: int = 1) -> list[tuple[Part, list[Guess]]] | None:
        """Each thing of a (H, W) sketch (scene.py) and its `top` guesses, whether or not the drawing reads
        better as one thing; None when there are not two or more."""
        parts = parts_of(sketch)
        if not parts:
            return None
        guesses = [self.guess(np.where(part.mask, sketch, 1.0), top) for part in parts]
        return None if any(not g for g in guesses) else list(zip(parts, guesses))

    def touching(self, sketch: np.ndarray, whole: list[Guess], top: int = 1
                 ) -> list[tuple[Part, list[Guess]]] | None:
        """The two touching things of a (H, W) sketch of one group of ink and their `top` guesses, when the
        recogniser is less sure of the whole (`whole`, its guesses) than TOUCHING_SURE and at least that
        sure of both halves of a cut (scene.cut_in_two; the cut it is surest of); None otherwise."""
        if self._sure(whole) >= TOUCHING_SURE:
            return None
        best, surest = None, 0.0
        for halves in cut_in_two(sketch):
            guesses = []
            for half in halves:  # the second only when the first is sure: most cuts are of one thing
                guesses.append(self.guess(np.where(half.mask, sketch, 1.0), top))
                if self._sure(guesses[-1]) < TOUCHING_SURE:
                    break
            else:
                sure = sum(self._sure(g) for g in guesses)
                if sure > surest:
                    best, surest = list(zip(halves, guesses)), sure
        return best

    def surer_apart(self, things: list[tuple[Part, list[Guess]]], whole: list[Guess]) -> bool:
        """Whether the recogniser is surer of one of `things` alone than of the whole drawing."""
        return max(self._sure(guesses) for _, guesses in things) > self._sure(whole)

    def _sure(self, guesses: list[Guess]) -> float:
        """How sure the first of `guesses` is, when it is a thing (not "other")."""
        return guesses[0].probability if guesses and guesses[0].thing in self.things else 0.0

    def confident(self, guesses: list[Guess]) -> Thing | None:
        """The thing the clean look may colour by: the first guess when it is sure enough and not "other"."""
        if guesses and guesses[0].probability >= self.threshold and guesses[0].thing in self.things:
            return self.things[guesses[0].thing]
        return None


def read_manifest(path: Path) -> dict:
    """The package's manifest as JSON, or RecogniserError naming the file (read only when it is a plain file
    of a manifest's size)."""
    try:
        return small_package.read_manifest(path, MAX_MANIFEST_BYTES)
    except ValueError as e:
        raise RecogniserError(str(e)) from None


def _parse(manifest: dict, folder: Path) -> tuple[list[str], dict[str, Thing], dict]:
    if manifest["format"] != FORMAT:
        raise ValueError(f"format {manifest['format']!r}, this app reads {FORMAT}")
    classes = [str(c) for c in manifest["classes"]]
    things = {}
    for entry in manifest["things"]:
        template = folder / "templates" / f"{entry['id']}.png"
        if entry["id"] not in classes or not template.is_file() or not entry["id"].replace("_", "").isalnum():
            raise ValueError(f"thing {entry['id']!r} is not a class or has no template")
        things[entry["id"]] = Thing(entry["id"], {k: str(v) for k, v in entry["names"].items()},
                                    str(entry["hexcode"]), template)
    return classes, things, manifest["tflite"]


_bundled: Recogniser | None = None
_bundled_lock = threading.Lock()


def bundled_recogniser_dir() -> Path:
    return resources_dir() / "recogniser"


def bundled_recogniser() -> Recogniser | None:
    """The recogniser shipped with the app, loaded once; None where there is none or no LiteRT, so that
    pictures come as before."""
    global _bundled
    with _bundled_lock:
        if _bundled is None and (bundled_recogniser_dir() / MANIFEST_NAME).is_file():
            try:
                _bundled = Recogniser(bundled_recogniser_dir())
            except (RecogniserError, ImportError):
                log.exception("the recogniser could not be loaded")
                return None
        return _bundled


@functools.cache
def bundled_things() -> dict[str, Thing]:
    """The bundled recogniser's things, with their words and colour templates, from its manifest alone (no
    network loaded): what the drawing screen shows for a guess. {} where the package cannot be read (logged:
    the guesses then show no buttons). Read first on the generation thread (`Generator.offers`), so that the
    UI thread finds it without touching the disk."""
    manifest_path = bundled_recogniser_dir() / MANIFEST_NAME
    try:
        return _parse(read_manifest(manifest_path), bundled_recogniser_dir())[1]
    except (ValueError, KeyError, TypeError) as e:  # RecogniserError is a ValueError
        log.error("the recogniser's things cannot be read from %s (%s): reinstall the app", manifest_path, e)
        return {}


@functools.cache
def thing_png(thing: str) -> bytes | None:
    """The bundled `thing`'s colour template as PNG bytes, for its button; None when there is none. Read
    first on the generation thread, as `bundled_things`."""
    known = bundled_things().get(thing)
    try:
        return None if known is None else known.template.read_bytes()
    except OSError as e:
        log.error("the colour template %s cannot be read (%s): reinstall the app", known.template, e)
        return None
