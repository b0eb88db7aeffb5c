"""The term table: candidates, set phrases, folding, written forms and G², ranked."""

from __future__ import annotations

from collections import Counter

import numpy as np
import pandas as pd

import helpers.terms.ngrams as ngrams
from helpers.article import Article
from helpers.terms.association import g2_scores
from helpers.terms.candidates import (
    MAX_WORDS,
    MIN_WORDS,
    Term,
    add_set_phrases,
    core_terms,
    fold_terms,
)
from helpers.terms.index import Stoplist, TermIndex, resolve_stopwords, term_index
from helpers.terms.ngrams import codes

TERM_COLUMNS = [
    "term",
    "count",
    "words",
    "g2",
    "contains",
    "part_of",
    "alone",
    "folded_into",
]


def most_common(forms: Counter) -> str:
    """The most used form; on a tie the one with fewer capitals (headline case loses), then
    the alphabetically first, so the result never depends on dict order."""
    return sorted(forms.items(), key=lambda kv: (-kv[1], sum(c.isupper() for c in kv[0]), kv[0]))[
        0
    ][0]


def _written(index: TermIndex, first: int, n: int) -> str:
    """Tokens first to first + n - 1 as written, white space between them made one space
    (only white space separates the tokens of a run)."""
    parts = []
    for t in range(first, first + n):
        parts.append(index.forms[index.surface[t]])
        if t < first + n - 1 and index.start[t + 1] > index.end(t):
            parts.append(" ")
    return "".join(parts)


def add_forms(index: TermIndex, terms: list[Term]) -> None:
    """Count each term's written forms: occurrences are grouped by their token texts and the
    spaces between them, and each distinct form is written out once. All lengths in one
    grouping in a short text, one length at a time in a long one (less memory at once)."""
    if index.n_tokens <= ngrams.TOGETHER:
        _add_forms(index, terms)
        return
    for n in sorted({len(t.key) for t in terms}):
        _add_forms(index, [t for t in terms if len(t.key) == n])


def _add_forms(index: TermIndex, terms: list[Term]) -> None:
    """add_forms() for the given terms: past a term's last word, its columns hold a surface id
    no token has and no space."""
    if not terms:
        return
    longest, pad, last = max(len(t.key) for t in terms), len(index.forms), index.n_tokens - 1
    sizes = [t.count for t in terms]
    at = np.concatenate([t.spans for t in terms])
    owner = np.repeat(np.arange(len(terms)), sizes)
    length = np.repeat([len(t.key) for t in terms], sizes)
    tok = [np.minimum(at + j, last) for j in range(longest)]
    columns = [owner] + [np.where(j < length, index.surface[tok[j]], pad) for j in range(longest)]
    columns += [
        (index.start[tok[j + 1]] > index.end(tok[j])) & (j + 1 < length) for j in range(longest - 1)
    ]
    bounds = [len(terms)] + [pad + 1] * longest + [2] * (longest - 1)
    _, first, count = np.unique(codes(columns, bounds), return_index=True, return_counts=True)
    for i, c in zip(first.tolist(), count.tolist(), strict=True):
        term = terms[owner[i]]
        term.forms[_written(index, int(at[i]), len(term.key))] += c


def _rows(terms: dict, include_folded: bool) -> list[dict]:
    shown_cache: dict = {}

    def shown(k) -> str:
        if k is None:
            return ""
        if k not in shown_cache:
            shown_cache[k] = most_common(terms[k].forms)
        return shown_cache[k]

    rows = []
    for key, term in terms.items():
        if term.folded_into is not None and not include_folded:
            continue
        rows.append(
            {
                "term": shown(key),
                "count": term.count,
                "words": len(key),
                "g2": term.g2,
                "contains": "; ".join(shown(k) for k in sorted(term.contains, key=len)),
                "part_of": "; ".join(shown(k) for k in term.part_of),
                "alone": term.alone,
                "folded_into": shown(term.folded_into),
            }
        )
    return rows


