"""Screenshots of "Is it a ...?" and the dice on the drawing screen, offscreen, in both languages and sizes.

    python scripts/recogniser/guess_screenshots.py [--doodle banana_2 | --doodle doodles_fourth/crown_1]
        [--theme food] [--out docs/screens]
    python scripts/recogniser/guess_screenshots.py --scene scenes/first_007 --name tree

A doodle from tests/data/doodles (or another set of tests/data, named with its folder) goes onto the sheet as
pen strokes (one per run of ink on each row, so the recogniser sees what it would see of the drawing), the
picture is made in the clean look through the app's own worker, the first guess is tapped and the dice rolled
once; each window is saved as guess-<size>-<language>.png. With --scene, a labelled scene of several things
(tests/data/scenes) is drawn, and the thing offered as --name is tapped in the picture and named so (each
thing is asked about alone, the one asked about ringed); each window is saved as scene-<size>-<language>.png.
Nothing of the user's is touched: the data root is a temporary folder.
"""

import argparse
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

SIZES = ((1280, 800), (980, 660))
SIDE = 128  # the doodle is read at this side: a run of ink per row at this side is one pen stroke


def doodle_drawing(path: Path):
    import numpy as np
    from PIL import Image

    from icanvas_desktop.drawing.strokes import Drawing, PenSize, Point, Stroke, Tool

    with Image.open(path) as image:
        ink = np.asarray(image.convert("L").resize((SIDE, SIDE))) < 128
    strokes = []
    for y, row in enumerate(ink):
        edges = np.flatnonzero(np.diff(np.concatenate([[0], row.astype(np.int8), [0]])))
        for start, end in zip(edges[::2], edges[1::2]):
            middle = (y + 0.5) / SIDE
            points = [Point((start + 0.5) / SIDE, middle), Point((end - 0.5) / SIDE, middle)]
            strokes.append(Stroke(Tool.PEN, PenSize.SMALL, points))
    return Drawing(strokes)


def wait_until(app, condition, seconds: float) -> None:
    end = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > end:
            raise SystemExit("timed out")
        app.processEvents()
        time.sleep(0.01)


def shoot(app, main_window, language: str, drawing, args, work: Path) -> None:
    """Make the picture in `language`, tap the first guess, roll the dice and save the window at each size."""
    from PySide6.QtCore import QSize

    from icanvas_desktop.files.resources import bundled_models_dir

    window = main_window(theme_folders=[bundled_models_dir()], export_folder=work / "exports",
                         system_locale="ko_KR" if language == "ko" else "en_US")
    window.show()
    window.open_profile(window.store.create("민서" if language == "ko" else "Mina", "cat"))
    screen = window.drawing_screen
    wait_until(app, lambda: screen.model.theme is not None and window.session is not None, 60)
    screen.theme_picker.select(args.theme)
    screen.look_switch.buttons["clean"].click()
    screen.canvas.replace(drawing)
    screen.make()
    wait_until(app, lambda: screen.model.picture is not None and not screen.service.busy, 120)
    if args.scene:
        name_in_scene(app, screen, args)
    else:
        if not screen.guess_bar.guesses:
            raise SystemExit(f"the recogniser is not sure enough of {args.doodle} to ask")
        screen.guess_bar.guess_buttons[0].click()
        screen.guess_bar.dice_button.click()
        wait_until(app, lambda: screen.model.picture_is_current and not screen.service.busy, 120)
    for width, height in SIZES:
        window.resize(QSize(width, height))
        for _ in range(20):
            app.processEvents()
        out = args.out / f"{'scene' if args.scene else 'guess'}-{width}x{height}-{language}.png"
        window.grab().save(str(out))
        print(f"wrote {out}")
    window.close()


def name_in_scene(app, screen, args) -> None:
    """Tap the scene's thing that may be `args.name` in the picture, then its button."""
    from PySide6.QtCore import QPoint, Qt
    from PySide6.QtTest import QTest

    things = [t for t in screen.model.picture.scene if args.name in t.offered]
    if not things:
        raise SystemExit(f"{args.scene} was not read as a scene with a thing that may be {args.name}")
    left, top, right, bottom = things[0].box
    paper = screen.result_view.paper_rect()
    middle = QPoint(int(paper.x() + (left + right) / 2 * paper.width()),
                    int(paper.y() + (top + bottom) / 2 * paper.height()))
    QTest.mouseClick(screen.result_view, Qt.MouseButton.LeftButton, pos=middle)
    button = next(b for b in screen.guess_bar.guess_buttons if b.property("thing") == args.name)
    button.click()
    wait_until(app, lambda: screen.model.picture_is_current and not screen.service.busy, 120)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--doodle", default="banana_2")
    parser.add_argument("--scene", help="a scene of tests/data instead (scenes/first_007)")
    parser.add_argument("--name", default="tree", help="with --scene: the thing to tap and name")
    parser.add_argument("--theme", default="stickers")
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screens")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="icanvas-guess-shot-"))
    os.environ["ICANVAS_DATA_DIR"] = str(work / "data-root")
    os.environ["ICANVAS_SYSTEM_DIR"] = str(work / "system")

    from PySide6.QtWidgets import QApplication

    from icanvas_desktop.ui.appearance import apply_app_style
    from icanvas_desktop.ui.main_window import MainWindow

    app = QApplication([])
    apply_app_style(app)
    folder, _, name = (args.scene or args.doodle).rpartition("/")
    drawing = doodle_drawing(ROOT / "tests" / "data" / (folder or "doodles") / f"{name}.png")
    args.out.mkdir(parents=True, exist_ok=True)
    for language in ("ko", "en"):
        shoot(app, MainWindow, language, drawing, args, work)
    shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
