"""Terms by voice, and choosing the terms worth reading in context (by rule, never by name)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

import pandas as pd

from helpers.article import Article
from helpers.terms.index import Stoplist, fold, resolve_stopwords, term_index
from helpers.terms.queries import find, query_keys, term_list
from helpers.terms.table import recurring_terms
from helpers.terms.voices import NARRATOR, statement_spans, statements_of, voice
from helpers.tokens import is_word, word_spans


def terms_by_voice(
    article: Article,
    terms: Sequence[str] | pd.DataFrame | None = None,
    statements: pd.DataFrame | None = None,
    top: int = 10,
) -> pd.DataFrame:
    """How often each voice uses each term: one row per term, a column per voice
    (``narrator`` first, then speakers, most uses first), plus ``total``.

    ``terms`` defaults to the ``top`` recurring terms; ``statements`` to the extractor's.
    """
    if terms is None:
        terms = recurring_terms(article).head(top)
    names = term_list(terms)
    index = term_index(article)
    found = {name: find(article, name) for name in names}
    spans = statement_spans(statements_of(article, statements)) if any(found.values()) else []
    counts: dict[str, Counter] = {}
    totals: Counter = Counter()
    for name in names:
        c: Counter = Counter()
        for first, last in found[name]:
            speaker, _ = voice(spans, int(index.start[first]), int(index.end(last)))
            c[speaker] += 1
        counts[name] = c
        totals.update(c)
    speakers = sorted((v for v in totals if v != NARRATOR), key=lambda v: (-totals[v], v))
    voices = [NARRATOR, *speakers]
    rows = [
        {"term": name, **{v: counts[name][v] for v in voices}, "total": sum(counts[name].values())}
        for name in names
    ]
    return pd.DataFrame(rows, columns=["term", *voices, "total"])


def naming_words(statements: pd.DataFrame, people: pd.DataFrame | None = None) -> frozenset[str]:
    """Words that name who speaks or how: speakers' names, roles and mentions, and the cues
    of the statements (plus names and roles of a mentioned_people table), case-folded."""
    texts: list[str] = []
    for table, columns in (
        (statements, ("speaker", "role", "mention", "cue")),
        (people, ("name", "role")),
    ):
        if table is None or len(table) == 0:
            continue
        for column in columns:
            if column in table:
                texts.extend(str(v) for v in table[column] if isinstance(v, str) and v)
    out = set()
    for text in texts:
        out.update(fold(text[s:e]) for s, e in word_spans(text) if is_word(text[s:e]))
    return frozenset(out - {"unknown"})


def choose_terms(
    article: Article,
    n: int = 3,
    terms: pd.DataFrame | None = None,
    statements: pd.DataFrame | None = None,
    people: pd.DataFrame | None = None,
    stop: Stoplist = None,
) -> list[str]:
    """Up to n terms worth reading in context, chosen by rule, never by name: the best-ranked
    terms about the story rather than about who speaks, i.e. holding no word of a speaker's
    name, role or mention and no cue (see naming_words); others only to make up n."""
    if terms is None:
        terms = recurring_terms(article)
    if terms.empty or n < 1:
        return []
    stopset = resolve_stopwords(stop)
    naming = naming_words(statements_of(article, statements), people) - stopset
    ranked = list(terms["term"])

    def about_the_story(term: str) -> bool:
        return not any(k in naming for k in query_keys(term))

    first = [t for t in ranked if about_the_story(t)]
    rest = [t for t in ranked if t not in first]
    return (first + rest)[:n]
