"""A report folder is replaced in one step: a run killed at any point (here: a child process
that ends itself with os._exit at one step of the write) leaves the whole previous report or
the whole new one, never a mix; the next run tidies what it left. Also the in-process
failures (a rename that raises), and the user's files kept with --force."""

from __future__ import annotations

import json
import subprocess
import sys
from hashlib import sha256
from pathlib import Path

import pytest

from helpers.paths import PROJ_ROOT
from helpers.report import MANIFEST, check_folder, swap, write_files

OLD = {"index.html": b"old index", "report.html": b"old report", "charts/a.png": b"old a"}
NEW = {"index.html": b"new index", "report.html": b"new report", "charts/b.png": b"new b"}
USER = {"notes.txt": b"the user's notes"}  # not the kit's: kept (the report runs with --force)


def contents(folder: Path) -> dict[str, bytes]:
    """The folder's files; asserts it is whole: the manifest names every file of the kit's,
    each with its bytes, and nothing of an older run is mixed in."""
    manifest = json.loads((folder / MANIFEST).read_bytes())["files"]
    found = {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()
    }
    found.pop(MANIFEST)
    for rel, digest in manifest.items():
        assert sha256(found[rel]).hexdigest() == digest, rel
    assert set(found) == set(manifest) | set(USER), sorted(found)
    return {rel: data for rel, data in found.items() if rel not in USER}


@pytest.fixture
def folder(tmp_path) -> Path:
    """reports/ferry/ with the previous report and a file of the user's."""
    target = tmp_path / "reports" / "ferry"
    write_files(target, OLD, {})
    (target / "notes.txt").write_bytes(USER["notes.txt"])
    return target


# in a child process: write NEW over the folder, ending the process (as a kill would: no
# cleanup runs) at the N-th call of one step
CHILD = """
import os, shutil, sys
from pathlib import Path
from helpers.report import check_folder, swap, write, write_files

folder, step, nth, exchange = Path(sys.argv[1]), sys.argv[2], int(sys.argv[3]), sys.argv[4]
if exchange == "no":
    swap.exchange = lambda a, b: False  # a system without renameat2: two renames
module, name = {
    "write": (write, "_write_new"),
    "carry": (write, "_carry_over"),
    "swap": (swap, "swap_in"),
    "exchange": (swap, "exchange"),
    "rename": (os, "rename"),
    "rmtree": (shutil, "rmtree"),
}[step]
real, calls = getattr(module, name), []

def killed(*a, **k):
    calls.append(1)
    if len(calls) == nth:
        os._exit(9)
    return real(*a, **k)

setattr(module, name, killed)
files = {"index.html": b"new index", "report.html": b"new report", "charts/b.png": b"new b"}
write_files(folder, files, check_folder(folder, force=True))
"""

KILLS = [  # (step, n-th call, exchange or two renames)
    ("write", 2, "yes"),  # half the new files written
    ("write", 4, "yes"),  # all but the manifest
    ("carry", 1, "yes"),  # before the user's files are copied over
    ("swap", 1, "yes"),  # new folder complete, not yet in place
    ("exchange", 1, "yes"),
    ("rmtree", 1, "yes"),  # swapped; the old folder not yet removed
    ("rename", 1, "no"),  # two renames: before the old one moves aside
    ("rename", 2, "no"),  # between the two renames
    ("rmtree", 1, "no"),  # after both
]


@pytest.mark.parametrize(("step", "nth", "exchange"), KILLS)
def test_a_run_killed_at_any_step_leaves_a_whole_report(folder, step, nth, exchange):
    proc = subprocess.run(
        [sys.executable, "-c", CHILD, str(folder), step, str(nth), exchange],
        cwd=PROJ_ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 9, proc.stderr[-800:]  # it did die at that step
    if folder.exists():
        assert contents(folder) in (OLD, NEW)
    else:  # killed between the two renames: the previous report is whole beside it
        (aside,) = folder.parent.glob(".ferry.old-*")
        assert contents(aside) == OLD
    # the next run's first step puts the previous report back (when it was moved aside)
    check_folder(folder, force=True)
    assert contents(folder) in (OLD, NEW)
    # and the next run completes, leaving nothing of the killed one behind
    write_files(folder, NEW, check_folder(folder, force=True))
    assert contents(folder) == NEW
    assert [p.name for p in folder.parent.iterdir()] == ["ferry"]


@pytest.mark.parametrize("exchange", [True, False])
def test_a_rename_that_fails_leaves_the_previous_report(folder, monkeypatch, exchange):
    def fails(*a):
        raise OSError(5, "Input/output error")

    if exchange:
        monkeypatch.setattr(swap, "exchange", fails)
    else:  # two renames: the second fails, the first is undone
        real = swap.os.rename
        calls = []

        def second_fails(a, b):
            calls.append(b)
            return fails() if len(calls) == 2 else real(a, b)

        monkeypatch.setattr(swap, "exchange", lambda a, b: False)
        monkeypatch.setattr(swap.os, "rename", second_fails)
    with pytest.raises(OSError):
        write_files(folder, NEW, check_folder(folder, force=True))
    monkeypatch.undo()
    assert contents(folder) == OLD
    assert [p.name for p in folder.parent.iterdir()] == ["ferry"]


def test_force_keeps_the_users_files_and_links_and_drops_the_old_runs(folder, tmp_path):
    (folder / "mine").mkdir()
    (folder / "mine" / "draft.md").write_bytes(b"draft")
    (folder / "outside").symlink_to(tmp_path)  # carried as a link, never followed
    write_files(folder, NEW, check_folder(folder, force=True))
    assert (folder / "notes.txt").read_bytes() == USER["notes.txt"]
    assert (folder / "mine" / "draft.md").read_bytes() == b"draft"
    assert (folder / "outside").is_symlink()
    assert not (folder / "charts" / "a.png").exists()  # the old run's, not made now
    assert (folder / "charts" / "b.png").read_bytes() == NEW["charts/b.png"]


def test_swapping_changes_the_folders_places_in_one_step(tmp_path):
    if swap._renameat2() is None:
        pytest.skip("no renameat2 here: the kit renames in two steps")
    a, b = tmp_path / "a", tmp_path / "b"
    a.mkdir()
    b.mkdir()
    (a / "x").write_text("from a", encoding="utf-8")
    assert swap.exchange(a, b)
    assert (b / "x").read_text(encoding="utf-8") == "from a" and not (a / "x").exists()


def test_a_live_runs_new_folder_is_left_alone(folder):
    mine = swap.new_sibling(folder)  # this process: alive
    swap.recover(folder)
    assert mine.is_dir()
