from pathlib import Path

import numpy as np
from PIL import Image

from icanvas_desktop.trainer.recognition.augment import childlike
from icanvas_desktop.trainer.recognition.classes import CLASS_IDS, OTHER, THINGS, is_near_a_thing
from icanvas_desktop.trainer.recognition.dataset import draw_set, split_drawings

DRAWINGS = Path(__file__).parents[2] / "data" / "recogniser"


def lines(name: str) -> np.ndarray:
    return np.asarray(Image.open(DRAWINGS / f"{name}.png").convert("L"), np.float32) / 255.0


def test_a_childlike_drawing_is_an_ink_crop_and_a_seed_gives_one_drawing():
    apple = lines("apple")
    first = childlike(apple, np.random.default_rng(3))
    assert first.shape == (64, 64) and first.dtype == np.float32
    assert 0 <= first.min() and first.max() <= 1 and (first > 0.5).mean() > 0.02
    assert np.array_equal(first, childlike(apple, np.random.default_rng(3)))
    assert not np.array_equal(first, childlike(apple, np.random.default_rng(4)))


def test_the_third_drawing_of_a_thing_and_a_seeded_fifth_of_the_others_are_held_out(tmp_path):
    for thing, codes in (("tree", ("1F333", "1F332", "1F334")), ("apple", ("1F34E", "1F34F"))):
        (tmp_path / "lines" / thing).mkdir(parents=True)
        for code in codes:
            Image.open(DRAWINGS / "apple.png").save(tmp_path / "lines" / thing / f"{code}_s1.png")
    (tmp_path / "lines" / OTHER).mkdir()
    for index in range(10):
        Image.open(DRAWINGS / "star.png").save(tmp_path / "lines" / OTHER / f"E{index:03}_s1.png")
    training, held_out = split_drawings(tmp_path)
    held_others = {d.hexcode for d in held_out} - {"1F334"}
    assert "1F334" in {d.hexcode for d in held_out} and len(held_others) == 2
    assert {d.hexcode for d in training} >= {"1F333", "1F332", "1F34E", "1F34F"}
    assert held_others.isdisjoint(d.hexcode for d in training)
    assert held_others == {d.hexcode for d in split_drawings(tmp_path)[1]} - {"1F334"}
    images, labels = draw_set(held_out, 2, seed=0)
    assert images.shape == (4, 64, 64) and images.dtype == np.uint8
    assert sorted(labels) == sorted([CLASS_IDS.index("tree")] * 2 + [CLASS_IDS.index(OTHER)] * 2)


def test_the_classes_are_the_shared_ids_and_other_emoji_are_not_near_them():
    assert len(THINGS) == 153 and CLASS_IDS[-1] == OTHER and len(set(CLASS_IDS)) == 154
    assert is_near_a_thing("sun behind cloud") and is_near_a_thing("green heart")
    assert is_near_a_thing("ant") and is_near_a_thing("cow face") and is_near_a_thing("two-hump camel")
    # Short names are near only as words: a bowl is not an owl, a giant not an ant, a jewel not a ewe.
    assert not any(is_near_a_thing(a) for a in ("bicycle", "bowl with spoon", "giant", "jewel", "crowbar"))


