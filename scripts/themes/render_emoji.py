"""Render every single-code-point colour emoji of Noto Color Emoji to a transparent PNG.

    python scripts/themes/render_emoji.py NotoColorEmoji.ttf OUT_FOLDER [--ranges faces,animals,food,...]

The font comes from Debian's `fonts-noto-color-emoji` (SIL Open Font License 1.1).
"""

import argparse
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw, ImageFont

# Unicode blocks by topic, so a theme can take the emoji a child would expect in it.
RANGES = {
    "faces": [(0x1F600, 0x1F64F), (0x1F910, 0x1F92F), (0x1F970, 0x1F97A)],
    "animals": [(0x1F400, 0x1F43F), (0x1F980, 0x1F9AE), (0x1F9A0, 0x1F9AE)],
    "food": [(0x1F32D, 0x1F37F), (0x1F950, 0x1F96F), (0x1F9C0, 0x1F9CB)],
    "plants": [(0x1F330, 0x1F344), (0x1F490, 0x1F490), (0x1F337, 0x1F33C)],
    "vehicles": [(0x1F680, 0x1F6C5), (0x1F6E0, 0x1F6FC)],
    "objects": [(0x1F380, 0x1F3F0), (0x1F4A0, 0x1F4FF), (0x1F9E0, 0x1F9FF), (0x1FA70, 0x1FAFF)],
    "symbols": [(0x2600, 0x27BF), (0x1F300, 0x1F32C)],
}
NOTO_STRIKE = 109  # the font's only bitmap size


def render(font: ImageFont.FreeTypeFont, codepoint: int, canvas: int) -> Image.Image | None:
    image = Image.new("RGBA", (canvas, canvas), (0, 0, 0, 0))
    ImageDraw.Draw(image).text((canvas / 2, canvas / 2), chr(codepoint), font=font, anchor="mm",
                               embedded_color=True)
    alpha = np.asarray(image)[..., 3]
    colourful = np.asarray(image.convert("HSV"))[..., 1][alpha > 0]
    # Missing glyphs draw nothing or a monochrome box; a real emoji has colour.
    if alpha.max() == 0 or colourful.size == 0 or np.median(colourful) < 40:
        return None
    return image


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("font", type=Path)
    parser.add_argument("out", type=Path)
    parser.add_argument("--ranges", default=",".join(RANGES), help=f"comma-separated of {', '.join(RANGES)}")
    parser.add_argument("--canvas", type=int, default=136)
    args = parser.parse_args()
    font = ImageFont.truetype(str(args.font), NOTO_STRIKE)
    args.out.mkdir(parents=True, exist_ok=True)
    seen, written = set(), 0
    for name in args.ranges.split(","):
        for low, high in RANGES[name]:
            for codepoint in range(low, high + 1):
                if codepoint in seen:
                    continue
                seen.add(codepoint)
                image = render(font, codepoint, args.canvas)
                if image is not None:
                    image.save(args.out / f"{name}_{codepoint:05x}.png")
                    written += 1
    print(f"{written} emoji written to {args.out}")


if __name__ == "__main__":
    main()
