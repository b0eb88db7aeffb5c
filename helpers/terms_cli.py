"""`python -m helpers terms PATH`: the article's recurring multi-word terms, ranked."""

from __future__ import annotations

from helpers.arguments import positive_int
from helpers.article import load_article
from helpers.output import print_table
from helpers.terms import recurring_terms


def register(sub) -> None:
    p = sub.add_parser(
        "terms",
        help="list the multi-word terms an article repeats",
        description="Multi-word terms (2 to 4 words) that occur at least twice, with their "
        "count and log-likelihood association score (g2).",
    )
    p.add_argument(
        "path", help="a plain-text article (headline first, blank lines between paragraphs)"
    )
    p.add_argument("--format", choices=["table", "json", "csv"], default="table")
    p.add_argument("--top", type=positive_int, default=None, help="show only the first N terms")
    p.add_argument(
        "--min-count", type=positive_int, default=2, help="times a term must occur (at least 2)"
    )
    p.add_argument(
        "--rank",
        choices=["count", "g2"],
        default="count",
        help="order by count (default) or by association score",
    )
    p.add_argument(
        "--stopwords",
        metavar="FILE",
        default=None,
        help="your own stopword list, one word a line (default: data/lexicons/stopwords.txt)",
    )
    p.add_argument(
        "--folded", action="store_true", help="also list the terms folded into longer ones"
    )
    p.set_defaults(func=run)


def run(args) -> int:
    article = load_article(args.path)
    table = recurring_terms(
        article,
        min_count=args.min_count,
        stop=args.stopwords,
        rank_by=args.rank,
        include_folded=args.folded,
    )
    if not args.folded:
        table = table.drop(columns="folded_into")
    if args.top:
        table = table.head(args.top)
    print_table(table, args.format)
    return 0
