#!/usr/bin/env bash
# Build one OpenMoji theme of scripts/themes/openmoji_themes.json (stickers, animals, food, vehicles, space,
# garden, faces, toys) end to end: fetch OpenMoji, render the theme's line art and colourings as pairs, prepare
# them, train, evaluate on the human drawings in tests/data/drawings/ID, export into models/. Pictures and runs
# stay in $WORK, outside git.
#
#   OPENMOJI=~/icanvas-work/openmoji/package BASE=~/icanvas-work/runs/stickers256 \
#     bash scripts/themes/build_openmoji_theme.sh space
#
# stickers is the base: trained from scratch (generator v2) unless BASE is a run folder, which is then taken as
# the stickers run and only evaluated and exported (trained on too if EPOCHS is given). Every other theme is
# fine-tuned from BASE: a run folder, a theme folder or a bundled theme's id (default: the bundled stickers).
# Running it again resumes training where it stopped. EPOCHS overrides the epoch count (default: enough for the
# images_seen of openmoji_themes.json, 10,000 for a theme and 30,000 for the base); TRAIN_ARGS adds options to a
# new run's `icanvas-train train` (e.g. "--ema 0.995"). PAIRS uses pairs rendered before (render_openmoji.py's
# folder, e.g. ~/icanvas-work/openmoji-pairs-256 for stickers) if its SOURCE.json has the theme's selection.
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

field() {  # a field of this theme in openmoji_themes.json (dotted path; lists comma-joined)
  "$python" -c 'import json, sys
doc = json.load(open(sys.argv[1], encoding="utf-8"))
if sys.argv[2] not in doc["themes"]:
    sys.exit("unknown theme %r: one of %s" % (sys.argv[2], ", ".join(doc["themes"])))
value = doc if sys.argv[3].startswith("/") else doc["themes"][sys.argv[2]]
for key in sys.argv[3].strip("/").split("."):
    value = value[key]
print(",".join(value) if isinstance(value, list) else value)' "$config" "$id" "$1"
}
name_en=$(field names.en); name_ko=$(field names.ko)
what_en=$(field what.en); what_ko=$(field what.ko)
images_seen=$(field images_seen); preview=$(field preview)
version=$(field /openmoji.version); attribution=$(field /openmoji.attribution)
[ -d "$drawings" ] || { echo "no human drawings in $drawings" >&2; exit 2; }
[ -f "$repo/scripts/themes/${id}_prompts.json" ] || { echo "no scripts/themes/${id}_prompts.json" >&2; exit 2; }

base=${BASE:-stickers}
[ -e "$base" ] && base=$(cd "$base" && pwd)  # a folder: absolute, as the work folder becomes the current one
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

# Train: the base from scratch (or the run given as BASE), every other theme from the base.
run="$work/run_$id"
trained=yes
if [ "$id" = stickers ] && [ -f "$base/run.json" ]; then
  run=$base
  [ -n "${EPOCHS:-}" ] || trained=no
fi
if [ "$trained" = yes ] && [ "$run" != "$base" ]; then
  "$train" prepare --pairs "$pairs/sketches" "$pairs/pictures" --out "prepared_$id" --size 256
  epochs=${EPOCHS:-$("$python" -c 'import json, math, sys
items = json.load(open(sys.argv[1]))["items"]
print(math.ceil(int(sys.argv[2]) / max(1, sum(i["split"] == "train" for i in items))))' \
    "prepared_$id/dataset.json" "$images_seen")}
fi
if [ "$trained" = yes ]; then
  if [ -f "$run/run.json" ]; then
    "$train" train --run "$run" --resume --epochs "${EPOCHS:-$epochs}"
  elif [ "$id" = stickers ]; then
    # shellcheck disable=SC2086  # TRAIN_ARGS is a list of options
    "$train" train --data "prepared_$id" --run "$run" --generator compact2 --epochs "$epochs" ${TRAIN_ARGS:-}
  else
    # shellcheck disable=SC2086
    "$train" train --data "prepared_$id" --run "$run" --init-from "$base" --epochs "$epochs" ${TRAIN_ARGS:-}
  fi
fi
"$train" evaluate --run "$run" --drawings "$drawings"

from="OpenMoji $version (https://openmoji.org, npm openmoji@$version)"
"$train" export --run "$run" --id "$id" --name-en "$name_en" --name-ko "$name_ko" \
  --source "$from: $count of its artists' line drawings with their colourings ($what_en). $attribution" \
  --license "CC BY-SA 4.0 (Creative Commons Attribution-ShareAlike 4.0 International, https://creativecommons.org/licenses/by-sa/4.0/)" \
  --source-ko "OpenMoji $version(https://openmoji.org)의 작가들이 그린 선 그림과 그 색칠 그림 ${count}쌍($what_ko). 모든 이모지는 오픈 소스 이모지·아이콘 프로젝트 OpenMoji가 디자인했어요. 라이선스: CC BY-SA 4.0 ($attribution)" \
  --license-ko "CC BY-SA 4.0 (크리에이티브 커먼즈 저작자표시-동일조건변경허락 4.0 국제, https://creativecommons.org/licenses/by-sa/4.0/deed.ko)" \
  --prompts "$repo/scripts/themes/${id}_prompts.json" \
  --preview-sketch "$drawings/$preview" \
  --out "$out" --force
