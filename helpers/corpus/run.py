"""One corpus run: find the articles, skip those already done, run the rest in batches (in
this process, or on Dask) and write each batch's tables as it comes."""

from __future__ import annotations

import codecs
import hashlib
import math
import os
import shutil
import time
from collections.abc import Callable, Sequence
from pathlib import Path

import pyarrow as pa

from helpers.corpus import sources as _sources
from helpers.corpus.batch import load_batch, process_batch
from helpers.corpus.lock import RunLock
from helpers.corpus.progress import Progress, Summary
from helpers.corpus.sources import Source, find_articles
from helpers.corpus.store import check_out, drop_files, prepare_out, recover, write_batch
from helpers.corpus.tables import FAILED, MAX_BYTES, STAGING, CorpusError

CLUSTER_BATCH = 50  # articles per task on a cluster, at most (by default)
IN_PROCESS_BATCH = 200  # articles per batch in this process, at most (by default)


def _batch_id(batch: list[Source]) -> str:
    h = hashlib.sha256()
    for s in batch:
        h.update(f"{s.file}\0{s.sha256}\n".encode())
    return h.hexdigest()[:20]


def _batches(todo: list[Source], size: int) -> list[list[Source]]:
    return [todo[i : i + size] for i in range(0, len(todo), size)]


def _todo(out: Path, sources: list[Source], summary: Summary) -> list[Source]:
    """The sources not yet in out with the same text; the rows of changed files are dropped."""
    done = recover(out)
    by_file: dict[str, list[str]] = {}
    for (f, _), batch in done.items():
        by_file.setdefault(f, []).append(batch)
    _sources.hash_sources(sources)
    todo, stale_files, stale_batches = [], set(), set()
    for src in sources:
        if src.sha256 and (src.file, src.sha256) in done:
            summary.skipped += 1
            continue
        for batch in by_file.get(src.file, []):  # the file changed since the last run
            stale_files.add(src.file)
            stale_batches.add(batch)
        todo.append(src)
    if stale_files:
        drop_files(out, stale_batches, stale_files)
    return todo


class _Commit:
    """Writes a batch's tables and counts it in the summary, the progress line and on_batch."""

    def __init__(self, out: Path, summary: Summary, bar: Progress | None, on_batch):
        self.out, self.summary, self.bar, self.on_batch = out, summary, bar, on_batch

    def __call__(self, batch: list[Source], tables: dict[str, pa.Table]) -> None:
        bid = _batch_id(batch)
        write_batch(self.out, bid, tables)
        summary = self.summary
        articles = tables["articles"]
        status = articles["status"].to_pylist()
        errors = articles["error"].to_pylist()
        files = articles["file"].to_pylist()
        for f, st, err in zip(files, status, errors, strict=True):
            if st == FAILED:
                summary.failed += 1
                summary.failures.append((f, err))
        nbytes = sum(s.bytes for s in batch)
        summary.processed += len(batch)
        summary.batches += 1
        summary.bytes += nbytes
        if self.bar is not None:
            self.bar.update(len(batch), nbytes)
        if self.on_batch is not None:
            self.on_batch(bid, len(batch))


def _progress(progress: bool | Progress, todo: list[Source]) -> Progress | None:
    if not progress:
        return None
    if isinstance(progress, Progress):
        return progress
    return Progress(len(todo), sum(s.bytes for s in todo))


def _run_batches(batches, commit, *, workers, runner, max_bytes, encoding, timeout) -> int:
    """Run the batches: on the cluster runner is connected to, in this process with one worker,
    else on a local cluster started here. Returns the number of workers used."""
    if not batches:
        return 0
    if runner is None and workers == 1:
        for batch in batches:
            commit(batch, process_batch(load_batch(batch, max_bytes), encoding))
        return 1
    from helpers.corpus.cluster import DaskRun

    local = DaskRun.local(workers) if runner is None else None
    try:
        (runner or local).run(batches, commit, max_bytes, encoding, timeout)
        return (runner or local).workers
    finally:
        if local is not None:
            local.close()


def _check_encoding(encoding: str | None) -> None:
    if encoding is None:
        return
    try:
        codecs.lookup(encoding)
    except LookupError:
        raise CorpusError(
            f"unknown encoding {encoding!r} — name one Python knows, e.g. utf-8, cp1252, latin-1"
        ) from None


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
    up to 50, so that every worker gets several tasks; up to 200 in this process). ``force``
    rebuilds the tables from scratch. ``timeout``: seconds to wait for the whole run on a
    cluster before giving up. ``on_batch(batch_id, n_articles)`` is called after each batch is
    written.

    Everything is checked before anything in ``out`` changes (the inputs, the encoding, the
    folder, the scheduler and its workers): a run that stops with CorpusError, also with
    ``force``, leaves the tables as they were. One run at a time writes to ``out``: a second
    one stops with CorpusError (see helpers.corpus.lock)."""
    t0 = time.perf_counter()
    out = Path(out)
    sources = find_articles(inputs)
    _check_encoding(encoding)
    check_out(out, force)
    with RunLock(out):
        runner = None
        if scheduler:
            from helpers.corpus.cluster import DaskRun

            runner = DaskRun.connect(scheduler, timeout)
        try:
            summary = Summary(out=out, found=len(sources))
            prepare_out(out, force)
            workers = max(1, int(workers if workers is not None else os.cpu_count() or 1))
            in_process = runner is None and workers == 1
            batches = _plan(out, sources, summary, None if in_process else workers, batch_size)
            run = {"max_bytes": max_bytes, "encoding": encoding, "timeout": timeout}
            _run(out, batches, summary, progress, on_batch, runner=runner, workers=workers, **run)
        finally:
            if runner is not None:
                runner.close()
    summary.seconds = time.perf_counter() - t0
    return summary


def _plan(out: Path, sources, summary: Summary, workers: int, batch_size) -> list[list[Source]]:
    """The batches of the articles still to do. By default, on a cluster: up to 50 articles,
    at least four batches per worker, so that every worker stays busy to the end; in this
    process (workers=None): up to 200, as a batch then only sets how often tables are written
    (fewer, larger Parquet files) and how much work an interruption loses."""
    todo = _todo(out, sources, summary)
    if batch_size is None:
        most = IN_PROCESS_BATCH if workers is None else CLUSTER_BATCH
        batch_size = max(1, min(most, math.ceil(len(todo) / (4 * (workers or 1))) or 1))
    return _batches(todo, max(1, int(batch_size)))


def _run(out: Path, batches, summary: Summary, progress, on_batch, **run) -> None:
    """Run the batches, writing each as it comes, with the progress line."""
    bar = _progress(progress, [s for b in batches for s in b])
    commit = _Commit(out, summary, bar, on_batch)
    try:
        summary.workers = _run_batches(batches, commit, **run)
    finally:
        if bar is not None:
            bar.close()
        shutil.rmtree(out / STAGING, ignore_errors=True)
