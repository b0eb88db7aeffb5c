"""G², Dunning's log-likelihood ratio, of each term: NLTK's formula on NLTK's counts.

NLTK's collocation finders (``Bigram/Trigram/QuadgramCollocationFinder``) hold a frequency
table for every n-gram and every gapped pattern of the text, and ``score_ngram`` looks up a
term's marginals in them before calling ``*AssocMeasures.likelihood_ratio``. We count only
the marginals of the terms we score (``pattern_counts``: the same tallies the finders make
over the runs of words) and compute ``likelihood_ratio`` from the same arguments, in the same
order and of the same types, as NLTK 3.x does: its contingency tables (``_contingency``
below, NLTK's formulas), its expected values and its sum, operation by operation and in the
same order, so the scores are NLTK's to the last bit (tests/test_terms.py compares them with
NLTK's own on every kind of term and on edge cases). Written out here rather than called:
importing NLTK took about 0.4 s of every corpus worker's start, and its generators a third of
the terms analysis of a short article.
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


def _contingency2(n_ii, n_ix_xi, n_xx):
    """NLTK's BigramAssocMeasures._contingency."""
    n_ix, n_xi = n_ix_xi
    n_oi = n_xi - n_ii
    n_io = n_ix - n_ii
    return (n_ii, n_oi, n_io, n_xx - n_ii - n_oi - n_io)


def _contingency3(n_iii, n_iix_tuple, n_ixx_tuple, n_xxx):
    """NLTK's TrigramAssocMeasures._contingency."""
    n_iix, n_ixi, n_xii = n_iix_tuple
    n_ixx, n_xix, n_xxi = n_ixx_tuple
    n_oii = n_xii - n_iii
    n_ioi = n_ixi - n_iii
    n_iio = n_iix - n_iii
    n_ooi = n_xxi - n_iii - n_oii - n_ioi
    n_oio = n_xix - n_iii - n_oii - n_iio
    n_ioo = n_ixx - n_iii - n_ioi - n_iio
    n_ooo = n_xxx - n_iii - n_oii - n_ioi - n_iio - n_ooi - n_oio - n_ioo
    return (n_iii, n_oii, n_ioi, n_ooi, n_iio, n_oio, n_ioo, n_ooo)


def _contingency4(n_iiii, n_iiix_tuple, n_iixx_tuple, n_ixxx_tuple, n_xxxx):
    """NLTK's QuadgramAssocMeasures._contingency."""
    n_iiix, n_iixi, n_ixii, n_xiii = n_iiix_tuple
    n_iixx, n_ixix, n_ixxi, n_xixi, n_xxii, n_xiix = n_iixx_tuple
    n_ixxx, n_xixx, n_xxix, n_xxxi = n_ixxx_tuple
    n_oiii = n_xiii - n_iiii
    n_ioii = n_ixii - n_iiii
    n_iioi = n_iixi - n_iiii
    n_ooii = n_xxii - n_iiii - n_oiii - n_ioii
    n_oioi = n_xixi - n_iiii - n_oiii - n_iioi
    n_iooi = n_ixxi - n_iiii - n_ioii - n_iioi
    n_oooi = n_xxxi - n_iiii - n_oiii - n_ioii - n_iioi - n_ooii - n_iooi - n_oioi
    n_iiio = n_iiix - n_iiii
    n_oiio = n_xiix - n_iiii - n_oiii - n_iiio
    n_ioio = n_ixix - n_iiii - n_ioii - n_iiio
    n_ooio = n_xxix - n_iiii - n_oiii - n_ioii - n_iiio - n_ooii - n_ioio - n_oiio
    n_iioo = n_iixx - n_iiii - n_iioi - n_iiio
    n_oioo = n_xixx - n_iiii - n_oiii - n_iioi - n_iiio - n_oioi - n_oiio - n_iioo
    n_iooo = n_ixxx - n_iiii - n_ioii - n_iioi - n_iiio - n_iooi - n_iioo - n_ioio
    n_oooo = n_xxxx - n_iiii - n_oiii - n_ioii - n_iioi - n_ooii - n_oioi - n_iooi - n_oooi
    n_oooo = n_oooo - n_iiio - n_oiio - n_ioio - n_ooio - n_iioo - n_oioo - n_iooo
    return (
        *(n_iiii, n_oiii, n_ioii, n_ooii, n_iioi, n_oioi, n_iooi, n_oooi),
        *(n_iiio, n_oiio, n_ioio, n_ooio, n_iioo, n_oioo, n_iooo, n_oooo),
    )


