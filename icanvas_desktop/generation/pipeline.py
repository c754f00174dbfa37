"""One function from a sketch image to a picture; the app, the evaluator and the tests all use it."""

import importlib.util
import os
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

import numpy as np
from PIL import Image

from icanvas_desktop.drawing.picture import GUESSED, SceneThing
from icanvas_desktop.drawing.scene_names import Name, is_names, name_in, names_of
from icanvas_desktop.generation.clean_look import Recolour, Regions, find_regions, paint_regions
from icanvas_desktop.generation.colour_prior import apply_prior
from icanvas_desktop.generation.colourer import (
    Colourer,
    Reading,
    apply_colourer,
    bundled_colourer,
    other_choices,
)
from icanvas_desktop.generation.colourings import another_colouring
from icanvas_desktop.generation.litert import LiteRTRuntime, ModelTooLarge, litert_available
from icanvas_desktop.generation.recognise import Guess, Recogniser, bundled_recogniser, thing_png
from icanvas_desktop.generation.runtime import KerasRuntime, Runtime
from icanvas_desktop.generation.scene import Part, part_regions, regions_of_parts
from icanvas_desktop.generation.sketch_input import (
    generator_input,
    hints_to_array,
    picture_from_array,
    sketch_to_array,
)
from icanvas_desktop.look import Look
from icanvas_desktop.themes import Theme, ThemeError

RUNTIMES = ("auto", "litert", "keras")
# "Is it a ...?" is asked when the likeliest thing is at least this likely (fairly sure, since the child
# answers), and always when the picture is coloured by it (the recogniser's own threshold, if lower).
# The app's generator leaves one core to the window, so that the pen stays smooth while live pictures are
# made (on 2 cores a picture takes about twice as long, which live mode still shows 10+ times a second).
INFERENCE_THREADS = max(1, (os.cpu_count() or 2) - 1)
OFFER_ABOVE = 0.3
# Beside it, the next likeliest things that are at least this likely (three buttons at most).
OFFER_ALSO = 0.05
OFFERED = 3
# The regions, the recogniser and the colourer need only the sketch, so they are found on this thread
# while the generator runs on the caller's (LiteRT and NumPy let go of the GIL while they compute): on two
# cores a clean picture comes 2-3 ms sooner (benchmarks/colour_choice.py, docs/themes/colourer.md). One
# thread: the networks keep their own locks anyway.
_BESIDE_GENERATOR = ThreadPoolExecutor(max_workers=1, thread_name_prefix="icanvas-beside-generator")


