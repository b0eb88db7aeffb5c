"""`python -m helpers compare A B`: two articles on one story side by side, as an HTML report."""

from __future__ import annotations

import sys
import time
from pathlib import Path

from helpers.paths import display_path
from helpers.report import NotebookFailed


def register(sub) -> None:
    p = sub.add_parser(
        "compare",
        help="compare two articles on the same story and write an HTML report under reports/",
        description=(
            "Run notebook 04 on two articles (the two bundled flood articles when none are "
            "given) and write reports/<first>_vs_<second>/: index.html, report.html (no "
            "code), the notebook page with its code, the instructor guide and the worksheet. "
            "Relative paths are read from the current folder."
        ),
    )
    p.add_argument("paths", nargs="*", metavar="PATH", help="two plain-text articles")
    p.add_argument("--out", metavar="DIR", help="write into DIR/<first>_vs_<second>/")
    p.add_argument(
        "--force",
        action="store_true",
        help="overwrite the report folder even if it holds files the kit did not write",
    )
    p.set_defaults(func=run)


def run(args) -> int:
    from helpers.article import ArticleError
    from helpers.compare import BUNDLED_PAIR

    if len(args.paths) not in (0, 2):
        raise ArticleError(
            f"compare takes two articles, not {len(args.paths)} — give the paths of both "
            "(or none, for the two bundled flood articles)"
        )
    from helpers.report import build_comparison

    paths = [Path(p).resolve() for p in args.paths] or list(BUNDLED_PAIR)
    out = Path(args.out).resolve() if args.out else None
    started = time.perf_counter()
    try:
        result = build_comparison(paths[0], paths[1], out_dir=out, force=args.force)
    except NotebookFailed as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    print(f"wrote {display_path(result.folder)}/")
    for path in result.files:
        print(f"  {path.relative_to(result.folder).as_posix()}")
    print(f"open {display_path(result.folder / 'index.html')} in a browser", end="")
    print(f" ({time.perf_counter() - started:.1f} s in all)")
    return 0
