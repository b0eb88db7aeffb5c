"""How long `make report` takes on the bundled article, with notebooks run one or more at a time.

Run: .venv/bin/python benchmarks/bench_report.py [--repeat N] [--jobs 1 2 3]
Writes into a temporary folder (reports/ is left alone) and prints one line per setting:
the best and median wall time of the whole report, and each notebook's own run time.
The target is under 30 s with the environment set up.
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import time
from pathlib import Path

from helpers import BUNDLED_ARTICLE
from helpers.report import build_report

TARGET_S = 30.0


def measure(jobs: int, repeat: int) -> tuple[list[float], dict[str, float]]:
    walls: list[float] = []
    timings: dict[str, float] = {}
    for _ in range(repeat):
        with tempfile.TemporaryDirectory() as tmp:
            started = time.perf_counter()
            result = build_report(BUNDLED_ARTICLE, out_dir=Path(tmp), jobs=jobs, progress=None)
            walls.append(time.perf_counter() - started)
            timings = result.timings
    return walls, timings


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2, 3])
    args = parser.parse_args()
    print(f"bundled article, {os.cpu_count()} CPU(s), best/median of {args.repeat} runs")
    measure(2, 1)  # warm-up: imports, font cache, disk cache
    for jobs in args.jobs:
        walls, timings = measure(jobs, args.repeat)
        per_nb = ", ".join(f"{k} {v:.1f} s" for k, v in timings.items())
        verdict = "ok" if min(walls) < TARGET_S else f"SLOWER than {TARGET_S:.0f} s"
        print(
            f"jobs={jobs}: best {min(walls):.1f} s, median {statistics.median(walls):.1f} s "
            f"({verdict}); last run per notebook: {per_nb}"
        )


if __name__ == "__main__":
    main()
