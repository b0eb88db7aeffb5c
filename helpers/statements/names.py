"""Stage 6a, people: reading names. The runs of capitalised words in an article, and what
each one is: a person's name with its role (`Kremlin Spokesman Dmitry Peskov`), an
organisation (`Department of Justice`), an acronym (`NASA`), or nothing (`The`, `Last`).
:mod:`.people` keeps the persons and organisations these readings find.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from helpers.article import Article
from helpers.statements.grammar import OPENING_ADVERBS
from helpers.statements.lexicon import Lexicons
from helpers.statements.words import is_role, opens_sentence

# How many distinct capitalised runs the name functions remember (a few MB): names recur
# within an article and across a corpus.
_NAME_CACHE = 65536
# Suffixes after a surname: part of the canonical name, not of the surname it is found by.
_SUFFIXES = frozenset("Jr. Jr Sr. Sr II III IV".split())


def name_core(tokens: tuple[str, ...]) -> tuple[str, ...]:
    """A name without its suffix (`James P. Kennedy Jr.` -> `James P. Kennedy`)."""
    return tokens[:-1] if len(tokens) > 1 and tokens[-1] in _SUFFIXES else tokens


_CAP_WORD = (
    r"(?:[A-Z]\.(?:[A-Z]\.)+|(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Prof|Rev|St|Jr|Sr|Co|Corp|Inc)\."
    r"|[A-Z]\.(?=\s[A-Z][a-z])"  # a middle initial: `James P. Kennedy`
    r"|[A-Z][\w-]*(?:[’'][A-Z][\w-]*)?)"
)


@cache
def _cap_run(particles: tuple[str, ...]) -> re.Pattern:
    """Runs of capitalised words, with name particles between them (`Ursula von der Leyen`),
    that start a word. (The look-ahead opens with a capital letter, so that the engine skips
    ahead to capitals; every _CAP_WORD starts with one.)"""
    links = "|".join(re.escape(p) for p in particles)
    return re.compile(rf"(?=[A-Z](?<![\w’'-][A-Z])){_CAP_WORD}(?:\s(?:(?:{links})\s)?{_CAP_WORD})*")


_INITIALISM = re.compile(r"(?:[A-Z]\.)+|[A-Z]+")
MIDDLE_INITIAL = re.compile(r"[A-Z]\.")
_INITIALS = re.compile(r"(?:[A-Z]\.)+")
_PERSON_INITIALS = re.compile(r"[A-Z]\.(?:[A-Z]\.)?")  # `W.`, `G.K.` (`U.S.`: non_person)
_ACRONYM = re.compile(r"[A-Z]{2,5}")  # `NASA`, `BBC`: an organisation's short name


@dataclass
class NameSplit:
    role: str
    name: tuple[str, ...]
    is_org: bool
    org: str
    gender: str = ""  # from a gendered title or honorific before the name (Mr, Ms, Queen)


# the words that join an organisation's word to the rest of its name (`Bureau of Labor
# Statistics`, `Office for Civil Rights`)
ORG_NAME_LINKS = frozenset(("of", "for"))


def org_word(word: str, lex: Lexicons) -> bool:
    """A word of data/lexicons/organisations.txt, or its plural (`Centers`)."""
    low = word.lower()
    return low in lex.orgs or low.removesuffix("s") in lex.orgs


# An organisation's name joins at most this many words after its `of` or `for`, and after
# its `and` (`Department of Ports and Harbours`, `Centers for Disease Control and Prevention`).
MAX_ORG_NAME_TAIL = 2


def ends_in_org_name(words: list[str], lex: Lexicons) -> bool:
    """Whether words end in an organisation's name that an `and` may go on: an organisation
    word (data/lexicons/organisations.txt), its last `of` or `for`, then one or two words
    (`Department of Ports`, `Centers for Disease Control`)."""
    links = [k for k, w in enumerate(words) if w in ORG_NAME_LINKS]
    if not links:
        return False
    k = links[-1]
    return 0 < k and 0 < len(words) - k - 1 <= MAX_ORG_NAME_TAIL and org_word(words[k - 1], lex)


@lru_cache(maxsize=_NAME_CACHE)
def split_name(words: tuple[str, ...], lex: Lexicons) -> NameSplit:
    """Split a capitalised run into a role (up to its last title word) and a name."""
    while words and words[0].lower() in ("the", "a", "an"):
        words = words[1:]
    if (
        len(words) >= 3
        and org_word(words[0], lex)
        and words[1] in ORG_NAME_LINKS
        and not any(w.lower().rstrip(".") in lex.titles for w in words[3:])
    ):
        # `Department of Justice`, `Office for Civil Rights`: an organisation's name, whatever
        # title word (`Justice`) it holds
        return NameSplit(
            "", tuple(w for w in words if w not in ORG_NAME_LINKS), True, " ".join(words), ""
        )
    last_title = -1
    for k, w in enumerate(words):
        if w.lower() in lex.titles or w.lower().rstrip(".") in lex.titles:
            last_title = k
    role_words = words[: last_title + 1]
    after = words[last_title + 1 :]
    if (
        last_title >= 0
        and len(after) >= 2
        and after[0] == "of"
        and words[last_title].lower() not in lex.name_titles  # (`Peter King of New York`)
    ):
        # `Secretary of State John Kerry`, `Minister of Home Affairs Anna Berg`: the title
        # goes on after `of`; the name is the last two words (three with an initial)
        keep = 3 if len(after) >= 5 and MIDDLE_INITIAL.fullmatch(after[-2]) else 2
        keep = min(keep, len(after) - 2)
        role_words = words[: len(words) - keep] if keep > 0 else words
        last_title = len(role_words) - 1
    genders = {lex.title_gender.get(w.lower().rstrip("."), "") for w in role_words} - {""}
    if all(w.lower().rstrip(".") in lex.honorifics for w in role_words):
        role_words = ()  # Mr., Mrs., Ms. are forms of address, not roles
    name = tuple(w for w in words[last_title + 1 :] if w.lower() not in ("of",))
    is_org = any(w.lower() in lex.orgs for w in name)
    rest = [w.lower() for w in words[last_title + 1 :]]
    if not is_org and "of" in rest[1:]:
        name = tuple(words[last_title + 1 :][: rest.index("of")])  # `Martin Taylor of Leeds`
    if not is_org:
        role_words, name = _leading_label(tuple(role_words), name, lex)
    if len(name) == 1 and role_words and role_words[-1].lower() in lex.name_titles:
        name = (role_words[-1], *name)  # `Prince Andrew`, `Pope Francis`
    org = " ".join(words) if is_org else ""
    gender = genders.pop() if len(genders) == 1 else ""
    return NameSplit(" ".join(role_words), name, is_org, org, gender)


def _leading_label(
    role_words: tuple[str, ...], name: tuple[str, ...], lex: Lexicons
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """A label (`Republican Donald Trump`: data/lexicons/labels.txt) or words up to a role
    noun before a given name (`Pastor Ann Hale`, `NFL Insider Jason La Canfora`) at the start
    of a person's name of three words or more: they join the role."""
    if (
        len(name) < 3
        or not all(w[0].isupper() and w.lower() not in lex.stop for w in name)
        or any(org_word(w, lex) or w.lower() in lex.generic_orgs for w in name)
    ):
        return role_words, name
    if name[0].lower() in lex.labels:
        return (*role_words, name[0]), name[1:]
    for k in range(len(name) - 3, -1, -1):
        if is_role(name[k], lex) and name[k + 1].lower() in lex.given_names:
            return (*role_words, *name[: k + 1]), name[k + 1 :]
    return role_words, name


