"""`python -m helpers evaluate GOLD...`: score the statement extractor against gold files."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from helpers.errors import KitError
from helpers.evaluate import evaluate_files
from helpers.gold import expand_gold_paths
from helpers.output import print_json, print_table, table_records
from helpers.paths import display_path


def register(sub) -> None:
    p = sub.add_parser(
        "evaluate",
        help="score the statement extractor against gold files (.json, brat .ann, folders)",
    )
    p.add_argument(
        "gold",
        nargs="+",
        metavar="GOLD",
        help="our .json gold files, brat .ann files, or folders (a folder with text/ and "
        "attributions/ is read as a PolNeAR-like corpus)",
    )
    p.add_argument("--format", choices=["table", "json"], default="table")
    p.add_argument(
        "--details",
        action="store_true",
        help="also list per-speaker counts and every miss, false positive and wrong speaker",
    )
    p.add_argument(
        "--min-f1",
        type=float,
        default=None,
        metavar="F",
        help="exit with code 1 when the detection F1 over all files is below F (for CI)",
    )
    p.set_defaults(func=run)


def check_readable(paths: list[Path]) -> None:
    """Refuse, with the file's name, gold files the reader would crash on rather than
    reject: not UTF-8, JSON nested thousands deep, numbers thousands of digits long."""
    for path in paths:
        shown = display_path(path)
        try:
            text = path.read_text(encoding="utf-8")
        except UnicodeDecodeError as exc:
            raise KitError(
                f"{shown} is not UTF-8 text (byte {exc.object[exc.start]:#04x} at position "
                f"{exc.start}) — save it as UTF-8"
            ) from None
        except OSError as exc:
            raise KitError(
                f"{shown} cannot be read ({exc.strerror}) — check its permissions"
            ) from None
        if path.suffix != ".json":
            continue
        try:
            json.loads(text)
        except RecursionError:
            raise KitError(
                f"{shown} nests its JSON too deeply to be a gold file — see docs/gold-format.md"
            ) from None
        except json.JSONDecodeError:
            pass  # the gold reader names the line and column
        except ValueError:  # an integer of thousands of digits
            raise KitError(
                f"{shown} holds a number too long to read — offsets and counts in a gold file "
                "are small whole numbers (see docs/gold-format.md)"
            ) from None


def run(args) -> int:
    check_readable(expand_gold_paths(args.gold))
    result = evaluate_files(args.gold)
    if args.format == "json":
        out = {
            "totals": table_records(result.totals)[0],
            "files": table_records(result.files),
            "speakers": table_records(result.speakers),
        }
        if args.details:
            out["details"] = table_records(result.details)
        print_json(out)
        return _verdict(result, args.min_f1)
    print("Totals (micro, over all files)")
    print_table(result.totals, "table")
    print("\nPer file")
    print_table(result.files, "table")
    if args.details:
        print("\nPer speaker (top-level statements: predicted - gold)")
        print_table(result.speakers, "table")
        print("\nMisses, false positives and wrong speakers")
        print_table(result.details, "table")
    return _verdict(result, args.min_f1)


def _verdict(result, min_f1: float | None) -> int:
    """1 when the F1 over all files is below --min-f1 (said on stderr), else 0."""
    f1 = float(result.totals.iloc[0]["f1"])
    if min_f1 is not None and not f1 >= min_f1:
        print(f"F1 {f1:.3f} is below --min-f1 {min_f1:g}", file=sys.stderr)
        return 1
    return 0
