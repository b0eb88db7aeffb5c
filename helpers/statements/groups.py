"""Stage 4d, groups and relative clauses before a cue: the speaker when a relative clause
stands between it and the cue (`Lind and others who oppose the toll said`, `a caller who
called and said`), and a plural group with a post-modifier (`Two people briefed on the
talks said`, `Experts on jail suicide told`).
"""

from __future__ import annotations

import re

from helpers.statements.grammar import COORDINATORS, INDEFINITE, PREPOSITIONS, TIME_WORDS
from helpers.statements.mentions import mention_before
from helpers.statements.phrases import Found, Mention

# a relative clause right before the cue, without punctuation: `who` and a verb with its
# object (`who oppose the toll`, `who think Rubio has a chance`)
_RELATIVE_CLAUSE = re.compile(r"(?<![\w’'])who\s+[a-z][\w’'-]*\s+(?:[\w’'-]+\s+){1,8}$")
_RELATIVE_WINDOW = 70
# ... and a relative clause whose verb is coordinated with the cue (`who called and said`)
_RELATIVE_AND = re.compile(r"(?<![\w’'])who\s+(?:[\w’'-]+\s+){1,8}(?:and|but)\s+$")


def relative_antecedent(m: str, a: int, cs: int, found: Found, lex) -> Mention | None:
    """`Lind and others who oppose the toll said`: a relative clause stands between the
    speaker and the cue; the clause's antecedent is the speaker. The clause must end in a
    phrase (`found`, the phrase right before the cue) or a time (`for years`), not in `and`
    (`a caller who called and said`: the caller's second verb) or an adjective (`who have led
    big states`: a noun)."""
    rel = _RELATIVE_CLAUSE.search(m, max(a, cs - _RELATIVE_WINDOW), cs)
    if rel is None:
        return None
    last = rel.group().split()[-1].lower()
    if last in COORDINATORS or (found.mention is None and last.rstrip("s") not in TIME_WORDS):
        return None
    head = mention_before(m, a, rel.start(), lex)
    if head.mention is None or head.mention.kind not in ("name", "description", "org", "multi"):
        return None
    if head.word_before in PREPOSITIONS:
        return None
    return head.mention


# a preposition and a bare lower-case noun phrase right before a cue: `on jail suicide told`
BARE_PP = re.compile(
    r"\b(on|in|at|with|from|near|across|inside|about|of)\s+((?:[a-z][\w’'-]*\s+){0,2}[a-z][\w’'-]*)\s*$"
)
_PREP_BEFORE = re.compile(r"(\w+)\s+(\w+)\s*$")
_BARE_PLURAL = re.compile(r"(?<![\w’'-])(people|[a-z]+s)\s*$")
# Words between a group's noun and its preposition: `people familiar with`, `officials close to`
_GROUP_LINKS = frozenset("familiar close".split())


def group_before(m: str, a: int, start: int, end_of_group: int, lex) -> Mention | None:
    """A plural group with a post-modifier before the cue: `Two people briefed on the
    talks`, `Experts on jail suicide`, `people familiar with the plan`. The mention spans the
    whole group; its core is the group's noun."""
    tail = _PREP_BEFORE.search(m, max(a, start - 40), start)
    if tail is None:
        return None
    word = tail.group(1)
    end = tail.start(2)  # before the preposition
    if word.lower() in _GROUP_LINKS or (word.endswith("ed") and word.islower()):
        end = tail.start(1)  # before `briefed`, `familiar`
    head = mention_before(m, a, end, lex).mention
    if head is None:  # a bare plural: `..., people familiar with the talks said`
        bare = _BARE_PLURAL.search(m, max(a, end - 30), end)
        if bare is not None and bare.group(1).lower() not in lex.stop:
            head = Mention(bare.start(1), bare.end(1), bare.group(1), "description")
    if head is None or head.kind == "pronoun":
        return None
    noun = head.text.split()[-1]
    first = head.text.split()[0].lower()
    plural = noun.lower() == "people" or (noun.endswith("s") and noun[1:].islower())
    unnamed = head.kind == "description" and first in INDEFINITE  # `a man near the station`
    if not (plural or unnamed):
        return None
    if head.kind == "name" and len(head.text.split()) > 1:
        return None  # `Morgan of the Sierra Club`: a name, not a group
    text = m[head.start : end_of_group]
    return Mention(head.start, end_of_group, text, "description", core_end=head.end)


def relative_and_subject(m: str, a: int, cs: int, lex) -> Mention | None:
    """`a caller who called and said`: a relative clause whose verb is coordinated with the
    cue; its antecedent (a name or a description) is the speaker."""
    rel = _RELATIVE_AND.search(m, max(a, cs - _RELATIVE_WINDOW), cs)
    if rel is None:
        return None
    head = mention_before(m, a, rel.start(), lex).mention
    if head is not None and head.kind in ("name", "description"):
        return head
    return None
