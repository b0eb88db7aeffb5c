"""Charts for notebook 05 (across a corpus): each takes ``ax=None`` and returns the Axes.

Colours, legend and the empty chart come from helpers.chart_style, as in notebook 02 (one
colour per statement kind, one per cue class), so a kind or a class looks the same in every
chart. An empty table gives a labelled chart with a note.
"""

from __future__ import annotations

import pandas as pd

from helpers import chart_style as style
from helpers.speaker_analysis import CUE_CLASSES, KINDS

NO_STATEMENTS = "No statements found in this corpus"


def _height(n_rows: int) -> float:
    return style.rows_height(n_rows, 0.4)


def top_speakers_chart(table: pd.DataFrame, ax=None):
    """The corpus's top speakers, one bar each, stacked by kind. ``table`` comes from
    ``corpus_analysis.top_speakers``."""
    title = "Who speaks most across the corpus: statements by kind"
    ax = style.new_chart(ax, (8, _height(len(table))), title, "Number of statements", "Speaker")
    if not len(table):
        return style.empty_chart(ax, NO_STATEMENTS)
    ordered = table.iloc[::-1]
    left = pd.Series(0, index=ordered.index, dtype="int64")
    for kind in KINDS:
        values = ordered[kind].astype("int64")
        ax.barh(ordered["speaker"], values, left=left, color=style.KIND_COLOURS[kind], label=kind)
        left = left + values
    notes = [
        f"{int(t)} in {int(n)} article{'s' if n != 1 else ''}"
        for t, n in zip(left, ordered["articles"], strict=True)
    ]
    style.bar_notes(ax, notes, list(left))
    ax.set_xlim(0, max(1, int(left.max())) * 1.35)
    ax.xaxis.get_major_locator().set_params(integer=True)
    style.legend_outside(ax, title="Kind")
    return ax


def _outlet_bars(ax, ordered: pd.DataFrame, item: str, value: str, notes: list[str], room: float):
    """One bar per outlet and item (rows drawn bottom-up), labelled "outlet: item", a thin line
    between two outlets' rows, a note beside each bar; the x axis leaves room for the notes."""
    values = ordered[value].astype("int64")
    ax.barh(range(len(ordered)), values, color=style.BAR_COLOUR)
    outlets = list(ordered["outlet"])
    labels = [f"{o}: {i}" for o, i in zip(outlets, ordered[item], strict=True)]
    ax.set_yticks(range(len(labels)), labels)
    style.group_rules(ax, outlets)
    style.bar_notes(ax, notes, list(ordered[value]), fontsize=9)
    ax.set_xlim(0, max(1, int(values.max())) * room)
    ax.xaxis.get_major_locator().set_params(integer=True)
    return ax


def speakers_by_outlet_chart(table: pd.DataFrame, ax=None):
    """Each outlet's top speakers: one bar per outlet and speaker, labelled with the speaker's
    share of the outlet's statements. ``table`` from ``corpus_analysis.speakers_by_outlet``."""
    ax = style.new_chart(
        ax,
        (8, _height(len(table))),
        "Who speaks most in each outlet",
        "Number of statements",
        "Outlet: speaker",
    )
    if not len(table):
        return style.empty_chart(ax, NO_STATEMENTS)
    ordered = table.iloc[::-1]
    notes = [f"{pct:.0f}% of the outlet's statements" for pct in ordered["share_pct"]]
    return _outlet_bars(ax, ordered, "speaker", "statements", notes, 1.8)


