"""Printing a DataFrame for the command line as a table, CSV or JSON."""

from __future__ import annotations

import json
import math
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


def print_table(df: pd.DataFrame, fmt: str = "table", file=None) -> None:
    """Write df to stdout as an aligned text table, CSV, or a JSON list of objects."""
    out = file or sys.stdout
    if fmt == "json":
        json.dump(table_records(df), out, ensure_ascii=False, indent=2)
        out.write("\n")
    elif fmt == "csv":
        df.to_csv(out, index=False)
    else:
        with pd.option_context("display.max_colwidth", 80, "display.width", 200):
            out.write(df.to_string(index=False) + "\n" if len(df) else "(no rows)\n")
