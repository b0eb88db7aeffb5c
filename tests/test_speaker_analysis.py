"""Speaker tables on a hand-made statements table that follows the statements contract."""

import re

import pandas as pd
import pytest

from helpers import load_article
from helpers.paths import NOTEBOOKS_DIR
from helpers.speaker_analysis import (
    count_words,
    cue_class,
    cue_class_counts,
    cue_lemma,
    cue_table,
    quoted_share,
    quoted_spans,
    readable_statements,
    section_starts,
    shorten,
    sourcing_summary,
    speaker_order,
    split_speakers,
    statements_by_kind,
    timeline_points,
    timeline_table,
    unquoted_people,
)

ARTICLE = """Council row over budget

Mayor Anna Berg said the budget was fair. “We kept every school open,” she said.

Councillor Tom Hale claimed that the plan “cuts parks by half.” He added that no one was asked.

“It’s a good plan,” Berg reminded. “We won’t change it.”

“As Governor Lee Park said, money is short,” Hale said. Hale and Berg said they hope to meet again.

Local trader Sam Ode was not available.
"""

COLUMNS = [
    "speaker", "role", "mention", "mention_start", "mention_end", "kind", "cue", "cue_start",
    "cue_end", "text", "start", "end", "paragraph", "nested",
]  # fmt: skip


def contract_frame(rows: list[dict]) -> pd.DataFrame:
    """A DataFrame with exactly the contract's columns and dtypes."""
    df = pd.DataFrame(rows, columns=COLUMNS)
    for col in ("mention_start", "mention_end", "cue_start", "cue_end"):
        df[col] = df[col].astype("Int64")
    return df.astype({"start": "int64", "end": "int64", "paragraph": "int64", "nested": "bool"})


@pytest.fixture(scope="module")
def article(tmp_path_factory):
    path = tmp_path_factory.mktemp("speakers") / "council.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return load_article(path)


@pytest.fixture(scope="module")
def statements(article):
    """Eight statements as the extractor should report them, offsets into the article."""
    t = article.text

    def span(needle: str, after: int = 0) -> tuple[int, int]:
        s = t.index(needle, after)
        return s, s + len(needle)

    rows = []

    def add(speaker, role, mention, kind, cue, content, nested=False, near=""):
        after = t.index(near) if near else 0
        s, e = span(content, after)
        ms, me = span(mention, after) if mention else (None, None)
        cs, ce = span(cue, after) if cue else (None, None)
        rows.append(
            dict(speaker=speaker, role=role, mention=mention, mention_start=ms, mention_end=me,
                 kind=kind, cue=cue, cue_start=cs, cue_end=ce, text=t[s:e], start=s, end=e,
                 paragraph=article.paragraph_at(s), nested=nested)
        )  # fmt: skip

    add("Anna Berg", "Mayor", "Mayor Anna Berg", "indirect", "said", "the budget was fair")
    add("Anna Berg", "Mayor", "she", "direct", "said", "We kept every school open,", near="“We")
    add("Tom Hale", "Councillor", "Councillor Tom Hale", "mixed", "claimed",
        "the plan “cuts parks by half.”")  # fmt: skip
    add("Tom Hale", "Councillor", "He", "indirect", "added", "no one was asked")
    add("Anna Berg", "Mayor", "Berg", "direct", "reminded",
        "It’s a good plan,” Berg reminded. “We won’t change it.")  # fmt: skip
    add("Tom Hale", "Councillor", "Hale", "direct", "said",
        "As Governor Lee Park said, money is short,", near="“As")  # fmt: skip
    add("Lee Park", "Governor", "Governor Lee Park", "indirect", "said", "money is short",
        nested=True, near="Governor")  # fmt: skip
    add("Tom Hale; Anna Berg", "", "Hale and Berg", "indirect", "said",
        "they hope to meet again", near="Hale and")  # fmt: skip
    df = contract_frame(rows)
    assert all(article.text[s:e] == x for s, e, x in zip(df.start, df.end, df.text, strict=True))
    return df


@pytest.fixture(scope="module")
def people(article):
    t = article.text
    return pd.DataFrame(
        {
            "name": ["Anna Berg", "Tom Hale", "Lee Park", "Sam Ode"],
            "role": ["Mayor", "Councillor", "Governor", "Local trader"],
            "mentions": [3, 4, 1, 1],
            "first_start": [t.index("Anna"), t.index("Tom"), t.index("Lee"), t.index("Sam")],
        }
    )


@pytest.fixture
def empty():
    return contract_frame([])


def test_split_speakers():
    assert split_speakers("Kurt Volker; Tim Morrison") == ["Kurt Volker", "Tim Morrison"]
    assert split_speakers("unknown") == ["unknown"]
    assert split_speakers("") == ["unknown"]
    assert split_speakers(None) == ["unknown"] and split_speakers(float("nan")) == ["unknown"]


