"""What the benchmarks share: the figures they print from a list of timings (not a benchmark itself)."""

import statistics


def percentiles(times: list[float]) -> tuple[float, float]:
    """p50 and p95, in ms, of times in seconds."""
    times = sorted(times)
    return statistics.median(times) * 1000, times[max(0, round(0.95 * len(times)) - 1)] * 1000
