import io
import json
import os
import time
from datetime import UTC, datetime, timedelta

import pytest
from factories import creation_files, scribble
from PIL import Image

from icanvas_desktop.gallery import store
from icanvas_desktop.gallery.creation_repair import THUMBNAIL_SIZE
from icanvas_desktop.gallery.store import Gallery

T0 = datetime(2026, 5, 9, 9, 0, tzinfo=UTC)


def add(gallery: Gallery, seed: int, minutes: int = 0, theme: str = "animals", size: int = 64):
    drawing = scribble(seed)
    sketch, picture = creation_files(drawing, size)
    staged = gallery.stage(
        drawing, sketch, picture, theme, fingerprint=f"fp{seed}", created_at=T0 + timedelta(minutes=minutes)
    )
    return gallery.commit(staged)


def all_files(folder):
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file())


def test_a_creation_keeps_strokes_sketch_picture_thumbnail_theme_and_time(tmp_path):
    with Gallery(tmp_path / "g") as gallery:
        creation = add(gallery, 1, size=256)
        assert gallery.get(creation.id) == creation
        assert creation.theme_id == "animals" and creation.created_at == T0 and creation.stars == 0
        assert creation.load_drawing() == scribble(1)
        sketch, picture = creation_files(scribble(1), 256)
        assert creation.sketch_path.read_bytes() == sketch and creation.picture_path.read_bytes() == picture
        with Image.open(creation.thumbnail_path) as thumb:
            assert thumb.format == "PNG" and max(thumb.size) == THUMBNAIL_SIZE
        assert json.loads((creation.folder / "creation.json").read_text())["id"] == creation.id


def test_newest_first_with_paging(tmp_path):
    with Gallery(tmp_path / "g") as gallery:
        made = [add(gallery, seed, minutes=minutes) for seed, minutes in [(1, 5), (2, 1), (3, 9), (4, 3)]]
        newest_first = [made[i].id for i in (2, 0, 3, 1)]
        assert [c.id for c in gallery.list_creations()] == newest_first
        assert [c.id for c in gallery.list_creations(limit=2, offset=1)] == newest_first[1:3]
        assert gallery.count() == 4


def test_a_new_gallery_object_on_the_same_folder_sees_everything_intact(tmp_path):
    with Gallery(tmp_path / "g") as gallery:
        made = [add(gallery, seed, minutes=seed) for seed in range(3)]
        files = {c.id: c.picture_path.read_bytes() for c in made}
    with Gallery(tmp_path / "g") as reopened:
        assert reopened.list_creations() == made[::-1]
        assert {c.id: c.picture_path.read_bytes() for c in reopened.list_creations()} == files
        assert reopened.recovered_from is None


def test_delete_removes_the_row_and_the_files(tmp_path):
    with Gallery(tmp_path / "g") as gallery:
        keep, gone = add(gallery, 1), add(gallery, 2)
        assert gallery.delete(gone.id)
        assert not gone.folder.exists() and gallery.get(gone.id) is None
        assert not gallery.delete(gone.id)
        assert gallery.list_creations() == [keep] and keep.folder.is_dir()


def test_find_by_fingerprint_and_theme(tmp_path):
    with Gallery(tmp_path / "g") as gallery:
        creation = add(gallery, 1)
        assert gallery.find("fp1", "animals") == creation
        assert gallery.find("fp1", "space") is None and gallery.find("fp2", "animals") is None


def test_saves_leave_no_temporary_files(tmp_path):
    with Gallery(tmp_path / "g") as gallery:
        for seed in range(3):
            add(gallery, seed)
    names = all_files(tmp_path / "g")
    assert not [n for n in names if n.endswith(".tmp")]
    assert len([n for n in names if n.startswith("creations/")]) == 3 * 5


def test_a_crash_while_writing_files_leaves_nothing_behind(tmp_path, monkeypatch):
    with Gallery(tmp_path / "g") as gallery:
        add(gallery, 1)
        before = all_files(tmp_path / "g" / "creations")
        real = store.atomic_write_bytes

        def crash_on_picture(path, data):
            if path.name == "picture.png":
                raise OSError("disk full")
            real(path, data)

        monkeypatch.setattr(store, "atomic_write_bytes", crash_on_picture)
        with pytest.raises(OSError):
            add(gallery, 2)
        assert all_files(tmp_path / "g" / "creations") == before
        assert gallery.count() == 1


