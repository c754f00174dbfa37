"""Generator latency (batch 1, Keras and LiteRT) and training throughput, seed ResNet-9 and compact U-Net.

    python benchmarks/generator_speed.py [--size 256] [--runs 30] [--train-steps 6] [--precision float32|bf16]
    python benchmarks/generator_speed.py --quick   # 128 px, 3 runs, 1 training step: checks it still runs

Prints a table; figures depend on the machine, so compare only rows from the same run.
"""

import argparse
import os
import statistics
import tempfile
import time
from pathlib import Path

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")


def keras_runtime(config, policy: str):
    import keras

    from icanvas_desktop.generation.runtime import KerasRuntime
    from icanvas_desktop.networks import build_generator

    keras.mixed_precision.set_global_policy(policy)
    model = build_generator(config)
    keras.mixed_precision.set_global_policy("float32")
    return KerasRuntime(config, model=model)


def litert_runtime(keras, folder: Path):
    """The same network as the app's packaged build runs it: converted to .tflite, on LiteRT."""
    from icanvas_desktop.generation.litert import LiteRTRuntime
    from icanvas_desktop.trainer.packaging.tflite import convert

    path = folder / "generator.tflite"
    path.write_bytes(convert(keras))
    return LiteRTRuntime(path)


def latency(runtime, size: int, runs: int) -> tuple[float, float]:
    """p50 and p95 in ms of one picture, fed as the runtime reads it: the sketch alone, or with crayons."""
    import numpy as np

    sketch = np.ones((1, size, size, runtime.input_channels), np.float32)
    for _ in range(3):
        runtime(sketch)
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        runtime(sketch)
        times.append(time.perf_counter() - start)
    times.sort()
    return statistics.median(times) * 1000, times[max(0, round(0.95 * len(times)) - 1)] * 1000


def throughput(config, steps: int, batch: int, policy: str) -> float:
    from train_speed import training_rate

    return training_rate(config, steps, batch, policy)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--size", type=int, default=256)
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--train-steps", type=int, default=6)
    parser.add_argument("--batch", type=int, default=4)
    parser.add_argument("--precision", choices=["float32", "bf16"], default="float32",
                        help="inference precision (the app runs float32)")
    parser.add_argument("--quick", action="store_true", help="a few tiny runs, to check the script works")
    args = parser.parse_args()
    if args.quick:
        args.size, args.runs, args.train_steps, args.batch = 128, 3, 1, 1

    from icanvas_desktop.networks.config import GeneratorConfig
    from icanvas_desktop.trainer.training.hardware import choose_precision

    train_policy = choose_precision("auto", None)
    infer_policy = "mixed_bfloat16" if args.precision == "bf16" else "float32"
    print(f"{os.cpu_count()} CPU cores; inference {infer_policy}; "
          f"training {train_policy}, batch {args.batch}")
    print(f"{'generator':<10} {'runtime':<8} {'params':>11} {'p50 ms':>8} {'p95 ms':>8} {'train img/s':>12}")
    rows = {}
    for name in ("seed", "compact"):
        config = GeneratorConfig.from_preset(name, args.size)
        keras = keras_runtime(config, infer_policy)
        params = keras.model.count_params()
        p50, p95 = latency(keras, args.size, args.runs)
        rate = throughput(config, args.train_steps, args.batch, train_policy)
        rows[name] = p95
        print(f"{name:<10} {'keras':<8} {params:>11,} {p50:>8.1f} {p95:>8.1f} {rate:>12.2f}", flush=True)
        if infer_policy == "float32":  # the .tflite is float32 whatever the Keras policy
            with tempfile.TemporaryDirectory() as folder:
                p50, p95 = latency(litert_runtime(keras, Path(folder)), args.size, args.runs)
            print(f"{name:<10} {'litert':<8} {params:>11,} {p50:>8.1f} {p95:>8.1f} {'':>12}", flush=True)
    print(f"compact keras p95 is {rows['seed'] / rows['compact']:.1f}x lower than seed")


if __name__ == "__main__":
    main()
