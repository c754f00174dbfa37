import errno
import io
import json
import logging
import os
import stat
import subprocess
import sys
import warnings
import zipfile
from pathlib import Path

import pytest
from trainer.synthetic import train_tiny_run

from icanvas_desktop.generation import load_generator
from icanvas_desktop.themes import package_import
from icanvas_desktop.themes.package_import import ImportLimits, ThemeImportError, import_theme_zip
from icanvas_desktop.trainer.packaging.export import export_theme, write_theme_zip

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
    _refused(fat, themes, "'generator.weights.h5' is larger than 1 MiB",
             limits=ImportLimits(file_bytes=2**20))
    bomb = _zip(tmp_path / "bomb.zip", _members(good_zip) | {"huge.png": bytes(50 * 2**20)})
    assert bomb.stat().st_size < 2**20
    _refused(bomb, themes, "larger than 10 MiB")
    _refused(bomb, themes, "more than 40 MiB", limits=ImportLimits(total_bytes=40 * 2**20))


@pytest.mark.parametrize(("manifest", "match"), [
    (b"{not json", "manifest.json is broken: not valid JSON: Expecting property name"),
    (json.dumps({"format": "icanvas-theme"}).encode(),
     r"manifest.json is broken: \(top level\): 'format_version' is a required property"),
])
def test_a_broken_manifest_is_refused(good_zip, tmp_path, manifest, match):
    _refused(_zip(tmp_path / "bad.zip", _members(good_zip) | {"manifest.json": manifest}),
             tmp_path / "themes", match)


def test_a_bad_theme_id_or_missing_checksum_is_refused(good_zip, tmp_path):
    manifest = json.loads(_members(good_zip)["manifest.json"])
    for change, match in (({"id": "../up"}, "manifest.json is broken: id"),
                          ({"weights_sha256": None}, "lacks")):
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
    damaged = _zip(tmp_path / "damaged.zip",
                   _members(good_zip) | {"generator.weights.h5": weights[:-4] + b"0000"})
    with pytest.raises(ThemeImportError, match="generator.weights.h5 is damaged"):
        import_theme_zip(damaged, themes)
    assert [p.name for p in themes.iterdir()] == ["shapes"]
    assert {p.name: p.read_bytes() for p in (themes / "shapes").iterdir()} == before


def _icanvas(*args, data_dir, system_dir=None):
    env = os.environ | {"ICANVAS_DATA_DIR": str(data_dir),
                        "ICANVAS_SYSTEM_DIR": str(system_dir or data_dir / "no-admin")}
    code = ("import sys\nfrom icanvas_desktop.__main__ import main\nstatus = main()\n"
            "print('qt imported' if 'PySide6' in sys.modules else 'no qt')\nsys.exit(status)\n")
    return subprocess.run([sys.executable, "-c", code, *args], cwd=REPO, env=env, capture_output=True,
                          text=True, timeout=120, check=False)


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
    assert sorted(_members(good_zip)) == ["generator.tflite", "generator.weights.h5", "manifest.json",
                                          "preview.png"]


def _with_manifest(good_zip, tmp_path, change: dict | None = None, text: bytes | None = None) -> Path:
    manifest = json.loads(_members(good_zip)["manifest.json"])
    data = text if text is not None else json.dumps(manifest | (change or {})).encode()
    return _zip(tmp_path / "hostile.zip", _members(good_zip) | {"manifest.json": data})


@pytest.mark.parametrize("architecture", [
    {"name": "resnet", "image_size": 32, "settings": {"ngf": 1024}},
    {"name": "unet", "image_size": 32, "settings": {"ngf": 4096, "depth": 3}},
    {"name": "resnet", "image_size": 32, "settings": {"ngf": 1, "n_blocks": 1_000_000}},
    # Each in range, too big in all:
    {"name": "resnet", "image_size": 32, "settings": {"ngf": 256, "n_blocks": 64}},
])
def test_a_generator_too_large_to_build_is_refused(good_zip, tmp_path, architecture):
    _refused(_with_manifest(good_zip, tmp_path, {"architecture": architecture}), tmp_path / "themes",
             "describes a generator the app will not build")


def _deeply_nested(depth: int = 100_000) -> bytes:
    return b'{"format": ' + b"[" * depth + b"]" * depth + b"}"


@pytest.mark.parametrize("text", [_deeply_nested(), b'{"format": ' + b"9" * 5000 + b"}"],
                         ids=["nested", "long-integer"])
