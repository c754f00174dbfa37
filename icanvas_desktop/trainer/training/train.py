"""`icanvas-train train`: pix2pix with an LSGAN loss, D step then G step, checkpoints that survive a kill."""

import logging
import math
import shutil
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import numpy as np
from tqdm import tqdm

from icanvas_desktop.files.atomic import remove_leftovers
from icanvas_desktop.networks.config import GeneratorConfig
from icanvas_desktop.trainer.data.batches import PairBatches
from icanvas_desktop.trainer.data.prepared import PreparedDataset, save_png
from icanvas_desktop.trainer.problems import UsageError
from icanvas_desktop.trainer.run import (
    CHECKPOINT,
    GENERATORS,
    RUN_FILE,
    RunInfo,
    TrainOptions,
    add_to_history,
    epoch_weights,
)

log = logging.getLogger("icanvas.train")


class Pix2Pix:
    """Both networks, both optimizers, the teacher if any, the devices they live on and the training step.

    The step itself (D step, then G step) is the backend's: trainer/training/backends/.
    """

    def __init__(self, config: GeneratorConfig, options: TrainOptions, teacher_config=None, placement=None):
        import keras

        from icanvas_desktop.networks import build_generator
        from icanvas_desktop.networks.patchgan import build_discriminator
        from icanvas_desktop.trainer.training import backends

        self.backend = backends.current()
        self.options = options
        self.placement = placement or self.backend.Placement(options.batch_size)
        with self.placement.scope():
            self.generator = build_generator(config)
            self.discriminator = build_discriminator(options.discriminator, config.image_size)
            self.g_optimizer = keras.optimizers.Adam(options.learning_rate, beta_1=options.beta_1,
                                                     use_ema=options.ema > 0,
                                                     ema_momentum=options.ema or 0.99)
            self.d_optimizer = keras.optimizers.Adam(options.learning_rate, beta_1=options.beta_1)
            self.g_optimizer.build(self.generator.trainable_variables)
            self.d_optimizer.build(self.discriminator.trainable_variables)
            self.teacher = None
            if teacher_config is not None:
                self.teacher = build_generator(teacher_config)
                self.teacher.load_weights(options.teacher_weights)
                self.teacher.trainable = False
        # A teacher without crayon channels reads the sketch alone.
        self.teacher_channels = 1 if self.teacher is None else self.teacher.input_shape[-1]
        self.train_step = self.backend.TrainStep(self)

    @contextmanager
    def averaged_generator(self):
        """The generator with its averaged weights inside the block (the trained ones after); call
        `train_step.sync()` first. Without an average, the generator as trained."""
        average = self.g_optimizer._model_variables_moving_average if self.options.ema > 0 else None
        if not average:
            yield self.generator
            return
        # Host copies both ways (through the backend's reader, which also works for a run across machines):
        # Keras's JAX predict donates the generator's arrays, and a shared array would take the average's
        # with it.
        def copy(variable):
            return np.array(self.backend.host_array(variable))

        trained = [copy(v) for v in self.generator.trainable_variables]
        for variable, mean in zip(self.generator.trainable_variables, average):
            variable.assign(copy(mean))
        try:
            yield self.generator
        finally:
            for variable, value in zip(self.generator.trainable_variables, trained):
                variable.assign(value)

    def variable_groups(self) -> dict[str, list]:
        """What a checkpoint holds; call `train_step.sync()` first so the variables are current."""
        return {
            "generator": self.generator.weights,
            "discriminator": self.discriminator.weights,
            "g_optimizer": self.g_optimizer.variables,
            "d_optimizer": self.d_optimizer.variables,
        }


def train(run: RunInfo, show_progress: bool = True, epochs: int | None = None) -> dict[str, Any]:
    """Train (or continue training) a run to its last epoch; returns the final training state."""
    options = run.options
    if epochs is not None and epochs != options.epochs:
        options.epochs = epochs
        run.save()
    dataset = PreparedDataset.open(run.data)
    if dataset.image_size != run.generator.image_size:
        raise UsageError(f"{run.data} was prepared at {dataset.image_size} px but this run trains at "
                         f"{run.generator.image_size} px: "
                         f"prepare again with --size {run.generator.image_size}")
    train_items, val_items = dataset.items("train"), dataset.items("val")
    batches = PairBatches(dataset, train_items, options.batch_size, options.seed, options.flip,
                          options.hand_drawn, hints=run.generator.input_channels > 1,
                          balance_folders=options.balance_folders, balance_colours=options.balance_colours)

    teacher_config = _teacher_config(run) if options.teacher_run else None
    model = _build(run, options, teacher_config)
    # Every worker of a run across machines computes the same; only one writes into the run folder, the
    # others into a scratch folder of their own (the layout tf.distribute's multi-worker guide uses).
    out = run.folder if model.placement.is_chief else Path(tempfile.mkdtemp(prefix="icanvas-worker-"))
    try:
        return _train_into(run, out, model, dataset, batches, train_items, val_items, show_progress)
    finally:
        if out != run.folder:
            shutil.rmtree(out, ignore_errors=True)  # a worker's scratch copy of what the chief keeps


