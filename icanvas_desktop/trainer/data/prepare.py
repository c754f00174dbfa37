"""`icanvas-train prepare`: a folder of pictures, of pix2pix A|B pairs, or sketches and their pictures in two
folders → cached training pairs."""

import hashlib
import json
import logging
import warnings
from dataclasses import asdict, dataclass, replace
from pathlib import Path

import numpy as np
from PIL import Image
from tqdm import tqdm

from icanvas_desktop.files.atomic import atomic_write_text
from icanvas_desktop.files.write_problems import writing
from icanvas_desktop.trainer.data.edges import draw_line_layers, extract_lines
from icanvas_desktop.trainer.data.handdrawn import augment_given_sketch, handdrawn_sketch
from icanvas_desktop.trainer.data.images import (
    ImageProblem,
    LoadedPicture,
    check_picture_file,
    find_pictures,
    find_unsupported,
    load_picture,
    read_picture_file,
    split_aligned,
)
from icanvas_desktop.trainer.data.prepared import FORMAT, INDEX_NAME, PreparedDataset, save_png
from icanvas_desktop.trainer.data.sheets import contact_sheet
from icanvas_desktop.trainer.data.workers import default_workers, worker_pool
from icanvas_desktop.trainer.problems import ProblemLog, UsageError, printable

log = logging.getLogger("icanvas.train")


@dataclass(frozen=True)
class PrepareOptions:
    image_size: int = 256
    input_format: str = "auto"  # "pictures", "aligned" (pix2pix A|B), "auto"; "pairs" from prepare_pairs
    hand_drawn: bool = True
    variants: int = 4
    pen_width: float | None = None  # pixels at image_size; None scales 2.5 px at 256
    detail: float = 1.0
    val_fraction: float = 0.1
    seed: int = 0
    workers: int = 0  # 0: one per CPU core, as many as the free memory allows

    def resolved_pen_width(self) -> float:
        return self.pen_width or 2.5 * self.image_size / 256

    def fingerprint(self) -> str:
        # Only what changes the cached files; workers and the split do not.
        keys = ("image_size", "hand_drawn", "variants", "pen_width", "detail", "seed")
        relevant = {k: v for k, v in asdict(self).items() if k in keys}
        return json.dumps(relevant, sort_keys=True)


def prepare(source: Path, out: Path, options: PrepareOptions, show_progress: bool = True) -> PreparedDataset:
    source, out = Path(source), Path(out)
    _check_outside(out, source)
    problems = ProblemLog()
    files = _usable_files(source, problems)
    input_format = options.input_format if options.input_format != "auto" else _guess_format(files)
    log.info("preparing %d files from %s as %s at %d px", len(files), source, input_format,
             options.image_size)
    jobs = [((path,), printable(str(path.relative_to(source))), out, options, input_format)
            for path in files]
    where = {"source": printable(str(source.resolve()))}
    return _prepare_all(jobs, out, options, input_format, problems, where, show_progress)


def prepare_pairs(sketches: Path, pictures: Path, out: Path, options: PrepareOptions,
                  show_progress: bool = True) -> PreparedDataset:
    """Sketches that a person drew and their pictures, matched by name (cats/tom.png with cats/tom.jpg): each
    sketch is used as it is, and the hand-drawn variants change the sketch only, never the picture."""
    sketches, pictures, out = Path(sketches), Path(pictures), Path(out)
    a, b = sketches.resolve(), pictures.resolve()
    if a == b or a in b.parents or b in a.parents:
        raise UsageError(f"the sketch folder {sketches} and the picture folder {pictures} must be two "
                         "separate folders, neither inside the other")
    for folder in (sketches, pictures):
        _check_outside(out, folder)
    problems = ProblemLog()
    sketch_files, picture_files = _usable_files(sketches, problems), _usable_files(pictures, problems)
    pairs = _match(sketches, sketch_files, pictures, picture_files, problems)
    if not pairs:
        raise UsageError(f"no sketch in {printable(str(sketches))} has a picture of the same name in "
                         f"{printable(str(pictures))}: name each picture as its sketch (cat.png and cat.jpg)")
    log.info("preparing %d sketch and picture pairs from %s and %s at %d px", len(pairs), sketches, pictures,
             options.image_size)
    options = replace(options, input_format="pairs")
    jobs = [(files, key, out, options, "pairs") for key, files in pairs.items()]
    where = {"source": printable(str(sketches.resolve())),
             "pictures_source": printable(str(pictures.resolve()))}
    return _prepare_all(jobs, out, options, "pairs", problems, where, show_progress)


