"""Stage 6c, written and counted sources: `according to a new report by Politico`, `a survey
by Dana Reyes`, `the researchers’ calculations`. A source speaks for its author, its named
issuer or its owner; else it is named by its core (`case report`). The methods of
:class:`SourceResolution` are part of the resolver (:mod:`.resolve`), which calls them for
mentions of the kind "source".
"""

from __future__ import annotations

import re

from helpers.statements.grammar import DATE_WORDS, DETERMINERS
from helpers.statements.phrases import Mention
from helpers.statements.records import Speaker
from helpers.statements.words import POSSESSIVE_END, is_cap

# A source phrase: its author after `by`, `from` or `in`, its owner before a possessive, and
# the words after its head noun (`published in ...`, `by ...`, `from ...`).
_BY_AUTHOR = re.compile(
    r"\s(by|from|in)\s+((?:[a-z]*[A-Z][\w.!&’'-]*\s+)*[a-z]*[A-Z][\w.!&’'-]*"
    r"|(?:the|its|his|her)\s+(?:[A-Z][\w.!&’'-]*(?:\s+[A-Z][\w.!&’'-]*)*|\w+(?![’'\w])))"
)
_OWNER = re.compile(r"((?:the\s+)?[\w.-]+(?:\s+[A-Z][\w.-]*)*)(?:[’']s|(?<=s)[’'])\s")
_CUT_AFTER_HEAD = re.compile(
    r"\s+(?:published|released|issued|obtained|filed|seen|by|from|in|on|at|of|for|that|"
    r"which|with)\b"
)
_SOURCE_ADJECTIVES = frozenset(
    "new recent latest earlier previous separate leaked preliminary final annual draft".split()
)
_CAPITAL = re.compile(r"[A-Z]")


class SourceResolution:
    """The resolver's rules for sources (mixed into resolve.Resolver, whose `resolve`,
    `text` and `lex` they use)."""

    def _source(self, ph: Mention, nested: bool) -> Speaker:
        """`according to a new report by Politico`: the phrase, unless its core is known. A
        written or counted source speaks for its author (`a survey by Dana Reyes`, `a report
        from the ministry`), its named issuer (`a Tarrow Examiner poll`) or its owner (`the
        researchers’ calculations`); else it is named by its core (`a case report published
        in ...` -> `case report`)."""
        document = bool(self._source_head(ph.text))
        if document:
            author = self._author(ph)
            if author is not None:
                return author
        if ph.core_end is not None and (not document or _CAPITAL.search(ph.text)):
            core = Mention(ph.start, ph.core_end, self.text[ph.start : ph.core_end], "description")
            found = self.resolve(core, nested)
            if found.kind not in ("unknown", "anonymous"):
                return found
        if not document:
            return Speaker(self.lowered(ph.text), "", "anonymous")
        owner = _OWNER.match(ph.text)
        if owner is not None:
            words = owner.group(1)
            kind = "name" if is_cap(words.split()[-1]) else "description"
            found = self.resolve(Mention(ph.start, ph.start + len(words), words, kind))
            return (
                found if found.kind != "unknown" else Speaker(self.lowered(words), "", "anonymous")
            )
        return Speaker(self._source_core(ph.text), "", "anonymous")

    def _author(self, ph: Mention) -> Speaker | None:
        """The author after `by` or `from` (or `in`, right after the source noun) of a source."""
        by = _BY_AUTHOR.search(ph.text)
        if by is None:
            return None
        before = ph.text[: by.start()]
        head = self._source_head(before)
        if not head:
            return None
        if by.group(1) == "in" and before.split()[-1].lower() != head:
            return None  # `a paper published in the journal ...` is not the journal's
        s0 = ph.start + by.start(2)
        words = POSSESSIVE_END.sub("", by.group(2))  # `from the State Department’s ...`
        if words.split()[0].lower() in DATE_WORDS:
            return None  # `a poll in February`
        kind = "name" if _CAPITAL.search(words.split()[0]) else "description"
        author = self.resolve(Mention(s0, s0 + len(words), words, kind))
        return author if author.kind != "unknown" else None

    def _source_head(self, phrase: str) -> str:
        """The source noun that heads a phrase (`report` in `a new case report published in
        ...`), or ""."""
        words = _CUT_AFTER_HEAD.split(phrase, maxsplit=1)[0].split()
        head = words[-1].lower() if words else ""
        if head in self.lex.source_nouns or head[:-1] in self.lex.source_nouns:
            return head
        return ""

    def _source_core(self, phrase: str) -> str:
        """`a case report published in the journal X` -> `case report`; `a new study` ->
        `study`."""
        words = _CUT_AFTER_HEAD.split(phrase, maxsplit=1)[0].split()
        while len(words) > 1 and (
            words[0].lower() in DETERMINERS or words[0] in _SOURCE_ADJECTIVES or words[0].isdigit()
        ):
            words = words[1:]
        return " ".join(words)
