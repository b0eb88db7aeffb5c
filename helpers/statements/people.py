"""Stage 6a, people: the persons and organisations named in an article.

Each person is kept under the longest name used for them (`Dmitry Peskov`, later `Peskov`),
with a role from a title before the name (`Kremlin Spokesman`), a job description beside it
(`councillor Marcus Lind`, `Ruth Adeyemi, a spokeswoman for ...`), the offsets where they
are named, and a gender when a gendered title or an early pronoun tells it.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from functools import cache, lru_cache

from helpers.article import Article
from helpers.statements.genders import assign_genders
from helpers.statements.grammar import OPENING_ADVERBS
from helpers.statements.lexicon import Lexicons
from helpers.statements.roles import role_after, role_before
from helpers.statements.words import is_role, opens_sentence

# How many distinct capitalised runs the name functions remember (a few MB): names recur
# within an article and across a corpus.
_NAME_CACHE = 65536
# Suffixes after a surname: part of the canonical name, not of the surname it is found by.
_SUFFIXES = frozenset("Jr. Jr Sr. Sr II III IV".split())


def _core(tokens: tuple[str, ...]) -> tuple[str, ...]:
    """A name without its suffix (`James P. Kennedy Jr.` -> `James P. Kennedy`)."""
    return tokens[:-1] if len(tokens) > 1 and tokens[-1] in _SUFFIXES else tokens


def _short_first_name(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """`Pat Carlineo` and `Patrick W. Carlineo`, `Josh Apte` and `Joshua Apte`: the same
    surname, and one first name the start of the other (three letters at least)."""
    if len(a) < 2 or len(b) < 2 or a[0] == b[0]:
        return False
    short, long = sorted((a[0], b[0]), key=len)
    return len(short) >= _SHORT_NAME_LETTERS and long.startswith(short) and short[0].isupper()


# The shortest first name taken for the start of a longer one (`Pat` for `Patrick`).
_SHORT_NAME_LETTERS = 3


@dataclass
class Person:
    """A person named in the article, under the longest name used for them."""

    name: str
    tokens: tuple[str, ...]
    role: str = ""
    gender: str = ""
    mentions: int = 0
    first_start: int = -1
    positions: list[int] = field(default_factory=list)  # sorted offsets of their names
    core: tuple[str, ...] = ()  # the name without a suffix (`Jr.`): what find matches

    def __post_init__(self) -> None:
        self.core = _core(self.tokens)

    def rename(self, tokens: tuple[str, ...]) -> None:
        """Keep a longer name for them."""
        self.tokens, self.name, self.core = tokens, " ".join(tokens), _core(tokens)

    def last_before(self, at: int, inclusive: bool = True) -> int:
        """The offset of their last mention before `at` (-1 when none)."""
        k = (bisect_right if inclusive else bisect_left)(self.positions, at)
        return self.positions[k - 1] if k else -1


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
_MIDDLE_INITIAL = re.compile(r"[A-Z]\.")
_INITIALS = re.compile(r"(?:[A-Z]\.)+")
_PERSON_INITIALS = re.compile(r"[A-Z]\.(?:[A-Z]\.)?")  # `W.`, `G.K.` (`U.S.`: non_person)
_ACRONYM = re.compile(r"[A-Z]{2,5}")  # `NASA`, `BBC`: an organisation's short name
_LOWER_BEFORE = re.compile(r"[a-z],?\s$")
# a role noun and the preposition of its place right before a capitalised run
_ROLE_TO_PLACE = re.compile(r"(?<![\w’'])([a-z]+)\s+(?:to|in|at|from)\s+$")
_ROLE_TO_WINDOW = 30
# a name followed by a relative `which` (a thing) or `who` (a person)
# (not `he assaulted Ivo Marr, which he denied`: a `which` with a subject of its own is about
# the clause before)
_WHICH_AFTER = re.compile(r",\s+which\s+(?!(?:he|she|they|it|we|you|I|the|a|an|his|her)\b)[a-z]")
_WHO_AFTER = re.compile(r",?\s+who\b")
_APPOSITION_WINDOW = 160  # how far back an apposition before a name is looked for
_NUMBER_AFTER = re.compile(r" \d")  # `Tarrow Lightning 2`: a product's name
_THE_BEFORE = re.compile(r"(?<![\w’'])(?:the|its)\s+$")
_INDEFINITE_BEFORE = re.compile(r"(?<![\w’'])(?:[Aa]n?)\s+$")


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


@lru_cache(maxsize=_NAME_CACHE)
def split_name(words: tuple[str, ...], lex: Lexicons) -> NameSplit:
    """Split a capitalised run into a role (up to its last title word) and a name."""
    while words and words[0].lower() in ("the", "a", "an"):
        words = words[1:]
    if len(words) >= 3 and org_word(words[0], lex) and words[1] in ORG_NAME_LINKS:
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
        keep = 3 if len(after) >= 5 and _MIDDLE_INITIAL.fullmatch(after[-2]) else 2
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
    if len(name) == 1 and role_words and role_words[-1].lower() in lex.name_titles:
        name = (role_words[-1], *name)  # `Prince Andrew`, `Pope Francis`
    org = " ".join(words) if is_org else ""
    gender = genders.pop() if len(genders) == 1 else ""
    return NameSplit(" ".join(role_words), name, is_org, org, gender)


Run = tuple[bool, int, tuple[str, ...]]  # (at a sentence start, offset, words)


def _offset(start: int, words: tuple[str, ...], k: int) -> int:
    """The offset of a run's k-th word (one white-space character between its words)."""
    return start + sum(len(w) for w in words[:k]) + k


