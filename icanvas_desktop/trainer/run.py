"""What a training run folder is, and the one place that reads and writes its files.

    run.json                     RUN_FILE: the options, the prepared data and the generator (RunInfo)
    checkpoints/latest.ckpt.npz  CHECKPOINT: where training stands, to --resume (training/checkpoint.py)
    generators/epoch_NNNN.weights.h5   the generator after each epoch
    history.json                 one entry per finished epoch: its step, weights file and held-out figures
    evaluation/results.json      what `evaluate` measured for each checkpoint, and the best one
    samples/, logs/, evaluation/table.md and contact_sheet.png: for people to look at

`start_run` writes run.json, `train` the rest but evaluation/, which is `evaluate`'s. Everything that
reads a run (train's teacher and --init-from, export, evaluate's earlier rows, scripts/themes/) reads it
through here.
"""

import json
import os
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from icanvas_desktop import __version__
from icanvas_desktop.files.atomic import atomic_write_text
from icanvas_desktop.networks.config import GeneratorConfig
from icanvas_desktop.trainer.problems import UsageError, read_json

RUN_FILE = "run.json"
CHECKPOINT = "checkpoints/latest.ckpt.npz"
GENERATORS = "generators"
HISTORY_FILE = "history.json"
EVALUATION = "evaluation"
RESULTS_FILE = f"{EVALUATION}/results.json"
_DAMAGED_RUN = ("restore the run folder from a backup, or start a new run (--init-from can start it from "
                "one of this run's generators/*.weights.h5)")


@dataclass
class TrainOptions:
    generator: str = "compact"
    generator_settings: dict[str, Any] = field(default_factory=dict)
    epochs: int = 20
    # One picture per step at 5x pix2pix's 2e-4: a theme's few hundred pictures on a CPU get four times as
    # many updates for the same images seen. On the 70 garden pictures this gave colours by epoch 14 where
    # batch 4 at 2e-4 was still one brown tint after 30 epochs (docs/themes/README.md).
    batch_size: int = 1
    learning_rate: float = 1e-3
    beta_1: float = 0.5
    l1_weight: float = 10.0
    seed: int = 0
    precision: str = "auto"
    hand_drawn: bool = True
    flip: bool = True
    balance_folders: bool = False  # draw every folder of the pictures as often as any other
    balance_colours: bool = False  # and every main colour (trainer/data/colours.py)
    checkpoint_every: int = 200
    log_every: int = 10
    samples: int = 6
    max_steps: int | None = None  # stop early, e.g. for a smoke test; --resume continues
    # Distillation: a larger trained generator's picture for the same sketch is a second L1 target.
    teacher_run: str | None = None
    teacher_weights: str | None = None
    distill_weight: float = 10.0
    # Above 0, the generator saved each epoch (and exported) is an exponential moving average of the trained
    # one's weights, as pix2pixHD and StyleGAN do. Off by default: on the garden pictures at 128 px (1,512
    # images seen) 0.995 lowered grain from 3.4 to 2.7 but colourfulness from 65 to 51 and colour variety
    # from 30 to 26 (docs/themes/generator-v2.md), and dull colours are what children notice first.
    ema: float = 0.0
    # Fine-tuning: the generator starts from these weights (a theme's or another run's) instead of at random.
    init_from: str | None = None
    init_weights: str | None = None
    # pix2pixHD's two-scale PatchGAN, with feature matching at this weight, or the one PatchGAN of pix2pix.
    discriminator: str = "patchgan"
    feature_weight: float = 10.0


