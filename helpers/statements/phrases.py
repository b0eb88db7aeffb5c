"""Stage 4, mentions: the shapes of a phrase that can name a speaker, read on tokens.

:mod:`.mentions` finds where the phrase before a cue ends (past adverbs, auxiliaries and
asides); the functions here read the phrase ending at one token: a name or a role with its
modifiers (`Kremlin Spokesman Dmitry Peskov`), an unnamed source after an article (`a
librarian`), a group (`Dock workers`, `..., and rights groups`), a person with their group
(`Lind and his team`). They look at tokens only and never search further back.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from helpers.statements.conjuncts import conjuncts, list_comma
from helpers.statements.grammar import (
    ADJUNCT_WORDS,
    COORDINATORS,
    DETERMINERS,
    GROUP_OPENERS,
    INDEFINITE,
    NAME_LINKS,
    OPENING_ADVERBS,
    POSSESSIVE_DETERMINERS,
    PREPOSITIONS,
    QUANTITY_NOUNS,
    SOURCE_DETERMINERS,
    is_number,
)
from helpers.statements.lexicon import Lexicons
from helpers.statements.words import (
    Token,
    is_cap,
    is_name_word,
    is_plural,
    is_stop,
    opens_sentence,
)

# A sentence-opening group (`Health care providers said`) has at most this many words.
_MAX_GROUP_WORDS = 3
# A fronted phrase before a sentence's group that speaks (`In the old harbour town, traders
# said`) has at most this many tokens, none of them punctuation.
_MAX_FRONTED_TOKENS = 6
_CLAUSE_MARKS = frozenset(",;:—–()")
# A lower-case modifier of a role or organisation noun (`the senior White House official`).
MAX_LOWER_MODIFIERS = 3


@dataclass
class Mention:
    """The words naming a speaker at a cue."""

    start: int
    end: int
    text: str
    kind: str  # "name", "pronoun", "description", "org", "multi", "source"
    parts: list[tuple[int, int]] = field(default_factory=list)  # the names of a multi mention
    core_end: int | None = None  # `A spokeswoman for Hillary Clinton`: the speaker ends here


@dataclass
class Found:
    """A mention found before a cue: where its first token is, and the word before it."""

    mention: Mention | None
    index: int = -1
    word_before: str = ""
    relative: bool = False  # the antecedent of a relative `who` (`to Republicans who say`)
    comma_relative: bool = False  # ... of `, who` after a preposition (`from a child, who said`)
    # where the phrase starts when the mention is a name in an apposition (`his predecessor,
    # Ana Berg, had dubbed`: the description before it)
    phrase_start: int | None = None


NOTHING = Found(None)


# `the 47-year-old`: an age used as a noun or before one (a nominal reference to a person)
AGE_NOUN = re.compile(r"\d{1,3}-year-old", re.I)
# An unnamed source's determiner is looked for this many words before its noun (`the
# billionaire real estate magnate`).
_MAX_SOURCE_MODIFIERS = 4
# a hyphenated modifier before a noun (`the self-described moderate`, `the Arden-born dancer`,
# `the 50-state poll`)
_COMPOUND = re.compile(r"[^\W_]+(?:-[^\W\d_]+)+")


def _modifier(w: str, lex: Lexicons) -> bool:
    """Whether a word can stand between a source's determiner and its noun."""
    return (w.isalpha() or bool(AGE_NOUN.fullmatch(w) or _COMPOUND.fullmatch(w))) and not is_stop(
        w, lex
    )


def _counted(head: str) -> bool:
    """A noun a number can open as a group: `percent`, or a plural (`70 nurses`; not a year's
    `1996 opinion`, nor `20 different`)."""
    return head == "percent" or is_plural(head)


