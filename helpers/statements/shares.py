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
from helpers.statements.words import Token, is_stop

# Words that make a share approximate (`nearly half`, `about six in 10`), and the words
# before `than` that do (`more than 4 in 10`).
APPROXIMATORS = frozenset("nearly almost about roughly around over under fully".split())
COMPARATIVES = frozenset("more fewer less".split())
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
    if i >= 2 and toks[i - 1][2] in _RATIO and is_number(low) and is_number(toks[i - 2][2]):
        core = i - 2  # `six in 10`
    elif low == "%" and i >= 1 and is_number(toks[i - 1][2]):
        core = i - 1  # `85% said`
    elif i >= 3 and toks[i - 1][2] == "of" and _counted_group(low):
        # `85% of Democrats said`, `30 percent of voters saying`
        unit = toks[i - 2][2].lower()
        if (unit == "%" or unit == "percent") and is_number(toks[i - 3][2]):
            core = i - 3
    elif low in QUANTITY_NOUNS and low != "percent":
        core = i  # `nearly half` (a share only with an approximator: checked below)
        if _start(toks, core) == core:
            return None
    elif low.endswith("ed") and i >= 3 and toks[i - 1][2].lower() == "those":
        # `31 percent of those surveyed`, `half of those polled`
        if toks[i - 2][2] != "of" or toks[i - 3][2].lower() not in QUANTITY_NOUNS:
            return None
        k = i - 3
        core = k - 1 if k >= 1 and is_number(toks[k - 1][2]) else k
    elif low.endswith("s") and not low.endswith("ss"):
        g = i  # `six in 10 Virginia Democratic primary voters`: the words before the plural
        while (
            g - 1 >= 0
            and i - g < MAX_GROUP_MODIFIERS
            and toks[g - 1][2].isalpha()
            and not is_number(toks[g - 1][2])
            and not is_stop(toks[g - 1][2], lex)
            and toks[g - 1][2].lower() not in lex.verb_forms
        ):
            g -= 1
        if g >= 3 and toks[g - 2][2] in _RATIO and is_number(toks[g - 1][2]):
            if is_number(toks[g - 3][2]):
                core = g - 3
    if core is None:
        return None
    first = _start(toks, core)
    before = toks[first - 1][2].lower() if first > 0 else ""
    if before and before not in _OPENERS:
        return None  # `the poll of six in 10`: not the subject of the clause
    return first, before


def _start(toks: list[Token], k: int) -> int:
    """The first token of a share whose core starts at k: `nearly`, `more than` before it."""
    if k >= 1 and toks[k - 1][2].lower() in APPROXIMATORS:
        return k - 1
    if k >= 2 and toks[k - 1][2].lower() == "than" and toks[k - 2][2].lower() in COMPARATIVES:
        return k - 2
    return k


def _counted_group(low: str) -> bool:
    """A plural that a share counts (`Democrats`, `voters`; not `Class`)."""
    return low.endswith("s") and not low.endswith("ss")
