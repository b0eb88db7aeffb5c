"""The gold loader, the brat reader, the scorer and the evaluate command; the extractor on gold."""

import json
from pathlib import Path

import pandas as pd
import pytest

from helpers import ArticleError, load_article
from helpers.cli import main
from helpers.evaluate import (
    EvaluationResult,
    count_error_rate,
    dice,
    evaluate_files,
    join_continuations,
    match,
    score_statements,
    speaker_key,
)
from helpers.gold import (
    GoldStatement,
    expand_gold_paths,
    is_speech_cue,
    load_gold,
    read_brat,
)
from helpers.paths import PROJ_ROOT

GOLD_DIR = PROJ_ROOT / "tests" / "gold"
GOLD_FILES = sorted(GOLD_DIR.glob("*.json"))
BUNDLED_GOLD = GOLD_DIR / "tass_2021-03-19_putin-biden-talks.json"
POLNEAR = PROJ_ROOT.parent / "shared" / "data" / "polnear-dev"

TEXT = (
    "A Headline\n\n"
    "“We will win,” Anna Berg said. Tom Reed said that taxes will rise.\n\n"
    "The mayor laughed. “It is a good plan,” she said.\n"
)


def _gold(snippet: str, speaker: str, required: bool = True, nested: bool = False, **kw):
    start = TEXT.index(snippet)
    return GoldStatement(
        speaker=speaker,
        kind=kw.pop("kind", "direct"),
        cue=kw.pop("cue", "said"),
        start=start,
        end=start + len(snippet),
        text=snippet,
        required=required,
        nested=nested,
        **kw,
    )


GOLD = [
    _gold("We will win,", "Anna Berg"),
    _gold("taxes will rise", "Tom Reed", kind="indirect"),
    _gold("It is a good plan,", "Anna Berg", required=False),
]


def _pred(snippet: str, speaker: str, nested: bool = False, mention: str | None = None) -> dict:
    start = TEXT.index(snippet)
    ms = TEXT.index(mention) if mention else pd.NA
    me = ms + len(mention) if mention else pd.NA
    return {
        "speaker": speaker,
        "mention": mention,
        "mention_start": ms,
        "mention_end": me,
        "cue": "said",
        "text": snippet,
        "start": start,
        "end": start + len(snippet),
        "nested": nested,
    }


def _score(preds):
    return score_statements(pd.DataFrame(preds), GOLD, TEXT, name="t")


# --- scorer ------------------------------------------------------------------------------


def test_perfect_predictions_score_one():
    s = _score([_pred("We will win,", "Anna Berg"), _pred("taxes will rise", "Tom Reed")])
    assert (s.predicted, s.gold_required, s.matched, s.speaker_right) == (2, 2, 2, 2)
    assert s.precision == s.recall == s.f1 == s.attribution_accuracy == s.end_to_end_f1 == 1.0
    assert s.count_error == 0
    assert s.details.empty


def test_a_miss_lowers_recall_and_is_listed():
    s = _score([_pred("We will win,", "Anna Berg")])
    assert s.precision == 1.0 and s.recall == 0.5
    assert s.f1 == pytest.approx(2 / 3)
    assert s.details["problem"].tolist() == ["miss"]
    assert s.details["text"].iloc[0] == "taxes will rise"
    # Tom Reed: predicted 0, gold 1
    counts = s.speakers.set_index("speaker")["error"].to_dict()
    assert counts == {"Anna Berg": 0, "Tom Reed": -1}
    assert s.count_error == 1


def test_a_false_positive_lowers_precision():
    preds = [
        _pred("We will win,", "Anna Berg"),
        _pred("taxes will rise", "Tom Reed"),
        _pred("The mayor laughed.", "unknown"),
    ]
    s = _score(preds)
    assert s.predicted == 3 and s.matched == 2
    assert s.precision == pytest.approx(2 / 3) and s.recall == 1.0
    assert s.details["problem"].tolist() == ["false positive"]
    assert s.count_error == 1  # one "unknown" statement too many


