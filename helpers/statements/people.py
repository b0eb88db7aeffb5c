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

from helpers.article import Article
from helpers.statements.genders import assign_genders
from helpers.statements.lexicon import Lexicons
from helpers.statements.names import (
    MIDDLE_INITIAL,
    cap_runs,
    first_name_of,
    loses_stop,
    name_core,
    read_run,
)
from helpers.statements.roles import role_after, role_before
from helpers.statements.words import is_role


def _short_first_name(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """`Pat Carlineo` and `Patrick W. Carlineo`, `Josh Apte` and `Joshua Apte`: the same
    surname, and one first name the start of the other (three letters at least)."""
    if len(a) < 2 or len(b) < 2 or a[0] == b[0]:
        return False
    short, long = sorted((a[0], b[0]), key=len)
    return len(short) >= _SHORT_NAME_LETTERS and long.startswith(short) and short[0].isupper()


def _middle_variant(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """`Donald Trump` and `Donald J. Trump`, `John M. Ford` and `John Milo Ford`: the same
    first name and surname, and middle names that agree (one left out, or an initial for a
    name); not `George H.W. Bush` and `George W. Bush`."""
    if len(a) < 2 or len(b) < 2 or a == b or a[0] != b[0] or a[-1] != b[-1]:
        return False
    ma, mb = a[1:-1], b[1:-1]
    if not any(_is_initial(w) for w in ma + mb):
        return False  # (`Dena Grayson`, `Dena Minning Grayson`: left to the surname rules)
    if not ma or not mb:
        return True
    return _initials(ma) == _initials(mb)


def _is_initial(word: str) -> bool:
    return bool(re.fullmatch(r"(?:[A-Z]\.)+", word))


def _initials(words: tuple[str, ...]) -> str:
    return "".join(w.replace(".", "") if _is_initial(w) else w[0] for w in words)


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
    # sorted offsets where a shorter name (the surname alone) was used for them
    short_positions: list[int] = field(default_factory=list)
    core: tuple[str, ...] = ()  # the name without a suffix (`Jr.`): what find matches

    def __post_init__(self) -> None:
        self.core = name_core(self.tokens)

    def rename(self, tokens: tuple[str, ...]) -> None:
        """Keep a longer name for them."""
        self.tokens, self.name, self.core = tokens, " ".join(tokens), name_core(tokens)

    def last_before(self, at: int, inclusive: bool = True) -> int:
        """The offset of their last mention before `at` (-1 when none)."""
        k = (bisect_right if inclusive else bisect_left)(self.positions, at)
        return self.positions[k - 1] if k else -1


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
# a lower-case word, then a capitalised one, right after a capitalised run (`VOA Pentagon
# correspondent Carla`): a role noun there makes the run a modifier of the role
_ROLE_NOUN_AFTER = re.compile(r" ([a-z]+) [A-Z]")
_THE_BEFORE = re.compile(r"(?<![\w’'])(?:the|its)\s+$")
_INDEFINITE_BEFORE = re.compile(r"(?<![\w’'])(?:[Aa]n?)\s+$")


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
        runs, noninitial = cap_runs(article, lex)
        self.noninitial = noninitial  # words written capitalised other than sentence-first
        block_starts = [b.start for b in article.paragraphs]
        found = []
        for initial, run_start, names in runs:
            opening = names[0]  # as the reading will see it: `Ward.` alone is `Ward`
            if len(names) == 1 and loses_stop(opening, lex):
                opening = opening.rstrip(".")
            reading = read_run(names, initial, opening in noninitial, lex)
            if not reading.kind:
                continue
            at = run_start + reading.kept_at  # where the kept words start
            if reading.kind == "acronym":
                self.org_mentions.append((at, names[reading.first]))  # `NASA`, `The BBC`
                continue
            split = reading.split
            end = run_start + reading.end_at
            if reading.kind == "org":
                if self._modifies_role(end):
                    continue  # `VOA Pentagon correspondent Carla Babb`: part of a role
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
            place_role = ""
            if len(name) >= 3:
                place = _ROLE_TO_PLACE.search(text, max(0, start - _ROLE_TO_WINDOW), start)
                if place is not None and is_role(place.group(1), lex):
                    # `ambassador to Britain Liu Xiaming`, `police chief in Hong Kong Chris
                    # Tang`: the place is the role's; the name is the last two words (three
                    # with a middle initial)
                    keep = 3 if MIDDLE_INITIAL.fullmatch(name[-2]) else 2
                    drop = max(0, len(name) - keep)
                    start += sum(len(w) + 1 for w in name[:drop])
                    name = name[drop:]
                    self.after_place.add(start)
                    place_role = text[place.start(1) : start].strip()  # `ambassador to Britain`
            role = split.role or place_role
            if not role and _LOWER_BEFORE.search(text, max(0, start - 3), start):
                role = role_before(text, start, lex, block_starts)
            if not role:
                role = role_after(text, end, lex)
            sure = len(name) >= 2 or bool(split.role) or bool(split.gender)  # `Ms Lind`
            found.append((start, name, role, sure, end))
            if split.gender:
                self._titled[(start, name)] = split.gender
        return found

    def _modifies_role(self, end: int) -> bool:
        """Whether the capitalised run ending at `end` is followed by a lower-case role noun
        and a capitalised word (`VOA Pentagon correspondent Carla Babb`): it modifies the
        role; it does not name an organisation of its own."""
        m = _ROLE_NOUN_AFTER.match(self._text, end)
        return m is not None and is_role(m.group(1), self.lex)

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
        # (`Hale, which meant ...` names no thing when the article calls a person `Ana Hale`)
        if thing:
            thing -= {
                full[k:]
                for full in {f[1] for f in found if len(f[1]) > 1} - thing
                for k in range(1, len(full))
            }
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
            if len(name_core(name)) == 1 < len(p.core):  # the surname alone
                p.short_positions.append(start)
            if p.first_start < 0 or start < p.first_start:
                p.first_start = start
            if len(role) > len(p.role):
                p.role = role
        self.people = [p for p in self.people if p.mentions > 0]
        for p in self.people:
            p.positions.sort()
            p.short_positions.sort()
        self._by_last = {}
        for p in self.people:
            self._by_last.setdefault(p.core[-1], []).append(p)
        person_like = {
            id(p)
            for start, end, p in self.mentions
            if self._text.startswith(p.core[0], start) and not self._thing_at(start, end)
        }
        for p in self.people:
            if first_name_of(p.core, self.lex) and id(p) in person_like:
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
        self._by_last.setdefault(name_core(name)[-1], []).append(person)

    def find(self, name: tuple[str, ...], at: int, first_names: bool = True) -> Person | None:
        """The person a name refers to: same full name, or the last words of a longer name;
        among several, the one mentioned most recently before `at` (for a shorter name, the
        one it was last used for: `Cruz` stays the senator after his wife, `Heidi Cruz`, is
        named); else (`first_names`) the one full name that a lone word starts."""
        best, best_pos = None, (-1, -1)
        core_name = name_core(name)  # `Kennedy` finds `James P. Kennedy Jr.`
        # (a middle-name variant needs two words and no suffix: not `Donald Trump Jr.`)
        variants = len(core_name) > 1 and core_name == name
        name = core_name
        if not name:
            return None
        n = len(name)
        for p in self._by_last.get(name[-1], ()):
            core = p.core
            if (
                (core[-n:] == name if n <= len(core) else (len(core) == 1 and name[-1:] == core))
                or _short_first_name(name, core)
                or (variants and core == p.tokens and _middle_variant(name, core))
            ):
                positions = p.positions  # p.last_before(at), written out: called very often
                k = bisect_right(positions, at)
                pos = positions[k - 1] if k else -1
                short = -1
                if n == 1 < len(core) and p.short_positions:
                    k = bisect_right(p.short_positions, at)
                    short = p.short_positions[k - 1] if k else -1
                pos = (short, pos)
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
