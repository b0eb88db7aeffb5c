"""Who speaks across a corpus: tables for notebook 05, computed from the corpus tables.

Every function takes the DataFrames that ``helpers.corpus.read_table`` returns (or
``load_corpus`` gathers) and returns a new DataFrame. As in ``helpers.speaker_analysis``, only
top-level statements count (nested ones are reported inside another statement), and a statement
whose speaker joins several names with "; " counts once for each of them. Speakers are matched
across articles by the canonical name the extractor gives them in each article: the same person
named differently in two articles (with and without a first name) counts as two speakers.
An article without outlet or date in metadata.csv is shown under ``NO_OUTLET`` / ``NO_DATE``.
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from helpers.corpus import TABLES, Summary, build_corpus, read_table
from helpers.paths import ARTICLES_DIR
from helpers.speaker_analysis import CUE_CLASSES, KINDS, split_speakers

NO_OUTLET = "(no outlet)"
NO_DATE = "(no date)"
UNKNOWN = "unknown"


@dataclass
class Corpus:
    """The four corpus tables, with outlet and month labels filled in, and the run's summary."""

    articles: pd.DataFrame
    statements: pd.DataFrame
    speakers: pd.DataFrame
    terms: pd.DataFrame
    summary: Summary | None = None


def _labelled(df: pd.DataFrame) -> pd.DataFrame:
    return df.assign(
        outlet=df["outlet"].replace("", NO_OUTLET).astype(object),
        month=df["month"].replace("", NO_DATE).astype(object),
    )


def load_corpus(
    corpus_path: str | Path | list | None = None,
    tables_path: str | Path | None = None,
    workers: int = 1,
) -> Corpus:
    """The corpus tables of ``corpus_path`` (a folder, file, glob, or a list of them; default:
    the articles that ship with the kit). They are built into ``tables_path`` (default: a
    temporary folder) unless it already holds them, in which case only new or changed articles
    are analysed; with ``corpus_path=None`` and a ``tables_path`` that holds tables, those are
    read as they are."""
    tables_path = Path(tables_path) if tables_path is not None else None
    summary = None
    with tempfile.TemporaryDirectory(prefix="corpus-") as tmp:
        out = tables_path or Path(tmp) / "tables"
        if corpus_path is not None or tables_path is None or not (out / "corpus.json").exists():
            inputs = corpus_path if corpus_path is not None else ARTICLES_DIR
            inputs = inputs if isinstance(inputs, list | tuple) else [inputs]
            summary = build_corpus(inputs, out, workers=workers)
        tables = {name: _labelled(read_table(out, name)) for name in TABLES}
    return Corpus(**tables, summary=summary)


# --- the corpus at a glance -----------------------------------------------------------------


def outlet_overview(articles: pd.DataFrame) -> pd.DataFrame:
    """Per outlet: articles, failed, words, statements, statements per 1,000 words, first and
    last date."""
    columns = ["outlet", "articles", "failed", "words", "statements", "per_1000_words"]
    columns += ["first_date", "last_date"]
    if not len(articles):
        return pd.DataFrame({c: pd.Series(dtype=object) for c in columns})
    df = articles.assign(
        ok=articles["status"] == "ok",
        failed=articles["status"] != "ok",
        words=articles["words"].fillna(0).astype("int64"),
        statements=articles["statements"].fillna(0).astype("int64"),
        date=articles["date"].where(articles["status"] == "ok").fillna("").astype(object),
    )
    table = df.groupby("outlet", sort=True).agg(
        articles=("ok", "sum"),
        failed=("failed", "sum"),
        words=("words", "sum"),
        statements=("statements", "sum"),
        first_date=("date", lambda d: min((x for x in d if x), default="")),
        last_date=("date", lambda d: max((x for x in d if x), default="")),
    )
    per = 1000 * table["statements"] / table["words"].where(table["words"] > 0)
    table["per_1000_words"] = per.fillna(0.0).astype("float64").round(1)
    table = table.astype({c: "int64" for c in ("articles", "failed", "words", "statements")})
    return table.reset_index()[columns]


