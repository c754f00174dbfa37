"""Copies of a creation, big enough to print: the picture enlarged, the sketch drawn again from its
strokes."""

from datetime import UTC, datetime

import numpy as np
import pytest
from factories import creation_files, scribble
from PIL import Image

from icanvas_desktop.drawing.rasterize import png_bytes, render_sketch
from icanvas_desktop.gallery.export import EXPORT_SIDE, ExportLayout, export_png
from icanvas_desktop.gallery.store import Gallery


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
