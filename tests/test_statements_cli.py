"""`python -m helpers statements PATH`: formats, the speakers table, and errors."""

import csv
import io
import json
import subprocess
import sys

from helpers import BUNDLED_ARTICLE, PROJ_ROOT
from helpers.cli import main
from helpers.statements import COLUMNS, SPEAKER_COLUMNS


def run_cli(capsys, *args):
    code = main(["statements", *map(str, args)])
    out, err = capsys.readouterr()
    return code, out, err


def test_json_has_the_contract_columns(capsys):
    code, out, err = run_cli(capsys, BUNDLED_ARTICLE, "--format", "json")
    assert code == 0 and err == ""
    rows = json.loads(out)
    assert all(list(r) == COLUMNS for r in rows)
    assert sum(1 for r in rows if r["speaker"] == "Dmitry Peskov" and not r["nested"]) == 23
    first = rows[0]
    assert isinstance(first["start"], int) and isinstance(first["mention_start"], int)
    assert isinstance(first["nested"], bool)


def test_json_null_for_missing_mention(capsys, write_article):
    path = write_article(
        "Headline\n\n“The bridge is safe,” Anna Berg said.\n\n“We checked it twice. Twice.”\n"
    )
    code, out, _ = run_cli(capsys, path, "--format", "json")
    rows = json.loads(out)
    assert code == 0 and len(rows) == 2
    assert rows[1]["mention"] is None and rows[1]["cue_start"] is None
    assert rows[1]["cue"] == ""


def test_csv(capsys):
    code, out, _ = run_cli(capsys, BUNDLED_ARTICLE, "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert code == 0 and list(rows[0]) == COLUMNS
    assert rows[0]["speaker"] == "Dmitry Peskov"


def test_table_shortens_text(capsys):
    code, out, _ = run_cli(capsys, BUNDLED_ARTICLE)
    assert code == 0
    lines = out.splitlines()
    assert "speaker" in lines[0] and "text" in lines[0]
    assert len(lines) == 1 + 26
    assert any(line.rstrip().endswith("…") for line in lines)


def test_speakers(capsys):
    code, out, _ = run_cli(capsys, BUNDLED_ARTICLE, "--speakers", "--format", "json")
    rows = json.loads(out)
    assert code == 0 and list(rows[0]) == SPEAKER_COLUMNS
    assert rows[0]["speaker"] == "Dmitry Peskov" and rows[0]["statements"] == 23
    assert isinstance(rows[0]["forms"], list)
    code, out, _ = run_cli(capsys, BUNDLED_ARTICLE, "--speakers")
    assert code == 0 and "Dmitry Peskov" in out and "Kremlin Spokesman Dmitry Peskov |" in out


def test_empty_article_prints_no_rows(capsys, write_article):
    path = write_article("Headline\n\nNothing is said here by anyone at all today.\n")
    code, out, _ = run_cli(capsys, path)
    assert code == 0 and out.strip() == "(no rows)"
    code, out, _ = run_cli(capsys, path, "--format", "json")
    assert json.loads(out) == []


def test_missing_file_exits_2(capsys, tmp_path):
    code, out, err = run_cli(capsys, tmp_path / "nope.txt")
    assert code == 2 and out == ""
    assert err.startswith("error: ") and "does not exist" in err


def test_empty_file_exits_2(capsys, write_article):
    code, _, err = run_cli(capsys, write_article(""))
    assert code == 2 and "is empty" in err


def test_bad_option_exits_nonzero():
    proc = subprocess.run(
        [sys.executable, "-m", "helpers", "statements", str(BUNDLED_ARTICLE), "--format", "xml"],
        capture_output=True,
        text=True,
        cwd=PROJ_ROOT,
    )
    assert proc.returncode != 0 and "invalid choice" in proc.stderr


def test_module_entry_point():
    proc = subprocess.run(
        [sys.executable, "-m", "helpers", "statements", str(BUNDLED_ARTICLE), "--format", "json"],
        capture_output=True,
        text=True,
        cwd=PROJ_ROOT,
    )
    assert proc.returncode == 0 and proc.stderr == ""
    assert len(json.loads(proc.stdout)) == 26


def test_explain_lists_every_cue_candidate_with_its_reason(capsys, write_article):
    path = write_article(
        "Headline\n\nAnna Berg was told the bridge was late. “It is safe,” Tom Hale said.\n"
    )
    code, out, _ = run_cli(capsys, path, "--explain", "--format", "json")
    rows = json.loads(out)
    assert code == 0
    assert [(r["cue"], r["decision"], r["reason"]) for r in rows] == [
        ("told", "rejected", "passive verb"),
        ("said", "kept", "kept"),
    ]
    assert rows[1]["speaker"] == "Tom Hale" and rows[1]["statement"] == "It is safe"
    code, out, _ = run_cli(capsys, path, "--explain")
    assert code == 0 and "passive verb" in out and "reason" in out.splitlines()[0]


def test_explain_and_speakers_exclude_each_other(capsys):
    try:
        main(["statements", str(BUNDLED_ARTICLE), "--explain", "--speakers"])
    except SystemExit as exc:
        assert exc.code == 2
    else:
        raise AssertionError("argparse should refuse --explain with --speakers")
