"""Bad input is reported per file with its fix, and the run goes on."""

import logging
from dataclasses import dataclass, field
from pathlib import Path

log = logging.getLogger("icanvas.train")


class UsageError(Exception):
    """Stops the command: the message tells the adult what to change. The CLI exits with status 2."""


@dataclass
class ProblemLog:
    skipped: list[tuple[str, str]] = field(default_factory=list)
    notes: list[tuple[str, str]] = field(default_factory=list)

    def skip(self, path: Path | str, message: str) -> None:
        self.skipped.append((str(path), message))
        log.warning("skipped %s", message)

    def note(self, path: Path | str, message: str) -> None:
        self.notes.append((str(path), message))
        log.info("note: %s", message)

    def to_json(self) -> dict:
        return {
            "skipped": [{"file": p, "reason": m} for p, m in self.skipped],
            "notes": [{"file": p, "note": m} for p, m in self.notes],
        }
