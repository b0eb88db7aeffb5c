"""Stage 4d, groups and relative clauses before a cue: the speaker when a relative clause
stands between it and the cue (`Lind and others who oppose the toll said`, `a caller who
called and said`), and a plural group with a post-modifier (`Two people briefed on the
talks said`, `Experts on jail suicide told`).
"""

from __future__ import annotations

import re

from helpers.statements.grammar import (
    CLAUSE_OPENERS,
    COORDINATORS,
    DATE_WORDS,
    FINITE_VERBS,
    GROUP_OPENERS,
    INDEFINITE,
    PARTITIVE_QUANTIFIERS,
    POSSESSIVE_DETERMINERS,
    PREPOSITIONS,
    QUANTITY_NOUNS,
    SKIPPED_BEFORE_CUE,
    SOURCE_DETERMINERS,
    TIME_WORDS,
    is_number,
)
from helpers.statements.mentions import ADVERBIAL_ASIDES, mention_before
from helpers.statements.phrases import Found, Mention
from helpers.statements.shares import share_start
from helpers.statements.words import Token, is_adverb, is_plural, is_stop, tokens

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


# a preposition and a noun phrase of up to four words ending in a lower-case noun right before
# a cue: `on jail suicide told`, `with Orlen trade policy said`, `on last weekend's call said`
BARE_PP = re.compile(
    r"\b(on|in|at|with|from|near|across|inside|about|of)\s+((?:[\w’'-]+\s+){0,3}[a-z][\w’'-]*)\s*$"
)
BARE_PP_WINDOW = 70


def bare_pp(m: str, a: int, cs: int, lex) -> re.Match | None:
    """The preposition and noun phrase right before a cue (BARE_PP), when its last word is a
    noun: not a common word, an adverb or a time (`in Macau when`, `on Sunday night`)."""
    found = BARE_PP.search(m, max(a, cs - BARE_PP_WINDOW), cs)
    if found is None:
        return None
    last = found.group(2).split()[-1]
    if (
        not last.isalpha()  # `of Trump's by-now-familiar claims`
        or is_stop(last, lex)
        or is_adverb(last)
        or last in SKIPPED_BEFORE_CUE
        or last in TIME_WORDS
    ):
        return None
    return found


_PREP_BEFORE = re.compile(r"(\w+)\s+(\w+)\s*$")
_BARE_PLURAL = re.compile(r"(?<![\w’'-])(people|[a-z]+s)\s*$")
# Words between a group's noun and its preposition: `people familiar with`, `officials close to`
_GROUP_LINKS = frozenset("familiar close".split())
# a preposition and a bare noun (maybe after an adjective) before the group's preposition
# (`with direct knowledge` of the plan)
_INNER_PP = re.compile(r"(?<![\w’'-])(with|in|at|from|on)\s+(?:[a-z]+\s+)?([a-z]+)\s*$")


def _group_head(m: str, a: int, end: int, lex) -> Mention | None:
    """The phrase ending at `end` that a group's post-modifier follows, or a bare plural
    (`..., people familiar with the talks said`)."""
    head = mention_before(m, a, end, lex).mention
    if head is None:
        bare = _BARE_PLURAL.search(m, max(a, end - 30), end)
        if bare is not None and bare.group(1).lower() not in lex.stop:
            head = Mention(bare.start(1), bare.end(1), bare.group(1), "description")
    return head


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
    head = _group_head(m, a, end, lex)
    inner = _INNER_PP.search(m, max(a, end - 30), end) if head is None else None
    if inner is not None and not is_stop(inner.group(2), lex):
        # `People with knowledge of the plan`: a phrase within the group's phrase
        head = _group_head(m, a, inner.start(1), lex)
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


