"""`icanvas-train export`: a run's chosen generator → a theme package the app can load."""

import json
import logging
import os
import re
import shutil
import zipfile
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from PIL import Image

from icanvas_desktop import __version__
from icanvas_desktop.files.atomic import atomic_write_text, atomic_writer, remove_leftovers, replace_folder
from icanvas_desktop.generation import load_generator
from icanvas_desktop.generation.runtime import KerasRuntime
from icanvas_desktop.themes import THEME_ID_PATTERN, ThemeError, load_theme
from icanvas_desktop.themes.manifest import MANIFEST_NAME, ManifestError, validate_manifest
from icanvas_desktop.themes.theme import file_sha256
from icanvas_desktop.trainer.data.prepared import PreparedDataset, save_png
from icanvas_desktop.trainer.packaging.tflite import add_litert_model
from icanvas_desktop.trainer.problems import UsageError
from icanvas_desktop.trainer.run import RUN_FILE, RunInfo

log = logging.getLogger("icanvas.train")

WEIGHTS_NAME = "generator.weights.h5"
PREVIEW_NAME = "preview.png"


def check_theme_id(theme_id: str) -> str:
    if not re.fullmatch(THEME_ID_PATTERN, theme_id):
        raise UsageError(
            f"theme id {theme_id!r} cannot be used: it becomes a folder name, so it may hold only lowercase "
            "letters, digits, '-' and '_' (at most 40, starting with a letter or digit), e.g. 'animals'"
        )
    return theme_id


def choose_checkpoint(run: RunInfo, which: str) -> Path:
    available = run.generator_weights()
    if not available:
        raise UsageError(f"{run.folder} has no finished epoch to export: train at least one epoch first")
    if which == "last":
        return available[-1]
    if which == "best":
        which = run.best_checkpoint()
        if which is None:
            log.warning("no evaluation of all the epochs in %s: exporting the last one (run 'evaluate' to "
                        "pick the best)", run.folder)
            return available[-1]
    by_name = {p.name: p for p in available}
    if which not in by_name:
        raise UsageError(f"{run.folder} has no checkpoint {which!r}; it has: {', '.join(by_name)}")
    return by_name[which]


def export_theme(
    run: RunInfo,
    out_root: Path,
    theme_id: str,
    names: dict[str, str],
    source: str,
    license: str,
    prompts: list[dict[str, str]],
    checkpoint: str = "best",
    preview_sketch: Path | None = None,
    force: bool = False,
    look: str = "clean",
    korean: dict[str, str | None] | None = None,
) -> Path:
    check_theme_id(theme_id)
    out_root = Path(out_root)
    target = out_root / theme_id
    if target.exists() and not force:
        raise UsageError(f"{target} exists already: add --force to replace it, or choose another --id")
    weights = choose_checkpoint(run, checkpoint)
    dataset = PreparedDataset.open(run.data)
    manifest = _manifest(run, dataset, weights, theme_id, names, source, license, prompts)
    manifest["look"] = look
    korean = {k: v for k, v in (korean or {}).items() if v}
    if korean:
        manifest["data"]["translations"] = {"ko": korean}
    try:
        validate_manifest(manifest)
    except ManifestError as e:
        raise UsageError(f"the theme description is incomplete: {e}") from e

    out_root.mkdir(parents=True, exist_ok=True)
    remove_leftovers(out_root)
    staging = out_root / f".{theme_id}.partial-{os.getpid()}"
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir()
    try:
        shutil.copyfile(weights, staging / WEIGHTS_NAME)
        manifest["weights_sha256"] = file_sha256(staging / WEIGHTS_NAME)
        sketch = _preview_sketch(dataset, preview_sketch)
        held_out = [dataset.sketch(item) for item in dataset.items("val")[:2]]
        add_litert_model(staging, manifest, KerasRuntime(run.generator, staging / WEIGHTS_NAME),
                         [sketch, *held_out])
        # A placeholder lets the package load so the preview comes out of the very path the app uses.
        Image.new("RGB", (8, 8), "white").save(staging / PREVIEW_NAME)
        atomic_write_text(staging / MANIFEST_NAME, json.dumps(manifest, indent=1, ensure_ascii=False))
        generator = load_generator(load_theme(staging))
        save_png(staging / PREVIEW_NAME, generator.generate(sketch))
        replace_folder(staging, target)
    except ThemeError as e:
        raise UsageError(f"the exported theme does not load: {e}") from e
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    log.info("exported theme %r from %s to %s", theme_id, weights.name, target)
    return target


