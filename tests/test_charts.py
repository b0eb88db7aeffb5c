"""Notebook 01's charts return Axes with titles, labels and the data they were given."""

import matplotlib

matplotlib.use("Agg")

import pandas as pd  # noqa: E402

from helpers.charts import sentence_lengths, word_bars  # noqa: E402
from helpers.terms import word_frequencies  # noqa: E402


def test_sentence_lengths_draws_one_bar_per_sentence(bundled):
    ax = sentence_lengths(bundled)
    assert len(ax.patches) == 28  # one per sentence of the bundled article
    assert ax.patches[0].get_height() == 37
    assert ax.get_xlabel() and ax.get_ylabel() and ax.get_title()


def test_word_bars_puts_the_most_frequent_on_top(bundled):
    ax = word_bars(word_frequencies(bundled, n=5))
    labels = [t.get_text() for t in ax.get_yticklabels()]
    assert labels[-1] == "U.S."  # barh draws bottom-up
    assert max(p.get_width() for p in ax.patches) == 15


def test_word_bars_with_no_words():
    ax = word_bars(pd.DataFrame(columns=["word", "count"]))
    assert "no words" in ax.texts[0].get_text()


def test_charts_draw_on_a_given_axes(bundled):
    import matplotlib.pyplot as plt

    _, ax = plt.subplots()
    assert sentence_lengths(bundled, ax=ax) is ax
