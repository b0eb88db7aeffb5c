"""Who says what: find the statements of a news article (docs/statements.md has the rules).

A statement is one reporting event: a speaker, a cue of saying, and the content reported.
The extractor works without a part-of-speech tagger, from four things only: quotation marks,
capitalisation, our lexicons under data/lexicons/ (reporting verbs, titles, role nouns,
pronouns, organisation words) and word position. It runs in three passes:

1. quotation spans (curly, straight, single, guillemets; across paragraphs; unbalanced marks
   recovered at the paragraph end; apostrophes never taken for quotes);
2. sentences, with every top-level quotation kept whole;
3. cues in each sentence (reporting verbs, *according to*), their speaker phrase and their
   content; then floating quotes and statements nested inside quotations.

Speakers are resolved to one canonical name per article (the longest proper name used).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from functools import cache, lru_cache

import numpy as np
import pandas as pd

from helpers.article import Article
from helpers.lexicons import lexicon, lexicon_set

COLUMNS = [
    "speaker",
    "role",
    "mention",
    "mention_start",
    "mention_end",
    "kind",
    "cue",
    "cue_start",
    "cue_end",
    "text",
    "start",
    "end",
    "paragraph",
    "nested",
]
SPEAKER_COLUMNS = [
    "speaker",
    "role",
    "forms",
    "statements",
    "direct",
    "indirect",
    "mixed",
    "nested",
]
PEOPLE_COLUMNS = ["name", "role", "mentions", "first_start"]
UNKNOWN = "unknown"

# --------------------------------------------------------------------------- lexicons


@dataclass(frozen=True)
class CueMatch:
    """Where a reporting verb was found (the part of re.Match the extractor uses)."""

    s: int
    e: int
    text: str

    def start(self) -> int:
        return self.s

    def end(self) -> int:
        return self.e

    def group(self) -> str:
        return self.text


_WORD_RE = re.compile(r"(?<![\w’'-])[A-Za-z]+(?![\w’'-])")


class CueFinder:
    """Finds reporting-verb forms ("said", "pointed out") by word lookup, faster than one
    big regular expression of alternatives."""

    def __init__(self, forms: dict[str, str]):
        self.first: dict[str, list[re.Pattern | None]] = {}
        for form in sorted(forms, key=len, reverse=True):
            first, *rest = form.split()
            tail = (
                re.compile(r"".join(r"\s+" + re.escape(w) for w in rest) + r"(?![\w’'-])", re.I)
                if rest
                else None
            )
            self.first.setdefault(first, []).append(tail)

    def finditer(self, text: str, lo: int = 0, hi: int | None = None):
        hi = len(text) if hi is None else hi
        for m in _WORD_RE.finditer(text, lo, hi):
            tails = self.first.get(m.group().lower())
            if tails is None:
                continue
            for tail in tails:
                if tail is None:
                    yield CueMatch(m.start(), m.end(), m.group())
                    break
                t = tail.match(text, m.end(), hi)
                if t:
                    yield CueMatch(m.start(), t.end(), text[m.start() : t.end()])
                    break

    def search(self, text: str, lo: int = 0, hi: int | None = None) -> CueMatch | None:
        return next(self.finditer(text, lo, hi), None)


@dataclass(frozen=True, eq=False)  # hashed by identity: one instance per process
class Lexicons:
    """Every word list the extractor uses, read once and compiled."""

    verb_forms: dict[str, str]  # lower-cased form ("pointed out") -> base ("point out")
    zero_that: frozenset[str]  # base forms that may take content without "that"
    verb_re: CueFinder
    titles: frozenset[str]  # lower-cased, with and without a final period
    title_gender: dict[str, str]
    role_fits: dict[str, frozenset[str]]  # role noun -> role words it fits
    role_heads: frozenset[str]  # single-word role nouns (last word of multi-word ones)
    pronouns: dict[str, str]
    orgs: frozenset[str]
    stop: frozenset[str]
    starters: frozenset[str]
    abbrevs: frozenset[str]


def _inflect(base: str) -> list[str]:
    """Regular forms of a verb: -s, -ed, -ing, with the usual spelling changes."""
    if base.endswith("e"):
        return [base + "s", base + "d", base[:-1] + "ing"]
    if base.endswith("y") and base[-2:-1] not in "aeiou":
        return [base[:-1] + "ies", base[:-1] + "ied", base + "ing"]
    if base.endswith(("s", "sh", "ch", "x", "z")):
        return [base + "es", base + "ed", base + "ing"]
    return [base + "s", base + "ed", base + "ing"]


@cache
def lexicons() -> Lexicons:
    """Load and compile the lexicons (once per process)."""
    forms: dict[str, str] = {}
    zero: set[str] = set()
    for entry in lexicon("reporting_verbs"):
        head, _, listed = entry.partition(":")
        head = head.strip()
        if head.endswith("*"):
            head = head[:-1].strip()
            zero.add(head)
        words = head.lower().split()
        first, rest = words[0], words[1:]
        inflected = listed.split() if listed.strip() else _inflect(first)
        for f in [first, *inflected]:
            forms[" ".join([f, *rest])] = head.lower()
    verb_re = CueFinder(forms)
    titles: set[str] = set()
    gender: dict[str, str] = {}
    for entry in lexicon("titles"):
        word, _, g = entry.partition("=")
        word = word.strip().lower()
        titles.update({word, word.rstrip(".")})
        if g.strip():
            gender[word.rstrip(".")] = g.strip()
    fits: dict[str, frozenset[str]] = {}
    for entry in lexicon("role_nouns"):
        noun, _, words = entry.partition("=")
        fits[noun.strip().lower()] = frozenset(w.lower().rstrip(".") for w in words.split())
    heads = frozenset(n.split()[-1] for n in fits)
    pronouns = {}
    for entry in lexicon("pronouns"):
        p, _, kind = entry.partition("=")
        pronouns[p.strip().lower()] = kind.strip()
    return Lexicons(
        verb_forms=forms,
        zero_that=frozenset(zero),
        verb_re=verb_re,
        titles=frozenset(titles),
        title_gender=gender,
        role_fits=fits,
        role_heads=heads,
        pronouns=pronouns,
        orgs=lexicon_set("organisations"),
        stop=lexicon_set("stopwords"),
        starters=lexicon_set("sentence_starters"),
        abbrevs=frozenset(a.lower().rstrip(".") for a in lexicon("abbreviations")),
    )


# --------------------------------------------------------------------------- quotation spans

OPENERS = {"“": "”", "«": "»", "‘": "’", '"': '"', "'": "'"}
CLOSERS = {"”": "“", "»": "«", "’": "‘"}
ALL_MARKS = "“”«»‘’\"'"
PLACEHOLDER = "\x00"  # stands for a quotation (marks included) in the masked text


@dataclass
class Quote:
    """A top-level quotation: where its marks are and where its content is."""

    open: int  # offset of the opening mark
    close: int  # offset just after the closing mark (or the paragraph end when unclosed)
    start: int  # content start
    end: int  # content end (before the closing mark)
    closed: bool = True


def _is_word_char(ch: str) -> bool:
    return ch.isalnum()


def _opening_context(text: str, i: int, lo: int) -> bool:
    prev = text[i - 1] if i > lo else " "
    nxt = text[i + 1] if i + 1 < len(text) else " "
    return (prev.isspace() or prev in "([{—–-/“‘«\"'" or i == lo) and not nxt.isspace()


def _single_closes(text: str, i: int, hi: int) -> bool:
    """Whether a ’ or ' at i closes an open single quotation rather than being an apostrophe."""
    prev = text[i - 1] if i > 0 else " "
    nxt = text[i + 1] if i + 1 < hi else " "
    if nxt.isalnum():
        return False  # won’t, Putin’s
    if prev.isspace():
        return False
    if prev in "sS" and nxt == " " and i + 2 < hi and text[i + 2].islower():
        return False  # the Americans’ decision
    return True


def find_quotes(text: str, paragraphs: list[tuple[int, int]]) -> list[Quote]:
    """Top-level quotations in the paragraphs, in order; inner quotations stay inside them.

    Two apostrophes (''like this'') count as one straight double quotation mark."""
    lo = min((s for s, _ in paragraphs), default=0)
    hi = max((e for _, e in paragraphs), default=0)
    if text.find("''", lo, hi) == -1:  # only where we look: this runs once per quotation too
        return _find_quotes(text, paragraphs)
    scan = text.replace("''", '"\u2060')
    quotes = _find_quotes(scan, paragraphs)
    for q in quotes:
        if q.start < len(text) and scan[q.start] == "\u2060":
            q.start += 1
        if q.closed and q.close < len(text) and scan[q.close] == "\u2060":
            q.close += 1
    return quotes


_MARKS = re.compile(r"[“”«»‘’\"']")


