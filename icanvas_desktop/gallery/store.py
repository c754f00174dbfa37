"""A child's gallery: each creation's files in a folder of its own, the index in the profile's database.

Layout under the gallery folder:

    gallery.db                      index (creations) and star ledger, see icanvas_desktop.files.database
    creations/<id>/strokes.json     the drawing (Drawing.to_json)
                   sketch.png       the sketch the generator saw
                   picture.png      the generated picture
                   thumbnail.png    the picture, at most THUMBNAIL_SIZE on its long side
                   creation.json    the index row, so a lost index can be rebuilt from the folders,
                                    and the look the picture was made in, with the child's colour
                                    choice (the thing chosen, the dice's colouring) when not the default

Saving writes every file atomically first and the index row last, in a transaction: a crash at any
moment leaves either a complete creation or a folder without a row. creation.json also records the
stars the creation earned, so that the index and the star ledger can be rebuilt from the folders.

A folder without a row is never thrown away while its creation.json can be read: it is the child's
work (a save cut short after its files were written, or an index that was lost, emptied or replaced),
and it is indexed again, stars and all. Every opening does this for folders older than ORPHAN_MIN_AGE
(younger ones may be another instance's save in progress), and for all of them when the database was
just created. Only folders with no creation.json at all, which a crash while writing leaves, are removed
once old. Deleting takes creation.json away first, so a deletion cut short cannot come back. A creation.json
that is there but damaged is rebuilt from the folder's files, and other damage put right, by
creation_repair.py; each repair is listed in `problems`, for the grown-up. A gallery.db that is not a plain
file or cannot be opened is set aside like a damaged one, and the index rebuilt.

Over 350 lines because saving, indexing, deleting and repairing are one promise about the same folders
and rows (what a crash at any moment leaves), and it is checked best where it is read in one place.
"""

import io
import json
import logging
import os
import shutil
import sqlite3
import time
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Self

from PIL import Image

from icanvas_desktop.drawing.picture import GUESSED, colour_choice
from icanvas_desktop.drawing.rasterize import FINGERPRINT_SIZE, png_bytes, render_sketch
from icanvas_desktop.drawing.strokes import Drawing
from icanvas_desktop.files.atomic import atomic_write_bytes, atomic_write_text, remove_leftovers
from icanvas_desktop.files.database import ProfileDatabase
from icanvas_desktop.files.regular import is_regular_or_absent, read_regular_bytes, read_regular_text
from icanvas_desktop.files.set_aside import set_aside
from icanvas_desktop.gallery.creation_repair import (
    FILE_NAMES,
    META_NAME,
    META_VERSION,
    decoded,
    decoded_png,
    make_thumbnail_again,
    needs_care,
    rebuilt_meta,
    set_aside_odd_files,
    thumbnail,
)
from icanvas_desktop.look import Look
from icanvas_desktop.rewards.rules import Award

log = logging.getLogger(__name__)

DATABASE_NAME = "gallery.db"
CREATIONS_DIR = "creations"
ORPHAN_MIN_AGE = timedelta(hours=1)

_SELECT = (
    "SELECT c.id, c.theme_id, c.created_at, c.fingerprint, c.prompt_id,"
    " (SELECT COALESCE(SUM(a.amount), 0) FROM awards a WHERE a.creation_id = c.id) FROM creations c"
)


