"""Command-line output: text from an article never drives the terminal or a spreadsheet."""

from __future__ import annotations

import io
import json

import pandas as pd
import pytest

from helpers.cli import main
from helpers.output import csv_safe, print_table, terminal_safe, write_csv

ESC = "\x1b]0;owned\x07\x1b[2J"  # set the window title, clear the screen
BIDI = "\u202eevil\u202c and \u2066x\u2069"
TABLE = pd.DataFrame(
    {
        "text": ['=HYPERLINK("http://x")', "+1", "-2+3", "@SUM(A1)", "\tx", "plain", ESC, BIDI],
        "n": [-1, 2, 3, 4, 5, 6, 7, 8],
    }
)


class Terminal(io.StringIO):
    def isatty(self):
        return True


def no_controls(text: str) -> bool:
    return not any(c in text for c in "\x1b\x07\x9b\u202e\u202c\u2066\u2069")


def test_terminal_safe_shows_controls_as_codes():
    assert terminal_safe(ESC) == "\\u001b]0;owned\\u0007\\u001b[2J"
    assert terminal_safe("a\nb\tc") == "a\nb\tc"
    assert terminal_safe("a\nb", keep_newlines=False) == "a\\nb"
    assert terminal_safe("ok “quoted” — é 漢字 🙂") == "ok “quoted” — é 漢字 🙂"


@pytest.mark.parametrize("fmt", ["table", "csv", "json"])
def test_no_control_character_reaches_a_terminal(fmt):
    out = Terminal()
    print_table(TABLE, fmt, out)
    assert no_controls(out.getvalue())


def test_json_to_a_terminal_is_still_the_same_json():
    out = Terminal()
    print_table(TABLE, "json", out)
    assert [r["text"] for r in json.loads(out.getvalue())] == list(TABLE["text"])


def test_csv_to_a_file_keeps_the_text_but_neutralises_formulas():
    out = io.StringIO()
    print_table(TABLE, "csv", out)
    back = pd.read_csv(io.StringIO(out.getvalue()), keep_default_na=False)
    assert list(back["text"][:5]) == ["'" + t for t in TABLE["text"][:5]]
    assert list(back["text"][5:]) == list(TABLE["text"][5:])  # no formula: as written
    assert list(back["n"]) == list(TABLE["n"])  # numbers are not text: untouched


def test_csv_safe_leaves_the_input_alone():
    before = TABLE.copy()
    csv_safe(TABLE)
    pd.testing.assert_frame_equal(TABLE, before)


def test_statements_csv_of_a_formula_quote(write_article, capsys):
    path = write_article(
        "Council news\n\n“=cmd|' /C calc'!A0 is the plan,” said Ann Lee on Monday.\n"
    )
    assert main(["statements", str(path), "--format", "csv"]) == 0
    out = capsys.readouterr().out
    assert "'=cmd" in out and "\n=cmd" not in out and ",=cmd" not in out


def test_an_error_message_carries_no_escape_sequence(tmp_path, capsys):
    missing = tmp_path / f"x{ESC}.txt"
    assert main(["tokens", str(missing)]) == 2
    err = capsys.readouterr().err
    assert "does not exist" in err and no_controls(err) and "\\u001b" in err


def test_write_csv_is_safe_and_whole(tmp_path, monkeypatch):
    path = write_csv(TABLE, tmp_path / "table.csv")
    back = pd.read_csv(path, keep_default_na=False)
    assert back["text"][0].startswith("'=")
    assert [p.name for p in tmp_path.iterdir()] == ["table.csv"]

    def killed(*a):
        raise KeyboardInterrupt

    monkeypatch.setattr("helpers.output.os.replace", killed)
    with pytest.raises(KeyboardInterrupt):
        write_csv(TABLE.head(1), path)
    assert len(pd.read_csv(path)) == len(TABLE)  # the previous file is intact
    assert [p.name for p in tmp_path.iterdir()] == ["table.csv"]


def test_statements_json_to_a_terminal_shows_controls_as_codes(write_article, monkeypatch):
    """The statements command writes its JSON straight from the records (start-up matters):
    on a terminal, the escape sequences, C1 controls and bidi overrides of an article's text
    are still shown as codes, and the JSON still reads back as the article's words."""
    hostile = f"the plan{ESC} is \x9b31mfine\x9b0m {BIDI}"
    path = write_article(f"Council news\n\n“{hostile},” said Ann Lee on Monday.\n")
    out = Terminal()
    monkeypatch.setattr("sys.stdout", out)
    assert main(["statements", str(path), "--format", "json"]) == 0
    assert no_controls(out.getvalue()) and "\\u009b" in out.getvalue()
    assert json.loads(out.getvalue())[0]["text"] == hostile


def test_fast_json_of_records_is_json_dumps_indented():
    """print_json writes a list of flat records value by value; the text is exactly what
    json.dumps(indent=2, ensure_ascii=False) writes, on any keys and values."""
    from hypothesis import given
    from hypothesis import strategies as st

    from helpers.output import _records_json

    scalar = st.none() | st.booleans() | st.integers() | st.text() | st.floats()
    rows = st.lists(st.dictionaries(st.text(), scalar, max_size=6), max_size=5)

    @given(rows)
    def same(value):
        assert "".join(_records_json(value)) == json.dumps(value, ensure_ascii=False, indent=2)

    same()
