"""Generator latency (batch 1) and training throughput, seed ResNet-9 and compact U-Net side by side.

    python benchmarks/generator_speed.py [--size 256] [--runs 30] [--train-steps 6] [--precision float32|bf16]

Prints a table; figures depend on the machine, so compare only rows from the same run.
"""

import argparse
import os
import statistics
import time

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")


def latency(config, runs: int, policy: str) -> tuple[float, float, int]:
    import keras
    import numpy as np

    from icanvas_desktop.generation.runtime import KerasRuntime
    from icanvas_desktop.networks import build_generator

    keras.mixed_precision.set_global_policy(policy)
    model = build_generator(config)
    keras.mixed_precision.set_global_policy("float32")
    runtime = KerasRuntime(config, model=model)
    sketch = np.ones((1, config.image_size, config.image_size, 1), np.float32)
    for _ in range(3):
        runtime(sketch)
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        runtime(sketch)
        times.append(time.perf_counter() - start)
    times.sort()
    return statistics.median(times) * 1000, times[max(0, round(0.95 * len(times)) - 1)] * 1000, model.count_params()


def throughput(config, steps: int, batch: int, policy: str) -> float:
    import keras
    import numpy as np
    import tensorflow as tf

    from icanvas_desktop.trainer.train import Pix2Pix, TrainOptions

    keras.mixed_precision.set_global_policy(policy)
    model = Pix2Pix(config, TrainOptions(), tf.distribute.get_strategy())
    keras.mixed_precision.set_global_policy("float32")
    size = config.image_size
    sketch = np.random.default_rng(0).random((batch, size, size, 1), np.float32)
    real = np.random.default_rng(1).random((batch, size, size, 3), np.float32) * 2 - 1
    model.train_step(sketch, real)  # trace
    start = time.perf_counter()
    for _ in range(steps):
        float(model.train_step(sketch, real)["g_l1"])
    return steps * batch / (time.perf_counter() - start)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--size", type=int, default=256)
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--train-steps", type=int, default=6)
    parser.add_argument("--batch", type=int, default=4)
    parser.add_argument("--precision", choices=["float32", "bf16"], default="float32",
                        help="inference precision (the app runs float32)")
    args = parser.parse_args()

    from icanvas_desktop.networks.config import GeneratorConfig
    from icanvas_desktop.trainer.hardware import choose_precision

    train_policy = choose_precision("auto", [])
    infer_policy = "mixed_bfloat16" if args.precision == "bf16" else "float32"
    print(f"{os.cpu_count()} CPU cores; inference {infer_policy}; training {train_policy}, batch {args.batch}")
    print(f"{'generator':<10} {'params':>11} {'p50 ms':>8} {'p95 ms':>8} {'train img/s':>12}")
    rows = {}
    for name in ("seed", "compact"):
        config = GeneratorConfig.from_preset(name, args.size)
        p50, p95, params = latency(config, args.runs, infer_policy)
        rate = throughput(config, args.train_steps, args.batch, train_policy)
        rows[name] = p95
        print(f"{name:<10} {params:>11,} {p50:>8.1f} {p95:>8.1f} {rate:>12.2f}", flush=True)
    print(f"compact p95 is {rows['seed'] / rows['compact']:.1f}x lower than seed")


if __name__ == "__main__":
    main()
