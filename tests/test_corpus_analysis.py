"""Tables and charts of notebook 05, on small hand-made corpus tables (invented names)."""

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402

from helpers import corpus_charts  # noqa: E402
from helpers.corpus_analysis import (  # noqa: E402
    NO_DATE,
    NO_OUTLET,
    cue_classes_by_outlet,
    failed_articles,
    load_corpus,
    outlet_overview,
    quoted_share_by_outlet,
    speakers_by_outlet,
    speakers_over_time,
    top_cues_by_outlet,
    top_speakers,
    top_terms_by_outlet,
)

COLUMNS = ["file", "outlet", "month", "statement", "speaker", "kind", "nested", "words"]
COLUMNS += ["quoted_words", "cue_lemma", "cue_class"]
ROWS = [
    # file, outlet, month, n, speaker, kind, nested, words, quoted, cue lemma, cue class
    ("a.txt", "Gazette", "2024-01", 1, "Olwen Marsh", "direct", False, 10, 10, "say", "neutral"),
    (
        "a.txt",
        "Gazette",
        "2024-01",
        2,
        "Olwen Marsh",
        "indirect",
        False,
        10,
        0,
        "claim",
        "evaluative",
    ),
    ("a.txt", "Gazette", "2024-01", 3, "Piet Varga", "mixed", True, 4, 2, "say", "neutral"),
    (
        "b.txt",
        "Gazette",
        "2024-02",
        1,
        "Olwen Marsh; Piet Varga",
        "direct",
        False,
        6,
        6,
        "say",
        "neutral",
    ),
    ("c.txt", "Herald", NO_DATE, 1, "unknown", "indirect", False, 8, 0, "", ""),
    ("c.txt", "Herald", NO_DATE, 2, "Rufus Quill", "mixed", False, 10, 5, "warn", "evaluative"),
]


@pytest.fixture
def statements():
    return pd.DataFrame(ROWS, columns=COLUMNS)


def test_top_speakers_counts_joint_statements_for_each_name_and_skips_nested(statements):
    table = top_speakers(statements)
    assert list(table["speaker"]) == ["Olwen Marsh", "Piet Varga", "Rufus Quill"]
    marsh = table.iloc[0]
    assert (marsh["statements"], marsh["direct"], marsh["indirect"], marsh["articles"]) == (
        3,
        2,
        1,
        2,
    )
    assert table.iloc[1]["statements"] == 1  # the nested statement is not counted
    assert "unknown" in set(top_speakers(statements, include_unknown=True)["speaker"])


def test_speakers_by_outlet_gives_shares_of_the_outlets_statements(statements):
    table = speakers_by_outlet(statements)
    gazette = table[table["outlet"] == "Gazette"].set_index("speaker")
    # the Gazette has 3 top-level statements; the joint one counts for both speakers
    assert gazette.loc["Olwen Marsh", "share_pct"] == 100.0
    assert gazette.loc["Piet Varga", "share_pct"] == pytest.approx(33.3)
    herald = table[table["outlet"] == "Herald"].set_index("speaker")
    assert herald.loc["unknown", "share_pct"] == 50.0


def test_speakers_over_time_orders_months_and_puts_undated_last(statements):
    table = speakers_over_time(statements, n=1)
    assert list(table["month"]) == ["2024-01", "2024-02", NO_DATE]
    assert list(table.columns) == ["month", "Olwen Marsh", "others"]
    assert list(table["Olwen Marsh"]) == [2, 1, 0]
    assert list(table["others"]) == [0, 1, 2]


def test_quoted_share_and_cue_classes_per_outlet(statements):
    quoted = quoted_share_by_outlet(statements).set_index("outlet")
    assert quoted.loc["Gazette", ["words", "quoted_words"]].tolist() == [26, 16]
    assert quoted.loc["Gazette", "quoted_pct"] == pytest.approx(61.5)
    assert quoted.loc["Herald", "direct_pct"] == 0.0
    cues = cue_classes_by_outlet(statements).set_index("outlet")
    assert cues.loc["Gazette", ["neutral", "evaluative", "total"]].tolist() == [2, 1, 3]
    assert cues.loc["Herald", "total"] == 1  # the statement without a cue is left out
    assert cues.loc["Herald", "evaluative_pct"] == 100.0
    top = top_cues_by_outlet(statements)
    assert top[top["outlet"] == "Gazette"]["cue"].tolist() == ["say", "claim"]


def test_terms_per_outlet_fold_case_and_rank_by_articles():
    terms = pd.DataFrame(
        [
            ("a.txt", "Gazette", "harbour bridge", 2),
            ("b.txt", "Gazette", "Harbour Bridge", 3),
            ("c.txt", "Gazette", "Harbour Bridge", 2),
            ("a.txt", "Gazette", "toll charges", 9),
        ],
        columns=["file", "outlet", "term", "count"],
    )
    table = top_terms_by_outlet(terms)
    assert table[["term", "articles", "count"]].values.tolist() == [
        ["Harbour Bridge", 3, 7],
        ["toll charges", 1, 9],
    ]


