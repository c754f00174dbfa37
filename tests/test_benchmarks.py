"""Every script in benchmarks/ still runs: `--help` answers without measuring anything, and `--quick` runs the
whole script on a bundled theme in a few seconds and prints its figures (the benchmarks rotted before: one
crashed on 8 of 9 themes, one ran its whole measurement for `--help`)."""

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
# A name starting with _ is code the benchmarks share, not one of them.
SCRIPTS = sorted(p for p in (ROOT / "benchmarks").glob("*.py") if not p.name.startswith("_"))


def _run(script: Path, *args: str, timeout: float) -> subprocess.CompletedProcess:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "TF_CPP_MIN_LOG_LEVEL": "3",
           "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))}
    return subprocess.run([sys.executable, str(script), *args], cwd=ROOT, env=env, capture_output=True,
                          text=True, timeout=timeout, check=False)


def test_there_are_benchmarks():
    assert len(SCRIPTS) >= 6


@pytest.mark.parametrize("script", SCRIPTS, ids=lambda path: path.stem)
def test_help_answers_without_measuring(script):
    started = time.perf_counter()
    done = _run(script, "--help", timeout=60)
    assert done.returncode == 0, done.stderr
    assert "--quick" in done.stdout
    # Importing NumPy and the package is all --help may cost; a measurement takes far longer.
    assert time.perf_counter() - started < 20


@pytest.mark.slow
@pytest.mark.parametrize("script", SCRIPTS, ids=lambda path: path.stem)
def test_quick_mode_runs_and_prints_figures(script):
    done = _run(script, "--quick", timeout=300)
    assert done.returncode == 0, f"{script.name} --quick failed:\n{done.stdout}\n{done.stderr}"
    assert any(character.isdigit() for character in done.stdout), done.stdout
    assert "Traceback" not in done.stderr, done.stderr
