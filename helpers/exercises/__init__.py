"""Self-checking exercises: ``check("02-1", answer)`` says right, or gives a hint.

Every exercise here has one right answer *for a given article* (or a small set of equally
right ones, such as tied speakers). The answer is computed from the article the notebook runs
on, by the same helpers the notebook uses, never stored: students bring their own articles.
A wrong answer gets a hint that points at the step to redo without giving the answer away;
typical mistakes (counting the headline, counting nested statements, naming a stopword ...)
get a hint of their own.

In a notebook::

    check = checker(article)            # notebook 04: checker(article, other)
    check("02-1", "your answer")

``answers(article)`` lists the right answers (for the instructor guide), and
``questions()`` the questions (for the worksheet).

The package: ``facts`` (the figures), ``matching`` (right answers and how answers are
compared), ``catalogue`` (the exercises, their hints and typical mistakes); checking here.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from dataclasses import dataclass

import pandas as pd

from helpers.article import Article
from helpers.exercises.catalogue import EXERCISES, Exercise
from helpers.exercises.facts import Facts
from helpers.exercises.matching import NONE_WORDS, Answer, as_number, matches

__all__ = [
    "EXERCISES",
    "NONE_WORDS",
    "Answer",
    "Exercise",
    "Facts",
    "Result",
    "answers",
    "answers_markdown",
    "check",
    "checker",
    "questions",
]


@dataclass
class Result:
    """What ``check`` says: ``ok`` and a one-line message (shown as the cell's output)."""

    exercise: str
    ok: bool
    message: str

    def __repr__(self) -> str:
        return self.message

    def _repr_html_(self) -> str:
        colour = "#2e7d32" if self.ok else "#b35c00"
        return f'<p style="color:{colour}">{html.escape(self.message)}</p>'


def check(exercise: str, answer, article: Article, other: Article | None = None) -> Result:
    """Right, or a hint: is ``answer`` the right answer to ``exercise`` for this article?"""
    ex = _exercise(exercise)
    facts = Facts(article, other)
    return _check(ex, answer, facts)


def _exercise(exercise: str) -> Exercise:
    if exercise not in EXERCISES:
        known = ", ".join(EXERCISES)
        raise ValueError(f"no exercise {exercise!r}: the exercises are {known}")
    return EXERCISES[exercise]


def _check(ex: Exercise, answer, facts: Facts) -> Result:
    if answer is None or (isinstance(answer, str) and not answer.strip()):
        return Result(ex.id, False, f"{ex.id}: write your answer in place of None, then run.")
    right = ex.answer(facts)
    if matches(right, answer):
        more = ""
        if right.names and len(right.values) > 1:
            more = " (there is a tie: other answers are right too)"
        return Result(ex.id, True, f"{ex.id}: right{more}.")
    if not right.names and as_number(answer) is None:
        return Result(ex.id, False, f"{ex.id}: the answer is a number. {ex.hint}")
    hint = ex.mistakes(facts, answer) or ex.hint
    return Result(ex.id, False, f"{ex.id}: not yet. {hint}")


def checker(article: Article, other: Article | None = None) -> Callable[[str, object], Result]:
    """``check(exercise, answer)`` for one article (or a pair), its figures computed once."""
    facts = Facts(article, other)

    def check(exercise: str, answer) -> Result:
        return _check(_exercise(exercise), answer, facts)

    return check


def questions(notebook: str | None = None) -> list[Exercise]:
    """The exercises in order, all of them or those of one notebook ("01" ... "04")."""
    return [e for e in EXERCISES.values() if notebook is None or e.id.startswith(notebook + "-")]


def answers(article: Article, other: Article | None = None) -> pd.DataFrame:
    """exercise, question, answer: the right answers for an article (and a pair for 04-*)."""
    facts = Facts(article, other)
    rows = []
    for ex in EXERCISES.values():
        if ex.id.startswith("04-") and other is None:
            continue
        rows.append(
            {
                "exercise": ex.id,
                "question": ex.question,
                "answer": ex.answer(facts).shown(),
            }
        )
    return pd.DataFrame(rows, columns=["exercise", "question", "answer"])


def answers_markdown(article: Article, other: Article | None = None) -> str:
    """The answers as a Markdown table (the instructor guide embeds this, kept in sync by a
    test)."""
    table = answers(article, other)
    lines = ["| exercise | question | answer |", "| --- | --- | --- |"]
    for ex, q, a in table.itertuples(index=False):
        lines.append(f"| {ex} | {q.replace('|', '/')} | {a.replace('|', '/')} |")
    return "\n".join(lines)
