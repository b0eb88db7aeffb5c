"""Offline sentence and word tokenizing: spans, abbreviations, paragraph breaks, no NLTK data."""

import nltk
import pytest

from helpers import load_article
from helpers.terms import word_frequencies
from helpers.tokens import (
    counts,
    sentence_table,
    sentences,
    token_columns,
    token_table,
    tokens,
    word_spans,
)


def _sents(write_article, body: str) -> list[str]:
    return [s.text for s in sentences(load_article(write_article("Headline\n\n" + body)))]


def test_abbreviation_inside_a_sentence_does_not_end_it(write_article):
    got = _sents(write_article, "Talks with U.S. President Joe Biden may take place. Or not.")
    assert got == ["Talks with U.S. President Joe Biden may take place.", "Or not."]


def test_abbreviation_at_the_end_of_a_paragraph_ends_the_sentence(write_article):
    got = _sents(write_article, "It was held on the initiative of the U.S.\n\nThe next one.")
    assert got == ["It was held on the initiative of the U.S.", "The next one."]


def test_abbreviation_followed_by_a_sentence_starter_splits(write_article):
    got = _sents(write_article, "The call came from the U.S. He said it went well.")
    assert got == ["The call came from the U.S.", "He said it went well."]


@pytest.mark.parametrize("abbr", ["Mr.", "Gen.", "Dr.", "Sen."])
def test_titles_do_not_end_sentences(write_article, abbr):
    got = _sents(write_article, f"The speech by {abbr} Smith was short. It ended.")
    assert got == [f"The speech by {abbr} Smith was short.", "It ended."]


def test_months_do_not_end_sentences(write_article):
    got = _sents(write_article, "The vote on Jan. 5 was close. Turnout was high.")
    assert got == ["The vote on Jan. 5 was close.", "Turnout was high."]


def test_a_sentence_never_runs_across_a_paragraph_break(write_article):
    body = (
        "No closing mark here\nstill the same paragraph\n\nand a new paragraph starts, lower case."
    )
    got = _sents(write_article, body)
    assert got == [
        "No closing mark here\nstill the same paragraph",
        "and a new paragraph starts, lower case.",
    ]


def test_quote_closing_after_period_ends_sentence(write_article):
    got = _sents(write_article, "“It is over.” “We go on,” she said.")
    assert got == ["“It is over.”", "“We go on,” she said."]


def test_sentence_offsets_point_into_the_file(bundled):
    for s in sentences(bundled):
        assert bundled.raw[s.start : s.end].replace("\xa0", " ") == s.text
        assert bundled.paragraph_at(s.start) == s.paragraph


def test_bundled_sentence_count(bundled):
    # 36 with NLTK's Punkt, which also cuts inside quotations; the kit's splitter keeps each
    # quotation whole with its cue, as the statement extractor reads it
    assert len(sentences(bundled)) == 28
    assert len(sentences(bundled, include_headings=True)) == 31


def test_a_quotation_stays_whole_with_its_cue(write_article):
    got = _sents(write_article, "“We are ready. The bridge is safe,” Anna Berg said. It opened.")
    assert got == ["“We are ready. The bridge is safe,” Anna Berg said.", "It opened."]


def test_the_extractor_reads_the_same_sentences(bundled):
    from helpers.statements import explain_records

    starts = {s.start for s in sentences(bundled)}
    ends = {s.end for s in sentences(bundled)}
    kept = [r for r in explain_records(bundled) if r["reason"] == "kept"]  # top level
    assert len(kept) > 20
    for row in kept:
        sent = next(s for s in sentences(bundled) if s.start <= row["cue_start"] < s.end)
        assert sent.start in starts and sent.end in ends
        assert " ".join(sent.text.split()) == row["sentence"]


