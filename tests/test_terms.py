"""Recurring words and terms, folding, concordance offsets and voices (helpers/terms/)."""

import pandas as pd
import pytest

from helpers import ArticleError, load_article
from helpers.terms import (
    CONCORDANCE_COLUMNS,
    DISPERSION_COLUMNS,
    TERM_COLUMNS,
    choose_terms,
    concordance,
    dispersion_table,
    find,
    fold,
    naming_words,
    recurring_terms,
    terms_by_voice,
    word_count,
    word_frequencies,
)

BUSES = """Town news

The night bus service starts today. Riders waited for the night bus service for years.

A night bus runs every hour. The city's night bus service is free, the mayor said.
"""

TYPOGRAPHY = """Budget week

The mayor’s
budget plan was late. Critics read the Mayor's budget plan twice.

It was red, tape was everywhere. Then came red tape. For the first time, the council met. It met
for the first time in spring.
"""

ONCE = """Quiet day

Nothing happened at the town hall today. The weather was mild and the streets were calm.
"""


def _terms(article, **kw) -> dict[str, pd.Series]:
    table = recurring_terms(article, **kw)
    return {row.term: row for row in table.itertuples(index=False)}


@pytest.fixture
def buses(write_article):
    return load_article(write_article(BUSES, "buses.txt"))


@pytest.fixture
def typography(write_article):
    return load_article(write_article(TYPOGRAPHY, "typography.txt"))


# --- the bundled article -------------------------------------------------------------------


def test_bundled_recurring_terms_with_counts_checked_by_hand(bundled):
    terms = _terms(bundled)
    # paragraphs 5, 7 and 8, always after "via" (one stopword: not a set phrase)
    assert terms["diplomatic channels"].count == 3
    assert "via diplomatic channels" not in terms
    # paragraphs 15, 18 and 20
    assert terms["open dialogue"].count == 3
    # the headline, paragraph 1 and paragraph 4: the same two stopwords always before it
    assert terms["at any time convenient"].count == 3
    assert terms["at any time convenient"].contains == "time convenient"
    assert "time convenient" not in terms
    # a subheading and paragraph 9
    assert terms["secure video link"].count == 2


def test_bundled_folding_always_together_vs_sometimes_alone(bundled):
    terms = _terms(bundled)
    # "video link" only ever occurs inside "secure video link": folded into it
    assert "video link" not in terms
    assert "video link" in terms["secure video link"].contains.split("; ")
    full = recurring_terms(bundled, include_folded=True)
    folded = full.set_index("term")["folded_into"]
    assert folded["video link"] == "secure video link"
    # "secure video" also occurs in "secure video channels": kept, with a note
    assert terms["secure video"].count == 3
    assert terms["secure video"].part_of == "secure video link"
    assert terms["secure video"].alone == 1


def test_bundled_has_no_stopword_only_or_stopword_edged_terms(bundled):
    table = recurring_terms(bundled, include_folded=True)
    lowered = set(table["term"].str.lower())
    assert "of the" not in lowered
    assert not any(t.startswith(("the ", "of ", "and ")) for t in lowered)
    assert not any(t.endswith((" the", " of", " and", " to")) for t in lowered)
    assert (table["count"] >= 2).all()
    assert list(table.columns) == TERM_COLUMNS


def test_bundled_ranking_by_count_and_by_g2(bundled):
    by_count = recurring_terms(bundled)
    assert by_count["count"].is_monotonic_decreasing
    by_g2 = recurring_terms(bundled, rank_by="g2")
    assert by_g2["g2"].is_monotonic_decreasing
    assert set(by_count["term"]) == set(by_g2["term"])
    # the set phrase is the strongest collocation of the article
    assert by_g2["term"].iloc[0] == "at any time convenient"
    assert (by_g2["g2"] > 0).all()


def test_bundled_word_frequencies_case_folded_in_the_usual_form(bundled):
    words = word_frequencies(bundled, n=10)
    assert list(words.columns) == ["word", "count"]
    table = dict(zip(words["word"], words["count"], strict=True))
    assert "U.S." in table and "u.s." not in table
    assert table["Kremlin"] == 9  # headline + 8 in the body, "Kremlin" each time
    assert "the" not in {w.lower() for w in table}
    body_only = word_frequencies(bundled, n=10, include_headings=False)
    assert dict(zip(body_only["word"], body_only["count"], strict=True))["Kremlin"] == 8


