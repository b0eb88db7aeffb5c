"""The term table against a plain reference count, row for row, on generated articles.

helpers/terms counts n-grams as integer codes with numpy and scores only the terms it keeps.
The reference below follows docs/terms.md the simple way: a dict of word tuples over the runs
of words, set phrases and folding by direct comparison of tuples and offsets, forms cut from
the text, and G² from NLTK's own collocation finders (``from_documents`` over the runs). Every
row, its order before ranking included (ties keep it), must be the same.
"""

from __future__ import annotations

import re

import pandas as pd
import pytest

hypothesis = pytest.importorskip("hypothesis")  # a dev dependency: pip install -e '.[dev]'

from hypothesis import HealthCheck, example, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from helpers.article import load_article  # noqa: E402
from helpers.errors import KitError  # noqa: E402
from helpers.terms import TERM_COLUMNS, clear_cache, fold, resolve_stopwords  # noqa: E402
from helpers.terms.index import term_index  # noqa: E402
from helpers.terms.table import term_rows  # noqa: E402
from helpers.tokens import is_word, tokens  # noqa: E402

WORDS = (
    "the of at any a in for time convenient bus Bus BUS night service city’s city's It’s it's "
    "ΟΔΟΣ İstanbul 1,000 U.S. talks open dialogue first"
).split()
SEPARATORS = [" ", " ", " ", " ", "\n", "  ", ", ", ". ", "; ", " “", "” ", " (", ") ", "’s "]


@st.composite
def articles(draw) -> str:
    vocab = draw(st.lists(st.sampled_from(WORDS), min_size=2, max_size=8, unique=True))
    phrases = draw(st.lists(st.lists(st.sampled_from(vocab), min_size=2, max_size=5), max_size=4))
    paragraphs = []
    for _ in range(draw(st.integers(1, 6))):
        pieces = draw(
            st.lists(
                st.one_of(st.sampled_from(vocab).map(lambda w: [w]), st.sampled_from(phrases))
                if phrases
                else st.sampled_from(vocab).map(lambda w: [w]),
                min_size=1,
                max_size=25,
            )
        )
        words = [w for piece in pieces for w in piece]
        gaps = draw(st.lists(st.sampled_from(SEPARATORS), min_size=len(words), max_size=len(words)))
        paragraphs.append("".join(w + g for w, g in zip(words, gaps, strict=True)).strip())
    return "Headline " + " ".join(vocab[:3]) + "\n\n" + "\n\n".join(paragraphs) + "\n"


def _runs(toks) -> list[tuple[int, int]]:
    runs, i = [], 0
    while i < len(toks):
        if not is_word(toks[i].text):
            i += 1
            continue
        j = i + 1
        while j < len(toks) and is_word(toks[j].text) and toks[j].sentence == toks[i].sentence:
            j += 1
        runs.append((i, j))
        i = j
    return runs


def _set_phrase(keys, run_start, spans, key, stopset, max_words) -> int:
    best = 0
    for lead in range(1, max_words - len(key) + 1):
        before = {tuple(keys[s - lead : s]) if s - lead >= run_start[s] else None for s in spans}
        if len(before) != 1 or None in before or not set(next(iter(before))) <= stopset:
            break
        if lead >= 2:
            best = lead
    return best


def _folding(terms: dict) -> tuple[dict, dict, dict, dict]:
    folded_into, contains, part_of, alone = {}, {}, {}, {}
    at = {k: {(s, s + len(k)) for s in spans} for k, spans in terms.items()}
    by_length = sorted(terms, key=lambda k: (-len(k), k))
    for key in by_length:
        covered, inside = {}, set()
        for other in by_length:
            if len(other) <= len(key) or other in folded_into:
                continue
            n = len(key)
            hits = {
                (s + off, s + off + n)
                for s in terms[other]
                for off in range(len(other) - n + 1)
                if other[off : off + n] == key
            } & at[key]
            if hits:
                covered[other], inside = len(hits), inside | hits
        full = [o for o, n in covered.items() if n == len(terms[key])]
        if full:
            target = max(full, key=lambda o: (len(terms[o]), len(o), o))
            folded_into[key] = target
            contains.setdefault(target, []).append(key)
        else:
            part_of[key] = sorted(covered, key=lambda o: (-covered[o], o))
            alone[key] = len(terms[key]) - len(inside) if part_of[key] else len(terms[key])
    return folded_into, contains, part_of, alone


