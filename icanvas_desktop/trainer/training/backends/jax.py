"""Training on JAX: one jitted function from (variables, batch) to new variables; data parallel through
`keras.distribution.DataParallel`, so XLA shards the batch and sums the gradients itself."""

import logging
import os
from contextlib import nullcontext

import jax
import keras
import numpy as np

from icanvas_desktop.trainer.training import losses

log = logging.getLogger("icanvas.train")
# XLA's CPU convolutions gain nothing from bf16: the compact U-Net at 128 px, batch 2, trained at 3.3 img/s
# in mixed_bfloat16 and 3.6 in float32 on 2 cores with AMX (TensorFlow's oneDNN kernels do gain).
CPU_BF16_PAYS = False


def _keep_compiled_programs() -> None:
    """XLA compiles every initializer and the step anew in each process (tens of seconds on a CPU, about a
    minute on 2 busy cores); JAX's own on-disk cache makes a second start, or a --resume, take seconds."""
    if jax.config.jax_compilation_cache_dir is None:  # JAX_COMPILATION_CACHE_DIR chooses another folder
        import platformdirs

        jax.config.update("jax_compilation_cache_dir", str(platformdirs.user_cache_path("icanvas") / "jax"))
    jax.config.update("jax_persistent_cache_min_compile_time_secs", 0)


_keep_compiled_programs()
# A run across machines (docs/training_on_gpus.md): before anything computes, every process joins process 0,
# after which jax.devices() lists every machine's devices and DataParallel spans them all.
if os.environ.get("KERAS_DISTRIBUTION_JOB_ADDRESSES"):
    keras.distribution.initialize()


class Placement:
    def __init__(self, batch_size: int):
        devices = jax.devices()  # every host's, once keras.distribution.initialize() has run
        accelerators = [d for d in devices if d.platform != "cpu"]
        self.accelerator_bf16 = _has_bf16(accelerators[0]) if accelerators else None
        self.is_chief = jax.process_index() == 0
        self.distribution = None
        if len(devices) > 1 and batch_size % len(devices) == 0:
            self.distribution = keras.distribution.DataParallel(devices=keras.distribution.list_devices())
            self.devices = devices
        elif jax.process_count() > 1:
            # Every host must train: one device of one host cannot stand in for a run across machines.
            from icanvas_desktop.trainer.problems import UsageError

            raise UsageError(f"--batch-size {batch_size} does not split evenly between the {len(devices)} "
                             f"devices of {jax.process_count()} machines: use a multiple of {len(devices)}")
        else:
            if len(devices) > 1:
                log.warning("training on one of %d devices: --batch-size %d does not split evenly between "
                            "them; use a multiple of %d to train on all", len(devices), batch_size,
                            len(devices))
            self.devices = devices[:1]
        self.replicas = len(self.devices)

    def scope(self):
        """Variables made inside are replicated on every device."""
        return self.distribution.scope() if self.distribution else nullcontext()

    def describe(self) -> str:
        kinds = sorted({d.device_kind for d in self.devices})
        hosts = f" on {jax.process_count()} hosts" if jax.process_count() > 1 else ""
        return f"JAX, {self.replicas} {self.devices[0].platform} device(s) ({', '.join(kinds)}){hosts}"

    def commit(self, tree):
        """Variables' values on the devices they train on (DataParallel has put them there already)."""
        return tree if self.distribution else jax.device_put(tree, self.devices[0])

    def place(self, array: np.ndarray) -> jax.Array:
        """The batch as one array split along its first axis, one slice per device.

        Every host holds the whole batch (the order is the same everywhere), so each device simply takes
        its slice; this works alike on one host and on several.
        """
        if self.distribution is None:
            return jax.device_put(array, self.devices[0])
        sharding = self.distribution.get_data_layout(array.shape).backend_layout
        return jax.make_array_from_callback(array.shape, sharding, lambda index: array[index])