def failed_articles(articles: pd.DataFrame) -> pd.DataFrame:
    """The articles that could not be analysed, with the reason."""
    failed = articles[articles["status"] != "ok"]
    return failed[["file", "outlet", "error"]].reset_index(drop=True)


# --- who speaks -----------------------------------------------------------------------------


def _by_speaker(statements: pd.DataFrame) -> pd.DataFrame:
    """Top-level statements, one row per named speaker (joint statements credited to each)."""
    top = statements[~statements["nested"].astype(bool)] if len(statements) else statements
    top = top.assign(speaker=top["speaker"].map(split_speakers))
    return top.explode("speaker", ignore_index=True)


def top_speakers(statements: pd.DataFrame, n: int = 10, include_unknown: bool = False):
    """The n speakers with the most statements across the corpus: statements by kind, the
    number of articles and outlets they speak in. Ties: alphabetical."""
    columns = ["speaker", "statements", *KINDS, "articles", "outlets"]
    rows = _by_speaker(statements)
    if not include_unknown and len(rows):
        rows = rows[rows["speaker"] != UNKNOWN]
    if not len(rows):
        return pd.DataFrame(
            {c: pd.Series(dtype="int64" if c != "speaker" else object) for c in columns}
        )
    kinds = pd.crosstab(rows["speaker"], rows["kind"]).reindex(columns=list(KINDS), fill_value=0)
    table = kinds.assign(
        statements=kinds.sum(axis=1),
        articles=rows.groupby("speaker")["file"].nunique(),
        outlets=rows.groupby("speaker")["outlet"].nunique(),
    )
    table = table.rename_axis(index="speaker", columns=None).reset_index()
    table = table.sort_values(["statements", "speaker"], ascending=[False, True], kind="mergesort")
    return table.head(n).reset_index(drop=True)[columns].astype({c: "int64" for c in columns[1:]})


def speakers_by_outlet(statements: pd.DataFrame, n: int = 5) -> pd.DataFrame:
    """Per outlet, its n speakers with the most statements and their share of the outlet's
    (top-level) statements in percent."""
    columns = ["outlet", "speaker", "statements", "share_pct", "articles"]
    rows = _by_speaker(statements)
    if not len(rows):
        return pd.DataFrame({c: pd.Series(dtype=object) for c in columns})
    per = rows.groupby(["outlet", "speaker"]).agg(
        statements=("kind", "size"), articles=("file", "nunique")
    )
    per = per.reset_index()
    totals = rows.drop_duplicates(["file", "statement"]).groupby("outlet").size()
    per["share_pct"] = (100 * per["statements"] / per["outlet"].map(totals)).round(1)
    per = per.sort_values(
        ["outlet", "statements", "speaker"], ascending=[True, False, True], kind="mergesort"
    )
    return per.groupby("outlet", sort=False).head(n).reset_index(drop=True)[columns]


def speakers_over_time(statements: pd.DataFrame, n: int = 5) -> pd.DataFrame:
    """Statements per month of the corpus's n top speakers (the rest as "others"): one row
    per month, one column per speaker, months in order (undated articles last)."""
    rows = _by_speaker(statements)
    if not len(rows):
        return pd.DataFrame({"month": pd.Series(dtype=object)})
    top = list(top_speakers(statements, n=n, include_unknown=False)["speaker"])
    who = rows["speaker"].where(rows["speaker"].isin(top), "others")
    table = pd.crosstab(rows["month"], who)
    order = [s for s in [*top, "others"] if s in table.columns]
    months = sorted(table.index, key=lambda m: (m == NO_DATE, m))
    table = table.reindex(index=months, columns=order, fill_value=0).astype("int64")
    return table.rename_axis(index="month", columns=None).reset_index()


# --- how they are quoted --------------------------------------------------------------------