def test_outlet_overview_and_failed_articles():
    articles = pd.DataFrame(
        {
            "file": ["a.txt", "b.txt", "bad.txt"],
            "outlet": ["Gazette", "Gazette", NO_OUTLET],
            "date": ["2024-01-05", "2024-02-01", None],
            "words": pd.array([200, 300, None], dtype="Int64"),
            "statements": pd.array([4, 1, None], dtype="Int64"),
            "status": ["ok", "ok", "failed"],
            "error": [None, None, "bad.txt is empty — …"],
        }
    )
    table = outlet_overview(articles).set_index("outlet")
    assert table.loc["Gazette", ["articles", "failed", "words", "statements"]].tolist() == [
        2,
        0,
        500,
        5,
    ]
    assert table.loc["Gazette", "per_1000_words"] == 10.0
    assert (table.loc["Gazette", "first_date"], table.loc["Gazette", "last_date"]) == (
        "2024-01-05",
        "2024-02-01",
    )
    assert table.loc[NO_OUTLET, "failed"] == 1
    assert failed_articles(articles)["file"].tolist() == ["bad.txt"]


def test_empty_tables_give_empty_tables_and_labelled_charts(statements):
    empty = statements.iloc[0:0]
    for fn in (top_speakers, speakers_by_outlet, quoted_share_by_outlet, cue_classes_by_outlet):
        assert fn(empty).empty
    charts = [
        (corpus_charts.top_speakers_chart, top_speakers(empty)),
        (corpus_charts.speakers_by_outlet_chart, speakers_by_outlet(empty)),
        (corpus_charts.speakers_over_time_chart, speakers_over_time(empty)),
        (corpus_charts.quoted_share_by_outlet_chart, quoted_share_by_outlet(empty)),
        (corpus_charts.cue_classes_by_outlet_chart, cue_classes_by_outlet(empty)),
    ]
    for chart, table in charts:
        ax = chart(table)
        assert ax.get_title() and any("No " in t.get_text() for t in ax.texts), chart.__name__
        plt.close(ax.figure)


def test_charts_draw_one_bar_per_row(statements):
    ax = corpus_charts.top_speakers_chart(top_speakers(statements))
    assert len(ax.patches) == 3 * 3  # three speakers, one bar segment per kind
    plt.close(ax.figure)
    ax = corpus_charts.speakers_by_outlet_chart(speakers_by_outlet(statements))
    assert len(ax.patches) == len(speakers_by_outlet(statements))
    plt.close(ax.figure)


def test_load_corpus_builds_the_shipped_corpus_and_labels_missing_outlets(tmp_path):
    corpus = load_corpus(tables_path=tmp_path / "tables")
    assert corpus.summary.found == len(corpus.articles) >= 6
    assert set(corpus.statements["outlet"]) >= {"TASS"}
    again = load_corpus(tables_path=tmp_path / "tables")  # read as it is
    assert again.summary is None and len(again.statements) == len(corpus.statements)
    one = tmp_path / "one.txt"
    one.write_text("Market reopens\n\nThe market reopened on Friday.\n", encoding="utf-8")
    single = load_corpus(one)
    assert single.articles[["outlet", "month"]].values.tolist() == [[NO_OUTLET, NO_DATE]]


def test_make_report_corpus_runs_the_corpus_notebook_on_a_folder(tmp_path, capsys):
    from helpers.cli import main
    from helpers.report import notebook_paths

    corpus_notebooks = notebook_paths(corpus=True)
    assert [p.name for p in corpus_notebooks] == ["05_across_a_corpus.ipynb"]
    assert not set(corpus_notebooks) & set(notebook_paths())  # not in article reports
    folder = tmp_path / "harbour news"
    folder.mkdir()
    (folder / "one.txt").write_text(
        "Ferry fares rise\n\n“Fares must rise,” said Ilsa Brandvik, the operator's chief.\n",
        encoding="utf-8",
    )
    (folder / "metadata.csv").write_text(
        "file,outlet,date\none.txt,Harbour Post,2025-04-02\n", encoding="utf-8"
    )
    assert main(["report", "--corpus", str(folder), "--out", str(tmp_path / "out")]) == 0
    report = tmp_path / "out" / "corpus-harbour news"
    names = sorted(p.name for p in report.iterdir() if not p.name.startswith("."))
    assert names == ["05_across_a_corpus.html", "index.html", "report.html"]
    index = (report / "index.html").read_text(encoding="utf-8")
    assert "<th>Corpus</th>" in index and "1 article from 1 outlet" in index
    combined = (report / "report.html").read_text(encoding="utf-8")
    assert "Ilsa Brandvik" in combined and "Harbour Post" in combined
    assert "corpus_path" not in combined  # no code, no parameters in the handout
    assert main(["report", "--corpus", str(folder / "one.txt")]) == 2
    assert "is not a folder" in capsys.readouterr().err
