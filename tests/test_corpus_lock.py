"""Corpus mode: one run at a time per output folder, a killed run's lock does not block, and
--force checks everything before it deletes the old tables."""

import os
import signal
import subprocess
import sys
import textwrap

import pytest

from helpers.cli import main
from helpers.corpus import CorpusError, build_corpus, read_table
from helpers.corpus.lock import LOCK
from helpers.output import table_records
from helpers.paths import PROJ_ROOT

ARTICLES = {
    "harbour.txt": "Harbour fees rise\n\nThe port council raised fees, Mara Velden said.\n",
    "library.txt": "Library opens late\n\n\u201cWe need more staff,\u201d said Tomas Brack.\n",
    "bridge.txt": "Bridge closed\n\nThe bridge will close in May, the engineers said.\n",
}


@pytest.fixture
def news(tmp_path):
    folder = tmp_path / "news"
    folder.mkdir()
    for name, text in ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def _tables(out):
    return {name: table_records(read_table(out, name)) for name in ("articles", "statements")}


def test_a_second_run_on_the_same_folder_stops_while_the_first_runs(news, tmp_path, capsys):
    out = tmp_path / "tables"
    seen = []

    def second_run(batch_id, n):
        if not seen:  # the first run has written a batch and holds the folder
            seen.append(main(["corpus", str(news), "--out", str(out), "--workers", "1"]))
            seen.append(capsys.readouterr().err)

    summary = build_corpus([news], out, workers=1, batch_size=1, on_batch=second_run)
    code, err = seen
    assert code == 2 and "Traceback" not in err
    assert f"is being written by another corpus run (process {os.getpid()} on" in err
    assert "wait until it ends, or give another --out" in err
    # the first run went on undisturbed, and let go of the folder at the end
    assert summary.processed == 3 and len(read_table(out, "articles")) == 3
    assert not (out / LOCK).exists()
    assert build_corpus([news], out, workers=1).skipped == 3


def _locker(out) -> subprocess.Popen:
    """Another process that takes the folder's lock and keeps it until it is killed."""
    code = textwrap.dedent(
        """
        import sys, time
        from helpers.corpus.lock import RunLock
        with RunLock(sys.argv[1]):
            print("locked", flush=True)
            time.sleep(600)
        """
    )
    proc = subprocess.Popen(
        [sys.executable, "-c", code, str(out)], stdout=subprocess.PIPE, text=True, cwd=PROJ_ROOT
    )
    assert proc.stdout.readline().strip() == "locked"
    return proc


def test_a_lock_held_by_another_process_blocks_and_a_killed_one_does_not(news, tmp_path):
    out = tmp_path / "tables"
    proc = _locker(out)
    try:
        with pytest.raises(CorpusError, match=f"another corpus run \\(process {proc.pid} on"):
            build_corpus([news], out, workers=1)
    finally:
        proc.send_signal(signal.SIGKILL)  # as a run killed in the middle: no clean-up
        proc.wait()
        proc.stdout.close()
    assert (out / LOCK).exists()  # the file stays behind, naming a process that is gone
    summary = build_corpus([news], out, workers=1)
    assert summary.processed == 3 and not (out / LOCK).exists()


def test_a_lock_file_alone_is_no_foreign_file_and_a_failed_start_leaves_no_folder(news, tmp_path):
    out = tmp_path / "tables"
    out.mkdir()
    (out / LOCK).write_text('{"pid": 1, "host": "elsewhere", "since": "then"}\n')
    assert build_corpus([news], out, workers=1).processed == 3
    new = tmp_path / "new"
    with pytest.raises(CorpusError, match="unknown encoding"):  # checked before the lock
        build_corpus([news], new, workers=1, encoding="no-such-codec")
    assert not new.exists()
    with pytest.raises(CorpusError, match="cannot reach the Dask scheduler"):  # after it
        build_corpus([news], new, scheduler="tcp://127.0.0.1:9", timeout=2)
    assert not new.exists()


@pytest.mark.parametrize(
    "change",
    [
        ["--scheduler", "tcp://127.0.0.1:9", "--timeout", "2"],  # nothing listens there
        ["--encoding", "no-such-codec"],
        ["--extra-input"],
    ],
    ids=["unreachable scheduler", "unknown encoding", "missing input"],
)
def test_force_checks_everything_before_it_deletes_the_tables(news, tmp_path, capsys, change):
    out = tmp_path / "tables"
    build_corpus([news], out, workers=1)
    before = _tables(out)
    parts = sorted(p.relative_to(out) for p in out.rglob("*.parquet"))
    args = ["corpus", str(news), "--out", str(out), "--force", "--quiet", "--workers", "1"]
    if change == ["--extra-input"]:
        args.insert(2, str(tmp_path / "missing.txt"))
    else:
        args += change
    assert main(args) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: ") and "Traceback" not in err
    assert _tables(out) == before
    assert sorted(p.relative_to(out) for p in out.rglob("*.parquet")) == parts
    assert not (out / LOCK).exists()
