"""Installing a theme from a .zip an adult downloaded: every member checked before anything is written.

A theme zip holds `manifest.json`, the weights, optionally the .tflite, and images, either at its top
level or inside one folder. Everything else is refused rather than skipped, so nothing unexpected
(a script, an executable, a link) ever lands in the themes folder.
"""

import logging
import os
import re
import shutil
import stat
import tempfile
import warnings
import zipfile
import zlib
from collections.abc import Collection, Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from icanvas_desktop.files.atomic import remove_leftovers, replace_folder
from icanvas_desktop.networks.config import GeneratorConfig
from icanvas_desktop.settings.system import load_system_settings
from icanvas_desktop.themes.discovery import user_themes_dir
from icanvas_desktop.themes.manifest import MANIFEST_NAME, ManifestError, is_reserved_name, parse_manifest
from icanvas_desktop.themes.theme import MAX_MANIFEST_BYTES, Theme, ThemeError, load_theme

log = logging.getLogger(__name__)

FILENAME_PATTERN = r"[A-Za-z0-9][A-Za-z0-9._-]{0,99}"  # as the manifest schema's file names
IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".webp")
MAX_MEMBERS = 64


@dataclass(frozen=True)
class ImportLimits:
    """Sizes after decompression, checked from the zip's directory before anything is extracted."""

    file_bytes: int = 200 * 1024 * 1024
    total_bytes: int = 400 * 1024 * 1024
    image_bytes: int = 10 * 1024 * 1024
    image_pixels: int = 4096 * 4096  # decoded, about 64 MiB: a preview is a few hundred pixels a side


class ThemeImportError(Exception):
    """The zip was not installed and nothing was left behind; `str()` says why, for an adult."""

    def __init__(self, zip_path: Path, reason: str):
        super().__init__(f"{Path(zip_path).name} was not installed as a theme: {reason}")


def import_theme_zip(zip_path: Path, themes_folder: Path | None = None, limits: ImportLimits = ImportLimits(),
                     pinned: Collection[str] | None = None) -> Theme:
    """Check, extract and install; an installed theme with the same id is replaced in one swap.

    `pinned`: theme ids the administrator keeps in the system folder, which a user's copy may not replace
    (None: the administrator's `pinned_themes`).
    Whatever goes wrong, however hostile the zip, raises ThemeImportError and nothing else.
    """
    zip_path = Path(zip_path)
    themes_folder = Path(themes_folder) if themes_folder is not None else user_themes_dir()
    if pinned is None:
        pinned = load_system_settings().pinned_themes
    try:
        if not stat.S_ISREG(zip_path.stat().st_mode):  # opening a FIFO would wait for a writer for ever
            raise _Refused("it is not an ordinary file")
        with zipfile.ZipFile(zip_path) as archive:
            members, manifest = _checked_members(archive, limits)
            if manifest["id"] in pinned:
                raise _Refused(f"the administrator of this computer keeps the theme {manifest['id']!r} "
                               "in the system themes folder, so it cannot be replaced here; "
                               "ask them to update it")
            return _install(archive, members, manifest["id"], themes_folder, limits)
    except ThemeImportError:
        raise
    except FileNotFoundError:
        raise ThemeImportError(zip_path, "the file does not exist") from None
    except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError) as e:
        raise ThemeImportError(zip_path,
                               f"the zip file is damaged or incomplete ({e}); download it again") from e
    except _Refused as e:
        raise ThemeImportError(zip_path, str(e)) from None
    except OSError as e:
        raise ThemeImportError(zip_path, f"it could not be read or written ({e})") from e
    except Exception as e:  # a check we did not foresee must still end in a refusal
        log.exception("importing %s failed unexpectedly", zip_path)
        raise ThemeImportError(zip_path, f"it could not be checked ({type(e).__name__}); it is not a usable "
                               "theme package") from e


class _Refused(Exception):
    pass


def _checked_members(
    archive: zipfile.ZipFile, limits: ImportLimits
) -> tuple[dict[str, zipfile.ZipInfo], dict]:
    """File name in the theme → its zip entry, after every check that needs no extraction."""
    infos = archive.infolist()
    if len(infos) > MAX_MEMBERS:
        raise _Refused(f"it holds {len(infos)} entries; a theme has a handful")
    prefix = _common_folder(infos)
    members: dict[str, zipfile.ZipInfo] = {}
    for info in infos:
        name = _member_name(info, prefix)
        if name is None:
            continue
        if name in members:
            raise _Refused(f"{info.filename!r} appears twice")
        members[name] = info
    if sum(i.file_size for i in members.values()) > limits.total_bytes:
        raise _Refused(f"its contents would take more than {_size(limits.total_bytes)}")
    manifest = _read_manifest(archive, members)
    expected = {MANIFEST_NAME, manifest["weights"], manifest["preview"], manifest.get("tflite")}
    for name, info in members.items():
        if name not in expected and not name.lower().endswith(IMAGE_SUFFIXES):
            raise _Refused(f"{info.filename!r} is not part of a theme (only the manifest, the weights, the "
                           ".tflite model and images may be in it)")
        is_image = name == manifest["preview"] or name not in expected
        limit = limits.image_bytes if is_image else limits.file_bytes
        if info.file_size > limit:
            raise _Refused(f"{info.filename!r} is larger than {_size(limit)}")
    missing_checksums = [key for key in ("weights_sha256", "tflite_sha256")
                         if key not in manifest and (key == "weights_sha256" or "tflite" in manifest)]
    if missing_checksums:
        # Without checksums a damaged download would only show as strange pictures, much later.
        raise _Refused(f"{MANIFEST_NAME} lacks {', '.join(missing_checksums)}; "
                       "export it again with icanvas-train")
    return members, manifest


