"""`icanvas-train train`: pix2pix with an LSGAN loss, D step then G step, checkpoints that survive a kill."""

import json
import logging
import math
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
from tqdm import tqdm

from icanvas_desktop import __version__
from icanvas_desktop.atomic import atomic_write_text, remove_leftovers
from icanvas_desktop.networks.config import GeneratorConfig
from icanvas_desktop.trainer.batches import PairBatches
from icanvas_desktop.trainer.prepared import PreparedDataset, save_png
from icanvas_desktop.trainer.problems import UsageError

log = logging.getLogger("icanvas.train")

RUN_FILE = "run.json"
CHECKPOINT = "checkpoints/latest.ckpt.npz"


@dataclass
class TrainOptions:
    generator: str = "compact"
    generator_settings: dict[str, Any] = field(default_factory=dict)
    epochs: int = 20
    # One picture per step at 5x pix2pix's 2e-4: a theme's few hundred pictures on a CPU get four times as many
    # updates for the same images seen. On the 70 garden pictures this gave colours by epoch 14 where batch 4
    # at 2e-4 was still one brown tint after 30 epochs (docs/themes/README.md).
    batch_size: int = 1
    learning_rate: float = 1e-3
    beta_1: float = 0.5
    l1_weight: float = 10.0
    seed: int = 0
    precision: str = "auto"
    hand_drawn: bool = True
    flip: bool = True
    checkpoint_every: int = 200
    log_every: int = 10
    samples: int = 6
    max_steps: int | None = None  # stop early, e.g. for a smoke test; --resume continues
    # Distillation: a larger trained generator's picture for the same sketch is a second L1 target.
    teacher_run: str | None = None
    teacher_weights: str | None = None
    distill_weight: float = 10.0


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
            raw = json.loads((folder / RUN_FILE).read_text("utf-8"))
        except FileNotFoundError:
            raise UsageError(f"{folder} is not a training run (no {RUN_FILE}): check the --run folder") from None
        return cls(folder, TrainOptions(**raw["options"]), Path(raw["data"]), GeneratorConfig.from_dict(raw["generator"]))

    def save(self) -> None:
        payload = {
            "trainer_version": __version__,
            "options": asdict(self.options),
            "data": str(self.data),
            "generator": self.generator.to_dict(),
        }
        atomic_write_text(self.folder / RUN_FILE, json.dumps(payload, indent=1))

    def generator_weights(self) -> list[Path]:
        return sorted((self.folder / "generators").glob("epoch_*.weights.h5"))


class Pix2Pix:
    """Both networks, both optimizers and the compiled training step."""

    def __init__(self, config: GeneratorConfig, options: TrainOptions, strategy, teacher_config=None):
        import keras
        import tensorflow as tf

        from icanvas_desktop.networks import build_generator
        from icanvas_desktop.networks.patchgan import patchgan_discriminator
        from icanvas_desktop.trainer import losses

        self.strategy = strategy
        self.options = options
        with strategy.scope():
            self.generator = build_generator(config)
            self.discriminator = patchgan_discriminator(config.image_size)
            self.g_optimizer = keras.optimizers.Adam(options.learning_rate, beta_1=options.beta_1)
            self.d_optimizer = keras.optimizers.Adam(options.learning_rate, beta_1=options.beta_1)
            self.g_optimizer.build(self.generator.trainable_variables)
            self.d_optimizer.build(self.discriminator.trainable_variables)
            teacher = None
            if teacher_config is not None:
                teacher = build_generator(teacher_config)
                teacher.load_weights(options.teacher_weights)
                teacher.trainable = False

        replicas = strategy.num_replicas_in_sync
        G, D = self.generator, self.discriminator

        def replica_step(sketch, real):
            with tf.GradientTape() as g_tape:
                fake = G(sketch, training=True)
            # The discriminator learns first, on a fake it cannot push back into G ...
            with tf.GradientTape() as d_tape:
                d_loss = losses.discriminator_loss(
                    D([sketch, real], training=True), D([sketch, tf.stop_gradient(fake)], training=True)
                )
                d_scaled = d_loss / replicas
            d_grads = d_tape.gradient(d_scaled, D.trainable_variables)
            self.d_optimizer.apply_gradients(zip(d_grads, D.trainable_variables))
            # ... then G learns from the updated D, whose weights stay fixed in this step. The chain rule
            # through `fake` reuses G's forward pass instead of running G a second time.
            with tf.GradientTape() as fake_tape:
                fake_tape.watch(fake)
                g_adv = losses.generator_adversarial_loss(D([sketch, fake], training=True))
                g_l1 = losses.l1_loss(real, fake)
                g_total = g_adv + options.l1_weight * g_l1
                if teacher is not None:
                    taught = tf.cast(teacher(sketch, training=False), fake.dtype)
                    g_total += options.distill_weight * losses.l1_loss(taught, fake)
                g_scaled = g_total / replicas
            d_fake = fake_tape.gradient(g_scaled, fake)
            g_grads = g_tape.gradient(fake, G.trainable_variables, output_gradients=d_fake)
            self.g_optimizer.apply_gradients(zip(g_grads, G.trainable_variables))
            return {"d_loss": d_loss, "g_adv": g_adv, "g_l1": g_l1}

        @tf.function
        def train_step(sketch, real):
            sketch, real = tf.convert_to_tensor(sketch), tf.convert_to_tensor(real)
            per_replica = strategy.run(replica_step, args=(sketch, real))
            return {k: strategy.reduce("MEAN", v, axis=None) for k, v in per_replica.items()}

        self.train_step = train_step

    def variable_groups(self) -> dict[str, list]:
        return {
            "generator": self.generator.weights,
            "discriminator": self.discriminator.weights,
            "g_optimizer": self.g_optimizer.variables,
            "d_optimizer": self.d_optimizer.variables,
        }


