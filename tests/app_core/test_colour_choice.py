"""The child's colour choice ("Is it a ...?" and the dice) travels with the picture: asked for, kept in the
draft and the gallery, and read back from files kept before there was a choice."""

import json

from factories import creation_files, creation_of, scribble
from PIL import Image

from icanvas_desktop.drawing.draft import Draft, DraftFile
from icanvas_desktop.drawing.picture import GUESSED, Picture, colour_choice
from icanvas_desktop.drawing.rasterize import png_bytes
from icanvas_desktop.files.resources import bundled_models_dir
from icanvas_desktop.look import Look
from icanvas_desktop.profiles.drawing_model import DrawingModel
from icanvas_desktop.profiles.session import ChildSession
from icanvas_desktop.profiles.store import ProfileStore
from icanvas_desktop.themes import load_theme


def test_the_draft_keeps_the_colour_choice_and_old_drafts_read_as_the_usual_colouring(tmp_path):
    drawing = scribble(1)
    drafts = DraftFile(tmp_path / "draft.json")
    for thing, colouring in (("apple", 3), (None, 0), (GUESSED, 7)):
        picture = Picture(drawing, *creation_files(drawing), "food", Look.CLEAN, thing, colouring)
        drafts.save(Draft(drawing, "food", picture))
        assert drafts.load().picture == picture
    data = json.loads(drafts.path.read_text())
    del data["picture"]["thing"], data["picture"]["colouring"]  # as a draft kept before the choice
    drafts.path.write_text(json.dumps(data))
    assert (drafts.load().picture.thing, drafts.load().picture.colouring) == (GUESSED, 0)


def test_a_kept_choice_of_the_wrong_kind_reads_as_the_usual_colouring():
    assert colour_choice({"thing": 3, "colouring": "two"}) == (GUESSED, 0)
    assert colour_choice({"thing": None, "colouring": -1}) == (None, 0)
    assert colour_choice({"colouring": True}) == (GUESSED, 0)


def test_the_gallery_keeps_the_colour_choice_and_reopens_it():
    profile = ProfileStore().create("Mina", "cat")
    with ChildSession(profile) as session:
        chosen = creation_of(scribble(2), look=Look.CLEAN)
        chosen = Picture(chosen.drawing, chosen.sketch_png, chosen.picture_png, "animals", Look.CLEAN,
                         None, 4)
        creation = session.save_creation(chosen).creation
        meta = json.loads((creation.folder / "creation.json").read_text())
        assert (meta["thing"], meta["colouring"]) == (None, 4)
        reopened = creation.reopen()
        assert (reopened.thing, reopened.colouring) == (None, 4)
        usual = session.save_creation(creation_of(scribble(3), look=Look.CLEAN)).creation
        meta = json.loads((usual.folder / "creation.json").read_text())
        assert "thing" not in meta and "colouring" not in meta, "the usual colouring is written as before"
        assert (usual.reopen().thing, usual.reopen().colouring) == (GUESSED, 0)


def test_a_request_carries_the_choice_and_a_picture_of_another_choice_is_not_current():
    model = DrawingModel()
    model.pad.set_drawing(scribble(4))
    model.choose_theme(load_theme(bundled_models_dir() / "food"))
    assert (model.request(model.drawing).thing, model.request(model.drawing).colouring) == (GUESSED, 0)
    model.picture = model.request(model.drawing).made(png_bytes(Image.new("RGB", (8, 8))))
    assert model.picture_is_current
    model.choose_colours("apple")
    assert not model.picture_is_current, "the child tapped a guess: the picture is made again"
    model.another_colouring()
    request = model.request(model.drawing)
    assert (request.thing, request.colouring) == ("apple", 1)
    model.picture = request.made(png_bytes(Image.new("RGB", (8, 8))))
    assert model.picture_is_current and (model.picture.thing, model.picture.colouring) == ("apple", 1)
    model.choose_colours(None)
    assert (model.thing, model.colouring) == (None, 0), "another thing starts from its usual colouring"
