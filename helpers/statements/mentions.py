"""Stage 4, mentions: the words naming the speaker beside a cue.

Before the cue (`Kremlin Spokesman Dmitry Peskov said`), skipping adverbs, auxiliaries and
asides (`Ostrova, who has led the council since 2019, said`); after it (`said Peskov`,
`according to the spokesman`) in :mod:`.mentions_after`. A mention has a kind that tells
the resolver what to do with it: name, pronoun, description, org, multi (several names),
source (a whole phrase).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from helpers.statements.conjuncts import conjuncts, list_comma
from helpers.statements.grammar import (
    ADJUNCT_WORDS,
    ASPECTUAL_VERBS,
    AUX_PASSIVE,
    CLAUSE_OPENERS,
    CONTRACTION,
    COORDINATORS,
    DETERMINERS,
    FINITE_VERBS,
    GROUP_OPENERS,
    GROUP_PRONOUNS,
    INDEFINITE,
    MODALS,
    NAME_LINKS,
    OPENING_ADVERBS,
    PHRASE_PREPOSITIONS,
    POSSESSIVE_DETERMINERS,
    PREPOSITIONS,
    QUANTITY_NOUNS,
    RELATIVE_PRONOUNS,
    SKIPPED_BEFORE_CUE,
    SOURCE_DETERMINERS,
    TIME_WORDS,
    is_number,
)
from helpers.statements.lexicon import Lexicons
from helpers.statements.quotes import PLACEHOLDER
from helpers.statements.shares import share_group
from helpers.statements.words import (
    Token,
    is_adverb,
    is_cap,
    is_name_word,
    is_plural,
    is_role,
    is_stop,
    opens_sentence,
    tokens,
)

# How far before a cue the speaker phrase is looked for, in characters: long enough for
# `Martin Esk, the finance director of Tallow Freight, which owns the yard, said`.
LOOK_BEHIND = 110
# ... and how far when an aside before the cue runs past that (`Kit Lind, a postdoctoral fellow
# at the Harbour Institute for Tidal Research in Arden, Norway, and co-author of the study,
# said`): looking this far for every cue would cost 5% of the extractor's time.
LONG_LOOK_BEHIND = 170
# A sentence-opening group (`Health care providers said`) has at most this many words.
_MAX_GROUP_WORDS = 3
# A place's name, and its country's or state's after it (`in Arden, North Dakota,`), have at
# most this many words each.
_MAX_PLACE_WORDS = 2
# A fronted phrase before a sentence's group that speaks (`In the old harbour town, traders
# said`) has at most this many tokens, none of them punctuation.
_MAX_FRONTED_TOKENS = 6
_CLAUSE_MARKS = frozenset(",;:—–()")
# The first words of an adverbial aside between a speaker and the cue (`, for instance,`, `, in
# turn,`, `, however,`)
_ADVERBIAL_ASIDES = frozenset("for in however meanwhile though too also instead then".split())
# Asides between commas are looked through when shorter than this many tokens.
MAX_ASIDE_TOKENS = 32
# Nested asides (`X, 56, who ..., said`) are followed this many levels deep.
MAX_DEPTH = 3
# A lower-case modifier of a role or organisation noun (`the senior White House official`).
MAX_LOWER_MODIFIERS = 3
# The first word of a time adjunct between a speaker and the cue (`on Tuesday`, `last week`,
# `this month`; `earlier this year` loses `earlier` as an adverb).
_TIME_OPENERS = frozenset(("on", "last", "this"))
# `passive` and `modal` as the word before a phrase are reasons, not words.
PASSIVE, MODAL = "passive", "modal"


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


NOTHING = Found(None)


# `the 47-year-old`: an age used as a noun or before one (a nominal reference to a person)
AGE_NOUN = re.compile(r"\d{1,3}-year-old", re.I)


def mention_before(
    masked: str,
    lo: int,
    verb_start: int,
    lex: Lexicons,
    depth: int = 0,
    progressive=False,
    look_behind: int = LOOK_BEHIND,
) -> Found:
    """The speaker phrase ending right before a verb (skipping adverbs and auxiliaries)."""
    window = max(lo, verb_start - look_behind)
    toks = tokens(masked, window, verb_start)
    if toks and toks[0][0] > lo and window > lo:
        toks = toks[1:]  # the first token may be cut
    i = len(toks) - 1
    while i >= 0:
        if toks[i][2].lower() in SKIPPED_BEFORE_CUE or is_adverb(toks[i][2]):
            i -= 1
        elif i >= 1 and toks[i][2] == "to" and toks[i - 1][2].lower() in ASPECTUAL_VERBS:
            i -= 2  # `he continued to complain`
        elif i >= 2 and toks[i][2] == "to" and toks[i - 1][2] == "on" and toks[i - 2][2] == "went":
            i -= 3  # `she went on to say`
        elif (
            i >= 1 and toks[i][2].lower() in TIME_WORDS and toks[i - 1][2].lower() in _TIME_OPENERS
        ):
            i -= 2  # `Alden on Tuesday announced`, `Alden last week said`: a time adjunct
        else:
            break
    if i >= 0 and toks[i][2] == ")":  # `Rep. Gwen Moore (D-Wis.) said`: skip the brackets
        while i >= 0 and toks[i][2] != "(":
            i -= 1
        i -= 1
    if i < 0:
        return NOTHING
    between = {t[2].lower() for t in toks[i + 1 :] if t[2] not in "()"}
    if between & AUX_PASSIVE and not progressive:
        return Found(None, -1, PASSIVE)
    return _head(masked, lo, toks, i, lex, depth)


def _head(masked: str, lo: int, toks: list[Token], i: int, lex: Lexicons, depth: int) -> Found:
    """What the last token before the cue makes of the phrase."""
    head = toks[i][2]
    low = head.lower()
    if head == "," and depth < MAX_DEPTH:
        return _before_aside(masked, lo, toks, i, lex, depth)
    if low in ("who", "which") and i >= 1 and toks[i - 1][2] == "," and depth < MAX_DEPTH:
        found = mention_before(masked, lo, toks[i - 1][0], lex, depth + 1)
        if low == "who" and found.mention is not None and found.word_before in PREPOSITIONS:
            # `a question from a young child, who said`: the relative clause after a comma
            # is about the phrase right before it, whatever stands before that
            return Found(found.mention, found.index, found.word_before, comma_relative=True)
        return found
    if head.isdigit() and i >= 1 and toks[i - 1][2] == "," and depth < MAX_DEPTH:
        return mention_before(masked, lo, toks[i - 1][0], lex, depth + 1)  # `Berg, 56, who`
    if low in ("who", "which") and i >= 1 and depth < MAX_DEPTH:
        # `an architect who said`, `a staffer at the ministry who told`, `the police
        # department which reported`: the phrase before the relative pronoun
        found = mention_before(masked, lo, toks[i][0], lex, depth + 1)
        kinds = ("name", "description", "org") if low == "who" else ("name", "org")
        if found.mention is not None and found.mention.kind in kinds:
            return Found(found.mention, found.index, found.word_before, relative=True)
        return NOTHING
    share = share_group(toks, i, lex)
    if share is not None:  # `six in 10 voters said`, `Nearly half said`
        first, before = share
        s0, e0 = toks[first][0], toks[i][1]
        return Found(Mention(s0, e0, masked[s0:e0], "description"), first, before)
    if low in MODALS:
        return Found(None, -1, MODAL)
    if i >= 2 and toks[i - 1][2] == "of" and is_number(low):
        return _of_number(masked, lo, toks, i, lex, depth)
    before = toks[i - 1][2].lower() if i > 0 else ""
    if low in GROUP_PRONOUNS and (not before[:1].isalnum() or before in CLAUSE_OPENERS):
        # `But some note that`, `..., others said`: an unnamed group (not `for some`, `Edwards
        # and others`)
        return Found(Mention(toks[i][0], toks[i][1], head, "description"), i, before)
    low = CONTRACTION.sub("", low)
    if low in lex.pronouns or low in ("i", "we"):
        before = toks[i - 1][2].lower() if i > 0 else ""
        return Found(Mention(toks[i][0], toks[i][1], head, "pronoun"), i, before)
    role, org = is_role(low, lex), low in lex.orgs
    if not (is_cap(head) and head[0].isalpha()) and not role and not org:
        return _unnamed_source(masked, toks, i, lex, at_start=toks[0][0] == lo)
    if is_cap(head) and is_stop(head, lex):
        return NOTHING
    return _name_phrase(masked, toks, i, lex, role, org)


def _of_number(masked: str, lo: int, toks: list[Token], i: int, lex: Lexicons, depth: int):
    """`the mother of three`: a description with a number after `of`; its core ends before."""
    found = _head(masked, lo, toks, i - 2, lex, depth)
    ph = found.mention
    if ph is None or ph.kind != "description":
        return NOTHING
    end = toks[i][1]
    return Found(
        Mention(ph.start, end, masked[ph.start : end], ph.kind, core_end=ph.end),
        found.index,
        found.word_before,
    )


def _counted(head: str) -> bool:
    """A noun a number can open as a group: `percent`, or a plural (`70 nurses`; not a year's
    `1996 opinion`, nor `20 different`)."""
    return head == "percent" or is_plural(head)


def _unnamed_source(
    masked: str, toks: list[Token], i: int, lex: Lexicons, at_start: bool = False
) -> Found:
    """Any noun after an article can name an unnamed source: `a librarian said`."""
    head = toks[i][2]
    low = head.lower()
    det = next(
        (
            k
            for k in range(i - 1, max(-1, i - 4), -1)
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
    if low in lex.stop or low in lex.verb_forms:
        return NOTHING
    words = [toks[k][2] for k in range(det + 1, i)] if det is not None else []
    if det is None or any(
        not (w.isalpha() or AGE_NOUN.fullmatch(w)) or is_stop(w, lex) for w in words
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


def _name_phrase(
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
    parts = conjuncts(masked, start, end)
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


def _before_aside(
    masked: str, lo: int, toks: list[Token], i: int, lex: Lexicons, depth: int
) -> Found:
    """`Ostrova, who has led the council since 2019, said`: the phrase before the aside.

    An aside between commas is a relative clause (who, which), an age, or an apposition;
    `our chief engineer, Ruth Adeyemi, told` gives the name in the apposition."""
    k = i - 1
    while k >= 0 and toks[k][2] not in (",", ";", ":") and i - k < MAX_ASIDE_TOKENS:
        if toks[k][2].startswith(PLACEHOLDER):
            return NOTHING
        k -= 1
    if k < 0 and toks[0][0] > lo and toks[i][1] - toks[0][0] <= LOOK_BEHIND and depth < MAX_DEPTH:
        # the aside runs past the look-behind window: look again, further back
        return mention_before(masked, lo, toks[i][1], lex, depth + 1, look_behind=LONG_LOOK_BEHIND)
    if k < 0 or toks[k][2] != "," or k == i - 1:
        return NOTHING
    seg = toks[k + 1 : i]
    first = seg[0][2].lower()
    if first in _ADVERBIAL_ASIDES and seg[0][2].islower() and depth < MAX_DEPTH:
        # `Harbour leaders in Arden, for instance, noted`: the phrase before the aside, as
        # if the aside were not there (its preposition is for the caller to read)
        return mention_before(masked, lo, toks[k][0], lex, depth + 1)
    if first == "and" and len(seg) > 1 and seg[1][2].islower() and depth < MAX_DEPTH:
        # `Kit Lind, a researcher at the institute, and co-author of the study, said`: a
        # second apposition; the first one comes before it
        return _before_aside(masked, lo, toks, k, lex, depth + 1)
    if _place_after_place(toks, k, i, lex):
        # `a researcher at the institute in Arden, Norway, said`: the country (or state) goes
        # with the place before it; the aside ends after both
        inner = toks[:k] + [toks[i]]
        return _before_aside(masked, lo, inner, len(inner) - 1, lex, depth)
    if depth == 0 and all(is_name_word(t[2], lex) for t in seg):
        before = mention_before(masked, lo, toks[k][0], lex, depth + 1).mention
        if before is not None and before.kind in ("description", "org"):
            s0, e0 = seg[0][0], seg[-1][1]
            return Found(Mention(s0, e0, masked[s0:e0], "name"), k + 1, ",")
    if (
        first in RELATIVE_PRONOUNS
        or seg[0][2].isdigit()
        or first in DETERMINERS
        or first in ("aged", "a", "an", "the")
        or (first.endswith("ing") and seg[0][2].islower())
        or seg[0][2].endswith(("’s", "'s"))
    ):
        found = mention_before(masked, lo, toks[k][0], lex, depth + 1)
        return _name_before_apposition(masked, lo, found, lex, depth)
    if first in FINITE_VERBS:
        return NOTHING  # `, whose hometown, Miami, is projected to ...,`: a clause, no apposition
    # `Dianne Feinstein, Democrat of California, said`: an apposition after a name
    found = mention_before(masked, lo, toks[k][0], lex, depth + 1)
    if (
        found.mention is not None
        and found.mention.kind == "name"
        and found.word_before
        in (
            "of",
            "from",
            "in",
        )
    ):
        # `Johnnie Wilson, of Springfield, Va., said`: the place is an aside too
        comma = masked.rfind(",", lo, found.mention.start)
        if comma > lo and not masked[comma + 1 : found.mention.start].strip(" ofrmin"):
            found = mention_before(masked, lo, comma, lex, depth + 1)
    if (
        found.mention is not None
        and found.mention.kind == "name"
        and found.word_before not in PREPOSITIONS
    ):
        return found
    return NOTHING


def _place_after_place(toks: list[Token], k: int, i: int, lex: Lexicons) -> bool:
    """Whether the aside between the commas at k and i is a place's country or state after a
    place named after `in`, `of` or `from` (`in Arden, Norway,`, `of Springfield, Va.,`)."""
    if not 1 <= i - k - 1 <= _MAX_PLACE_WORDS or not all(
        is_name_word(t[2], lex) for t in toks[k + 1 : i]
    ):
        return False
    j = k - 1
    while j >= 0 and k - j <= _MAX_PLACE_WORDS and is_name_word(toks[j][2], lex):
        j -= 1
    # (not `the Bureau of Investigation, James Comey,`: a name's `of`, then a name)
    return (
        0 < j < k - 1
        and toks[j][2] in ("in", "of", "from")
        and not (toks[j][2] == "of" and is_name_word(toks[j - 1][2], lex))
    )


def _name_before_apposition(masked: str, lo: int, found: Found, lex: Lexicons, depth: int):
    """`Anselm Rookwood, director of Kestle Buses, which runs the depot, said`: the phrase
    before the relative clause is an apposition; the name before it is the speaker."""
    ph, word = found.mention, found.word_before
    if ph is not None:
        ph, word = extend_chain(masked, lo, ph, word, lex, kinds=_PP_HEADS)
    if ph is None or ph.kind == "pronoun":
        return found
    comma = masked.rfind(",", lo, ph.start)
    if comma < 0 or depth + 1 >= MAX_DEPTH:
        return found
    between = masked[comma + 1 : ph.start].split()
    if ph.text[:1].isupper() and word in PHRASE_PREPOSITIONS:
        # `Kit Lind, a pollster who works with Tide Partners, a lobby, said`: the apposition
        # before the name reaches back to the comma after the speaker
        if not between or between[0].lower() not in ("a", "an", "the"):
            return found
    elif between or not ph.text[:1].islower():
        return found
    name = mention_before(masked, lo, comma, lex, depth + 1)
    if name.mention is not None and name.mention.kind == "name":
        return name
    return found


_LAST_WORD_BEFORE = re.compile(r"(\w+)\s*$")
# How many prepositional phrases a speaker phrase, or an apposition's head, may carry after
# its head (`The deputy head of China’s delegation to the forum`, `chairman of the board of X`)
MAX_PP_CHAIN = 3
_PP_HEADS = ("name", "description", "org")  # `the board of X`: an organisation's part
# How far back the noun before a prepositional phrase is looked for.
_PP_WINDOW = 12


def extend_chain(
    masked: str,
    a: int,
    ph: Mention,
    word: str,
    lex: Lexicons,
    kinds=("name", "description"),
    stop=None,
) -> tuple[Mention, str]:
    """`Mr. Morgan of the Sierra Club`, `chairman of the board of Tide Partners`: the phrase
    before each preposition in turn (`word`, the word before `ph`), up to MAX_PP_CHAIN of
    them, or until `stop(word)`; the phrase and the word before it."""
    for _ in range(MAX_PP_CHAIN):
        if word not in PHRASE_PREPOSITIONS or (stop is not None and stop(word)):
            break
        longer, word = extend_left(masked, a, ph, lex, kinds)
        if longer is ph:
            break
        ph = longer
    return ph, word


def extend_left(
    masked: str, a: int, ph: Mention, lex: Lexicons, kinds=("name", "description")
) -> tuple[Mention, str]:
    """`a lawyer for` + `the news outlets`: the phrase before the preposition is the speaker
    (when it is of one of the `kinds`)."""
    m = _LAST_WORD_BEFORE.search(masked, max(a, ph.start - _PP_WINDOW), ph.start)
    if m is None:
        return ph, ""
    found = mention_before(masked, a, m.start(1), lex)
    head = found.mention
    if head is None or head.kind not in kinds:
        return ph, m.group(1).lower()
    merged = Mention(head.start, ph.end, masked[head.start : ph.end], head.kind, core_end=head.end)
    return merged, found.word_before
