"""`python -m helpers statements PATH`: the statements of an article, its speakers, or why
each cue candidate was kept or rejected (`--explain`)."""

from __future__ import annotations

import sys

from helpers.article import load_article
from helpers.corrections_cli import add_arguments, corrections_file
from helpers.output import print_json

_TABLE_TEXT_WIDTH = 60
_EXPLAIN_TABLE_COLUMNS = ["cue", "stage", "decision", "reason", "speaker", "sentence"]


def register(sub) -> None:
    p = sub.add_parser("statements", help="list who says what in an article (statements)")
    p.add_argument(
        "path", help="a plain-text article (headline first, blank lines between paragraphs)"
    )
    p.add_argument("--format", choices=["table", "json", "csv"], default="table")
    what = p.add_mutually_exclusive_group()
    what.add_argument(
        "--speakers", action="store_true", help="one row per speaker instead of per statement"
    )
    what.add_argument(
        "--explain",
        action="store_true",
        help="one row per cue candidate: kept or rejected, at which stage, and why",
    )
    add_arguments(p)
    p.set_defaults(func=run)


def _short(text: str) -> str:
    return text if len(text) <= _TABLE_TEXT_WIDTH else text[: _TABLE_TEXT_WIDTH - 1] + "…"


def run(args) -> int:
    # pandas and the table printer are imported only for the formats that need them: the
    # JSON of the statements is written straight from the records (start-up matters here)
    from helpers.statements import explain_records, statement_records

    article = load_article(args.path)
    corrections = None if args.explain else corrections_file(article, args.corrections)
    if args.format == "json" and not args.speakers and corrections is None:
        if args.explain:
            rows = explain_records(article)
        else:
            rows = [st.as_row() for st in statement_records(article)]
        print_json(rows)
        return 0
    import pandas as pd

    from helpers.output import print_table, terminal_safe, writes_to_file
    from helpers.statements import EXPLAIN_COLUMNS, speakers_table, to_frame

    if args.explain:
        table = pd.DataFrame(explain_records(article), columns=EXPLAIN_COLUMNS)
        if args.format == "table":
            table = table.assign(sentence=table["sentence"].map(_short))[_EXPLAIN_TABLE_COLUMNS]
        print_table(table, args.format)
        return 0
    table = to_frame(statement_records(article))
    if corrections is not None:
        from helpers.corrections import apply_corrections

        table, report = apply_corrections(table, article, corrections)
        print(terminal_safe(str(report)), file=sys.stderr)  # stdout stays the table
    if args.speakers:
        table = speakers_table(table)
        if args.format != "json":
            table = table.assign(forms=table["forms"].map(" | ".join))
    elif args.format == "table":
        table = table.assign(text=table["text"].map(_short))[
            ["paragraph", "speaker", "kind", "cue", "mention", "nested", "text"]
        ]
    # CSV written to a file gets a byte-order mark, so that spreadsheets read it as UTF-8
    # (it is how a corrections file starts); piped to another program it stays plain UTF-8.
    print_table(table, args.format, bom=args.format == "csv" and writes_to_file(sys.stdout))
    return 0
