"""Stage 4, mentions: a share of a group as the speaker before a cue.

Polls and surveys report what a share of a group said: `six in 10 voters said`, `One in four
Republican voters say`, `Nearly eight of 10 voters say`, `Nearly half said`, `more than 4 in
10 said`, `Thirty-one percent of those surveyed say`. The guideline names a group by its
description, and it speaks as one group.
"""

from __future__ import annotations

from helpers.statements.grammar import (
    CLAUSE_OPENERS,
    COORDINATORS,
    QUANTITY_NOUNS,
    is_number,
)
from helpers.statements.lexicon import Lexicons
from helpers.statements.words import Token, is_plural, is_stop

# Words that make a share approximate (`nearly half`, `about six in 10`) or add it to
# another (`another 19 percent`), and the words before `than` that do (`more than 4 in 10`).
APPROXIMATORS = frozenset(
    "nearly almost about roughly around over under fully some another".split()
)
# Words after a group that say how it was asked (`58 percent of voters polled`, `those
# surveyed`)
_SURVEY_WORDS = frozenset("polled surveyed questioned interviewed overall".split())
COMPARATIVES = frozenset("more fewer less".split())
# ... and the ones of two or three words (`at least half`, `as many as 40 percent`)
_TWO_WORD_APPROXIMATORS = frozenset(("at least", "at most", "up to"))
_THREE_WORD_APPROXIMATORS = frozenset(("as many as", "as much as", "as few as"))
# At most this many words between a share and the group it counts (`six in 10 Virginia
# Democratic primary voters`).
MAX_GROUP_MODIFIERS = 4
# The word between the two numbers of a ratio (`six in 10`, `eight of 10`).
_RATIO = frozenset(("in", "of"))
# Words after which a share can open the subject of a clause.
_OPENERS = CLAUSE_OPENERS | COORDINATORS | {"that", ",", "and", ";", ":", "—", "–", "with"}


def share_group(toks: list[Token], i: int, lex: Lexicons) -> tuple[int, str] | None:
    """(index of the first token, word before it) of a share of a group whose last token is
    toks[i] and that opens a clause, or None."""
    low = toks[i][2].lower()
    core = None  # (first, last) token of the share itself
    if low in _SURVEY_WORDS and i >= 1 and toks[i - 1][2].lower() != "those":
        return share_group(toks, i - 1, lex)  # `58 percent of voters polled`
    if low in _SURVEY_WORDS and (i < 2 or toks[i - 2][2] != "of"):
        core = i - 1  # `those surveyed` (`31 percent of those surveyed`: below)
    elif i >= 2 and toks[i - 1][2] in _RATIO and is_number(low):
        core = _ratio_first(toks, i - 1)  # `six in 10`, `nine out of 10`
    elif low in ("%", "percent") and i >= 1 and is_number(toks[i - 1][2]):
        core = i - 1  # `85% said`, `Some 22 percent said`
    elif is_plural(low) and _percent_of(toks, _modifiers_start(toks, i, lex)) is not None:
        # `85% of Democrats said`, `30 percent of voters saying`, `58 percent of harbour
        # voters`
        core = _percent_of(toks, _modifiers_start(toks, i, lex))
    elif low in QUANTITY_NOUNS and low != "percent":
        core = i  # `nearly half` (a share only with an approximator: checked below)
        if share_start(toks, core) == core:
            return None
    elif low.endswith("ed") and i >= 3 and toks[i - 1][2].lower() == "those":
        # `31 percent of those surveyed`, `half of those polled`
        if toks[i - 2][2] != "of" or toks[i - 3][2].lower() not in QUANTITY_NOUNS:
            return None
        k = i - 3
        core = k - 1 if k >= 1 and is_number(toks[k - 1][2]) else k
    elif is_plural(low):
        g = _modifiers_start(toks, i, lex)  # `six in 10 Virginia Democratic primary voters`
        if g >= 3 and toks[g - 2][2] in _RATIO and is_number(toks[g - 1][2]):
            core = _ratio_first(toks, g - 2)
    if core is None:
        return None
    first = share_start(toks, core)
    before = toks[first - 1][2].lower() if first > 0 else ""
    if before and before not in _OPENERS:
        return None  # `the poll of six in 10`: not the subject of the clause
    return first, before


def share_start(toks: list[Token], k: int) -> int:
    """The first token of a share whose core starts at k: `nearly`, `more than`, `as many as`,
    `at least` before it."""
    if k >= 1 and toks[k - 1][2].lower() in APPROXIMATORS:
        return k - 1
    if k >= 2 and toks[k - 1][2].lower() == "than" and toks[k - 2][2].lower() in COMPARATIVES:
        return k - 2
    two = " ".join(t[2].lower() for t in toks[max(0, k - 2) : k])
    if k >= 2 and two in _TWO_WORD_APPROXIMATORS:
        return k - 2
    three = " ".join(t[2].lower() for t in toks[max(0, k - 3) : k])
    if k >= 3 and three in _THREE_WORD_APPROXIMATORS:
        return k - 3
    return k


def _ratio_first(toks: list[Token], k: int) -> int | None:
    """The index of the first number of a ratio whose `in`/`of` is toks[k] (`six in 10`,
    `nine out of 10`), or None."""
    if toks[k][2] == "of" and k >= 2 and toks[k - 1][2] == "out" and is_number(toks[k - 2][2]):
        return k - 2
    if k >= 1 and is_number(toks[k - 1][2]):
        return k - 1
    return None


def _modifiers_start(toks: list[Token], i: int, lex: Lexicons) -> int:
    """The first of the words before a plural that modify it (`Virginia Democratic primary`
    before `voters`), at most MAX_GROUP_MODIFIERS."""
    g = i
    while (
        g - 1 >= 0
        and i - g < MAX_GROUP_MODIFIERS
        and toks[g - 1][2].isalpha()
        and not is_number(toks[g - 1][2])
        and not is_stop(toks[g - 1][2], lex)
        and toks[g - 1][2].lower() not in lex.verb_forms
    ):
        g -= 1
    return g


def _percent_of(toks: list[Token], g: int) -> int | None:
    """The index of the number of `N percent of` / `N% of` right before toks[g], or None."""
    if g >= 3 and toks[g - 1][2] == "of" and toks[g - 2][2].lower() in ("%", "percent"):
        return g - 3 if is_number(toks[g - 3][2]) else None
    return None


# A share's number is among the first few words of its description.
_SHARE_NUMBER_WORDS = 3
_SHARE_LINKS = frozenset(("in", "of", "out", "percent"))


def is_share(low_words: list[str]) -> bool:
    """A share of a group: `six in 10`, `about 85%`, `some 56 percent of residents polled`,
    `nearly nine out of 10` (not `one official`)."""
    for k, w in enumerate(low_words[:_SHARE_NUMBER_WORDS]):
        if w.endswith("%") and is_number(w[:-1]):
            return True
        after = low_words[k + 1] if k + 1 < len(low_words) else ""
        if is_number(w) and (not after or after in _SHARE_LINKS):
            return True
    return False
