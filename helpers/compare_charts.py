"""Charts for notebook 04: two articles side by side. Each takes a ``Comparison`` (from
``helpers.compare.compare_articles``) and ``ax=None``, and returns the matplotlib Axes.

Every chart shows both articles, in the same two colours (Okabe-Ito blue for the first,
vermilion for the second), with the legend outside the plot so it never covers a bar.
"""

from __future__ import annotations

import numpy as np
from matplotlib.patches import Patch

from helpers.chart_style import (
    ARTICLE_COLOURS,
    axes_or_new,
    empty_chart,
    labelled,
    legend_outside,
    rows_height,
    wrap_label,
)

COLOURS = ARTICLE_COLOURS


def _height(n_rows: int) -> float:
    return rows_height(n_rows, 0.55)


def _paired_bars(ax, labels: list[str], values: tuple[list, list], names: tuple[str, str]):
    """Two horizontal bars per row (first article above the second), first row on top."""
    y = np.arange(len(labels))[::-1]
    height = 0.38
    for side in (0, 1):
        offset = height / 2 if side == 0 else -height / 2
        ax.barh(y + offset, values[side], height=height, color=COLOURS[side], label=names[side])
    ax.set_yticks(y, [wrap_label(s) for s in labels])
    legend_outside(ax, title="Article")
    return ax


def speakers_chart(comp, ax=None):
    """Each speaker's share of each article's statements (%), both articles on one row."""
    table = comp.speakers
    ax = axes_or_new(ax, (9, _height(len(table))))
    labelled(
        ax,
        "Speakers: share of each article's statements",
        "% of the article's top-level statements",
    )
    if not len(table):
        return empty_chart(ax, "No statements found in either article")
    a, b = comp.labels
    return _paired_bars(
        ax, list(table["speaker"]), (list(table[f"% {a}"]), list(table[f"% {b}"])), comp.labels
    )


def kinds_chart(comp, ax=None):
    """Direct, indirect and mixed statements as a share of each article's statements."""
    table = comp.kinds
    ax = axes_or_new(ax, (9, 3.2))
    labelled(ax, "Kinds of statement in each article", "% of the article's top-level statements")
    a, b = comp.labels
    if not table[[f"statements {a}", f"statements {b}"]].to_numpy().sum():
        return empty_chart(ax, "No statements found in either article")
    return _paired_bars(
        ax, list(table["kind"]), (list(table[f"% {a}"]), list(table[f"% {b}"])), comp.labels
    )


def verbs_chart(comp, ax=None, top: int = 12):
    """The reporting verbs (dictionary form) and how often each article uses them."""
    table = comp.verbs.head(top)
    ax = axes_or_new(ax, (9, _height(len(table))))
    labelled(ax, "Reporting verbs in each article", "Statements introduced with this verb")
    if not len(table):
        return empty_chart(ax, "No reporting verbs found in either article")
    a, b = comp.labels
    labels = [f"{v} ({c})" for v, c in zip(table["verb"], table["class"], strict=True)]
    _paired_bars(
        ax, labels, (list(table[f"statements {a}"]), list(table[f"statements {b}"])), comp.labels
    )
    ax.xaxis.get_major_locator().set_params(integer=True)
    return ax


def keyness_chart(comp, ax=None, n: int = 8):
    """The words each article prefers: log ratio of the n words with the highest G² on each
    side (bars to the left: the first article; to the right: the second)."""
    key = comp.keyness
    first = key[key["prefers"] == "first"].head(n)
    second = key[key["prefers"] == "second"].head(n)
    rows = list(first.itertuples()) + list(second.itertuples())
    ax = axes_or_new(ax, (9, _height(len(rows))))
    labelled(
        ax,
        "Distinctive words: which article uses each one more",
        "← more in the first article · log ratio (log2) · more in the second →",
    )
    if not rows:
        return empty_chart(ax, "No word is clearly more frequent in one article")
    y = np.arange(len(rows))[::-1]
    values = [-r.log_ratio for r in rows]  # the first article's words point left
    colours = [COLOURS[0] if r.prefers == "first" else COLOURS[1] for r in rows]
    ax.barh(y, values, color=colours)
    ax.set_yticks(y, [wrap_label(r.word) for r in rows])
    ax.axvline(0, color="#333333", linewidth=0.8)
    limit = max(abs(v) for v in values) * 1.15
    ax.set_xlim(-limit, limit)
    ax.legend(
        [Patch(color=COLOURS[0]), Patch(color=COLOURS[1])],
        comp.labels,
        loc="upper left",
        bbox_to_anchor=(1.0, 1.0),
        frameon=False,
        title="Used more by",
    )
    return ax