def test_bundled_concordance_offsets_point_into_the_file(bundled):
    kwic = concordance(bundled, "Diplomatic Channels", statements=pd.DataFrame())
    assert list(kwic.columns) == CONCORDANCE_COLUMNS
    assert len(kwic) == 3
    for row in kwic.itertuples(index=False):
        assert bundled.raw[row.start : row.end].lower() == "diplomatic channels"
        assert row.term == bundled.raw[row.start : row.end]
        assert bundled.paragraph_at(row.start) == row.paragraph
        assert row.left.endswith("via ")
    assert list(kwic["paragraph"]) == [5, 7, 8]
    assert set(kwic["voice"]) == {"narrator"}  # no statements given


def test_bundled_voices_from_the_extractor(bundled):
    kwic = concordance(bundled, "diplomatic channels")
    # paragraph 7 is a direct quote of the spokesman
    assert kwic.set_index("paragraph").loc[7, "voice"] == "Dmitry Peskov"


# --- short texts -----------------------------------------------------------------------------


def test_folding_on_a_short_text(buses):
    terms = _terms(buses)
    assert terms["night bus service"].count == 3
    assert "bus service" not in terms  # always inside "night bus service"
    assert "bus service" in terms["night bus service"].contains
    assert terms["night bus"].count == 4  # once on its own
    assert terms["night bus"].part_of == "night bus service"
    assert terms["night bus"].alone == 1


def test_a_term_seen_once_is_not_recurring(write_article):
    article = load_article(write_article(ONCE))
    assert recurring_terms(article).empty
    assert list(recurring_terms(article).columns) == TERM_COLUMNS
    assert "town hall" not in _terms(load_article(write_article(BUSES)))


def test_min_count_raises_the_bar(buses):
    terms = _terms(buses, min_count=4)
    assert list(terms) == ["night bus"]


def test_line_breaks_and_curly_apostrophes_do_not_break_matching(typography):
    terms = _terms(typography)
    # one form has a curly apostrophe and a line break, the other a straight one and a capital
    assert terms["mayor’s budget plan"].count == 2
    hits = concordance(typography, "mayor’s budget plan", statements=pd.DataFrame())
    assert len(hits) == 2
    assert hits["term"].tolist() == ["mayor’s budget plan", "Mayor's budget plan"]
    for row in hits.itertuples(index=False):
        raw = typography.raw[row.start : row.end]
        assert "\n" in raw or "'" in raw
        assert fold(" ".join(raw.split())) == "mayor's budget plan"


def test_punctuation_breaks_a_term(typography):
    terms = _terms(typography)
    assert "red tape" not in terms  # "red, tape" does not count
    assert len(find(typography, "red tape")) == 1


def test_a_run_of_stopwords_that_always_comes_first_joins_the_term(typography):
    terms = _terms(typography)
    assert terms["for the first time"].count == 2
    assert "first time" not in terms


def test_custom_stopwords_as_words_or_a_file(buses, tmp_path):
    # with "night" a stopword, no term may begin with it
    terms = _terms(buses, stop={"night", "the", "a"})
    assert not any(t.lower().startswith("night") for t in terms)
    assert terms["bus service"].count == 3
    stop_file = tmp_path / "stop.txt"
    stop_file.write_text("# mine\nnight\nthe\n", encoding="utf-8")
    assert "bus service" in _terms(buses, stop=stop_file)
    with pytest.raises(ArticleError, match="missing.txt"):
        recurring_terms(buses, stop=tmp_path / "missing.txt")


def test_bad_arguments_are_refused(buses):
    with pytest.raises(ValueError, match="rank_by"):
        recurring_terms(buses, rank_by="pmi")
    with pytest.raises(ArticleError, match="no word"):
        concordance(buses, " ,, ", statements=pd.DataFrame())


def test_same_input_same_output(buses):
    """Twice from scratch (a fresh load, the token index rebuilt), not from the cache."""
    from helpers.terms import clear_cache

    first = recurring_terms(buses)
    clear_cache()
    again = recurring_terms(load_article(buses.path))
    assert len(first) and first.equals(again)


def test_folding_many_words_at_once_folds_each_as_alone():
    from helpers.terms.index import fold_all

    # a capital sigma folds to the final form only at a word's end, also when the words are
    # folded joined; a word holding a line break is folded on its own
    words = ["ΟΔΟΣ", "Σ", "ΣΑ", "ΑΣ’", "Don’t", "İstanbul", "ǅemal", "A\nΣ", "", "x"]
    assert fold_all(words) == [fold(w) for w in words]
    assert fold_all(["ΟΔΟΣ", "ΣΑ"]) == ["οδος", "σα"]
    assert fold_all([]) == []


