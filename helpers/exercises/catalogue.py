"""The exercises: each one's question, its right answer for an article, a hint that points
at the step to redo, and the hints for its typical mistakes."""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

import pandas as pd

from helpers.exercises.facts import Facts
from helpers.exercises.matching import (
    NONE_WORDS,
    Answer,
    as_number,
    matches,
    name_in,
    name_key,
)


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

    if name_key(given) in stopwords():
        return "That is a stopword: the chart leaves those out. Look at the words it shows."
    if any(name_key(given) == name_key(w) for w in f.words["word"]):
        return "That word is in the list, but it is not used most often: compare the counts."
    return None


def _ttr_mistake(f: Facts, given) -> str | None:
    number, ratio = as_number(given), f.counts["type-token ratio"]
    if number is None or not ratio:
        return None
    if number > 1 and math.isclose(number, 1 / ratio, rel_tol=0.02):
        return "The ratio divides distinct words by all words, so it lies between 0 and 1."
    if number > 1:
        return "Give the ratio as a fraction between 0 and 1, not as a percentage."
    return None


def _words_mistake(f: Facts, given) -> str | None:
    from helpers.tokens import tokens

    number = as_number(given)
    if number is None:
        return None
    every = tokens(f.article, include_headings=True)
    if number in (len(f.tokens), len(every)) and number != f.counts["words"]:
        return "You counted punctuation marks too: they are tokens, but not words."
    if number == sum(1 for t in every if t.is_word) and number != f.counts["words"]:
        return "The headline and subheadings are not counted in this figure."
    return None


def _paragraph_mistake(f: Facts, given) -> str | None:
    number = as_number(given)
    if number is None:
        return None
    n = f.counts["paragraphs"]
    if number in (n + 1, n + f.counts["subheadings"], n + 1 + f.counts["subheadings"]):
        return "The headline and subheadings are blocks, but not paragraphs."
    return None


def _statements_mistake(f: Facts, given) -> str | None:
    number = as_number(given)
    if number is None:
        return None
    if len(f.statements) != len(f.top) and number == len(f.statements):
        return "You counted the nested statements too (reported inside another statement)."
    if number == len(f.speakers):
        return "That is the number of speakers; the question counts statements."
    return None


def _speakers_mistake(f: Facts, given) -> str | None:
    number = as_number(given)
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
    number = as_number(given)
    kinds = f.top["kind"].value_counts() if len(f.top) else pd.Series(dtype=int)
    direct, mixed = int(kinds.get("direct", 0)), int(kinds.get("mixed", 0))
    if number is not None and mixed and number == direct + mixed:
        return "Mixed statements hold a quoted fragment, but they are not direct quotations."
    return None


def _speaker_mistake(f: Facts, given) -> str | None:
    if name_in(f.silent["name"] if len(f.silent) else [], given):
        return "That person is mentioned, but makes no statement of their own."
    if name_in(_named(f), given):
        return "That person speaks, but is not first on this measure: compare the figures."
    return None


def _share_mistake(f: Facts, given) -> str | None:
    most = _most_statements(f).values
    if name_in(most, given) and not matches(_top_share(f), given):
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
    if name_in(_named(f), given):
        return "That person makes a statement; look for someone who is only talked about."
    return None


def _top_term(f: Facts, table_name: str) -> Answer:
    table = getattr(f, table_name)
    column = "count" if table_name == "terms" else "g2"
    return Answer(_tied_first(table, column, "term"), names=True)


def _term_mistake(f: Facts, given) -> str | None:
    if len(str(given).split()) == 1 and name_key(given) not in NONE_WORDS:
        return "A term here is a phrase of two to four words, not a single word."
    if len(f.terms) and any(name_key(given) == name_key(t) for t in f.terms["term"]):
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
    row = key[key["word"].map(name_key) == name_key(given)]
    if len(row) and row["prefers"].iloc[0] != "second":
        return "That word is more typical of the first article, or shared by both."
    return None


def _shared_mistake(f: Facts, given) -> str | None:
    comp = f.comparison
    if name_in(comp.only_first, given) or name_in(comp.only_second, given):
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
