"""The child's colour choice ("Is it a ...?" and the dice) travels with the picture: asked for, kept in the
draft and the gallery, and read back from files kept before there was a choice; each choice is a step that
Undo and Redo take back and bring again in turn with the strokes."""

import json

from factories import creation_files, creation_of, line, scribble
from PIL import Image

from icanvas_desktop.drawing.draft import Draft, DraftFile
from icanvas_desktop.drawing.picture import GUESSED, Picture, SceneThing, colour_choice
from icanvas_desktop.drawing.rasterize import png_bytes
from icanvas_desktop.drawing.scene_names import with_name
from icanvas_desktop.drawing.strokes import Drawing
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


def test_undo_and_redo_take_back_colour_choices_and_strokes_in_the_order_they_were_made():
    model = DrawingModel()
    told = []
    model.colours_undone_or_redone = lambda: told.append((model.thing, model.colouring))
    model.pad.drawing.add(line(0.3))
    model.choose_colours("apple")
    model.another_colouring()
    model.pad.drawing.add(line(0.6))
    model.choose_colours(None)
    states = [(0, (GUESSED, 0)), (1, (GUESSED, 0)), (1, ("apple", 0)), (1, ("apple", 1)), (2, ("apple", 1)),
              (2, (None, 0))]

    def state() -> tuple[int, tuple[str | None, int]]:
        return len(model.drawing), (model.thing, model.colouring)

    assert state() == states[-1]
    for before in reversed(states[:-1]):
        assert model.pad.undo() and state() == before
    assert not model.drawing.can_undo and model.drawing.can_redo
    assert told == [("apple", 1), ("apple", 0), (GUESSED, 0)], "told of each colour step, not of strokes"
    for after in states[1:]:
        assert model.pad.redo() and state() == after
    assert not model.drawing.can_redo and len(told) == 6


def test_a_new_stroke_or_choice_after_an_undo_drops_what_could_have_been_redone():
    model = DrawingModel()
    model.choose_colours("apple")
    model.pad.undo()
    model.pad.drawing.add(line())
    assert not model.drawing.can_redo and not model.pad.redo() and model.thing == GUESSED
    model.another_colouring()
    model.pad.undo()
    assert model.drawing.can_redo
    model.choose_colours(None)
    assert not model.drawing.can_redo and (model.thing, model.colouring) == (None, 0)
    model.pad.undo()
    assert (model.thing, model.colouring) == (GUESSED, 0) and len(model.drawing) == 1


def test_undo_can_take_back_a_colour_choice_on_a_blank_sheet_but_not_a_choice_that_changed_nothing():
    model = DrawingModel()
    assert not model.drawing.can_undo
    assert model.choose_colours("apple") and model.drawing.can_undo, "Undo lights up for the choice alone"
    assert not model.choose_colours("apple"), "tapped again: no step that Undo would spend on nothing"
    assert model.pad.undo() and not model.drawing.can_undo and model.thing == GUESSED


def test_a_choice_put_back_with_a_picture_is_not_a_step_but_what_undo_comes_back_to():
    model = DrawingModel()
    model.pad.set_drawing(Drawing(scribble(5).strokes))
    picture = Picture(model.drawing, *creation_files(model.drawing), "food", Look.CLEAN, "banana", 2)
    model.follow_colours(picture)
    assert not model.drawing.can_undo, "a draft put back: nothing the child did to undo"
    model.another_colouring()
    assert model.pad.undo() and (model.thing, model.colouring) == ("banana", 2)
    model.pad.redo()
    model.pad.clear()
    model.follow_colours(None)  # a new sheet
    assert model.pad.undo() and len(model.drawing) == 3 and (model.thing, model.colouring) == (GUESSED, 0)
    assert model.pad.undo() and (model.thing, model.colouring) == ("banana", 2)


def scene_picture(model: DrawingModel, scene: tuple[SceneThing, ...]) -> Picture:
    return model.request(model.drawing).made(png_bytes(Image.new("RGB", (8, 8))), (), scene)


def test_a_scene_is_asked_about_one_thing_at_a_time_and_its_names_are_steps_undo_takes_back():
    model = DrawingModel()
    model.pad.set_drawing(scribble(5))
    model.choose_theme(load_theme(bundled_models_dir() / "stickers"))
    sun = SceneThing((0.0, 0.0, 0.4, 0.4), ("sun", "flower"))
    stone = SceneThing((0.45, 0.0, 0.55, 0.1), ())  # nothing offered: never asked about
    apple = SceneThing((0.5, 0.5, 0.9, 0.9), ("apple", "tomato"))
    ladybug = SceneThing((0.6, 0.6, 0.7, 0.7), ("ladybug",))  # on the apple's leaf: its box inside
    picture = scene_picture(model, (sun, stone, apple, ladybug))
    assert model.asked_thing(picture) == sun, "the largest the recogniser offers anything for"
    assert not model.ask_at(picture, 0.5, 0.05) and model.asked_thing(picture) == sun
    assert model.ask_at(picture, 0.65, 0.65) and model.asked_thing(picture) == ladybug, "the smallest there"
    assert model.ask_at(picture, 0.55, 0.85) and model.asked_thing(picture) == apple

    assert model.name_thing(apple, "tomato") and not model.name_thing(apple, "tomato")
    assert model.named(picture, apple) == "tomato" and model.named(picture, sun) == GUESSED
    assert model.named(picture, ladybug) == GUESSED, "a name is the smallest thing's at its place"
    model.name_thing(sun, None)
    request = model.request(model.drawing)
    assert request.thing.startswith("at:") and not model.picture_is_current
    assert (model.named(picture, sun), model.named(picture, apple)) == (None, "tomato")

    model.drawing.undo()
    assert (model.named(picture, sun), model.named(picture, apple)) == (GUESSED, "tomato")
    model.drawing.undo()
    assert model.thing == GUESSED
    model.drawing.redo()
    assert model.named(picture, apple) == "tomato"
    model.follow_colours(None)
    assert model.asked is None and model.asked_thing(picture) == sun, "a new sheet asks afresh"
    assert model.asked_thing(scene_picture(model, ())) is None, "one thing: asked about as a whole"


def test_a_scenes_names_are_kept_in_the_draft_and_the_gallery(tmp_path):
    drawing = scribble(6)
    named = with_name(GUESSED, (0.0, 0.0, 0.4, 0.4), "sun")
    picture = Picture(drawing, *creation_files(drawing), "stickers", Look.CLEAN, named, 2)
    drafts = DraftFile(tmp_path / "draft.json")
    drafts.save(Draft(drawing, "stickers", picture))
    assert drafts.load().picture.thing == named
    profile = ProfileStore().create("Mina", "cat")
    with ChildSession(profile) as session:
        creation = session.save_creation(picture).creation
        assert (creation.reopen().thing, creation.reopen().colouring) == (named, 2)
