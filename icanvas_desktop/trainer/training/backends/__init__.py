"""What training does differently on each Keras backend: devices, gradients, compilation.

Everything else in the trainer (networks, losses, data, checkpoints, logs) is plain Keras 3 and NumPy.
Each backend module offers the same three things, as keras-io's GAN examples override `train_step` once
per backend:

- `Placement(batch_size)`: the devices a run trains on, with `scope()` (build the networks and
  optimizers inside it), `replicas`, `is_chief` (the one worker that writes files), `describe()` and
  `accelerator_bf16` (None without an accelerator, else whether it has bf16 units);
- `TrainStep(model)`: called with a batch of sketches and pictures, it does one discriminator step then
  one generator step and returns the step's losses; `sync()` leaves its state in the Keras variables;
- `host_array(variable)`: the variable's value as a NumPy array, on any worker;
- `CPU_BF16_PAYS`: whether its CPU kernels run faster in bf16 where the CPU has bf16 units.
"""

from types import ModuleType

SUPPORTED = ("tensorflow", "jax")


def current() -> ModuleType:
    """The module for the backend Keras was started with (KERAS_BACKEND)."""
    import keras

    name = keras.backend.backend()
    if name == "tensorflow":
        from icanvas_desktop.trainer.training.backends import tensorflow as module
    elif name == "jax":
        from icanvas_desktop.trainer.training.backends import jax as module
    else:
        from icanvas_desktop.trainer.problems import UsageError

        raise UsageError(f"icanvas-train cannot train on the Keras backend {name!r}: "
                         f"set KERAS_BACKEND to one of {', '.join(SUPPORTED)}")
    return module
