"""Printing a DataFrame for the command line as a table, CSV or JSON.

Text from an article is data, never instructions to the terminal or to a spreadsheet:
control characters (escape sequences) and bidirectional overrides are shown as visible
``\\uXXXX`` codes when they would reach a terminal, and CSV cells that a spreadsheet would
read as a formula (starting with ``= + - @``, a tab or a carriage return) get a leading
apostrophe, the usual neutralisation.
"""

from __future__ import annotations

import json
import math
import os
import re
import stat
import sys
import tempfile
from json.encoder import encode_basestring
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pandas is imported where it is used: the command line starts faster
    import pandas as pd


def _plain(value):
    """A JSON-ready value: numpy scalars to Python, NaN/None to null."""
    import pandas as pd

    if value is None or value is pd.NA or value is pd.NaT:
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    if hasattr(value, "item"):
        value = value.item()
        if isinstance(value, float) and math.isnan(value):
            return None
    return value


# C0/C1 controls except newline and tab, DEL, and the Unicode bidi controls (Trojan Source)
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def terminal_safe(text: str, keep_newlines: bool = True) -> str:
    """Text with control and bidi-override characters replaced by visible ``\\uXXXX`` codes.

    (In JSON text, ``\\uXXXX`` is also the escape of that very character.)"""
    text = _UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
    if not keep_newlines:
        text = text.replace("\n", "\\n").replace("\t", " ")
    return text


def csv_safe(df: pd.DataFrame) -> pd.DataFrame:
    """A copy of df whose text cells cannot run as spreadsheet formulas (``'=...``)."""

    def cell(value):
        if isinstance(value, str) and value.startswith(FORMULA_START):
            return "'" + value
        return value

    out = df.copy()
    for col in out.columns:
        if _texty(out[col]):
            out[col] = out[col].map(cell)
    return out


def _texty(column: pd.Series) -> bool:
    import pandas as pd

    return column.dtype == object or pd.api.types.is_string_dtype(column.dtype)


def _is_terminal(out) -> bool:
    try:
        return out.isatty()
    except (AttributeError, ValueError):
        return False


_JSON_CONSTANTS = {True: "true", False: "false", None: "null"}


def _json_value(v) -> str:
    kind = type(v)
    if kind is str:
        return encode_basestring(v)
    if kind is int:
        return int.__repr__(v)
    if v is None or kind is bool:
        return _JSON_CONSTANTS[v]
    return json.dumps(v, ensure_ascii=False)


def _records_json(rows: list[dict]):
    """The pieces of ``json.dumps(rows, ensure_ascii=False, indent=2)`` for a list of flat
    dicts, one row at a time, written value by value: with an indent, json.dumps runs its
    pure-Python encoder, three times slower on the 5,000 statements of a 2 MB text."""
    if not rows:
        yield "[]"
        return
    keys: dict[str, str] = {}
    opening = "[\n"
    for row in rows:
        fields = []
        for k, v in row.items():
            key = keys.get(k)
            if key is None:
                key = keys[k] = "    " + encode_basestring(str(k)) + ": "
            fields.append(key + _json_value(v))
        yield opening + ("  {\n" + ",\n".join(fields) + "\n  }" if fields else "  {}")
        opening = ",\n"
    yield "\n]"


def _flat_records(value) -> bool:
    return isinstance(value, list) and all(
        type(row) is dict
        and all(type(k) is str and not isinstance(v, (dict, list, tuple)) for k, v in row.items())
        for row in value
    )


def print_json(value, file=None) -> None:
    """Write a value as indented JSON (non-ASCII characters as written) in one piece; on a
    terminal, control and bidi characters are shown as ``\\uXXXX`` codes (still the same
    JSON)."""
    out = file or sys.stdout
    tty = _is_terminal(out)
    if _flat_records(value):
        pieces = _records_json(value)  # written a row at a time
    else:
        pieces = [json.dumps(value, ensure_ascii=False, indent=2)]
    for piece in pieces:
        out.write(terminal_safe(piece) if tty else piece)
    out.write("\n")


def table_records(df: pd.DataFrame) -> list[dict]:
    """Rows as dicts with plain Python values (ints stay ints, missing values become None)."""
    cols = list(df.columns)
    return [
        {c: _plain(v) for c, v in zip(cols, row, strict=True)} for row in df.itertuples(index=False)
    ]


def writes_to_file(stream) -> bool:
    """Whether a stream is a regular file (``> out.csv``), not a terminal or a pipe."""
    try:
        return stat.S_ISREG(os.fstat(stream.fileno()).st_mode)
    except (AttributeError, OSError, ValueError):  # io.StringIO, pytest's capture
        return False


def print_table(df: pd.DataFrame, fmt: str = "table", file=None, bom: bool = False) -> None:
    """Write df to stdout as an aligned text table, CSV, or a JSON list of objects.
    ``bom`` starts CSV with a byte-order mark (for spreadsheets)."""
    import pandas as pd

    out = file or sys.stdout
    tty = _is_terminal(out)
    if fmt == "json":
        print_json(table_records(df), out)
    elif fmt == "csv":
        text = csv_safe(df).to_csv(index=False)
        out.write(("\ufeff" if bom else "") + (terminal_safe(text) if tty else text))
    else:
        shown = df.copy()
        for col in shown.columns:
            if _texty(shown[col]):
                shown[col] = shown[col].map(
                    lambda v: terminal_safe(v, keep_newlines=False) if isinstance(v, str) else v
                )
        with pd.option_context("display.max_colwidth", 80, "display.width", 200):
            out.write(shown.to_string(index=False) + "\n" if len(shown) else "(no rows)\n")


def write_csv(df: pd.DataFrame, path: Path | str) -> Path:
    """Save df as a CSV file (UTF-8, formula cells neutralised) through a temporary file in
    the same folder renamed into place: a reader or a killed run never sees half a file."""
    path = Path(path)
    data = csv_safe(df).to_csv(index=False).encode("utf-8")
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".part")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path