def _find_quotes(text: str, paragraphs: list[tuple[int, int]]) -> list[Quote]:
    quotes: list[Quote] = []
    stack: list[tuple[str, int]] = []
    carry: Quote | None = None  # a quotation running on into the next paragraph
    for n, (lo, hi) in enumerate(paragraphs):
        i = lo
        if carry is not None:
            j = lo
            while j < hi and text[j].isspace():
                j += 1
            stack = [(text[carry.open], carry.open)]
            if j < hi and text[j] == text[carry.open]:
                i = j + 1  # the new opening mark continues the same quotation
            else:  # no continuation: the quotation ended with its paragraph
                quotes.append(carry)
                carry, stack = None, []
        for mark in _MARKS.finditer(text, i, hi):
            i = mark.start()
            ch = mark.group()
            if ch in "“«":
                stack.append((ch, i))
            elif ch in "”»":
                opener = CLOSERS[ch]
                for k in range(len(stack) - 1, -1, -1):
                    if stack[k][0] == opener:
                        _pop(stack, k, i, text, quotes, carry)
                        if k == 0:
                            carry = None
                        break
            elif ch == '"':
                k = next((k for k in range(len(stack) - 1, -1, -1) if stack[k][0] == '"'), None)
                prev = text[i - 1] if i > lo else " "
                if k is not None and (not prev.isspace() or not _opening_context(text, i, lo)):
                    _pop(stack, k, i, text, quotes, carry)
                    if k == 0:
                        carry = None
                elif _opening_context(text, i, lo):
                    stack.append((ch, i))
            elif ch == "‘":
                prev = text[i - 1] if i > lo else " "
                nxt = text[i + 1] if i + 1 < hi else " "
                if not prev.isalnum() and not nxt.isdigit() and not nxt.isspace():
                    stack.append((ch, i))
            elif ch in "’'":
                opener = "‘" if ch == "’" else "'"
                k = next((k for k in range(len(stack) - 1, -1, -1) if stack[k][0] == opener), None)
                if k is not None and _single_closes(text, i, hi):
                    _pop(stack, k, i, text, quotes, carry)
                    if k == 0:
                        carry = None
                elif ch == "'" and _opening_context(text, i, lo):
                    nxt = text[i + 1] if i + 1 < hi else " "
                    if nxt.isalpha():
                        stack.append((ch, i))
        if stack:
            base_mark, base_open = stack[0]
            start = carry.start if carry is not None else base_open + 1
            open_at = carry.open if carry is not None else base_open
            carry = Quote(open_at, hi, start, hi, closed=False)
            nxt_par = paragraphs[n + 1] if n + 1 < len(paragraphs) else None
            if nxt_par is None:
                quotes.append(carry)
                carry = None
            stack = []
    if carry is not None:
        quotes.append(carry)
    quotes.sort(key=lambda q: q.open)
    return quotes


def _pop(stack, k, i, text, quotes, carry) -> None:
    mark, at = stack[k]
    del stack[k:]
    if k == 0:
        if carry is not None:
            quotes.append(Quote(carry.open, i + 1, carry.start, i, True))
        else:
            quotes.append(Quote(at, i + 1, at + 1, i, True))


# --------------------------------------------------------------------------- sentences


@dataclass
class Sentence:
    start: int
    end: int
    quotes: list[Quote]


_SENT_END = re.compile(r"[.!?…]+[)\]]?(?=\s+[\"“‘«'(\[]?[A-Z0-9\x00])")
_LAST_WORD = re.compile(r"([\w.]+)[.!?…]*$")


def _split_sentences(
    text: str, masked: str, lo: int, hi: int, quotes: list[Quote], lex: Lexicons
) -> list[tuple[int, int]]:
    """Sentence spans in [lo, hi), never cutting through a quotation."""
    spans = []
    s = lo
    for m in _SENT_END.finditer(masked, lo, hi):
        e = m.end()
        w = _LAST_WORD.search(masked, max(lo, m.start() - 30), m.start() + 1)
        word = w.group(1).lower().rstrip(".") if w else ""
        if word in lex.abbrevs or (len(word) == 1 and word.isalpha()):
            continue
        spans.append((s, e))
        s = e
    spans.append((s, hi))
    # a quotation that ends a sentence inside its marks ("... contact.” “In fact ...")
    out = []
    for a, b in spans:
        cuts = []
        for q in quotes:
            if not (a <= q.open and q.close < b) or not q.closed:
                continue
            inner = text[q.start : q.end].rstrip()
            if not inner or inner[-1] not in ".!?…":
                continue
            rest = masked[q.close : b].lstrip()
            if rest.startswith(PLACEHOLDER):
                cuts.append(q.close)
            elif rest[:1].isupper() and not _starts_with_cue_clause(rest, lex):
                cuts.append(q.close)
        for c in cuts:
            out.append((a, c))
            a = c
        out.append((a, b))
    result = []
    for a, b in out:
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if b > a:
            result.append((a, b))
    return result


def _starts_with_cue_clause(rest: str, lex: Lexicons) -> bool:
    clause = re.split(r"[.,;!?\x00]", rest, maxsplit=1)[0]
    return lex.verb_re.search(clause) is not None and len(clause.split()) <= 5


# --------------------------------------------------------------------------- speaker phrases

_TOKEN = re.compile(
    r"(?:Mr|Mrs|Ms|Dr|St|Sen|Rep|Gov|Gen|Lt|Col|Capt|Sgt|Prof|Rev|Jr|Sr|Hon|[A-Z])\.(?=\s)"
    r"|[A-Za-z](?:\.[A-Za-z])+\.?|[\w][\w’'.-]*(?<![.’'])|\x00+|[^\w\s]"
)
ADVERBS = frozenset(
    "also later earlier then again repeatedly previously recently once further first "
    "publicly privately separately similarly reportedly has have had did does do is was "
    "simply just only even still already quickly initially now long often always never "
    "frequently since then".split()
)
AUX_PASSIVE = frozenset("was were is are be been being get got gets".split())
MODALS = frozenset("would could might may should can must shall".split())
_NAME_LINKS = frozenset("of and on for".split())
HONORIFICS = frozenset("mr mrs ms miss mx sir madam".split())
_ARTICLES = frozenset(
    "a an the our their his her its several many some two three four five other few another "
    "one".split()
)
DETERMINERS = frozenset("the a an his her its their our this that these those one two".split())
PREPOSITIONS = frozenset(
    "of with to for by about from on in at into onto over under than like after before "
    "between against during without toward towards upon".split()
)
CONTEXT_STARTERS = frozenset(
    "when asked speaking replying commenting answering responding referring talking upon in".split()
)
SUBJECT_PRONOUNS = frozenset("he she they we i there".split())
CLAUSE_STARTERS = frozenset(
    "he she it they we i there this that these those the a an his her its their our my your "
    "no not some many most all any both each every one two".split()
)
OBJECT_WORDS = frozenset(
    "him her them us me you reporters journalists supporters voters viewers listeners "
    "lawmakers members people audiences crowds".split()
)
TELL_VERBS = frozenset("tell inform assure remind warn ask promise urge accuse".split())
RELAY_VERBS = frozenset("report".split())
SPEECH_NOUN_PHRASES = re.compile(
    r"(?<![\w’'])(?:according\s+to|in\s+the\s+(?:words|view|opinion)\s+of)(?![\w’'])",
    re.IGNORECASE,
)
# `In Whitfield’s view, ...`, `in his words, ...`
POSSESSIVE_VIEW = re.compile(
    r"(?<![\w’'])[Ii]n\s+((?:[A-Z][\w.-]*\s+){0,3}[A-Z][\w-]*[’']s?|his|her|their|its)"
    r"\s+(?:own\s+)?(?:view|words|opinion|account)\b"
)


@dataclass
class Phrase:
    """The words naming a speaker at a cue."""

    start: int
    end: int
    text: str
    kind: str  # "name", "pronoun", "description", "org", "multi"
    parts: list[tuple[int, int]] = field(default_factory=list)  # names in a multi phrase
    core_end: int | None = None  # `A spokeswoman for Hillary Clinton`: the speaker ends here


def _is_role(tok: str, lex: Lexicons) -> bool:
    """A role noun, singular or plural (spokesman, officials, attorneys)."""
    low = tok.lower()
    return (
        low in lex.role_heads
        or (low.endswith("s") and low[:-1] in lex.role_heads)
        or (low.endswith("ies") and low[:-3] + "y" in lex.role_heads)
    )


def _adverb(tok: str) -> bool:
    """A lower-case -ly word (boldly, repeatedly): skipped between a speaker and the cue."""
    return tok.islower() and tok.endswith("ly") and len(tok) > 4 and tok not in ("family", "ally")


def _tokens(text: str, lo: int, hi: int) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text, lo, hi)]


def _is_cap(tok: str) -> bool:
    return tok[:1].isupper()


def _stop(tok: str, lex: Lexicons) -> bool:
    """A common word, unless written in capitals (US is not "us")."""
    return tok.lower() in lex.stop and not (len(tok) > 1 and tok.isupper())


def _np_before_aside(masked, lo, toks, i, lex, depth):
    """`Ostrova, who has led the council since 2019, said`: the phrase before the aside.

    An aside between commas is a relative clause (who, which), an age, or an apposition;
    `our chief engineer, Ruth Adeyemi, told` gives the name in the apposition."""
    k = i - 1
    while k >= 0 and toks[k][2] not in (",", ";", ":") and i - k < 32:
        if toks[k][2].startswith(PLACEHOLDER):
            return None, -1, ""
        k -= 1
    if k < 0 or toks[k][2] != "," or k == i - 1:
        return None, -1, ""
    seg = toks[k + 1 : i]
    first = seg[0][2].lower()
    names = [t for t in seg if _is_cap(t[2]) and t[2][0].isalpha() and not _stop(t[2], lex)]
    if len(names) == len(seg) and depth == 0:
        before, _j, _w = _np_backward(masked, lo, toks[k][0], lex, depth=depth + 1)
        if before is not None and before.kind in ("description", "org"):
            s0, e0 = seg[0][0], seg[-1][1]
            return Phrase(s0, e0, masked[s0:e0], "name"), k + 1, ","
    if (
        first in ("who", "which", "whose")
        or seg[0][2].isdigit()
        or first in DETERMINERS
        or (first in ("aged", "a", "an", "the"))
        or (first.endswith("ing") and seg[0][2].islower())
        or seg[0][2].endswith(("’s", "'s"))
    ):
        return _np_backward(masked, lo, toks[k][0], lex, depth=depth + 1)
    # `Dianne Feinstein, Democrat of California, said`: an apposition after a name
    before, j, w = _np_backward(masked, lo, toks[k][0], lex, depth=depth + 1)
    if before is not None and before.kind == "name" and w in ("of", "from", "in"):
        # `Johnnie Wilson, of Springfield, Va., said`: the place is an aside too
        comma = masked.rfind(",", lo, before.start)
        if comma > lo and not masked[comma + 1 : before.start].strip(" ofrmin"):
            before, j, w = _np_backward(masked, lo, comma, lex, depth=depth + 1)
    if before is not None and before.kind == "name" and w not in PREPOSITIONS:
        return before, j, w
    return None, -1, ""


