"""Command line: ``python -m helpers COMMAND ...``.

Each command lives in the module that does its work; that module offers
``register(subparsers)``, which adds a sub-parser whose ``func(args)`` returns an exit code.
Errors the user can fix (ArticleError, and other KitError-like ValueErrors raised on
purpose) are printed to stderr as one line, with exit code 2, never as a traceback.
"""

from __future__ import annotations

import argparse
import importlib
import sys

from helpers.article import ArticleError
from helpers.output import terminal_safe

# modules that contribute a command, in the order `--help` lists them
COMMAND_MODULES: list[str] = [
    "helpers.tokens_cli",
    "helpers.statements_cli",
    "helpers.terms_cli",
    "helpers.evaluate_cli",
    "helpers.report_cli",
    "helpers.compare_cli",
    "helpers.exercises_cli",
    "helpers.corpus_cli",
]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m helpers",
        description="Media-analysis kit: who speaks in a news article, how, and in which words.",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    sub.required = True
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.func(args) or 0)
    except ArticleError as exc:
        print(f"error: {terminal_safe(str(exc), keep_newlines=False)}", file=sys.stderr)
        return 2
    except BrokenPipeError:  # e.g. `python -m helpers ... | head`
        return 0
