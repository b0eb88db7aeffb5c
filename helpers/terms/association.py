"""G², Dunning's log-likelihood ratio, of each term: NLTK's formula on NLTK's counts.

NLTK's collocation finders (``Bigram/Trigram/QuadgramCollocationFinder``) hold a frequency
table for every n-gram and every gapped pattern of the text, and ``score_ngram`` looks up a
term's marginals in them before calling ``*AssocMeasures.likelihood_ratio``. We count only
the marginals of the terms we score (``pattern_counts``: the same tallies the finders make
over the runs of words), pass the same arguments, in the same order and of the same types, to
NLTK's contingency table, and compute ``likelihood_ratio`` from it as NLTK does, operation by
operation and in the same order (``likelihood_ratio`` below, without NLTK's generators, which
took a third of the terms analysis of a short article), so the scores are NLTK's to the last
bit (tests/test_terms.py compares them with NLTK's own).
"""

from __future__ import annotations

import math

import numpy as np

from helpers.terms.index import TermIndex
from helpers.terms.ngrams import pattern_counts

# Per term length, the finder's marginals in score_ngram's order: (tally length, offsets of
# the tally's words from a tally start, offsets of the term's words asked for). The quadgram
# finder's ``ii``, ``iii``, ``ixi`` are the bigram, trigram and wildcard tallies.
MARGINALS = {
    2: [],
    3: [
        [(2, (0, 1), (0, 1)), (3, (0, 2), (0, 2)), (2, (0, 1), (1, 2))],
    ],
    4: [
        [(3, (0, 1, 2), (0, 1, 2)), (4, (0, 1, 3), (0, 1, 3))]
        + [(4, (0, 2, 3), (0, 2, 3)), (3, (0, 1, 2), (1, 2, 3))],
        [(2, (0, 1), (0, 1)), (3, (0, 2), (0, 2)), (4, (0, 3), (0, 3))]
        + [(3, (0, 2), (1, 3)), (2, (0, 1), (2, 3)), (2, (0, 1), (1, 2))],
    ],
}


def _measures() -> dict:
    from nltk.metrics import BigramAssocMeasures, QuadgramAssocMeasures, TrigramAssocMeasures

    return {2: BigramAssocMeasures, 3: TrigramAssocMeasures, 4: QuadgramAssocMeasures}


def _marginal_counts(index: TermIndex, n: int, firsts: np.ndarray) -> list[list[list[int]]]:
    """For terms of length n starting at token positions firsts: each marginal group of
    score_ngram, as one list of counts per marginal."""
    out = []
    for group in MARGINALS[n]:
        out.append(
            [
                pattern_counts(
                    index, tally, offsets, [index.key[firsts + a] for a in asked]
                ).tolist()
                for tally, offsets, asked in group
            ]
        )
    return out


_SMALL = 1e-20  # NLTK's, added to expected values and ratios


def _cells(n: int) -> list[list[tuple[int, ...]]]:
    """Per cell i of an n-gram contingency table, per bit j (1, 2, 4, ...): the cells x with
    x & j == i & j, in ascending order (the cells NLTK's _expected_values sums)."""
    bits = [1 << b for b in range(n)]
    return [[tuple(x for x in range(2**n) if x & j == i & j) for j in bits] for i in range(2**n)]


_CELLS = {n: _cells(n) for n in MARGINALS}


def likelihood_ratio(measures, n: int, *marginals) -> float:
    """``measures.likelihood_ratio(*marginals)`` (measures: NLTK's Bigram-, Trigram- or
    QuadgramAssocMeasures for n = 2, 3, 4): NLTK's contingency table, then its expected values
    (each the product, in bit order, of sums in cell order, divided by n_all ** (n - 1)) and
    its sum of obs * ln(obs / (exp + SMALL) + SMALL), with the same operations in the same
    order, so the result is the same float (and the same error where NLTK's has one)."""
    cont = measures._contingency(*marginals)
    n_all = sum(cont)
    scale = n_all ** (n - 1)
    parts = []
    for obs, cells in zip(cont, _CELLS[n], strict=True):
        expected = sum([cont[x] for x in cells[0]])
        for xs in cells[1:]:
            expected = expected * sum([cont[x] for x in xs])
        expected = expected / scale
        parts.append(obs * math.log(obs / (expected + _SMALL) + _SMALL))
    return 2 * sum(parts)


def _score(measures, n: int, count: int, groups: list[tuple], words: tuple, n_all: int):
    """score_ngram's call: a bigram count is divided by (window - 1.0), as NLTK does."""
    try:
        if n == 2:
            return likelihood_ratio(measures, n, count / (2 - 1.0), words, n_all)
        return likelihood_ratio(measures, n, count, *groups, words, n_all)
    except (ValueError, ZeroDivisionError):
        # NLTK's formula takes log(0) when a term fills the whole text ("bus bus bus"): no
        # association can be measured without anything to compare with
        return None


def g2_scores(index: TermIndex, terms: list) -> None:
    """Fill in ``g2`` (rounded to 2 places, NaN where it cannot be measured) for every term
    (objects with ``key``, ``spans``, ``count``); scores are remembered per article."""
    known: dict = index.lazy.setdefault("g2", {})
    measures = _measures()
    word_fd = index.word_counts()
    for n in sorted({len(t.key) for t in terms}):
        todo = [t for t in terms if len(t.key) == n and t.key not in known]
        if not todo:
            continue
        firsts = np.array([int(t.spans[0]) for t in todo], np.int64)
        groups = _marginal_counts(index, n, firsts)
        words = [word_fd[index.key[firsts + j]].tolist() for j in range(n)]
        measure = measures[n]
        for i, term in enumerate(todo):
            marginals = [tuple(c[i] for c in group) for group in groups]
            score = _score(
                measure,
                n,
                int(term.count),
                marginals,
                tuple(w[i] for w in words),
                index.n_words,
            )
            known[term.key] = round(float(score), 2) if score is not None else float("nan")
    for term in terms:
        term.g2 = known[term.key]
