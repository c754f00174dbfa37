#!/usr/bin/env bash
# Build one OpenMoji theme of scripts/themes/openmoji_themes.json (stickers, animals, food, vehicles, space,
# garden, faces, toys) end to end: fetch OpenMoji, render the theme's line art and colourings as pairs, prepare
# them, train, evaluate on the human drawings in tests/data/drawings/ID, export into models/. Pictures and runs
# stay in $WORK, outside git.
#
#   bash scripts/themes/build_openmoji_theme.sh stickers   # the base, first
#   bash scripts/themes/build_openmoji_theme.sh space
#
# stickers is the base, trained from scratch (generator v2) on every usable OpenMoji, each OpenMoji group drawn
# as often as any other (render_openmoji.py --by-group, train --balance-folders) so that its many yellow faces do
# not make everything yellow, and then every main colour as often as any other (train --balance-colours),
# as the groups alone still made everything yellow. Every other theme is fine-tuned from BASE: a run folder, a
# theme folder or a bundled theme's id (default: this work folder's stickers run at 128 px, else the bundled
# stickers); a theme with no 128 px stage starts from BASE256 (default: the stickers run at 256 px, else the
# bundled stickers).
# Running it again resumes training where it stopped. The images seen in each stage and the 256 px stage's
# learning rate are the theme's in openmoji_themes.json (what the shipped theme saw); IMAGES128 and IMAGES256
# override them. TRAIN_ARGS adds options to a new run's `icanvas-train train` (e.g. "--ema 0.995"). PAIRS uses
# pairs rendered before (render_openmoji.py's folder) if its SOURCE.json has the theme's selection.
# CHECKPOINT exports another checkpoint than the theme's "checkpoint" in openmoji_themes.json, or where it has
# none, than the one `evaluate` chooses.
# OPENMOJI is the unpacked npm package (default $WORK/openmoji/package, fetched with `npm pack` when missing).
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
id=${1:?theme id: stickers, animals, food, vehicles, space, garden, faces or toys}
work=${WORK:-$HOME/icanvas-work/openmoji-themes}
venv="$repo/.venv/bin"
train=${ICANVAS_TRAIN:-$([ -x "$venv/icanvas-train" ] && echo "$venv/icanvas-train" || echo icanvas-train)}
python=${PYTHON:-$([ -x "$venv/python" ] && echo "$venv/python" || echo python)}  # needs PySide6 to render
config="$repo/scripts/themes/openmoji_themes.json"
drawings="$repo/tests/data/drawings/$id"
out=${OUT:-$repo/models}

field() {  # field PATH [DEFAULT]: a field of this theme in openmoji_themes.json (dotted path; lists
  # comma-joined); DEFAULT where it is missing, which is an error without one
  "$python" -c 'import json, sys
doc = json.load(open(sys.argv[1], encoding="utf-8"))
if sys.argv[2] not in doc["themes"]:
    sys.exit("unknown theme %r: one of %s" % (sys.argv[2], ", ".join(doc["themes"])))
value = doc if sys.argv[3].startswith("/") else doc["themes"][sys.argv[2]]
for key in sys.argv[3].strip("/").split("."):
    if key not in value and len(sys.argv) > 4:
        value = sys.argv[4]
        break
    value = value[key]
print(",".join(value) if isinstance(value, list) else value)' "$config" "$id" "$@"
}
name_en=$(field names.en); name_ko=$(field names.ko)
what_en=$(field what.en); what_ko=$(field what.ko)
images_128=$(field training.images_128); images_256=$(field training.images_256)
lr_256=$(field training.lr_256); variants=$(field training.variants); preview=$(field preview)
checkpoint=${CHECKPOINT:-$(field checkpoint best)}  # the theme's own choice where evaluate's would not do
version=$(field /openmoji.version); attribution=$(field /openmoji.attribution)
[ -d "$drawings" ] || { echo "no human drawings in $drawings" >&2; exit 2; }
[ -f "$repo/scripts/themes/${id}_prompts.json" ] || { echo "no scripts/themes/${id}_prompts.json" >&2; exit 2; }

base=${BASE:-$([ -f "$work/run_stickers_128/run.json" ] && echo "$work/run_stickers_128" || echo stickers)}
[ -e "$base" ] && base=$(cd "$base" && pwd)  # a folder: absolute, as the work folder becomes the current one
base_256=${BASE256:-$([ -f "$work/run_stickers_256/run.json" ] && echo "$work/run_stickers_256" || echo stickers)}
[ -e "$base_256" ] && base_256=$(cd "$base_256" && pwd)
openmoji=${OPENMOJI:-$work/openmoji/package}
[ -e "$openmoji" ] && openmoji=$(cd "$openmoji" && pwd)
[ -n "${PAIRS:-}" ] && PAIRS=$(cd "$PAIRS" && pwd)

mkdir -p "$work" && cd "$work"
if [ ! -f "$openmoji/data/openmoji.json" ]; then
  mkdir -p "$(dirname "$openmoji")"
  (cd "$(dirname "$openmoji")" && npm pack "openmoji@$version" && tar xzf "openmoji-$version.tgz")
fi
got=$("$python" -c 'import json, sys; print(json.load(open(sys.argv[1]))["version"])' "$openmoji/package.json")
[ "$got" = "$version" ] || echo "note: OpenMoji $got in $openmoji; openmoji_themes.json counted $version" >&2

