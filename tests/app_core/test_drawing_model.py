"""The drawing screen's rules without a window: which look, when a picture is asked for or remade, what Save
does, and what a child finds when they come back (profiles/drawing_model.py)."""

import dataclasses
from datetime import UTC, datetime

import pytest
from factories import creation_of, line, scribble
from PIL import Image

from icanvas_desktop.drawing.draft import Draft
from icanvas_desktop.drawing.picture import Picture
from icanvas_desktop.drawing.rasterize import png_bytes, render_sketch
from icanvas_desktop.drawing.strokes import Crayon, Drawing, PenSize, Point, Stroke, Tool
from icanvas_desktop.files.resources import bundled_models_dir
from icanvas_desktop.look import THEMES_OWN, Look
from icanvas_desktop.profiles.drawing_model import (
    DrawingModel,
    Refusal,
    Remake,
    SaveStep,
    open_child,
    read_child_state,
)
from icanvas_desktop.profiles.session import ChildSession
from icanvas_desktop.profiles.store import ProfileStore
from icanvas_desktop.rewards.rules import Challenge
from icanvas_desktop.themes import load_theme
from icanvas_desktop.themes.theme import Theme


def bundled(theme_id: str, **manifest) -> Theme:
    theme = load_theme(bundled_models_dir() / theme_id, verify_weights=False, tflite_only_ok=True)
    return dataclasses.replace(theme, manifest={**theme.manifest, **manifest})


@pytest.fixture
def model() -> DrawingModel:
    model = DrawingModel()
    model.pad.set_drawing(scribble(1))
    return model


def made(model: DrawingModel, drawing: Drawing | None = None) -> Picture:
    """Ask for a picture and pretend the generator made it."""
    request = model.request(drawing or model.drawing)
    return request.made(png_bytes(Image.new("RGB", (8, 8))))


def test_the_look_is_the_themes_own_until_a_look_is_chosen():
    model = DrawingModel()
    assert model.look is Look.CLEAN, "no theme yet: the neat look"
    model.choose_theme(bundled("animals"))
    assert model.look is Look.CLEAN
    model.choose_theme(bundled("food", look="watercolour"))
    assert model.look is Look.WATERCOLOUR
    model.set_look_setting("clean")
    assert model.look is Look.CLEAN
    model.set_look_setting(THEMES_OWN)
    assert model.look is Look.WATERCOLOUR


def test_choosing_the_theme_already_chosen_changes_nothing(model):
    assert model.choose_theme(bundled("animals"))
    assert not model.choose_theme(bundled("animals"))
    assert model.choose_theme(bundled("food"))


def test_a_picture_is_asked_for_only_with_a_theme_and_some_ink():
    model = DrawingModel()
    assert model.refusal(scribble(1)) is Refusal.PICK_THEME
    model.choose_theme(bundled("animals"))
    assert model.refusal(Drawing()) is Refusal.DRAW_FIRST
    assert model.refusal(scribble(1)) is None


def test_a_request_carries_a_copy_of_the_drawing_its_sketch_and_the_resolved_look(model):
    theme = bundled("food", look="crayon")
    model.choose_theme(theme)
    crayon = Stroke(Tool.CRAYON, PenSize.MEDIUM, (Point(0.3, 0.4), Point(0.7, 0.4)), Crayon.BLUE)
    model.pad.drawing.add(crayon)
    request = model.request(model.drawing)
    assert request.theme_folder == theme.folder and request.theme_id == "food"
    assert request.look is Look.CRAYON and request.drawing == model.drawing
    assert request.drawing is not model.drawing, "the pen goes on; the request keeps what it was asked for"
    # The crayon is not ink: the sketch is the pen's alone (the worker renders the crayons from the strokes).
    assert request.sketch_png == png_bytes(render_sketch(scribble(1), theme.input_size))
    with pytest.raises(dataclasses.FrozenInstanceError):
        request.look = Look.CLEAN


def test_live_mode_asks_for_the_stroke_under_the_pen_too():
    model = DrawingModel()
    model.choose_theme(bundled("animals"))
    model.pad.begin(Point(0.2, 0.5))
    model.pad.extend(Point(0.8, 0.5))
    assert model.live_request() is None, "not in live mode"
    model.live = True
    assert len(model.live_request().drawing) == 1 and model.drawing.is_empty


def test_a_picture_is_current_only_for_the_drawing_theme_and_look_on_show(model):
    model.choose_theme(bundled("animals"))
    model.picture = made(model)
    assert model.picture_is_current
    model.pad.drawing.add(line(0.9))
    assert not model.picture_is_current, "drawn on since"
    model.picture = made(model)
    model.choose_theme(bundled("food"))
    assert not model.picture_is_current, "another theme"
    model.picture = made(model)
    assert not model.set_look_setting("clean"), "food's own look is clean already: nothing to remake"
    assert model.set_look_setting("crayon") and not model.picture_is_current


