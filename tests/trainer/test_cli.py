import errno
import json
import logging
import os
import shutil
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from PIL import Image
from trainer.synthetic import shape_picture, write_aligned, write_pictures

from icanvas_desktop.files import atomic
from icanvas_desktop.generation import load_generator
from icanvas_desktop.themes import load_theme
from icanvas_desktop.themes.package_import import import_theme_zip
from icanvas_desktop.trainer.cli import main
from icanvas_desktop.trainer.data.prepared import PreparedDataset
from icanvas_desktop.trainer.run import RunInfo, TrainOptions

DOODLES = Path(__file__).parents[1] / "data" / "doodles"


@pytest.fixture(autouse=True)
def _info_logs(caplog):
    caplog.set_level(logging.INFO, logger="icanvas.train")


def _prepare(source: Path, out: Path, *extra: str) -> int:
    return main(["-q", "prepare", str(source), "--out", str(out), "--size", "64", "--workers", "1", *extra])


def test_help_for_the_command_and_each_subcommand():
    script = Path(sys.executable).parent / "icanvas-train"
    for args in ([], ["prepare"], ["train"], ["evaluate"], ["export"]):
        done = subprocess.run([str(script), *args, "--help"], capture_output=True, text=True, timeout=60,
                              check=False)
        assert done.returncode == 0, done.stderr
        assert "usage: icanvas-train" in done.stdout
    train_help = subprocess.run([str(script), "train", "--help"], capture_output=True, text=True, check=True)
    assert "--resume" in train_help.stdout


def test_an_empty_folder_stops_with_what_to_put_in_it(tmp_path, capsys):
    (tmp_path / "pictures").mkdir()
    assert _prepare(tmp_path / "pictures", tmp_path / "out") == 2
    assert "No pictures found" in capsys.readouterr().err


def test_a_missing_folder_is_named(tmp_path, capsys):
    assert _prepare(tmp_path / "nowhere", tmp_path / "out") == 2
    assert "nowhere" in capsys.readouterr().err


def test_a_damaged_data_set_or_run_is_named_with_what_to_do(tmp_path, capsys):
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "dataset.json").write_text('{"format": ')
    assert main(["-q", "train", "--data", str(tmp_path / "data"), "--run", str(tmp_path / "run")]) == 2
    assert "dataset.json is damaged" in capsys.readouterr().err
    (tmp_path / "run").mkdir()
    (tmp_path / "run" / "run.json").write_text('{"options": ')
    assert main(["-q", "evaluate", "--run", str(tmp_path / "run")]) == 2
    err = capsys.readouterr().err
    assert "run.json is damaged" in err and "Traceback" not in err