@dataclass(frozen=True)
class Creation:
    id: str
    theme_id: str
    created_at: datetime  # UTC; show it with .astimezone()
    fingerprint: str
    prompt_id: str | None  # the challenge's prompt it was drawn for
    stars: int  # awarded for this creation
    folder: Path

    @property
    def strokes_path(self) -> Path:
        return self.folder / "strokes.json"

    @property
    def sketch_path(self) -> Path:
        return self.folder / "sketch.png"

    @property
    def picture_path(self) -> Path:
        return self.folder / "picture.png"

    @property
    def thumbnail_path(self) -> Path:
        return self.folder / "thumbnail.png"

    def load_drawing(self) -> Drawing:
        return Drawing.from_json(read_regular_bytes(self.strokes_path))

    def reopen(self) -> "Reopened":
        """What carrying on with this creation needs, from as much of it as can be read. Raises OSError or
        ValueError only when the drawing itself cannot be read."""
        drawing = self.load_drawing()
        problems = []
        sketch = decoded(self.sketch_path)
        if sketch is None:  # the sketch is the drawing rendered: make it again
            problems.append(f"{self.sketch_path} cannot be read; it was drawn again from the strokes")
            sketch_png = png_bytes(render_sketch(drawing, FINGERPRINT_SIZE))
        else:
            sketch_png = png_bytes(sketch)
        try:
            picture_png = read_regular_bytes(self.picture_path)
        except OSError:
            picture_png = None
        if picture_png is None or decoded_png(picture_png) is None:
            picture_png = None
            problems.append(f"{self.picture_path} cannot be read; the drawing was opened without it, "
                            "so the child can make the picture again")
        for problem in problems:
            log.warning("%s", problem)
        meta = _read_meta(self.folder) or {}
        return Reopened(drawing, sketch_png, picture_png, _look(meta.get("look")),
                        "; ".join(problems) or None, *colour_choice(meta))

    def look(self) -> Look | None:
        """The look its picture was made in ("clean" or "painted"), from its creation.json; None for a
        creation saved before looks were recorded, or whose creation.json cannot be read. Read when asked,
        not when the gallery is listed: only a copy or a reopened creation needs it."""
        meta = _read_meta(self.folder)
        return _look(meta.get("look")) if meta is not None else None


@dataclass(frozen=True)
class Reopened:
    drawing: Drawing
    sketch_png: bytes
    picture_png: bytes | None  # None when picture.png cannot be read: the child makes it again
    look: Look | None
    problem: str | None  # what could not be read, for the grown-up; None when everything could
    thing: str | None = GUESSED  # the child's colour choice (drawing/picture.Picture)
    colouring: int = 0

    @property
    def words(self) -> str | None:
        """The key (words.i18n) of what to tell the child when something could not be read."""
        return "picture_lost" if self.picture_png is None else None


@dataclass(frozen=True)
class StagedCreation:
    """A creation whose files are written but which the index does not list yet."""

    id: str
    theme_id: str
    created_at: datetime
    fingerprint: str
    prompt_id: str | None
    folder: Path
    look: Look | None = None
    thing: str | None = GUESSED
    colouring: int = 0


