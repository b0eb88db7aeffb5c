"""The passes: quotations → sections → sentences → cues → speaker → content → records;
then floating quotes (a quoted sentence continuing the previous speaker) and statements
nested inside quotations.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, replace

from helpers.article import Article
from helpers.statements import reasons
from helpers.statements.clause_end import clause_end
from helpers.statements.content import Direct, Span, verb_content
from helpers.statements.content_sources import according_site, view_site
from helpers.statements.cues import (
    Cue,
    CueIndex,
    Sentence,
    candidates,
    check_verb,
)
from helpers.statements.grammar import CONTEXT_STARTERS
from helpers.statements.lexicon import lexicons
from helpers.statements.people import Registry
from helpers.statements.phrases import Mention
from helpers.statements.pipeline_passes import LaterPasses
from helpers.statements.quotes import (
    CLOSING_COMMA,
    Quote,
    find_quotes,
    mask,
    quotes_in,
    recover,
    sections,
)
from helpers.statements.reasons import Rejection
from helpers.statements.records import Speaker, Statement, content_kind, trim_end, trim_start
from helpers.statements.resolve import Resolver
from helpers.statements.sentences import split_sentences
from helpers.statements.sites import speaker_site
from helpers.statements.words import squash

_FIRST_TOKEN = re.compile(r"\W*(\w+)")
# a cue after a clause boundary starts a new clause of the sentence, not a nested one
_CLAUSE_BOUNDARY = re.compile(r"(?:[,;—–]|\s-+)\s*(?:and|but|while|whereas)?\s*$")
_COORD_BEFORE = re.compile(r"(?:,|,?\s+and|,\s+also)\s*$")
# a comma inside a quotation's closing mark (`Speaking on ABC’s “This Week,” Carson said`)
_COMMA_THEN_MARK = re.compile(r",[”\"’'»]")
_BOUNDARY_WINDOW = 12
# a dash that opens or closes an aside (`Lind — who said A — left`, `Lind - who said A - left`)
_ASIDE_DASH = re.compile(r"[—–]|\s--?\s")


@dataclass
class Decision:
    """What happened to one cue candidate (for explain_statements)."""

    sentence_start: int
    sentence_end: int
    cue_start: int
    cue_end: int
    stage: str
    decision: str
    reason: str
    statement: Statement | None = None


def _reports_them(st: Statement, earlier: list[Statement]) -> bool:
    """Whether a trailing cue's statement (`..., the source added.`) holds the earlier
    statements of its sentence whole, cue and all: it reports them."""
    if st.cue_start is None or st.end > st.cue_start or st.kind != "indirect":
        return False
    if st.cue.lower().startswith("according"):
        return False  # `X reported ..., according to Y`: X's report stands
    return all(
        f.cue_start is not None and st.start <= f.cue_start and f.end <= st.end and not f.nested
        for f in earlier
    )


class Extractor(LaterPasses):
    """The statements of one article. With ``trace=True`` every cue candidate's decision is
    kept in ``decisions``."""

    def __init__(self, article: Article, trace: bool = False):
        self.article = article
        self.text = article.text
        self.lex = lexicons()
        self.reg = Registry(article, self.lex)
        self.resolver = Resolver(self.text, self.reg, self.lex)
        pars = article.paragraphs
        self._par_starts = [p.start for p in pars]
        self._par_ends = [p.end for p in pars]
        self._par_numbers = [p.index for p in pars]
        self.quotes: list[Quote] = []
        self._opens: list[int] = []
        self._inner: tuple[str, dict[int, list[Quote]]] | None = None
        self._cues: CueIndex | None = None  # the article's cue candidates, found in one pass
        self.decisions: list[Decision] | None = [] if trace else None
        self._spoken_pars: set[int] = set()  # paragraphs holding a top-level statement
        self._last_top: Statement | None = None

    # ---- the passes
    def run(self) -> list[Statement]:
        text, lex = self.text, self.lex
        pars = [(b.start, b.end) for b in self.article.paragraphs]
        self.quotes = [recover(text, q, lex.verb_re) for q in find_quotes(text, pars)]
        self._opens = [q.open for q in self.quotes]
        self.resolver.quote_opens = self._opens
        self.resolver.quote_closes = [q.close for q in self.quotes]
        masked = mask(text, self.quotes)
        self.resolver.masked = masked
        self._cues = CueIndex(masked, lex)  # (a quotation's inner sentences scan their own)
        out: list[Statement] = []
        for lo, hi, qs in sections(pars, self.quotes):
            for a, b in split_sentences(text, masked, lo, hi, qs, lex):
                self.resolver.sentence_starts.append(a)
                sq = self.quotes_in(a, b)
                if self._cues.has_none(a, b):
                    found = []  # no cue candidate: nothing for the sentence's stages to do
                else:
                    found = self.sentence(Sentence(text, masked, a, b, sq, [], False))
                if not found and sq:
                    self.floating(masked, a, b, sq, out)
                for st in found:
                    self._add(out, st)
        nested = self.nested_statements(out)
        every = out + nested
        every.sort(key=lambda s: (s.start, s.nested))
        return every

    def _add(self, out: list[Statement], st: Statement) -> None:
        out.append(st)
        if not st.nested:
            self._spoken_pars.add(st.paragraph)
            self._last_top = st

    def quotes_in(self, a: int, b: int) -> list[Quote]:
        return quotes_in(self.quotes, self._opens, a, b)

    def _par_index(self, at: int) -> int:
        """The index of the paragraph holding an offset (-1 outside paragraphs)."""
        k = bisect_right(self._par_starts, at) - 1
        return k if k >= 0 and at < self._par_ends[k] else -1

    def paragraph_at(self, at: int) -> int:
        """The paragraph number of an offset (0 outside paragraphs)."""
        k = self._par_index(at)
        return self._par_numbers[k] if k >= 0 else 0

    def _par_start(self, at: int) -> int:
        k = self._par_index(at)
        return self._par_starts[k] if k >= 0 else -1

    # ---- one sentence
    def sentence(self, sent: Sentence) -> list[Statement]:
        """Every statement cued in one sentence."""
        first = _FIRST_TOKEN.match(sent.masked, sent.start, sent.end)
        ctx_end = sent.start
        if first and first.group(1).lower() in CONTEXT_STARTERS:
            comma = sent.masked.find(",", sent.start, sent.end)
            # (`Speaking Sunday on ABC’s “This Week,” Carson admitted`: the comma inside the
            # quotation's closing mark ends the scene-setting clause)
            quoted = _COMMA_THEN_MARK.search(
                self.text, sent.start, comma if comma >= 0 else sent.end
            )
            if quoted is not None:
                comma = quoted.start()
            ctx_end = comma if comma >= 0 else sent.start
        nested_found: list[Statement] = []
        for cue in candidates(sent, self.lex, self._cues):
            if cue.start < ctx_end and cue.kind == "verb":
                self._decide(sent, cue, Rejection(reasons.CUE, reasons.CONTEXT_CLAUSE))
                continue
            st = self._candidate(sent, cue)
            self._decide(sent, cue, st)
            if isinstance(st, Rejection):
                continue
            if st.nested and not sent.nested:
                nested_found.append(st)
                continue
            self._trim_previous(sent, st)
            overlapping = [f for f in sent.found if st.start < f.end and f.start < st.end]
            if overlapping and _reports_them(st, overlapping):
                # `Clinton had told police that ..., the source added`: the source reports
                # what Clinton told; her statement is nested in the source's
                for f in overlapping:
                    sent.found.remove(f)
                    f.nested = True
                    nested_found.append(f)
            elif overlapping:
                self._retract(st, reasons.OVERLAP)  # `according to according to X`
                continue
            sent.found.append(st)
        for st in sent.found:
            if st.end <= st.start:
                self._retract(st)
        res = [s for s in sent.found if s.end > s.start] + nested_found
        if not sent.nested:
            for st in res:
                if not st.nested and st.speaker_kind != "unknown":
                    speaker = Speaker(st.speaker, st.role, st.speaker_kind)
                    self.resolver.remember(speaker, st.mention_start)
                    self.resolver.learn_gender(st)
        return res

    def _candidate(self, sent: Sentence, cue: Cue) -> Statement | Rejection:
        if cue.kind == "according":
            return self.according_statement(sent, cue)
        if cue.kind == "view":
            return self.view_statement(sent, cue)
        st = self.verb_statement(sent, cue)
        prev = sent.found[-1] if sent.found else None
        before = max(sent.start, cue.start - _BOUNDARY_WINDOW)
        inner = (
            prev is not None
            and prev.start < cue.start < prev.end
            and not _COORD_BEFORE.search(sent.masked, before, cue.start)
            and not CLOSING_COMMA.search(self.text, before, cue.start)
        )
        if (
            isinstance(st, Statement)
            and inner
            and not sent.nested
            and not _CLAUSE_BOUNDARY.search(
                sent.masked, max(sent.start, st.clause_start - _BOUNDARY_WINDOW), st.clause_start
            )
        ):
            # inside a reported clause and not a new clause of the sentence: nested
            inside = replace(sent, nested=True)
            st = self.verb_statement(inside, cue)
        return st

    def _trim_previous(self, sent: Sentence, st: Statement) -> None:
        """A statement whose cue clause starts inside the previous one's content ends it."""
        if not sent.found:
            return
        prev = sent.found[-1]
        if not (prev.end > st.clause_start and prev.start < st.clause_start):
            return
        quoted = CLOSING_COMMA.search(
            self.text, max(prev.start, st.clause_start - _BOUNDARY_WINDOW), st.clause_start
        )
        if quoted is not None:
            end = quoted.end()  # the quotation with its comma: `“saved the ferry,”`
        else:
            cut = sent.masked.rfind(",", prev.start, st.clause_start)
            end = cut if cut > prev.start else st.clause_start
        prev.end = trim_end(self.text, prev.start, end)
        prev.text = self.text[prev.start : prev.end]
        prev.kind = content_kind(sent.quotes, prev.start, prev.end, prev.kind)

    # ---- the three kinds of cue
    def verb_statement(self, sent: Sentence, cue: Cue) -> Statement | Rejection:
        rejected = check_verb(sent, cue)
        if rejected is not None:
            return rejected
        if sent.nested:  # quotations inside the quotation, found afresh
            sent = replace(sent, quotes=find_quotes(self.text, [(sent.start, sent.end)]))
        site = speaker_site(sent, cue, self.lex)
        if isinstance(site, Rejection):
            return site
        content = verb_content(sent, cue, site, self.lex)
        if isinstance(content, Rejection):
            return content
        return self.build(sent, cue, site.mention, site.clause_start, content)

    def according_statement(self, sent: Sentence, cue: Cue) -> Statement | Rejection:
        found = according_site(sent, cue, self.lex)
        if isinstance(found, Rejection):
            return found
        mention, content, clause_start = found
        return self.build(self._top_quotes(sent), cue, mention, clause_start, content)

    def view_statement(self, sent: Sentence, cue: Cue) -> Statement | Rejection:
        found = view_site(sent, cue)
        if isinstance(found, Rejection):
            return found
        written, spoken, content = found
        top = self._top_quotes(sent)
        return self.build(top, cue, written, cue.start, content, speaker_of=spoken)

    def _top_quotes(self, sent: Sentence) -> Sentence:
        """The sentence with the article's top-level quotations in it (source phrases and
        views read their kind from these, inside a quotation too)."""
        quotes = self.quotes_in(sent.start, sent.end)
        return Sentence(
            sent.text,
            sent.masked,
            sent.start,
            sent.end,
            quotes,
            sent.found,
            sent.nested,
            sent.outer,
        )

    # ---- records
    def build(
        self,
        sent: Sentence,
        cue: Cue,
        mention: Mention,
        clause_start: int,
        content: Span | Direct,
        speaker_of: Mention | None = None,
    ) -> Statement | Rejection:
        """The statement record once its content span is settled: resolve the speaker."""
        bounds = self._bounds(sent, cue, mention, content)
        if isinstance(bounds, Rejection):
            return bounds
        s, e, kind = bounds
        text = self.text
        speaker = self.resolver.resolve(speaker_of or mention, sent.nested)
        if (
            sent.outer is not None
            and mention.kind == "pronoun"
            and mention.text.lower() in ("i", "we")
        ):
            outer = sent.outer  # `I` in a quotation: the quotation's speaker
            speaker = Speaker(outer.speaker, outer.role, outer.speaker_kind)
        return Statement(
            speaker=speaker.name,
            role=speaker.role,
            mention=mention.text,
            mention_start=mention.start,
            mention_end=mention.end,
            kind=kind,
            cue=squash(text[cue.start : cue.end]),
            cue_start=cue.start,
            cue_end=cue.end,
            text=text[s:e],
            start=s,
            end=e,
            paragraph=self.paragraph_at(s),
            nested=sent.nested,
            clause_start=clause_start,
            phrase=mention,
            speaker_kind=speaker.kind,
        )

    def _bounds(
        self, sent: Sentence, cue: Cue, mention: Mention, content: Span | Direct
    ) -> tuple[int, int, str] | Rejection:
        """(start, end, kind) of the statement's text: trimmed, and its kind from the
        quotations inside it."""
        text = self.text
        if isinstance(content, Direct):
            s = trim_start(text, content.first.start, content.last.end)
            e = trim_end(text, s, content.last.end, keep_stop=True)
            return (s, e, "direct") if e > s else Rejection(reasons.CONTENT, reasons.EMPTY_CONTENT)
        s = trim_start(text, content.start, content.end)
        end = content.end
        if content.start >= cue.end:  # reported after the cue: it ends with its clause
            end = self._reported_end(sent, cue, mention, s, end)
        elif end > cue.end:  # `A, North Korea said, B, although ...`: B ends with its clause
            end = clause_end(sent.masked, cue.end, end, self.lex)
        e = trim_end(text, s, end)
        if e <= s:
            return Rejection(reasons.CONTENT, reasons.EMPTY_CONTENT)
        inside = [q for q in sent.quotes if q.open < e and q.close > s]
        if not inside:
            if len(text[s:e].split()) < 2:
                return Rejection(reasons.CONTENT, reasons.ONE_WORD)
            return s, e, "indirect"
        q = inside[0]
        if len(inside) == 1 and q.open <= s and e <= q.close:
            e = trim_end(text, q.start, q.end, keep_stop=True)
            s = trim_start(text, q.start, e)
            return (s, e, "direct") if e > s else Rejection(reasons.CONTENT, reasons.EMPTY_CONTENT)
        return s, e, "mixed"

    def _reported_end(self, sent: Sentence, cue: Cue, mention: Mention, s: int, end: int) -> int:
        """Where content reported after its cue ends: with its clause, before its own
        speaker, at the close of an aside that the cue is in."""
        masked = sent.masked
        end = clause_end(masked, s, end, self.lex)
        if s < mention.start < end:
            # (no content holds its own speaker: `Noting that A, Malaska asked`)
            cut = masked.rfind(",", s, mention.start)
            end = cut if cut > s else mention.start
        before = masked[sent.start : min(mention.start, cue.start)]
        if before.count("(") > before.count(")"):
            close = masked.find(")", s, end)
            if close > s:  # `(44 percent of voters say A), but ...`: the aside ends it
                end = close
        if len(_ASIDE_DASH.findall(masked, sent.start, cue.start)) % 2:
            dash = _ASIDE_DASH.search(masked, s, end)
            if dash is not None:  # `Lind — who said the toll was high — left`
                end = dash.start()
        return end

    # ---- the trace
    def _decide(self, sent: Sentence, cue: Cue, result: Statement | Rejection) -> None:
        if self.decisions is None:
            return
        if isinstance(result, Rejection):
            d = Decision(
                sent.start, sent.end, cue.start, cue.end, result.stage, "rejected", result.reason
            )
        else:
            kept = reasons.KEPT_NESTED if result.nested else reasons.KEPT
            d = Decision(
                sent.start, sent.end, cue.start, cue.end, reasons.RECORD, "kept", kept, result
            )
        self.decisions.append(d)

    def _retract(self, st: Statement, reason: str = reasons.TRIMMED_AWAY) -> None:
        """A statement dropped after it was built: its decision becomes a rejection."""
        if self.decisions is None:
            return
        for d in self.decisions:
            if d.statement is st:
                d.stage, d.decision, d.reason, d.statement = (
                    reasons.RECORD,
                    "rejected",
                    reason,
                    None,
                )
