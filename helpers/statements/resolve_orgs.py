"""Stage 6b, resolve: organisations (a mixin of the resolver, :mod:`.resolve`). An
organisation speaks under its longest name: `The BBC` and `the Pentagon` after `the`, an
acronym spelled out in the article (`CBP` for `Customs and Border Protection`), a name with
an `and` inside it (`Department of Ports and Harbours`), and `the company` for the
organisation named last whose name fits.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from helpers.statements.names import ends_in_org_name, split_name
from helpers.statements.phrases import Mention
from helpers.statements.records import Speaker
from helpers.statements.words import POSSESSIVE_END, is_cap

# `the production company`: a generic organisation noun with a few words before it
_GENERIC_WORDS = 4
# An initialism names an organisation, not a person: `NASA`, `BBC` (two to six capitals).
INITIALISM = re.compile(r"[A-Z]{2,6}")
_CAPITAL_NEXT = re.compile(r"\s+[A-Z]")


class OrgResolution:
    """The resolver's rules for organisations (mixed into resolve.Resolver, whose `reg`,
    `lex`, `text`, `_acronyms`, `recent`, `_name`, `_quoted` and `lowered` they use)."""

    def _org_name_and(self, words: list[str], k: int) -> bool:
        """Whether the `and` at words[k] is inside an organisation's name: a capitalised
        word before it, and an organisation word with its `of` or `for` at most two words
        before that (`Department of Ports and`, `Centers for Disease Control and`)."""
        return is_cap(words[k - 1]) and ends_in_org_name(words[:k], self.lex)

    def _proper_after_the(self, ph: Mention, words: list[str]) -> Speaker | None:
        """`The BBC`, `the Pentagon`, `The Miami Herald`: a proper name after `the` names an
        organisation, unless it is a person's (`The Rev. Tom Hale`); `The President` is a
        description (None)."""
        split = split_name(tuple(words), self.lex)
        if not (split.is_org or split.name) or _CAPITAL_NEXT.match(self.text, ph.end):
            return None  # `The President`; `The Washington` cut from `The Washington Post`
        if split.role or (split.name and self.reg.find(split.name, ph.start) is not None):
            return self._name(ph, split)
        long = self._acronym(words)
        if long is not None:
            return Speaker(long, "", "org")
        return Speaker(split.org if split.is_org else " ".join(words), "", "org")

    def _acronym(self, words: list[str]) -> str | None:
        """The long name an acronym stands for, when the article spells it out: capitalised
        words whose initials make the acronym, `and`, `of`, `for`, `the` allowed between."""
        word = words[0] if len(words) == 1 else ""
        if not (2 <= len(word) <= 6 and word.isalpha() and word.isupper()):
            return None
        if word not in self._acronyms:
            # the pattern opens with the first initial as a literal, so that the regular
            # expression engine skips ahead to it (a lookbehind first scans every offset)
            link = r"(?:\s+(?:and|of|for|the|on|&))*\s+"
            first = rf"{word[0]}(?<![\w’'-]{word[0]})[\w’'-]+"
            pattern = first + "".join(rf"{link}{c}[\w’'-]+" for c in word[1:])
            m = re.search(rf"{pattern}(?![\w’'-])", self.text)
            long = POSSESSIVE_END.sub("", " ".join(m.group().split())) if m else None
            self._acronyms[word] = long  # `Associated Press’ analysis` gives `Associated Press`
        return self._acronyms[word]

    def _org_before(self, at: int, fits: frozenset[str]) -> Speaker | None:
        """The organisation named last before `at`, outside quotations, whose name fits a
        generic noun (`the company`: `Velmar Holdings` or `Twitter`, not `Harbour Foundation`)."""
        mentions = self.reg.org_mentions
        k = bisect_left(mentions, (at, ""))
        while k > 0:
            k -= 1
            start, name = mentions[k]
            # (its organisation word, wherever it stands: `Peterson Institute for
            # International Economics` is an institute, not a company)
            kinds = [w for w in name.lower().split() if w in self.lex.orgs]
            if (kinds and not any(w in fits for w in kinds)) or self._quoted(start):
                continue
            if name.lower() in self.lex.stop:
                continue  # `US`, `IT` written in capitals
            return self._org_speaker(name)
        return None

    def _org_speaker(self, name: str) -> Speaker:
        """An organisation named in the article as a speaker: an acronym by its long name when
        the article spells it out (`AP`: `Associated Press`)."""
        long = self._acronym([name]) if INITIALISM.fullmatch(name) else None
        return Speaker(long or name, "", "org")

    def _org(self, ph: Mention, clean, low_words, head: str, det: str) -> Speaker:
        org = self.reg.org_name(head)
        # (`the Jordanian government` is not `Government of Syria`: a capitalised modifier
        # must be in the organisation's name)
        named = {w.lower() for w in clean if is_cap(w) and w.lower() not in ("the", head)}
        if org and named <= set(org.lower().split()):
            return Speaker(org, "", "org")
        if det == "the" and len(low_words) <= _GENERIC_WORDS and head in self.lex.generic_orgs:
            # `the company`, `the agency`: the organisation named last before it in the
            # narration, else the one that spoke last
            named = self._org_before(ph.start, self.lex.generic_orgs[head])
            if named is not None:
                return named
            for sp in self.recent():
                if sp.kind == "org":
                    return sp
        if low_words[-1:] == [head] and len(low_words) - (det == "the") == 1:
            # `police said` after `Arden police said`: the same body, as it spoke last
            for sp in self.recent():
                if sp.name.lower().split()[-1] == head and len(sp.name.split()) > 1:
                    return sp
        desc = " ".join(w for w in clean if w.lower() not in ("the",))
        if not desc[:1].isupper():
            desc = self.lowered(ph.text)
        return Speaker(desc, "", "org")
