"""The statement extractor: each construction of docs/statements.md on a small text, and the
bundled article's counts checked by hand against /work/shared/specs/statements.md."""

import pandas as pd
import pytest

from helpers import load_article
from helpers.statements import (
    COLUMNS,
    PEOPLE_COLUMNS,
    SPEAKER_COLUMNS,
    extract_statements,
    find_quotes,
    mentioned_people,
    speakers_table,
)


@pytest.fixture
def extract(write_article):
    """Extract the statements of a body text (a headline is added in front)."""

    def run(body: str) -> pd.DataFrame:
        path = write_article("A Headline for the Test\n\n" + body + "\n")
        article = load_article(path)
        df = extract_statements(article)
        for r in df.itertuples():
            assert article.text[r.start : r.end] == r.text
        return df

    return run


def top(df: pd.DataFrame) -> pd.DataFrame:
    return df[~df["nested"]].reset_index(drop=True)


# ---------------------------------------------------------------- the contract


def test_columns_and_types(bundled):
    df = extract_statements(bundled)
    assert list(df.columns) == COLUMNS
    for col in ("mention_start", "mention_end", "cue_start", "cue_end"):
        assert str(df[col].dtype) == "Int64"
    for col in ("start", "end", "paragraph"):
        assert df[col].dtype.kind == "i"
    assert df["nested"].dtype == bool
    assert set(df["kind"]) <= {"direct", "indirect", "mixed"}
    assert list(df["start"]) == sorted(df["start"])
    for r in df.itertuples():
        assert bundled.text[r.start : r.end] == r.text
        assert bundled.paragraph_at(r.start) == r.paragraph
        if r.mention is not None:
            assert bundled.text[r.mention_start : r.mention_end] == r.mention
        if r.cue:
            assert " ".join(bundled.text[r.cue_start : r.cue_end].split()) == r.cue


def test_same_input_same_output(bundled):
    assert extract_statements(bundled).equals(extract_statements(bundled))


def test_no_quotes_no_cues_gives_empty_table(extract):
    df = extract("The bridge opened on Monday. Traffic was light in the morning.")
    assert df.empty
    assert list(df.columns) == COLUMNS


def test_article_without_quotes_keeps_indirect_statements(extract):
    df = extract("The mayor, Anna Berg, said the bridge would open in May.")
    assert len(df) == 1
    assert df.loc[0, "kind"] == "indirect"
    assert df.loc[0, "speaker"] == "Anna Berg"


# ---------------------------------------------------------------- the bundled article


def test_bundled_counts(bundled):
    df = extract_statements(bundled)
    counts = top(df)["speaker"].value_counts()
    assert counts["Dmitry Peskov"] == 23
    assert counts["Jen Psaki"] == 1
    assert counts["Joe Biden"] >= 1
    assert set(counts.index) == {"Dmitry Peskov", "Jen Psaki", "Joe Biden"}


def test_bundled_biden_pay_a_price_is_mixed(bundled):
    df = extract_statements(bundled)
    biden = df[(df["speaker"] == "Joe Biden") & df["text"].str.contains("pay a price")]
    assert len(biden) == 1
    assert biden.iloc[0]["kind"] == "mixed"
    assert biden.iloc[0]["role"].endswith("President")


def test_bundled_nested_putin(bundled):
    df = extract_statements(bundled)
    nested = df[df["nested"]]
    assert list(nested["speaker"]) == ["Vladimir Putin"]
    assert nested.iloc[0]["text"] == "it’s either Friday or Monday"
    assert nested.iloc[0]["mention"] == "President Putin"


def test_bundled_scare_quote_is_not_a_statement(bundled):
    df = extract_statements(bundled)
    assert not (df["text"] == "an open dialogue").any()
    assert not df["text"].str.startswith("an open dialogue").any()
    # the statement of that paragraph is the spokesman's, whose content is the quotation
    row = df[df["text"].str.startswith("there are no details")].iloc[0]
    assert row["speaker"] == "Dmitry Peskov" and row["kind"] == "direct"


def test_bundled_question_and_relay_are_not_statements(bundled):
    df = extract_statements(bundled)
    assert "TASS" not in set(df["speaker"])
    assert not df["cue"].str.lower().isin(["asked", "asking"]).any()


def test_bundled_resolution_of_descriptions_and_pronouns(bundled):
    df = extract_statements(bundled)
    peskov = df[df["speaker"] == "Dmitry Peskov"]
    forms = set(peskov["mention"])
    assert {"He", "the Kremlin spokesman", "The Russian presidential spokesman"} <= forms
    assert "the spokesperson" in forms
    assert set(peskov["role"]) == {"Kremlin Spokesman"}


