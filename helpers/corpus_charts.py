"""Charts for notebook 05 (across a corpus): each takes ``ax=None`` and returns the Axes.

Colours are those of notebook 02 (one per statement kind, one per cue class), so a kind or a
class looks the same in every chart. An empty table gives a labelled chart with a note.
"""

from __future__ import annotations

import pandas as pd

from helpers.charts import axes_or_new
from helpers.speaker_analysis import CUE_CLASSES, KINDS
from helpers.speaker_charts import (
    CLASS_COLOURS,
    KIND_COLOURS,
    PARAPHRASED_COLOUR,
    QUOTED_COLOUR,
)

BAR_COLOUR = "#4C72B0"
NO_STATEMENTS = "No statements found in this corpus"
# a fixed cycle for speakers over time (Okabe-Ito, then grey for "others")
SPEAKER_COLOURS = ["#0072b2", "#e69f00", "#009e73", "#cc79a7", "#56b4e9", "#d55e00", "#f0e442"]
OTHERS_COLOUR = "#bbbbbb"


def _height(n_rows: int) -> float:
    return max(2.5, 0.4 * n_rows + 1.4)


def _empty(ax, note: str = NO_STATEMENTS):
    ax.text(0.5, 0.5, note, transform=ax.transAxes, ha="center", va="center", color="#555555")
    ax.set_xticks([])
    ax.set_yticks([])
    return ax


def _legend(ax, title: str) -> None:
    ax.legend(title=title, loc="upper left", bbox_to_anchor=(1.0, 1.0), frameon=False)


def top_speakers_chart(table: pd.DataFrame, ax=None):
    """The corpus's top speakers, one bar each, stacked by kind. ``table`` comes from
    ``corpus_analysis.top_speakers``."""
    ax = axes_or_new(ax, (8, _height(len(table))))
    ax.set_title("Who speaks most across the corpus: statements by kind")
    ax.set_xlabel("Number of statements")
    ax.set_ylabel("Speaker")
    if not len(table):
        return _empty(ax)
    ordered = table.iloc[::-1]
    left = pd.Series(0, index=ordered.index, dtype="int64")
    for kind in KINDS:
        values = ordered[kind].astype("int64")
        ax.barh(ordered["speaker"], values, left=left, color=KIND_COLOURS[kind], label=kind)
        left = left + values
    for y, (total, n) in enumerate(zip(left, ordered["articles"], strict=True)):
        label = f"{int(total)} in {int(n)} article{'s' if n != 1 else ''}"
        ax.annotate(label, (total, y), xytext=(3, 0), textcoords="offset points", va="center")
    ax.set_xlim(0, max(1, int(left.max())) * 1.35)
    ax.xaxis.get_major_locator().set_params(integer=True)
    _legend(ax, "Kind")
    return ax


def _outlet_rows(ax, labels: list[str], outlets: list[str]) -> None:
    """Row labels, and a thin line between two outlets' rows (rows drawn bottom-up)."""
    ax.set_yticks(range(len(labels)), labels)
    for y in range(1, len(outlets)):
        if outlets[y] != outlets[y - 1]:
            ax.axhline(y - 0.5, color="#cccccc", linewidth=0.8)


def speakers_by_outlet_chart(table: pd.DataFrame, ax=None):
    """Each outlet's top speakers: one bar per outlet and speaker, labelled with the speaker's
    share of the outlet's statements. ``table`` from ``corpus_analysis.speakers_by_outlet``."""
    ax = axes_or_new(ax, (8, _height(len(table))))
    ax.set_title("Who speaks most in each outlet")
    ax.set_xlabel("Number of statements")
    ax.set_ylabel("Outlet: speaker")
    if not len(table):
        return _empty(ax)
    ordered = table.iloc[::-1]
    ax.barh(range(len(ordered)), ordered["statements"].astype("int64"), color=BAR_COLOUR)
    labels = [f"{o}: {s}" for o, s in zip(ordered["outlet"], ordered["speaker"], strict=True)]
    _outlet_rows(ax, labels, list(ordered["outlet"]))
    for y, (n, pct) in enumerate(zip(ordered["statements"], ordered["share_pct"], strict=True)):
        ax.annotate(
            f"{pct:.0f}% of the outlet's statements",
            (n, y),
            xytext=(3, 0),
            textcoords="offset points",
            va="center",
            fontsize=9,
        )
    ax.set_xlim(0, max(1, int(ordered["statements"].max())) * 1.8)
    ax.xaxis.get_major_locator().set_params(integer=True)
    return ax