# Render the pairs (into a temporary folder first, so that an interrupted render is done again).
pairs=${PAIRS:-$work/pairs_$id}
if [ ! -f "$pairs/SOURCE.json" ]; then
  rm -rf "$pairs.part"
  "$python" "$repo/scripts/themes/render_openmoji.py" --openmoji "$openmoji" --out "$pairs.part" --size 256 \
    $([ "$id" = stickers ] && echo --by-group) \
    --groups "$(field openmoji.groups)" --subgroups "$(field openmoji.subgroups)" \
    --codes "$(field openmoji.codes)" --exclude "$(field openmoji.exclude)"
  mv "$pairs.part" "$pairs"
fi
"$python" -c 'import json, sys
want = json.load(open(sys.argv[1], encoding="utf-8"))["themes"][sys.argv[2]]["openmoji"]
got = json.load(open(sys.argv[3], encoding="utf-8"))["selection"]
got = {k: [] if got.get(k) in (None, "all") else sorted(got[k]) for k in want}
if got != {k: sorted(v) for k, v in want.items()}:
    sys.exit(f"{sys.argv[3]} holds another selection than the theme {sys.argv[2]}: {got}")' \
  "$config" "$id" "$pairs/SOURCE.json"
count=$("$python" -c 'import json, sys; print(json.load(open(sys.argv[1]))["count"])' "$pairs/SOURCE.json")

# Train in two stages, most images at 128 px and then 256 px from them (docs/themes/README.md): the base
# from scratch with every OpenMoji group drawn equally often, every other theme from the base. Each stage
# resumes where it stopped.
epochs_for() {  # epochs_for PREPARED IMAGES: epochs that show IMAGES training pictures
  "$python" -c 'import json, math, sys
items = json.load(open(sys.argv[1]))["items"]
print(math.ceil(int(sys.argv[2]) / max(1, sum(i["split"] == "train" for i in items))))' "$1/dataset.json" "$2"
}
stage() {  # [NAME=suffix] stage SIZE IMAGES [train options for a new run...]
  local size=$1 images=$2 prepared="prepared_${id}_$1"
  run="run_${id}_$size${NAME:-}"
  shift 2
  [ -f "$prepared/dataset.json" ] || "$train" prepare --pairs "$pairs/sketches" "$pairs/pictures" --out "$prepared" \
    --size "$size" --variants "$variants"
  local epochs
  epochs=$(epochs_for "$prepared" "$images")
  if [ -f "$run/run.json" ]; then
    "$train" train --run "$run" --resume --epochs "$epochs"
  else
    # shellcheck disable=SC2086  # TRAIN_ARGS is a list of options
    "$train" train --data "$prepared" --run "$run" --epochs "$epochs" "$@" ${TRAIN_ARGS:-}
  fi
}
if [ "$id" = stickers ]; then
  stage 128 "${IMAGES128:-$images_128}" --generator compact2 --balance-folders --checkpoint-every 1000
  stage 256 "${IMAGES256:-$images_256}" --init-from "run_${id}_128" --balance-folders --lr "$lr_256"
  # Then every main colour as often as any other: with the groups balanced it still painted everything
  # yellow (docs/themes/README.md).
  NAME=_colours stage 256 "$(field training.images_colours)" --init-from "run_${id}_256" --balance-colours \
    --lr "$(field training.lr_colours)"
elif [ "${IMAGES128:-$images_128}" = 0 ]; then
  # Space and vehicles: a stage of its own at 128 px washed the base's colours out into cream and olive (or
  # grey), a short one at 256 px from the base's 256 px run, at a low learning rate, kept them
  # (docs/themes/README.md).
  stage 256 "${IMAGES256:-$images_256}" --init-from "$base_256" --lr "$lr_256"
else
  stage 128 "${IMAGES128:-$images_128}" --init-from "$base" --checkpoint-every 1000
  stage 256 "${IMAGES256:-$images_256}" --init-from "run_${id}_128" --lr "$lr_256"
fi
"$train" evaluate --run "$run" --drawings "$drawings"

from="OpenMoji $version (https://openmoji.org, npm openmoji@$version)"
"$train" export --run "$run" --id "$id" --name-en "$name_en" --name-ko "$name_ko" \
  --source "$from: $count of its artists' line drawings with their colourings ($what_en). $attribution" \
  --license "CC BY-SA 4.0 (Creative Commons Attribution-ShareAlike 4.0 International, https://creativecommons.org/licenses/by-sa/4.0/)" \
  --source-ko "OpenMoji $version(https://openmoji.org)의 작가들이 그린 선 그림과 그 색칠 그림 ${count}쌍($what_ko). 모든 이모지는 오픈 소스 이모지·아이콘 프로젝트 OpenMoji가 디자인했어요. 라이선스: CC BY-SA 4.0 ($attribution)" \
  --license-ko "CC BY-SA 4.0 (크리에이티브 커먼즈 저작자표시-동일조건변경허락 4.0 국제, https://creativecommons.org/licenses/by-sa/4.0/deed.ko)" \
  --checkpoint "$checkpoint" --look clean \
  --prompts "$repo/scripts/themes/${id}_prompts.json" \
  --preview-sketch "$([ -f "$drawings/$preview" ] && echo "$drawings/$preview" || echo "$repo/scripts/themes/previews/$preview")" \
  --out "$out" --force
