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


# ---------------------------------------------------------------- headline and narration
# (the rules for each construction are tables in tests/test_statement_rules.py)


def test_narration_and_headline_are_not_statements(write_article):
    path = write_article(
        "Mayor Says Bridge Will Open\n\nThe bridge opened. Workers painted it red.\n"
    )
    assert extract_statements(load_article(path)).empty


def test_cue_index_finds_what_a_scan_of_each_range_finds():
    """The extractor takes a sentence's cue candidates from one scan of the whole text; for any
    range ending at a word's edge they are the candidates a scan of that range alone finds, and
    a range the index says has none has none."""
    import random

    from helpers.paths import ARTICLES_DIR
    from helpers.statements.cues import CueIndex, Sentence, candidates
    from helpers.statements.lexicon import lexicons

    lex = lexicons()
    rng = random.Random(7)
    checked = empty = 0
    for path in sorted(ARTICLES_DIR.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        index = CueIndex(text, lex)
        for _ in range(300):
            a = rng.randrange(len(text))
            b = min(len(text), a + rng.randrange(1, 400))
            sent = Sentence(text, text, a, b, [], [], False)
            if not index.covers(a, b):
                continue
            checked += 1
            scanned = candidates(sent, lex)
            assert candidates(sent, lex, index) == scanned, (path.name, a, b)
            empty += index.has_none(a, b)
            assert not (index.has_none(a, b) and scanned), (path.name, a, b)
    assert checked > 500
    assert 50 < empty < checked  # ranges with and without candidates were both checked


def random_ranges(pieces: list[str], gaps: list[str], words: int, n: int, seed: int):
    """n random texts of `words` pieces joined by gaps, each with a random range (lo, hi)."""
    import random

    rng = random.Random(seed)
    for _ in range(n):
        text = "".join(rng.choice(pieces) + rng.choice(gaps) for _ in range(words))
        lo = rng.randrange(len(text))
        yield text, lo, rng.randrange(lo, len(text) + 1)


def test_phrase_tokens_are_those_of_the_plain_pattern():
    """The phrase tokeniser's pattern opens its abbreviation branches with look-aheads, for
    speed; on any text and range it finds the tokens of the plain pattern it stands for."""
    import re

    from helpers.statements.words import tokens

    plain = re.compile(
        r"(?:Mr|Mrs|Ms|Dr|St|Sen|Rep|Gov|Gen|Lt|Col|Capt|Sgt|Prof|Rev|Hon|[A-Z])\.(?=\s)"
        r"|(?:Jr|Sr|Co|Corp|Inc|Ltd|Bros)\.(?=[\s,]|$)"
        r"|(?:Jan|Feb|Mar|Apr|Aug|Sept?|Oct|Nov|Dec)\.(?=\s\d)"
        r"|[A-Za-z](?:\.[A-Za-z])+\.?|[\w][\w’'.-]*(?<![.’'])|\x00+|[^\w\s]"
    )
    pieces = "Mr. Mrs. Sgt. Capt. Sept. Sep. Jr. Inc. Nov. Dec U.S. e.g. P. A. Tom Ann".split()
    pieces += ["said", "well-known", "O’Neil", "ends.", "9", "12", ",", "’", "(", "\x00\x00", "é"]
    gaps = ["", " ", "\n", " ", "  "]
    for text, lo, hi in random_ranges(pieces, gaps, words=8, n=3000, seed=11):
        expected = [(m.start(), m.end(), m.group()) for m in plain.finditer(text, lo, hi)]
        assert tokens(text, lo, hi) == expected, (text, lo, hi)


@pytest.mark.parametrize(
    "word, number",
    [
        ("70", True),
        ("1,200", True),
        ("12.5", True),
        ("twelve", True),
        ("Fifty-one", True),
        ("dozens", True),
        ("fifty-", False),
        ("3-year-old", False),
        ("1990s", False),
        ("twenty-Cats", False),
        ("officials", False),
        ("", False),
        ("²", False),
    ],
)
def test_is_number(word, number):
    """Numbers in digits or words open a counted group (`70 percent`, `two officials`)."""
    from helpers.statements.grammar import is_number

    assert is_number(word) is number


def test_gender_pronouns_are_those_of_the_plain_pattern():
    """The gender-pronoun pattern opens with its first letters written out, for speed; on any
    text and range it finds what the plain case-blind pattern finds."""
    import re

    from helpers.statements.genders import _GENDER_PRONOUN

    plain = re.compile(
        r"(?<![\w’'])(?:he|she|his|himself|herself"
        r"|her(?=\s+[a-z])(?!\s+(?:that|to|a|an|the|and|or|in|on|at|for|with|about|as|if|from"
        r"|by|of|was|is|when|because|but|not|into|up|out|back|off|down|over)\b))(?![\w’'])",
        re.I,
    )
    pieces = "he He HE she She his HIS himself Herself her HER Ashe sheer hers o’he x-he".split()
    pieces += ["staff", "Staff", "that", "to", "over", "the", ",", ".", "’", "'", "9"]
    gaps = ["", " ", "  ", "\n", "-"]
    for text, lo, hi in random_ranges(pieces, gaps, words=6, n=4000, seed=13):
        got = [(m.span(), m.group()) for m in _GENDER_PRONOUN.finditer(text, lo, hi)]
        assert got == [(m.span(), m.group()) for m in plain.finditer(text, lo, hi)], (text, lo)


def test_lazy_tokens_read_as_the_token_list():
    """The content rules read the tokens after a cue lazily; whatever is asked (an index, a
    slice, the length, a loop, in any order), the answers are those of the token list."""
    import random

    from helpers.statements.words import LazyTokens, tokens

    text = "Anna Berg said on Monday, however, that Mr. Lind’s ferry (the 5,000-ton one) was late."
    rng = random.Random(3)
    for _ in range(500):
        lo = rng.randrange(len(text))
        hi = rng.randrange(lo, len(text) + 1)
        full, lazy = tokens(text, lo, hi), LazyTokens(text, lo, hi)
        for _ in range(4):
            k = rng.randrange(-3, len(full) + 3)
            op = rng.choice(["index", "slice", "open slice", "len", "iter", "bool"])
            if op == "index" and -len(full) <= k < len(full):
                assert lazy[k] == full[k]
            elif op == "index":
                with pytest.raises(IndexError):
                    lazy[k]
            elif op == "slice":
                assert lazy[k : k + 3] == full[k : k + 3]
            elif op == "open slice":
                assert lazy[k:] == full[k:]
            elif op == "len":
                assert len(lazy) == len(full)
            elif op == "iter":
                assert list(lazy) == full
            else:
                assert bool(lazy) == bool(full)
