"""Right answers and how a student's answer is compared with them: numbers within a
tolerance, names by their canonical form or surname, "none" for an empty answer."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

NONE_WORDS = {"none", "nobody", "no one", "nothing", "-", "–", "0"}


@dataclass(frozen=True)
class Answer:
    """The right answer(s): numbers (with a tolerance) or names (any one of them is right)."""

    values: tuple
    tolerance: float = 0.0
    names: bool = False

    def shown(self) -> str:
        if not self.values:
            return "none"
        if self.names:
            return " / ".join(str(v) for v in self.values)
        return " / ".join(number_text(v) for v in self.values)


def number_text(value) -> str:
    if isinstance(value, float) and not value.is_integer():
        return f"{value:.2f}"
    return str(int(value))


def as_number(value) -> float | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return float(value)
    text = str(value).strip().replace(",", ".").rstrip("%").strip()
    try:
        return float(text)
    except ValueError:
        return None


def name_key(name) -> str:
    text = " ".join(str(name).casefold().replace("’", "'").replace(".", "").split())
    return re.sub(r"^(the|a|an) ", "", text).strip(" .\"'“”")


def same_name(given: str, right: str) -> bool:
    """A name is right when it is the canonical name or its last word(s) (a surname)."""
    g, r = name_key(given), name_key(right)
    if not g:
        return False
    return g == r or (len(g) > 2 and r.endswith(" " + g))


def matches(answer: Answer, given) -> bool:
    if answer.names:
        if not answer.values:
            return name_key(given) in NONE_WORDS
        return any(same_name(str(given), str(v)) for v in answer.values)
    number = as_number(given)
    if number is None:
        return False
    return any(math.isclose(number, float(v), abs_tol=answer.tolerance) for v in answer.values)


def name_in(names, given) -> str | None:
    """The name in ``names`` that ``given`` refers to, if any."""
    for name in names:
        if same_name(str(given), str(name)):
            return str(name)
    return None