def test_statements_by_kind_counts_top_level_and_credits_joint_speakers(statements):
    table = statements_by_kind(statements)
    assert list(table.columns) == ["speaker", "direct", "indirect", "mixed", "total"]
    # a tie on 4 statements: the one who speaks first comes first
    assert table.to_dict("records") == [
        {"speaker": "Anna Berg", "direct": 2, "indirect": 2, "mixed": 0, "total": 4},
        {"speaker": "Tom Hale", "direct": 1, "indirect": 2, "mixed": 1, "total": 4},
    ]


def test_statements_by_kind_with_nested(statements):
    table = statements_by_kind(statements, include_nested=True)
    assert list(table["speaker"]) == ["Anna Berg", "Tom Hale", "Lee Park"]
    assert table.iloc[2].to_dict() == {
        "speaker": "Lee Park", "direct": 0, "indirect": 1, "mixed": 0, "total": 1
    }  # fmt: skip


def test_speaker_order_puts_most_statements_first():
    df = contract_frame(
        [
            dict(speaker=s, role="", mention=None, kind="direct", cue="said", text="x",
                 start=i * 10, end=i * 10 + 1, paragraph=i + 1, nested=False)
            for i, s in enumerate(["A", "B", "B", "unknown"])
        ]
    )  # fmt: skip
    assert speaker_order(df) == ["B", "A", "unknown"]


@pytest.mark.parametrize(
    "cue, lemma",
    [
        ("said", "say"),
        ("says", "say"),
        ("told", "tell"),
        ("reminded", "remind"),
        ("pointed out", "point out"),
        ("noting", "note"),
        ("admitted", "admit"),
        ("denied", "deny"),
        ("stresses", "stress"),
        ("adding", "add"),
        ("has said", "say"),
        ("told reporters", "tell"),
        ("According to", "according to"),
        ("in Peskov’s words", "in x's words"),
        ("In Jane Doe’s view", "in x's view"),
        ("In the words of", "in the words of"),
        ("quipped", "quip"),
        ("chuckled", "chuckled"),
    ],
)
def test_cue_lemma(cue, lemma):
    assert cue_lemma(cue) == lemma


def test_cue_class():
    assert cue_class("said").cls == "neutral"
    assert cue_class("according to").cls == "neutral"
    assert cue_class("reminded").cls == "evaluative"
    assert cue_class("claimed").cls == "evaluative"
    assert cue_class("pointed out").lemma == "point out"
    unknown = cue_class("chuckled")
    assert (unknown.lemma, unknown.cls) == ("chuckled", "unclassified")


def test_cue_table(statements):
    cues = cue_table(statements)
    assert list(cues.columns) == ["speaker", "cue", "class", "framing", "count", "forms"]
    got = [(r.speaker, r.cue, r["class"], r["count"], r.forms) for _, r in cues.iterrows()]
    assert got == [
        ("Anna Berg", "say", "neutral", 3, ["said"]),
        ("Anna Berg", "remind", "evaluative", 1, ["reminded"]),
        ("Tom Hale", "say", "neutral", 2, ["said"]),
        ("Tom Hale", "add", "neutral", 1, ["added"]),
        ("Tom Hale", "claim", "evaluative", 1, ["claimed"]),
    ]


def test_cue_table_leaves_out_floating_quotes():
    df = contract_frame(
        [
            dict(speaker="A", role="", mention="A", kind="direct", cue="says", text="x",
                 start=0, end=1, paragraph=1, nested=False),
            dict(speaker="A", role="", mention=None, kind="direct", cue="", text="y",
                 start=5, end=6, paragraph=2, nested=False),
        ]
    )  # fmt: skip
    cues = cue_table(df)
    assert list(cues["cue"]) == ["say"] and list(cues["count"]) == [1]


def test_cue_class_counts(statements):
    table = cue_class_counts(cue_table(statements))
    assert table.to_dict("records") == [
        {"speaker": "Anna Berg", "neutral": 3, "evaluative": 1, "unclassified": 0, "total": 4,
         "evaluative_pct": 25.0},
        {"speaker": "Tom Hale", "neutral": 3, "evaluative": 1, "unclassified": 0, "total": 4,
         "evaluative_pct": 25.0},
    ]  # fmt: skip


def test_timeline(statements):
    table = timeline_table(statements, n_paragraphs=5)
    assert list(table.columns) == [1, 2, 3, 4, 5]
    assert table.loc["Anna Berg"].tolist() == [2, 0, 1, 1, 0]
    assert table.loc["Tom Hale"].tolist() == [0, 2, 0, 2, 0]
    points = timeline_points(statements)
    assert len(points) == 8 and points["count"].sum() == 8
    assert points.iloc[0].to_dict() == {
        "speaker": "Anna Berg", "paragraph": 1, "kind": "direct", "count": 1
    }  # fmt: skip


