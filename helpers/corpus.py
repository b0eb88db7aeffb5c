"""Corpus mode: many articles in, four Parquet tables out, on every core or on a Dask cluster.

``build_corpus(inputs, out)`` finds the articles (files, folders, globs; a ``metadata.csv``
beside them gives outlet and date), splits them in batches and runs each batch as one task on
Dask ``distributed`` workers (a local cluster, or an existing one by its address). A worker
keeps plain records per article and builds one Arrow table per batch; the calling process
writes it. Under ``out`` it writes four tables, each partitioned by outlet and month:

    out/articles/outlet=<outlet>/month=<YYYY-MM>/part-<batch>.parquet
    out/statements/...   out/speakers/...   out/terms/...

Nothing lost, nothing done twice: an article that cannot be read is a row with
``status = "failed"`` and the reason; a run skips the articles already in ``out`` with the
same file name and SHA-256, and rebuilds those whose text changed. Every file is written under
a temporary name and renamed into place, and a batch's ``articles`` file comes last: a batch
counts as done only once it is there (``read_table`` ignores the rest, and the next run removes
it). ``read_table(out, name, outlet=..., month=...)`` reads a table back, or part of it.
"""

from __future__ import annotations

import csv
import glob
import hashlib
import json
import math
import os
import re
import shutil
import sys
import time
import uuid
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from urllib.parse import quote

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.dataset as ds
import pyarrow.parquet as pq

from helpers.article import ArticleError, parse_article
from helpers.paths import display_path

TABLES = ("articles", "statements", "speakers", "terms")
PARTITIONS = ("outlet", "month")
FORMAT = 1  # the layout version written to corpus.json
MANIFEST = "corpus.json"
STAGING = ".staging"
NULL_PART = "__HIVE_DEFAULT_PARTITION__"  # how Hive partitioning writes a missing value
MAX_BYTES = 5_000_000  # a larger file is no article (a book, a dump): it becomes a failed row
OK, FAILED = "ok", "failed"
LOCAL_CLUSTER_CONFIG = {
    "distributed.admin.tick.interval": "1s",
    "distributed.admin.system-monitor.interval": "5s",
    "distributed.worker.memory.monitor-interval": "1s",
}

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


# --------------------------------------------------------------------------- finding articles


@dataclass
class Source:
    """One article file to process: where it is, its name in the tables, outlet and date."""

    path: str
    file: str
    outlet: str | None = None
    date: str | None = None
    sha256: str = ""
    bytes: int = 0

    @property
    def month(self) -> str | None:
        return month_of(self.date)


def month_of(date: str | None) -> str | None:
    """'2021-03-19' or '2021-03' -> '2021-03'; anything else -> None (no month partition)."""
    m = re.match(r"\s*(\d{4})-(\d{2})(?:-\d{2})?\b", date or "")
    return f"{m.group(1)}-{m.group(2)}" if m and 1 <= int(m.group(2)) <= 12 else None


def _read_metadata_csv(path: Path) -> dict[str, dict[str, str]]:
    """file -> row of a metadata.csv (columns file, outlet, date, ...)."""
    try:
        with path.open(encoding="utf-8-sig", newline="") as fh:
            rows = list(csv.DictReader(fh))
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        raise CorpusError(
            f"{display_path(path)} cannot be read as a CSV table ({exc}) — save it as UTF-8 "
            "CSV with a header line: file,outlet,date"
        ) from None
    if rows and "file" not in rows[0]:
        raise CorpusError(
            f"{display_path(path)} has no 'file' column — its header line must start with "
            "file,outlet,date"
        )
    return {(r.get("file") or "").strip(): r for r in rows if (r.get("file") or "").strip()}


