"""The article with every statement marked: see what the kit found, in the text itself.

``annotate(article, statements)`` gives an ``AnnotatedArticle``: the headline, subheadings and
paragraphs as in the file, each statement's content highlighted in its speaker's colour (the
kit's colour-blind-safe palette, ``helpers.speaker_charts.SPEAKER_COLOURS``), the cue (*said*)
and the words the kit linked to the speaker (*he*, *the spokeswoman*) marked in their own
style, nested statements inside their parent, floating quotes (no cue of their own) and
statements with an ``unknown`` speaker flagged. Hovering a statement shows its speaker, kind,
cue and how the speaker was resolved (a ``title`` attribute: no JavaScript).

The HTML is self-contained (one inline ``<style>``, class names prefixed ``ka-``) and every
piece of text is escaped. In JupyterLab the object shows itself (``_repr_html_``); ``page()``
gives a whole HTML document (the report's ``article.html``).
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field

import pandas as pd

from helpers.article import Article
from helpers.lexicons import lexicon
from helpers.speaker_analysis import split_speakers
from helpers.speaker_charts import UNKNOWN_COLOUR, speaker_colours

UNKNOWN = "unknown"
TINT = 0.28  # opacity of a statement's background colour (its underline is full colour)

CSS = """
.ka { font: 1rem/1.6 Georgia, "Times New Roman", serif; color: #1a1a1a; max-width: 46rem;
  overflow-wrap: break-word; }
.ka .ka-legend { font: 0.85rem/1.5 system-ui, sans-serif; display: flex; flex-wrap: wrap;
  gap: 0.25rem 1rem; padding: 0.5rem 0.7rem; margin: 0 0 0.8rem; border: 1px solid #ddd;
  border-radius: 4px; list-style: none; }
.ka .ka-legend li { margin: 0; }
.ka .ka-swatch { display: inline-block; width: 0.9em; height: 0.9em; border-radius: 2px;
  vertical-align: -0.1em; margin-right: 0.3em; }
