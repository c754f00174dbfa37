"""Make the app icon from the palette and sparkles icons: resources/icons/app.png, app.ico and app.icns.

The outputs are committed; run this only to change the icon (`python scripts/make_app_icon.py`). The two
glyphs are Noto Color Emoji (SIL OFL 1.1), already drawn to PNG by scripts/make_assets.py.
"""

from pathlib import Path

from PIL import Image, ImageDraw, ImageFilter

ICONS = Path(__file__).resolve().parents[1] / "resources" / "icons"
SIZE = 256
# Windows picks the nearest size for the taskbar, Explorer and the title bar; macOS the same for the Dock.
ICO_SIZES = [(16, 16), (24, 24), (32, 32), (48, 48), (64, 64), (128, 128), (256, 256)]


def app_icon() -> Image.Image:
    icon = Image.new("RGBA", (SIZE, SIZE))
    # A light rounded tile with a soft shadow keeps the glyph readable on dark and light desktops alike.
    shadow = Image.new("RGBA", (SIZE, SIZE))
    ImageDraw.Draw(shadow).rounded_rectangle((14, 20, 242, 248), radius=52, fill=(0, 0, 0, 90))
    icon.alpha_composite(shadow.filter(ImageFilter.GaussianBlur(6)))
    ImageDraw.Draw(icon).rounded_rectangle((12, 10, 244, 242), radius=52, fill=(255, 248, 225, 255),
                                           outline=(255, 196, 61, 255), width=6)
    palette = Image.open(ICONS / "palette.png").convert("RGBA").resize((168, 168), Image.LANCZOS)
    icon.alpha_composite(palette, (36, 50))
    sparkles = Image.open(ICONS / "sparkles.png").convert("RGBA").resize((84, 84), Image.LANCZOS)
    icon.alpha_composite(sparkles, (150, 20))
    return icon


def main() -> None:
    icon = app_icon()
    icon.save(ICONS / "app.png", optimize=True)
    icon.save(ICONS / "app.ico", sizes=ICO_SIZES)
    icon.save(ICONS / "app.icns")
    print(f"wrote app.png, app.ico and app.icns in {ICONS}")


if __name__ == "__main__":
    main()