def _check_outside(out: Path, source: Path) -> None:
    if out.resolve() == source.resolve() or source.resolve() in out.resolve().parents:
        raise UsageError(f"the output folder {out} must not be inside the picture folder {source}")


def _usable_files(source: Path, problems: ProblemLog) -> list[Path]:
    try:
        files = find_pictures(source)
    except ImageProblem as e:
        raise UsageError(str(e)) from e
    for path in find_unsupported(source):
        problems.skip(path, f"{path}: {path.suffix or 'this'} files are not supported; "
                            "convert it to PNG or JPEG")
    files = _readable(files, problems)
    if not files:
        raise UsageError(f"none of the pictures in {printable(str(source))} could be used: "
                         "see the messages above")
    return files


def _match(sketches: Path, sketch_files: list[Path], pictures: Path, picture_files: list[Path],
           problems: ProblemLog) -> dict[str, tuple[Path, Path]]:
    """(sketch, picture) by their name without the suffix, relative to their folders; the rest reported."""
    by_name: list[dict[str, Path]] = []
    for folder, files in ((sketches, sketch_files), (pictures, picture_files)):
        names: dict[str, Path] = {}
        for path in files:
            name = printable(str(path.relative_to(folder).with_suffix("")))
            if name in names:
                problems.skip(path, f"{path} and {names[name]} have the same name, so it is unclear which "
                                    "one goes with the other folder's file: rename or remove one of them")
                continue
            names[name] = path
        by_name.append(names)
    sketch_names, picture_names = by_name
    for name in sorted(sketch_names.keys() - picture_names.keys()):
        path = sketch_names[name]
        problems.skip(path, f"{path} has no picture of the same name in {pictures}: add its picture as "
                            f"{pictures / name}.png (or .jpg), or remove it")
    for name in sorted(picture_names.keys() - sketch_names.keys()):
        path = picture_names[name]
        problems.skip(path, f"{path} has no sketch of the same name in {sketches}: add its sketch as "
                            f"{sketches / name}.png (or .jpg), or remove it")
    both = sorted(sketch_names.keys() & picture_names.keys())
    return {name: (sketch_names[name], picture_names[name]) for name in both}


def _prepare_all(jobs: list, out: Path, options: PrepareOptions, input_format: str, problems: ProblemLog,
                 where: dict, show_progress: bool) -> PreparedDataset:
    workers = options.workers or default_workers()
    items = []
    with worker_pool(workers) as pool:
        results = pool.map(_prepare_one, jobs, chunksize=4)
        for result in tqdm(results, total=len(jobs), desc="prepare", unit="img", disable=not show_progress):
            item, skipped, notes = result
            for message in skipped:
                problems.skip(item["source"], message)
            for message in notes:
                problems.note(item["source"], message)
            if not skipped:
                items.append(item)
    unique = {item["id"]: item for item in items}
    if not unique:
        what = "sketch and picture pairs" if input_format == "pairs" else "files"
        raise UsageError(f"none of the {len(jobs)} {what} could be used: see the messages above")
    items = _assign_splits(sorted(unique.values(), key=lambda i: i["id"]), options.val_fraction)
    _remove_stale(out, {i["id"] for i in items})
    index = {
        "format": FORMAT,
        "version": 1,
        **where,
        "input_format": input_format,
        "image_size": options.image_size,
        "options": asdict(options),
        "items": items,
        "problems": problems.to_json(),
    }
    with writing(out / INDEX_NAME):
        atomic_write_text(out / INDEX_NAME, json.dumps(index, indent=1, ensure_ascii=False))
    dataset = PreparedDataset(out, index)
    with writing(out / "contact_sheet.png"):
        save_png(out / "contact_sheet.png", _sheet(dataset))
    n_val = sum(i["split"] == "val" for i in items)
    log.info(
        "prepared %d pairs (%d held out) in %s; skipped %d files; contact sheet: %s",
        len(items), n_val, out, len(problems.skipped), out / "contact_sheet.png",
    )
    return dataset


