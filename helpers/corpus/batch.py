"""One batch of articles: read in the calling process, analysed on a worker into plain rows,
turned into one Arrow table per corpus table."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import pyarrow as pa

from helpers.article import ArticleError, parse_article
from helpers.corpus.sources import Source
from helpers.corpus.tables import FAILED, OK, PARTITIONS, SCHEMAS, TABLES, month_of, with_partitions
from helpers.paths import display_path


@lru_cache(maxsize=4096)
def _cue(cue: str) -> tuple[str, str]:
    from helpers.speaker_analysis import cue_class

    if not cue.strip():
        return "", ""
    entry = cue_class(cue)
    return entry.lemma, entry.cls


class _Columns:
    """Rows of one table kept as column lists, turned into one Arrow table per batch."""

    def __init__(self, name: str):
        self.name = name
        self.cols: dict[str, list] = {f: [] for f in (*SCHEMAS[name].names, *PARTITIONS)}
        self._appends = [(key, values.append) for key, values in self.cols.items()]

    def add(self, row: dict) -> None:
        get = row.get
        for key, append in self._appends:
            append(get(key))

    def table(self) -> pa.Table:
        return pa.Table.from_pydict(self.cols, schema=with_partitions(self.name))


def _statement_row(n: int, r) -> dict:
    """The statements-table columns of the n-th statement record of an article."""
    from helpers.speaker_analysis import count_words

    w, q = count_words(r.text, r.kind)
    lemma, cls = _cue(r.cue or "")
    return {
        "statement": n,
        "speaker": r.speaker,
        "role": r.role,
        "mention": r.mention,
        "mention_start": r.mention_start,
        "mention_end": r.mention_end,
        "kind": r.kind,
        "cue": r.cue,
        "cue_start": r.cue_start,
        "cue_end": r.cue_end,
        "text": r.text,
        "start": r.start,
        "end": r.end,
        "paragraph": r.paragraph,
        "nested": bool(r.nested),
        "words": w,
        "quoted_words": q,
        "cue_lemma": lemma,
        "cue_class": cls,
    }


def _analyse(item: dict, encoding: str | None):
    """(article, statement records, term records, words) of an item; ArticleError when it
    cannot be read as an article."""
    from helpers.statements import statement_records
    from helpers.terms import term_records, word_count

    if item.get("error"):
        raise ArticleError(item["error"])
    article = parse_article(item["path"], item["data"], encoding)
    return article, statement_records(article), term_records(article), word_count(article)


def _article_rows(item: dict, encoding: str | None, tables: dict[str, _Columns]) -> None:
    """Add one article's rows to the batch's tables (one failed row when it can't be read)."""
    from helpers.statements.speakers import speaker_rows

    common = {
        "file": item["file"],
        "date": item["date"],
        "outlet": item["outlet"],
        "month": month_of(item["date"]),
    }
    row = {**common, "sha256": item["sha256"], "bytes": item["bytes"], "status": OK}
    try:
        article, records, terms, words = _analyse(item, encoding)
    except ArticleError as exc:
        tables["articles"].add({**row, "status": FAILED, "error": str(exc)})
        return
    except Exception as exc:  # a bug on one article must not stop the corpus
        reason = f"internal error ({type(exc).__name__}: {exc}) — please report it"
        tables["articles"].add({**row, "status": FAILED, "error": reason})
        return
    for n, r in enumerate(records, 1):
        tables["statements"].add({**common, **_statement_row(n, r)})
    # per speaker, counted as helpers.statements.speakers_table counts them
    for sp in speaker_rows(records):
        tables["speakers"].add({**common, **sp})
    for rank, term in enumerate(terms, 1):
        tables["terms"].add({**term, **common, "rank": rank})
    tables["articles"].add(
        {
            **row,
            "headline": article.headline.text,
            "words": words,
            "paragraphs": len(article.paragraphs),
            "statements": sum(1 for r in records if not r.nested),
            "error": None,
        }
    )


def process_batch(items: list[dict], encoding: str | None = None) -> dict[str, pa.Table]:
    """The four tables of a batch of articles (each item: file, path, data, sha256, bytes,
    outlet, date, and error when the file could not be read). Runs on a Dask worker."""
    tables = {name: _Columns(name) for name in TABLES}
    for item in items:
        _article_rows(item, encoding, tables)
    return {name: cols.table() for name, cols in tables.items()}


def load_batch(batch: list[Source], max_bytes: int) -> list[dict]:
    """The batch's articles as plain items with their bytes (read here, sent to a worker)."""
    items = []
    for s in batch:
        item = {
            "file": s.file,
            "path": s.path,
            "sha256": s.sha256,
            "bytes": s.bytes,
            "outlet": s.outlet,
            "date": s.date,
            "data": b"",
            "error": None,
        }
        if s.bytes > max_bytes:
            item["error"] = (
                f"{display_path(s.path)} is too large for an article ({s.bytes / 1e6:.1f} MB, "
                f"the limit is {max_bytes / 1e6:.1f} MB) — split it into articles, or raise "
                "--max-mb"
            )
        else:
            try:
                item["data"] = Path(s.path).read_bytes()
            except OSError as exc:
                item["error"] = (
                    f"{display_path(s.path)} cannot be read ({exc.strerror}) — check its "
                    "permissions"
                )
        items.append(item)
    return items


def failed_batch(batch: list[Source], reason: str) -> dict[str, pa.Table]:
    """The tables of a batch whose worker died: every article a failed row with the reason."""
    items = [{**it, "data": b"", "error": reason} for it in load_batch(batch, 0)]
    return process_batch(items)