def _np_backward(
    masked: str, lo: int, verb_start: int, lex: Lexicons, depth: int = 0, progressive=False
) -> tuple[Phrase | None, int, str]:
    """The speaker phrase ending right before a verb (skipping adverbs and auxiliaries).

    Returns (phrase, index where the phrase starts, the word before the phrase)."""
    toks = _tokens(masked, max(lo, verb_start - 110), verb_start)
    if toks and toks[0][0] > lo and max(lo, verb_start - 110) > lo:
        toks = toks[1:]  # first token may be cut
    i = len(toks) - 1
    while i >= 0 and (toks[i][2].lower() in ADVERBS or _adverb(toks[i][2])):
        if toks[i][2].lower() in AUX_PASSIVE:
            # "is saying" is fine, "was told" is passive: the caller checks the verb form
            pass
        i -= 1
    if i >= 0 and toks[i][2] == ")":  # `Rep. Gwen Moore (D-Wis.) said`: skip the brackets
        k = i
        while k >= 0 and toks[k][2] != "(":
            k -= 1
        i = k - 1
    if i < 0:
        return None, -1, ""
    between = {t[2].lower() for t in toks[i + 1 :] if t[2] not in "()"}
    if between & AUX_PASSIVE and not progressive:
        return None, -1, "passive"
    head = toks[i][2]
    low = head.lower()
    if head == "," and depth < 3:
        return _np_before_aside(masked, lo, toks, i, lex, depth)
    if low in ("who", "which") and i >= 1 and toks[i - 1][2] == "," and depth < 3:
        return _np_backward(masked, lo, toks[i - 1][0], lex, depth=depth + 1)
    if head.isdigit() and i >= 1 and toks[i - 1][2] == "," and depth < 3:  # `Berg, 56, who`
        return _np_backward(masked, lo, toks[i - 1][0], lex, depth=depth + 1)
    if low == "who" and i >= 1 and depth < 3:  # `an architect who said`
        ph, j, w = _np_backward(masked, lo, toks[i][0], lex, depth=depth + 1)
        if ph is not None and ph.kind in ("name", "description"):
            return ph, j, w
        return None, -1, ""
    if low in MODALS:
        return None, -1, "modal"
    low = _CONTRACTION.sub("", low)
    if low in lex.pronouns or low in ("i", "we"):
        before = toks[i - 1][2].lower() if i > 0 else ""
        return Phrase(toks[i][0], toks[i][1], head, "pronoun"), i, before
    is_role = _is_role(low, lex)
    is_org = low in lex.orgs
    if not (_is_cap(head) and head[0].isalpha()) and not is_role and not is_org:
        # any noun after an article can name an unnamed source: "a librarian said"
        det = next(
            (
                k
                for k in range(i - 1, max(-1, i - 4), -1)
                if toks[k][2].lower() in _ARTICLES or toks[k][2].endswith(("’s", "'s"))
            ),
            None,
        )
        if det is None or not head.isalpha() or low in lex.stop or low in lex.verb_forms:
            return None, -1, ""
        if any(not toks[k][2].isalpha() or _stop(toks[k][2], lex) for k in range(det + 1, i)):
            return None, -1, ""
        before = toks[det - 1][2].lower() if det > 0 else ""
        s0, e0 = toks[det][0], toks[i][1]
        return Phrase(s0, e0, masked[s0:e0], "description"), det, before
    if _is_cap(head) and _stop(head, lex):
        return None, -1, ""
    j = i
    lower_mods = 0
    while j - 1 >= 0:
        t = toks[j - 1][2]
        tl = t.lower()
        if tl in ("the", "a", "an") or (tl in DETERMINERS and tl not in ("that", "one", "two")):
            j -= 1
            break
        if t in ("’s", "'s"):
            j -= 1
            continue
        if _is_cap(t) and t[0].isalpha() and not _stop(t, lex):
            j -= 1
            continue
        if tl in _NAME_LINKS and j - 2 >= 0 and _is_cap(toks[j - 2][2]) and _is_cap(toks[j][2]):
            j -= 1
            continue
        if (
            tl in ("a", "the")
            and j - 3 >= 0
            and toks[j - 2][2] in ("for", "of", "on")
            and _is_cap(toks[j - 3][2])
        ):
            j -= 2  # Committee for a Responsible Federal Budget
            continue
        if (
            (is_role or is_org)
            and t[0].isalpha()
            and t.islower()
            and tl not in lex.stop
            and tl not in lex.verb_forms
            and lower_mods < 3
        ):
            lower_mods += 1
            j -= 1
            continue
        if tl in lex.role_heads and (is_role or _is_cap(head)):
            j -= 1
            continue
        break
    if (
        j >= 2
        and _is_cap(head)
        and toks[j - 1][2].isalpha()
        and toks[j - 1][2].islower()
        and not _stop(toks[j - 1][2], lex)
        and toks[j - 1][2].lower() not in lex.verb_forms
        and toks[j - 2][2].lower() in ("the", "its", "their")
    ):
        j -= 2  # `the operator Westline Rail`, `the regional carrier Acme`
    # a lone sentence-initial capitalised word that is a common word is not a name
    while j <= i and _stop(toks[j][2], lex) and toks[j][2].lower() not in DETERMINERS:
        j += 1
    if j > i:
        return None, -1, ""
    before = toks[j - 1][2].lower() if j > 0 else ""
    start, end = toks[j][0], toks[i][1]
    words = masked[start:end]
    if " and " in words and all(
        _is_cap(p.strip()[:1] or "x") for p in words.split(" and ") if p.strip()
    ):
        parts = []
        for p in re.finditer(r"[^,]+?(?=\s+and\s+|$)|(?<=and\s)[^,]+", words):
            if p.group().strip():
                s0 = start + p.start()
                parts.append((s0, s0 + len(p.group().rstrip())))
        if len(parts) >= 2:
            return Phrase(start, end, words, "multi", parts), j, before
    kind = "name"
    first = toks[j][2].lower()
    if first in DETERMINERS or not _is_cap(head):
        kind = "org" if is_org and not is_role else "description"
    elif is_org and not is_role:
        kind = "org"
    return Phrase(start, end, words, kind), j, before


_CONTRACTION = re.compile(r"[’'](?:s|re|ve|d|ll)$")
_GENERIC_ORGS = frozenset("company firm operator organisation organization group".split())
_SOURCE_PHRASE = re.compile(r"\s+([^,;:.!?\x00]{2,90}?)\s*(?=[,;:.!?]|$)")
_PP_LINKS = frozenset("of for at with from to".split())
_LAST_WORD_BEFORE = re.compile(r"(\w+)\s*$")


def _extend_left(masked: str, a: int, ph: Phrase, lex: Lexicons) -> tuple[Phrase, str]:
    """`a lawyer for` + `the news outlets`: the phrase before the preposition is the speaker."""
    m = _LAST_WORD_BEFORE.search(masked, max(a, ph.start - 12), ph.start)
    if m is None:
        return ph, ""
    head, _j, before = _np_backward(masked, a, m.start(1), lex)
    if head is None or head.kind not in ("name", "description"):
        return ph, m.group(1).lower()
    return (
        Phrase(head.start, ph.end, masked[head.start : ph.end], head.kind, core_end=head.end),
        before,
    )


def _subject(masked: str, a: int, cs: int, lex: Lexicons, near: bool = False) -> Phrase | None:
    """The speaker phrase that opens the sentence, for a participle or a second verb:
    `Clinton spoke out on Tuesday, arguing that ...`, `I laughed and said ...`."""
    m = _FIRST_WORD.match(masked, a, cs)
    if m is None:
        return None
    ph, _j, _w = _np_backward(masked, a, m.end(1), lex, progressive=True)
    if ph is None or ph.start != m.start(1) and ph.kind != "pronoun":
        return None
    if ph.kind == "pronoun" and ph.text.lower() in ("it", "we", "i") and not near:
        return None
    if near and len(masked[ph.end : cs].split()) > 3:
        return None
    return ph


_FIRST_WORD = re.compile(
    r"\s*((?:[A-Z][\w’'.-]*|the|a|an)(?:\s+(?:[A-Z][\w’'.-]*|of|and|[a-z]+(?=\s+[A-Z])))*"
    r"(?:\s+[a-z]+)?)(?=\s)"
)


def _np_forward(masked: str, pos: int, hi: int, lex: Lexicons) -> Phrase | None:
    """A speaker phrase starting at pos ("said Peskov.", "according to the spokesman,")."""
    toks = _tokens(masked, pos, hi)
    out = []
    for _k, (s, e, t) in enumerate(toks):
        tl = t.lower()
        if t in (",", ".", ";", ":", "!", "?", "\x00") or t.startswith(PLACEHOLDER):
            break
        if tl == "that" or (out and tl in lex.verb_forms):
            break
        if not out and (tl in lex.pronouns or tl in ("i", "we")):
            return Phrase(s, e, t, "pronoun")
        if (
            _is_cap(t)
            or tl in DETERMINERS
            or tl in lex.role_heads
            or tl in lex.orgs
            or (tl in ("of", "and") and out)
            or t in ("’s", "'s")
            or (
                t.islower()
                and re.sub(r"[’']s$", "", t).isalpha()
                and tl not in lex.stop
                and len(out) < 6
            )
        ):
            out.append((s, e, t))
            continue
        break
    while out and (out[-1][2].lower() in DETERMINERS | {"of", "and"} or out[-1][2].islower()):
        if _is_role(out[-1][2], lex) or out[-1][2].lower() in lex.orgs:
            break
        if (
            out[-1][2].lower() not in DETERMINERS | {"of", "and"}
            and len(out) >= 2
            and all(t.lower() in _ARTICLES for _, _, t in out[:-1])
        ):
            break  # `one passenger`: an unnamed source keeps its noun
        out.pop()
    if not out:
        return None
    s, e = out[0][0], out[-1][1]
    words = masked[s:e]
    heads = [t for _, _, t in out]
    has_name = any(_is_cap(t) and t.lower() not in lex.stop for t in heads)
    has_role = any(
        t.lower() in lex.role_heads or t.lower().rstrip("s") in lex.role_heads for t in heads
    )
    has_org = any(t.lower() in lex.orgs for t in heads)
    if not (has_name or has_role or has_org):
        if not (
            heads[0].lower() in _ARTICLES
            and heads[0].lower() not in ("his", "her", "its", "their", "our")
            and heads[-1].isalpha()
            and heads[-1].islower()
        ):
            return None
    first = heads[0].lower()
    if " and " in words and all(_is_cap(p.strip()[:1] or "x") for p in words.split(" and ")):
        parts = []
        off = s
        for p in words.split(" and "):
            parts.append((off, off + len(p)))
            off += len(p) + 5
        return Phrase(s, e, words, "multi", parts)
    if first in DETERMINERS or not _is_cap(heads[-1]):
        kind = "org" if has_org and not has_role else "description"
    else:
        kind = "org" if has_org and not has_role else "name"
    return Phrase(s, e, words, kind)


