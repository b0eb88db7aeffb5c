"""Charts for notebook 02 (who speaks): each takes ``ax=None`` and returns the matplotlib Axes.

Colours, legend and the empty chart come from helpers.chart_style (one per statement kind,
one per cue class, the same in every chart and every run). An article with no statements gives
an empty chart that still has its title, axis labels and a note saying why it is empty.
"""

from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd

from helpers.chart_style import (  # noqa: F401 (colours: imported from here by other modules)
    CLASS_COLOURS,
    KIND_COLOURS,
    NOTE_COLOUR,
    PARAPHRASED_COLOUR,
    QUOTED_COLOUR,
    SPEAKER_COLOURS,
    UNKNOWN_COLOUR,
    axes_or_new,
    bar_notes,
    empty_chart,
    group_rules,
    labelled,
    legend_outside,
    rows_height,
    wrap_label,
)
from helpers.speaker_analysis import (
    CUE_CLASSES,
    KINDS,
    shorten,
    speaker_order,
    statements_by_kind,
    timeline_points,
)

NO_DATA = "No statements found in this article"


def statements_per_speaker(df: pd.DataFrame, ax=None, include_nested: bool = False):
    """Horizontal bars, one per speaker, stacked by kind (direct, indirect, mixed).
    ``df`` is the statements table or a ``statements_by_kind`` table."""
    table = statements_by_kind(df, include_nested) if "kind" in df.columns else df
    ax = axes_or_new(ax, (8, rows_height(len(table))))
    labelled(ax, "Statements per speaker, by kind", "Number of statements", "Speaker")
    if not len(table):
        return empty_chart(ax, NO_DATA)
    ordered = table.iloc[::-1]  # most statements on top
    names = [wrap_label(s) for s in ordered["speaker"]]
    left = pd.Series(0, index=ordered.index, dtype="int64")
    for kind in KINDS:
        values = ordered[kind].astype("int64")
        ax.barh(names, values, left=left, color=KIND_COLOURS[kind], label=kind)
        left = left + values
    bar_notes(ax, [str(int(total)) for total in left], list(left))
    ax.set_xlim(0, max(1, int(left.max())) * 1.12)
    ax.xaxis.get_major_locator().set_params(integer=True)
    legend_outside(ax, title="Kind")
    return ax


def speaker_timeline(
    df: pd.DataFrame,
    n_paragraphs: int,
    ax=None,
    include_nested: bool = False,
    sections: list[tuple[int, str]] | None = None,
):
    """Which speaker speaks in which paragraph: one dot per speaker and paragraph, coloured by
    kind (side by side when a speaker uses several kinds there), bigger for more statements.
    ``sections`` (from ``speaker_analysis.section_starts``) draws a dashed line where each
    subheading starts a new section."""
    points = timeline_points(df, include_nested)
    order = speaker_order(df, include_nested)
    ax = axes_or_new(ax, (9, rows_height(len(order))))
    labelled(ax, "Who speaks where: statements by paragraph", "Paragraph number, in reading order")
    ax.set_ylabel("Speaker")
    n = max(int(n_paragraphs), int(points["paragraph"].max()) if len(points) else 0, 1)
    ax.set_xlim(0.5, n + 0.5)
    _mark_sections(ax, sections or [], n)
    if not len(points):
        return empty_chart(ax, NO_DATA)
    row = {s: len(order) - 1 - i for i, s in enumerate(order)}  # first speaker on top
    offsets = {k: (i - 1) * 0.22 for i, k in enumerate(KINDS)}
    for kind in KINDS:
        sub = points[points["kind"] == kind]
        if not len(sub):
            continue
        ax.scatter(
            sub["paragraph"] + offsets[kind],
            sub["speaker"].map(row),
            s=40 + 40 * sub["count"],
            color=KIND_COLOURS[kind],
            label=kind,
            zorder=3,
        )
    ax.set_yticks(range(len(order)), [wrap_label(s) for s in reversed(order)])
    ax.set_ylim(-0.7, len(order) - 0.3)
    step = 1 if n <= 30 else 5
    ax.set_xticks(range(step if step > 1 else 1, n + 1, step))
    ax.grid(axis="x", color="#eeeeee", zorder=0)
    legend_outside(ax, title="Kind")
    return ax


