"""Who speaks, how often, and how their speech is framed: tables built from the statements table.

Every function takes the DataFrames of the statements contract (``extract_statements``,
``mentioned_people`` in helpers.statements) and returns a new DataFrame; only
``section_starts`` (and the optional ``article`` of ``unquoted_people``) look at the article
itself. Statements whose speaker joins several names with "; " count once for each
named speaker. Nested statements (reported inside another statement) are left out unless
``include_nested=True``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

import pandas as pd

from helpers.article import Article
from helpers.statements.lexicon import cue_entries
from helpers.statements.quotes import quoted_spans
from helpers.tokens import word_spans

KINDS: tuple[str, ...] = ("direct", "indirect", "mixed")
CUE_CLASSES: tuple[str, ...] = ("neutral", "evaluative", "unclassified")


# --- speakers -----------------------------------------------------------------------------


def split_speakers(speaker: str | None) -> list[str]:
    """The names in a speaker field: "A; B" -> ["A", "B"]; blank or missing -> ["unknown"]."""
    if not isinstance(speaker, str):  # None or NaN from a hand-edited table
        return ["unknown"]
    names = [n.strip() for n in speaker.split(";")]
    names = [n for n in names if n]
    return names or ["unknown"]


def _selected(statements: pd.DataFrame, include_nested: bool) -> pd.DataFrame:
    """Top-level statements (or all of them), in text order."""
    df = statements
    if not include_nested and "nested" in df.columns and len(df):
        df = df[~df["nested"].astype(bool)]
    return df


def _by_speaker(statements: pd.DataFrame) -> pd.DataFrame:
    """One row per (statement, named speaker): joint statements are credited to each name."""
    if not len(statements):
        return statements.assign(statement=pd.Series(dtype="int64"))
    df = statements.reset_index(drop=True)
    df = df.assign(statement=range(len(df)), speaker=df["speaker"].map(split_speakers))
    return df.explode("speaker", ignore_index=True)


def speaker_order(statements: pd.DataFrame, include_nested: bool = False) -> list[str]:
    """Speakers with the most statements first; ties in order of their first statement."""
    rows = _by_speaker(_selected(statements, include_nested))
    if not len(rows):
        return []
    stats = rows.groupby("speaker", sort=False).agg(n=("statement", "size"), first=("start", "min"))
    stats = stats.reset_index().sort_values(
        ["n", "first", "speaker"], ascending=[False, True, True]
    )
    return list(stats["speaker"])


def statements_by_kind(statements: pd.DataFrame, include_nested: bool = False) -> pd.DataFrame:
    """Statements per speaker, split by kind: speaker, direct, indirect, mixed, total."""
    columns = ["speaker", *KINDS, "total"]
    rows = _by_speaker(_selected(statements, include_nested))
    if not len(rows):
        return pd.DataFrame(
            {c: pd.Series(dtype="object" if c == "speaker" else "int64") for c in columns}
        )
    table = pd.crosstab(rows["speaker"], rows["kind"])
    table = table.reindex(index=speaker_order(statements, include_nested), columns=list(KINDS))
    table = table.fillna(0).astype("int64")
    table["total"] = table.sum(axis=1)
    return table.rename_axis(index="speaker", columns=None).reset_index()[columns]


# --- reporting verbs ------------------------------------------------------------------------


@dataclass(frozen=True)
class CueClass:
    """One entry of data/lexicons/reporting_verbs.txt: a cue's lemma, class and what it does."""

    lemma: str
    cls: str
    framing: str


@cache
def _cue_lexicon() -> tuple[dict[str, CueClass], dict[str, str]]:
    """Lemma -> CueClass, and irregular form -> lemma, from the kit's one reporting-verb
    lexicon (the extractor's cues, with their classes)."""
    classes: dict[str, CueClass] = {}
    irregular: dict[str, str] = {}
    for cls, lemma, extra, _cue, framing in cue_entries():
        classes[lemma.lower()] = CueClass(lemma, cls, framing)
        for form in extra:
            irregular[form] = lemma.lower()
    return classes, irregular


def _word_candidates(word: str) -> list[str]:
    """Possible dictionary forms of an inflected verb, most likely first."""
    w = word.lower()
    out = [w]
    if w.endswith("ied") or w.endswith("ies"):
        out.append(w[:-3] + "y")
    if w.endswith("ed"):
        out += [w[:-2], w[:-1]]
        if len(w) > 4 and w[-3] == w[-4]:
            out.append(w[:-3])  # admitted -> admit
    if w.endswith("ing"):
        out += [w[:-3], w[:-3] + "e"]
        if len(w) > 5 and w[-4] == w[-5]:
            out.append(w[:-4])  # admitting -> admit
    if w.endswith("es"):
        out.append(w[:-2])
    if w.endswith("s"):
        out.append(w[:-1])
    return out


