"""Stage 2, sentences: quote-safe sentence spans of a paragraph (or of a quotation).

A full stop ends a sentence unless it ends an abbreviation or an initial; a quotation is
never cut, except after a quotation that ends a sentence inside its marks and is followed by
a new sentence (`… contact.” “In fact …` or `… contact.” The talks …`).
"""

from __future__ import annotations

import re
from bisect import bisect_left

from helpers.statements.grammar import ADJUNCT_WORDS, FINITE_VERBS, SUBJECT_PRONOUNS
from helpers.statements.lexicon import Lexicons
from helpers.statements.quotes import PLACEHOLDER, Quote, find_quotes, mask

_SENT_END = re.compile(r"[.!?…]+[)\]]?(?=\s+[\"“‘«'(\[]?[A-Z0-9\x00])")
# stops, then the word before them, in text read backwards
_LAST_WORD_REVERSED = re.compile(r"[.!?…]*([\w.]*)")
# How far back from a full stop the word it ends is looked for.
_LAST_WORD_WINDOW = 30
# `“…,” he said.`: a short clause with a cue after a quotation keeps the quotation's sentence.
_CUE_CLAUSE_MAX_WORDS = 5
_CLAUSE_END = re.compile(r"[.,;!?\x00]")
# ... and so does a longer one whose cue has at most this many words before it and only an
# adjunct after it (`McDonough wrote in a Sept. 16 email to top officials.`)
_CUE_SUBJECT_MAX_WORDS = 4
# ... or a name, an apposition between commas, and the cue (`Ivo Lind, the former director
# of the fund, said at an event.`)
_NAME_AND_APPOSITION = re.compile(
    r"(?:[A-Z][\w’'.-]*\s+){0,3}[A-Z][\w’'-]*,\s+(?:a|an|the)\s+[^.;!?\x00]{0,150}?,\s+"
)
_CUE_AFTER_APPOSITION = 20  # characters in which the cue is looked for
_ADJUNCT_AFTER_CUE = ADJUNCT_WORDS | frozenset("to via during from by about with through".split())


def split_sentences(
    text: str, masked: str, lo: int, hi: int, quotes: list[Quote], lex: Lexicons
) -> list[tuple[int, int]]:
    """Sentence spans in [lo, hi), never cutting through a quotation; `quotes` are the
    quotations opening in the range, sorted."""
    spans = _full_stops(text, masked, lo, hi, lex)
    opens = [q.open for q in quotes]
    out = []
    for a, b in spans:
        for q in quotes[bisect_left(opens, a) : bisect_left(opens, b)]:
            first = not masked[a : q.open].strip()  # the quotation opens the sentence
            if q.closed and q.close < b and _ends_sentence(text, masked, q, b, lex, first):
                out.append((a, q.close))
                a = q.close
        out.append((a, b))
    return [span for span in (_strip(text, a, b) for a, b in out) if span is not None]


def _full_stops(text: str, masked: str, lo: int, hi: int, lex: Lexicons) -> list[tuple[int, int]]:
    spans = []
    s = lo
    for m in _SENT_END.finditer(masked, lo, hi):
        word = _stop_word(masked, m.start(), lo)
        if _initial(word):
            continue  # an initial: J. Smith
        if (
            word in lex.abbrevs
            and not _starter_after(text, masked, m.end(), hi, word, lex)
            and not (word not in lex.titles and masked.startswith("\n", m.end()))
        ):
            continue  # Mr. Smith, U.S. President, Jan. 5 (not `the U.S.` ending a line)
        spans.append((s, m.end()))
        s = m.end()
    spans.append((s, hi))
    return spans


def _stop_word(text: str, at: int, lo: int) -> str:
    """The lower-cased word a stop at `at` ends (`mr`, `u.s`, `j`), read backwards from it."""
    before = text[max(lo, at - _LAST_WORD_WINDOW) : at + 1][::-1]
    return _LAST_WORD_REVERSED.match(before).group(1)[::-1].lower()


def _initial(word: str) -> bool:
    """`J` in `J. Smith`."""
    return len(word) == 1 and word.isalpha()


_QUOTE_OPENING = re.compile(r" *(\S)\W*[A-Z]")  # a mark, then a capital letter
_NEXT_WORD = re.compile(r"\s+[\"“‘«'(\[]?([A-Za-z]+)")


