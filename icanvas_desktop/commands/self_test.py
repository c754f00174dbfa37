"""`icanvas --self-test`: does this installation turn a drawing into a picture with every theme it finds?

For an adult setting up a lab computer or checking a packaged build. Runs headless and without Qt, frozen
or not. Anything the app or a library would write goes to a temporary folder, so the check leaves no trace
in anyone's data.
"""

import contextlib
import os
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import TextIO

import numpy as np
from PIL import Image

from icanvas_desktop.files import paths
from icanvas_desktop.files.samples import sample_sketches
from icanvas_desktop.generation import load_generator
from icanvas_desktop.look import Look
from icanvas_desktop.settings.system import load_system_settings, system_settings_path
from icanvas_desktop.themes import Theme
from icanvas_desktop.themes.discovery import discover_themes, theme_folders


def run_self_test(out: TextIO = sys.stdout) -> int:
    """Print one line per theme; 0 when every theme gave a proper picture, else 1."""
    age = process_age()
    process_start = None if age is None else time.perf_counter() - age
    folders = theme_folders()  # the real ones, found before the data folder is redirected
    for folder in folders:
        print(f"theme folder: {folder}{'' if folder.is_dir() else ' (none)'}", file=out)
    system, system_path = load_system_settings(), system_settings_path()
    system_state = system.problem or ("fine" if system_path.exists() else "none")
    print(f"administrator settings: {system_path} ({system_state})", file=out)
    with _scratch_folders():
        themes, problems = discover_themes(folders)
        failures = len(problems)
        for problem in problems:
            print(f"FAIL {problem}", file=out)
        if not themes:
            print("FAIL no theme found: the installation is incomplete", file=out)
            return 1
        sketch = sample_sketches()[0]
        pictures_at = [_check_theme(theme, sketch, out) for theme in themes]
        failures += pictures_at.count(None)
    print(f"{len(themes) + len(problems) - failures} of {len(themes) + len(problems)} themes fine", file=out)
    first_picture_at = min((at for at in pictures_at if at is not None), default=None)
    if process_start is not None and first_picture_at is not None:
        print(f"first picture {first_picture_at - process_start:.2f} s after the process started", file=out)
    return 1 if failures else 0


def process_age() -> float | None:
    """Seconds since this process started, Python's (or the frozen bundle's) start-up included; Linux only."""
    try:
        stat = Path("/proc/self/stat").read_text()
        uptime = float(Path("/proc/uptime").read_text().split()[0])
    except OSError:
        return None
    start_ticks = int(stat.rsplit(")", 1)[1].split()[19])  # field 22, counted after the command name
    return uptime - start_ticks / os.sysconf("SC_CLK_TCK")


@contextlib.contextmanager
def _scratch_folders() -> Iterator[None]:
    # Keras writes a config file into its home on first import; our own data folder could gain files too.
    names = (paths.DATA_DIR_ENV, "KERAS_HOME")
    saved = {name: os.environ.get(name) for name in names}
    with tempfile.TemporaryDirectory(prefix="icanvas-self-test-") as scratch:
        os.environ.update({name: os.path.join(scratch, name.lower()) for name in names})
        try:
            yield
        finally:
            for name, value in saved.items():
                if value is None:
                    os.environ.pop(name, None)
                else:
                    os.environ[name] = value


def _check_theme(theme: Theme, sketch: Image.Image, out: TextIO) -> float | None:
    """When the theme's first picture was ready (`time.perf_counter()`), or None if the theme failed."""
    try:
        start = time.perf_counter()
        generator = load_generator(theme)
        loaded = time.perf_counter()
        generator.generate(sketch)  # the first picture includes one-off set-up
        first = time.perf_counter()
        picture = generator.generate(sketch)
        latency = time.perf_counter() - first
    except Exception as e:  # noqa: BLE001 - any failure of any theme is a finding to print, not a reason to stop
        print(f"FAIL {theme.id}: {type(e).__name__}: {e}", file=out)
        return None
    # The check is of what the generator and its runtime make, before the theme's look: a theme that keeps
    # an apple white in its clean look (toys: no toy is an apple) is no broken installation.
    painted = picture if theme.look is Look.PAINTED else generator.generate(sketch, Look.PAINTED)
    problem = picture_problem(painted)
    print(f"{'FAIL' if problem else 'ok  '} {theme.id:<16} {generator.runtime.name:<7} "
          f"load {loaded - start:.2f} s, first picture {first - loaded:.2f} s, "
          f"picture {latency * 1000:.0f} ms{f': {problem}' if problem else ''}", file=out)
    return None if problem else first


def picture_problem(picture: Image.Image) -> str | None:
    """Why the picture is not what a child should get from a drawing, or None."""
    hsv = np.asarray(picture.convert("HSV"), np.float32)
    if hsv[..., 2].std() <= 10:
        return "the picture is blank"
    if (hsv[..., 1] > 60).mean() <= 0.05:
        return "the picture has almost no colour"
    return None
