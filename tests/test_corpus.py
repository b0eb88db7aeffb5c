"""Corpus mode: the shipped corpus plus three bad files to four Parquet tables, resumed, on Dask."""

import shutil

import pandas as pd
import pytest

from helpers import load_article
from helpers.cli import main
from helpers.corpus import (
    FAILED,
    OK,
    TABLES,
    CorpusError,
    Progress,
    build_corpus,
    find_articles,
    month_of,
    read_table,
)
from helpers.output import table_records
from helpers.paths import ARTICLES_DIR
from helpers.statements import COLUMNS, SPEAKER_COLUMNS, extract_statements, speakers_table
from helpers.terms import recurring_terms, term_records

SHIPPED = sorted(p.name for p in ARTICLES_DIR.glob("*.txt"))
BAD = {
    "scanned_page.txt": "binary file",
    "blank_page.txt": "is empty",
    "latin_page.txt": "is not UTF-8",
}
N = len(SHIPPED) + len(BAD)  # articles in the test corpus
TIMEOUT = 120  # seconds: a cluster test fails instead of hanging


def _corpus(folder):
    """The shipped articles with their metadata.csv, and a binary, an empty, a Latin-1 file."""
    shutil.copytree(ARTICLES_DIR, folder)
    (folder / "scanned_page.txt").write_bytes(b"PK\x03\x04\x00\x00binary\x00data" * 20)
    (folder / "blank_page.txt").write_bytes(b"")
    (folder / "latin_page.txt").write_bytes(
        "Caf\u00e9 owners object\n\nThe caf\u00e9 owners said the rent was too high.\n".encode(
            "latin-1"
        )
    )
    return folder


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    return _corpus(tmp_path_factory.mktemp("in") / "news")


@pytest.fixture(scope="module")
def built(corpus, tmp_path_factory):
    out = tmp_path_factory.mktemp("out") / "tables"
    summary = build_corpus([corpus], out, workers=1, batch_size=2)
    return out, summary


def _tables(out) -> dict[str, list[dict]]:
    return {name: table_records(read_table(out, name)) for name in TABLES}


def _rows(table: pd.DataFrame, file: str, columns: list[str]) -> list[dict]:
    return table_records(table[table["file"] == file][columns])


def test_the_four_tables_have_a_row_per_article_statement_speaker_and_term(built):
    out, summary = built
    articles = read_table(out, "articles")
    assert sorted(articles["file"]) == sorted(SHIPPED + list(BAD))
    assert (summary.found, summary.processed, summary.failed) == (N, N, 3)
    ok = articles[articles["status"] == OK]
    assert sorted(ok["file"]) == SHIPPED
    statements = read_table(out, "statements")
    speakers = read_table(out, "speakers")
    terms = read_table(out, "terms")
    n_statements = n_speakers = n_terms = 0
    for name in SHIPPED:
        article = load_article(ARTICLES_DIR / name)
        table = extract_statements(article)
        n_statements += len(table)
        n_speakers += len(speakers_table(table))
        n_terms += len(recurring_terms(article))
        row = ok[ok["file"] == name].iloc[0]
        assert row["statements"] == int((~table["nested"]).sum())
        assert row["paragraphs"] == len(article.paragraphs)
        assert row["headline"] == article.headline.text
    assert (len(statements), len(speakers), len(terms)) == (n_statements, n_speakers, n_terms)
    assert n_statements > 50 and n_terms > 10


def test_bad_files_are_failed_rows_with_their_reason(built):
    out, _ = built
    articles = read_table(out, "articles").set_index("file")
    for name, reason in BAD.items():
        assert articles.loc[name, "status"] == FAILED
        assert reason in articles.loc[name, "error"] and name in articles.loc[name, "error"]
        assert pd.isna(articles.loc[name, "words"])
    assert articles.loc[SHIPPED, "error"].isna().all()
    statements = read_table(out, "statements")
    assert not set(statements["file"]) & set(BAD)


def test_each_article_has_the_statements_of_the_single_article_command(built):
    out, _ = built
    statements = read_table(out, "statements")
    speakers = read_table(out, "speakers")
    terms = read_table(out, "terms")
    for name in SHIPPED:
        article = load_article(ARTICLES_DIR / name)
        table = extract_statements(article)
        assert _rows(statements, name, COLUMNS) == table_records(table), name
        assert _rows(speakers, name, SPEAKER_COLUMNS) == table_records(speakers_table(table)), name
        want = recurring_terms(article)[["term", "count", "words"]]
        assert _rows(terms, name, ["term", "count", "words"]) == table_records(want), name


