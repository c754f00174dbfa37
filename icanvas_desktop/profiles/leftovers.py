"""What processes that were killed mid-write left behind, cleaned when the app starts.

Only what is provably ours and stale goes: the hidden temporary files that files/atomic.py's writers name
with their process id (`.draft.json.1234-abcd1234.tmp`, `.cat.png.1234-abcd1234.tmp` in the copies folder),
once that process is gone, and profile folders with no profile.json and nothing of a child's in them, once
an hour old (profiles/store.py). A creation folder's leftovers go when its gallery opens (gallery/store.py).
A folder with a gallery is never removed: its child is listed again.
"""

import logging
from pathlib import Path

from icanvas_desktop.files.atomic import remove_leftovers
from icanvas_desktop.profiles.store import ProfileStore

log = logging.getLogger(__name__)


def clean_leftovers(store: ProfileStore, export_folder: Path | None = None) -> list[Path]:
    """Remove the leftovers in the data root, each profile folder and gallery folder, and `export_folder`;
    returns what was removed."""
    removed = remove_leftovers(store.root) + store.remove_empty_leftovers()
    profiles = store.root / "profiles"
    try:
        folders = [f for f in profiles.iterdir() if f.is_dir()] if profiles.is_dir() else []
    except OSError as e:
        log.warning("could not look for leftovers in %s: %s", profiles, e)
        folders = []
    for folder in folders:
        removed += remove_leftovers(folder) + remove_leftovers(folder / "gallery")
    if export_folder is not None:
        removed += remove_leftovers(Path(export_folder))
    return removed
