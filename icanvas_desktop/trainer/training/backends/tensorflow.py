"""Training on TensorFlow: the step under tf.function with tf.GradientTape; several GPUs through
MirroredStrategy and several machines (TF_CONFIG set) through MultiWorkerMirroredStrategy."""

import json
import logging
import os

import numpy as np
import tensorflow as tf
from keras import ops

from icanvas_desktop.trainer.problems import UsageError
from icanvas_desktop.trainer.training import losses

log = logging.getLogger("icanvas.train")
CPU_BF16_PAYS = True  # oneDNN runs bf16 convolutions on AVX512-BF16 and AMX units


class Placement:
    def __init__(self, batch_size: int):
        # The strategy must come before anything else touches the devices (memory growth included).
        multi_worker = bool(os.environ.get("TF_CONFIG"))
        strategy = tf.distribute.MultiWorkerMirroredStrategy() if multi_worker else None
        gpus = tf.config.list_physical_devices("GPU")
        for gpu in gpus:
            tf.config.experimental.set_memory_growth(gpu, True)
        self.accelerator_bf16 = None
        if gpus:
            capability = tf.config.experimental.get_device_details(gpus[0]).get("compute_capability", (0, 0))
            self.accelerator_bf16 = capability >= (8, 0)
        if strategy is None and len(gpus) > 1:
            strategy = tf.distribute.MirroredStrategy()
        if strategy is not None and batch_size % strategy.num_replicas_in_sync:
            replicas = strategy.num_replicas_in_sync
            if multi_worker:
                raise UsageError(f"--batch-size {batch_size} does not split between the {replicas} "
                                 f"devices of the workers in TF_CONFIG: use a multiple of {replicas}")
            log.warning("training on one of %d GPUs: --batch-size %d does not split evenly between them; "
                        "use a multiple of %d to train on all", replicas, batch_size, replicas)
            strategy = None
        self.strategy = strategy or tf.distribute.get_strategy()
        self.replicas = self.strategy.num_replicas_in_sync
        self.is_chief = _is_chief(self.strategy) if multi_worker else True
        self._gpus = len(gpus)

    def scope(self):
        return self.strategy.scope()

    def describe(self) -> str:
        if isinstance(self.strategy, tf.distribute.MultiWorkerMirroredStrategy):
            return f"TensorFlow, {self.replicas} devices on the workers in TF_CONFIG"
        if self.replicas > 1:
            return f"TensorFlow, {self.replicas} GPUs"
        return f"TensorFlow, {'the GPU' if self._gpus else 'the CPU'}"


class TrainStep:
    def __init__(self, model):
        strategy = model.placement.strategy
        replicas = strategy.num_replicas_in_sync
        G, D, teacher, options = model.generator, model.discriminator, model.teacher, model.options

        def replica_step(sketch, real):
            with tf.GradientTape() as g_tape:
                fake = G(sketch, training=True)
            # D judges against the drawing, not the crayons (backends/jax.py says why).
            lines = sketch[..., :1]
            # The discriminator learns first, on a fake it cannot push back into G ...
            with tf.GradientTape() as d_tape:
                d_loss = losses.discriminator_loss(
                    D([lines, real], training=True), D([lines, tf.stop_gradient(fake)], training=True)
                )
                # Each replica's gradient is summed across replicas: scaled, the sum is the batch mean's.
                d_scaled = d_loss / replicas
            d_grads = d_tape.gradient(d_scaled, D.trainable_variables)
            model.d_optimizer.apply_gradients(zip(d_grads, D.trainable_variables))
            # ... then G learns from the updated D, whose weights stay fixed in this step. The chain rule
            # through `fake` reuses G's forward pass instead of running G a second time.
            with tf.GradientTape() as fake_tape:
                fake_tape.watch(fake)
                taught = (None if teacher is None
                          else teacher(sketch[..., : model.teacher_channels], training=False))
                real_scores = (D([lines, real], training=True) if options.discriminator == "two_scale"
                               else None)
                g_total, parts = losses.generator_objective(D([lines, fake], training=True), real, fake,
                                                            taught, options.l1_weight, options.distill_weight,
                                                            real_scores, options.feature_weight)
                g_scaled = g_total / replicas
            d_fake = fake_tape.gradient(g_scaled, fake)
            g_grads = g_tape.gradient(fake, G.trainable_variables, output_gradients=d_fake)
            model.g_optimizer.apply_gradients(zip(g_grads, G.trainable_variables))
            return {"d_loss": d_loss, **parts}

        @tf.function
        def step(sketch, real):
            per_replica = strategy.run(replica_step, args=(sketch, real))
            return {k: strategy.reduce("MEAN", v, axis=None) for k, v in per_replica.items()}

        self._step = step
        self._strategy, self._replicas = strategy, replicas

    def __call__(self, sketch: np.ndarray, real: np.ndarray) -> dict:
        return self._step(self._split(sketch), self._split(real))

    def sync(self) -> None:
        """The variables are always current on TensorFlow."""

    def _split(self, array: np.ndarray):
        """One slice of the batch per replica; every worker holds the whole batch and takes its own slices."""
        if self._replicas == 1:
            return tf.convert_to_tensor(array)
        share = len(array) // self._replicas

        def slice_for(context):
            start = context.replica_id_in_sync_group * share
            return tf.constant(array[start : start + share])

        return self._strategy.experimental_distribute_values_from_function(slice_for)


def host_array(variable) -> np.ndarray:
    return ops.convert_to_numpy(variable)


def _is_chief(strategy) -> bool:
    resolver = strategy.cluster_resolver
    if resolver.task_type in (None, "chief"):
        return True
    has_chief = "chief" in json.loads(os.environ["TF_CONFIG"]).get("cluster", {})
    return resolver.task_type == "worker" and resolver.task_id == 0 and not has_chief
