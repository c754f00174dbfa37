"""Render the main window offscreen (Korean UI, a drawing and its generated picture) to docs/screenshot.png.

    python scripts/render_screenshot.py                      # trains a small demo theme first (minutes)
    python scripts/render_screenshot.py --themes DIR         # use the themes in DIR instead
    python scripts/render_screenshot.py --keep-theme /tmp/t  # keep the trained demo theme for the next run

Without `--themes` the picture comes from a demo theme trained here on the spot by the real trainer
and exported by `icanvas-train export`'s code: simple scenes (a yellow sun for every circle, a red
house for every square, on sky and grass), so the screenshot shows a real generator, not a mock-up.
Nothing of the user's is touched: the data root is a temporary folder.
"""

import argparse
import itertools
import math
import os
import random
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")

from PIL import Image, ImageDraw

SIZE = 128
SKY_TOP, SKY_BOTTOM, GRASS = (118, 190, 255), (200, 235, 255), (112, 201, 110)
SUN, SUN_RIM, HOUSE, HOUSE_RIM = (255, 214, 10), (255, 150, 20), (239, 71, 111), (160, 30, 60)


def scene(rng: random.Random) -> tuple[Image.Image, Image.Image]:
    """A picture (sky, grass, suns and houses) and its line drawing, as a child would draw it."""
    picture = Image.new("RGB", (SIZE, SIZE))
    draw = ImageDraw.Draw(picture)
    horizon = int(SIZE * 0.78)
    for y in range(SIZE):
        t = y / horizon
        colour = tuple(round(a + (b - a) * t) for a, b in zip(SKY_TOP, SKY_BOTTOM)) if y < horizon else GRASS
        draw.line([(0, y), (SIZE, y)], fill=colour)
    sketch = Image.new("L", (SIZE, SIZE), 255)
    lines = ImageDraw.Draw(sketch)
    for _ in range(rng.randint(1, 3)):
        width = rng.choice((2, 3, 4))
        side = rng.randint(SIZE // 6, SIZE // 3)
        x, y = rng.randint(4, SIZE - side - 4), rng.randint(4, SIZE - side - 4)
        box = (x, y, x + side, y + side)
        if rng.random() < 0.5:
            draw.ellipse(box, fill=SUN, outline=SUN_RIM, width=width)
            lines.ellipse(box, outline=0, width=width)
        else:
            draw.rectangle(box, fill=HOUSE, outline=HOUSE_RIM, width=width)
            lines.rectangle(box, outline=0, width=width)
    return picture, sketch


def write_scenes(folder: Path, count: int) -> Path:
    """A prepared data set in the trainer's format (what `icanvas-train prepare` writes)."""
    import json

    rng = random.Random(7)
    (folder / "pictures").mkdir(parents=True)
    (folder / "sketches").mkdir()
    items = []
    for i in range(count):
        picture, sketch = scene(rng)
        item_id = f"{i:016x}"
        picture.save(folder / "pictures" / f"{item_id}.png")
        sketch.save(folder / "sketches" / f"{item_id}_0.png")
        items.append({"id": item_id, "source": f"scene_{i}.png", "split": "val" if i < 2 else "train", "sketches": 1})
    index = {"format": "icanvas-prepared", "version": 1, "source": "demo scenes", "input_format": "pictures",
             "image_size": SIZE, "options": {"hand_drawn": False}, "items": items, "problems": {}}
    (folder / "dataset.json").write_text(json.dumps(index))
    return folder


def train_demo_theme(work: Path, epochs: int) -> Path:
    from icanvas_desktop.trainer.export import export_theme
    from icanvas_desktop.trainer.train import RunInfo, TrainOptions, start_run, train

    started = time.monotonic()
    data = write_scenes(work / "data", 64)
    options = TrainOptions(generator="unet", generator_settings={"ngf": 16, "depth": 5, "dropout": 0.0},
                           precision="float32", epochs=epochs, batch_size=4, hand_drawn=False, samples=2)
    start_run(work / "run", data, options, SIZE)
    train(RunInfo.open(work / "run"), show_progress=False)
    export_theme(RunInfo.open(work / "run"), work / "themes", "sunny-day", {"en": "Sunny day", "ko": "맑은 날"},
                 "demo scenes drawn by scripts/render_screenshot.py", "MIT",
                 [{"id": "sun", "en": "Draw the sun", "ko": "해를 그려 보세요"}], checkpoint="last")
    print(f"trained and exported the demo theme in {time.monotonic() - started:.0f} s")
    return work / "themes"


def circle(cx: float, cy: float, r: float, steps: int = 48) -> list[tuple[float, float]]:
    return [(cx + r * math.cos(2 * math.pi * i / steps), cy + r * math.sin(2 * math.pi * i / steps))
            for i in range(steps + 1)]


def wobble(points: list[tuple[float, float]], rng: random.Random, amount: float = 0.0012):
    return [(x + rng.uniform(-amount, amount), y + rng.uniform(-amount, amount)) for x, y in points]


def demo_drawing():
    """A child's drawing: a sun, a house and a smaller house, drawn a little wobbly."""
    from icanvas_desktop.drawing.strokes import Drawing, PenSize, Point, Stroke, Tool

    rng = random.Random(3)
    drawing = Drawing()
    shapes = [
        circle(0.74, 0.24, 0.13),
        [(0.14, 0.48), (0.46, 0.48), (0.46, 0.76), (0.14, 0.76), (0.14, 0.48)],
        [(0.58, 0.6), (0.78, 0.6), (0.78, 0.76), (0.58, 0.76), (0.58, 0.6)],
    ]
    for shape in shapes:
        dense = []
        for (x0, y0), (x1, y1) in itertools.pairwise(shape):
            n = max(2, int(math.hypot(x1 - x0, y1 - y0) / 0.01))
            dense += [(x0 + (x1 - x0) * k / n, y0 + (y1 - y0) * k / n) for k in range(n)]
        dense.append(shape[-1])
        drawing.add(Stroke(Tool.PEN, PenSize.MEDIUM, [Point(x, y) for x, y in wobble(dense, rng)]))
    return drawing


def wait_until(app, condition, seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            raise SystemExit("timed out waiting for the app")
        app.processEvents()
        time.sleep(0.02)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--themes", type=Path, help="a folder of theme packages to use instead of training one")
    parser.add_argument("--keep-theme", type=Path, help="keep the trained demo themes here (reused if present)")
    parser.add_argument("--epochs", type=int, default=30)
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshot.png")
    parser.add_argument("--language", default="ko", choices=("ko", "en"))
    parser.add_argument("--extra", type=Path, help="also save the celebration and gallery screens into this folder")
    args = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="icanvas-shot-"))
    os.environ["ICANVAS_DATA_DIR"] = str(work / "data-root")
    themes = args.themes
    if themes is None and args.keep_theme and (args.keep_theme / "sunny-day").is_dir():
        themes = args.keep_theme
    if themes is None:
        themes = train_demo_theme(work / "demo", args.epochs)
        if args.keep_theme:
            shutil.rmtree(args.keep_theme, ignore_errors=True)
            shutil.copytree(themes, args.keep_theme)

    from PySide6.QtWidgets import QApplication

    from icanvas_desktop.ui.appearance import apply_look
    from icanvas_desktop.ui.main_window import MainWindow

    app = QApplication([])
    apply_look(app)
    locale = "ko_KR" if args.language == "ko" else "en_US"
    window = MainWindow(theme_folders=[themes], export_folder=work / "exports", system_locale=locale)
    window.show()
    name = "민서" if args.language == "ko" else "Mina"
    window.open_profile(window.store.create(name, "cat"))
    screen = window.drawing_screen
    wait_until(app, lambda: screen.theme is not None, 60)

    # A first drawing, saved: stars, a level and a badge show in the top bar.
    screen.canvas.set_drawing(demo_drawing())
    screen.make()
    wait_until(app, lambda: screen.picture is not None, 120)
    screen.save()
    wait_until(app, lambda: window.celebration.animation.state() != window.celebration.animation.State.Running, 10)
    if args.extra:
        args.extra.mkdir(parents=True, exist_ok=True)
        window.grab().save(str(args.extra / "celebration.png"))
    window.celebration.dismiss()
    if args.extra:
        window.show_gallery()
        app.processEvents()
        window.grab().save(str(args.extra / "gallery.png"))
        window.gallery_view.open(window.gallery_view.creations[0])
        app.processEvents()
        window.grab().save(str(args.extra / "gallery_detail.png"))
        window.show_profiles()
        app.processEvents()
        window.grab().save(str(args.extra / "profiles.png"))
        window.open_profile(window.profile)

    screen.challenge_button.setChecked(True)
    screen.canvas.set_pen_size(screen.canvas.pen_size)
    app.processEvents()
    args.out.parent.mkdir(parents=True, exist_ok=True)
    window.grab().save(str(args.out))
    print(f"wrote {args.out}")
    window.close()
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
