"""Crayon strokes: colour hints that are undone, kept and reopened like pen strokes, but are never ink."""

import json

import numpy as np
import pytest
from factories import creation_files, creation_of, line, scribble

from icanvas_desktop.drawing.draft import Draft, DraftFile
from icanvas_desktop.drawing.picture import Picture
from icanvas_desktop.drawing.rasterize import (
    FINGERPRINT_SIZE,
    GrowingSketch,
    erases_ink,
    render_hints,
    render_sketch,
    sketch_fingerprint,
)
from icanvas_desktop.drawing.sketchpad import Sketchpad
from icanvas_desktop.drawing.strokes import (
    CRAYON_COLOURS,
    Crayon,
    Drawing,
    DrawingFormatError,
    PenSize,
    Point,
    Stroke,
    Tool,
)
from icanvas_desktop.profiles.session import ChildSession
from icanvas_desktop.profiles.store import ProfileStore


def crayon(crayon: Crayon = Crayon.RED, y: float = 0.5, x0: float = 0.3, x1: float = 0.7) -> Stroke:
    return Stroke(Tool.CRAYON, PenSize.MEDIUM, (Point(x0, y), Point(x1, y)), crayon)


def test_the_eight_crayons_are_far_apart():
    assert len(Crayon) == 8 and set(CRAYON_COLOURS) == set(Crayon)
    colours = np.array(list(CRAYON_COLOURS.values()), float)
    distances = np.linalg.norm(colours[:, None] - colours[None], axis=-1)
    assert distances[~np.eye(8, dtype=bool)].min() > 60


def test_only_a_crayon_stroke_has_a_crayon():
    with pytest.raises(ValueError):
        Stroke(Tool.CRAYON, PenSize.MEDIUM, (Point(0.5, 0.5),))
    with pytest.raises(ValueError):
        Stroke(Tool.PEN, PenSize.MEDIUM, (Point(0.5, 0.5),), Crayon.BLUE)
    assert crayon().width == pytest.approx(0.05)  # a medium crayon is 5% of the sheet wide


def test_crayon_strokes_undo_and_redo_like_pen_strokes():
    drawing = scribble(1)
    pen = drawing.strokes
    red, blue = crayon(Crayon.RED), crayon(Crayon.BLUE, y=0.7)
    drawing.add(red)
    drawing.add(blue)
    assert drawing.has_crayon and drawing.undo() and drawing.strokes == (*pen, red)
    assert drawing.undo() and drawing.strokes == pen and not drawing.has_crayon
    assert drawing.redo() and drawing.redo() and drawing.strokes == (*pen, red, blue)
    assert drawing.clear() and drawing.undo() and drawing.strokes == (*pen, red, blue)


def test_crayons_alone_leave_the_sketch_blank():
    drawing = Drawing([crayon()])
    assert drawing.is_empty and len(drawing) == 1
    assert render_sketch(drawing, 64).getextrema() == (255, 255)


def test_crayon_strokes_do_not_change_the_sketch_fed_to_the_generator():
    drawing = scribble(3)
    coloured = Drawing([*drawing.strokes[:1], crayon(Crayon.GREEN, 0.4), *drawing.strokes[1:],
                        crayon(Crayon.PINK, 0.6, 0.0, 1.0)])
    assert render_sketch(coloured, 256).tobytes() == render_sketch(drawing, 256).tobytes()
    growing = GrowingSketch()
    for end in range(1, len(coloured) + 1):
        assert growing.render(Drawing(coloured.strokes[:end]), 128).tobytes() == \
            render_sketch(Drawing(coloured.strokes[:end]), 128).tobytes()


def test_the_hint_layer_is_each_crayon_opaque_where_it_went_and_nothing_elsewhere():
    drawing = Drawing([line(0.5), crayon(Crayon.RED, 0.5), crayon(Crayon.BLUE, 0.5, 0.5, 0.9)])
    hints = render_hints(drawing, 100)
    assert hints.mode == "RGBA" and hints.size == (100, 100)
    pixels = np.asarray(hints)
    assert set(np.unique(pixels[..., 3])) == {0, 255}
    assert tuple(pixels[50, 40]) == (*CRAYON_COLOURS[Crayon.RED], 255)  # under the pen line too
    assert tuple(pixels[50, 70]) == (*CRAYON_COLOURS[Crayon.BLUE], 255)  # the later crayon on top
    assert tuple(pixels[10, 50]) == (0, 0, 0, 0)
    rows = np.flatnonzero(pixels[:, 40, 3])
    assert 4 <= len(rows) <= 6  # 5% of the sheet
    drawn = {tuple(p) for p in pixels.reshape(-1, 4) if p[3]}
    assert drawn == {(*CRAYON_COLOURS[c], 255) for c in (Crayon.RED, Crayon.BLUE)}  # no blends
    assert render_hints(scribble(1), 32).getextrema()[3] == (0, 0)


