"""`python -m helpers terms PATH`: formats, --top, and errors as one line with exit code 2."""

import csv
import io
import json
import subprocess
import sys

import pytest

from helpers import BUNDLED_ARTICLE
from helpers.cli import main

NO_REPEATS = "Quiet day\n\nNothing happened at the town hall today. The streets were calm.\n"


def test_json_lists_terms_with_count_and_score(capsys):
    assert main(["terms", str(BUNDLED_ARTICLE), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert isinstance(data, list) and data
    assert {"term", "count", "g2", "contains", "part_of", "alone"} <= set(data[0])
    by_term = {d["term"]: d for d in data}
    assert by_term["diplomatic channels"]["count"] == 3
    assert by_term["at any time convenient"]["count"] == 3
    assert "of the" not in by_term
    counts = [d["count"] for d in data]
    assert counts == sorted(counts, reverse=True)


def test_top_limits_rows_and_table_format(capsys):
    assert main(["terms", str(BUNDLED_ARTICLE), "--top", "3"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split()[:3] == ["term", "count", "words"]
    assert len(lines) == 4


def test_csv_and_rank_by_g2(capsys):
    assert main(["terms", str(BUNDLED_ARTICLE), "--format", "csv", "--rank", "g2"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert rows[0]["term"] == "at any time convenient"
    scores = [float(r["g2"]) for r in rows]
    assert scores == sorted(scores, reverse=True)


def test_folded_rows_on_request(capsys):
    assert main(["terms", str(BUNDLED_ARTICLE), "--folded", "--format", "json"]) == 0
    data = {d["term"]: d for d in json.loads(capsys.readouterr().out)}
    assert data["video link"]["folded_into"] == "secure video link"


def test_article_without_recurring_terms(write_article, capsys):
    path = write_article(NO_REPEATS)
    assert main(["terms", str(path), "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out) == []
    assert main(["terms", str(path)]) == 0
    assert capsys.readouterr().out == "(no rows)\n"


def _run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "helpers", *args], capture_output=True, text=True, timeout=120
    )


def test_missing_article_is_one_line_and_exit_2(tmp_path):
    result = _run("terms", str(tmp_path / "missing.txt"))
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr.startswith("error: ") and "missing.txt does not exist" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_missing_stopword_file_is_an_error(tmp_path):
    result = _run("terms", str(BUNDLED_ARTICLE), "--stopwords", str(tmp_path / "stop.txt"))
    assert result.returncode == 2
    assert "stop.txt is not a stopword file" in result.stderr


@pytest.mark.parametrize("bad", ["0", "-2", "many"])
def test_top_must_be_a_positive_number(bad, capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["terms", str(BUNDLED_ARTICLE), "--top", bad])
    assert exit_info.value.code == 2
    assert "--top" in capsys.readouterr().err
