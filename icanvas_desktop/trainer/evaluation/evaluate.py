"""`icanvas-train evaluate`: compare a run's checkpoints on held-out pairs, on people's own drawings and on
labelled doodles."""

import json
import logging
from pathlib import Path
from typing import Any

import numpy as np
from PIL import Image

from icanvas_desktop.files.atomic import atomic_write_text
from icanvas_desktop.generation import Generator, sketch_to_array
from icanvas_desktop.generation.clean_look import apply_look
from icanvas_desktop.look import Look
from icanvas_desktop.trainer.data.images import ImageProblem, find_pictures, load_picture
from icanvas_desktop.trainer.data.prepared import Item, PreparedDataset, save_png
from icanvas_desktop.trainer.data.sheets import contact_sheet
from icanvas_desktop.trainer.evaluation import colour_sense, metrics, quality
from icanvas_desktop.trainer.problems import ProblemLog, UsageError
from icanvas_desktop.trainer.run import EVALUATION, GENERATORS, RESULTS_FILE, RunInfo, read_results

log = logging.getLogger("icanvas.train")

BATCH = 8
# Bumped when the figures change, so that an older evaluation's rows are scored again, not reused.
FIGURES_VERSION = 5
# What the best checkpoint is chosen by; colourfulness is reported only (more is not always better), and so
# are the clean look's figures (its lines and flat regions come from the sketch, whatever the checkpoint).
# The doodles' chance level is the same for every checkpoint: it is there to read the plausible share by.
HIGHER_IS_BETTER = {"psnr", "line_precision", "line_recall", "colour_variety", "colour_agreement",
                    "colour_plausible"}
REPORTED_ONLY = {"colourfulness", "colour_chance"}


def _generate_all(generator: Generator, sketches: list[Image.Image],
                  look: Look | None = Look.PAINTED) -> np.ndarray:
    out = []
    for start in range(0, len(sketches), BATCH):
        out += [np.asarray(p) for p in generator.generate_batch(sketches[start : start + BATCH], look)]
    return np.stack(out)


def held_out_metrics(
    generator: Generator, dataset: PreparedDataset, items: list[Item], with_swd: bool = True
) -> dict[str, float]:
    """L1, PSNR (and SWD) of generated against real held-out pictures, from their clean sketches, the
    picture figures (icanvas_desktop.trainer.evaluation.quality) of the generated ones, and the colour sense
    of their clean look against the artist's colours (colour_sense.artist_figures)."""
    sketches = [dataset.sketch(i) for i in items]
    fakes = _generate_all(generator, sketches)
    reals = np.stack([np.asarray(dataset.picture(i)) for i in items])
    result = {"l1": metrics.l1(reals, fakes), "psnr": metrics.psnr(reals, fakes)}
    if with_swd:
        result["swd"] = metrics.sliced_wasserstein(reals, fakes)
    clean = [np.asarray(apply_look(s, Image.fromarray(f), Look.CLEAN)) for s, f in zip(sketches, fakes)]
    return (result | quality.set_figures([np.asarray(s) for s in sketches], list(fakes))
            | colour_sense.artist_figures(sketches, clean, list(reals)))


def doodles_metrics(generator: Generator, doodles: list[colour_sense.Doodle]) -> dict[str, float]:
    """Colour sense on labelled doodles, in the clean look: the share plausible and its chance level."""
    pictures = _generate_all(generator, [d.sketch for d in doodles], Look.CLEAN)
    return colour_sense.doodle_figures(doodles, list(pictures), prefix="doodles_")


def drawings_metrics(generator: Generator, drawings: list[Image.Image],
                     reals: np.ndarray) -> dict[str, float]:
    """How the generator does on people's own drawings: SWD against the held-out pictures, and the
    figures in both looks."""
    drawn = _generate_all(generator, drawings)
    sketches = [seen_sketch(d, generator.input_size) for d in drawings]
    figures = quality.set_figures(sketches, list(drawn), prefix="drawings_")
    # The clean look of the same pictures, not of a second run of the generator.
    clean = [np.asarray(apply_look(d, Image.fromarray(p), Look.CLEAN)) for d, p in zip(drawings, drawn)]
    figures |= quality.set_figures(sketches, clean, prefix="drawings_clean_")
    return {"drawings_swd": metrics.sliced_wasserstein(reals, drawn)} | figures


