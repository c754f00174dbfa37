""""Is it a ...?": which things are offered with a picture, found with it in one run of the recogniser."""

from pathlib import Path

import numpy as np
from PIL import Image

from icanvas_desktop.files.resources import bundled_models_dir
from icanvas_desktop.generation import load_generator
from icanvas_desktop.look import Look
from icanvas_desktop.themes import load_theme

DOODLES = Path(__file__).parent / "data" / "doodles"


def doodle(name: str, side: int) -> Image.Image:
    with Image.open(DOODLES / f"{name}.png") as image:
        return image.convert("L").resize((side, side))


def test_offered_only_when_fairly_sure_and_never_other():
    generator = load_generator(load_theme(bundled_models_dir() / "stickers"))
    side = generator.input_size
    assert generator.offers(doodle("banana_2", side))[0] == "banana", "0.51: fairly sure, asked"
    assert generator.offers(doodle("fire_3", side)) == (), "0.22: not sure of anything, not asked"
    assert "other" not in generator.offers(doodle("carrot_2", side)), "'None' stands for other"
    assert generator.offers(doodle("apple_1", side)) == ("apple",), "the others below 0.05 are left out"


def test_the_picture_and_its_offers_come_from_one_run_of_the_recogniser(monkeypatch):
    generator = load_generator(load_theme(bundled_models_dir() / "stickers"))
    sketch = doodle("apple_1", generator.input_size)
    runs = []
    guess = generator.recogniser.guess
    monkeypatch.setattr(generator.recogniser, "guess", lambda *a, **k: runs.append(1) or guess(*a, **k))
    picture, offered = generator.generate_offering(sketch, Look.CLEAN)
    assert len(runs) == 1 and offered == generator.offers(sketch)
    assert np.array_equal(np.asarray(picture), np.asarray(generator.generate(sketch, Look.CLEAN))), \
        "coloured as the same sure guess"
    runs.clear()
    _, offered = generator.generate_offering(sketch, Look.PAINTED)
    assert offered == () and runs == [], "the raw picture's colours follow no guess"