def _size(n: int) -> str:
    return f"{n / 2**20:.0f} MiB" if n >= 2**20 else f"{n // 1024} KiB"


def _common_folder(infos: list[zipfile.ZipInfo]) -> str:
    """'animals/' when every entry sits in that one folder (a zipped theme folder), else ''."""
    tops = {i.filename.split("/", 1)[0] for i in infos}
    if len(tops) == 1 and all("/" in i.filename for i in infos):
        return tops.pop() + "/"
    return ""


def _member_name(info: zipfile.ZipInfo, prefix: str) -> str | None:
    raw = info.filename
    path = PurePosixPath(raw)
    if "\\" in raw or path.is_absolute() or ".." in path.parts or (path.parts and ":" in path.parts[0]):
        raise _Refused(f"{raw!r} points outside the theme folder")
    mode = info.external_attr >> 16
    if stat.S_ISLNK(mode):
        raise _Refused(f"{raw!r} is a link")
    if info.is_dir():
        if raw != prefix:
            raise _Refused(f"{raw!r} is a folder; a theme has none inside")
        return None
    if stat.S_IFMT(mode) not in (0, stat.S_IFREG):  # zips made on Windows record no file type
        raise _Refused(f"{raw!r} is not an ordinary file")
    if info.flag_bits & 0x1:
        raise _Refused(f"{raw!r} is encrypted")
    name = raw[len(prefix):]
    if "/" in name:
        raise _Refused(f"{raw!r} is in a sub-folder; a theme has none")
    if not re.fullmatch(FILENAME_PATTERN, name):
        raise _Refused(f"{raw!r} has a name a theme file cannot have (letters, digits, '.', '-', '_' only)")
    if is_reserved_name(name):
        raise _Refused(f"{raw!r} has a name Windows keeps for a device (such as NUL or CON)")
    return name


def _read_manifest(archive: zipfile.ZipFile, members: dict[str, zipfile.ZipInfo]) -> dict:
    info = members.get(MANIFEST_NAME)
    if info is None:
        raise _Refused(f"it has no {MANIFEST_NAME}, so it is not a theme package")
    if info.file_size > MAX_MANIFEST_BYTES:
        raise _Refused(f"{MANIFEST_NAME} is larger than {MAX_MANIFEST_BYTES // 1024} KiB")
    try:
        manifest = parse_manifest(b"".join(_blocks(archive, info, MAX_MANIFEST_BYTES)).decode("utf-8"))
    except (UnicodeDecodeError, ManifestError) as e:
        raise _Refused(f"{MANIFEST_NAME} is broken: {e}") from e
    try:
        GeneratorConfig.from_dict(manifest["architecture"])
    except ValueError as e:
        raise _Refused(f"{MANIFEST_NAME} describes a generator the app will not build: {e}") from e
    return manifest


def _install(archive, members, theme_id: str, themes_folder: Path, limits: ImportLimits) -> Theme:
    # The folders this import creates, outermost last, so a refusal leaves none of them behind.
    created = [folder for folder in (themes_folder, *themes_folder.parents) if not folder.exists()]
    themes_folder.mkdir(parents=True, exist_ok=True)
    remove_leftovers(themes_folder)
    # Hidden and beside the target: discovery skips it, and the final rename stays on one filesystem.
    staging = Path(tempfile.mkdtemp(prefix=f".{theme_id}.import-{os.getpid()}-", dir=themes_folder))
    try:
        for name, info in members.items():
            _extract(archive, info, staging / name, limits.file_bytes)
            if name.lower().endswith(IMAGE_SUFFIXES):
                _check_image(staging / name, info.filename, limits.image_pixels)
        try:
            load_theme(staging)
        except ThemeError as e:
            raise _Refused(str(e).removeprefix(f"{staging}: ")) from e
        target = themes_folder / theme_id
        replace_folder(staging, target)
        return load_theme(target, verify_weights=False)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        for folder in created:
            try:
                folder.rmdir()
            except OSError:  # something else put a file there meanwhile: it stays
                break
        raise


def _extract(archive: zipfile.ZipFile, info: zipfile.ZipInfo, target: Path, limit: int) -> None:
    with target.open("xb") as out:
        for block in _blocks(archive, info, limit):
            out.write(block)
        out.flush()
        os.fsync(out.fileno())


def _blocks(archive: zipfile.ZipFile, info: zipfile.ZipInfo, limit: int) -> Iterator[bytes]:
    """The member's data in blocks of at most 1 MiB, stopped as soon as it passes its declared size
    or `limit`: the zip's directory may understate what the data expands to, and the CRC is checked
    only at the end."""
    read = 0
    with archive.open(info) as source:
        for block in iter(lambda: source.read(1 << 20), b""):
            read += len(block)
            if read > min(limit, info.file_size):
                raise _Refused(f"{info.filename!r} expands to more than its declared size")
            yield block


def _check_image(path: Path, member: str, max_pixels: int) -> None:
    """Decode the picture completely, refusing one that is not a picture or that would decode to more than
    `max_pixels` (a few kilobytes of PNG can claim gigapixels)."""
    from PIL import Image

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(path) as image:
                if image.format not in ("PNG", "JPEG", "WEBP"):
                    raise _Refused(f"{member!r} is a {image.format} file, not a PNG, JPEG or WebP picture")
                if image.width * image.height > max_pixels:
                    raise _Refused(f"{member!r} is {image.width}x{image.height} px; "
                                   f"a theme's pictures have at most {max_pixels // 1_000_000} "
                                   "million pixels")
                image.load()
    except _Refused:
        raise
    except Exception as e:  # Pillow reports bad data with many exception types
        raise _Refused(f"{member!r} is not a picture that can be read ({type(e).__name__}: {e})") from e
