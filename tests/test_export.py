"""Tables saved for spreadsheets: CSV with a byte-order mark, Excel, formulas neutralised."""

import pandas as pd
import pytest
from openpyxl import load_workbook

from helpers.export import ExportError, csv_text, save_table
from helpers.statements import extract_statements, speakers_table

HOSTILE = pd.DataFrame(
    {
        "speaker": ['=HYPERLINK("http://x")', "Anna Berg", "-2+3", "@SUM(A1)"],
        "forms": [["he", "Berg"], ["she"], [], ["x"]],
        "count": [1, 2, 3, -4],
        "offset": pd.array([1, None, 3, 4], dtype="Int64"),
    }
)


def test_csv_has_a_bom_and_no_live_formula(tmp_path):
    path = save_table(HOSTILE, tmp_path / "t.csv")
    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbfspeaker,forms,count,offset\n")
    text = data.decode("utf-8-sig")
    assert "'=HYPERLINK" in text and "'-2+3" in text and "'@SUM" in text
    assert "\nAnna Berg,she,2,\n" in text  # a missing number is an empty cell
    assert "he | Berg" in text and ",-4," in text  # numbers are left alone
    assert csv_text(HOSTILE, bom=False).startswith("speaker,")


def test_xlsx_opens_with_the_values_and_no_formula(tmp_path):
    path = save_table(HOSTILE, tmp_path / "t.xlsx", sheet="speakers")
    sheet = load_workbook(path)["speakers"]
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == ("speaker", "forms", "count", "offset")
    assert rows[1][0] == '\'=HYPERLINK("http://x")' and rows[1][1] == "he | Berg"
    assert rows[2] == ("Anna Berg", "she", 2, None)
    assert all(cell.data_type != "f" for row in sheet.iter_rows() for cell in row)


def test_the_kit_tables_save_both_ways(bundled, tmp_path):
    statements = extract_statements(bundled)
    for table, name in ((statements, "statements"), (speakers_table(statements), "speakers")):
        for ext in ("csv", "xlsx"):
            path = save_table(table, tmp_path / f"{name}.{ext}")
            assert path.stat().st_size > 100
    back = pd.read_csv(tmp_path / "statements.csv", encoding="utf-8-sig")
    assert list(back["start"]) == list(statements["start"])
    rows = list(load_workbook(tmp_path / "speakers.xlsx").active.iter_rows(values_only=True))
    assert rows[1][0] == "Dmitry Peskov" and rows[1][3] == 23


def test_unknown_ending_or_missing_folder_is_a_clear_error(tmp_path):
    with pytest.raises(ExportError, match=r"t\.txt: cannot save a table as \.txt — name the file"):
        save_table(HOSTILE, tmp_path / "t.txt")
    with pytest.raises(ExportError, match="is not a folder"):
        save_table(HOSTILE, tmp_path / "nowhere" / "t.csv")
