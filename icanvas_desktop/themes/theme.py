"""Loading a theme folder: validate the manifest, check the files, describe the generator to build."""

import hashlib
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

from icanvas_desktop.networks.config import GeneratorConfig
from icanvas_desktop.themes.manifest import MANIFEST_NAME, ManifestError, parse_manifest

THEME_ID_PATTERN = r"^[a-z0-9][a-z0-9_-]{0,39}$"
MAX_MANIFEST_BYTES = 256 * 1024


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
    def tflite_path(self) -> Path | None:
        name = self.manifest.get("tflite")
        return self.folder / name if name else None

    @property
    def preview_path(self) -> Path:
        return self.folder / self.manifest["preview"]

    @property
    def prompts(self) -> list[dict[str, str]]:
        return self.manifest["prompts"]


def load_theme(folder: Path, verify_weights: bool = True) -> Theme:
    """Read and check a theme folder. Nothing from the folder is executed or unpickled."""
    folder = Path(folder)
    manifest_path = folder / MANIFEST_NAME
    try:
        if manifest_path.stat().st_size > MAX_MANIFEST_BYTES:
            raise ThemeError(folder, f"{MANIFEST_NAME} is larger than {MAX_MANIFEST_BYTES // 1024} KiB")
        manifest = parse_manifest(manifest_path.read_text("utf-8"))
    except FileNotFoundError:
        raise ThemeError(folder, f"no {MANIFEST_NAME}: this is not a theme folder") from None
    except (UnicodeDecodeError, ManifestError) as e:
        raise ThemeError(folder, f"{MANIFEST_NAME} is broken: {e}") from e
    try:
        GeneratorConfig.from_dict(manifest["architecture"])
    except ValueError as e:
        raise ThemeError(folder, f"{MANIFEST_NAME} describes an unusable generator: {e}") from e
    theme = Theme(folder, manifest)
    for role, path in (("weights", theme.weights_path), ("preview", theme.preview_path)):
        if not path.is_file():
            raise ThemeError(folder, f"the {role} file {path.name} is missing")
    expected = manifest.get("weights_sha256")
    if verify_weights and expected and file_sha256(theme.weights_path) != expected:
        raise ThemeError(folder, f"{theme.weights_path.name} is damaged (checksum differs): reinstall the theme")
    return theme


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()
