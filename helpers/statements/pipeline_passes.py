"""The passes after a sentence's cues (a mixin of the extractor, :mod:`.pipeline`): a
sentence that is only quotation continues the previous speaker (a floating statement), and
the quotations of direct and mixed statements are read again for statements reported inside
them (nested).
"""

from __future__ import annotations

import re
from bisect import bisect_left

from helpers.statements.cues import POSSESSIVE_VIEW, SPEECH_NOUN_PHRASES, Sentence
from helpers.statements.quotes import Quote, inner_masked, quotes_in
from helpers.statements.records import Statement, trim_end, trim_start
from helpers.statements.sentences import split_sentences

# A quoted line of at most this many words, mostly capitalised, is a heading, not a quote.
_HEADING_WORDS = 10
_HEADING_CAPS = 0.7
# a character of narration: a sentence holding one is no floating quotation
_NARRATION_CHAR = re.compile(r"[^\x00\s.,;:!?…—–-]")
_ASIDE_AFTER = re.compile(r"\x00\s*\([^()\x00]*\)[\s.]*$")


def _cue_after_content(st: Statement) -> bool:
    """`“A,” X said.`: the statement's cue stands after its content."""
    return st.cue_start is not None and st.cue_start >= st.end


class LaterPasses:
    """Floating and nested statements (mixed into pipeline.Extractor, whose text, quotes,
    lexicons and sentence pass they use)."""

    def floating(self, masked: str, a: int, b: int, sq: list[Quote], out: list[Statement]) -> None:
        """A sentence that is only quotation: it continues the previous speaker."""
        if _NARRATION_CHAR.search(_ASIDE_AFTER.sub("", masked[a:b])) or not out:
            return  # (an aside in brackets after the quotation may follow it)
        prev = self._last_top
        if prev is None:
            return
        par = self.paragraph_at(a)
        words = self.text[sq[0].start : sq[-1].end].split()
        if (
            len(words) <= _HEADING_WORDS
            and sum(w[:1].isupper() for w in words) >= _HEADING_CAPS * len(words)
            and not (prev.paragraph == par and _cue_after_content(prev))
        ):
            return  # a quoted title on its own line ('All Bets Are Off.') is a heading
        first_in_par = par not in self._spoken_pars and self._par_start(a) == a
        q_last = sq[-1]
        same_par = not first_in_par and prev.paragraph == par
        if same_par and prev.kind == "direct" and not _cue_after_content(prev):
            # `X said: “A.” “B.”`: the quotations after the cue are its content
            prev.end = trim_end(self.text, prev.start, q_last.end, keep_stop=True)
            prev.text = self.text[prev.start : prev.end]
            return
        # `“A,” X said. “B.”` or `A, X said. “B.”`: B is a floating statement of X (the
        # guideline's continuation)
        # (a quotation over several paragraphs starts in an earlier one than its cue's)
        ends_here = not first_in_par and self.paragraph_at(max(prev.start, prev.end - 1)) == par
        continues = ends_here and (_cue_after_content(prev) or prev.kind != "direct")
        if not (first_in_par or continues) or prev.paragraph < par - 1:
            return
        e = trim_end(self.text, sq[0].start, q_last.end, keep_stop=True)
        s = trim_start(self.text, sq[0].start, e)
        st = Statement(
            speaker=prev.speaker,
            role=prev.role,
            mention=None,
            mention_start=None,
            mention_end=None,
            kind="direct",
            cue="",
            cue_start=None,
            cue_end=None,
            text=self.text[s:e],
            start=s,
            end=e,
            paragraph=par,
            clause_start=a,
            speaker_kind=prev.speaker_kind,
        )
        self._add(out, st)

    def nested_statements(self, out: list[Statement]) -> list[Statement]:
        """Statements reported inside the quotations of direct and mixed statements."""
        todo: list[tuple[Quote, Statement]] = []
        q_starts = [q.start for q in self.quotes]  # quotations come in text order
        for st in out:
            if st.kind == "indirect" or st.nested:
                continue
            for k in range(bisect_left(q_starts, st.start), len(self.quotes)):
                q = self.quotes[k]
                if q.start > st.end + 1:
                    break
                if q.end <= st.end + 1 and self._may_report(q):
                    todo.append((q, st))
        # the inner quotations of these quotations masked, once
        self._inner = inner_masked(self.text, list({id(q): q for q, _ in todo}.values()))
        nested: list[Statement] = []
        for q, st in todo:
            nested.extend(self.inside(q, st))
        return nested

    def _may_report(self, q: Quote) -> bool:
        """Whether a quotation holds a cue word at all (most hold none)."""
        text = self.text
        return self.lex.verb_re.search(text, q.start, q.end) is not None or bool(
            SPEECH_NOUN_PHRASES.search(text, q.start, q.end)
            or POSSESSIVE_VIEW.search(text, q.start, q.end)
        )

    def inside(self, q: Quote, outer: Statement | None = None) -> list[Statement]:
        """Statements reported inside a quotation (nested); its inner quotations are masked
        in ``self._inner``."""
        text, lex = self.text, self.lex
        masked, inner_of = self._inner
        inner = inner_of[q.start]
        res: list[Statement] = []
        opens = [x.open for x in inner]
        for a, b in split_sentences(text, masked, q.start, q.end, inner, lex):
            sq = quotes_in(inner, opens, a, b)
            res.extend(self.sentence(Sentence(text, masked, a, b, sq, [], True, outer)))
        return res
