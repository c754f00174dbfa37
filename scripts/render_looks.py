"""Contact sheets of the looks: every bundled theme's human drawings in each look, and the gap test set.

    python scripts/render_looks.py [--per-theme 3] [--out docs/themes]

looks.png: for each theme, its first human line drawings from tests/data/drawings/<theme>/ and a child's
doodle coloured in with crayons (outlines left a little open), as sketch | raw (the generator's picture) |
neat | crayon | watercolour, all through `Generator.generate`.
gap-set.png: the gap test set (tests/gap_shapes.py), a row per gap, each shape as trapped balls alone left
it and with its loose ends joined, in the neat look of a picture that is red inside the true shape.
"""

import argparse
import math
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests"), str(ROOT / "scripts")]
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")

CELL = 160
TITLES = ("sketch", "raw", "neat", "crayon", "watercolour")


def crayoned_doodle(index: int):
    """A child's doodle (from render_clean_look) with two crayon strokes across its middle: the drawing."""
    from render_clean_look import doodles

    from icanvas_desktop.drawing.strokes import Crayon, Drawing, PenSize, Point, Stroke, Tool

    name, strokes = list(doodles().items())[index % len(doodles())]
    crayons = list(Crayon)
    pen = [Stroke(Tool.PEN, PenSize.MEDIUM, tuple(Point(x, y) for x, y in points)) for points in strokes]
    colour = [Stroke(Tool.CRAYON, PenSize.MEDIUM, (Point(0.42, 0.52 + d), Point(0.58, 0.5 + d)),
                     crayons[(index * 3 + k) % len(crayons)]) for k, d in enumerate((0.0, 0.03))]
    return name, Drawing([*pen, colour[0], colour[1]])


def looks_sheet(per_theme: int, out: Path) -> None:
    from PIL import Image, ImageDraw

    from icanvas_desktop.drawing.rasterize import render_hints, render_sketch
    from icanvas_desktop.files.resources import bundled_models_dir
    from icanvas_desktop.generation import load_generator
    from icanvas_desktop.look import Look
    from icanvas_desktop.themes.discovery import discover_themes

    themes, _ = discover_themes([bundled_models_dir()])
    rows = []
    for index, theme in enumerate(themes):
        generator = load_generator(theme)
        paths = sorted((ROOT / "tests" / "data" / "drawings" / theme.id).glob("*.png"))[:per_theme]
        cases = [(Image.open(p).convert("L"), None) for p in paths]
        _, drawing = crayoned_doodle(index)
        cases.append((render_sketch(drawing, 256), render_hints(drawing, 256)))
        for sketch, hints in cases:
            row = [sketch.resize((256, 256)).convert("RGB")]
            row += [generator.generate(sketch, look, hints)
                    for look in (Look.PAINTED, Look.CLEAN, Look.CRAYON, Look.WATERCOLOUR)]
            if hints is not None:
                row[0] = row[0].copy()
                row[0].paste(hints, (0, 0), hints)
            rows.append((theme.id, row))
    columns, header = 2, 24
    width = len(TITLES) * CELL
    sheet = Image.new("RGB", (columns * width, header + math.ceil(len(rows) / columns) * CELL), "white")
    draw = ImageDraw.Draw(sheet)
    for c in range(columns):
        for k, title in enumerate(TITLES):
            draw.text((c * width + k * CELL + 6, 6), title, fill=(60, 60, 60))
    for i, (theme_id, row) in enumerate(rows):
        left, top = (i % columns) * width, header + (i // columns) * CELL
        for k, image in enumerate(row):
            sheet.paste(image.resize((CELL, CELL), Image.Resampling.LANCZOS), (left + k * CELL, top))
        draw.text((left + 4, top + CELL - 14), theme_id, fill=(120, 120, 120))
    # 256 colours: a quarter of the size, and the textures still show.
    sheet.quantize(256).save(out, optimize=True)
    print(f"wrote {out} ({out.stat().st_size // 1024} KB, {len(rows)} drawings)")


def gap_sheet(out: Path) -> None:
    import numpy as np
    from gap_shapes import GAPS, SHAPES, gap_shape, gap_table
    from PIL import Image, ImageDraw

    from icanvas_desktop.generation.clean_look import find_regions, paint_regions
    from icanvas_desktop.generation.sketch_input import sketch_to_array

    cell, header, side = 112, 22, 64
    sheet = Image.new("RGB", (side + len(SHAPES) * 2 * cell, header * 2 + len(GAPS) * cell), "white")
    draw = ImageDraw.Draw(sheet)
    for s, shape in enumerate(SHAPES):
        draw.text((side + s * 2 * cell + 6, 4), shape, fill=(40, 40, 40))
        draw.text((side + s * 2 * cell + 6, header), "balls", fill=(120, 120, 120))
        draw.text((side + (s * 2 + 1) * cell + 6, header), "joined", fill=(120, 120, 120))
    for g, gap in enumerate(GAPS):
        top = header * 2 + g * cell
        draw.text((6, top + cell // 2 - 6), f"gap {gap:.0%}", fill=(40, 40, 40))
        for s, shape in enumerate(SHAPES):
            case = gap_shape(shape, gap)
            picture = np.full((256, 256, 3), (248, 246, 240), np.uint8)
            picture[case.inside] = (226, 72, 64)
            array = sketch_to_array(case.sketch, 256)[..., 0]
            for k, join in enumerate((False, True)):
                clean = paint_regions(find_regions(array, join_ends=join), Image.fromarray(picture))
                sheet.paste(clean.resize((cell, cell), Image.Resampling.LANCZOS),
                            (side + (s * 2 + k) * cell, top))
    sheet.save(out, optimize=True)
    print(f"wrote {out} ({out.stat().st_size // 1024} KB)")
    for join in (False, True):
        table = gap_table(lambda a, j=join: find_regions(a, join_ends=j))
        print("joined" if join else "balls only",
              {f"{g:.0%}": sum(o.filled and not o.leaked for o in row.values()) for g, row in table.items()})


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--per-theme", type=int, default=3, help="human drawings per theme")
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "themes")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    gap_sheet(args.out / "gap-set.png")
    looks_sheet(args.per_theme, args.out / "looks.png")


if __name__ == "__main__":
    main()
