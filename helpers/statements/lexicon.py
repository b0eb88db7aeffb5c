"""The extractor's word lists, read once from data/lexicons/ and compiled.

Reporting verbs become a :class:`CueFinder` that finds every inflected form ("said",
"pointed out") by word lookup, faster than one large regular expression of alternatives.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from helpers.lexicons import lexicon, lexicon_set


@dataclass(frozen=True)
class CueMatch:
    """Where a reporting-verb form was found."""

    start: int
    end: int
    text: str


_WORD_RE = re.compile(r"(?<![\w’'-])[A-Za-z]+(?![\w’'-])")
_KELVIN = "\u212a"  # the one non-ASCII character whose lower case is an ASCII letter


def _trie(words) -> str:
    """A regular expression matching any of the words, as a trie of their letters: the
    engine follows one branch per letter instead of trying every word in turn."""
    root: dict = {}
    for w in words:
        node = root
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict) -> str:
        alts = [re.escape(ch) + emit(node[ch]) for ch in sorted(node) if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        if "" not in node:
            return body
        return (body if len(alts) > 1 else "(?:" + body + ")") + "?"

    return emit(root)


class CueFinder:
    """Finds reporting-verb forms in a text range; multi-word forms match whole."""

    def __init__(self, forms: dict[str, str]):
        self.first: dict[str, list[re.Pattern | None]] = {}
        for form in sorted(forms, key=len, reverse=True):
            first, *rest = form.split()
            tail = (
                re.compile(r"".join(r"\s+" + re.escape(w) for w in rest) + r"(?![\w’'-])", re.I)
                if rest
                else None
            )
            self.first.setdefault(first, []).append(tail)
        # the first words of every form, found in lower-cased text (twice as fast as looking
        # up every word of the text)
        self._first_re = re.compile(rf"(?<![\w’'-])(?:{_trie(self.first)})(?![\w’'-])")

    def first_words(self, text: str, lo: int = 0, hi: int | None = None):
        """(start, end, lower-cased word) of every word in [lo, hi) that starts a form."""
        hi = len(text) if hi is None else hi
        before = max(lo - 1, 0)  # one character before `lo`, for the look-behind
        window = text[before:hi]
        low = window.lower()
        if len(low) == len(window) and _KELVIN not in window:
            return [
                (before + m.start(), before + m.end(), m.group())
                for m in self._first_re.finditer(low, lo - before)
            ]
        # lower case changes some offset: look up every word
        words = ((m.start(), m.end(), m.group().lower()) for m in _WORD_RE.finditer(text, lo, hi))
        return [w for w in words if w[2] in self.first]

    def complete(self, text: str, start: int, end: int, first: str, hi: int) -> CueMatch | None:
        """The whole form that a first word starts (`pointed` + ` out`), if any, before `hi`."""
        for tail in self.first[first]:
            if tail is None:
                return CueMatch(start, end, text[start:end])
            t = tail.match(text, end, hi)
            if t:
                return CueMatch(start, t.end(), text[start : t.end()])
        return None

    def finditer(self, text: str, lo: int = 0, hi: int | None = None):
        hi = len(text) if hi is None else hi
        for start, end, first in self.first_words(text, lo, hi):
            found = self.complete(text, start, end, first, hi)
            if found is not None:
                yield found

    def search(self, text: str, lo: int = 0, hi: int | None = None) -> CueMatch | None:
        return next(self.finditer(text, lo, hi), None)


@dataclass(frozen=True, eq=False)  # hashed by identity: one instance per process
class Lexicons:
    """Every word list the extractor uses."""

    verb_forms: dict[str, str]  # lower-cased form ("pointed out") -> base ("point out")
    zero_that: frozenset[str]  # base forms that may take content without "that"
    clause_that: frozenset[str]  # ... when a clause plainly follows ("suggested the plan was")
    verb_re: CueFinder
    titles: frozenset[str]  # lower-cased, with and without a final period
    title_gender: dict[str, str]
    role_fits: dict[str, frozenset[str]]  # role noun -> role words it fits
    role_heads: frozenset[str]  # single-word role nouns (last word of multi-word ones)
    pronouns: dict[str, str]
    orgs: frozenset[str]
    generic_orgs: dict[str, frozenset[str]]  # `company` -> organisation words it fits
    stop: frozenset[str]
    starters: frozenset[str]
    abbrevs: frozenset[str]
    tell_verbs: frozenset[str]
    frames: dict[str, frozenset[str]]  # lemma -> its predicative frames ("as", "name")
    frame_only: frozenset[str]  # lemmas that are cues only in a frame ("call")
    documents: frozenset[str]
    source_nouns: frozenset[str]  # `case report`, `court documents`: a source's core noun
    addressee_first: frozenset[str]  # tell verbs whose next name is never the speaker
    relay_verbs: frozenset[str]
    addressees: frozenset[str]
    collective: frozenset[str]  # `police`, `staff`: a group without a determiner
    person_nouns: dict[str, str]  # `the actor`: a nominal reference -> gender ("m", "f", "")
    given_names: dict[str, str]  # `tom` -> "m": a given name's gender, when nothing else tells
    relation_nouns: frozenset[str]  # `wife`, `friend`: another person, after a possessive name
    participle_subjects: dict[str, frozenset[str]]  # `as`, `before`, `media` -> words
    issued_document: re.Pattern  # `issued a statement` before a participle: the issuer speaks
    honorifics: frozenset[str]
    name_titles: frozenset[str]  # `Prince Andrew`: the title stays in a one-word name
    labels: frozenset[str]  # `Republican Tom Hale`: a party before a name is no part of it
    gendered_nouns: dict[str, str]  # `one mother` -> "f": an unnamed person a pronoun may take
    non_person: frozenset[str]
    name_particles: tuple[str, ...]


def inflect(base: str) -> list[str]:
    """Regular forms of a verb: -s, -ed, -ing, with the usual spelling changes."""
    if base.endswith("e"):
        return [base + "s", base + "d", base[:-1] + "ing"]
    if base.endswith("y") and base[-2:-1] not in "aeiou":
        return [base[:-1] + "ies", base[:-1] + "ied", base + "ing"]
    if base.endswith(("s", "sh", "ch", "x", "z")):
        return [base + "es", base + "ed", base + "ing"]
    return [base + "s", base + "ed", base + "ing"]


def cue_entries() -> list[tuple[str, str, list[str], str, str]]:
    """(class, lemma, extra forms, cue flag, what it does) of every line of
    data/lexicons/reporting_verbs.txt, the kit's one reporting-verb lexicon."""
    out = []
    for entry in lexicon("reporting_verbs"):
        fields = [f.strip() for f in entry.split("|")]
        fields += [""] * (5 - len(fields))
        cls, lemma, forms, cue, framing = fields[:5]
        extra = [f.strip().lower() for f in forms.split(",") if f.strip()]
        out.append((cls.lower(), lemma, extra, cue, framing))
    return out


