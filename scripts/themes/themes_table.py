"""Print the bundled themes' evaluation table for docs/themes/README.md from their manifests.

    python scripts/themes/themes_table.py [models]
"""

import json
import re
import sys
from pathlib import Path


def describe(architecture: dict) -> str:
    settings = architecture["settings"]
    if architecture["name"] == "unet":
        decoders = {"resize": ", resize decoder", "shuffle": ", pixel-shuffle decoder"}
        extras = decoders.get(settings.get("upsample"), "")
        extras += ", crayons" if settings.get("hints") else ""
        return f"U-Net ngf {settings['ngf']}, depth {settings['depth']}{extras}"
    return f"ResNet ngf {settings['ngf']}, {settings['n_blocks']} blocks"


def stages(training: dict, size: int) -> tuple[str, str]:
    """The images seen, stage by stage ("17,050 at 128 px + 3,015 at 128 px + 860"), and where the first
    stage began: "scratch", or "base (RUN)" when the first stage trained on other pictures than the last.
    A manifest from before stages were recorded has only its last stage."""
    init_from = training["options"].get("init_from")
    recorded = training.get("stages") or [{"image_size": size, "images_seen": training["images_seen"],
                                            "from": Path(init_from).name if init_from else "scratch"}]
    parts = [f"{s['images_seen']:,}" + (f" at {s['image_size']} px" if s["image_size"] != 256 else "")
             for s in recorded]
    first, last = recorded[0], recorded[-1]
    pictures = [re.sub(r"[-_]\d+$", "", s.get("data", "")) for s in (first, last)]  # less the size
    on_other_pictures = pictures[0] != pictures[1]
    init = f"base ({first['run']})" if len(recorded) > 1 and on_other_pictures else first["from"]
    return " + ".join(parts) + f" ({training['epoch']})", init


def main() -> None:
    models = Path(sys.argv[1] if len(sys.argv) > 1 else "models")
    print("| theme | pictures | generator | batch, lr | images seen (last epoch) | init | held-out L1 "
          "| PSNR (dB) | held-out SWD | drawings SWD | LiteRT MB |")
    print("|---|---:|---|---|---:|---|---:|---:|---:|---:|---:|")
    for path in sorted(models.glob("*/manifest.json")):
        m = json.loads(path.read_text(encoding="utf-8"))
        t, e = m["training"], m["metrics"]
        seen, init = stages(t, m["input_size"])
        size = (path.parent / m["tflite"]).stat().st_size / 1e6 if m.get("tflite") else 0
        print(f"| {m['id']} ({m['names']['ko']}) | {m['data']['images']:,} | {describe(m['architecture'])} "
              f"| {t['batch_size']}, {t['options']['learning_rate']:g} | {seen} | {init} "
              f"| {e['l1']:.3f} | {e['psnr']:.2f} | {e['swd']:.0f} "
              f"| {e['drawings_swd']:.0f} | {size:.1f} |")


if __name__ == "__main__":
    main()