def _lower_compound(word: str) -> bool:
    """A hyphenated word whose later parts are lower case (`Day-by-day`, `Well-known`; not
    `Jean-Pierre`, `Ocasio-Cortez`)."""
    parts = word.split("-")
    return len(parts) > 1 and any(p[:1].islower() for p in parts[1:])


def _cap_runs(article: Article, lex: Lexicons) -> tuple[list[Run], set[str]]:
    """Every run of capitalised words, and the words seen other than sentence-first. (A
    common word alone opening a sentence, `The`, `But`, a sixth of all runs, names nothing:
    it is left out here.)"""
    text = article.text
    pattern = _cap_run(lex.name_particles)
    stop = lex.stop
    runs: list[Run] = []
    noninitial: set[str] = set()
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
            runs.append((initial, start, run))
            noninitial.update(run[1:] if initial else run)
    return runs, noninitial


def _first_name_of(core: tuple[str, ...], lex: Lexicons) -> bool:
    """Whether a person's first word can name them alone (`Liu` for `Liu Xiaming`, `Bernie`
    for `Bernie Sanders`): two words, or three with a middle initial, all letters, none of
    them a title, role, organisation or common word (not `Republican Donald Trump`)."""
    if not (len(core) == 2 or (len(core) == 3 and _MIDDLE_INITIAL.fullmatch(core[1]))):
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
def _loses_stop(word: str, lex: Lexicons) -> bool:
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
    if not (common or unseen):
        return False
    org_run = any(w.lower() in lex.orgs for w in names[1:])
    if org_run and not common:
        return False
    gerund = w0.endswith("ing") and not seen_inside  # `Hosting Cook at ...`
    middle = len(names) >= 3 and _MIDDLE_INITIAL.fullmatch(names[1])  # `James P. Kim`
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
def _read_run(names: tuple[str, ...], initial: bool, seen_inside: bool, lex: Lexicons) -> _Reading:
    """A run's reading: `NASA` and `The BBC` are acronyms; a sentence's full stop and a first
    word that only starts the sentence go; `-based` words before a name go (`Sacramento-based
    McClatchy Co.`); what is left names an organisation or a person, or nothing."""
    bare = names[1:] if names[0] == "The" else names
    if len(bare) == 1 and _ACRONYM.fullmatch(bare[0]):
        return _Reading("acronym", len(names) - 1, kept_at=_offset(0, names, len(names) - 1))
    words = list(names)
    if _loses_stop(words[-1], lex):
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
    if any(_INITIALISM.fullmatch(w) and not _PERSON_INITIALS.fullmatch(w) for w in _core(name)):
        return ()
    return name