def test_a_wrong_speaker_counts_as_detected_but_not_end_to_end():
    s = _score([_pred("We will win,", "Tom Reed"), _pred("taxes will rise", "Tom Reed")])
    assert s.f1 == 1.0
    assert s.attribution_accuracy == 0.5
    assert s.end_to_end_f1 == 0.5
    wrong = s.details[s.details["problem"] == "wrong speaker"]
    assert wrong["gold_speaker"].tolist() == ["Anna Berg"]
    assert wrong["predicted_speaker"].tolist() == ["Tom Reed"]


def test_an_optional_gold_statement_counts_neither_way():
    base = [_pred("We will win,", "Anna Berg"), _pred("taxes will rise", "Tom Reed")]
    with_optional = _score(base + [_pred("It is a good plan,", "Anna Berg")])
    without = _score(base)
    for s in (with_optional, without):
        assert (s.predicted, s.gold_required, s.matched) == (2, 2, 2)
        assert s.f1 == 1.0 and s.count_error == 0


def test_partial_overlap_matches_at_half_and_not_below():
    # gold "taxes will rise" (3 words); a prediction of "said that taxes will rise" has 5
    s = _score([_pred("We will win,", "Anna Berg"), _pred("said that taxes will rise", "Tom Reed")])
    assert s.matched == 2  # Dice 2*3/8 = 0.75
    # one prediction running over both: 13 words, Dice 6/16 with either gold: no match
    s = _score([_pred("We will win,” Anna Berg said. Tom Reed said that taxes will rise", "X")])
    assert s.matched == 0 and s.details["problem"].tolist() == ["false positive", "miss", "miss"]
    # one-to-one: two predictions of the same gold give one match and one false positive
    s = _score([_pred("We will win,", "Anna Berg"), _pred("We will win,", "Anna Berg")])
    assert s.matched == 1 and s.predicted == 2


def test_speaker_names_compare_without_case_order_or_article():
    assert speaker_key("Tom Reed; anna berg") == speaker_key("Anna Berg; Tom Reed")
    assert speaker_key("Tom Reed’s office") == speaker_key("tom reed's office")
    assert speaker_key("Tom Reed’s office") != speaker_key("Tom Reed office")
    s = score_statements(
        pd.DataFrame([_pred("taxes will rise", "the Tom Reed")]),
        [_gold("taxes will rise", "tom reed")],
        TEXT,
    )
    assert s.attribution_accuracy == 1.0


def test_nested_predictions_are_not_counted_per_speaker():
    preds = [_pred("We will win,", "Anna Berg"), _pred("taxes will rise", "Tom Reed", nested=True)]
    s = score_statements(pd.DataFrame(preds), GOLD[:1], TEXT)
    assert s.speakers.set_index("speaker")["predicted"].to_dict() == {"Anna Berg": 1}


def test_empty_predictions_and_greedy_matching():
    s = score_statements(pd.DataFrame(), GOLD, TEXT)
    assert s.predicted == 0 and s.recall == 0.0 and s.f1 == 0.0
    a, b, c = frozenset({1, 2, 3}), frozenset({2, 3, 4}), frozenset({1, 2, 3, 4})
    assert dice(a, a) == 1.0 and dice(a, frozenset()) == 0.0
    # c overlaps both golds; the better pair wins, the other prediction takes the rest
    assert match([c, a], [a, b]) == [(0, 1, pytest.approx(6 / 7)), (1, 0, 1.0)]