def test_quoted_spans():
    text = "It’s a good plan,” Berg reminded. “We won’t change it."
    spans = quoted_spans(text, starts_inside=True)
    assert [text[s:e] for s, e in spans] == ["It’s a good plan,", "We won’t change it."]
    mixed = "the plan “cuts parks by half.”"
    assert [mixed[s:e] for s, e in quoted_spans(mixed)] == ["cuts parks by half."]
    straight = 'that "action is taken" now'
    assert [straight[s:e] for s, e in quoted_spans(straight)] == ["action is taken"]
    british = "Fine,’ she said, ‘it’s the Americans’ turn."
    assert [british[s:e] for s, e in quoted_spans(british, starts_inside=True)] == [
        "Fine,",
        "it’s the Americans’ turn.",
    ]
    # an apostrophe at the end of a plural is not a closing mark in a double-quoted text
    assert quoted_spans("the Americans’ decision”, he said", starts_inside=True) == [(0, 23)]


def test_count_words():
    assert count_words("the budget was fair") == (4, 0)
    assert count_words("the plan “cuts parks by half.”", "mixed") == (6, 4)
    # "It’s" is two tokens (It + ’s); "Berg reminded" is outside the marks
    assert count_words("It’s a good plan,” Berg reminded. “We won’t change it.", "direct") == (
        11,
        9,
    )


def test_quoted_share(statements):
    table = quoted_share(statements)
    assert list(table.columns) == [
        "speaker", "statements", "words", "quoted_words", "quoted_pct", "share_of_quotes_pct"
    ]  # fmt: skip
    assert table.to_dict("records") == [
        {"speaker": "Anna Berg", "statements": 4, "words": 25, "quoted_words": 14,
         "quoted_pct": 56.0, "share_of_quotes_pct": 53.8},
        {"speaker": "Tom Hale", "statements": 4, "words": 23, "quoted_words": 12,
         "quoted_pct": 52.2, "share_of_quotes_pct": 46.2},
    ]  # fmt: skip


def test_unquoted_people(statements, people, article):
    table = unquoted_people(people, statements)
    assert list(table.columns) == ["name", "role", "mentions", "first_start", "nested_statements"]
    assert list(table["name"]) == ["Lee Park", "Sam Ode"]
    assert list(table["nested_statements"]) == [1, 0]
    with_paragraph = unquoted_people(people, statements, article)
    assert list(with_paragraph["first_paragraph"]) == [4, 5]


def test_readable_statements(statements):
    table = readable_statements(statements, width=20)
    assert list(table.columns) == ["paragraph", "speaker", "kind", "cue", "text", "nested"]
    assert len(table) == 8 and table["nested"].sum() == 1
    assert table.loc[4, "text"] == "It’s a good plan,”…"
    assert len(readable_statements(statements, include_nested=False)) == 7
    assert shorten("one two three", 9) == "one two…" and shorten("short", 9) == "short"


def test_readable_statements_marks_floating_quotes():
    df = contract_frame(
        [dict(speaker="A", role="", mention=None, kind="direct", cue="", text="More.",
              start=0, end=5, paragraph=2, nested=False)]
    )  # fmt: skip
    assert readable_statements(df).loc[0, "cue"] == "(continues)"


def test_sourcing_summary(statements, empty):
    summary = dict(sourcing_summary(statements, n_paragraphs=5).itertuples(index=False))
    assert summary["statements (top level)"] == 7
    assert (summary["direct"], summary["indirect"], summary["mixed"]) == (3, 3, 1)
    assert summary["nested statements (reported inside another)"] == 1
    assert summary["named speakers"] == 2
    assert summary["statements with an unknown speaker"] == 0
    assert summary["paragraphs with a statement"] == 4
    assert summary["% of paragraphs with a statement"] == 80.0
    none = dict(sourcing_summary(empty, n_paragraphs=3).itertuples(index=False))
    assert none["statements (top level)"] == 0 and none["% of paragraphs with a statement"] == 0


def test_everything_works_on_no_statements(empty, people):
    assert statements_by_kind(empty).empty
    assert list(statements_by_kind(empty).columns)[-1] == "total"
    assert cue_table(empty).empty and cue_class_counts(cue_table(empty)).empty
    assert timeline_points(empty).empty
    assert timeline_table(empty, 3).shape == (0, 3)
    assert quoted_share(empty).empty
    assert list(unquoted_people(people, empty)["name"]) == [
        "Tom Hale", "Anna Berg", "Lee Park", "Sam Ode"
    ]  # fmt: skip
    assert unquoted_people(people.iloc[0:0], empty).empty


