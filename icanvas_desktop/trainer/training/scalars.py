"""Training scalars for TensorBoard and for people without it, on any Keras backend.

The event files come from the `tensorboard` package's own writer, which needs no TensorFlow, so a JAX
machine writes the same `logs/` as a TensorFlow one. `logs/scalars.csv` beside them holds every value
too (step, tag, value, wall time), for a spreadsheet or when `tensorboard` is not installed.
"""

import csv
import logging
import time
from pathlib import Path

log = logging.getLogger("icanvas.train")

CSV_NAME = "scalars.csv"


class ScalarLog:
    def __init__(self, folder: Path):
        folder.mkdir(parents=True, exist_ok=True)
        try:
            from tensorboard.summary import Writer
        except ImportError:
            log.info("the tensorboard package is not installed: scalars go only to %s", folder / CSV_NAME)
            self._events = None
        else:
            self._events = Writer(str(folder))
        path = folder / CSV_NAME
        new = not path.exists()
        self._file = path.open("a", newline="", encoding="utf-8")
        self._csv = csv.writer(self._file)
        if new:
            self._csv.writerow(["step", "tag", "value", "wall_time"])

    def write(self, step: int, values: dict[str, float]) -> None:
        now = time.time()
        for tag, value in values.items():
            if self._events is not None:
                self._events.add_scalar(tag, value, step, wall_time=now)
            self._csv.writerow([step, tag, repr(float(value)), f"{now:.3f}"])
        self.flush()

    def flush(self) -> None:
        if self._events is not None:
            self._events.flush()
        self._file.flush()

    def close(self) -> None:
        if self._events is not None:
            self._events.close()
        self._file.close()
