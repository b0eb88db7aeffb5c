"""`python -m helpers statements PATH`: the statements of an article, or its speakers."""

from __future__ import annotations

import sys

from helpers.article import load_article
from helpers.corrections import add_arguments, statements_with_corrections
from helpers.output import print_table, writes_to_file
from helpers.statements import speakers_table

_TABLE_TEXT_WIDTH = 60


def register(sub) -> None:
    p = sub.add_parser("statements", help="list who says what in an article (statements)")
    p.add_argument(
        "path", help="a plain-text article (headline first, blank lines between paragraphs)"
    )
    p.add_argument("--format", choices=["table", "json", "csv"], default="table")
    p.add_argument(
        "--speakers", action="store_true", help="one row per speaker instead of per statement"
    )
    add_arguments(p)
    p.set_defaults(func=run)


def run(args) -> int:
    article = load_article(args.path)
    table, report = statements_with_corrections(article, args.corrections)
    if report.file is not None:  # on stderr: stdout stays the table
        print(str(report), file=sys.stderr)
    if args.speakers:
        table = speakers_table(table)
        if args.format != "json":
            table = table.assign(forms=table["forms"].map(" | ".join))
    elif args.format == "table":
        short = table["text"].map(
            lambda t: t if len(t) <= _TABLE_TEXT_WIDTH else t[: _TABLE_TEXT_WIDTH - 1] + "…"
        )
        table = table.assign(text=short)[
            ["paragraph", "speaker", "kind", "cue", "mention", "nested", "text"]
        ]
    if args.format == "json":
        # <NA> in the nullable offset columns becomes null (helpers.output knows NaN/None only)
        table = table.astype(object).where(table.notna(), None)
    # CSV written to a file gets a byte-order mark, so that spreadsheets read it as UTF-8
    # (it is how a corrections file starts); piped to another program it stays plain UTF-8.
    print_table(table, args.format, bom=args.format == "csv" and writes_to_file(sys.stdout))
    return 0
