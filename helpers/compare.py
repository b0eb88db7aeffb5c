"""Two articles on the same story, side by side (notebook 04, ``python -m helpers compare``).

``compare_articles(a, b)`` runs the kit's helpers on both articles and gathers the tables
notebook 04 shows: speakers and their shares of each article's statements, kinds, reporting
verbs, who is quoted in one article and not the other (and whether the other one mentions
them at all), and the words each article prefers (keyness: log ratio and G²). Every table
names the two articles by a short label, so each chart shows both.

People are matched across the articles by name: the same canonical name, or a surname that
is the last word of the other article's full name (*Calloway* and *Ruth Calloway*).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from helpers.article import Article, ArticleError, load_article
from helpers.paths import ARTICLES_DIR

BUNDLED_PAIR = (
    ARTICLES_DIR / "compare_ashcombe-flood_courier.txt",
    ARTICLES_DIR / "compare_ashcombe-flood_voice.txt",
)
MIN_KEY_COUNT = 2  # a word must occur this often in the two articles together to be ranked


def load_pair(
    article_path: str | Path | None, compare_path: str | Path | None
) -> tuple[Article, Article]:
    """The two articles to compare: the bundled pair when neither path is given."""
    if article_path is None and compare_path is None:
        return load_article(BUNDLED_PAIR[0]), load_article(BUNDLED_PAIR[1])
    if article_path is None or compare_path is None:
        raise ArticleError(
            "notebook 04 compares two articles: set both article_path and compare_path "
            "(or leave both as None for the two bundled flood articles)"
        )
    return load_article(article_path), load_article(compare_path)


def label(article: Article, other: Article | None = None) -> str:
    """A short name for an article: its outlet (from metadata.csv), else its file name."""
    name = article.metadata.get("outlet") or article.path.stem
    if other is not None:
        other_name = other.metadata.get("outlet") or other.path.stem
        if other_name == name:
            name = article.path.stem
    return name


# --------------------------------------------------------------------------- people


def _words(name: str) -> list[str]:
    return name.casefold().replace("’", "'").split()


def same_person(x: str, y: str) -> bool:
    """The same name, or one is a single word that ends the other (a surname)."""
    a, b = _words(x), _words(y)
    if not a or not b:
        return False
    if a == b:
        return True
    short, long = (a, b) if len(a) < len(b) else (b, a)
    return len(short) == 1 and len(long) <= 4 and long[-1] == short[0]


def _find(name: str, names) -> str | None:
    for other in names:
        if same_person(name, other):
            return other
    return None


def _speaker_counts(statements: pd.DataFrame) -> pd.DataFrame:
    from helpers.speaker_analysis import statements_by_kind

    return statements_by_kind(statements)


@dataclass
class Comparison:
    """Everything notebook 04 shows about two articles."""

    first: Article
    second: Article
    labels: tuple[str, str]
    speakers: pd.DataFrame  # speaker, statements and share (%) in each, quoted_in
    kinds: pd.DataFrame  # kind, statements and share (%) in each
    verbs: pd.DataFrame  # verb, class, statements in each
    quoted_where: pd.DataFrame  # speaker, quoted_in, in the other article (status)
    keyness: pd.DataFrame  # word, count in each, per 1,000 words, log_ratio, g2, prefers
    shared_terms: pd.DataFrame  # recurring terms both articles use, with counts
    summary: pd.DataFrame  # measure, value in each
    shared_speakers: list[str] = field(default_factory=list)
    only_first: list[str] = field(default_factory=list)
    only_second: list[str] = field(default_factory=list)


def compare_articles(first: Article, second: Article) -> Comparison:
    """Run the kit on both articles and gather the side-by-side tables."""
    from helpers.speaker_analysis import sourcing_summary
    from helpers.statements import extract_statements, mentioned_people

    labels = (label(first, second), label(second, first))
    st = (extract_statements(first), extract_statements(second))
    people = (mentioned_people(first), mentioned_people(second))
    counts = (_speaker_counts(st[0]), _speaker_counts(st[1]))
    speakers = _speakers_side_by_side(counts, labels)
    quoted_where = _quoted_where(counts, people, labels)
    shared = [
        s for s, q in zip(speakers["speaker"], speakers["quoted_in"], strict=True) if q == "both"
    ]
    only_first = list(quoted_where.loc[quoted_where["quoted_in"] == labels[0], "speaker"])
    only_second = list(quoted_where.loc[quoted_where["quoted_in"] == labels[1], "speaker"])
    summaries = [
        sourcing_summary(s, len(a.paragraphs)).set_index("measure")["value"]
        for s, a in zip(st, (first, second), strict=True)
    ]
    summary = pd.DataFrame({labels[0]: summaries[0], labels[1]: summaries[1]})
    summary = summary.rename_axis("measure").reset_index()
    return Comparison(
        first=first,
        second=second,
        labels=labels,
        speakers=speakers,
        kinds=_kinds(st, labels),
        verbs=_verbs(st, labels),
        quoted_where=quoted_where,
        keyness=keyness(first, second),
        shared_terms=shared_terms(first, second, labels),
        summary=summary,
        shared_speakers=shared,
        only_first=only_first,
        only_second=only_second,
    )


def _speakers_side_by_side(counts, labels) -> pd.DataFrame:
    """One row per person who speaks in either article: statements and % of that article's."""
    rows: list[dict] = []
    for side, table in enumerate(counts):
        total = int(table["total"].sum()) if len(table) else 0
        for name, n in zip(table["speaker"], table["total"], strict=True):
            match = next((r for r in rows if same_person(r["speaker"], name)), None)
            if match is None:
                match = {"speaker": name, "n0": 0, "n1": 0, "p0": 0.0, "p1": 0.0}
                rows.append(match)
            elif len(name) > len(match["speaker"]):
                match["speaker"] = name  # the longer name is the canonical one
            match[f"n{side}"] += int(n)
            match[f"p{side}"] = round(100 * match[f"n{side}"] / total, 1) if total else 0.0
    a, b = labels
    table = pd.DataFrame(
        {
            "speaker": [r["speaker"] for r in rows],
            f"statements {a}": [r["n0"] for r in rows],
            f"% {a}": [r["p0"] for r in rows],
            f"statements {b}": [r["n1"] for r in rows],
            f"% {b}": [r["p1"] for r in rows],
            "quoted_in": ["both" if r["n0"] and r["n1"] else (a if r["n0"] else b) for r in rows],
        }
    )
    if len(table):
        table["_most"] = table[[f"statements {a}", f"statements {b}"]].max(axis=1)
        table = table.sort_values("_most", ascending=False, kind="mergesort").drop(columns="_most")
    return table.reset_index(drop=True)