# A clause-opening group (`A strong majority of Valdan voters say`, `Farmers and civil rights
# groups say`, `Supporters of the plan, on the other hand, argued`), read when no other phrase
# stands before the cue.
_CLAUSE_GROUP_WINDOW = 120  # characters before the cue
_MAX_GROUP_MODIFIERS = 4  # words before a group's noun: `private Valdan shipping companies`
_MAX_POST_MODIFIER = 4  # words after its preposition: `of the harbour plan`
_MAX_GROUP_ASIDE = 6  # tokens of an aside after it: `, on the other hand,`
_POST_PREPOSITIONS = frozenset("of in from at on for with across near".split())
# the first words of an aside after a group (`, on the other hand,`, `, many of them farmers,`;
# not `, groundbreaking advances,`: the end of a clause before a trailing cue)
_GROUP_ASIDE_OPENERS = ADVERBIAL_ASIDES | frozenset(
    "on many most some all both including like".split()
)
# (not `these` or `those`, which point back, mostly at things: `Those facts suggest`)
_GROUP_DETERMINERS = SOURCE_DETERMINERS | POSSESSIVE_DETERMINERS
# what a group's share is (`a strong majority of`, `about half of`, `some of`)
_PARTITIVES = PARTITIVE_QUANTIFIERS | QUANTITY_NOUNS
_ARTICLES = frozenset(("a", "an", "the"))
# pronouns that name a group with a prepositional phrase after them (`those in favour of`)
_GROUP_HEAD_PRONOUNS = frozenset("those many some most others".split())


def clause_group(m: str, a: int, cs: int, lex) -> Mention | None:
    """A group opening the cue's clause: one or two coordinated plural nouns, each with up to
    four modifiers and a determiner, maybe a share of it first (`about half of`) and a
    prepositional phrase or a short aside after it. Only at the start of the sentence (after
    `But`, `And`) or of a clause after a comma; the mention is the whole group."""
    lo = max(a, cs - _CLAUSE_GROUP_WINDOW)
    toks = tokens(m, lo, cs)
    if lo > a and toks:
        toks = toks[1:]  # the first token may be cut, and the sentence starts further back
    i = len(toks) - 1
    while i >= 0 and (toks[i][2].lower() in SKIPPED_BEFORE_CUE or is_adverb(toks[i][2])):
        i -= 1
    i = _before_group_aside(toks, i)
    last = toks[i][2] if i >= 0 else ""
    # (a prepositional phrase ends in a noun: not `many of whom gleefully and`, `many of you`)
    noun_last = last.isalpha() and not is_stop(last, lex) and not is_adverb(last)
    for end in (i, *(_post_modified(toks, i) if noun_last else ())):
        start = _coordinated_groups(toks, end, lex)
        if start is None and end < i and toks[end][2].lower() in _GROUP_HEAD_PRONOUNS:
            start = end  # `Those in favour of the toll have said`
        if start is None:
            continue
        start = _share_of(toks, start)
        if _opens_clause(toks, start, at_start=lo == a):
            s0, e0 = toks[start][0], toks[i][1]
            return Mention(s0, e0, m[s0:e0], "description", core_end=toks[end][1])
    return None


def _before_group_aside(toks: list[Token], i: int) -> int:
    """The last token before a short aside between commas that ends at token i (`, on the
    other hand,`, `, many of them farmers,`), or i."""
    if i < 2 or toks[i][2] != ",":
        return i
    for k in range(i - 1, max(-1, i - 2 - _MAX_GROUP_ASIDE), -1):
        if toks[k][2] == ",":
            opens = toks[k + 1][2] if k < i - 1 else ""
            return k - 1 if opens in _GROUP_ASIDE_OPENERS else i
        if not toks[k][2][0].isalnum():
            return i
    return i


