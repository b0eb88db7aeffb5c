"""Speed of corpus mode: single-worker throughput over a few thousand short articles, and scaling
with 1 and 2 workers on the same input.

Run: .venv/bin/python benchmarks/bench_corpus.py [--articles 3000] [--shipped-only]
(targets: >= 1.4 MB/s for `python -m helpers corpus --workers 1`, start-up included; >= 1.6
times faster with 2 workers than with 1 on an idle machine with 2 cores). Prints the numbers
and exits 0.

The short articles are cut from longer ones (headline, then up to eight paragraphs each): the kit's
shipped articles, and the PolNeAR training texts when /work/shared/data/polnear-train/text is
present. They are written to a temporary folder and never kept; when PolNeAR is absent, the
benchmark says so and uses the shipped articles only.

"Before" is what a user does without corpus mode: a Python loop that loads each article and
builds the single-article tables (extract_statements, speakers_table, recurring_terms) one
DataFrame per article, in one process. Last, a breakdown of a single-worker run: the share
of the time in the extractor, the recurring terms, reading articles and the corpus layer.
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from helpers.paths import ARTICLES_DIR, PROJ_ROOT

POLNEAR = Path("/work/shared/data/polnear-train/text")
PARAGRAPHS = 8  # paragraphs per short article


def _texts(shipped_only: bool) -> list[str]:
    paths = sorted(ARTICLES_DIR.glob("*.txt"))
    if shipped_only:
        pass
    elif POLNEAR.is_dir():
        paths += sorted(POLNEAR.glob("*.txt"))
    else:
        print(f"note: {POLNEAR} is absent — using the shipped articles only")
    return [p.read_text(encoding="utf-8", errors="replace") for p in paths]


def short_articles(n: int, shipped_only: bool = False) -> list[str]:
    """n short articles: each source article's headline with up to eight of its paragraphs."""
    pieces = []
    for text in _texts(shipped_only):
        blocks = [b.strip() for b in text.split("\n\n") if b.strip()]
        if len(blocks) < 2:
            continue
        head, body = blocks[0].splitlines()[0], blocks[1:]
        for i in range(0, len(body), PARAGRAPHS):
            pieces.append(head + "\n\n" + "\n\n".join(body[i : i + PARAGRAPHS]) + "\n")
    return [pieces[i % len(pieces)] for i in range(n)]