def _lemma_of_word(word: str) -> str | None:
    """The lexicon lemma of one word, or None when the word is no known cue form."""
    classes, irregular = _cue_lexicon()
    w = word.lower()
    if w in irregular:
        return irregular[w]
    known = {lemma.split()[0] for lemma in classes}
    for cand in _word_candidates(w):
        if cand in known:
            return cand
    return None


# a named possessor in a source phrase: "in Peskov's words" -> "in X's words"
_POSSESSOR = re.compile(r"\b[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*)*'s\b")


def cue_lemma(cue: str) -> str:
    """Fold a cue as written to its dictionary form: "reminded" -> "remind",
    "pointed out" -> "point out", "has said" -> "say", "in Peskov's words" -> "in x's words".
    Unknown cues come back lower-cased."""
    classes, _ = _cue_lexicon()
    vocabulary = {w for lemma in classes for w in lemma.split()}
    first, _, rest = cue.replace("’", "'").partition(" ")
    if first.lower() in vocabulary:  # a capital that only starts the sentence: "In X's view"
        first = first.lower()
    cue = _POSSESSOR.sub("X's", f"{first} {rest}".strip())
    words = re.findall(r"[^\W\d_]+(?:'s)?", cue.lower())
    if not words:
        return ""
    whole = " ".join(words)
    if whole in classes:
        return whole
    for i, word in enumerate(words):
        lemma = _lemma_of_word(word)
        if lemma is None:
            continue
        if i + 1 < len(words) and f"{lemma} {words[i + 1]}" in classes:
            return f"{lemma} {words[i + 1]}"
        if lemma in classes:
            return lemma
    return whole


def cue_class(cue: str) -> CueClass:
    """The class of a cue (as written or folded): neutral, evaluative or unclassified."""
    lemma = cue_lemma(cue)
    classes, _ = _cue_lexicon()
    return classes.get(lemma, CueClass(lemma, "unclassified", "not in our cue list"))


def cue_table(statements: pd.DataFrame, include_nested: bool = False) -> pd.DataFrame:
    """The reporting verbs each speaker is introduced with: speaker, cue (folded), class,
    framing, count, forms (as written). Statements with no cue (floating quotes) are left out."""
    columns = ["speaker", "cue", "class", "framing", "count", "forms"]
    rows = _by_speaker(_selected(statements, include_nested))
    if len(rows):
        rows = rows[rows["cue"].fillna("").astype(str).str.strip() != ""]
    if not len(rows):
        return pd.DataFrame(
            {c: pd.Series(dtype="int64" if c == "count" else "object") for c in columns}
        )
    records: dict[tuple[str, str], dict] = {}
    for speaker, cue in zip(rows["speaker"], rows["cue"], strict=True):
        entry = cue_class(str(cue))
        rec = records.setdefault(
            (speaker, entry.lemma),
            {
                "speaker": speaker,
                "cue": entry.lemma,
                "class": entry.cls,
                "framing": entry.framing,
                "count": 0,
                "forms": [],
            },
        )
        rec["count"] += 1
        if cue not in rec["forms"]:
            rec["forms"].append(cue)
    rank = {s: i for i, s in enumerate(speaker_order(statements, include_nested))}
    ordered = sorted(
        records.values(), key=lambda r: (rank.get(r["speaker"], len(rank)), -r["count"], r["cue"])
    )
    return pd.DataFrame(ordered, columns=columns).astype({"count": "int64"})


def cue_class_counts(cues: pd.DataFrame) -> pd.DataFrame:
    """Per speaker, how many statements have a neutral, evaluative or unclassified cue:
    speaker, neutral, evaluative, unclassified, total, evaluative_pct (of classified cues)."""
    columns = ["speaker", *CUE_CLASSES, "total", "evaluative_pct"]
    if not len(cues):
        dtypes = {"speaker": "object", "evaluative_pct": "float64"}
        return pd.DataFrame({c: pd.Series(dtype=dtypes.get(c, "int64")) for c in columns})
    order = list(dict.fromkeys(cues["speaker"]))
    table = cues.pivot_table(
        index="speaker", columns="class", values="count", aggfunc="sum", fill_value=0
    )
    table = table.reindex(index=order, columns=list(CUE_CLASSES), fill_value=0).astype("int64")
    table["total"] = table.sum(axis=1)
    classified = table["neutral"] + table["evaluative"]
    pct = (100 * table["evaluative"] / classified.where(classified > 0)).round(1)
    table["evaluative_pct"] = pct.astype("float64")
    return table.rename_axis(index="speaker", columns=None).reset_index()[columns]


# --- where in the article -----------------------------------------------------------------


