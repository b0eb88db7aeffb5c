"""The corpus tables: their names, columns, partitions and status values, and the error type."""

from __future__ import annotations

import re

import pyarrow as pa

from helpers.article import ArticleError

TABLES = ("articles", "statements", "speakers", "terms")
PARTITIONS = ("outlet", "month")
FORMAT = 1  # the layout version written to corpus.json
MANIFEST = "corpus.json"
STAGING = ".staging"
NULL_PART = "__HIVE_DEFAULT_PARTITION__"  # how Hive partitioning writes a missing value
MAX_BYTES = 5_000_000  # a larger file is no article (a book, a dump): it becomes a failed row
OK, FAILED = "ok", "failed"

_S, _I, _F, _B = pa.string(), pa.int64(), pa.float64(), pa.bool_()
# the columns of each table as stored, without the partition columns outlet and month
SCHEMAS: dict[str, pa.Schema] = {
    "articles": pa.schema(
        [
            ("file", _S),
            ("sha256", _S),
            ("bytes", _I),
            ("headline", _S),
            ("date", _S),
            ("words", _I),
            ("paragraphs", _I),
            ("statements", _I),
            ("status", _S),
            ("error", _S),
        ]
    ),
    "statements": pa.schema(
        [
            ("file", _S),
            ("date", _S),
            ("statement", _I),  # 1, 2, ... in the article's text order
            ("speaker", _S),
            ("role", _S),
            ("mention", _S),
            ("mention_start", _I),
            ("mention_end", _I),
            ("kind", _S),
            ("cue", _S),
            ("cue_start", _I),
            ("cue_end", _I),
            ("text", _S),
            ("start", _I),
            ("end", _I),
            ("paragraph", _I),
            ("nested", _B),
            ("words", _I),  # words of the reported content
            ("quoted_words", _I),  # of which inside quotation marks
            ("cue_lemma", _S),  # the cue folded to its dictionary form ("" without a cue)
            ("cue_class", _S),  # neutral, evaluative, unclassified ("" without a cue)
        ]
    ),
    "speakers": pa.schema(
        [
            ("file", _S),
            ("date", _S),
            ("speaker", _S),
            ("role", _S),
            ("forms", pa.list_(_S)),
            ("statements", _I),
            ("direct", _I),
            ("indirect", _I),
            ("mixed", _I),
            ("nested", _I),
        ]
    ),
    "terms": pa.schema(
        [
            ("file", _S),
            ("date", _S),
            ("rank", _I),  # 1 = the article's most frequent recurring term
            ("term", _S),
            ("count", _I),
            ("words", _I),
            ("g2", _F),
        ]
    ),
}


class CorpusError(ArticleError):
    """Input or output the corpus command cannot use; the message names it and the fix."""


def with_partitions(name: str) -> pa.Schema:
    """The schema of a table with its partition columns (outlet, month) at the end."""
    schema = SCHEMAS[name]
    for p in PARTITIONS:
        schema = schema.append(pa.field(p, pa.string()))
    return schema


def month_of(date: str | None) -> str | None:
    """'2021-03-19' or '2021-03' -> '2021-03'; anything else -> None (no month partition)."""
    m = re.match(r"\s*(\d{4})-(\d{2})(?:-\d{2})?\b", date or "")
    return f"{m.group(1)}-{m.group(2)}" if m and 1 <= int(m.group(2)) <= 12 else None
