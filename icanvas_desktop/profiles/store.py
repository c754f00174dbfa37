"""Profiles: several children on one computer, each with a name, an avatar and a folder of their own.

    <data root>/profiles/<id>/profile.json    name, avatar, creation time (written atomically)
    <data root>/profiles/<id>/gallery/        the child's gallery and stars (icanvas_desktop.gallery)
    <data root>/trash/<id>-<time>/            profiles deleted without `erase`, kept for a grown-up

Folder names are random ids, never derived from the child's name, so any name is safe. A folder
without a readable profile.json (a create that crashed half-way) is not listed.
"""

import json
import logging
import os
import shutil
import unicodedata
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from icanvas_desktop.files.atomic import atomic_write_text
from icanvas_desktop.files.paths import user_data_dir

log = logging.getLogger(__name__)

AVATARS: tuple[str, ...] = (
    "cat", "dog", "rabbit", "bear", "panda", "fox", "lion", "penguin", "dinosaur", "unicorn",
    "rocket", "star", "flower", "rainbow", "car", "robot",
)
MAX_NAME_LENGTH = 20  # characters (code points after NFC: one per Hangul syllable)
_PROFILE_FILE = "profile.json"
_PROFILE_VERSION = 1
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
        if not (len(profile_id) == 32 and all(c in "0123456789abcdef" for c in profile_id)):
            raise ProfileNotFound(profile_id)
        return self._profiles_dir / profile_id

    def _unique_name(self, name: str, ignore: str | None = None) -> str:
        name = clean_name(name)
        if any(p.name.casefold() == name.casefold() and p.id != ignore for p in self.list()):
            raise InvalidProfileName("taken", name)
        return name

    def _write(self, profile: Profile) -> Profile:
        data = {
            "version": _PROFILE_VERSION,
            "id": profile.id,
            "name": profile.name,
            "avatar": profile.avatar,
            "created_at": profile.created_at.isoformat(),
        }
        atomic_write_text(profile.folder / _PROFILE_FILE, json.dumps(data, ensure_ascii=False, indent=2))
        return profile

    def _read(self, folder: Path) -> Profile | None:
        try:
            data = json.loads((folder / _PROFILE_FILE).read_text(encoding="utf-8"))
            if data["id"] != folder.name:
                raise ValueError(f"id {data['id']!r} does not match the folder")
            return Profile(
                data["id"], str(data["name"]), str(data["avatar"]),
                datetime.fromisoformat(data["created_at"]), folder,
            )
        except FileNotFoundError:
            return None
        except (OSError, ValueError, KeyError, TypeError) as e:
            log.warning("skipping unreadable profile in %s: %s", folder, e)
            return None
