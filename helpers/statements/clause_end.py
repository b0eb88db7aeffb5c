"""Where a reported clause after its cue ends: at a semicolon, before the speaker's next cue
(`says she respects him but argues that`), or before a coordinated clause of the narration or
of another speaker (`, and he railed against`, `, and human rights groups warned that`).
"""

from __future__ import annotations

import re

from helpers.statements.grammar import COORDINATORS, QUANTITY_NOUNS
from helpers.statements.lexicon import Lexicons

_CLAUSE_END = re.compile(r";")

# `..., and he railed against`: the narration goes on with a clause of its own
_NEXT_CLAUSE = re.compile(
    r"(?:,|\s[—–])\s+(?:and|but)\s+(?:he|she|they)\s+(?:also\s+|then\s+)?(?:has\s+|had\s+|have\s+)?"
    r"[a-z]+ed\b"
)
# `..., but went on to say`, `..., and has championed an agenda`: the speaker's own next verb
# after a comma (a past form, maybe after `has`), with no subject of its own
_NEXT_VERB = re.compile(
    r",\s+(?:and|but)\s+(?:also\s+|then\s+|later\s+)?(?:has\s+|have\s+|had\s+)?"
    r"(?:[a-z]{3,}ed|went|gave|took|made|came|told|spent|sent|got|met|left|won|lost)\b"
)
# `..., but argues that`, `... and added that`: the speaker's next cue, coordinated
_NEXT_CUE = re.compile(
    r",?\s+(?:and|but)\s+(?:he\s+|she\s+|they\s+)?(?:also\s+|then\s+|later\s+)?([a-z]+)\b"
)
# `..., and human rights groups warned that`: a coordinated clause with a speaker of its own
_NEXT_SPEAKER = re.compile(
    rf",\s+(?:{'|'.join(sorted(COORDINATORS))})\s+((?:[A-Za-z][\w’'-]*\s+){{1,3}})([a-z]+)\b"
)


# `..., Ryan saying he was encouraged and Trump calling it a great meeting`: another speaker's
# participle, with its own subject, coordinated
_NEXT_ABSOLUTE = re.compile(r",?\s+and\s+(?:[A-Z][\w’'.-]*\s+){1,3}([a-z]+ing)\b")


# `..., which includes provisions not in the bill`, `..., a move that ...`: a relative clause
# or an apposition that runs to the end, with no quotation in it (`..., which he called “a
# cartel”` keeps the speaker's words), is the writer's note on what came before, not what was
# said (PolNeAR annotates it so); a share is said (`140 homes, a third of them for rent`)
_LAST_RELATIVE = re.compile(
    rf",\s+(?:which|an?(?!\s+(?:{'|'.join(sorted(QUANTITY_NOUNS))})\b))\s+[^,;:—–\x00]*$"
)


# `..., although it may take days to tell`: a concession after a comma is the writer's (not
# `a crucial, although brief, opportunity`: a word or two between commas)
_CONCESSIVE = re.compile(r",\s+(?:although|though|even though)\s(?![\w-]+(?:\s[\w-]+)?,)")


# what ends a reported clause, in the order they are looked for
_ENDS = (_CLAUSE_END, _LAST_RELATIVE, _CONCESSIVE, _NEXT_CLAUSE, _NEXT_VERB)


def clause_end(masked: str, start: int, end: int, lex: Lexicons) -> int:
    """The end of a reported clause that starts at `start`: `end`, or before a semicolon, or
    before a coordinated cue of the same speaker (`says she respects him but argues that`)."""
    for pattern in _ENDS:  # each one may end the clause earlier than the one before
        m = pattern.search(masked, start, end)
        if m is not None:
            end = m.start()
    for c in _NEXT_ABSOLUTE.finditer(masked, start, end):
        if c.group(1) in lex.verb_forms:
            end = c.start()
            break
    for c in _NEXT_CUE.finditer(masked, start, end):
        word = c.group(1)
        if lex.verb_forms.get(word, word) != word and not word.endswith("ing"):
            return c.start()  # an inflected cue (`and state law` is no cue)
    for c in _NEXT_SPEAKER.finditer(masked, start, end):
        words = c.group(1).split()
        cue = c.group(2)
        if (
            lex.verb_forms.get(cue, cue) != cue
            and not cue.endswith("ing")
            and words[-1].lower().endswith("s")  # a group: `human rights groups warned`
            and not any(w.lower() in lex.verb_forms or w.lower() in lex.stop for w in words)
        ):
            return c.start()  # `..., and human rights groups warned that`: another speaker
    return end
