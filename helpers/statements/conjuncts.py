"""Stage 4, mentions: several speakers of one cue, joined by `and` and commas (`Volker and
Morrison said`, `Ivo Lind, Dana Feld and Tom Kell said`): the guideline's one statement
whose speaker is their canonical names joined by `; `.
"""

from __future__ import annotations

import re
from functools import lru_cache

from helpers.statements.grammar import ADJUNCT_WORDS, PREPOSITIONS
from helpers.statements.lexicon import Lexicons
from helpers.statements.names import MAX_ORG_NAME_TAIL, ends_in_org_name
from helpers.statements.words import Token, is_cap, is_name_word

_LIST_SEPARATOR = re.compile(r"\s*(?:,\s*and|,|and)\s+")  # `A, B and C`


def conjunct_spans(text: str, s: int, e: int) -> list[tuple[int, int]]:
    """The conjuncts of `Volker and Morrison`, `Tom Okafor, Lena Brandt and Ann Lee`."""
    parts = []
    pos = s
    for m in _LIST_SEPARATOR.finditer(text[s:e]):
        parts.append((pos, s + m.start()))
        pos = s + m.end()
    parts.append((pos, e))
    return [(a, b) for a, b in parts if b > a]


def conjuncts(text: str, s: int, e: int, lex: Lexicons) -> list[tuple[int, int]]:
    """The names of a list joined by `and` in [s, e), when every one is capitalised; [] for
    one name."""
    if " and " not in text[s:e]:
        return []
    parts = conjunct_spans(text, s, e)
    if len(parts) < 2 or not all(is_cap(text[a:b]) for a, b in parts):
        return []
    if len(parts) == 2 and _one_org_name(text[slice(*parts[0])], text[slice(*parts[1])], lex):
        return []
    if spelled_acronym(text, text[s:e]):
        return []  # `Customs and Border Protection`, written `CBP` elsewhere: one name
    return parts


def spelled_acronym(text: str, words: str) -> bool:
    """Whether the article writes the initials of a name with an `and` as an acronym
    (`Customs and Border Protection` ... `CBP`)."""
    initials = "".join(w[0] for w in words.split() if w[0].isupper() and w not in ("The", "A"))
    return len(initials) >= 3 and initials in _acronyms(text)


_ACRONYM = re.compile(r"\b[A-Z]{3,6}\b")


@lru_cache(maxsize=4)
def _acronyms(text: str) -> frozenset[str]:
    """The words of three to six capitals in a text, read once per text (a string caches its
    hash, so a later call costs nothing)."""
    return frozenset(_ACRONYM.findall(text))


def _one_org_name(first: str, second: str, lex: Lexicons) -> bool:
    """`Department of Ports` and `Harbours`: the `and` inside one organisation's name, not two
    speakers (`Secretary of State Ivo Lind and Ana Berg`: a role before the `of`)."""
    return len(second.split()) <= MAX_ORG_NAME_TAIL and ends_in_org_name(first.split(), lex)


def list_comma(toks: list[Token], j: int, i: int, lex: Lexicons) -> bool:
    """Whether the comma before toks[j] joins names in a list that ends with `and` before
    toks[i] (`Ivo Lind, Dana Feld and Tom Kell`), not a place or time before a name (`In
    Paris, Tom Kell and Ann Lee said`)."""
    if not any(toks[k][2] == "and" for k in range(j, i)) or not is_cap(toks[j][2]):
        return False
    k0 = j - 1  # the comma; the name before it starts at k0
    while k0 - 1 >= 0 and is_name_word(toks[k0 - 1][2], lex):
        k0 -= 1
    if k0 == j - 1:
        return False
    return k0 == 0 or toks[k0 - 1][2].lower() not in PREPOSITIONS | ADJUNCT_WORDS
