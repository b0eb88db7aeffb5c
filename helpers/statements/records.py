"""Stage 7, records: the typed statement record, built in one place, and its table.

The column contract (names, order, dtypes) is documented in docs/statements.md.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from helpers.statements.phrases import Mention
from helpers.statements.quotes import Quote

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


# ---- a statement's content span: its edges and its kind
_ABBREV_END = re.compile(r"(?:\b[A-Z]\.)+$|\.\.\.$")
_EDGE = ",;:—–"


def trim_start(text: str, s: int, e: int) -> int:
    while s < e and (text[s].isspace() or text[s] in _EDGE):
        s += 1
    return s


def trim_end(text: str, s: int, e: int, keep_stop: bool = False) -> int:
    """The content end without white space and edge punctuation; a full stop outside any
    quotation closes the sentence, not the content (unless it ends an abbreviation)."""
    while e > s and (text[e - 1].isspace() or text[e - 1] in _EDGE):
        e -= 1
    if (
        not keep_stop
        and e > s
        and text[e - 1] == "."
        and not _ABBREV_END.search(text, max(s, e - 12), e)
    ):
        e -= 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return e


def content_kind(sq: list[Quote], s: int, e: int, old: str) -> str:
    inside = [q for q in sq if q.open < e and q.close > s]
    if not inside:
        return "indirect"
    return "direct" if old == "direct" else "mixed"
