"""Time and peak memory per analysis step on large articles (1, 5 and 20 MB by default).

Run: .venv/bin/python benchmarks/bench_size.py [--sizes 1 5 20] [--steps load tokens terms
statements] [--timeout 900]

The article is made of the fictional sample article's paragraphs, repeated with numbered
variations until it reaches the size (so it has quotes, speakers and terms like a real one).
Each step runs in a fresh process: it loads the article (limit raised with max_mb), then
does the step once; the process reports its wall time and its peak resident memory above
what it held before the step (resource.getrusage). A step over --timeout seconds is stopped
and reported as such. Prints one line per size and step, with memory as a multiple of the
file size (the issue's target: under 20 times).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from helpers.article import load_article
from helpers.paths import ARTICLES_DIR

SAMPLE = ARTICLES_DIR / "sample_harbour-ferry-fares.txt"

STEP = r"""
import json, resource, sys, time
from helpers.article import load_article
step, path = sys.argv[1], sys.argv[2]
def rss():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024  # KiB on Linux
if step == "load":
    import helpers.statements, helpers.terms, helpers.tokens  # imports are not the step
    before = rss(); t = time.perf_counter()
    a = load_article(path, max_mb=1e9)
else:
    a = load_article(path, max_mb=1e9)
    import helpers.statements, helpers.terms, helpers.tokens
    before = rss(); t = time.perf_counter()
    if step == "tokens":
        from helpers.tokens import sentence_table; sentence_table(a)
    elif step == "terms":
        from helpers.terms import recurring_terms; recurring_terms(a)
    elif step == "statements":
        from helpers.statements import extract_statements; extract_statements(a)
print(json.dumps({"seconds": time.perf_counter() - t, "peak": rss() - before}))
"""


def make_article(size_mb: float, folder: Path) -> Path:
    paragraphs = [b.text for b in load_article(SAMPLE).paragraphs]
    parts = ["A very long article made for the size benchmark"]
    total, i = len(parts[0]), 0
    while total < size_mb * 1_000_000:
        text = paragraphs[i % len(paragraphs)].replace("council", f"council {i // 7}")
        parts.append(text)
        total += len(text.encode("utf-8")) + 2
        i += 1
    path = folder / f"article_{size_mb:g}mb.txt"
    path.write_text("\n\n".join(parts) + "\n", encoding="utf-8")
    return path


def run_step(step: str, path: Path, timeout: float) -> dict | None:
    started = time.perf_counter()
    try:
        done = subprocess.run(
            [sys.executable, "-c", STEP, step, str(path)],
            capture_output=True,
            text=True,
            timeout=timeout,
            check=True,
        )
    except subprocess.TimeoutExpired:
        return None
    result = json.loads(done.stdout.strip().splitlines()[-1])
    result["process"] = time.perf_counter() - started
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=float, nargs="+", default=[1, 5, 20])
    parser.add_argument("--steps", nargs="+", default=["load", "tokens", "terms", "statements"])
    parser.add_argument("--timeout", type=float, default=900)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        for size in args.sizes:
            path = make_article(size, Path(tmp))
            mb = path.stat().st_size / 1e6
            for step in args.steps:
                r = run_step(step, path, args.timeout)
                if r is None:
                    print(f"{mb:5.1f} MB {step:10s} stopped after {args.timeout:.0f} s", flush=True)
                    continue
                peak = r["peak"] / 1e6
                print(
                    f"{mb:5.1f} MB {step:10s} {r['seconds']:8.1f} s  "
                    f"peak +{peak:7.0f} MB ({peak / mb:4.1f} x the file)",
                    flush=True,
                )


if __name__ == "__main__":
    main()
