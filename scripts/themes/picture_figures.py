"""What a child sees from each bundled theme, in numbers: the picture figures on people's own drawings.

    python scripts/themes/picture_figures.py [models] [tests/data/drawings]

Each theme turns the human line drawings in `tests/data/drawings/<theme id>/` (never made by our edge
extractor) into pictures through the app's own path, painted and clean, and the figures of
icanvas_desktop.trainer.evaluation.quality are printed as a Markdown table for docs/themes/README.md.
"""

import sys
from pathlib import Path

from PIL import Image

from icanvas_desktop.generation import load_generator
from icanvas_desktop.look import Look
from icanvas_desktop.themes import load_theme
from icanvas_desktop.trainer.evaluation.evaluate import look_figures


def theme_figures(theme_folder: Path, drawings: Path) -> tuple[int, dict[Look, dict[str, float | None]]]:
    generator = load_generator(load_theme(theme_folder))
    sketches = []
    for path in sorted(drawings.glob("*.png")):
        with Image.open(path) as drawing:
            sketches.append(drawing.copy())
    return len(sketches), {look: look_figures(generator, sketches, look) for look in Look}


def _cells(f: dict[str, float | None]) -> list[str]:
    def show(key: str, fmt: str) -> str:
        return "–" if f[key] is None else format(f[key], fmt)

    return [show("grain", ".1f"), show("line_precision", ".2f"), show("line_recall", ".2f"),
            show("colourfulness", ".0f"), show("colour_variety", ".0f")]


def main() -> None:
    models = Path(sys.argv[1] if len(sys.argv) > 1 else "models")
    drawings = Path(sys.argv[2] if len(sys.argv) > 2 else "tests/data/drawings")
    figures = "grain | line precision | line recall | colourfulness | colour variety"
    print(f"| theme | drawings | {figures} | clean: {figures.replace(' | ', ' | clean: ')} |")
    print("|---|---:|" + "---:|" * 10)
    for folder in sorted(p.parent for p in models.glob("*/manifest.json")):
        n, f = theme_figures(folder, drawings / folder.name)
        painted, clean = (" | ".join(_cells(f[look])) for look in (Look.PAINTED, Look.CLEAN))
        print(f"| {folder.name} | {n} | {painted} | {clean} |")


if __name__ == "__main__":
    main()
