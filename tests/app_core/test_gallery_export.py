"""Copies of a creation, big enough to print: the picture enlarged, the sketch drawn again from its
strokes."""

from datetime import UTC, datetime

import numpy as np
import pytest
from factories import creation_files, scribble
from PIL import Image

from icanvas_desktop.drawing.rasterize import (
    CRAYON_OPACITY,
    png_bytes,
    render_as_seen,
    render_hints,
    render_sketch,
)
from icanvas_desktop.drawing.strokes import CRAYON_COLOURS, Crayon, Drawing, PenSize, Point, Stroke, Tool
from icanvas_desktop.gallery.export import A4_SIDE, EXPORT_SIDE, ExportLayout, ExportSize, export_png
from icanvas_desktop.gallery.store import Gallery
from icanvas_desktop.generation.big_picture import big_picture
from icanvas_desktop.generation.clean_look import INK, find_regions, paint_regions
from icanvas_desktop.generation.sketch_input import hints_to_array, sketch_to_array


def add(gallery: Gallery, seed: int, size: int):
    drawing = scribble(seed)
    sketch, _ = creation_files(drawing, size)
    # A gradient, not one colour: enlarging must be seen to be smooth, not only the right size.
    gradient = np.linspace(0, 255, size * size * 3).reshape(size, size, 3).astype(np.uint8)
    staged = gallery.stage(drawing, sketch, png_bytes(Image.fromarray(gradient)), "animals",
                           fingerprint=f"fp{seed}", created_at=datetime(2026, 5, 9, 9, 0, tzinfo=UTC))
    return gallery.commit(staged), drawing


def test_the_picture_alone_is_enlarged_smoothly_to_print_size(tmp_path):
    with Gallery(tmp_path / "g") as gallery:
        creation, _ = add(gallery, 1, size=64)
    target = export_png(creation, tmp_path / "out" / "my picture.png")
    assert EXPORT_SIDE >= 1024
    with Image.open(target) as exported, Image.open(creation.picture_path) as picture:
        assert exported.format == "PNG" and exported.size == (EXPORT_SIDE, EXPORT_SIDE)
        expected = picture.convert("RGB").resize((EXPORT_SIDE, EXPORT_SIDE), Image.Resampling.LANCZOS)
        assert np.array_equal(np.asarray(exported.convert("RGB")), np.asarray(expected))
    assert [p.name for p in target.parent.iterdir()] == ["my picture.png"]


def test_a_picture_already_big_enough_is_kept_as_it_is(tmp_path):
    with Gallery(tmp_path / "g") as gallery:
        creation, _ = add(gallery, 1, size=64)
    target = export_png(creation, tmp_path / "same.png", side=32)
    with Image.open(target) as exported, Image.open(creation.picture_path) as picture:
        assert np.array_equal(np.asarray(exported.convert("RGB")), np.asarray(picture.convert("RGB")))


def test_side_by_side_draws_the_sketch_again_at_full_size(tmp_path):
    with Gallery(tmp_path / "g") as gallery:
        creation, drawing = add(gallery, 1, size=64)
    target = export_png(creation, tmp_path / "both.png", "side_by_side")
    with Image.open(target) as sheet:
        assert sheet.height == EXPORT_SIDE and sheet.width > 2 * EXPORT_SIDE
        pixels = np.asarray(sheet.convert("RGB"))
    assert np.array_equal(pixels[:, :EXPORT_SIDE, 0], np.asarray(render_sketch(drawing, EXPORT_SIDE)))
    with pytest.raises(ValueError):
        export_png(creation, tmp_path / "x.png", "collage")
    assert ExportLayout("picture") is ExportLayout.PICTURE


def test_unreadable_strokes_fall_back_on_the_saved_sketch(tmp_path):
    with Gallery(tmp_path / "g") as gallery:
        creation, _ = add(gallery, 1, size=64)
    creation.strokes_path.write_text("{ not json")
    target = export_png(creation, tmp_path / "both.png", "side_by_side")
    with Image.open(target) as sheet, Image.open(creation.sketch_path) as sketch:
        expected = sketch.convert("RGB").resize((EXPORT_SIDE, EXPORT_SIDE), Image.Resampling.LANCZOS)
        assert sheet.height == EXPORT_SIDE
        assert np.array_equal(np.asarray(sheet.convert("RGB"))[:, :EXPORT_SIDE], np.asarray(expected))


