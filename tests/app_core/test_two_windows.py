"""Two windows on one child: one profile is open in one window at a time, a crash never leaves it locked,
and even two instances that both save the same drawing make one creation."""

import multiprocessing
import signal
import subprocess
import sys
import textwrap

import pytest
from factories import creation_of, save_many, scribble

from icanvas_desktop.profiles.profile_lock import ProfileInUse
from icanvas_desktop.profiles.session import ChildSession
from icanvas_desktop.profiles.store import ProfileStore


@pytest.fixture
def profile():
    return ProfileStore().create("민수", "cat")


def test_a_second_window_is_refused_until_the_first_closes(profile):
    first = ChildSession(profile, exclusive=True)
    with pytest.raises(ProfileInUse, match="already open"):
        ChildSession(profile, exclusive=True)
    first.close()
    with ChildSession(profile, exclusive=True):
        pass


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs a hard kill")
def test_another_process_holds_it_and_a_killed_one_leaves_no_lock(data_dir, profile):
    holder = subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(f"""
            import os, sys, time
            os.environ["ICANVAS_DATA_DIR"] = {str(data_dir)!r}
            from icanvas_desktop.profiles.session import ChildSession
            from icanvas_desktop.profiles.store import ProfileStore
            session = ChildSession(ProfileStore().get({profile.id!r}), exclusive=True)
            print("open", flush=True)
            time.sleep(120)
        """)],
        stdout=subprocess.PIPE, text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "open"
        with pytest.raises(ProfileInUse):
            ChildSession(profile, exclusive=True)
    finally:
        holder.send_signal(signal.SIGKILL)
        holder.wait(timeout=30)
    with ChildSession(profile, exclusive=True) as session:  # the crash left nothing behind
        assert session.gallery.count() == 0


def test_the_already_saved_check_holds_inside_the_save(profile, monkeypatch):
    """The other instance saves the same drawing just after this one looked: still one creation."""
    drawing = scribble(1)
    picture = creation_of(drawing)
    with ChildSession(profile) as mine, ChildSession(profile) as other:
        real_find = mine.gallery.find
        calls = []

        def find_then_the_other_saves(*args):
            found = real_find(*args)
            if not calls:
                other.save_creation(picture)
            calls.append(args)
            return found

        monkeypatch.setattr(mine.gallery, "find", find_then_the_other_saves)
        result = mine.save_creation(picture)
        assert result.already_saved and result.awards == ()
        assert mine.gallery.count() == 1
        assert len(list((profile.gallery_folder / "creations").iterdir())) == 1  # nothing left staged


def test_two_instances_saving_the_same_drawings_make_each_once(data_dir, profile):
    context = multiprocessing.get_context("spawn")
    start = context.Barrier(2)
    args = (str(data_dir), profile.id, range(8), ["animals"] * 8, start)
    jobs = [context.Process(target=save_many, args=args)
            for _ in range(2)]
    for job in jobs:
        job.start()
    for job in jobs:
        job.join(timeout=60)
        assert job.exitcode == 0
    with ChildSession(profile) as session:
        assert session.gallery.count() == 8 and session.gallery.database.integrity_check() == ["ok"]