# --- voices from a hand-made statements table -------------------------------------------------


def _statement(article, content: str, speaker: str, nested: bool = False, kind: str = "direct"):
    start = article.text.index(content)
    return {
        "speaker": speaker,
        "kind": kind,
        "start": start,
        "end": start + len(content),
        "nested": nested,
    }


def test_voice_is_the_innermost_speaker(buses):
    outer = "The city's night bus service is free"
    inner = "night bus service is free"
    statements = pd.DataFrame(
        [
            _statement(buses, outer, "Ann Mayor"),
            _statement(buses, inner, "Bob Clerk", nested=True, kind="indirect"),
        ]
    )
    kwic = concordance(buses, "night bus service", statements=statements)
    assert kwic["voice"].tolist() == ["narrator", "narrator", "Bob Clerk"]
    assert kwic["kind"].tolist() == ["", "", "indirect"]
    city = concordance(buses, "city's", statements=statements)
    assert city["voice"].tolist() == ["Ann Mayor"]


def test_terms_by_voice_counts_narrator_and_speakers(buses):
    statements = pd.DataFrame([_statement(buses, "A night bus runs every hour", "Ann Mayor")])
    table = terms_by_voice(buses, ["night bus", "night bus service"], statements=statements)
    assert list(table.columns) == ["term", "narrator", "Ann Mayor", "total"]
    rows = table.set_index("term")
    assert rows.loc["night bus", "narrator"] == 3
    assert rows.loc["night bus", "Ann Mayor"] == 1
    assert rows.loc["night bus service", "Ann Mayor"] == 0
    assert (rows["total"] == rows["narrator"] + rows["Ann Mayor"]).all()


def test_terms_by_voice_without_recurring_terms(write_article):
    article = load_article(write_article(ONCE))
    table = terms_by_voice(article, statements=pd.DataFrame())
    assert table.empty and list(table.columns) == ["term", "narrator", "total"]


# --- dispersion --------------------------------------------------------------------------------


def test_dispersion_table_word_and_char_positions(buses):
    table = dispersion_table(buses, ["night bus service", "free"])
    assert list(table.columns) == DISPERSION_COLUMNS
    service = table[table["term"] == "night bus service"]
    assert len(service) == 3
    # "Town news" are words 0 and 1; the possessive 's of "city's" is a word of its own
    assert service["word_index"].tolist() == [3, 12, 26]
    for row in table.itertuples(index=False):
        assert buses.text[row.start : row.end].lower() == row.term
    assert table["word_index"].max() < word_count(buses)


# --- choosing terms to read in context ---------------------------------------------------------


def test_naming_words_come_from_speakers_roles_mentions_and_cues():
    statements = pd.DataFrame(
        {
            "speaker": ["Ann Mayor", "unknown"],
            "role": ["City Mayor", ""],
            "mention": ["the mayor", None],
            "cue": ["said", "pointed out"],
        }
    )
    people = pd.DataFrame({"name": ["Bob Clerk"], "role": ["Town Clerk"]})
    words = naming_words(statements, people)
    assert {"ann", "mayor", "city", "said", "pointed", "out", "bob", "clerk", "town"} <= words
    assert "unknown" not in words


def test_choose_terms_skips_terms_that_name_who_speaks(bundled):
    statements = pd.DataFrame(
        {
            "speaker": ["Dmitry Peskov", "Vladimir Putin", "Joe Biden"],
            "role": ["Kremlin Spokesman", "Russian President", "U.S. President"],
            "mention": ["Peskov", "President Putin", "he"],
            "cue": ["said", "said", "said"],
            "kind": ["direct"] * 3,
            "start": [0, 0, 0],
            "end": [0, 0, 0],
            "nested": [False] * 3,
        }
    )
    chosen = choose_terms(bundled, n=3, statements=statements)
    assert chosen == ["at any time convenient", "diplomatic channels", "open dialogue"]
    # with no statement known, the ranking is followed as it is
    assert choose_terms(bundled, n=2, statements=pd.DataFrame()) == list(
        recurring_terms(bundled)["term"].head(2)
    )


def test_choose_terms_on_an_article_without_recurring_terms(write_article):
    article = load_article(write_article(ONCE))
    assert choose_terms(article, statements=pd.DataFrame()) == []


