#!/usr/bin/env bash
# Rebuild one bundled clip-art theme (animals, vehicles, food, garden) from Debian's openclipart-png,
# end to end: download, select, prepare, train, evaluate, export. Pictures and runs stay in $WORK.
#
#   WORK=/tmp/icanvas-clipart bash scripts/themes/build_clipart_theme.sh animals
#
# Running it again resumes training where it stopped; EPOCHS128 and EPOCHS override the epochs at 128 and
# 256 px. `evaluate` picks the checkpoint; the shipped animals took epoch 7 of its settling stage instead,
# for its clean-look figures, and then epoch 7 of a last stage from it at lr 5e-5
# (CHECKPOINT=epoch_0007.weights.h5 for both; the last stage here starts from the settling run's best).
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
id=${1:?theme id: animals, vehicles, food or garden}
work=${WORK:-/tmp/icanvas-clipart}
train=${ICANVAS_TRAIN:-icanvas-train}
python=${PYTHON:-python}

case "$id" in
  animals)  topics=(animals);  name_en="Animals";  name_ko="동물";   epochs128=10; epochs=10; settle=7
            finish=7; preview=cat ;;
  vehicles) topics=('transportation/*.png' transportation/vehicles transportation/boating)
            name_en="Vehicles"; name_ko="탈것";  epochs128=20; epochs=20; settle=5; preview=chevrolet
            look=painted ;;  # its clean colours are pale (docs/themes/README.md)
  food)     topics=(food);     name_en="Yummy food"; name_ko="맛있는 음식"; epochs128=10; epochs=10; settle=5
            preview=pear ;;
  garden)   topics=(plants);   name_en="Garden"; name_ko="정원";   epochs128=28; epochs=28; settle=0
            preview=flower2 ;;
  *) echo "unknown theme '$id'" >&2; exit 2 ;;
esac
epochs=${EPOCHS:-$epochs}
drawings="$repo/tests/data/drawings/$id"

mkdir -p "$work" && cd "$work"
if [ ! -d clipart/usr/share/openclipart/png ]; then
  apt-get download openclipart-png
  dpkg -x openclipart-png_*.deb clipart
fi
version=$(dpkg-deb -f openclipart-png_*.deb Version 2>/dev/null || echo unknown)
[ -d "pictures_$id" ] || "$python" "$repo/scripts/themes/select_clipart.py" clipart/usr/share/openclipart/png \
  "pictures_$id" "${topics[@]}" --exclude "$drawings"
# Generator v2 (docs/themes/generator-v2.md): most epochs at 128 px, then 256 px from them; a last stage at
# a lower learning rate settles the colours. Each stage resumes where it stopped.
stage() {  # stage NAME SIZE EPOCHS [train options for a new run...]
  local run="run_${id}_$1" size=$2 stage_epochs=$3
  shift 3
  "$train" prepare "pictures_$id" --out "prepared_${id}_$size" --size "$size"
  if [ -f "$run/run.json" ]; then
    "$train" train --run "$run" --resume --epochs "$stage_epochs"
  else
    "$train" train --data "prepared_${id}_$size" --run "$run" --discriminator two_scale --epochs "$stage_epochs" "$@"
  fi
}
stage 128 128 "${EPOCHS128:-$epochs128}" --generator compact2
stage 256 256 "$epochs" --init-from "run_${id}_128"
run="run_${id}_256"
if [ "$settle" -gt 0 ]; then
  stage settle 256 "$settle" --init-from "run_${id}_256" --lr 2e-4
  run="run_${id}_settle"
fi
if [ "${finish:-0}" -gt 0 ]; then
  # A little more at a quarter of that rate: the animals' colour variety swings from epoch to epoch, and the
  # seventh gave each animal more of its own colour (clean variety 27 -> 34, docs/themes/README.md).
  "$train" evaluate --run "$run" --drawings "$drawings"
  stage finish 256 "$finish" --init-from "$run" --lr 5e-5
  run="run_${id}_finish"
fi
"$train" evaluate --run "$run" --drawings "$drawings"
count=$(find "pictures_$id" -name '*.png' | wc -l)
"$train" export --run "$run" --id "$id" --name-en "$name_en" --name-ko "$name_ko" \
  --source "Open Clip Art Library (Debian package openclipart-png $version), $count colour pictures from ${topics[*]}" \
  --license "Public domain (Creative Commons Public Domain Dedication)" \
  --source-ko "Open Clip Art Library (데비안 패키지 openclipart-png $version)의 ${name_ko} 컬러 그림 ${count}장" \
  --license-ko "퍼블릭 도메인 (Creative Commons Public Domain Dedication)" \
  --checkpoint "${CHECKPOINT:-best}" --look "${look:-clean}" \
  --prompts "$repo/scripts/themes/${id}_prompts.json" \
  --preview-sketch "$(ls "$drawings"/*"$preview"*.png | head -1)" \
  --out "$repo/models" --force