class Gallery:
    """The gallery in `folder`, opened (and repaired if need be).

    `database` is shared with the star ledger.
    """

    def __init__(self, folder: Path):
        self.folder = Path(folder)
        self._creations_dir = self.folder / CREATIONS_DIR
        self._creations_dir.mkdir(parents=True, exist_ok=True)
        self.problems: list[str] = []  # what was repaired on opening, for the grown-up
        self._set_aside = _set_aside_if_unusable(self.folder / DATABASE_NAME)
        self.database = ProfileDatabase(self.folder / DATABASE_NAME)
        self.repair(all_ages=self.database.created)

    @property
    def recovered_from(self) -> Path | None:
        """Where the damaged database was kept, when this opening had to start a fresh one."""
        return self.database.set_aside or self._set_aside

    # Saving

    def stage(
        self,
        drawing: Drawing,
        sketch_png: bytes,
        picture_png: bytes,
        theme_id: str,
        *,
        fingerprint: str,
        created_at: datetime,
        prompt_id: str | None = None,
        look: Look | None = None,
        thing: str | None = GUESSED,
        colouring: int = 0,
    ) -> StagedCreation:
        """Write a new creation's files (atomically, each); `commit` lists it, `discard` drops it.

        Two steps so that a caller can commit the row together with other writes (its stars).
        """
        if not theme_id:
            raise ValueError("a creation needs a theme id")
        _check_png(sketch_png, "sketch")
        picture = _check_png(picture_png, "picture")
        creation_id = uuid.uuid4().hex
        folder = self._creations_dir / creation_id
        if look is not None and look not in tuple(Look):
            raise ValueError(f"look must be one of {tuple(Look)} or None, got {look!r}")
        staged = StagedCreation(
            creation_id, theme_id, created_at.astimezone(UTC), fingerprint, prompt_id, folder, look, thing,
            colouring,
        )
        folder.mkdir()
        try:
            atomic_write_text(folder / "strokes.json", drawing.to_json())
            atomic_write_bytes(folder / "sketch.png", sketch_png)
            atomic_write_bytes(folder / "picture.png", picture_png)
            atomic_write_bytes(folder / "thumbnail.png", png_bytes(thumbnail(picture)))
            atomic_write_text(folder / META_NAME, json.dumps(_meta(staged), ensure_ascii=False))
        except BaseException:
            shutil.rmtree(folder, ignore_errors=True)
            raise
        return staged

    def commit(
        self, staged: StagedCreation, awards: Iterable[Award] = (), awarded_at: datetime | None = None
    ) -> Creation:
        """Add the index row (joining the caller's transaction, if any).

        `awards` are the stars the caller recorded for it in that transaction; creation.json keeps them
        too, so a lost ledger can be rebuilt.
        """
        awards = tuple(awards)
        if awards:
            stamp = (awarded_at or staged.created_at).astimezone(UTC).isoformat()
            meta = _meta(staged) | {"awards": [[str(a.reason), a.key, a.amount, stamp] for a in awards]}
            atomic_write_text(staged.folder / META_NAME, json.dumps(meta, ensure_ascii=False))
        with self.database.write() as conn:
            conn.execute(
                "INSERT INTO creations (id, theme_id, created_at, fingerprint, prompt_id)"
                " VALUES (?, ?, ?, ?, ?)",
                (
                    staged.id, staged.theme_id, staged.created_at.isoformat(), staged.fingerprint,
                    staged.prompt_id,
                ),
            )
            return self._get(conn, staged.id)

    def discard(self, staged: StagedCreation) -> None:
        shutil.rmtree(staged.folder, ignore_errors=True)

    # Reading

    def get(self, creation_id: str) -> Creation | None:
        with self.database.read() as conn:
            return self._get(conn, creation_id)

    def _get(self, conn: sqlite3.Connection, creation_id: str) -> Creation | None:
        row = conn.execute(f"{_SELECT} WHERE c.id = ?", (creation_id,)).fetchone()
        return self._creation(row) if row else None

    def list_creations(self, limit: int | None = None, offset: int = 0) -> list[Creation]:
        """Creations, newest first; `limit` and `offset` page through a long gallery."""
        with self.database.read() as conn:
            rows = conn.execute(
                f"{_SELECT} ORDER BY c.created_at DESC, c.rowid DESC LIMIT ? OFFSET ?",
                (-1 if limit is None else limit, offset),
            ).fetchall()
        return [self._creation(row) for row in rows]

    def count(self) -> int:
        with self.database.read() as conn:
            return conn.execute("SELECT COUNT(*) FROM creations").fetchone()[0]

    def find(self, fingerprint: str, theme_id: str, look: Look | None = None, thing: str | None = GUESSED,
             colouring: int = 0) -> Creation | None:
        """The newest creation of this sketch in this theme in the same colours (look, the child's thing
        and the dice's colouring), if there is one: the same drawing coloured another way is another
        picture, which the child may keep beside the first. A creation whose creation.json says nothing
        of a look (saved before looks) or cannot be read is taken to be in any look and colouring."""
        with self.database.read() as conn:
            rows = conn.execute(
                f"{_SELECT} WHERE c.fingerprint = ? AND c.theme_id = ? ORDER BY c.created_at DESC",
                (fingerprint, theme_id),
            ).fetchall()
        for row in rows:
            creation = self._creation(row)
            meta = _read_meta(creation.folder)
            if meta is None or _same_colours(meta, look, thing, colouring):
                return creation
        return None

    def _creation(self, row: tuple) -> Creation:
        cid, theme_id, created_at, fingerprint, prompt_id, stars = row
        return Creation(
            cid, theme_id, datetime.fromisoformat(created_at), fingerprint, prompt_id, stars,
            self._creations_dir / cid,
        )

    # Removing and repairing

    def delete(self, creation_id: str) -> bool:
        """Remove a creation: its creation.json, then its row, then its files. Stars it earned stay earned."""
        folder = self._creations_dir / creation_id
        if self.get(creation_id) is None:
            return False
        (folder / META_NAME).unlink(missing_ok=True)
        with self.database.write() as conn:
            deleted = conn.execute("DELETE FROM creations WHERE id = ?", (creation_id,)).rowcount == 1
        shutil.rmtree(folder, ignore_errors=True)
        return deleted

    def repair(self, *, all_ages: bool = False) -> tuple[int, int]:
        """Index again the unlisted creation folders whose creation.json can be read (only those older than
        ORPHAN_MIN_AGE unless `all_ages`), and remove the old ones that have none; returns (indexed,
        removed)."""
        with self.database.read() as conn:
            listed = {cid for (cid,) in conn.execute("SELECT id FROM creations")}
        cutoff = time.time() - ORPHAN_MIN_AGE.total_seconds()
        indexed = removed = 0
        with self.database.write() as conn:
            for folder in self._creations_dir.iterdir():
                try:
                    if not folder.is_dir():
                        continue
                    old = folder.stat().st_mtime < cutoff
                except OSError:
                    continue
                care = needs_care(folder)
                if care:
                    remove_leftovers(folder)  # what a killed write left (its process is gone)
                if folder.name not in listed:
                    added, gone = self._repair_unlisted(conn, folder, care, old or all_ages, old)
                    indexed, removed = indexed + added, removed + gone
                elif care:
                    self._check_listed(conn, folder)
        if indexed:
            log.warning("indexed %d creation(s) again in %s", indexed, self.folder)
        if removed:
            log.info("removed %d unfinished creation folder(s) from %s", removed, self.folder)
        return indexed, removed

    def _repair_unlisted(
        self, conn: sqlite3.Connection, folder: Path, care: bool, due: bool, old: bool
    ) -> tuple[int, int]:
        """Index a folder the index does not list (when `due`: old enough, or the index was just made), from
        its creation.json or, when that is damaged, from its files; remove it when old and without one."""
        if care and due:
            self.problems += set_aside_odd_files(folder)
        meta = _read_meta(folder)
        if meta is None and due and os.path.lexists(folder / META_NAME):
            meta = rebuilt_meta(folder)
            if meta is not None:
                self.problems.append(f"{folder / META_NAME} was damaged; the creation was listed again "
                                     "from its files (its theme is not known)")
        if meta is not None and due:
            return _index(conn, meta), 0
        if meta is None and old and not os.path.lexists(folder / META_NAME):
            shutil.rmtree(folder, ignore_errors=True)
            return 0, 1
        return 0, 0

    def _check_listed(self, conn: sqlite3.Connection, folder: Path) -> None:
        """Set aside what is no plain file in a listed creation, and write again what that took away and the
        folder needs: the thumbnail, and creation.json (without it a lost index would lose the creation)."""
        odd = set_aside_odd_files(folder)
        if not odd:
            return
        self.problems += odd
        make_thumbnail_again(folder)
        if not os.path.lexists(folder / META_NAME) and (creation := self._get(conn, folder.name)) is not None:
            staged = StagedCreation(creation.id, creation.theme_id, creation.created_at, creation.fingerprint,
                                    creation.prompt_id, folder)
            atomic_write_text(folder / META_NAME, json.dumps(_meta(staged), ensure_ascii=False))

    def close(self) -> None:
        self.database.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def _meta(staged: StagedCreation) -> dict:
    # "look" is an optional key, not a new version: creation.json files without it (saved before looks)
    # stay readable, and an older iCanvas reading a newer file ignores it.
    meta = {
        "version": META_VERSION,
        "id": staged.id,
        "theme_id": staged.theme_id,
        "created_at": staged.created_at.isoformat(),
        "fingerprint": staged.fingerprint,
        "prompt_id": staged.prompt_id,
    }
    if staged.look is not None:
        meta["look"] = staged.look
    # Likewise the colour choice, written only when the child made one (drawing/picture.colour_choice).
    if staged.thing != GUESSED:
        meta["thing"] = staged.thing
    if staged.colouring:
        meta["colouring"] = staged.colouring
    return meta