def test_outlet_and_date_come_from_metadata_csv_and_partition_the_tables(built):
    out, _ = built
    articles = read_table(out, "articles").set_index("file")
    tass = "tass_2021-03-19_putin-biden-talks.txt"
    assert (articles.loc[tass, "outlet"], articles.loc[tass, "month"]) == ("TASS", "2021-03")
    assert articles.loc[tass, "date"] == "2021-03-19"
    assert articles.loc["blank_page.txt", "outlet"] == ""  # not in metadata.csv
    assert (out / "statements" / "outlet=TASS" / "month=2021-03").is_dir()
    # one outlet, or one month, is read alone; plain pandas reads the partitions too
    only = read_table(out, "statements", outlet="TASS")
    assert len(only) and set(only["file"]) == {tass}
    assert set(read_table(out, "articles", month="2021-03")["file"]) == {tass}
    assert len(pd.read_parquet(out / "statements")) == len(read_table(out, "statements"))


def test_a_second_run_skips_every_article(built, corpus):
    out, _ = built
    before = _tables(out)
    parts = sorted(p.relative_to(out) for p in out.rglob("*.parquet"))
    summary = build_corpus([corpus], out, workers=1)
    assert (summary.skipped, summary.processed) == (N, 0)
    assert sorted(p.relative_to(out) for p in out.rglob("*.parquet")) == parts
    assert _tables(out) == before


def test_an_interrupted_run_resumes_and_ends_like_an_uninterrupted_one(built, corpus, tmp_path):
    out = tmp_path / "tables"
    seen = []

    def stop_after_first(batch_id, n):
        seen.append(n)
        raise KeyboardInterrupt  # as if the user pressed Ctrl-C once a batch was written

    with pytest.raises(KeyboardInterrupt):
        build_corpus([corpus], out, workers=1, batch_size=2, on_batch=stop_after_first)
    assert seen == [2]
    assert len(read_table(out, "articles")) == 2
    # a crash while the next batch was being written: a statements part without its articles
    # part, and a temporary file; neither is read, and the next run removes both
    full = next((built[0] / "statements").rglob("*.parquet"))
    orphan = out / full.parent.relative_to(built[0]) / "part-0123456789abcdef0123.parquet"
    orphan.parent.mkdir(parents=True)
    shutil.copy(full, orphan)
    (out / ".staging").mkdir(exist_ok=True)
    (out / ".staging" / "half.parquet").write_bytes(b"PAR1 half written")
    assert len(read_table(out, "articles")) == 2
    assert len(read_table(out, "statements")) == 0  # the first batch: two unreadable files
    summary = build_corpus([corpus], out, workers=1, batch_size=2)
    assert (summary.skipped, summary.processed) == (2, N - 2)
    assert not (out / ".staging").exists()
    assert not list(out.rglob("part-0123456789abcdef0123.parquet"))
    assert _tables(out) == _tables(built[0])


def test_a_changed_article_is_analysed_again_and_replaces_its_rows(corpus, tmp_path):
    folder = _corpus(tmp_path / "news")
    out = tmp_path / "tables"
    build_corpus([folder], out, workers=1, batch_size=3)
    name = "sample_harbour-ferry-fares.txt"
    path = folder / name
    path.write_text(
        "Harbour Board Meets\n\nThe board met on Monday. “We will decide soon,” "
        "said Imelda Quarrington, the board's chair.\n",
        encoding="utf-8",
    )
    summary = build_corpus([folder], out, workers=1, batch_size=3)
    assert (summary.processed, summary.skipped) == (1, N - 1)
    articles = read_table(out, "articles")
    assert list(articles["file"]).count(name) == 1
    statements = read_table(out, "statements")
    assert _rows(statements, name, COLUMNS) == table_records(extract_statements(load_article(path)))
    assert len(read_table(out, "statements")) == len(statements)
    # --force rebuilds everything
    again = build_corpus([folder], out, workers=1, force=True)
    assert (again.processed, again.skipped) == (N, 0)


def test_the_command_line_writes_the_tables_shows_progress_and_failures(corpus, tmp_path, capsys):
    out = tmp_path / "tables"
    assert main(["corpus", str(corpus), "--out", str(out), "--workers", "1"]) == 0
    captured = capsys.readouterr()
    assert f"{N} articles: {N - 3} analysed, 3 failed, 0 already in" in captured.out
    assert f"corpus: {N}/{N} articles (100%)" in captured.err and "left" in captured.err
    assert "failed: blank_page.txt" in captured.err
    assert main(["corpus", str(corpus / "*.txt"), "--out", str(out), "--quiet"]) == 0
    captured = capsys.readouterr()
    assert (captured.out, captured.err) == ("", "")
    assert len(read_table(out, "articles")) == N


def test_clear_errors_for_bad_inputs_and_outputs(tmp_path, capsys):
    assert main(["corpus", str(tmp_path / "nowhere"), "--out", str(tmp_path / "o")]) == 2
    assert "does not exist" in capsys.readouterr().err
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "notes.txt").write_text("my notes", encoding="utf-8")
    with pytest.raises(CorpusError, match="did not write"):
        build_corpus([ARTICLES_DIR], mine, workers=1)
    assert (mine / "notes.txt").read_text(encoding="utf-8") == "my notes"
    with pytest.raises(CorpusError, match="no corpus tables"):
        read_table(mine, "articles")
    with pytest.raises(CorpusError, match="no file matches"):
        find_articles([str(tmp_path / "*.nothing")])