def find_articles(inputs: Sequence[str | Path]) -> list[Source]:
    """The article files named by inputs: files, folders (every .txt file below them) and
    glob patterns; with outlet and date from a metadata.csv in the article's folder or above it
    (up to the folder given). Sorted by outlet, month and file, so a batch holds few outlets."""
    found: dict[str, tuple[Path, Path]] = {}  # resolved path -> (path, root of its name)
    for given in inputs:
        given = str(given)
        p = Path(given)
        if p.is_dir():
            for f in sorted(p.rglob("*.txt")):
                rel = f.relative_to(p)
                if f.is_file() and not any(part.startswith(".") for part in rel.parts):
                    found.setdefault(str(f.resolve()), (f, p))
        elif p.is_file():
            found.setdefault(str(p.resolve()), (p, p.parent))
        elif glob.has_magic(given):
            matches = [Path(m) for m in sorted(glob.glob(given, recursive=True))]
            files = [m for m in matches if m.is_file() and m.name != "metadata.csv"]
            if not files:
                raise CorpusError(f"no file matches {given!r} — check the pattern")
            for f in files:
                found.setdefault(str(f.resolve()), (f, f.parent))
        else:
            raise CorpusError(
                f"{display_path(p)} does not exist — give article files, folders or glob "
                "patterns (quote patterns: 'news/*.txt')"
            )
    if not found:
        raise CorpusError(
            "no articles found in " + ", ".join(map(str, inputs)) + " — a folder is searched "
            "for .txt files; give other files by name or with a glob pattern"
        )
    tables: dict[Path, dict[str, dict[str, str]]] = {}

    def metadata(path: Path, root: Path) -> dict[str, str]:
        folder = path.parent
        while True:
            csv_path = folder / "metadata.csv"
            if csv_path.is_file():
                if csv_path not in tables:
                    tables[csv_path] = _read_metadata_csv(csv_path)
                row = tables[csv_path].get(path.relative_to(folder).as_posix())
                if row is not None:
                    return row
            if folder == root or folder == folder.parent or root not in folder.parents:
                return {}
            folder = folder.parent

    sources, names = [], {}
    for path, root in found.values():
        name = path.relative_to(root).as_posix()
        if name in names:
            raise CorpusError(
                f"two articles have the name {name!r} ({display_path(names[name])} and "
                f"{display_path(path)}) — give their folders instead, so that each keeps its "
                "path inside the folder as its name"
            )
        names[name] = path
        row = metadata(path, root)
        sources.append(
            Source(
                path=str(path),
                file=name,
                outlet=(row.get("outlet") or "").strip() or None,
                date=(row.get("date") or "").strip() or None,
            )
        )
    sources.sort(key=lambda s: (s.outlet or "", s.month or "", s.file))
    return sources


def _hash_file(path: str) -> tuple[str, int]:
    h, n = hashlib.sha256(), 0
    with open(path, "rb") as fh:
        while chunk := fh.read(1 << 20):
            h.update(chunk)
            n += len(chunk)
    return h.hexdigest(), n


# --------------------------------------------------------------------------- one batch


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
        self.schema = SCHEMAS[name]
        self.cols: dict[str, list] = {f: [] for f in (*self.schema.names, *PARTITIONS)}

    def add(self, row: dict) -> None:
        for key, values in self.cols.items():
            values.append(row.get(key))

    def table(self) -> pa.Table:
        schema = self.schema
        for p in PARTITIONS:
            schema = schema.append(pa.field(p, _S))
        return pa.Table.from_pydict(self.cols, schema=schema)


