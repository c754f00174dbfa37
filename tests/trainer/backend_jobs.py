"""Training jobs that a test runs on a chosen Keras backend: in the test process when Keras there runs
on it, else in a fresh Python (Keras picks its backend once per process, from KERAS_BACKEND).

A job on JAX runs with TensorFlow made unimportable, as on a GPU machine that has only JAX.
"""

import atexit
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

TESTS = Path(__file__).resolve().parents[1]
TINY = {"generator": "unet", "generator_settings": {"ngf": 8, "depth": 3, "dropout": 0.0},
        "precision": "float32"}
_CHILD = """
import json, sys
sys.path.insert(0, {tests!r})
class NoTensorFlow:
    def find_spec(self, name, path=None, target=None):
        if name.partition(".")[0] == "tensorflow":
            raise ModuleNotFoundError("No module named 'tensorflow' (hidden by the test)", name=name)

if {block_tf}:
    sys.meta_path.insert(0, NoTensorFlow())  # an import of TensorFlow fails, as where it is not installed
from trainer import backend_jobs
result = getattr(backend_jobs, {name!r})(*json.loads(sys.argv[1]))
assert not {block_tf} or "tensorflow" not in sys.modules
print("RESULT " + json.dumps(result))
"""
_cache = None


def environment(backend: str, devices: int | None = None) -> dict[str, str]:
    """The environment of a training process on `backend`, on `devices` simulated CPU devices (JAX)."""
    global _cache
    if _cache is None:
        # One XLA cache for the whole test session: each JAX process after the first compiles nothing.
        _cache = tempfile.mkdtemp(prefix="icanvas-jax-cache-")
        atexit.register(shutil.rmtree, _cache, True)
    env = {**os.environ, "KERAS_BACKEND": backend, "JAX_COMPILATION_CACHE_DIR": _cache,
           "TF_CPP_MIN_LOG_LEVEL": "3"}
    env.pop("XLA_FLAGS", None)
    if devices:
        env["XLA_FLAGS"] = f"--xla_force_host_platform_device_count={devices}"
    return env


def run_job(backend: str, name: str, *args, devices: int | None = None, timeout: float = 300):
    """The result of `name(*args)` (JSON-able both ways) run on `backend`."""
    import keras

    args = [str(a) if isinstance(a, Path) else a for a in args]
    if devices is None and keras.backend.backend() == backend:
        return json.loads(json.dumps(globals()[name](*args)))
    code = _CHILD.format(tests=str(TESTS), block_tf=backend != "tensorflow", name=name)
    done = subprocess.run([sys.executable, "-c", code, json.dumps(args)], env=environment(backend, devices),
                          check=False, capture_output=True, text=True, timeout=timeout)
    results = [line for line in done.stdout.splitlines() if line.startswith("RESULT ")]
    assert done.returncode == 0 and results, (
        f"{name} on {backend} failed:\n{done.stdout[-3000:]}\n{done.stderr[-5000:]}")
    return json.loads(results[-1][len("RESULT "):])


# The jobs.

def train_run(
    run_dir: str, data: str | None = None, options: dict | None = None, max_steps: int | None = None
):
    """Start a run (when `data` is given) or resume it, up to `max_steps`; the training state it ends at."""
    from icanvas_desktop.trainer.run import RunInfo, TrainOptions, start_run
    from icanvas_desktop.trainer.training.train import train

    if data is not None:
        run = start_run(Path(run_dir), Path(data), TrainOptions(**{**TINY, **(options or {})}), 32)
    else:
        run = RunInfo.open(Path(run_dir))
    run.options.max_steps = max_steps
    return train(run, show_progress=False)


def tiny_finished_run(root: str, epochs: int):
    from trainer.synthetic import train_tiny_run

    return str(train_tiny_run(Path(root), epochs).folder)


def on_all_devices_then_one(root: str, data: str, options: dict):
    """The same run on every JAX device, then on the first alone, recording which device holds which rows
    of each batch the step is given; each run's logged losses."""
    import jax

    from icanvas_desktop.trainer.training.backends import jax as jax_backend

    shards, place, devices = [], jax_backend.Placement.place, jax.devices

    def watching(placement, array):
        placed = place(placement, array)
        shards.append(sorted([str(s.device), s.data.shape[0]] for s in placed.addressable_shards))
        return placed

    jax_backend.Placement.place = watching
    train_run(f"{root}/all", data, options)
    jax_backend.jax.devices = lambda: devices()[:1]
    try:
        train_run(f"{root}/one", data, options)
    finally:
        jax_backend.jax.devices = devices
    return {"devices": [str(d) for d in devices()], "shards": shards}


def mirrored_then_one_device_losses():
    """Three steps with MirroredStrategy over two logical CPUs, then the same on the default strategy."""
    import keras
    import numpy as np
    import tensorflow as tf

    cpu = tf.config.list_physical_devices("CPU")[0]
    tf.config.set_logical_device_configuration(cpu, [tf.config.LogicalDeviceConfiguration()] * 2)

    from icanvas_desktop.networks.config import GeneratorConfig
    from icanvas_desktop.trainer.run import TrainOptions
    from icanvas_desktop.trainer.training.backends import tensorflow as tensorflow_backend
    from icanvas_desktop.trainer.training.train import Pix2Pix

    config = GeneratorConfig.from_preset("unet", 32, ngf=8, depth=3, dropout=0.0)
    rng = np.random.default_rng(0)
    batches = [(rng.random((4, 32, 32, 1), np.float32), rng.random((4, 32, 32, 3), np.float32) * 2 - 1)
               for _ in range(3)]

    def losses(strategy):
        keras.utils.set_random_seed(0)
        placement = tensorflow_backend.Placement(4)
        placement.strategy, placement.replicas = strategy, strategy.num_replicas_in_sync
        model = Pix2Pix(config, TrainOptions(batch_size=4), None, placement)
        return [{k: float(v) for k, v in model.train_step(s, r).items()} for s, r in batches]

    return [losses(tf.distribute.MirroredStrategy(["/cpu:0", "/cpu:1"])),
            losses(tf.distribute.get_strategy())]


def placement_on_two_hosts(batch_size: int) -> str:
    """What the JAX placement says to a batch that does not split, on what looks like one of two machines."""
    import jax

    from icanvas_desktop.trainer.problems import UsageError
    from icanvas_desktop.trainer.training.backends import jax as jax_backend

    jax.process_count = lambda: 2
    try:
        jax_backend.Placement(batch_size)
    except UsageError as e:
        return str(e)
    return "accepted"