def _quoted_where(counts, people, labels) -> pd.DataFrame:
    """Speakers quoted in one article only, and what the other article does with them."""
    rows = []
    for side in (0, 1):
        here, there = counts[side], counts[1 - side]
        there_people = list(people[1 - side]["name"]) if len(people[1 - side]) else []
        for name in here["speaker"] if len(here) else []:
            if name == "unknown" or _find(name, there["speaker"] if len(there) else []):
                continue
            status = "mentioned, not quoted" if _find(name, there_people) else "not mentioned"
            rows.append(
                {"speaker": name, "quoted_in": labels[side], "in the other article": status}
            )
    return pd.DataFrame(rows, columns=["speaker", "quoted_in", "in the other article"])


def _kinds(st, labels) -> pd.DataFrame:
    from helpers.speaker_analysis import KINDS

    data = {"kind": list(KINDS)}
    for s, name in zip(st, labels, strict=True):
        top = s[~s["nested"].astype(bool)] if len(s) else s
        n = [int((top["kind"] == k).sum()) if len(top) else 0 for k in KINDS]
        total = sum(n)
        data[f"statements {name}"] = n
        data[f"% {name}"] = [round(100 * x / total, 1) if total else 0.0 for x in n]
    return pd.DataFrame(data)


def _verbs(st, labels) -> pd.DataFrame:
    """Reporting verbs (dictionary form) with their class and how often each article uses them."""
    from helpers.speaker_analysis import cue_table

    merged: dict[str, dict] = {}
    for side, s in enumerate(st):
        cues = cue_table(s)
        for verb, cls, n in zip(cues["cue"], cues["class"], cues["count"], strict=True):
            row = merged.setdefault(verb, {"verb": verb, "class": cls, 0: 0, 1: 0})
            row[side] += int(n)
    rows = sorted(merged.values(), key=lambda r: (-(r[0] + r[1]), r["verb"]))
    return pd.DataFrame(
        {
            "verb": [r["verb"] for r in rows],
            "class": [r["class"] for r in rows],
            f"statements {labels[0]}": [r[0] for r in rows],
            f"statements {labels[1]}": [r[1] for r in rows],
        }
    )


