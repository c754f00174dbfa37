"""Render every screen at the window sizes that matter, in both languages, into docs/screens/ as small
8-bit PNGs named SCREEN-WIDTHxHEIGHT-LANGUAGE.png (see docs/screens/README.md).

    python scripts/render_screens.py                  # every screen, 3 sizes, 2 languages (about a minute)
    python scripts/render_screens.py --sizes 980x660 --languages en

Each size and language is one run of render_screenshot.py (its --extra screens), in a fresh process.
"""

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

from PIL import Image

ROOT = Path(__file__).resolve().parents[1]
SCREENS = ("profiles", "create", "drawing", "gallery", "gallery_detail", "settings", "about", "grown_ups",
           "drawing_locked", "settings_locked", "gallery_detail_locked")
SIZES = ("980x660", "1024x768", "1280x800")
LANGUAGES = ("ko", "en")


def small_png(source: Path, target: Path) -> None:
    """At most 256 colours: the screens are flat colours and text, and a third of the bytes of the full
    colour file."""
    with Image.open(source) as image:
        image.convert("RGB").quantize(colors=256, method=Image.Quantize.MEDIANCUT).save(target, optimize=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screens")
    parser.add_argument("--sizes", nargs="+", default=SIZES)
    parser.add_argument("--languages", nargs="+", default=LANGUAGES, choices=LANGUAGES)
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    for size in args.sizes:
        for language in args.languages:
            with tempfile.TemporaryDirectory(prefix="icanvas-screens-") as work:
                shots = Path(work)
                subprocess.run([sys.executable, str(ROOT / "scripts" / "render_screenshot.py"),
                                "--size", size, "--language", language,
                                "--out", str(shots / "drawing.png"), "--extra", str(shots)], check=True)
                for screen in SCREENS:
                    target = args.out / f"{screen}-{size}-{language}.png"
                    small_png(shots / f"{screen}.png", target)
                    print(f"wrote {target}")


if __name__ == "__main__":
    main()