def write_corpus(folder: Path, texts: list[str]) -> int:
    folder.mkdir(parents=True)
    lines = ["file,outlet,date"]
    size = 0
    for i, text in enumerate(texts):
        name = f"a{i:05d}.txt"
        data = text.encode("utf-8")
        (folder / name).write_bytes(data)
        size += len(data)
        lines.append(f"{name},Outlet {i % 4},2024-{i % 12 + 1:02d}-15")
    (folder / "metadata.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return size


def _adopt_orphans() -> bool:
    """Make this process the parent of the command's orphaned descendants (Linux), so their CPU
    counts: local Dask workers are forked from a server process that the command never waits
    for. True when that worked."""
    try:
        import ctypes

        return ctypes.CDLL(None, use_errno=True).prctl(36, 1, 0, 0, 0) == 0  # CHILD_SUBREAPER
    except (OSError, AttributeError):
        return False


ADOPTED = _adopt_orphans()


def _reap() -> None:
    """Wait for the adopted descendants (the fork server ends with the command)."""
    while ADOPTED:
        try:
            os.waitpid(-1, 0)
        except ChildProcessError:
            return


def _timed(cmd: list[str]) -> tuple[float, float]:
    """Wall-clock and CPU seconds (of the process and everything it started) of a command."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    subprocess.run(cmd, check=True, cwd=PROJ_ROOT)
    wall = time.perf_counter() - t0
    _reap()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime
    return wall, cpu


def run_command(folder: Path, out: Path, workers: int) -> tuple[float, float]:
    """Seconds for the whole command in a fresh process, start-up included."""
    cmd = [sys.executable, "-m", "helpers", "corpus", str(folder), "--out", str(out)]
    return _timed([*cmd, "--workers", str(workers), "--quiet", "--force"])


def before(folder: Path) -> tuple[float, float]:
    """Seconds for the single-article functions in a loop, one DataFrame per article."""
    code = (
        "import sys, pathlib, pandas as pd\n"
        "from helpers import ArticleError, load_article\n"
        "from helpers.statements import extract_statements, speakers_table\n"
        "from helpers.terms import recurring_terms\n"
        "st, sp, te = [], [], []\n"
        "for p in sorted(pathlib.Path(sys.argv[1]).glob('*.txt')):\n"
        "    try:\n"
        "        a = load_article(p)\n"
        "    except ArticleError:\n"
        "        continue\n"
        "    df = extract_statements(a)\n"
        "    st.append(df.assign(file=p.name))\n"
        "    sp.append(speakers_table(df).assign(file=p.name))\n"
        "    te.append(recurring_terms(a).assign(file=p.name))\n"
        "pd.concat(st); pd.concat(sp); pd.concat(te)\n"
    )
    return _timed([sys.executable, "-c", code, str(folder)])


# where a single-worker run spends its time: the analysis functions wrapped with timers, in a
# fresh process (start-up is the time from the interpreter's start to the run's start)
BREAKDOWN = """
import sys, time
from collections import defaultdict
start = time.perf_counter()
import helpers.corpus.batch as batch
import helpers.corpus.run as run
import helpers.corpus.sources as sources
import helpers.speaker_analysis, helpers.statements, helpers.terms
spent = defaultdict(float)
def timed(module, name, label):
    f = getattr(module, name)
    def wrapper(*a, **k):
        t = time.perf_counter()
        try:
            return f(*a, **k)
        finally:
            spent[label] += time.perf_counter() - t
    setattr(module, name, wrapper)
timed(helpers.statements, "statement_records", "extractor (helpers.statements)")
timed(helpers.terms, "term_records", "recurring terms (helpers.terms)")
timed(batch, "parse_article", "reading articles (helpers.article)")
timed(helpers.speaker_analysis, "count_words", "quoted words (speaker_analysis.count_words)")
timed(run, "write_batch", "corpus: writing Parquet")
timed(run, "find_articles", "corpus: finding articles, metadata")
timed(sources, "hash_file", "corpus: hashing")
spent["corpus: start-up (imports)"] = time.perf_counter() - start
t0 = time.perf_counter()
run.build_corpus([sys.argv[1]], sys.argv[2], workers=1, force=True)
total = time.perf_counter() - t0 + spent["corpus: start-up (imports)"]
spent["corpus: the rest (rows, tables, batches)"] = total - sum(spent.values())
for label, seconds in sorted(spent.items(), key=lambda kv: -kv[1]):
    print(f"  {label:45s} {seconds:6.2f} s {100 * seconds / total:5.1f}%")
"""


def breakdown(folder: Path, out: Path) -> None:
    """Print where a single-worker run spends its time."""
    print("where the time of a single-worker run goes (one run, timers around the analyses):")
    subprocess.run([sys.executable, "-c", BREAKDOWN, str(folder), str(out)], check=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=3000)
    parser.add_argument("--shipped-only", action="store_true")
    parser.add_argument("--passes", type=int, default=2, help="best of this many runs")
    parser.add_argument("--no-breakdown", action="store_true", help="skip the time breakdown")
    args = parser.parse_args()
    runs = range(args.passes)
    texts = short_articles(args.articles, args.shipped_only)
    with tempfile.TemporaryDirectory() as tmp:
        folder, out = Path(tmp) / "articles", Path(tmp) / "tables"
        size = write_corpus(folder, texts)
        mb = size / 1e6
        print(
            f"{len(texts)} short articles, {mb:.2f} MB ({size / len(texts):.0f} bytes each); "
            f"{os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f} at the start; "
            f"best of {args.passes} runs; CPU = seconds of CPU used by all processes"
        )

        def show(label: str, wall: float, cpu: float) -> None:
            print(
                f"{label}: {wall:.1f} s, {mb / wall:.2f} MB/s, {len(texts) / wall:.0f} articles/s"
                f" (CPU {cpu:.1f} s: {mb / cpu:.2f} MB per CPU-second)"
            )

        show("before: single-article functions in a loop", *min(before(folder) for _ in runs))
        times = {}
        for workers in (1, 2):
            times[workers] = min(run_command(folder, out, workers) for _ in runs)
            how = "in this process, no cluster" if workers == 1 else "local Dask cluster"
            show(f"corpus --workers {workers} ({how})", *times[workers])
        speedup = times[1][0] / times[2][0]
        print(f"speed-up with 2 workers: {speedup:.2f} x (target >= 1.6 on an idle machine)")
        if not args.no_breakdown:
            breakdown(folder, out)
        print(f"load average at the end: {os.getloadavg()[0]:.1f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
