"""A child drawing, saving and deleting, that dies at the `kill_at`-th step of writing (run by
test_kill_and_corrupt.py in a process of its own).

    python kill_worker.py DATA_ROOT PROFILE_ID SEED OPERATIONS KILL_AT

Every file-system step the app's writers take (os.replace, fsync, write, unlink, rename, rmtree, a
database transaction) counts; at step KILL_AT the process kills itself, just before or just after that
step, so the same seed always dies at the same point. A line on stdout acknowledges each operation once it
has returned, as the UI would show it: `saved ID STARS`, `draft STROKES HASH`, `deleting ID`, `deleted ID`.
"""

import contextlib
import hashlib
import os
import random
import shutil
import signal
import sys

from factories import creation_of, scribble

from icanvas_desktop.drawing.draft import Draft
from icanvas_desktop.drawing.strokes import Drawing
from icanvas_desktop.files import database
from icanvas_desktop.profiles.session import ChildSession
from icanvas_desktop.profiles.store import ProfileStore

steps = 0


def drawing_hash(drawing: Drawing) -> str:
    return hashlib.sha256(drawing.to_json().encode()).hexdigest()[:16]


def die() -> None:
    sys.stdout.flush()
    if hasattr(signal, "SIGKILL"):
        os.kill(os.getpid(), signal.SIGKILL)
    os._exit(137)


def counted(function, kill_at: int, after: bool):
    def step(*args, **kwargs):
        global steps
        steps += 1
        if steps == kill_at and not after:
            die()
        result = function(*args, **kwargs)
        if steps == kill_at and after:
            die()
        return result
    return step


def count_steps(kill_at: int, after: bool) -> None:
    for name in ("replace", "fsync", "write", "unlink", "rename"):
        setattr(os, name, counted(getattr(os, name), kill_at, after))
    shutil.rmtree = counted(shutil.rmtree, kill_at, after)
    write = database.ProfileDatabase.write

    @contextlib.contextmanager
    def counted_write(self):
        with counted(write, kill_at, after)(self) as conn:
            yield conn
    database.ProfileDatabase.write = counted_write


def main(root: str, profile_id: str, seed: int, operations: int, kill_at: int) -> None:
    os.environ["ICANVAS_DATA_DIR"] = root
    rng = random.Random(seed)
    count_steps(kill_at, after=rng.random() < 0.5)
    with ChildSession(ProfileStore().get(profile_id), exclusive=True) as session:
        kept = session.drafts.load()  # the app puts the draft back on the screen, and the child goes on
        drawing = Drawing(kept.drawing.strokes) if kept is not None else Drawing()
        for n in range(operations):
            choice = rng.random()
            creations = session.gallery.list_creations()
            if choice < 0.45:
                made = scribble(seed * 100 + n)
                result = session.save_creation(creation_of(made, rng.choice(["animals", "space"])))
                print("saved", result.creation.id, result.stars.total, flush=True)
            elif choice < 0.8 or not creations:
                drawing.add(scribble(seed * 100 + n, strokes=1).strokes[0])
                session.drafts.save(Draft(Drawing(drawing.strokes), "animals"))
                print("draft", len(drawing), drawing_hash(drawing), flush=True)
            else:
                doomed = rng.choice(creations).id
                print("deleting", doomed, flush=True)
                session.gallery.delete(doomed)
                print("deleted", doomed, flush=True)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], *map(int, sys.argv[3:]))