def look_figures(generator: Generator, drawings: list[Image.Image], look: Look | None = None,
                 prefix: str = "") -> dict[str, float]:
    """The picture figures of what `generator` makes of `drawings` in `look` (None: the theme's own)."""
    pictures = _generate_all(generator, drawings, look)
    return quality.set_figures([seen_sketch(d, generator.input_size) for d in drawings], list(pictures),
                               prefix=prefix)


def seen_sketch(drawing: Image.Image, size: int) -> np.ndarray:
    """The drawing as the generator sees it, ink 0 on paper 255: the figures compare each picture with the
    very sketch it was made from."""
    return np.round(sketch_to_array(drawing, size)[..., 0] * 255).astype(np.uint8)


def load_drawings(folder: Path, problems: ProblemLog) -> list[tuple[str, Image.Image]]:
    """People's own line drawings: every readable picture in the folder; unreadable ones are reported."""
    try:
        paths = find_pictures(folder)
    except ImageProblem as e:
        raise UsageError(str(e)) from e
    drawings = []
    for path in paths:
        try:
            drawings.append((path.name, Image.fromarray(load_picture(path).rgb)))
        except ImageProblem as e:
            problems.skip(path, str(e))
    return drawings


def evaluate(
    run: RunInfo, drawings_folder: Path | None = None, data: Path | None = None, limit: int = 200,
    doodles_folder: Path | None = None,
) -> dict[str, Any]:
    from icanvas_desktop.generation.runtime import KerasRuntime
    from icanvas_desktop.networks import build_generator

    dataset = PreparedDataset.open(data or run.data)
    held_out = dataset.items("val")[:limit]
    if not held_out:
        raise UsageError(f"{dataset.folder} has no held-out pairs: prepare it with --val-fraction above 0")
    checkpoints = run.generator_weights()
    if not checkpoints:
        raise UsageError(f"{run.folder} has no finished epoch yet: train at least one epoch first")
    problems = ProblemLog()
    drawings = load_drawings(drawings_folder, problems) if drawings_folder else []
    doodles = colour_sense.load_doodles(doodles_folder) if doodles_folder else []
    reals = np.stack([np.asarray(dataset.picture(i)) for i in held_out])

    model = build_generator(run.generator)
    generator = Generator(run.generator.image_size, KerasRuntime(run.generator, model=model))
    out = run.folder / EVALUATION
    earlier = _earlier_rows(run.folder, dataset.folder, len(held_out), [n for n, _ in drawings],
                            [d.file for d in doodles])
    rows = []
    for weights in checkpoints:
        row = earlier.get(_fingerprint(weights))
        if row is None:
            model.load_weights(str(weights))
            row = {"checkpoint": weights.name, **held_out_metrics(generator, dataset, held_out)}
            if drawings:
                row |= drawings_metrics(generator, [d for _, d in drawings], reals)
            if doodles:
                row |= doodles_metrics(generator, doodles)
            log.info("%s: %s", weights.name,
                     ", ".join(f"{k} {_figure(v)}" for k, v in row.items() if k != "checkpoint"))
        rows.append(row)
    best = _pick_best(rows)
    model.load_weights(str(run.folder / GENERATORS / best["checkpoint"]))
    result = {
        "checkpoints": rows,
        "fingerprints": [_fingerprint(w) for w in checkpoints],
        "figures_version": FIGURES_VERSION,
        "best": best,
        "data": str(dataset.folder),
        "held_out_pairs": len(held_out),
        "drawings": [name for name, _ in drawings],
        "doodles": [d.file for d in doodles],
        "problems": problems.to_json(),
    }
    atomic_write_text(run.folder / RESULTS_FILE, json.dumps(result, indent=1))
    atomic_write_text(out / "table.md", results_table(rows, best["checkpoint"]))
    save_png(out / "contact_sheet.png", _sheet(generator, dataset, held_out[:6], drawings[:6]))
    log.info("best checkpoint: %s; table and contact sheet in %s", best["checkpoint"], out)
    return result