Run = tuple[bool, int, tuple[str, ...]]  # (at a sentence start, offset, words)


def _offset(start: int, words: tuple[str, ...], k: int) -> int:
    """The offset of a run's k-th word (one white-space character between its words)."""
    return start + sum(len(w) for w in words[:k]) + k


def _lower_compound(word: str) -> bool:
    """A hyphenated word whose later parts are lower case (`Day-by-day`, `Well-known`; not
    `Jean-Pierre`, `Ocasio-Cortez`)."""
    parts = word.split("-")
    return len(parts) > 1 and any(p[:1].islower() for p in parts[1:])


def cap_runs(article: Article, lex: Lexicons) -> tuple[list[Run], set[str]]:
    """Every run of capitalised words, and the words seen other than sentence-first. (A
    common word alone opening a sentence, `The`, `But`, a sixth of all runs, names nothing:
    it is left out here.)"""
    text = article.text
    pattern = _cap_run(lex.name_particles)
    stop = lex.stop
    runs: list[Run] = []
    noninitial: set[str] = set()
    last_end = 0  # where the last run ends
    for block in article.paragraphs:
        lo = block.start
        for m in pattern.finditer(text, lo, block.end):
            start = m.start()
            initial = opens_sentence(text, start, lo)
            word = m.group()
            if initial and word.isalpha() and word.lower() in stop and not word.isupper():
                continue
            run = tuple(word.split())
            if initial and _lower_compound(run[0]):
                # `Day-by-day Schiff’s ...`, `Long-time Harbour residents`: a sentence-opening
                # compound with lower-case parts is no name word
                start += len(run[0]) + 1
                run = run[1:]
                initial = False
                if not run:
                    continue
            gap = text[last_end:start] if runs and start - last_end <= _LONGEST_GAP else ""
            if gap in _ORG_LINK_GAPS and org_word(runs[-1][2][-1], lex):
                # `National Institute for Coastal Research`: one organisation's name
                first, at, words = runs.pop()
                run = (*words, gap.strip(), *run)
                initial, start = first, at
            last_end = m.end()
            runs.append((initial, start, run))
            noninitial.update(run[1:] if initial else run)
    return runs, noninitial


