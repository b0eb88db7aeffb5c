"""Stage 5, content: where a reported clause starts after its cue: a `that`-clause (or an
`if`-clause), or a plain clause without `that` (`plain_clause`).

What may stand between a cue and `that`: a time or place adjunct (`said on Tuesday that`,
`said in a written statement in March that`), a date (`announced Nov. 18 that`), the person
told (`told reporters that`, `complained to Channel 4's Ann Lee that`), the name of a
programme in quotation marks (`said on BBC's “Newsnight” that`), and an aside between
commas or dashes (`said, however, that`, `said on Radio Ness, where she is a regular
guest, that`). A say verb may also report a condition: `said if elected she would ...`.
"""

from __future__ import annotations

from helpers.statements.grammar import (
    ADJUNCT_WORDS,
    DATE_WORDS,
    DETERMINERS,
    FINITE_VERBS,
    NOT_CLAUSE_OPENERS,
    PHRASE_PREPOSITIONS,
    POSSESSIVE_DETERMINERS,
    PREPOSITIONS,
    RELATIVE_WORDS,
    SOURCE_DETERMINERS,
    SUBJECT_PRONOUNS,
)
from helpers.statements.lexicon import Lexicons
from helpers.statements.quotes import PLACEHOLDER
from helpers.statements.words import Token, is_adverb, is_cap, is_role

# At most this many lower-case words of a role before an addressee's name (`conservative
# radio host Laura Ingraham`).
_MAX_ADDRESSEE_ROLE_WORDS = 4
# After these, a cue verb's form is a noun (`the label`, `secretary of state`).
_NOUN_BEFORE = DETERMINERS | PHRASE_PREPOSITIONS
# How many tokens after the cue `that` is looked for.
THAT_WINDOW = 14
# How many tokens after `to` the person told and `that` are looked for.
TO_ADDRESSEE_WINDOW = 6
# An aside between commas is at most this many tokens (`, among other things,`).
MAX_ASIDE_TOKENS = 8
# Prepositions that open an adjunct before `that` besides the time and place words
# (`explained through a spokesman that`, `said via Twitter that`, `wrote as a member that`).
_MORE_ADJUNCTS = frozenset("through via as outside for".split())
# Adverbs that may stand, without commas, between a cue and `that` (`suggest however that`).
_DISCOURSE_ADVERBS = frozenset("however also instead therefore though too again now".split())
# The first words of an aside between commas (`, however,`, `, for example,`, `, in an
# interview,`, `, where she is a regular guest,`); not a participle (`the claim, first made
# by X, that`: `claim` is a noun there).
_ASIDE_OPENERS = ADJUNCT_WORDS | frozenset(
    "however though too instead meanwhile moreover furthermore nonetheless nevertheless "
    "then therefore for among as where when according via through with without per".split()
)
_STOPS = frozenset(",;:.!?")
_ADDRESSEE_DETERMINERS = frozenset(("the", "a", "an")) | POSSESSIVE_DETERMINERS
# Forms of cue verbs that are nouns in an adjunct before `that` (`said in her opening remarks
# that`, `wrote in a series of tweets that`, `said in a report that`)
_CUE_NOUNS = frozenset("report reports remarks comments statements tweets posts notes".split())
_POSSESSIVE = ("’s", "'s", "’", "'")


def that_start(toks: list[Token], k: int, base: str, lex: Lexicons) -> int | None:
    """The offset where the content starts: after the `that` of a that-clause opening within
    THAT_WINDOW tokens of toks[k] (the first token after the cue and the person told), at
    the `if` of a condition after a say verb; None when there is neither."""
    head = toks[k : k + 2]  # (the tokens are made as far as they are read)
    first = head[0][2].lower() if head else ""
    if first == "that":
        return head[0][1]
    if first == "if" and base in lex.zero_that:
        return head[0][0]  # `said if elected he would`
    if first == "," and len(head) > 1 and head[1][2].lower() == "if":
        if base in lex.zero_that:
            return head[1][0]  # `said, if elected, she would`
    if not (
        first == "that"
        or first in ADJUNCT_WORDS
        or first in DATE_WORDS
        or first in _MORE_ADJUNCTS
        or first in _DISCOURSE_ADVERBS
        or is_adverb(first)
        or (first == "of" and base in lex.tell_verbs)
        or (first == "to" and _to_addressee_that(toks, k, lex))
        or (first == "," and _aside_end(toks[k : k + THAT_WINDOW], 0, lex) is not None)
    ):
        return None
    window = toks[k : k + THAT_WINDOW]
    n = 0
    while n < len(window):
        t = window[n][2]
        low = t.lower()
        if low == "that":
            nxt = window[n + 1][2].lower() if n + 1 < len(window) else ""
            if n and nxt in FINITE_VERBS:
                return None  # `asked for a review that would take a year`: a relative clause
            return window[n][1]
        if t == ",":
            nxt = window[n + 1][2] if n + 1 < len(window) else ""
            if is_cap(nxt) or nxt.lower() == "that":
                n += 1  # `told a town hall in Salem, New Hampshire, that`: a place
                continue
            end = _aside_end(window, n, lex)
            if end is None:
                return None
            n = end  # the comma closing the aside: `that` must follow it
            if n + 1 >= len(window) or window[n + 1][2].lower() != "that":
                return None
            n += 1
            continue
        if t in _STOPS:
            return None
        if t.startswith(PLACEHOLDER) and not (n and window[n - 1][2].endswith(_POSSESSIVE)):
            return None  # (a programme's name after a possessive is an adjunct's)
        if low in lex.verb_forms and low not in _CUE_NOUNS:
            return None
        n += 1
    return None


