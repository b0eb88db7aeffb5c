"""Does extraction time grow linearly with the text? Times one document of 0.5, 1, 2, 4 and
8 MB made of article bodies, and the whole command line on a 2 MB file and on one article.

Run: .venv/bin/python benchmarks/bench_scaling.py. Targets (issue "statement extractor as a
pipeline of stages"): time per MB flat (8 MB at most 1.3 times the time per MB at 1 MB);
`python -m helpers statements FILE --format json` at least 1.2 MB/s on 2 MB, start-up
included, and under 150 ms on one ordinary article. Uses the PolNeAR dev texts when
../shared/data/polnear-dev is there (never copied into the project), else the kit's own
articles. Prints the numbers and exits 0.
"""

from __future__ import annotations

import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from helpers import BUNDLED_ARTICLE, load_article
from helpers.paths import ARTICLES_DIR, PROJ_ROOT
from helpers.statements import statement_records

SIZES_MB = (0.5, 1, 2, 4, 8)
POLNEAR = PROJ_ROOT.parent / "shared" / "data" / "polnear-dev" / "text"
PASSES = 2  # the best pass is the least disturbed one


def bodies() -> tuple[str, list[str]]:
    paths = sorted(POLNEAR.glob("*.txt")) if POLNEAR.is_dir() else []
    source = "PolNeAR dev"
    if not paths:
        paths, source = sorted(ARTICLES_DIR.glob("*.txt")), "the kit's own articles"
    texts = [p.read_text(encoding="utf-8") for p in paths]
    return source, [t.split("\n", 1)[1].strip() for t in texts if "\n" in t]


def document(parts: list[str], n_bytes: int, folder: Path) -> Path:
    out, size = [], 0
    while size < n_bytes:
        out.append(parts[len(out) % len(parts)])
        size += len(out[-1].encode("utf-8")) + 2
    path = folder / f"long_{n_bytes}.txt"
    path.write_text("Headline\n\n" + "\n\n".join(out) + "\n", encoding="utf-8")
    return path


def timed(fn) -> float:
    """Best CPU time of PASSES runs (CPU time: other work on the machine hardly changes it)."""
    best = float("inf")
    for _ in range(PASSES):
        t0 = time.process_time()
        fn()
        best = min(best, time.process_time() - t0)
    return best


def command(path: Path) -> tuple[float, float]:
    """(CPU seconds of the whole command, start-up included; its wall seconds), best of PASSES."""
    cmd = [sys.executable, "-m", "helpers", "statements", str(path), "--format", "json"]
    best = (float("inf"), float("inf"))
    for _ in range(PASSES):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        t0 = time.perf_counter()
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
        wall = time.perf_counter() - t0
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
        best = min(best, (cpu, wall))
    return best


def main() -> int:
    source, parts = bodies()
    print(f"documents made of {source}")
    with tempfile.TemporaryDirectory() as tmp:
        per_mb = {}
        for mb in SIZES_MB:
            path = document(parts, int(mb * 1e6), Path(tmp))
            article = load_article(path)
            size = len(article.raw.encode("utf-8")) / 1e6
            seconds = timed(lambda a=article: statement_records(a))
            per_mb[mb] = seconds / size
            print(f"{size:5.2f} MB: {seconds:6.2f} s CPU, {per_mb[mb]:.3f} s/MB")
        ratio = per_mb[8] / per_mb[1]
        print(f"time per MB at 8 MB / at 1 MB: {ratio:.2f} (target <= 1.3)")
        path = document(parts, 2_000_000, Path(tmp))
        size = path.stat().st_size / 1e6
        cpu, wall = command(path)
        print(
            f"command, json, {size:.2f} MB: {cpu:.2f} s CPU ({wall:.2f} s wall), "
            f"{size / cpu:.2f} MB/s (target >= 1.2)"
        )
    cpu, wall = command(BUNDLED_ARTICLE)
    print(
        f"command, json, bundled article: {cpu * 1000:.0f} ms CPU ({wall * 1000:.0f} ms wall; "
        "target < 150 ms)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
