"""Finding themes (Qt-free): which folders, broken ones skipped and reported, later folders win."""

import json
import os
import shutil
from pathlib import Path

import pytest
from read_only import ReadOnly
from trainer.synthetic import THEME_ID

from icanvas_desktop.files import resources
from icanvas_desktop.themes import discovery
from icanvas_desktop.themes import theme as theme_module
from icanvas_desktop.themes.discovery import (
    EXTRA_THEMES_ENV,
    discover_themes,
    system_themes_dir,
    theme_folders,
    user_themes_dir,
)


def _copy_theme(
    themes_folder: Path, target_root: Path, theme_id: str = THEME_ID, name_en: str = "Shapes"
) -> Path:
    target = target_root / theme_id
    shutil.copytree(themes_folder / THEME_ID, target)
    manifest = json.loads((target / "manifest.json").read_text())
    manifest["id"], manifest["names"]["en"] = theme_id, name_en
    (target / "manifest.json").write_text(json.dumps(manifest))
    return target


@pytest.fixture(autouse=True)
def data_dir(tmp_path, monkeypatch):
    """A data root and an administrator folder of the test's own, and no extra theme folders from the
    environment, so only the folders a test makes are searched."""
    root = tmp_path / "data"
    monkeypatch.setenv("ICANVAS_DATA_DIR", str(root))
    monkeypatch.setenv("ICANVAS_SYSTEM_DIR", str(tmp_path / "system"))
    monkeypatch.delenv("ICANVAS_EXTRA_THEMES", raising=False)
    return root


def test_the_folders_are_bundled_then_system_then_the_users_own(data_dir, monkeypatch, tmp_path):
    folders = theme_folders()
    assert folders == [resources.bundled_models_dir(), system_themes_dir(), data_dir / "themes"]
    assert resources.bundled_models_dir() == Path(__file__).resolve().parents[1] / "models"
    assert user_themes_dir() == data_dir / "themes"
    monkeypatch.setenv(EXTRA_THEMES_ENV, os.pathsep.join([str(tmp_path / "a"), str(tmp_path / "b")]))
    assert theme_folders()[-2:] == [tmp_path / "a", tmp_path / "b"]


def test_a_frozen_app_finds_its_files_in_the_bundle(monkeypatch, tmp_path):
    monkeypatch.setattr("sys._MEIPASS", str(tmp_path), raising=False)
    assert resources.bundled_models_dir() == tmp_path / "models"
    assert resources.stylesheet_path() == tmp_path / "resources" / "styles" / "app.qss"


def test_missing_and_empty_folders_give_no_themes_and_no_problems(tmp_path):
    (tmp_path / "empty").mkdir()
    assert discover_themes([tmp_path / "missing", tmp_path / "empty"]) == ([], [])


def test_broken_themes_are_skipped_and_reported(themes_folder, tmp_path):
    root = tmp_path / "themes"
    _copy_theme(themes_folder, root)
    broken = _copy_theme(themes_folder, root, "broken")
    (broken / "generator.weights.h5").write_bytes(b"damaged")
    (root / "not-a-theme").mkdir()
    (root / ".shapes.partial-123").mkdir()  # an export in progress
    (root / "readme.txt").write_text("hello")
    themes, problems = discover_themes([root])
    assert [t.id for t in themes] == [THEME_ID]
    assert sorted(p.theme_folder.name for p in problems) == ["broken", "not-a-theme"]
    assert any("damaged" in str(p) for p in problems)


def test_a_later_folder_replaces_a_theme_with_the_same_id(themes_folder, tmp_path):
    bundled, user = tmp_path / "bundled", tmp_path / "user"
    _copy_theme(themes_folder, bundled, "animals", "Animals (old)")
    _copy_theme(themes_folder, bundled, "cars", "Cars")
    _copy_theme(themes_folder, user, "animals", "Animals (new)")
    themes, problems = discover_themes([bundled, user])
    assert problems == []
    assert [(t.id, t.name("en"), t.folder.parent) for t in themes] == [
        ("animals", "Animals (new)", user),  # keeps its place in the order
        ("cars", "Cars", bundled),
    ]


def test_a_read_only_themes_folder_is_read_and_never_written(themes_folder, tmp_path):
    root = tmp_path / "read-only"
    _copy_theme(themes_folder, root)
    before = {p: p.stat().st_mtime_ns for p in root.rglob("*")}
    with ReadOnly(root):  # for root too, who writes through any chmod
        themes, problems = discover_themes([root])
    assert [t.id for t in themes] == [THEME_ID] and problems == []
    assert {p: p.stat().st_mtime_ns for p in root.rglob("*")} == before


