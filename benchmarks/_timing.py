"""What the benchmarks share: a timed call, and the figures they print from a list of timings (not a benchmark
itself)."""

import statistics
import time


def percentiles(times: list[float]) -> tuple[float, float]:
    """p50 and p95, in ms, of times in seconds."""
    times = sorted(times)
    return statistics.median(times) * 1000, times[max(0, round(0.95 * len(times)) - 1)] * 1000


def timed(work, times: list[float]):
    """work()'s result, its wall-clock time in seconds added to `times`."""
    started = time.perf_counter()
    result = work()
    times.append(time.perf_counter() - started)
    return result


def print_table(times: dict[str, list[float]]) -> None:
    """One line of p50 and p95 (ms) for each named list of timings, under a header."""
    width = max(30, *(len(name) for name in times))
    print(f"{'':<{width}} {'p50 ms':>7} {'p95 ms':>7}")
    for name, taken in times.items():
        p50, p95 = percentiles(taken)
        print(f"{name:<{width}} {p50:>7.2f} {p95:>7.2f}")
