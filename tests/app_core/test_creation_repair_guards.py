"""Repairing one creation folder when the repair itself meets trouble: a FIFO that cannot be moved aside,
pictures that are not PNGs or claim too many pixels, nothing left to make a thumbnail from, a creation.json
already gone."""

import errno
import io
import json
import os

from factories import creation_files, scribble
from PIL import Image

from icanvas_desktop.gallery import creation_repair
from icanvas_desktop.gallery.creation_repair import (
    THUMBNAIL_SIZE,
    decoded,
    make_thumbnail_again,
    needs_care,
    rebuilt_meta,
    set_aside_odd_files,
)


def creation_folder(tmp_path, seed: int = 1):
    folder = tmp_path / "c1"
    folder.mkdir()
    drawing = scribble(seed)
    sketch, picture = creation_files(drawing)
    (folder / "strokes.json").write_text(drawing.to_json())
    (folder / "sketch.png").write_bytes(sketch)
    (folder / "picture.png").write_bytes(picture)
    return folder


def test_a_fifo_that_cannot_be_moved_aside_is_reported_and_left(tmp_path, monkeypatch):
    folder = creation_folder(tmp_path)
    (folder / "picture.png").unlink()
    os.mkfifo(folder / "picture.png")

    def read_only(path, label):
        raise PermissionError(errno.EACCES, "Permission denied", str(path))

    monkeypatch.setattr(creation_repair, "set_aside", read_only)
    assert needs_care(folder)
    [said] = set_aside_odd_files(folder)
    assert said.startswith(f"{folder / 'picture.png'} is not a plain file and could not be moved aside")
    assert (folder / "picture.png").exists() and (folder / "strokes.json").is_file()


def test_a_folder_that_is_gone_needs_no_care(tmp_path):
    assert not needs_care(tmp_path / "gone")


def test_pictures_that_are_not_png_or_claim_too_many_pixels_are_not_decoded(tmp_path):
    jpeg = io.BytesIO()
    Image.new("RGB", (8, 8)).save(jpeg, format="JPEG")
    (tmp_path / "a.png").write_bytes(jpeg.getvalue())
    Image.new("1", (5000, 5000)).save(tmp_path / "b.png")  # 25 million pixels in a few kilobytes
    assert decoded(tmp_path / "a.png") is None and decoded(tmp_path / "b.png") is None


def test_with_no_picture_left_the_thumbnail_is_made_blank_rather_than_missing(tmp_path):
    folder = creation_folder(tmp_path)
    for name in ("sketch.png", "picture.png"):
        (folder / name).write_bytes(b"garbled")
    assert make_thumbnail_again(folder)
    with Image.open(folder / "thumbnail.png") as thumb:
        assert thumb.size == (THUMBNAIL_SIZE, THUMBNAIL_SIZE) and thumb.getpixel((5, 5)) == (255, 255, 255)
    assert (folder / "sketch.png").read_bytes() == b"garbled"  # the child's files stay as they were


def test_a_creation_json_already_gone_is_written_again_from_the_files(tmp_path):
    folder = creation_folder(tmp_path)
    meta = rebuilt_meta(folder)
    assert meta is not None and meta["rebuilt"] and meta["id"] == "c1"
    assert json.loads((folder / "creation.json").read_text()) == meta
    assert not list(folder.glob("creation.json.damaged-*")) and (folder / "thumbnail.png").is_file()