def start_run(run_dir: Path, data_dir: Path, options: TrainOptions, image_size: int) -> RunInfo:
    run_dir = Path(run_dir)
    if (run_dir / RUN_FILE).exists():
        raise UsageError(
            f"{run_dir} already holds a training run: add --resume to continue it, or pick another --run folder"
        )
    try:
        config = GeneratorConfig.from_preset(options.generator, image_size, **options.generator_settings)
    except ValueError as e:
        raise UsageError(str(e)) from e
    run = RunInfo(run_dir, options, Path(data_dir).resolve(), config)
    run_dir.mkdir(parents=True, exist_ok=True)
    run.save()
    return run


def train(run: RunInfo, show_progress: bool = True, epochs: int | None = None) -> dict[str, Any]:
    """Train (or continue training) a run to its last epoch; returns the final training state."""
    import keras
    import tensorflow as tf

    from icanvas_desktop.trainer import hardware
    from icanvas_desktop.trainer.checkpoint import load_checkpoint, save_checkpoint

    options = run.options
    if epochs is not None and epochs != options.epochs:
        options.epochs = epochs
        run.save()
    dataset = PreparedDataset.open(run.data)
    if dataset.image_size != run.generator.image_size:
        raise UsageError(f"{run.data} was prepared at {dataset.image_size} px but this run trains at "
                         f"{run.generator.image_size} px: prepare again with --size {run.generator.image_size}")
    train_items, val_items = dataset.items("train"), dataset.items("val")
    batches = PairBatches(dataset, train_items, options.batch_size, options.seed, options.flip, options.hand_drawn)

    keras.utils.set_random_seed(options.seed)
    strategy, gpus = hardware.distribution_strategy()
    policy = hardware.choose_precision(options.precision, gpus)
    keras.mixed_precision.set_global_policy(policy)
    teacher_config = _teacher_config(run) if options.teacher_run else None
    try:
        model = Pix2Pix(run.generator, options, strategy, teacher_config)
    finally:
        # Later models in this process (evaluation, export) run at full precision.
        keras.mixed_precision.set_global_policy("float32")

    checkpoint = run.folder / CHECKPOINT
    remove_leftovers(checkpoint.parent)  # the half-written checkpoints of a run that was killed
    state = {"step": 0, "epoch": 0, "step_in_epoch": 0}
    if checkpoint.exists():
        state = load_checkpoint(checkpoint, model.variable_groups())
        log.info("resuming %s at step %d (epoch %d)", run.folder, state["step"], state["epoch"] + 1)
    else:
        log.info("starting %s: %s, %d training and %d held-out pairs, %s",
                 run.folder, run.generator.to_dict(), len(train_items), len(val_items), policy)

    total = options.epochs * batches.steps_per_epoch
    writer = tf.summary.create_file_writer(str(run.folder / "logs"))
    sample_items = (val_items or train_items)[: options.samples]

    def save_state():
        save_checkpoint(checkpoint, model.variable_groups(), state)

    progress = tqdm(total=total, initial=state["step"], unit="step", disable=not show_progress, dynamic_ncols=True)
    started, stepped = time.perf_counter(), 0
    try:
        while state["epoch"] < options.epochs:
            epoch = state["epoch"]
            progress.set_description(f"epoch {epoch + 1}/{options.epochs}")
            epoch_l1 = []
            for sketch, real in batches.epoch(epoch, state["step_in_epoch"]):
                if options.max_steps is not None and state["step"] >= options.max_steps:
                    save_state()
                    return state
                metrics = {k: float(v) for k, v in model.train_step(sketch, real).items()}
                if not all(math.isfinite(v) for v in metrics.values()):
                    save_state()
                    raise UsageError(f"training diverged at step {state['step']} ({metrics}): "
                                     "lower --lr or use --precision float32, then --resume")
                epoch_l1.append(metrics["g_l1"])
                state["step"] += 1
                state["step_in_epoch"] += 1
                stepped += 1
                progress.update(1)
                if state["step"] % options.log_every == 0:
                    rate = stepped * batches.batch_size / (time.perf_counter() - started)
                    progress.set_postfix({**{k: f"{v:.3f}" for k, v in metrics.items()}, "img/s": f"{rate:.1f}"})
                    with writer.as_default(step=state["step"]):
                        for name, value in metrics.items():
                            tf.summary.scalar(f"train/{name}", value)
                if state["step"] % options.checkpoint_every == 0:
                    save_state()
            train_l1 = float(np.mean(epoch_l1)) if epoch_l1 else None
            _end_epoch(run, model, dataset, val_items, sample_items, epoch, writer, state, train_l1)
            state.update(epoch=epoch + 1, step_in_epoch=0)
            save_state()
    except KeyboardInterrupt:
        save_state()
        progress.close()
        log.warning("stopped at step %d; the checkpoint is saved: continue with --resume", state["step"])
        raise
    finally:
        progress.close()
        writer.close()
    return state