# --------------------------------------------------------------------------- people


@dataclass
class Person:
    """A person named in the article, under the longest name used for them."""

    name: str
    tokens: tuple[str, ...]
    role: str = ""
    gender: str = ""
    mentions: int = 0
    first_start: int = -1
    positions: list[int] = field(default_factory=list)


_CAP_WORD = (
    r"(?:[A-Z]\.(?:[A-Z]\.)+|(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Prof|Rev|St)\."
    r"|[A-Z][\w-]*(?:[’'][A-Z][\w-]*)?)"
)
_CAP_RUN = re.compile(
    rf"(?<![\w’'-]){_CAP_WORD}(?:\s(?:(?:of|de|van|von|bin|al|da|del|la|le)\s)?{_CAP_WORD})*"
)
_INITIAL_BEFORE = re.compile(r"(?:^|[.!?:;]|\n)[\s“”‘\"'«(—-]*$")


@dataclass
class NameSplit:
    role: str
    name: tuple[str, ...]
    is_org: bool
    org: str


def _split_name(words: list[str], lex: Lexicons) -> NameSplit:
    """Split a capitalised run into a role (up to its last title word) and a name."""
    return _split_name_cached(tuple(words), lex)


@lru_cache(maxsize=4096)
def _split_name_cached(words: tuple[str, ...], lex: Lexicons) -> NameSplit:
    while words and words[0].lower() in ("the", "a", "an"):
        words = words[1:]
    last_title = -1
    for k, w in enumerate(words):
        if w.lower() in lex.titles or w.lower().rstrip(".") in lex.titles:
            last_title = k
    role_words = words[: last_title + 1]
    if all(w.lower().rstrip(".") in HONORIFICS for w in role_words):
        role_words = []  # Mr., Mrs., Ms. are forms of address, not roles
    name = tuple(w for w in words[last_title + 1 :] if w.lower() not in ("of",))
    is_org = any(w.lower() in lex.orgs for w in name)
    org = " ".join(words) if is_org else ""
    return NameSplit(" ".join(role_words), name, is_org, org)


_LOWER_BEFORE = re.compile(r"[a-z],?\s$")


_ROLE_AFTER = re.compile(
    r",\s+(?:a|an|the|its|their|his|her)\s+((?:[a-z][\w-]*\s+){0,3}?([a-z][\w-]*))"
    r"(?=\s+(?:for|of|at|with|in|to)\b|\s*[,.;:])"
)


def _role_after(text: str, end: int, lex: Lexicons) -> str:
    """A job description in apposition right after a name: `Ruth Adeyemi, a spokeswoman for
    the company` gives `spokeswoman`; `Tom Berg, a farmer` gives nothing unless the head noun
    is one of our role nouns."""
    m = _ROLE_AFTER.match(text, end, min(len(text), end + 80))
    if m is None or m.group(2).lower() not in lex.role_fits:
        return ""
    return m.group(1)


def _role_before(text: str, start: int, lex: Lexicons, block_starts=()) -> str:
    """A lower-case job description right before a name: `councillor Marcus Lindqvist`,
    `our chief engineer, Ruth Adeyemi`."""
    k = bisect_right(block_starts, start) - 1  # block_starts are sorted
    lo = block_starts[k] if k >= 0 else 0
    toks = _tokens(text, max(lo, start - 60), start)
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
        if not t.isalpha() or _stop(t, lex) or t.lower() in lex.verb_forms:
            break
        if t.islower():
            lower += 1
            if lower > 2:
                break
        k -= 1
    return " ".join(t for _, _, t in toks[k:])


_GENDER_PRONOUN = re.compile(r"(?<![\w’'])(?:his|himself|herself)(?![\w’'])")


_SENTENCE_STOP = re.compile(r"[.!?](?=\s)")


class Registry:
    """People and organisations named in an article, and the speakers seen so far."""

    def __init__(self, article: Article, lex: Lexicons):
        self.lex = lex
        self.people: list[Person] = []
        self._by_last: dict[str, list[Person]] = {}
        self.orgs: list[str] = []
        text = article.text
        non_person = lexicon_set("non_person_words")
        runs = []
        noninitial: set[str] = set()
        for block in article.paragraphs:
            for m in _CAP_RUN.finditer(text, block.start, block.end):
                initial = (
                    bool(_INITIAL_BEFORE.search(text, max(block.start, m.start() - 6), m.start()))
                    or m.start() == block.start
                )
                words = []
                pos = m.start()
                for w in m.group().split():
                    pos = text.index(w, pos)
                    words.append((pos, w))
                    pos += len(w)
                runs.append((initial, words))
                for k, (_s, w) in enumerate(words):
                    if k > 0 or not initial:
                        noninitial.add(w)
        found: list[tuple[int, tuple[str, ...], str, bool]] = []
        block_starts = [b.start for b in article.paragraphs]
        for initial, words in runs:
            if (
                words
                and words[-1][1].endswith(".")
                and words[-1][1].lower().rstrip(".") not in lex.titles
                and not re.fullmatch(r"(?:[A-Z]\.)+", words[-1][1])
            ):
                words[-1] = (words[-1][0], words[-1][1].rstrip("."))
            if initial and words:
                w0 = words[0][1]
                if (
                    w0.lower() in lex.stop
                    or w0.lower() in lex.starters
                    or w0.lower() in lex.verb_forms
                    or (_is_role(w0, lex) and w0.lower().rstrip(".") not in lex.titles)
                    or (
                        w0 not in noninitial
                        and w0.lower() not in lex.titles
                        and w0.lower().rstrip(".") not in lex.titles
                        and len(words) != 2  # `Anna Berg said`: first name and surname
                    )
                ):
                    words = words[1:]
            if not words:
                continue
            split = _split_name([w for _, w in words], lex)
            if split.is_org:
                if split.org not in self.orgs:
                    self.orgs.append(split.org)
                continue
            name = split.name
            if not name or any(w.lower() in non_person or w.lower() in lex.stop for w in name):
                continue
            if any(re.fullmatch(r"(?:[A-Z]\.)+|[A-Z]+", w) for w in name):
                continue  # U.S., TASS, ABC: initialisms are not people
            start = words[len(words) - len(name)][0] if len(name) <= len(words) else words[0][0]
            role = split.role
            if not role and _LOWER_BEFORE.search(text, max(0, start - 3), start):
                role = _role_before(text, start, lex, block_starts)
            if not role:
                role = _role_after(text, words[-1][0] + len(words[-1][1]), lex)
            found.append((start, name, role, len(name) >= 2 or bool(split.role)))
        # full names first, so that a surname alone resolves to them
        for start, name, role, sure in found:
            if len(name) >= 2 and sure:
                self._add(name, role, start, count=False)
        for start, name, role, sure in found:
            if sure:
                self._add(name, role, start, count=False)
        for start, name, role, _sure in found:
            p = self.find(name, start)
            if p is not None:
                p.mentions += 1
                p.positions.append(start)
                if p.first_start < 0 or start < p.first_start:
                    p.first_start = start
                if len(role) > len(p.role):
                    p.role = role
        self.people = [p for p in self.people if p.mentions > 0]
        self._by_last = {}
        for p in self.people:
            self._by_last.setdefault(p.tokens[-1], []).append(p)
        self._found = found
        self._text = text
        self._genders_known = False
        self.speakers: list[tuple[str, str, str]] = []  # (canonical, role, kind) most recent last

    def genders(self) -> dict[str, str]:
        """Each person's gender ("m", "f" or ""), worked out on first use."""
        if not self._genders_known:
            self._genders(self._text, self._found, self.lex)
            self._genders_known = True
        return {p.name: p.gender for p in self.people}

    def _genders(self, text: str, found, lex: Lexicons) -> None:
        """He or she for each person: a gendered title (Mrs., Congresswoman), else the
        personal pronoun that most often comes first after their name, before anyone else's."""
        votes: dict[str, list[int]] = {p.name: [0, 0] for p in self.people}
        starts = sorted((start, self.find(name, start)) for start, name, _r, _s in found)
        starts = [(s0, p) for s0, p in starts if p is not None]
        for k, (s0, p) in enumerate(starts):
            stop = starts[k + 1][0] if k + 1 < len(starts) else len(text)
            end = _SENTENCE_STOP.search(text, s0, min(stop, s0 + 300))
            m = _GENDER_PRONOUN.search(text, s0, end.start() if end else min(stop, s0 + 300))
            if m:
                votes[p.name][0 if m.group() in ("his", "himself") else 1] += 1
        for p in self.people:
            for w in p.role.split():
                g = lex.title_gender.get(w.lower().rstrip("."))
                if g:
                    p.gender = g
            if not p.gender and p.name in votes:
                m_votes, f_votes = votes[p.name]
                if m_votes != f_votes:
                    p.gender = "m" if m_votes > f_votes else "f"

    def _add(self, name: tuple[str, ...], role: str, start: int, count: bool) -> None:
        if self.find(name, start) is not None:
            p = self.find(name, start)
            if len(name) > len(p.tokens):
                p.tokens, p.name = name, " ".join(name)
            return
        person = Person(" ".join(name), name, role)
        self.people.append(person)
        self._by_last.setdefault(name[-1], []).append(person)

    def find(self, name: tuple[str, ...], at: int) -> Person | None:
        """The person a name refers to: same full name, or the last words of a longer name."""
        best = None
        if not name:
            return None
        for p in self._by_last.get(name[-1], ()):
            n = len(name)
            if (
                p.tokens == name
                or (n <= len(p.tokens) and p.tokens[-n:] == name)
                or (n > len(p.tokens) and name[-len(p.tokens) :] == p.tokens and len(p.tokens) == 1)
            ):
                if best is None:
                    best = p
                else:  # several people share a surname: the one mentioned most recently
                    last_p = max([q for q in p.positions if q <= at], default=-1)
                    last_b = max([q for q in best.positions if q <= at], default=-1)
                    if last_p > last_b:
                        best = p
        return best

    def person_before(self, at: int, fits=None, gender: str = "") -> Person | None:
        best, best_pos = None, -1
        for p in self.people:
            if fits is not None and not (set(p.role.lower().replace(".", "").split()) & fits):
                continue
            if gender and p.gender and p.gender != gender:
                continue
            pos = max([q for q in p.positions if q < at], default=-1)
            if pos > best_pos:
                best, best_pos = p, pos
        return best

    def org_name(self, head: str) -> str | None:
        for o in sorted(self.orgs, key=len, reverse=True):
            if head.lower() in o.lower().split():
                return o
        return None


