"""G², Dunning's log-likelihood ratio, of each term: NLTK's formula on NLTK's counts.

NLTK's collocation finders (``Bigram/Trigram/QuadgramCollocationFinder``) hold a frequency
table for every n-gram and every gapped pattern of the text, and ``score_ngram`` looks up a
term's marginals in them before calling ``*AssocMeasures.likelihood_ratio``. We count only
the marginals of the terms we score (``pattern_counts``: the same tallies the finders make
over the runs of words) and call the same ``likelihood_ratio`` with the same arguments, in
the same order and of the same types, so the scores are NLTK's to the last bit.
"""

from __future__ import annotations

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


def _marginal_counts(index: TermIndex, n: int, firsts: np.ndarray) -> list[list[np.ndarray]]:
    """For terms of length n starting at token positions firsts: each marginal group of
    score_ngram, as one array of counts per marginal."""
    out = []
    for group in MARGINALS[n]:
        out.append(
            [
                pattern_counts(index, tally, offsets, [index.key[firsts + a] for a in asked])
                for tally, offsets, asked in group
            ]
        )
    return out


def _score(measure, n: int, count: int, groups: list[tuple], words: tuple, n_all: int):
    """score_ngram's call: a bigram count is divided by (window - 1.0), as NLTK does."""
    try:
        if n == 2:
            return measure(count / (2 - 1.0), words, n_all)
        return measure(count, *groups, words, n_all)
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
        words = [word_fd[index.key[firsts + j]] for j in range(n)]
        measure = measures[n].likelihood_ratio
        for i, term in enumerate(todo):
            marginals = [tuple(int(c[i]) for c in group) for group in groups]
            score = _score(
                measure,
                n,
                int(term.count),
                marginals,
                tuple(int(w[i]) for w in words),
                index.n_words,
            )
            known[term.key] = round(float(score), 2) if score is not None else float("nan")
    for term in terms:
        term.g2 = known[term.key]
