"""Whose voice uses a term: the narrator's, or the speaker of the statement that holds it."""

from __future__ import annotations

import pandas as pd

from helpers.article import Article

NARRATOR = "narrator"


def statement_spans(statements: pd.DataFrame) -> list[tuple[int, int, bool, str, str]]:
    """(start, end, nested, speaker, kind) of each statement's content."""
    if statements is None or len(statements) == 0:
        return []
    nested = statements["nested"] if "nested" in statements else [False] * len(statements)
    kinds = statements["kind"] if "kind" in statements else [""] * len(statements)
    return [
        (int(s), int(e), bool(n), str(sp), str(k))
        for s, e, n, sp, k in zip(
            statements["start"],
            statements["end"],
            nested,
            statements["speaker"],
            kinds,
            strict=True,
        )
    ]


def voice(spans, start: int, end: int) -> tuple[str, str]:
    """The speaker (and kind) of the innermost statement whose content holds [start, end)."""
    best = None
    for s, e, nested, speaker, kind in spans:
        if s <= start and end <= e:
            rank = (e - s, not nested)
            if best is None or rank < best[0]:
                best = (rank, speaker, kind)
    return (best[1], best[2]) if best else (NARRATOR, "")


def statements_of(article: Article, statements: pd.DataFrame | None) -> pd.DataFrame:
    """The statements given, or the extractor's."""
    if statements is not None:
        return statements
    from helpers.statements import extract_statements

    return extract_statements(article)