def add_clean(gallery: Gallery, drawing: Drawing, size: int = 256):
    """A creation in the clean look, its picture made as the app makes it."""
    sketch = render_sketch(drawing, size)
    regions = find_regions(sketch_to_array(sketch, size)[..., 0])
    hints = hints_to_array(render_hints(drawing, size), size) if drawing.has_crayon else None
    picture = paint_regions(regions, Image.new("RGB", (size, size), (240, 160, 40)), hints=hints)
    staged = gallery.stage(drawing, png_bytes(sketch), png_bytes(picture), "animals", fingerprint="fp",
                           look="clean", created_at=datetime(2026, 5, 9, 9, 0, tzinfo=UTC))
    return gallery.commit(staged), picture


def ring_drawing(with_crayon: bool = False) -> Drawing:
    ring = Stroke(Tool.PEN, PenSize.MEDIUM, tuple(Point(0.5 + 0.3 * np.cos(t), 0.5 + 0.3 * np.sin(t))
                                                  for t in np.linspace(0, 2 * np.pi, 90)))
    crayon = Stroke(Tool.CRAYON, PenSize.LARGE, (Point(0.05, 0.05), Point(0.15, 0.05)), Crayon.BLUE)
    return Drawing([ring, crayon] if with_crayon else [ring])


@pytest.mark.parametrize("size, layout, expected", [
    ("screen", "picture", (EXPORT_SIDE, EXPORT_SIDE)),
    ("a4", "picture", (A4_SIDE, A4_SIDE)),
    ("raw", "picture", (256, 256)),
    ("a4", "side_by_side", None),
])
def test_a_copy_for_the_screen_an_a4_page_or_at_the_themes_own_size(tmp_path, size, layout, expected):
    with Gallery(tmp_path / "g") as gallery:
        creation, _ = add_clean(gallery, ring_drawing())
    target = export_png(creation, tmp_path / "copy.png", layout, ExportSize(size), redraw=big_picture)
    with Image.open(target) as copy:
        if expected is None:  # side by side: the page's long side holds both
            assert A4_SIDE - 2 <= copy.width <= A4_SIDE and copy.height < copy.width / 2
        else:
            assert copy.size == expected


def test_a_clean_picture_is_drawn_afresh_with_crisp_lines(tmp_path):
    with Gallery(tmp_path / "g") as gallery:
        creation, picture = add_clean(gallery, ring_drawing())
    crisp = export_png(creation, tmp_path / "crisp.png", side=2048, redraw=big_picture)
    soft = export_png(creation, tmp_path / "soft.png", side=2048)
    with Image.open(crisp) as a, Image.open(soft) as b:
        row_a, row_b = np.asarray(a)[1024].astype(int), np.asarray(b)[1024].astype(int)
    fill = np.asarray(picture)[128, 128].astype(int)

    def between(row):  # pixels neither ink nor the fill nor paper along the row
        distance = np.min([np.abs(row - c).max(-1) for c in (INK, fill, (255, 255, 255))], axis=0)
        return int((distance > 24).sum())

    assert between(row_a) <= 4 and between(row_b) >= 12


def test_the_copys_sketch_shows_the_crayons_as_the_child_saw_them(tmp_path):
    drawing = ring_drawing(with_crayon=True)
    with Gallery(tmp_path / "g") as gallery:
        creation, _ = add_clean(gallery, drawing)
    target = export_png(creation, tmp_path / "both.png", "side_by_side")
    with Image.open(target) as sheet:
        crayoned = sheet.convert("RGB").getpixel((round(0.1 * EXPORT_SIDE), round(0.05 * EXPORT_SIDE)))
    blue = CRAYON_COLOURS[Crayon.BLUE]
    assert all(abs(c - (255 + (b - 255) * CRAYON_OPACITY)) <= 2 for c, b in zip(crayoned, blue)), crayoned
    assert render_as_seen(drawing, 64).getpixel((32, 32)) == (255, 255, 255)
    assert render_as_seen(Drawing(drawing.strokes[:1]), 256).convert("L").tobytes() == \
        render_sketch(Drawing(drawing.strokes[:1]), 256).tobytes()
