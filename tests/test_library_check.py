"""packaging/linux/check_libraries.sh: a library that is neither bundled nor declared fails the build."""

import shutil
import subprocess
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SCRIPT = REPO / "packaging" / "linux" / "check_libraries.sh"
DECLARED = REPO / "packaging" / "linux" / "system-libraries.txt"
# A small system library that links to libxcb.so.1, standing in for Qt's X11 platform plugin.
PLUGIN = Path("/lib/x86_64-linux-gnu/libxcb-shm.so.0")

pytestmark = pytest.mark.skipif(not (shutil.which("ldd") and PLUGIN.is_file()), reason="needs ldd and libxcb")


def _bundle(tmp_path) -> Path:
    bundle = tmp_path / "icanvas"
    plugins = bundle / "_internal" / "PySide6" / "Qt" / "plugins" / "platforms"
    plugins.mkdir(parents=True)
    shutil.copy(PLUGIN, plugins / "libqfake.so")
    # What the real bundle carries (libXau, libXdmcp, ...) goes into the fake one too; the rest it declares.
    declared = {line.split()[0] for line in DECLARED.read_text().splitlines() if line and line[0] != "#"}
    links = subprocess.run(["ldd", str(PLUGIN)], capture_output=True, text=True, check=True).stdout
    for line in links.splitlines():
        soname, _, path = line.strip().partition(" => ")
        if path and soname not in declared:
            shutil.copy(path.split(" (")[0], bundle / "_internal" / soname)
    return bundle


def _check(bundle: Path, libraries: Path) -> subprocess.CompletedProcess:
    return subprocess.run(["bash", str(SCRIPT), str(bundle), str(libraries)], capture_output=True, text=True,
                          check=False)


def test_a_plugin_whose_libraries_are_declared_passes(tmp_path):
    result = _check(_bundle(tmp_path), DECLARED)
    assert result.returncode == 0, result.stderr
    assert "(1 Qt plugins), each library bundled or declared" in result.stdout


def test_a_library_neither_bundled_nor_declared_fails_and_is_named(tmp_path):
    libraries = tmp_path / "libraries.txt"
    libraries.write_text("".join(line + "\n" for line in DECLARED.read_text().splitlines()
                                 if not line.startswith("libxcb.so.1 ")))
    result = _check(_bundle(tmp_path), libraries)
    assert result.returncode == 1
    assert "platforms/libqfake.so needs libxcb.so.1" in result.stderr


def test_a_declared_library_from_another_package_fails(tmp_path):
    if not shutil.which("dpkg"):
        pytest.skip("needs dpkg")
    libraries = tmp_path / "libraries.txt"
    libraries.write_text(DECLARED.read_text().replace("libxcb.so.1 libxcb1", "libxcb.so.1 libfoo"))
    result = _check(_bundle(tmp_path), libraries)
    assert result.returncode == 1 and "not libfoo" in result.stderr
