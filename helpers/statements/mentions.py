"""Stage 4, mentions: the words naming the speaker beside a cue.

Before the cue (`Kremlin Spokesman Dmitry Peskov said`), skipping adverbs, auxiliaries and
asides (`Ostrova, who has led the council since 2019, said`); after it (`said Peskov`,
`according to the spokesman`) in :mod:`.mentions_after`. A mention has a kind that tells
the resolver what to do with it: name, pronoun, description, org, multi (several names),
source (a whole phrase).
"""

from __future__ import annotations

import re

from helpers.statements.conjuncts import conjuncts
from helpers.statements.grammar import (
    ASPECTUAL_VERBS,
    AUX_PASSIVE,
    CLAUSE_OPENERS,
    CONTRACTION,
    DATE_WORDS,
    DETERMINERS,
    FINITE_VERBS,
    GO_FORMS,
    GROUP_PRONOUNS,
    MODALS,
    PARTITIVE_QUANTIFIERS,
    PHRASE_PREPOSITIONS,
    PREPOSITIONS,
    RELATIVE_PRONOUNS,
    SKIPPED_BEFORE_CUE,
    TIME_WORDS,
    is_number,
)
from helpers.statements.lexicon import Lexicons
from helpers.statements.phrases import (
    NOTHING,
    Found,
    Mention,
    bare_group,
    name_phrase,
    unnamed_source,
)
from helpers.statements.quotes import PLACEHOLDER
from helpers.statements.shares import share_group
from helpers.statements.words import (
    Token,
    is_adverb,
    is_cap,
    is_name_word,
    is_role,
    is_stop,
    tokens,
)

# How far before a cue the speaker phrase is looked for, in characters: long enough for
# `Martin Esk, the finance director of Tallow Freight, which owns the yard, said`.
LOOK_BEHIND = 110
# ... and how far when an aside before the cue runs past that (`Kit Lind, a postdoctoral fellow
# at the Harbour Institute for Tidal Research in Arden, Norway, and co-author of the study,
# said`): looking this far for every cue would cost 5% of the extractor's time.
LONG_LOOK_BEHIND = 170
# A place's name, and its country's or state's after it (`in Arden, North Dakota,`), have at
# most this many words each.
_MAX_PLACE_WORDS = 2
# The first words of an adverbial aside between a speaker and the cue (`, for instance,`, `, in
# turn,`, `, however,`)
ADVERBIAL_ASIDES = frozenset("for in however meanwhile though too also instead then".split())
# Asides between commas are looked through when shorter than this many tokens.
MAX_ASIDE_TOKENS = 32
# Nested asides (`X, 56, who ..., said`) are followed this many levels deep.
MAX_DEPTH = 3
# The first word of a time adjunct between a speaker and the cue (`on Tuesday`, `last week`,
# `this month`; `earlier this year` loses `earlier` as an adverb).
_TIME_OPENERS = frozenset(("on", "last", "this"))
_YEAR = re.compile(r"(?:19|20)\d\d")  # `in 2010`
# `passive` and `modal` as the word before a phrase are reasons, not words.
PASSIVE, MODAL = "passive", "modal"


