"""Tiny data sets drawn on the fly: coloured shapes on white, with their outlines as sketches."""

import json
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw

COLOURS = [(230, 60, 50), (40, 150, 230), (250, 200, 40), (60, 180, 90), (160, 80, 200), (250, 130, 30)]


def shape_picture(index: int, size: int, transparent: bool = False) -> tuple[Image.Image, Image.Image]:
    """A picture (RGBA when transparent, else RGB on white) and its black-on-white outline sketch."""
    rng = np.random.default_rng(index)
    picture = Image.new("RGBA", (size, size), (255, 255, 255, 0 if transparent else 255))
    sketch = Image.new("L", (size, size), 255)
    draw, outline = ImageDraw.Draw(picture), ImageDraw.Draw(sketch)
    margin = size // 8
    box = sorted(rng.integers(margin, size - margin, 2))
    box = [box[0] - margin // 2, box[0] - margin // 2, box[1] + margin // 2, box[1] + margin // 2]
    colour = COLOURS[index % len(COLOURS)]
    if index % 2:
        draw.ellipse(box, fill=colour + (255,))
        outline.ellipse(box, outline=0, width=max(1, size // 64))
    else:
        draw.rectangle(box, fill=colour + (255,))
        outline.rectangle(box, outline=0, width=max(1, size // 64))
    return (picture if transparent else picture.convert("RGB")), sketch


def write_pictures(folder: Path, count: int, size: int = 64, transparent: bool = True) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(count):
        shape_picture(i, size, transparent)[0].save(folder / f"shape_{i:03d}.png")
    return folder


def write_aligned(folder: Path, count: int, size: int = 64) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(count):
        picture, sketch = shape_picture(i, size)
        pair = Image.new("RGB", (2 * size, size))
        pair.paste(sketch.convert("RGB"), (0, 0))
        pair.paste(picture, (size, 0))
        pair.save(folder / f"pair_{i:03d}.png")
    return folder


def write_prepared(folder: Path, count: int, size: int = 32, val: int = 1) -> Path:
    """A prepared data set written directly (no edge extraction), for training tests."""
    (folder / "pictures").mkdir(parents=True)
    (folder / "sketches").mkdir()
    items = []
    for i in range(count):
        picture, sketch = shape_picture(i, size)
        item_id = f"{i:016x}"
        picture.save(folder / "pictures" / f"{item_id}.png")
        sketch.save(folder / "sketches" / f"{item_id}_0.png")
        split = "val" if i >= count - val else "train"
        items.append({"id": item_id, "source": f"shape_{i}.png", "split": split, "sketches": 1})
    index = {"format": "icanvas-prepared", "version": 1, "source": "synthetic", "input_format": "pictures",
             "image_size": size, "options": {"hand_drawn": False}, "items": items, "problems": {}}
    (folder / "dataset.json").write_text(json.dumps(index))
    return folder


def train_tiny_run(root: Path, epochs: int = 1):
    """A finished training run of a tiny U-Net on synthetic shapes at 32 px (seconds on a CPU)."""
    from icanvas_desktop.trainer.run import RunInfo, TrainOptions, start_run
    from icanvas_desktop.trainer.training.train import train

    data = write_prepared(root / "data", 5, size=32)
    options = TrainOptions(generator="unet", generator_settings={"ngf": 8, "depth": 3}, precision="float32",
                           epochs=epochs, batch_size=4)
    train(start_run(root / "run", data, options, 32), show_progress=False)
    return RunInfo.open(root / "run")


THEME_ID = "shapes"


def export_tiny_theme(root: Path) -> Path:
    """A themes folder holding one real theme, exported by the trainer after one epoch of the tiny run."""
    from icanvas_desktop.themes import load_theme
    from icanvas_desktop.trainer.packaging.export import export_theme

    export_theme(train_tiny_run(root), root / "themes", THEME_ID, {"en": "Shapes", "ko": "도형"},
                 "synthetic shapes", "CC0-1.0",
                 [{"id": "ball", "en": "Draw a ball", "ko": "공을 그려 보세요"}])
    load_theme(root / "themes" / THEME_ID)
    return root / "themes"