def test_bad_files_are_named_with_their_fix_and_the_rest_is_prepared(tmp_path, caplog):
    source = write_pictures(tmp_path / "pictures", 4, size=64)
    good = (source / "shape_000.png").read_bytes()
    (source / "truncated.png").write_bytes(good[: len(good) // 2])
    (source / "garbage.jpg").write_bytes(b"this is not a picture at all")
    Image.new("RGB", (40, 40), "red").save(source / "animation.gif")
    Image.new("RGB", (40, 40), "blue").save(source / "renamed.png", format="GIF")
    assert _prepare(source, tmp_path / "out") == 0

    skipped = {Path(p["file"]).name: p["reason"] for p in
               PreparedDataset.open(tmp_path / "out").index["problems"]["skipped"]}
    assert set(skipped) == {"truncated.png", "garbage.jpg", "animation.gif", "renamed.png"}
    assert "damaged or incomplete" in skipped["truncated.png"]
    assert "convert" in skipped["animation.gif"]
    assert "GIF" in skipped["renamed.png"]
    for name in skipped:
        assert name in caplog.text
    assert len(PreparedDataset.open(tmp_path / "out").items()) == 4


def test_grayscale_cmyk_and_16_bit_pictures_are_converted_with_a_note(tmp_path, caplog):
    source = tmp_path / "pictures"
    source.mkdir()
    picture = shape_picture(1, 64)[0]
    picture.convert("L").save(source / "gray.png")
    picture.convert("CMYK").save(source / "cmyk.jpg")
    sixteen = (np.asarray(picture.convert("L"), np.uint16) * 257).astype(np.uint16)
    Image.fromarray(sixteen).save(source / "deep.png")
    assert _prepare(source, tmp_path / "out") == 0
    dataset = PreparedDataset.open(tmp_path / "out")
    assert sorted(i.source for i in dataset.items()) == ["cmyk.jpg", "deep.png", "gray.png"]
    assert "cmyk.jpg" in caplog.text and "CMYK" in caplog.text
    deep = next(i for i in dataset.items() if i.source == "deep.png")
    gray = next(i for i in dataset.items() if i.source == "gray.png")
    assert np.abs(np.asarray(dataset.picture(deep), int) - np.asarray(dataset.picture(gray), int)).max() <= 1


def test_aligned_pairs_with_an_odd_width_are_named(tmp_path, caplog):
    source = write_aligned(tmp_path / "pairs", 4, size=64)
    Image.new("RGB", (129, 64), "white").save(source / "odd.png")
    assert _prepare(source, tmp_path / "out", "--format", "aligned") == 0
    assert "odd.png" in caplog.text and "odd" in caplog.text
    dataset = PreparedDataset.open(tmp_path / "out")
    assert len(dataset.items()) == 4
    sketch = np.asarray(dataset.sketch(dataset.items()[0], 0))
    assert sketch.mean() > 200, "white paper with dark lines"


def test_a_theme_id_that_escapes_the_output_folder_is_refused(tmp_path, capsys):
    code = main(["export", "--run", str(tmp_path / "run"), "--id", "../../outside", "--name-en", "x",
                 "--name-ko", "x", "--source", "s", "--license", "l", "--out", str(tmp_path / "models")])
    assert code == 2
    assert "cannot be used" in capsys.readouterr().err
    assert not (tmp_path / "models").exists() and not (tmp_path.parent / "outside").exists()


@pytest.mark.slow
def test_prepare_train_evaluate_export_end_to_end(tmp_path, capsys, caplog):
    source = write_pictures(tmp_path / "pictures", 12, size=96)
    drawings = tmp_path / "drawings"
    drawings.mkdir()
    for i in range(2):
        shape_picture(20 + i, 80)[1].save(drawings / f"drawn_{i}.png")
    doodles = tmp_path / "doodles"
    doodles.mkdir()
    labels = json.loads((DOODLES / "labels.json").read_text())[:3]
    for entry in labels:
        shutil.copy(DOODLES / entry["file"], doodles)
    (doodles / "labels.json").write_text(json.dumps(labels))
    assert _prepare(source, tmp_path / "prepared", "--variants", "2", "--val-fraction", "0.25") == 0
    assert (tmp_path / "prepared" / "contact_sheet.png").exists()

    assert main(["-q", "train", "--data", str(tmp_path / "prepared"), "--run", str(tmp_path / "run"),
                 "--generator", "unet", "--ngf", "8", "--depth", "4", "--epochs", "2",
                 "--precision", "float32"]) == 0
    options = RunInfo.open(tmp_path / "run").options
    assert (options.batch_size, options.learning_rate) == (TrainOptions.batch_size,
                                                           TrainOptions.learning_rate)
    assert main(["-q", "evaluate", "--run", str(tmp_path / "run"), "--drawings", str(drawings),
                 "--doodles", str(doodles)]) == 0
    table = capsys.readouterr().out
    assert "doodles main colour plausible" in table and "doodles chance level" in table
    assert "held-out main colour as the artist's" in table and "held-out region ΔE2000" in table
    assert "drawings SWD" in table and "epoch_0002.weights.h5" in table
    assert "drawings grain" in table and "held-out line precision" in table
    assert "drawings colour variety" in table
    results = json.loads((tmp_path / "run" / "evaluation" / "results.json").read_text())
    assert len(results["checkpoints"]) == 2 and results["drawings"] == ["drawn_0.png", "drawn_1.png"]
    assert (tmp_path / "run" / "evaluation" / "contact_sheet.png").exists()

    # after a resume, only the new epoch is scored; the earlier figures are kept as they were
    assert main(["-q", "train", "--run", str(tmp_path / "run"), "--resume", "--epochs", "3"]) == 0
    caplog.clear()
    with caplog.at_level(logging.INFO, logger="icanvas.train"):
        assert main(["evaluate", "--run", str(tmp_path / "run"), "--drawings", str(drawings),
                     "--doodles", str(doodles)]) == 0
    scored = [r.getMessage().split(":")[0] for r in caplog.records if r.getMessage().startswith("epoch_")]
    assert scored == ["epoch_0003.weights.h5"]
    again = json.loads((tmp_path / "run" / "evaluation" / "results.json").read_text())
    assert again["checkpoints"][:2] == results["checkpoints"] and len(again["checkpoints"]) == 3
    capsys.readouterr()

    assert main(["-q", "export", "--run", str(tmp_path / "run"), "--id", "shapes", "--name-en", "Shapes",
                 "--name-ko", "도형", "--source", "synthetic", "--license", "CC0-1.0",
                 "--prompt", "ball", "Draw a ball", "공을 그려 보세요", "--out", str(tmp_path / "models"),
                 "--source-ko", "합성 그림", "--zip"]) == 0
    assert capsys.readouterr().out.split() == [str(tmp_path / "models" / "shapes"),
                                               str(tmp_path / "models" / "shapes.zip")]
    assert import_theme_zip(tmp_path / "models" / "shapes.zip", tmp_path / "installed").id == "shapes"
    theme = load_theme(tmp_path / "models" / "shapes")
    assert theme.manifest["metrics"]["drawings_swd"] == pytest.approx(again["best"]["drawings_swd"], rel=1e-3)
    assert theme.manifest["metrics"]["drawings_line_recall"] == pytest.approx(
        again["best"]["drawings_line_recall"], rel=1e-3)
    assert theme.look == "clean"  # what a child gets until they pick a look
    assert theme.manifest["data"]["translations"] == {"ko": {"source": "합성 그림"}}
    assert "drawings clean line recall" in table
    picture = load_generator(theme).generate(shape_picture(5, 200)[1])
    assert picture.size == (64, 64) and picture.mode == "RGB"


def _png_with(width: int, height: int, before_idat: bytes = b"", after_idat: bytes = b"") -> bytes:
    """A grey PNG written by hand, so it can claim sizes and chunks that no program would write."""
    import struct
    import zlib

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    rows = zlib.compress((b"\x00" + b"\x80" * width) * height if width * height <= 4096 else b"\x00" * 64)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0))
            + before_idat + chunk(b"IDAT", rows) + after_idat + chunk(b"IEND", b""))