def _same_colours(meta: dict, look: Look | None, thing: str | None, colouring: int) -> bool:
    kept = _look(meta.get("look"))
    return (kept is None or look is None or kept == look) and colour_choice(meta) == (thing, colouring)


def _look(value: object) -> Look | None:
    return Look(value) if isinstance(value, str) and value in tuple(Look) else None


def _read_meta(folder: Path) -> dict | None:
    """The folder's creation.json when it describes a complete creation of this version, else None."""
    try:
        meta = json.loads(read_regular_text(folder / META_NAME))
        if (
            not isinstance(meta, dict)
            or meta.get("version") != META_VERSION
            or meta.get("id") != folder.name
        ):
            return None
        for key in ("theme_id", "created_at", "fingerprint"):
            if not isinstance(meta.get(key), str):
                return None
        datetime.fromisoformat(meta["created_at"])
    except (OSError, ValueError, RecursionError):
        return None
    if not all((folder / name).is_file() for name in FILE_NAMES):
        return None
    return meta


def _index(conn: sqlite3.Connection, meta: dict) -> bool:
    """List a creation from its creation.json, with the stars it records; False if it was listed."""
    prompt_id = meta.get("prompt_id") if isinstance(meta.get("prompt_id"), str) else None
    added = conn.execute(
        "INSERT OR IGNORE INTO creations (id, theme_id, created_at, fingerprint, prompt_id)"
        " VALUES (?, ?, ?, ?, ?)",
        (meta["id"], meta["theme_id"], meta["created_at"], meta["fingerprint"], prompt_id),
    ).rowcount == 1
    awards = meta.get("awards")
    for award in awards if isinstance(awards, list) else ():
        try:
            reason, key, amount, stamp = award
            texts = (reason, key, stamp)
            if not (isinstance(amount, int) and amount > 0 and all(isinstance(v, str) for v in texts)):
                continue
        except (TypeError, ValueError):
            continue
        conn.execute(
            "INSERT OR IGNORE INTO awards (reason, key, amount, creation_id, awarded_at)"
            " VALUES (?, ?, ?, ?, ?)",
            (reason, key, amount, meta["id"], stamp),
        )
    return added


