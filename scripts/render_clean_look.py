"""Contact sheet of the two looks with every bundled theme: sketch | painted | clean | clean with shade.

    python scripts/render_clean_look.py [--per-theme 3] [--out docs/themes/clean-look.png]

For each theme: its first human line drawings from tests/data/drawings/<theme>/ and children's doodles
drawn as the app draws strokes (medium pen, outlines left a little open), all through `Generator.generate`.
Prints each theme's grain (mean |picture − its Gaussian blur σ 1.5| in colour levels, over the pixels of
the drawn shapes more than 5 px from a line) for both looks. The sheet is saved with 256 colours.
"""

import argparse
import math
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")

CELL = 192
SHADE = 0.5


def circle(cx, cy, r, gap=0.0, start=0.0, wobble=0.03):
    """A hand-drawn round outline, open over `gap` radians."""
    steps = 48
    return [(cx + r * math.cos(t) * (1 + wobble * math.sin(3 * t)),
             cy + r * math.sin(t) * (1 + wobble * math.cos(4 * t)))
            for t in (start + gap / 2 + i * (2 * math.pi - gap) / steps for i in range(steps + 1))]


def doodles() -> dict[str, list[list[tuple[float, float]]]]:
    """Children's drawings as strokes in fractions of the sheet, each with an outline not quite closed."""
    sun = [circle(0.5, 0.5, 0.2, gap=0.15)] + [
        [(0.5 + 0.26 * math.cos(a), 0.5 + 0.26 * math.sin(a)),
         (0.5 + 0.38 * math.cos(a), 0.5 + 0.38 * math.sin(a))]
        for a in (i * math.pi / 4 + 0.2 for i in range(8))]
    house = [[(0.22, 0.48), (0.22, 0.85), (0.78, 0.85), (0.78, 0.48), (0.25, 0.48)],
             [(0.18, 0.5), (0.5, 0.18), (0.82, 0.5)],
             [(0.43, 0.85), (0.43, 0.65), (0.57, 0.65), (0.57, 0.85)],
             [(0.28, 0.56), (0.38, 0.56), (0.38, 0.64), (0.28, 0.64), (0.28, 0.56)]]
    face = [circle(0.5, 0.5, 0.34, gap=0.12, start=-1.2), circle(0.38, 0.42, 0.04, wobble=0),
            circle(0.62, 0.42, 0.04, wobble=0),
            [(0.5 + 0.2 * math.cos(t), 0.56 + 0.14 * math.sin(t))
             for t in (0.3 + i * 0.1 for i in range(26))]]
    fish = [circle(0.45, 0.5, 0.25, gap=0.1, wobble=0.0),
            [(0.68, 0.5), (0.9, 0.32), (0.9, 0.68), (0.7, 0.52)],
            circle(0.3, 0.45, 0.03, wobble=0)]
    tree = [[(0.45, 0.9), (0.45, 0.62), (0.4, 0.6)], [(0.55, 0.9), (0.55, 0.62), (0.6, 0.6)],
            circle(0.5, 0.4, 0.25, gap=0.12, start=1.5, wobble=0.08), [(0.45, 0.9), (0.55, 0.9)]]
    # Into the corner and across the sheet, as children draw the sun and the ground.
    garden = [circle(0.0, 0.0, 0.22, wobble=0.02), [(0.0, 0.8), (0.3, 0.78), (0.6, 0.82), (1.0, 0.79)],
              [(0.6, 0.81), (0.6, 0.5)], circle(0.6, 0.42, 0.08, gap=0.2, start=1.6)]
    car = [[(0.12, 0.66), (0.12, 0.5), (0.3, 0.5), (0.4, 0.34), (0.66, 0.34), (0.76, 0.5), (0.9, 0.5),
            (0.9, 0.66), (0.12, 0.66)], circle(0.3, 0.7, 0.08, wobble=0), circle(0.72, 0.7, 0.08, wobble=0),
           [(0.42, 0.48), (0.46, 0.38), (0.64, 0.38), (0.7, 0.48), (0.44, 0.48)]]
    return {"sun": sun, "house": house, "face": face, "fish": fish, "tree": tree, "garden": garden,
            "car": car}