def _mark_sections(ax, sections: list[tuple[int, str]], n: int) -> None:
    """Dashed lines where subheadings start sections, titled above the plot as far as room
    allows (about 5 points a character at size 8)."""
    if not sections:
        return
    ax.set_title(ax.get_title(), pad=16)
    width_pt = ax.figure.get_size_inches()[0] * 72 * ax.get_position().width
    starts = [first for first, _ in sections] + [n + 1]
    for (first, title), nxt in zip(sections, starts[1:], strict=True):
        ax.axvline(first - 0.5, color="#888888", linestyle="--", linewidth=1, zorder=1)
        room = int(width_pt * (nxt - first) / n / 5) - 1
        if room >= 4:
            ax.annotate(
                shorten(title, room),
                (first - 0.5, 1),
                xycoords=("data", "axes fraction"),
                xytext=(2, 2),
                textcoords="offset points",
                va="bottom",
                fontsize=8,
                color=NOTE_COLOUR,
            )


def quoted_share(table: pd.DataFrame, ax=None):
    """Words of each speaker's reported content, split into quoted words and paraphrase; the
    label gives their share of all quoted words. ``table`` comes from
    ``speaker_analysis.quoted_share``."""
    ax = axes_or_new(ax, (8, rows_height(len(table))))
    labelled(ax, "Quoted and paraphrased words per speaker", "Words of reported content", "Speaker")
    if not len(table):
        return empty_chart(ax, NO_DATA)
    ordered = table.iloc[::-1]
    quoted = ordered["quoted_words"].astype("int64")
    other = (ordered["words"] - ordered["quoted_words"]).astype("int64")
    names = [wrap_label(s) for s in ordered["speaker"]]
    ax.barh(names, quoted, color=QUOTED_COLOUR, label="in quotation marks")
    ax.barh(names, other, left=quoted, color=PARAPHRASED_COLOUR, label="paraphrased")
    notes = [f"{share:.0f}% of all quotes" for share in ordered["share_of_quotes_pct"]]
    bar_notes(ax, notes, list(ordered["words"]), dx=4, fontsize=9)
    ax.set_xlim(0, max(1, int(ordered["words"].max())) * 1.6)
    legend_outside(ax)
    return ax


def cue_chart(cues: pd.DataFrame, ax=None, top: int | None = None):
    """The reporting verbs per speaker: one bar per speaker and verb, coloured by class
    (neutral, evaluative, unclassified). ``cues`` comes from ``speaker_analysis.cue_table``;
    ``top`` keeps only the first n rows."""
    table = cues if top is None else cues.head(top)
    ax = axes_or_new(ax, (8, rows_height(len(table))))
    labelled(
        ax,
        "Reporting verbs per speaker: neutral or evaluative",
        "Number of statements introduced with this verb",
        "Speaker: reporting verb",
    )
    if not len(table):
        return empty_chart(ax, "No reporting verbs found in this article")
    ordered = table.iloc[::-1]
    labels = [
        wrap_label(f"{s}: {c}", 26) for s, c in zip(ordered["speaker"], ordered["cue"], strict=True)
    ]
    colours = [CLASS_COLOURS.get(c, CLASS_COLOURS["unclassified"]) for c in ordered["class"]]
    ax.barh(range(len(ordered)), ordered["count"], color=colours)
    ax.set_yticks(range(len(ordered)), labels)
    group_rules(ax, list(ordered["speaker"]))  # a thin line between two speakers' verbs
    ax.set_xlim(0, max(1, int(ordered["count"].max())) * 1.1)
    ax.xaxis.get_major_locator().set_params(integer=True)
    handles = [
        plt.Rectangle((0, 0), 1, 1, color=CLASS_COLOURS[c])
        for c in CUE_CLASSES
        if c in set(ordered["class"])
    ]
    names = [c for c in CUE_CLASSES if c in set(ordered["class"])]
    legend_outside(ax, handles, names, title="Class")
    return ax


def speaker_colours(statements: pd.DataFrame) -> dict[str, str]:
    """One colour per speaker of a statements table, nested speakers too: the speaker with the
    most statements gets the first colour of ``SPEAKER_COLOURS``; ``unknown`` is always grey."""
    every = speaker_order(statements, include_nested=True)
    order = [s for s in every if s != "unknown"]
    colours = {s: SPEAKER_COLOURS[i % len(SPEAKER_COLOURS)] for i, s in enumerate(order)}
    if "unknown" in every:
        colours["unknown"] = UNKNOWN_COLOUR
    return colours
