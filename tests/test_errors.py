"""Every error message in docs/errors.md comes from some input, with its exit code and no
traceback; and the crashes found by trying the kit as a careless user are messages now.

Each case below makes the input for one row of the table and returns what the command line
did: (exit code, stderr). Rows are matched by their message, with ``<...>`` placeholders.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import nbformat
import pytest

from helpers.article import ArticleError, load_article
from helpers.cli import main
from helpers.errors import KitError
from helpers.paths import PROJ_ROOT
from helpers.report import ReportError, write_files

DOC = PROJ_ROOT / "docs" / "errors.md"
GOOD = "Ferry fares rise\n\nThe council raised ferry fares, its leader said on Monday.\n"


def doc_rows() -> list[tuple[int, str]]:
    """(exit code, message) of every row of the messages table."""
    rows = []
    for line in DOC.read_text(encoding="utf-8").splitlines():
        m = re.match(r"\| ([012]) \| `(.+?)` \|", line)
        if m:
            rows.append((int(m.group(1)), m.group(2)))
    return rows


def pattern(message: str) -> re.Pattern:
    pieces = re.split(r"<[^>]+>", message)
    return re.compile(".+?".join(re.escape(p) for p in pieces), re.S)


class Run:
    """Calls the command line in-process and keeps exit code and stderr."""

    def __init__(self, tmp_path, capsys, monkeypatch):
        self.tmp, self.capsys, self.mp = tmp_path, capsys, monkeypatch

    def file(self, content, name="article.txt") -> str:
        path = self.tmp / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
        return str(path)

    def __call__(self, *argv) -> tuple[int, str]:
        self.capsys.readouterr()
        try:
            code = main([str(a) for a in argv])
        except SystemExit as exc:  # argparse usage errors
            code = exc.code
        return code, self.capsys.readouterr().err

    def api(self, fn) -> tuple[int, str]:
        """For messages only the Python API can produce: as the command line would show it."""
        try:
            fn()
        except KitError as exc:
            return 2, f"error: {exc}"
        return 0, ""


def _no_report_written(run: Run):
    def fake_notebooks():
        raise AssertionError("a notebook would run")

    run.mp.setattr("helpers.report.build.run_notebooks", lambda *a, **k: fake_notebooks())


def _failing_notebook(run: Run):
    nb = nbformat.v4.new_notebook()
    nb.cells = [
        nbformat.v4.new_code_cell("article_path = None", metadata={"tags": ["parameters"]}),
        nbformat.v4.new_code_cell("1 / 0"),
    ]
    nb.metadata["kernelspec"] = {
        "name": "python3",
        "display_name": "Python 3",
        "language": "python",
    }
    path = run.tmp / "01_bad.ipynb"
    nbformat.write(nb, path)
    run.mp.setattr("helpers.report.build.notebook_paths", lambda: [path])
    return run("report", run.file(GOOD), "--out", run.tmp / "out")


def _kernel_never_answers(run: Run):
    async def never(km):
        return False

    run.mp.setattr("helpers.report.kernel.answers", never)
    return _failing_notebook(run)


def _unwritable(run: Run):
    _no_report_written(run)
    real = os.access
    run.mp.setattr(
        "helpers.report.write.os.access", lambda p, m: False if "ro" in str(p) else real(p, m)
    )
    (run.tmp / "ro").mkdir()
    return run("report", run.file(GOOD), "--out", run.tmp / "ro")


def _write_fails(run: Run):
    def full(*a, **k):
        raise OSError(28, "No space left on device")

    run.mp.setattr("helpers.report.build.run_notebooks", lambda *a, **k: [])
    run.mp.setattr("helpers.report.build.write_files", full)
    nb = run.tmp / "01_x.ipynb"
    nb.write_text("{}", encoding="utf-8")
    run.mp.setattr("helpers.report.build.notebook_paths", lambda: [nb])
    run.mp.setattr("helpers.report.build.export_html", lambda *a, **k: "")
    return run("report", run.file(GOOD), "--out", run.tmp / "out")


def _unreachable(run: Run):
    path = run.file(GOOD)

    def denied(self):
        raise PermissionError(13, "Permission denied")

    run.mp.setattr(Path, "exists", denied)
    return run("tokens", path)


def _unreadable(run: Run):
    path = run.file(GOOD)

    def denied(self):
        raise PermissionError(13, "Permission denied")

    run.mp.setattr(Path, "read_bytes", denied)
    return run("tokens", path)


def _manifest_outside(run: Run):
    folder = run.tmp / "out" / "article"
    folder.mkdir(parents=True)
    (folder / ".kit-manifest.json").write_text(
        json.dumps({"files": {"../../victim.txt": "0"}}), encoding="utf-8"
    )
    return run("report", run.file(GOOD), "--out", run.tmp / "out")


def _foreign_files(run: Run):
    (run.tmp / "out" / "article").mkdir(parents=True)
    (run.tmp / "out" / "article" / "mine.html").write_text("x", encoding="utf-8")
    return run("report", run.file(GOOD), "--out", run.tmp / "out")


def _folder_is_file(run: Run):
    (run.tmp / "out").mkdir()
    (run.tmp / "out" / "article").write_text("x", encoding="utf-8")
    return run("report", run.file(GOOD), "--out", run.tmp / "out")


def _twins(run: Run):
    a = run.file(GOOD, "a/same.txt")
    b = run.file(GOOD, "b/same.txt")
    return run("report", a, b, "--out", run.tmp / "out")


def _epoch(run: Run):
    _no_report_written(run)
    run.mp.setenv("SOURCE_DATE_EPOCH", "yesterday")
    return run("report", run.file(GOOD), "--out", run.tmp / "out")


def _corpus_locked(run: Run):
    from helpers.corpus.lock import RunLock

    out = run.tmp / "tables"
    with RunLock(out):  # as a corpus run writing there would hold it
        return run("corpus", run.file(GOOD, "news/a.txt"), "--out", out, "--workers", "1")


def _brat(run: Run, ann: bytes):
    run.file(GOOD, "corpus/text/x.txt")
    return run("evaluate", run.file(ann, "corpus/attributions/x.ann"))


CASES = {
    "<file> does not exist — check the path": lambda r: r("tokens", r.tmp / "missing.txt"),
    "<file> is a folder — give the path of one article's .txt file": lambda r: r(
        "statements", r.tmp
    ),
    "<file> is a symbolic link that leads nowhere (or to itself)": lambda r: (
        (r.tmp / "loop").symlink_to(r.tmp / "loop"),
        r("terms", r.tmp / "loop"),
    )[1],
    "<file> cannot be reached (<reason>) — check the permissions of the folders on its path": (
        _unreachable
    ),
    "<file> cannot be read (<reason>) — check its permissions": _unreadable,
    "<file> looks like a binary file, not plain text": lambda r: r(
        "tokens", r.file(GOOD.encode() + b"word " * 3000 + b"\x00")
    ),
    "<file> is not UTF-8 text (byte <b> at position <n>) — re-save it as UTF-8": lambda r: r(
        "tokens", r.file("Caf\xe9 news\n\nText here.\n".encode("cp1252"))
    ),
    "<file> cannot be decoded as <encoding>": lambda r: r.api(
        lambda: load_article(r.file(b"\xff\xfe\xfd"), encoding="ascii")
    ),
    "<file>: unknown encoding '<name>'": lambda r: r.api(
        lambda: load_article(r.file(GOOD), encoding="klingon")
    ),
    "<file> is empty — an article needs a headline line and at least one paragraph": lambda r: r(
        "tokens", r.file(" \n\n")
    ),
    "<file> looks like an HTML page, not plain text": lambda r: r(
        "tokens", r.file("<!DOCTYPE html><html><body><p>x</p></body></html>")
    ),
    "<file> has a headline but no body": lambda r: r("tokens", r.file("Only a headline\n")),
    "<file> is <size> MB, more than the limit of <limit> MB for one article": lambda r: r(
        "tokens", r.file(GOOD + "word " * 300_000), "--max-size", "1"
    ),
    "<file> is not a stopword file": lambda r: r(
        "terms", r.file(GOOD), "--stopwords", r.tmp / "none.txt"
    ),
    "<file> is not UTF-8 text (byte <b> at position <n>) — save the stopword list as UTF-8": (
        lambda r: r("terms", r.file(GOOD), "--stopwords", r.file(b"the\n\xff\n", "stop.txt"))
    ),
    "expected a whole number of 1 or more": lambda r: r("terms", r.file(GOOD), "--top", "0"),
    "two articles share the name '<name>'": _twins,
    "the file name '<name>' cannot name a report folder": lambda r: r(
        "report", r.file(GOOD, "...txt"), "--out", r.tmp / "out"
    ),
    "<folder> holds files the kit would not replace": _foreign_files,
    "<folder>/.kit-manifest.json names files outside its folder": _manifest_outside,
    "<folder> is a file, not a folder — move it away": _folder_is_file,
    "<path> is a file, not a folder — give --out a folder": lambda r: r(
        "report", r.file(GOOD), "--out", r.file("x", "afile")
    ),
    "cannot write in <folder> (permission denied)": _unwritable,
    "could not write the report into <folder> (<reason>)": _write_fails,
    "<folder> is being written by another corpus run (<holder>) — wait until it ends, or give "
    "another --out": _corpus_locked,
    "SOURCE_DATE_EPOCH=<value> is not a number of seconds since 1970": _epoch,
    "the notebook kernel did not start (<n> attempts)": _kernel_never_answers,
    "F1 <f1> is below --min-f1 <threshold>": lambda r: r(
        "evaluate", PROJ_ROOT / "tests/gold/practice_coastal-rail-reopening.json", "--min-f1", "2"
    ),
    "notebook <name> failed in cell <n>": _failing_notebook,
    "<file> is not UTF-8 text (byte <b> at position <n>) — save it as UTF-8": lambda r: _brat(
        r, b"T1\tSource 0 3\tabc\n\xff\n"
    ),
    "<file> nests its JSON too deeply to be a gold file": lambda r: r(
        "evaluate", r.file("[" * 100_000 + "]" * 100_000, "deep.json")
    ),
    "<file> holds a number too long to read": lambda r: r(
        "evaluate", r.file('{"article": "a.txt", "statements": [' + "9" * 5000 + "]}", "g.json")
    ),
    "<file> does not exist — give .json gold files, .ann files or folders": lambda r: r(
        "evaluate", r.tmp / "none.json"
    ),
    "<file> is neither a .json gold file nor a brat .ann file": lambda r: r(
        "evaluate", r.file("x", "gold.csv")
    ),
}


@pytest.mark.parametrize(("code", "message"), doc_rows(), ids=[m for _, m in doc_rows()])
def test_every_documented_message_is_produced_by_some_input(
    code, message, tmp_path, capsys, monkeypatch
):
    assert message in CASES, f"no test input produces the documented message {message!r}"
    got_code, err = CASES[message](Run(tmp_path, capsys, monkeypatch))
    assert pattern(message).search(err), f"expected {message!r}, got {err!r}"
    assert got_code == code, err
    assert "Traceback" not in err


def test_every_tested_message_is_documented():
    documented = {m for _, m in doc_rows()}
    assert len(doc_rows()) == len(documented), "a message is listed twice"
    assert set(CASES) - documented == set()


def test_kit_errors_share_one_base():
    assert issubclass(ArticleError, KitError) and issubclass(ReportError, KitError)
    assert issubclass(ArticleError, ValueError)  # older callers catch ValueError


# ---- the crashes of issue 11, each once more in plain form


def test_terms_on_one_repeated_word_gives_a_table(write_article):
    from helpers.terms import recurring_terms

    table = recurring_terms(load_article(write_article("!\n\nbus bus bus\n")))
    assert list(table["term"]) == ["bus bus"] and table["g2"].isna().all()


def test_cr_only_line_ends_read_like_lf(write_article):
    lf = load_article(write_article("Head line\n\nFirst para.\n\nSecond para.\n", "lf.txt"))
    cr = load_article(write_article("Head line\r\rFirst para.\r\rSecond para.\r", "cr.txt"))
    crlf = load_article(write_article("Head line\r\n\r\nFirst para.\r\n", "crlf.txt"))
    assert [b.text for b in cr.blocks] == [b.text for b in lf.blocks]
    assert [(b.start, b.end) for b in cr.blocks] == [(b.start, b.end) for b in lf.blocks]
    assert [b.text for b in crlf.blocks] == ["Head line", "First para."]
    assert len(cr.text) == len(cr.raw)


def test_a_nul_byte_anywhere_is_a_binary_file(write_article):
    with pytest.raises(ArticleError, match="binary"):
        load_article(write_article(b"Head\n\n" + b"word " * 5000 + b"\x00\n"))


def test_report_out_on_a_file_fails_before_any_notebook_runs(tmp_path, monkeypatch, capsys):
    run = Run(tmp_path, capsys, monkeypatch)
    _no_report_written(run)
    code, err = run("report", run.file(GOOD), "--out", run.file("x", "afile"))
    assert code == 2 and "give --out a folder" in err


def test_max_size_reaches_the_report_kernels_and_is_restored(tmp_path, monkeypatch, capsys):
    seen = {}

    def record(*a, **k):
        seen["env"] = os.environ.get("KIT_MAX_SIZE_MB")
        raise ReportError("stop here")

    monkeypatch.setattr("helpers.report_cli.build_reports", record)
    monkeypatch.delenv("KIT_MAX_SIZE_MB", raising=False)
    Run(tmp_path, capsys, monkeypatch)("report", "x.txt", "--max-size", "50")
    assert seen["env"] == "50.0"
    assert "KIT_MAX_SIZE_MB" not in os.environ


def test_write_files_failure_leaves_no_temporary_file(tmp_path, monkeypatch):
    folder = tmp_path / "r"
    write_files(folder, {"index.html": b"old"}, {})

    def broken(*a):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("helpers.report.write._write_new", broken)
    with pytest.raises(OSError):
        write_files(folder, {"index.html": b"new"}, {})
    assert sorted(p.name for p in folder.iterdir()) == [".kit-manifest.json", "index.html"]
    assert (folder / "index.html").read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["r"]  # no half-written folder beside it


def test_evaluate_below_min_f1_exits_1_and_says_so(capsys):
    gold = PROJ_ROOT / "tests" / "gold" / "practice_coastal-rail-reopening.json"
    assert main(["evaluate", str(gold), "--min-f1", "0.5"]) == 0
    assert main(["evaluate", str(gold), "--min-f1", "1.01", "--format", "json"]) == 1
    assert "below --min-f1 1.01" in capsys.readouterr().err