@dataclass
class RunInfo:
    folder: Path
    options: TrainOptions
    data: Path
    generator: GeneratorConfig

    @classmethod
    def open(cls, folder: Path) -> "RunInfo":
        folder = Path(folder)
        try:
            raw = read_json(folder / RUN_FILE, _DAMAGED_RUN)
        except FileNotFoundError:
            raise UsageError(f"{folder} is not a training run (no {RUN_FILE}): "
                             "check the --run folder") from None
        try:
            data = Path(raw["data"])
            # A run brought back from another machine (scripts/train_on_gpu.sh) with its data beside it.
            if not data.exists() and raw.get("data_from_run") and (folder / raw["data_from_run"]).exists():
                data = (folder / raw["data_from_run"]).resolve()
            # A run from before the average has no "ema" in its options.
            options = {"ema": 0.0, **raw["options"]}
            return cls(folder, TrainOptions(**options), data, GeneratorConfig.from_dict(raw["generator"]))
        except (KeyError, TypeError, ValueError) as e:
            raise UsageError(f"{folder / RUN_FILE} is not an iCanvas training run ({e!r}): "
                             f"{_DAMAGED_RUN}") from e

    def save(self) -> None:
        payload = {
            "trainer_version": __version__,
            "options": asdict(self.options),
            "data": str(self.data),
            "data_from_run": _relative(self.data, self.folder.resolve()),
            "generator": self.generator.to_dict(),
        }
        atomic_write_text(self.folder / RUN_FILE, json.dumps(payload, indent=1))

    def generator_weights(self) -> list[Path]:
        return sorted((self.folder / GENERATORS).glob("epoch_*.weights.h5"))

    def history(self) -> list[dict[str, Any]]:
        return read_history(self.folder)

    def results(self) -> dict[str, Any] | None:
        return read_results(self.folder)

    def best_checkpoint(self) -> str | None:
        """The file name of the checkpoint `evaluate` picked (in generators/); None before any evaluation, and
        when epochs have finished since the last one: its pick never saw them (a run resumed for more epochs
        would otherwise export, or be fine-tuned from, an early epoch)."""
        results = self.results()
        if results is None:
            return None
        evaluated = {row["checkpoint"] for row in results["checkpoints"]}
        if any(weights.name not in evaluated for weights in self.generator_weights()):
            return None
        return results["best"]["checkpoint"]


def _relative(path: Path, start: Path) -> str | None:
    try:
        return os.path.relpath(path, start)
    except ValueError:  # on another drive (Windows)
        return None


def start_run(run_dir: Path, data_dir: Path, options: TrainOptions, image_size: int) -> RunInfo:
    run_dir = Path(run_dir)
    if (run_dir / RUN_FILE).exists():
        raise UsageError(
            f"{run_dir} already holds a training run: add --resume to continue it, "
            "or pick another --run folder"
        )
    try:
        config = GeneratorConfig.from_preset(options.generator, image_size, **options.generator_settings)
    except ValueError as e:
        raise UsageError(str(e)) from e
    run = RunInfo(run_dir, options, Path(data_dir).resolve(), config)
    run_dir.mkdir(parents=True, exist_ok=True)
    run.save()
    return run


def epoch_weights(folder: Path, epoch: int) -> Path:
    """Where the generator after `epoch` (from 1) is kept."""
    return Path(folder) / GENERATORS / f"epoch_{epoch:04d}.weights.h5"


def read_history(folder: Path) -> list[dict[str, Any]]:
    """history.json of a run folder (or of a worker's scratch copy): one entry per epoch, [] before the
    first."""
    path = Path(folder) / HISTORY_FILE
    return read_json(path, _DAMAGED_RUN) if path.exists() else []


def add_to_history(folder: Path, entry: dict[str, Any]) -> None:
    """Record a finished epoch, replacing an earlier entry for the same epoch (a run resumed mid-epoch)."""
    history = [h for h in read_history(folder) if h["epoch"] != entry["epoch"]] + [entry]
    atomic_write_text(Path(folder) / HISTORY_FILE, json.dumps(history, indent=1))


def read_results(folder: Path) -> dict[str, Any] | None:
    """evaluation/results.json of a run folder (written by `evaluate`), None before the first evaluation.

    It holds "checkpoints" (one row of figures per checkpoint, "checkpoint" naming its file), "best"
    (one of those rows), "fingerprints", "figures_version", "data", "held_out_pairs", "drawings"
    (their file names) and "problems"."""
    path = Path(folder) / RESULTS_FILE
    return read_json(path, "delete it and run 'icanvas-train evaluate' again") if path.exists() else None