def test_result_totals_are_micro_over_files():
    one = _score([_pred("We will win,", "Anna Berg")])
    two = _score([_pred("We will win,", "Anna Berg"), _pred("taxes will rise", "Tom Reed")])
    result = EvaluationResult([one, two])
    total = result.totals.iloc[0]
    assert (total["predicted"], total["gold_required"], total["matched"]) == (3, 4, 3)
    assert total["recall"] == 0.75
    assert total["count_error"] == 1
    assert len(result.files) == 2 and len(result.details) == 1
    # pooled over files, each (file, speaker) is its own speaker: predicted shares 1/3 each
    # (one, Anna), (two, Anna), (two, Tom); gold 1/4, 1/4, 1/4 and (one, Tom) 1/4
    assert total["count_error_rate"] == round((3 * (1 / 3 - 1 / 4) + 1 / 4) / 2, 3)


def _speakers(predicted: list[int], gold: list[int]) -> pd.DataFrame:
    names = list("abcd")[: len(gold)]
    return pd.DataFrame({"speaker": names, "predicted": predicted, "gold": gold})


def test_count_error_rate_is_the_distance_between_speaker_shares():
    assert count_error_rate(_speakers([3, 1], [3, 1])) == 0.0
    # same shares, twice as many statements: the counts are off, the balance of voices is not
    assert count_error_rate(_speakers([6, 2], [3, 1])) == 0.0
    # one of four statements given to the wrong speaker: shares 2/4 and 2/4 against 3/4, 1/4
    assert count_error_rate(_speakers([2, 2], [3, 1])) == pytest.approx(0.25)
    # nothing in common: the largest distance
    assert count_error_rate(_speakers([0, 5], [4, 0])) == 1.0
    assert count_error_rate(_speakers([0, 0], [2, 1])) == 1.0  # nothing predicted
    assert count_error_rate(_speakers([2, 0], [0, 0])) == 1.0  # nothing to find
    assert count_error_rate(pd.DataFrame(columns=["speaker", "predicted", "gold"])) == 0.0


def test_count_error_rate_of_a_file_and_its_row():
    right = _score([_pred("We will win,", "Anna Berg"), _pred("taxes will rise", "Tom Reed")])
    assert right.count_error_rate == 0.0
    # both statements given to Tom Reed: shares (0, 1) against (1/2, 1/2)
    wrong = _score([_pred("We will win,", "Tom Reed"), _pred("taxes will rise", "Tom Reed")])
    assert wrong.count_error == 2
    assert wrong.count_error_rate == pytest.approx(0.5)
    assert wrong.row()["count_error_rate"] == 0.5


# --- our gold files ----------------------------------------------------------------------


@pytest.mark.parametrize("path", GOLD_FILES, ids=lambda p: p.name)
def test_gold_files_are_valid_and_in_text_order(path):
    doc = load_gold(path)
    assert doc.statements
    starts = [s.start for s in doc.statements]
    assert starts == sorted(starts)
    for s in doc.statements:
        assert doc.article.text[s.start : s.end] == s.text
        assert doc.article.paragraph_at(s.start) is not None  # never in the headline


def test_bundled_gold_counts():
    doc = load_gold(BUNDLED_GOLD)
    required = [s for s in doc.statements if s.required and not s.nested]
    by_speaker = pd.Series([s.speaker for s in required]).value_counts().to_dict()
    assert by_speaker == {"Dmitry Peskov": 23, "Jen Psaki": 1, "Joe Biden": 1}
    nested = [s for s in doc.statements if s.nested]
    assert {s.speaker for s in nested} == {"Vladimir Putin"}


def test_practice_articles_are_marked_fictional():
    for path in sorted((PROJ_ROOT / "data" / "articles").glob("practice_*.txt")):
        article = load_article(path)
        assert "fictional" in article.text.lower()
        assert article.metadata.get("outlet") == "Practice text (fictional)"


def _write_gold(tmp_path: Path, statements, article_text: str = TEXT) -> Path:
    (tmp_path / "a.txt").write_text(article_text, encoding="utf-8")
    path = tmp_path / "a.json"
    path.write_text(json.dumps({"article": "a.txt", "statements": statements}), encoding="utf-8")
    return path


GOOD = {"speaker": "Tom Reed", "kind": "indirect", "cue": "said", "text": "taxes will rise"}


