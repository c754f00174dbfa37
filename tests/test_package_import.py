import json
import os
import stat
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from trainer.synthetic import train_tiny_run

from icanvas_desktop.generation import load_generator
from icanvas_desktop.themes.package_import import ImportLimits, ThemeImportError, import_theme_zip
from icanvas_desktop.trainer.export import export_theme, write_theme_zip

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def good_zip(tmp_path_factory):
    root = tmp_path_factory.mktemp("package")
    folder = export_theme(train_tiny_run(root), root / "exported", "shapes", {"en": "Shapes", "ko": "도형"},
                          "synthetic shapes", "CC0-1.0", [{"id": "ball", "en": "Draw a ball", "ko": "공"}])
    return write_theme_zip(folder)


def _members(zip_path) -> dict[str, bytes]:
    with zipfile.ZipFile(zip_path) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def _zip(path, members: dict[str, bytes], extra: list[zipfile.ZipInfo] = ()) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
        for info in extra:
            archive.writestr(info, b"x")
    return path


def _refused(zip_path, themes, match, **kw):
    with pytest.raises(ThemeImportError, match=match) as refused:
        import_theme_zip(zip_path, themes, **kw)
    assert not themes.exists(), "nothing is left behind"
    assert str(refused.value).startswith(f"{zip_path.name} was not installed as a theme: ")


def test_a_good_package_installs_and_replaces_an_older_one(good_zip, tmp_path):
    themes = tmp_path / "themes"
    theme = import_theme_zip(good_zip, themes)
    assert theme.folder == themes / "shapes" and theme.name("ko") == "도형"
    assert load_generator(theme).runtime.name == "litert"
    assert sorted(p.name for p in theme.folder.iterdir()) == sorted(_members(good_zip))
    import_theme_zip(good_zip, themes)
    assert [p.name for p in themes.iterdir()] == ["shapes"]


def test_a_zipped_theme_folder_installs_too(good_zip, tmp_path):
    nested = _zip(tmp_path / "nested.zip", {f"shapes-v2/{n}": d for n, d in _members(good_zip).items()})
    assert import_theme_zip(nested, tmp_path / "themes").id == "shapes"


@pytest.mark.parametrize(("name", "match"), [
    ("../escape.png", "outside the theme folder"),
    ("/etc/escape.png", "outside the theme folder"),
    ("C:/escape.png", "outside the theme folder"),
    ("..\\escape.png", "outside the theme folder"),
    ("install.sh", "not part of a theme"),
    ("setup.exe", "not part of a theme"),
    ("sub/picture.png", "sub-folder"),
])
def test_unexpected_members_are_refused(good_zip, tmp_path, name, match):
    members = _members(good_zip) | {name: b"#!/bin/sh\nrm -rf ~\n"}
    _refused(_zip(tmp_path / "bad.zip", members), tmp_path / "themes", match)


def test_a_link_is_refused(good_zip, tmp_path):
    link = zipfile.ZipInfo("extra.png")
    link.external_attr = (stat.S_IFLNK | 0o777) << 16
    _refused(_zip(tmp_path / "bad.zip", _members(good_zip), [link]), tmp_path / "themes", "is a link")


def test_oversized_members_are_refused_before_extraction(good_zip, tmp_path):
    themes = tmp_path / "themes"
    fat = _zip(tmp_path / "fat.zip", _members(good_zip) | {"generator.weights.h5": os.urandom(2 * 2**20)})
    _refused(fat, themes, "'generator.weights.h5' is larger than 1 MiB", limits=ImportLimits(file_bytes=2**20))
    bomb = _zip(tmp_path / "bomb.zip", _members(good_zip) | {"huge.png": bytes(50 * 2**20)})
    assert bomb.stat().st_size < 2**20
    _refused(bomb, themes, "larger than 10 MiB")
    _refused(bomb, themes, "more than 40 MiB", limits=ImportLimits(total_bytes=40 * 2**20))


@pytest.mark.parametrize(("manifest", "match"), [
    (b"{not json", "manifest.json is broken: not valid JSON|manifest.json is broken"),
    (json.dumps({"format": "icanvas-theme"}).encode(), "manifest.json is broken"),
])
def test_a_broken_manifest_is_refused(good_zip, tmp_path, manifest, match):
    _refused(_zip(tmp_path / "bad.zip", _members(good_zip) | {"manifest.json": manifest}), tmp_path / "themes", match)


def test_a_bad_theme_id_or_missing_checksum_is_refused(good_zip, tmp_path):
    manifest = json.loads(_members(good_zip)["manifest.json"])
    for change, match in (({"id": "../up"}, "manifest.json is broken: id"), ({"weights_sha256": None}, "lacks")):
        edited = {k: v for k, v in (manifest | change).items() if v is not None}
        members = _members(good_zip) | {"manifest.json": json.dumps(edited).encode()}
        _refused(_zip(tmp_path / "bad.zip", members), tmp_path / "themes", match)


def test_a_truncated_or_missing_zip_is_refused(good_zip, tmp_path):
    truncated = tmp_path / "truncated.zip"
    truncated.write_bytes(good_zip.read_bytes()[: good_zip.stat().st_size // 2])
    _refused(truncated, tmp_path / "themes", "damaged or incomplete")
    _refused(tmp_path / "absent.zip", tmp_path / "themes", "does not exist")


def test_damaged_weights_leave_the_installed_theme_alone(good_zip, tmp_path):
    themes = tmp_path / "themes"
    import_theme_zip(good_zip, themes)
    before = {p.name: p.read_bytes() for p in (themes / "shapes").iterdir()}
    weights = _members(good_zip)["generator.weights.h5"]
    damaged = _zip(tmp_path / "damaged.zip", _members(good_zip) | {"generator.weights.h5": weights[:-4] + b"0000"})
    with pytest.raises(ThemeImportError, match="generator.weights.h5 is damaged"):
        import_theme_zip(damaged, themes)
    assert [p.name for p in themes.iterdir()] == ["shapes"]
    assert {p.name: p.read_bytes() for p in (themes / "shapes").iterdir()} == before


def _icanvas(*args, data_dir):
    env = os.environ | {"ICANVAS_DATA_DIR": str(data_dir)}
    code = ("import sys\nfrom icanvas_desktop.__main__ import main\nstatus = main()\n"
            "print('qt imported' if 'PySide6' in sys.modules else 'no qt')\nsys.exit(status)\n")
    return subprocess.run([sys.executable, "-c", code, *args], cwd=REPO, env=env, capture_output=True, text=True,
                          timeout=120, check=False)


def test_icanvas_import_theme_installs_for_the_user_without_qt(good_zip, tmp_path):
    result = _icanvas("--import-theme", str(good_zip), data_dir=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "installed theme 'shapes'" in result.stdout and "no qt" in result.stdout
    assert (tmp_path / "themes" / "shapes" / "manifest.json").is_file()
    broken = tmp_path / "broken.zip"
    broken.write_bytes(b"PK\x03\x04 not really")
    result = _icanvas("--import-theme", str(broken), data_dir=tmp_path)
    assert result.returncode == 2 and "broken.zip was not installed as a theme" in result.stderr


def test_export_zip_holds_exactly_the_theme_files(good_zip):
    assert sorted(_members(good_zip)) == ["generator.tflite", "generator.weights.h5", "manifest.json", "preview.png"]