def teacher_weights(teacher_run: Path) -> Path:
    """The checkpoint `evaluate` picked as the teacher run's best, else its last epoch."""
    run = RunInfo.open(teacher_run)
    results = run.folder / "evaluation" / "results.json"
    if results.exists():
        best = run.folder / "generators" / json.loads(results.read_text())["best"]["checkpoint"]
        if best.exists():
            return best
    weights = run.generator_weights()
    if not weights:
        raise UsageError(f"the teacher run {teacher_run} has no finished epoch: train it first")
    return weights[-1]


def _teacher_config(run: RunInfo) -> GeneratorConfig:
    teacher = RunInfo.open(Path(run.options.teacher_run))
    if teacher.generator.image_size != run.generator.image_size:
        raise UsageError(f"the teacher run {teacher.folder} makes {teacher.generator.image_size} px pictures "
                         f"but this run {run.generator.image_size} px: use a teacher trained at the same size")
    if not Path(run.options.teacher_weights or "").exists():
        raise UsageError(f"the teacher's weights {run.options.teacher_weights} are gone: "
                         "restore them or start a run without --teacher")
    return teacher.generator


def _end_epoch(run, model, dataset, val_items, sample_items, epoch, writer, state, train_l1):
    import tensorflow as tf

    from icanvas_desktop.generation import Generator
    from icanvas_desktop.generation.runtime import KerasRuntime
    from icanvas_desktop.trainer.evaluate import held_out_metrics
    from icanvas_desktop.trainer.sheets import contact_sheet

    weights = run.folder / "generators" / f"epoch_{epoch + 1:04d}.weights.h5"
    weights.parent.mkdir(exist_ok=True)
    tmp = weights.with_name(f"partial_{weights.name}")  # Keras insists on the .weights.h5 ending
    model.generator.save_weights(str(tmp))
    tmp.replace(weights)

    generator = Generator(run.generator.image_size, KerasRuntime(run.generator, model=model.generator))
    # Mean generator L1 over this epoch's steps (in [-1, 1] units, as trained).
    entry = {"epoch": epoch + 1, "step": state["step"], "weights": weights.name, "train_l1": train_l1}
    if val_items:
        entry.update(held_out_metrics(generator, dataset, val_items[:64], with_swd=False))
        with writer.as_default(step=state["step"]):
            for name in ("l1", "psnr"):
                tf.summary.scalar(f"val/{name}", entry[name])
        log.info("epoch %d: held-out L1 %.4f, PSNR %.2f dB", epoch + 1, entry["l1"], entry["psnr"])
    sketches = [dataset.sketch(i) for i in sample_items]
    fakes = generator.generate_batch(sketches)
    rows = [[s, f, dataset.picture(i)] for s, f, i in zip(sketches, fakes, sample_items)]
    save_png(run.folder / "samples" / f"epoch_{epoch + 1:04d}.png", contact_sheet(rows, ["sketch", "generated", "real"]))
    history_path = run.folder / "history.json"
    history = json.loads(history_path.read_text()) if history_path.exists() else []
    history = [h for h in history if h["epoch"] != epoch + 1] + [entry]
    atomic_write_text(history_path, json.dumps(history, indent=1))