def _oversized(kind: bytes) -> bytes:
    import struct
    import zlib

    data = b"x\x00\x00" + zlib.compress(bytes(4 * 2**20), 9)  # 4 MiB inflated, more than Pillow allows
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def test_hostile_files_are_named_with_their_fix_and_the_rest_is_prepared(tmp_path, caplog):
    import os

    source = write_pictures(tmp_path / "pictures", 4, size=64)
    (source / "poster.png").write_bytes(_png_with(30000, 30000))  # opening it raises DecompressionBombError
    (source / "profile.png").write_bytes(_png_with(32, 32, before_idat=_oversized(b"iCCP")))
    (source / "comment.png").write_bytes(_png_with(32, 32, after_idat=_oversized(b"zTXt")))
    os.symlink("/dev/zero", source / "zero.png")
    os.mkfifo(source / "x.png")
    korean = os.fsdecode("고양이".encode("cp949") + b".png")  # as unzip leaves a Windows zip's names
    (source / "shape_000.png").rename(source / korean)
    assert _prepare(source, tmp_path / "out") == 0  # --format auto

    dataset = PreparedDataset.open(tmp_path / "out")
    skipped = {Path(p["file"]).name: p["reason"] for p in dataset.index["problems"]["skipped"]}
    assert set(skipped) == {"poster.png", "profile.png", "comment.png", "zero.png", "x.png"}
    assert "resize it to at most 8192 px a side" in skipped["poster.png"]
    for name in ("profile.png", "comment.png"):
        assert "save it again without metadata" in skipped[name]
    assert "not a picture file but a device" in skipped["zero.png"] and "FIFO" in skipped["x.png"]
    assert dataset.index["input_format"] == "pictures" and len(dataset.items()) == 4
    shown = "\\xb0\\xed\\xbe\\xe7\\xc0\\xcc.png"
    assert shown in {i.source for i in dataset.items()}
    notes = {Path(p["file"]).name: p["note"] for p in dataset.index["problems"]["notes"]}
    assert "unzip -O cp949" in notes[shown]