def test_bundled_adding_that_is_its_own_statement(bundled):
    df = extract_statements(bundled)
    adding = df[df["cue"] == "adding"]
    assert len(adding) == 1
    assert adding.iloc[0]["kind"] == "indirect"
    assert adding.iloc[0]["text"].startswith("the conversation between the two leaders")


def test_speakers_table(bundled):
    table = speakers_table(extract_statements(bundled))
    assert list(table.columns) == SPEAKER_COLUMNS
    first = table.iloc[0]
    assert first["speaker"] == "Dmitry Peskov" and first["statements"] == 23
    assert first["direct"] + first["indirect"] + first["mixed"] == 23
    assert first["forms"][0] == "Kremlin Spokesman Dmitry Peskov"
    assert "Peskov" in first["forms"] and "he" in first["forms"]
    putin = table[table["speaker"] == "Vladimir Putin"].iloc[0]
    assert putin["statements"] == 0 and putin["nested"] == 1
    assert list(table["statements"]) == sorted(table["statements"], reverse=True)


def test_speakers_table_of_nothing():
    empty = speakers_table(pd.DataFrame(columns=COLUMNS))
    assert list(empty.columns) == SPEAKER_COLUMNS and empty.empty


def test_mentioned_people(bundled):
    people = mentioned_people(bundled)
    assert list(people.columns) == PEOPLE_COLUMNS
    assert set(people["name"]) == {"Vladimir Putin", "Joe Biden", "Dmitry Peskov", "Jen Psaki"}
    row = people.set_index("name").loc["Dmitry Peskov"]
    assert row["role"] == "Kremlin Spokesman"
    assert bundled.text[row["first_start"] :].startswith("Dmitry Peskov")
    assert people.set_index("name").loc["Jen Psaki", "mentions"] == 1
    assert list(people["first_start"]) == sorted(people["first_start"])


def test_mentioned_people_skip_organisations_and_places(extract, write_article):
    path = write_article(
        "Headline\n\nThe Foreign Ministry in New York said on Monday that Maria Lopez would "
        "visit. Lopez, who leads the United Nations office, agreed.\n"
    )
    people = mentioned_people(load_article(path))
    assert list(people["name"]) == ["Maria Lopez"]
    assert people.loc[0, "mentions"] == 2


# ---------------------------------------------------------------- cues and units


def test_quote_first_cue(extract):
    df = extract("“We will build it,” Anna Berg said.")
    assert df.loc[0, ["speaker", "kind", "cue", "text"]].tolist() == [
        "Anna Berg",
        "direct",
        "said",
        "We will build it",
    ]


def test_inverted_quote_first_cue(extract):
    df = extract("“We will build it,” said Anna Berg, who chairs the council.")
    assert len(df) == 1
    assert df.loc[0, "speaker"] == "Anna Berg" and df.loc[0, "text"] == "We will build it"


def test_colon_introducer(extract):
    df = extract("Mayor Anna Berg said: “The bridge opens today.”")
    row = df.iloc[0]
    assert (row["speaker"], row["role"], row["kind"]) == ("Anna Berg", "Mayor", "direct")
    assert row["text"] == "The bridge opens today."
    assert row["mention"] == "Mayor Anna Berg"


def test_speaker_first_with_and_without_that(extract):
    df = extract("Anna Berg said that the bridge is safe. Berg said it would open soon.")
    assert df["text"].tolist() == ["the bridge is safe", "it would open soon"]
    assert set(df["speaker"]) == {"Anna Berg"}
    assert set(df["kind"]) == {"indirect"}


def test_trailing_cue(extract):
    df = extract("The bridge will open in May, Anna Berg told reporters on Friday.")
    assert df.loc[0, "text"] == "The bridge will open in May"
    assert df.loc[0, "cue"] == "told"


def test_according_to_before_and_after(extract):
    df = extract(
        "According to Anna Berg, the bridge is safe. The road is closed, according to the police."
    )
    assert df["text"].tolist() == ["the bridge is safe", "The road is closed"]
    assert df["cue"].tolist() == ["According to", "according to"]
    assert df["speaker"].tolist() == ["Anna Berg", "the police"]


def test_multi_word_cue(extract):
    df = extract("Anna Berg pointed out that the bridge is safe.")
    assert df.loc[0, "cue"] == "pointed out"


def test_participle_is_its_own_statement(extract):
    df = extract("“It is safe,” Anna Berg said, adding that the bridge would open in May.")
    assert df["cue"].tolist() == ["said", "adding"]
    assert df["kind"].tolist() == ["direct", "indirect"]
    assert set(df["speaker"]) == {"Anna Berg"}
    assert df.loc[1, "text"] == "the bridge would open in May"


