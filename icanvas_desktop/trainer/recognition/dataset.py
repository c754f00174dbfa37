"""The recogniser's drawings: every rendered line art drawn many times in a child's hand, as uint8 arrays.

Held out, never trained on: the last OpenMoji drawing of each class that has three or more (a third tree, a
third chick), and a fifth of the "other" drawings, so that the held-out accuracy is on drawings the recogniser
has not seen in any version.
"""

import io
import json
import logging
import random
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from PIL import Image

from icanvas_desktop.files.atomic import atomic_write_bytes
from icanvas_desktop.trainer.recognition.augment import childlike
from icanvas_desktop.trainer.recognition.classes import CLASS_IDS, DRAWN_AS_FACES, OTHER, THINGS

log = logging.getLogger("icanvas.train")

HELD_OUT_OTHER_SHARE = 0.2


@dataclass(frozen=True)
class Drawing:
    path: Path
    label: int
    hexcode: str


def split_drawings(base: Path) -> tuple[list[Drawing], list[Drawing]]:
    """(training, held out) renders in `base`/lines (scripts/recogniser/render_things.py)."""
    training, held_out = [], []
    for thing in THINGS:
        late = thing.hexcodes[-1] if len(thing.hexcodes) >= 3 else None
        for path in sorted((base / "lines" / thing.id).glob("*.png")):
            code = path.stem.split("_")[0]
            (held_out if code == late else training).append(Drawing(path, CLASS_IDS.index(thing.id), code))
    others = sorted((base / "lines" / OTHER).glob("*.png"))
    # Shuffled (seeded) before the cut, so that the held-out others are of every set, not the last by name.
    random.Random(0).shuffle(others)
    cut = round(len(others) * (1 - HELD_OUT_OTHER_SHARE))
    for index, path in enumerate(others):
        drawing = Drawing(path, CLASS_IDS.index(OTHER), path.stem.split("_")[0])
        (training if index < cut else held_out).append(drawing)
    return training, held_out


def draw_set(drawings: list[Drawing], per_class: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    """`per_class` child-like drawings of each class present (the renders of a class taking turns):
    (N, 64, 64) uint8 ink and (N,) uint8 labels."""
    rng = np.random.default_rng(seed)
    by_class: dict[int, list[np.ndarray]] = {}
    for drawing in drawings:
        lines = np.asarray(Image.open(drawing.path).convert("L"), np.float32) / 255.0
        by_class.setdefault(drawing.label, []).append(lines)
    images, labels = [], []
    for label, renders in sorted(by_class.items()):
        is_face = CLASS_IDS[label] in DRAWN_AS_FACES
        for index in range(per_class):
            drawing = childlike(renders[index % len(renders)], rng, is_face)
            images.append(np.round(drawing * 255).astype(np.uint8))
            labels.append(label)
        log.info("%s: %d drawings from %d renders", CLASS_IDS[label], per_class, len(renders))
    return np.stack(images), np.array(labels, np.uint8)


def save_set(path: Path, images: np.ndarray, labels: np.ndarray, about: dict) -> None:
    """An .npz of plain arrays (read back with allow_pickle=False) and a JSON note beside it."""
    buffer = io.BytesIO()
    np.savez_compressed(buffer, images=images, labels=labels)
    atomic_write_bytes(path, buffer.getvalue())
    atomic_write_bytes(path.with_suffix(".json"), json.dumps(about, indent=1).encode("utf-8"))


def load_set(path: Path) -> tuple[np.ndarray, np.ndarray]:
    with np.load(path, allow_pickle=False) as data:
        return data["images"], data["labels"]
