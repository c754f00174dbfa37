#!/usr/bin/env bash
# Train a theme on a GPU machine that has Python and JAX with CUDA, and neither TensorFlow nor a network.
#
#   bash train_on_gpu.sh WHEELS PREPARED.tar.gz OUT MINUTES [more 'icanvas-train train' options]
#
# WHEELS    the folder scripts/fetch_gpu_wheels.sh filled on a machine with a network (this script is in it)
# PREPARED  a folder 'icanvas-train prepare' wrote, packed: tar -czf animals.tar.gz -C prepared animals
# OUT       gets data/, run/ (checkpoints, samples, generators, logs), env/ and JAX's cache; when PYTHON
#           is a virtual environment's, the trainer is installed into it instead of env/
# MINUTES   how long to train; the checkpoint is saved when the time is up. The same command again
#           trains MINUTES more (it resumes). Options after MINUTES go to 'icanvas-train train' for a new
#           run, e.g. --generator seed --batch-size 8 (a multiple of the GPU count uses every GPU).
#
# Then bring OUT/run and OUT/data back (side by side, as here) and export on a normal machine:
#   icanvas-train export --run OUT/run --id animals --name-en Animals --name-ko 동물 --source ... --license ...
set -euo pipefail
if [ $# -lt 4 ]; then sed -n 2,17p "$0"; exit 2; fi
wheels=$(realpath "$1") archive=$(realpath "$2") out=$3 minutes=$4
shift 4
python=${PYTHON:-python3}
fail() { echo "error: $*" >&2; exit 2; }
"$python" -c "import jax" 2>/dev/null || fail "$python cannot import jax: install JAX with CUDA here (pip install 'jax[cuda12]'), or name another Python with PYTHON=..."
ls "$wheels"/icanvas_desktop-*.whl >/dev/null 2>&1 || fail "$wheels holds no icanvas_desktop wheel: fill it with scripts/fetch_gpu_wheels.sh"
mkdir -p "$out"
out=$(realpath "$out")

if "$python" -c "import sys; sys.exit(sys.prefix == sys.base_prefix)"; then
    trainer=$python  # JAX lives in a virtual environment: the trainer joins it there
else
    trainer=$out/env/bin/python
    if [ ! -f "$out/env/complete" ]; then  # a venv cannot be moved once made, so it is marked when done
        rm -rf "$out/env"
        # --system-site-packages: the environment sees this machine's JAX and its CUDA libraries.
        "$python" -m venv --system-site-packages "$out/env"
    fi
fi
if [ ! -f "$out/env/complete" ]; then
    install=("$trainer" -m pip install --quiet --no-index --find-links "$wheels")
    "${install[@]}" -r "$wheels/gpu_requirements.txt"
    "${install[@]}" --no-deps tensorboard "$wheels"/icanvas_desktop-*.whl
    mkdir -p "$out/env" && touch "$out/env/complete"
fi
if [ ! -f "$out/data/dataset.json" ]; then
    rm -rf "$out/data.partial" && mkdir "$out/data.partial"
    tar -xzf "$archive" -C "$out/data.partial"
    index=$(find "$out/data.partial" -name dataset.json -print -quit)
    [ -n "$index" ] || fail "$archive holds no dataset.json: pack the folder 'icanvas-train prepare' wrote"
    mv "$(dirname "$index")" "$out/data"
    rm -rf "$out/data.partial"
fi

export KERAS_BACKEND=jax JAX_COMPILATION_CACHE_DIR="$out/jax-cache"
if [ -f "$out/run/run.json" ]; then
    args=(--resume)
else
    args=(--data "$out/data" --epochs 100000)  # the time limit ends it; --epochs in the options overrides
fi
"$trainer" -c "import jax; print('training on', jax.devices())"
status=0
# SIGINT is a Ctrl+C to the trainer: it saves its checkpoint and stops.
timeout --signal=INT --kill-after=300 "${minutes}m" "$trainer" -m icanvas_desktop.trainer.cli train --run "$out/run" \
    "${args[@]}" "$@" || status=$?
case $status in
    0|124|130) ;;
    *) echo "icanvas-train stopped with status $status; the last checkpoint is in $out/run" >&2; exit "$status" ;;
esac
echo "done: bring back $out/run and $out/data (side by side) and export there:"
echo "  icanvas-train export --run $(basename "$out")/run --id ID --name-en ... --name-ko ... --source ... --license ..."
