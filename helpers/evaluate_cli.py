"""`python -m helpers evaluate GOLD...`: score the statement extractor against gold files."""

from __future__ import annotations

import json

from helpers.evaluate import evaluate_files
from helpers.output import print_table, table_records


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
    p.set_defaults(func=run)


def run(args) -> int:
    result = evaluate_files(args.gold)
    if args.format == "json":
        out = {
            "totals": table_records(result.totals)[0],
            "files": table_records(result.files),
            "speakers": table_records(result.speakers),
        }
        if args.details:
            out["details"] = table_records(result.details)
        print(json.dumps(out, ensure_ascii=False, indent=2))
        return 0
    print("Totals (micro, over all files)")
    print_table(result.totals, "table")
    print("\nPer file")
    print_table(result.files, "table")
    if args.details:
        print("\nPer speaker (top-level statements: predicted - gold)")
        print_table(result.speakers, "table")
        print("\nMisses, false positives and wrong speakers")
        print_table(result.details, "table")
    return 0