def quoted_share_by_outlet(statements: pd.DataFrame) -> pd.DataFrame:
    """Per outlet: statements, words of reported content, quoted words (inside quotation
    marks) and their share in percent, and the share of statements that are direct."""
    columns = ["outlet", "statements", "words", "quoted_words", "quoted_pct", "direct_pct"]
    top = statements[~statements["nested"].astype(bool)] if len(statements) else statements
    if not len(top):
        return pd.DataFrame({c: pd.Series(dtype=object) for c in columns})
    top = top.assign(direct=top["kind"] == "direct")
    table = top.groupby("outlet").agg(
        statements=("kind", "size"),
        words=("words", "sum"),
        quoted_words=("quoted_words", "sum"),
        direct=("direct", "sum"),
    )
    table = table.astype("int64")
    pct = 100 * table["quoted_words"] / table["words"].where(table["words"] > 0)
    table["quoted_pct"] = pct.fillna(0.0).astype("float64").round(1)
    table["direct_pct"] = (100 * table["direct"] / table["statements"]).astype("float64").round(1)
    return table.reset_index()[columns]


def cue_classes_by_outlet(statements: pd.DataFrame) -> pd.DataFrame:
    """Per outlet: statements introduced by a neutral, evaluative or unclassified reporting
    verb, and the evaluative share of the classified ones in percent (no-cue statements,
    such as floating quotes, are left out)."""
    columns = ["outlet", *CUE_CLASSES, "total", "evaluative_pct"]
    top = statements[~statements["nested"].astype(bool)] if len(statements) else statements
    if len(top):
        top = top[top["cue_class"].fillna("") != ""]
    if not len(top):
        return pd.DataFrame({c: pd.Series(dtype=object) for c in columns})
    table = pd.crosstab(top["outlet"], top["cue_class"])
    table = table.reindex(columns=list(CUE_CLASSES), fill_value=0).astype("int64")
    table["total"] = table.sum(axis=1)
    classified = table["neutral"] + table["evaluative"]
    pct = 100 * table["evaluative"] / classified.where(classified > 0)
    table["evaluative_pct"] = pct.astype("float64").round(1)
    return table.rename_axis(index="outlet", columns=None).reset_index()[columns]


def top_cues_by_outlet(statements: pd.DataFrame, n: int = 5) -> pd.DataFrame:
    """Per outlet, its n most used reporting verbs (folded to their dictionary form)."""
    columns = ["outlet", "cue", "class", "statements"]
    top = statements[~statements["nested"].astype(bool)] if len(statements) else statements
    if len(top):
        top = top[top["cue_lemma"].fillna("") != ""]
    if not len(top):
        return pd.DataFrame({c: pd.Series(dtype=object) for c in columns})
    table = top.groupby(["outlet", "cue_lemma", "cue_class"]).size().rename("statements")
    table = table.reset_index().rename(columns={"cue_lemma": "cue", "cue_class": "class"})
    table = table.sort_values(
        ["outlet", "statements", "cue"], ascending=[True, False, True], kind="mergesort"
    )
    return table.groupby("outlet", sort=False).head(n).reset_index(drop=True)[columns]


# --- recurring terms ------------------------------------------------------------------------


def top_terms_by_outlet(terms: pd.DataFrame, n: int = 5) -> pd.DataFrame:
    """Per outlet, the n terms that recur in the most of its articles (then: most often):
    the term in its most used written form, the articles it recurs in, its total count."""
    columns = ["outlet", "term", "articles", "count"]
    if not len(terms):
        return pd.DataFrame({c: pd.Series(dtype=object) for c in columns})
    df = terms.assign(key=terms["term"].str.lower())
    forms = (
        df.groupby(["outlet", "key", "term"])["count"]
        .sum()
        .reset_index()
        .sort_values(
            ["outlet", "key", "count", "term"],
            ascending=[True, True, False, True],
            kind="mergesort",
        )
        .drop_duplicates(["outlet", "key"])
        .set_index(["outlet", "key"])["term"]
    )
    table = df.groupby(["outlet", "key"]).agg(articles=("file", "nunique"), count=("count", "sum"))
    table["term"] = forms
    table = table.reset_index().sort_values(
        ["outlet", "articles", "count", "key"],
        ascending=[True, False, False, True],
        kind="mergesort",
    )
    table = table.astype({"articles": "int64", "count": "int64"})
    return table.groupby("outlet", sort=False).head(n).reset_index(drop=True)[columns]