def test_a_picture_of_unknown_look_is_never_remade_for_its_look(model):
    model.choose_theme(bundled("animals"))
    model.picture = dataclasses.replace(made(model), look=None)
    assert not model.set_look_setting("crayon") and model.picture_is_current


def test_what_is_remade_after_the_theme_or_the_look_changed(model):
    model.choose_theme(bundled("animals"))
    assert model.remake() is Remake.NOTHING
    model.picture = made(model)
    assert model.remake() is Remake.MAKE
    model.live = True
    assert model.remake() is Remake.LIVE


def test_what_save_does(model, tmp_path):
    assert model.save_step(saving=False) is SaveStep.IGNORE, "nobody is drawing"
    model.session = object()
    assert model.save_step(saving=False) is SaveStep.NOTHING, "no theme"
    model.choose_theme(bundled("animals"))
    assert model.save_step(saving=False) is SaveStep.MAKE_FIRST
    model.picture = made(model)
    assert model.save_step(saving=False) is SaveStep.SAVE
    assert model.save_step(saving=True) is SaveStep.IGNORE, "a second tap while saving"
    model.pad.set_drawing(Drawing())
    assert model.save_step(saving=False) is SaveStep.NOTHING


def test_a_child_never_gets_the_raw_picture():
    model = DrawingModel()
    model.choose_theme(bundled("food", look="painted"))  # a manifest from before the clean look
    assert model.look is Look.CLEAN
    model.set_look_setting("painted")  # as an older app saved it
    assert model.look is Look.CLEAN
    model.set_look_setting("watercolour")
    assert model.look is Look.WATERCOLOUR


def test_the_themes_found_again_keep_the_current_one_or_the_drafts():
    model = DrawingModel()
    model.wanted_theme_id = "food"
    assert model.theme_after_search(["animals", "food"]) == "food"
    model.choose_theme(bundled("space"))
    assert model.wanted_theme_id is None
    assert model.theme_after_search(["animals", "space"]) == "space" and model.theme is None
    assert model.theme_after_search(["animals"]) == "animals"
    assert model.theme_after_search([]) is None


def test_a_challenge_is_missed_when_offered_undone_and_off():
    model = DrawingModel()
    ball = Challenge("toys", "ball")
    assert model.challenge_missed(ball, None)
    assert not model.challenge_missed(ball, ball) and not model.challenge_missed(None, None)
    model.completed_challenges = frozenset({ball})
    assert not model.challenge_missed(ball, None)


def test_a_save_that_completes_a_challenge_is_remembered_without_reading_the_database():
    profile = ProfileStore().create("Mina", "cat")
    model = DrawingModel()
    with ChildSession(profile, clock=lambda: datetime(2026, 5, 9, 9, 0, tzinfo=UTC)) as session:
        model.session = session
        theme = bundled("toys")
        challenge = Challenge("toys", theme.prompts[0]["id"])
        drawing = scribble(3)
        result = session.save_creation(creation_of(drawing, "toys"), challenge)
        assert model.saved(result) and model.completed_challenges == {challenge}
        assert model.completed_challenges == session.completed_challenges()
        assert not model.saved(session.save_creation(creation_of(scribble(4), "toys")))


def test_a_child_comes_back_to_their_draft_their_challenges_and_their_look():
    profile = ProfileStore().create("Mina", "cat")
    with ChildSession(profile) as session:
        state = read_child_state(session, lambda settings: "clean")
        assert state.draft.is_empty and state.completed_challenges == frozenset()
        assert state.look_setting == "clean"
        session.drafts.save(Draft(scribble(2), "animals"))
        state = read_child_state(session, lambda settings: THEMES_OWN)
        assert state.draft.drawing == scribble(2) and state.draft.theme_id == "animals"


def test_opening_a_child_reads_their_draft_and_stars_and_closes_what_it_opened_when_it_fails(monkeypatch):
    profile = ProfileStore().create("Mina", "cat")
    with ChildSession(profile) as session:
        session.save_creation(creation_of(scribble(5)))
        session.drafts.save(Draft(scribble(6), "animals"))
    session, state, stars = open_child(profile, lambda settings: "crayon")
    with session:
        assert state.draft.drawing == scribble(6) and state.look_setting == "crayon" and stars.total > 0

    def broken(settings):
        raise OSError("the disk is gone")

    closed = []
    real_close = ChildSession.close
    monkeypatch.setattr(ChildSession, "close", lambda self: closed.append(self) or real_close(self))
    with pytest.raises(OSError):
        open_child(profile, broken)
    assert len(closed) == 1, "the session opened for the child is closed again"


def test_the_draft_is_what_is_on_the_screen(model):
    model.choose_theme(bundled("animals"))
    model.picture = made(model)
    draft = model.draft()
    assert draft == Draft(model.drawing, "animals", model.picture)
    assert draft.drawing is not model.drawing, "kept as it is now, whatever is drawn next"
