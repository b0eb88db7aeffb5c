"""Which n-grams are terms: recurring ones without stopwords at the edges, set phrases, and
folding a term into a longer one it never occurs without (docs/terms.md, steps 3 to 5)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

import numpy as np

from helpers.terms.index import TermIndex
from helpers.terms.ngrams import recurring

MIN_WORDS, MAX_WORDS = 2, 4
MIN_LEAD = 2  # stopwords that must precede a term every time for them to join it

Key = tuple[str, ...]


@dataclass
class Term:
    key: Key
    spans: np.ndarray  # first token of each occurrence, in text order
    forms: Counter = field(default_factory=Counter)
    g2: float = float("nan")
    folded_into: Key | None = None
    contains: list[Key] = field(default_factory=list)
    part_of: list[Key] = field(default_factory=list)
    alone: int = 0

    @property
    def count(self) -> int:
        return len(self.spans)


def _key_at(index: TermIndex, first: int, n: int) -> Key:
    return tuple(index.keys[k] for k in index.key[first : first + n])


def core_terms(index: TermIndex, min_count: int, stop: np.ndarray, max_words: int) -> dict:
    """Recurring n-grams with no stopword at either edge, in the order of their first
    occurrence (a shorter one first where two start at the same word)."""
    terms: dict[Key, Term] = {}
    for n, spans in recurring(index, range(MIN_WORDS, max_words + 1), min_count, stop):
        key = _key_at(index, int(spans[0]), n)
        terms[key] = Term(key, spans)
    return terms


def _leads(index: TermIndex, base: list[Term], stop: np.ndarray, max_words: int) -> np.ndarray:
    """For each term, how many stopwords, the same ones each time, precede every occurrence
    inside its run (0 when fewer than MIN_LEAD)."""
    occurrences = np.concatenate([t.spans for t in base])
    groups = np.concatenate(([0], np.cumsum([t.count for t in base])[:-1]))
    room = np.array([max_words - len(t.key) for t in base])
    run_start = index.run_start(occurrences)
    alive = np.ones(len(base), bool)
    best = np.zeros(len(base), int)
    for lead in range(1, int(room.max()) + 1):
        active = alive & (room >= lead)
        if not active.any():
            break
        before = occurrences - lead
        inside = np.logical_and.reduceat(before >= run_start, groups)
        word = index.key[np.maximum(before, 0)]
        same = np.maximum.reduceat(word, groups) == np.minimum.reduceat(word, groups)
        good = inside & same & stop[word[groups]]
        alive &= (room < lead) | good
        if lead >= MIN_LEAD:
            best[active & good] = lead
    return best


def add_set_phrases(index: TermIndex, terms: dict, stop: np.ndarray, max_words: int) -> None:
    """The same run of >= MIN_LEAD stopwords before every occurrence of a term joins it: the
    longer term is added (the shorter one folds into it later)."""
    base = [terms[k] for k in sorted(terms, key=len) if max_words - len(k) >= MIN_LEAD]
    if not base:
        return
    for term, lead in zip(base, _leads(index, base, stop, max_words), strict=True):
        if lead:
            spans = term.spans - lead
            longer = _key_at(index, int(spans[0]), int(lead)) + term.key
            terms.setdefault(longer, Term(longer, spans))


def _covering(terms: dict, length: int, by_length: list[Key]) -> dict:
    """(term of this length, longer unfolded term) -> the offsets where the first sits in the
    second."""
    pairs: dict[tuple[Key, Key], list[int]] = {}
    for other in by_length:
        if len(other) <= length or terms[other].folded_into is not None:
            continue
        for off in range(len(other) - length + 1):
            inner = other[off : off + length]
            if inner in terms:
                pairs.setdefault((inner, other), []).append(off)
    return pairs


def _distinct_counts(terms: dict, pairs: dict, n_tokens: int) -> tuple[dict, Counter]:
    """For each (term, longer) pair, the term's occurrences inside occurrences of the longer
    one; and per term, how many of its occurrences lie inside any longer one."""
    if not pairs:
        return {}, Counter()
    listed = list(pairs)
    records = [(p, off) for p, pair in enumerate(listed) for off in pairs[pair]]
    spans = [terms[listed[p][1]].spans for p, _ in records]
    sizes = np.array([len(s) for s in spans])
    positions = np.concatenate(spans) + np.repeat([off for _, off in records], sizes)
    pair = np.repeat([p for p, _ in records], sizes)
    per_pair = np.bincount(
        np.unique(pair * n_tokens + positions) // n_tokens, minlength=len(listed)
    )
    number: dict[Key, int] = {}
    inner = np.array([number.setdefault(key, len(number)) for key, _ in listed])
    inside = np.bincount(
        np.unique(inner[pair] * n_tokens + positions) // n_tokens, minlength=len(number)
    )
    counts = {pair: int(n) for pair, n in zip(listed, per_pair, strict=True)}
    return counts, Counter({k: int(inside[i]) for k, i in number.items()})


def fold_terms(terms: dict, n_tokens: int) -> None:
    """A term that never occurs outside one longer term is folded into it (the longer one
    ``contains`` it); one that does only some of the time lists the longer ones in ``part_of``
    and counts its free occurrences in ``alone``. Longest terms first, so a folded term
    covers nothing."""
    by_length = sorted(terms, key=lambda k: (-len(k), k))
    for length in sorted({len(k) for k in terms}, reverse=True):
        counts, inside = _distinct_counts(terms, _covering(terms, length, by_length), n_tokens)
        covered_by: dict[Key, dict[Key, int]] = {}
        for (key, other), n in counts.items():
            covered_by.setdefault(key, {})[other] = n
        for key in by_length:
            if len(key) != length:
                continue
            term, covers = terms[key], covered_by.get(key, {})
            full = [o for o, n in covers.items() if n == term.count]
            if full:
                target = max(full, key=lambda o: (terms[o].count, len(o), o))
                term.folded_into = target
                terms[target].contains.append(key)
            else:
                term.part_of = sorted(covers, key=lambda o: (-covers[o], o))
                term.alone = term.count - inside[key]
    for term in terms.values():
        if term.folded_into is None and not term.part_of:
            term.alone = term.count
