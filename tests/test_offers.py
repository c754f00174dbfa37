""""Is it a ...?": which things are offered with a picture, found with it in one run of the recogniser."""

from pathlib import Path

import numpy as np
from PIL import Image

from icanvas_desktop.files.resources import bundled_models_dir
from icanvas_desktop.generation import load_generator
from icanvas_desktop.generation.recognise import Guess
from icanvas_desktop.look import Look
from icanvas_desktop.themes import load_theme

DOODLES = Path(__file__).parent / "data" / "doodles"


def doodle(name: str, side: int) -> Image.Image:
    with Image.open(DOODLES / f"{name}.png") as image:
        return image.convert("L").resize((side, side))


def test_offered_only_when_fairly_sure_and_never_other(monkeypatch):
    generator = load_generator(load_theme(bundled_models_dir() / "stickers"))
    recogniser = generator.recogniser
    sketch = doodle("banana_2", generator.input_size)

    def offered(*guesses, threshold=0.9):
        monkeypatch.setattr(recogniser, "threshold", threshold)
        monkeypatch.setattr(recogniser, "guess", lambda *a, **k: [Guess(t, p) for t, p in guesses])
        return generator.offers(sketch)

    assert offered(("banana", 0.51), ("lemon", 0.2), ("moon", 0.1)) == ("banana", "lemon", "moon")
    assert offered(("fire", 0.22), ("sun", 0.2)) == (), "not sure of anything, not asked"
    assert offered(("fire", 0.22), ("sun", 0.2), threshold=0.2) == ("fire", "sun"), \
        "coloured as a fire, so asked"
    assert offered(("other", 0.5), ("carrot", 0.4), ("tree", 0.06)) == ("carrot", "tree"), \
        "'None' stands for other"
    assert offered(("apple", 0.9), ("tomato", 0.04)) == ("apple",), "the others below 0.05 are left out"


def test_the_picture_and_its_offers_come_from_one_run_of_the_recogniser(monkeypatch):
    generator = load_generator(load_theme(bundled_models_dir() / "stickers"))
    sketch = doodle("apple_1", generator.input_size)
    runs = []
    guess = generator.recogniser.guess
    monkeypatch.setattr(generator.recogniser, "guess", lambda *a, **k: runs.append(1) or guess(*a, **k))
    picture, offered, _ = generator.generate_offering(sketch, Look.CLEAN)
    assert len(runs) == 1 and offered == generator.offers(sketch)
    assert np.array_equal(np.asarray(picture), np.asarray(generator.generate(sketch, Look.CLEAN))), \
        "coloured as the same sure guess"
    runs.clear()
    _, offered, _ = generator.generate_offering(sketch, Look.PAINTED)
    assert offered == () and runs == [], "the raw picture's colours follow no guess"