class TrainStep:
    """The D step then the G step as one jitted function over explicit state (keras-io's JAX GAN layout).

    The state lives here between steps; `sync()` writes it into the Keras variables, which the trainer
    does before anything reads them (checkpoints, samples, the epoch's generator).
    """

    def __init__(self, model):
        self.model = model
        G, D = model.generator, model.discriminator
        self._groups = [G.trainable_variables, G.non_trainable_variables, D.trainable_variables,
                        D.non_trainable_variables, model.g_optimizer.variables, model.d_optimizer.variables]
        teacher = model.teacher
        self._teacher_state = (
            None if teacher is None
            else ([v.value for v in teacher.trainable_variables],
                  [v.value for v in teacher.non_trainable_variables])
        )
        self._state = None
        self._jitted = jax.jit(self._step)

    def __call__(self, sketch: np.ndarray, real: np.ndarray) -> dict:
        if self._state is None:
            # Committed to its devices, as the step's results are: jit would otherwise trace it twice.
            self._state = self.model.placement.commit([[v.value for v in group] for group in self._groups])
        place = self.model.placement.place
        self._state, metrics = self._jitted(self._state, self._teacher_state, place(sketch), place(real))
        return metrics

    def sync(self) -> None:
        if self._state is None:
            return
        for group, values in zip(self._groups, self._state):
            for variable, value in zip(group, values):
                variable.assign(value)
        self._state = None

    def _step(self, state, teacher_state, sketch, real):
        g_train, g_rest, d_train, d_rest, g_opt, d_opt = state
        model, options = self.model, self.model.options
        G, D = model.generator, model.discriminator

        def generate(g_train):
            return G.stateless_call(g_train, g_rest, sketch, training=True)

        fake, generator_pullback, g_rest = jax.vjp(generate, g_train, has_aux=True)

        # The discriminator judges the picture against the drawing alone, not the crayons: a picture
        # that ignores a hint is still a fine picture of the drawing; following hints is the L1 term's job.
        lines, taught_input = sketch[..., :1], sketch[..., : model.teacher_channels]

        # The discriminator learns first, on a fake it cannot push back into G ...
        def d_objective(d_train):
            real_scores, rest = D.stateless_call(d_train, d_rest, [lines, real], training=True)
            fake_scores, rest = D.stateless_call(d_train, rest, [lines, jax.lax.stop_gradient(fake)],
                                                 training=True)
            return losses.discriminator_loss(real_scores, fake_scores), rest

        (d_loss, d_rest), d_grads = jax.value_and_grad(d_objective, has_aux=True)(d_train)
        d_train, d_opt = model.d_optimizer.stateless_apply(d_opt, d_grads, d_train)

        taught = None
        if teacher_state is not None:
            taught, _ = model.teacher.stateless_call(*teacher_state, taught_input, training=False)

        # ... then G learns from the updated D. The gradient reaches G's weights through the pull-back of
        # its one forward pass, instead of running G a second time.
        def g_objective(fake):
            fake_scores, rest = D.stateless_call(d_train, d_rest, [lines, fake], training=True)
            real_scores = None
            if options.discriminator == "two_scale":
                real_scores, rest = D.stateless_call(d_train, rest, [lines, real], training=True)
            total, parts = losses.generator_objective(fake_scores, real, fake, taught, options.l1_weight,
                                                      options.distill_weight, real_scores,
                                                      options.feature_weight)
            return total, (parts, rest)

        (_, (parts, d_rest)), fake_grads = jax.value_and_grad(g_objective, has_aux=True)(fake)
        (g_grads,) = generator_pullback(fake_grads)
        g_train, g_opt = model.g_optimizer.stateless_apply(g_opt, g_grads, g_train)
        # Lists, as the state came in: a tuple where a list was would make jit trace the step again.
        new_state = [list(group) for group in (g_train, g_rest, d_train, d_rest, g_opt, d_opt)]
        return new_state, {"d_loss": d_loss, **parts}


def host_array(variable) -> np.ndarray:
    value = variable.value
    if not value.is_fully_addressable:  # replicated over several hosts: this host's copy is the whole value
        value = value.addressable_data(0)
    return np.asarray(value)


def _has_bf16(device) -> bool:
    if device.platform == "tpu":
        return True
    try:  # CUDA devices report e.g. "9.0"; bf16 tensor cores came with 8.0 (Ampere)
        return tuple(int(p) for p in str(device.compute_capability).split(".")) >= (8, 0)
    except (AttributeError, ValueError):
        return False
