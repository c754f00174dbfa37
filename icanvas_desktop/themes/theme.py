"""Loading a theme folder: validate the manifest, check the files, describe the generator to build."""

import os
import stat
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

from icanvas_desktop.files.regular import NotARegularFile, read_regular_bytes
from icanvas_desktop.look import Look
from icanvas_desktop.networks.config import MAX_PARAMETERS, GeneratorConfig
from icanvas_desktop.themes.checksums import FileTooLarge, file_sha256
from icanvas_desktop.themes.manifest import MANIFEST_NAME, ManifestError, parse_manifest

THEME_ID_PATTERN = r"^[a-z0-9][a-z0-9_-]{0,39}$"
MAX_MANIFEST_BYTES = 256 * 1024
# The largest generator any app runs, in float32, with room for the file's own structure: a larger weights
# or .tflite file cannot be a theme's, and is refused from its size alone, before a byte is read (a 30 GiB
# sparse file took 45 s to hash).
MAX_MODEL_BYTES = MAX_PARAMETERS * 4 + 16 * 1024 * 1024
MAX_PREVIEW_BYTES = 10 * 1024 * 1024  # as a theme zip's pictures


class ThemeError(Exception):
    """A theme cannot be used. `str()` is for the adult who installed it; `theme_folder` says which."""

    def __init__(self, theme_folder: Path, message: str):
        super().__init__(f"{theme_folder}: {message}")
        self.theme_folder = theme_folder


@dataclass(frozen=True)
class Theme:
    folder: Path
    manifest: dict[str, Any]

    @property
    def id(self) -> str:
        return self.manifest["id"]

    def name(self, language: str) -> str:
        names = self.manifest["names"]
        return names.get(language, names["en"])

    @property
    def input_size(self) -> int:
        return self.manifest["input_size"]

    @cached_property
    def generator_config(self) -> GeneratorConfig:
        return GeneratorConfig.from_dict(self.manifest["architecture"])

    @property
    def weights_path(self) -> Path:
        return self.folder / self.manifest["weights"]

    @property
    def has_keras_weights(self) -> bool:
        return self.weights_path.is_file()

    @property
    def tflite_path(self) -> Path | None:
        name = self.manifest.get("tflite")
        return self.folder / name if name else None

    @property
    def preview_path(self) -> Path:
        return self.folder / self.manifest["preview"]

    @property
    def prompts(self) -> list[dict[str, str]]:
        return self.manifest["prompts"]

    @property
    def look(self) -> Look:
        """The look its pictures have unless the child picks another (painted, the generator's picture as it
        comes, for manifests from before the clean look; the manifest's schema allows only a Look)."""
        return Look(self.manifest.get("look", Look.PAINTED))


def load_theme(folder: Path, verify_weights: bool = True, tflite_only_ok: bool = False) -> Theme:
    """Read and check a theme folder. Nothing from the folder is executed or unpickled.

    `tflite_only_ok` accepts a folder without the Keras weights when its .tflite is there and matches the
    manifest's checksum: the packaged app ships only the .tflite to stay small. The trainer and the theme
    importer leave it off, since they need (or hand on) the Keras weights.
    """
    folder = Path(folder)
    manifest_path = folder / MANIFEST_NAME
    try:
        manifest = parse_manifest(_read_manifest_text(folder, manifest_path))
    except FileNotFoundError:
        raise ThemeError(folder, f"no {MANIFEST_NAME}: this is not a theme folder") from None
    except (UnicodeDecodeError, ManifestError) as e:
        raise ThemeError(folder, f"{MANIFEST_NAME} is broken: {e}") from e
    try:
        GeneratorConfig.from_dict(manifest["architecture"])
    except ValueError as e:
        raise ThemeError(folder, f"{MANIFEST_NAME} describes an unusable generator: {e}") from e
    theme = Theme(folder, manifest)
    files = [("preview", theme.preview_path, None, MAX_PREVIEW_BYTES)]
    if theme.tflite_path is not None:
        files.append(("LiteRT model", theme.tflite_path, "tflite_sha256", MAX_MODEL_BYTES))
    # Without a checksum a .tflite proves nothing about the weights it replaces, so it cannot stand alone.
    tflite_stands_alone = tflite_only_ok and "tflite_sha256" in manifest
    if theme.weights_path.is_file() or not tflite_stands_alone:
        files.insert(0, ("weights", theme.weights_path, "weights_sha256", MAX_MODEL_BYTES))
    for role, path, _, max_bytes in files:  # every file's kind and size before any file is read
        _check_file(folder, role, path, max_bytes)
    for role, path, checksum_key, max_bytes in files:
        expected = manifest.get(checksum_key) if checksum_key else None
        if verify_weights and expected and _sha256(folder, role, path, max_bytes) != expected:
            raise ThemeError(folder, f"{path.name} is damaged (checksum differs): reinstall the theme")
    return theme


def _read_manifest_text(folder: Path, path: Path) -> str:
    # A FIFO or device under the manifest's name would block or never end; only a regular file is read,
    # and no further than the limit, however large it has grown since.
    try:
        raw = read_regular_bytes(path, MAX_MANIFEST_BYTES)
    except NotARegularFile:
        raise ThemeError(folder, f"{MANIFEST_NAME} is not an ordinary file") from None
    if len(raw) > MAX_MANIFEST_BYTES:
        raise ThemeError(folder, f"{MANIFEST_NAME} is larger than {MAX_MANIFEST_BYTES // 1024} KiB")
    return raw.decode("utf-8")


def _check_file(folder: Path, role: str, path: Path, max_bytes: int) -> None:
    try:
        st = os.stat(path)
    except FileNotFoundError:
        raise ThemeError(folder, f"the {role} file {path.name} is missing") from None
    if not stat.S_ISREG(st.st_mode):
        raise ThemeError(folder, f"the {role} file {path.name} is not an ordinary file")
    if st.st_size > max_bytes:
        raise ThemeError(folder, _too_large(role, path, st.st_size, max_bytes))


def _sha256(folder: Path, role: str, path: Path, max_bytes: int) -> str:
    try:
        return file_sha256(path, max_bytes)
    except FileTooLarge as e:  # it grew since it was checked
        raise ThemeError(folder, _too_large(role, path, e.size, max_bytes)) from None
    except NotARegularFile:
        raise ThemeError(folder, f"the {role} file {path.name} is not an ordinary file") from None


def _too_large(role: str, path: Path, size: int, max_bytes: int) -> str:
    return (f"the {role} file {path.name} is {size / 2**20:,.0f} MiB, larger than any theme's "
            f"({max_bytes / 2**20:,.0f} MiB): reinstall the theme")