def speakers_over_time_chart(table: pd.DataFrame, ax=None):
    """Statements per month, stacked by speaker (the top speakers, then "others").
    ``table`` comes from ``corpus_analysis.speakers_over_time``."""
    ax = axes_or_new(ax, (9, 4))
    ax.set_title("Who speaks over time: statements per month")
    ax.set_xlabel("Month of publication")
    ax.set_ylabel("Number of statements")
    speakers = [c for c in table.columns if c != "month"]
    if not len(table) or not speakers:
        return _empty(ax)
    x = range(len(table))
    bottom = pd.Series(0, index=table.index, dtype="int64")
    for i, speaker in enumerate(speakers):
        colour = OTHERS_COLOUR if speaker == "others" else SPEAKER_COLOURS[i % 7]
        values = table[speaker].astype("int64")
        ax.bar(x, values, bottom=bottom, color=colour, label=speaker, width=0.7)
        bottom = bottom + values
    ax.set_xticks(list(x), list(table["month"]), rotation=45 if len(table) > 8 else 0)
    ax.set_ylim(0, max(1, int(bottom.max())) * 1.1)
    ax.yaxis.get_major_locator().set_params(integer=True)
    _legend(ax, "Speaker")
    return ax


def quoted_share_by_outlet_chart(table: pd.DataFrame, ax=None):
    """Per outlet, the words of reported speech split into quoted and paraphrased, in percent.
    ``table`` comes from ``corpus_analysis.quoted_share_by_outlet``."""
    ax = axes_or_new(ax, (8, _height(len(table))))
    ax.set_title("Quoted and paraphrased words of reported speech, per outlet")
    ax.set_xlabel("Share of the words of reported speech (%)")
    ax.set_ylabel("Outlet")
    if not len(table):
        return _empty(ax)
    ordered = table.iloc[::-1]
    quoted = ordered["quoted_pct"].astype("float64")
    ax.barh(ordered["outlet"], quoted, color=QUOTED_COLOUR, label="in quotation marks")
    ax.barh(
        ordered["outlet"], 100 - quoted, left=quoted, color=PARAPHRASED_COLOUR, label="paraphrased"
    )
    for y, (pct, words) in enumerate(zip(quoted, ordered["words"], strict=True)):
        ax.annotate(
            f"{pct:.0f}% of {int(words)} words",
            (0, y),
            xytext=(4, 0),
            textcoords="offset points",
            va="center",
            fontsize=9,
            color="white",
        )
    ax.set_xlim(0, 100)
    _legend(ax, "Words")
    return ax


def cue_classes_by_outlet_chart(table: pd.DataFrame, ax=None):
    """Per outlet, the share of statements introduced by a neutral, evaluative or unclassified
    reporting verb. ``table`` comes from ``corpus_analysis.cue_classes_by_outlet``."""
    ax = axes_or_new(ax, (8, _height(len(table))))
    ax.set_title("Reporting verbs per outlet: neutral or evaluative")
    ax.set_xlabel("Share of the statements with a reporting verb (%)")
    ax.set_ylabel("Outlet")
    if not len(table):
        return _empty(ax, "No reporting verbs found in this corpus")
    ordered = table.iloc[::-1]
    total = ordered["total"].astype("float64")
    left = pd.Series(0.0, index=ordered.index)
    for cls in CUE_CLASSES:
        pct = 100 * ordered[cls].astype("float64") / total
        ax.barh(ordered["outlet"], pct, left=left, color=CLASS_COLOURS[cls], label=cls)
        left = left + pct
    ax.set_xlim(0, 100)
    _legend(ax, "Class")
    return ax


def terms_by_outlet_chart(table: pd.DataFrame, ax=None):
    """Each outlet's most recurring terms: one bar per outlet and term, its length the number
    of the outlet's articles the term recurs in. ``table`` from
    ``corpus_analysis.top_terms_by_outlet``."""
    ax = axes_or_new(ax, (8, _height(len(table))))
    ax.set_title("Most recurring terms per outlet")
    ax.set_xlabel("Articles in which the term recurs (occurs at least twice)")
    ax.set_ylabel("Outlet: term")
    if not len(table):
        return _empty(ax, "No multi-word term recurs in this corpus")
    ordered = table.iloc[::-1]
    ax.barh(range(len(ordered)), ordered["articles"].astype("int64"), color=BAR_COLOUR)
    labels = [f"{o}: {t}" for o, t in zip(ordered["outlet"], ordered["term"], strict=True)]
    _outlet_rows(ax, labels, list(ordered["outlet"]))
    for y, (n, count) in enumerate(zip(ordered["articles"], ordered["count"], strict=True)):
        ax.annotate(
            f"{int(count)} times",
            (n, y),
            xytext=(3, 0),
            textcoords="offset points",
            va="center",
            fontsize=9,
        )
    ax.set_xlim(0, max(1, int(ordered["articles"].max())) * 1.3)
    ax.xaxis.get_major_locator().set_params(integer=True)
    return ax
