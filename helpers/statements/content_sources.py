"""Stage 5b, content of source phrases: `according to X, A`, `A, according to X`, `Trump,
according to the White House, made a trip`, and `In Whitfield’s view, A`; the source's
mention and the content it reports.
"""

from __future__ import annotations

import re

from helpers.statements import reasons
from helpers.statements.content import Content, Span
from helpers.statements.cues import POSSESSIVE_VIEW, Cue, Sentence
from helpers.statements.lexicon import Lexicons
from helpers.statements.mentions_after import mention_after, source_phrase
from helpers.statements.phrases import Mention
from helpers.statements.reasons import Rejection
from helpers.statements.words import POSSESSIVE_END

# a name in an apposition after a source (`according to the company’s chief, Dana Whitfield,`)
_APPOSITION = re.compile(r",\s*((?:[A-Z][\w.’'-]*\s+){0,3}[A-Z][\w’'-]*)\s*,")


# after a source phrase between commas, the reported clause going on (`, made a trip`)
_CLAUSE_GOES_ON = re.compile(r",\s+(?!(?:and|but|while|which|who|whose|where|when)\b)[a-z]")


def according_site(
    sent: Sentence, cue: Cue, lex: Lexicons
) -> tuple[Mention, Content, int] | Rejection:
    """`according to X, A` / `A, according to X` / `according to the chief, Dana Whitfield,`:
    (the source's mention, the content, where the cue clause starts)."""
    m, a, b = sent.masked, sent.start, sent.end
    ph = mention_after(m, cue.end, b, lex)
    whole = source_phrase(m, cue.end, b)
    if whole and (ph is None or ph.end < whole[1]) and not sent.nested:
        # `according to exit polls`, `according to a new report by Politico`: the whole
        # source phrase names the source
        s0, e0 = whole
        kind = "name" if ph is not None and ph.kind == "name" and ph.start == s0 else "source"
        ph = Mention(s0, e0, m[s0:e0], kind, core_end=ph.end if ph is not None else None)
    if ph is None:
        return Rejection(reasons.MENTION, reasons.NO_SOURCE)
    if sent.nested and ph.kind == "pronoun":
        return Rejection(reasons.MENTION, reasons.PRONOUN_IN_QUOTE)
    appo = _APPOSITION.match(m, ph.end, b)
    if appo:  # `according to the company’s chief executive, Dana Whitfield, ...`
        named = Mention(appo.start(1), appo.end(1), appo.group(1), "name")
        return named, Span(appo.end(), b), cue.start
    after = m[ph.end : b].lstrip()
    colon = m.find(":", ph.end, b) if after.startswith(":") else -1
    if colon >= 0 and m[colon + 1 : b].strip():
        # `in the words of the patient: “...”`: what the colon opens (not a list that the
        # next paragraphs hold)
        return ph, Span(colon + 1, b), cue.start
    if after.startswith(",") and m[a : cue.start].strip() == "":
        return ph, Span(m.find(",", ph.end, b) + 1, b), cue.start
    left = m.rfind(",", a, cue.start)
    if left >= 0 and _CLAUSE_GOES_ON.match(m, ph.end, b):
        # `Trump, according to the White House, made a trip`: the source is an aside inside
        # the reported clause, which is the whole sentence (like an interrupting cue)
        return ph, Span(a, b), a
    clause = a
    paren = m.rfind("(", a, cue.start)
    if paren >= 0 and m.find(")", paren, cue.start) < 0:
        # `... (the actual number is 15 percent, according to X).`: the aside is the content
        clause, a = paren, paren + 1
    return ph, Span(a, left if left >= a else cue.start), clause


def view_site(sent: Sentence, cue: Cue) -> tuple[Mention, Mention, Content] | Rejection:
    """`In Whitfield’s view, A`: (the mention as written, the mention to resolve, content)."""
    m = sent.masked
    match = POSSESSIVE_VIEW.match(m, cue.start, cue.end)
    s0, e0 = match.span(1)
    word = POSSESSIVE_END.sub("", m[s0:e0])
    pronoun = word.lower() in ("his", "her", "their", "its")
    if pronoun and sent.nested:
        return Rejection(reasons.MENTION, reasons.PRONOUN_IN_QUOTE)
    written = Mention(s0, e0, m[s0:e0], "pronoun" if pronoun else "name")
    if pronoun:
        spoken = {"his": "he", "her": "she", "their": "they", "its": "it"}[word.lower()]
        resolved = Mention(s0, e0, spoken, "pronoun")
    else:
        resolved = Mention(s0, s0 + len(word), word, "name")
    return written, resolved, Span(cue.end, sent.end)
