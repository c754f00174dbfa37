"""Training batches: a deterministic order per (seed, epoch) so a resumed run sees what it would have seen."""

import queue
import threading
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import numpy as np

from icanvas_desktop.generation.sketch_input import generator_input
from icanvas_desktop.networks.config import HINT_CHANNELS
from icanvas_desktop.trainer.data.colours import main_colour
from icanvas_desktop.trainer.data.hints import recoloured, sample_hints
from icanvas_desktop.trainer.data.prepared import Item, PreparedDataset


class PairBatches:
    def __init__(
        self,
        dataset: PreparedDataset,
        items: list[Item],
        batch_size: int,
        seed: int,
        flip: bool = True,
        hand_drawn: bool = True,
        hints: bool = False,
        balance_folders: bool = False,
        balance_colours: bool = False,
    ):
        if not items:
            raise ValueError("no training pairs")
        self.dataset = dataset
        self.items = items
        self.batch_size = min(batch_size, len(items))
        self.seed = seed
        self.flip = flip
        self.hand_drawn = hand_drawn
        self.hints = hints  # crayon channels after the sketch's, for a generator that reads them
        # Each folder of the source, and each main colour of the pictures, as likely as any other, however
        # many pictures it holds: OpenMoji's yellow smileys and people, a third of it, otherwise teach one
        # yellow for everything. Both together: each colour within each folder.
        self.weights = None
        if balance_folders or balance_colours:
            self.weights = _balanced_weights([
                (Path(item.source).parent.as_posix() if balance_folders else "",
                 main_colour(np.asarray(dataset.picture(item))) if balance_colours else "")
                for item in items])

    @property
    def steps_per_epoch(self) -> int:
        return len(self.items) // self.batch_size

    def epoch(self, epoch: int, start_step: int = 0) -> Iterator[tuple[np.ndarray, np.ndarray]]:
        """Batches of one epoch from `start_step` on, loaded one batch ahead on a helper thread."""
        rng = np.random.default_rng([self.seed, epoch])
        if self.weights is None:
            order = rng.permutation(len(self.items))
        else:
            order = rng.choice(len(self.items), size=len(self.items), p=self.weights)
        steps = range(start_step, self.steps_per_epoch)
        ahead: queue.Queue = queue.Queue(maxsize=2)
        stop = threading.Event()

        def load():
            try:
                for step in steps:
                    if stop.is_set():
                        return
                    picks = order[step * self.batch_size : (step + 1) * self.batch_size]
                    ahead.put(self._batch(epoch, picks))
            except BaseException as e:  # noqa: BLE001 - handed to the consumer, who raises it
                ahead.put(e)
            ahead.put(None)

        thread = threading.Thread(target=load, daemon=True, name="batch-loader")
        thread.start()
        try:
            while (batch := ahead.get()) is not None:
                if isinstance(batch, BaseException):
                    raise batch
                yield batch
        finally:
            stop.set()

    def _batch(self, epoch: int, picks: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        sketches, pictures = [], []
        for index in picks:
            item = self.items[index]
            rng = np.random.default_rng([self.seed, epoch, int(index)])
            variant = int(rng.integers(0, item.sketches)) if self.hand_drawn else 0
            sketch, picture = self.dataset.pair_arrays(item, variant)
            if self.flip and rng.random() < 0.5:
                sketch, picture = sketch[:, ::-1], picture[:, ::-1]
            if self.hints:
                picture, hints = recoloured(picture, sample_hints(sketch, picture, rng), rng)
                sketch = generator_input(sketch, hints, 1 + HINT_CHANNELS)
            sketches.append(sketch)
            pictures.append(picture)
        return np.stack(sketches), np.stack(pictures)


def _balanced_weights(keys: list[tuple[str, str]]) -> np.ndarray:
    """The chance of each item, so that the items of every key are drawn as often as those of any other."""
    counts = Counter(keys)
    weights = np.array([1.0 / counts[k] for k in keys])
    return weights / weights.sum()