def _post_modified(toks: list[Token], i: int) -> list[int]:
    """The group's noun when a prepositional phrase ends at token i (`Supporters of the
    plan`): the token before each preposition, nearest first."""
    found = []
    for p in range(i - 1, max(0, i - 1 - _MAX_POST_MODIFIER), -1):
        if not toks[p][2][0].isalnum() or toks[p][2].lower() in FINITE_VERBS:
            break  # (`The discoveries of these receptors were momentous`: a clause)
        if toks[p][2].lower() in _POST_PREPOSITIONS and p >= 1:
            found.append(p - 1)  # (`Those in favour of the toll`: two, the first one named)
    return found


def _conjunct_start(toks: list[Token], i: int, lex) -> int | None:
    """The first token of a plural noun with its modifiers and determiner ending at token i
    (`civil rights groups`, `the private Valdan companies`), or None."""
    if i < 0:
        return None
    word = toks[i][2]
    low = word.lower()
    if not (word.isalpha() and is_plural(low)) or is_stop(word, lex) or low in lex.verb_forms:
        return None
    if low in TIME_WORDS or low in lex.pronouns:
        return None
    j = i
    while j - 1 >= 0 and i - j < _MAX_GROUP_MODIFIERS and _group_modifier(toks[j - 1][2], lex):
        if word[0].isupper() and toks[j - 1][2].islower():
            return None  # `One reason Democrats`: a capitalised group takes no lower-case word
        j -= 1
    if j - 1 >= 0 and (toks[j - 1][2].lower() in _GROUP_DETERMINERS or is_number(toks[j - 1][2])):
        j -= 1
    return j


def _group_modifier(word: str, lex) -> bool:
    """A word that can stand before a group's noun: `civil`, `Valdan`, `tenants’`."""
    low = word.lower()
    core = low.rstrip("’'")
    return (
        (core.isalpha() or "-" in core)
        and not is_stop(word, lex)
        and low not in lex.verb_forms
        and low not in PREPOSITIONS
        and low not in TIME_WORDS
        and low not in DATE_WORDS
        and low not in COORDINATORS
        and low not in GROUP_OPENERS  # `Yet Democratic economists`
        and low not in CLAUSE_OPENERS
    )


def _coordinated_groups(toks: list[Token], i: int, lex) -> int | None:
    """The first token of one group, or two joined by `and`/`or`, ending at token i."""
    start = _conjunct_start(toks, i, lex)
    if start is None:
        return None
    if start >= 2 and toks[start - 1][2] in ("and", "or"):
        other = _conjunct_start(toks, start - 2, lex)
        if other is not None:
            return other
    return start


def _share_of(toks: list[Token], j: int) -> int:
    """The first token of a share before a group at token j (`a strong majority of`, `about
    half of`, `some of`), or j."""
    if j < 2 or toks[j - 1][2] != "of" or not _partitive(toks[j - 2][2]):
        return j
    k = j - 2
    if k >= 1 and is_number(toks[k - 1][2]):
        k -= 1  # `40 percent of`
    first = share_start(toks, k)  # `nearly`, `as many as`, `at least`
    if first < k:
        return first
    if k >= 1 and toks[k - 1][2].lower() in _ARTICLES:
        return k - 1
    if (
        k >= 2
        and toks[k - 2][2].lower() in _ARTICLES
        and toks[k - 1][2].isalpha()
        and toks[k - 1][2].islower()
    ):
        return k - 2  # `a strong majority`
    return k


def _partitive(word: str) -> bool:
    """A word that takes a share of a group before `of`: `majority`, `half`, `some`,
    `two-thirds`."""
    low = word.lower()
    return low in _PARTITIVES or ("-" in low and low.rsplit("-", 1)[1] in QUANTITY_NOUNS)


def _opens_clause(toks: list[Token], j: int, at_start: bool) -> bool:
    """Whether a group at token j opens the sentence (maybe after `But`) or a clause after a
    comma or semicolon (`In Orlen, about half of members said`)."""
    if j == 0:
        return at_start
    before = toks[j - 1][2]
    if before.lower() in GROUP_OPENERS and j == 1:
        return at_start
    return before in (",", ";")