@dataclass
class Generator:
    input_size: int
    runtime: Runtime
    look: Look = Look.PAINTED  # when a call names none: the theme's own
    recogniser: Recogniser | None = None  # what was drawn, for the clean look's colours; None: the theme's
    colourer: Colourer | None = None  # which colours fit the drawing's parts; None: the theme's

    def generate(self, sketch: Image.Image, look: Look | str | None = None,
                 hints: Image.Image | None = None, thing: str | None = GUESSED,
                 colouring: int = 0) -> Image.Image:
        """Sketch of any size and mode → RGB picture at the generator's input size, in `look`.

        `hints` is the crayons' RGBA layer (drawing/rasterize.render_hints), or None: a generator that reads
        them follows them, one that does not (1 input channel) makes the same picture as without; the clean
        look colours the regions they touched in their colours either way.

        `thing` says what the clean look colours the drawing as: GUESSED, what the recogniser is sure of
        (nothing when it is not); a thing's id (one of `guesses`, which the child chose); None, the
        theme's own colours ("none of these"); or a scene's things named one by one (drawing/scene_names.py:
        each named thing as named, the others as GUESSED). `colouring` is the dice's seed: 0 the usual
        colours, another number another plausible colouring of the same regions (generation/colourings.py).
        """
        return self.generate_batch([sketch], look, [hints], thing, colouring)[0]

    def guesses(self, sketch: Image.Image, top: int = 3) -> list[Guess]:
        """What the child may have drawn, likeliest first (for "Is it a ...?"); [] without a recogniser."""
        return [] if self.recogniser is None else self.recogniser.guess(sketch, top)

    def offers(self, sketch: Image.Image) -> tuple[str, ...]:
        """The things to offer the child for "Is it a ...?", likeliest first: () unless the recogniser is
        fairly sure (OFFER_ABOVE) of a thing; "other" is never offered, "none of these" stands for it."""
        return () if self.recogniser is None else self._offered(self.recogniser.guess(sketch, OFFERED + 1))

    def generate_offering(self, sketch: Image.Image, look: Look | str | None = None,
                          hints: Image.Image | None = None, thing: str | None = GUESSED,
                          colouring: int = 0
                          ) -> tuple[Image.Image, tuple[str, ...], tuple[SceneThing, ...]]:
        """`generate`, and for a look of the region colours the things to offer with it (`offers`), from
        one run of the recogniser: what the app asks for each picture. For a scene, the things to offer
        are each thing's own (the third item) and none for the whole drawing."""
        pictures, guesses, scenes = self._made([sketch_to_array(sketch, self.input_size)], look, [hints],
                                               thing, colouring, top=OFFERED + 1)
        return pictures[0], () if guesses[0] is None else self._offered(guesses[0]), scenes[0]

    def _offered(self, guesses: list[Guess]) -> tuple[str, ...]:
        things = [g for g in guesses if g.thing in self.recogniser.things]
        if not things or things[0].probability < min(OFFER_ABOVE, self.recogniser.threshold):
            return ()
        offered = tuple(g.thing for g in things[:OFFERED] if g.probability >= OFFER_ALSO)
        for thing in offered:
            thing_png(thing)  # read here, off the UI thread, which shows it (ui/guess_bar.py)
        return offered

    def generate_batch(self, sketches: list[Image.Image], look: Look | str | None = None,
                       hints: list[Image.Image | None] | None = None,
                       thing: str | None = GUESSED, colouring: int = 0) -> list[Image.Image]:
        """`generate` for several sketches at once."""
        return self._made([sketch_to_array(s, self.input_size) for s in sketches], look, hints, thing,
                          colouring)[0]

    def _made(self, arrays: list[np.ndarray], look: Look | str | None, hints: list[Image.Image | None] | None,
              thing: str | None, colouring: int, top: int | None = None
              ) -> tuple[list[Image.Image], list[list[Guess] | None], list[tuple[SceneThing, ...]]]:
        """The pictures of sketches already read at the input size (sketch_to_array), the recogniser's
        `top` guesses for each in a look of the region colours (None where not asked, or in the painted
        look; [] for a scene coloured thing by thing), and a scene's things with theirs (() for a drawing
        of one thing)."""
        hint_arrays = [None if h is None else hints_to_array(h, self.input_size)
                       for h in (hints if hints is not None else [None] * len(arrays))]
        if len(hint_arrays) != len(arrays):
            raise ValueError(f"{len(arrays)} sketches but {len(hint_arrays)} hint layers")
        look = Look(self.look if look is None else look)
        names = names_of(thing)
        guessed = thing == GUESSED or is_names(thing)
        if top is None and guessed:
            top = 1
        beside = None if look is Look.PAINTED else _BESIDE_GENERATOR.submit(self._read, arrays, top, guessed,
                                                                           bool(names))
        channels = getattr(self.runtime, "input_channels", 1)
        inputs = np.stack([generator_input(a, h, channels) for a, h in zip(arrays, hint_arrays)])
        pictures = [picture_from_array(p) for p in self.runtime(inputs)]
        if beside is None:
            return pictures, [None] * len(arrays), [()] * len(arrays)
        readings = beside.result()
        things = [() if scene is None else self._scene_things(scene, names, a.shape[:2])
                  for a, (_, _, scene, _) in zip(arrays, readings)]
        painted = [paint_regions(regions, p, hints=h, look=look,
                                 recolour=self._recolour(thing, colouring, guesses, scene, reading, named))
                   for p, h, (regions, guesses, scene, reading), named
                   in zip(pictures, hint_arrays, readings, things)]
        # A scene's things are each coloured as what they look like, and asked about one by one.
        return painted, [[] if scene else guesses for _, guesses, scene, _ in readings], things

    def _read(self, arrays: list[np.ndarray], top: int | None, scenes: bool, apart: bool
              ) -> list[tuple[Regions, list[Guess] | None, list[tuple[Part, list[Guess]]] | None,
                              Reading | None]]:
        """For each sketch, its regions, the recogniser's `top` guesses (when asked), its things one by one
        with theirs when it is a scene (when `scenes`: the clean look colours by the guesses; always read
        `apart` when it has two or more, once the child named one) and the colourer's reading."""
        readings = []
        for array in arrays:
            sketch = array[..., 0]
            guesses = None if self.recogniser is None or top is None else self.recogniser.guess(sketch, top)
            scene = (self.recogniser.scene(sketch, guesses, top, apart=apart)
                     if scenes and guesses is not None else None)
            readings.append((find_regions(sketch), guesses, scene,
                             None if self.colourer is None else self.colourer.read(sketch)))
        return readings

    def _scene_things(self, scene: list[tuple[Part, list[Guess]]], names: tuple[Name, ...],
                      size: tuple[int, int]) -> tuple[SceneThing, ...]:
        """A scene's things as the picture carries them: where each is, what to offer for it, and what the
        child named it (GUESSED when they did not)."""
        height, width = size
        boxes = [(left / width, top / height, right / width, bottom / height)
                 for top, left, bottom, right in (part.box for part, _ in scene)]
        named = [name_in(names, box, boxes) for box in boxes]
        return tuple(SceneThing(box, self._offered(guesses), GUESSED if name is None else name.thing)
                     for box, (_, guesses), name in zip(boxes, scene, named))

    def _recolour(self, thing: str | None, colouring: int, guesses: list[Guess] | None,
                  scene: list[tuple[Part, list[Guess]]] | None, reading: Reading | None,
                  named: tuple[SceneThing, ...]) -> Recolour | None:
        prior = (self._prior(GUESSED if is_names(thing) else thing, guesses) if scene is None
                 else self._scene_prior(scene, named))
        if self.colourer is None and prior is None and not colouring:
            return None

        def recolour(regions, colours, paper):
            votes = None if self.colourer is None else self.colourer.votes(regions, reading)
            palette = None if votes is None else self.colourer.palette
            sensed = colours if votes is None else apply_colourer(regions, colours, votes, palette, paper)
            usual = sensed if prior is None else prior(regions, sensed, paper)
            if not colouring:
                return usual
            # Another family only where the colourer chose the colour: a thing's template is its colours.
            also = None if votes is None else other_choices(usual, votes, palette,
                                                            keep=paper | (usual != sensed).any(axis=1))
            return another_colouring(usual, colouring, theme=colours, keep=paper, also=also)

        return recolour

    def _prior(self, thing: str | None, guesses: list[Guess] | None) -> Recolour | None:
        if self.recogniser is None or thing is None:
            return None
        if thing == GUESSED:
            chosen = self.recogniser.confident(guesses)
            thing = None if chosen is None else chosen.id
        elif thing not in self.recogniser.classes:
            raise ValueError(f"the recogniser knows no {thing!r}")
        template = None if thing is None else self.recogniser.template(thing)
        if template is None:  # nothing sure, or "other": the theme's colours
            return None
        return lambda regions, colours, paper: apply_prior(regions, colours, template, keep=paper)

    def _scene_prior(self, scene: list[tuple[Part, list[Guess]]], named: tuple[SceneThing, ...]
                     ) -> Recolour | None:
        """Each thing of a scene coloured as the child named it (`named`, in the scene's order), or else as
        what the recogniser is sure it is, in its own regions; None when there is no such thing."""
        def coloured_as(guesses: list[Guess], said: SceneThing) -> str | None:
            if said.named != GUESSED:
                return said.named
            thing = self.recogniser.confident(guesses[:1])
            return None if thing is None else thing.id

        sure = [(index, part, template) for index, ((part, guesses), said) in enumerate(zip(scene, named))
                if (thing := coloured_as(guesses, said)) is not None
                and (template := self.recogniser.template(thing)) is not None]
        if not sure:
            return None

        def recolour(regions, colours, paper):
            owner = regions_of_parts(regions, [part for part, _ in scene])
            for index, part, template in sure:
                mine = part_regions(regions, owner, index, part)
                colours = apply_prior(mine, colours, template, keep=paper)
            return colours

        return recolour