def test_the_eraser_rubs_out_crayon_too_and_counts_as_a_step():
    drawing = Drawing([crayon(Crayon.YELLOW, 0.5)])
    eraser = Stroke(Tool.ERASER, PenSize.MEDIUM, (Point(0.5, 0.2), Point(0.5, 0.8)))
    assert erases_ink(drawing, eraser)
    assert not erases_ink(drawing, Stroke(Tool.ERASER, PenSize.MEDIUM, (Point(0.1, 0.1), Point(0.2, 0.1))))
    drawing.add(eraser)
    pixels = np.asarray(render_hints(drawing, 100))
    assert pixels[50, 50, 3] == 0 and pixels[50, 35, 3] == 255
    # and a crayon drawn after the eraser is there again
    drawing.add(crayon(Crayon.GREEN, 0.5, 0.45, 0.55))
    assert tuple(np.asarray(render_hints(drawing, 100))[50, 50]) == (*CRAYON_COLOURS[Crayon.GREEN], 255)


def test_the_sketchpad_draws_with_the_chosen_crayon_until_the_pen_is_picked_again():
    pad = Sketchpad(Drawing([line(0.5)]))
    pad.tool, pad.crayon = Tool.CRAYON, Crayon.PURPLE
    pad.begin(Point(0.2, 0.2))
    pad.extend(Point(0.4, 0.2))
    assert pad.live_drawing().strokes[-1].crayon is Crayon.PURPLE
    assert pad.end() and pad.drawing.strokes[-1] == Stroke(Tool.CRAYON, PenSize.MEDIUM,
                                                            (Point(0.2, 0.2), Point(0.4, 0.2)), Crayon.PURPLE)
    pad.begin(Point(0.5, 0.5), tool=Tool.ERASER)  # a tablet pen's eraser end
    pad.extend(Point(0.5, 0.6))
    assert pad.end() and pad.drawing.strokes[-1].crayon is None
    pad.tool = Tool.PEN
    pad.begin(Point(0.6, 0.6))
    assert pad.end() and pad.drawing.strokes[-1].tool is Tool.PEN and pad.drawing.strokes[-1].crayon is None


def test_json_keeps_the_crayons_and_old_drawings_still_read():
    drawing = scribble(2)
    drawing.add(crayon(Crayon.ORANGE))
    text = drawing.to_json()
    assert json.loads(text)["version"] == 2
    assert Drawing.from_json(text) == drawing and Drawing.from_json(text).strokes[-1].crayon is Crayon.ORANGE
    plain = scribble(2).to_json()
    assert json.loads(plain)["version"] == 1  # without crayons, an app from before them reads it too
    old = ('{"format":"icanvas-drawing","version":1,'
           '"strokes":[{"tool":"pen","size":"small","points":[[0.1,0.2,1]]}]}')
    assert Drawing.from_json(old).strokes == (Stroke(Tool.PEN, PenSize.SMALL, (Point(0.1, 0.2),)),)
    for bad in ('{"tool":"crayon","size":"small","points":[[0,0,1]]}',
                '{"tool":"crayon","size":"small","points":[[0,0,1]],"crayon":"silver"}',
                '{"tool":"pen","size":"small","points":[[0,0,1]],"crayon":"red"}'):
        with pytest.raises(DrawingFormatError):
            Drawing.from_json(f'{{"format":"icanvas-drawing","version":2,"strokes":[{bad}]}}')


def test_the_draft_keeps_the_crayons(tmp_path):
    drawing = Drawing([*scribble(1).strokes, crayon(Crayon.BLUE)])
    sketch, picture = creation_files(drawing)
    drafts = DraftFile(tmp_path / "draft.json")
    drafts.save(Draft(drawing, "animals", Picture(drawing, sketch, picture, "animals", "clean")))
    again = drafts.load()
    assert again.drawing == drawing and again.picture.drawing == drawing
    assert render_hints(again.drawing, 64).tobytes() == render_hints(drawing, 64).tobytes()
    drafts.save(Draft(Drawing([crayon()])))  # crayons alone are something to bring back
    assert drafts.load().drawing == Drawing([crayon()])


def test_a_saved_creation_keeps_its_crayons_and_the_same_lines_coloured_otherwise_are_another():
    with ChildSession(ProfileStore().create("지우", "cat")) as session:
        drawing = Drawing([*scribble(1).strokes, crayon(Crayon.RED)])
        first = session.save_creation(creation_of(drawing))
        assert session.gallery.get(first.creation.id).load_drawing() == drawing
        assert session.save_creation(creation_of(drawing)).already_saved
        recoloured = Drawing([*scribble(1).strokes, crayon(Crayon.GREEN)])
        assert not session.save_creation(creation_of(recoloured)).already_saved
    with ChildSession(ProfileStore().list()[0]) as reopened:
        kept = {c.load_drawing().strokes[-1].crayon for c in reopened.gallery.list_creations()}
    assert kept == {Crayon.RED, Crayon.GREEN}


def test_a_drawing_without_crayons_keeps_its_fingerprint():
    sketch = render_sketch(scribble(4), FINGERPRINT_SIZE)
    empty = render_hints(scribble(4), FINGERPRINT_SIZE)
    assert sketch_fingerprint(sketch, empty) == sketch_fingerprint(sketch)
    red = render_hints(Drawing([crayon()]), FINGERPRINT_SIZE)
    assert sketch_fingerprint(sketch, red) != sketch_fingerprint(sketch)