def _source_determiner(toks: list[Token], i: int, low: str) -> int | None:
    """The token that opens an unnamed source ending at token i: a determiner, an owner
    (`The victim's mother`), a number before a counted noun (`70 percent`), looked for back
    to the nearest punctuation (`Many days, former employees said` has none)."""
    lo = i - 1
    while lo > max(-1, i - 1 - _MAX_SOURCE_MODIFIERS) and toks[lo][2][0].isalnum():
        lo -= 1
    det = next(
        (
            k
            for k in range(i - 1, lo, -1)
            if toks[k][2].lower() in SOURCE_DETERMINERS
            or toks[k][2].endswith(("’s", "'s"))
            or (is_number(toks[k][2]) and _counted(low))  # `70 percent`, `Fifty-one percent`
        ),
        None,
    )
    if (
        det is not None
        and det > 0
        and is_number(toks[det][2])
        and toks[det - 1][2].lower() in SOURCE_DETERMINERS
    ):
        det -= 1  # `a dozen members`, `the two voters`
    elif (
        det is not None
        and det > 0
        and toks[det][2].endswith(("’s", "'s"))
        and toks[det - 1][2].lower() in ("the", "a", "an")
    ):
        det -= 1  # `The victim's mother`: the owner's determiner opens the phrase
    return det


def unnamed_source(
    masked: str, toks: list[Token], i: int, lex: Lexicons, at_start: bool = False
) -> Found:
    """Any noun after an article can name an unnamed source: `a librarian said`."""
    head = toks[i][2]
    low = head.lower()
    det = _source_determiner(toks, i, low)
    if det is None and head.islower() and _counted(low) and low not in lex.stop:
        # `..., and rights groups warned`, `Overall, conservative groups reported`
        group = _clause_first_group(masked, toks, i, lex, at_start)
        if group is not None:
            return group
    if det is None and at_start:
        first = _sentence_first_group(toks, i, lex)
        if first is not None:
            # `Dock workers said`, `Health care providers said`, `But harbour traders say`
            s0, e0 = toks[first][0], toks[i][1]
            before = toks[first - 1][2] if first else ""
            return Found(Mention(s0, e0, masked[s0:e0], "description"), first, before)
    document = det is not None and (low in lex.documents or low in lex.source_nouns)
    if low in lex.stop or (low in lex.verb_forms and not document):  # (`a report said`)
        return NOTHING
    words = [toks[k][2] for k in range(det + 1, i)] if det is not None else []
    if det is None or not all(
        _modifier(w, lex)
        or (w in ("and", "or") and 0 < k < len(words))
        or (k == 0 and w.endswith(("’s", "'s")) and w[:-2].isalpha())  # `The victim's`
        for k, w in enumerate(words)
    ):
        if (
            i >= 2
            and toks[i - 1][2] == "of"
            and toks[i - 2][2].lower() in QUANTITY_NOUNS
            and head.islower()
            and _counted(low)
        ):
            # `44 percent of voters`: the plural after `of`, for the phrase before it to take
            return Found(Mention(toks[i][0], toks[i][1], head, "description"), i, "of")
        return NOTHING
    if not (head.isalpha() or AGE_NOUN.fullmatch(head)):  # `the 47-year-old said`
        return NOTHING
    before = toks[det - 1][2].lower() if det > 0 else ""
    s0, e0 = toks[det][0], toks[i][1]
    return _person_and(masked, toks, det, e0, lex) or Found(
        Mention(s0, e0, masked[s0:e0], "description"), det, before
    )


def bare_group(masked: str, toks: list[Token], i: int, lex: Lexicons) -> Found:
    """`dock unions`, `those` before a relative `who`: lower-case words ending in a plural
    noun, with no determiner (`opposed by powerful dock unions who said`), or `those`."""
    head = toks[i][2]
    if head.lower() == "those":
        return Found(Mention(toks[i][0], toks[i][1], head, "description"), i, _word(toks, i - 1))
    if not (head.isalpha() and head.islower() and is_plural(head)) or is_stop(head, lex):
        return NOTHING
    if head in lex.verb_forms:
        return NOTHING
    g = _group_start(toks, i, lex)
    s0, e0 = toks[g][0], toks[i][1]
    return Found(Mention(s0, e0, masked[s0:e0], "description"), g, _word(toks, g - 1))