# --------------------------------------------------------------------------- statements


@dataclass
class Statement:
    """One statement, with offsets into article.text (see the contract in docs/statements.md)."""

    speaker: str
    role: str
    mention: str | None
    mention_start: int | None
    mention_end: int | None
    kind: str
    cue: str
    cue_start: int | None
    cue_end: int | None
    text: str
    start: int
    end: int
    paragraph: int
    nested: bool = False
    clause_start: int = 0  # where the cue clause (speaker phrase + cue) begins
    phrase: Phrase | None = None
    speaker_kind: str = "person"


class _Extractor:
    def __init__(self, article: Article):
        self.article = article
        self.text = article.text
        self.lex = lexicons()
        self.reg = Registry(article, self.lex)
        self._gender: dict[str, str] | None = None
        self.anon: list[str] = []
        pars = article.paragraphs
        self._par_starts = [p.start for p in pars]
        self._par_ends = [p.end for p in pars]
        self._par_numbers = [p.index for p in pars]
        self.quotes: list[Quote] = []
        self._opens: list[int] = []

    @property
    def gender(self) -> dict[str, str]:
        if self._gender is None:
            self._gender = self.reg.genders()
        return self._gender

    # ---- speaker resolution
    def resolve(self, ph: Phrase, nested: bool = False) -> tuple[str, str, str]:
        """(canonical speaker, role, kind of speaker) for a speaker phrase."""
        lex, reg = self.lex, self.reg
        if ph.kind == "source":
            if ph.core_end is not None:
                core = Phrase(
                    ph.start, ph.core_end, self.text[ph.start : ph.core_end], "description"
                )
                speaker, role, kind = self.resolve(core, nested)
                if kind not in ("unknown", "anonymous"):
                    return speaker, role, kind
            desc = ph.text[0].lower() + ph.text[1:] if ph.text[:1].isupper() else ph.text
            return desc, "", "anonymous"
        if ph.core_end is not None:
            core = Phrase(ph.start, ph.core_end, self.text[ph.start : ph.core_end], ph.kind)
            speaker, role, kind = self.resolve(core, nested)
            if kind == "anonymous":  # `a spokeswoman for Hillary Clinton` keeps its whole name
                desc = ph.text[0].lower() + ph.text[1:] if ph.text[:1].isupper() else ph.text
                return desc, role, kind
            return speaker, role, kind
        words = ph.text.split()
        if ph.kind == "multi":
            names = []
            for s, e in _multi_parts(self.text, ph.start, ph.end):
                sub = Phrase(s, e, self.text[s:e], "name")
                if not self.text[s:e][:1].isupper():
                    sub.kind = "description"
                names.append(self.resolve(sub, nested)[0])
            return "; ".join(names), "", "multi"
        if ph.kind == "pronoun":
            low = ph.text.lower()
            want = lex.pronouns.get(low, "")
            if nested or low in ("i", "we", "you"):
                return UNKNOWN, "", "unknown"
            if want in ("m", "f"):
                for name, role, kind in reversed(reg.speakers):
                    if kind == "person" and self.gender.get(name, "") == want:
                        return name, role, kind
                for name, role, kind in reversed(reg.speakers):
                    if kind == "person" and not self.gender.get(name, ""):
                        return name, role, kind
            for name, role, kind in reversed(reg.speakers):
                if want == "plural" and kind in ("multi", "org", "anonymous"):
                    return name, role, kind
                if want == "org" and kind == "org":
                    return name, role, kind
            if want in ("m", "f"):
                self.reg.genders()
                p = reg.person_before(ph.start, gender=want)
                if p is not None:
                    return p.name, p.role, "person"
            return UNKNOWN, "", "unknown"
        clean = [w for w in words if w not in ("’s", "'s")]
        if ph.kind == "description" and clean and _is_cap(clean[-1]):
            k = len(clean)
            while k > 0 and _is_cap(clean[k - 1]):
                k -= 1
            if k > 0 and clean[k - 1].islower():  # `the operator Westline Rail`
                clean = clean[k:]
                ph = Phrase(ph.start, ph.end, ph.text, "name")
        if ph.kind == "name":
            split = _split_name(clean, lex)
            if split.name:
                for k in range(len(split.name)):
                    p = reg.find(split.name[k:], ph.start)
                    if p is not None:
                        return p.name, p.role or split.role, "person"
                if split.is_org:
                    return split.org, "", "org"
                return " ".join(split.name), split.role, "person"
            if split.role:  # "the President" written capitalised: a description
                ph = Phrase(ph.start, ph.end, ph.text, "description")
        low_words = [w.lower().rstrip(".") for w in clean]
        head = low_words[-1] if low_words else ""
        two = " ".join(low_words[-2:])
        fits = lex.role_fits.get(two) or lex.role_fits.get(head)
        if fits is None and head.endswith("s"):
            fits = lex.role_fits.get(head[:-1])
        det = low_words[0] if low_words else ""
        if fits is not None:
            if det not in ("a", "an", "one", "two") and not (
                head.endswith("s") and det not in ("the", "his", "her", "its", "their")
            ):
                for name, role, kind in reversed(reg.speakers):
                    if kind == "person" and set(role.lower().replace(".", "").split()) & fits:
                        return name, role, kind
                    if kind == "anonymous" and name.split()[-1].lower() == head:
                        return name, role, kind
                p = reg.person_before(ph.start, fits=fits)
                if p is not None:
                    return p.name, p.role, "person"
                if det in ("the", "this", "that"):
                    return UNKNOWN, "", "unknown"
            desc = ph.text
            if desc[:1].isupper() and det in DETERMINERS:
                desc = desc[0].lower() + desc[1:]
            return desc, "", "anonymous"
        if head in lex.orgs or ph.kind == "org":
            org = reg.org_name(head)
            if org:
                return org, "", "org"
            if det == "the" and len(low_words) == 2 and head in _GENERIC_ORGS:
                # `the company`, `the operator`: the organisation that spoke last
                for name, role, kind in reversed(reg.speakers):
                    if kind == "org":
                        return name, role, kind
            desc = " ".join(w for w in clean if w.lower() not in ("the",))
            if not desc[:1].isupper():
                desc = ph.text[0].lower() + ph.text[1:] if ph.text[:1].isupper() else ph.text
            return desc, "", "org"
        for name, role, kind in reversed(reg.speakers):
            if kind == "anonymous" and name.split()[-1].lower() == head:
                return name, role, kind
        if det in ("a", "an", "one", "two") or (head.endswith("s") and det not in DETERMINERS):
            desc = ph.text
            if desc[:1].isupper() and det in DETERMINERS:
                desc = desc[0].lower() + desc[1:]
            return desc, "", "anonymous"
        return UNKNOWN, "", "unknown"

    def remember(self, speaker: str, role: str, kind: str) -> None:
        if speaker == UNKNOWN:
            return
        self.reg.speakers = [s for s in self.reg.speakers if s[0] != speaker]
        self.reg.speakers.append((speaker, role, kind))

    # ---- the passes
    def run(self) -> list[Statement]:
        text, lex = self.text, self.lex
        pars = [(b.start, b.end) for b in self.article.paragraphs]
        quotes = [_recover(text, q, lex) for q in find_quotes(text, pars)]
        self.quotes = quotes
        self._opens = [q.open for q in quotes]
        masked = _mask(text, quotes)
        out: list[Statement] = []
        for lo, hi, qs in _sections(pars, quotes):
            sents = _split_sentences(text, masked, lo, hi, qs, lex)
            for a, b in sents:
                sq = [q for q in qs if a <= q.open < b]
                found = self.sentence(masked, a, b, sq, out, nested=False)
                if not found and sq:
                    self.floating(masked, a, b, sq, out)
                out.extend(found)
        nested: list[Statement] = []
        q_starts = [q.start for q in quotes]  # quotations come in text order
        for st in out:
            if st.kind == "indirect" or st.nested:
                continue
            for k in range(bisect_left(q_starts, st.start), len(quotes)):
                q = quotes[k]
                if q.start > st.end + 1:
                    break
                if q.end <= st.end + 1:
                    nested.extend(self.inside(q))
        allst = out + nested
        allst.sort(key=lambda s: (s.start, s.nested))
        return allst

    def inside(self, q: Quote) -> list[Statement]:
        """Statements reported inside a quotation (nested)."""
        text, lex = self.text, self.lex
        if lex.verb_re.search(text, q.start, q.end) is None and not (
            SPEECH_NOUN_PHRASES.search(text, q.start, q.end)
            or POSSESSIVE_VIEW.search(text, q.start, q.end)
        ):
            return []
        inner = find_quotes(text, [(q.start, q.end)])
        masked = _mask(text, inner)
        res: list[Statement] = []
        for a, b in _split_sentences(text, masked, q.start, q.end, inner, lex):
            sq = [x for x in inner if a <= x.open < b]
            res.extend(self.sentence(masked, a, b, sq, [], nested=True))
        return res

    def floating(self, masked, a, b, sq, out) -> None:
        """A sentence that is only quotation: it continues the previous speaker."""
        rest = re.sub(r"[\x00\s.,;:!?…—–-]", "", masked[a:b])
        if rest or not out:
            return
        words = self.text[sq[0].start : sq[-1].end].split()
        if len(words) <= 10 and sum(w[:1].isupper() for w in words) >= 0.7 * len(words):
            return  # a quoted title on its own line ('All Bets Are Off.') is a heading
        prev = next((s for s in reversed(out) if not s.nested), None)
        if prev is None:
            return
        par = self.paragraph_at(a)
        first_in_par = not any(s.paragraph == par and not s.nested for s in out) and (
            self._par_start(a) == a
        )
        q_last = sq[-1]
        if not first_in_par and prev.paragraph == par and prev.kind == "direct":
            prev.end = _trim_end(self.text, prev.start, q_last.end, keep_stop=True)
            prev.text = self.text[prev.start : prev.end]
            return
        if not first_in_par or prev.paragraph < par - 1:
            return
        s, e = sq[0].start, _trim_end(self.text, sq[0].start, q_last.end, keep_stop=True)
        s = _trim_start(self.text, s, e)
        out.append(
            Statement(
                prev.speaker,
                prev.role,
                None,
                None,
                None,
                "direct",
                "",
                None,
                None,
                self.text[s:e],
                s,
                e,
                par,
                False,
                a,
                None,
                prev.speaker_kind,
            )
        )

    def _par_start(self, at: int) -> int:
        k = bisect_right(self._par_starts, at) - 1
        return self._par_starts[k] if k >= 0 and at < self._par_ends[k] else -1

    def sentence(self, masked, a, b, sq, prior, nested) -> list[Statement]:
        """Every statement cued in one sentence."""
        text, lex = self.text, self.lex
        cues = []
        for m in lex.verb_re.finditer(masked, a, b):
            cues.append(("verb", m.start(), m.end()))
        for m in SPEECH_NOUN_PHRASES.finditer(masked, a, b):
            cues.append(("according", m.start(), m.end()))
        for m in POSSESSIVE_VIEW.finditer(masked, a, b):
            cues.append(("view", m.start(), m.end()))
        cues.sort(key=lambda c: c[1])
        first = _FIRST_TOKEN.match(masked, a, b)
        ctx_end = a
        if first and first.group(1).lower() in CONTEXT_STARTERS:
            comma = masked.find(",", a, b)
            ctx_end = comma if comma >= 0 else a
        res: list[Statement] = []
        nested_found: list[Statement] = []
        for kind, cs, ce in cues:
            if cs < ctx_end and kind == "verb":
                continue
            inner = nested
            if (
                res
                and res[-1].start < cs < res[-1].end
                and not _COORD_BEFORE.search(masked, max(a, cs - 12), cs)
            ):
                inner = True  # inside the content of a statement already found: nested
            if kind == "according":
                st = self.according(masked, a, b, cs, ce, nested)
            elif kind == "view":
                st = self.view(masked, a, b, cs, ce, nested)
            else:
                st = self.verb_cue(masked, a, b, cs, ce, res, nested)
                if (
                    st is not None
                    and inner
                    and not nested
                    and not _CLAUSE_BOUNDARY.search(
                        masked, max(a, st.clause_start - 12), st.clause_start
                    )
                ):
                    # inside a reported clause and not a new clause of the sentence: nested
                    st = self.verb_cue(masked, a, b, cs, ce, res, True)
            if st is None:
                continue
            if st.nested and not nested:
                nested_found.append(st)
                continue
            if res and res[-1].end > st.clause_start and res[-1].start < st.clause_start:
                cut = masked.rfind(",", res[-1].start, st.clause_start)
                end = cut if cut > res[-1].start else st.clause_start
                res[-1].end = _trim_end(text, res[-1].start, end)
                res[-1].text = text[res[-1].start : res[-1].end]
                res[-1].kind = _kind(text, res[-1].start, res[-1].end, sq, res[-1].kind)
            res.append(st)
        res = [s for s in res if s.end > s.start] + nested_found
        for st in res:
            if not nested and not st.nested and st.speaker_kind != "unknown":
                self.remember(st.speaker, st.role, st.speaker_kind)
        return res

    def make(self, ph, cue_s, cue_e, cs, ce, clause_start, kind, nested, sq) -> Statement | None:
        text = self.text
        cs = _trim_start(text, cs, ce)
        ce = _trim_end(text, cs, ce)
        if ce <= cs:
            return None
        if kind is None:
            kind = "indirect"
            inside = [q for q in sq if q.open < ce and q.close > cs]
            if not inside and len(text[cs:ce].split()) < 2:
                return None  # one word is not a reported clause
            if inside:
                kind = "mixed"
                if len(inside) == 1:
                    q = inside[0]
                    if q.open <= cs and ce <= q.close:
                        kind = "direct"
                        cs, ce = q.start, _trim_end(text, q.start, q.end, keep_stop=True)
                        cs = _trim_start(text, cs, ce)
        elif kind == "direct":
            cs = _trim_start(text, cs, ce)
        if ce <= cs:
            return None
        return self._record(ph, kind, cue_s, cue_e, cs, ce, clause_start, nested)

    def _record(self, ph, kind, cue_s, cue_e, cs, ce, clause_start, nested) -> Statement:
        """The statement record once its content span is settled: resolve the speaker."""
        speaker, role, skind = self.resolve(ph, nested)
        return Statement(
            speaker,
            role,
            ph.text,
            ph.start,
            ph.end,
            kind,
            _squash(self.text[cue_s:cue_e]),
            cue_s,
            cue_e,
            self.text[cs:ce],
            cs,
            ce,
            self.paragraph_at(cs),
            nested,
            clause_start,
            ph,
            skind,
        )

    def view(self, masked, a, b, cs, ce, nested) -> Statement | None:
        """`In Whitfield’s view, A`: Whitfield's statement A."""
        m = POSSESSIVE_VIEW.match(masked, cs, ce)
        s0, e0 = m.span(1)
        word = re.sub(r"[’']s?$", "", masked[s0:e0])
        kind = "pronoun" if word.lower() in ("his", "her", "their", "its") else "name"
        if kind == "pronoun":
            word = {"his": "he", "her": "she", "their": "they", "its": "it"}[word.lower()]
            if nested:
                return None
        ph = Phrase(s0, s0 + len(masked[s0:e0]), masked[s0:e0], kind)
        st = self.make(ph, cs, ce, ce, b, cs, None, nested, self._quotes_in(a, b))
        if st is not None and kind == "pronoun":
            speaker, role, skind = self.resolve(Phrase(s0, e0, word, "pronoun"), nested)
            st.speaker, st.role, st.speaker_kind = speaker, role, skind
        elif st is not None:
            speaker, role, skind = self.resolve(Phrase(s0, s0 + len(word), word, "name"), nested)
            st.speaker, st.role, st.speaker_kind = speaker, role, skind
        return st

    def according(self, masked, a, b, cs, ce, nested) -> Statement | None:
        ph = _np_forward(masked, ce, b, self.lex)
        whole = _SOURCE_PHRASE.match(masked, ce, b)
        if whole and (ph is None or ph.end < whole.end(1)) and not nested:
            # `according to exit polls`, `according to a new report by Politico`: the whole
            # source phrase names the source
            s0, e0 = whole.span(1)
            kind = "name" if ph is not None and ph.kind == "name" and ph.start == s0 else "source"
            ph = Phrase(s0, e0, masked[s0:e0], kind, core_end=ph.end if ph is not None else None)
        if ph is None or (nested and ph.kind == "pronoun"):
            return None
        appo = _APPOSITION.match(masked, ph.end, b)
        if appo:  # `according to the company’s chief executive, Dana Whitfield, ...`
            ph = Phrase(appo.start(1), appo.end(1), appo.group(1), "name")
        sq = self._quotes_in(a, b)
        if appo:
            return self.make(ph, cs, ce, appo.end(), b, cs, None, nested, sq)
        after = masked[ph.end : b].lstrip()
        if masked[a:cs].strip(" ,\x00“‘\"'«") == "" or after.startswith(","):
            if after.startswith(",") and masked[a:cs].strip() == "":
                c0 = masked.find(",", ph.end, b) + 1
                return self.make(ph, cs, ce, c0, b, cs, None, nested, sq)
        left = masked.rfind(",", a, cs)
        if left < 0:
            left = cs
        return self.make(ph, cs, ce, a, left, a, None, nested, sq)

    def _quotes_in(self, a, b):
        opens = self._opens
        return self.quotes[bisect_left(opens, a) : bisect_left(opens, b)]

    def paragraph_at(self, at: int) -> int:
        """The paragraph number of an offset (by bisection; 0 outside paragraphs)."""
        k = bisect_right(self._par_starts, at) - 1
        if k >= 0 and at < self._par_ends[k]:
            return self._par_numbers[k]
        return 0

    def verb_cue(self, masked, a, b, cs, ce, res, nested) -> Statement | None:
        text, lex = self.text, self.lex
        form = _squash(masked[cs:ce]).lower()
        base = lex.verb_forms.get(form, "")
        first_word = form.split()[0]
        if masked[cs].isupper() and cs != a:
            return None  # a capitalised cue word in mid-sentence is part of a name
        if _NOUN_OR_INFINITIVE.search(masked, max(a, cs - 8), cs):
            return None  # "the state of", "his comments", "declined to comment": not a cue
        if masked[max(a, cs - 3) : cs].rstrip().endswith(("’s", "'s", "s’", "s'")):
            return None  # "Editor’s note", "the president’s claim": a noun
        sq = [q for q in self._quotes_in(a, b)] if not nested else _quotes_between(text, a, b)
        before = masked[max(a, cs - 80) : cs].rstrip()  # the words just before the cue
        ph: Phrase | None = None
        clause_start = cs
        inverted = False
        prev = res[-1] if res else None
        if first_word.endswith("ing") and not re.search(r"\b(?:is|are|was|were|been)$", before):
            tail = before.lower()
            if prev is not None and (
                tail.endswith(",") or tail.endswith(" and") or tail.endswith(", also")
            ):
                ph = prev.phrase
                clause_start = max(a, masked.rfind(",", a, cs))
            elif tail.endswith((",", " and")) and not nested:
                ph = _subject(masked, a, cs, lex)  # `Clinton spoke out on Tuesday, arguing that`
                if ph is None:
                    return None
                clause_start = max(a, masked.rfind(",", a, cs))
            else:
                return None
        else:
            ph, _j, word_before = _np_backward(
                masked, a, cs, lex, progressive=first_word.endswith("ing")
            )
            if word_before in ("passive", "modal"):
                return None
            if ph is None:
                tail = before.lower()
                if prev is not None and (tail.endswith(" and") or tail.endswith(" but")):
                    ph = prev.phrase
                    clause_start = cs - 4
                elif tail.endswith(" and") and _subject(masked, a, cs, lex):
                    ph = _subject(masked, a, cs, lex)  # `I laughed and said`
                    clause_start = cs - 4
                elif tail.endswith(",") or tail.endswith(PLACEHOLDER) or tail == "":
                    ph = _np_forward(masked, ce, b, lex)
                    if ph is None:
                        return None
                    if tail == "" and not re.match(r"\s*[:,]\s*\x00", masked[ph.end : b]):
                        return None
                    inverted = True
                else:
                    return None
            else:
                if word_before in _PP_LINKS:  # `Mr. Morgan of the Sierra Club said`
                    ph, word_before = _extend_left(masked, a, ph, lex)
                if word_before in PREPOSITIONS or word_before == "who":
                    return None
                mod = _MODIFIERS_AFTER_QUOTE.search(masked, max(a, ph.start - 30), ph.start)
                if mod:  # `“...,” retired Air Force general Lloyd Newton said`
                    ph = Phrase(mod.start(1), ph.end, masked[mod.start(1) : ph.end], ph.kind)
                clause_start = ph.start
        if ph is None or (nested and ph.kind == "pronoun"):
            return None
        if (
            ph.kind == "description"
            and not nested
            and ph.text.lower().split()[0] not in DETERMINERS
        ):
            core_text = masked[ph.start : ph.core_end] if ph.core_end else ph.text
            head = core_text.lower().split()[-1]
            if (
                not any(w[:1].isupper() for w in ph.text.split())
                and not (head.endswith("s") and head[:-1] in lex.role_fits)
                and ph.text.lower().split()[0] not in _ARTICLES
            ):
                return None  # a bare lower-case noun needs a determiner, unless plural (sources)
        clause_end = ph.end if inverted else ce
        # skip the addressee of tell-like verbs ("told reporters", "reminded him", "told CNN")
        pos = clause_end
        toks = _tokens(masked, pos, min(b, pos + 140))
        k = 0
        if base in TELL_VERBS and toks:
            t0 = toks[0][2]
            if t0.lower() in OBJECT_WORDS:
                k = 1
            elif _is_cap(t0) and t0[0].isalpha():
                while k < len(toks) and _is_cap(toks[k][2]) and toks[k][2][0].isalpha():
                    k += 1
            elif t0.lower() in _ARTICLES:
                k = 1
                while (
                    k < min(len(toks), 5)
                    and toks[k][2].isalpha()
                    and toks[k][2] not in ("that",)
                    and toks[k][2].lower() not in PREPOSITIONS
                ):
                    k += 1
            elif _is_role(t0, lex) and t0.islower():
                k = 1
        after_obj = toks[k][0] if k < len(toks) else b
        rest = masked[after_obj:b]
        rest_s = rest.lstrip()
        rs = after_obj + (len(rest) - len(rest_s))
        if (
            base in RELAY_VERBS
            and prev is not None
            and masked[a:clause_start].rstrip().endswith(",")
        ):
            return None  # "..., Peskov told reporters, TASS reports": the outlet only relays
        lo = a
        if prev is not None and prev.end <= clause_start and not prev.nested:
            lo = max(lo, prev.end)
        left_text = masked[lo:clause_start].rstrip()
        left_core = left_text.strip(" ,;:—–-\n")
        # 0. quote first: `“A,” Peskov said.` / `“A,” said Ostrova, who ...` / `“A,” he said, “B.”`
        before_q = [q for q in sq if lo <= q.open and q.close <= clause_start]
        if left_core.endswith(PLACEHOLDER) and before_q:
            last_q = before_q[-1]
            first_q = last_q
            for q in reversed(before_q[:-1]):
                if masked[q.close : first_q.open].strip(" ,;:—–-\n"):
                    break
                first_q = q
            lead = masked[lo : first_q.open].strip(" \n")
            if not lead or lead.endswith((",", ":", "—")) or len(lead.split()) <= 4:
                mint = _INTERRUPTED.match(rest_s)
                if mint:
                    q2 = _quote_at(sq, rs + mint.start(1))
                    if q2 is not None:
                        last_q = q2
                return self.make_direct(ph, cs, ce, first_q, last_q, clause_start, nested)
        # 1. colon or comma before a quotation: `he said: “...”`
        mcol = _COLON_QUOTE.match(rest_s)
        if rest_s.startswith(":") or mcol:
            if mcol:
                q = _quote_at(sq, rs + mcol.start(1))
                if q is not None:
                    end = q.close
                    return self.make(ph, cs, ce, q.open, end, clause_start, None, nested, sq)
            if rest_s.startswith(":"):
                return self.make(ph, cs, ce, rs + 1, b, clause_start, None, nested, sq)
        # 2. a quotation right after the verb
        if rest_s.startswith(PLACEHOLDER) and not inverted:
            return self.make(ph, cs, ce, rs, b, clause_start, None, nested, sq)
        # 3. `that` within a few words
        mt = None
        first_after = toks[k][2].lower() if k < len(toks) else ""
        scan = (
            toks[k : k + 14]
            if first_after == "that"
            or first_after in _ADJUNCT_WORDS
            or _adverb(first_after)
            or (first_after == "of" and base in TELL_VERBS)
            else []
        )
        for _s0, _e0, t in scan:
            if t in (",", ";", ":", ".", "!", "?") or t.startswith(PLACEHOLDER):
                break
            if t.lower() == "that":
                mt = _e0
                break
            if t.lower() in lex.verb_forms and t.lower() not in ("report",):
                break
        if mt is not None and not inverted:
            return self.make(ph, cs, ce, mt, b, clause_start, None, nested, sq)
        # 4. trailing cue: `..., Peskov said.` / `..., Ostrova told reporters after the meeting.`
        ends_clause = (
            _ENDS_CLAUSE.match(rest_s) is not None
            or _TRAILING_MORE.match(rest_s)
            or (
                inverted and rest_s.startswith(",")
            )  # `..., said Jeffrey Trimble, a senior official`
        )
        if (
            ends_clause
            and left_text.endswith((",", PLACEHOLDER))
            and (PLACEHOLDER in left_core or len(left_core.split()) >= 4)
        ):
            end = len(left_text) + lo
            if left_text.endswith(","):
                end -= 1
            return self.make(ph, cs, ce, lo, end, clause_start, None, nested, sq)
        # 5. `as X said, ...`: the content is the clause after the comma
        mas = re.match(r"[^,;:\x00]{0,30},", rest_s)
        if _AS_BEFORE.search(masked, max(a, ph.start - 60), ph.start) and mas:
            c0 = rs + mas.end()
            stop = masked.find(",", c0, b)
            return self.make(
                ph, cs, ce, c0, stop if stop > 0 else b, clause_start, None, nested, sq
            )
        # interrupted indirect: `A, Mayer said, and B`
        if (
            left_text.endswith(",")
            and left_core
            and (rest_s.startswith(",") or _ADJUNCT_COMMA.match(rest_s))
            and not nested
        ):
            return self.make(ph, cs, ce, lo, b, clause_start, None, nested, sq)
        # 6. content without `that`: `he said he would go`, `said after the talks they would`
        if toks[k:] and not inverted and toks[k][2].lower() in _ADJUNCT_WORDS:
            for n, (s0, _e0, t) in enumerate(toks[k : k + 6]):
                if not t[0].isalnum() or t.lower() in _CLAUSE_WORDS or t.lower() in lex.verb_forms:
                    break
                if n and t.lower() in SUBJECT_PRONOUNS and len(toks) - (k + n) >= 3:
                    return self.make(ph, cs, ce, s0, b, clause_start, None, nested, sq)
        if toks[k:] and not inverted:
            t0 = toks[k][2]
            w0 = re.split(r"[’']", t0.lower())[0]
            long_enough = sum(3 if t[2][0] == PLACEHOLDER else 1 for t in toks[k : k + 3]) >= 3
            starts_clause = long_enough and (
                (w0 in SUBJECT_PRONOUNS or w0 == "it")
                or (
                    base in lex.zero_that
                    and t0[0].isalpha()
                    and w0 not in PREPOSITIONS
                    and w0 not in _ADJUNCT_WORDS
                    and w0 not in ("that", "so", "as", "not", "yes", "it", "what", "how", "nothing")
                    and w0 not in _CLAUSE_WORDS
                    and not (_is_cap(t0) and _stop(t0, lex) and w0 not in CLAUSE_STARTERS)
                )
            )
            if starts_clause:
                return self.make(ph, cs, ce, toks[k][0], b, clause_start, None, nested, sq)
        return None

    def make_direct(self, ph, cue_s, cue_e, q1, q2, clause_start, nested) -> Statement | None:
        """A direct statement whose content runs from quotation q1 to quotation q2."""
        text = self.text
        s = _trim_start(text, q1.start, q2.end)
        e = _trim_end(text, s, q2.end, keep_stop=True)
        if e <= s:
            return None
        return self._record(ph, "direct", cue_s, cue_e, s, e, clause_start, nested)


