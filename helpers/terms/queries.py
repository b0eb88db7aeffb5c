"""Finding a word or phrase: where it occurs, in context (KWIC) and across the article."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence

import numpy as np
import pandas as pd

from helpers.article import Article, ArticleError
from helpers.terms.index import BLOCK_KINDS, TermIndex, fold, term_index
from helpers.terms.voices import statement_spans, statements_of, voice
from helpers.tokens import is_word, word_spans

CONCORDANCE_COLUMNS = [
    "left",
    "term",
    "right",
    "start",
    "end",
    "paragraph",
    "block",
    "voice",
    "kind",
]
DISPERSION_COLUMNS = ["term", "word_index", "start", "end", "paragraph", "block"]
_SPACES = re.compile(r"\s+")


def query_keys(term: str) -> tuple[str, ...]:
    keys = tuple(fold(term[s:e]) for s, e in word_spans(term))
    if not any(is_word(k) for k in keys):
        raise ArticleError(f"the query {term!r} holds no word — give a word or a phrase")
    return keys


def _matches(index: TermIndex, keys: tuple[str, ...]) -> np.ndarray:
    """First tokens of the places where the keys follow one another."""
    ids = [index.key_ids.get(k) for k in keys]
    if None in ids:
        return np.zeros(0, np.int64)
    at = np.flatnonzero(index.key == ids[0])
    for j, key_id in enumerate(ids[1:], 1):
        at = at[at + j < index.n_tokens]
        at = at[index.key[at + j] == key_id]
    return at


def find(article: Article, term: str) -> list[tuple[int, int]]:
    """Token ranges [first, last] where a word or phrase occurs, matched case-insensitively,
    across line breaks and whatever the apostrophes."""
    keys = query_keys(term)
    at = _matches(term_index(article), keys)
    return [(first, first + len(keys) - 1) for first in at.tolist()]


def _places(index: TermIndex, hits: list[tuple[int, int]]) -> dict[str, list]:
    """Start and end offsets, paragraph and block of each hit, as plain Python values."""
    first = np.array([f for f, _ in hits], np.int64)
    last = np.array([la for _, la in hits], np.int64)
    return {
        "first": first,
        "start": index.start[first].tolist(),
        "end": index.end(last).tolist(),
        "paragraph": index.paragraph(first).tolist(),
        "block": [BLOCK_KINDS[b] for b in index.block(first).tolist()],
    }


def _block_edges(article: Article, index: TermIndex) -> tuple[list[int], list[int]]:
    if "edges" not in index.lazy:
        index.lazy["edges"] = (
            sorted(b.start for b in article.blocks),
            sorted(b.end for b in article.blocks),
        )
    return index.lazy["edges"]


def _context(text: str, start: int, end: int, width: int, side: str) -> str:
    """Up to ``width`` characters of one side of a match, inside its paragraph, whole words
    only (a word cut by the width is left out)."""
    if side == "left":
        cut = max(start, end - width)
        piece = text[cut:end]
        if cut > start and not text[cut - 1].isspace() and not piece[:1].isspace():
            piece = piece.split(None, 1)[1] if len(piece.split(None, 1)) > 1 else ""
    else:
        cut = min(end, start + width)
        piece = text[start:cut]
        if cut < end and not text[cut].isspace() and not piece[-1:].isspace():
            piece = piece.rsplit(None, 1)[0] if len(piece.rsplit(None, 1)) > 1 else ""
    return _SPACES.sub(" ", piece)


def concordance(
    article: Article,
    term: str,
    width: int = 40,
    statements: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Key word in context: every occurrence of ``term`` with ``width`` characters each side.

    Columns: left, term (as written), right, start, end (offsets into the file), paragraph
    (0 in the headline and subheadings), block, voice ("narrator" or the speaker whose
    statement content holds the match, the innermost one for nested statements) and kind of
    that statement ("" for the narrator). ``statements`` defaults to the extractor's.
    """
    index = term_index(article)
    hits = find(article, term)
    spans = statement_spans(statements_of(article, statements)) if hits else []
    rows = []
    text = article.text
    if hits:
        starts, ends = _block_edges(article, index)
        places = _places(index, hits)
    for i in range(len(hits)):
        start, end = places["start"][i], places["end"][i]
        block_start = (
            starts[bisect_right(starts, start) - 1] if starts and starts[0] <= start else 0
        )
        at = bisect_left(ends, end)
        block_end = ends[at] if at < len(ends) else len(text)
        speaker, kind = voice(spans, start, end)
        rows.append(
            {
                "left": _context(text, block_start, start, width, "left"),
                "term": _SPACES.sub(" ", text[start:end]),
                "right": _context(text, end, block_end, width, "right"),
                "start": start,
                "end": end,
                "paragraph": places["paragraph"][i],
                "block": places["block"][i],
                "voice": speaker,
                "kind": kind,
            }
        )
    table = pd.DataFrame(rows, columns=CONCORDANCE_COLUMNS)
    return table if rows else table.astype({"start": int, "end": int, "paragraph": int})


def term_list(terms: Sequence[str] | pd.DataFrame | str) -> list[str]:
    if isinstance(terms, str):
        return [terms]
    if isinstance(terms, pd.DataFrame):
        return list(terms["term"])
    return list(terms)


def dispersion_table(article: Article, terms: Sequence[str] | pd.DataFrame) -> pd.DataFrame:
    """Where each term occurs: word_index (its first word's position among the article's
    words, headline first), character start and end, paragraph and block."""
    index = term_index(article)
    rows = []
    for term in term_list(terms):
        hits = find(article, term)
        if not hits:
            continue
        places = _places(index, hits)
        numbers = index.word_number(places["first"]).tolist()
        for i in range(len(hits)):
            rows.append(
                {
                    "term": term,
                    "word_index": numbers[i],
                    "start": places["start"][i],
                    "end": places["end"][i],
                    "paragraph": places["paragraph"][i],
                    "block": places["block"][i],
                }
            )
    table = pd.DataFrame(rows, columns=DISPERSION_COLUMNS)
    if rows:
        return table
    return table.astype({"word_index": int, "start": int, "end": int, "paragraph": int})


def word_count(article: Article) -> int:
    """Words in the article, headline and subheadings included (the dispersion x-axis)."""
    return term_index(article).n_words


def paragraph_word_starts(article: Article) -> list[tuple[int, int]]:
    """(paragraph number, word index of its first word) for each paragraph."""
    index = term_index(article)
    every = np.arange(index.n_tokens)
    paragraph = BLOCK_KINDS.index("paragraph")
    tokens = every[index.word_mask() & (index.block(every) == paragraph)]
    numbers, first = np.unique(index.paragraph(tokens), return_index=True)
    words = index.word_number(tokens[first])
    return [(int(p), int(w)) for p, w in zip(numbers, words, strict=True)]
