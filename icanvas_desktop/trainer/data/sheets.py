"""Contact sheets: grids of pictures with column titles, for people to look at."""

from PIL import Image, ImageDraw, ImageFont


def contact_sheet(rows: list[list[Image.Image]], titles: list[str] | None = None,
                  cell: int = 160) -> Image.Image:
    columns = max((len(r) for r in rows), default=1)
    header = 24 if titles else 0
    gap = 4
    sheet = Image.new("RGB", (columns * (cell + gap) + gap, header + len(rows) * (cell + gap) + gap), "white")
    draw = ImageDraw.Draw(sheet)
    font = ImageFont.load_default(size=14)
    for c, title in enumerate(titles or []):
        draw.text((gap + c * (cell + gap) + 2, 4), title, fill=(40, 40, 40), font=font)
    for r, row in enumerate(rows):
        for c, image in enumerate(row):
            tile = image.convert("RGB").resize((cell, cell), Image.Resampling.LANCZOS)
            sheet.paste(tile, (gap + c * (cell + gap), header + gap + r * (cell + gap)))
    return sheet