def _verb_forms() -> tuple[dict[str, str], frozenset[str], frozenset[str]]:
    """Every form of every cue verb -> its lemma; the lemmas that may drop "that"; those that
    may drop it before a plain clause."""
    forms: dict[str, str] = {}
    zero: set[str] = set()
    clause: set[str] = set()
    for _cls, lemma, extra, cue, _framing in cue_entries():
        if not cue.startswith("cue") and cue != "frame":
            continue
        head = lemma.lower()
        if cue == "cue*":
            zero.add(head)
        if cue == "cue+":
            clause.add(head)
        first, *rest = head.split()
        for f in [first, *inflect(first), *extra]:
            forms[" ".join([f, *rest])] = head
    return forms, frozenset(zero), frozenset(clause)


def _titles() -> tuple[frozenset[str], dict[str, str]]:
    titles: set[str] = set()
    gender: dict[str, str] = {}
    for entry in lexicon("titles"):
        word, _, g = entry.partition("=")
        word = word.strip().lower()
        titles.update({word, word.rstrip(".")})
        if g.strip():
            gender[word.rstrip(".")] = g.strip()
    return frozenset(titles), gender


def _pairs(name: str) -> dict[str, str]:
    """`key = value` lines, keys lower-cased."""
    out = {}
    for entry in lexicon(name):
        key, _, value = entry.partition("=")
        out[key.strip().lower()] = value.strip()
    return out


