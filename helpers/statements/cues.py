"""Stage 3, cues: candidate cues in a sentence and the checks that keep or drop them; the
records the next stages share (Sentence, Cue, and the Site :mod:`.sites` finds).

A candidate is a reporting-verb form from the lexicon (`said`, `pointed out`), a source
phrase (`according to`, `in the words of`) or a possessive view (`In Whitfield’s view`).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

from helpers.statements import reasons
from helpers.statements.grammar import (
    ASPECTUAL_VERBS,
    GO_FORMS,
    NOUN_VERBS,
    NUMBER_WORDS,
)
from helpers.statements.phrases import Mention
from helpers.statements.quotes import Quote
from helpers.statements.reasons import Rejection
from helpers.statements.records import Statement
from helpers.statements.words import squash

# (the first letter before the lookbehind, as below: the engine skips ahead to that letter)
SPEECH_NOUN_PHRASES = re.compile(
    r"[AaIi](?<![\w’'][AaIi])(?i:ccording\s+to|n\s+the\s+(?:words|view|opinion)\s+of"
    r"|s\s+(?:first\s+|previously\s+)?reported\s+by)(?![\w’'])"
)
# `In Whitfield’s view, ...`, `in his words, ...` (the lookbehind comes after the first
# letter, so that the regular expression engine skips ahead to that letter)
POSSESSIVE_VIEW = re.compile(
    r"[Ii](?<![\w’'][Ii])n\s+((?:[A-Z][\w.-]*\s+){0,3}[A-Z][\w-]*[’']s?|his|her|their|its)"
    r"\s+(?:own\s+)?(?:view|words|opinion|account)\b"
)
_WORD_EDGE = re.compile(r"[\w’'-]")  # a character that continues a word
_NOUN_OR_INFINITIVE = re.compile(
    r"(?<![\w’'])(?:the|a|an|this|these|those|his|its|their|our|every|each|any|no|whose|to)\s+$",
    re.IGNORECASE,
)
# `another` before a verb's bare form makes it a noun (`another state`; `another said` speaks)
_ANOTHER = re.compile(r"(?<![\w’'])another\s+$", re.IGNORECASE)
# `continued to complain`, `went on to say`: an infinitive that reports speech that happened
# (not `wants to say`, `declined to say`)
ASPECTUAL_TO = re.compile(
    rf"(?<![\w’'])(?:{'|'.join(sorted(ASPECTUAL_VERBS))}|(?:{'|'.join(sorted(GO_FORMS))})\s+on)\s+to\s+$"
)
# Frames before `to` and a cue that report speech that happened, with a phrase of their own
# between the speaker and the cue: `was quick to add`, `went so far as to say`, `went out of
# his way to say`, `took to Twitter to say`, `were slightly more likely to say` (a poll)
SPOKEN_TO = re.compile(
    r"(?<![\w’'])(?:(?:was|were|is|are|been)\s+quick"
    r"|(?:goes|went|gone)\s+(?:so\s+far\s+as|out\s+of\s+(?:his|her|their|its)\s+way)"
    r"|(?:took|taken|takes|take)\s+to\s+(?:social\s+media|Twitter|Facebook|the\s+airwaves|TV)"
    r"|(?:is|are|was|were)\s+(?:[a-z]+ly\s+)?(?:more|less)\s+likely"  # (a poll's answers)
    r")\s+to\s+$"
)
ASPECTUAL_WINDOW = 40  # (`went out of his way to say`)
# `he’s predicting`: a pronoun with a contracted `is`, not a possessive
_CONTRACTED_IS = re.compile(r"(?<![\w’'])(?:he|she|it|who|that|there)[’']s\s+$", re.I)
_DETERMINER_WINDOW = 8


@dataclass
class Sentence:
    """What every stage reads about the sentence being processed."""

    text: str
    masked: str  # the text with quotations replaced by placeholders
    start: int
    end: int
    quotes: list[Quote]  # the quotations opening in the sentence
    found: list[Statement]  # statements found so far in this sentence
    nested: bool  # a sentence inside a quotation
    outer: Statement | None = None  # for a sentence inside a quotation: whose quotation


@dataclass
class Cue:
    """A cue candidate: a verb form (`said`), a source phrase or a possessive view."""

    kind: str  # "verb", "according", "view"
    start: int
    end: int
    form: str = ""  # the verb form as written, white space squashed, lower case
    base: str = ""  # its lexicon base form


@dataclass
class Site:
    """Where a verb cue's speaker is: the mention, where the cue clause starts, and whether
    the speaker comes after the verb (`said Peskov`)."""

    mention: Mention
    clause_start: int
    inverted: bool = False


def candidates(sent: Sentence, lex, index: CueIndex | None = None) -> list[Cue]:
    """Every cue candidate of the sentence, in text order (taken from `index` when it was
    built for the sentence's text)."""
    m, a, b = sent.masked, sent.start, sent.end
    if index is not None and index.text is m and index.covers(a, b):
        verbs, according, views = index.within(a, b)
    else:
        verbs = lex.verb_re.first_words(m, a, b)
        according = [(x.start(), x.end()) for x in SPEECH_NOUN_PHRASES.finditer(m, a, b)]
        views = [(x.start(), x.end()) for x in POSSESSIVE_VIEW.finditer(m, a, b)]
    cues = []
    for start, end, first in verbs:
        c = lex.verb_re.complete(m, start, end, first, b)
        if c is not None:
            # a one-word form is its first word, found lower-cased
            form = first if c.end == end else squash(m[c.start : c.end]).lower()
            cues.append(Cue("verb", c.start, c.end, form, lex.verb_forms.get(form, "")))
    cues += [Cue("according", s0, e0) for s0, e0 in according]
    cues += [Cue("view", s0, e0) for s0, e0 in views]
    cues.sort(key=lambda c: c.start)
    return cues


class CueIndex:
    """The cue candidates of a whole text, found in one pass: a sentence takes its own by
    bisection instead of scanning its span again (the extractor's sentences are many)."""

    def __init__(self, text: str, lex):
        self.text = text
        self.verbs = lex.verb_re.first_words(text)
        self.according = [(x.start(), x.end()) for x in SPEECH_NOUN_PHRASES.finditer(text)]
        self.views = [(x.start(), x.end()) for x in POSSESSIVE_VIEW.finditer(text)]
        self._starts = [[v[0] for v in self.verbs], [x[0] for x in self.according]]
        self._starts.append([x[0] for x in self.views])
        self._any_starts = sorted(x for starts in self._starts for x in starts)

    def covers(self, a: int, b: int) -> bool:
        """Whether [a, b) ends at a word's edge, so that a scan of the range alone finds what
        the whole text's scan found there (the patterns look one character past their end)."""
        return b == len(self.text) or not _WORD_EDGE.match(self.text, b)

    def has_none(self, a: int, b: int) -> bool:
        """Whether [a, b) surely holds no cue candidate (half of all sentences hold none: the
        extractor skips them)."""
        if not self.covers(a, b):
            return False
        k = bisect_left(self._any_starts, a)
        return k == len(self._any_starts) or self._any_starts[k] >= b

    def within(self, a: int, b: int):
        verb_starts, according_starts, view_starts = self._starts
        verbs = self.verbs[bisect_left(verb_starts, a) : bisect_left(verb_starts, b)]
        k = bisect_left(according_starts, a)
        according = self.according[k : bisect_left(according_starts, b, k)]
        k = bisect_left(view_starts, a)
        views = self.views[k : bisect_left(view_starts, b, k)]
        # a phrase may run past b in the whole text: such a one is not in the range
        return verbs, [x for x in according if x[1] <= b], [x for x in views if x[1] <= b]


# A number or a quantifier, maybe with one adjective, before a plural: `three states`, `Most
# Southern states`, `several news reports`
_COUNT_BEFORE = re.compile(
    r"(?<![\w’'])(?:\d[\d,]*|most|many|several|some|all|both|few|other|"
    + "|".join(sorted(NUMBER_WORDS))
    + r")\s+(?:[A-Za-z]+\s+)?$",
    re.IGNORECASE,
)
_COUNT_WINDOW = 30


def _counted_noun(m: str, a: int, cs: int) -> bool:
    """Whether the plural form of a verb that is also a noun (`states`, `reports`) at cs
    follows a number or a quantifier, as a noun does (`the three states that voted`)."""
    return _COUNT_BEFORE.search(m, max(a, cs - _COUNT_WINDOW), cs) is not None


# A negation right before a cue (`did not say`, `never said`, `At no point did we say`): what
# follows was not said. (`not only said`, `not just`: said, and more)
_NEGATED = re.compile(
    r"(?<![\w’'])(?:(?:not|never)(?:\s+(?!only\b|just\b|merely\b)[a-z]+ly)?|[a-z]+n[’']t"
    r"|at\s+no\s+(?:point|time)\s+(?:did|does|do|has|have|had)\s+[A-Za-z]+)\s+$",
    re.IGNORECASE,
)
_NEGATION_WINDOW = 40


def check_verb(sent: Sentence, cue: Cue) -> Rejection | None:
    """Whether the verb form is used as a verb of saying here."""
    m, a, cs = sent.masked, sent.start, cue.start
    if m[cs].isupper() and cs != a:
        return Rejection(reasons.CUE, reasons.CAPITALISED)
    if _NOUN_OR_INFINITIVE.search(m, max(a, cs - _DETERMINER_WINDOW), cs):
        before = max(a, cs - ASPECTUAL_WINDOW)
        if not (ASPECTUAL_TO.search(m, before, cs) or SPOKEN_TO.search(m, before, cs)):
            return Rejection(reasons.CUE, reasons.NOUN_OR_INFINITIVE)
    if cue.form == cue.base and _ANOTHER.search(m, max(a, cs - _DETERMINER_WINDOW), cs):
        return Rejection(reasons.CUE, reasons.NOUN_OR_INFINITIVE)  # `Yet another state we won`
    if cue.base in NOUN_VERBS and cue.form.endswith("s") and _counted_noun(m, a, cs):
        return Rejection(reasons.CUE, reasons.NOUN_OR_INFINITIVE)  # `the three states that`
    if _NEGATED.search(m, max(a, cs - _NEGATION_WINDOW), cs):
        return Rejection(reasons.CUE, reasons.NEGATED)  # `never said`, `did not say`
    if m[max(a, cs - 3) : cs].rstrip().endswith(("’s", "'s", "s’", "s'")):
        if not _CONTRACTED_IS.search(m, max(a, cs - _DETERMINER_WINDOW), cs):
            return Rejection(reasons.CUE, reasons.POSSESSIVE)
    return None