def load_generator(theme: Theme, runtime: str = "auto", num_threads: int | None = None) -> Generator:
    """`auto` takes LiteRT when the theme ships a .tflite and an interpreter is there, else Keras.

    `num_threads` is LiteRT's (every core when None); Keras uses TensorFlow's own setting.
    """
    if runtime not in RUNTIMES:
        raise ValueError(f"runtime must be one of {RUNTIMES}, got {runtime!r}")
    if runtime == "auto":
        runtime = "litert" if theme.tflite_path is not None and litert_available() else "keras"
    if runtime == "litert":
        if theme.tflite_path is None:
            raise ThemeError(theme.folder, "has no .tflite model: add one with 'icanvas-train add-tflite'")
        try:
            return Generator(
                theme.input_size,
                LiteRTRuntime(theme.tflite_path, num_threads, input_size=theme.input_size),
                theme.look,
                bundled_recogniser(),
                bundled_colourer(),
            )
        except ModelTooLarge as e:
            raise ThemeError(
                theme.folder,
                f"{theme.tflite_path.name} is not a generator the app will run: {e}; "
                "reinstall or remove the theme",
            ) from e
    if not theme.has_keras_weights:
        raise ThemeError(
            theme.folder,
            f"has only its LiteRT model, not the Keras weights {theme.weights_path.name}, "
            "so it runs only through LiteRT (the ai-edge-litert package)",
        )
    if importlib.util.find_spec("keras") is None:
        raise ThemeError(
            theme.folder,
            "has no .tflite model, which this installation needs (it runs without "
            "TensorFlow): add one with 'icanvas-train add-tflite' and reinstall it",
        )
    return Generator(
        theme.input_size, KerasRuntime(theme.generator_config, theme.weights_path), theme.look,
        bundled_recogniser() if litert_available() else None,
        bundled_colourer() if litert_available() else None,
    )