def test_a_manifest_python_cannot_parse_is_refused(good_zip, tmp_path, text):
    assert len(text) < 256 * 1024
    _refused(_with_manifest(good_zip, tmp_path, text=text), tmp_path / "themes", "manifest.json is broken")


def _understating(zip_path: Path, member: str, declared: int) -> Path:
    """Rewrite the zip so that `member` claims `declared` bytes in both its headers, whatever its data
    expands to."""
    data = bytearray(zip_path.read_bytes())
    name = member.encode()
    for signature, size_at, name_at in ((b"PK\x03\x04", 22, 30), (b"PK\x01\x02", 24, 46)):
        start = 0
        while (start := data.find(signature, start)) >= 0:
            if data[start + name_at: start + name_at + len(name)] == name:
                data[start + size_at: start + size_at + 4] = declared.to_bytes(4, "little")
            start += 4
    zip_path.write_bytes(data)
    return zip_path


def _bounded_peak(action) -> int:
    import tracemalloc

    tracemalloc.start()
    try:
        action()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_a_manifest_that_expands_past_its_declared_size_is_refused_as_damaged_in_bounded_memory(
    good_zip, tmp_path
):
    padded = _members(good_zip)["manifest.json"] + b" " * (64 * 2**20)
    bomb = _understating(_with_manifest(good_zip, tmp_path, text=padded), "manifest.json", 2000)
    assert bomb.stat().st_size < 2**20
    # zipfile itself stops at the declared 2000 bytes, and then finds the CRC wrong
    peak = _bounded_peak(lambda: _refused(bomb, tmp_path / "themes", r"damaged or incomplete \(Bad CRC-32"))
    assert peak < 16 * 2**20, f"{peak / 2**20:.0f} MiB held while reading a manifest declared as 2000 bytes"


class _Overflowing(io.RawIOBase):
    """A member's data that runs on past the size the zip declares: what a zip reader that trusted the
    data instead of the directory would give. Only the importer's own guard can stop it."""

    def __init__(self, data: bytes, padding: int):
        self._data, self._size, self._at = data, len(data) + padding, 0

    def readable(self) -> bool:
        return True

    def read(self, n: int = -1) -> bytes:
        n = self._size - self._at if n < 0 else min(n, self._size - self._at)
        start, self._at = self._at, self._at + n
        head = self._data[start:start + n]
        return head + b" " * (n - len(head))


def test_a_member_read_past_its_declared_size_is_stopped_by_the_importer_itself(good_zip, tmp_path,
                                                                               monkeypatch):
    manifest = _members(good_zip)["manifest.json"]
    declared = _understating(_with_manifest(good_zip, tmp_path, text=manifest), "manifest.json", 2000)
    real_open = zipfile.ZipFile.open

    def open_member(archive, member, *args, **kwargs):
        if getattr(member, "filename", member) == "manifest.json":
            return _Overflowing(manifest, 64 * 2**20)
        return real_open(archive, member, *args, **kwargs)

    monkeypatch.setattr(zipfile.ZipFile, "open", open_member)
    peak = _bounded_peak(lambda: _refused(declared, tmp_path / "themes",
                                          "'manifest.json' expands to more than its declared size$"))
    assert peak < 16 * 2**20


def test_members_that_are_not_pictures_or_decode_too_large_are_refused(good_zip, tmp_path):
    from PIL import Image

    fake = _zip(tmp_path / "fake.zip", _members(good_zip) | {"extra.png": b"#!/bin/sh\necho hi\n"})
    _refused(fake, tmp_path / "themes", "'extra.png' is not a picture that can be read")
    huge = tmp_path / "huge.png"
    Image.new("1", (5000, 5000)).save(huge)  # 25 million pixels in a few kilobytes
    bomb = _zip(tmp_path / "bomb.zip", _members(good_zip) | {"extra.png": huge.read_bytes()})
    _refused(bomb, tmp_path / "themes", "'extra.png' is 5000x5000 px")
    gif = tmp_path / "x.gif"
    Image.new("RGB", (8, 8)).save(gif)
    _refused(_zip(tmp_path / "gif.zip", _members(good_zip) | {"extra.png": gif.read_bytes()}),
             tmp_path / "themes", "is a GIF file")


