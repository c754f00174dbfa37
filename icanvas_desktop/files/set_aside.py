"""Keeping a broken file out of the way instead of deleting it, so a person can still recover it."""

import os
from datetime import UTC, datetime
from pathlib import Path


def set_aside(path: Path, label: str = "corrupt", companions: tuple[str, ...] = ()) -> Path:
    """Rename `path` to `<name>.<label>-<UTC timestamp>` beside it and return the new path.

    `companions` are suffixes of files that belong to it (SQLite's "-wal", "-shm"); each one present
    is renamed to the new name plus the same suffix, so the set stays together and out of the way.
    """
    path = Path(path)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    target = path.with_name(f"{path.name}.{label}-{stamp}")
    n = 1
    while target.exists():
        n += 1
        target = path.with_name(f"{path.name}.{label}-{stamp}-{n}")
    os.replace(path, target)
    for suffix in companions:
        companion = path.with_name(path.name + suffix)
        if companion.exists():
            os.replace(companion, target.with_name(target.name + suffix))
    return target