def term_rows(
    index: TermIndex,
    min_count: int,
    stopset: frozenset[str],
    max_words: int,
    include_folded: bool,
) -> list[dict]:
    """The terms before ranking, in the order they were found (remembered per argument)."""
    cache_key = (min_count, stopset, max_words, include_folded)
    if cache_key not in index.tables:
        stop = index.stop_mask(stopset)
        terms = core_terms(index, min_count, stop, max_words)
        add_set_phrases(index, terms, stop, max_words)
        fold_terms(terms, index.n_tokens)
        add_forms(index, list(terms.values()))  # folded terms are named in `contains`
        g2_scores(index, [t for t in terms.values() if include_folded or not t.folded_into])
        index.tables[cache_key] = _rows(terms, include_folded)
    return index.tables[cache_key]


def _arguments(rank_by: str, max_words: int) -> None:
    if rank_by not in {"count", "g2"}:
        raise ValueError(f"rank_by must be 'count' or 'g2', not {rank_by!r}")
    if not MIN_WORDS <= max_words <= MAX_WORDS:
        raise ValueError(f"max_words must be between {MIN_WORDS} and {MAX_WORDS}")


def recurring_terms(
    article: Article,
    min_count: int = 2,
    stop: Stoplist = None,
    max_words: int = MAX_WORDS,
    rank_by: str = "count",
    include_folded: bool = False,
) -> pd.DataFrame:
    """Multi-word terms seen at least ``min_count`` times, ranked by count (or by "g2").

    Columns: term (most used written form), count, words, g2 (log-likelihood association),
    contains (shorter terms folded into this one because they never occur without it),
    part_of (longer terms that hold this one only some of the time), alone (occurrences
    outside those longer terms), folded_into ("" unless ``include_folded`` shows folded rows).
    """
    _arguments(rank_by, max_words)
    index = term_index(article)
    arguments = (max(2, int(min_count)), resolve_stopwords(stop), max_words, include_folded)
    if ("frame", *arguments) not in index.tables:
        table = pd.DataFrame(term_rows(index, *arguments), columns=TERM_COLUMNS)
        if table.empty:
            table = table.astype({"count": int, "words": int, "g2": float, "alone": int})
        index.tables["frame", *arguments] = table
    table = index.tables["frame", *arguments]
    if table.empty:
        return table.copy()
    return table.take(_ranking(table, rank_by)).reset_index(drop=True)


def _ranking(table: pd.DataFrame, rank_by: str) -> np.ndarray:
    """Row order: count, then g2 (or g2 first), both descending with NaN last, then more
    words first, then the term in lower case (pandas' lower case, as sort_values had it);
    ties keep the order the terms were found in."""
    lower = table["term"].str.lower().to_numpy(object)
    _, alphabet = np.unique(lower, return_inverse=True)
    g2 = table["g2"].to_numpy(float)
    missing = np.isnan(g2)
    count = -table["count"].to_numpy()
    g2_keys = [-np.where(missing, 0.0, g2), missing]  # NaN last, whatever the order
    first, second = ([count], g2_keys) if rank_by == "count" else (g2_keys, [count])
    found = np.arange(len(table))
    return np.lexsort([found, alphabet.reshape(-1), -table["words"].to_numpy(), *second, *first])


def term_records(
    article: Article,
    min_count: int = 2,
    stop: Stoplist = None,
    max_words: int = MAX_WORDS,
    rank_by: str = "count",
    include_folded: bool = False,
) -> list[dict]:
    """The rows of ``recurring_terms`` as plain dicts, in the same order, without building a
    DataFrame (corpus mode calls this for thousands of articles)."""
    _arguments(rank_by, max_words)
    rows = term_rows(
        term_index(article),
        max(2, int(min_count)),
        resolve_stopwords(stop),
        max_words,
        include_folded,
    )

    def key(row: dict):
        g2 = row["g2"]
        g2_key = (1, 0.0) if g2 != g2 else (0, -g2)  # NaN last, as pandas sorts it
        first, second = (
            ((-row["count"],), g2_key) if rank_by == "count" else (g2_key, (-row["count"],))
        )
        return (first, second, -row["words"], row["term"].lower())

    return [dict(row) for row in sorted(rows, key=key)]
