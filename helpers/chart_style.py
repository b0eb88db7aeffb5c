"""The kit's one chart style, shared by every chart module: the palette, a chart's size, its
title and axis labels, the note an empty chart shows, the legend's place, and the thin rule
between groups of rows.

Colours are fixed, so the same kind, class or speaker looks the same in every chart and every
run. The series colours are Okabe-Ito's: told apart by readers with colour-blindness, and in
greyscale print.
"""

from __future__ import annotations

import textwrap

import matplotlib.pyplot as plt

# --- palette --------------------------------------------------------------------------------

BAR_COLOUR = "#4C72B0"  # bars of one series
ALT_COLOUR = "#A1B8D9"  # the lighter shade that alternates with it
MARK_COLOUR = "#C44E52"  # a mark or line drawn over bars: a mean, an occurrence
NOTE_COLOUR = "#555555"  # the note of an empty chart, small labels
RULE_COLOUR = "#cccccc"  # the thin line between groups of rows

# Okabe-Ito
BLUE, ORANGE, GREEN, PURPLE = "#0072b2", "#e69f00", "#009e73", "#cc79a7"
VERMILION, SKY, YELLOW, GREY = "#d55e00", "#56b4e9", "#f0e442", "#999999"

KIND_COLOURS: dict[str, str] = {"direct": BLUE, "indirect": ORANGE, "mixed": GREEN}
CLASS_COLOURS: dict[str, str] = {"neutral": GREY, "evaluative": VERMILION, "unclassified": PURPLE}
# One colour per speaker, in speaker order (most statements first); after the seventh they
# repeat (the legend numbers tell speakers apart). The annotated article uses them too.
SPEAKER_COLOURS: tuple[str, ...] = (BLUE, ORANGE, GREEN, PURPLE, VERMILION, SKY, YELLOW)
# the corpus chart of speakers over time has sky blue before vermilion (kept, so that the
# charts of existing reports do not change colour)
SERIES_COLOURS: tuple[str, ...] = (BLUE, ORANGE, GREEN, PURPLE, SKY, VERMILION, YELLOW)
OTHERS_COLOUR = "#bbbbbb"  # "others" after the top speakers
UNKNOWN_COLOUR = GREY  # statements whose speaker the kit could not resolve
QUOTED_COLOUR = BLUE
PARAPHRASED_COLOUR = "#a6cee3"
ARTICLE_COLOURS: tuple[str, str] = (BLUE, VERMILION)  # the two articles of a comparison


# --- the chart ------------------------------------------------------------------------------


def axes_or_new(ax, size: tuple[float, float] = (9, 3.5)):
    """The Axes to draw on: the caller's, or a new figure's of the given size in inches."""
    if ax is None:
        _, ax = plt.subplots(figsize=size, layout="constrained")
    return ax


def rows_height(n_rows: int, per_row: float = 0.45, base: float = 1.4, least: float = 2.5):
    """The height in inches of a chart with one row (a bar, a line of dots) per item."""
    return max(least, per_row * n_rows + base)


def labelled(ax, title: str, xlabel: str, ylabel: str | None = None):
    """Set the title and axis labels (an empty chart keeps them); returns the Axes."""
    ax.set_title(title)
    ax.set_xlabel(xlabel)
    if ylabel is not None:
        ax.set_ylabel(ylabel)
    return ax


def new_chart(ax, size: tuple[float, float], title: str, xlabel: str, ylabel: str | None = None):
    """axes_or_new, labelled: the Axes to draw on, with its title and axis labels."""
    return labelled(axes_or_new(ax, size), title, xlabel, ylabel)


def empty_chart(ax, note: str):
    """A chart with nothing to draw: its title and labels stay, a note in the middle says why,
    and the axes have no ticks. Returns the Axes."""
    ax.text(0.5, 0.5, note, transform=ax.transAxes, ha="center", va="center", color=NOTE_COLOUR)
    ax.set_xticks([])
    ax.set_yticks([])
    return ax


def legend_outside(ax, *handles_labels, title: str | None = None) -> None:
    """The legend to the right of the plot, top-aligned, without a frame: it never covers a
    bar. ``handles_labels``: optional handles and labels, as for ``Axes.legend``."""
    ax.legend(
        *handles_labels, title=title, loc="upper left", bbox_to_anchor=(1.0, 1.0), frameon=False
    )


def group_rules(ax, groups: list) -> None:
    """A thin line between two rows whose group differs (rows at y = 0, 1, ...)."""
    for y in range(1, len(groups)):
        if groups[y] != groups[y - 1]:
            ax.axhline(y - 0.5, color=RULE_COLOUR, linewidth=0.8)


def wrap_label(text: str, width: int = 18) -> str:
    """A long axis label (a speaker's name, a term) over several lines, cut between words."""
    return "\n".join(textwrap.wrap(str(text), width=width, break_long_words=False)) or str(text)


def bar_notes(ax, notes: list[str], ends: list, dx: float = 3, **text) -> None:
    """A note beside the end of each horizontal bar (row y = 0, 1, ...), ``dx`` points to its
    right; ``text``: more text properties (fontsize, color)."""
    for y, (note, end) in enumerate(zip(notes, ends, strict=True)):
        ax.annotate(note, (end, y), xytext=(dx, 0), textcoords="offset points", va="center", **text)
