"""The prepared data set on disk: pictures, clean and hand-drawn-looking sketches, and its index."""

import io
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
from PIL import Image

from icanvas_desktop.files.atomic import atomic_write_bytes
from icanvas_desktop.generation.sketch_input import picture_to_array, sketch_to_array
from icanvas_desktop.trainer.problems import UsageError, read_json

INDEX_NAME = "dataset.json"
FORMAT = "icanvas-prepared"


def save_png(path: Path, image: Image.Image) -> None:
    buffer = io.BytesIO()
    image.save(buffer, "PNG", optimize=False, compress_level=3)
    atomic_write_bytes(path, buffer.getvalue())


@dataclass(frozen=True)
class Item:
    id: str
    source: str
    split: str
    sketches: int


@dataclass
class PreparedDataset:
    folder: Path
    index: dict[str, Any]

    @classmethod
    def open(cls, folder: Path) -> "PreparedDataset":
        folder = Path(folder)
        try:
            index = read_json(folder / INDEX_NAME, "run 'icanvas-train prepare' again")
        except FileNotFoundError:
            raise UsageError(
                f"{folder} is not a prepared data set (no {INDEX_NAME}): run 'icanvas-train prepare' first"
            ) from None
        if index.get("format") != FORMAT:
            raise UsageError(f"{folder / INDEX_NAME} is not an iCanvas prepared data set")
        return cls(folder, index)

    @property
    def image_size(self) -> int:
        return self.index["image_size"]

    def items(self, split: str | None = None) -> list[Item]:
        items = [Item(**entry) for entry in self.index["items"]]
        return [i for i in items if split is None or i.split == split]

    def picture_path(self, item: Item) -> Path:
        return self.folder / "pictures" / f"{item.id}.png"

    def sketch_path(self, item: Item, variant: int = 0) -> Path:
        return self.folder / "sketches" / f"{item.id}_{variant}.png"

    def picture(self, item: Item) -> Image.Image:
        with Image.open(self.picture_path(item)) as image:
            return image.convert("RGB")

    def sketch(self, item: Item, variant: int = 0) -> Image.Image:
        with Image.open(self.sketch_path(item, variant)) as image:
            return image.convert("L")

    def pair_arrays(self, item: Item, variant: int = 0) -> tuple[np.ndarray, np.ndarray]:
        """Training tensors: sketch (S, S, 1) in [0, 1], picture (S, S, 3) in [-1, 1]."""
        return (sketch_to_array(self.sketch(item, variant), self.image_size),
                picture_to_array(self.picture(item)))
