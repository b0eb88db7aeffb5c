"""Charts for notebook 03 (recurring terms): each takes ``ax=None`` and returns the Axes."""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from helpers.article import Article
from helpers.chart_style import (
    BAR_COLOUR,
    MARK_COLOUR,
    axes_or_new,
    bar_notes,
    empty_chart,
    rows_height,
)
from helpers.terms import NARRATOR, dispersion_table, paragraph_word_starts, word_count


def term_bars(terms: pd.DataFrame, ax=None, title: str = "Recurring multi-word terms"):
    """Horizontal bars of a ``term``/``count`` table, first row on top."""
    ax = axes_or_new(ax, (7, rows_height(len(terms), 0.32, 1.2)))
    ax.set_title(title)
    ax.set_xlabel("Times the term occurs (headline and subheadings included)")
    ax.set_ylabel("Term")
    if terms.empty:
        return empty_chart(ax, "No multi-word term occurs twice in this article")
    ordered = terms.iloc[::-1]
    ax.barh(ordered["term"], ordered["count"], color=BAR_COLOUR)
    ax.xaxis.get_major_locator().set_params(integer=True)
    bar_notes(ax, [str(count) for count in ordered["count"]], list(ordered["count"]))
    ax.set_xlim(0, ordered["count"].max() * 1.12)
    return ax


def dispersion(
    article: Article,
    terms: Sequence[str] | pd.DataFrame,
    ax=None,
    title: str = "Where the terms occur in the article",
):
    """A dispersion plot: one row per term, a mark at each occurrence's word position;
    faint vertical lines show where paragraphs begin."""
    names = list(terms["term"]) if isinstance(terms, pd.DataFrame) else list(terms)
    ax = axes_or_new(ax, (9, rows_height(len(names), least=2.2)))
    ax.set_title(title)
    ax.set_xlabel("Word position in the article (0 = first word of the headline)")
    ax.set_ylabel("Term")
    if not names:
        return empty_chart(ax, "No term to place: this article has no recurring term")
    table = dispersion_table(article, names)
    total = word_count(article)
    for _, first in paragraph_word_starts(article):
        ax.axvline(first, color="#DDDDDD", linewidth=0.8, zorder=0)
    for row, name in enumerate(names):
        x = table.loc[table["term"] == name, "word_index"]
        ax.plot(x, [row] * len(x), linestyle="none", marker="|", markersize=16, color=MARK_COLOUR)
    ax.set_yticks(range(len(names)), names)
    ax.set_ylim(len(names) - 0.5, -0.5)
    ax.set_xlim(-0.01 * max(total, 1), 1.01 * max(total, 1))
    return ax


def terms_by_voice_chart(
    table: pd.DataFrame, ax=None, title: str = "Which voice uses which recurring term"
):
    """A heatmap of a terms_by_voice table: terms down, voices across, uses in each cell."""
    voices = [c for c in table.columns if c not in {"term", "total"}]
    ax = axes_or_new(ax, (1.6 + 1.5 * max(len(voices), 1), rows_height(len(table), 0.4, 1.6)))
    ax.set_title(title)
    ax.set_xlabel("Voice (narrator = the journalist's own words)")
    ax.set_ylabel("Term")
    if table.empty or not voices:
        return empty_chart(ax, "No recurring term, so no voice to compare")
    values = table[voices].to_numpy(dtype=float)
    ax.imshow(values, cmap="Blues", aspect="auto", vmin=0, vmax=max(values.max(), 1))
    for (r, c), v in pd.DataFrame(values).stack().items():
        ax.text(
            c,
            r,
            f"{int(v)}" if v else "·",
            ha="center",
            va="center",
            color="white" if v > values.max() * 0.6 else "black",
        )
    labels = [v if v != NARRATOR else "narrator" for v in voices]
    ax.set_xticks(range(len(voices)), labels, rotation=20, ha="right")
    ax.set_yticks(range(len(table)), table["term"])
    return ax
