"""Stage 5, content: what a cue reports, by an ordered table of content rules.

For a verb cue the rules are tried in the order of ``VERB_RULES``; the first that applies
decides (its content may still turn out empty). Source phrases (`according to X, ...`) and
possessive views (`In X’s view, ...`) have one rule each.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

from helpers.statements import reasons
from helpers.statements.cues import Cue, Sentence, Site
from helpers.statements.grammar import (
    ADJUNCT_STARTS,
    ADJUNCT_WORDS,
    CLAUSE_STARTERS,
    DATE_WORDS,
    FINITE_VERBS,
    NOT_CLAUSE_OPENERS,
    NOUN_VERBS,
    POSSESSIVE_DETERMINERS,
    PREPOSITIONS,
    QUANTITY_NOUNS,
    QUESTION_WORDS,
    SUBJECT_PRONOUNS,
    SUBORDINATORS,
    TIME_WORDS,
    is_number,
)
from helpers.statements.lexicon import Lexicons
from helpers.statements.quotes import PLACEHOLDER, Quote, quote_at
from helpers.statements.reasons import Rejection
from helpers.statements.shares import APPROXIMATORS
from helpers.statements.that_clause import addressee_end, plain_clause, that_start
from helpers.statements.words import (
    LazyTokens,
    is_cap,
    is_stop,
)

_ADJUNCT = "|".join(ADJUNCT_STARTS)
# `he said: “...”`, `told his radio audience on Monday, “...”` (a few words before the mark)
# (the words between a cue and its colon may hold a title's stop: `wrote of Ms. Merkel: “...”`)
_TITLE_STOP = "|".join(
    rf"(?<=\b{t})\." for t in ("Mr", "Mrs", "Ms", "Dr", "St", "Jr", "Sen", "Rep", "Gov")
)
_COLON_QUOTE = re.compile(
    rf"(?:(?:[^,:;.!?\x00]|{_TITLE_STOP}|(?<=\b[A-Z])\.){{0,40}}(?<=\w))?\s*[:,]\s*(\x00+)"
)
# `..., Peskov said.` / `..., Ostrova told reporters after the meeting.`
_ENDS_CLAUSE = re.compile(rf"(?:(?:{_ADJUNCT})\b[^,;:\x00]*?)?[\s.!?…]*$", re.IGNORECASE)
_QUANTITY = re.compile(r"at (?:least|most)\b", re.IGNORECASE)  # a clause's subject, no adjunct
_TRAILING_MORE = re.compile(
    r",\s*(?:[A-Z][\w.]*\s+){1,4}(?:reports?|reported|says|said|writes|wrote)\b"
    rf"|(?:(?:{_ADJUNCT})\b[^,;:\x00]*?)?,\s*(?:\w+ing|and|also|who|which|as|but|while|when"
    r"|after|before|even|according)\b"
    r"|,\s*\d+\s*,"
)
# `“A,” he said on Tuesday, “B.”`: the second quotation of an interrupted quote
# (`he said of the plan, “B.”`, `she said with a laugh, “B.”`: a phrase about the saying)
# (`he said during a rally in Kenansville, N.C., “B”`, `he said, referring to the excuse,
# “B”`, `he said, but “B”`)
_INTERRUPTED = re.compile(
    rf"(?:(?:{_ADJUNCT}|of|about|with|to|via|by)\b[^;:\x00]{{0,60}}?|,\s+[a-z]+ing\b[^;:\x00]{{0,60}}?)?"
    r",\s*(?:(?:but|and)\s+)?(\x00+)",
    re.I,
)
_ADJUNCT_COMMA = re.compile(rf"(?:{_ADJUNCT})\b[^,;:\x00]{{0,30}},", re.IGNORECASE)
_AS_BEFORE = re.compile(r"(?<![\w’'])[Aa]s\s+(?:[^\x00.;]{0,50}?)$")
_AS_CLAUSE = re.compile(r"[^,;:\x00]{0,30},")
_EDGE = " ,;:—–-\n"
_NON_SPACE = re.compile(r"\S")  # where the first phrase token after a cue starts
# Between a quotation and the speaker phrase after it: up to six words that modify the
# speaker (`lead researcher and`, `the 14th-ranked`), with no comma or clause.
_SPEAKER_MODIFIERS = re.compile(r"[,]?\s+(?:[\w’'.-]+\s+){1,6}")
# How many words after a cue a plain clause's verb is looked for (`suggested the most likely
# reason residents stay is fear`, `said about half of the higher adjustment in its deficit
# projections reflected`); 9 missed such subjects, 12 and 15 find the same on PolNeAR train.
_CLAUSE_WINDOW = 12
# a relative word, and maybe a role's words, right before a speaker (`what host ...`)
_RELATIVE_BEFORE = re.compile(r"(?<![\w’'])(?:what|that|which)\s+(?:[a-z]+\s+){0,2}$")
_WHAT_BEFORE = re.compile(r"(?<![\w’'])[Ww]hat(?:ever)?\s+$")  # a free relative's speaker
# How far after a tell verb its addressee and content are read.
_OBJECT_WINDOW = 140
# A clause before a trailing cue needs at least this many words (or a quotation).
_MIN_TRAILING_WORDS = 4
# A lead-in before a quotation that a cue after it still covers (`Still, “...,” he said`).
_MAX_LEAD_WORDS = 4
# Lead-in words that only link a quotation to what came before (`But “...,” he said`).
_LEAD_CONNECTIVES = frozenset("and but so yet still also now then indeed instead or".split())
_AS_WINDOW = 60
# The object of a predicative cue has at most this many tokens (`called the new ferry plan`).
_MAX_OBJECT_TOKENS = 6
# `asked the 2016 Democratic White House contender whether`: the person asked is this short
_QUESTION_WINDOW = 9
_NOT_AN_OBJECT = frozenset("for on off up back out in that to at and or but".split())
_CLAUSE_PUNCTUATION = frozenset(",;:.!?")
# The object before `to` has at most this many tokens (`told state elections officials to`).
_MAX_TO_OBJECT_TOKENS = 4
# Words after `to` that open no infinitive (`urged the council to the vote`).
_NOT_INFINITIVES = frozenset("the a an his her its their this that these those".split())
# The words a noun-phrase content opens with (`announced a plan`, `its decision`, `plans to`),
# besides numbers and capitalised words; and the words that end it (`... because`).
_NOUN_PHRASE_OPENERS = POSSESSIVE_DETERMINERS | frozenset("the a an these those plans".split())
_NOUN_PHRASE_ENDS = frozenset("because when while after before since although though but".split())


@dataclass
class Span:
    """Content from start to end (its kind is decided from the quotations inside it)."""

    start: int
    end: int


@dataclass
class Direct:
    """Content from the first quotation's content to the last one's."""

    first: Quote
    last: Quote


Content = Span | Direct


class VerbContent:
    """The content rules of one verb cue, over what stands around it."""

    def __init__(self, sent: Sentence, cue: Cue, site: Site, lex: Lexicons):
        self.sent, self.cue, self.site, self.lex = sent, cue, site, lex
        m, b = sent.masked, sent.end
        clause_end = site.mention.end if site.inverted else cue.end
        self._window = (clause_end, min(b, clause_end + _OBJECT_WINDOW))
        if cue.base in lex.tell_verbs:
            self.k = addressee_end(self.toks, cue.base, lex)
            after_obj = self.toks[self.k][0] if self.k < len(self.toks) else b
        else:  # no addressee: the first token starts at the first non-space in the window
            self.k = 0
            first = _NON_SPACE.search(m, *self._window)
            after_obj = first.start() if first else b
        rest = m[after_obj:b]
        self.rest = rest.lstrip()  # what follows the cue (and its addressee)
        self.rest_at = after_obj + (len(rest) - len(self.rest))
        self.prev = sent.found[-1] if sent.found else None
        lo = sent.start
        if self.prev is not None and self.prev.end <= site.clause_start and not self.prev.nested:
            lo = max(lo, self.prev.end)  # after the statement before it in the sentence
        self.lo = lo
        self.left = m[lo : site.clause_start].rstrip()  # what precedes the cue clause
        self.left_core = self.left.strip(_EDGE)

    @cached_property
    def toks(self) -> LazyTokens:
        """The phrase tokens after the cue clause (up to _OBJECT_WINDOW characters), made as
        far as the rules read them (the quotation rules never do, `that` is often first)."""
        return LazyTokens(self.sent.masked, *self._window)

    def relayed(self) -> bool:
        """`..., Peskov told reporters, TASS reports`: the outlet only relays."""
        return (
            self.cue.base in self.lex.relay_verbs
            and self.prev is not None
            and self.sent.masked[self.sent.start : self.site.clause_start].rstrip().endswith(",")
        )

    def predicative(self) -> Content | None:
        """`called the plan “a disgrace”`, `called it a sham`, `described the rules as
        unworkable`, `accused the board of lying`: the object and the predicate (verb frames,
        data/lexicons/verb_frames.txt)."""
        frames = self.lex.frames.get(self.cue.base)
        if not frames or self.site.inverted or not self.toks:
            return None
        toks = self.toks
        for n, (_s0, _e0, t) in enumerate(toks[: _MAX_OBJECT_TOKENS + 1]):
            low = t.lower()
            if n == 0 and low in _NOT_AN_OBJECT:
                return None  # `called for`, `called on the council to`, `called off`
            if n == 0 and low == "as" and "as" in frames and len(toks) > 1 and self._gap():
                return Span(toks[1][0], self._predicate_end(1))
            if n and "as" in frames and low == "as" and n + 1 < len(toks):
                return Span(toks[0][0], self._predicate_end(n + 1))
            if n and "name" in frames and (t.startswith(PLACEHOLDER) or low in ("a", "an")):
                return Span(toks[0][0], self._predicate_end(n))
            if n and "of" in frames and low == "of" and n + 1 < len(toks):
                return Span(toks[0][0], self._predicate_end(n + 1))  # `accused X of Y`
            if n and "to" in frames and low == "to" and self._object_to(n):
                return Span(toks[0][0], self._predicate_end(n + 1))  # `urged X to delay Y`
            if n and t == "," and "of" in frames:
                continue  # `accused Braun, Borchetta and the label of ...`: a list
            if t in _CLAUSE_PUNCTUATION or t.startswith(PLACEHOLDER):
                return None
        return None

    def _gap(self) -> bool:
        """Whether the object went before the speaker (`in what host Tom Bergeron described as
        the “hardest verdict”`, `a payout that Cooperman described as`): the predicate is
        the content."""
        return (
            _RELATIVE_BEFORE.search(self.sent.masked, self.lo, self.site.mention.start) is not None
        )

    def _object_to(self, n: int) -> bool:
        """Whether the `to` at token n follows an object and opens an infinitive: `told his
        advisers to find`; not `told the committee he tried to work` (a clause before it) nor
        `to the council`."""
        if n + 1 >= len(self.toks) or n > _MAX_TO_OBJECT_TOKENS:
            return False
        if any(
            _APOSTROPHE.split(t.lower())[0] in SUBJECT_PRONOUNS
            or t.lower() in SUBORDINATORS
            or (t.endswith("ed") and len(t) > 3)
            or not t[0].isalnum()
            for _s, _e, t in self.toks[:n]
        ):
            return False
        word = self.toks[n + 1][2]
        return word.isalpha() and word.islower() and word not in _NOT_INFINITIVES

    def _predicate_end(self, n: int) -> int:
        """Where a predicate starting at token n ends: its quotation, or the clause."""
        t = self.toks[n]
        if t[2].startswith(PLACEHOLDER):
            return t[1]
        for k, (s0, _e0, w) in enumerate(self.toks[n:], start=n):
            if w in _CLAUSE_PUNCTUATION:
                return s0
            if w.startswith(PLACEHOLDER) and k > n:
                return self.toks[k][1]  # `called Burma a “good news story”`
        return self.sent.end

    def quote_first(self) -> Content | None:
        """`“A,” Peskov said.` / `“A,” said Ostrova, who ...` / `“A,” he said, “B.”`"""
        sent, m, lo = self.sent, self.sent.masked, self.lo
        before_q = [q for q in sent.quotes if lo <= q.open and q.close <= self.site.clause_start]
        if not before_q:
            return None
        if not self.left_core.endswith(PLACEHOLDER):
            # `“A,” lead researcher and NASA scientist Lucas Pagan said`, `“A,” the
            # 14th-ranked Schwarzer said`: a few modifiers of the speaker, no clause
            gap = m[before_q[-1].close : self.site.clause_start]
            if not _SPEAKER_MODIFIERS.fullmatch(gap) or any(
                w.lower() in self.lex.verb_forms for w in gap.split()
            ):
                return None
        first_q = last_q = before_q[-1]
        for q in reversed(before_q[:-1]):
            if m[q.close : first_q.open].strip(_EDGE):
                break
            first_q = q
        lead = m[lo : first_q.open].strip(" \n")
        if (
            lead
            and not lead.endswith((",", ":", "—"))
            and (
                len(lead.split()) > _MAX_LEAD_WORDS
                or not all(w.lower() in _LEAD_CONNECTIVES for w in lead.split())
            )
        ):
            # `The plan was “a disgrace,” Berg said`: the narration is part of the reported
            # clause (mixed), which the trailing-cue rule takes whole
            return None
        mint = _INTERRUPTED.match(self.rest)
        if mint and not any(
            w.lower().strip(",") in self.lex.verb_forms for w in self.rest[: mint.start(1)].split()
        ):  # (`said, adding, “B”`, `though he said, “B”`: B has a cue of its own)
            q2 = quote_at(sent.quotes, self.rest_at + mint.start(1))
            if q2 is not None:
                last_q = q2
        return Direct(first_q, last_q)

    def beside_quote(self) -> Content | None:
        """`“A,” she continued.`, `He continued: “A”`: a quotation before the cue, or after
        it and a colon or comma (the frame `quote`: the verb is a cue only there)."""
        found = self.quote_first()
        if found is not None:
            return found
        mcol = _COLON_QUOTE.match(self.rest)
        q = quote_at(self.sent.quotes, self.rest_at + mcol.start(1)) if mcol else None
        return Span(q.open, q.close) if q is not None else None

    def colon_quote(self) -> Content | None:
        """`he said: “...”`, `he said: the talks ...`"""
        mcol = _COLON_QUOTE.match(self.rest)
        if mcol:
            q = quote_at(self.sent.quotes, self.rest_at + mcol.start(1))
            if q is not None:
                return Span(q.open, q.close)
        if self.rest.startswith(":"):
            return Span(self.rest_at + 1, self.sent.end)
        return None

    def comma_clause(self) -> Content | None:
        """`He says, there are a lot of people who never get listened to.`: a plain clause
        after the verb and a comma (a verb that may drop `that`)."""
        if (
            self.site.inverted
            or self.cue.base not in self.lex.zero_that
            or _WHAT_BEFORE.search(self.sent.masked, self.sent.start, self.site.mention.start)
            or not self._clause_after_comma()
        ):
            return None  # (`No matter what I say, I was going to`: no statement)
        return Span(self.toks[self.k + 1][0], self.sent.end)

    def quote_after(self) -> Content | None:
        """`said “...”`: a quotation right after the verb."""
        if self.rest.startswith(PLACEHOLDER) and not self.site.inverted:
            return Span(self.rest_at, self.sent.end)
        return None

    def that_clause(self) -> Content | None:
        """`said that ...`, `said on Tuesday that ...`, `announced Nov. 18 that ...`, `told X of Y
        that ...`, `said, however, that ...`, `said if elected ...` (stage module that_clause)"""
        if self.site.inverted:
            return None
        start = that_start(self.toks, self.k, self.cue.base, self.lex)
        return Span(start, self.sent.end) if start is not None else None

    def question(self) -> Content | None:
        """`asked Sanders whether ...`, `asked the workers if ...`: an indirect question after
        the person asked (verbs with the frame `question`, data/lexicons/verb_frames.txt)."""
        if "question" not in self.lex.frames.get(self.cue.base, ()) or self.site.inverted:
            return None
        for s0, _e0, t in self.toks[:_QUESTION_WINDOW]:
            low = t.lower()
            if low in QUESTION_WORDS:
                return Span(s0, self.sent.end)
            if t in _CLAUSE_PUNCTUATION or t.startswith(PLACEHOLDER) or low in ("that", "to"):
                return None
            if low in self.lex.verb_forms:
                return None
        return None

    def trailing_cue(self) -> Content | None:
        """`A, Peskov said.`: the clause before the cue clause."""
        ends_clause = (
            (_ENDS_CLAUSE.match(self.rest) is not None and not _QUANTITY.match(self.rest))
            or (_TRAILING_MORE.match(self.rest) and not self._gerund_clause())
            or (self.site.inverted and self.rest.startswith(","))
        )
        if not (
            ends_clause
            and self.left.endswith((",", PLACEHOLDER))
            and (
                PLACEHOLDER in self.left_core or len(self.left_core.split()) >= _MIN_TRAILING_WORDS
            )
        ):
            return None
        end = len(self.left) + self.lo - (1 if self.left.endswith(",") else 0)
        return Span(self.lo, end)

    def _clause_after_comma(self) -> bool:
        """Whether a comma follows the cue and a plain clause the comma."""
        toks, k = self.toks, self.k
        return (
            k + 1 < len(toks)
            and toks[k][2] == ","
            and plain_clause(toks[k + 1 : k + 1 + _CLAUSE_WINDOW], self.lex)
        )

    def _gerund_clause(self) -> bool:
        """`A, he said, replacing Clinton would be acrimonious`: after the comma a clause whose
        subject is an -ing form goes on with the content (not `, adding that`)."""
        return self._clause_after_comma() and self.toks[self.k + 1][2].endswith("ing")

    def as_clause(self) -> Content | None:
        """`As Peskov said, A, ...`: the clause after the comma."""
        m, a = self.sent.masked, self.sent.start
        mas = _AS_CLAUSE.match(self.rest)
        ph = self.site.mention
        if not (mas and _AS_BEFORE.search(m, max(a, ph.start - _AS_WINDOW), ph.start)):
            return None
        c0 = self.rest_at + mas.end()
        stop = m.find(",", c0, self.sent.end)
        return Span(c0, stop if stop > 0 else self.sent.end)

    def interrupted(self) -> Content | None:
        """`A, Mayer said, and B`: the cue interrupts its content."""
        if (
            self.left.endswith(",")
            and self.left_core
            and (self.rest.startswith(",") or _ADJUNCT_COMMA.match(self.rest))
            and not self.sent.nested
        ):
            return Span(self.lo, self.sent.end)
        return None

    def _clause_from(self, j: int) -> bool:
        """Whether a plain clause starts at token j, after a cue that may drop `that`."""
        lex, toks = self.lex, self.toks
        base = self.cue.base
        return (
            j < len(toks)
            and (base in lex.zero_that or base in lex.clause_that)
            and toks[j][2][0].isalpha()
            and plain_clause(toks[j : j + _CLAUSE_WINDOW], lex)
        )

    def noun_phrase(self) -> Content | None:
        """`announced a new ferry timetable`, `acknowledged the risks on Monday`: a noun phrase
        as the whole content, to the end of its clause (verbs with the frame `object`,
        data/lexicons/verb_frames.txt; borderline in the guideline, which gold marks optional).
        Tried last: a quotation, `that` or a clause after the verb comes first."""
        if "object" not in self.lex.frames.get(self.cue.base, ()) or self.site.inverted:
            return None
        toks, k = self.toks, self.k
        if not toks[k:]:
            return None
        first = toks[k][2]
        low = first.lower()
        opens_phrase = (
            low in _NOUN_PHRASE_OPENERS
            or first[0].isdigit()
            or first[0] == "$"
            or (first[0].isupper() and low not in TIME_WORDS and low not in DATE_WORDS)
        )
        if not opens_phrase:
            return None  # `announced on Monday`, `noted how ...`, `stressed it`
        end = None
        for j in range(k + 1, len(toks)):
            s0, _e0, w = toks[j]
            if w in _CLAUSE_PUNCTUATION or w.lower() in _NOUN_PHRASE_ENDS:
                end, n = s0, j - k
                break
        else:
            if toks[len(toks) - 1][1] < self.sent.end - 1:
                return None  # the clause runs past the window: no noun phrase is that long
            end, n = self.sent.end, len(toks) - k
        return Span(toks[k][0], end) if n >= 2 else None  # `announced Smith.`: no content

    def zero_that(self) -> Content | None:
        """`said he would go`, `said after the talks they would`: content without `that`."""
        toks, k, lex = self.toks, self.k, self.lex
        if not toks[k:] or self.site.inverted:
            return None
        if toks[k][2].lower() in ADJUNCT_WORDS:
            # (`lied on the form she filled out`: only a verb that may drop `that` goes on)
            clause_verb = self.cue.base in lex.zero_that or self.cue.base in lex.clause_that
            nxt = toks[k + 1][2].lower() if k + 1 < len(toks) else ""
            if self.cue.base in lex.zero_that and nxt in FINITE_VERBS and len(toks) - k >= 4:
                return Span(toks[k][0], self.sent.end)  # `said this was a mistake`
            for n, (s0, _e0, t) in enumerate(toks[k : k + 6]):
                if not t[0].isalnum() or t.lower() in SUBORDINATORS or t.lower() in lex.verb_forms:
                    break
                own = _APOSTROPHE.split(t.lower())[0]  # `tonight he’s a step closer`: he
                if n and own in SUBJECT_PRONOUNS and len(toks) - (k + n) >= 3 and clause_verb:
                    return Span(s0, self.sent.end)
                if t.lower() in TIME_WORDS and self._clause_from(k + n + 1):
                    # `said on Monday the`, `said Tuesday his actions were`
                    return Span(toks[k + n + 1][0], self.sent.end)
        t0 = toks[k][2]
        w0 = _APOSTROPHE.split(t0.lower())[0]
        long_enough = sum(3 if t[2][0] == PLACEHOLDER else 1 for t in toks[k : k + 3]) >= 3
        # (`writing custom apps`, `adding fuel`, `telling customers at ...`: an -ing form
        # other than `saying` takes an object as often as a clause)
        bare_clause = self.cue.base in lex.zero_that and (
            self.cue.base == "say" or not self.cue.form.endswith("ing")
        )
        owner = t0.lower() != w0 and w0 not in SUBJECT_PRONOUNS  # `Thursday's speeches`
        if long_enough and (
            w0 in SUBJECT_PRONOUNS
            or w0 == "it"
            or (
                bare_clause
                and t0[0].isalpha()
                and w0 not in PREPOSITIONS
                and (w0 not in ADJUNCT_WORDS or owner)
                and w0 not in NOT_CLAUSE_OPENERS
                and w0 not in SUBORDINATORS
                and not (is_cap(t0) and is_stop(t0, lex) and w0 not in CLAUSE_STARTERS)
            )
        ):
            return Span(toks[k][0], self.sent.end)
        noun_like = self.cue.base in NOUN_VERBS and not self.cue.form.endswith("ed")
        if bare_clause and t0[0].isdigit() and plain_clause(toks[k : k + _CLAUSE_WINDOW], lex):
            return Span(toks[k][0], self.sent.end)  # `said 2,093 of the files were redacted`
        if (
            bare_clause
            and w0 in APPROXIMATORS
            and k + 1 < len(toks)
            and (is_number(toks[k + 1][2]) or toks[k + 1][2].lower() in QUANTITY_NOUNS)
            and plain_clause(toks[k + 1 : k + 1 + _CLAUSE_WINDOW], lex)
        ):
            return Span(toks[k][0], self.sent.end)  # `said about half of the rise reflects`
        if (
            self.cue.base in lex.clause_that
            and not noun_like  # `state attorney general`, `news reports`: nouns
            and plain_clause(toks[k : k + _CLAUSE_WINDOW], lex)
        ):
            return Span(toks[k][0], self.sent.end)  # `Simpson suggested the reason was fear`
        return None


# The content rules of a verb cue, in the order they are tried: (name, rule).
VERB_RULES = (
    ("object and predicate (a verb frame)", VerbContent.predicative),
    ("quotation first", VerbContent.quote_first),
    ("colon or comma before a quotation", VerbContent.colon_quote),
    ("quotation after the verb", VerbContent.quote_after),
    ("that-clause", VerbContent.that_clause),
    ("indirect question", VerbContent.question),
    ("trailing cue", VerbContent.trailing_cue),
    ("as-clause", VerbContent.as_clause),
    ("interrupted clause", VerbContent.interrupted),
    ("clause without that", VerbContent.zero_that),
    ("clause after a comma", VerbContent.comma_clause),
    ("noun phrase (a verb frame)", VerbContent.noun_phrase),
)


def verb_content(sent: Sentence, cue: Cue, site: Site, lex: Lexicons) -> Content | Rejection:
    """The content of a verb cue, by the first content rule that applies."""
    rules = VerbContent(sent, cue, site, lex)
    if rules.relayed():
        return Rejection(reasons.CONTENT, reasons.RELAY)
    if cue.base in lex.frame_only:  # `called the police`: a cue only in its frames
        found = rules.predicative()
        if found is None and "quote" in lex.frames.get(cue.base, ()):
            found = rules.beside_quote()  # `“...,” she continued.`
        return found if found is not None else Rejection(reasons.CONTENT, reasons.NO_FRAME)
    for _name, rule in VERB_RULES:
        found = rule(rules)
        if found is not None:
            return found
    return Rejection(reasons.CONTENT, reasons.NO_CONTENT_RULE)


# an apostrophe, which ends a contracted pronoun (`he’s`) or a possessive's owner
_APOSTROPHE = re.compile(r"[’']")
