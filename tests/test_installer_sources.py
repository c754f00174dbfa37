"""The Windows installer sources, checked as far as Linux can: well formed, per-user and per-machine as
docs/packaging.md says, and every bundle path they take is where build.spec puts it."""

import re
import xml.etree.ElementTree as ET
from pathlib import Path, PureWindowsPath

import pytest

REPO = Path(__file__).resolve().parents[1]
WINDOWS = REPO / "packaging" / "windows"
WIX = "{http://wixtoolset.org/schemas/v4/wxs}"


def _spec_layout() -> tuple[str, str]:
    """The executable's and the output folder's names in build.spec (EXE(name=...), COLLECT(name=...))."""
    spec = (REPO / "build.spec").read_text("utf-8")
    exe = re.search(r"EXE\([^)]*?name=\"([^\"]+)\"", spec, re.DOTALL).group(1)
    folder = re.search(r"COLLECT\([^)]*?name=\"([^\"]+)\"", spec, re.DOTALL).group(1)
    return exe, folder


def _iss_sections(text: str) -> dict[str, list[str]]:
    sections: dict[str, list[str]] = {}
    current = None
    for line in text.splitlines():
        line = line.strip()
        if not line or line.startswith((";", "#")):
            continue
        if line.startswith("[") and line.endswith("]"):
            current = sections.setdefault(line[1:-1], [])
        else:
            assert current is not None, f"{line!r} outside any section"
            current.append(line)
    return sections


def _entries(lines: list[str]) -> list[dict[str, str]]:
    return [{k.strip(): v.strip().strip('"') for k, v in (part.split(":", 1) for part in line.split(";"))}
            for line in lines]


def _bundle_relative(source: str, bundle_prefix: str) -> PureWindowsPath:
    assert source.startswith(bundle_prefix), source
    return PureWindowsPath(source[len(bundle_prefix):].lstrip("\\"))


def test_the_inno_setup_script_installs_the_bundle_for_one_user_without_admin_rights():
    text = (WINDOWS / "icanvas.iss").read_text("utf-8")
    sections = _iss_sections(text)
    setup = dict(line.split("=", 1) for line in sections["Setup"])
    assert setup["PrivilegesRequired"] == "lowest"
    exe, folder = _spec_layout()
    bundle_dir = re.search(r'#define BundleDir "([^"]+)"', text).group(1)
    assert (WINDOWS / PureWindowsPath(bundle_dir).as_posix()).resolve() == REPO / "dist" / folder
    assert (WINDOWS / PureWindowsPath(setup["SetupIconFile"]).as_posix()).resolve().is_file()
    sources = [_bundle_relative(e["Source"], "{#BundleDir}") for e in _entries(sections["Files"])]
    assert sources == [PureWindowsPath(f"{exe}.exe"), PureWindowsPath("_internal/*")]
    assert all(e["Filename"] == f"{{app}}\\{exe}.exe" for e in _entries(sections["Icons"]))


def test_the_msi_installs_the_bundle_for_every_account_and_makes_the_system_themes_folder():
    root = ET.parse(WINDOWS / "icanvas.wxs").getroot()
    package = root.find(f"{WIX}Package")
    assert package.get("Scope") == "perMachine" and package.find(f"{WIX}MajorUpgrade") is not None
    exe, _ = _spec_layout()
    sources = [f.get("Source") for f in root.iter(f"{WIX}File")]
    includes = [f.get("Include") for f in root.iter(f"{WIX}Files")]
    assert [_bundle_relative(s, "!(bindpath.bundle)") for s in sources] == [PureWindowsPath(f"{exe}.exe")]
    assert [_bundle_relative(s, "!(bindpath.bundle)") for s in includes] == [PureWindowsPath("_internal/**")]
    assert all(s.get("Target") == f"[INSTALLFOLDER]{exe}.exe" for s in root.iter(f"{WIX}Shortcut"))
    icon = root.find(f"{WIX}Package/{WIX}Icon").get("SourceFile")
    assert (REPO / PureWindowsPath(icon).as_posix()).is_file()  # wix runs from the repository root
    # C:\ProgramData\iCanvas\themes, where files.paths and themes.discovery look in the installed app.
    data = next(d for d in root.iter(f"{WIX}StandardDirectory") if d.get("Id") == "CommonAppDataFolder")
    assert [d.get("Name") for d in data.iter(f"{WIX}Directory")] == ["iCanvas", "themes"]
    # Every component a GUID or none (WiX makes stable ones for files), no two the same.
    guids = [c.get("Guid") for c in root.iter(f"{WIX}Component") if c.get("Guid")]
    assert len(guids) == len(set(guids))


def test_the_bundle_holds_what_the_installers_take():
    """On Linux the same spec makes `icanvas` (no .exe) and `_internal/`: the layout the installers name."""
    _, folder = _spec_layout()
    bundle = REPO / "dist" / folder
    if not bundle.is_dir():
        pytest.skip("no bundle here: packaging/build_linux.sh makes one")
    assert (bundle / "_internal").is_dir() and (bundle / _spec_layout()[0]).is_file()
