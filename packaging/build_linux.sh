#!/usr/bin/env bash
# Build the standard (CPU) Linux bundle, prove it works frozen, and pack it.
#
#   bash packaging/build_linux.sh        # uses .venv (PYTHON=... for another); installs the "package" extra there
#
# Checks, each failing the build: the frozen self-test makes a proper picture with every bundled theme; the
# window opens (offscreen) and runs for a few seconds without an error; both again from a read-only copy of
# the bundle run by an ordinary user, as in a school lab. Writes dist/build_report.json (times and sizes)
# and dist/icanvas-<version>-linux-<arch>.tar.gz, which runs from any folder.
set -euo pipefail
cd "$(dirname "$0")/.."
py=${PYTHON:-.venv/bin/python}
max_mb=300
"$py" -m PyInstaller --version >/dev/null 2>&1 || "$py" -m pip install -q -e ".[package]"
now() { date +%s.%N; }
since() { "$py" -c "import sys, time; print(f'{time.time() - float(sys.argv[1]):.1f}')" "$1"; }

start=$(now)
"$py" -m PyInstaller --noconfirm --log-level WARN build.spec
build_s=$(since "$start")

bundle=dist/icanvas
cp packaging/icanvas.desktop packaging/install-desktop-entry.sh "$bundle/"
cp resources/icons/app.png "$bundle/icanvas.png"

scratch=$(mktemp -d)
trap 'chmod -R u+w "$scratch"; rm -rf "$scratch"' EXIT
chmod 755 "$scratch"
# Only the bundled themes count: a theme in this user's folder is no part of the build. The installed app
# reads the administrator's folders wherever it runs (ICANVAS_SYSTEM_DIR does not move them in a frozen
# release build), so a computer with iCanvas set up system-wide would change what the checks see.
export QT_QPA_PLATFORM=offscreen ICANVAS_DATA_DIR="$scratch/data"
for admin in /etc/xdg/iCanvas/system_settings.json /usr/share/icanvas/themes/*/; do
  if [ -e "$admin" ]; then
    echo "$admin exists: the frozen checks would read it; build where iCanvas is not set up system-wide" >&2
    exit 1
  fi
done

themes=$(ls models/*/manifest.json | wc -l)
start=$(now)
"$bundle/icanvas" --self-test | tee dist/self_test.txt
selftest_s=$(since "$start")
grep -q "^$themes of $themes themes fine$" dist/self_test.txt || {
  echo "the frozen self-test did not find all $themes bundled themes fine" >&2; exit 1; }
first_picture_s=$(sed -n 's/^first picture \([0-9.]*\) s after the process started$/\1/p' dist/self_test.txt)

# The window: started offscreen and stopped by `timeout` after a few seconds. It must have logged that its
# event loop runs, and neither exited before (status other than 124) nor printed a Python traceback.
gui_check() {
  local status=0
  "$@" >"$scratch/gui.log" 2>&1 || status=$?
  if [ "$status" -ne 124 ] || ! grep -q "window open" "$scratch/gui.log" || grep -q Traceback "$scratch/gui.log"; then
    cat "$scratch/gui.log" >&2
    echo "the frozen app's window did not keep running (exit status $status)" >&2
    exit 1
  fi
}
gui_check timeout 8 "$bundle/icanvas"
echo "window opened and ran for 8 s: $(grep -o "window open.*" "$scratch/gui.log")"

# A lab installs the folder read-only. Root writes anywhere, so there the copy runs as nobody.
cp -a "$bundle" "$scratch/readonly"
chmod -R a-w "$scratch/readonly"
mkdir -m 777 "$scratch/home"
as_user=()
[ "$(id -u)" -eq 0 ] && as_user=(setpriv --reuid=nobody --regid=nogroup --clear-groups)
user_env=(env HOME="$scratch/home" ICANVAS_DATA_DIR="$scratch/home/data" XDG_RUNTIME_DIR="$scratch/home")
"${as_user[@]}" "${user_env[@]}" "$scratch/readonly/icanvas" --self-test >"$scratch/readonly.txt" || {
  cat "$scratch/readonly.txt" >&2; echo "the self-test failed from a read-only copy of the bundle" >&2; exit 1; }
gui_check timeout 8 "${as_user[@]}" "${user_env[@]}" "$scratch/readonly/icanvas"
echo "read-only copy: self-test and window fine"

size_mb=$(du -sm "$bundle" | cut -f1)
version=$("$py" -c "from importlib.metadata import version; print(version('icanvas-desktop'))")
tarball="dist/icanvas-$version-linux-$(uname -m).tar.gz"
tar -C dist -czf "$tarball" icanvas
tar_mb=$(du -m "$tarball" | cut -f1)

printf '{"build_s": %s, "bundle_mb": %d, "themes": %d, "tarball_mb": %d, "self_test_s": %s, "first_picture_s": %s}\n' \
  "$build_s" "$size_mb" "$themes" "$tar_mb" "$selftest_s" "${first_picture_s:-null}" | tee dist/build_report.json
if [ "$size_mb" -gt "$max_mb" ]; then
  echo "the bundle is $size_mb MB, over the $max_mb MB goal: see docs/packaging.md for what takes the space" >&2
  exit 1
fi