def age(folder, hours: float = 2) -> None:
    old = time.time() - hours * 3600
    os.utime(folder, (old, old))


def test_a_save_cut_short_before_its_row_is_kept_and_listed_once_old(tmp_path):
    with Gallery(tmp_path / "g") as gallery:
        kept = add(gallery, 1)
        drawing = scribble(2)
        staged = gallery.stage(drawing, *creation_files(drawing), "animals", fingerprint="fp2", created_at=T0)
        # the app dies here; the folder is complete but no row lists it
    with Gallery(tmp_path / "g") as gallery:
        assert staged.folder.is_dir()  # young: maybe another instance's save in progress
        assert gallery.list_creations() == [kept]
        age(staged.folder)
    with Gallery(tmp_path / "g") as gallery:
        assert staged.folder.is_dir() and kept.folder.is_dir()
        assert {c.id for c in gallery.list_creations()} == {kept.id, staged.id}


def test_only_folders_without_a_creation_json_are_removed_and_only_once_old(tmp_path):
    with Gallery(tmp_path / "g") as gallery:
        kept = add(gallery, 1)
    creations = tmp_path / "g" / "creations"
    half_written = creations / "half"  # a crash while the files were written: no creation.json yet
    half_written.mkdir()
    (half_written / "strokes.json").write_text("{}")
    unreadable = creations / "damaged"  # a creation.json nobody can read: a person should look at it
    unreadable.mkdir()
    (unreadable / "creation.json").write_bytes(b"\xff\x00")
    with Gallery(tmp_path / "g"):
        assert half_written.is_dir() and unreadable.is_dir()
    age(half_written)
    age(unreadable)
    with Gallery(tmp_path / "g") as gallery:
        assert not half_written.exists() and unreadable.is_dir() and kept.folder.is_dir()
        assert gallery.list_creations() == [kept]


def test_a_deletion_cut_short_does_not_bring_the_creation_back(tmp_path, monkeypatch):
    with Gallery(tmp_path / "g") as gallery:
        gone = add(gallery, 1)
        monkeypatch.setattr(store.shutil, "rmtree", lambda *a, **k: None)  # dies before the files go
        assert gallery.delete(gone.id)
    monkeypatch.undo()
    age(gone.folder)
    with Gallery(tmp_path / "g") as gallery:
        assert gallery.count() == 0 and not gone.folder.exists()


def test_only_png_images_are_accepted(tmp_path):
    drawing = scribble(1)
    sketch, picture = creation_files(drawing)
    with Gallery(tmp_path / "g") as gallery:
        with pytest.raises(ValueError, match="picture"):
            gallery.stage(drawing, sketch, b"not an image", "animals", fingerprint="f", created_at=T0)
        jpeg = io.BytesIO()
        Image.new("RGB", (8, 8)).save(jpeg, format="JPEG")
        with pytest.raises(ValueError, match="PNG"):
            gallery.stage(drawing, jpeg.getvalue(), picture, "animals", fingerprint="f", created_at=T0)
        assert gallery.count() == 0 and all_files(tmp_path / "g" / "creations") == []


def test_a_damaged_database_is_reported_kept_and_the_drawings_listed_again(tmp_path):
    with Gallery(tmp_path / "g") as gallery:
        made = [add(gallery, seed, minutes=seed) for seed in range(3)]
    db_path = tmp_path / "g" / "gallery.db"
    db_path.write_bytes(b"\x00garbage" * 1000)
    with Gallery(tmp_path / "g") as gallery:
        assert gallery.recovered_from is not None
        assert gallery.recovered_from.read_bytes() == b"\x00garbage" * 1000
        assert gallery.recovered_from.name.startswith("gallery.db.corrupt-")
        assert gallery.list_creations() == made[::-1]
        assert gallery.database.integrity_check() == ["ok"]
    with Gallery(tmp_path / "g") as gallery:  # reported once; afterwards the fresh database is just there
        assert gallery.recovered_from is None and gallery.count() == 3
