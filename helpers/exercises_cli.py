"""`python -m helpers exercises [PATH [OTHER]]`: the right answers to the self-checks."""

from __future__ import annotations

from helpers.article import load_article
from helpers.output import print_table


def register(sub) -> None:
    p = sub.add_parser(
        "exercises",
        help="the right answers to the notebooks' self-checks, for an article (or a pair)",
        description=(
            "List every self-checking exercise with its right answer, computed from the "
            "article (the bundled one when none is given). With a second article, the "
            "answers of notebook 04 (two articles side by side) too."
        ),
    )
    p.add_argument("path", nargs="?", help="a plain-text article (default: the bundled one)")
    p.add_argument("other", nargs="?", help="a second article, for notebook 04's exercises")
    p.add_argument("--format", choices=["table", "json", "csv", "markdown"], default="table")
    p.set_defaults(func=run)


def run(args) -> int:
    from helpers.exercises import answers, answers_markdown
    from helpers.paths import BUNDLED_ARTICLE

    article = load_article(args.path or BUNDLED_ARTICLE)
    other = load_article(args.other) if args.other else None
    if args.format == "markdown":
        print(answers_markdown(article, other))
    else:
        print_table(answers(article, other), args.format)
    return 0