_NOUN_OR_INFINITIVE = re.compile(
    r"(?<![\w’'])(?:the|a|an|this|these|those|his|its|their|our|every|each|any|no|whose|to)\s+$",
    re.IGNORECASE,
)
# `he said: “...”`, `told his radio audience on Monday, “...”` (a few words before the mark)
_COLON_QUOTE = re.compile(r"(?:[^,:;.!?\x00]{0,40}(?<=\w))?\s*[:,]\s*(\x00+)")
_CLAUSE_WORDS = frozenset(
    "when whether if because while as that which who what how why where although though".split()
)
_MODIFIERS_AFTER_QUOTE = re.compile(r"\x00,?\s+((?:[a-z]+\s+){1,2})$")
_FIRST_TOKEN = re.compile(r"\W*(\w+)")
_CLAUSE_BOUNDARY = re.compile(r"(?:[,;—–]|\s-+)\s*(?:and|but|while|whereas)?\s*$")
_COORD_BEFORE = re.compile(r"(?:,|,?\s+and|,\s+also)\s*$")
_APPOSITION = re.compile(r",\s*((?:[A-Z][\w.’'-]*\s+){0,3}[A-Z][\w’'-]*)\s*,")
_ADJUNCT_START = (
    "on in at after before during last this earlier later yesterday today "
    "tonight recently afterwards again also late early while monday tuesday wednesday thursday "
    "friday saturday sunday"
)
_ADJUNCT_WORDS = frozenset(_ADJUNCT_START.split())
_ENDS_CLAUSE = re.compile(
    r"(?:(?:" + "|".join(_ADJUNCT_START.split()) + r")\b[^,;:\x00]*?)?[\s.!?…]*$", re.IGNORECASE
)
_TRAILING_MORE = re.compile(  # noqa: ISC003
    r",\s*(?:[A-Z][\w.]*\s+){1,4}(?:reports?|reported|says|said|writes|wrote)\b"
    r"|(?:(?:"
    + "|".join(_ADJUNCT_START.split())
    + r")\b[^,;:\x00]*?)?,\s*(?:\w+ing|and|also|who|which|as|but|while|when|after|before"
    r"|because|though|although|since|even|according)\b"
    r"|,\s*\d+\s*,"
)
_INTERRUPTED = re.compile(
    r"(?:(?:" + "|".join(_ADJUNCT_START.split()) + r")\b[^,;:\x00]{0,40})?,\s*(\x00+)", re.I
)
_ADJUNCT_COMMA = re.compile(
    r"(?:" + "|".join(_ADJUNCT_START.split()) + r")\b[^,;:\x00]{0,30},", re.IGNORECASE
)
_AS_BEFORE = re.compile(r"(?<![\w’'])[Aa]s\s+(?:[^\x00.;]{0,50}?)$")