# Only `of` or `for` between a run ending in an organisation word and the next run joins
# them (`Bureau of Prisons`, `Institute for Coastal Research`).
_ORG_LINK_GAPS = frozenset((" of ", " for "))
_LONGEST_GAP = max(len(g) for g in _ORG_LINK_GAPS)


def first_name_of(core: tuple[str, ...], lex: Lexicons) -> bool:
    """Whether a person's first word can name them alone (`Liu` for `Liu Xiaming`, `Bernie`
    for `Bernie Sanders`): two words, or three with a middle initial, all letters, none of
    them a title, role, organisation or common word (not `Republican Donald Trump`)."""
    if not (len(core) == 2 or (len(core) == 3 and MIDDLE_INITIAL.fullmatch(core[1]))):
        return False
    first, last = core[0], core[-1]
    return all(
        w.replace("-", "").replace("’", "").replace("'", "").isalpha()
        and w.lower() not in lex.orgs
        and w.lower() not in lex.stop
        and w.lower() not in lex.titles
        and not is_role(w, lex)
        for w in (first, last)
    )


def _common_start(w0: str, lex: Lexicons) -> bool:
    """A sentence-initial word that is a common word, a sentence starter, a verb or a role."""
    low = w0.lower()
    return (
        low in lex.stop
        or low in lex.starters
        or low in OPENING_ADVERBS
        or low in lex.verb_forms
        or (is_role(w0, lex) and low.rstrip(".") not in lex.titles)
    )


@lru_cache(maxsize=_NAME_CACHE)
def loses_stop(word: str, lex: Lexicons) -> bool:
    """Whether a run's last word ends a sentence rather than an abbreviation."""
    return (
        word.endswith(".")
        and word.lower().rstrip(".") not in lex.titles
        and word not in _SUFFIXES
        and word not in ("Co.", "Corp.", "Inc.")
        and not _INITIALS.fullmatch(word)
    )


