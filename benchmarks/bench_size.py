"""Time and peak memory per analysis step on large articles (1, 5 and 20 MB by default).

Run: .venv/bin/python benchmarks/bench_size.py [--sizes 1 5 20] [--steps load tokens terms
statements] [--timeout 900]

The article is made of the fictional sample article's paragraphs, repeated with numbered
variations until it reaches the size (so it has quotes, speakers and terms like a real one).
Each step runs in a fresh process. The process first does the step once on the bundled
article: that pays the one-time start-up (modules a step imports when first used, such as
NLTK's association measures, about 19 MB; lexicons; memory pools), which does not grow with
the article and is printed apart. Then it loads the large article (limit raised with max_mb)
and does the step once; it reports the wall time, the CPU time (which a shared machine's load
disturbs much less) and the peak resident memory above what it held just before the step
(resource.getrusage's peak against /proc/self/statm's current size, so a higher earlier peak
can only make the figure larger). A step over --timeout seconds is stopped and reported as
such. Prints one line per size and step, with memory as a multiple of the file size (the
issue's target: under 20 times), and the machine's load average (this machine's 2 cores are
shared: wall time grows with the load).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from helpers.article import load_article
from helpers.paths import ARTICLES_DIR

SAMPLE = ARTICLES_DIR / "sample_harbour-ferry-fares.txt"

STEP = r"""
import json, os, resource, sys, time
from helpers import BUNDLED_ARTICLE
from helpers.article import load_article
step, path = sys.argv[1], sys.argv[2]
def peak():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024  # KiB on Linux
def cpu():
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime
def current():
    try:
        with open("/proc/self/statm") as statm:
            return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    except OSError:
        return peak()
import helpers.statements, helpers.terms, helpers.tokens
def do(a):
    if step == "tokens":
        helpers.tokens.sentence_table(a)
    elif step == "terms":
        helpers.terms.recurring_terms(a)
        helpers.terms.clear_cache()
    elif step == "statements":
        helpers.statements.extract_statements(a)
before = current()
small = load_article(BUNDLED_ARTICLE)
do(small)
del small
startup = current() - before
if step == "load":
    before, t, c = current(), time.perf_counter(), cpu()
    a = load_article(path, max_mb=1e9)
else:
    a = load_article(path, max_mb=1e9)
    before, t, c = current(), time.perf_counter(), cpu()
    do(a)
seconds, cpu_seconds = time.perf_counter() - t, cpu() - c
result = {"seconds": seconds, "cpu": cpu_seconds, "peak": peak() - before, "startup": startup}
print(json.dumps(result))
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
                    load = " ".join(f"{x:.1f}" for x in os.getloadavg())
                    print(
                        f"{mb:5.1f} MB {step:10s} stopped after {args.timeout:.0f} s  load {load}",
                        flush=True,
                    )
                    continue
                peak = r["peak"] / 1e6
                load = " ".join(f"{x:.1f}" for x in os.getloadavg())
                print(
                    f"{mb:5.1f} MB {step:10s} {r['seconds']:7.1f} s (CPU {r['cpu']:5.1f} s)  "
                    f"peak +{peak:7.0f} MB ({peak / mb:4.1f} x the file)  "
                    f"start-up +{r['startup'] / 1e6:3.0f} MB  load {load}",
                    flush=True,
                )


if __name__ == "__main__":
    main()
