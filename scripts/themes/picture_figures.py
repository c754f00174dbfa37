"""What a child sees from each bundled theme, in numbers: the picture figures on people's own drawings.

    python scripts/themes/picture_figures.py [models] [tests/data/drawings]

Each theme turns the human line drawings in `tests/data/drawings/<theme id>/` (never made by our edge
extractor) into pictures through the app's own path, painted and clean, and the figures of
icanvas_desktop.trainer.evaluation.quality are printed as a Markdown table for docs/themes/README.md.
"""

import sys
from pathlib import Path

import numpy as np
from PIL import Image

from icanvas_desktop.generation import Look, load_generator, sketch_to_array
from icanvas_desktop.themes import load_theme
from icanvas_desktop.trainer.evaluation.quality import set_figures


def theme_figures(theme_folder: Path, drawings: Path) -> tuple[int, dict[Look, dict[str, float | None]]]:
    theme = load_theme(theme_folder)
    generator = load_generator(theme)
    sketches, pictures = [], {look: [] for look in Look}
    for path in sorted(drawings.glob("*.png")):
        with Image.open(path) as drawing:
            for look in Look:
                pictures[look].append(np.asarray(generator.generate(drawing, look)))
            sketch = sketch_to_array(drawing, theme.input_size)[..., 0]
            sketches.append(np.round(sketch * 255).astype(np.uint8))
    return len(sketches), {look: set_figures(sketches, pictures[look]) for look in Look}


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
