import pytest

from icanvas_desktop.files.atomic import atomic_write_text, atomic_writer


def test_replaces_file_and_leaves_no_temporaries(tmp_path):
    target = tmp_path / "sub" / "a.json"
    atomic_write_text(target, "one")
    atomic_write_text(target, "two")
    assert target.read_text() == "two"
    assert [p.name for p in target.parent.iterdir()] == ["a.json"]


def test_failure_midway_keeps_the_old_file(tmp_path):
    target = tmp_path / "a.bin"
    target.write_bytes(b"old")
    with pytest.raises(RuntimeError), atomic_writer(target) as f:
        f.write(b"half")
        raise RuntimeError("crash")
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["a.bin"]


def test_new_files_get_the_usual_permissions_not_private_ones(tmp_path):
    import os

    target = tmp_path / "manifest.json"
    atomic_write_text(target, "{}")
    mask = os.umask(0)
    os.umask(mask)
    assert target.stat().st_mode & 0o777 == 0o666 & ~mask


def _dead_pid() -> int:
    import subprocess
    import sys

    return int(subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True,
                              text=True, check=True).stdout)


def test_leftovers_of_dead_processes_are_removed_and_a_live_ones_kept(tmp_path):
    import os
    import time

    from icanvas_desktop.files.atomic import remove_leftovers

    dead, live = _dead_pid(), os.getpid()
    for name in (f".latest.ckpt.npz.{dead}-a1b2c3d4.tmp", f".latest.ckpt.npz.{live}-a1b2c3d4.tmp",
                 ".latest.ckpt.npz.oldstyle.tmp", ".latest.ckpt.npz.freshone.tmp", ".notes.txt",
                 "latest.ckpt.npz"):
        (tmp_path / name).write_bytes(b"x")
    for name in (f".shapes.import-{dead}-a1b2c3d4", f".shapes.import-{live}-a1b2c3d4",
                 ".shapes.import-k2j4h5g6", f".cars.partial-{dead}", f".cars.old-{dead}",
                 f".trees.old-{dead}", "cars"):
        (tmp_path / name).mkdir()
        (tmp_path / name / "manifest.json").write_text(name)
    hour_ago = time.time() - 2 * 3600
    for name in (".latest.ckpt.npz.oldstyle.tmp", ".shapes.import-k2j4h5g6"):
        os.utime(tmp_path / name, (hour_ago, hour_ago))

    removed = remove_leftovers(tmp_path)
    assert len(removed) == 7  # trees put back counts too
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([
        f".latest.ckpt.npz.{live}-a1b2c3d4.tmp", ".latest.ckpt.npz.freshone.tmp", ".notes.txt",
        "latest.ckpt.npz", f".shapes.import-{live}-a1b2c3d4", "cars", "trees"])
    # Killed between replace_folder's two renames: the folder moved aside was the installed theme.
    assert (tmp_path / "trees" / "manifest.json").read_text() == f".trees.old-{dead}"
    assert (tmp_path / "cars" / "manifest.json").read_text() == "cars"


def test_an_atomic_write_killed_midway_is_cleaned_up_by_the_next_writer(tmp_path):
    import subprocess
    import sys

    from icanvas_desktop.files.atomic import remove_leftovers

    target = tmp_path / "latest.ckpt.npz"
    code = ("import os, sys\nfrom icanvas_desktop.files.atomic import atomic_writer\n"
            "with atomic_writer(sys.argv[1]) as f:\n    f.write(b'half')\n    f.flush()\n    os._exit(9)\n")
    assert subprocess.run([sys.executable, "-c", code, str(target)], check=False).returncode == 9
    assert len(list(tmp_path.iterdir())) == 1 and not target.exists()
    assert len(remove_leftovers(tmp_path)) == 1 and list(tmp_path.iterdir()) == []