def _good(**changes) -> dict:
    rec = dict(GOOD, start=TEXT.index("taxes will rise"))
    rec["end"] = rec["start"] + len(GOOD["text"])
    rec.update(changes)
    return rec


def test_gold_file_relative_to_its_folder_loads(tmp_path):
    doc = load_gold(_write_gold(tmp_path, [_good()]))
    assert doc.statements[0].speaker == "Tom Reed" and doc.statements[0].required


def test_gold_text_is_optional_and_filled_from_the_article(tmp_path):
    rec = _good()
    del rec["text"]
    doc = load_gold(_write_gold(tmp_path, [rec]))
    assert doc.statements[0].text == "taxes will rise"


@pytest.mark.parametrize(
    ("statement", "message"),
    [
        (_good(text="taxes will fall"), "recompute the offsets"),
        (_good(start=500, end=510), "outside the article"),
        (_good(kind="quoted"), "use one of direct, indirect, mixed"),
        (_good(required="yes"), "must be true or false"),
        ({"speaker": "X"}, "lacks kind, cue, start, end"),
        (_good(speaker=""), 'write "unknown"'),
        (_good(text=7), '"text" must be a string'),
    ],
)
def test_gold_validation_errors_name_the_file_and_the_fix(tmp_path, statement, message):
    with pytest.raises(ArticleError, match="a.json") as err:
        load_gold(_write_gold(tmp_path, [statement]))
    assert message in str(err.value)