def _group_start(toks: list[Token], i: int, lex: Lexicons) -> int:
    """The first of the lower-case words (a group has at most _MAX_GROUP_WORDS) that end in
    the group's noun at token i: `human rights groups`, `powerful dock unions`."""
    g = i
    while (
        g - 1 >= 0
        and i - g < _MAX_GROUP_WORDS - 1
        and toks[g - 1][2].isalpha()
        and toks[g - 1][2].islower()
        and not is_stop(toks[g - 1][2], lex)
        and toks[g - 1][2] not in lex.verb_forms
    ):
        g -= 1
    return g


def _word(toks: list[Token], k: int) -> str:
    """The lower-case word at token k, or "" before the first."""
    return toks[k][2].lower() if k >= 0 else ""


def _person_and(masked: str, toks: list[Token], det: int, e0: int, lex: Lexicons):
    """`Lind and his team wrote`, `Kit Lind and her colleagues said`: a person and their
    group, joined by `and`, speak together (a multi mention); None for anything else."""
    if not (
        det >= 2
        and toks[det][2].lower() in POSSESSIVE_DETERMINERS
        and toks[det - 1][2] == "and"
        and is_cap(toks[det - 2][2])
        and toks[det - 2][2].isalpha()
    ):
        return None
    j = _name_start(toks, det - 2, lex, False, False)
    if j > det - 2 or is_stop(toks[j][2], lex):
        return None
    n0 = toks[j][0]
    parts = [(n0, toks[det - 2][1]), (toks[det][0], e0)]
    word = toks[j - 1][2].lower() if j > 0 else ""
    return Found(Mention(n0, e0, masked[n0:e0], "multi", parts), j, word)


def _clause_first_group(
    masked: str, toks: list[Token], i: int, lex: Lexicons, at_start: bool = False
) -> Found | None:
    """`..., and human rights groups warned`: lower-case words ending in a plural noun that open
    a coordinated clause, or the sentence's one clause after a short fronted phrase and a
    comma (`Overall, conservative groups reported`, `In Arden, harbour workers said`; when
    `toks` start at the sentence's start, `at_start`)."""
    g = _group_start(toks, i, lex)
    if (
        g >= 2
        and i - g < _MAX_GROUP_WORDS
        and toks[g - 2][2] == ","
        and is_cap(toks[g - 1][2])
        and toks[g - 1][2].isalpha()
        and not is_stop(toks[g - 1][2], lex)
    ):
        g -= 1  # `In Arden, Labour opponents said`: a proper adjective opens the group
    s0, e0 = toks[g][0], toks[i][1]
    if g >= 2 and toks[g - 1][2] in COORDINATORS and toks[g - 2][2] == ",":
        return Found(Mention(s0, e0, masked[s0:e0], "description"), g, toks[g - 1][2])
    fronted = toks[: g - 1]
    if (
        at_start
        and g >= 2
        and toks[g - 1][2] == ","
        and len(fronted) <= _MAX_FRONTED_TOKENS
        and not any(t[2] in _CLAUSE_MARKS or t[2].lower() in lex.verb_forms for t in fronted)
    ):
        return Found(Mention(s0, e0, masked[s0:e0], "description"), g, ",")
    return None


def _sentence_first_group(toks: list[Token], i: int, lex: Lexicons) -> int | None:
    """`Dock workers`, `Health care providers` opening a sentence, or its clause after `But`
    or `And`: a capitalised word (or any word after the opener), then lower-case words ending
    in a plural noun, and nothing else before the verb. The index of its first token."""
    first = 1 if i >= 1 and toks[0][2].lower() in GROUP_OPENERS else 0
    words = [t[2] for t in toks[first : i + 1]]
    head = words[-1].lower()
    opening = words[0] == words[0].capitalize() or (first and words[0].islower())
    ok = (
        1 <= i - first <= _MAX_GROUP_WORDS
        and opening
        and words[0].isalpha()
        and words[0].lower() not in lex.stop
        and all(w.isalpha() and w.islower() and w not in PREPOSITIONS for w in words[1:])
        and head.endswith("s")
        and not head.endswith("ss")
        and head not in lex.stop
        and head not in lex.verb_forms
    )
    return first if ok else None