def test_two_cues_two_statements(extract):
    df = extract("Anna Berg said: “It is safe.” “It will open in May,” she added.")
    assert df["cue"].tolist() == ["said", "added"]
    assert df["text"].tolist() == ["It is safe.", "It will open in May"]
    assert df["speaker"].tolist() == ["Anna Berg", "Anna Berg"]


def test_multi_sentence_quote_is_one_statement(extract):
    df = extract("“It is safe. It is cheap. It is ready,” Anna Berg said.")
    assert len(df) == 1 and df.loc[0, "text"] == "It is safe. It is cheap. It is ready"


def test_interrupted_quote_is_one_statement(extract):
    df = extract("“The bridge,” Anna Berg said, “will open in May.”")
    assert len(df) == 1
    row = df.iloc[0]
    assert row["kind"] == "direct"
    assert row["text"].startswith("The bridge") and row["text"].endswith("open in May.")


def test_interrupted_indirect(extract):
    df = extract("The bridge, Anna Berg said, will open in May.")
    assert len(df) == 1
    assert df.loc[0, "text"].startswith("The bridge") and df.loc[0, "text"].endswith("May")


def test_mixed_statement(extract):
    df = extract("Anna Berg said the bridge was “a triumph of engineering” for the town.")
    assert df.loc[0, "kind"] == "mixed"
    assert df.loc[0, "text"] == "the bridge was “a triumph of engineering” for the town"


def test_floating_quote_continues_last_speaker(extract):
    df = extract(
        "“The bridge is safe,” Anna Berg said.\n\n“We checked it twice. Nobody needs to worry.”"
    )
    assert len(df) == 2
    floating = df.iloc[1]
    assert floating["speaker"] == "Anna Berg" and floating["cue"] == ""
    assert floating["mention"] is None and pd.isna(floating["cue_start"])
    assert floating["text"] == "We checked it twice. Nobody needs to worry."


def test_quote_over_paragraphs_is_one_statement(extract):
    df = extract("Anna Berg said: “The bridge is safe.\n\n“We checked it twice.”")
    assert len(df) == 1
    assert df.loc[0, "text"].startswith("The bridge is safe.")
    assert df.loc[0, "text"].endswith("We checked it twice.")
    assert df.loc[0, "paragraph"] == 1


def test_nested_statement(extract):
    df = extract("“As Mayor Anna Berg said, the bridge is safe,” the engineer Tom Hale said.")
    assert df["nested"].tolist() == [False, True]
    assert df.loc[0, "speaker"] == "Tom Hale"
    assert df.loc[1, "speaker"] == "Anna Berg" and df.loc[1, "text"] == "the bridge is safe"
    assert top(df).shape[0] == 1


def test_scare_quotes_and_titles_are_not_statements(extract):
    df = extract(
        "Critics called the plan a “vanity project”. The film “Bridges of Hope” opened "
        "on Friday. Nobody knew what “an open bridge” meant."
    )
    assert df.empty


def test_question_put_to_someone_is_context(extract):
    df = extract("When asked whether the bridge was safe, Anna Berg said it was.")
    assert len(df) == 1
    assert df.loc[0, "cue"] == "said" and df.loc[0, "text"] == "it was"


def test_narration_and_headline_are_not_statements(write_article):
    path = write_article(
        "Mayor Says Bridge Will Open\n\nThe bridge opened. Workers painted it red.\n"
    )
    assert extract_statements(load_article(path)).empty


def test_passive_and_modal_cues_are_not_statements(extract):
    df = extract("Anna Berg was told the bridge was late. Berg would say nothing about it.")
    assert df.empty


# ---------------------------------------------------------------- speakers


def test_title_becomes_role_and_surname_resolves(extract):
    df = extract(
        "On Monday, Harbour Commissioner Lena Brandt said the boats can pass. "
        "“They will,” Brandt added."
    )
    assert df["speaker"].tolist() == ["Lena Brandt", "Lena Brandt"]
    assert df["role"].tolist() == ["Harbour Commissioner", "Harbour Commissioner"]
    assert df["mention"].tolist() == ["Harbour Commissioner Lena Brandt", "Brandt"]


def test_description_resolves_by_role(extract):
    df = extract(
        "City spokesman Tom Hale said the road is open. Mayor Anna Berg said it is safe. "
        "The spokesman added that buses run again."
    )
    assert df["speaker"].tolist() == ["Tom Hale", "Anna Berg", "Tom Hale"]


