import numpy as np
from PIL import Image
from trainer.synthetic import shape_picture

from icanvas_desktop.drawing.rasterize import render_hints
from icanvas_desktop.drawing.strokes import Crayon, Drawing, PenSize, Point, Stroke, Tool
from icanvas_desktop.generation import sketch_input
from icanvas_desktop.generation.sketch_input import hints_to_array, picture_to_array, sketch_to_array
from icanvas_desktop.trainer.data.hints import recoloured, sample_hints


def _pair(index: int = 1, size: int = 64):
    picture, sketch = shape_picture(index, size)
    return sketch_to_array(sketch, size), picture_to_array(picture)


def test_hints_carry_the_target_colour_where_they_lie_and_are_off_elsewhere():
    sketch, picture = _pair()
    colours = (picture + 1) / 2
    with_hints = 0
    for seed in range(40):
        hints = sample_hints(sketch, picture, np.random.default_rng(seed))
        mask = hints[..., 3] > 0
        assert set(np.unique(hints[..., 3])) <= {0.0, 1.0}
        assert np.all(hints[~mask, :3] == 0)
        if mask.any():
            with_hints += 1
            # Inside the stroke the colour is the picture's own there, give or take the stroke's tolerance.
            assert np.linalg.norm(hints[mask, :3] - colours[mask], axis=-1).max() <= 0.12 + 1e-6
            assert not np.any(mask & (sketch[..., 0] < 0.1) & (np.linalg.norm(colours, axis=-1) < 0.1))
    # About half of the examples get none, so a theme also works without crayons.
    assert 10 <= with_hints <= 30


def test_the_same_seed_gives_the_same_hints():
    sketch, picture = _pair(2)
    a = sample_hints(sketch, picture, np.random.default_rng([0, 3, 5]))
    b = sample_hints(sketch, picture, np.random.default_rng([0, 3, 5]))
    np.testing.assert_array_equal(a, b)


def test_a_sheet_of_lines_only_gets_no_hints():
    size = 32
    hints = sample_hints(np.zeros((size, size, 1), np.float32), np.zeros((size, size, 3), np.float32),
                         np.random.default_rng(1))
    assert not hints.any()


def test_recoloured_pictures_turn_with_their_hints_and_keep_paper_and_lines():
    sketch, picture = _pair(1)
    colours = (picture + 1) / 2
    turned_some = 0
    for seed in range(30):
        rng = np.random.default_rng(seed)
        hints = sample_hints(sketch, picture, rng)
        new_picture, new_hints = recoloured(picture, hints, rng)
        if not hints[..., 3].any():
            assert new_picture is picture and new_hints is hints  # no hint, no recolouring
            continue
        mask = new_hints[..., 3] > 0
        np.testing.assert_array_equal(new_hints[..., 3], hints[..., 3])
        new_colours = (new_picture + 1) / 2
        # The hints still say the picture's colour where they lie ...
        assert np.linalg.norm(new_hints[mask, :3] - new_colours[mask], axis=-1).max() <= 0.15
        # ... the white paper stays white ...
        paper = np.all(colours > 0.98, axis=-1)
        np.testing.assert_allclose(new_colours[paper], colours[paper], atol=1e-3)
        turned_some += not np.allclose(new_colours, colours, atol=0.05)
    assert turned_some >= 3


def test_the_trainer_makes_its_hint_channels_with_the_apps_encoding(monkeypatch):
    # One encoding: were the app's to change, the trainer's hints would change with it.
    made = np.full((64, 64, 4), 0.25, np.float32)
    monkeypatch.setattr(sketch_input, "hint_channels", lambda colour, touched: made)
    sketch, picture = _pair()
    with_hints = [sample_hints(sketch, picture, np.random.default_rng(seed)) for seed in range(10)]
    assert any(hints is made for hints in with_hints)
    assert all(hints is made or not hints.any() for hints in with_hints)
    turned = [recoloured(picture, made, np.random.default_rng(seed))[1] for seed in range(10)]
    assert all(hints is made for hints in turned)


def test_the_trainers_hints_on_crayon_colours_are_what_the_app_feeds_for_those_crayons():
    size = 64
    drawing = Drawing([
        Stroke(Tool.CRAYON, PenSize.LARGE, (Point(0.1, 0.3), Point(0.9, 0.3)), Crayon.RED),
        Stroke(Tool.CRAYON, PenSize.LARGE, (Point(0.2, 0.7), Point(0.8, 0.6)), Crayon.BLUE),
        Stroke(Tool.CRAYON, PenSize.LARGE, (Point(0.6, 0.1), Point(0.6, 0.9)), Crayon.YELLOW),
    ])
    layer = render_hints(drawing, size)
    app = hints_to_array(layer, size)
    # The target picture is the crayons' colours on white paper, with no lines: where the trainer hints a
    # crayon's pixels, it must say what the app says a child's crayon there says.
    sheet = Image.new("RGB", (size, size), "white")
    sheet.paste(layer.convert("RGB"), (0, 0), layer.getchannel("A"))
    picture = picture_to_array(sheet)
    paper = np.ones((size, size, 1), np.float32)
    compared = 0
    for seed in range(40):
        trainer = sample_hints(paper, picture, np.random.default_rng(seed))
        both = (trainer[..., 3] > 0) & (app[..., 3] > 0)
        np.testing.assert_allclose(trainer[both], app[both], atol=1e-6)
        compared += int(both.sum())
    assert compared > 100