def write_theme_zip(folder: Path) -> Path:
    """The theme folder as `<id>.zip` beside it, for `icanvas --import-theme` on another computer."""
    target = folder.with_name(f"{folder.name}.zip")
    with atomic_writer(target) as f, zipfile.ZipFile(f, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(folder.iterdir()):
            archive.write(path, path.name)
    return target


def _preview_sketch(dataset: PreparedDataset, path: Path | None) -> Image.Image:
    if path is not None:
        try:
            with Image.open(path) as image:
                return image.copy()
        except OSError as e:
            raise UsageError(f"--preview-sketch {path} cannot be read ({e}): "
                             "give a PNG or JPEG drawing") from e
    items = dataset.items("val") or dataset.items()
    return dataset.sketch(items[0])


def _manifest(run, dataset, weights, theme_id, names, source, license, prompts) -> dict[str, Any]:
    metrics = {}
    evaluation = run.results()
    if evaluation is not None:
        row = next((r for r in evaluation["checkpoints"] if r["checkpoint"] == weights.name), None)
        if row:
            metrics = {k: v if v is None else round(v, 5) for k, v in row.items() if k != "checkpoint"}
            metrics["held_out_pairs"] = evaluation["held_out_pairs"]
            metrics["drawings"] = len(evaluation["drawings"])
    epoch = next(h for h in run.history() if h["weights"] == weights.name)
    return {
        "format": "icanvas-theme",
        "format_version": 1,
        "id": theme_id,
        "names": names,
        "input_size": run.generator.image_size,
        "architecture": run.generator.to_dict(),
        "weights": WEIGHTS_NAME,
        "preview": PREVIEW_NAME,
        "prompts": prompts,
        "data": {"source": source, "license": license, "images": len(dataset.items())},
        "training": {
            "checkpoint": weights.name,
            "epoch": epoch["epoch"],
            "steps": epoch["step"],
            "batch_size": run.options.batch_size,
            "images_seen": epoch["step"] * run.options.batch_size,
            "hand_drawn_augmentation": run.options.hand_drawn and dataset.index["options"]["hand_drawn"],
            "train_pairs": len(dataset.items("train")),
            "held_out_pairs": len(dataset.items("val")),
            "options": {k: v for k, v in vars(run.options).items() if k != "max_steps"},
            "stages": training_stages(run, weights),
        },
        "metrics": metrics,
        "created": datetime.now(UTC).isoformat(timespec="seconds"),
        "trainer_version": __version__,
    }


def training_stages(run: RunInfo, weights: Path) -> list[dict[str, Any]]:
    """Every stage of training behind `weights`, the first first: its run's folder name, image size,
    prepared data (folder name), the images it saw up to the checkpoint it handed on, and what it started
    from ("scratch", or the --init-from it was given). Runs started --init-from another run are followed
    while that run's folder is where the run recorded it. A run started from a theme continues the stages
    that theme's manifest records: runs do not outlive a machine, the shipped themes do, so a theme
    continued on a new machine still tells all the training behind it."""
    stages = []
    while (epoch := next((h for h in run.history() if h["weights"] == weights.name), None)) is not None:
        stages.append({
            "run": run.folder.name,
            "image_size": run.generator.image_size,
            "data": Path(run.data).name,
            "images_seen": epoch["step"] * run.options.batch_size,
            "from": Path(run.options.init_from).name if run.options.init_from else "scratch",
        })
        source = Path(run.options.init_weights).parent.parent if run.options.init_weights else None
        if source is None or not (source / RUN_FILE).exists():
            if run.options.init_weights:
                stages.extend(_theme_stages(Path(run.options.init_weights).parent)[::-1])
            break
        weights = Path(run.options.init_weights)
        run = RunInfo.open(source)
    return stages[::-1]


def _theme_stages(folder: Path) -> list[dict[str, Any]]:
    """The training stages a theme's manifest records, or none where the folder holds no readable theme."""
    try:
        return list(load_theme(folder, verify_weights=False).manifest.get("training", {}).get("stages", []))
    except ThemeError:
        return []
