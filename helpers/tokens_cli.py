"""`python -m helpers tokens PATH`: an article's structure and counts, for a quick look."""

from __future__ import annotations

import json

from helpers.article import load_article
from helpers.output import print_table
from helpers.tokens import counts, sentence_table


def register(sub) -> None:
    p = sub.add_parser("tokens", help="count an article's paragraphs, sentences and words")
    p.add_argument(
        "path", help="a plain-text article (headline first, blank lines between paragraphs)"
    )
    p.add_argument("--sentences", action="store_true", help="list the sentences too")
    p.add_argument("--format", choices=["table", "json", "csv"], default="table")
    p.set_defaults(func=run)


def run(args) -> int:
    article = load_article(args.path)
    if args.sentences:
        print_table(sentence_table(article), args.format)
    elif args.format == "json":
        print(json.dumps(counts(article), indent=2))
    else:
        import pandas as pd

        table = pd.DataFrame(
            [{"measure": k, "value": v} for k, v in counts(article).items()], dtype=object
        )
        print_table(table, args.format)
    return 0
