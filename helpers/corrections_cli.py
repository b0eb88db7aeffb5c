"""The light part of corrections by hand, for the command line: where the file is looked for
and the ``--corrections FILE`` / ``--no-corrections`` options (no pandas imported here, so
commands start fast; helpers.corrections does the work)."""

from __future__ import annotations

from pathlib import Path

SUFFIX = ".corrections.csv"


def corrections_path(article) -> Path:
    """Where the corrections file of an article is looked for: beside it
    (``tass.txt`` → ``tass.corrections.csv``)."""
    return article.path.with_name(article.path.stem + SUFFIX)


def corrections_file(article, corrections: Path | str | bool | None) -> Path | None:
    """The corrections file to apply: None → the one beside the article if it exists,
    False → none, a path → that file (read_corrections says so if it is missing)."""
    if corrections is False:
        return None
    if corrections is None or corrections is True:
        path = corrections_path(article)
        return path if path.is_file() else None
    return Path(corrections)


def add_arguments(parser) -> None:
    """--corrections FILE and --no-corrections for a command (dest ``corrections``: None for
    the file beside the article when there is one, a path, or False)."""
    group = parser.add_mutually_exclusive_group()
    group.add_argument(
        "--corrections",
        metavar="FILE",
        default=None,
        help=f"apply this corrections file (default: ARTICLE{SUFFIX} beside the article, if any)",
    )
    group.add_argument(
        "--no-corrections",
        dest="corrections",
        action="store_false",
        help="ignore any corrections file: the kit's own statements",
    )
