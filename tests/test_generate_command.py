"""`icanvas generate`: paper drawings (scans and photos, any size) to pictures through the app's own path,
with a bundled theme; and the levelling that makes a photo's grey, unevenly lit paper white."""

import errno
import io
import os
import shutil
import sys
import threading

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFilter

from icanvas_desktop.commands.cli import run_command
from icanvas_desktop.commands.generate import run_generate
from icanvas_desktop.files import atomic
from icanvas_desktop.files.resources import bundled_models_dir
from icanvas_desktop.generation import load_generator
from icanvas_desktop.generation.clean_look import INK, LINE
from icanvas_desktop.generation.scanned_paper import level_paper
from icanvas_desktop.generation.sketch_input import sketch_to_array
from icanvas_desktop.themes import load_theme

THEME = "emoji"


@pytest.fixture(autouse=True)
def data_dir(tmp_path, monkeypatch):
    """The themes are the bundled ones alone: no user's or administrator's folder joins in."""
    monkeypatch.setenv("ICANVAS_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("ICANVAS_SYSTEM_DIR", str(tmp_path / "system"))
    monkeypatch.delenv("ICANVAS_EXTRA_THEMES", raising=False)


@pytest.fixture(scope="module")
def generator():
    return load_generator(load_theme(bundled_models_dir() / THEME, tflite_only_ok=True))


def photo(width: int = 1200, height: int = 900, dark: float = 90, light: float = 160, seed: int = 0):
    """A phone photo of a circle and a line drawn in marker on grey paper, lit from the bottom right (the
    paper goes from `dark` to `light`, the ink takes 65% of the light, with sensor noise), and the ink
    alone."""
    rng = np.random.default_rng(seed)
    yy, xx = np.mgrid[0:height, 0:width].astype(np.float32)
    paper = dark + (light - dark) * (0.6 * xx / width + 0.4 * yy / height)
    ink = Image.new("L", (width, height), 0)
    pen = ImageDraw.Draw(ink)
    pen.ellipse((width * 0.3, height * 0.25, width * 0.7, height * 0.75), outline=255, width=width // 150)
    pen.line((width * 0.1, height * 0.9, width * 0.9, height * 0.85), fill=255, width=width // 150)
    ink = np.asarray(ink.filter(ImageFilter.GaussianBlur(1.5)), np.float32) / 255
    grey = paper * (1 - 0.65 * ink) + rng.normal(0, 4, (height, width))
    rgb = np.clip(np.stack([grey * 1.03, grey, grey * 0.94], -1), 0, 255).astype(np.uint8)  # warm lamp light
    return Image.fromarray(rgb, "RGB"), Image.fromarray(((1 - ink) * 255).astype(np.uint8), "L")


def generate(*args) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    status = run_generate([str(a) for a in args], out, err)
    return status, out.getvalue(), err.getvalue()


def test_a_grey_photo_is_all_line_as_it_is_and_a_line_drawing_once_levelled():
    shot, ink = photo(1000, 1000)  # square: no white padding around it in the generator's input
    truth = sketch_to_array(ink, 256)[..., 0] < LINE
    as_is = sketch_to_array(shot, 256)[..., 0]
    assert (as_is < LINE).mean() > 0.9, "without levelling, nearly the whole sheet reads as line"
    levelled = sketch_to_array(level_paper(shot), 256)[..., 0]
    far_from_ink = sketch_to_array(ink.filter(ImageFilter.MinFilter(9)), 256)[..., 0] > 0.99
    assert np.percentile(levelled[far_from_ink], 1) > 0.95, "the paper is white, in the dark corner too"
    assert levelled[sketch_to_array(ink, 256)[..., 0] < 0.2].max() < 0.35, "the marker is dark"
    assert abs((levelled < LINE).mean() - truth.mean()) < 0.01
    assert ((levelled < LINE) & truth).sum() > 0.9 * truth.sum()


def test_levelling_keeps_a_drawing_already_black_on_white_and_its_proportions():
    sketch = Image.new("L", (300, 200), 255)
    ImageDraw.Draw(sketch).rectangle((40, 40, 260, 160), outline=0, width=4)
    levelled = level_paper(sketch)
    assert levelled.size == (300, 200)
    assert np.abs(np.asarray(levelled, np.float32) - np.asarray(sketch, np.float32)).max() <= 1
    assert level_paper(Image.new("L", (5000, 2500), 200)).size == (1024, 512)
    blank = np.asarray(level_paper(photo(dark=120, light=180)[0].filter(ImageFilter.GaussianBlur(40))))
    assert blank.min() > 200, "a sheet with no line gets none"


def test_pictures_are_written_with_their_names_at_the_themes_size_in_their_proportions(tmp_path, generator):
    drawings = tmp_path / "class"
    (drawings / "table 2").mkdir(parents=True)
    shot, _ = photo(800, 600)
    shot.save(drawings / "minseo.jpg", quality=90)
    shot.resize((300, 400)).save(drawings / "table 2" / "jiho.webp")
    shot.convert("L").save(drawings / "table 2" / "minseo.png")
    (drawings / "notes.txt").write_text("not a drawing")
    single = tmp_path / "scan.PNG"
    shot.resize((2000, 1500)).save(single)
    out = tmp_path / "pictures"

    status, said, _ = generate("--theme", THEME, drawings, single, "--out", out)
    assert status == 0, said
    written = sorted(p.relative_to(out).as_posix() for p in out.rglob("*.png"))
    assert written == ["minseo.png", "scan.png", "table 2/jiho.png", "table 2/minseo.png"]
    side = generator.input_size
    sizes = {"minseo.png": (side, side * 3 // 4), "scan.png": (side, side * 3 // 4),
             "table 2/jiho.png": (side * 3 // 4, side), "table 2/minseo.png": (side, side * 3 // 4)}
    for name, size in sizes.items():
        with Image.open(out / name) as picture:
            assert picture.size == size and picture.mode == "RGB"
    assert "4 picture(s) made" in said

    status, _, _ = generate("--theme", bundled_models_dir() / THEME, single, single, "--size", 512,
                            "--out", out)
    assert status == 0
    for name in ("scan.png", "scan-2.png"):  # the same name twice: the second does not overwrite the first
        with Image.open(out / name) as picture:
            assert picture.size == (512, 384)
    status, _, _ = generate("--theme", THEME, single, "--size", 300, "--square", "--out", tmp_path / "square")
    with Image.open(tmp_path / "square" / "scan.png") as picture:
        assert status == 0 and picture.size == (300, 300)


def test_an_unreadable_file_is_named_and_skipped_and_none_readable_fails(tmp_path):
    drawings = tmp_path / "drawings"
    drawings.mkdir()
    photo(400, 300)[0].save(drawings / "good.png")
    (drawings / "broken.jpg").write_bytes(b"\xff\xd8\xff not really a jpeg")
    (drawings / "empty.webp").write_bytes(b"")
    out = tmp_path / "out"

    status, said, told = generate("--theme", THEME, drawings, tmp_path / "missing.png", "--out", out)
    assert status == 0
    assert sorted(p.name for p in out.iterdir()) == ["good.png"]
    for name in ("broken.jpg", "empty.webp", "missing.png"):
        assert any(line.startswith("skipped ") and name in line for line in told.splitlines()), told
    assert "1 picture(s) made, 3 file(s) skipped" in said

    status, _, told = generate("--theme", THEME, drawings / "broken.jpg", "--out", tmp_path / "none")
    assert status == 1 and "broken.jpg" in told and not (tmp_path / "none").exists()


def test_the_look_is_honoured_and_is_the_apps_own_path(tmp_path, generator):
    shot, _ = photo(640, 480)
    shot.save(tmp_path / "photo.jpg", quality=92)
    with Image.open(tmp_path / "photo.jpg") as saved:
        sketch = level_paper(saved)
    pictures = {}
    for look, asked in (("clean", "clean"), ("painted", "raw")):
        status, said, _ = generate("--theme", THEME, "--look", asked, tmp_path / "photo.jpg", "--square",
                                   "--out", tmp_path / look)
        assert status == 0 and f"{look} look" in said
        pictures[look] = np.asarray(Image.open(tmp_path / look / "photo.png").convert("RGB"), np.float32)
        expected = np.asarray(generator.generate(sketch, look), np.float32)
        assert np.abs(pictures[look] - expected).mean() < 1.0
    assert np.abs(pictures["clean"] - pictures["painted"]).mean() > 5
    # the clean look keeps the paper around the drawing white, which it cannot when the paper is left grey
    clean = pictures["clean"]
    assert (clean[:8].min(axis=-1) > 245).mean() > 0.95


def test_the_output_folder_inside_the_drawings_is_not_read_back(tmp_path):
    drawings = tmp_path / "drawings"
    drawings.mkdir()
    photo(400, 300)[0].save(drawings / "a.png")
    for _ in range(2):
        status, said, _ = generate("--theme", THEME, drawings, "--out", drawings / "pictures")
        assert status == 0 and said.startswith("1 drawing(s)")
    assert [p.name for p in (drawings / "pictures").iterdir()] == ["a.png"]


def test_an_unknown_theme_says_which_there_are(tmp_path):
    photo(200, 200)[0].save(tmp_path / "a.png")
    status, _, told = generate("--theme", "dinosaurs", tmp_path / "a.png", "--out", tmp_path / "out")
    assert status == 2 and "'dinosaurs'" in told and THEME in told
    broken = shutil.copytree(bundled_models_dir() / THEME, tmp_path / "broken")
    (broken / "generator.tflite").write_bytes(b"not a model")
    (broken / "generator.weights.h5").unlink()
    status, _, told = generate("--theme", broken, tmp_path / "a.png", "--out", tmp_path / "out")
    assert status == 2 and told.startswith("error:")


def test_icanvas_alone_still_opens_the_window_and_generate_is_a_command(tmp_path):
    assert run_command([]) is None
    assert run_command(["-platform", "offscreen"]) is None
    with pytest.raises(SystemExit) as usage:
        run_command(["generate"])  # argparse: the theme, drawings and --out are required
    assert usage.value.code == 2


def test_without_tqdm_the_progress_is_a_line_per_drawing(tmp_path, monkeypatch):
    """The packaged app leaves tqdm out (build.spec); the command still runs there."""
    monkeypatch.setitem(sys.modules, "tqdm", None)  # import tqdm now raises ImportError
    photo(300, 300)[0].save(tmp_path / "a.png")
    photo(300, 300, seed=1)[0].save(tmp_path / "b.png")
    status, _, told = generate("--theme", THEME, tmp_path / "a.png", tmp_path / "b.png",
                               "--out", tmp_path / "out")
    assert status == 0 and told.splitlines()[-2:] == ["1/2", "2/2"]


def test_pictures_never_go_where_the_drawings_are(tmp_path):
    scans = tmp_path / "scans"
    scans.mkdir()
    photo(400, 300)[0].save(scans / "scan.png")
    before = (scans / "scan.png").read_bytes()
    status, _, told = generate("--theme", THEME, scans / "scan.png", "--out", scans)
    assert status == 2 and "--out" in told and "scan.png" in told and "pictures" in told, told
    status, said, told = generate("--theme", THEME, scans, "--out", scans)
    assert status == 2 and "is the folder of drawings" in told and "0 drawing(s)" not in said, told
    status, _, told = generate("--theme", THEME, scans, "--out", tmp_path / "scans" / ".." / "scans")
    assert status == 2, "the same folder spelt another way"
    assert (scans / "scan.png").read_bytes() == before
    assert sorted(p.name for p in scans.iterdir()) == ["scan.png"]


def test_a_drawing_of_too_many_pixels_is_refused_before_it_is_decoded(tmp_path):
    Image.new("1", (13000, 13000), 1).save(tmp_path / "huge.png")  # a small file of 169 million pixels
    photo(300, 200)[0].save(tmp_path / "fine.png")
    status, said, told = generate("--theme", THEME, tmp_path / "huge.png", tmp_path / "fine.png",
                                  "--out", tmp_path / "out")
    assert status == 0 and "1 picture(s) made, 1 file(s) skipped" in said
    assert any(line.startswith("skipped ") and "huge.png" in line and "13000 × 13000" in line
               and "scale it down" in line for line in told.splitlines()), told


@pytest.mark.parametrize("number, why", [(errno.EROFS, "read-only"), (errno.ENOSPC, "disk is full"),
                                         (errno.EACCES, "may not write")])
def test_an_output_folder_that_cannot_be_written_is_named_with_what_to_do(tmp_path, monkeypatch, number, why):
    photo(300, 200)[0].save(tmp_path / "a.png")
    photo(300, 200, seed=1)[0].save(tmp_path / "b.png")

    def refuse(*args, **kwargs):
        raise OSError(number, os.strerror(number), str(tmp_path / "out" / ".a.png.1-abcdefgh.tmp"))

    monkeypatch.setattr(atomic.tempfile, "mkstemp", refuse)
    status, said, told = generate("--theme", THEME, tmp_path / "a.png", tmp_path / "b.png",
                                  "--out", tmp_path / "out")
    assert status == 1 and "Traceback" not in told
    assert f"could not write {tmp_path / 'out' / 'a.png'}: " in told and why in told, told
    assert "choose" in told and "0 picture(s) made" in said


def test_an_output_folder_that_is_a_file_is_named(tmp_path):
    photo(300, 200)[0].save(tmp_path / "a.png")
    (tmp_path / "out").write_text("not a folder")
    status, _, told = generate("--theme", THEME, tmp_path / "a.png", "--out", tmp_path / "out")
    assert status == 1 and f"could not write {tmp_path / 'out' / 'a.png'}" in told, told


def test_a_pipe_named_on_the_command_line_does_not_hang(tmp_path):
    os.mkfifo(tmp_path / "pipe.png")
    result = []
    worker = threading.Thread(target=lambda: result.append(
        generate("--theme", THEME, tmp_path / "pipe.png", "--out", tmp_path / "out")), daemon=True)
    worker.start()
    worker.join(120)
    assert not worker.is_alive(), "waiting for a writer to the pipe"
    status, _, told = result[0]
    assert status == 1 and "pipe.png" in told and "pipe (FIFO)" in told, told


def test_what_in_a_folder_is_not_a_file_is_named(tmp_path):
    drawings = tmp_path / "drawings"
    drawings.mkdir()
    photo(300, 200)[0].save(drawings / "good.png")
    os.mkfifo(drawings / "pipe.png")
    (drawings / "folder.png").mkdir()
    (drawings / "zeros.png").symlink_to("/dev/zero")
    (drawings / "loop.jpg").symlink_to(drawings / "loop.jpg")
    (drawings / "gone.webp").symlink_to(tmp_path / "nowhere.webp")
    status, said, told = generate("--theme", THEME, drawings, "--out", tmp_path / "out")
    assert status == 0 and "1 picture(s) made, 5 file(s) skipped" in said, (said, told)
    skipped = {line.split(":")[0].removeprefix("skipped "): line for line in told.splitlines()
               if line.startswith("skipped ")}
    assert set(skipped) == {str(drawings / n) for n in
                            ("pipe.png", "folder.png", "zeros.png", "loop.jpg", "gone.webp")}, told
    assert "pipe (FIFO)" in skipped[str(drawings / "pipe.png")]
    assert "folder" in skipped[str(drawings / "folder.png")]
    assert "device" in skipped[str(drawings / "zeros.png")]
    assert "loop" in skipped[str(drawings / "loop.jpg")]
    status, _, told = generate("--theme", THEME, drawings / "loop.jpg", "--out", tmp_path / "out")
    assert status == 1 and "loop" in told, told


def test_a_big_picture_has_real_detail_not_an_enlarged_small_one(tmp_path, generator):
    shot, _ = photo(1600, 1200)
    shot.save(tmp_path / "photo.png")
    photo_path = tmp_path / "photo.png"
    assert generate("--theme", THEME, photo_path, "--size", 2048, "--out", tmp_path / "big")[0] == 0
    assert generate("--theme", THEME, photo_path, "--out", tmp_path / "small")[0] == 0
    with Image.open(tmp_path / "big" / "photo.png") as big, \
            Image.open(tmp_path / "small" / "photo.png") as small:
        assert big.size == (2048, 1536) and small.size == (256, 192)
        enlarged = np.asarray(small.resize(big.size, Image.Resampling.LANCZOS), np.float32)
        shrunk = np.asarray(big.resize(small.size, Image.Resampling.BOX), np.float32)
        assert np.abs(shrunk - np.asarray(small, np.float32)).mean() < 4, "the same picture"
        big = np.asarray(big, np.float32)

    def between(picture):
        """The share of pixels neither ink nor one of the picture's flat colours: its edges' width."""
        pixels = picture.astype(np.int64)
        codes = pixels[..., 0] << 16 | pixels[..., 1] << 8 | pixels[..., 2]
        values, counts = np.unique(codes, return_counts=True)
        flat = [(v >> 16, v >> 8 & 255, v & 255) for v in values[np.argsort(-counts)[:8]]]
        distance = np.min([np.abs(pixels - c).max(-1) for c in [*flat, INK]], axis=0)
        return (distance > 30).mean()

    assert between(big) < 0.4 * between(enlarged)


@pytest.mark.parametrize("as_is", [False, True])
def test_a_photo_taken_sideways_comes_out_upright(tmp_path, as_is):
    shot, _ = photo(600, 400)
    exif = Image.Exif()
    exif[0x0112] = 6  # the camera was turned: the picture is to be turned a quarter clockwise to be seen
    shot.save(tmp_path / "sideways.jpg", exif=exif, quality=92)
    status, _, _ = generate("--theme", THEME, tmp_path / "sideways.jpg", *(["--as-is"] if as_is else []),
                            "--out", tmp_path / "out")
    with Image.open(tmp_path / "out" / "sideways.png") as picture:
        assert status == 0 and picture.size == (171, 256)