def test_an_unreadable_themes_folder_is_reported(tmp_path, monkeypatch):
    root = tmp_path / "locked"
    root.mkdir()
    real_iterdir = Path.iterdir

    def no_permission(self):
        if self == root:  # as the app sees a folder it may not list (root lists any folder)
            raise PermissionError(13, "Permission denied", str(self))
        return real_iterdir(self)

    monkeypatch.setattr(Path, "iterdir", no_permission)
    themes, problems = discover_themes([root])
    assert themes == [] and [str(p) for p in problems] == [
        f"{root}: the themes folder cannot be read: Permission denied"]


def _write_manifest(folder: Path, text: str) -> None:
    (folder / "manifest.json").unlink()
    (folder / "manifest.json").write_text(text)


def test_a_hostile_manifest_removes_only_its_own_theme(themes_folder, tmp_path, monkeypatch):
    root = tmp_path / "themes"
    _copy_theme(themes_folder, root)
    _write_manifest(_copy_theme(themes_folder, root, "nested"),
                    '{"format": ' + "[" * 100_000 + "]" * 100_000 + "}")
    _write_manifest(_copy_theme(themes_folder, root, "digits"), '{"format": ' + "9" * 5000 + "}")
    fifo = _copy_theme(themes_folder, root, "fifo")
    (fifo / "manifest.json").unlink()
    os.mkfifo(fifo / "manifest.json")  # read, it would block discovery for ever
    huge = _copy_theme(themes_folder, root, "huge")
    manifest = json.loads((huge / "manifest.json").read_text())
    manifest["architecture"]["settings"]["ngf"] = 4096
    _write_manifest(huge, json.dumps(manifest))
    # Whatever a check we did not foresee raises, one theme's failure stays its own.
    real_load = discovery.load_theme

    def load_theme(folder, **kw):
        if folder.name == "unforeseen":
            raise MemoryError
        return real_load(folder, **kw)

    monkeypatch.setattr(discovery, "load_theme", load_theme)
    _copy_theme(themes_folder, root, "unforeseen")
    themes, problems = discover_themes([root])
    assert [t.id for t in themes] == [THEME_ID]
    reasons = {p.theme_folder.name: str(p) for p in problems}
    assert sorted(reasons) == ["digits", "fifo", "huge", "nested", "unforeseen"]
    assert "nested too deeply" in reasons["nested"] and "4300 digits" in reasons["digits"]
    assert "not an ordinary file" in reasons["fifo"]
    assert "ngf must be a whole number from 1 to 256" in reasons["huge"]


def test_a_pinned_theme_comes_only_from_the_administrators_folders(themes_folder, data_dir, tmp_path):
    _copy_theme(themes_folder, system_themes_dir(), name_en="Shapes (school)")
    _copy_theme(themes_folder, user_themes_dir(), name_en="Shapes (mine)")
    themes, problems = discover_themes([system_themes_dir(), user_themes_dir()], pinned={THEME_ID})
    assert [(t.name("en"), t.folder.parent) for t in themes] == [("Shapes (school)", system_themes_dir())]
    assert [p.theme_folder for p in problems] == [user_themes_dir() / THEME_ID]
    assert "the administrator keeps the theme 'shapes'" in str(problems[0])
    (system_themes_dir().parent / "system_settings.json").write_text(
        json.dumps({"version": 1, "pinned_themes": [THEME_ID]}))
    both = [system_themes_dir(), user_themes_dir()]
    assert [t.name("en") for t in discover_themes(both)[0]] == ["Shapes (school)"]
    assert [t.name("en") for t in discover_themes(both, pinned=())[0]] == ["Shapes (mine)"]


def test_a_theme_whose_files_cannot_be_read_or_whose_sizes_disagree_removes_only_itself(
    themes_folder, tmp_path, monkeypatch
):
    root = tmp_path / "themes"
    _copy_theme(themes_folder, root)
    for name, change in (("float", {"input_size": 32.0}), ("sizes", {"input_size": 64})):
        folder = _copy_theme(themes_folder, root, name)
        _write_manifest(folder, json.dumps(json.loads((folder / "manifest.json").read_text()) | change))
    bad_sector = _copy_theme(themes_folder, root, "bad-sector")
    real_sha256 = theme_module.file_sha256

    def sha256(path, *args):
        if path.parent == bad_sector:
            raise OSError(5, "Input/output error", str(path))
        return real_sha256(path, *args)

    monkeypatch.setattr(theme_module, "file_sha256", sha256)
    themes, problems = discover_themes([root])
    assert [t.id for t in themes] == [THEME_ID]
    reasons = {p.theme_folder.name: str(p) for p in problems}
    assert reasons == {
        "bad-sector": f"{bad_sector}: cannot be read: Input/output error",
        "float": f"{root / 'float'}: manifest.json is broken: input_size must be a whole number",
        "sizes": f"{root / 'sizes'}: manifest.json is broken: architecture/image_size must equal input_size",
    }
