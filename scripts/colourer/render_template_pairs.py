"""Pairs for the colourer from the recogniser's drawings of its things, coloured by the things' templates.

    python scripts/colourer/render_template_pairs.py --lines ~/icanvas-work/recogniser3/base/lines \\
        --openmoji ~/icanvas-work/openmoji/package --out ~/icanvas-work/template-pairs-256

The colourer learned colours on emoji line art, and on children's felt-tip doodles it is about at chance
(docs/themes/colour-sense.md, round 4): a child's cat is a few simple outlines, an emoji's cat is not. The
recogniser's line art of its 53 things (render_icon_sets.py: outline icons, emoji edges, OpenMoji) is drawn
many ways; each, laid over its thing's colour template as the clean look lays a drawing over it
(generation/colour_prior.template_colours), gives a colouring of simple line art. Regions the template says
nothing of, and the paper, are painted in a colour too far from the palette to teach
(outline_matching.SENTINEL). A thing whose OpenMoji emoji are in the held-out share the colourer is
measured on is left out whole (render_openmoji.is_held_out), so that figure stays one on unseen things.
Writes OUT/sketches/THING-NAME.png (L) and OUT/pictures/THING-NAME.png (RGB), 256 px, and OUT/SOURCE.json.
"""

import argparse
import json
import sys
from pathlib import Path

import numpy as np
from PIL import Image
from tqdm import tqdm

ROOT = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(ROOT), str(ROOT / "scripts" / "colourer"), str(ROOT / "scripts" / "themes")]
from outline_matching import SENTINEL
from render_openmoji import is_held_out

from icanvas_desktop.generation.clean_look import find_regions
from icanvas_desktop.generation.colour_prior import template_colours
from icanvas_desktop.generation.recognise import MANIFEST_NAME, bundled_recogniser, bundled_recogniser_dir

SIZE = 256
DRAWN = 224  # the line art's side on the sheet: a margin all round, as the other pairs have


def on_sheet(lines: Image.Image) -> np.ndarray:
    """(SIZE, SIZE) float in [0, 1], paper 1: the line art scaled to DRAWN and centred, as prepare reads
    it."""
    sheet = Image.new("L", (SIZE, SIZE), 255)
    offset = (SIZE - DRAWN) // 2
    sheet.paste(lines.convert("L").resize((DRAWN, DRAWN), Image.Resampling.LANCZOS), (offset, offset))
    return np.asarray(sheet, np.float32) / 255.0


def coloured(sketch: np.ndarray, template: np.ndarray) -> np.ndarray | None:
    """(SIZE, SIZE, 3) uint8: each region in its template colour, SENTINEL where the template gives none;
    None when it gives none at all."""
    regions = find_regions(sketch)
    colours, found = template_colours(regions, template)
    found[0] = False
    if not found[1:].any():
        return None
    palette = np.where(found[:, None], colours, SENTINEL).astype(np.uint8)
    return palette[regions.labels]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--lines", type=Path, required=True, help="render_icon_sets.py's lines/ folder")
    parser.add_argument("--openmoji", type=Path, required=True, help="the unpacked openmoji npm package")
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--held-out-share", type=float, default=0.2)
    args = parser.parse_args()
    recogniser = bundled_recogniser()
    manifest = json.loads((bundled_recogniser_dir() / MANIFEST_NAME).read_text("utf-8"))
    hexcodes = {thing["id"]: thing["openmoji_hexcodes"] for thing in manifest["things"]}
    counts = {"things": 0, "held_out_things": [], "drawings": 0, "written": 0}
    for folder in ("sketches", "pictures"):
        (args.out / folder).mkdir(parents=True, exist_ok=True)
    for thing_id in tqdm(sorted(recogniser.things), desc="things"):
        if any(is_held_out(code, args.held_out_share) for code in hexcodes[thing_id]):
            counts["held_out_things"].append(thing_id)
            continue
        counts["things"] += 1
        template = recogniser.template(thing_id)
        for path in sorted((args.lines / thing_id).glob("*.png")):
            counts["drawings"] += 1
            with Image.open(path) as lines:
                sketch = on_sheet(lines)
            picture = coloured(sketch, template)
            if picture is None:
                continue
            name = f"{thing_id}-{path.stem}.png"
            Image.fromarray(np.round(sketch * 255).astype(np.uint8)).save(args.out / "sketches" / name)
            Image.fromarray(picture).save(args.out / "pictures" / name)
            counts["written"] += 1
    (args.out / "SOURCE.json").write_text(json.dumps({
        "what": "the recogniser's line art of its things (its ICON_SETS.json: sets, licenses), coloured by "
                "the things' OpenMoji templates (resources/recogniser/templates, CC BY-SA 4.0)",
        "lines": str(args.lines), "counts": counts}, indent=1), "utf-8")
    print(f"{counts['written']} pairs of {counts['drawings']} drawings of {counts['things']} things in "
          f"{args.out}; left out, their OpenMoji emoji held out: {', '.join(counts['held_out_things'])}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
