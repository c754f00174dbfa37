#!/usr/bin/env bash
# On a machine with a network: fill WHEELS with everything scripts/train_on_gpu.sh installs on a GPU
# machine that has none, then copy WHEELS there (docs/training_on_gpus.md).
#
#   bash scripts/fetch_gpu_wheels.sh WHEELS [PYTHON_VERSION] [ARCH]
#
# PYTHON_VERSION is the GPU machine's (`python3 --version`, default 3.11), ARCH its `uname -m` (default
# x86_64). Wheels with compiled code (h5py, optree, pillow, rpds-py, scikit-image) are fetched for that
# Python and a manylinux platform; the rest are pure Python.
set -euo pipefail
if [ $# -lt 1 ]; then sed -n 2,10p "$0"; exit 2; fi
wheels=$1 python_version=${2:-3.11} arch=${3:-x86_64}
root=$(cd "$(dirname "$0")/.." && pwd)
pip=${PIP:-pip}
mkdir -p "$wheels"
platforms=()
for tag in manylinux2014 manylinux_2_17 manylinux_2_28 manylinux_2_34; do platforms+=(--platform "${tag}_${arch}"); done
"$pip" download --dest "$wheels" --only-binary=:all: --python-version "$python_version" "${platforms[@]}" \
    -r "$root/scripts/gpu_requirements.txt"
"$pip" download --dest "$wheels" --no-deps --only-binary=:all: "tensorboard>=2.18"
# Built from a copy, so the build leaves nothing in the working tree.
source=$(mktemp -d)
trap 'rm -rf "$source"' EXIT
cp -r "$root/pyproject.toml" "$root/README.md" "$root/icanvas_desktop" "$source/"
"$pip" wheel --no-deps --wheel-dir "$wheels" "$source"
cp "$root/scripts/gpu_requirements.txt" "$root/scripts/train_on_gpu.sh" "$wheels/"
echo "$wheels: $(ls "$wheels" | wc -l) files, $(du -sh "$wheels" | cut -f1); copy it to the GPU machine"
