"""Render the app offscreen: the drawing screen (Korean UI, a child's apple coloured in with two crayons, and
its picture) to docs/screenshot.png.

    python scripts/render_screenshot.py                   # the bundled themes in models/
    python scripts/render_screenshot.py --themes DIR      # the themes in DIR instead
    python scripts/render_screenshot.py --extra /tmp/shots  # also the other screens (see --extra)
    python scripts/render_screenshot.py --language en --size 980x660 --out docs/screens/drawing-980x660-en.png
    python scripts/render_screenshot.py --look clean      # the child switched to the clean look first
    python scripts/render_screenshot.py --theme garden    # the child picked the garden theme first

The picture comes from a real theme through the app's own worker thread, and the drawing goes in through
the canvas's input path, so the screenshot shows what a child would see. Nothing of the user's is touched:
the data root and the administrator's folder are temporary folders.
"""

import argparse
import json
import math
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")


def apple() -> list[list[tuple[float, float]]]:
    """A child's apple, as strokes in fractions of the paper: a wobbly round body, a stem and a leaf."""
    body = [(0.5 + 0.3 * math.cos(t) * (1 + 0.04 * math.sin(5 * t)), 0.56 + 0.28 * math.sin(t))
            for t in (i * 2 * math.pi / 60 for i in range(61))]
    stem = [(0.5, 0.3), (0.5, 0.2), (0.52, 0.14)]
    leaf = [(0.52, 0.22), (0.6, 0.14), (0.7, 0.16), (0.62, 0.24), (0.52, 0.22)]
    return [body, stem, leaf]


def colour_in(screen) -> None:
    """The apple's leaf in green and its body in red, with the crayons beside the pen (the red one stays
    picked)."""
    from icanvas_desktop.drawing.strokes import Crayon

    screen.tools.crayon_buttons[Crayon.GREEN].click()
    draw(screen.canvas, [[(0.56, 0.2), (0.62, 0.17), (0.66, 0.18)]])
    screen.tools.crayon_buttons[Crayon.RED].click()
    draw(screen.canvas, [[(0.35, 0.5), (0.6, 0.45), (0.4, 0.62), (0.65, 0.6), (0.45, 0.72)]])


def draw(canvas, strokes) -> None:
    for points in strokes:
        canvas.begin_stroke(canvas.to_widget(*points[0]))
        for x, y in points[1:]:
            canvas.extend_stroke(canvas.to_widget(x, y))
        canvas.end_stroke()


def wait_until(app, condition, seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            raise SystemExit("timed out waiting for the app")
        app.processEvents()
        time.sleep(0.02)


def settle(app, seconds: float = 0.3) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.02)


def save_other_screens(app, window, folder: Path) -> None:
    """The gallery, a picture opened in it, the settings, about, the grown-ups' corner, the profiles and the
    new child's form; then back to drawing."""
    window.show_gallery()
    wait_until(app, lambda: window.gallery_view.creations, 30)  # the gallery may fill in the background
    settle(app)  # the wall lays its pictures out a moment later
    window.grab().save(str(folder / "gallery.png"))
    window.gallery_view.open(window.gallery_view.creations[0])
    app.processEvents()
    window.grab().save(str(folder / "gallery_detail.png"))
    window.show_settings()
    app.processEvents()
    window.grab().save(str(folder / "settings.png"))
    window.show_about()
    app.processEvents()
    window.grab().save(str(folder / "about.png"))
    window.show_settings()
    window.settings_page.grown_ups_button.held.emit()  # as after the two-second hold
    wait_until(app, lambda: window.background.idle, 30)  # the corner lists the children in the background
    settle(app)
    window.grab().save(str(folder / "grown_ups.png"))
    window.show_profiles()
    app.processEvents()
    window.grab().save(str(folder / "profiles.png"))
    window.profile_picker.show_create()
    app.processEvents()
    window.grab().save(str(folder / "create.png"))
    window.open_profile(window.profile)


def window_size(text: str):
    from PySide6.QtCore import QSize

    width, height = (int(n) for n in text.lower().split("x"))
    return QSize(width, height)


