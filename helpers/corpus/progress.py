"""What a corpus run shows and returns: the progress line, and the summary of the run."""

from __future__ import annotations

import math
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from helpers.paths import display_path


class Progress:
    """One line on stderr: articles done, rate, MB/s and time left (redrawn on a terminal)."""

    def __init__(self, total: int, total_bytes: int, stream=None, every: float = 10.0):
        self.total, self.total_bytes = total, total_bytes
        self.stream = stream or sys.stderr
        self.tty = hasattr(self.stream, "isatty") and self.stream.isatty()
        self.every = 0.2 if self.tty else every
        self.start = time.perf_counter()
        self.done = self.bytes = 0
        self.last = 0.0

    def line(self) -> str:
        elapsed = max(time.perf_counter() - self.start, 1e-9)
        rate = self.done / elapsed
        mbs = self.bytes / elapsed / 1e6
        pct = 100 * self.done / self.total if self.total else 100.0
        left = (self.total - self.done) / rate if rate > 0 else math.inf
        eta = "?" if math.isinf(left) else _duration(left)
        return (
            f"corpus: {self.done}/{self.total} articles ({pct:.0f}%) · {rate:.1f} articles/s · "
            f"{mbs:.2f} MB/s · {eta} left"
        )

    def update(self, articles: int, nbytes: int) -> None:
        self.done += articles
        self.bytes += nbytes
        now = time.perf_counter()
        if now - self.last >= self.every or self.done >= self.total:
            self.last = now
            self._show()

    def _show(self) -> None:
        if self.tty:
            self.stream.write("\r" + self.line() + "\x1b[K")
        else:
            self.stream.write(self.line() + "\n")
        self.stream.flush()

    def close(self) -> None:
        if self.tty:
            self.stream.write("\n")
            self.stream.flush()


def _duration(seconds: float) -> str:
    seconds = int(round(seconds))
    if seconds < 60:
        return f"{seconds}s"
    if seconds < 3600:
        return f"{seconds // 60}m {seconds % 60:02d}s"
    return f"{seconds // 3600}h {seconds // 60 % 60:02d}m"


@dataclass
class Summary:
    """What a run did: articles found, processed, failed, skipped (already in out)."""

    out: Path
    found: int = 0
    processed: int = 0
    failed: int = 0
    skipped: int = 0
    batches: int = 0
    bytes: int = 0
    seconds: float = 0.0
    workers: int = 0
    failures: list[tuple[str, str]] = field(default_factory=list)

    def __str__(self) -> str:
        rate = self.bytes / self.seconds / 1e6 if self.seconds else 0.0
        return (
            f"{self.found} articles: {self.processed - self.failed} analysed, {self.failed} "
            f"failed, {self.skipped} already in {display_path(self.out)} · {self.batches} "
            f"batches on {self.workers} worker(s) in {self.seconds:.1f} s ({rate:.2f} MB/s)"
        )
