"""A creation's content, the one record that drafts, picture jobs, saving and opening all pass around.

A `PictureRequest` is a picture asked for: the drawing as it was (a copy), the sketch the generator sees,
the theme, the look and the child's colour choice (`thing`, `colouring`). A `Picture` is what came back,
with exactly what it was made from; the draft keeps it (drawing/draft.py), "Save" stores it
(profiles/session.py, gallery/store.py), and a creation opened from the gallery is one again
(gallery/store.Creation.reopen).
"""

from dataclasses import dataclass, field
from pathlib import Path

from icanvas_desktop.drawing.scene_names import is_names, names_of
from icanvas_desktop.drawing.strokes import Drawing
from icanvas_desktop.look import Look

# `thing` when the child has not chosen: the clean look colours the drawing as what the recogniser is sure it
# is, if it is sure of anything (generation/pipeline.Generator.generate).
GUESSED = "guessed"


@dataclass(frozen=True)
class SceneThing:
    """One thing of a picture of several (generation/scene.py), for "Is it a ...?" asked of it alone."""

    box: tuple[float, float, float, float]  # left, top, right, bottom, as shares of the sheet
    offered: tuple[str, ...]  # what it may be, likeliest first (as Picture.guesses)
    # What the child named it (drawing/scene_names.py: a thing's id, or None for "none of these"); GUESSED
    # when they did not.
    named: str | None = GUESSED


@dataclass(frozen=True)
class Picture:
    """A generated picture and exactly what it was made from."""

    drawing: Drawing  # a copy of the strokes at the time of the request
    sketch_png: bytes  # the sketch the generator saw
    picture_png: bytes
    theme_id: str
    look: Look | None = None  # the look it was made in; None: not known (kept before the looks)
    # What the clean look coloured it as: GUESSED, a recogniser class id the child chose ("Is it a ...?"),
    # or None ("none of these": the theme's colours), or a scene's things named one by one
    # (drawing/scene_names.py). Pictures kept before the choice read as GUESSED.
    thing: str | None = GUESSED
    colouring: int = 0  # the dice's seed: 0 the usual colouring, another number another plausible one
    # What the child may have drawn, likeliest first, for "Is it a ...?" (generation/pipeline.offers): found
    # with the picture and not kept with it, since a picture made again finds them again.
    guesses: tuple[str, ...] = field(default=(), compare=False)
    # A picture of several things: each thing, for "Is it a ...?" asked of one at a time (its guesses then
    # stay ()); found and not kept, as the guesses.
    scene: tuple[SceneThing, ...] = field(default=(), compare=False)


@dataclass(frozen=True, eq=False)
class PictureRequest:
    """One picture to make, and exactly what from. Nothing in it changes, so the generation thread reads it
    as it is while the UI thread goes on; the crayons travel as the drawing's strokes, which the worker
    renders as the hint layer at its generator's size."""

    theme_folder: Path
    theme_id: str
    drawing: Drawing  # a copy of the strokes the sketch was drawn from, never changed
    sketch_png: bytes  # the pen's strokes as the generator sees them (drawing/rasterize.render_sketch)
    look: Look
    thing: str | None = GUESSED  # as Picture's
    colouring: int = 0

    def made(self, picture_png: bytes, guesses: tuple[str, ...] = (),
             scene: tuple[SceneThing, ...] = ()) -> Picture:
        """The picture made for this request, and what the recogniser offered for it (for its things one by
        one, in a scene)."""
        return Picture(self.drawing, self.sketch_png, picture_png, self.theme_id, self.look,
                       self.thing, self.colouring, guesses, scene)


def colour_choice(data: dict) -> tuple[str | None, int]:
    """The `thing` and `colouring` kept in `data` (a draft's picture, a creation.json); absent (kept before
    the child could choose) or not of their kind (names of a scene's things that do not read), the defaults:
    GUESSED and 0."""
    thing = data.get("thing", GUESSED)
    colouring = data.get("colouring", 0)
    if is_names(thing):
        try:
            names_of(thing)
        except ValueError:
            thing = GUESSED
    return (thing if thing is None or isinstance(thing, str) else GUESSED,
            colouring if type(colouring) is int and 0 <= colouring < 2**31 else 0)
