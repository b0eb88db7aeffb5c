"""Stage 4b, mentions after the cue: `said Peskov.`, `according to the spokesman,`, and the
whole source phrase after `according to`.
"""

from __future__ import annotations

import re

from helpers.statements.grammar import DETERMINERS, POSSESSIVE_DETERMINERS, SOURCE_DETERMINERS
from helpers.statements.lexicon import Lexicons
from helpers.statements.phrases import AGE_NOUN, Mention
from helpers.statements.quotes import PLACEHOLDER
from helpers.statements.words import Token, is_cap, is_role, tokens

_POSSESSIVE_END = re.compile(r"[’']s$")

# `according to` + a source of at most 160 characters before the next punctuation (`early
# results of the exit poll conducted by Edison Research for the Associated Press`)
_SOURCE_PHRASE = re.compile(r"\s+([^,;:.!?()\x00]{2,160}?)\s*(?=[,;:.!?()]|$)")
# Determiners that open a new unnamed source, whatever stands between them and its noun
# (`another Twitter user`, `another leading Supreme Court scholar`)
_NEW_SOURCE = frozenset("another several some many".split())
# An unnamed source after a cue keeps at most this many lower-case words (`one passenger`).
_MAX_FORWARD_LOWER = 6


def source_phrase(masked: str, pos: int, hi: int) -> tuple[int, int] | None:
    """The whole phrase after `according to`, up to the next punctuation."""
    m = _SOURCE_PHRASE.match(masked, pos, hi)
    return m.span(1) if m else None


def _forward_word(t: str, out: list, lex: Lexicons) -> bool:
    tl = t.lower()
    return (
        is_cap(t)
        or tl in DETERMINERS
        or (not out and tl in SOURCE_DETERMINERS)  # `said another official`, `said some`
        or tl in lex.role_heads
        or tl in lex.orgs
        or (tl in ("of", "and") and bool(out))
        or t in ("’s", "'s")
        or bool(AGE_NOUN.fullmatch(t))  # `wrote 43-year-old Tom Hale`, `said the 47-year-old`
        or (
            t.islower()
            and _POSSESSIVE_END.sub("", t).replace("-", "").isalpha()  # `co-author`
            and tl not in lex.stop
            and len(out) < _MAX_FORWARD_LOWER
        )
    )


_AUTHOR_AFTER = re.compile(r"\s+(?:from|by)\s+\S")


def with_author(masked: str, ph: Mention, pos: int, hi: int, lex: Lexicons) -> Mention:
    """`said a report from Orlen Equities`: a document after an inverted cue, with its author
    after `from` or `by`, is a written source (kind "source") spanning the whole phrase, which
    speaks for its author; any other mention as it is."""
    last = ph.text.split()[-1].lower()
    if ph.kind != "description" or (last not in lex.documents and last not in lex.source_nouns):
        return ph
    if not _AUTHOR_AFTER.match(masked, ph.end, hi):
        return ph
    whole = source_phrase(masked, pos, hi)
    if whole is None or whole[0] != ph.start:
        return ph
    s0, e0 = whole
    return Mention(s0, e0, masked[s0:e0], "source", core_end=None)


def mention_after(
    masked: str, pos: int, hi: int, lex: Lexicons, documents: bool = False
) -> Mention | None:
    """A speaker phrase starting at pos (`said Peskov.`, `according to the spokesman,`); with
    `documents`, a document noun after a determiner goes on it (`said a report from`)."""
    out: list[Token] = []
    for s, e, t in tokens(masked, pos, hi):
        tl = t.lower()
        if t in (",", ".", ";", ":", "!", "?", "\x00") or t.startswith(PLACEHOLDER):
            break
        if tl == "that" or (
            out and tl in lex.verb_forms and not (documents and _document_noun(t, out, lex))
        ):
            break
        if not out and (tl in lex.pronouns or tl in ("i", "we")):
            return Mention(s, e, t, "pronoun")
        if not _forward_word(t, out, lex):
            break
        out.append((s, e, t))
    _drop_trailing_function_words(out, lex)
    if len(out) >= 2 and AGE_NOUN.fullmatch(out[0][2]) and is_cap(out[1][2]):
        out = out[1:]  # `43-year-old Tom Hale`: the age is no part of the name
    if not out:
        return None
    return _forward_mention(masked, out, lex)


def _document_noun(word: str, out: list[Token], lex: Lexicons) -> bool:
    """`a report`, `the statement`: a document noun after a determiner, not a verb."""
    return word in lex.documents and out[-1][2].lower() in DETERMINERS


def _drop_trailing_function_words(out: list[Token], lex: Lexicons) -> None:
    closed = DETERMINERS | {"of", "and"}
    while out and (out[-1][2].lower() in closed or out[-1][2].islower()):
        if is_role(out[-1][2], lex) or out[-1][2].lower() in lex.orgs:
            break
        if (
            out[-1][2].lower() not in closed
            and len(out) >= 2
            and (
                all(t.lower() in SOURCE_DETERMINERS for _, _, t in out[:-1])
                or out[0][2].lower() in _NEW_SOURCE
            )
        ):
            break  # `one passenger`, `another Twitter user`: an unnamed source keeps its noun
        out.pop()


def _forward_mention(masked: str, out: list[Token], lex: Lexicons) -> Mention | None:
    s, e = out[0][0], out[-1][1]
    words = masked[s:e]
    heads = [t for _, _, t in out]
    has_name = any(is_cap(t) and t.lower() not in lex.stop for t in heads)
    has_role = any(
        t.lower() in lex.role_heads or t.lower().rstrip("s") in lex.role_heads for t in heads
    )
    has_org = any(t.lower() in lex.orgs for t in heads)
    if not (has_name or has_role or has_org) and not (
        heads[0].lower() in SOURCE_DETERMINERS
        and heads[0].lower() not in POSSESSIVE_DETERMINERS
        and (heads[-1].isalpha() or AGE_NOUN.fullmatch(heads[-1]))
        and heads[-1].islower()
    ):
        return None
    if " and " in words and all(is_cap(p.strip()[:1] or "x") for p in words.split(" and ")):
        parts = []
        off = s
        for p in words.split(" and "):
            parts.append((off, off + len(p)))
            off += len(p) + 5
        return Mention(s, e, words, "multi", parts)
    if heads[0].lower() in DETERMINERS or not is_cap(heads[-1]):
        kind = "org" if has_org and not has_role else "description"
    else:
        kind = "org" if has_org and not has_role else "name"
    return Mention(s, e, words, kind)