def _train_into(run, out, model, dataset, batches, train_items, val_items, show_progress) -> dict[str, Any]:
    from icanvas_desktop.trainer.training.checkpoint import save_checkpoint
    from icanvas_desktop.trainer.training.scalars import ScalarLog

    options = run.options
    state = _resume_or_start(run, model, train_items, val_items)

    total = options.epochs * batches.steps_per_epoch
    scalars = ScalarLog(out / "logs")
    sample_items = (val_items or train_items)[: options.samples]

    def save_state():
        model.train_step.sync()
        save_checkpoint(out / CHECKPOINT, model.variable_groups(), state, model.backend.host_array)

    progress = tqdm(total=total, initial=state["step"], unit="step", disable=not show_progress,
                    dynamic_ncols=True)
    started, first_step = time.perf_counter(), state["step"]

    def report(metrics: dict[str, float]):
        progress.update(1)
        if state["step"] % options.log_every == 0:
            # Images a second over this process's steps only: a resumed run's earlier ones took no time here.
            rate = (state["step"] - first_step) * batches.batch_size / (time.perf_counter() - started)
            progress.set_postfix({**{k: f"{v:.3f}" for k, v in metrics.items()}, "img/s": f"{rate:.1f}"})
            scalars.write(state["step"], {f"train/{name}": value for name, value in metrics.items()})

    try:
        while state["epoch"] < options.epochs:
            epoch = state["epoch"]
            progress.set_description(f"epoch {epoch + 1}/{options.epochs}")
            epoch_l1 = _train_epoch(model, batches, options, state, save_state, report)
            if epoch_l1 is None:
                return state
            train_l1 = float(np.mean(epoch_l1)) if epoch_l1 else None
            model.train_step.sync()
            with model.averaged_generator() as generator:
                _end_epoch(run, out, generator, dataset, val_items, sample_items, epoch, scalars, state,
                           train_l1)
            state.update(epoch=epoch + 1, step_in_epoch=0)
            save_state()
    except KeyboardInterrupt:
        save_state()
        progress.close()
        log.warning("stopped at step %d; the checkpoint is saved: continue with --resume", state["step"])
        raise
    finally:
        progress.close()
        scalars.close()
    return state


def _resume_or_start(run: RunInfo, model: Pix2Pix, train_items, val_items) -> dict[str, int]:
    """The training state of the run's checkpoint, loaded into the model, or a new run's (from the
    generator of --init-from where there is one)."""
    from icanvas_desktop.trainer.training.checkpoint import load_checkpoint

    options, placement = run.options, model.placement
    checkpoint = run.folder / CHECKPOINT
    if placement.is_chief:
        remove_leftovers(checkpoint.parent)  # the half-written checkpoints of a run that was killed
    if checkpoint.exists():
        state = load_checkpoint(checkpoint, model.variable_groups())
        log.info("resuming %s at step %d (epoch %d) with %s", run.folder, state["step"], state["epoch"] + 1,
                 placement.describe())
        return state
    if options.init_weights:
        model.generator.load_weights(options.init_weights)
    log.info("starting %s: %s%s, %d training and %d held-out pairs, %s, %s", run.folder,
             run.generator.to_dict(), f" from {options.init_from}" if options.init_from else "",
             len(train_items), len(val_items), model.generator.dtype_policy.name, placement.describe())
    return {"step": 0, "epoch": 0, "step_in_epoch": 0}


def _train_epoch(model: Pix2Pix, batches: PairBatches, options: TrainOptions, state: dict[str, int],
                 save_state, report) -> list[float] | None:
    """The rest of the state's epoch, step by step; its generator L1s, or None where --max-steps stopped
    the run (its checkpoint saved)."""
    epoch_l1 = []
    for sketch, real in batches.epoch(state["epoch"], state["step_in_epoch"]):
        if options.max_steps is not None and state["step"] >= options.max_steps:
            save_state()
            return None
        metrics = {k: float(v) for k, v in model.train_step(sketch, real).items()}
        if not all(math.isfinite(v) for v in metrics.values()):
            save_state()
            raise UsageError(f"training diverged at step {state['step']} ({metrics}): "
                             "lower --lr or use --precision float32, then --resume")
        epoch_l1.append(metrics["g_l1"])
        state["step"] += 1
        state["step_in_epoch"] += 1
        report(metrics)
        if state["step"] % options.checkpoint_every == 0:
            save_state()
    return epoch_l1