def test_windows_device_names_are_refused_on_every_platform(good_zip, tmp_path):
    png = _members(good_zip)["preview.png"]
    for name in ("NUL.png", "con.png", "Com1.jpg", "lpt9.tar.png", "picture.png."):
        _refused(_zip(tmp_path / "dev.zip", _members(good_zip) | {name: png}), tmp_path / "themes",
                 "Windows keeps for a device|cannot have")
    _refused(_with_manifest(good_zip, tmp_path, {"id": "con"}), tmp_path / "themes",
             "id: 'con' is a name Windows")


def test_a_theme_pinned_by_the_administrator_is_not_replaced(good_zip, tmp_path, monkeypatch):
    monkeypatch.setenv("ICANVAS_SYSTEM_DIR", str(tmp_path / "system"))
    (tmp_path / "system").mkdir()
    (tmp_path / "system" / "system_settings.json").write_text(
        json.dumps({"version": 1, "pinned_themes": ["shapes"]}))
    _refused(good_zip, tmp_path / "themes", "keeps the theme 'shapes' in the system themes folder")


def test_a_refused_import_leaves_no_folder_it_created(good_zip, tmp_path):
    damaged = _zip(tmp_path / "damaged.zip", _members(good_zip) | {"generator.weights.h5": b"0000"})
    with pytest.raises(ThemeImportError):
        import_theme_zip(damaged, tmp_path / "data" / "iCanvas" / "themes")
    assert not (tmp_path / "data").exists()


def test_icanvas_import_theme_refuses_hostile_zips_and_chosen_themes_without_a_traceback(good_zip, tmp_path):
    nested = _with_manifest(good_zip, tmp_path, text=_deeply_nested())
    result = _icanvas("--import-theme", str(nested), data_dir=tmp_path / "data")
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert "hostile.zip was not installed as a theme: manifest.json is broken" in result.stderr
    system = tmp_path / "system"
    system.mkdir()
    (system / "system_settings.json").write_text(json.dumps(
        {"version": 1, "settings": {"allowed_themes": ["shapes"]}, "locked": ["allowed_themes"]}))
    result = _icanvas("--import-theme", str(good_zip), data_dir=tmp_path / "data", system_dir=system)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert "allowed_themes in " + str(system / "system_settings.json") in result.stderr
    assert not (tmp_path / "data" / "themes").exists()


@pytest.mark.parametrize("kill_at", ["extracting", "between-renames"])
def test_what_a_killed_import_left_is_cleaned_up_by_the_next(good_zip, tmp_path, kill_at):
    themes = tmp_path / "themes"
    import_theme_zip(good_zip, themes)
    code = ("import os, sys\nfrom pathlib import Path\n"
            "from icanvas_desktop.themes import package_import as p\n"
            "def die(*args):\n    os._exit(9)\n"
            "def half_swap(staging, target):\n"
            "    target.rename(target.with_name(f'.{target.name}.old-{os.getpid()}'))\n    os._exit(9)\n"
            f"p.{'_check_image = die' if kill_at == 'extracting' else 'replace_folder = half_swap'}\n"
            "p.import_theme_zip(Path(sys.argv[1]), Path(sys.argv[2]), pinned=())\n")
    killed = subprocess.run([sys.executable, "-c", code, str(good_zip), str(themes)], check=False)
    assert killed.returncode == 9
    assert any(p.name.startswith(".shapes.") for p in themes.iterdir()), "the kill left something behind"
    import_theme_zip(good_zip, themes)
    assert [p.name for p in themes.iterdir()] == ["shapes"]


def test_a_fifo_named_like_a_zip_is_refused_without_waiting(tmp_path):
    os.mkfifo(tmp_path / "theme.zip")
    _refused(tmp_path / "theme.zip", tmp_path / "themes", "not an ordinary file")


def test_a_themes_folder_that_cannot_be_written_is_refused_and_the_file_in_its_way_kept(good_zip, tmp_path):
    in_the_way = tmp_path / "data"
    in_the_way.write_bytes(b"someone's file")
    with pytest.raises(ThemeImportError, match=r"it could not be read or written \(\[Errno 20\] Not a "
                                               r"directory") as refused:
        import_theme_zip(good_zip, in_the_way / "themes", pinned=())
    assert str(refused.value).startswith(f"{good_zip.name} was not installed as a theme: ")
    assert in_the_way.read_bytes() == b"someone's file"


