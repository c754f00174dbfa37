"""Children a grown-up removed: kept aside in the trash folder, listed, and brought back on request.

`ProfileStore.delete` moves a child's folder to `<data root>/trash/<id>-<UTC time>/`; nothing here ever
deletes one, so a removal can always be undone until a grown-up empties that folder by hand.
"""

import logging
import os
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from icanvas_desktop.gallery.store import CREATIONS_DIR
from icanvas_desktop.profiles.store import InvalidProfileName, Profile, ProfileStore, read_profile

log = logging.getLogger(__name__)

_TIME_FORMAT = "%Y%m%dT%H%M%SZ"


@dataclass(frozen=True)
class RemovedChild:
    profile: Profile  # as it was when removed; `folder` is where it waits in the trash
    removed_at: datetime  # UTC


def drawings_in(profile: Profile) -> int:
    """How many saved creations the child's folder holds, counted from the folders (no database opened), to
    tell a grown-up what a removal takes away."""
    try:
        return sum(1 for entry in os.scandir(profile.gallery_folder / CREATIONS_DIR)
                   if entry.is_dir(follow_symlinks=False)
                   and os.path.isfile(os.path.join(entry.path, "creation.json")))
    except OSError:
        return 0


def removed_children(store: ProfileStore) -> list[RemovedChild]:
    """Every removed child whose profile can still be read, most recently removed first."""
    trash = store.root / "trash"
    found = []
    try:
        folders = [Path(entry.path) for entry in os.scandir(trash) if entry.is_dir(follow_symlinks=False)]
    except OSError:
        return []
    for folder in folders:
        profile_id, _, stamp = folder.name.partition("-")
        try:
            removed_at = datetime.strptime(stamp, _TIME_FORMAT).replace(tzinfo=UTC)
        except ValueError:
            continue  # not a folder ProfileStore.delete made
        profile = read_profile(folder, profile_id)
        if profile is not None:
            found.append(RemovedChild(profile, removed_at))
    return sorted(found, key=lambda r: r.removed_at, reverse=True)


def bring_back(store: ProfileStore, removed: RemovedChild) -> Profile:
    """Move a removed child back among the children. If another child has taken the name since, the one
    coming back gets a number after it ("Mina 2"), so nobody is turned away."""
    target = store.root / "profiles" / removed.profile.id
    if target.exists():
        raise FileExistsError(f"{target} already exists: this child is already back")
    target.parent.mkdir(parents=True, exist_ok=True)
    os.replace(removed.profile.folder, target)
    profile = store.get(removed.profile.id)
    for number in range(1, 100):
        name = profile.name if number == 1 else f"{profile.name[:17]} {number}"
        try:
            return store.rename(profile.id, name)
        except InvalidProfileName as e:
            if e.reason != "taken":
                raise
    log.warning("%s came back under its old name, which another child also has", profile.name)
    return profile


@dataclass(frozen=True)
class Children:
    """What the grown-ups' corner lists, read in one go (off the UI thread): each child with how many
    drawings they have, and the removed children with theirs."""

    present: list[tuple[Profile, int]]
    removed: list[tuple[RemovedChild, int]]


def list_children(store: ProfileStore) -> Children:
    """Every child and every removed child, most recently removed first."""
    return Children([(p, drawings_in(p)) for p in store.list()],
                    [(r, drawings_in(r.profile)) for r in removed_children(store)])
