"""Charts for notebook 01: each takes ``ax=None`` and returns the matplotlib Axes."""

from __future__ import annotations

import pandas as pd

from helpers.article import Article
from helpers.chart_style import (  # noqa: F401 (axes_or_new, wrap_label: used from here too)
    ALT_COLOUR,
    BAR_COLOUR,
    MARK_COLOUR,
    axes_or_new,
    rows_height,
    wrap_label,
)
from helpers.tokens import sentence_table


def table_style(df: pd.DataFrame, name: str, precision: int = 1):
    """A table for reading in a notebook: left-aligned, no row numbers, numbers rounded,
    missing values as a dash. ``name`` fixes the HTML id, so the output is the same each run.

    Every cell and column name is HTML-escaped: a Styler writes its cells into the page as
    markup, and the cells hold text from the article (quotes, names), which may hold tags."""
    left = [{"selector": "th", "props": [("text-align", "left")]}]
    short = [c for c in df.columns if c in ("speaker", "name", "kind", "cue", "class")]
    return (
        df.style.set_uuid(name)
        .hide(axis="index")
        .format(precision=precision, na_rep="–", escape="html")
        .format_index(escape="html", axis=1)
        .set_properties(**{"text-align": "left"})
        .set_properties(subset=short, **{"white-space": "nowrap"})
        .set_table_styles(left)
    )


def sentence_lengths(article: Article, ax=None):
    """Words per sentence through the article; bars alternate shade at each new paragraph."""
    ax = axes_or_new(ax)
    table = sentence_table(article)
    colours = [BAR_COLOUR if p % 2 else ALT_COLOUR for p in table["paragraph"]]
    ax.bar(table["sentence"], table["words"], color=colours, width=0.8)
    if len(table):
        mean = table["words"].mean()
        ax.axhline(mean, color=MARK_COLOUR, linestyle="--", linewidth=1)
        ax.annotate(
            f"mean {mean:.1f} words",
            xy=(1, mean),
            xycoords=("axes fraction", "data"),
            xytext=(-4, 3),
            textcoords="offset points",
            ha="right",
            color=MARK_COLOUR,
        )
    ax.set_title("Sentence length through the article (shade changes at each paragraph)")
    ax.set_xlabel("Sentence number, in reading order")
    ax.set_ylabel("Words in the sentence")
    return ax


def word_bars(table: pd.DataFrame, ax=None, title: str = "Most frequent words (no stopwords)"):
    """Horizontal bars of a ``word``/``count`` table, most frequent on top."""
    ax = axes_or_new(ax, size=(7, rows_height(len(table), 0.3, 1)))
    ordered = table.iloc[::-1]
    ax.barh(ordered["word"], ordered["count"], color=BAR_COLOUR)
    ax.set_title(title)
    ax.set_xlabel("Times used")
    ax.set_ylabel("Word")
    if not len(table):
        ax.text(0.5, 0.5, "no words to show", ha="center", va="center", transform=ax.transAxes)
    return ax


def save_chart(ax, path, formats: tuple[str, ...] = ("png", "svg"), dpi: int = 200) -> list:
    """Save the chart an Axes belongs to, for slides: ``path`` with a suffix writes that
    format; without one, a PNG and an SVG copy. The same chart gives the same bytes (no date
    in the SVG, fixed ids). Returns the paths written."""
    from pathlib import Path

    import matplotlib

    path = Path(path)
    targets = [path] if path.suffix else [path.with_suffix("." + f) for f in formats]
    fig = ax.figure
    written = []
    with matplotlib.rc_context({"svg.hashsalt": "media-analysis-kit"}):
        for target in targets:
            target.parent.mkdir(parents=True, exist_ok=True)
            fmt = target.suffix.lstrip(".").lower()
            metadata = {"Date": None} if fmt in ("svg", "pdf") else None
            fig.savefig(target, format=fmt, dpi=dpi, bbox_inches="tight", metadata=metadata)
            written.append(target)
    return written


def concordance_style(kwic: pd.DataFrame, name: str):
    """A concordance for reading: the left context right-aligned and the term in bold, so
    every line is aligned on the key word."""
    return (
        table_style(kwic, name)
        .set_properties(subset=["left"], **{"text-align": "right", "white-space": "nowrap"})
        .set_properties(subset=["term"], **{"font-weight": "bold", "white-space": "nowrap"})
        .set_properties(subset=["right"], **{"white-space": "nowrap"})
    )
