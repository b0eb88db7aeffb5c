"""`python -m helpers corpus INPUT... --out DIR`: many articles to Parquet tables, on Dask."""

from __future__ import annotations

import sys

from helpers.arguments import megabytes, positive_int
from helpers.corpus import MAX_BYTES, build_corpus
from helpers.output import terminal_safe
from helpers.paths import display_path


def register(sub) -> None:
    p = sub.add_parser(
        "corpus",
        help="analyse many articles into Parquet tables (articles, statements, speakers, terms)",
        description="Analyse every article in files, folders (their .txt files) or glob "
        "patterns, with outlet and date from a metadata.csv beside them, and write four "
        "Parquet tables under DIR, partitioned by outlet and month. Runs on a local Dask "
        "cluster (one worker per core) or on an existing one (--scheduler). A second run "
        "skips the articles already in DIR.",
    )
    p.add_argument("inputs", nargs="+", metavar="INPUT", help="article files, folders or globs")
    p.add_argument("--out", required=True, metavar="DIR", help="folder for the tables")
    p.add_argument(
        "--workers",
        type=positive_int,
        default=None,
        help="worker processes of the local cluster (default: one per core; 1 = no cluster)",
    )
    p.add_argument(
        "--scheduler",
        metavar="ADDRESS",
        default=None,
        help="use a running Dask distributed cluster, e.g. tcp://10.0.0.5:8786",
    )
    p.add_argument(
        "--batch-size",
        type=positive_int,
        default=None,
        help="articles per task (default: up to 50; up to 200 with --workers 1)",
    )
    p.add_argument("--force", action="store_true", help="rebuild the tables from scratch")
    p.add_argument("--quiet", action="store_true", help="no progress line, no summary")
    p.add_argument(
        "--encoding",
        default=None,
        help="read every article in this encoding (default: UTF-8), e.g. cp1252",
    )
    p.add_argument(
        "--max-mb",
        type=megabytes,
        default=MAX_BYTES / 1e6,
        help=f"larger files fail as 'too large' (default: {MAX_BYTES / 1e6:g})",
    )
    p.add_argument(
        "--timeout",
        type=positive_int,
        default=None,
        metavar="SECONDS",
        help="on a cluster, give up when connecting or the run takes longer (what is written is "
        "kept)",
    )
    p.set_defaults(func=run)


def run(args) -> int:
    try:
        summary = _build(args)
    except KeyboardInterrupt:
        print(
            "\ninterrupted — the batches written so far are kept: run the same command again "
            "to continue",
            file=sys.stderr,
        )
        return 130
    if not args.quiet:
        print(terminal_safe(str(summary)))
        for file, reason in summary.failures[:10]:
            line = f"  failed: {file}: {reason}"
            print(terminal_safe(line, keep_newlines=False), file=sys.stderr)
        if len(summary.failures) > 10:
            print(
                f"  … and {len(summary.failures) - 10} more: see the articles table "
                f"(status = failed) in {terminal_safe(display_path(args.out))}",
                file=sys.stderr,
            )
    return 0


def _build(args):
    return build_corpus(
        args.inputs,
        args.out,
        workers=args.workers,
        scheduler=args.scheduler,
        batch_size=args.batch_size,
        force=args.force,
        progress=not args.quiet,
        encoding=args.encoding,
        max_bytes=int(args.max_mb * 1e6),
        timeout=args.timeout,
    )
