"""The small guards of the core that protect a child's work and nobody else's: a profile copied into the
wrong folder, leftovers that cannot be removed or belong to a live process, and the checks on what the
canvas hands the drawing model."""

import json
import logging
import os
import shutil

import pytest
from factories import line

from icanvas_desktop.drawing.rasterize import render_hints, render_sketch
from icanvas_desktop.drawing.sketchpad import Sketchpad
from icanvas_desktop.drawing.strokes import Drawing, PenSize, Point, Stroke, Tool
from icanvas_desktop.files import atomic, samples
from icanvas_desktop.files.atomic import remove_leftovers
from icanvas_desktop.profiles.store import ProfileStore


def test_a_profile_copied_into_another_folder_is_listed_from_its_folder_and_its_drawings_kept(caplog):
    store = ProfileStore()
    mina, joon = store.create("Mina", "cat"), store.create("Joon", "dog")
    (mina.gallery_folder / "creations" / "one").mkdir(parents=True)
    copied = mina.folder.with_name("f" * 32)
    shutil.copytree(mina.folder, copied)  # a grown-up's copy: profile.json still names Mina's folder
    with caplog.at_level(logging.WARNING, "icanvas_desktop.profiles.store"):
        listed = {p.id: p for p in store.list()}
    assert set(listed) == {mina.id, joon.id, copied.name}
    assert listed[copied.name].folder == copied and listed[mina.id].folder == mina.folder
    assert f"id {mina.id!r} does not match the folder" in caplog.text
    assert (copied / "gallery" / "creations" / "one").is_dir()  # listed, never removed
    assert json.loads((copied / "profile.json").read_text())["name"] == "Mina"


def test_a_leftover_that_cannot_be_removed_is_logged_and_the_others_removed(tmp_path, monkeypatch, caplog):
    dead = 2**22 + 12345  # above Linux's default pid_max: no process has it
    stuck, gone = tmp_path / f".a.{dead}-a1b2c3d4.tmp", tmp_path / f".b.{dead}-a1b2c3d4.tmp"
    stuck.write_bytes(b"x")
    gone.write_bytes(b"x")
    real_unlink = type(stuck).unlink

    def busy(path, *args, **kwargs):
        if path == stuck:  # another process cleaning up at the same moment, or a read-only folder
            raise PermissionError(13, "Permission denied", str(path))
        return real_unlink(path, *args, **kwargs)

    monkeypatch.setattr(type(stuck), "unlink", busy)
    with caplog.at_level(logging.WARNING, "icanvas_desktop.files.atomic"):
        assert remove_leftovers(tmp_path) == [gone]
    assert stuck.exists() and not gone.exists()
    assert f"could not remove {stuck}" in caplog.text


def test_leftovers_of_live_processes_are_kept_whoever_runs_them(tmp_path, monkeypatch):
    parent = os.getppid()  # alive, and not this process
    mine = tmp_path / f".a.{parent}-a1b2c3d4.tmp"
    mine.write_bytes(b"x")
    assert remove_leftovers(tmp_path) == [] and mine.exists()

    def another_users(pid, signal):
        raise PermissionError(1, "Operation not permitted")  # alive, under another account

    monkeypatch.setattr(atomic.os, "kill", another_users)
    theirs = tmp_path / f".b.{2**22 + 1}-a1b2c3d4.tmp"
    theirs.write_bytes(b"x")
    assert remove_leftovers(tmp_path) == [] and mine.exists() and theirs.exists()


def test_a_missing_folder_has_no_leftovers(tmp_path):
    assert remove_leftovers(tmp_path / "absent") == []


def test_sizes_and_points_that_cannot_be_drawn_are_refused():
    drawing = Drawing([line()])
    for render in (render_sketch, render_hints):
        with pytest.raises(ValueError, match="positive"):
            render(drawing, 0)
    with pytest.raises(ValueError, match="positive"):
        render_sketch(drawing, 8, supersample=0)
    with pytest.raises(ValueError, match="canvas side must be positive"):
        Point.from_canvas(10, 10, 0)
    with pytest.raises(TypeError, match="Point objects"):
        Stroke(Tool.PEN, PenSize.MEDIUM, ((0.5, 0.5, 1.0),))
    assert repr(drawing) == "Drawing(1 strokes)"


def test_without_supersampling_the_sketch_is_drawn_at_its_size():
    sketch = render_sketch(Drawing([line()]), 32, supersample=1)
    assert sketch.size == (32, 32) and sketch.getpixel((16, 16)) == 0 and sketch.getpixel((16, 2)) == 255


def test_the_pen_moving_without_a_stroke_adds_nothing_and_redo_brings_a_stroke_back():
    pad = Sketchpad()
    assert not pad.extend(Point(0.5, 0.5))
    pad.begin(Point(0.2, 0.2))
    assert pad.extend(Point(0.8, 0.8)) and pad.end()
    assert pad.undo() and pad.drawing.is_empty
    assert pad.redo() and len(pad.drawing) == 1


def test_an_installation_without_its_sample_sketches_says_which_folder(tmp_path, monkeypatch):
    monkeypatch.setattr(samples, "resources_dir", lambda: tmp_path)
    with pytest.raises(FileNotFoundError, match=f"no sample sketches in {tmp_path / 'samples'}.*incomplete"):
        samples.sample_sketches()