def test_pronoun_resolves_by_gender(extract):
    df = extract(
        "Congresswoman Anna Berg said the road is open. Senator Tom Hale said it is not. "
        "She added that buses run again."
    )
    assert df["speaker"].tolist() == ["Anna Berg", "Tom Hale", "Anna Berg"]


def test_pronoun_with_no_speaker_is_unknown(extract):
    df = extract("“We will fight,” she said.")
    assert df.loc[0, "speaker"] == "unknown"


def test_description_with_no_fit_is_unknown(extract):
    df = extract("Anna Berg said the road is open. The ambassador said it is not.")
    assert df["speaker"].tolist() == ["Anna Berg", "unknown"]


def test_organisation_speaks(extract):
    df = extract(
        "The Northgate Transport Ministry said the road is open. The ministry added that "
        "buses run again."
    )
    assert df["speaker"].tolist() == ["Northgate Transport Ministry"] * 2


def test_unnamed_sources_stay_apart(extract):
    df = extract(
        "A senior official said the road is open. A local farmer said it is not. "
        "The official added that buses run again."
    )
    assert df["speaker"].tolist() == ["a senior official", "a local farmer", "a senior official"]


def test_several_speakers(extract):
    df = extract("Kurt Volker met Tim Morrison. Volker and Morrison said that the talks went well.")
    assert df["speaker"].tolist() == ["Kurt Volker; Tim Morrison"]


def test_canonical_name_is_the_longest(extract):
    df = extract("Berg said the road is open. Later, Mayor Anna Berg said it is safe.")
    assert df["speaker"].tolist() == ["Anna Berg", "Anna Berg"]


def test_sentence_initial_words_are_not_names(extract):
    df = extract("“Thank God, the road is open,” Anna Berg said.")
    people = set(df["speaker"])
    assert people == {"Anna Berg"}


# ---------------------------------------------------------------- typography


@pytest.mark.parametrize(
    "body",
    [
        '"The bridge is safe," Anna Berg said.',
        "“The bridge is safe,” Anna Berg said.",
        "«The bridge is safe,» Anna Berg said.",
        "‘The bridge is safe,’ Anna Berg said.",
        "'The bridge is safe,' Anna Berg said.",
        "''The bridge is safe,'' Anna Berg said.",
    ],
)
def test_quotation_marks(extract, body):
    df = extract(body)
    assert df["text"].tolist() == ["The bridge is safe"]
    assert df["kind"].tolist() == ["direct"]


def test_british_single_outside_double_inside(extract):
    df = extract("‘The “Bridge of Hope” plan is safe,’ Anna Berg said.")
    assert df["text"].tolist() == ["The “Bridge of Hope” plan is safe"]


def test_apostrophes_are_not_quotes(extract):
    df = extract(
        "‘Berg’s bridge won’t fall, and the engineers’ report from the ’90s agrees,’ "
        "Anna Berg said."
    )
    assert len(df) == 1
    assert df.loc[0, "text"] == (
        "Berg’s bridge won’t fall, and the engineers’ report from the ’90s agrees"
    )


def test_apostrophes_outside_quotes(extract):
    df = extract("Anna Berg’s view is that the Americans’ plan won’t work, Berg said.")
    assert len(df) == 1
    assert df.loc[0, "kind"] == "indirect"


def test_find_quotes_keeps_inner_quotes_inside():
    text = "He said “a ‘b’ c” and «d»."
    quotes = find_quotes(text, [(0, len(text))])
    assert [text[q.start : q.end] for q in quotes] == ["a ‘b’ c", "d"]


def test_unbalanced_opening_mark_is_recovered(extract):
    df = extract(
        "“We are ready. The bridge is safe, Anna Berg said.\n\n"
        "The council met on Monday. Tom Hale said that the vote was close."
    )
    assert df["speaker"].tolist() == ["Anna Berg", "Tom Hale"]
    assert df.loc[0, "text"] == "We are ready. The bridge is safe"
    assert df.loc[1, "text"] == "the vote was close"


def test_unbalanced_marks_never_lose_the_rest(extract):
    df = extract(
        "The bridge” is open, Anna Berg said.\n\n“Stray opening mark here.\n\n"
        "Tom Hale said that the vote was close after a long night of arguments about the "
        'money. "Another stray opening mark with no end\n\n'
        "Lena Brandt said that the road was shut."
    )
    assert "Tom Hale" in set(df["speaker"]) and "Lena Brandt" in set(df["speaker"])
    assert df[df["speaker"] == "Lena Brandt"].iloc[0]["text"] == "the road was shut"