def test_an_outline_only_drawing_keeps_the_silhouette_and_leaves_out_strokes_inside_it():
    from scipy import ndimage as ndi

    from icanvas_desktop.trainer.recognition.augment import _outline_only

    snowman = lines("snowman")
    ink = snowman < 0.5
    silhouette = ndi.binary_fill_holes(ndi.binary_dilation(ink, iterations=6))
    inside = ndi.binary_erosion(silhouette, iterations=12) & ink
    assert inside.sum() > 50, "the test drawing needs strokes inside its outline (eyes, buttons)"
    outlines = [_outline_only(snowman, np.random.default_rng(seed)) < 0.5 for seed in range(20)]
    for outline in outlines:
        # Everything drawn lies within the drawing's own silhouette, and the outline runs round it.
        assert not (outline & ~ndi.binary_dilation(silhouette, iterations=2)).any()
        assert (outline & ndi.binary_dilation(ink, iterations=6)).sum() > 0.5 * outline.sum()
    left_out = [(inside & ~outline).sum() / inside.sum() for outline in outlines]
    assert max(left_out) > 0.9 and min(left_out) < max(left_out)
    # A drawing of lines alone has no silhouette to speak of: it stays as it was.
    zigzag = np.ones((128, 128), np.float32)
    for x in range(10, 118, 2):
        zigzag[20 + (x // 2 % 2) * 40 + np.arange(-1, 2), x] = 0.0
    assert np.array_equal(_outline_only(zigzag, np.random.default_rng(0)), zigzag)


def test_a_polygon_outline_cuts_across_a_round_shape_within_its_tolerance():
    from icanvas_desktop.trainer.recognition.augment import _polygon_outline

    rows, columns = np.mgrid[0:128, 0:128]
    radius = np.hypot(rows - 64, columns - 64)
    disc = radius <= 50
    for tolerance in (2.0, 6.0):
        drawn = _polygon_outline(disc, 2, tolerance) < 0.5
        assert drawn.any() and not (drawn & ~(radius <= 52)).any()
        assert (radius[drawn] >= 50 - tolerance - 2).all()
        # Chords, not the arc: the further they may stray, the further inside the circle the strokes run.
        assert radius[drawn].mean() < 50
    assert (radius[_polygon_outline(disc, 2, 6.0) < 0.5].mean()
            < radius[_polygon_outline(disc, 2, 2.0) < 0.5].mean() - 0.5)


def closed_areas(sketch: np.ndarray) -> int:
    """How many areas of paper the lines of `sketch` close all round."""
    from scipy import ndimage as ndi

    paper, count = ndi.label(sketch >= 0.5)
    return count - len(set(np.unique(np.concatenate([paper[0], paper[-1], paper[:, 0], paper[:, -1]]))) - {0})


def ring(tall: int, wide: int) -> np.ndarray:
    rows, columns = np.mgrid[0:128, 0:128]
    distance = np.hypot((rows - 64) / (tall / 2), (columns - 64) / (wide / 2))
    return np.where(np.abs(distance - 1) * min(tall, wide) / 2 < 2, 0.0, 1.0).astype(np.float32)


def test_a_face_is_set_on_a_body_and_a_whole_animal_is_left_as_it_is():
    from icanvas_desktop.trainer.recognition.augment import _on_a_body

    face = ring(60, 64)
    assert closed_areas(face) == 1
    for seed in range(12):
        whole = _on_a_body(face, np.random.default_rng(seed))
        assert whole.shape == face.shape and whole.dtype == np.float32
        # The head's inside and the body's, whose outline runs on from under the head.
        assert closed_areas(whole) >= 2, seed
        rows, columns = np.nonzero(whole < 0.5)
        assert max(np.ptp(rows), np.ptp(columns)) > 100, seed
    side_on = ring(40, 100)
    assert np.array_equal(_on_a_body(side_on, np.random.default_rng(0)), side_on)


def test_only_the_things_drawn_as_faces_are_drawn_on_bodies(tmp_path, monkeypatch):
    from icanvas_desktop.trainer.recognition import dataset
    from icanvas_desktop.trainer.recognition.classes import DRAWN_AS_FACES

    assert {"bear", "cat", "lion", "pig"} <= DRAWN_AS_FACES and not {"apple", "penguin"} & DRAWN_AS_FACES
    for thing in ("bear", "apple"):
        (tmp_path / "lines" / thing).mkdir(parents=True)
        Image.open(DRAWINGS / "apple.png").save(tmp_path / "lines" / thing / "E000_s1.png")
    asked = []
    monkeypatch.setattr(dataset, "childlike",
                        lambda lines, rng, is_face=False: asked.append(is_face) or np.zeros((64, 64)))
    _, labels = draw_set(split_drawings(tmp_path)[0], 2, seed=0)
    assert [CLASS_IDS[label] for label in labels] == ["apple", "apple", "bear", "bear"]
    assert asked == [False, False, True, True]


def recogniser_script(name: str):
    """scripts/recogniser/NAME.py as a module (each script puts what it imports on the path itself)."""
    import importlib.util

    spec = importlib.util.spec_from_file_location(
        name, Path(__file__).parents[3] / "scripts" / "recogniser" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_people_of_the_training_share_are_other_and_no_held_out_person_is():
    render_things = recogniser_script("render_things")
    entries = [{"hexcode": code, "annotation": name, "group": group} for code, name, group in (
        ("1F467", "girl", "people-body"), ("1F46E", "police officer", "people-body"),
        ("1F44D", "thumbs up", "people-body"),  # its base emoji is in the colourer's held-out share
        ("1F469-200D-1F373", "woman cook", "people-body"),  # a variant
        ("1F63A", "grinning cat", "people-body"),  # near a thing
        ("1F468", "man", "people-body"), ("1F697", "automobile", "travel-places"))]
    assert render_things.people_of(entries, {"1F468"}, 0.2) == ["1F467", "1F46E"]
    assert render_things.people_of(entries, set(), 0.0) == ["1F44D", "1F467", "1F468", "1F46E"]


def test_a_shard_draws_people_besides_the_other_things(tmp_path, monkeypatch):
    import json
    import sys

    from icanvas_desktop.trainer.recognition.dataset import load_set

    draw_dataset = recogniser_script("draw_dataset")
    (tmp_path / "lines" / "apple").mkdir(parents=True)
    Image.open(DRAWINGS / "apple.png").save(tmp_path / "lines" / "apple" / "1F34E_s1.png")
    (tmp_path / "lines" / OTHER).mkdir()
    for code in ("1F467", "1F468", "1F697", "1F6B2", "1F4DA", "1F3B8", "1F4F1", "1F511", "1F52D", "1F680"):
        Image.open(DRAWINGS / "star.png").save(tmp_path / "lines" / OTHER / f"{code}_s1.png")
    (tmp_path / "SOURCE.json").write_text(json.dumps({"people": ["1F467", "1F468"]}))
    arguments = ["--base", tmp_path, "--out", tmp_path / "data", "--per-class", 4, "--held-out-per-class", 1]
    monkeypatch.setattr(sys, "argv", ["draw_dataset.py", *map(str, arguments)])
    assert draw_dataset.main() == 0
    _, labels = load_set(tmp_path / "data" / "train-0.npz")
    per_class = 4
    assert (labels == CLASS_IDS.index("apple")).sum() == per_class
    assert (labels == CLASS_IDS.index(OTHER)).sum() == per_class * (draw_dataset.OTHER_WEIGHT
                                                                    + draw_dataset.PEOPLE_WEIGHT)
    (tmp_path / "SOURCE.json").write_text(json.dumps({}))
    (tmp_path / "data" / "train-0.npz").unlink()
    assert draw_dataset.main() == 0
    _, labels = load_set(tmp_path / "data" / "train-0.npz")
    assert (labels == CLASS_IDS.index(OTHER)).sum() == per_class * draw_dataset.OTHER_WEIGHT