def test_gold_file_that_is_not_json_or_lacks_its_article(tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    with pytest.raises(ArticleError, match="is not valid JSON"):
        load_gold(bad)
    bad.write_text(json.dumps({"article": "nowhere.txt", "statements": []}), encoding="utf-8")
    with pytest.raises(ArticleError, match="nowhere.txt"):
        load_gold(bad)
    bad.write_text(json.dumps({"statements": []}), encoding="utf-8")
    with pytest.raises(ArticleError, match='"article" and "statements"'):
        load_gold(bad)


# --- brat --------------------------------------------------------------------------------

BRAT_TEXT = (
    "Smith says taxes rise\n"  # the headline: its attribution is never required
    "Taxes will rise next year, Jane Smith said on Monday. The Post reports that the mayor\n"
    "resigned. Critics believe she lied. According to aides, the plan failed last week.\n"
    "Smith claimed victory.\n"
)


def _span(text: str, occurrence: int = 0) -> str:
    i = -1
    for _ in range(occurrence + 1):
        i = BRAT_TEXT.index(text, i + 1)
    return f"{i} {i + len(text)}"


BRAT_ANN = "\n".join(
    [
        f"T1\tSource {_span('Smith')}\tSmith",
        f"T2\tCue {_span('says')}\tsays",
        f"T3\tContent {_span('taxes rise')}\ttaxes rise",
        f"T4\tAttribution {_span('says')}\tsays",
        "E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1",
        f"T5\tContent {_span('Taxes will rise next year')}\tTaxes will rise",
        f"T6\tSource {_span('Jane Smith')}\tJane Smith",
        f"T7\tCue {_span('said')}\tsaid",
        f"T8\tAttribution {_span('said')}\tsaid",
        "E2\tAttribution:T8 Content:T5 Cue:T7 Source:T6",
        f"T9\tSource {_span('The Post')}\tThe Post",
        f"T10\tCue {_span('reports')}\treports",
        # discontinuous content whose text wraps onto the next line
        f"T11\tContent {_span('that the mayor')};{_span('resigned')}\tthat the mayor",
        "resigned",
        f"T12\tAttribution {_span('reports')}\treports",
        "E3\tAttribution:T12 Content:T11 Cue:T10 Source:T9",
        f"T13\tSource {_span('Critics')}\tCritics",
        f"T14\tCue {_span('believe')}\tbelieve",
        f"T15\tContent {_span('she lied')}\tshe lied",
        f"T16\tAttribution {_span('believe')}\tbelieve",
        "E4\tAttribution:T16 Content:T15 Cue:T14 Source:T13",
        f"T17\tCue {_span('According to')}\tAccording to",
        f"T18\tSource {_span('aides')}\taides",
        f"T19\tContent {_span('the plan failed last week')}\tthe plan failed",
        f"T20\tAttribution {_span('According to')}\tAccording to",
        "E5\tAttribution:T20 Content:T19 Cue:T17 Source:T18",
        # a noun-phrase content: borderline by the spec
        f"T21\tSource {_span('Smith', 2)}\tSmith",
        f"T22\tCue {_span('claimed')}\tclaimed",
        f"T23\tContent {_span('victory')}\tvictory",
        f"T24\tAttribution {_span('claimed')}\tclaimed",
        "E6\tAttribution:T24 Content:T23 Cue:T22 Source:T21",
    ]
)


@pytest.fixture
def brat_corpus(tmp_path):
    (tmp_path / "text").mkdir()
    (tmp_path / "attributions").mkdir()
    (tmp_path / "text" / "art.txt").write_text(BRAT_TEXT, encoding="utf-8")
    (tmp_path / "attributions" / "art_b2.ann").write_text(BRAT_ANN + "\n", encoding="utf-8")
    # a second annotator's file: only the first in sorted order is used
    (tmp_path / "attributions" / "art_a1.ann").write_text(BRAT_ANN + "\n", encoding="utf-8")
    return tmp_path


def test_brat_reader_decides_required_attributions(brat_corpus):
    doc = read_brat(brat_corpus / "attributions" / "art_a1.ann")
    assert doc.origin == "brat" and doc.article.path.name == "art.txt"
    by_cue = {s.cue: s for s in doc.statements}
    assert set(by_cue) == {"says", "said", "reports", "believe", "According to", "claimed"}
    assert not by_cue["claimed"].required  # a noun phrase, not a reported clause
    assert not by_cue["says"].required  # headline
    assert not by_cue["believe"].required  # not a speech cue
    assert by_cue["said"].required and by_cue["According to"].required
    reports = by_cue["reports"]
    assert reports.required and reports.speaker == "The Post"
    assert reports.spans == (
        (BRAT_TEXT.index("that the mayor"), BRAT_TEXT.index("that the mayor") + 14),
        (BRAT_TEXT.index("resigned"), BRAT_TEXT.index("resigned") + 8),
    )


def test_brat_folder_uses_one_annotator_per_article(brat_corpus):
    assert [p.name for p in expand_gold_paths([brat_corpus])] == ["art_a1.ann"]


def test_speech_cue_lemmas_are_our_own_small_list():
    for cue in ["said", "has said", "told", "adding", "wrote", "According to", "pointed out"]:
        assert is_speech_cue(cue), cue
    for cue in ["believe", "found", "shows", ":", "called for", "pointed to"]:
        assert not is_speech_cue(cue), cue


def test_brat_scoring_judges_speakers_by_the_source_mention(brat_corpus):
    doc = read_brat(brat_corpus / "attributions" / "art_a1.ann")
    text = doc.article.text
    preds = pd.DataFrame(
        [
            # right by the mention span overlapping the Source
            {
                "speaker": "Jane Smith",
                "mention_start": text.index("Jane Smith"),
                "mention_end": text.index("Jane Smith") + 10,
                "start": text.index("Taxes will rise"),
                "end": text.index("Taxes will rise") + 20,
            },
            # right by the name appearing in the Source text, no mention span
            {
                "speaker": "The Post",
                "mention_start": pd.NA,
                "mention_end": pd.NA,
                "start": text.index("the mayor"),
                "end": text.index("resigned") + 8,
            },
            # matches the non-speech attribution: ignored, not a false positive
            {
                "speaker": "unknown",
                "mention_start": pd.NA,
                "mention_end": pd.NA,
                "start": text.index("she lied"),
                "end": text.index("she lied") + 8,
            },
        ]
    )
    s = score_statements(preds, doc.statements, text, origin="brat")
    assert (s.predicted, s.gold_required, s.matched, s.speaker_right) == (2, 3, 2, 2)
    assert s.count_error is None and s.speakers.empty
    assert s.details["problem"].tolist() == ["miss"]


# --- floating continuations joined for brat gold -------------------------------------------

CONT_TEXT = (
    "Ferry Fares Rise\n\n"
    "“The fares must rise,” Ines Kowal said. “Fuel costs twice what it did last spring.”\n\n"
    "“We have no other choice left.”\n\n"
    "Piet Lund, the harbour master, said the timetable would stay the same.\n\n"
    "“Nobody asked the islanders,” said Ola Berg. “Not once.”\n\n"
    "The ferry sails at nine.\n\n"
    "“They never do.”\n"
)
CONT_PARAGRAPHS = [CONT_TEXT.index(p) for p in CONT_TEXT.split("\n\n")]


def _cont(snippet: str, speaker: str, cue: str = "", nested: bool = False) -> dict:
    start = CONT_TEXT.index(snippet)
    paragraph = sum(p <= start for p in CONT_PARAGRAPHS) - 1
    return {
        "speaker": speaker,
        "cue": cue,
        "text": snippet,
        "start": start,
        "end": start + len(snippet),
        "paragraph": paragraph,
        "nested": nested,
        "mention_start": pd.NA,
        "mention_end": pd.NA,
    }


KOWAL = [
    _cont("The fares must rise,", "Ines Kowal", "said"),
    _cont("Fuel costs twice what it did last spring.", "Ines Kowal"),
    _cont("We have no other choice left.", "ines kowal"),  # next paragraph, same speaker
]


def _brat_gold(*snippets: str, source: str) -> GoldStatement:
    """A PolNeAR-like attribution: one Content over several discontinuous pieces."""
    pieces = tuple((CONT_TEXT.index(x), CONT_TEXT.index(x) + len(x)) for x in snippets)
    src = CONT_TEXT.index(source)
    return GoldStatement(
        speaker=source,
        kind="direct",
        cue="said",
        start=pieces[0][0],
        end=pieces[-1][1],
        text=CONT_TEXT[pieces[0][0] : pieces[-1][1]],
        spans=pieces,
        source_spans=((src, src + len(source)),),
    )


def test_floating_continuations_join_in_the_same_and_the_next_paragraph():
    joined = join_continuations(pd.DataFrame(KOWAL))
    assert len(joined) == 1
    row = joined.iloc[0]
    assert row["cue"] == "said" and row["continuations"] == 2
    assert (row["start"], row["end"]) == (KOWAL[0]["start"], KOWAL[2]["end"])
    # the pieces leave out the cue clause between them
    assert [CONT_TEXT[a:b] for a, b in row["pieces"]] == [k["text"] for k in KOWAL]


def test_what_is_not_a_continuation_stays_apart():
    preds = [
        *KOWAL[:2],
        # a statement with its own cue, of someone else
        _cont("the timetable would stay the same", "Piet Lund", "said"),
        _cont("Nobody asked the islanders,", "Ola Berg", "said"),
        _cont("Not once.", "Ola Berg"),  # joins Ola Berg
        # a floating quote two paragraphs after its speaker's last statement: apart
        _cont("They never do.", "Ola Berg"),
    ]
    joined = join_continuations(pd.DataFrame(preds))
    assert joined["text"].tolist() == [
        "The fares must rise, Fuel costs twice what it did last spring.",
        "the timetable would stay the same",
        "Nobody asked the islanders, Not once.",
        "They never do.",
    ]
    # an empty cue with another speaker does not join; a cued statement never joins
    other = [KOWAL[0], {**KOWAL[1], "speaker": "Ola Berg"}, {**KOWAL[2], "cue": "added"}]
    assert len(join_continuations(pd.DataFrame(other))) == 3
    # a statement of someone else between them breaks the chain
    assert len(join_continuations(pd.DataFrame([KOWAL[0], KOWAL[2]]))) == 1
    between = [KOWAL[0], _cont("Ines Kowal said", "Ola Berg", "said"), KOWAL[2]]
    assert len(join_continuations(pd.DataFrame(between))) == 3


def test_nested_statements_neither_join_nor_break_a_chain():
    preds = [KOWAL[0], _cont("Fuel costs", "Ines Kowal", nested=True), KOWAL[1]]
    joined = join_continuations(pd.DataFrame(preds))
    assert len(joined) == 2
    assert joined["nested"].tolist() == [False, True]
    assert joined.iloc[0]["continuations"] == 1


def test_without_paragraphs_predictions_are_left_as_they_are():
    preds = pd.DataFrame(KOWAL).drop(columns="paragraph")
    assert join_continuations(preds).equals(preds)
    assert join_continuations(pd.DataFrame()).empty


def test_brat_gold_is_scored_on_joined_predictions_and_our_gold_is_not():
    gold = [
        _brat_gold(
            "The fares must rise,", "Fuel costs twice what it did last spring.", source="Ines Kowal"
        )
    ]
    preds = pd.DataFrame(KOWAL[:2])
    brat = score_statements(preds, gold, CONT_TEXT, origin="brat")
    assert (brat.predicted, brat.matched, brat.speaker_right) == (1, 1, 1)
    # unjoined, the two halves are a false positive and a match at best
    apart = score_statements(preds, gold, CONT_TEXT, origin="brat", join=False)
    assert (apart.predicted, apart.matched) == (2, 1)
    # our JSON gold follows the guideline (two statements): nothing is joined
    ours = [
        GoldStatement("Ines Kowal", "direct", cue, k["start"], k["end"], k["text"])
        for cue, k in (("said", KOWAL[0]), ("", KOWAL[1]))
    ]
    json_score = score_statements(preds, ours, CONT_TEXT)
    assert (json_score.predicted, json_score.matched, json_score.f1) == (2, 2, 1.0)


def test_evaluate_joins_continuations_for_a_brat_corpus(tmp_path):
    (tmp_path / "text").mkdir()
    (tmp_path / "attributions").mkdir()
    (tmp_path / "text" / "ferry.txt").write_text(CONT_TEXT, encoding="utf-8")
    g = _brat_gold(
        "The fares must rise,", "Fuel costs twice what it did last spring.", source="Ines Kowal"
    )
    (a, b), (c, d) = g.spans
    s0, s1 = g.source_spans[0]
    cue = CONT_TEXT.index(" said.") + 1
    ann = (
        f"T1\tSource {s0} {s1}\tIbid\nT2\tCue {cue} {cue + 4}\tsaid\n"
        f"T3\tContent {a} {b};{c} {d}\tIbid\nE1\tAttribution:T4 Content:T3 Cue:T2 Source:T1\n"
    )
    (tmp_path / "attributions" / "ferry_a1.ann").write_text(ann, encoding="utf-8")
    result = evaluate_files([tmp_path], extract=lambda article: pd.DataFrame(KOWAL[:2]))
    total = result.totals.iloc[0]
    assert (total["predicted"], total["gold_required"], total["matched"]) == (1, 1, 1)
    assert total["end_to_end_f1"] == 1.0


# --- the command -------------------------------------------------------------------------


def test_evaluate_files_with_an_injected_extractor(tmp_path):
    gold = _write_gold(tmp_path, [_good()])
    result = evaluate_files([gold], extract=lambda a: pd.DataFrame([{**_good(), "nested": False}]))
    assert result.totals.iloc[0]["f1"] == 1.0
    assert result.files["file"].tolist() == ["a"]


def test_cli_prints_metrics(tmp_path, capsys, monkeypatch):
    gold = _write_gold(tmp_path, [_good()])
    monkeypatch.setattr(
        "helpers.evaluate.default_extractor",
        lambda: lambda a: pd.DataFrame([{**_good(), "nested": False}]),
    )
    assert main(["evaluate", str(gold), "--details"]) == 0
    out = capsys.readouterr().out
    for word in ("precision", "recall", "f1", "attribution_accuracy", "end_to_end_f1"):
        assert word in out
    assert "count_error_rate" in out
    assert main(["evaluate", str(gold), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["totals"]["f1"] == 1.0 and data["totals"]["matched"] == 1
    assert data["totals"]["count_error_rate"] == 0.0
    assert data["files"][0]["count_error_rate"] == 0.0
    assert data["speakers"] == [
        {"file": "a", "speaker": "Tom Reed", "predicted": 1, "gold": 1, "error": 0}
    ]


def test_cli_details_list_each_miss_with_its_text(tmp_path, capsys, monkeypatch):
    gold = _write_gold(tmp_path, [_good()])
    monkeypatch.setattr("helpers.evaluate.default_extractor", lambda: lambda a: pd.DataFrame())
    assert main(["evaluate", str(gold), "--details"]) == 0
    out = capsys.readouterr().out
    assert "Misses, false positives and wrong speakers" in out
    assert "miss" in out and "taxes will rise" in out
    assert main(["evaluate", str(gold), "--format", "json", "--details"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["totals"]["recall"] == 0.0
    assert [d["problem"] for d in data["details"]] == ["miss"]


def test_cli_bad_path_exits_2_with_a_message(tmp_path, capsys):
    assert main(["evaluate", str(tmp_path / "missing.json")]) == 2
    err = capsys.readouterr().err
    assert "missing.json: does not exist" in err
    (tmp_path / "notes.txt").write_text("x", encoding="utf-8")
    assert main(["evaluate", str(tmp_path / "notes.txt")]) == 2
    assert "neither a .json gold file nor a brat .ann file" in capsys.readouterr().err


# --- the real extractor on our gold and on PolNeAR -----------------------------------------


def _extractor():
    from helpers.statements import extract_statements  # an ImportError fails, never skips

    return extract_statements


def test_extractor_on_our_gold_files():
    extract = _extractor()
    result = evaluate_files(GOLD_FILES, extract=extract)
    total = result.totals.iloc[0]
    assert total["end_to_end_f1"] >= 0.95, result.details.to_string()


def test_extractor_counts_speakers_exactly_on_the_bundled_article():
    extract = _extractor()
    result = evaluate_files([BUNDLED_GOLD], extract=extract)
    assert (result.speakers["error"] == 0).all(), result.speakers.to_string()


@pytest.mark.skipif(not POLNEAR.exists(), reason=f"PolNeAR dev corpus not present at {POLNEAR}")
def test_extractor_on_polnear_dev():
    extract = _extractor()
    total = evaluate_files([POLNEAR], extract=extract).totals.iloc[0]
    assert total["f1"] >= 0.80
    assert total["attribution_accuracy"] >= 0.90


def test_a_gold_file_cannot_make_the_kit_read_outside_its_places(tmp_path):
    outside = tmp_path / "elsewhere" / "secret.txt"
    outside.parent.mkdir()
    outside.write_text("Headline\n\nA secret the gold file should not reach.\n", encoding="utf-8")
    folder = tmp_path / "gold"
    folder.mkdir()
    gold = folder / "g.json"
    gold.write_text(json.dumps({"article": str(outside), "statements": []}), encoding="utf-8")
    with pytest.raises(ArticleError, match="outside the project") as err:
        load_gold(gold)
    assert "secret" not in str(err.value)
    beside = folder / "a.txt"  # the gold file's own folder is allowed
    beside.write_text(outside.read_text(encoding="utf-8"), encoding="utf-8")
    gold.write_text(json.dumps({"article": "a.txt", "statements": []}), encoding="utf-8")
    assert load_gold(gold).statements == []
