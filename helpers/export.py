"""Save any table for students: CSV that spreadsheets open correctly, or Excel.

``save_table(df, "statements.csv")`` writes UTF-8 with a byte-order mark (so Excel reads
accents and curly quotes right); ``save_table(df, "statements.xlsx")`` writes an Excel workbook
(openpyxl). Either way, a text cell that a spreadsheet would run as a formula (it starts with
``=``, ``+``, ``-``, ``@``, a tab or a carriage return) gets an apostrophe in front, so
opening an article's table never runs anything. Lists (a speaker's ``forms``) are joined with
`` | ``.
"""

from __future__ import annotations

import io
from pathlib import Path

import pandas as pd

from helpers.article import ArticleError
from helpers.output import csv_safe
from helpers.paths import display_path

BOM = "\ufeff"
FORMATS = ("csv", "xlsx")


class ExportError(ArticleError):
    """A table that cannot be saved as asked (the message says how to proceed)."""


def spreadsheet_safe(df: pd.DataFrame) -> pd.DataFrame:
    """A copy whose text cells cannot run as formulas (helpers.output.csv_safe), lists
    joined with " | "."""
    out = df.copy()
    for col in out.columns:
        if out[col].dtype == object:
            out[col] = out[col].map(
                lambda v: " | ".join(map(str, v)) if isinstance(v, list | tuple | set) else v
            )
    return csv_safe(out)


def csv_text(df: pd.DataFrame, bom: bool = True) -> str:
    """The table as CSV text (no index), formulas neutralised, with the byte-order mark."""
    buffer = io.StringIO()
    spreadsheet_safe(df).to_csv(buffer, index=False, lineterminator="\n")
    return (BOM if bom else "") + buffer.getvalue()


def write_csv(df: pd.DataFrame, file, bom: bool = True) -> None:
    """Write the table as CSV to an open text file (stdout, say)."""
    file.write(csv_text(df, bom))


def save_table(df: pd.DataFrame, path: Path | str, sheet: str = "table") -> Path:
    """Save a table as .csv (UTF-8 with BOM) or .xlsx, chosen by the file name's ending."""
    path = Path(path)
    fmt = path.suffix.lower().lstrip(".")
    if fmt not in FORMATS:
        ending = path.suffix or "a file without an ending"
        raise ExportError(
            f"{display_path(path)}: cannot save a table as {ending} — name the file .csv or .xlsx"
        )
    if not path.parent.is_dir():
        raise ExportError(f"{display_path(path.parent)} is not a folder — create it first")
    if fmt == "csv":
        path.write_text(csv_text(df), encoding="utf-8", newline="")
    else:
        table = spreadsheet_safe(df)
        for col in table.columns:  # Excel knows no nullable integers: missing cells stay empty
            if isinstance(table[col].dtype, pd.api.extensions.ExtensionDtype):
                table[col] = table[col].astype(object).where(table[col].notna(), None)
        with pd.ExcelWriter(path, engine="openpyxl") as writer:
            table.to_excel(writer, index=False, sheet_name=sheet[:31] or "table")
    return path