def _name_start(toks: list[Token], i: int, lex: Lexicons, role: bool, org: bool) -> int:
    """The first token of a name or description ending at token i."""
    j = i
    lower_mods = 0
    while j - 1 >= 0:
        t = toks[j - 1][2]
        tl = t.lower()
        if tl in ("the", "a", "an", "another") or (
            tl in DETERMINERS and tl not in ("that", "one", "two")
        ):
            return j - 1
        if tl == "other" and (role or org) and is_plural(toks[i][2]):
            return j - 1  # `other party leaders`: a group of its own
        if t in ("’s", "'s") or is_name_word(t, lex):
            j -= 1
            continue
        if (
            tl in NAME_LINKS
            and j - 2 >= 0
            and is_cap(toks[j - 2][2])
            and is_cap(toks[j][2])
            and toks[j][2].lower() not in ADJUNCT_WORDS  # `Alden on Tuesday announced`
        ):
            j -= 1
            continue
        if t == "," and list_comma(toks, j, i, lex):
            j -= 1  # `Ivo Lind, Dana Feld and Tom Kell said`
            continue
        if (
            tl in ("a", "the")
            and j - 3 >= 0
            and toks[j - 2][2] in ("for", "of", "on")
            and is_cap(toks[j - 3][2])
        ):
            j -= 2  # Committee for a Responsible Federal Budget
            continue
        if (
            (role or org)
            and t[0].isalpha()
            and t.islower()
            and tl not in lex.stop
            and tl not in lex.verb_forms
            and lower_mods < MAX_LOWER_MODIFIERS
        ):
            lower_mods += 1
            j -= 1
            continue
        if tl in lex.role_heads and (role or is_cap(toks[i][2])):
            j -= 1
            continue
        return j
    return j


def name_phrase(
    masked: str, toks: list[Token], i: int, lex: Lexicons, role: bool, org: bool
) -> Found:
    head = toks[i][2]
    j = _name_start(toks, i, lex, role, org)
    if (
        j >= 2
        and is_cap(head)
        and toks[j - 1][2].isalpha()
        and toks[j - 1][2].islower()
        and not is_stop(toks[j - 1][2], lex)
        and toks[j - 1][2].lower() not in lex.verb_forms
        and toks[j - 2][2].lower() in ("the", "its", "their")
    ):
        j -= 2  # `the operator Westline Rail`, `the regional carrier Acme`
    # a lone sentence-initial capitalised word that is a common word is not a name
    while (
        j <= i
        and is_stop(toks[j][2], lex)
        and toks[j][2].lower() not in DETERMINERS
        and toks[j][2].lower() not in INDEFINITE  # `another source`
        and not (toks[j][2].lower() == "other" and j < i)  # `other party leaders`
    ):
        j += 1
    if (
        j < i
        and toks[j][2].lower() in OPENING_ADVERBS
        and is_name_word(toks[j + 1][2], lex)
        and opens_sentence(masked, toks[j][0])
    ):
        j += 1  # `Still Kell warned`: an adverb opening the sentence (not `Outside experts`)
    if j > i:
        return NOTHING
    before = toks[j - 1][2].lower() if j > 0 else ""
    start, end = toks[j][0], toks[i][1]
    words = masked[start:end]
    parts = conjuncts(masked, start, end, lex)
    if parts:
        return Found(Mention(start, end, words, "multi", parts), j, before)
    kind = "name"
    if toks[j][2].lower() in DETERMINERS or not is_cap(head):
        kind = "org" if org and not role else "description"
        together = _person_and(masked, toks, j, end, lex)  # `Lind and his team`
        if together is not None:
            return together
    elif org and not role:
        kind = "org"
    return Found(Mention(start, end, words, kind), j, before)
