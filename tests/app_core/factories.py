"""Drawings and images for the app-core tests."""

import random

from PIL import Image

from icanvas_desktop.drawing.picture import Picture
from icanvas_desktop.drawing.rasterize import png_bytes, render_sketch
from icanvas_desktop.drawing.strokes import Drawing, PenSize, Point, Stroke, Tool
from icanvas_desktop.look import Look


def scribble(seed: int, strokes: int = 3) -> Drawing:
    """A drawing with plenty of ink, different for each seed."""
    rng = random.Random(seed)
    drawing = Drawing()
    for _ in range(strokes):
        points = [Point(rng.uniform(0.1, 0.9), rng.uniform(0.1, 0.9), rng.uniform(0.5, 1.0))
                  for _ in range(6)]
        drawing.add(Stroke(Tool.PEN, PenSize.MEDIUM, points))
    return drawing


def line(y: float = 0.5, *, tool: Tool = Tool.PEN, size: PenSize = PenSize.MEDIUM, pressure: float = 1.0,
         x0: float = 0.1, x1: float = 0.9) -> Stroke:
    return Stroke(tool, size, (Point(x0, y, pressure), Point(x1, y, pressure)))


def creation_files(drawing: Drawing, size: int = 64, colour=(200, 120, 40)) -> tuple[bytes, bytes]:
    """The sketch PNG for `drawing` and a stand-in generated picture, as a UI would pass them."""
    return png_bytes(render_sketch(drawing, size)), png_bytes(Image.new("RGB", (size, size), colour))


def creation_of(drawing: Drawing, theme_id: str = "animals", look: Look | None = None, size: int = 64,
                colour=(200, 120, 40)) -> Picture:
    """A picture of `drawing` as the drawing screen saves it, with a stand-in generated picture."""
    return Picture(drawing, *creation_files(drawing, size, colour), theme_id, look)


def save_many(data_root: str, profile_id: str, seeds: list[int], themes: list[str], start) -> None:
    """A second app instance: open the profile and save one creation per seed (run in a child process)."""
    import os

    os.environ["ICANVAS_DATA_DIR"] = data_root
    from icanvas_desktop.profiles.session import ChildSession
    from icanvas_desktop.profiles.store import ProfileStore

    with ChildSession(ProfileStore().get(profile_id)) as session:
        start.wait(timeout=30)  # both instances save at the same time
        for seed, theme in zip(seeds, themes):
            drawing = scribble(seed)
            session.save_creation(creation_of(drawing, theme))
