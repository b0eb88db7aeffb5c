"""helpers.exercises: right answers pass, typical wrong answers get hints that do not give
the answer away, and answers follow the article (never stored numbers)."""

import re

import pytest

from helpers import BUNDLED_ARTICLE, load_article
from helpers.compare import BUNDLED_PAIR
from helpers.exercises import EXERCISES, answers, check, checker, questions

INVENTED = """Village Hall Roof Will Be Repaired by Spring

The village hall of Orlby will get a new roof before spring, the parish council said on Monday.

“We have waited three winters for this,” said Anwen Tromp, who chairs the hall committee.

Councillor Bram Oyelaran said the repairs would cost forty thousand pounds. He added that the
hall would stay open during the works.

“The roof leaks onto the stage every time it rains,” Tromp said. The hall committee
thanked Ilse Varga, who raised half of the money.

“It will be the warmest hall in the valley,” Tromp added.
"""


@pytest.fixture(scope="module")
def invented(tmp_path_factory):
    path = tmp_path_factory.mktemp("ex") / "orlby.txt"
    path.write_text(INVENTED, encoding="utf-8")
    return load_article(path)


@pytest.fixture(scope="module")
def pair():
    return load_article(BUNDLED_PAIR[0]), load_article(BUNDLED_PAIR[1])


def _right(article, other=None):
    table = answers(article, other)
    return dict(zip(table["exercise"], table["answer"], strict=True))


def test_every_right_answer_passes_on_an_invented_article(invented):
    check = checker(invented)
    for exercise, answer in _right(invented).items():
        first = answer.split(" / ")[0]
        result = check(exercise, first)
        assert result.ok, (exercise, answer, result.message)
        assert "right" in result.message


def test_every_right_answer_passes_on_the_pair(pair):
    check = checker(*pair)
    right = _right(*pair)
    assert set(right) == set(EXERCISES)
    for exercise, answer in right.items():
        assert check(exercise, answer.split(" / ")[0]).ok, (exercise, answer)


def test_answers_follow_the_article(invented):
    right = _right(invented)
    assert right["02-1"] == "Anwen Tromp"
    assert right["01-1"] == "5"
    assert right["02-6"] == "Ilse Varga"
    bundled = _right(load_article(BUNDLED_ARTICLE))
    assert bundled["01-1"] != right["01-1"]


def test_a_surname_and_other_spellings_are_accepted(invented):
    assert check("02-1", "Tromp", invented).ok
    assert check("02-1", "  anwen TROMP ", invented).ok
    assert check("01-1", "5", invented).ok
    assert check("01-1", 5.0, invented).ok


def test_wrong_answers_get_a_hint_without_the_answer(invented):
    right = _right(invented)
    for exercise in ["01-1", "01-2", "02-1", "02-2", "02-3", "02-6", "03-1"]:
        result = check(
            exercise, "Zebulon Quade" if exercise in ("02-1", "02-6") else 9999, invented
        )
        assert not result.ok
        assert "not yet" in result.message or "number" in result.message
        hint = result.message.split(":", 1)[1]
        assert right[exercise] not in re.findall(r"[\w.]+(?: \w+)?", hint), result.message
        assert right[exercise].casefold() not in hint.casefold() or right[exercise].isdigit()


def test_typical_mistakes_get_their_own_hints(invented):
    from helpers.tokens import counts, tokens

    c = counts(invented)
    assert "headline" in check("01-1", c["paragraphs"] + 1, invented).message
    assert "punctuation" in check("01-2", len(tokens(invented)), invented).message
    assert "stopword" in check("01-3", "the", invented).message
    assert "between 0 and 1" in check("01-4", 1 / c["type-token ratio"], invented).message
    assert "percentage" in check("01-4", 100 * c["type-token ratio"], invented).message
    assert "mentioned" in check("02-1", "Ilse Varga", invented).message
    assert "makes a statement" in check("02-6", "Anwen Tromp", invented).message
    assert "number of statements" in check("02-3", len(_statements(invented)), invented).message
    assert "two to four words" in check("03-1", "roof", invented).message


def _statements(article):
    from helpers.statements import extract_statements

    df = extract_statements(article)
    return df[~df["nested"]]


def test_mixed_statements_are_not_direct(pair):
    first, _ = pair
    right = int(_right(first)["02-4"])
    from helpers.statements import extract_statements

    top = extract_statements(first)
    top = top[~top["nested"]]
    mixed = int((top["kind"] == "mixed").sum())
    assert mixed
    result = check("02-4", right + mixed, first)
    assert not result.ok and "Mixed" in result.message


def test_comparison_hints(pair):
    check_pair = checker(*pair)
    assert "one article only" in check_pair("04-1", "Maureen Dobbs").message
    assert "first article" in check_pair("04-3", "Ashcombe").message


def test_no_answer_yet_and_unknown_exercises(invented):
    assert "in place of None" in check("01-1", None, invented).message
    assert "is a number" in check("01-1", "many", invented).message
    with pytest.raises(ValueError, match="no exercise"):
        check("09-9", 1, invented)


def test_questions_cover_every_notebook():
    assert {e.id[:2] for e in questions()} == {"01", "02", "03", "04"}
    assert all(e.question.endswith((".", "?", ")")) for e in questions())
    assert [e.id for e in questions("02")] == ["02-1", "02-2", "02-3", "02-4", "02-5", "02-6"]
