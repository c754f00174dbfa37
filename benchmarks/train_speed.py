"""Training throughput (img/s) of the seed ResNet-9 and the compact U-Net on every installed Keras backend.

    python benchmarks/train_speed.py [--size 256] [--steps 6] [--batch 4] [--precision auto|float32|bf16]
                                     [--backends tensorflow,jax]
    python benchmarks/train_speed.py --quick   # 128 px, 1 step, TensorFlow only: checks the script works

Each backend runs in its own Python (Keras picks its backend once per process) on the devices it finds:
the GPUs when there are any, else the CPU. The time of the first steps (tracing and compiling) is left
out; it is printed apart. Figures depend on the machine, so compare only rows from the same run.
"""

import argparse
import importlib.util
import json
import os
import subprocess
import sys
import time
from pathlib import Path

BACKENDS = ("tensorflow", "jax")


def training_rate(config, steps: int, batch: int, policy: str, warmup: int = 2) -> float:
    """Images per second of the trainer's own step (D step then G step) on the current backend."""
    import keras
    import numpy as np

    from icanvas_desktop.trainer.run import TrainOptions
    from icanvas_desktop.trainer.training.train import Pix2Pix

    keras.mixed_precision.set_global_policy(policy)
    try:
        model = Pix2Pix(config, TrainOptions(batch_size=batch))
    finally:
        keras.mixed_precision.set_global_policy("float32")
    size = config.image_size
    sketch = np.random.default_rng(0).random((batch, size, size, 1), np.float32)
    real = np.random.default_rng(1).random((batch, size, size, 3), np.float32) * 2 - 1
    for _ in range(warmup):
        float(model.train_step(sketch, real)["g_l1"])
    start = time.perf_counter()
    for _ in range(steps):
        float(model.train_step(sketch, real)["g_l1"])
    return steps * batch / (time.perf_counter() - start)


def _measure(args) -> None:
    """In the child: one JSON line per generator."""
    from icanvas_desktop.networks.config import GeneratorConfig
    from icanvas_desktop.trainer.training import hardware
    from icanvas_desktop.trainer.training.backends import current

    backend = current()
    placement = backend.Placement(args.batch)
    policy = hardware.choose_precision(args.precision, placement.accelerator_bf16, backend.CPU_BF16_PAYS)
    for name in ("seed", "compact"):
        config = GeneratorConfig.from_preset(name, args.size)
        started = time.perf_counter()
        rate = training_rate(config, args.steps, args.batch, policy)
        total = time.perf_counter() - started
        print(json.dumps({"generator": name, "rate": rate, "devices": placement.describe(), "policy": policy,
                          "start_s": total - args.steps * args.batch / rate}), flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--size", type=int, default=256)
    parser.add_argument("--steps", type=int, default=6)
    parser.add_argument("--batch", type=int, default=4)
    parser.add_argument("--precision", choices=["auto", "float32", "bf16"], default="auto")
    parser.add_argument("--backends", default=",".join(BACKENDS),
                        help="comma-separated Keras backends to measure, in this order")
    parser.add_argument("--quick", action="store_true",
                        help="128 px, batch 1, 1 step, TensorFlow only: checks the script works")
    parser.add_argument("--backend", help=argparse.SUPPRESS)  # the child's
    args = parser.parse_args()
    if args.quick:
        args.size, args.steps, args.batch, args.backends = 128, 1, 1, "tensorflow"
    if args.backend:
        _measure(args)
        return

    root = Path(__file__).resolve().parents[1]
    print(f"{os.cpu_count()} CPU cores; batch {args.batch} at {args.size} px; "
          f"{args.steps} timed steps after 2")
    print(f"{'backend':<11} {'generator':<9} {'img/s':>8} {'start s':>8}  devices, precision")
    failed = False
    for backend in args.backends.split(","):
        if backend not in BACKENDS:
            parser.error(f"unknown backend {backend!r}: one of {', '.join(BACKENDS)}")
        if importlib.util.find_spec(backend) is None:
            print(f"{backend:<11} (not installed)")
            continue
        env = {**os.environ, "KERAS_BACKEND": backend, "TF_CPP_MIN_LOG_LEVEL": "3"}
        command = [sys.executable, __file__, "--backend", backend, "--size", str(args.size),
                   "--steps", str(args.steps), "--batch", str(args.batch), "--precision", args.precision]
        child = subprocess.run(command, env=env, cwd=root, capture_output=True, text=True, check=False)
        rows = [json.loads(line) for line in child.stdout.splitlines() if line.startswith("{")]
        for row in rows:
            print(f"{backend:<11} {row['generator']:<9} {row['rate']:>8.2f} {row['start_s']:>8.1f}  "
                  f"{row['devices']}, {row['policy']}", flush=True)
        if child.returncode:
            failed = True
            print(f"{backend:<11} failed: {child.stderr.strip().splitlines()[-1:]}")
    if failed:
        sys.exit(1)


if __name__ == "__main__":
    main()