def _prepare_one(job) -> tuple[dict, list[str], list[str]]:
    files, rel, out, options, input_format = job
    path, named = files[0], " and ".join(map(str, files))
    item = {"id": "", "source": rel, "split": "train", "sketches": 1 + options.variants}
    try:
        data = [read_picture_file(p) for p in files]
        item["id"] = _item_id(data, options)
        paths = [out / "pictures" / f"{item['id']}.png"] + [
            out / "sketches" / f"{item['id']}_{k}.png" for k in range(item["sketches"])
        ]
        if all(p.exists() for p in paths):
            return item, [], []
        rng = np.random.default_rng([options.seed, int(item["id"], 16) % (1 << 63)])
        max_side = 2 * options.image_size
        if input_format == "pairs":
            loaded = [load_picture(p, d, max_side=max_side) for p, d in zip(files, data)]
            picture_image, clean, variants, notes = _from_pair(*loaded, options, rng)
            notes = [f"{p}: {n}" for p, picture in zip(files, loaded) for n in picture.notes] + [
                f"{path}: {n}" for n in notes]
        elif input_format == "aligned":
            sketch, picture = split_aligned(path, data[0], max_side=max_side)
            picture_image, clean, variants = _from_aligned(sketch, picture, options, rng)
            notes = [f"{path}: {n}" for n in picture.notes]
        else:
            picture = load_picture(path, data[0], max_side=max_side)
            picture_image, clean, variants = _from_picture(picture, options, rng)
            notes = [f"{path}: {n}" for n in picture.notes]
    except ImageProblem as e:
        return item, [str(e)], []
    except OSError as e:
        return item, [f"{named}: could not be read ({e.strerror or e}); check the file's permissions"], []
    except Exception as e:  # noqa: BLE001 - one file we failed to foresee must not stop the other pictures
        reason = f"{type(e).__name__}: {e}"
        return item, [f"{named} could not be used ({reason}); open it and save it again as PNG"], []
    with writing(paths[0]):
        save_png(paths[0], picture_image)
    for p, sketch in zip(paths[1:], [clean, *variants]):
        with writing(p):
            save_png(p, Image.fromarray(np.round(sketch * 255).astype(np.uint8), "L"))
    return item, [], notes


def _item_id(data: list[bytes], options: PrepareOptions) -> str:
    if len(data) == 1:
        content = data[0]
    else:  # each file's length before it, so that no two different pairs make the same bytes
        content = b"".join(len(part).to_bytes(8, "little") + part for part in data)
    return hashlib.sha1(content + options.fingerprint().encode()).hexdigest()[:16]


# What one worker may take with the largest pictures it accepts, decoded reduced: 420 MiB for an 8192 px PNG,
def _square(picture: LoadedPicture, size: int) -> LoadedPicture:
    """Centre on white (transparent) paper and scale to size, so proportions survive."""
    h, w = picture.rgb.shape[:2]
    side = max(h, w)
    top, left = (side - h) // 2, (side - w) // 2

    def pad_and_scale(pixels: np.ndarray, fill: int) -> np.ndarray:
        canvas = np.full((side, side, *pixels.shape[2:]), fill, np.uint8)
        canvas[top : top + h, left : left + w] = pixels
        return np.asarray(Image.fromarray(canvas).resize((size, size), Image.Resampling.LANCZOS))

    alpha = None if picture.alpha is None else pad_and_scale(picture.alpha, 0)
    return LoadedPicture(rgb=pad_and_scale(picture.rgb, 255), alpha=alpha, notes=picture.notes)


def _from_picture(picture: LoadedPicture, options: PrepareOptions, rng):
    square = _square(picture, options.image_size)
    layers = extract_lines(square, detail=options.detail)
    pen = options.resolved_pen_width()
    clean = draw_line_layers(layers, pen)
    variants = [
        handdrawn_sketch(layers, rng, pen) if options.hand_drawn else clean for _ in range(options.variants)
    ]
    return Image.fromarray(square.rgb, "RGB"), clean, variants


