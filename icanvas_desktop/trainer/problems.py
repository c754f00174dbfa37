"""Bad input is reported per file with its fix, and the run goes on."""

import json
import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

log = logging.getLogger("icanvas.train")


class UsageError(Exception):
    """Stops the command: the message tells the adult what to change. The CLI exits with status 2."""


def read_json(path: Path, fix: str) -> Any:
    """The JSON in `path`, one of the trainer's own files; a damaged one (a disk that filled up, a hand
    edit) stops the command with its name and `fix`. A missing file raises FileNotFoundError, which each
    caller words for itself."""
    try:
        return json.loads(Path(path).read_text("utf-8"))
    except (json.JSONDecodeError, UnicodeDecodeError) as e:
        raise UsageError(f"{path} is damaged ({e}): {fix}") from e


@dataclass
class ProblemLog:
    skipped: list[tuple[str, str]] = field(default_factory=list)
    notes: list[tuple[str, str]] = field(default_factory=list)

    def skip(self, path: Path | str, message: str) -> None:
        self.skipped.append((printable(str(path)), printable(message)))
        log.warning("skipped %s", printable(message))

    def note(self, path: Path | str, message: str) -> None:
        self.notes.append((printable(str(path)), printable(message)))
        log.info("note: %s", printable(message))

    def to_json(self) -> dict:
        return {
            "skipped": [{"file": p, "reason": m} for p, m in self.skipped],
            "notes": [{"file": p, "note": m} for p, m in self.notes],
        }


def printable(text: str) -> str:
    """`text` with the undecodable bytes of a file name (CP949 names from unzip) shown as \\xNN escapes, so
    that it can be written as UTF-8 (dataset.json, the terminal); unchanged when it holds none."""
    try:
        raw = text.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:  # a lone surrogate that no file name decoding makes
        return text.encode("utf-8", "backslashreplace").decode("utf-8")
    return raw.decode("utf-8", "backslashreplace")
