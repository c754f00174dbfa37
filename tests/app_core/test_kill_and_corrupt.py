"""A small, seeded kill-and-corrupt run: processes saving, keeping drafts and deleting are killed at chosen
steps of their writes, files are damaged between runs, and then nothing acknowledged may be lost and the
stars never drop. Part of the normal suite; it prints the cases tried and the losses (always 0).

The seed fixes every choice (what each process does, the step it dies at, the damage done), so a failure
reproduces exactly: run it again with the same ICANVAS_KILL_SEED.
"""

import hashlib
import json
import os
import random
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from icanvas_desktop.drawing.strokes import Drawing
from icanvas_desktop.profiles.session import ChildSession
from icanvas_desktop.profiles.store import ProfileStore

SEED = int(os.environ.get("ICANVAS_KILL_SEED", "24"))
CASES = 30
OPERATIONS = 6
WORKER = Path(__file__).with_name("kill_worker.py")
DAMAGE = ["none", "none", "none", "empty-db", "half-db", "garbled-db", "creation-json", "profile-json",
          "draft", "torn-journal", "settings-fifo", "picture"]


def drawing_hash(drawing: Drawing) -> str:
    return hashlib.sha256(drawing.to_json().encode()).hexdigest()[:16]


class Acknowledged:
    """What the killed processes said was done: all of it must still be there."""

    def __init__(self):
        self.saved: set[str] = set()
        self.deleting: set[str] = set()  # a delete that started: the child wanted it gone
        self.deleted: set[str] = set()
        self.stars = 0
        self.draft: tuple[int, str] | None = None

    def read(self, out: str) -> None:
        for line in out.splitlines():
            word, *rest = line.split()
            if word == "saved":
                self.saved.add(rest[0])
                self.stars = max(self.stars, int(rest[1]))
            elif word == "deleting":
                self.deleting.add(rest[0])
            elif word == "deleted":
                self.deleted.add(rest[0])
            elif word == "draft":
                self.draft = (int(rest[0]), rest[1])


def damage(rng: random.Random, profile, kind: str) -> None:
    gallery = profile.gallery_folder
    db = gallery / "gallery.db"
    creations = sorted(p for p in (gallery / "creations").iterdir() if (p / "creation.json").is_file())
    if kind in ("empty-db", "half-db", "garbled-db"):
        for companion in ("-wal", "-shm"):
            db.with_name(db.name + companion).unlink(missing_ok=True)
        data = db.read_bytes()
        db.write_bytes({"empty-db": b"", "half-db": data[: len(data) // 2],
                        "garbled-db": bytes(rng.randrange(256) for _ in range(len(data)))}[kind])
    elif kind == "creation-json" and creations:
        (rng.choice(creations) / "creation.json").write_bytes(b'{"version": 1, "id"')
    elif kind == "picture" and creations:
        (rng.choice(creations) / "picture.png").write_bytes(b"\x89PNG garbled")
    elif kind == "profile-json":
        (profile.folder / "profile.json").write_bytes(b"\x00" * 40)
    elif kind == "draft" and (profile.folder / "draft.json").exists():
        (profile.folder / "draft.json").write_bytes(b'{"format": "icanvas-draft", "ve')
    elif kind == "torn-journal":
        with open(gallery / "stars.log", "ab") as f:
            f.write(b'{"r":"creation","k":"torn","a":2,')
    elif kind == "settings-fifo" and hasattr(os, "mkfifo"):
        (profile.folder / "settings.json").unlink(missing_ok=True)
        os.mkfifo(profile.folder / "settings.json")


def check(profile_id: str, acked: Acknowledged, kind: str) -> list[str]:
    """What was lost (nothing, when all is well); opens the child as the app does."""
    losses = []
    store = ProfileStore()
    if profile_id not in {p.id for p in store.list()}:
        return ["the child is no longer listed"]
    with ChildSession(store.get(profile_id), exclusive=True) as session:  # no lock left by the killed one
        listed = {c.id: c for c in session.gallery.list_creations()}
        losses += [f"saved creation {cid} lost" for cid in acked.saved - acked.deleting - set(listed)]
        losses += [f"deleted creation {cid} came back" for cid in acked.deleted & set(listed)]
        if session.stars().total < acked.stars:
            losses.append(f"stars dropped from {acked.stars} to {session.stars().total}")
        for cid in acked.saved & set(listed):
            try:
                listed[cid].reopen()
            except (OSError, ValueError) as e:
                losses.append(f"the drawing of {cid} cannot be read: {e}")
        draft = session.drafts.load()
        if kind == "draft" and session.drafts.problem:
            acked.draft = None  # damaged on purpose: told to the grown-up, not lost by the app
            if not any(r.words == "draft_repaired" for r in session.repairs):
                losses.append("a damaged draft was not told")
        elif acked.draft is not None:
            n, expected = acked.draft
            if draft is None or drawing_hash(Drawing(draft.drawing.strokes[:n])) != expected:
                losses.append(f"the draft of {n} strokes was lost")
        if session.gallery.database.integrity_check() != ["ok"]:
            losses.append("the database failed its integrity check")
    return losses


def run_check(*args) -> list[str]:
    """check() in a thread, so that a hang fails the case instead of the whole suite."""
    result: list = []

    def run():
        try:
            result.append(check(*args))
        except Exception as e:  # noqa: BLE001  (a crash while opening the child is a loss too)
            result.append([f"opening the child failed: {e!r}"])

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    thread.join(60)
    return result[0] if result else ["opening the child hung"]


@pytest.mark.skipif(os.name != "posix", reason="kills with SIGKILL and damages with FIFOs")
def test_nothing_acknowledged_is_lost_and_stars_never_drop(data_dir, capsys):
    profile = ProfileStore().create("민수", "cat")
    acked = Acknowledged()
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(WORKER.parent), *sys.path])}
    started, kills, losses, damaged = time.monotonic(), 0, [], {}
    for case in range(CASES):
        rng = random.Random(f"{SEED}-{case}")  # each case's choices fixed, whatever the cases before did
        kill_at = rng.randint(1, 90)
        worker = subprocess.run(
            [sys.executable, str(WORKER), str(data_dir), profile.id, str(rng.randrange(10**6)),
             str(OPERATIONS), str(kill_at)],
            capture_output=True, text=True, env=env, timeout=120, check=False,
        )
        assert worker.returncode in (0, -9, 137), worker.stderr
        kills += worker.returncode != 0
        acked.read(worker.stdout)
        kind = rng.choice(DAMAGE)
        damage(rng, profile, kind)
        damaged[kind] = damaged.get(kind, 0) + 1
        found = run_check(profile.id, acked, kind)
        losses += [f"case {case} (seed {SEED}, kill at step {kill_at}, damage {kind}): {f}" for f in found]
    with capsys.disabled():
        print(f"\nkill-and-corrupt (seed {SEED}): {CASES} cases, {kills} kills, damage "
              f"{json.dumps(damaged)}, {len(acked.saved)} saves and {acked.stars} stars acknowledged, "
              f"losses {len(losses)}, {time.monotonic() - started:.0f} s")
    assert losses == [], "\n".join(losses)
    assert kills >= CASES // 3 and acked.saved and acked.stars > 0  # the run did kill, and did save