def parse_args() -> argparse.Namespace:
    from icanvas_desktop.files.resources import bundled_models_dir

    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--themes", type=Path, default=bundled_models_dir(),
                        help="a folder of theme packages")
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshot.png")
    parser.add_argument("--language", default="ko", choices=("ko", "en"))
    parser.add_argument("--size", default="1280x800", type=window_size,
                        help="the window's inside, WIDTHxHEIGHT (980x660 is the smallest it allows)")
    parser.add_argument("--theme", help="the theme the child picks first (default: the first one)")
    parser.add_argument("--look", choices=("clean", "crayon", "watercolour"),
                        help="the child taps this half of the look switch first "
                             "(default: the theme's own look)")
    parser.add_argument("--extra", type=Path,
                        help="also save the celebration, gallery, settings, about, grown-ups, profile and "
                             "new-child screens here, "
                             "and the settings and drawing screens with settings an administrator locked")
    return parser.parse_args()


def main() -> None:
    args = parse_args()
    work = Path(tempfile.mkdtemp(prefix="icanvas-shot-"))
    os.environ["ICANVAS_DATA_DIR"] = str(work / "data-root")
    os.environ["ICANVAS_SYSTEM_DIR"] = str(work / "system")

    from PySide6.QtWidgets import QApplication

    from icanvas_desktop.ui.appearance import apply_app_style
    from icanvas_desktop.ui.main_window import MainWindow

    app = QApplication([])
    apply_app_style(app)
    locale = "ko_KR" if args.language == "ko" else "en_US"
    window = MainWindow(theme_folders=[args.themes], export_folder=work / "exports", system_locale=locale)
    window.show()
    window.resize(args.size)  # whatever the offscreen screen's size (the window fits itself to the screen)
    for name, avatar in (("민서", "cat"), ("Mina", "rabbit"), ("지호", "dinosaur")):
        window.store.create(name, avatar)
    window.open_profile(window.store.list()[0])
    screen = window.drawing_screen
    # The child's gallery may open in the background, and the themes are found there.
    wait_until(app, lambda: screen.model.theme is not None and window.session is not None, 60)

    if args.theme and not screen.theme_picker.select(args.theme):
        raise SystemExit(f"no theme {args.theme!r} in {args.themes}")
    if args.look:
        screen.look_switch.buttons[args.look].click()
    draw(screen.canvas, apple())
    colour_in(screen)
    screen.make()
    wait_until(app, lambda: screen.model.picture is not None, 120)
    # Saved, so that stars, a level and a badge show in the top bar (saving may finish in the background).
    saved = []
    screen.saved.connect(saved.append)
    screen.save()
    wait_until(app, lambda: saved, 60)
    animation = window.celebration.animation
    wait_until(app, lambda: animation.state() != animation.State.Running, 10)
    if args.extra:
        args.extra.mkdir(parents=True, exist_ok=True)
        window.grab().save(str(args.extra / "celebration.png"))
    window.celebration.dismiss()
    if args.extra:
        save_other_screens(app, window, args.extra)

    app.processEvents()
    args.out.parent.mkdir(parents=True, exist_ok=True)
    window.grab().save(str(args.out))
    print(f"wrote {args.out}")
    window.close()
    if args.extra:
        render_locked(app, args, work, locale)
    shutil.rmtree(work, ignore_errors=True)


def render_locked(app, args, work: Path, locale: str) -> None:
    """Sound, live mode, the look, deleting and printing locked by an administrator."""
    from icanvas_desktop.ui.main_window import MainWindow

    (work / "system").mkdir()
    (work / "system" / "system_settings.json").write_text(json.dumps(
        {"version": 1, "settings": {"sound": False, "live_mode": True, "look": "clean",
                                    "children_may_delete": False, "printing": False},
         "locked": ["live_mode", "sound", "look", "children_may_delete", "printing"]}))
    window = MainWindow(theme_folders=[args.themes], export_folder=work / "exports", system_locale=locale)
    window.show()
    window.resize(args.size)
    window.open_profile(window.store.list()[0])
    wait_until(app, lambda: window.drawing_screen.model.theme is not None and window.session is not None, 60)
    app.processEvents()  # the challenge button appeared with the theme: let the layout catch up
    window.grab().save(str(args.extra / "drawing_locked.png"))
    window.show_settings()
    app.processEvents()
    window.grab().save(str(args.extra / "settings_locked.png"))
    window.show_gallery()
    wait_until(app, lambda: window.gallery_view.creations, 30)
    window.gallery_view.open(window.gallery_view.creations[0])
    app.processEvents()
    window.grab().save(str(args.extra / "gallery_detail_locked.png"))
    window.close()


if __name__ == "__main__":
    main()