def speakers_over_time_chart(table: pd.DataFrame, ax=None):
    """Statements per month, stacked by speaker (the top speakers, then "others").
    ``table`` comes from ``corpus_analysis.speakers_over_time``."""
    title = "Who speaks over time: statements per month"
    ax = style.new_chart(ax, (9, 4), title, "Month of publication", "Number of statements")
    speakers = [c for c in table.columns if c != "month"]
    if not len(table) or not speakers:
        return style.empty_chart(ax, NO_STATEMENTS)
    x = range(len(table))
    bottom = pd.Series(0, index=table.index, dtype="int64")
    for i, speaker in enumerate(speakers):
        colour = style.OTHERS_COLOUR if speaker == "others" else style.SERIES_COLOURS[i % 7]
        values = table[speaker].astype("int64")
        ax.bar(x, values, bottom=bottom, color=colour, label=speaker, width=0.7)
        bottom = bottom + values
    ax.set_xticks(list(x), list(table["month"]), rotation=45 if len(table) > 8 else 0)
    ax.set_ylim(0, max(1, int(bottom.max())) * 1.1)
    ax.yaxis.get_major_locator().set_params(integer=True)
    style.legend_outside(ax, title="Speaker")
    return ax


def quoted_share_by_outlet_chart(table: pd.DataFrame, ax=None):
    """Per outlet, the words of reported speech split into quoted and paraphrased, in percent.
    ``table`` comes from ``corpus_analysis.quoted_share_by_outlet``."""
    title = "Quoted and paraphrased words of reported speech, per outlet"
    ax = style.new_chart(
        ax, (8, _height(len(table))), title, "Share of the words of reported speech (%)", "Outlet"
    )
    if not len(table):
        return style.empty_chart(ax, NO_STATEMENTS)
    ordered = table.iloc[::-1]
    quoted = ordered["quoted_pct"].astype("float64")
    ax.barh(ordered["outlet"], quoted, color=style.QUOTED_COLOUR, label="in quotation marks")
    other = 100 - quoted
    ax.barh(
        ordered["outlet"], other, left=quoted, color=style.PARAPHRASED_COLOUR, label="paraphrased"
    )
    notes = [f"{p:.0f}% of {int(w)} words" for p, w in zip(quoted, ordered["words"], strict=True)]
    style.bar_notes(ax, notes, [0] * len(notes), dx=4, fontsize=9, color="white")
    ax.set_xlim(0, 100)
    style.legend_outside(ax, title="Words")
    return ax


def cue_classes_by_outlet_chart(table: pd.DataFrame, ax=None):
    """Per outlet, the share of statements introduced by a neutral, evaluative or unclassified
    reporting verb. ``table`` comes from ``corpus_analysis.cue_classes_by_outlet``."""
    title = "Reporting verbs per outlet: neutral or evaluative"
    ax = style.new_chart(
        ax,
        (8, _height(len(table))),
        title,
        "Share of the statements with a reporting verb (%)",
        "Outlet",
    )
    if not len(table):
        return style.empty_chart(ax, "No reporting verbs found in this corpus")
    ordered = table.iloc[::-1]
    total = ordered["total"].astype("float64")
    left = pd.Series(0.0, index=ordered.index)
    for cls in CUE_CLASSES:
        pct = 100 * ordered[cls].astype("float64") / total
        ax.barh(ordered["outlet"], pct, left=left, color=style.CLASS_COLOURS[cls], label=cls)
        left = left + pct
    ax.set_xlim(0, 100)
    style.legend_outside(ax, title="Class")
    return ax


def terms_by_outlet_chart(table: pd.DataFrame, ax=None):
    """Each outlet's most recurring terms: one bar per outlet and term, its length the number
    of the outlet's articles the term recurs in. ``table`` from
    ``corpus_analysis.top_terms_by_outlet``."""
    xlabel = "Articles in which the term recurs (occurs at least twice)"
    ax = style.new_chart(
        ax, (8, _height(len(table))), "Most recurring terms per outlet", xlabel, "Outlet: term"
    )
    if not len(table):
        return style.empty_chart(ax, "No multi-word term recurs in this corpus")
    ordered = table.iloc[::-1]
    notes = [f"{int(count)} times" for count in ordered["count"]]
    return _outlet_bars(ax, ordered, "term", "articles", notes, 1.3)
