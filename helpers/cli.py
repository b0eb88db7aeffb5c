"""Command line: ``python -m helpers COMMAND ...``.

Each command lives in the module that does its work; that module offers
``register(subparsers)``, which adds a sub-parser whose ``func(args)`` returns an exit code.
Exit codes: 0 success; 1 when the analysis found a problem it reports (a notebook failed,
a score below a threshold); 2 on bad input or usage. Errors the user can fix (KitError and
its subclasses, e.g. ArticleError) are printed to stderr as one line, never as a traceback;
docs/errors.md lists them.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys

from helpers.arguments import megabytes
from helpers.article import DEFAULT_MAX_MB, MAX_SIZE_ENV
from helpers.errors import KitError
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


def _command_module(name: str) -> str:
    """The module of a command: `python -m helpers statements` lives in helpers.statements_cli."""
    return f"helpers.{name}_cli"


def _wanted(argv: list[str] | None) -> list[str]:
    """The command modules to load: only the chosen command's when the first word names one
    (each module imports its own libraries, so one command does not pay for all); every
    module for `--help` or a word that is no command (argparse then lists them)."""
    words = sys.argv[1:] if argv is None else argv
    first = next((w for w in words if not w.startswith("-")), None)
    chosen = _command_module(first) if first else None
    return [chosen] if chosen in COMMAND_MODULES else COMMAND_MODULES


def build_parser(argv: list[str] | None = None) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m helpers",
        description="Media-analysis kit: who speaks in a news article, how, and in which words.",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    sub.required = True
    for name in _wanted(argv) if argv is not None else COMMAND_MODULES:
        importlib.import_module(name).register(sub)
    for command in sub.choices.values():
        command.add_argument(
            "--max-size",
            type=megabytes,
            default=None,
            metavar="MB",
            help=f"read articles up to MB megabytes (default {DEFAULT_MAX_MB:g})",
        )
    return parser


def main(argv: list[str] | None = None) -> int:
    words = sys.argv[1:] if argv is None else argv
    parser = build_parser(words)
    args = parser.parse_args(words)
    before = os.environ.get(MAX_SIZE_ENV)
    if getattr(args, "max_size", None):
        # an environment variable, so the report's notebook kernels apply it too
        os.environ[MAX_SIZE_ENV] = repr(args.max_size)
    try:
        return int(args.func(args) or 0)
    except KitError as exc:
        print(f"error: {terminal_safe(str(exc), keep_newlines=False)}", file=sys.stderr)
        return 2
    except BrokenPipeError:  # e.g. `python -m helpers ... | head`
        return 0
    finally:
        if before is None:
            os.environ.pop(MAX_SIZE_ENV, None)
        else:
            os.environ[MAX_SIZE_ENV] = before
