"""The README's bundle figures are written by scripts/readme_figures.py from the build's own report."""

import importlib.util
from datetime import date
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
spec = importlib.util.spec_from_file_location("readme_figures", ROOT / "scripts" / "readme_figures.py")
readme_figures = importlib.util.module_from_spec(spec)
spec.loader.exec_module(readme_figures)

REPORT = {"build_s": 61.4, "bundle_mb": 248, "themes": 9, "tarball_mb": 124, "self_test_s": 4.2,
          "first_picture_s": 0.41}


def test_the_readme_has_one_span_of_figures_the_script_can_rewrite():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    rewritten = readme_figures.rewrite(readme, REPORT, date(2026, 12, 7))
    assert ("248 MB with the 9 themes (124 MB packed), the first picture 0.4 s after start, a clean build in "
            "61 s (measured by `packaging/build_linux.sh` on 2026-12-07, 2 cores)") in rewritten
    assert readme_figures.rewrite(rewritten, REPORT, date(2026, 12, 7)) == rewritten  # only that span


def test_a_readme_without_the_span_is_refused():
    with pytest.raises(ValueError, match="exactly one"):
        readme_figures.rewrite("no figures here", REPORT, date(2026, 12, 7))
