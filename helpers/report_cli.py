"""`python -m helpers report [PATH ...]`: HTML reports for the bundled article or your own."""

from __future__ import annotations

import sys
import time
from pathlib import Path

from helpers.corrections_cli import add_arguments
from helpers.output import terminal_safe
from helpers.paths import BUNDLED_ARTICLE, display_path
from helpers.report import NotebookFailed, ReportError, build_reports


def register(sub) -> None:
    p = sub.add_parser(
        "report",
        help="run every notebook on an article and write HTML reports under reports/",
        description=(
            "Run every notebook on each article (the bundled one when none is given) and "
            "write reports/<article-name>/: index.html, report.html (no code) and one page "
            "per notebook (with code). Relative paths are read from the current folder."
        ),
    )
    p.add_argument("paths", nargs="*", metavar="PATH", help="plain-text article(s)")
    p.add_argument(
        "--out",
        metavar="DIR",
        help="write into DIR/<article-name>/ instead of the kit's reports/ folder",
    )
    p.add_argument(
        "--force",
        action="store_true",
        help="overwrite the article's report folder even if it holds files the kit did not write",
    )
    p.add_argument("--jobs", type=int, default=2, help="notebooks run at the same time (default 2)")
    add_arguments(p)
    p.add_argument(
        "--corpus",
        metavar="FOLDER",
        help="report on a folder of articles (notebook 05) instead of single articles",
    )
    p.set_defaults(func=run)


def run(args) -> int:
    paths = [Path(p).resolve() for p in args.paths] or [BUNDLED_ARTICLE]
    out = Path(args.out).resolve() if args.out else None
    corrections = args.corrections
    if corrections not in (None, False):
        if len(paths) > 1:
            raise ReportError(
                "--corrections FILE is for one article; for several, put each article's "
                "ARTICLE.corrections.csv beside it (they are found on their own)"
            )
        corrections = Path(corrections).resolve()
    started = time.perf_counter()
    try:
        if args.corpus:
            from helpers.corpus_report import build_corpus_report

            results = [
                build_corpus_report(
                    args.corpus, out_dir=out, force=args.force, jobs=args.jobs, progress=_progress
                )
            ]
        else:
            results = build_reports(
                paths,
                out_dir=out,
                force=args.force,
                jobs=args.jobs,
                progress=_progress,
                corrections=corrections,
            )
    except NotebookFailed as exc:
        print(f"error: {terminal_safe(str(exc))}", file=sys.stderr)
        print(
            "  (open the notebook in JupyterLab with this article as article_path to see "
            "the full traceback; no report was written)",
            file=sys.stderr,
        )
        return 1
    for result in results:
        print(f"wrote {terminal_safe(display_path(result.folder))}/")
        for path in result.files:
            print(f"  {terminal_safe(path.name)}")
    shown = terminal_safe(display_path(results[-1].folder / "index.html"))
    print(f"open {shown} in a browser", end="")
    print(f" ({time.perf_counter() - started:.1f} s in all)")
    return 0


def _progress(line: str) -> None:
    print(terminal_safe(line), flush=True)