def _aside_end(toks: list[Token], comma: int, lex: Lexicons) -> int | None:
    """The index of the comma closing an aside opened by the comma at `comma` (`, however,`,
    `, for example,`, `, where he is a regular guest,`), when it holds no cue verb."""
    opener = toks[comma + 1][2].lower() if comma + 1 < len(toks) else ""
    if not (opener in _ASIDE_OPENERS or is_adverb(opener)):  # `, apparently for the first time,`
        return None
    for n in range(comma + 1, min(len(toks), comma + 2 + MAX_ASIDE_TOKENS)):
        t = toks[n][2]
        if t == ",":
            return n if n > comma + 1 else None
        if t in _STOPS or t.startswith(PLACEHOLDER) or t.lower() in lex.verb_forms:
            return None
    return None


def _to_addressee_that(toks: list[Token], k: int, lex: Lexicons) -> bool:
    """`wrote to Sanders’ Senate office that`, `said to reporters that`: `to`, the person
    or body addressed (a name, or an addressee word), then `that` (not `agreed to a deal
    that`, where `that` opens a relative clause)."""
    after = toks[k + 1 : k + 1 + TO_ADDRESSEE_WINDOW]
    words = [t[2] for t in after]
    if "that" not in words:
        return False
    between = words[1 : words.index("that")]
    if words[0].lower() in _ADDRESSEE_DETERMINERS and len(words) > len(between) + 2:
        # `admitted to the newspaper that`, `said to his staff that` (not `agreed to a deal
        # that had been ...`: `that` with a verb after it opens a relative clause)
        after_that = words[len(between) + 2].lower()
        head = between[-1].lower() if between else ""
        return (
            0 < len(between) <= 2
            and all(w.replace("-", "").isalpha() for w in between)
            and after_that not in FINITE_VERBS
            and (  # a person or a body addressed, not `a deal that the council liked`
                head in lex.addressees
                or head in lex.orgs
                or head in lex.collective
                or head in lex.person_nouns
                or is_role(head, lex)
            )
        )
    if not (is_cap(words[0]) or words[0].lower() in lex.addressees):
        return False
    return all(
        is_cap(w) or w.endswith(_POSSESSIVE) or w.lower() in lex.addressees or w in lex.orgs
        for w in between
    )


def _thousands_comma(toks: list[Token], n: int) -> bool:
    """Whether toks[n] is the comma inside a number (`5,000`: tokens `5`, `,`, `000`)."""
    return (
        toks[n][2] == ","
        and 0 < n < len(toks) - 1
        and toks[n - 1][2].isdigit()
        and toks[n + 1][2].isdigit()
        and toks[n - 1][1] == toks[n][0]
        and toks[n][1] == toks[n + 1][0]
    )


def plain_clause(toks: list[Token], lex: Lexicons) -> bool:
    """A subject and a finite verb, with no punctuation before the verb: `the aid had been
    paused`, `at least 5,000 people entered`; not `a loss` or `victory`."""
    first = " ".join(t[2].lower() for t in toks[:2])
    if not toks or toks[0][2].lower() in NOT_CLAUSE_OPENERS:
        return False
    if toks[0][2].lower() in PREPOSITIONS and first not in ("at least", "at most"):
        return False
    for n, (_s, _e, t) in enumerate(toks):
        low = t.lower()
        if _thousands_comma(toks, n):
            continue  # `at least 5,000 people entered`
        if not (t[0].isalnum() or t.startswith(PLACEHOLDER)):
            return False
        # `the label`, `secretary of state`: a noun, not a verb
        after_determiner = n > 0 and toks[n - 1][2].lower() in _NOUN_BEFORE
        if low in RELATIVE_WORDS or (low in lex.verb_forms and not after_determiner):
            return False
        if n >= 1 and (low in FINITE_VERBS or (low.endswith("ed") and len(low) > 4)):
            return True
    return False


def addressee_end(toks: list[Token], base: str, lex: Lexicons) -> int:
    """How many tokens after a tell verb name who was told (`told reporters`, `told CNN`)."""
    if base not in lex.tell_verbs or not toks:
        return 0
    t0 = toks[0][2]
    if t0.lower() in lex.addressees:
        return 1
    if is_cap(t0) and t0[0].isalpha():
        return _name_end(toks, 0)
    k = 0  # `told conservative radio host Laura Ingraham that`: a role before the name
    limit = min(len(toks), _MAX_ADDRESSEE_ROLE_WORDS)
    while k < limit and toks[k][2].isalpha() and toks[k][2].islower():
        k += 1
    if 0 < k < len(toks) and is_cap(toks[k][2]) and toks[k][2][0].isalpha():
        role = toks[k - 1][2]
        if is_role(role, lex) or role in lex.titles:
            return _name_end(toks, k)
    if t0.lower() in SOURCE_DETERMINERS:
        k = 1
        while (
            k < min(len(toks), 5)
            and toks[k][2].replace("-", "").isalpha()  # `the co-hosts`
            and toks[k][2] != "that"
            and toks[k][2].lower() not in PREPOSITIONS
            and toks[k][2].lower() not in SOURCE_DETERMINERS  # `told the paper the claims`
            and toks[k][2].lower() not in SUBJECT_PRONOUNS  # `told the panel she tried`
            and not (is_cap(toks[k][2]) and toks[k - 1][2].islower() and k > 1)
            # (`told the committee Lind wanted`; not `told the New York Times`)
        ):
            k += 1
        return k
    if is_role(t0, lex) and t0.islower():
        return 1
    return 0


def _name_end(toks: list[Token], k: int) -> int:
    """The index after the capitalised run from token k, and a number that ends a name
    (`Fox 35`, `Channel 4`)."""
    while k < len(toks) and is_cap(toks[k][2]) and toks[k][2][0].isalpha():
        k += 1
    if k < len(toks) and toks[k][2].isdigit():
        k += 1
    return k
