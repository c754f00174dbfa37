#!/usr/bin/env bash
# Build the standard (CPU) Linux bundle, prove it works frozen, and pack it.
#
#   bash packaging/build_linux.sh        # uses .venv; installs PyInstaller there if missing
#
# Prints the build time, the bundle size and the frozen self-test (one line per theme); writes
# dist/build_report.json and dist/icanvas-<version>-linux-<arch>.tar.gz, which runs from any folder.
set -euo pipefail
cd "$(dirname "$0")/.."
py=${PYTHON:-.venv/bin/python}
"$py" -m PyInstaller --version >/dev/null 2>&1 || "$py" -m pip install -q "pyinstaller>=6.10"

start=$(date +%s.%N)
"$py" -m PyInstaller --noconfirm --log-level WARN build.spec
build_s=$("$py" -c "import time; print(time.time() - $start)")

bundle=dist/icanvas
cp packaging/icanvas.desktop packaging/install-desktop-entry.sh "$bundle/"
cp resources/icons/app.png "$bundle/icanvas.png"

start=$(date +%s.%N)
QT_QPA_PLATFORM=offscreen "$bundle/icanvas" --self-test | tee dist/self_test.txt
selftest_s=$("$py" -c "import time; print(time.time() - $start)")

size_mb=$(du -sm "$bundle" | cut -f1)
version=$("$py" -c "from importlib.metadata import version; print(version('icanvas-desktop'))")
tarball="dist/icanvas-$version-linux-$(uname -m).tar.gz"
tar -C dist -czf "$tarball" icanvas
tar_mb=$(du -m "$tarball" | cut -f1)

printf '{"build_s": %.1f, "bundle_mb": %d, "tarball_mb": %d, "self_test_s": %.2f}\n' \
  "$build_s" "$size_mb" "$tar_mb" "$selftest_s" | tee dist/build_report.json
if [ "$size_mb" -gt 300 ]; then
  echo "the bundle is $size_mb MB, over the 300 MB goal: check build.spec's excludes" >&2
  exit 1
fi