def _fingerprint(weights: Path) -> str:
    stat = weights.stat()
    return f"{weights.name}:{stat.st_size}:{stat.st_mtime_ns}"


def _earlier_rows(run_folder: Path, data: Path, held_out: int, drawings: list[str],
                  doodles: list[str]) -> dict[str, dict[str, Any]]:
    """Figures of checkpoints an earlier evaluation already scored on the same pairs and drawings.

    Epoch files never change once written, so a long run that is evaluated after every resume
    only pays for its new epochs."""
    try:
        earlier = read_results(run_folder)
    except (OSError, ValueError):
        return {}
    if earlier is None:
        return {}
    same = (earlier.get("data"), earlier.get("held_out_pairs"), earlier.get("drawings"),
            earlier.get("doodles", [])) == (str(data), held_out, drawings, doodles)
    if not same or "fingerprints" not in earlier or earlier.get("figures_version") != FIGURES_VERSION:
        return {}
    return dict(zip(earlier["fingerprints"], earlier["checkpoints"]))


def _pick_best(rows: list[dict[str, Any]]) -> dict[str, Any]:
    """Sum of ranks over every figure but the reported-only ones (a missing figure ranks last); the later
    checkpoint wins ties."""
    keys = [k for k in rows[0] if k != "checkpoint" and _bare(k) not in REPORTED_ONLY and not _is_clean(k)]
    score = [0] * len(rows)
    for key in keys:
        sign = -1 if _bare(key) in HIGHER_IS_BETTER else 1
        order = sorted(range(len(rows)),
                       key=lambda i: (rows[i].get(key) is None, sign * (rows[i].get(key) or 0)))
        for rank, i in enumerate(order):
            score[i] += rank
    best = min(range(len(rows)), key=lambda i: (score[i], -i))
    return rows[best]


def _bare(key: str) -> str:
    return key.removeprefix("drawings_").removeprefix("doodles_").removeprefix("clean_")


def _is_clean(key: str) -> bool:
    return key.startswith("drawings_clean_")


def _figure(value: float | None) -> str:
    return "–" if value is None else f"{value:.4g}"


FIGURE_LABELS = {"l1": "L1", "psnr": "PSNR (dB)", "swd": "SWD", "grain": "grain",
                 "line_precision": "line precision", "line_recall": "line recall",
                 "colourfulness": "colourfulness", "colour_variety": "colour variety",
                 "colour_agreement": "main colour as the artist's", "colour_delta_e": "region ΔE2000",
                 "colour_plausible": "main colour plausible", "colour_chance": "chance level"}


def results_table(rows: list[dict[str, Any]], best: str) -> str:
    keys = [k for k in rows[0] if k != "checkpoint"]
    labels = [("drawings clean " if _is_clean(k) else "drawings " if k.startswith("drawings_")
               else "doodles " if k.startswith("doodles_") else "held-out ") + FIGURE_LABELS.get(_bare(k), k)
              for k in keys]
    lines = ["| checkpoint | " + " | ".join(labels) + " |", "|---|" + "---:|" * len(keys)]
    for row in rows:
        mark = " (best)" if row["checkpoint"] == best else ""
        lines.append(f"| {row['checkpoint']}{mark} | " + " | ".join(_figure(row.get(k)) for k in keys) + " |")
    return "\n".join(lines) + "\n"


def _sheet(generator: Generator, dataset: PreparedDataset, items: list[Item], drawings) -> Image.Image:
    blank = Image.new("RGB", (dataset.image_size, dataset.image_size), "white")
    sketches = [dataset.sketch(i) for i in items]
    rows = [[s, f, dataset.picture(i)]
            for s, f, i in zip(sketches, generator.generate_batch(sketches), items)]
    if drawings:
        drawn = [d for _, d in drawings]
        rows += [[d, f, blank] for d, f in zip(drawn, generator.generate_batch(drawn))]
    return contact_sheet(rows, ["sketch", "generated", "real"])
