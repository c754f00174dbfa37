"""A creation's content, the one record that drafts, picture jobs, saving and opening all pass around.

A `PictureRequest` is a picture asked for: the drawing as it was (a copy), the sketch the generator sees,
the theme and the look. A `Picture` is what came back, with exactly what it was made from; the draft
keeps it (drawing/draft.py), "Save" stores it (profiles/session.py, gallery/store.py), and a creation
opened from the gallery is one again (gallery/store.Creation.reopen).
"""

from dataclasses import dataclass
from pathlib import Path

from icanvas_desktop.drawing.strokes import Drawing
from icanvas_desktop.look import Look


@dataclass(frozen=True)
class Picture:
    """A generated picture and exactly what it was made from."""

    drawing: Drawing  # a copy of the strokes at the time of the request
    sketch_png: bytes  # the sketch the generator saw
    picture_png: bytes
    theme_id: str
    look: Look | None = None  # the look it was made in; None: not known (kept before the looks)


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

    def made(self, picture_png: bytes) -> Picture:
        """The picture made for this request."""
        return Picture(self.drawing, self.sketch_png, picture_png, self.theme_id, self.look)
