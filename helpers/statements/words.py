"""Word-level tests shared by the mention, people and cue stages."""

from __future__ import annotations

import re

from helpers.statements.grammar import NOT_ADVERBS
from helpers.statements.lexicon import Lexicons

# Phrase tokens: abbreviations with their stop (`Mr.`, `U.S.`, `Nov.` before a day), words
# with inner apostrophes and hyphens, runs of placeholder characters (one masked quotation),
# punctuation. Each of the first two alternatives opens with a look-ahead for the shape every
# one of its words has (a capital, up to three letters and a stop; a letter, a stop and a
# letter), so that an ordinary word fails them at once (a third faster; the same tokens).
_TOKEN = re.compile(
    r"(?=[A-Z][a-z]{0,3}\.)"
    r"(?:(?:Mr|Mrs|Ms|Dr|St|Sen|Rep|Gov|Gen|Lt|Col|Capt|Sgt|Prof|Rev|Hon|[A-Z])\.(?=\s)"
    r"|(?:Jr|Sr|Co|Corp|Inc|Ltd|Bros)\.(?=[\s,]|$)"
    r"|(?:Jan|Feb|Mar|Apr|Aug|Sept?|Oct|Nov|Dec)\.(?=\s\d))"
    r"|(?=[A-Za-z]\.[A-Za-z])[A-Za-z](?:\.[A-Za-z])+\.?"
    r"|\w[\w’'.-]*(?<![.’'])|\x00+|[^\w\s]"
)
Token = tuple[int, int, str]


def tokens(text: str, lo: int, hi: int) -> list[Token]:
    """(start, end, word) of every phrase token in [lo, hi)."""
    return [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text, lo, hi)]


class LazyTokens:
    """The phrase tokens of [lo, hi), made only as far as they are read (a rule that needs
    the first word after a cue does not tokenise the next 140 characters). Indexing and
    slicing give what ``tokens(text, lo, hi)`` gives; ``len`` makes them all."""

    __slots__ = ("_matches", "_toks", "_done")

    def __init__(self, text: str, lo: int, hi: int):
        self._matches = _TOKEN.finditer(text, lo, hi)
        self._toks: list[Token] = []
        self._done = False

    def _fill(self, n: int | None) -> list[Token]:
        """The token list, made up to n tokens (all of them when n is None)."""
        toks = self._toks
        while not self._done and (n is None or len(toks) < n):
            m = next(self._matches, None)
            if m is None:
                self._done = True
            else:
                toks.append((m.start(), m.end(), m.group()))
        return toks

    def __getitem__(self, k):
        if isinstance(k, slice):
            whole = k.stop is None or k.stop < 0 or (k.start or 0) < 0
            return self._fill(None if whole else k.stop)[k]
        return self._fill(None if k < 0 else k + 1)[k]

    def __len__(self) -> int:
        return len(self._fill(None))

    def __bool__(self) -> bool:
        return bool(self._fill(1))

    def __iter__(self):
        k = 0
        while k < len(self._fill(k + 1)):
            yield self._toks[k]
            k += 1


def is_cap(tok: str) -> bool:
    return tok[:1].isupper()


def is_name_word(tok: str, lex: Lexicons) -> bool:
    """A capitalised word that is not a common word: part of a proper name."""
    return is_cap(tok) and tok[0].isalpha() and not is_stop(tok, lex)


def is_stop(tok: str, lex: Lexicons) -> bool:
    """A common word, unless written in capitals (US is not "us")."""
    return tok.lower() in lex.stop and not (len(tok) > 1 and tok.isupper())


def is_plural(low: str) -> bool:
    """A lower-case word that looks like a plural noun (`voters`; not `class`)."""
    return low.endswith("s") and not low.endswith("ss")


def is_adverb(tok: str) -> bool:
    """A lower-case -ly word (boldly, repeatedly): skipped between a speaker and the cue."""
    return tok.islower() and tok.endswith("ly") and len(tok) > 4 and tok not in NOT_ADVERBS


def is_role(tok: str, lex: Lexicons) -> bool:
    """A role noun, singular or plural (spokesman, officials, attorneys)."""
    low = tok.lower()
    return (
        low in lex.role_heads
        or (low.endswith("s") and low[:-1] in lex.role_heads)
        or (low.endswith("ies") and low[:-3] + "y" in lex.role_heads)
    )


_SPACES = re.compile(r"\s+")
# A possessive ending (`Peskov’s`, `the officers’`), to strip from a name.
POSSESSIVE_END = re.compile(r"[’']s?$")


# What a sentence-opening word follows: a stop (or a quotation's placeholder), then opening
# marks and space; `^` is the text's start.
_SENTENCE_OPENING = re.compile(r"(?:^|[.!?:;\x00]|\n)[\s“”‘\"'«(—-]*$")
# How far back from a word its sentence opening is looked for.
_OPENING_WINDOW = 6


def opens_sentence(text: str, at: int, lo: int = 0) -> bool:
    """Whether the word at `at` opens a sentence: the start of [lo, ...), or after a stop."""
    return at == lo or bool(_SENTENCE_OPENING.search(text, max(lo, at - _OPENING_WINDOW), at))


def squash(s: str) -> str:
    """Runs of white space as one space."""
    return _SPACES.sub(" ", s)


def lower_first(s: str) -> str:
    """`A spokeswoman` -> `a spokeswoman` (a description used as a speaker's name)."""
    return s[0].lower() + s[1:] if s[:1].isupper() else s
