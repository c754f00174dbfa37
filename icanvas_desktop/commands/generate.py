"""`icanvas generate`: pictures from drawings on paper, for a teacher with a class's drawings (and for us, to
judge a theme on real drawings).

    icanvas generate --theme emoji --look clean scans/ photo.jpg --out pictures/

Each drawing (PNG, JPEG or WebP, any size; a folder gives every such file in it and its sub-folders) goes
through the app's own path (generation/pipeline.py: load_generator, then Generator.generate), after its
paper is levelled (generation/scanned_paper.py), and its picture is written as OUT/<its name>.png, keeping the
sub-folders a folder had. A file that cannot be read is named, with why, and the rest goes on; so is
anything in a folder that looks like a drawing but is not a file (a pipe, a device, a folder named x.png, a
link that leads nowhere). The pictures never go where the drawings are, and never over one. Exit status:
0 when at least one picture was made, 1 when none was (or one could not be written), 2 when the theme or
the output folder cannot be used.
"""

import argparse
import stat
import sys
import warnings
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from PIL import Image, ImageOps, UnidentifiedImageError

from icanvas_desktop.files.atomic import atomic_writer
from icanvas_desktop.files.regular import NotARegularFile, open_regular
from icanvas_desktop.files.write_problems import CannotWrite, writing
from icanvas_desktop.look import THEMES_OWN, Look, resolve_look

RAW = "raw"  # what a theme's judge calls the painted look: the generator's own picture, no child's choice

EXTENSIONS = (".png", ".jpg", ".jpeg", ".webp")
# The most pixels a drawing may have, checked before it is decoded: a 48 MP phone photo fits; a small file
# that claims 13000 × 13000 (a decompression bomb, or a mistake) would take gigabytes. Transparency and
# 16-bit levels take more memory per pixel on the way to grey paper (about 20 bytes against 12), so such
# images get fewer: either way the command stays under 1 GB (benchmarks/generate_memory.py).
MAX_PIXELS = 50_000_000
MAX_WIDE_PIXELS = 32_000_000


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
    parser.add_argument("--look", choices=(*Look, RAW),
                        help="the look of the pictures (default: the theme's own); raw (or painted): the "
                             "generator's picture as it comes, to judge a theme")
    parser.add_argument("drawings", nargs="+", type=Path, metavar="SKETCH_OR_FOLDER",
                        help="PNG, JPEG or WebP files, or folders of them")
    parser.add_argument("--out", required=True, type=Path, metavar="DIR", help="where the pictures go")
    parser.add_argument("--size", type=int, metavar="PX",
                        help="each picture's long side, up to 4096 (default: the theme's own size, often "
                             "256); in the clean look the lines are drawn afresh at that size")
    parser.add_argument("--square", action="store_true",
                        help="keep the square sheet the theme paints, the drawing centred on white paper "
                             "(default: the drawing's own proportions)")
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
    clash = out_folder_clash(args.drawings, args.out)
    if clash:
        print(f"error: {clash}", file=err)
        return 2
    missing: list[tuple[Path, str]] = []
    drawings = list(find_drawings(args.drawings, args.out, missing))
    for path, why in missing:
        print(f"skipped {path}: {why}", file=err)
    look = resolve_look(Look.PAINTED if args.look == RAW else args.look or THEMES_OWN, theme.look)
    print(f"{len(drawings)} drawing(s) → {args.out} with {theme.id!r} ({theme.name('en')}), {look} look",
          file=out)
    made = 0
    with _progress(len(drawings), err) as progress:
        for drawing in drawings:
            try:
                picture = _picture(generator, drawing.path, look, args.size or generator.input_size,
                                   levelled=not args.as_is, square=args.square)
            except _Unreadable as e:
                progress.write(f"skipped {drawing.path}: {e}")
            else:
                target = args.out / drawing.out_name
                try:
                    with writing(target), atomic_writer(target) as f:
                        picture.save(f, format="PNG")
                except CannotWrite as e:
                    # The next picture would fail the same way: stop, and say what was made.
                    progress.write(f"error: {e}")
                    print(f"{made} picture(s) made; stopped at {drawing.path}", file=out)
                    return 1
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


def out_folder_clash(paths: Iterable[Path], out_dir: Path) -> str | None:
    """Why `out_dir` cannot take the pictures of `paths`, or None: it is a folder of drawings named, or holds
    a drawing named, so pictures would be mixed with the drawings or written over them (scan.png's picture
    is scan.png)."""
    out = out_dir.resolve()
    for path in paths:
        try:
            is_dir = path.is_dir()
            place = path.resolve() if is_dir else path.resolve().parent
        except (OSError, RuntimeError):  # a link loop (RuntimeError from resolve): find_drawings names it
            continue
        if place == out:
            what = "is the folder of drawings" if is_dir else f"holds the drawing {path}"
            return (f"--out {out_dir} {what}: the pictures would be mixed with the drawings, or written "
                    f"over them; give the pictures a folder of their own, e.g. --out {out_dir / 'pictures'}")
    return None