def _multi_parts(text: str, s: int, e: int) -> list[tuple[int, int]]:
    """The conjuncts of `Volker and Morrison`, `Tom Okafor, Lena Brandt and Ann Lee`."""
    parts = []
    pos = s
    for m in re.finditer(r"\s*(?:,\s*and|,|and)\s+", text[s:e]):
        parts.append((pos, s + m.start()))
        pos = s + m.end()
    parts.append((pos, e))
    return [(a, b) for a, b in parts if b > a]


def _j_word(masked: str, a: int, at: int) -> str:
    m = re.search(r"(\w+)\W*$", masked[max(a, at - 20) : at])
    return m.group(1).lower() if m else ""


def _quote_at(quotes: list[Quote], pos: int) -> Quote | None:
    for q in quotes:
        if q.open == pos:
            return q
    return None


def _quotes_between(text: str, a: int, b: int) -> list[Quote]:
    return find_quotes(text, [(a, b)])


def _kind(text, s, e, sq, old) -> str:
    inside = [q for q in sq if q.open < e and q.close > s]
    if not inside:
        return "indirect"
    if old == "direct":
        return "direct"
    return "mixed"


def _squash(s: str) -> str:
    return re.sub(r"\s+", " ", s)


def _trim_start(text: str, s: int, e: int) -> int:
    while s < e and (text[s].isspace() or text[s] in ",;:—–"):
        s += 1
    return s


