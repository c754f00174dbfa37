"""Temporary files that killed writers left are cleaned at start, when provably ours and stale; nothing of a
child's and nothing of a live process goes."""

import os
import subprocess
import sys

from factories import creation_of, scribble

from icanvas_desktop.drawing.draft import Draft
from icanvas_desktop.profiles.leftovers import clean_leftovers
from icanvas_desktop.profiles.session import ChildSession
from icanvas_desktop.profiles.store import ProfileStore


def dead_pid() -> int:
    return int(subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True,
                              text=True, check=True).stdout)


def test_stale_temporary_files_and_empty_profile_folders_are_cleaned(data_dir, tmp_path):
    store = ProfileStore()
    child = store.create("민수", "cat")
    with ChildSession(child) as session:
        drawing = scribble(1)
        creation = session.save_creation(creation_of(drawing, "animals")).creation
        session.drafts.save(Draft(scribble(2)))
    dead, live = dead_pid(), os.getpid()
    exports = tmp_path / "Pictures" / "iCanvas"
    exports.mkdir(parents=True)
    (exports / "cat.png").write_bytes(b"a copy")
    stale = [exports / f".cat.png.{dead}-abcd1234.tmp", exports / f".dog.png.partial-{dead}",
             child.folder / f".draft.json.{dead}-abcd1234.tmp",
             child.gallery_folder / f".stars.log.{dead}-abcd1234.tmp",
             data_dir / f".settings.json.{dead}-abcd1234.tmp",
             creation.folder / f".creation.json.{dead}-abcd1234.tmp"]
    kept = [exports / f".bird.png.{live}-abcd1234.tmp", child.folder / f".draft.json.{live}-abcd1234.tmp"]
    for path in stale + kept:
        path.write_bytes(b"x" * 100)
    empty = data_dir / "profiles" / ("0" * 32)
    (empty / "gallery").mkdir(parents=True)
    orphan_gallery = data_dir / "profiles" / ("1" * 32)
    (orphan_gallery / "gallery").mkdir(parents=True)
    (orphan_gallery / "gallery" / "stars.log").write_bytes(b"")
    for folder in (empty, orphan_gallery):
        os.utime(folder, (0, 0))

    removed = clean_leftovers(store, exports)
    with ChildSession(child):  # a creation folder's leftovers go when its gallery opens
        pass

    assert not any(p.exists() for p in stale), [p for p in stale if p.exists()]
    assert all(p.exists() for p in kept) and (exports / "cat.png").exists()
    assert empty in removed and not empty.exists()
    assert orphan_gallery.exists() and "1" * 32 in {p.id for p in store.list()}  # a child, rebuilt
    with ChildSession(store.get(child.id)) as session:
        assert session.gallery.count() == 1 and session.drafts.load() is not None