# --------------------------------------------------------------------------- words


def _g2(a: int, b: int, size_a: int, size_b: int) -> float:
    """Dunning's log-likelihood G² for a word seen a times in A and b times in B."""
    total = size_a + size_b
    expected_a = size_a * (a + b) / total
    expected_b = size_b * (a + b) / total
    g2 = 0.0
    for observed, expected in ((a, expected_a), (b, expected_b)):
        if observed:
            g2 += observed * math.log(observed / expected)
    return 2 * g2


def _log_ratio(a: int, b: int, size_a: int, size_b: int) -> float:
    """Hardie's log ratio: log2 of the ratio of relative frequencies (0.5 added to zeros)."""
    return math.log2(((a or 0.5) / size_a) / ((b or 0.5) / size_b))


def keyness(first: Article, second: Article, min_count: int = MIN_KEY_COUNT) -> pd.DataFrame:
    """Words (no stopwords) by how much more one article uses them than the other.

    Columns: word, count in each (``count_first``, ``count_second``), per_1000 in each,
    log_ratio (log2 of first's rate over second's: +1 = twice as often in the first), g2
    (Dunning's log-likelihood: how sure the difference is; above 3.84 is p < 0.05 for
    texts far longer than news articles, so read it as a ranking), prefers ("first",
    "second" or "shared": |log_ratio| < 1). Sorted by g2, then by the word.
    """
    from helpers.terms import fold, word_frequencies
    from helpers.tokens import tokens

    freq = [word_frequencies(a, n=100_000) for a in (first, second)]
    # all words, stopwords and the headline included, as word_frequencies counts them
    sizes = [
        max(1, sum(t.is_word for t in tokens(a, include_headings=True))) for a in (first, second)
    ]
    table: dict[str, dict] = {}
    for side, f in enumerate(freq):
        for word, n in zip(f["word"], f["count"], strict=True):
            row = table.setdefault(fold(word), {"word": word, 0: 0, 1: 0})
            row[side] = int(n)
    rows = []
    for row in table.values():
        a, b = row[0], row[1]
        if a + b < min_count:
            continue
        lr = _log_ratio(a, b, *sizes)
        rows.append(
            {
                "word": row["word"],
                "count_first": a,
                "count_second": b,
                "per_1000_first": round(1000 * a / sizes[0], 1),
                "per_1000_second": round(1000 * b / sizes[1], 1),
                "log_ratio": round(lr, 2),
                "g2": round(_g2(a, b, *sizes), 2),
                "prefers": "shared" if abs(lr) < 1 else ("first" if lr > 0 else "second"),
            }
        )
    columns = [
        "word",
        "count_first",
        "count_second",
        "per_1000_first",
        "per_1000_second",
        "log_ratio",
        "g2",
        "prefers",
    ]
    out = pd.DataFrame(rows, columns=columns)
    if len(out):
        out["_w"] = out["word"].str.casefold()
        out = out.sort_values(["g2", "_w"], ascending=[False, True], kind="mergesort")
        out = out.drop(columns="_w").reset_index(drop=True)
    return out


def shared_terms(first: Article, second: Article, labels=("first", "second")) -> pd.DataFrame:
    """Recurring multi-word terms of either article that the other article uses too."""
    from helpers.terms import find, recurring_terms

    rows = []
    seen: set[str] = set()
    for article in (first, second):
        terms = recurring_terms(article)
        for term in terms["term"] if len(terms) else []:
            key = " ".join(term.casefold().split())
            if key in seen:
                continue
            seen.add(key)
            a, b = len(find(first, term)), len(find(second, term))
            if a and b:
                rows.append({"term": term, f"count {labels[0]}": a, f"count {labels[1]}": b})
    out = pd.DataFrame(rows, columns=["term", f"count {labels[0]}", f"count {labels[1]}"])
    if len(out):
        out["_total"] = out.iloc[:, 1] + out.iloc[:, 2]
        out = out.sort_values("_total", ascending=False, kind="mergesort").drop(columns="_total")
    return out.reset_index(drop=True)