class Registry:
    """People and organisations named in an article."""

    def __init__(self, article: Article, lex: Lexicons):
        self.lex = lex
        self.people: list[Person] = []
        self._by_last: dict[str, list[Person]] = {}
        # full names by their first word: `Liu` for `Liu Xiaming` (a family name written first),
        # `Hillary` for `Hillary Clinton`, when one person alone has it and nobody as a surname
        self._by_first: dict[str, list[Person]] = {}
        self.after_place: set[int] = set()  # where a name starts after its role's place
        self.orgs: list[str] = []
        self.org_mentions: list[tuple[int, str]] = []  # (offset, organisation), in text order
        self._text = article.text
        # `The group that owns most of her music, ` right before a name: an apposition that
        # names an organisation
        nouns = "|".join(sorted(lex.generic_orgs))
        self._org_apposition = re.compile(
            rf"(?<![\w’'-])(?:[Tt]he|[Aa]n?)\s+(?:[\w’'-]+\s+){{0,4}}?(?:{nouns})"
            rf"(?:\s+(?:that|which)\s[^,.;:!?]{{1,80}})?,\s+$"
        )
        self._titled: dict[tuple[int, tuple[str, ...]], str] = {}  # gender from a title
        self._found = self._things_apart(self._names(article))
        self._register(self._found)
        self._genders_known = False
        # the organisations' names, longest first (sorted once: resolution asks often)
        self._orgs_longest_first = sorted(self.orgs, key=len, reverse=True)

    def _names(self, article: Article) -> list[tuple[int, tuple[str, ...], str, bool]]:
        """(offset, name words, role, sure) of every person's name; organisations aside."""
        text, lex = article.text, self.lex
        runs, noninitial = _cap_runs(article, lex)
        self.noninitial = noninitial  # words written capitalised other than sentence-first
        block_starts = [b.start for b in article.paragraphs]
        found = []
        for initial, run_start, names in runs:
            opening = names[0]  # as the reading will see it: `Ward.` alone is `Ward`
            if len(names) == 1 and _loses_stop(opening, lex):
                opening = opening.rstrip(".")
            reading = _read_run(names, initial, opening in noninitial, lex)
            if not reading.kind:
                continue
            at = run_start + reading.kept_at  # where the kept words start
            if reading.kind == "acronym":
                self.org_mentions.append((at, names[reading.first]))  # `NASA`, `The BBC`
                continue
            split = reading.split
            end = run_start + reading.end_at
            if reading.kind == "org":
                if split.org not in self.orgs:
                    self.orgs.append(split.org)
                self.org_mentions.append((at, split.org))
                continue
            name = reading.name
            # (the patterns run only when the word before can be `a`, `an` or `the`)
            before = text[max(0, at - 4) : at]
            word_end = before.rstrip()
            article = word_end != before and word_end.endswith(("a", "A", "n", "the", "its"))
            if article and _INDEFINITE_BEFORE.search(text, max(0, at - 4), at):
                continue  # `a Go-Kart Track`: a thing, not a person
            if not split.role and (
                names[0] == "The" or (article and _THE_BEFORE.search(text, max(0, at - 4), at))
            ):
                continue  # `the Dream Chaser`, `its Dream Chaser vehicle`: a thing, not a person
            start = run_start + reading.name_at
            if len(name) >= 3:
                place = _ROLE_TO_PLACE.search(text, max(0, start - _ROLE_TO_WINDOW), start)
                if place is not None and is_role(place.group(1), lex):
                    # `ambassador to Britain Liu Xiaming`, `police chief in Hong Kong Chris
                    # Tang`: the place is the role's; the name is the last two words (three
                    # with a middle initial)
                    keep = 3 if _MIDDLE_INITIAL.fullmatch(name[-2]) else 2
                    drop = max(0, len(name) - keep)
                    start += sum(len(w) + 1 for w in name[:drop])
                    name = name[drop:]
                    self.after_place.add(start)
            role = split.role
            if not role and _LOWER_BEFORE.search(text, max(0, start - 3), start):
                role = role_before(text, start, lex, block_starts)
            if not role:
                role = role_after(text, end, lex)
            sure = len(name) >= 2 or bool(split.role) or bool(split.gender)  # `Ms Lind`
            found.append((start, name, role, sure, end))
            if split.gender:
                self._titled[(start, name)] = split.gender
        return found

    def _things_apart(self, found):
        """The names that an article treats as a thing, not a person, become organisations:
        `Tarrow Lines, which was sold in May`, `The group that owns the ferries, Tarrow
        Lines, says`. A name also followed by `, who` or given a role stays a person."""
        text = self._text
        thing, person = set(), set()
        for start, name, role, _sure, end in found:
            if role or _WHO_AFTER.match(text, end):
                person.add(name)
            elif _WHICH_AFTER.match(text, end) or (
                text.startswith(",", end)
                and self._org_apposition.search(text, max(0, start - _APPOSITION_WINDOW), start)
            ):
                thing.add(name)
        thing -= person
        if not thing:
            return found
        for start, name, _role, _sure, _end in found:
            if name in thing and not any(ch.isdigit() for w in name for ch in w):
                # (`EgyptAir Flight MS804, which`: a thing, no organisation)
                org = " ".join(name)
                if org not in self.orgs:
                    self.orgs.append(org)
                self.org_mentions.append((start, org))
        self.org_mentions.sort()
        return [f for f in found if f[1] not in thing]

    def _register(self, found) -> None:
        # full names first, so that a surname alone resolves to them
        for start, name, _role, sure, _end in found:
            if len(name) >= 2 and sure:
                self._add(name, start)
        for start, name, _role, sure, _end in found:
            if sure:
                self._add(name, start)
        self.mentions: list[tuple[int, int, Person]] = []  # (start, end, person), in text order
        for start, name, role, _sure, end in found:
            p = self.find(name, start)
            if p is None:
                continue
            self.mentions.append((start, end, p))
            p.mentions += 1
            p.positions.append(start)
            if p.first_start < 0 or start < p.first_start:
                p.first_start = start
            if len(role) > len(p.role):
                p.role = role
        self.people = [p for p in self.people if p.mentions > 0]
        for p in self.people:
            p.positions.sort()
        self._by_last = {}
        for p in self.people:
            self._by_last.setdefault(p.core[-1], []).append(p)
        person_like = {
            id(p)
            for start, end, p in self.mentions
            if self._text.startswith(p.core[0], start) and not self._thing_at(start, end)
        }
        for p in self.people:
            if _first_name_of(p.core, self.lex) and id(p) in person_like:
                self._by_first.setdefault(p.core[0], []).append(p)

    def _thing_at(self, start: int, end: int) -> bool:
        """Whether a name, there, reads as a place or a product rather than a person: right
        after `at` (`a vice president at Tarrow Defense`) or right before a number (`the
        Tarrow Lightning 2 adapter`). The first word of a name read so wherever it is written
        in full names no one alone."""
        text = self._text
        return text.endswith(" at ", max(0, start - 4), start) or (
            _NUMBER_AFTER.match(text, end) is not None
        )

    def genders(self, quoted=None) -> dict[str, str]:
        """Each person's gender ("m", "f" or ""), worked out on first use (`quoted(at)`:
        whether an offset is inside a quotation)."""
        if not self._genders_known:
            assign_genders(self, quoted or (lambda _at: False))
            self._genders_known = True
        return {p.name: p.gender for p in self.people}

    def _add(self, name: tuple[str, ...], start: int) -> None:
        p = self.find(name, start)
        if p is not None:
            if len(name) > len(p.tokens) or sum(map(len, name)) > sum(map(len, p.tokens)):
                p.rename(name)  # the longest name: `Joshua Apte` over `Josh Apte`
            return
        person = Person(" ".join(name), name)
        self.people.append(person)
        self._by_last.setdefault(_core(name)[-1], []).append(person)

    def find(self, name: tuple[str, ...], at: int, first_names: bool = True) -> Person | None:
        """The person a name refers to: same full name, or the last words of a longer name;
        among several, the one mentioned most recently before `at`; else (`first_names`) the
        one full name that a lone word starts."""
        best, best_pos = None, -1
        name = _core(name)  # `Kennedy` finds `James P. Kennedy Jr.`
        if not name:
            return None
        n = len(name)
        for p in self._by_last.get(name[-1], ()):
            core = p.core
            if (
                core[-n:] == name if n <= len(core) else (len(core) == 1 and name[-1:] == core)
            ) or _short_first_name(name, core):
                positions = p.positions  # p.last_before(at), written out: called very often
                k = bisect_right(positions, at)
                pos = positions[k - 1] if k else -1
                if best is None or pos > best_pos:
                    best, best_pos = p, pos
        if best is None and first_names and n == 1 and name[0] not in self._by_last:
            first = self._by_first.get(name[0], ())
            if len(first) == 1:
                return first[0]
        return best

    def person_before(self, at: int, fits=None, gender: str = "") -> Person | None:
        """The person named last before `at` whose role fits and whose gender does not clash."""
        best, best_pos = None, -1
        for p in self.people:
            if fits is not None and not (set(p.role.lower().replace(".", "").split()) & fits):
                continue
            if gender and p.gender and p.gender != gender:
                continue
            pos = p.last_before(at, inclusive=False)
            if pos > best_pos:
                best, best_pos = p, pos
        return best

    def is_possessive(self, end: int) -> bool:
        """Whether the name ending at `end` is a possessive (`Carlineo’s sentencing`)."""
        after = self._text[end : end + 2]
        return after[:1] in "’'" and (after[1:] in ("s", "") or not after[1:].isalnum())

    def org_starting(self, words: tuple[str, ...]) -> str | None:
        """The longest organisation name that starts with the words and is longer."""
        n = len(words)
        for o in self._orgs_longest_first:
            parts = o.split()
            rest = parts[n:]  # `Nadia Rusk of Tarrow University` is no short form's long name
            if rest and tuple(parts[:n]) == words and all(w[:1].isupper() for w in rest):
                return o
        return None

    def org_name(self, head: str) -> str | None:
        """The longest organisation name holding the word."""
        for o in self._orgs_longest_first:
            if head.lower() in o.lower().split():
                return o
        return None
