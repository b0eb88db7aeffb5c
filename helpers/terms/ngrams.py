"""Counting n-grams of key ids with numpy: codes, recurring n-grams and their occurrences.

An n-gram (or any pattern of words at fixed distances, such as NLTK's "w1 _ w3") is coded as
one 64-bit integer per position, equal codes for equal word tuples; counting is then sorting
integers, which takes time in proportion to the text (times a logarithm) and a few bytes per
token, where a Python dict of tuples took hundreds of bytes per n-gram.
"""

from __future__ import annotations

import numpy as np

from helpers.terms.index import TermIndex

_ROOM = 2**62  # codes stay below this, far from int64 overflow
# A text of up to this many tokens is short: the n-grams of all lengths are counted in one
# sort, and each pattern's sorted codes are kept for the marginals that share them (a short
# article then pays numpy's cost per call fewer times). A longer one is counted one length at
# a time, one pattern at a time, which holds a fraction of the integer codes at once (memory
# stays near 11 times a large file)
TOGETHER = 100_000


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
    if index.n_tokens <= TOGETHER:
        starts = index.gram_positions(n)
    else:
        starts = np.flatnonzero(index.gram_starts(n))
    bounds = [len(index.keys)] * len(offsets)
    if index.n_tokens <= TOGETHER and len(index.keys) ** len(offsets) < _ROOM:
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


def recurring(
    index: TermIndex, lengths: range, min_count: int, stop: np.ndarray
) -> list[tuple[int, np.ndarray]]:
    """Every n-gram (n in lengths) inside a run that occurs at least min_count times and neither
    starts nor ends with a stopword (stop: a boolean per key id), as (n, its occurrences in text
    order), in the order of first occurrence, a shorter one first where two start at one word."""
    if index.n_tokens <= TOGETHER:
        return _recurring(index, list(lengths), min_count, stop)
    found = [f for n in lengths for f in _recurring(index, [n], min_count, stop)]
    found.sort(key=lambda f: (int(f[1][0]), f[0]))
    return found


def _recurring(
    index: TermIndex, lengths: list[int], min_count: int, stop: np.ndarray
) -> list[tuple[int, np.ndarray]]:
    """recurring() for n-grams of the given lengths, counted in one sort: a shorter n-gram's
    code is padded with a key id no word has (len(keys)), so n-grams of different lengths
    never share a code."""
    pad, longest = len(index.keys), max(lengths)
    starts, sizes, columns = [], [], [[] for _ in range(longest)]
    for n in lengths:
        ok = index.gram_starts(n)
        ok &= ~stop[index.key[: len(ok)]]
        ok &= ~stop[index.key[n - 1 : n - 1 + len(ok)]]
        at = np.flatnonzero(ok)
        starts.append(at)
        sizes.append(np.full(len(at), n, np.int8))
        for j, column in enumerate(columns):
            column.append(index.key[at + j] if j < n else np.full(len(at), pad, np.int32))
    at, size = np.concatenate(starts), np.concatenate(sizes)
    code = codes([np.concatenate(c) for c in columns], [pad + 1] * longest)
    del starts, sizes, columns
    # one stable sort groups the occurrences by n-gram, each group in text order (at is, within
    # a length, and a group holds one length)
    order = np.argsort(code, kind="stable")
    code = code[order]
    # where each n-gram's group starts in order, and where the last one ends
    edges = np.flatnonzero(np.concatenate(([True], code[1:] != code[:-1], [True])))
    del code
    first, counts = edges[:-1], edges[1:] - edges[:-1]
    if not len(order):
        first = counts = edges[:0]
    keep = counts >= min_count
    first, counts = first[keep], counts[keep]
    # n-grams by first occurrence, then length
    by_first = np.lexsort((size[order[first]], at[order[first]]))
    first, counts = first[by_first], counts[by_first]
    bounds = np.zeros(len(counts) + 1, np.int64)
    np.cumsum(counts, out=bounds[1:])
    # the place in order of each kept occurrence, group after group
    inside = np.repeat(first - bounds[:-1], counts)
    inside += np.arange(len(inside))
    positions = at[order[inside]].astype(np.int64, copy=False)
    found = size[order[first]].tolist()
    return [(n, positions[bounds[g] : bounds[g + 1]]) for g, n in enumerate(found)]