def test_bundled_choice_with_the_extractor_reads_the_story_terms(bundled):
    from helpers.statements import mentioned_people

    chosen = choose_terms(bundled, n=3, people=mentioned_people(bundled))
    assert "diplomatic channels" in chosen
    assert not any("said" in t.lower().split() for t in chosen)


def test_g2_is_nltk_from_documents_score(bundled):
    """Every term's G² is what NLTK's own finders, built with from_documents over the runs of
    words, give for it (the kit counts only what its terms need)."""
    from nltk.collocations import (
        BigramCollocationFinder,
        QuadgramCollocationFinder,
        TrigramCollocationFinder,
    )
    from nltk.metrics import BigramAssocMeasures, QuadgramAssocMeasures, TrigramAssocMeasures

    from helpers.tokens import is_word, tokens

    runs, run = [], []
    previous = None
    for t in tokens(bundled, include_headings=True):
        if run and (not is_word(t.text) or t.sentence != previous):
            runs.append(run)
            run = []
        if is_word(t.text):
            run.append(fold(t.text))
        previous = t.sentence
    runs.append(run)
    finders = {
        2: (BigramCollocationFinder.from_documents(runs), BigramAssocMeasures),
        3: (TrigramCollocationFinder.from_documents(runs), TrigramAssocMeasures),
        4: (QuadgramCollocationFinder.from_documents(runs), QuadgramAssocMeasures),
    }
    table = recurring_terms(bundled, include_folded=True)
    assert set(table["words"]) == {2, 3, 4}
    for row in table.itertuples():
        key = tuple(fold(w) for w in row.term.replace("’s", " ’s").split())
        finder, measures = finders[row.words]
        assert finder.ngram_fd[key] == row.count, row.term
        assert round(finder.score_ngram(measures.likelihood_ratio, *key), 2) == row.g2, row.term


def test_g2_formula_is_nltks_to_the_last_bit():
    """helpers.terms.association computes NLTK's likelihood_ratio itself (no NLTK import at run
    time): the same float, or the same error, on many contingency tables, from empty cells to
    counts whose products pass 2**53."""
    import random

    from nltk.metrics import BigramAssocMeasures, QuadgramAssocMeasures, TrigramAssocMeasures

    from helpers.terms.association import likelihood_ratio

    def outcome(f, *args):
        try:
            return ("value", f(*args))
        except (ValueError, ZeroDivisionError) as exc:
            return ("error", type(exc))

    rng = random.Random(10)
    measures = {2: BigramAssocMeasures, 3: TrigramAssocMeasures, 4: QuadgramAssocMeasures}
    kinds = set()
    for n, nltk_measures in measures.items():
        for case in range(1500):
            top = rng.choice([3, 50, 10**6])
            cells = [rng.choice([0, 0, 1, 2, rng.randint(0, top)]) for _ in range(2**n)]
            marginals = list(nltk_measures._marginals(*cells))
            if case % 5 == 0:  # inconsistent counts: negative cells
                marginals[-1] = rng.randint(0, 3)
            if n == 2:  # score_ngram passes a bigram's count as a float
                marginals[0] = marginals[0] / 1.0
            ours = outcome(likelihood_ratio, n, *marginals)
            theirs = outcome(nltk_measures.likelihood_ratio, *marginals)
            assert ours == theirs, (n, marginals)
            assert type(ours[1]) is type(theirs[1])
            kinds.add(ours[0])
    assert kinds == {"value", "error"}


def test_long_text_path_gives_the_short_text_tables(bundled, buses, typography, monkeypatch):
    """A text over ngrams.TOGETHER tokens is counted one length at a time, without kept pattern
    codes (less memory); a short one in one sort: the tables are the same either way."""
    from helpers.terms import clear_cache, ngrams

    articles = [bundled, buses, typography]
    options = [{}, {"include_folded": True, "rank_by": "g2"}, {"min_count": 3, "max_words": 3}]
    short = []
    for article in articles:
        clear_cache()
        short.append([recurring_terms(article, **o) for o in options])
    monkeypatch.setattr(ngrams, "TOGETHER", 0)
    for article, tables in zip(articles, short, strict=True):
        clear_cache()
        for o, table in zip(options, tables, strict=True):
            assert recurring_terms(article, **o).equals(table)
    assert any(len(t) for tables in short for t in tables)
    clear_cache()
