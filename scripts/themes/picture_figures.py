"""What a child sees from each bundled theme, in numbers: the picture figures on people's own drawings.

    python scripts/themes/picture_figures.py [models] [tests/data/drawings]

Each theme turns the human line drawings in `tests/data/drawings/<theme id>/` (never made by our edge
extractor) into pictures through the app's own path, and the figures of icanvas_desktop.trainer.quality
are printed as a Markdown table for docs/themes/README.md.
"""

import sys
from pathlib import Path

import numpy as np
from PIL import Image

from icanvas_desktop.generation import load_generator, sketch_to_array
from icanvas_desktop.themes import load_theme
from icanvas_desktop.trainer.quality import set_figures


def theme_figures(theme_folder: Path, drawings: Path) -> tuple[int, dict[str, float | None]]:
    theme = load_theme(theme_folder)
    generator = load_generator(theme)
    sketches, pictures = [], []
    for path in sorted(drawings.glob("*.png")):
        with Image.open(path) as drawing:
            pictures.append(np.asarray(generator.generate(drawing)))
            sketch = sketch_to_array(drawing, theme.input_size)[..., 0]
            sketches.append(np.round(sketch * 255).astype(np.uint8))
    return len(sketches), set_figures(sketches, pictures)


def main() -> None:
    models = Path(sys.argv[1] if len(sys.argv) > 1 else "models")
    drawings = Path(sys.argv[2] if len(sys.argv) > 2 else "tests/data/drawings")
    print("| theme | drawings | grain | line precision | line recall | colourfulness | colour variety |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for folder in sorted(p.parent for p in models.glob("*/manifest.json")):
        n, f = theme_figures(folder, drawings / folder.name)
        cells = [f"{v:.2f}" if v is not None else "–" for v in (f["line_precision"], f["line_recall"])]
        grain = "–" if f["grain"] is None else f"{f['grain']:.1f}"
        print(f"| {folder.name} | {n} | {grain} | {' | '.join(cells)} | {f['colourfulness']:.0f} "
              f"| {f['colour_variety']:.0f} |")


if __name__ == "__main__":
    main()