def test_word_spans_keep_initialisms_hyphens_and_contractions():
    text = "U.S. Putin-Biden talks won’t wait; Putin’s plan, 1,000 people."
    words = [text[s:e] for s, e in word_spans(text)]
    assert words == [
        "U.S.",
        "Putin-Biden",
        "talks",
        "won’t",
        "wait",
        ";",
        "Putin",
        "’s",
        "plan",
        ",",
        "1,000",
        "people",
        ".",
    ]


def test_tokens_have_offsets_and_sentences(bundled):
    toks = tokens(bundled)
    assert all(bundled.text[t.start : t.end] == t.text for t in toks)
    assert toks[0].text == "The" and toks[0].sentence == 0 and toks[0].paragraph == 1
    table = token_table(bundled)
    assert list(table.columns) == [
        "token",
        "lower",
        "start",
        "end",
        "sentence",
        "paragraph",
        "is_word",
    ]
    assert table["is_word"].sum() == 744


@pytest.mark.parametrize("headings", [False, True])
def test_token_columns_are_the_tokens(bundled, write_article, headings):
    """The integer columns hold the same tokens as tokens(), also where a sentence ends right
    after a possessive or inside a run of punctuation."""
    tricky = load_article(
        write_article("Ann’s Day\n\nIt was Ann’s. Then Bob's! “Yes,” said U.S. officials.\n")
    )
    for article in (bundled, tricky):
        toks = tokens(article, include_headings=headings)
        cols = token_columns(article, include_headings=headings)
        assert [cols.forms[i] for i in cols.surface] == [t.text for t in toks]
        assert cols.start.tolist() == [t.start for t in toks]
        firsts = cols.sentence_first.tolist()
        assert firsts == [
            i for i, t in enumerate(toks) if i == 0 or t.sentence != toks[i - 1].sentence
        ]
        assert cols.sentence_paragraph.tolist() == [toks[i].paragraph for i in firsts]
        assert len(set(cols.forms)) == len(cols.forms)


def test_counts_on_the_bundled_article(bundled):
    assert counts(bundled) == {
        "paragraphs": 20,
        "subheadings": 2,
        "sentences": 28,
        "words": 744,
        "distinct words": 270,
        "type-token ratio": 0.363,
    }


def test_sentence_table(bundled):
    table = sentence_table(bundled)
    assert len(table) == 28
    assert table["sentence"].tolist() == list(range(1, 29))
    assert table["words"].iloc[0] == 37  # counted by hand


def test_word_frequencies_skip_stopwords_and_show_the_usual_form(bundled):
    top = word_frequencies(bundled, n=5)
    assert top["word"].tolist() == ["U.S.", "Putin", "Peskov", "said", "President"]
    assert top["count"].tolist() == [15, 13, 11, 11, 10]  # headline included
    body_only = word_frequencies(bundled, n=1, include_headings=False)
    assert body_only.iloc[0].tolist() == ["U.S.", 14]
    assert not set(word_frequencies(bundled, n=50)["word"].str.lower()) & {"the", "of", "to"}


def test_word_frequencies_with_a_custom_stoplist(bundled):
    top = word_frequencies(bundled, n=3, stop={"the", "u.s.", "putin", "of", "to", "and", "a"})
    assert "U.S." not in top["word"].tolist() and "Putin" not in top["word"].tolist()
    assert top["word"].tolist() == ["that", "an", "is"]


def test_results_do_not_depend_on_installed_nltk_data(bundled, monkeypatch):
    """Loading any NLTK data file would fail here, yet tokenizing works and gives the same."""
    before = (counts(bundled), [s.text for s in sentences(bundled)])

    def forbidden(*args, **kwargs):
        raise AssertionError(f"NLTK data was requested: {args}")

    monkeypatch.setattr(nltk.data, "load", forbidden)
    monkeypatch.setattr(nltk.data, "find", forbidden)
    monkeypatch.setattr(nltk, "download", forbidden)
    after = (counts(bundled), [s.text for s in sentences(bundled)])
    assert after == before