@lru_cache(maxsize=_NAME_CACHE)
def _drops_first(names: tuple[str, ...], seen_inside: bool, lex: Lexicons) -> bool:
    """Whether the first word of a sentence-initial run is no part of a name: a common word,
    or one never seen inside a sentence (`seen_inside`), unless the run names an organisation
    (`Coastal Flood Agency`) or two words stand alone (`Anna Berg said`)."""
    w0 = names[0]
    low = w0.lower()
    unseen = not seen_inside and low not in lex.titles and low.rstrip(".") not in lex.titles
    common = _common_start(w0, lex)
    if not (common or unseen) or (low in lex.given_names and not common):
        return False  # (`Ann Quill Berg said`: a known given name opens a name)
    org_run = any(w.lower() in lex.orgs for w in names[1:])
    if org_run and not common:
        return False
    gerund = w0.endswith("ing") and not seen_inside  # `Hosting Cook at ...`
    middle = len(names) >= 3 and MIDDLE_INITIAL.fullmatch(names[1])  # `James P. Kim`
    return bool((len(names) != 2 and not middle) or gerund or common)


@dataclass(frozen=True)
class _Reading:
    """What a run of capitalised words names, worked out once per run (names recur)."""

    kind: str  # "acronym", "org", "person", or "" for nothing
    first: int = 0  # the index in the run of its first word kept
    last: str = ""  # its last word kept, without a sentence's full stop
    split: NameSplit | None = None
    name: tuple[str, ...] = ()  # a person's name
    # offsets from the run's start: its first word kept, the end of its last, a person's name
    kept_at: int = 0
    end_at: int = 0
    name_at: int = 0


@lru_cache(maxsize=_NAME_CACHE)
def read_run(names: tuple[str, ...], initial: bool, seen_inside: bool, lex: Lexicons) -> _Reading:
    """A run's reading: `NASA` and `The BBC` are acronyms; a sentence's full stop and a first
    word that only starts the sentence go; `-based` words before a name go (`Sacramento-based
    McClatchy Co.`); what is left names an organisation or a person, or nothing."""
    bare = names[1:] if names[0] == "The" else names
    if len(bare) == 1 and _ACRONYM.fullmatch(bare[0]):
        return _Reading("acronym", len(names) - 1, kept_at=_offset(0, names, len(names) - 1))
    words = list(names)
    if loses_stop(words[-1], lex):
        words[-1] = words[-1].rstrip(".")
    first = 1 if initial and _drops_first(tuple(words), seen_inside, lex) else 0
    while len(words) - first > 1 and words[first].endswith("-based"):
        first += 1
    if first >= len(words):
        return _Reading("")
    kept = tuple(words[first:])
    split = split_name(kept, lex)
    kept_at = _offset(0, names, first)
    end_at = _offset(0, names, len(names) - 1) + len(kept[-1])
    if split.is_org:
        return _Reading("org", first, kept[-1], split, kept_at=kept_at, end_at=end_at)
    name = _person_name(split.name, lex)
    name_at = _offset(0, names, len(names) - len(name)) if len(name) <= len(kept) else kept_at
    return _Reading(
        "person" if name else "", first, kept[-1], split, name, kept_at, end_at, name_at
    )


@lru_cache(maxsize=_NAME_CACHE)
def _person_name(name: tuple[str, ...], lex: Lexicons) -> tuple[str, ...]:
    """The person's name in a capitalised run, or () when it names no person: `U.S. Chris
    Christie` and `Browns DL Sheldon Richardson` lose their prefixes (`-based` ones are
    gone from the run already); U.S., TASS, ABC are no people (`George W. Bush` and
    `G.K. Bellamy` are)."""
    while len(name) > 2 and "." in name[0] and name[0].lower() in lex.non_person:
        name = name[1:]
    acronyms = [k for k, w in enumerate(name) if _ACRONYM.fullmatch(w)]
    if acronyms and len(name) - acronyms[-1] > 2:
        name = name[acronyms[-1] + 1 :]
    if not name or any(w.lower() in lex.non_person or w.lower() in lex.stop for w in name):
        return ()
    if any(_INITIALISM.fullmatch(w) and not _PERSON_INITIALS.fullmatch(w) for w in name_core(name)):
        return ()
    return name