def timeline_points(statements: pd.DataFrame, include_nested: bool = False) -> pd.DataFrame:
    """Statements per speaker, paragraph and kind (long form): speaker, paragraph, kind, count."""
    columns = ["speaker", "paragraph", "kind", "count"]
    rows = _by_speaker(_selected(statements, include_nested))
    if not len(rows):
        dtypes = {"paragraph": "int64", "count": "int64"}
        return pd.DataFrame({c: pd.Series(dtype=dtypes.get(c, "object")) for c in columns})
    grouped = rows.groupby(["speaker", "paragraph", "kind"]).size().rename("count").reset_index()
    rank = {s: i for i, s in enumerate(speaker_order(statements, include_nested))}
    kind_rank = {k: i for i, k in enumerate(KINDS)}
    grouped = grouped.sort_values(
        ["speaker", "paragraph", "kind"],
        key=lambda col: (
            col.map(rank)
            if col.name == "speaker"
            else (col.map(kind_rank) if col.name == "kind" else col)
        ),
    )
    return grouped.astype({"paragraph": "int64", "count": "int64"}).reset_index(drop=True)[columns]


def section_starts(article: Article) -> list[tuple[int, str]]:
    """(first paragraph number, subheading) for each subheading of the article, so a timeline
    can mark where its sections begin. A subheading after the last paragraph is left out."""
    out: list[tuple[int, str]] = []
    pending: str | None = None
    for block in article.blocks:
        if block.kind == "subheading":
            pending = block.text
        elif block.kind == "paragraph" and pending is not None:
            out.append((block.index, pending))
            pending = None
    return out


def timeline_table(
    statements: pd.DataFrame, n_paragraphs: int | None = None, include_nested: bool = False
) -> pd.DataFrame:
    """Speaker x paragraph: how many statements each speaker makes in each paragraph.
    The index is the speaker; columns are paragraph numbers 1..n_paragraphs."""
    rows = _by_speaker(_selected(statements, include_nested))
    last = int(rows["paragraph"].max()) if len(rows) else 0
    n = max(n_paragraphs or 0, last)
    paragraphs = list(range(1, n + 1))
    order = speaker_order(statements, include_nested)
    if not len(rows):
        table = pd.DataFrame(0, index=pd.Index(order, dtype="object"), columns=paragraphs)
    else:
        table = pd.crosstab(rows["speaker"], rows["paragraph"].astype("int64"))
        table = table.reindex(index=order, columns=paragraphs, fill_value=0)
    return table.astype("int64").rename_axis(index="speaker", columns="paragraph")


# --- quoted words -------------------------------------------------------------------------


def count_words(text: str, kind: str = "indirect") -> tuple[int, int]:
    """(words, quoted words) in a statement's content. Direct content starts inside quotes;
    indirect content has no quoted words by definition."""
    words = [(s, e) for s, e in word_spans(text) if any(ch.isalnum() for ch in text[s:e])]
    if kind == "indirect":
        return len(words), 0
    # the extractor's own quotation scanner: one table of marks for the whole kit
    spans = quoted_spans(text, starts_inside=(kind == "direct"))
    quoted = sum(1 for s, _ in words if any(a <= s < b for a, b in spans))
    return len(words), quoted


def quoted_share(statements: pd.DataFrame) -> pd.DataFrame:
    """Per speaker (top-level statements): statements, words of reported content, quoted_words
    (inside quotation marks), quoted_pct (of their own words) and share_of_quotes_pct (of all
    quoted words in the article's statements, each statement counted once)."""
    columns = [
        "speaker",
        "statements",
        "words",
        "quoted_words",
        "quoted_pct",
        "share_of_quotes_pct",
    ]
    top = _selected(statements, include_nested=False).reset_index(drop=True)
    if not len(top):
        dtypes = {"speaker": "object", "quoted_pct": "float64", "share_of_quotes_pct": "float64"}
        return pd.DataFrame({c: pd.Series(dtype=dtypes.get(c, "int64")) for c in columns})
    counted = [count_words(str(t), str(k)) for t, k in zip(top["text"], top["kind"], strict=True)]
    top = top.assign(words=[w for w, _ in counted], quoted_words=[q for _, q in counted])
    all_quoted = int(top["quoted_words"].sum())
    rows = _by_speaker(top)
    table = rows.groupby("speaker", sort=False).agg(
        statements=("statement", "size"),
        words=("words", "sum"),
        quoted_words=("quoted_words", "sum"),
    )
    table = table.reindex(speaker_order(statements)).astype("int64")
    table["quoted_pct"] = 100 * table["quoted_words"] / table["words"].where(table["words"] > 0)
    table["quoted_pct"] = table["quoted_pct"].fillna(0.0).round(1)
    share = 100 * table["quoted_words"] / all_quoted if all_quoted else 0.0 * table["words"]
    table["share_of_quotes_pct"] = pd.Series(share, index=table.index).astype("float64").round(1)
    return table.rename_axis(index="speaker").reset_index()[columns]