def test_a_run_fine_tuned_from_another_starts_from_its_weights_at_any_size(tmp_path, capsys):
    import keras

    from icanvas_desktop.networks import build_generator
    from icanvas_desktop.trainer.run import CHECKPOINT
    from icanvas_desktop.trainer.training.checkpoint import read_state

    pictures = write_pictures(tmp_path / "pictures", 6, size=64)
    assert _prepare(pictures, tmp_path / "data64") == 0
    assert main(["-q", "prepare", str(pictures), "--out", str(tmp_path / "data32"), "--size", "32",
                 "--workers", "1"]) == 0
    tiny = ["--generator", "compact2", "--ngf", "4", "--depth", "3"]
    assert main(["-q", "train", "--data", str(tmp_path / "data32"), "--run", str(tmp_path / "base"), *tiny,
                 "--epochs", "1"]) == 0
    # Another architecture is refused with what to leave out ...
    assert main(["-q", "train", "--data", str(tmp_path / "data64"), "--run", str(tmp_path / "bad"),
                 "--init-from", str(tmp_path / "base"), "--ngf", "8"]) != 0
    assert "leave out --generator" in capsys.readouterr().err
    # ... and so is something that is neither a run nor a theme.
    assert main(["-q", "train", "--data", str(tmp_path / "data64"), "--run", str(tmp_path / "bad2"),
                 "--init-from", str(tmp_path / "pictures")]) != 0
    assert "not a training run, a theme folder" in capsys.readouterr().err

    # A run at 64 px from the 32 px one: its generator starts with the other's (EMA-averaged) weights.
    assert main(["-q", "train", "--data", str(tmp_path / "data64"), "--run", str(tmp_path / "tuned"),
                 "--init-from", str(tmp_path / "base"), "--epochs", "1", "--max-steps", "0",
                 "--balance-colours"]) == 0
    tuned = RunInfo.open(tmp_path / "tuned")
    assert tuned.generator.image_size == 64 and tuned.generator.input_channels == 5
    assert tuned.options.balance_colours and not tuned.options.balance_folders
    assert read_state(tmp_path / "tuned" / CHECKPOINT)["step"] == 0
    source = build_generator(RunInfo.open(tmp_path / "base").generator)
    source.load_weights(str(RunInfo.open(tmp_path / "base").generator_weights()[-1]))
    with np.load(tmp_path / "tuned" / CHECKPOINT) as saved:
        for i, weight in enumerate(source.weights):
            np.testing.assert_array_equal(saved[f"generator/{i:04d}"], keras.ops.convert_to_numpy(weight))


def test_a_bundled_theme_is_a_starting_point_by_its_id():
    from icanvas_desktop.trainer.training.train import starting_generator

    config, weights = starting_generator(Path("garden"))
    assert config.image_size == 256 and weights.name == "generator.weights.h5" and weights.is_file()


def test_without_the_trainer_extra_the_command_says_how_to_install_it(tmp_path):
    # A family's install has no TensorFlow: a child process where importing it fails as it would there.
    code = ("import sys, importlib.abc\n"
            "class NoTensorFlow(importlib.abc.MetaPathFinder):\n"
            "    def find_spec(self, name, path=None, target=None):\n"
            "        if name.partition('.')[0] in ('tensorflow', 'keras', 'skimage'):\n"
            "            raise ModuleNotFoundError(f'No module named {name!r}', name=name)\n"
            "sys.meta_path.insert(0, NoTensorFlow())\n"
            "from icanvas_desktop.trainer.cli import main\n"
            "sys.exit(main(sys.argv[1:]))\n")
    (tmp_path / "pictures").mkdir()
    Image.new("RGB", (64, 64), "red").save(tmp_path / "pictures" / "a.png")
    done = subprocess.run([sys.executable, "-c", code, "prepare", str(tmp_path / "pictures"), "--out",
                           str(tmp_path / "out")], capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 2, done.stderr
    assert 'pip install -e ".[trainer]"' in done.stderr and "Traceback" not in done.stderr


@pytest.mark.parametrize("number, why", [(errno.EROFS, "read-only"), (errno.ENOSPC, "disk is full")])
def test_an_output_folder_that_cannot_be_written_is_named_with_what_to_do(tmp_path, monkeypatch, capsys,
                                                                          number, why):
    source = write_pictures(tmp_path / "pictures", 3)

    def refuse(*args, dir=None, **kwargs):
        raise OSError(number, os.strerror(number), str(Path(dir) / ".x.png.1-abcdefgh.tmp"))

    monkeypatch.setattr(atomic.tempfile, "mkstemp", refuse)
    assert _prepare(source, tmp_path / "out") == 1
    told = capsys.readouterr().err
    assert told.startswith(f"error: could not write {tmp_path / 'out'}") and why in told and "choose" in told
    assert ".tmp" not in told and "Traceback" not in told


def test_an_output_folder_that_is_a_file_is_named(tmp_path, capsys):
    source = write_pictures(tmp_path / "pictures", 2)
    (tmp_path / "out").write_text("not a folder")
    assert _prepare(source, tmp_path / "out") == 1
    assert f"could not write {tmp_path / 'out'}" in capsys.readouterr().err
