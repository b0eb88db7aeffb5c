"""Speed of the statement extractor: one article, and throughput over a >= 2 MB corpus.

Run: .venv/bin/python benchmarks/bench_statements.py  (targets: < 20 ms for the bundled
article, median after warm-up; >= 1 MB/s on one core). Prints the numbers and exits 0.
"""

from __future__ import annotations

import statistics
import tempfile
import time
from pathlib import Path

from helpers import BUNDLED_ARTICLE, load_article
from helpers.paths import ARTICLES_DIR
from helpers.statements import extract_statements

RUNS = 50
CORPUS_BYTES = 2_000_000
PASSES = 3  # the corpus is timed this many times; the best pass is the least disturbed one


def time_one(path: Path, runs: int = RUNS) -> tuple[float, int]:
    article = load_article(path)
    for _ in range(5):  # warm-up: lexicons loaded and regexes compiled once
        extract_statements(article)
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        df = extract_statements(article)
        times.append(time.perf_counter() - t0)
    return statistics.median(times), len(df)


def corpus_texts() -> list[str]:
    paths = [BUNDLED_ARTICLE, *sorted(ARTICLES_DIR.glob("practice_*.txt"))]
    return [p.read_text(encoding="utf-8") for p in paths]


def throughput() -> tuple[list[float], int, int, int]:
    """Extract from every article of a corpus of repeated articles, one file each; MB/s of
    each pass."""
    texts = corpus_texts()
    with tempfile.TemporaryDirectory() as tmp:
        files, size, i = [], 0, 0
        while size < CORPUS_BYTES:
            text = texts[i % len(texts)]
            path = Path(tmp) / f"a{i:05d}.txt"
            path.write_text(text, encoding="utf-8")
            files.append(path)
            size += len(text.encode("utf-8"))
            i += 1
        articles = [load_article(p) for p in files]
        speeds = []
        for _ in range(PASSES):
            t0 = time.perf_counter()
            n = sum(len(extract_statements(a)) for a in articles)
            speeds.append(size / (time.perf_counter() - t0) / 1e6)
    return speeds, size, len(files), n


def long_document(n_bytes: int = 200_000) -> float:
    """MB/s on one long article made of the corpus articles' bodies: no per-article table cost,
    and a check that the extractor's time grows linearly with the text."""
    bodies = [t.split("\n", 1)[1].strip() for t in corpus_texts()]
    parts, size = [], 0
    while size < n_bytes:
        parts.append(bodies[len(parts) % len(bodies)])
        size += len(parts[-1].encode("utf-8"))
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "long.txt"
        path.write_text("Headline\n\n" + "\n\n".join(parts), encoding="utf-8")
        article = load_article(path)
    extract_statements(article)
    best = min(_timed(article) for _ in range(PASSES))
    return len(article.raw.encode("utf-8")) / best / 1e6


def _timed(article) -> float:
    t0 = time.perf_counter()
    extract_statements(article)
    return time.perf_counter() - t0


def main() -> int:
    median, n = time_one(BUNDLED_ARTICLE)
    print(f"bundled article: {n} statements, median {median * 1000:.1f} ms over {RUNS} runs")
    speeds, size, n_files, n_statements = throughput()
    mb_s = max(speeds)
    print(
        f"corpus: {size / 1e6:.2f} MB in {n_files} articles, {n_statements} statements, "
        f"{mb_s:.2f} MB/s (best of {PASSES} passes; all: "
        + ", ".join(f"{v:.2f}" for v in speeds)
        + ")"
    )
    print(f"one long document of {0.2:.1f} MB: {long_document():.2f} MB/s")
    print(
        f"targets: < 20 ms ({'met' if median < 0.020 else 'NOT met'}), "
        f">= 1 MB/s ({'met' if mb_s >= 1 else 'NOT met'})"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
