"""How many pictures `prepare` works on at once: one process per core, as many as the free memory holds."""

import os
from concurrent.futures import ProcessPoolExecutor

# 480 MiB for an 8000 px APNG, 660 MiB for a 6000 px animated WebP (benchmarks/prepare_memory.py; 1.7 to
# 2.7 GiB before pictures were reduced as they were decoded), with room to spare.
WORKER_BYTES = 2**30


def default_workers() -> int:
    """One per core, but no more than the memory that is free now holds at WORKER_BYTES each."""
    cores = os.cpu_count() or 1
    free = _available_memory()
    return max(1, min(cores, free // WORKER_BYTES)) if free is not None else cores


def _available_memory() -> int | None:
    try:
        with open("/proc/meminfo") as meminfo:  # Linux: free memory plus what the page cache would give back
            for line in meminfo:
                if line.startswith("MemAvailable:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    try:
        return os.sysconf("SC_AVPHYS_PAGES") * os.sysconf("SC_PAGE_SIZE")
    except (AttributeError, ValueError, OSError):  # Windows has no sysconf
        return None


def worker_pool(workers: int):
    """A pool of `workers` processes, or for one worker the calls made in this process (no start-up cost,
    and a traceback that points at the picture)."""
    return ProcessPoolExecutor(max_workers=workers) if workers > 1 else _InlineExecutor()


class _InlineExecutor:
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False

    def map(self, fn, iterable, chunksize=1):
        return map(fn, iterable)
