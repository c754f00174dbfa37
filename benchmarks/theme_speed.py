"""Latency of every bundled theme in the app's inference mode, against the seed's ResNet-9 in the same run.

    python benchmarks/theme_speed.py [--runs 40] [--themes stickers,food]
    python benchmarks/theme_speed.py --quick   # one theme, 3 runs, LiteRT only: checks it still runs

The app runs each theme's float32 .tflite on LiteRT (Keras where LiteRT is missing), batch 1, 256×256,
fed as the theme reads it: the sketch alone, or the sketch and the four crayon channels.
The seed generator (ResNet-9, ngf 64, random weights: speed does not depend on them) is measured in the
same process, float32, through both runtimes, and each theme's p95 is divided by the seed's p95 on the
same runtime. Peak memory is the process's maximum resident size with all themes loaded on LiteRT and
run, as in the app, before TensorFlow is imported for the Keras rows.
"""

import argparse
import os
import resource
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
sys.path.insert(0, str(Path(__file__).resolve().parent))

from generator_speed import latency, litert_runtime


def peak_rss_mb() -> float:
    kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux, bytes on macOS
    return kib / 1024 / (1024 if sys.platform == "darwin" else 1)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=40)
    parser.add_argument("--themes", help="comma-separated theme ids (default: every bundled theme)")
    parser.add_argument("--quick", action="store_true",
                        help="the first theme, 3 runs, LiteRT only, no seed: checks the script works")
    args = parser.parse_args()
    if args.quick:
        args.runs = 3

    from icanvas_desktop.files.resources import bundled_models_dir
    from icanvas_desktop.generation import load_generator
    from icanvas_desktop.themes.discovery import discover_themes

    themes, problems = discover_themes([bundled_models_dir()])
    for problem in problems:
        print(f"skipped: {problem}")
    if args.themes:
        wanted = args.themes.split(",")
        unknown = sorted(set(wanted) - {theme.id for theme in themes})
        if unknown:
            parser.error(f"no bundled theme {', '.join(unknown)}")
        themes = [theme for theme in themes if theme.id in wanted]
    if args.quick:
        themes = themes[:1]
    rows = []
    peak = None
    # LiteRT first, as the app runs: the peak memory is read before TensorFlow is even imported.
    for runtime in ("litert",) if args.quick else ("litert", "keras"):
        generators = [(theme, load_generator(theme, runtime)) for theme in themes]
        for theme, generator in generators:
            p50, p95 = latency(generator.runtime, theme.input_size, args.runs)
            rows.append((theme.id, runtime, p50, p95, theme.tflite_path.stat().st_size / 1e6))
        if peak is None:
            peak = peak_rss_mb()

    if args.quick:
        for theme_id, runtime, p50, p95, mb in rows:
            print(f"{theme_id:<10} {runtime:<8} p50 {p50:.1f} ms, p95 {p95:.1f} ms, {mb:.1f} MB")
        return

    import keras

    from icanvas_desktop.generation.runtime import KerasRuntime
    from icanvas_desktop.networks import build_generator
    from icanvas_desktop.networks.config import GeneratorConfig

    keras.mixed_precision.set_global_policy("float32")
    seed_config = GeneratorConfig.from_preset("seed", 256)
    seed = KerasRuntime(seed_config, model=build_generator(seed_config))
    seed_p95 = {"keras": latency(seed, 256, max(10, args.runs // 4))[1]}
    with tempfile.TemporaryDirectory() as folder:
        seed_p95["litert"] = latency(litert_runtime(seed, Path(folder)), 256, max(10, args.runs // 4))[1]

    print(f"{os.cpu_count()} CPU cores, float32, batch 1, 256x256; app runtime: litert")
    print(f"seed ResNet-9 p95: keras {seed_p95['keras']:.0f} ms, litert {seed_p95['litert']:.0f} ms")
    print(f"{'theme':<10} {'runtime':<8} {'p50 ms':>8} {'p95 ms':>8} {'x seed':>8} {'tflite MB':>10}")
    for theme_id, runtime, p50, p95, mb in rows:
        times_seed = seed_p95[runtime] / p95
        print(f"{theme_id:<10} {runtime:<8} {p50:>8.1f} {p95:>8.1f} {times_seed:>8.1f} {mb:>10.1f}")
    worst = min(seed_p95[runtime] / p95 for _, runtime, _, p95, _ in rows)
    print(f"lowest ratio to the seed: {worst:.1f}x")
    print(f"peak memory with all {len(themes)} themes loaded on LiteRT and run once: {peak:.0f} MB")


if __name__ == "__main__":
    main()