def _from_aligned(sketch: np.ndarray, picture: LoadedPicture, options: PrepareOptions, rng):
    size = (options.image_size, options.image_size)
    sketch_image = Image.fromarray(np.round(sketch * 255).astype(np.uint8), "L").resize(
        size, Image.Resampling.LANCZOS)
    clean = np.asarray(sketch_image, np.float32) / 255
    variants = [
        augment_given_sketch(clean, rng) if options.hand_drawn else clean for _ in range(options.variants)
    ]
    return Image.fromarray(picture.rgb, "RGB").resize(size, Image.Resampling.LANCZOS), clean, variants


def _from_pair(sketch: LoadedPicture, picture: LoadedPicture, options: PrepareOptions, rng):
    """A person's own sketch in the grey of prepared sketches, as it is; only its variants are re-drawn."""
    notes = []
    (sh, sw), (ph, pw) = sketch.rgb.shape[:2], picture.rgb.shape[:2]
    if abs(sw / sh - pw / ph) > 0.02 * pw / ph:
        notes.append(f"the sketch is {sw}x{sh} px and its picture {pw}x{ph} px, so their lines may not meet: "
                     "crop both alike")
    lines = Image.fromarray(_square(sketch, options.image_size).rgb, "RGB").convert("L")  # ITU-R 601 luma
    clean = np.asarray(lines, np.float32) / 255
    if clean.mean() < 0.5:
        clean = 1.0 - clean  # light lines on dark (a blackboard, an inverted scan); ours are dark on white
        notes.append("its sketch was light lines on dark; inverted to dark lines on white")
    variants = [
        augment_given_sketch(clean, rng) if options.hand_drawn else clean for _ in range(options.variants)
    ]
    return Image.fromarray(_square(picture, options.image_size).rgb, "RGB"), clean, variants, notes


def _readable(files: list[Path], problems: ProblemLog) -> list[Path]:
    """The files that are ordinary files of a sensible size (nothing is read), each other one reported."""
    usable = []
    for path in files:
        try:
            check_picture_file(path)
        except ImageProblem as e:
            problems.skip(path, str(e))
            continue
        if printable(path.name) != path.name:
            problems.note(path, f"{printable(str(path))}: its name is not valid UTF-8 "
                                "(shown with \\x escapes); it is used, but rename it, "
                                "or unzip again with 'unzip -O cp949' for Korean names")
        usable.append(path)
    return usable


def _guess_format(files: list[Path]) -> str:
    """pix2pix A|B pairs are exactly twice as wide as high; plain pictures rarely all are."""
    sample = files[:20]
    doubled = 0
    for path in sample:
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore", Image.DecompressionBombWarning)
                # The header only: a file that fails is reported when prepared.
                with Image.open(path) as image:
                    doubled += image.width == 2 * image.height
        except Exception:  # noqa: BLE001, S112 - Pillow's errors are many; such a file is just not a pair
            continue
    return "aligned" if doubled >= 0.9 * len(sample) else "pictures"


def _assign_splits(items: list[dict], val_fraction: float) -> list[dict]:
    # By content hash, so a picture stays on the same side of the split when the folder grows.
    for item in items:
        item["split"] = "val" if int(item["id"][:8], 16) / 0xFFFFFFFF < val_fraction else "train"
    if len(items) >= 2 and val_fraction > 0 and not any(i["split"] == "val" for i in items):
        items[-1]["split"] = "val"
    if not any(i["split"] == "train" for i in items):
        items[0]["split"] = "train"
    return items


def _remove_stale(out: Path, keep: set[str]) -> None:
    for folder in (out / "pictures", out / "sketches"):
        for path in folder.glob("*.png"):
            if path.stem.split("_")[0] not in keep:
                path.unlink()


def _sheet(dataset: PreparedDataset, rows: int = 8):
    items = dataset.items()[:rows]
    sheet_rows = []
    for item in items:
        row = [dataset.picture(item)] + [dataset.sketch(item, k) for k in range(min(item.sketches, 4))]
        sheet_rows.append(row)
    titles = ["picture", "sketch", "hand-drawn 1", "hand-drawn 2", "hand-drawn 3"]
    return contact_sheet(sheet_rows, titles[: max(len(r) for r in sheet_rows)])
