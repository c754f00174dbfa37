"""`icanvas generate`: paper drawings (scans and photos, any size) to pictures through the app's own path,
with a bundled theme; and the levelling that makes a photo's grey, unevenly lit paper white."""

import io
import shutil
import sys

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFilter

from icanvas_desktop.commands.cli import run_command
from icanvas_desktop.commands.generate import run_generate
from icanvas_desktop.files.resources import bundled_models_dir
from icanvas_desktop.generation import load_generator
from icanvas_desktop.generation.clean_look import LINE
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


def test_pictures_are_written_with_their_names_at_the_themes_size(tmp_path, generator):
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
    for path in out.rglob("*.png"):
        with Image.open(path) as picture:
            assert picture.size == (generator.input_size, generator.input_size) and picture.mode == "RGB"
    assert "4 picture(s) made" in said

    status, _, _ = generate("--theme", bundled_models_dir() / THEME, single, single, "--size", 512,
                            "--out", out)
    assert status == 0
    for name in ("scan.png", "scan-2.png"):  # the same name twice: the second does not overwrite the first
        with Image.open(out / name) as picture:
            assert picture.size == (512, 512)


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
    for look in ("clean", "painted"):
        status, said, _ = generate("--theme", THEME, "--look", look, tmp_path / "photo.jpg",
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
