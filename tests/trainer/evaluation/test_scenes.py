"""The labelled scenes (tests/data/scenes): what make_scenes.py writes, balanced, and read thing by thing."""

import filecmp
import json
from pathlib import Path

import numpy as np
from trainer.doodle_sets import hand_script

from icanvas_desktop.trainer.evaluation.colour_sense import chance_level, load_scenes, scene_families

SCENES = Path(__file__).resolve().parents[2] / "data" / "scenes"
PARTS = {"first": 60, "other hands": 60, "first, on the ground": 50, "other hands, on the ground": 50,
         "first, touching": 40, "other hands, touching": 40, "first, two touching of three": 30,
         "other hands, two touching of three": 30}


def test_the_scenes_are_what_their_script_writes(tmp_path, monkeypatch):
    monkeypatch.setattr("sys.argv", ["make_scenes.py", "--out", str(tmp_path)])
    assert hand_script("make_scenes").main() == 0
    names = sorted(p.name for p in SCENES.glob("*.png"))
    assert names == sorted(p.name for p in tmp_path.glob("*.png"))
    assert filecmp.cmpfiles(SCENES, tmp_path, [*names, "labels.json"], shallow=False)[1:] == ([], [])


def test_every_part_is_balanced_and_each_thing_is_labelled_as_its_doodle():
    scenes = load_scenes(SCENES)
    assert {part: sum(s.part == part for s in scenes) for part in PARTS} == PARTS
    for part in PARTS:
        accepted = [t.families for s in scenes if s.part == part for t in s.things]
        assert chance_level(accepted)[1] <= 0.5, part
    labels = json.loads((SCENES / "labels.json").read_text("utf-8"))
    data = SCENES.parent
    for entry in labels:
        classes = [t["class"] for t in entry["things"]]
        assert 2 <= len(classes) <= 3 and len(set(classes)) == len(classes), entry["file"]
        for thing in entry["things"]:
            hand, file = thing["doodle"].split("/")
            doodle = next(e for e in json.loads((data / hand / "labels.json").read_text("utf-8"))
                          if e["file"] == file)
            assert (thing["class"], thing["families"]) == (doodle["class"], doodle["families"])


def test_a_thing_s_colour_is_read_within_its_own_box():
    scene = next(s for s in load_scenes(SCENES) if s.part == "first")
    picture = np.full((256, 256, 3), 255, np.uint8)
    left, top, right, bottom = scene.things[0].box
    picture[top:bottom, left:right] = (210, 40, 40)
    families = scene_families(scene, picture)
    assert families[0] == "red" and families[1] != "red"
