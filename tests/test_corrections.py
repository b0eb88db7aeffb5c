"""Corrections by hand: change a speaker, drop a statement, add a missed one, and the tables,
charts' data and reports follow; a broken corrections file gets a clear message."""

import csv
import io
import subprocess
import sys

import nbformat
import pytest

from helpers import PROJ_ROOT, load_article
from helpers.annotated import annotate
from helpers.cli import main
from helpers.corrections import (
    CorrectionsError,
    corrections_path,
    statements_with_corrections,
)
from helpers.export import csv_text
from helpers.report import build_report
from helpers.speaker_analysis import quoted_share, statements_by_kind
from helpers.statements import extract_statements, speakers_table

HARBOUR = """Harbour council backs new pier

“The pier will open in June,” Mayor Nora Quill said on Monday.

Councillor Ivo Brandt said the budget was far too small. He added that residents had not been asked.

Local fisherman Tam Oduya said boats would need a new mooring.

The harbour master thinks the pier is long overdue.

“We were never consulted about any of it.”
"""
# the last paragraph, a quotation after a paragraph of narration, is one the kit misses (it
# would take a quotation right after a statement as that speaker's): a student adds it
MISSED = "We were never consulted about any of it."


@pytest.fixture
def article(write_article):
    return load_article(write_article(HARBOUR, "harbour.txt"))


def kit_rows(article) -> list[list[str]]:
    """The kit's statements as the CSV a student starts from (header first)."""
    return list(csv.reader(io.StringIO(csv_text(extract_statements(article)).lstrip("\ufeff"))))


def write_rows(path, rows, encoding="utf-8-sig"):
    with open(path, "w", encoding=encoding, newline="") as f:
        csv.writer(f).writerows(rows)
    return path


def student_edits(article):
    """Row 4 (He added …) goes to Tam Oduya, Nora Quill's row is deleted, a missed quote is
    added by its text: three corrections."""
    rows = kit_rows(article)
    header = rows[0]
    assert [r[header.index("speaker")] for r in rows[1:]] == [
        "Nora Quill",
        "Ivo Brandt",
        "Ivo Brandt",
        "Tam Oduya",
    ]
    rows[3][header.index("speaker")] = "Tam Oduya"
    del rows[1]
    added = [""] * len(header)
    added[header.index("speaker")] = "Tam Oduya"
    added[header.index("text")] = MISSED
    rows.append(added)
    return write_rows(corrections_path(article), rows)


def test_the_file_beside_the_article_is_applied_and_counted(article):
    student_edits(article)
    statements, report = statements_with_corrections(article)
    assert report.count == 3 and not report.problems
    assert report.line() == "3 correction(s) applied by hand, from harbour.corrections.csv."
    assert list(statements["speaker"]) == ["Ivo Brandt", "Tam Oduya", "Tam Oduya", "Tam Oduya"]
    assert "Nora Quill" not in set(statements["speaker"])
    added = statements[statements["correction"] == "added by hand"].iloc[0]
    assert added["text"] == MISSED and article.raw[added["start"] : added["end"]] == MISSED
    assert added["kind"] == "direct" and added["paragraph"] == 5
    moved = statements[statements["correction"].str.startswith("speaker corrected")].iloc[0]
    assert moved["mention"] == "He" and "the kit said Ivo Brandt" in moved["correction"]
    assert list(statements["start"]) == sorted(statements["start"])


