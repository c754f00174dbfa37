"""`icanvas generate`: pictures from drawings on paper, for a teacher with a class's drawings (and for us, to
judge a theme on real drawings).

    icanvas generate --theme emoji --look clean scans/ photo.jpg --out pictures/

Each drawing (PNG, JPEG or WebP, any size; a folder gives every such file in it and its sub-folders) goes
through the app's own path (generation/pipeline.py: load_generator, then Generator.generate), after its
paper is levelled (generation/scanned_paper.py), and its picture is written as OUT/<its name>.png, keeping the
sub-folders a folder had. A file that cannot be read is named, with why, and the rest goes on. Exit status:
0 when at least one picture was made, 1 when none was, 2 when the theme cannot be used.
"""

import argparse
import sys
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from PIL import Image, UnidentifiedImageError

from icanvas_desktop.files.atomic import atomic_writer
from icanvas_desktop.look import THEMES_OWN, Look, resolve_look

EXTENSIONS = (".png", ".jpg", ".jpeg", ".webp")


@dataclass(frozen=True)
class PaperDrawing:
    path: Path
    out_name: Path  # relative to --out


def parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="icanvas generate", description="Turn scanned or photographed paper drawings into pictures, "
        "as the app would (the paper's grey and uneven light are levelled first).")
    parser.add_argument("--theme", required=True, metavar="ID_OR_FOLDER",
                        help="a theme's id (one the app finds: bundled, system-wide or the user's) "
                             "or its folder")
    parser.add_argument("--look", choices=tuple(Look),
                        help="the look of the pictures (default: the theme's own)")
    parser.add_argument("drawings", nargs="+", type=Path, metavar="SKETCH_OR_FOLDER",
                        help="PNG, JPEG or WebP files, or folders of them")
    parser.add_argument("--out", required=True, type=Path, metavar="DIR", help="where the pictures go")
    parser.add_argument("--size", type=int, metavar="PX",
                        help="enlarge each picture to PX×PX (default: the theme's own size, often 256)")
    parser.add_argument("--as-is", action="store_true",
                        help="do not level the paper "
                             "(for drawings made on a computer, already black on white)")
    return parser


def run_generate(argv: list[str], out: TextIO | None = None, err: TextIO | None = None) -> int:
    out, err = out or sys.stdout, err or sys.stderr
    args = parser().parse_args(argv)
    if args.size is not None and not 16 <= args.size <= 4096:
        print("error: --size is between 16 and 4096", file=err)
        return 2
    from icanvas_desktop.generation import load_generator
    from icanvas_desktop.themes import ThemeError

    try:
        theme = find_theme(args.theme)
        generator = load_generator(theme)
    except (ThemeError, LookupError) as e:
        print(f"error: {e}", file=err)
        return 2
    missing: list[tuple[Path, str]] = []
    drawings = list(find_drawings(args.drawings, args.out, missing))
    for path, why in missing:
        print(f"skipped {path}: {why}", file=err)
    look = resolve_look(args.look or THEMES_OWN, theme.look)
    print(f"{len(drawings)} drawing(s) → {args.out} with {theme.id!r} ({theme.name('en')}), {look} look",
          file=out)
    made = 0
    with _progress(len(drawings), err) as progress:
        for drawing in drawings:
            try:
                picture = _picture(generator, drawing.path, look, args.size, levelled=not args.as_is)
            except _Unreadable as e:
                progress.write(f"skipped {drawing.path}: {e}")
            else:
                target = args.out / drawing.out_name
                with atomic_writer(target) as f:
                    picture.save(f, format="PNG")
                made += 1
            progress.update()
    skipped = len(drawings) - made + len(missing)
    print(f"{made} picture(s) made" + (f", {skipped} file(s) skipped" if skipped else ""), file=out)
    return 0 if made else 1