def _article_rows(item: dict, encoding: str | None, tables: dict[str, _Columns]) -> None:
    """Add one article's rows to the batch's tables (one failed row when it can't be read)."""
    from helpers.speaker_analysis import count_words
    from helpers.statements import statement_records
    from helpers.statements.speakers import speaker_rows
    from helpers.terms import term_records, word_count

    common = {
        "file": item["file"],
        "date": item["date"],
        "outlet": item["outlet"],
        "month": month_of(item["date"]),
    }
    row = {**common, "sha256": item["sha256"], "bytes": item["bytes"], "status": OK}
    try:
        if item.get("error"):
            raise ArticleError(item["error"])
        article = parse_article(item["path"], item["data"], encoding)
        records = statement_records(article)
        terms = term_records(article)
        words = word_count(article)
    except ArticleError as exc:
        tables["articles"].add({**row, "status": FAILED, "error": str(exc)})
        return
    except Exception as exc:  # a bug on one article must not stop the corpus
        reason = f"internal error ({type(exc).__name__}: {exc}) — please report it"
        tables["articles"].add({**row, "status": FAILED, "error": reason})
        return
    for n, r in enumerate(records, 1):
        w, q = count_words(r.text, r.kind)
        lemma, cls = _cue(r.cue or "")
        tables["statements"].add(
            {
                **common,
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
        )
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


# --------------------------------------------------------------------------- writing


def _part_dir(out: Path, table: str, outlet: str | None, month: str | None) -> Path:
    def seg(v: str | None) -> str:
        return NULL_PART if v is None else quote(v, safe="")

    return out / table / f"outlet={seg(outlet)}" / f"month={seg(month)}"


def _write_atomic(table: pa.Table, path: Path, staging: Path) -> None:
    """Write a Parquet file under a temporary name, then rename it into place."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = staging / f"{uuid.uuid4().hex}.parquet"
    pq.write_table(table, tmp, compression="zstd")
    os.replace(tmp, path)


def _write_batch(out: Path, batch_id: str, tables: dict[str, pa.Table]) -> None:
    """One file per table and partition; the articles files last (they mark the batch done)."""
    staging = out / STAGING
    staging.mkdir(exist_ok=True)
    for name in ("statements", "speakers", "terms", "articles"):
        table = tables[name]
        if not table.num_rows:
            continue
        keys = sorted(
            set(zip(table["outlet"].to_pylist(), table["month"].to_pylist(), strict=True)),
            key=lambda k: (k[0] or "", k[1] or ""),
        )
        for outlet, month in keys:
            mask = pc.and_(_equals(table["outlet"], outlet), _equals(table["month"], month))
            part = table.filter(mask).drop_columns(list(PARTITIONS))
            _write_atomic(
                part, _part_dir(out, name, outlet, month) / f"part-{batch_id}.parquet", staging
            )


def _equals(column: pa.ChunkedArray, value: str | None):
    if value is None:
        return pc.is_null(column)
    return pc.fill_null(pc.equal(column, value), False)


def _parts(out: Path, table: str) -> list[Path]:
    root = out / table
    if not root.is_dir():
        return []
    return sorted(p for p in root.rglob("part-*.parquet") if p.is_file())


def _batch_of(part: Path) -> str:
    return part.stem.removeprefix("part-")


def _prepare(out: Path, force: bool) -> None:
    """Make out ready: a new folder, or one this command wrote before (rebuilt with force)."""
    manifest = out / MANIFEST
    if out.exists() and not out.is_dir():
        raise CorpusError(f"{display_path(out)} is a file — give a folder for the tables")
    if out.is_dir() and any(out.iterdir()) and not manifest.is_file():
        raise CorpusError(
            f"{display_path(out)} holds files the corpus command did not write — give an "
            "empty or new folder for the tables"
        )
    if manifest.is_file():
        try:
            fmt = json.loads(manifest.read_text(encoding="utf-8")).get("format")
        except (ValueError, OSError, AttributeError):
            fmt = None
        if fmt != FORMAT and not force:
            raise CorpusError(
                f"{display_path(out)} holds corpus tables of another layout — run again with "
                "--force to rebuild them"
            )
    if force:
        for name in (*TABLES, STAGING):
            shutil.rmtree(out / name, ignore_errors=True)
    out.mkdir(parents=True, exist_ok=True)
    from helpers import __version__

    manifest.write_text(
        json.dumps({"format": FORMAT, "kit": __version__, "tables": list(TABLES)}, indent=2) + "\n",
        encoding="utf-8",
    )


def _recover(out: Path) -> dict[tuple[str, str], str]:
    """Clean up after an interrupted run and return the articles done: (file, sha256) -> batch.

    Temporary files are removed, and so are the parts of batches whose articles file was never
    written (the run stopped while writing them)."""
    shutil.rmtree(out / STAGING, ignore_errors=True)
    done: dict[tuple[str, str], str] = {}
    committed = set()
    for part in _parts(out, "articles"):
        batch = _batch_of(part)
        committed.add(batch)
        t = pq.read_table(part, columns=["file", "sha256"])
        for f, s in zip(t["file"].to_pylist(), t["sha256"].to_pylist(), strict=True):
            done[(f, s)] = batch
    for name in ("statements", "speakers", "terms"):
        for part in _parts(out, name):
            if _batch_of(part) not in committed:
                part.unlink()
    return done


def _drop_files(out: Path, batches: set[str], files: set[str]) -> None:
    """Remove the rows of files (whose text has changed) from the given batches' parts."""
    staging = out / STAGING
    staging.mkdir(exist_ok=True)
    for name in ("articles", "statements", "speakers", "terms"):
        for part in _parts(out, name):
            if _batch_of(part) not in batches:
                continue
            table = pq.read_table(part)
            keep = pc.invert(pc.is_in(table["file"], pa.array(sorted(files))))
            kept = table.filter(keep)
            if kept.num_rows == table.num_rows:
                continue
            if kept.num_rows:
                _write_atomic(kept, part, staging)
            else:
                part.unlink()


# --------------------------------------------------------------------------- progress


class Progress:
    """One line on stderr: articles done, rate, MB/s and time left (redrawn on a terminal)."""

    def __init__(self, total: int, total_bytes: int, stream=None, every: float = 10.0):
        self.total, self.total_bytes = total, total_bytes
        self.stream = stream or sys.stderr
        self.tty = hasattr(self.stream, "isatty") and self.stream.isatty()
        self.every = 0.2 if self.tty else every
        self.start = time.perf_counter()
        self.done = self.bytes = 0
        self.last = 0.0

    def line(self) -> str:
        elapsed = max(time.perf_counter() - self.start, 1e-9)
        rate = self.done / elapsed
        mbs = self.bytes / elapsed / 1e6
        pct = 100 * self.done / self.total if self.total else 100.0
        left = (self.total - self.done) / rate if rate > 0 else math.inf
        eta = "?" if math.isinf(left) else _duration(left)
        return (
            f"corpus: {self.done}/{self.total} articles ({pct:.0f}%) · {rate:.1f} articles/s · "
            f"{mbs:.2f} MB/s · {eta} left"
        )

    def update(self, articles: int, nbytes: int) -> None:
        self.done += articles
        self.bytes += nbytes
        now = time.perf_counter()
        if now - self.last >= self.every or self.done >= self.total:
            self.last = now
            self._show()

    def _show(self) -> None:
        if self.tty:
            self.stream.write("\r" + self.line() + "\x1b[K")
        else:
            self.stream.write(self.line() + "\n")
        self.stream.flush()

    def close(self) -> None:
        if self.tty:
            self.stream.write("\n")
            self.stream.flush()


def _duration(seconds: float) -> str:
    seconds = int(round(seconds))
    if seconds < 60:
        return f"{seconds}s"
    if seconds < 3600:
        return f"{seconds // 60}m {seconds % 60:02d}s"
    return f"{seconds // 3600}h {seconds // 60 % 60:02d}m"


# --------------------------------------------------------------------------- the run


@dataclass
class Summary:
    """What a run did: articles found, processed, failed, skipped (already in out)."""

    out: Path
    found: int = 0
    processed: int = 0
    failed: int = 0
    skipped: int = 0
    batches: int = 0
    bytes: int = 0
    seconds: float = 0.0
    workers: int = 0
    failures: list[tuple[str, str]] = field(default_factory=list)

    def __str__(self) -> str:
        rate = self.bytes / self.seconds / 1e6 if self.seconds else 0.0
        return (
            f"{self.found} articles: {self.processed - self.failed} analysed, {self.failed} "
            f"failed, {self.skipped} already in {display_path(self.out)} · {self.batches} "
            f"batches on {self.workers} worker(s) in {self.seconds:.1f} s ({rate:.2f} MB/s)"
        )


def _batch_id(batch: list[Source]) -> str:
    h = hashlib.sha256()
    for s in batch:
        h.update(f"{s.file}\0{s.sha256}\n".encode())
    return h.hexdigest()[:20]


def _batches(todo: list[Source], size: int) -> list[list[Source]]:
    return [todo[i : i + size] for i in range(0, len(todo), size)]


def _load(batch: list[Source], max_bytes: int) -> list[dict]:
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


def build_corpus(
    inputs: Sequence[str | Path],
    out: str | Path,
    workers: int | None = None,
    scheduler: str | None = None,
    batch_size: int | None = None,
    force: bool = False,
    progress: bool | Progress = False,
    encoding: str | None = None,
    max_bytes: int = MAX_BYTES,
    timeout: float | None = None,
    on_batch: Callable[[str, int], None] | None = None,
) -> Summary:
    """Analyse every article named by ``inputs`` and write the four tables under ``out``.

    ``workers``: processes of a local Dask cluster (default: one per core); 1 runs in this
    process without a cluster. ``scheduler``: the address of a running ``distributed``
    scheduler ("tcp://host:8786") to use instead. ``batch_size``: articles per task (default:
    up to 50, so that every worker gets several tasks). ``force`` rebuilds the tables from
    scratch. ``timeout``: seconds to wait for the whole run on a cluster before giving up.
    ``on_batch(batch_id, n_articles)`` is called after each batch is written."""
    out = Path(out)
    t0 = time.perf_counter()
    sources = find_articles(inputs)
    _prepare(out, force)
    done = _recover(out)
    summary = Summary(out=out, found=len(sources))
    todo, stale_files, stale_batches = [], set(), set()
    by_file = {}
    for (f, s), batch in done.items():
        by_file.setdefault(f, []).append((s, batch))
    for src in sources:
        try:
            src.sha256, src.bytes = _hash_file(src.path)
        except OSError:  # unreadable: _load records why, and the next run tries again
            src.sha256, src.bytes = "", 0
        if src.sha256 and (src.file, src.sha256) in done:
            summary.skipped += 1
            continue
        for _, batch in by_file.get(src.file, []):  # the file changed since the last run
            stale_files.add(src.file)
            stale_batches.add(batch)
        todo.append(src)
    if stale_files:
        _drop_files(out, stale_batches, stale_files)
    if workers is None:
        workers = os.cpu_count() or 1
    workers = max(1, int(workers))
    if batch_size is None:
        batch_size = max(1, min(50, math.ceil(len(todo) / (4 * workers)) if todo else 1))
    batches = _batches(todo, max(1, int(batch_size)))
    bar = None
    if progress:
        bar = (
            progress
            if isinstance(progress, Progress)
            else Progress(len(todo), sum(s.bytes for s in todo))
        )

    def commit(batch: list[Source], tables: dict[str, pa.Table]) -> None:
        bid = _batch_id(batch)
        _write_batch(out, bid, tables)
        status = tables["articles"]["status"].to_pylist()
        errors = tables["articles"]["error"].to_pylist()
        files = tables["articles"]["file"].to_pylist()
        for f, st, err in zip(files, status, errors, strict=True):
            if st == FAILED:
                summary.failed += 1
                summary.failures.append((f, err))
        summary.processed += len(batch)
        summary.batches += 1
        summary.bytes += sum(s.bytes for s in batch)
        if bar is not None:
            bar.update(len(batch), sum(s.bytes for s in batch))
        if on_batch is not None:
            on_batch(bid, len(batch))

    try:
        if batches and scheduler is None and workers == 1:
            summary.workers = 1
            for batch in batches:
                commit(batch, process_batch(_load(batch, max_bytes), encoding))
        elif batches:
            summary.workers = _run_on_dask(
                batches, commit, workers, scheduler, max_bytes, encoding, timeout
            )
    finally:
        if bar is not None:
            bar.close()
        shutil.rmtree(out / STAGING, ignore_errors=True)
    summary.seconds = time.perf_counter() - t0
    return summary


def kit_version() -> str:
    """The kit's version, as a worker sees it (checked before a cluster gets any work)."""
    from helpers import __version__

    return __version__


def _check_workers(client, scheduler: str) -> None:
    """Every worker of an existing cluster must have the kit installed, in this version."""
    from helpers import __version__

    try:
        versions = client.run(kit_version)
    except Exception as exc:
        raise CorpusError(
            f"the workers of {scheduler} cannot run the kit ({type(exc).__name__}: {exc}) — "
            "install it on every worker machine (pip install -e /path/to/the/kit) and restart "
            "the workers"
        ) from None
    if not versions:
        raise CorpusError(f"the cluster at {scheduler} has no workers — start `dask worker`")
    other = sorted({v for v in versions.values() if v != __version__})
    if other:
        raise CorpusError(
            f"the workers of {scheduler} run kit version {', '.join(other)}, this is "
            f"{__version__} — install the same version everywhere, so that every article is "
            "analysed the same way"
        )


def _run_on_dask(batches, commit, workers, scheduler, max_bytes, encoding, timeout) -> int:
    """Run the batches as tasks on a distributed cluster, a few ahead of the results."""
    import logging

    from distributed import Client, LocalCluster, as_completed

    cluster = None
    if scheduler:
        try:
            client = Client(scheduler, timeout=30, set_as_default=False)
        except (OSError, TimeoutError) as exc:
            raise CorpusError(
                f"cannot reach the Dask scheduler at {scheduler} ({exc}) — check the address "
                "(tcp://host:8786) and that `dask scheduler` runs there"
            ) from None
    else:
        import dask

        # tasks here are long and CPU-bound: the workers' event loops need not wake every
        # 20 ms, nor measure memory ten times a second (each wake-up takes the GIL from the
        # task). Measured on 400 short articles: a worker's CPU per batch went from about 25%
        # above the same work in one process to about 10% above (noisy, on a busy machine)
        with dask.config.set(LOCAL_CLUSTER_CONFIG):
            cluster = LocalCluster(
                n_workers=workers,
                threads_per_worker=1,
                processes=True,
                dashboard_address=None,
                silence_logs=logging.ERROR,
            )
        client = Client(cluster, set_as_default=False)
    try:
        if scheduler:
            _check_workers(client, scheduler)
        n_workers = max(1, len(client.scheduler_info().get("workers", {})) or workers)
        queue: Iterator[list[Source]] = iter(batches)
        running: dict = {}
        results = as_completed(loop=client.loop, timeout=timeout)

        def submit() -> None:
            batch = next(queue, None)
            if batch is not None:
                fut = client.submit(process_batch, _load(batch, max_bytes), encoding, pure=False)
                running[fut.key] = batch
                results.add(fut)

        for _ in range(2 * n_workers):
            submit()
        try:
            for fut in results:
                batch = running.pop(fut.key)
                try:
                    tables = fut.result()
                except (TimeoutError, KeyboardInterrupt):
                    raise
                except Exception as exc:  # a worker died on this batch: record, go on
                    reason = (
                        f"the worker analysing this batch failed ({type(exc).__name__}: {exc})"
                        " — run again with --batch-size 1 to find the article that causes it"
                    )
                    items = [{**it, "data": b"", "error": reason} for it in _load(batch, 0)]
                    tables = process_batch(items)
                fut.release()
                commit(batch, tables)
                submit()
        except TimeoutError:
            raise CorpusError(
                f"the cluster returned no result within {timeout:g} s — the batches written "
                "so far are kept: run the command again to continue"
            ) from None
        return n_workers
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


# --------------------------------------------------------------------------- reading


def read_table(
    out: str | Path,
    name: str,
    outlet: str | Iterable[str] | None = None,
    month: str | Iterable[str] | None = None,
    columns: list[str] | None = None,
):
    """One of the four tables as a DataFrame, optionally only some outlets or months (only
    those partitions are read). outlet and month are plain text columns ("" when unknown);
    rows come in a fixed order (outlet, month, file, then the row's order in its article)."""
    import pandas as pd

    if name not in TABLES:
        raise ValueError(f"name must be one of {', '.join(TABLES)}, not {name!r}")
    out = Path(out)
    if not (out / MANIFEST).is_file():
        raise CorpusError(
            f"{display_path(out)} holds no corpus tables — make them with "
            f"`python -m helpers corpus ARTICLES... --out {display_path(out)}`"
        )
    committed = {_batch_of(p) for p in _parts(out, "articles")}
    parts = [str(p) for p in _parts(out, name) if _batch_of(p) in committed]
    schema = SCHEMAS[name]
    for p in PARTITIONS:
        schema = schema.append(pa.field(p, _S))
    if not parts:
        table = schema.empty_table()
    else:
        part = ds.HivePartitioning(
            pa.schema([(p, _S) for p in PARTITIONS]),
            null_fallback=NULL_PART,
            segment_encoding="uri",
        )
        dataset = ds.dataset(
            parts,
            schema=schema,
            format="parquet",
            partitioning=part,
            partition_base_dir=str(out / name),
        )
        flt = None
        for col, wanted in (("outlet", outlet), ("month", month)):
            if wanted is None:
                continue
            values = [wanted] if isinstance(wanted, str) else list(wanted)
            cond = ds.field(col).isin(pa.array([v for v in values if v], type=_S))
            if "" in values:
                cond = cond | ds.field(col).is_null()
            flt = cond if flt is None else flt & cond
        table = dataset.to_table(filter=flt)
    df = table.to_pandas(types_mapper={pa.int64(): pd.Int64Dtype()}.get)
    for p in PARTITIONS:
        df[p] = df[p].fillna("").astype(object)
    for f in SCHEMAS[name]:
        if pa.types.is_list(f.type):  # numpy arrays from Arrow: plain lists, as speakers_table
            df[f.name] = [list(v) for v in df[f.name]]
    order = {"statements": "statement", "terms": "rank"}.get(name)
    keys = ["outlet", "month", "file"] + ([order] if order else [])
    df = df.sort_values(keys, kind="mergesort").reset_index(drop=True)
    lead = ["file", "outlet", "month"]
    df = df[lead + [c for c in df.columns if c not in lead]]
    if columns is not None:
        df = df[columns]
    return pd.DataFrame(df)
