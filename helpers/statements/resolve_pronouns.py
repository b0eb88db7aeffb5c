"""Stage 6b, pronouns and what refers back: `he`, `she`, `it`, and the documents that
speak for whoever issued them (`the email said`, `It says` after `put out a statement`).
The methods of :class:`PronounResolution` are part of the resolver (:mod:`.resolve`), which
calls them for mentions of the kind "pronoun" and for nominal references (`the actor`, `his
office`).

A he or she is looked for sentence by sentence, nearest first (see
:meth:`PronounResolution._person_in`); a person's gender comes from the registry
(:meth:`helpers.statements.people.Registry.genders`).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import cache

from helpers.statements.grammar import CONTRACTION, PREPOSITIONS
from helpers.statements.lexicon import Lexicons, issuing
from helpers.statements.mentions import mention_before
from helpers.statements.phrases import Mention
from helpers.statements.records import NOBODY, Speaker

# How many sentences back (the pronoun's own included) an antecedent is looked for.
_ANTECEDENT_SENTENCES = 3
# An `it` refers to an organisation or a document named in its own sentence or the one before.
_IT_ANTECEDENT_SENTENCES = 2
_SUBJECT_OPENINGS = frozenset(("", "The ", "the "))  # what may stand before such a subject
# up to three words after a possessive's `’s` (`Hale's longtime personal lawyer`)
_WORDS_AFTER_POSSESSIVE = re.compile(r"[’']s?((?:\s+[A-Za-z][\w-]*){1,3})")
_WORD_BEFORE = re.compile(r"(?<![\w’'-])([A-Za-z]+)\s+$")  # the word right before a name
# words before a description that make it say what someone is, not bring someone in
_PREDICATIVE = frozenset("is was are were be been being become became as".split())
_GENDERED_PRONOUN = {
    "m": re.compile(r"(?<![\w’'])[Hh]e(?![\w-])"),
    "f": re.compile(r"(?<![\w’'])[Ss]he(?![\w-])"),
}


@cache
def _document_subject(lex: Lexicons) -> re.Pattern:
    """A document opening a sentence: `The report`, `Thursday's memo`, `The new FBI report`
    (up to two words between the determiner or owner and the document noun)."""
    docs = "|".join(sorted(re.escape(d) for d in lex.documents))
    return re.compile(rf"(?:The|[A-Z][\w-]*[’']s)\s+(?:[\w-]+\s+){{0,2}}?({docs})s?(?![\w’'-])")


@cache
def _gendered_description(lex: Lexicons) -> re.Pattern:
    """A description of an unnamed person by a gendered noun: `one mother`, `a young woman`
    (an article or `one`, up to two words, the noun; data/lexicons/gendered_nouns.txt)."""
    nouns = "|".join(sorted(lex.gendered_nouns))
    return re.compile(
        rf"(?<![\w’'-])(?:[Aa]n?|[Oo]ne)\s+(?:[a-z][\w-]*\s+){{0,2}}?({nouns})(?![\w’'-])"
    )


@cache
def _issued(lex: Lexicons, noun: str | None) -> re.Pattern:
    """`sent out an email`, `released a two-page statement`: a verb that issues a document
    (data/lexicons/participle_subjects.txt, `issued`), then the document (`noun`, or any
    document noun when None)."""
    return re.compile(issuing(lex.participle_subjects["issued"], [noun] if noun else lex.documents))


class PronounResolution:
    """Pronouns, antecedents and the issuers of documents (a mixin of the resolver)."""

    def _pronoun(self, ph: Mention, nested: bool) -> Speaker:
        low = CONTRACTION.sub("", ph.text.lower())  # `he’s saying`: he
        want = self.lex.pronouns.get(low, "")
        if nested or low in ("i", "we", "you"):
            return NOBODY
        if want in ("m", "f"):
            found = self._gendered_antecedent(ph.start, want)
            if found is not None:
                return found
            for sp in self.recent():
                if sp.kind == "person" and self.gender.get(sp.name, "") == want:
                    return sp
            for sp in self.recent():
                if sp.kind == "person" and not self.gender.get(sp.name, ""):
                    return sp
        if want == "org":
            issuer = self._issuer(ph.start, None)  # `They put out a statement. “...,” it says.`
            if issuer is not None:
                return issuer
            org = self._org_antecedent(ph.start)
            if org is not None:
                return org
        for sp in self.recent():
            if want == "plural" and sp.kind in ("multi", "org", "anonymous"):
                return sp
            if want == "org" and sp.kind == "org":
                return sp
        if want == "org":
            return self._document_antecedent(ph.start) or NOBODY
        return NOBODY

    def _antecedent(self, at: int, want: str):
        """The person a he/she at `at` refers to, in the nearest of the last few sentences
        that names a compatible one (see _person_in)."""
        # sentence by sentence, nearest first
        for lo, hi in self._sentences_back(at, _ANTECEDENT_SENTENCES):
            p = self._person_in(lo, hi, want)
            if p is not None:
                return p
        return None

    def _gendered_antecedent(self, at: int, want: str) -> Speaker | None:
        """Whom a he or she at `at` refers to: the person of the nearest of the last few
        sentences (see _person_in), or, in a sentence that names none, an unnamed person
        described by a noun of that gender (`WIRED spoke to one mother, who ...`)."""
        for lo, hi in self._sentences_back(at, _ANTECEDENT_SENTENCES):
            p = self._person_in(lo, hi, want)
            if p is not None:
                return Speaker(p.name, p.role, "person")
            described = self._described_in(lo, hi, want)
            if described is not None:
                return Speaker(described, "", "anonymous")
        return None

    def _described_in(self, lo: int, hi: int, want: str) -> str | None:
        """The first description of an unnamed person of gender `want` in [lo, hi), outside
        quotations (`one mother`, `a young woman`), lower-cased."""
        for m in _gendered_description(self.lex).finditer(self.text, lo, hi):
            before = _WORD_BEFORE.search(self.text, max(lo, m.start() - 20), m.start())
            if before is not None and before.group(1).lower() in _PREDICATIVE:
                continue  # `being a father`, `who is a black woman`: what someone named is
            if self.lex.gendered_nouns[m.group(1).lower()] == want and not self._quoted(m.start()):
                return m.group().lower()
        return None

    def _sentences_back(self, at: int, n: int) -> list[tuple[int, int]]:
        """The spans of the sentence holding `at` (up to `at`) and of the n - 1 before it,
        nearest first."""
        k = bisect_right(self.sentence_starts, at) - 1
        spans = []
        for i in range(k, max(-1, k - n), -1):
            lo = self.sentence_starts[i]
            hi = self.sentence_starts[i + 1] if i + 1 < len(self.sentence_starts) else at
            spans.append((lo, min(hi, at)))
        return spans

    def _org_antecedent(self, at: int) -> Speaker | None:
        """The organisation an `it` at `at` refers to: the one named first in its own sentence
        or the one before, as the sentence's subject (`The Harbour Board closed the pier. It
        said ...`; not `Lawmakers fined the board. It said ...`)."""
        mentions = self.reg.org_mentions
        for lo, hi in self._sentences_back(at, _IT_ANTECEDENT_SENTENCES):
            k = bisect_left(mentions, (lo, ""))
            if k == len(mentions) or mentions[k][0] >= hi:
                continue
            start, name = mentions[k]
            if self.text[lo:start] not in _SUBJECT_OPENINGS or name.lower() in self.lex.stop:
                continue
            return self._org_speaker(name)
        return None

    def _document_antecedent(self, at: int) -> Speaker | None:
        """The document an `it` at `at` refers to, as the subject of its sentence or the one
        before (`The report also gave details. It said ...`, `Thursday's memo from the panel
        ... “...,” it stated.`): its issuer when one is known, else the document."""
        subject = _document_subject(self.lex)
        for lo, _hi in self._sentences_back(at, _IT_ANTECEDENT_SENTENCES):
            m = subject.match(self.text, lo, at)
            if m is None:
                continue
            noun = m.group(1).lower()
            issuer = self._issuer(m.start(), noun) or self._issuers.get(noun)
            return issuer or Speaker(self.lowered(m.group()), "", "anonymous")
        return None

    def _person_in(self, lo: int, hi: int, want: str):
        """The person a he or she (`want`: "m", "f"; "" for anyone) refers to in the sentence
        [lo, hi): a speaker of the sentence first, as its subject; then the first person
        named outside quotations and not as the owner of another person (`Hale's case`:
        Hale; `Hale's wife`: not Hale), as a rule the subject; then a later one of the
        wanted gender. A person whose gender is not known fits only before the sentence's
        own he or she (`She shares with Ana Berg a plan.` carries an earlier antecedent on),
        and only as a speaker or the first person named (not `Olaf Dunne` in `Wera Kant,
        who represents Olaf Dunne, said`)."""
        gender, by_name = self.gender, self._by_name
        unknown_before = self._first_gendered_pronoun(lo, hi, want) if want else hi

        def fits(name: str, at: int, first: bool) -> bool:
            g = gender.get(name, "")
            return not want or g == want or (first and not g and at < unknown_before)

        spoke = self._spoke_starts
        for at, name in self.spoke_at[bisect_left(spoke, lo) : bisect_left(spoke, hi)]:
            if name in by_name and fits(name, at, True):
                return by_name[name]
        mentions, starts = self.reg.mentions, self._mention_at
        first, in_phrase = True, None
        for start, end, p in mentions[bisect_left(starts, lo) : bisect_left(starts, hi)]:
            if self._quoted(start) or (self.reg.is_possessive(end) and self._owns_person(end)):
                continue  # (`Hale's wife`: not Hale; `Hale's case`: Hale)
            if self._after_preposition(lo, start):
                # `Growing up in El Paso, Mendoza ...`: a name after a preposition is the
                # antecedent only when no other person of the sentence fits
                if in_phrase is None and fits(p.name, start, first):
                    in_phrase = p
                continue
            if fits(p.name, start, first):
                return p
            first = False
        return in_phrase

    def _after_preposition(self, lo: int, start: int) -> bool:
        """Whether the name at `start` follows a preposition (`in El Paso`, `with Hale`)."""
        m = _WORD_BEFORE.search(self.text, max(lo, start - 20), start)
        return m is not None and m.group(1).lower() in PREPOSITIONS

    def _owns_person(self, end: int) -> bool:
        """Whether the possessive name ending at `end` owns a person (`Hale's wife`, `Hale's
        longtime lawyer`), who would be the antecedent instead; not a thing (`Hale's case`)."""
        m = _WORDS_AFTER_POSSESSIVE.match(self.text, end)
        if m is None:
            return True
        lex = self.lex
        return any(
            w in lex.relation_nouns or w in lex.role_heads or w in lex.person_nouns
            for w in m.group(1).lower().split()
        )

    def _first_gendered_pronoun(self, lo: int, hi: int, gender: str) -> int:
        """Where the first he (or she) in [lo, hi) outside quotations stands (hi when
        none; `he’s` counts, `his` does not)."""
        for m in _GENDERED_PRONOUN[gender].finditer(self.text, lo, hi):
            if not self._quoted(m.start()):
                return m.start()
        return hi

    def _issuer(self, at: int, noun: str | None) -> Speaker | None:
        """Who issued the document a `the <noun>` (or an `it`: any document) at `at` refers
        to: the subject of the nearest `sent out an email`, `released a statement` in the
        last few sentences."""
        k = bisect_right(self.sentence_starts, at) - 1
        if k < 0 or not self.masked:
            return None
        lo = self.sentence_starts[max(0, k - _ANTECEDENT_SENTENCES + 1)]
        found = list(_issued(self.lex, noun).finditer(self.masked, lo, at))
        if not found:
            return None
        issued = found[-1]
        s = self.sentence_starts[bisect_right(self.sentence_starts, issued.start()) - 1]
        mention = mention_before(self.masked, s, issued.start(), self.lex).mention
        if mention is None or (mention.kind == "pronoun" and mention.text.lower() in ("i", "we")):
            return None
        speaker = self.resolve(mention, False)
        return speaker if speaker.kind not in ("unknown",) and speaker.name else None
