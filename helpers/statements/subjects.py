"""Stage 4c, the sentence's subject: the speaker a participle or a coordinated verb shares
(`Clinton spoke out on Tuesday, arguing that ...`, `Brandt toured the site and said ...`).
"""

from __future__ import annotations

import re

from helpers.statements.grammar import ADJUNCT_WORDS, DETERMINERS
from helpers.statements.lexicon import Lexicons
from helpers.statements.mentions import mention_before
from helpers.statements.phrases import Mention
from helpers.statements.words import is_role

_FIRST_WORDS = re.compile(
    r"\s*((?:[A-Z][\w’'.-]*|the|a|an)(?:\s+(?:[A-Z][\w’'.-]*|of|and|[a-z]+(?=\s+[A-Z])))*)"
    r"((?:\s+[a-z]+)?)((?:\s+[a-z]+)?)(?=[\s,])"
)
# a verb between capitalised words (`Berg attacked Kell`, `Democrats see Hale`), where a
# subject ends: a lower-case word that does not link the words of a name (`Secretary of State`)
_INNER_VERB = re.compile(
    r"(?<=\s)(?=(?!(?:of|and|for|on|de|del|der|da|du|van|von|la|le)\s)[a-z]+\s+[A-Z])"
)
# `Last week, ...`, `After the hearing, ...`: a fronted adverbial before the subject
_FRONTED = re.compile(r"\s*([A-Z][a-z]+)\b[^,;:]{0,80},\s*")
# a participle opening a fronted phrase (`Speaking at a town hall, Trump ...`)
_FRONTED_PARTICIPLE = re.compile(
    r"[A-Z][a-z]+(?:ing|ed)\s+(?:by|at|to|on|in|about|after|during|with|for|from|before)\b"
)
# a conjunction opening the sentence before its subject (`But the court ...`, `And Kell ...`)
_CONJUNCTION = re.compile(r"\s*(?:But|And|Yet|So)\s+(?=[A-Za-z])")
_OWNER = re.compile(r"\w[’']s?\s")  # a possessive ending in or right after a phrase
# A subject counts as near the cue when at most this many words stand between them.
_NEAR_WORDS = 3


def sentence_subject(
    masked: str, a: int, cue_start: int, lex: Lexicons, near: bool = False, opener: bool = False
) -> Mention | None:
    """The speaker phrase that opens the sentence, for a participle or a second verb:
    `Clinton spoke out on Tuesday, arguing that ...`, `I laughed and said ...`, also after a
    fronted adverbial (`Last week, Brandt toured the site and said ...`)."""
    found = _subject(masked, a, cue_start, lex, near)
    conjunction = _CONJUNCTION.match(masked, a, cue_start) if found is None and opener else None
    if conjunction is not None:  # `But the court overruled and said`: the subject after `But`
        found = _subject(masked, conjunction.end(), cue_start, lex, near)
        if found is not None and _OWNER.search(masked, found.start, found.end + 2):
            return None  # `But Trump’s candidacy ... and states`: a thing someone owns
    return found


def _subject(masked: str, a: int, cue_start: int, lex: Lexicons, near: bool) -> Mention | None:
    """sentence_subject for a sentence read from a."""
    fronted = _FRONTED.match(masked, a, cue_start)
    opener = fronted.group(1).lower() if fronted else ""
    subject_word = opener in DETERMINERS or opener in lex.pronouns  # `The mayor`, `She`
    participle = fronted is not None and _FRONTED_PARTICIPLE.match(masked, fronted.start(1))
    if fronted and (opener in ADJUNCT_WORDS | lex.starters or participle) and not subject_word:
        a = fronted.end()  # (`Speaking at a town hall, ...`, `Reached by phone, ...`)
    m = _FIRST_WORDS.match(masked, a, cue_start)
    if m is None:
        return None if near else _before_first_verb(masked, a, cue_start, lex)
    ph = None
    # with the lower-case word after, or not; else up to a verb inside the run of words
    # (`Anna Berg attacked Tom Kell, saying`: the subject is `Anna Berg`)
    inner = [w.start() for w in _INNER_VERB.finditer(masked, m.start(1), m.end(1))]
    # (`Health care providers`: two lower-case words after one capitalised word, neither of
    # them a verb: not `Clinton tweeted congratulations`, `Democrats want policies`)
    ends = [m.end(2), m.end(1), *inner]
    words = masked[m.start(1) : m.end(3)].split()
    if (
        m.end(3) > m.end(2)
        and len(words) == 3
        and (not words[0].endswith("s") or words[0].endswith(("’s", "'s")))  # (`Valda’s`)
        and not words[1].endswith("ed")
        and words[1] not in lex.verb_forms
    ):
        # (`the former president`, `the harbour master`: a role noun third, tried first)
        role_third = is_role(words[2], lex) or words[2] in lex.person_nouns
        ends.insert(0 if role_third else 1, m.end(3))
    for end in dict.fromkeys(ends):
        ph = mention_before(masked, a, end, lex, progressive=True).mention
        if ph is not None and (ph.start == m.start(1) or ph.kind == "pronoun"):
            break
        ph = None
    if ph is None:
        return None if near else _before_first_verb(masked, a, cue_start, lex)
    if ph.kind == "pronoun" and ph.text.lower() in ("it", "we", "i") and not near:
        return None
    if near and len(masked[ph.end : cue_start].split()) > _NEAR_WORDS:
        return None
    return ph


# the first past-tense verb of a clause (`two speechwriters implored`, `the chain filed`)
_FIRST_PAST = re.compile(r"(?<=\s)[a-z]{3,}ed(?=[\s,;])")


def _before_first_verb(masked: str, a: int, cue_start: int, lex: Lexicons) -> Mention | None:
    """The phrase before the sentence's first past-tense verb, when it opens the sentence or
    follows a fronted adverbial: `two Democratic speechwriters implored her ..., arguing`, `On
    Wednesday, he seemed to ..., warning` (subjects the capitalised-run reading misses)."""
    verb = _FIRST_PAST.search(masked, a, cue_start)
    if verb is None:
        return None
    found = mention_before(masked, a, verb.start(), lex, progressive=True)
    ph = found.mention
    if ph is None or (ph.kind == "pronoun" and ph.text.lower() in ("it", "we", "i")):
        return None
    lead = masked[a : ph.start].strip()
    if lead and not lead.endswith(","):
        return None  # (not the subject: something other than a fronted adverbial before it)
    return ph
