"""`icanvas-train prepare --pairs SKETCH_DIR PICTURE_DIR`: a person's own line art with its coloured
pictures."""

import logging
from pathlib import Path

import numpy as np
import pytest
from PIL import Image, ImageDraw
from trainer.synthetic import shape_picture

from icanvas_desktop.trainer.cli import main
from icanvas_desktop.trainer.data.prepared import PreparedDataset

SIZE = 64


@pytest.fixture(autouse=True)
def _info_logs(caplog):
    caplog.set_level(logging.INFO, logger="icanvas.train")


def _line_art(index: int) -> Image.Image:
    """A drawing no edge extractor would make from the picture: a star of lines, different for each index."""
    art = Image.new("L", (SIZE, SIZE), 255)
    draw = ImageDraw.Draw(art)
    for k in range(3 + index):
        angle = np.pi * k / (3 + index)
        dx, dy = 26 * np.cos(angle), 26 * np.sin(angle)
        draw.line([(32 - dx, 32 - dy), (32 + dx, 32 + dy)], fill=0, width=3)
    return art


def _write_pairs(root: Path, names: list[str]) -> tuple[Path, Path]:
    sketches, pictures = root / "line art", root / "coloured"
    sketches.mkdir(parents=True)
    pictures.mkdir()
    for i, name in enumerate(names):
        _line_art(i).save(sketches / f"{name}.png")
        shape_picture(i, SIZE)[0].save(pictures / f"{name}.png")
    return sketches, pictures


def _prepare_pairs(sketches: Path, pictures: Path, out: Path, *extra: str) -> int:
    return main(["-q", "prepare", "--pairs", str(sketches), str(pictures), "--out", str(out),
                 "--size", str(SIZE), "--workers", "1", *extra])


def _by_source(dataset: PreparedDataset) -> dict:
    return {item.source: item for item in dataset.items()}


def test_matched_pairs_are_prepared_with_their_own_sketch_and_picture(tmp_path):
    sketches, pictures = _write_pairs(tmp_path, ["cat", "dog", "sun"])
    # Matched by name whatever the suffix: a JPEG picture goes with a PNG sketch.
    Image.open(pictures / "sun.png").save(pictures / "sun.jpg", quality=95)
    (pictures / "sun.png").unlink()
    assert _prepare_pairs(sketches, pictures, tmp_path / "out", "--variants", "2") == 0

    dataset = PreparedDataset.open(tmp_path / "out")
    items = _by_source(dataset)
    assert set(items) == {"cat", "dog", "sun"}
    assert dataset.index["input_format"] == "pairs"
    for name, item in items.items():
        given_sketch = np.asarray(Image.open(sketches / f"{name}.png").convert("L"))
        picture_file = next(pictures.glob(f"{name}.*"))
        given_picture = np.asarray(Image.open(picture_file).convert("RGB"))
        assert item.sketches == 3
        np.testing.assert_array_equal(np.asarray(dataset.sketch(item, 0)), given_sketch)  # used as it is
        np.testing.assert_array_equal(np.asarray(dataset.picture(item)), given_picture)
        # The same tensors training reads: sketch in [0, 1], picture in [-1, 1].
        sketch, picture = dataset.pair_arrays(item, 1)
        assert sketch.shape == (SIZE, SIZE, 1) and picture.shape == (SIZE, SIZE, 3)
        assert 0 <= sketch.min() and sketch.max() <= 1 and -1 <= picture.min() and picture.max() <= 1
    assert (tmp_path / "out" / "contact_sheet.png").exists()


def test_an_unmatched_name_is_reported_with_what_to_do_and_the_rest_is_prepared(tmp_path, caplog):
    sketches, pictures = _write_pairs(tmp_path, ["cat", "dog"])
    _line_art(5).save(sketches / "owl.png")
    shape_picture(7, SIZE)[0].save(pictures / "fox.png")
    assert _prepare_pairs(sketches, pictures, tmp_path / "out") == 0

    dataset = PreparedDataset.open(tmp_path / "out")
    assert set(_by_source(dataset)) == {"cat", "dog"}
    skipped = {Path(p["file"]).name: p["reason"] for p in dataset.index["problems"]["skipped"]}
    assert set(skipped) == {"owl.png", "fox.png"}
    assert "no picture of the same name" in skipped["owl.png"] and str(pictures / "owl") in skipped["owl.png"]
    assert "no sketch of the same name" in skipped["fox.png"] and str(sketches / "fox") in skipped["fox.png"]
    assert "owl.png" in caplog.text and "fox.png" in caplog.text


def test_no_matching_names_at_all_stops_with_how_to_name_them(tmp_path, capsys):
    sketches, pictures = _write_pairs(tmp_path, ["cat"])
    (pictures / "cat.png").rename(pictures / "kitten.png")
    assert _prepare_pairs(sketches, pictures, tmp_path / "out") == 2
    assert "same name" in capsys.readouterr().err


def test_hand_drawn_variants_change_the_sketch_only_never_the_picture(tmp_path):
    sketches, pictures = _write_pairs(tmp_path, ["cat", "dog", "sun", "owl"])
    assert _prepare_pairs(sketches, pictures, tmp_path / "drawn", "--variants", "3") == 0
    assert _prepare_pairs(sketches, pictures, tmp_path / "clean", "--no-hand-drawn", "--variants", "1") == 0

    drawn, clean = PreparedDataset.open(tmp_path / "drawn"), PreparedDataset.open(tmp_path / "clean")
    clean_items = _by_source(clean)
    for name, item in _by_source(drawn).items():
        given_picture = np.asarray(Image.open(pictures / f"{name}.png").convert("RGB"))
        np.testing.assert_array_equal(np.asarray(drawn.picture(item)), given_picture)
        np.testing.assert_array_equal(np.asarray(clean.picture(clean_items[name])), given_picture)
        own = np.asarray(drawn.sketch(item, 0), int)
        for k in range(1, item.sketches):
            assert np.abs(np.asarray(drawn.sketch(item, k), int) - own).mean() > 1, "a re-drawn variant"
        np.testing.assert_array_equal(np.asarray(clean.sketch(clean_items[name], 1)), own)


def test_an_unreadable_file_is_named_and_skipped(tmp_path, caplog):
    sketches, pictures = _write_pairs(tmp_path, ["cat", "dog", "sun"])
    whole = (sketches / "dog.png").read_bytes()
    (sketches / "dog.png").write_bytes(whole[: len(whole) // 2])
    assert _prepare_pairs(sketches, pictures, tmp_path / "out") == 0

    dataset = PreparedDataset.open(tmp_path / "out")
    assert set(_by_source(dataset)) == {"cat", "sun"}
    (problem,) = dataset.index["problems"]["skipped"]
    assert "dog.png" in problem["reason"] and "damaged or incomplete" in problem["reason"]
    assert str(sketches / "dog.png") in caplog.text


def test_pairs_and_a_picture_folder_together_are_refused(tmp_path, capsys):
    sketches, pictures = _write_pairs(tmp_path, ["cat"])
    code = main(["-q", "prepare", str(pictures), "--pairs", str(sketches), str(pictures),
                 "--out", str(tmp_path / "out")])
    assert code == 2 and "--pairs" in capsys.readouterr().err
    assert _prepare_pairs(sketches, sketches, tmp_path / "out") == 2
    assert "two separate folders" in capsys.readouterr().err
