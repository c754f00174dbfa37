"""Profiles: several children on one computer, each with a name, an avatar and a folder of their own.

    <data root>/profiles/<id>/profile.json    name, avatar, creation time (written atomically)
    <data root>/profiles/<id>/gallery/        the child's gallery and stars (icanvas_desktop.gallery)
    <data root>/trash/<id>-<time>/            profiles deleted without `erase`, kept for a grown-up

Folder names are random ids, never derived from the child's name, so any name is safe.

A child's work never hangs on profile.json alone. When it is missing, cut short, garbled, unreadable or
something other than a file (a folder, a FIFO) while the folder holds the child's work (a gallery, stars, a
draft), the profile is still listed, rebuilt from what can be read: the id from the folder's name, the name
and avatar when they can still be picked out of the damaged text (else a stand-in name, "★" and the id's
first letters, and the star avatar), the time from the folder. Its `problem` says what was wrong, for the
grown-up; nothing is written until a grown-up renames the child or changes the avatar, which writes a sound
profile.json (a folder in its place is set aside first). A folder without profile.json that holds nothing
(a create that crashed half-way) is not listed, and `remove_empty_leftovers` takes it away once it is old.
"""

import json
import logging
import os
import re
import shutil
import time
import unicodedata
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from icanvas_desktop.files.atomic import atomic_write_text
from icanvas_desktop.files.paths import user_data_dir
from icanvas_desktop.files.regular import is_regular_or_absent, read_regular_text
from icanvas_desktop.files.set_aside import set_aside

log = logging.getLogger(__name__)

AVATARS: tuple[str, ...] = (
    "cat", "dog", "rabbit", "bear", "panda", "fox", "lion", "penguin", "dinosaur", "unicorn",
    "rocket", "star", "flower", "rainbow", "car", "robot",
)
MAX_NAME_LENGTH = 20  # characters (code points after NFC: one per Hangul syllable)
_PROFILE_FILE = "profile.json"
_PROFILE_VERSION = 1
_MAX_PROFILE_BYTES = 64 * 1024  # a name and an avatar; anything larger is not ours
_REBUILT_AVATAR = "star"
# A half-created profile folder is left alone this long: another instance may be creating it right now.
EMPTY_FOLDER_MIN_AGE_S = 3600
# What in a profile folder is the child's work: with any of it, the folder is a child to list.
_WORK = ("gallery/gallery.db", "gallery/stars.log", "draft.json", "settings.json")
# Control characters, surrogates and line breaks have no place in a name shown on a button.
_FORBIDDEN_CATEGORIES = {"Cc", "Cs", "Zl", "Zp"}


class InvalidProfileName(ValueError):
    """`reason` is a code for the UI to explain: "empty", "too_long", "bad_characters" or "taken"."""

    def __init__(self, reason: str, name: str):
        super().__init__(f"profile name {name!r} is not allowed: {reason}")
        self.reason = reason


class ProfileNotFound(KeyError):
    pass


@dataclass(frozen=True)
class Profile:
    id: str
    name: str
    avatar: str
    created_at: datetime  # UTC
    folder: Path
    problem: str | None = None  # set when profile.json was damaged and the profile rebuilt: for the grown-up

    @property
    def gallery_folder(self) -> Path:
        return self.folder / "gallery"


def clean_name(name: str) -> str:
    """The name as it will be stored (NFC, trimmed), or InvalidProfileName saying what is wrong."""
    cleaned = unicodedata.normalize("NFC", name).strip()
    if not cleaned:
        raise InvalidProfileName("empty", name)
    if len(cleaned) > MAX_NAME_LENGTH:
        raise InvalidProfileName("too_long", name)
    if any(unicodedata.category(ch) in _FORBIDDEN_CATEGORIES for ch in cleaned):
        raise InvalidProfileName("bad_characters", name)
    return cleaned


def _check_avatar(avatar: str) -> None:
    if avatar not in AVATARS:
        raise ValueError(f"unknown avatar {avatar!r}; choose from {', '.join(AVATARS)}")