def test_metadata_is_found_in_subfolders_and_dates_give_months(tmp_path):
    for outlet in ("north", "south"):
        folder = tmp_path / outlet
        folder.mkdir()
        (folder / "a.txt").write_text("Headline\n\nBody text here.\n", encoding="utf-8")
        (folder / "metadata.csv").write_text(
            f"file,outlet,date\na.txt,{outlet.title()} Gazette,2024-02-29\n", encoding="utf-8"
        )
    sources = find_articles([tmp_path])
    assert [(s.file, s.outlet, s.month) for s in sources] == [
        ("north/a.txt", "North Gazette", "2024-02"),
        ("south/a.txt", "South Gazette", "2024-02"),
    ]
    assert (month_of("2021-03"), month_of("19/03/2021"), month_of(None)) == ("2021-03", None, None)


def test_progress_line_gives_count_rate_and_time_left():
    import io

    stream = io.StringIO()
    bar = Progress(10, 10_000, stream=stream, every=0)
    bar.update(5, 5_000)
    line = stream.getvalue()
    assert line.startswith("corpus: 5/10 articles (50%)") and "MB/s" in line and "left" in line


def test_a_local_dask_cluster_with_two_workers(corpus, built, tmp_path):
    out = tmp_path / "tables"
    summary = build_corpus([corpus], out, workers=2, batch_size=2, timeout=TIMEOUT)
    assert summary.workers == 2 and summary.batches == -(-N // 2)
    assert _tables(out) == _tables(built[0])


def test_the_command_runs_on_an_existing_distributed_cluster(
    corpus, built, tmp_path, monkeypatch, capsys
):
    from distributed import LocalCluster

    out = tmp_path / "tables"
    with LocalCluster(
        n_workers=1, threads_per_worker=2, processes=False, dashboard_address=None
    ) as cluster:
        args = ["corpus", str(corpus), "--out", str(out), "--scheduler", cluster.scheduler_address]
        args += ["--timeout", str(TIMEOUT), "--quiet"]
        assert main([*args, "--batch-size", "3"]) == 0
        assert _tables(out) == _tables(built[0])
        # workers with another version of the kit get no work: the command says why
        monkeypatch.setattr("helpers.corpus.cluster.kit_version", lambda: "0.0.1")
        assert main([*args, "--force"]) == 2
    assert "run kit version 0.0.1" in capsys.readouterr().err


@pytest.mark.parametrize("rank_by", ["count", "g2"])
def test_term_records_are_the_rows_of_recurring_terms_in_the_same_order(rank_by):
    for name in SHIPPED:
        article = load_article(ARTICLES_DIR / name)
        for folded in (False, True):
            table = recurring_terms(article, rank_by=rank_by, include_folded=folded)
            assert term_records(article, rank_by=rank_by, include_folded=folded) == (
                table_records(table)
            ), name


def test_an_unreadable_file_is_a_failed_row_and_is_tried_again(tmp_path, monkeypatch):
    from pathlib import Path

    import helpers.corpus.sources

    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "open.txt").write_text("Open\n\nThe gate opened.\n", encoding="utf-8")
    locked = folder / "locked.txt"
    locked.write_text("Locked\n\nThe gate stayed shut.\n", encoding="utf-8")
    # as if its permissions forbade reading it (tests may run as root, who reads anything)
    denied = PermissionError(13, "Permission denied")
    hash_file, read_bytes = helpers.corpus.sources.hash_file, Path.read_bytes

    def no_hash(path):
        if Path(path) == locked:
            raise denied
        return hash_file(path)

    def no_read(self):
        if self == locked:
            raise denied
        return read_bytes(self)

    monkeypatch.setattr(helpers.corpus.sources, "hash_file", no_hash)
    monkeypatch.setattr(Path, "read_bytes", no_read)
    out = tmp_path / "tables"
    build_corpus([folder], out, workers=1)
    row = read_table(out, "articles").set_index("file").loc["locked.txt"]
    assert row["status"] == FAILED and "cannot be read (Permission denied)" in row["error"]
    monkeypatch.undo()
    summary = build_corpus([folder], out, workers=1)
    assert (summary.processed, summary.skipped, summary.failed) == (1, 1, 0)
    assert set(read_table(out, "articles")["status"]) == {OK}


@pytest.mark.parametrize("size", ["inf", "nan", "0", "-2", "ten"])
@pytest.mark.parametrize("option", ["--max-mb", "--max-size"])
def test_size_options_take_a_finite_size_in_mb(option, size, tmp_path, capsys):
    # --max-mb (corpus) and --max-size (every command) share one parser: 'inf' was a
    # traceback in corpus mode (no whole number of bytes), a usage error now, as for --max-size
    with pytest.raises(SystemExit) as exc:
        main(["corpus", str(tmp_path), "--out", str(tmp_path / "t"), option, size])
    assert exc.value.code == 2
    assert f"expected a size in MB above 0, not '{size}'" in capsys.readouterr().err
