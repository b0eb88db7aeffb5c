"""Counting n-grams of key ids with numpy: codes, recurring n-grams and their occurrences.

An n-gram (or any pattern of words at fixed distances, such as NLTK's "w1 _ w3") is coded as
one 64-bit integer per position, equal codes for equal word tuples; counting is then sorting
integers, which takes time in proportion to the text (times a logarithm) and a few bytes per
token, where a Python dict of tuples took hundreds of bytes per n-gram.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from helpers.terms.index import TermIndex

_ROOM = 2**62  # codes stay below this, far from int64 overflow


def codes(columns: list[np.ndarray], bounds: list[int]) -> np.ndarray:
    """One int64 per row of the columns (column j's values lie in [0, bounds[j])): equal
    codes for equal rows. Mixed-radix, renumbered densely whenever it would overflow."""
    code = np.asarray(columns[0], np.int64)
    top = bounds[0]
    for column, bound in zip(columns[1:], bounds[1:], strict=True):
        if top * bound >= _ROOM:
            distinct, code = np.unique(code, return_inverse=True)
            code, top = code.reshape(-1).astype(np.int64), len(distinct)
        code = code * bound + column
        top *= bound
    return code


def pattern_counts(index: TermIndex, n: int, offsets: tuple[int, ...], asked: list[np.ndarray]):
    """How often each row of the asked key columns occurs as the words at ``offsets`` from an
    n-gram start (n words in one run) of the article.

    This is NLTK's finder tally for that pattern: n=2 with ``(0, 1)`` is its bigram count,
    n=3 with ``(0, 2)`` the trigram finder's wildcard count, n=4 with ``(0, 1, 3)`` the
    quadgram finder's ``iixi``.
    """
    starts = index.gram_positions(n)
    bounds = [len(index.keys)] * len(offsets)
    if len(index.keys) ** len(offsets) < _ROOM:
        # codes are never renumbered, so those of the text are sorted once per article and
        # pattern (several marginals of score_ngram share one)
        cache = index.lazy.setdefault("patterns", {})
        if (n, offsets) not in cache:
            cache[n, offsets] = np.sort(codes([index.key[starts + o] for o in offsets], bounds))
        everywhere, wanted = cache[n, offsets], codes(list(asked), bounds)
    else:  # renumbered codes are only comparable within one call
        columns = [
            np.concatenate([index.key[starts + o], a]) for o, a in zip(offsets, asked, strict=True)
        ]
        code = codes(columns, bounds)
        everywhere, wanted = np.sort(code[: len(starts)]), code[len(starts) :]
    return np.searchsorted(everywhere, wanted, "right") - np.searchsorted(everywhere, wanted)


@dataclass
class Grams:
    """The n-grams of one length seen at least min_count times, with no stopword at an edge."""

    n: int
    positions: np.ndarray  # every occurrence, grouped by n-gram, in text order in a group
    bounds: np.ndarray  # n-gram g's occurrences are positions[bounds[g]:bounds[g + 1]]

    def __len__(self) -> int:
        return len(self.bounds) - 1

    def spans(self, g: int) -> np.ndarray:
        return self.positions[self.bounds[g] : self.bounds[g + 1]]


def recurring(index: TermIndex, n: int, min_count: int, stop: np.ndarray) -> Grams:
    """Every n-gram inside a run that occurs at least min_count times and neither starts nor
    ends with a stopword (stop: a boolean per key id), grouped by first occurrence."""
    ok = index.gram_starts(n)
    ok &= ~stop[index.key[: len(ok)]]
    ok &= ~stop[index.key[n - 1 : n - 1 + len(ok)]]
    at = np.flatnonzero(ok)
    code = codes([index.key[at + j] for j in range(n)], [len(index.keys)] * n)
    # one stable sort groups the occurrences by n-gram, each group in text order (at is)
    order = np.argsort(code, kind="stable")
    code = code[order]
    new = np.ones(len(code), bool)
    np.not_equal(code[1:], code[:-1], out=new[1:])
    starts = np.flatnonzero(new)  # where each n-gram's group starts in order
    counts = np.diff(starts, append=len(code))
    keep = counts >= min_count
    starts, counts = starts[keep], counts[keep]
    # n-grams in the order of their first occurrence
    by_first = np.argsort(at[order[starts]])
    starts, counts = starts[by_first], counts[by_first]
    bounds = np.zeros(len(counts) + 1, np.int64)
    np.cumsum(counts, out=bounds[1:])
    inside = np.arange(bounds[-1]) - np.repeat(bounds[:-1], counts)
    positions = at[order[np.repeat(starts, counts) + inside]].astype(np.int64)
    return Grams(n, positions, bounds)