def find_theme(id_or_folder: str):
    """A theme folder (one with a manifest.json), or the theme with that id among those the app finds."""
    from icanvas_desktop.themes import load_theme
    from icanvas_desktop.themes.discovery import discover_themes, theme_folders

    folder = Path(id_or_folder).expanduser()
    if (folder / "manifest.json").is_file():
        return load_theme(folder, tflite_only_ok=True)
    themes, _ = discover_themes(theme_folders())
    for theme in themes:
        if theme.id == id_or_folder:
            return theme
    known = ", ".join(sorted(t.id for t in themes)) or "none"
    raise LookupError(f"no theme {id_or_folder!r}: give a theme's folder, or one of these ids: {known}")


def find_drawings(
    paths: Iterable[Path], out_dir: Path, missing: list[tuple[Path, str]]
) -> Iterator[PaperDrawing]:
    """Every drawing named or in a named folder (sorted; never the pictures in `out_dir`), each with its own
    picture's name: two drawings that would get the same one get "-2", "-3"."""
    taken: set[Path] = set()
    out_dir = out_dir.resolve()
    for path in paths:
        if path.is_dir():
            found = sorted(p for p in path.rglob("*") if p.suffix.lower() in EXTENSIONS and p.is_file()
                           and not any(part.startswith(".") for part in p.relative_to(path).parts)
                           and out_dir not in p.resolve().parents)
            names = [(p, p.relative_to(path)) for p in found]
        elif path.exists():
            names = [(path, Path(path.name))]
        else:
            missing.append((path, "there is no such file or folder"))
            continue
        for source, relative in names:
            yield PaperDrawing(source, _unique(relative.with_suffix(".png"), taken))


def _unique(name: Path, taken: set[Path]) -> Path:
    candidate, n = name, 1
    while candidate in taken:
        n += 1
        candidate = name.with_name(f"{name.stem}-{n}{name.suffix}")
    taken.add(candidate)
    return candidate


class _Unreadable(Exception):
    pass


def _picture(generator, path: Path, look: Look, size: int | None, levelled: bool) -> Image.Image:
    from icanvas_desktop.generation.scanned_paper import level_paper

    try:
        with Image.open(path) as image:
            image.load()
            sketch = level_paper(image) if levelled else image.copy()
    except UnidentifiedImageError as e:
        raise _Unreadable("it is not a PNG, JPEG or WebP image (or it is damaged)") from e
    except Image.DecompressionBombError as e:
        raise _Unreadable(f"it is too large to be a drawing ({e})") from e
    except Exception as e:  # Pillow raises many kinds for a file that is not an image, or a damaged one
        raise _Unreadable(f"it is not an image this can read ({type(e).__name__}: {e})") from e
    picture = generator.generate(sketch, look)
    if size is not None and picture.size != (size, size):
        picture = picture.resize((size, size), Image.Resampling.LANCZOS)
    return picture


class _Lines:
    """Stands in for tqdm where it is not installed (the packaged app leaves it out): a line per drawing."""

    def __init__(self, total: int, stream: TextIO):
        self.total, self.done, self.stream = total, 0, stream

    def update(self) -> None:
        self.done += 1
        print(f"{self.done}/{self.total}", file=self.stream)

    def write(self, text: str) -> None:
        print(text, file=self.stream)


class _Bar:
    """tqdm's bar, with messages written above it rather than through it."""

    def __init__(self, tqdm, total: int, stream: TextIO):
        self._tqdm, self._stream = tqdm, stream
        self.bar = tqdm(total=total, unit="drawing", file=stream, dynamic_ncols=True)

    def update(self) -> None:
        self.bar.update()

    def write(self, text: str) -> None:
        self._tqdm.write(text, file=self._stream)


@contextmanager
def _progress(total: int, stream: TextIO):
    try:
        from tqdm import tqdm
    except ImportError:
        yield _Lines(total, stream)
        return
    progress = _Bar(tqdm, total, stream)
    try:
        yield progress
    finally:
        progress.bar.close()