def test_the_speaker_table_and_the_charts_data_follow_the_corrections(article):
    student_edits(article)
    statements, _ = statements_with_corrections(article)
    speakers = speakers_table(statements).set_index("speaker")
    assert speakers.loc["Tam Oduya", "statements"] == 3
    assert speakers.loc["Ivo Brandt", "statements"] == 1
    assert "He" in speakers.loc["Tam Oduya", "forms"]
    # the role comes from the new speaker, not from the words the kit linked
    assert speakers.loc["Ivo Brandt", "role"] == "Councillor"
    assert statements.loc[statements["mention"] == "He", "role"].iloc[0] != "Councillor"
    kinds = statements_by_kind(statements).set_index("speaker")
    assert kinds.loc["Tam Oduya", "total"] == 3 and kinds.loc["Tam Oduya", "direct"] == 1
    shares = quoted_share(statements).set_index("speaker")
    assert shares.loc["Tam Oduya", "share_of_quotes_pct"] == 100
    view = annotate(article)
    assert "3 correction(s) applied by hand, from harbour.corrections.csv." in view.html
    assert view.html.count('data-speaker="Tam Oduya" title=') == 3
    assert view.html.count('class="ka-st ka-direct ka-corrected"') == 1  # the added quote
    assert "ka-floating" not in view.html.split("</style>", 1)[1]
    assert "the kit said Ivo Brandt" in view.html  # in the moved statement's tooltip


def test_no_file_and_no_corrections_give_the_kit_statements(article):
    kit = extract_statements(article)
    statements, report = statements_with_corrections(article)
    assert report.file is None and report.count == 0 and len(statements) == len(kit)
    student_edits(article)
    statements, report = statements_with_corrections(article, corrections=False)
    assert report.file is None and list(statements["speaker"]) == list(kit["speaker"])


def test_action_drop_and_a_kind_change(article):
    rows = kit_rows(article)
    header = [*rows[0], "action"]
    rows = [header] + [r + [""] for r in rows[1:]]
    rows[2][header.index("action")] = "drop"
    rows[1][header.index("kind")] = "indirect"
    path = write_rows(corrections_path(article), rows)
    statements, report = statements_with_corrections(article, path)
    assert report.count == 2
    assert len(statements) == 3 and statements.loc[0, "kind"] == "indirect"
    assert "the budget was far too small" not in list(statements["text"])


def test_applying_twice_changes_nothing_more(article):
    """The corrected statements saved as CSV are a corrections file that gives the same."""
    student_edits(article)
    first, _ = statements_with_corrections(article)
    path = corrections_path(article)
    path.write_text(csv_text(first), encoding="utf-8")
    again, _ = statements_with_corrections(article)
    assert list(again["speaker"]) == list(first["speaker"])
    assert list(again["start"]) == list(first["start"])


def test_a_file_of_added_rows_only_drops_nothing(article):
    path = write_rows(corrections_path(article), [["speaker", "text"], ["Tam Oduya", MISSED]])
    statements, report = statements_with_corrections(article, path)
    assert report.count == 1 and len(statements) == 5


# ---------------------------------------------------------------- broken corrections


def test_unknown_column_names_the_file_and_the_column(article):
    rows = kit_rows(article)
    rows[0][0] = "spekaer"
    write_rows(corrections_path(article), rows)
    with pytest.raises(
        CorrectionsError, match=r"harbour.corrections.csv: unknown column 'spekaer'"
    ):
        statements_with_corrections(article)


def test_not_utf8_says_how_to_save_it(article):
    corrections_path(article).write_bytes("speaker,text\nRené Côté,Bonjour\n".encode("cp1252"))
    with pytest.raises(CorrectionsError, match="is not UTF-8 text.*CSV UTF-8"):
        statements_with_corrections(article)


def test_rows_that_point_nowhere_are_reported_by_number_and_skipped(article):
    rows = kit_rows(article)
    header = rows[0]
    start, end, text = header.index("start"), header.index("end"), header.index("text")
    rows[1][start], rows[1][end] = "5000", "5100"  # outside the article
    rows[2][text] = "the budget was rather generous"  # the article says otherwise
    lost = [""] * len(header)
    lost[header.index("speaker")], lost[text] = "Ivo Brandt", "a sentence nobody wrote"
    twice = [""] * len(header)
    twice[header.index("speaker")], twice[text] = "Ivo Brandt", "pier"
    rows += [lost, twice]
    write_rows(corrections_path(article), rows)
    statements, report = statements_with_corrections(article)
    problems = "\n".join(report.problems)
    assert report.problems[0].startswith("row 2: start–end 5000–5100 is outside the article")
    assert "row 3: its text “the budget was rather generous” is not what the article holds" in (
        problems
    )
    assert "row 6: the text “a sentence nobody wrote” is not in the article" in problems
    assert "row 7: the text “pier” is in the article 3 times" in problems
    assert all(p.endswith("skipped") for p in report.problems[:4])
    assert "have no row in the file and are kept" in report.problems[4]
    # nothing was applied to another statement: the kit's statements stand, none dropped
    kit = extract_statements(article)
    assert list(statements["speaker"]) == list(kit["speaker"])
    assert "4 row(s) skipped" in report.line()


