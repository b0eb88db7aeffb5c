"""Time the whole recurring-terms analysis of the bundled article (target: < 50 ms).

Measured after a warm-up, as the median of repeated runs, twice: with statements computed
beforehand and passed in (the terms code alone), and with the statement extractor's own
time included. Each run starts cold (the token index is rebuilt). Prints numbers; exits 0.

    .venv/bin/python benchmarks/bench_terms.py [--runs N]
"""

from __future__ import annotations

import argparse
import statistics
import time

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402

from helpers import BUNDLED_ARTICLE, load_article  # noqa: E402
from helpers.statements import extract_statements  # noqa: E402
from helpers.term_charts import dispersion, term_bars, terms_by_voice_chart  # noqa: E402
from helpers.terms import (  # noqa: E402
    choose_terms,
    clear_cache,
    concordance,
    dispersion_table,
    recurring_terms,
    terms_by_voice,
    word_frequencies,
)

TARGET_MS = 50.0


def analyse(article, statements=None) -> None:
    """Everything notebook 03 computes, without drawing."""
    clear_cache()
    if statements is None:
        statements = extract_statements(article)
    word_frequencies(article, n=15)
    terms = recurring_terms(article)
    recurring_terms(article, rank_by="g2")
    top = terms.head(8)
    dispersion_table(article, top)
    terms_by_voice(article, terms.head(12), statements=statements)
    for term in choose_terms(article, n=3, terms=terms, statements=statements):
        concordance(article, term, statements=statements)
    for term in top["term"]:
        concordance(article, term, statements=statements)


def charts(article, statements) -> None:
    terms = recurring_terms(article)
    term_bars(terms.head(15))
    dispersion(article, terms.head(8))
    terms_by_voice_chart(terms_by_voice(article, terms.head(12), statements=statements))
    plt.close("all")


def median_ms(fn, runs: int) -> float:
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t0) * 1000)
    return statistics.median(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=30)
    args = parser.parse_args()
    article = load_article(BUNDLED_ARTICLE)
    statements = extract_statements(article)
    for _ in range(3):  # warm-up: imports, lexicons, regex caches
        analyse(article)
        charts(article, statements)

    words = sum(1 for _ in article.text.split())
    print(f"bundled article: {len(article.text)} characters, ~{words} words")
    only_terms = median_ms(lambda: analyse(article, statements), args.runs)
    with_extractor = median_ms(lambda: analyse(article), args.runs)
    extractor = median_ms(lambda: extract_statements(article), args.runs)
    drawing = median_ms(lambda: charts(article, statements), max(5, args.runs // 3))
    print(f"terms analysis, statements passed in : {only_terms:7.1f} ms (median of {args.runs})")
    print(f"terms analysis, extractor included   : {with_extractor:7.1f} ms")
    print(f"  of which the statement extractor   : {extractor:7.1f} ms")
    print(f"three charts drawn (Agg, not saved)  : {drawing:7.1f} ms")
    verdict = "meets" if only_terms < TARGET_MS else "MISSES"
    print(f"target < {TARGET_MS:.0f} ms for the terms analysis: {verdict}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