def _check_png(data: bytes, what: str) -> Image.Image:
    try:
        image = Image.open(io.BytesIO(data))
        image.load()
    except Exception as e:  # Pillow raises many kinds for bad data
        raise ValueError(f"the {what} is not a readable image: {e}") from e
    if image.format != "PNG":
        raise ValueError(f"the {what} must be a PNG, got {image.format}")
    return image


def _set_aside_if_unusable(path: Path) -> Path | None:
    """Set aside a gallery.db that SQLite could not open or would wait on (a folder, a FIFO, a file it may
    not read or write); returns where it went."""
    for suffix in ("-wal", "-shm"):  # SQLite waits forever on a FIFO in place of its shared-memory file
        companion = path.with_name(path.name + suffix)
        if not is_regular_or_absent(companion):
            kept = set_aside(companion, "not-a-file")
            log.warning("%s was not a plain file; kept it as %s", companion, kept)
    if not os.path.lexists(path):
        return None
    why = None if is_regular_or_absent(path) else "it is not a plain file"
    if why is None:
        try:
            os.close(os.open(path, os.O_RDWR | getattr(os, "O_NONBLOCK", 0)))
        except OSError as e:
            why = f"it cannot be opened ({e.strerror or e})"
    if why is None:
        return None
    kept = set_aside(path, "unusable", companions=("-wal", "-shm"))
    log.warning("%s could not be used (%s); kept it as %s and started a fresh one", path, why, kept)
    return kept