CONTINGENCY = {2: _contingency2, 3: _contingency3, 4: _contingency4}


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


def _sides(n: int) -> list[tuple[tuple[int, ...], tuple[int, ...]]]:
    """Per bit j (1, 2, 4, ...) of an n-gram contingency table: the cells without it and the
    cells with it, each in ascending order. NLTK's _expected_values sums, for cell i and bit j,
    the cells x with x & j == i & j: the first of these when i lacks the bit, else the second."""
    cells = range(2**n)
    return [
        (tuple(x for x in cells if not x & (1 << b)), tuple(x for x in cells if x & (1 << b)))
        for b in range(n)
    ]


_SIDES = {n: _sides(n) for n in MARGINALS}


def likelihood_ratio(n: int, *marginals) -> float:
    """NLTK's ``Bigram/Trigram/QuadgramAssocMeasures.likelihood_ratio(*marginals)`` for n = 2,
    3, 4: the contingency table, then its expected values (each the product, in bit order, of
    sums in cell order, divided by n_all ** (n - 1)) and twice the sum of
    obs * ln(obs / (exp + SMALL) + SMALL), with NLTK's operations in NLTK's order, so the
    result is the same float (and the same error where NLTK's has one)."""
    cont = CONTINGENCY[n](*marginals)
    n_all = sum(cont)
    scale = n_all ** (n - 1)
    # per bit: the sums over the cells without it and over those with it (NLTK sums the same
    # cells in the same order for every cell of the table)
    sums = [(sum([cont[x] for x in off]), sum([cont[x] for x in on])) for off, on in _SIDES[n]]
    parts = []
    for i, obs in enumerate(cont):
        expected = sums[0][i & 1]
        for b in range(1, n):
            expected = expected * sums[b][(i >> b) & 1]
        expected = expected / scale
        parts.append(obs * math.log(obs / (expected + _SMALL) + _SMALL))
    return 2 * sum(parts)


def _score(n: int, count: int, groups: list[tuple], words: tuple, n_all: int):
    """score_ngram's call: a bigram count is divided by (window - 1.0), as NLTK does."""
    try:
        if n == 2:
            return likelihood_ratio(n, count / (2 - 1.0), words, n_all)
        return likelihood_ratio(n, count, *groups, words, n_all)
    except (ValueError, ZeroDivisionError):
        # NLTK's formula takes log(0) when a term fills the whole text ("bus bus bus"): no
        # association can be measured without anything to compare with
        return None


def g2_scores(index: TermIndex, terms: list) -> None:
    """Fill in ``g2`` (rounded to 2 places, NaN where it cannot be measured) for every term
    (objects with ``key``, ``spans``, ``count``); scores are remembered per article."""
    known: dict = index.lazy.setdefault("g2", {})
    word_fd = index.word_counts()
    for n in sorted({len(t.key) for t in terms}):
        todo = [t for t in terms if len(t.key) == n and t.key not in known]
        if not todo:
            continue
        firsts = np.array([int(t.spans[0]) for t in todo], np.int64)
        groups = _marginal_counts(index, n, firsts)
        words = [word_fd[index.key[firsts + j]].tolist() for j in range(n)]
        for i, term in enumerate(todo):
            marginals = [tuple(c[i] for c in group) for group in groups]
            score = _score(
                n,
                int(term.count),
                marginals,
                tuple(w[i] for w in words),
                index.n_words,
            )
            known[term.key] = round(float(score), 2) if score is not None else float("nan")
    for term in terms:
        term.g2 = known[term.key]