def render(strokes, size: int = 256):
    from icanvas_desktop.drawing.rasterize import render_sketch
    from icanvas_desktop.drawing.strokes import Drawing, PenSize, Point, Stroke, Tool

    drawing = Drawing(Stroke(Tool.PEN, PenSize.MEDIUM, tuple(Point(x, y) for x, y in points))
                      for points in strokes)
    return render_sketch(drawing, size)


def grain(picture, inside) -> float:
    import numpy as np
    from scipy import ndimage

    pixels = np.asarray(picture, np.float32)
    return float(np.abs(pixels - ndimage.gaussian_filter(pixels, (1.5, 1.5, 0)))[inside].mean())


def shapes_far_from_lines(sketch):
    """The pixels of the drawn shapes (the regions the clean look finds away from the sheet's edge) more than
    5 px from a line."""
    from scipy import ndimage

    from icanvas_desktop.generation import sketch_to_array
    from icanvas_desktop.generation.clean_look import LINE, find_regions

    array = sketch_to_array(sketch, 256)[..., 0]
    regions = find_regions(array)
    shapes = (regions.labels > 0) & ~regions.at_edge[regions.labels]
    return shapes & (ndimage.distance_transform_edt(array >= LINE) > 5)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--per-theme", type=int, default=3, help="human drawings per theme")
    parser.add_argument("--doodles", type=int, default=2, help="children's doodles per theme")
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "themes" / "clean-look.png")
    args = parser.parse_args()

    import numpy as np
    from PIL import Image, ImageDraw

    from icanvas_desktop.files.resources import bundled_models_dir
    from icanvas_desktop.generation import apply_look, load_generator
    from icanvas_desktop.look import Look
    from icanvas_desktop.themes.discovery import discover_themes

    themes, _ = discover_themes([bundled_models_dir()])
    children = list(doodles().items())
    rows = []
    print(f"{'theme':<10} {'drawings':>8} {'grain painted':>14} {'clean':>6} {'clean, shade':>13}")
    for index, theme in enumerate(themes):
        generator = load_generator(theme)
        paths = sorted((ROOT / "tests" / "data" / "drawings" / theme.id).glob("*.png"))[: args.per_theme]
        sketches = [Image.open(p).convert("L") for p in paths] + [
            render(children[(index * args.doodles + k) % len(children)][1]) for k in range(args.doodles)]
        grains = []
        for sketch in sketches:
            painted = generator.generate(sketch, Look.PAINTED)
            clean = apply_look(sketch, painted, Look.CLEAN)
            shaded = apply_look(sketch, painted, Look.CLEAN, SHADE)
            rows.append([sketch.resize((256, 256)).convert("RGB"), painted, clean, shaded])
            inside = shapes_far_from_lines(sketch)
            if inside.any():
                grains.append([grain(p, inside) for p in (painted, clean, shaded)])
        g = np.mean(grains, axis=0)
        print(f"{theme.id:<10} {len(sketches):>8} {g[0]:>14.2f} {g[1]:>6.2f} {g[2]:>13.2f}")
    columns = 2
    header = 24
    sheet = Image.new("RGB", (columns * 4 * CELL, header + math.ceil(len(rows) / columns) * CELL), "white")
    draw = ImageDraw.Draw(sheet)
    for c in range(columns):
        for k, title in enumerate(("sketch", "painted", "clean", f"clean, shade {SHADE}")):
            draw.text(((c * 4 + k) * CELL + 6, 6), title, fill=(60, 60, 60))
    for i, row in enumerate(rows):
        for k, image in enumerate(row):
            sheet.paste(image.resize((CELL, CELL), Image.Resampling.LANCZOS),
                        (((i % columns) * 4 + k) * CELL, header + (i // columns) * CELL))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    sheet.quantize(256, dither=Image.Dither.NONE).save(args.out, optimize=True)
    print(f"wrote {args.out} ({args.out.stat().st_size // 1024} KB)")


if __name__ == "__main__":
    main()