def _starter_after(text: str, masked: str, at: int, hi: int, word: str, lex: Lexicons) -> bool:
    """`... from the U.S. He said`: an abbreviation that is not a title, followed by a word
    that usually starts a sentence, ends the sentence (as Punkt's orthographic check does)."""
    if word in lex.titles:
        return False
    q = _QUOTE_OPENING.match(text, at, hi)
    if q is not None and masked.startswith(PLACEHOLDER, q.start(1)):
        # `in Santa Monica, Calif. “The reality is ...”`: a quotation opens with a capital
        # (not `the U.S. “does not have the capacity”`)
        return True
    m = _NEXT_WORD.match(masked, at, hi)
    return m is not None and m.group(1).lower() in lex.starters


def paragraph_sentences(text: str, lex: Lexicons) -> list[tuple[int, int]]:
    """Sentence spans of one paragraph's text on its own (what notebook 01 counts)."""
    quotes = find_quotes(text, [(0, len(text))])
    return split_sentences(text, mask(text, quotes), 0, len(text), quotes, lex)


def _ends_sentence(
    text: str, masked: str, q: Quote, b: int, lex: Lexicons, opens: bool = False
) -> bool:
    """A quotation whose content ends with a stop, followed by a new sentence (a quotation
    that `opens` its sentence keeps a longer cue clause after it)."""
    inner = text[q.start : q.end].rstrip()
    if not inner or inner[-1] not in ".!?…":
        return False
    after = masked[q.close : b]
    rest = after.lstrip()
    if rest.startswith(PLACEHOLDER):
        return True
    if "\n" in after[: len(after) - len(rest)]:
        return True  # a line ends with the quotation: the next line is a sentence of its own
    return rest[:1].isupper() and not starts_with_cue_clause(rest, lex, opens)


def starts_with_cue_clause(rest: str, lex: Lexicons, longer: bool = False) -> bool:
    """`He said.` / `Ostrova told reporters.` / `Mr. Dunmore said.`: a short clause holding a
    cue (the stop of a title or an initial does not end it); `longer`: or a longer one with
    its cue early and only an adjunct after it."""
    if longer:
        aside = _NAME_AND_APPOSITION.match(rest)
        if aside is not None:  # `Ivo Lind, the former director of the fund, said at ...`
            cue = lex.verb_re.search(rest, aside.end(), aside.end() + _CUE_AFTER_APPOSITION)
            if cue is not None and cue.start == aside.end():
                return True
    end = len(rest)
    for m in _CLAUSE_END.finditer(rest):
        if m.group() == ".":
            word = _stop_word(rest, m.start(), 0)
            if word in lex.abbrevs or _initial(word):
                continue  # `Mr.`, `J.`
        end = m.start()
        break
    clause = rest[:end]
    if clause.rstrip().endswith(":") or (
        rest[end : end + 1] == "," and rest[end + 1 :].lstrip().startswith(PLACEHOLDER)
    ):
        return False  # `Mr. Zahed said: “...”`, `She adds, “...”`: the cue introduces what follows
    if " that " in f" {clause} ":
        return False  # `He said that if “...”`: a clause of its own
    cue = lex.verb_re.search(clause)
    if cue is None:
        return False
    if len(clause.split()) <= _CUE_CLAUSE_MAX_WORDS:
        return True
    if not longer:
        return False
    # `McDonough wrote in a Sept. 16 email to top officials.`: a longer clause whose cue comes
    # early and is followed only by an adjunct
    before, after = clause[: cue.start].split(), clause[cue.end :].split()
    while before and (before[-1].endswith("ly") or before[-1] in ("also", "then", "later")):
        before = before[:-1]  # `Brooke tearfully asked`
    return (
        0 < len(before) <= _CUE_SUBJECT_MAX_WORDS
        and before[0][:1].isupper()
        and (before[-1][:1].isupper() or before[-1].lower() in SUBJECT_PRONOUNS)  # its subject
        and not any(w.lower() in FINITE_VERBS for w in before)  # (`was first reported by`)
        and bool(after)
        and after[0].lower() in _ADJUNCT_AFTER_CUE
        and "that" not in after  # (`She replied to him that ...`: content of its own)
    )


def _strip(text: str, a: int, b: int) -> tuple[int, int] | None:
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    return (a, b) if b > a else None
