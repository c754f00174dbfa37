"""Random mutations of valid files: the manifest parser and the settings loaders give only their documented
results, however the file is damaged (a ManifestError for a manifest, the generator config's own ValueError
for its settings; settings that can be used, always)."""

import json
import random

import pytest

from icanvas_desktop.files.resources import bundled_models_dir
from icanvas_desktop.networks.config import GeneratorConfig
from icanvas_desktop.settings.system import SystemSettings, load_system_settings
from icanvas_desktop.settings.user import Settings, SettingsFile
from icanvas_desktop.themes.manifest import ManifestError, parse_manifest
from icanvas_desktop.themes.theme import Theme

# What a hostile or damaged file holds: JSON's own syntax, the values that break parsers, deep nesting.
TOKENS = ['"', "{", "}", "[", "]", ",", ":", "null", "true", "-0", "1e999", "NaN", "-Infinity", "9" * 5000,
          '"\\ud800"', '"\\udfff"', '"\\u0000"', "\\", "0x10", "[" * 3000, "{\"a\":" * 3000, "\x00", "\ufeff",
          '"con"', '"NUL.png"', "4096", "1000000", "16", "0.5", '""', "[]", "{}"]


def _mutated(text: str, rng: random.Random) -> str:
    for _ in range(rng.randint(1, 4)):
        at, end = sorted(rng.randrange(len(text) + 1) for _ in range(2))
        kind = rng.randrange(4)
        if kind == 0:
            text = text[:at] + rng.choice(TOKENS) + text[at:]
        elif kind == 1:
            text = text[:at] + text[end:]
        elif kind == 2:
            text = text[:at] + text[at:end] * rng.randint(2, 4) + text[end:]
        else:
            text = text[:at] + rng.choice(TOKENS) + text[end:]
    return text


def _replaced_value(data, rng: random.Random):
    """`data` with one value anywhere in it replaced by a hostile one."""
    hostile = [None, True, -1, 0, 2**70, 1e308, float("nan"), "", "\ud800", "x" * 1000, [], {}, [[[[]]]],
               4096, 1_000_000, "con", "NUL.png", 256.0]
    if not isinstance(data, dict | list) or not data or rng.random() < 0.3:
        return rng.choice(hostile)
    copy = dict(data) if isinstance(data, dict) else list(data)
    key = rng.choice(list(copy)) if isinstance(copy, dict) else rng.randrange(len(copy))
    copy[key] = _replaced_value(copy[key], rng)
    return copy


@pytest.fixture(scope="module")
def manifest_text() -> str:
    return (bundled_models_dir() / "emoji" / "manifest.json").read_text("utf-8")


def _check_manifest(text: str) -> None:
    try:
        manifest = parse_manifest(text)
    except ManifestError as e:
        assert len(str(e)) < 1000, "a message for an adult, not the file"
        return
    try:
        GeneratorConfig.from_dict(manifest["architecture"])
    except ValueError as e:
        # the config's own refusal of a generator's settings, not a parser's error let through
        assert type(e) is ValueError, f"{type(e).__name__}: {e}"
        return
    theme = Theme(bundled_models_dir() / "emoji", manifest)
    assert isinstance(theme.name("ko"), str) and isinstance(theme.input_size, int)
    assert theme.preview_path.parent == theme.folder and theme.weights_path.parent == theme.folder


def test_mutated_manifests_give_only_manifest_errors(manifest_text):
    rng = random.Random(15)
    for _ in range(1500):
        _check_manifest(_mutated(manifest_text, rng))


def test_manifests_with_hostile_values_give_only_manifest_errors(manifest_text):
    rng = random.Random(16)
    data = json.loads(manifest_text)
    for _ in range(1500):
        _check_manifest(json.dumps(_replaced_value(data, rng)))


def test_mutated_settings_files_always_give_settings_that_can_be_saved(tmp_path):
    valid = json.dumps({"version": 1, "language": "ko", "sound": False, "live_mode": True,
                        "last_profile": "p-1", "allowed_themes": ["emoji", "animals"],
                        "children_may_delete": False, "kiosk": False})
    rng = random.Random(17)
    path = tmp_path / "settings.json"
    for case in range(600):  # each save is written atomically, with an fsync
        text = _mutated(valid, rng) if case % 2 else json.dumps(_replaced_value(json.loads(valid), rng))
        path.write_text(text, "utf-8", errors="surrogatepass")
        settings_file = SettingsFile(path)
        settings = settings_file.load()
        assert isinstance(settings, Settings)
        settings_file.save(settings)  # a later change must save, whatever was read
        assert SettingsFile(path).load() == settings


def test_mutated_administrator_files_always_give_administrator_settings(tmp_path):
    valid = json.dumps({"version": 1, "settings": {"allowed_themes": ["emoji"], "live_mode": False,
                                                   "sound": False, "children_may_delete": False,
                                                   "kiosk": True},
                        "locked": ["allowed_themes", "kiosk"], "pinned_themes": ["emoji"]})
    rng = random.Random(18)
    path = tmp_path / "system_settings.json"
    for case in range(1500):
        text = _mutated(valid, rng) if case % 2 else json.dumps(_replaced_value(json.loads(valid), rng))
        path.write_text(text, "utf-8", errors="surrogatepass")
        system = load_system_settings(path)
        assert isinstance(system, SystemSettings)
        Settings(**system.values)
        assert all(isinstance(t, str) for t in system.pinned_themes)
