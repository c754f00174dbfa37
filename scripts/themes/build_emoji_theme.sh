#!/usr/bin/env bash
# Rebuild the bundled "emoji" theme from Debian's fonts-noto-color-emoji, end to end:
# download, render, prepare, train, evaluate, export. Pictures and runs stay in $WORK, outside git.
#
#   WORK=$HOME/icanvas-work/emoji bash scripts/themes/build_emoji_theme.sh
#
# The pictures' sketches are extracted by `prepare`. The generator is fine-tuned at 256 px from the bundled
# stickers theme (the OpenMoji base) at lr 2e-4 for EPOCHS epochs (the shipped theme: the second of two,
# docs/themes/README.md; CHECKPOINT picks another). Training resumes where it stopped if the script is run
# again.
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
work=${WORK:-$HOME/icanvas-work/emoji}
epochs=${EPOCHS:-2}
train=${ICANVAS_TRAIN:-icanvas-train}
mkdir -p "$work" && cd "$work"

if [ ! -f font/usr/share/fonts/truetype/noto/NotoColorEmoji.ttf ]; then
  apt-get download fonts-noto-color-emoji
  dpkg -x fonts-noto-color-emoji_*.deb font
fi
[ -d pictures ] || python "$repo/scripts/themes/render_emoji.py" font/usr/share/fonts/truetype/noto/NotoColorEmoji.ttf pictures
[ -f prepared_256/dataset.json ] || "$train" prepare pictures --out prepared_256 --size 256
if [ -f run_256/run.json ]; then
  "$train" train --run run_256 --resume --epochs "$epochs"
else
  "$train" train --data prepared_256 --run run_256 --init-from stickers --lr 2e-4 --epochs "$epochs"
fi
"$train" evaluate --run run_256 --drawings "$repo/tests/data/drawings/emoji"
om="OpenMoji 17.0.0 (https://openmoji.org). All emojis designed by OpenMoji – the open-source emoji and icon project. License: CC BY-SA 4.0"
"$train" export --run run_256 --id emoji --name-en "Emoji" --name-ko "이모지" \
  --source "Noto Color Emoji 2.042 (Debian package fonts-noto-color-emoji 2.042-0+deb12u1), 757 single-code-point emoji rendered with Pillow; fine-tuned from the stickers theme, trained on $om" \
  --license "SIL Open Font License 1.1 (the Noto pictures); CC BY-SA 4.0 (the stickers theme it starts from, https://creativecommons.org/licenses/by-sa/4.0/)" \
  --source-ko "Noto Color Emoji 2.042 (데비안 패키지 fonts-noto-color-emoji 2.042-0+deb12u1)의 이모지 757개를 Pillow로 그린 그림; OpenMoji 17.0.0(https://openmoji.org)으로 학습한 스티커 테마에서 이어 학습했어요. 모든 이모지는 오픈 소스 이모지·아이콘 프로젝트 OpenMoji가 디자인했어요. 라이선스: CC BY-SA 4.0" \
  --license-ko "SIL Open Font License 1.1 (Noto Color Emoji 그림); CC BY-SA 4.0 (시작점인 스티커 테마, https://creativecommons.org/licenses/by-sa/4.0/deed.ko)" \
  --checkpoint "${CHECKPOINT:-epoch_0002.weights.h5}" --look clean \
  --prompts "$repo/scripts/themes/emoji_prompts.json" \
  --preview-sketch "$repo/tests/data/drawings/emoji/apple_bw.png" \
  --out "${OUT:-$repo/models}" --force