def find_drawings(
    paths: Iterable[Path], out_dir: Path, missing: list[tuple[Path, str]]
) -> Iterator[PaperDrawing]:
    """Every drawing named or in a named folder (sorted; never the pictures in `out_dir`), each with its own
    picture's name: two drawings that would get the same one get "-2", "-3". What in a folder has a
    drawing's name but is not a regular file goes to `missing`, with why."""
    taken: set[Path] = set()
    out_dir = out_dir.resolve()
    for path in paths:
        if path.is_dir():
            names = []
            for p in sorted(path.rglob("*")):
                if (p.suffix.lower() not in EXTENSIONS
                        or any(part.startswith(".") for part in p.relative_to(path).parts)):
                    continue
                why = _not_a_file(p)
                if why is None and out_dir not in p.resolve().parents:
                    names.append((p, p.relative_to(path)))
                elif why is not None:
                    missing.append((p, why))
        elif path.exists():
            names = [(path, Path(path.name))]
        else:
            why = _not_a_file(path) if path.is_symlink() else "there is no such file or folder"
            missing.append((path, why))
            continue
        for source, relative in names:
            yield PaperDrawing(source, _unique(relative.with_suffix(".png"), taken))


def _not_a_file(path: Path) -> str | None:
    """Why `path` is not a regular file (following links), or None when it is one."""
    try:
        mode = path.stat().st_mode
    except OSError as e:
        return ("it is a link that leads nowhere or round in a loop" if path.is_symlink()
                else f"it cannot be read ({e.strerror or e})")
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return "it is a folder, not an image (the images in it are read)"
    if stat.S_ISFIFO(mode):
        return "it is a pipe (FIFO), not a file"
    return "it is a device or other special file, not an image"


def _unique(name: Path, taken: set[Path]) -> Path:
    candidate, n = name, 1
    while candidate in taken:
        n += 1
        candidate = name.with_name(f"{name.stem}-{n}{name.suffix}")
    taken.add(candidate)
    return candidate


class _Unreadable(Exception):
    pass


def _picture(generator, path: Path, look: Look, size: int, levelled: bool, square: bool) -> Image.Image:
    """The picture of the drawing at `path`, `size` px on its long side (and square only if asked): in the
    clean look drawn at that size (generation/big_picture.py), any other look enlarged from the theme's."""
    from icanvas_desktop.generation.scanned_paper import WORK_SIDE, level_paper

    try:
        f = open_regular(path)
    except NotARegularFile as e:
        raise _Unreadable(_not_a_file(path) or "it is not a regular file") from e
    except OSError as e:
        raise _Unreadable(_not_a_file(path) or f"it cannot be read ({e.strerror or e})") from e
    try:
        with f:
            with warnings.catch_warnings():
                # Pillow warns of big images as it opens them; _bounded refuses those that are too big.
                warnings.simplefilter("ignore", Image.DecompressionBombWarning)
                image = Image.open(f)
            _bounded(image)
            image.load()
            # Phones save photos sideways and say so in EXIF; a drawing taken as it is is turned upright too.
            image = ImageOps.exif_transpose(image)
            sketch = level_paper(image, max(WORK_SIDE, size)) if levelled else image
    except _Unreadable:
        raise
    except UnidentifiedImageError as e:
        raise _Unreadable("it is not a PNG, JPEG or WebP image (or it is damaged)") from e
    except Image.DecompressionBombError as e:
        raise _Unreadable(f"it is too large to be a drawing ({e})") from e
    except Exception as e:  # Pillow raises many kinds for a file that is not an image, or a damaged one
        raise _Unreadable(f"it is not an image this can read ({type(e).__name__}: {e})") from e
    if look == Look.CLEAN:
        from icanvas_desktop.generation.big_picture import ScalablePicture

        # The clean picture at the working size first, as the app makes it: its colours are the recogniser's
        # and the colourer's as well as the theme's, which the generator's own picture alone is not.
        picture = ScalablePicture(sketch, generator.generate(sketch, Look.CLEAN)).at(size)
    else:
        picture = generator.generate(sketch, look)
        if picture.size != (size, size):
            picture = picture.resize((size, size), Image.Resampling.LANCZOS)
    return picture if square else _unpadded(picture, sketch.size)


def _unpadded(picture: Image.Image, drawing_size: tuple[int, int]) -> Image.Image:
    """The part of a square `picture` that shows the drawing of `drawing_size`, which the generator saw
    centred on white paper (sketch_input.sketch_to_array)."""
    width, height = drawing_size
    long = max(width, height)
    scale = picture.width / long
    # Where ImageOps.pad put the drawing, at the picture's scale.
    left, top = int((long - width) * 0.5) * scale, int((long - height) * 0.5) * scale
    box = (round(left), round(top), round(left) + max(1, round(width * scale)),
           round(top) + max(1, round(height * scale)))
    return picture.crop(box)


def _bounded(image: Image.Image) -> None:
    """Refuse an image of more than MAX_PIXELS before its pixels are decoded (Pillow reads the size from
    the header)."""
    width, height = image.size
    wide = (image.mode not in ("1", "L", "P", "RGB", "YCbCr")
            or (image.mode == "P" and "transparency" in image.info))
    limit = MAX_WIDE_PIXELS if wide else MAX_PIXELS
    if width * height > limit:
        raise _Unreadable(f"it is {width} × {height} pixels, more than a drawing needs (at most "
                          f"{limit // 1_000_000} million for this kind of image); scale it down, e.g. to "
                          "4000 px on its long side")


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
