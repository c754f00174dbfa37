import json
from collections import Counter
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from icanvas_desktop.generation.clean_look import apply_look
from icanvas_desktop.generation.colour_families import FAMILIES
from icanvas_desktop.look import Look
from icanvas_desktop.trainer.evaluation.colour_sense import (
    artist_figures,
    chance_level,
    doodle_figures,
    load_doodles,
)
from icanvas_desktop.trainer.problems import UsageError

DOODLES = Path(__file__).parents[2] / "data" / "doodles"
# The ids the sketch recogniser is trained on (issue 26): the doodles must use exactly these.
CLASSES = {"sun", "cloud", "tree", "apple", "strawberry", "banana", "carrot", "grapes", "cherry",
           "watermelon", "lemon", "tomato", "broccoli", "pumpkin", "leaf", "flower", "snowman", "frog", "pig",
           "chick", "ladybug", "whale", "elephant", "penguin", "heart", "star", "moon", "smiley", "pizza",
           "fire", "raindrop", "fire_truck", "cat", "dog", "mouse", "bear", "lion", "bee", "duck", "turtle",
           "rabbit", "tangerine", "pear", "corn", "mushroom", "cactus", "lightning", "pineapple", "eggplant",
           "cookie", "dinosaur", "snake", "crab"}
# One colour per family, to paint pictures of a known main family.
SWATCH = {"red": (220, 30, 30), "orange": (250, 140, 20), "yellow": (250, 220, 40), "green": (60, 170, 60),
          "blue": (40, 90, 220), "purple": (150, 60, 200), "pink": (255, 150, 190), "brown": (130, 80, 40),
          "white": (255, 255, 255), "grey": (150, 150, 150), "black": (30, 30, 30)}


@pytest.fixture(scope="module")
def doodles():
    return load_doodles(DOODLES)


def test_the_labelled_doodles_are_many_small_balanced_and_of_the_recognisers_classes(doodles):
    assert len(doodles) >= 64
    per_class = Counter(d.thing for d in doodles)
    assert set(per_class) == CLASSES and min(per_class.values()) >= 2
    for d in doodles:
        assert d.sketch.size == (256, 256) and set(d.families) <= set(FAMILIES)
        assert (DOODLES / d.file).stat().st_size < 12_000
    family, share = chance_level([d.families for d in doodles])
    assert share <= 0.5, f"painting every doodle {family} would be accepted for {share:.0%}"


def test_pictures_painted_an_accepted_colour_are_all_plausible_and_one_colour_scores_chance(doodles):
    def painted(colour_of):
        return [np.asarray(apply_look(d.sketch, Image.new("RGB", (256, 256), colour_of(d)), Look.CLEAN))
                for d in doodles]

    right = doodle_figures(doodles, painted(lambda d: SWATCH[d.families[0]]))
    assert right["colour_plausible"] == 1.0
    family, share = chance_level([d.families for d in doodles])
    constant = doodle_figures(doodles, painted(lambda d: SWATCH[family]))
    assert constant["colour_plausible"] == pytest.approx(share) == constant["colour_chance"]
    # Few of these things are purple (grapes, a flower, an eggplant): a purple constant scores low.
    assert doodle_figures(doodles, painted(lambda d: SWATCH["purple"]))["colour_plausible"] < 0.1


def _sketch_and_artist():
    """A disc with a smaller one inside: the artist colours the ring blue and the middle yellow."""
    y, x = np.mgrid[:256, :256]
    distance = np.hypot(y - 128, x - 128)
    sketch = np.full((256, 256), 255, np.uint8)
    sketch[(np.abs(distance - 90) < 2) | (np.abs(distance - 30) < 2)] = 0
    artist = np.full((256, 256, 3), 255, np.uint8)
    artist[distance < 90] = (40, 90, 220)
    artist[distance < 30] = (250, 220, 40)
    artist[sketch == 0] = 0
    return sketch, artist, distance


def test_a_picture_coloured_as_the_artist_did_agrees_and_a_recoloured_one_does_not():
    sketch, artist, distance = _sketch_and_artist()
    same = artist_figures([sketch], [artist], [artist])
    assert same == {"colour_agreement": 1.0, "colour_delta_e": 0.0}
    # The lines and the paper around the drawing do not count: only the colours inside the shapes.
    close = artist.copy()
    close[distance < 90] = (50, 100, 210)
    close[distance < 30] = (245, 215, 50)
    close[distance > 92] = (200, 0, 0)
    near = artist_figures([sketch], [close], [artist])
    assert near["colour_agreement"] == 1.0 and 0 < near["colour_delta_e"] < 5
    swapped = artist.copy()
    swapped[distance < 90] = (220, 30, 30)
    far = artist_figures([sketch], [swapped], [artist], prefix="held_out_")
    assert far["held_out_colour_agreement"] == 0.0 and far["held_out_colour_delta_e"] > 30
    # At half the size the same pictures measure the same.
    half = np.asarray(Image.fromarray(swapped).resize((128, 128), Image.Resampling.BOX))
    assert artist_figures([sketch], [half], [artist])["colour_agreement"] == 0.0


def test_unreadable_or_mislabelled_doodles_say_which_file(tmp_path):
    with pytest.raises(UsageError, match="labels.json"):
        load_doodles(tmp_path)
    Image.new("L", (8, 8), 255).save(tmp_path / "a.png")
    labels = [{"file": "a.png", "class": "sun", "families": ["gold"]}]
    (tmp_path / "labels.json").write_text(json.dumps(labels))
    with pytest.raises(UsageError, match="a.png.*gold"):
        load_doodles(tmp_path)