_ABBREV_END = re.compile(r"(?:\b[A-Z]\.)+$|\.\.\.$")


def _trim_end(text: str, s: int, e: int, keep_stop: bool = False) -> int:
    while e > s and (text[e - 1].isspace() or text[e - 1] in ",;:—–"):
        e -= 1
    # a full stop outside any quotation closes the sentence, not the content
    if (
        not keep_stop
        and e > s
        and text[e - 1] == "."
        and not _ABBREV_END.search(text, max(s, e - 12), e)
    ):
        e -= 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return e


def _recover(text: str, q: Quote, lex: Lexicons) -> Quote:
    """An unclosed quotation that holds its own cue (`"We won, he said.`) ends before the cue."""
    if q.closed:
        return q
    for m in lex.verb_re.finditer(text, q.start, q.end):
        comma = text.rfind(",", q.start, m.start())
        if comma < 0:
            continue
        who = text[comma + 1 : m.start()].split()
        after = text[m.end() : q.end]
        if 1 <= len(who) <= 4 and re.fullmatch(r"[^,.!?]{0,40}[.!?]?\s*", after):
            return Quote(q.open, comma + 1, q.start, comma + 1, closed=False)
    return q


def _mask(text: str, quotes: list[Quote]) -> str:
    """The text with every top-level quotation (marks included) replaced by placeholders."""
    parts = []
    pos = 0
    for q in quotes:
        if q.open < pos:
            continue
        parts.append(text[pos : q.open])
        parts.append(PLACEHOLDER * (q.close - q.open))
        pos = q.close
    parts.append(text[pos:])
    return "".join(parts)


def _sections(pars: list[tuple[int, int]], quotes: list[Quote]):
    """Paragraph ranges, joined where a quotation runs on from one paragraph to the next."""
    out = []
    opens = [q.open for q in quotes]
    crossing = [(q.open, q.close) for q in quotes if not q.closed or q.close > q.open]
    i = 0
    while i < len(pars):
        lo, hi = pars[i]
        j = i
        while j + 1 < len(pars) and any(o < pars[j][1] < c for o, c in _near(crossing, pars[j][1])):
            j += 1
            hi = pars[j][1]
        qs = quotes[bisect_left(opens, lo) : bisect_left(opens, hi)]
        out.append((lo, hi, qs))
        i = j + 1
    return out


def _near(crossing: list[tuple[int, int]], at: int) -> list[tuple[int, int]]:
    """The quotations that open before `at`, latest first (only the last few can span it)."""
    k = bisect_left(crossing, (at, -1))
    return crossing[max(0, k - 3) : k]


# --------------------------------------------------------------------------- public API


def _ints(values: list[int | None]) -> pd.arrays.IntegerArray:
    """A nullable Int64 column, built directly (much faster than pd.array on a list)."""
    mask = np.fromiter((v is None for v in values), dtype=bool, count=len(values))
    data = np.fromiter((0 if v is None else v for v in values), dtype="int64", count=len(values))
    return pd.arrays.IntegerArray(data, mask)


def _objects(values: list) -> pd.Series:
    """A column of Python objects (str, None), kept as object dtype: None stays None."""
    out = np.empty(len(values), dtype=object)
    out[:] = values
    return pd.Series(out, dtype=object, copy=False)


def _frame(rows: list[Statement]) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "speaker": _objects([r.speaker for r in rows]),
            "role": _objects([r.role for r in rows]),
            "mention": _objects([r.mention for r in rows]),
            "mention_start": _ints([r.mention_start for r in rows]),
            "mention_end": _ints([r.mention_end for r in rows]),
            "kind": _objects([r.kind for r in rows]),
            "cue": _objects([r.cue for r in rows]),
            "cue_start": _ints([r.cue_start for r in rows]),
            "cue_end": _ints([r.cue_end for r in rows]),
            "text": _objects([r.text for r in rows]),
            "start": np.array([r.start for r in rows], dtype="int64"),
            "end": np.array([r.end for r in rows], dtype="int64"),
            "paragraph": np.array([r.paragraph for r in rows], dtype="int64"),
            "nested": np.array([r.nested for r in rows], dtype=bool),
        },
        columns=COLUMNS,
    )


def statement_records(article: Article) -> list[Statement]:
    """The statements as dataclass records (extract_statements gives the same as a table)."""
    return _Extractor(article).run()


def extract_statements(article: Article) -> pd.DataFrame:
    """One row per statement, in text order, with the contract's columns."""
    return _frame(statement_records(article))


def speakers_table(statements: pd.DataFrame) -> pd.DataFrame:
    """One row per speaker: role, surface forms, and statement counts by kind."""
    rows: dict[str, dict] = {}
    order: list[str] = []
    for r in statements.itertuples(index=False):
        row = rows.get(r.speaker)
        if row is None:
            row = {
                "speaker": r.speaker,
                "role": r.role or "",
                "forms": [],
                "statements": 0,
                "direct": 0,
                "indirect": 0,
                "mixed": 0,
                "nested": 0,
            }
            rows[r.speaker] = row
            order.append(r.speaker)
        if not row["role"] and r.role:
            row["role"] = r.role
        if isinstance(r.mention, str) and r.mention and r.mention not in row["forms"]:
            row["forms"].append(r.mention)
        if r.nested:
            row["nested"] += 1
        else:
            row["statements"] += 1
            row[r.kind] += 1
    ranked = sorted(order, key=lambda s: (-rows[s]["statements"], order.index(s)))
    return pd.DataFrame([rows[s] for s in ranked], columns=SPEAKER_COLUMNS)


def mentioned_people(article: Article) -> pd.DataFrame:
    """People (not organisations) named in the article, whether or not they speak."""
    reg = Registry(article, lexicons())
    people = sorted(reg.people, key=lambda p: p.first_start)
    return pd.DataFrame(
        [
            {"name": p.name, "role": p.role, "mentions": p.mentions, "first_start": p.first_start}
            for p in people
        ],
        columns=PEOPLE_COLUMNS,
    )
