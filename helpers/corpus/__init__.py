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

The modules, in the order a run goes through them: ``tables`` (names, columns, partitions),
``sources`` (finding the articles and their metadata), ``batch`` (one batch analysed into
rows), ``cluster`` (the batches on Dask), ``store`` (the Parquet files: writing, recovering,
reading), ``progress`` (the progress line and the summary) and ``run`` (``build_corpus``).
"""

from helpers.corpus.batch import load_batch, process_batch
from helpers.corpus.cluster import kit_version
from helpers.corpus.progress import Progress, Summary
from helpers.corpus.run import build_corpus
from helpers.corpus.sources import Source, find_articles, hash_file
from helpers.corpus.store import read_table
from helpers.corpus.tables import (
    FAILED,
    FORMAT,
    MANIFEST,
    MAX_BYTES,
    OK,
    PARTITIONS,
    SCHEMAS,
    TABLES,
    CorpusError,
    month_of,
)

__all__ = [
    "FAILED",
    "FORMAT",
    "MANIFEST",
    "MAX_BYTES",
    "OK",
    "PARTITIONS",
    "SCHEMAS",
    "TABLES",
    "CorpusError",
    "Progress",
    "Source",
    "Summary",
    "build_corpus",
    "find_articles",
    "hash_file",
    "kit_version",
    "load_batch",
    "month_of",
    "process_batch",
    "read_table",
]
