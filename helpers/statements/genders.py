"""Stage 6a (of people), each person's gender, for he and she: a gendered title
(`Congresswoman`), else the pronoun that most often comes first after their name, else a
given name that tells it (`data/lexicons/given_names.txt`). Worked out on first use by
:meth:`helpers.statements.people.Registry.genders`.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # (people imports this module)
    from helpers.statements.people import Person, Registry

# he, she, his, himself, herself, and `her` as a possessive (`her staff`, like `his staff`);
# an object `her` or `him` (`told her that`) is mostly about someone else, and is left out.
# In any case; the pattern opens with its first letters written out, so that the engine
# skips to them (three times faster than a case-blind pattern opening with a look-behind).
_GENDER_PRONOUN = re.compile(
    r"[hHsS](?<![\w’'].)(?i:(?<=h)(?:e|is|imself|erself"
    r"|er(?=\s+[a-z])(?!\s+(?:that|to|a|an|the|and|or|in|on|at|for|with|about|as|if|from|by"
    r"|of|was|is|when|because|but|not|into|up|out|back|off|down|over)\b))|(?<=s)he)(?![\w’'])"
)
_MALE = frozenset("he his himself".split())
_SENTENCE_STOP = re.compile(r"[.!?](?=\s)")
# How far after a name the first gendered pronoun is looked for.
_GENDER_WINDOW = 300
# between a name and the next: an apposition or relative clause opened by a comma, still open
_APPOSITION_OPEN = re.compile(r"’?s?,\s+(?:who\s+|which\s+)?[^,.!?;:\n]*$")


def assign_genders(reg: Registry, quoted) -> None:
    """He or she for each person of the registry `reg` (``quoted(at)``: whether an offset
    is inside a quotation): a gendered title (Mrs., Congresswoman), else the
    personal pronoun that most often comes first after their name, before anyone else's,
    else a given name that tells it (data/lexicons/given_names.txt)."""
    text, lex = reg._text, reg.lex
    votes: dict[str, list[int]] = {p.name: [0, 0] for p in reg.people}
    # each name with the person _register found for it, in text order
    starts = sorted(reg.mentions, key=lambda m: (m[0], m[1]))
    owners: list[Person] = []  # whom a pronoun after each name refers to
    for k, (s0, e0, p) in enumerate(starts):
        stop = starts[k + 1][0] if k + 1 < len(starts) else len(text)
        limit = min(stop, s0 + _GENDER_WINDOW)
        end = _SENTENCE_STOP.search(text, s0, limit)
        m = _GENDER_PRONOUN.search(text, s0, end.start() if end else limit)
        owner = p
        if k and m and _APPOSITION_OPEN.match(text, starts[k - 1][1], s0):
            if "," in text[starts[k][1] : m.start()]:
                # `Tom Brill, chief of Ceres Robotics, said his ...`, `Anna Kell, who
                # represents Brody, said her ...`: the pronoun after the apposition
                # refers to the name it describes
                owner = owners[k - 1]
        owners.append(owner)
        if (
            m
            and not reg.is_possessive(e0)  # (`Hale's case, she said`: someone else)
            and not (quoted(m.start()) and not quoted(s0))  # (`Hale said: “She ...`)
        ):
            votes[owner.name][0 if m.group().lower() in _MALE else 1] += 1
    for (start, name), g in reg._titled.items():
        p = reg.find(name, start)
        if p is not None:
            p.gender = g
    for p in reg.people:
        for w in p.role.split():
            g = lex.title_gender.get(w.lower().rstrip("."))
            if g:
                p.gender = g
        if not p.gender and p.name in votes:
            m_votes, f_votes = votes[p.name]
            if m_votes != f_votes:
                p.gender = "m" if m_votes > f_votes else "f"
        if not p.gender and len(p.core) >= 2:  # `Tom Hale`: a given name's gender
            p.gender = lex.given_names.get(p.core[0].lower(), "")
