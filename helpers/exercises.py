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
"""

from __future__ import annotations

import html
import math
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property

import pandas as pd

from helpers.article import Article

NONE_WORDS = {"none", "nobody", "no one", "nothing", "-", "–", "0"}


# --------------------------------------------------------------------------- what is known


class Facts:
    """The figures the exercises ask about, computed once per article (or pair)."""

    def __init__(self, article: Article, other: Article | None = None):
        self.article = article
        self.other = other

    @cached_property
    def counts(self) -> dict:
        from helpers.tokens import counts

        return counts(self.article)

    @cached_property
    def tokens(self) -> list:
        from helpers.tokens import tokens

        return tokens(self.article)

    @cached_property
    def words(self) -> pd.DataFrame:
        from helpers.terms import word_frequencies

        return word_frequencies(self.article, n=10_000)

    @cached_property
    def statements(self) -> pd.DataFrame:
        from helpers.statements import extract_statements

        return extract_statements(self.article)

    @cached_property
    def top(self) -> pd.DataFrame:
        df = self.statements
        return df[~df["nested"].astype(bool)] if len(df) else df

    @cached_property
    def speakers(self) -> list[str]:
        from helpers.speaker_analysis import speaker_order

        return speaker_order(self.statements)

    @cached_property
    def people(self) -> pd.DataFrame:
        from helpers.statements import mentioned_people

        return mentioned_people(self.article)

    @cached_property
    def silent(self) -> pd.DataFrame:
        from helpers.speaker_analysis import unquoted_people

        return unquoted_people(self.people, self.statements, self.article)

    @cached_property
    def shares(self) -> pd.DataFrame:
        from helpers.speaker_analysis import quoted_share

        return quoted_share(self.statements)

    @cached_property
    def terms(self) -> pd.DataFrame:
        from helpers.terms import recurring_terms

        return recurring_terms(self.article)

    @cached_property
    def terms_g2(self) -> pd.DataFrame:
        from helpers.terms import recurring_terms

        return recurring_terms(self.article, rank_by="g2")

    @cached_property
    def comparison(self):
        from helpers.compare import compare_articles

        if self.other is None:
            raise ValueError("this exercise compares two articles: use checker(article, other)")
        return compare_articles(self.article, self.other)


# --------------------------------------------------------------------------- answers


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
        return " / ".join(_number_text(v) for v in self.values)


def _number_text(value) -> str:
    if isinstance(value, float) and not value.is_integer():
        return f"{value:.2f}"
    return str(int(value))


def _number(value) -> float | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return float(value)
    text = str(value).strip().replace(",", ".").rstrip("%").strip()
    try:
        return float(text)
    except ValueError:
        return None


def _key(name) -> str:
    text = " ".join(str(name).casefold().replace("’", "'").replace(".", "").split())
    return re.sub(r"^(the|a|an) ", "", text).strip(" .\"'“”")


def _same_name(given: str, right: str) -> bool:
    """A name is right when it is the canonical name or its last word(s) (a surname)."""
    g, r = _key(given), _key(right)
    if not g:
        return False
    return g == r or (len(g) > 2 and r.endswith(" " + g))


def _matches(answer: Answer, given) -> bool:
    if answer.names:
        if not answer.values:
            return _key(given) in NONE_WORDS
        return any(_same_name(str(given), str(v)) for v in answer.values)
    number = _number(given)
    if number is None:
        return False
    return any(math.isclose(number, float(v), abs_tol=answer.tolerance) for v in answer.values)


def _in(names, given) -> str | None:
    """The name in ``names`` that ``given`` refers to, if any."""
    for name in names:
        if _same_name(str(given), str(name)):
            return str(name)
    return None


# --------------------------------------------------------------------------- the exercises


@dataclass(frozen=True)
class Exercise:
    id: str
    question: str  # for the notebook and the worksheet
    hint: str  # for any wrong answer: where to look, never what to find
    answer: Callable[[Facts], Answer]
    mistakes: Callable[[Facts, object], str | None] = lambda facts, given: None
    blank: str = "____"  # what the worksheet leaves to fill in


def _tied_first(table: pd.DataFrame, column: str, value: str) -> tuple:
    if not len(table):
        return ()
    best = table[column].max()
    return tuple(table.loc[table[column] == best, value])


def _most_statements(f: Facts) -> Answer:
    from helpers.speaker_analysis import statements_by_kind

    table = statements_by_kind(f.statements)
    table = table[table["speaker"] != "unknown"] if len(table) else table
    return Answer(_tied_first(table, "total", "speaker"), names=True)


def _top_word_mistake(f: Facts, given) -> str | None:
    from helpers.tokens import stopwords

    if _key(given) in stopwords():
        return "That is a stopword: the chart leaves those out. Look at the words it shows."
    if any(_key(given) == _key(w) for w in f.words["word"]):
        return "That word is in the list, but it is not used most often: compare the counts."
    return None


def _ttr_mistake(f: Facts, given) -> str | None:
    number, ratio = _number(given), f.counts["type-token ratio"]
    if number is None or not ratio:
        return None
    if number > 1 and math.isclose(number, 1 / ratio, rel_tol=0.02):
        return "The ratio divides distinct words by all words, so it lies between 0 and 1."
    if number > 1:
        return "Give the ratio as a fraction between 0 and 1, not as a percentage."
    return None


def _words_mistake(f: Facts, given) -> str | None:
    from helpers.tokens import tokens

    number = _number(given)
    if number is None:
        return None
    every = tokens(f.article, include_headings=True)
    if number in (len(f.tokens), len(every)) and number != f.counts["words"]:
        return "You counted punctuation marks too: they are tokens, but not words."
    if number == sum(1 for t in every if t.is_word) and number != f.counts["words"]:
        return "The headline and subheadings are not counted in this figure."
    return None


def _paragraph_mistake(f: Facts, given) -> str | None:
    number = _number(given)
    if number is None:
        return None
    n = f.counts["paragraphs"]
    if number in (n + 1, n + f.counts["subheadings"], n + 1 + f.counts["subheadings"]):
        return "The headline and subheadings are blocks, but not paragraphs."
    return None


def _statements_mistake(f: Facts, given) -> str | None:
    number = _number(given)
    if number is None:
        return None
    if len(f.statements) != len(f.top) and number == len(f.statements):
        return "You counted the nested statements too (reported inside another statement)."
    if number == len(f.speakers):
        return "That is the number of speakers; the question counts statements."
    return None


def _speakers_mistake(f: Facts, given) -> str | None:
    number = _number(given)
    if number is None:
        return None
    if number == len(f.top) and len(f.top) != len(_named(f)):
        return "That is the number of statements; the question counts different speakers."
    if number == len(f.speakers) and "unknown" in f.speakers:
        return "`unknown` is not a named speaker: leave it out."
    return None


def _named(f: Facts) -> list[str]:
    return [s for s in f.speakers if s != "unknown"]


def _direct_mistake(f: Facts, given) -> str | None:
    number = _number(given)
    kinds = f.top["kind"].value_counts() if len(f.top) else pd.Series(dtype=int)
    direct, mixed = int(kinds.get("direct", 0)), int(kinds.get("mixed", 0))
    if number is not None and mixed and number == direct + mixed:
        return "Mixed statements hold a quoted fragment, but they are not direct quotations."
    return None


def _speaker_mistake(f: Facts, given) -> str | None:
    if _in(f.silent["name"] if len(f.silent) else [], given):
        return "That person is mentioned, but makes no statement of their own."
    if _in(_named(f), given):
        return "That person speaks, but is not first on this measure: compare the figures."
    return None


def _share_mistake(f: Facts, given) -> str | None:
    most = _most_statements(f).values
    if _in(most, given) and not _matches(_top_share(f), given):
        return "That speaker has the most statements; the question is about quoted words."
    return _speaker_mistake(f, given)


def _top_share(f: Facts) -> Answer:
    table = f.shares
    if not len(table) or table["quoted_words"].sum() == 0:
        return Answer((), names=True)
    return Answer(_tied_first(table, "share_of_quotes_pct", "speaker"), names=True)


def _silent_answer(f: Facts) -> Answer:
    return Answer(tuple(f.silent["name"]) if len(f.silent) else (), names=True)


def _silent_mistake(f: Facts, given) -> str | None:
    if _in(_named(f), given):
        return "That person makes a statement; look for someone who is only talked about."
    return None


def _top_term(f: Facts, table_name: str) -> Answer:
    table = getattr(f, table_name)
    column = "count" if table_name == "terms" else "g2"
    return Answer(_tied_first(table, column, "term"), names=True)


def _term_mistake(f: Facts, given) -> str | None:
    if len(str(given).split()) == 1 and _key(given) not in NONE_WORDS:
        return "A term here is a phrase of two to four words, not a single word."
    if len(f.terms) and any(_key(given) == _key(t) for t in f.terms["term"]):
        return "That term recurs, but it is not first in this ranking: check the column used."
    return None


def _term_count(f: Facts) -> Answer:
    table = f.terms
    return Answer((int(table["count"].max()),) if len(table) else (0,))


def _shared_speakers(f: Facts) -> Answer:
    return Answer(tuple(f.comparison.shared_speakers), names=True)


def _only_first(f: Facts) -> Answer:
    return Answer((len(f.comparison.only_first),))


def _top_key_word(f: Facts, side: str) -> Answer:
    key = f.comparison.keyness
    key = key[key["prefers"] == side]
    return Answer(_tied_first(key, "g2", "word"), names=True)


def _key_word_mistake(f: Facts, given) -> str | None:
    key = f.comparison.keyness
    row = key[key["word"].map(_key) == _key(given)]
    if len(row) and row["prefers"].iloc[0] != "second":
        return "That word is more typical of the first article, or shared by both."
    return None


def _shared_mistake(f: Facts, given) -> str | None:
    comp = f.comparison
    if _in(comp.only_first, given) or _in(comp.only_second, given):
        return "That speaker is quoted in one article only: check the other one's speakers."
    return None


EXERCISES: dict[str, Exercise] = {
    e.id: e
    for e in [
        Exercise(
            "01-1",
            "How many paragraphs does the article have?",
            "Count the blocks of the structure table that are paragraphs.",
            lambda f: Answer((f.counts["paragraphs"],)),
            _paragraph_mistake,
        ),
        Exercise(
            "01-2",
            "How many words does the article have, as the kit counts them?",
            "Look at the counts table: a word is a token with a letter or a digit.",
            lambda f: Answer((f.counts["words"],)),
            _words_mistake,
        ),
        Exercise(
            "01-3",
            "Which word (not a stopword) does the article use most often?",
            "Look at the top of the chart of frequent words.",
            lambda f: Answer(_tied_first(f.words, "count", "word"), names=True),
            _top_word_mistake,
        ),
        Exercise(
            "01-4",
            "What is the article's type-token ratio, to two decimals?",
            "Divide the number of distinct words by the number of all words.",
            lambda f: Answer((f.counts["type-token ratio"],), tolerance=0.006),
            _ttr_mistake,
            blank="0.__",
        ),
        Exercise(
            "02-1",
            "Who makes the most statements?",
            "Look at the longest bar of the chart of statements per speaker.",
            _most_statements,
            _speaker_mistake,
        ),
        Exercise(
            "02-2",
            "How many statements (top level, not nested) does the article contain?",
            "Count the statements table's rows that are not nested, or see the summary.",
            lambda f: Answer((len(f.top),)),
            _statements_mistake,
        ),
        Exercise(
            "02-3",
            "How many different named speakers does the article quote?",
            "Count the rows of the speakers table (leave out `unknown`).",
            lambda f: Answer((len(_named(f)),)),
            _speakers_mistake,
        ),
        Exercise(
            "02-4",
            "How many of the top-level statements are direct quotations?",
            "Look at the kinds: only statements entirely inside quotation marks are direct.",
            lambda f: Answer(
                (int((f.top["kind"] == "direct").sum()) if len(f.top) else 0,),
            ),
            _direct_mistake,
        ),
        Exercise(
            "02-5",
            "Which speaker has the largest share of all quoted words? (none if nobody is quoted)",
            "Look at the share_of_quotes_pct column of the quoted-words table.",
            _top_share,
            _share_mistake,
        ),
        Exercise(
            "02-6",
            "Name one person the article mentions who makes no statement (none if there is none).",
            "Look at the table of people mentioned, but not quoted.",
            _silent_answer,
            _silent_mistake,
        ),
        Exercise(
            "03-1",
            "Which recurring multi-word term occurs most often?",
            "Look at the top of the table of recurring terms ranked by count.",
            lambda f: _top_term(f, "terms"),
            _term_mistake,
        ),
        Exercise(
            "03-2",
            "How many times does that most frequent term occur?",
            "Read the count column of the first row of the recurring terms.",
            _term_count,
        ),
        Exercise(
            "03-3",
            "Which term ranks first by association (G²)?",
            "Look at the ranking by g2, not the one by count.",
            lambda f: _top_term(f, "terms_g2"),
            _term_mistake,
        ),
        Exercise(
            "04-1",
            "Name a speaker quoted in both articles (none if there is none).",
            "Look at the table of who is quoted where: the rows quoted in both.",
            _shared_speakers,
            _shared_mistake,
        ),
        Exercise(
            "04-2",
            "How many speakers are quoted in the first article but not in the second?",
            "Count the rows of the table of who is quoted where that are quoted only in the "
            "first article.",
            _only_first,
        ),
        Exercise(
            "04-3",
            "Which word is most distinctive of the second article (highest G² on its side)?",
            "Look at the keyness table: the words the second article prefers, by G².",
            lambda f: _top_key_word(f, "second"),
            _key_word_mistake,
        ),
    ]
}


# --------------------------------------------------------------------------- checking


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
    if _matches(right, answer):
        more = ""
        if right.names and len(right.values) > 1:
            more = " (there is a tie: other answers are right too)"
        return Result(ex.id, True, f"{ex.id}: right{more}.")
    if not right.names and _number(answer) is None:
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
            {"exercise": ex.id, "question": ex.question, "answer": ex.answer(facts).shown()}
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