# --- people who do not speak ----------------------------------------------------------------


def unquoted_people(
    people: pd.DataFrame, statements: pd.DataFrame, article: Article | None = None
) -> pd.DataFrame:
    """People named in the article who make no top-level statement: name, role, mentions,
    first_start, nested_statements (how often others report their words) and, when the
    article is given, first_paragraph (where they are first named; 0 = headline/subheading)."""
    columns = ["name", "role", "mentions", "first_start", "nested_statements"]
    if article is not None:
        columns.append("first_paragraph")
    speakers = {s.casefold() for s in speaker_order(statements, include_nested=False)}
    nested = statements[statements["nested"].astype(bool)] if len(statements) else statements
    nested_rows = _by_speaker(nested)
    nested_counts = (
        nested_rows["speaker"].str.casefold().value_counts().to_dict() if len(nested_rows) else {}
    )
    if not len(people):
        dtypes = {"name": "object", "role": "object"}
        return pd.DataFrame({c: pd.Series(dtype=dtypes.get(c, "int64")) for c in columns})
    keep = people[~people["name"].str.casefold().isin(speakers)].copy()
    keep["nested_statements"] = (
        keep["name"].str.casefold().map(nested_counts).fillna(0).astype("int64")
    )
    if article is not None:
        keep["first_paragraph"] = [article.paragraph_at(int(s)) or 0 for s in keep["first_start"]]
    keep = keep.sort_values(["mentions", "first_start"], ascending=[False, True])
    keep = keep.reset_index(drop=True)[columns]
    return keep.astype({c: "int64" for c in columns if c not in ("name", "role")})


# --- overview tables for the notebook -------------------------------------------------------


def shorten(text: str, width: int = 110) -> str:
    """Text cut at a word boundary to at most ``width`` characters, with an ellipsis."""
    text = " ".join(str(text).split())
    if len(text) <= width:
        return text
    cut = text[: width - 1].rsplit(" ", 1)[0]
    return cut + "…"


def readable_statements(
    statements: pd.DataFrame, width: int = 110, include_nested: bool = True
) -> pd.DataFrame:
    """The statements table for reading: paragraph, speaker, kind, cue, text (shortened),
    nested. Floating quotes (no cue) show "(continues)" as their cue."""
    columns = ["paragraph", "speaker", "kind", "cue", "text", "nested"]
    df = _selected(statements, include_nested)
    if not len(df):
        dtypes = {"paragraph": "int64", "nested": "bool"}
        return pd.DataFrame({c: pd.Series(dtype=dtypes.get(c, "object")) for c in columns})
    cues = df["cue"].fillna("").astype(str)
    return pd.DataFrame(
        {
            "paragraph": df["paragraph"].astype("int64"),
            "speaker": df["speaker"].astype(str),
            "kind": df["kind"].astype(str),
            "cue": cues.where(cues.str.strip() != "", "(continues)"),
            "text": df["text"].map(lambda t: shorten(t, width)),
            "nested": df["nested"].astype(bool),
        }
    ).reset_index(drop=True)[columns]


def sourcing_summary(statements: pd.DataFrame, n_paragraphs: int) -> pd.DataFrame:
    """Headline figures on sourcing, one row per measure: statements, speakers, kinds, nested,
    unknown speakers, paragraphs with at least one statement."""
    top = _selected(statements, include_nested=False)
    nested = len(statements) - len(top)
    speakers = [s for s in speaker_order(statements) if s != "unknown"]
    unknown = (
        int((top["speaker"].map(split_speakers).map(lambda n: "unknown" in n)).sum())
        if len(top)
        else 0
    )
    kinds = top["kind"].value_counts().to_dict() if len(top) else {}
    with_statement = top["paragraph"].nunique() if len(top) else 0
    pct = round(100 * with_statement / n_paragraphs, 1) if n_paragraphs else 0.0
    rows = [
        ("statements (top level)", len(top)),
        ("direct", int(kinds.get("direct", 0))),
        ("indirect", int(kinds.get("indirect", 0))),
        ("mixed", int(kinds.get("mixed", 0))),
        ("nested statements (reported inside another)", nested),
        ("named speakers", len(speakers)),
        ("statements with an unknown speaker", unknown),
        ("paragraphs", n_paragraphs),
        ("paragraphs with a statement", int(with_statement)),
        ("% of paragraphs with a statement", pct),
    ]
    return pd.DataFrame(rows, columns=["measure", "value"], dtype=object)