def test_only_unknown_speaker():
    df = contract_frame(
        [dict(speaker="unknown", role="", mention=None, kind="indirect", cue="it was reported",
              text="talks will go on", start=0, end=16, paragraph=1, nested=False)]
    )  # fmt: skip
    assert statements_by_kind(df)["speaker"].tolist() == ["unknown"]
    assert cue_table(df)["cue"].tolist() == ["report"]
    assert quoted_share(df).iloc[0]["quoted_pct"] == 0.0


NO_QUOTES = """Harbour reopens after storm

The harbour reopened on Monday after a week of repairs to the northern pier.

Fishing boats returned to their moorings in the afternoon. Repairs cost less than planned.
"""


def test_notebook_02_runs_on_an_article_without_quotes(tmp_path, monkeypatch):
    import nbformat
    import papermill

    monkeypatch.setenv("MPLBACKEND", "module://matplotlib_inline.backend_inline")
    monkeypatch.setenv("PYDEVD_DISABLE_FILE_VALIDATION", "1")
    path = tmp_path / "harbour.txt"
    path.write_text(NO_QUOTES, encoding="utf-8")
    nb = papermill.execute_notebook(
        str(NOTEBOOKS_DIR / "02_who_speaks.ipynb"),
        str(tmp_path / "out.ipynb"),
        parameters={"article_path": str(path)},
        kernel_name="python3",
        cwd=str(tmp_path),
        progress_bar=False,
    )
    nb = nbformat.from_dict(nb)
    outputs = [o for c in nb.cells if c.cell_type == "code" for o in c.get("outputs", [])]
    assert not [o for o in outputs if o.get("output_type") == "error"]
    assert not [o for o in outputs if o.get("name") == "stderr"]
    html = "".join(o.get("data", {}).get("text/html", "") for o in outputs)
    # the summary says zero statements, and every chart was drawn
    assert re.search(r">statements \(top level\)</td>\s*<td[^>]*>0</td>", html)
    assert re.search(r">named speakers</td>\s*<td[^>]*>0</td>", html)
    images = [o for o in outputs if "image/png" in o.get("data", {})]
    assert len(images) == 4
    printed = "".join(o.get("text", "") for o in outputs if o.get("output_type") == "stream")
    assert "Harbour reopens after storm" in printed


def test_every_cue_of_the_extractor_has_a_class():
    """One lexicon serves both: every form the extractor looks for folds to its own lemma's
    class in notebook 02 (the forms are made by the extractor, the folding by cue_class)."""
    from helpers.statements.lexicon import cue_entries, lexicons

    classes = {cls for cls, *_ in cue_entries()}
    assert classes == {"neutral", "evaluative"}
    forms = lexicons().verb_forms
    checked, missing = 0, []
    for form, lemma in forms.items():
        checked += 1
        got = cue_class(form)
        if got.cls == "unclassified" or got.lemma.lower() != lemma:
            missing.append(form)
    assert checked > 200
    assert not missing, f"cue_class cannot fold these cue forms: {missing}"


def test_tables_agree_with_the_extractor_on_the_bundled_article(bundled):
    from helpers.statements import extract_statements, mentioned_people, speakers_table

    statements = extract_statements(bundled)
    kinds = statements_by_kind(statements)
    theirs = speakers_table(statements)
    theirs = theirs[theirs["statements"] > 0].set_index("speaker")
    ours = kinds.set_index("speaker")
    assert set(ours.index) == set(theirs.index)
    for col in ("direct", "indirect", "mixed"):
        assert ours[col].to_dict() == theirs[col].astype(int).to_dict()
    # every cue the extractor finds in the bundled article has a class
    cues = cue_table(statements)
    assert len(cues) and "unclassified" not in set(cues["class"])
    shares = quoted_share(statements)
    assert shares["share_of_quotes_pct"].sum() == pytest.approx(100, abs=0.2)
    assert (shares["quoted_words"] <= shares["words"]).all()
    # nobody is both a speaker and "never quoted"
    silent = unquoted_people(mentioned_people(bundled), statements, bundled)
    assert not set(silent["name"]) & set(ours.index)
    table = timeline_table(statements, len(bundled.paragraphs))
    assert table.shape[1] == len(bundled.paragraphs)
    assert table.to_numpy().sum() == kinds["total"].sum()


def test_section_starts(write_article):
    text = (
        "Head\n\nFirst paragraph here.\n\nA subheading\n\nSecond one.\n\nThird one.\n\nEnd note\n"
    )
    article = load_article(write_article(text))
    assert section_starts(article) == [(2, "A subheading")]
