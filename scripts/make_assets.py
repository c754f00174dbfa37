"""Rebuild the app's picture icons and its star chime (the results are committed; run this only to change
them).

Icons: emoji glyphs drawn from Noto Color Emoji (Debian `fonts-noto-color-emoji`, SIL OFL 1.1), e.g.

    cd /tmp && apt-get download fonts-noto-color-emoji && dpkg -x fonts-noto-color-emoji_*.deb emoji
    python scripts/make_assets.py --emoji-font /tmp/emoji/usr/share/fonts/truetype/noto/NotoColorEmoji.ttf

The arrows and the eraser are our own SVGs in resources/icons/ (not made here).
Sound: a short rising chime synthesised below (our own, no samples).
"""

import argparse
import math
import struct
import wave
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

ROOT = Path(__file__).resolve().parents[1]
ICONS = ROOT / "resources" / "icons"
SOUNDS = ROOT / "resources" / "sounds"
SIZE = 96  # pixels; Qt scales them down smoothly for buttons

# icon name -> emoji (base code points only: the font maps them to its colour glyphs)
EMOJI = {
    "pen": "\u270f",
    "clear": "\U0001f9f9",
    "make": "\U0001fa84",
    "sparkles": "\u2728",
    "live": "\u26a1",
    "save": "\U0001f31f",
    "new": "\U0001f4c4",
    "gallery": "\U0001f5bc",
    "settings": "\u2699",
    "keep_drawing": "\U0001f58d",
    "export": "\U0001f4e5",
    "delete": "\U0001f5d1",
    "star": "\u2b50",
    "badge": "\U0001f3c5",
    "sound_on": "\U0001f50a",
    "sound_off": "\U0001f507",
    "language": "\U0001f310",
    "challenge": "\U0001f3af",
    "palette": "\U0001f3a8",
    "oops": "\U0001f648",
    "repair": "\U0001f6e0",
    "new_profile": "\U0001f64b",
    "keep": "\U0001f496",
    "party": "\U0001f389",
    "trophy": "\U0001f3c6",
    "watercolour": "\U0001f58c",
    "print": "\U0001f5a8",
}
AVATAR_EMOJI = {
    "cat": "\U0001f431", "dog": "\U0001f436", "rabbit": "\U0001f430", "bear": "\U0001f43b",
    "panda": "\U0001f43c", "fox": "\U0001f98a", "lion": "\U0001f981", "penguin": "\U0001f427",
    "dinosaur": "\U0001f995", "unicorn": "\U0001f984", "rocket": "\U0001f680", "star": "\U0001f31f",
    "flower": "\U0001f338", "rainbow": "\U0001f308", "car": "\U0001f697", "robot": "\U0001f916",
}


def render_emoji(font: ImageFont.FreeTypeFont, text: str) -> Image.Image:
    canvas = Image.new("RGBA", (160, 160), (0, 0, 0, 0))
    ImageDraw.Draw(canvas).text((10, 10), text, font=font, embedded_color=True)
    box = canvas.getbbox()
    if box is None:
        raise SystemExit(f"the font has no glyph for {text!r}")
    glyph = canvas.crop(box)
    glyph.thumbnail((SIZE, SIZE), Image.Resampling.LANCZOS)
    icon = Image.new("RGBA", (SIZE, SIZE), (0, 0, 0, 0))
    icon.paste(glyph, ((SIZE - glyph.width) // 2, (SIZE - glyph.height) // 2))
    return icon


def write_chime(path: Path, rate: int = 22050) -> None:
    """Four rising bell-like notes (C6 E6 G6 C7) that ring on together, about 0.9 s."""
    notes = [1046.5, 1318.5, 1568.0, 2093.0]
    length = int(rate * 0.9)
    samples = [0.0] * length
    for i, freq in enumerate(notes):
        start = int(i * 0.09 * rate)
        for n in range(start, length):
            t = (n - start) / rate
            envelope = math.exp(-4.5 * t) * min(1.0, t / 0.004)
            samples[n] += 0.22 * envelope * (math.sin(2 * math.pi * freq * t)
                                             + 0.3 * math.sin(4 * math.pi * freq * t))
    peak = max(abs(s) for s in samples)
    path.parent.mkdir(parents=True, exist_ok=True)
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(rate)
        out.writeframes(b"".join(struct.pack("<h", int(s / peak * 0.8 * 32767)) for s in samples))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--emoji-font", type=Path, required=True, help="NotoColorEmoji.ttf")
    args = parser.parse_args()
    font = ImageFont.truetype(str(args.emoji_font), 109)  # the colour font's one bitmap size
    for name, text in EMOJI.items():
        render_emoji(font, text).save(ICONS / f"{name}.png", optimize=True)
    for name, text in AVATAR_EMOJI.items():
        render_emoji(font, text).save(ICONS / "avatars" / f"{name}.png", optimize=True)
    write_chime(SOUNDS / "stars.wav")
    print(f"wrote {len(EMOJI)} icons, {len(AVATAR_EMOJI)} avatars and the chime")


if __name__ == "__main__":
    main()