def test_cli_corrections_flags_and_the_bom(article, capsys):
    student_edits(article)
    assert main(["statements", str(article.path), "--format", "json", "--no-corrections"]) == 0
    out, err = capsys.readouterr()
    assert err == "" and "Nora Quill" in out
    assert main(["statements", str(article.path), "--format", "csv"]) == 0
    out, err = capsys.readouterr()
    assert "3 correction(s) applied by hand" in err and "Nora Quill" not in out
    missing = article.path.with_name("nope.csv")
    assert main(["statements", str(article.path), "--corrections", str(missing)]) == 2
    assert "nope.csv does not exist" in capsys.readouterr().err
    # written to a file, the CSV starts with a byte-order mark (for spreadsheets)
    target = article.path.with_name("start.csv")
    with open(target, "w") as f:
        subprocess.run(
            [
                sys.executable,
                "-m",
                "helpers",
                "statements",
                str(article.path),
                "--format",
                "csv",
                "--no-corrections",
            ],
            stdout=f,
            check=True,
            cwd=PROJ_ROOT,
        )
    assert target.read_bytes().startswith(b"\xef\xbb\xbfspeaker,role,")


def test_report_applies_the_file_and_says_so(article, tmp_path):
    student_edits(article)
    nb = nbformat.v4.new_notebook()
    nb.cells = [
        nbformat.v4.new_markdown_cell("# Tiny"),
        nbformat.v4.new_code_cell(
            "article_path = None\ncorrections_path = None", metadata={"tags": ["parameters"]}
        ),
        nbformat.v4.new_code_cell(
            "from helpers import load_article\n"
            "from helpers.corrections import statements_with_corrections\n"
            "print(statements_with_corrections(load_article(article_path), corrections_path)[1]"
            ".line())"
        ),
    ]
    nb.metadata["kernelspec"] = {
        "name": "python3",
        "display_name": "Python 3",
        "language": "python",
    }
    path = tmp_path / "01_tiny.ipynb"
    nbformat.write(nb, path)
    line = "3 correction(s) applied by hand, from harbour.corrections.csv."
    result = build_report(article.path, out_dir=tmp_path / "out", notebooks=[path], progress=None)
    pages = {p.name: p.read_text(encoding="utf-8-sig") for p in result.files}
    for name in ("index.html", "article.html", "report.html", "01_tiny.html"):
        assert line in pages[name], name
    assert "Nora Quill" not in pages["statements.csv"]
    assert "Tam Oduya" in pages["speakers.csv"]
    off = build_report(
        article.path, out_dir=tmp_path / "off", notebooks=[path], progress=None, corrections=False
    )
    pages = {p.name: p.read_text(encoding="utf-8-sig") for p in off.files}
    assert "No corrections file" in pages["report.html"] and line not in pages["index.html"]
    assert "Nora Quill" in pages["statements.csv"]


def test_extract_statements_applies_the_file_only_when_asked(article):
    student_edits(article)
    kit = extract_statements(article)
    assert "correction" not in kit.columns and "Nora Quill" in set(kit["speaker"])
    corrected = extract_statements(article, corrections=None)  # the file beside the article
    assert "Nora Quill" not in set(corrected["speaker"])
    assert corrected.attrs["corrections"].count == 3
    same = extract_statements(article, corrections=corrections_path(article))
    assert list(same["speaker"]) == list(corrected["speaker"])
