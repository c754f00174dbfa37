#!/usr/bin/env bash
# Rebuild one bundled clip-art theme (animals, vehicles, food, garden) from Debian's openclipart-png,
# end to end: download, select, prepare, train, evaluate, export. Pictures and runs stay in $WORK.
#
#   WORK=/tmp/icanvas-clipart bash scripts/themes/build_clipart_theme.sh animals
#
# Running it again resumes training where it stopped; EPOCHS overrides the theme's epoch count.
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
id=${1:?theme id: animals, vehicles, food or garden}
work=${WORK:-/tmp/icanvas-clipart}
train=${ICANVAS_TRAIN:-icanvas-train}
python=${PYTHON:-python}

case "$id" in
  animals)  topics=(animals);  name_en="Animals";  name_ko="동물";   epochs=15; preview=cat ;;
  vehicles) topics=('transportation/*.png' transportation/vehicles transportation/boating)
            name_en="Vehicles"; name_ko="탈것";  epochs=50; preview=chevrolet ;;
  food)     topics=(food);     name_en="Yummy food"; name_ko="맛있는 음식"; epochs=15; preview=pear ;;
  garden)   topics=(plants);   name_en="Garden"; name_ko="정원";   epochs=45; preview=flower2 ;;
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
"$train" prepare "pictures_$id" --out "prepared_$id" --size 256
if [ -f "run_$id/run.json" ]; then
  "$train" train --run "run_$id" --resume --epochs "$epochs"
else
  "$train" train --data "prepared_$id" --run "run_$id" --generator compact --epochs "$epochs"
fi
"$train" evaluate --run "run_$id" --drawings "$drawings"
count=$(find "pictures_$id" -name '*.png' | wc -l)
"$train" export --run "run_$id" --id "$id" --name-en "$name_en" --name-ko "$name_ko" \
  --source "Open Clip Art Library (Debian package openclipart-png $version), $count colour pictures from ${topics[*]}" \
  --license "Public domain (Creative Commons Public Domain Dedication)" \
  --prompts "$repo/scripts/themes/${id}_prompts.json" \
  --preview-sketch "$(ls "$drawings"/*"$preview"*.png | head -1)" \
  --out "$repo/models" --force
