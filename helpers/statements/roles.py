"""Stage 6a, people: the job description beside a name, a lower-case role before it
(`councillor Marcus Lindqvist`, `our chief engineer, Ruth Adeyemi`) or an apposition after it
(`Ruth Adeyemi, a spokeswoman for the company`), when its head is one of our role nouns
(data/lexicons/role_nouns.txt).
"""

from __future__ import annotations

import re
from bisect import bisect_right

from helpers.statements.lexicon import Lexicons
from helpers.statements.words import is_stop, tokens

# the letters before spaces and a comma, in text read backwards (for _may_be_role)
_REVERSED_WORD_BEFORE = re.compile(r"\s*(?:,\s*)?([A-Za-z]*)")
_ROLE_AFTER = re.compile(
    r",\s+(?:a|an|the|its|their|his|her)\s+((?:[A-Za-z][\w’'-]*\s+){0,3}?([a-z][\w-]*))"
    r"(?=\s+(?:for|of|at|with|in|to)\b|\s*[,.;:])"
)
# How far before a name a lower-case job description is looked for.
_ROLE_BEFORE_WINDOW = 60
_ROLE_AFTER_WINDOW = 80


def role_after(text: str, end: int, lex: Lexicons) -> str:
    """A job description in apposition right after a name: `Ruth Adeyemi, a spokeswoman for
    the company` gives `spokeswoman`; `Tom Berg, a farmer` gives nothing unless the head noun
    is one of our role nouns."""
    m = _ROLE_AFTER.match(text, end, min(len(text), end + _ROLE_AFTER_WINDOW))
    if m is None or m.group(2).lower() not in lex.role_fits:
        return ""
    return m.group(1)


def _may_be_role(text: str, start: int, lex: Lexicons) -> bool:
    """A quick test before tokenising: whether the letters right before `start` (past spaces
    and one comma) can be a role noun. Role nouns are letters only, so a word that is one has
    just these letters; a word that may be cut by role_before's window is left to it."""
    seg = text[max(0, start - _ROLE_BEFORE_WINDOW // 2) : start][::-1]  # read backwards
    m = _REVERSED_WORD_BEFORE.match(seg)
    return m.end() == len(seg) or m.group(1)[::-1].lower() in lex.role_fits


def role_before(text: str, start: int, lex: Lexicons, block_starts=()) -> str:
    """A lower-case job description right before a name: `councillor Marcus Lindqvist`,
    `our chief engineer, Ruth Adeyemi`."""
    if not _may_be_role(text, start, lex):
        return ""
    k = bisect_right(block_starts, start) - 1  # block_starts are sorted
    lo = block_starts[k] if k >= 0 else 0
    toks = tokens(text, max(lo, start - _ROLE_BEFORE_WINDOW), start)
    if toks and toks[-1][2] == ",":
        toks = toks[:-1]
    if not toks:
        return ""
    head = toks[-1][2].lower()
    if head not in lex.role_fits or (head.endswith("s") and head[:-1] in lex.role_fits):
        return ""  # a singular job only: "Residents Tom Okafor and Lena Brandt" is no role
    k = len(toks) - 1
    lower = 0
    while k - 1 >= 0:
        t = toks[k - 1][2]
        if not t.isalpha() or is_stop(t, lex) or t.lower() in lex.verb_forms:
            break
        if t.islower():
            lower += 1
            if lower > 2:
                break
        k -= 1
    return " ".join(t for _, _, t in toks[k:])