def _build(run: RunInfo, options: TrainOptions, teacher_config) -> Pix2Pix:
    import keras

    from icanvas_desktop.trainer.training import backends, hardware

    # The backend first: a JAX run across machines must join them before anything is computed.
    backend = backends.current()
    placement = backend.Placement(options.batch_size)
    keras.utils.set_random_seed(options.seed)
    policy = hardware.choose_precision(options.precision, placement.accelerator_bf16, backend.CPU_BF16_PAYS)
    keras.mixed_precision.set_global_policy(policy)
    try:
        return Pix2Pix(run.generator, options, teacher_config, placement)
    finally:
        # Later models in this process (evaluation, export) run at full precision.
        keras.mixed_precision.set_global_policy("float32")


def teacher_weights(teacher_run: Path) -> Path:
    """The checkpoint `evaluate` picked as the teacher run's best, else its last epoch."""
    run = RunInfo.open(teacher_run)
    best = run.best_checkpoint()
    if best and (run.folder / GENERATORS / best).exists():
        return run.folder / GENERATORS / best
    weights = run.generator_weights()
    if not weights:
        raise UsageError(f"the teacher run {teacher_run} has no finished epoch: train it first")
    return weights[-1]


def starting_generator(source: Path) -> tuple[GeneratorConfig, Path]:
    """The architecture and weights a run fine-tunes from: a training run (its best checkpoint, else its
    last), a theme folder, or the id of a bundled theme."""
    from icanvas_desktop.files.resources import bundled_models_dir
    from icanvas_desktop.themes import ThemeError, load_theme

    source = Path(source)
    if (source / RUN_FILE).exists():
        return RunInfo.open(source).generator, teacher_weights(source)
    folder = source if source.is_dir() else bundled_models_dir() / source.name
    if not (folder / "manifest.json").exists():
        raise UsageError(f"--init-from {source}: not a training run, a theme folder or a bundled theme's id")
    try:
        theme = load_theme(folder)
    except ThemeError as e:
        raise UsageError(f"--init-from {source}: {e}") from e
    if not theme.has_keras_weights:
        raise UsageError(f"--init-from {source}: the theme has no Keras weights "
                         f"({theme.weights_path.name}) to start from")
    return theme.generator_config, theme.weights_path


def _teacher_config(run: RunInfo) -> GeneratorConfig:
    teacher = RunInfo.open(Path(run.options.teacher_run))
    if teacher.generator.image_size != run.generator.image_size:
        raise UsageError(f"the teacher run {teacher.folder} makes {teacher.generator.image_size} px pictures "
                         f"but this run {run.generator.image_size} px: "
                         "use a teacher trained at the same size")
    if not Path(run.options.teacher_weights or "").exists():
        raise UsageError(f"the teacher's weights {run.options.teacher_weights} are gone: "
                         "restore them or start a run without --teacher")
    return teacher.generator


class _TrainingRuntime:
    """The generator being trained, through Keras's compiled predict: op by op, JAX takes a second a
    picture."""

    name = "keras"

    def __init__(self, model):
        self.model = model
        self.input_channels = model.input_shape[-1]

    def __call__(self, sketches: np.ndarray) -> np.ndarray:
        return np.asarray(self.model.predict_on_batch(np.asarray(sketches, np.float32)), np.float32)


def _end_epoch(run, out, keras_generator, dataset, val_items, sample_items, epoch, scalars, state, train_l1):
    from icanvas_desktop.generation import Generator
    from icanvas_desktop.trainer.data.sheets import contact_sheet
    from icanvas_desktop.trainer.evaluation.evaluate import held_out_metrics

    weights = epoch_weights(out, epoch + 1)
    weights.parent.mkdir(exist_ok=True)
    tmp = weights.with_name(f"partial_{weights.name}")  # Keras insists on the .weights.h5 ending
    keras_generator.save_weights(str(tmp))
    tmp.replace(weights)

    generator = Generator(run.generator.image_size, _TrainingRuntime(keras_generator))
    # Mean generator L1 over this epoch's steps (in [-1, 1] units, as trained).
    entry = {"epoch": epoch + 1, "step": state["step"], "weights": weights.name, "train_l1": train_l1}
    if val_items:
        entry.update(held_out_metrics(generator, dataset, val_items[:64], with_swd=False))
        scalars.write(state["step"], {f"val/{name}": entry[name] for name in ("l1", "psnr")})
        log.info("epoch %d: held-out L1 %.4f, PSNR %.2f dB", epoch + 1, entry["l1"], entry["psnr"])
    sketches = [dataset.sketch(i) for i in sample_items]
    fakes = generator.generate_batch(sketches)
    rows = [[s, f, dataset.picture(i)] for s, f, i in zip(sketches, fakes, sample_items)]
    save_png(out / "samples" / f"epoch_{epoch + 1:04d}.png",
             contact_sheet(rows, ["sketch", "generated", "real"]))
    add_to_history(out, entry)