def _time_adjunct_start(toks: list[Token], i: int) -> int | None:
    """Where a time adjunct ending at token i starts: `on Tuesday`, `last week`, `this past
    week`, `on Thursday evening`; `in 2010`, `in March`, `in March 2010`."""
    word = toks[i][2].lower()
    if _YEAR.fullmatch(word) or word in DATE_WORDS:
        j = i - 1
        if j >= 0 and word not in DATE_WORDS and toks[j][2].lower() in DATE_WORDS:
            j -= 1  # `March 2010`
        return j if j >= 0 and toks[j][2] == "in" else None
    if word not in TIME_WORDS:
        return None
    j = i - 1
    if j >= 0 and toks[j][2].lower() in TIME_WORDS:
        j -= 1  # `Thursday evening`
    if j >= 0 and toks[j][2].lower() == "past":
        j -= 1
    return j if j >= 0 and toks[j][2].lower() in _TIME_OPENERS else None


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
        elif (
            i >= 2 and toks[i][2] == "to" and toks[i - 1][2] == "on" and toks[i - 2][2] in GO_FORMS
        ):
            i -= 3  # `she went on to say`
        elif (adjunct := _time_adjunct_start(toks, i)) is not None:
            # `Alden on Tuesday announced`, `Alden last week said`, `Berg this past week
            # announced`, `Berg on Thursday evening said`: a time adjunct
            i = adjunct - 1
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
    if head in _DASHES and depth < MAX_DEPTH:
        return _before_dashes(masked, lo, toks, i, lex, depth)
    if head.isdigit() and i >= 1 and toks[i - 1][2] == "," and depth < MAX_DEPTH:
        return mention_before(masked, lo, toks[i - 1][0], lex, depth + 1)  # `Berg, 56, who`
    if low in ("who", "which") and i >= 1 and depth < MAX_DEPTH:
        return _before_relative(masked, lo, toks, i, lex, depth)
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
    if (
        low in ("them", "us")
        and i >= 2
        and toks[i - 1][2] == "of"
        and toks[i - 2][2].lower() in PARTITIVE_QUANTIFIERS
    ):
        # `Most of them said`, `some of us say`: a share of a group, named by its words
        s0, e0 = toks[i - 2][0], toks[i][1]
        word = toks[i - 3][2].lower() if i >= 3 else ""
        return Found(Mention(s0, e0, masked[s0:e0], "description"), i - 2, word)
    low = CONTRACTION.sub("", low)
    if low in lex.pronouns or low in ("i", "we"):
        before = toks[i - 1][2].lower() if i > 0 else ""
        return Found(Mention(toks[i][0], toks[i][1], head, "pronoun"), i, before)
    role, org = is_role(low, lex), low in lex.orgs
    if not (is_cap(head) and head[0].isalpha()) and not role and not org:
        return unnamed_source(masked, toks, i, lex, at_start=toks[0][0] == lo)
    if is_cap(head) and is_stop(head, lex):
        return NOTHING
    return name_phrase(masked, toks, i, lex, role, org)


def _before_relative(
    masked: str, lo: int, toks: list[Token], i: int, lex: Lexicons, depth: int
) -> Found:
    """The phrase a relative pronoun (who, which) at token i is about."""
    low = toks[i][2].lower()
    if toks[i - 1][2] in _ASIDE_MARKS:
        found = mention_before(masked, lo, toks[i - 1][0], lex, depth + 1)
        if low == "who" and found.mention is not None and found.word_before in PREPOSITIONS:
            # `a question from a young child, who said`: the relative clause after a comma
            # is about the phrase right before it, whatever stands before that
            return Found(found.mention, found.index, found.word_before, comma_relative=True)
        return found
    # `an architect who said`, `a staffer at the ministry who told`, `the police department
    # which reported`: the phrase before the relative pronoun
    found = mention_before(masked, lo, toks[i][0], lex, depth + 1)
    if found.mention is None and low == "who":
        found = bare_group(masked, toks, i - 1, lex)  # `opposed by dock unions who said`
    kinds = ("name", "description", "org") if low == "who" else ("name", "org")
    if found.mention is not None and found.mention.kind in kinds:
        return Found(found.mention, found.index, found.word_before, relative=True)
    return NOTHING


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


# The words that open an aside about all the speakers before it (`both members of the board`).
_SPEAKERS_ALL = frozenset(("both", "all", "each"))
_DASHES = frozenset(("—", "–", "--"))
# what may open an aside before `who` (`Tom Lind, who said`, `Tom Lind - who said`)
_ASIDE_MARKS = frozenset((",", "-")) | _DASHES


