"""Print one markdown row per evaluated training run, for the comparison tables in docs/themes/.

    python scripts/themes/compare_runs.py [--checkpoint last|best|all|EPOCH] RUN...

Each run must have been through `icanvas-train evaluate --drawings ...`. `last` (the default) compares the
runs at the same images seen; `best` at the checkpoint evaluate chose; `all` every evaluated checkpoint (a
learning curve; evaluate ranks by the painted figures, a theme shipped in the clean look is picked from
these rows); a number at that epoch.
"""

import argparse
from pathlib import Path

from icanvas_desktop.trainer.run import RunInfo, epoch_weights

COLUMNS = [
    ("l1", "held-out L1", "{:.3f}"),
    ("psnr", "PSNR (dB)", "{:.2f}"),
    ("drawings_grain", "grain", "{:.1f}"),
    ("drawings_line_precision", "line precision", "{:.2f}"),
    ("drawings_line_recall", "line recall", "{:.2f}"),
    ("drawings_colour_variety", "colour variety", "{:.0f}"),
    ("drawings_clean_grain", "clean: grain", "{:.2f}"),
    ("drawings_clean_line_precision", "clean: precision", "{:.2f}"),
    ("drawings_clean_line_recall", "clean: recall", "{:.2f}"),
    ("drawings_clean_colourfulness", "clean: colourfulness", "{:.0f}"),
    ("drawings_clean_colour_variety", "clean: variety", "{:.0f}"),
]


def rows(run: Path, which: str) -> list[str]:
    info = RunInfo.open(run)
    results = info.results()
    if results is None:
        raise SystemExit(f"{run} has no evaluation: run 'icanvas-train evaluate --run {run} --drawings ...'")
    if which in ("best", "last", "all"):
        chosen = {"best": [results["best"]], "last": results["checkpoints"][-1:],
                  "all": results["checkpoints"]}[which]
    else:
        by_name = {c["checkpoint"]: c for c in results["checkpoints"]}
        name = epoch_weights(info.folder, int(which)).name
        if name not in by_name:
            raise SystemExit(f"{run} has no evaluated {name}")
        chosen = [by_name[name]]
    history = {h["weights"]: h for h in info.history()}
    return [_row(run, row, history[row["checkpoint"]]["step"] * info.options.batch_size) for row in chosen]


def _row(run: Path, figures: dict, seen: int) -> str:
    cells = [fmt.format(figures[key]) if figures.get(key) is not None else "–" for key, _, fmt in COLUMNS]
    return f"| {run.name} | {seen:,} ({figures['checkpoint']}) | " + " | ".join(cells) + " |"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--checkpoint", default="last", help="last, best, all or an epoch number")
    parser.add_argument("runs", type=Path, nargs="+")
    args = parser.parse_args()
    print("| run | images seen (checkpoint) | " + " | ".join(label for _, label, _ in COLUMNS) + " |")
    print("|---|---:|" + "---:|" * len(COLUMNS))
    for run in args.runs:
        print("\n".join(rows(run, args.checkpoint)))


if __name__ == "__main__":
    main()
