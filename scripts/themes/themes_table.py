"""Print the bundled themes' evaluation table for docs/themes/README.md from their manifests.

    python scripts/themes/themes_table.py [models]
"""

import json
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


def main() -> None:
    models = Path(sys.argv[1] if len(sys.argv) > 1 else "models")
    print("| theme | pictures | generator | batch, lr | images seen (epochs) | held-out L1 | PSNR (dB) "
          "| held-out SWD | drawings SWD |")
    print("|---|---:|---|---|---:|---:|---:|---:|---:|")
    for path in sorted(models.glob("*/manifest.json")):
        m = json.loads(path.read_text(encoding="utf-8"))
        t, e = m["training"], m["metrics"]
        print(f"| {m['id']} ({m['names']['ko']}) | {m['data']['images']:,} | {describe(m['architecture'])} "
              f"| {t['batch_size']}, {t['options']['learning_rate']:g} | {t['images_seen']:,} ({t['epoch']}) "
              f"| {e['l1']:.3f} | {e['psnr']:.2f} | {e['swd']:.0f} "
              f"| {e['drawings_swd']:.0f} |")


if __name__ == "__main__":
    main()