def _g2(runs_of_keys, key) -> float:
    from nltk.collocations import (
        BigramCollocationFinder,
        QuadgramCollocationFinder,
        TrigramCollocationFinder,
    )
    from nltk.metrics import BigramAssocMeasures, QuadgramAssocMeasures, TrigramAssocMeasures

    finder, measures = {
        2: (BigramCollocationFinder, BigramAssocMeasures),
        3: (TrigramCollocationFinder, TrigramAssocMeasures),
        4: (QuadgramCollocationFinder, QuadgramAssocMeasures),
    }[len(key)]
    try:
        score = finder.from_documents(runs_of_keys).score_ngram(measures.likelihood_ratio, *key)
    except (ValueError, ZeroDivisionError):
        score = None
    return round(float(score), 2) if score is not None else float("nan")


def _shown(forms: dict) -> str:
    ranked = sorted(forms.items(), key=lambda kv: (-kv[1], sum(map(str.isupper, kv[0])), kv[0]))
    return ranked[0][0]


def reference_rows(article, min_count=2, stop=None, max_words=4, include_folded=True):
    stopset = resolve_stopwords(stop)
    toks = tokens(article, include_headings=True)
    keys = [fold(t.text) for t in toks]
    runs = _runs(toks)
    run_start = {i: a for a, b in runs for i in range(a, b)}
    grams: dict = {}
    for a, b in runs:
        for i in range(a, b):
            for n in range(2, max_words + 1):
                if i + n <= b:
                    grams.setdefault(tuple(keys[i : i + n]), []).append(i)
    terms = {
        k: s
        for k, s in grams.items()
        if len(s) >= min_count and k[0] not in stopset and k[-1] not in stopset
    }
    for key in sorted(terms, key=len):
        lead = _set_phrase(keys, run_start, terms[key], key, stopset, max_words)
        if lead:
            first = terms[key][0] - lead
            terms.setdefault(
                tuple(keys[first : first + lead]) + key, [s - lead for s in terms[key]]
            )
    folded_into, contains, part_of, alone = _folding(terms)
    forms = {}
    for key, spans in terms.items():
        forms[key] = {}
        for s in spans:
            text = re.sub(r"\s+", " ", article.text[toks[s].start : toks[s + len(key) - 1].end])
            forms[key][text] = forms[key].get(text, 0) + 1
    runs_of_keys = [keys[a:b] for a, b in runs]
    return [
        {
            "term": _shown(forms[key]),
            "count": len(spans),
            "words": len(key),
            "g2": _g2(runs_of_keys, key),
            "contains": "; ".join(_shown(forms[k]) for k in sorted(contains.get(key, []), key=len)),
            "part_of": "; ".join(_shown(forms[k]) for k in part_of.get(key, [])),
            "alone": alone.get(key, 0),
            "folded_into": _shown(forms[folded_into[key]]) if key in folded_into else "",
        }
        for key, spans in terms.items()
        if include_folded or key not in folded_into
    ]


def _same_rows(article, **options) -> None:
    clear_cache()
    ours = term_rows(
        term_index(article),
        options.get("min_count", 2),
        resolve_stopwords(options.get("stop")),
        options.get("max_words", 4),
        options.get("include_folded", True),
    )
    expected = reference_rows(article, **options)
    pd.testing.assert_frame_equal(
        pd.DataFrame(ours, columns=TERM_COLUMNS),
        pd.DataFrame(expected, columns=TERM_COLUMNS),
        check_exact=True,
    )


@settings(
    max_examples=60,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(articles(), st.sampled_from([2, 3, 4]), st.sampled_from([None, ["the", "bus"], []]))
@example("Bus talks\n\nat any time convenient, at any time convenient and at any time\n", 4, None)
@example("!\n\nbus bus bus\n", 4, None)
def test_term_rows_equal_a_plain_count(tmp_path_factory, text, max_words, stop):
    path = tmp_path_factory.mktemp("ref") / "article.txt"
    path.write_text(text, encoding="utf-8")
    try:
        article = load_article(path)
    except KitError:
        return
    _same_rows(article, max_words=max_words, stop=stop)
    _same_rows(article, min_count=3, include_folded=False, max_words=max_words, stop=stop)


def test_the_bundled_article_equals_a_plain_count(bundled):
    _same_rows(bundled)
    _same_rows(bundled, max_words=3, include_folded=False)
