#!/usr/bin/env bash
# Rebuild the bundled "emoji" theme from Debian's fonts-noto-color-emoji, end to end:
# download, render, prepare, train, evaluate, export. Pictures and runs stay in $WORK, outside git.
#
#   WORK=/tmp/icanvas-emoji EPOCHS=20 bash scripts/themes/build_emoji_theme.sh
#
# Training resumes where it stopped if the script is run again.
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
work=${WORK:-/tmp/icanvas-emoji}
epochs=${EPOCHS:-20}
train=${ICANVAS_TRAIN:-icanvas-train}
mkdir -p "$work" && cd "$work"

if [ ! -f font/usr/share/fonts/truetype/noto/NotoColorEmoji.ttf ]; then
  apt-get download fonts-noto-color-emoji
  dpkg -x fonts-noto-color-emoji_*.deb font
fi
[ -d pictures ] || python "$repo/scripts/themes/render_emoji.py" font/usr/share/fonts/truetype/noto/NotoColorEmoji.ttf pictures
"$train" prepare pictures --out prepared --size 256
if [ -f run/run.json ]; then
  "$train" train --run run --resume --epochs "$epochs"
else
  # the shipped emoji theme was trained before the trainer's defaults became batch 1 at lr 1e-3
  "$train" train --data prepared --run run --generator compact --epochs "$epochs" --batch-size 4 --lr 2e-4
fi
"$train" evaluate --run run --drawings "$repo/tests/data/drawings/emoji"
"$train" export --run run --id emoji --name-en "Emoji" --name-ko "이모지" \
  --source "Noto Color Emoji 2.042 (Debian package fonts-noto-color-emoji 2.042-0+deb12u1), single-code-point emoji rendered with Pillow" \
  --license "SIL Open Font License 1.1" \
  --prompts "$repo/scripts/themes/emoji_prompts.json" \
  --preview-sketch "$repo/tests/data/drawings/emoji/apple_bw.png" \
  --out "$repo/models" --force
