"""docs/architecture.md stays true: every module it names is there and imports."""

import importlib
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "icanvas_desktop"
DOC = ROOT / "docs" / "architecture.md"
# Where a name the page gives relative to a part of the package is looked for: the package itself, the
# trainer (its section names paths from there), and the trainer's data folder (its pictures → sketches line).
BASES = (PACKAGE, PACKAGE / "trainer", PACKAGE / "trainer" / "data")


def named_modules() -> list[str]:
    return sorted(set(re.findall(r"`((?:[\w]+/)*\w+\.py)`", DOC.read_text(encoding="utf-8"))))


def where(name: str) -> Path | None:
    for base in (*BASES, ROOT):
        if (base / name).is_file():
            return base / name
    return None


def test_the_page_names_modules_at_all():
    assert len(named_modules()) > 60


@pytest.mark.parametrize("name", named_modules())
def test_every_module_the_page_names_is_there_and_imports(name):
    path = where(name)
    assert path is not None, f"docs/architecture.md names {name}, which is not in the package"
    if path.is_relative_to(PACKAGE):
        module = ".".join(path.relative_to(ROOT).with_suffix("").parts)
        importlib.import_module(module)