.ka .ka-key { font: 0.8rem/1.5 system-ui, sans-serif; color: #444; margin: 0 0 1rem; }
.ka .ka-note { font: 0.85rem/1.5 system-ui, sans-serif; color: #444; margin: 0 0 0.6rem; }
.ka .ka-headline { font-size: 1.4rem; font-weight: bold; line-height: 1.3;
  margin: 0.2rem 0 0.8rem; }
.ka .ka-sub { font-size: 1.1rem; font-weight: bold; margin: 1.1rem 0 0.4rem; }
.ka p.ka-par { margin: 0 0 0.8rem; }
.ka .ka-pno { font: 0.7rem system-ui, sans-serif; color: #777; margin-right: 0.35rem;
  user-select: none; }
.ka .ka-st { border-bottom: 3px solid var(--ka-c); background: var(--ka-t);
  padding: 0.05em 0; cursor: help; }
.ka .ka-st .ka-st { border-bottom-style: double; border-bottom-width: 4px;
  outline: 1px dashed var(--ka-c); }
.ka .ka-floating { border-bottom-style: dashed; }
.ka .ka-unknown { background: repeating-linear-gradient(135deg, #e6e6e6 0 6px, #f7f7f7 6px 12px);
  border-bottom: 3px dotted #666; }
.ka .ka-tag { font: bold 0.65rem/1 system-ui, sans-serif; color: #fff; background: var(--ka-c);
  border-radius: 3px; padding: 0.1em 0.3em; margin-right: 0.15em; vertical-align: 0.25em; }
.ka .ka-unknown > .ka-tag { background: #555; }
.ka .ka-cue { font-weight: bold; font-style: italic; text-decoration: underline dotted #333;
  text-underline-offset: 0.2em; }
.ka .ka-mention { border: 2px solid var(--ka-c); border-radius: 3px; padding: 0 0.1em;
  font-variant: small-caps; }
.ka .ka-corrected { box-shadow: inset 0 0 0 1px #000; }
"""


def _rgba(colour: str, alpha: float) -> str:
    c = colour.lstrip("#")
    r, g, b = (int(c[i : i + 2], 16) for i in (0, 2, 4))
    return f"rgba({r}, {g}, {b}, {alpha})"


def _value(v) -> str:
    """A cell as text: '' for None, NaN and <NA>."""
    if v is None or (not isinstance(v, str) and pd.isna(v)):
        return ""
    return str(v)


def _offset(v) -> int | None:
    if v is None or (not isinstance(v, str) and pd.isna(v)):
        return None
    return int(v)


def _pronouns() -> frozenset[str]:
    return frozenset(e.split("=")[0].strip().lower() for e in lexicon("pronouns"))


def resolution(row) -> str:
    """How the kit got from the words of the article to the speaker, in one sentence."""
    speaker = _value(row.get("speaker")) or UNKNOWN
    mention = " ".join(_value(row.get("mention")).split())
    correction = _value(row.get("correction"))
    if correction.startswith("added"):
        return "added by hand in the corrections file"
    if not _value(row.get("cue")).strip() and not mention:
        how = "floating quote: no cue of its own, it continues the previous speaker's words"
    elif not mention:
        how = "no speaker phrase found"
    else:
        words = mention.lower().split()
        names = [w.lower() for n in split_speakers(speaker) for w in n.split()]
        if speaker == UNKNOWN:
            how = f"“{mention}” could not be linked to a person: the kit does not guess"
        elif len(words) == 1 and words[0] in _pronouns():
            how = f"pronoun “{mention}”, linked to the most recent matching speaker"
        elif names and all(n in words for n in names):
            how = f"named in full: “{mention}”"
        elif any(w.strip(".,'’s") in names for w in words):
            how = f"by name: “{mention}”"
        else:
            how = f"description “{mention}”, linked to the most recent speaker whose role fits"
    if correction:
        how += f"; {correction}"
    return how


def tooltip(row) -> str:
    """The hover text of a statement: speaker, kind, cue, how the speaker was resolved."""
    cue = _value(row.get("cue")).strip() or "none (floating quote)"
    nested = " (nested: reported inside another statement)" if bool(row.get("nested")) else ""
    return (
        f"Speaker: {_value(row.get('speaker')) or UNKNOWN}{nested}\n"
        f"Kind: {_value(row.get('kind'))}\n"
        f"Cue: {cue}\n"
        f"Speaker found: {resolution(row)}"
    )


@dataclass
class _Span:
    start: int
    end: int
    rank: int  # 0 statement, 1 mention, 2 cue: at equal extent, statements are outside
    open_tag: str  # the tag opening the first piece
    again_tag: str  # the tag opening a later piece (after a crossing span or a block break)
    close_tag: str
    key: tuple = field(default_factory=tuple)


def _render_block(text: str, lo: int, hi: int, spans: list[_Span]) -> str:
    """Text[lo:hi] with the spans as nested tags; a span crossing another is closed and
    reopened, so the HTML is always well formed."""
    inside = [s for s in spans if s.start < hi and s.end > lo and s.end > s.start]
    cuts = sorted({lo, hi, *(max(lo, s.start) for s in inside), *(min(hi, s.end) for s in inside)})
    out: list[str] = []
    stack: list[_Span] = []
    for a, b in zip(cuts, cuts[1:], strict=False):
        want = sorted(
            (s for s in inside if s.start <= a and s.end >= b),
            key=lambda s: (s.start, -s.end, s.rank),
        )
        keep = 0
        while keep < min(len(stack), len(want)) and stack[keep] is want[keep]:
            keep += 1
        for s in reversed(stack[keep:]):
            out.append(s.close_tag)
        stack = stack[:keep]
        for s in want[keep:]:
            out.append(s.open_tag if s.start == a else s.again_tag)
            stack.append(s)
        out.append(html.escape(text[a:b]))
    for s in reversed(stack):
        out.append(s.close_tag)
    return "".join(out)


def _attr(text: str) -> str:
    return html.escape(text, quote=True)


class AnnotatedArticle:
    """An article with its statements marked, as HTML (``html``, ``page()``, ``save()``)."""

    def __init__(
        self,
        article: Article,
        statements: pd.DataFrame,
        speakers: list[str] | None = None,
        note: str = "",
    ):
        self.article = article
        self.statements = statements.reset_index(drop=True)
        self.colours = speaker_colours(self.statements)
        self.order = list(self.colours)
        self.only = None if speakers is None else {s for s in speakers}
        self.note = note
        self.html = self._render()

    # ---------------------------------------------------------------- building blocks

    def _number(self, speaker: str) -> int:
        return self.order.index(speaker) + 1 if speaker in self.order else 0

    def _style(self, names: list[str]) -> str:
        colours = [self.colours.get(n, UNKNOWN_COLOUR) for n in names]
        style = f"--ka-c: {colours[0]}; --ka-t: {_rgba(colours[0], TINT)};"
        if len(colours) > 1:  # a joint statement: stripes of each speaker's colour
            step = 8
            stops = ", ".join(
                f"{_rgba(c, TINT)} {i * step}px {(i + 1) * step}px" for i, c in enumerate(colours)
            )
            style += f" --ka-t: repeating-linear-gradient(135deg, {stops});"
        return style

    def _shown(self, names: list[str]) -> bool:
        return self.only is None or bool(self.only & set(names))

    def _spans(self) -> list[_Span]:
        spans: list[_Span] = []
        marked: set[tuple[str, int, int]] = set()
        for i, row in enumerate(self.statements.to_dict("records")):
            names = split_speakers(row.get("speaker"))
            if not self._shown(names):
                continue
            style = _attr(self._style(names))
            unknown = UNKNOWN in names
            corrected = _value(row.get("correction"))
            floating = (
                not _value(row.get("cue")).strip()
                and not _value(row.get("mention"))
                and not corrected.startswith("added")
            )
            classes = ["ka-st", f"ka-{_value(row.get('kind')) or 'statement'}"]
            if bool(row.get("nested")):
                classes.append("ka-nested")
            if floating:
                classes.append("ka-floating")
            if unknown:
                classes.append("ka-unknown")
            if corrected:
                classes.append("ka-corrected")
            label = "?" if unknown else "+".join(str(self._number(n)) for n in names)
            if floating:
                label += " …"
            tip = _attr(tooltip(row))
            speaker = _attr(_value(row.get("speaker")) or UNKNOWN)
            head = (
                f'<span class="{" ".join(classes)}" style="{style}" data-statement="{i}" '
                f'data-speaker="{speaker}" title="{tip}"'
            )
            spans.append(
                _Span(
                    int(row["start"]),
                    int(row["end"]),
                    0,
                    f'{head}><span class="ka-tag" aria-hidden="true">{html.escape(label)}</span>',
                    f'{head} data-part="more">',
                    "</span>",
                )
            )
            for what, rank in (("mention", 1), ("cue", 2)):
                s, e = _offset(row.get(f"{what}_start")), _offset(row.get(f"{what}_end"))
                if s is None or e is None or e <= s or (what, s, e) in marked:
                    continue
                marked.add((what, s, e))
                title = (
                    f"the words the kit linked to {_value(row.get('speaker')) or UNKNOWN}"
                    if what == "mention"
                    else f"cue (reporting {_value(row.get('speaker')) or UNKNOWN})"
                )
                tag = (
                    f'<span class="ka-{what}" style="{style}" data-statement="{i}" '
                    f'title="{_attr(title)}">'
                )
                spans.append(_Span(s, e, rank, tag, tag, "</span>"))
        return spans

    def legend_html(self) -> str:
        counts: dict[str, int] = {}
        for speaker in self.statements["speaker"] if len(self.statements) else []:
            for name in split_speakers(speaker):
                counts[name] = counts.get(name, 0) + 1
        items = []
        for name in self.order:
            if self.only is not None and name not in self.only:
                continue
            colour = self.colours[name]
            label = "?" if name == UNKNOWN else str(self._number(name))
            what = "speaker not resolved" if name == UNKNOWN else f"{counts[name]} statement(s)"
            items.append(
                f'<li data-speaker="{_attr(name)}"><span class="ka-swatch" '
                f'style="background: {colour}"></span><b>{html.escape(label)}</b> '
                f"{html.escape(name)} <small>({html.escape(what)})</small></li>"
            )
        if not items:
            return '<p class="ka-note">No statements to show.</p>'
        return '<ul class="ka-legend" aria-label="speakers">' + "".join(items) + "</ul>"

    def _render(self) -> str:
        a = self.article
        raw = a.raw
        spans = self._spans()
        parts = [f"<style>{CSS}</style>", '<div class="ka">']
        if self.note:
            parts.append(f'<p class="ka-note">{html.escape(self.note)}</p>')
        parts.append(self.legend_html())
        parts.append(
            '<p class="ka-key">Highlight = what the speaker said (number: speaker in the '
            'legend) · <span class="ka-cue">cue</span> = the reporting verb · '
            '<span class="ka-mention" style="--ka-c: #333">mention</span> = the words the kit '
            "linked to the speaker · dashed = floating quote (no cue) · double line = nested "
            "statement · grey stripes, ? = unknown speaker · thin black frame = corrected by hand. "
            "Hover a statement for details.</p>"
        )
        parts.append("<article>")
        for block in a.blocks:
            body = _render_block(raw, block.start, block.end, spans)
            if block.kind == "headline":
                parts.append(f'<div class="ka-headline" role="heading" aria-level="1">{body}</div>')
            elif block.kind == "subheading":
                parts.append(f'<div class="ka-sub" role="heading" aria-level="2">{body}</div>')
            else:
                parts.append(
                    f'<p class="ka-par" id="ka-p{block.index}"><span class="ka-pno" '
                    f'aria-hidden="true">¶{block.index}</span>{body}</p>'
                )
        parts.append("</article></div>")
        return "\n".join(parts)

    # ---------------------------------------------------------------- output

    def _repr_html_(self) -> str:
        return self.html

    def __repr__(self) -> str:
        n = len(self.statements)
        return f"<AnnotatedArticle {self.article.name}: {n} statement(s)>"

    def page(self, title: str = "", nav: str = "") -> str:
        """A whole HTML document (UTF-8, no script, nothing loaded from elsewhere)."""
        title = title or f"The article, annotated: {self.article.headline.text}"
        return (
            '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
            '<meta name="viewport" content="width=device-width, initial-scale=1.0">\n'
            f"<title>{html.escape(title)}</title>\n"
            "<style>body { margin: 0 auto; padding: 1rem; max-width: 48rem; } "
            ".kit-nav { font: 0.9rem/1.4 system-ui, sans-serif; margin-bottom: 1rem; "
            "overflow-wrap: anywhere; } .kit-nav a { color: #1a5fb4; }</style>\n"
            f"</head>\n<body>\n{nav}<main>\n{self.html}\n</main>\n</body>\n</html>\n"
        )

    def save(self, path) -> None:
        from pathlib import Path

        Path(path).write_text(self.page(), encoding="utf-8")


def annotate(
    article: Article,
    statements: pd.DataFrame | None = None,
    speakers: list[str] | str | None = None,
    note: str | None = None,
) -> AnnotatedArticle:
    """The article with its statements marked. ``statements`` defaults to the kit's (with the
    corrections file beside the article, when there is one); ``speakers`` limits the highlights
    to some speakers; ``note`` is a line shown above the legend (by default, the corrections
    applied)."""
    if statements is None:
        from helpers.corrections import statements_with_corrections

        statements, report = statements_with_corrections(article)
        if note is None:
            note = report.line() if report.applied or report.problems else ""
    if isinstance(speakers, str):
        speakers = [speakers]
    return AnnotatedArticle(article, statements, speakers, note or "")
