"""A theme's files: bounded before they are read, and not read again at every start while unchanged."""

import os
import shutil

import pytest

from icanvas_desktop.files.resources import bundled_models_dir
from icanvas_desktop.themes import ThemeError, checksums, load_theme
from icanvas_desktop.themes.discovery import checksums_file, discover_themes
from icanvas_desktop.themes.theme import MAX_MODEL_BYTES

THEME = "emoji"


@pytest.fixture(autouse=True)
def fresh_process(tmp_path, monkeypatch):
    """What a new process knows: nothing in memory, the checksums file of the test's own data root."""
    monkeypatch.setenv("ICANVAS_DATA_DIR", str(tmp_path / "data"))
    checksums.forget()
    yield
    checksums.forget()


@pytest.fixture
def hashed(monkeypatch):
    """The files whose bytes were hashed."""
    read = []
    real = checksums.hashlib.sha256

    class Counting:
        def __init__(self):
            self._digest = real()

        def update(self, block):
            if not read or read[-1] is not self:
                read.append(self)
            self._digest.update(block)

        def hexdigest(self):
            return self._digest.hexdigest()

    monkeypatch.setattr(checksums.hashlib, "sha256", Counting)
    return read


def _theme_copy(tmp_path, weights=False):
    ignore = () if weights else ("*.h5",)
    return shutil.copytree(bundled_models_dir() / THEME, tmp_path / "themes" / THEME,
                           ignore=shutil.ignore_patterns(*ignore))


@pytest.mark.parametrize("name", ["generator.tflite", "generator.weights.h5"])
def test_a_30_gib_sparse_model_file_is_refused_from_its_size_without_reading_it(tmp_path, hashed, name):
    folder = _theme_copy(tmp_path, weights=True)
    os.truncate(folder / name, 30 * 2**30)  # sparse: no disk space, but 45 s to hash
    with pytest.raises(ThemeError, match=rf"{name} is 30,720 MiB, larger than any theme's"):
        load_theme(folder, tflite_only_ok=True)
    themes, problems = discover_themes([folder.parent], pinned=())
    assert themes == [] and "30,720 MiB" in str(problems[0])
    assert hashed == []
    assert MAX_MODEL_BYTES < 300 * 2**20  # and the largest generator the networks allow still fits


def test_a_fifo_in_place_of_the_model_is_refused_without_opening_it(tmp_path):
    folder = _theme_copy(tmp_path)
    (folder / "generator.tflite").unlink()
    os.mkfifo(folder / "generator.tflite")
    with pytest.raises(ThemeError, match="generator.tflite is not an ordinary file"):
        load_theme(folder, tflite_only_ok=True)


def test_an_unchanged_theme_is_not_read_again_at_the_next_start(tmp_path, hashed, monkeypatch):
    monkeypatch.setattr(checksums, "SETTLED_NS", 0)  # the copy was made just now
    folder = _theme_copy(tmp_path)
    assert [t.id for t in discover_themes([folder.parent], pinned=())[0]] == [THEME]
    assert len(hashed) == 1 and checksums_file().is_file()

    checksums.forget()  # the next start
    assert [t.id for t in discover_themes([folder.parent], pinned=())[0]] == [THEME]
    load_theme(folder, tflite_only_ok=True)  # as the generation worker does, later in the same process
    assert len(hashed) == 1


def test_a_changed_file_is_read_again_even_with_its_size_and_time_put_back(tmp_path, hashed, monkeypatch):
    monkeypatch.setattr(checksums, "SETTLED_NS", 0)
    folder = _theme_copy(tmp_path)
    discover_themes([folder.parent], pinned=())
    model = folder / "generator.tflite"
    before = model.stat()
    data = bytearray(model.read_bytes())
    data[len(data) // 2] ^= 0xFF
    model.write_bytes(data)
    os.utime(model, ns=(before.st_atime_ns, before.st_mtime_ns))  # the change time cannot be put back

    checksums.forget()
    themes, problems = discover_themes([folder.parent], pinned=())
    assert themes == [] and "damaged (checksum differs)" in str(problems[0])
    assert len(hashed) == 2


def test_a_file_written_moments_ago_is_not_remembered(tmp_path, hashed):
    # On a file system with coarse times it could be written again within the same tick, unnoticed.
    folder = _theme_copy(tmp_path)
    load_theme(folder, tflite_only_ok=True)
    load_theme(folder, tflite_only_ok=True)
    assert len(hashed) == 2


@pytest.mark.parametrize("content", [b"{not json", b'{"version": 1, "files": [[1, 2]]}',
                                     b'{"version": 1, "files": "x"}', b"[]", b"\xff" * 10])
def test_a_damaged_checksums_file_only_means_reading_the_themes_again(tmp_path, hashed, content):
    folder = _theme_copy(tmp_path)
    checksums_file().parent.mkdir(parents=True)
    checksums_file().write_bytes(content)
    assert [t.id for t in discover_themes([folder.parent], pinned=())[0]] == [THEME]
    assert len(hashed) == 1


def test_a_read_only_data_root_only_means_reading_the_themes_again(tmp_path, monkeypatch):
    monkeypatch.setattr(checksums, "SETTLED_NS", 0)
    monkeypatch.setenv("ICANVAS_DATA_DIR", str(tmp_path / "data" / "file"))
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "file").write_text("not a folder")
    folder = _theme_copy(tmp_path)
    assert [t.id for t in discover_themes([folder.parent], pinned=())[0]] == [THEME]
    assert not checksums_file().exists()  # it could not be written, and nothing was raised
