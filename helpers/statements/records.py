"""Stage 7, records: the typed statement record, built in one place, and its table.

The column contract (names, order, dtypes) is documented in docs/statements.md.
"""

from __future__ import annotations

from dataclasses import dataclass

from helpers.statements.mentions import Mention

COLUMNS = [
    "speaker",
    "role",
    "mention",
    "mention_start",
    "mention_end",
    "kind",
    "cue",
    "cue_start",
    "cue_end",
    "text",
    "start",
    "end",
    "paragraph",
    "nested",
]
SPEAKER_COLUMNS = [
    "speaker",
    "role",
    "forms",
    "statements",
    "direct",
    "indirect",
    "mixed",
    "nested",
]
PEOPLE_COLUMNS = ["name", "role", "mentions", "first_start"]
UNKNOWN = "unknown"


@dataclass
class Speaker:
    """Who a mention resolves to: canonical name, role, and what kind of speaker it is
    (person, org, anonymous, multi, unknown)."""

    name: str
    role: str = ""
    kind: str = "person"


NOBODY = Speaker(UNKNOWN, "", "unknown")


@dataclass
class Statement:
    """One statement, with offsets into article.text (see the contract in docs/statements.md)."""

    speaker: str
    role: str
    mention: str | None
    mention_start: int | None
    mention_end: int | None
    kind: str
    cue: str
    cue_start: int | None
    cue_end: int | None
    text: str
    start: int
    end: int
    paragraph: int
    nested: bool = False
    clause_start: int = 0  # where the cue clause (speaker phrase + cue) begins
    phrase: Mention | None = None
    speaker_kind: str = "person"

    def as_row(self) -> dict:
        """The statement as a plain dict with the contract's columns (for JSON)."""
        return {c: getattr(self, c) for c in COLUMNS}


def to_frame(rows: list[Statement]):
    """The statements as a DataFrame with the contract's columns and dtypes."""
    import numpy as np
    import pandas as pd

    def ints(values):  # nullable Int64, built directly (much faster than pd.array on a list)
        mask = np.fromiter((v is None for v in values), dtype=bool, count=len(values))
        data = np.fromiter(
            (0 if v is None else v for v in values), dtype="int64", count=len(values)
        )
        return pd.arrays.IntegerArray(data, mask)

    def objects(values):  # object dtype: None stays None
        out = np.empty(len(values), dtype=object)
        out[:] = values
        return pd.Series(out, dtype=object, copy=False)

    cols = {}
    for c in COLUMNS:
        values = [getattr(r, c) for r in rows]
        if c in ("mention_start", "mention_end", "cue_start", "cue_end"):
            cols[c] = ints(values)
        elif c in ("start", "end", "paragraph"):
            cols[c] = np.array(values, dtype="int64")
        elif c == "nested":
            cols[c] = np.array(values, dtype=bool)
        else:
            cols[c] = objects(values)
    return pd.DataFrame(cols, columns=COLUMNS)
