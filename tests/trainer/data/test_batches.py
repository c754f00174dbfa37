from dataclasses import replace

import numpy as np
from trainer.synthetic import write_prepared

from icanvas_desktop.trainer.data.batches import PairBatches
from icanvas_desktop.trainer.data.prepared import PreparedDataset


class PickedItems(PairBatches):
    """The batches as the items they were made of, so the test sees what each epoch draws."""

    def _batch(self, epoch, picks):
        return [self.items[i].source for i in picks]


def _items(tmp_path):
    dataset = PreparedDataset.open(write_prepared(tmp_path / "data", 8, size=32, val=0))
    # Six pictures in one folder of the source, two in another, as OpenMoji's groups are uneven.
    items = [replace(item, source=f"{'faces' if i < 6 else 'animals'}/{i}")
             for i, item in enumerate(dataset.items())]
    return dataset, items


def _share_of_animals(batches, epochs=200):
    drawn = [source for epoch in range(epochs) for batch in batches.epoch(epoch) for source in batch]
    return sum(source.startswith("animals/") for source in drawn) / len(drawn)


def test_balanced_folders_are_drawn_equally_often_and_each_epoch_is_the_same_again(tmp_path):
    dataset, items = _items(tmp_path)
    plain = PickedItems(dataset, items, 1, seed=0)
    balanced = PickedItems(dataset, items, 1, seed=0, balance_folders=True)
    assert _share_of_animals(plain) == 0.25  # every picture once an epoch
    assert abs(_share_of_animals(balanced) - 0.5) < 0.04
    # A resumed run draws what it would have drawn: the same epoch gives the same order.
    assert list(balanced.epoch(7)) == list(balanced.epoch(7))
    assert list(balanced.epoch(7, start_step=3)) == list(balanced.epoch(7))[3:]
    assert len(list(balanced.epoch(0))) == len(items)
    np.testing.assert_allclose(balanced.weights.sum(), 1.0)


def test_balanced_colours_draw_every_main_colour_equally_often(tmp_path):
    from PIL import Image

    dataset, items = _items(tmp_path)
    # Six yellow pictures and two blue ones, each a coloured square on white paper with a dark outline.
    for i, item in enumerate(items):
        picture = np.full((32, 32, 3), 255, np.uint8)
        picture[8:24, 8:24] = (20, 20, 20)
        picture[10:22, 10:22] = (245, 200, 40) if i < 6 else (40, 90, 220)
        Image.fromarray(picture).save(dataset.picture_path(item))
    items = [replace(item, source=f"all/{i}") for i, item in enumerate(items)]
    balanced = PickedItems(dataset, items, 1, seed=0, balance_colours=True)
    drawn = [int(s.split("/")[1]) for epoch in range(200) for batch in balanced.epoch(epoch) for s in batch]
    assert abs(np.mean([i >= 6 for i in drawn]) - 0.5) < 0.04