class ProfileStore:
    def __init__(self, root: Path | None = None):
        """`root` is the data root (default: paths.user_data_dir())."""
        self.root = Path(root) if root is not None else user_data_dir()
        self._profiles_dir = self.root / "profiles"
        self._trash_dir = self.root / "trash"

    def remove_empty_leftovers(self) -> list[Path]:
        """Remove the profile folders that a create cut short left (no profile.json and no work in them),
        once they are old enough that no instance can still be creating them. Returns what was removed."""
        removed = []
        try:
            folders = [f for f in self._profiles_dir.iterdir() if f.is_dir() and _is_id(f.name)]
        except OSError:
            return []
        for folder in folders:
            try:
                if (os.path.lexists(folder / _PROFILE_FILE) or _holds_work(folder)
                        or time.time() - folder.stat().st_mtime < EMPTY_FOLDER_MIN_AGE_S):
                    continue
                shutil.rmtree(folder)
                removed.append(folder)
            except OSError as e:
                log.warning("could not remove the unfinished profile folder %s: %s", folder, e)
        if removed:
            log.info("removed %d unfinished profile folder(s): %s", len(removed),
                     ", ".join(f.name for f in removed))
        return removed

    def list(self) -> list[Profile]:
        """Every profile, oldest first (a stable order for the picker)."""
        if not self._profiles_dir.is_dir():
            return []
        profiles = []
        for folder in self._profiles_dir.iterdir():
            profile = self._read(folder) if folder.is_dir() else None
            if profile is not None:
                profiles.append(profile)
        return sorted(profiles, key=lambda p: (p.created_at, p.id))

    def get(self, profile_id: str) -> Profile:
        profile = self._read(self._folder(profile_id))
        if profile is None:
            raise ProfileNotFound(profile_id)
        return profile

    def create(self, name: str, avatar: str) -> Profile:
        name = self._unique_name(name)
        _check_avatar(avatar)
        profile_id = uuid.uuid4().hex
        profile = Profile(profile_id, name, avatar, datetime.now(UTC), self._profiles_dir / profile_id)
        profile.gallery_folder.mkdir(parents=True)
        self._write(profile)
        return profile

    def rename(self, profile_id: str, name: str) -> Profile:
        profile = self.get(profile_id)
        name = self._unique_name(name, ignore=profile_id)
        return self._write(Profile(profile.id, name, profile.avatar, profile.created_at, profile.folder))

    def set_avatar(self, profile_id: str, avatar: str) -> Profile:
        profile = self.get(profile_id)
        _check_avatar(avatar)
        return self._write(Profile(profile.id, profile.name, avatar, profile.created_at, profile.folder))

    def delete(self, profile_id: str, *, erase: bool = False) -> Path | None:
        """Remove a profile. By default its folder is moved to the trash folder and that path returned,
        so a grown-up can bring back the drawings; with `erase=True` it is deleted for good (None).

        Close the profile's session first (Windows cannot move open files).
        """
        folder = self.get(profile_id).folder
        if erase:
            shutil.rmtree(folder)
            return None
        self._trash_dir.mkdir(parents=True, exist_ok=True)
        target = self._trash_dir / f"{profile_id}-{datetime.now(UTC):%Y%m%dT%H%M%SZ}"
        os.replace(folder, target)
        return target

    def _folder(self, profile_id: str) -> Path:
        # Ids are ours (uuid hex); anything else could point outside the profiles folder.
        if not _is_id(profile_id):
            raise ProfileNotFound(profile_id)
        return self._profiles_dir / profile_id

    def _unique_name(self, name: str, ignore: str | None = None) -> str:
        name = clean_name(name)
        if any(p.name.casefold() == name.casefold() and p.id != ignore for p in self.list()):
            raise InvalidProfileName("taken", name)
        return name

    def _write(self, profile: Profile) -> Profile:
        path = profile.folder / _PROFILE_FILE
        if not is_regular_or_absent(path):
            log.warning("kept what was in place of %s as %s", path, set_aside(path, "damaged"))
        data = {
            "version": _PROFILE_VERSION,
            "id": profile.id,
            "name": profile.name,
            "avatar": profile.avatar,
            "created_at": profile.created_at.isoformat(),
        }
        atomic_write_text(path, json.dumps(data, ensure_ascii=False, indent=2))
        return Profile(profile.id, profile.name, profile.avatar, profile.created_at, profile.folder)

    def _read(self, folder: Path) -> Profile | None:
        return read_profile(folder, folder.name)


def read_profile(folder: Path, profile_id: str) -> Profile | None:
    """The profile `profile_id` in `folder` (its place among the children, or in the trash), rebuilt from the
    folder where profile.json is damaged and the folder holds the child's work; None for a folder that holds
    no child."""
    path = folder / _PROFILE_FILE
    text = ""
    try:
        text = read_regular_text(path, _MAX_PROFILE_BYTES)
        if len(text) > _MAX_PROFILE_BYTES:
            raise ValueError(f"it is larger than {_MAX_PROFILE_BYTES // 1024} KiB")
        data = json.loads(text)
        if data["id"] != profile_id:
            raise ValueError(f"id {data['id']!r} does not match the folder")
        created_at = datetime.fromisoformat(data["created_at"])
        if created_at.tzinfo is None:
            raise ValueError("created_at has no time zone")
        name = clean_name(str(data["name"]))
        return Profile(data["id"], name, _avatar(data["avatar"]), created_at, folder)
    except FileNotFoundError:
        if not _holds_work(folder):
            return None
        why = "is missing"
    except (OSError, ValueError, KeyError, TypeError, RecursionError) as e:
        why = f"cannot be read ({e})"
    return _rebuilt(folder, profile_id, text, f"{path} {why}")


def _is_id(name: str) -> bool:
    return len(name) == 32 and all(c in "0123456789abcdef" for c in name)


def _holds_work(folder: Path) -> bool:
    creations = folder / "gallery" / "creations"
    try:
        has_creations = creations.is_dir() and any(creations.iterdir())
    except OSError:
        has_creations = True  # cannot look: rather list a child too many than hide one
    return has_creations or any(os.path.lexists(folder / name) for name in _WORK)


def _avatar(value: object) -> str:
    if value not in AVATARS:
        raise ValueError(f"unknown avatar {value!r}")
    return str(value)


def _picked(text: str, key: str) -> str | None:
    """The string value of `key` in damaged JSON text, when it can still be picked out."""
    match = re.search(rf'"{key}"\s*:\s*("(?:[^"\\\n]|\\.)*")', text)
    try:
        return json.loads(match.group(1)) if match else None
    except ValueError:
        return None


def _rebuilt(folder: Path, profile_id: str, text: str, problem: str) -> Profile | None:
    """The profile in `folder` as far as it can be told without its profile.json."""
    if not _is_id(profile_id):
        return None  # not one of ours
    try:
        name = clean_name(_picked(text, "name") or "")
    except InvalidProfileName:
        name = f"★ {profile_id[:4]}"
    avatar = _picked(text, "avatar")
    try:
        created_at = datetime.fromtimestamp(folder.stat().st_mtime, UTC)
    except OSError:
        created_at = datetime.now(UTC)
    problem += "; the child is listed again from their folder: check the name and picture in the settings"
    log.warning("%s", problem)
    return Profile(profile_id, name, avatar if avatar in AVATARS else _REBUILT_AVATAR, created_at, folder,
                   problem)
