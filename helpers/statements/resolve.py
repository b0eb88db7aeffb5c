"""Stage 6b, resolve: the canonical speaker of a mention, one function per kind of mention.

Names go to the registry's person (the longest name used for them); descriptions (`the
spokesman`) to the latest speaker or person whose role fits; pronouns to the person of the
nearest sentence that fits (:mod:`.resolve_pronouns`); organisations to their longest name.
What fits nothing is `unknown`, never a guess.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import lru_cache

from helpers.statements.conjuncts import conjunct_spans, spelled_acronym
from helpers.statements.grammar import (
    DEFINITE,
    DETERMINERS,
    GROUP_PRONOUNS,
    INDEFINITE,
    PARTITIVE_QUANTIFIERS,
    POSSESSIVE_DETERMINERS,
    PREPOSITIONS,
    QUANTITY_NOUNS,
    is_number,
)
from helpers.statements.lexicon import Lexicons
from helpers.statements.names import ORG_NAME_LINKS, NameSplit, org_word, split_name
from helpers.statements.people import Registry
from helpers.statements.phrases import AGE_NOUN, Mention
from helpers.statements.records import NOBODY, Speaker
from helpers.statements.resolve_orgs import INITIALISM, OrgResolution
from helpers.statements.resolve_pronouns import PronounResolution
from helpers.statements.resolve_sources import SourceResolution
from helpers.statements.shares import APPROXIMATORS, COMPARATIVES, is_share
from helpers.statements.words import POSSESSIVE_END, is_cap, is_plural, is_role, lower_first

# How far after a description the same words before a name are looked for (`China’s
# ambassador to Britain ... China’s ambassador to Britain Liu Xiaming`): a few paragraphs,
# so that the look costs the same in a long document as in a short one.
_NAMED_LATER_WINDOW = 3000

# A nominal reference has at most this many words (`the 34-year-old Danish coach`).
_NOMINAL_WORDS = 4
_LOWER_WORD = re.compile(r"[a-z][a-z-]*")
# Determiners of a description that refers back to one known person (`the spokesman`).
_REFERRING = frozenset("the his her its their".split())


# Words that end the core of a description (`a source inside the camp`, `people familiar with`)
_POST_MODIFIER = frozenset(
    "of in inside at for from with on near who which that familiar close briefed".split()
)


@lru_cache(maxsize=4096)
def _head_noun(description: str) -> str:
    """The head noun of a description: `a reporter's source inside the camp` -> `source`."""
    words = []
    for w in description.lower().split():
        if w in _POST_MODIFIER and words:
            break
        words.append(w)
    return words[-1] if words else ""


def _same_group(description: str, low_words: list[str]) -> bool:
    """Whether a description names the group an earlier one with the same head noun did: no
    word before its noun that the earlier one lacks (`Prosecutors` after `federal
    prosecutors`; not `Prison union representatives` after `representatives of the family`).
    The callers read only groups with the same head noun (`_recent_groups`)."""
    earlier = description.lower().split()
    return all(w in earlier or w in DETERMINERS for w in low_words[:-1])


# a possessive determiner and the gender of the person it refers to (`his office`)
_OWNER_GENDER = {"his": "m", "her": "f"}
# what a person has that speaks for them, besides a group (`his aides`): `his office`
_OWNED_NOUNS = frozenset("office campaign team staff family".split())


class Resolver(SourceResolution, PronounResolution, OrgResolution):
    """Resolves mentions; remembers the speakers so far, most recent last."""

    def __init__(self, text: str, registry: Registry, lex: Lexicons):
        self.text = text
        self.masked = ""  # set by the pipeline: the text with quotations masked
        self.reg = registry
        self.lex = lex
        self.speakers: dict[str, Speaker] = {}  # by canonical name, most recent last
        # the unnamed ones (kind "anonymous") by their head noun, most recent last
        self._groups: dict[str, dict[str, Speaker]] = {}
        self._gender: dict[str, str] | None = None
        self._in_multi = False  # resolving the parts of a group of speakers
        # set by the pipeline: top-level quotations (names inside them are not antecedents)
        # and the starts of the top-level sentences read so far
        self.quote_opens: list[int] = []
        self.quote_closes: list[int] = []
        self.sentence_starts: list[int] = []
        self.spoke_at: list[tuple[int, str]] = []  # (mention start, person) of each statement
        self._spoke_starts: list[int] = []  # their starts, for bisection
        self._by_name = {p.name: p for p in registry.people}
        self._mention_at = [start for start, _end, _p in registry.mentions]  # for bisection
        self._lower_words: dict[str, bool] = {}  # whether the article writes a word in lower case
        self._acronyms: dict[str, str | None] = {}
        self._issuers: dict[str, Speaker] = {}  # the issuer of each document noun, once found

    @property
    def gender(self) -> dict[str, str]:
        if self._gender is None:
            self._gender = self.reg.genders(self._quoted)
        return self._gender

    def learn_gender(self, st) -> None:
        """`Anna Berg said she would go`: a person's own statement opening with he or she
        tells their gender, when nothing told it before."""
        if st.kind == "direct":  # `“She was ill,” Berg said`: the quotation's she is someone else
            return
        first = st.text.split(maxsplit=1)[0].lower() if st.text.strip() else ""
        want = self.lex.pronouns.get(first, "") if first in ("he", "she") else ""
        if not want or st.speaker_kind != "person" or self.gender.get(st.speaker, ""):
            return
        p = self._by_name.get(st.speaker)
        if p is None or self._other_person_between(p, st.mention_end, st.start):
            return  # (`Feld endorsed Hale, saying he was ready`: he is Hale)
        p.gender = want
        self.gender[p.name] = want

    def _other_person_between(self, p, lo: int | None, hi: int) -> bool:
        """Whether someone other than p is named in [lo, hi)."""
        if lo is None or lo >= hi:
            return False
        mentions, starts = self.reg.mentions, self._mention_at
        return any(
            q is not p for _s, _e, q in mentions[bisect_left(starts, lo) : bisect_left(starts, hi)]
        )

    def remember(self, speaker: Speaker, mention_start: int | None = None) -> None:
        if speaker.kind == "unknown":
            return
        if speaker.kind == "person" and mention_start is not None:
            k = bisect_right(self.spoke_at, (mention_start, speaker.name))
            self.spoke_at.insert(k, (mention_start, speaker.name))
            self._spoke_starts.insert(k, mention_start)
        self.speakers.pop(speaker.name, None)
        self.speakers[speaker.name] = speaker
        same_head = self._groups.setdefault(_head_noun(speaker.name), {})
        same_head.pop(speaker.name, None)
        if speaker.kind == "anonymous":
            same_head[speaker.name] = speaker

    def recent(self):
        """The speakers so far, most recent first."""
        return reversed(self.speakers.values())

    def _recent_groups(self, head: str):
        """The unnamed speakers so far whose head noun is `head`, most recent first (what
        recent() gives of them, without reading every speaker: an article has thousands)."""
        return reversed(self._groups.get(head, {}).values())

    def resolve(self, ph: Mention, nested: bool = False) -> Speaker:
        """The canonical speaker of a mention."""
        if ph.kind == "source":
            return self._source(ph, nested)
        if ph.core_end is not None:
            return self._core(ph, nested)
        if ph.kind == "multi":
            return self._multi(ph, nested)
        if ph.kind == "pronoun":
            return self._pronoun(ph, nested)
        clean = [w for w in ph.text.split() if w not in ("’s", "'s")]
        first_names = True
        while len(clean) > 1 and clean[0].endswith("-based"):
            clean = clean[1:]  # `Sacramento-based McClatchy`
        if "and" in clean and spelled_acronym(self.text, ph.text):
            # `Customs and Border Protection`, written `CBP` elsewhere: one organisation
            return Speaker(" ".join(w for w in clean if w.lower() != "the"), "", "org")
        if ph.kind == "description" and clean and is_cap(clean[-1]):
            k = len(clean)
            while k > 0 and is_cap(clean[k - 1]):
                k -= 1
                if (
                    k >= 2
                    and clean[k - 1] in ORG_NAME_LINKS
                    and is_cap(clean[k - 2])
                    and org_word(clean[k - 2], self.lex)
                ):
                    k -= 1  # `the Bureau of Labor Statistics`: one organisation's name
                elif k >= 2 and clean[k - 1] == "and" and self._org_name_and(clean, k - 1):
                    k -= 1  # `the Department of Ports and Harbours`
            before = clean[k - 1] if k > 0 else ""
            # `85% of Democrats`: a share of a group, not the group's name
            share = before == "of" and any(is_number(w.removesuffix("%")) for w in clean[:k])
            if before.islower() and not share:  # `the operator Westline Rail`
                clean = clean[k:]
                ph = Mention(ph.start, ph.end, ph.text, "name")
                # (`Executives for Mondelez`: no first name stands for a full one after `for`)
                first_names = before not in PREPOSITIONS
            elif (
                k <= 1
                and len(clean) > 1
                and clean[0].lower() == "the"
                and clean[-1].lower() not in self.lex.orgs  # `the Justice Department`: by head
            ):
                found = self._proper_after_the(ph, clean[1:])
                if found is not None:
                    return found
        expanded = self._acronym(clean) if ph.kind in ("name", "org") else None
        if expanded is not None:
            return Speaker(expanded, "", "org")  # `CBP` for `Customs and Border Protection`
        if ph.kind == "name" and self._common_plural(clean):
            ph = Mention(ph.start, ph.end, ph.text, "description")  # `Prosecutors alleged`
        if ph.kind == "name":
            split = split_name(tuple(clean), self.lex)
            if split.name:
                return self._name(ph, split, first_names)
            if split.role:  # "the President" written capitalised: a description
                ph = Mention(ph.start, ph.end, ph.text, "description")
        return self._description(ph, clean)

    def _common_plural(self, words: list[str]) -> bool:
        """`Prosecutors`, `Investigators` at a sentence start: one capitalised plural that the
        article also writes in lower case, and that names no person, is a common noun."""
        if len(words) != 1 or not words[0].endswith("s") or not words[0][1:].islower():
            return False
        if self.reg.find((words[0],), 0) is not None:
            return False
        low = words[0].lower()
        if low not in self._lower_words:
            self._lower_words[low] = _LOWER_WORD.fullmatch(low) is not None and (
                # the word as a literal first, so that the engine skips ahead to it
                re.search(rf"{low}(?<![\w’'-]{low})(?![\w’'-])", self.text) is not None
            )
        return self._lower_words[low]

    def lowered(self, text: str) -> str:
        """A description as a speaker's name, its first letter in lower case when the first
        word is a common one (`A spokeswoman`, `Experts on flood defences`), not a proper
        noun or adjective, which the article writes capitalised in mid-sentence too
        (`Republican voters in Ohio`) or as a possessive (`China’s ambassador to Britain`)."""
        first = text.split(maxsplit=1)[0] if text.strip() else ""
        low = first.lower()
        closed = (
            low in DETERMINERS
            or low in INDEFINITE
            or low in GROUP_PRONOUNS
            or low in PARTITIVE_QUANTIFIERS
            or is_number(low)
        )  # (`The spokesman`, `One in five`: always a common word)
        if not closed and (POSSESSIVE_END.search(first) or first in self.reg.noninitial):
            return text
        return lower_first(text)

    def _core(self, ph: Mention, nested: bool) -> Speaker:
        """`a lawyer for the news outlets`: the speaker is the core before the preposition."""
        named = self._name_after_place(ph)
        if named is not None:
            return named
        core = Mention(ph.start, ph.core_end, self.text[ph.start : ph.core_end], ph.kind)
        found = self.resolve(core, nested)
        if found.kind in ("anonymous", "unknown"):
            later = self._named_later(ph)
            if later is not None:
                return later
            # `a spokeswoman for Hillary Clinton`, `people familiar with the talks`: an unnamed
            # person or group keeps its whole description
            return Speaker(self.lowered(ph.text), found.role, "anonymous")
        return found

    def _named_later(self, ph: Mention) -> Speaker | None:
        """`China’s ambassador to Britain accused ...`, then `China’s ambassador to Britain
        Liu Xiaming has said`: a definite description that stands before a name later on
        names that person."""
        if ph.text.split()[0].lower() in INDEFINITE:
            return None
        mentions, starts = self.reg.mentions, self._mention_at
        hi = ph.end + _NAMED_LATER_WINDOW
        at = self.text.find(ph.text, ph.end, hi)
        while at != -1:
            end = at + len(ph.text)
            k = bisect_left(starts, end)
            if k < len(mentions) and mentions[k][0] == end + 1:
                p = mentions[k][2]
                return Speaker(p.name, p.role, "person")
            at = self.text.find(ph.text, end, hi)
        return None

    def _name_after_place(self, ph: Mention) -> Speaker | None:
        """`China’s ambassador to Britain Liu Xiaming`: a person's name that ends the phrase
        right after the place of the role (people.Registry.after_place; not `a spokeswoman for
        Hillary Clinton`, whose name follows the preposition)."""
        mentions, starts = self.reg.mentions, self._mention_at
        for start, end, p in mentions[
            bisect_left(starts, ph.core_end) : bisect_left(starts, ph.end)
        ]:
            if end >= ph.end - 1 and start in self.reg.after_place:
                return Speaker(p.name, p.role, "person")
        return None

    def _owned(self, ph: Mention, clean: list[str], low_words: list[str]) -> Speaker | None:
        """`His office said`, `her campaign`, `his aides`: an office, a campaign or a group of
        the person `his` or `her` refers to (one of known gender, named in the sentences
        before), named by that person (`Tom Hale's office`); None for anything else, and in a
        group of speakers (`Lind and his team`: as written)."""
        det, head = low_words[0], low_words[-1]
        want = _OWNER_GENDER.get(det)
        if want is None or len(low_words) != 2 or self._in_multi:
            return None
        if not (head.isalpha() and (is_plural(head) or head in _OWNED_NOUNS)):
            return None  # (`his own`, `her recent`: no noun)
        p = self._antecedent(ph.start, want)
        if p is None or self.gender.get(p.name, "") not in (want, ""):
            return None
        mark = "’" if "’" in self.text else "'"
        return Speaker(f"{p.name}{mark}s {clean[1]}", "", "anonymous")

    def _multi(self, ph: Mention, nested: bool) -> Speaker:
        names = []
        self._in_multi = True
        try:
            spans = conjunct_spans(self.text, ph.start, ph.end)
            surname = self._shared_surname(spans)
            for s, e in spans:
                text = self.text[s:e]
                kind = "name" if text[:1].isupper() else "description"
                if surname and text.split()[-1].lower() in self.lex.given_names:
                    # `David and Jeanne Heidler`: David Heidler, as registered or as written
                    full = (text.split()[-1], surname)
                    p = self.reg.find(full, s, first_names=False)
                    names.append(p.name if p is not None else " ".join(full))
                    continue
                names.append(self.resolve(Mention(s, e, text, kind), nested).name)
        finally:
            self._in_multi = False
        return Speaker("; ".join(names), "", "multi")

    def _shared_surname(self, spans: list[tuple[int, int]]) -> str:
        """The surname that names joined by `and` share when only the last one has it
        (`David and Jeanne Heidler`): the last name has two words, and every name before it
        is a given name alone (data/lexicons/given_names.txt), after a title or role at most;
        else ""."""
        words = [self.text[s:e].split() for s, e in spans]
        given = self.lex.given_names
        last = words[-1]
        if len(last) != 2 or not (last[0][:1].isupper() and last[1][:1].isupper()):
            return ""
        if all(
            w[-1].lower() in given
            and w[-1][:1].isupper()
            and all(is_role(x, self.lex) or x.lower() in self.lex.titles for x in w[:-1])
            for w in words[:-1]
        ):
            return last[1]  # (not `Lindsey Graham and David Perdue`: Graham is a surname)
        return ""

    def _quoted(self, at: int) -> bool:
        k = bisect_right(self.quote_opens, at) - 1
        return k >= 0 and at < self.quote_closes[k]

    def _name(self, ph: Mention, split: NameSplit, first_names: bool = True) -> Speaker:
        if split.role and split.role.split()[-1].lower() in PREPOSITIONS:
            first_names = False  # `Executives for Mondelez`: the name is the role's object
        for k in range(len(split.name)):
            p = self.reg.find(split.name[k:], ph.start, first_names and k == 0)
            if p is not None:
                return Speaker(p.name, p.role or split.role, "person")
        if split.is_org:
            return Speaker(split.org, "", "org")
        if all(INITIALISM.fullmatch(w) for w in split.name):  # `NASA`, `the BBC`
            return Speaker(" ".join(split.name), "", "org")
        org = self.reg.org_starting(split.name) if not split.role else None
        if org is not None:  # `McClatchy said` after `McClatchy Co.`: its short form
            return Speaker(org, "", "org")
        return Speaker(" ".join(split.name), split.role, "person")

    def _description(self, ph: Mention, clean: list[str]) -> Speaker:
        lex = self.lex
        low_words = [w.lower().rstrip(".") for w in clean]
        head = low_words[-1] if low_words else ""
        det = low_words[0] if low_words else ""
        if det in DEFINITE and any(AGE_NOUN.fullmatch(w) for w in low_words):
            # `the 47-year-old`, `the 34-year-old mother`: a nominal reference to the person
            # the sentence before is about
            p = self._antecedent(ph.start, "")
            if p is not None:
                return Speaker(p.name, p.role, "person")
        fits = lex.role_fits.get(" ".join(low_words[-2:])) or lex.role_fits.get(head)
        if fits is None and head.endswith("s"):
            fits = lex.role_fits.get(head[:-1])
        if fits is not None:
            return self._role(ph, low_words, fits)
        owned = self._owned(ph, clean, low_words)
        if owned is not None:
            return owned
        if det in DEFINITE and head in lex.person_nouns and len(low_words) <= _NOMINAL_WORDS:
            # `the actor`, `the Danish coach`: a nominal reference to the person the sentences
            # before are about
            p = self._antecedent(ph.start, lex.person_nouns[head])
            if p is not None:
                return Speaker(p.name, p.role, "person")
        if head in lex.documents and det in _REFERRING:
            # `the email said`: whoever sent the email named last (`Her campaign sent out an
            # email`), or found for the same noun before; else whoever spoke last
            # (the same document named again later, past the issuer's sentence, still
            # speaks for it: `“...,” the statement continued.`)
            issuer = self._issuer(ph.start, head) or self._issuers.get(head)
            if issuer is not None:
                self._issuers[head] = issuer
                return issuer
            last = next(self.recent(), None)
            return last if last is not None else Speaker(self.lowered(ph.text), "", "anonymous")
        if head in lex.orgs or ph.kind == "org" or head in lex.generic_orgs:
            # (`the brokerage`: a generic noun of organisations that names none by itself)
            return self._org(ph, clean, low_words, head, det)
        share = is_share(low_words)
        if share or (head in QUANTITY_NOUNS and det in APPROXIMATORS | COMPARATIVES):
            # a share of a group (`six in 10`, `nearly half`): a group of its own, each time
            return Speaker(self._as_description(ph.text, det), "", "anonymous")
        for sp in self._recent_groups(head) if det not in INDEFINITE and not is_number(det) else ():
            if _same_group(sp.name, low_words):
                return sp
        if (
            det in INDEFINITE
            or (head.endswith("s") and det not in DETERMINERS)
            or (det == "the" and len(low_words) > 1 and head.isalpha() and head.islower())
            or head in GROUP_PRONOUNS  # `some note that`
            or (head in ("them", "us") and det in PARTITIVE_QUANTIFIERS)  # `most of them`
            or (det == "those" and len(low_words) > 1)  # `those surveyed`
            or low_words == ["those"]  # `those who said`
            or (det in POSSESSIVE_DETERMINERS and is_plural(head))  # `her colleagues`
            or is_number(det)  # `70 percent`, `two officials`
        ):  # `a source`, `officials`, `the patient`: an unnamed person or group
            return Speaker(self._as_description(ph.text, det), "", "anonymous")
        return NOBODY

    def _as_description(self, text: str, det: str) -> str:
        plain = det in DETERMINERS or det in INDEFINITE or det in GROUP_PRONOUNS
        return self.lowered(text) if plain else text

    def _role(self, ph: Mention, low_words: list[str], fits: frozenset[str]) -> Speaker:
        """`the spokesman`: the latest speaker or person whose role fits; `a spokesman`: an
        unnamed source of its own."""
        head, det = low_words[-1], low_words[0]
        plural = is_plural(head)
        if det not in INDEFINITE and plural:
            # `Prosecutors` after `federal prosecutors`: the same group; `the doctors` is a
            # group, never one person whose role fits
            for sp in self._recent_groups(head):
                if _same_group(sp.name, low_words):
                    return sp
        if det not in INDEFINITE and not plural:
            for sp in self.recent():
                if sp.kind == "person" and set(sp.role.lower().replace(".", "").split()) & fits:
                    return sp
                if sp.kind == "anonymous" and _head_noun(sp.name) == head:
                    return sp
            p = self.reg.person_before(ph.start, fits=fits)
            if p is not None:
                return Speaker(p.name, p.role, "person")
            if det in ("this", "that"):
                return NOBODY
        # `a spokesman`, `the doctors`; `the spokesperson` when nobody named fits: an unnamed
        # person or group, named by the description
        return Speaker(self._as_description(ph.text, det), "", "anonymous")
