"""Printing a DataFrame for the command line as a table, CSV or JSON."""

from __future__ import annotations

import json
import math
import os
import stat
import sys

import pandas as pd


def _plain(value):
    """A JSON-ready value: numpy scalars to Python, NaN/None to null."""
    if value is None or value is pd.NA or value is pd.NaT:
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    if hasattr(value, "item"):
        value = value.item()
        if isinstance(value, float) and math.isnan(value):
            return None
    return value


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
    """Write df to stdout as an aligned text table, CSV (spreadsheet-safe, see
    helpers.export; ``bom`` starts it with a byte-order mark), or a JSON list of objects."""
    out = file or sys.stdout
    if fmt == "json":
        json.dump(table_records(df), out, ensure_ascii=False, indent=2)
        out.write("\n")
    elif fmt == "csv":
        from helpers.export import write_csv

        write_csv(df, out, bom=bom)
    else:
        with pd.option_context("display.max_colwidth", 80, "display.width", 200):
            out.write(df.to_string(index=False) + "\n" if len(df) else "(no rows)\n")