def test_a_full_disk_while_extracting_keeps_the_installed_theme(good_zip, tmp_path, monkeypatch):
    themes = tmp_path / "themes"
    import_theme_zip(good_zip, themes, pinned=())
    before = {p.name: p.read_bytes() for p in (themes / "shapes").iterdir()}

    def full_disk(fd):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(package_import.os, "fsync", full_disk)
    with pytest.raises(ThemeImportError, match=r"could not be read or written \(\[Errno 28\] No space left"):
        import_theme_zip(good_zip, themes, pinned=())
    monkeypatch.undo()
    assert [p.name for p in themes.iterdir()] == ["shapes"]  # no staging folder left behind
    assert {p.name: p.read_bytes() for p in (themes / "shapes").iterdir()} == before


def test_an_unforeseen_error_still_ends_in_a_refusal_and_in_the_log(good_zip, tmp_path, monkeypatch, caplog):
    def unforeseen(architecture):
        raise KeyError("ngf")  # a check nobody wrote an except for

    monkeypatch.setattr(package_import.GeneratorConfig, "from_dict", unforeseen)
    with caplog.at_level(logging.ERROR, "icanvas_desktop.themes.package_import"):
        _refused(good_zip, tmp_path / "themes", r"it could not be checked \(KeyError\); it is not a usable "
                 "theme package", pinned=())
    assert f"importing {good_zip} failed unexpectedly" in caplog.text and "KeyError: 'ngf'" in caplog.text


def _entry(name: str, *, mode: int = 0) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name)
    info.external_attr = mode << 16
    return info


def _marked_encrypted(zip_path: Path, member: str) -> Path:
    """Set the 'encrypted' flag of `member` in both its headers (zipfile writes no encrypted entries)."""
    data = bytearray(zip_path.read_bytes())
    name = member.encode()
    for signature, flags_at, name_at in ((b"PK\x03\x04", 6, 30), (b"PK\x01\x02", 8, 46)):
        start = 0
        while (start := data.find(signature, start)) >= 0:
            if data[start + name_at: start + name_at + len(name)] == name:
                data[start + flags_at] |= 0x1
            start += 4
    zip_path.write_bytes(data)
    return zip_path


@pytest.mark.parametrize(("extra", "match"), [
    ([_entry("notes/")], "'notes/' is a folder; a theme has none inside"),
    ([_entry("pipe.png", mode=stat.S_IFIFO | 0o644)], "'pipe.png' is not an ordinary file"),
    ([_entry("my picture.png")], "'my picture.png' has a name a theme file cannot have"),
    ([_entry("preview.png")], "'preview.png' appears twice"),
    ([_entry(f"extra{i}.png") for i in range(61)], "it holds 65 entries; a theme has a handful"),
])
def test_entries_a_theme_never_has_are_refused(good_zip, tmp_path, extra, match):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)  # zipfile warns of the duplicate name it writes
        bad = _zip(tmp_path / "bad.zip", _members(good_zip), extra)
    _refused(bad, tmp_path / "themes", match, pinned=())


def test_an_encrypted_entry_is_refused(good_zip, tmp_path):
    bad = _zip(tmp_path / "bad.zip", _members(good_zip), [_entry("secret.png")])
    _marked_encrypted(bad, "secret.png")
    _refused(bad, tmp_path / "themes", "'secret.png' is encrypted", pinned=())


def test_a_zip_without_a_manifest_or_with_a_huge_one_is_refused(good_zip, tmp_path):
    members = _members(good_zip)
    del members["manifest.json"]
    _refused(_zip(tmp_path / "none.zip", members), tmp_path / "themes",
             "it has no manifest.json, so it is not a theme package", pinned=())
    huge = _members(good_zip)["manifest.json"] + b" " * (300 * 1024)
    _refused(_with_manifest(good_zip, tmp_path, text=huge), tmp_path / "themes",
             r"manifest.json is larger than \d+ KiB", pinned=())


def test_the_zip_of_one_theme_folder_may_list_its_folder(good_zip, tmp_path):
    with zipfile.ZipFile(tmp_path / "folder.zip", "w") as archive:
        archive.writestr(zipfile.ZipInfo("shapes/"), b"")
        for name, data in _members(good_zip).items():
            archive.writestr(f"shapes/{name}", data)
    assert import_theme_zip(tmp_path / "folder.zip", tmp_path / "themes", pinned=()).id == "shapes"