# ---------------------------------------------------------------- harder speaker phrases


def test_relative_clause_and_age_between_speaker_and_cue(extract):
    df = extract("Anna Berg, 56, who has led the council since 2019, said the road is open.")
    assert df["speaker"].tolist() == ["Anna Berg"]
    assert df.loc[0, "mention"] == "Anna Berg"


def test_apposition_gives_the_name(extract):
    df = extract("The town's chief engineer, Tom Hale, told reporters that the bridge is safe.")
    assert df["speaker"].tolist() == ["Tom Hale"]
    assert df.loc[0, "role"] == "chief engineer"


def test_speaker_with_of_phrase(extract):
    df = extract(
        "“It was the least bad outcome,” Mr. Morgan of the Harbour Club said. "
        "A spokeswoman for the mayor said the talks would go on."
    )
    assert df["speaker"].tolist() == ["Morgan", "a spokeswoman for the mayor"]
    assert df.loc[0, "mention"] == "Mr. Morgan of the Harbour Club"
    assert df.loc[0, "role"] == ""  # Mr. is a form of address, not a role


def test_in_the_words_of_and_in_x_view(extract):
    df = extract(
        "In the words of the council's chief executive, Dana Whitfield, the repairs were "
        "“the biggest job in years”. In Whitfield’s view, the closure was worth it."
    )
    assert df["cue"].tolist() == ["In the words of", "In Whitfield’s view"]
    assert set(df["speaker"]) == {"Dana Whitfield"}
    assert df.loc[0, "kind"] == "mixed"


def test_unnamed_source_after_a_quote(extract):
    df = extract("“I waited two years,” wrote one passenger on the website.")
    assert df["speaker"].tolist() == ["one passenger"]


def test_nested_statement_in_a_reported_clause(extract):
    df = extract("Tom Hale added that Anna Berg had told him the trains would run every hour.")
    assert df["nested"].tolist() == [False, True]
    assert df.loc[1, "speaker"] == "Anna Berg"
    assert df.loc[1, "text"] == "the trains would run every hour"


def test_coordinated_clauses_are_two_top_level_statements(extract):
    df = extract(
        "Anna Berg said that the reforms were not complete, and Tom Hale warned that the "
        "money would run out."
    )
    assert df["nested"].tolist() == [False, False]
    assert df["text"].tolist() == ["the reforms were not complete", "the money would run out"]


def test_noun_uses_of_cue_words_are_not_cues(extract):
    df = extract(
        "The state of the bridge worried everyone. Editor’s note: the bridge is closed. "
        "Berg declined to comment on the report."
    )
    assert df.empty


def test_quoted_heading_is_not_a_floating_quote(extract):
    df = extract("“The bridge is safe,” Anna Berg said.\n\n‘All Bets Are Off.’")
    assert len(df) == 1


def test_the_company_refers_to_the_organisation_that_spoke(extract):
    df = extract(
        "The operator, Westmarsh Ferries, warned that fuel costs had risen. According to "
        "the company, tickets cover half of the costs."
    )
    assert df["speaker"].tolist() == ["Westmarsh Ferries", "Westmarsh Ferries"]
    assert df["mention"].tolist() == ["Westmarsh Ferries", "the company"]


def test_according_to_any_source_phrase(extract):
    df = extract(
        "According to exit polls, the mayor won easily. The vote was close, according to a "
        "new report by the Harbour Times."
    )
    assert df["speaker"].tolist() == ["exit polls", "a new report by the Harbour Times"]
    assert df["text"].tolist() == ["the mayor won easily", "The vote was close"]


def test_role_in_apposition_after_a_name_resolves_a_later_description(extract):
    df = extract(
        "“The bridge will open in May,” said Clara Voss, a spokeswoman for the county roads "
        "office.\n\n"
        "Councillor Peter Hale said that the budget was too small.\n\n"
        "The spokeswoman added that the contractor was on schedule."
    )
    assert df["speaker"].tolist() == ["Clara Voss", "Peter Hale", "Clara Voss"]
    assert df["mention"].tolist()[2] == "The spokeswoman"


def test_a_non_role_apposition_gives_no_role(extract):
    df = extract(
        "“We lost half the harvest,” said Tom Berg, a farmer from the valley.\n\n"
        "The spokesman declined to say more, but the spokesman said that talks would go on."
    )
    assert df["speaker"].tolist()[0] == "Tom Berg"
    assert df["role"].tolist()[0] == ""  # "farmer" is not one of our role nouns
    assert df["speaker"].tolist()[-1] == "unknown"  # no spokesman was ever named