def issuing(verbs, documents) -> str:
    """The pattern of a verb that issues a document, then the document: `issued a statement`,
    `sent out a two-page memo`, `released its report`."""
    verb = "|".join(sorted(verbs))
    doc = "|".join(sorted(re.escape(d) for d in documents))
    return (
        rf"(?<![\w’'-])(?:{verb})\s+(?:out\s+)?(?:a|an|the|its|his|her|their|our)\s+"
        rf"(?:[\w’'-]+\s+){{0,3}}?(?:{doc})s?(?![\w’'-])"
    )


def _issued_document(verbs: frozenset[str], documents: frozenset[str]) -> re.Pattern:
    """`issued a statement`, `sent out a two-page memo to the board on Friday`: a verb that
    issues a document, its object, and what follows up to a participle (the pattern's end)."""
    return re.compile(issuing(verbs, documents) + r"[^,;:.!?\x00]{0,60}\s$")


@cache
def lexicons() -> Lexicons:
    """Load and compile the lexicons (once per process)."""
    forms, zero, clause = _verb_forms()
    titles, gender = _titles()
    fits = {
        noun: frozenset(w.lower().rstrip(".") for w in words.split())
        for noun, words in _pairs("role_nouns").items()
    }
    subjects = {
        kind: frozenset(words.split()) for kind, words in _pairs("participle_subjects").items()
    }
    return Lexicons(
        verb_forms=forms,
        zero_that=zero,
        clause_that=clause,
        verb_re=CueFinder(forms),
        titles=titles,
        title_gender=gender,
        role_fits=fits,
        role_heads=frozenset(n.split()[-1] for n in fits),
        pronouns=_pairs("pronouns"),
        orgs=lexicon_set("organisations"),
        generic_orgs={
            noun: frozenset(words.lower().split())
            for noun, words in _pairs("generic_organisations").items()
        },
        stop=lexicon_set("stopwords"),
        starters=lexicon_set("sentence_starters"),
        abbrevs=frozenset(a.lower().rstrip(".") for a in lexicon("abbreviations")),
        documents=lexicon_set("document_nouns"),
        source_nouns=lexicon_set("source_nouns"),
        frames={k: frozenset(v.split()) for k, v in _pairs("verb_frames").items()},
        frame_only=frozenset(
            lemma.lower() for _c, lemma, _x, cue, _f in cue_entries() if cue == "frame"
        ),
        tell_verbs=frozenset(v.rstrip("*") for v in lexicon_set("tell_verbs")),
        addressee_first=frozenset(
            v.rstrip("*") for v in lexicon_set("tell_verbs") if v.endswith("*")
        ),
        relay_verbs=lexicon_set("relay_verbs"),
        addressees=lexicon_set("addressees"),
        collective=lexicon_set("collective_nouns"),
        person_nouns=_pairs("person_nouns"),
        given_names=_pairs("given_names"),
        relation_nouns=lexicon_set("relation_nouns"),
        participle_subjects=subjects,
        issued_document=_issued_document(subjects["issued"], lexicon_set("document_nouns")),
        honorifics=lexicon_set("honorifics"),
        name_titles=lexicon_set("name_titles"),
        labels=lexicon_set("labels"),
        gendered_nouns=_pairs("gendered_nouns"),
        non_person=lexicon_set("non_person_words"),
        name_particles=lexicon("name_particles"),
    )