def _before_dashes(
    masked: str, lo: int, toks: list[Token], i: int, lex: Lexicons, depth: int
) -> Found:
    """`Tom Lind — who has led the union for years — said`: the phrase before an aside
    between dashes."""
    k = i - 1
    while k >= 0 and toks[k][2] not in _DASHES and i - k < MAX_ASIDE_TOKENS:
        if toks[k][2].startswith(PLACEHOLDER):
            return NOTHING
        k -= 1
    if k <= 0 or toks[k][2] not in _DASHES or k == i - 1:
        return NOTHING
    found = mention_before(masked, lo, toks[k][0], lex, depth + 1)
    if found.mention is None or found.mention.kind not in ("name", "description", "org", "multi"):
        return NOTHING
    return found


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
    if first in ADVERBIAL_ASIDES and seg[0][2].islower() and depth < MAX_DEPTH:
        # `Harbour leaders in Arden, for instance, noted`: the phrase before the aside, as
        # if the aside were not there (its preposition is for the caller to read); `Brian
        # Lind, the chairman of the party in Arden, for example, said`: the name before the
        # apposition
        found = mention_before(masked, lo, toks[k][0], lex, depth + 1)
        return _name_before_apposition(masked, lo, found, lex, depth)
    if first == "and" and len(seg) > 1 and seg[1][2].islower() and depth < MAX_DEPTH:
        # `Kit Lind, a researcher at the institute, and co-author of the study, said`: a
        # second apposition; the first one comes before it
        return _before_aside(masked, lo, toks, k, lex, depth + 1)
    if _place_after_place(toks, k, i, lex):
        # `a researcher at the institute in Arden, Norway, said`: the country (or state) goes
        # with the place before it; the aside ends after both
        inner = toks[:k] + [toks[i]]
        return _before_aside(masked, lo, inner, len(inner) - 1, lex, depth)
    if depth == 0 and _names_only(seg, lex):
        named = _name_in_apposition(masked, lo, seg, toks[k][0], lex, depth)
        if named is not None:
            return Found(named[0], k + 1, ",", phrase_start=named[1])
    if (
        first in RELATIVE_PRONOUNS
        or seg[0][2].isdigit()
        or first in DETERMINERS
        or first in ("aged", "a", "an", "the")
        or first in _SPEAKERS_ALL  # `Lind and Berg, both up for reelection, said`
        or (first.endswith("ing") and seg[0][2].islower())
        or seg[0][2].endswith(("’s", "'s"))
    ):
        found = mention_before(masked, lo, toks[k][0], lex, depth + 1)
        return _name_before_apposition(masked, lo, found, lex, depth)
    if first in FINITE_VERBS:
        return NOTHING  # `, whose hometown, Miami, is projected to ...,`: a clause, no apposition
    return _name_before_apposition_at(masked, lo, toks[k][0], lex, depth)


def _names_only(seg: list[Token], lex: Lexicons) -> bool:
    """Whether an aside is a name, or names joined by `and` (`Ana Berg and Ivo Lind`)."""
    return all(
        is_name_word(t[2], lex) or (t[2] == "and" and 0 < n < len(seg) - 1)
        for n, t in enumerate(seg)
    )


def _name_in_apposition(
    masked: str, lo: int, seg: list[Token], comma: int, lex: Lexicons, depth: int
) -> tuple[Mention, int] | None:
    """`our chief engineer, Ruth Adeyemi, told`: the name in the apposition and where the
    description before it starts, when a description or organisation comes before `comma`."""
    before = mention_before(masked, lo, comma, lex, depth + 1).mention
    if before is None or before.kind not in ("description", "org"):
        return None
    s0, e0 = seg[0][0], seg[-1][1]
    parts = conjuncts(masked, s0, e0, lex)
    kind = "multi" if parts else "name"
    return Mention(s0, e0, masked[s0:e0], kind, parts), before.start


def _name_before_apposition_at(
    masked: str, lo: int, comma: int, lex: Lexicons, depth: int
) -> Found:
    """`Dianne Feinstein, Democrat of California, said`: the name before an apposition that
    ends at `comma`; `Johnnie Wilson, of Springfield, Va., said`: a place is an aside too."""
    found = mention_before(masked, lo, comma, lex, depth + 1)
    if found.mention is None or found.mention.kind != "name":
        return NOTHING
    if found.word_before in ("of", "from", "in"):
        place_comma = masked.rfind(",", lo, found.mention.start)
        if place_comma > lo and not masked[place_comma + 1 : found.mention.start].strip(" ofrmin"):
            found = mention_before(masked, lo, place_comma, lex, depth + 1)
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
