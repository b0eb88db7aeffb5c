"""One corpus run at a time per output folder.

A run holds an operating-system lock on ``DIR/.lock`` (``flock``; ``msvcrt.locking`` on
Windows) for as long as it writes. The operating system drops the lock when the process ends,
however it ends: a run that was killed leaves the file behind, but not the lock, and the next
run takes it. The file holds who has it (process, host, start time), for the message a second
run prints.
"""

from __future__ import annotations

import json
import os
import socket
import time
from pathlib import Path

from helpers.corpus.tables import CorpusError
from helpers.paths import display_path

LOCK = ".lock"

try:
    import fcntl
except ImportError:  # Windows
    fcntl = None
    import msvcrt


def _try_lock(fd: int) -> bool:
    try:
        if fcntl is not None:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        else:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
    except OSError:  # BlockingIOError, or PermissionError on Windows: another process has it
        return False
    return True


def _holder(path: Path) -> str:
    """Who holds the lock, as the lock file says: 'process 123 on host, since 10:02 UTC'."""
    try:
        info = json.loads(path.read_text(encoding="utf-8"))
        return f"process {int(info['pid'])} on {info['host']}, since {info['since']}"
    except (OSError, ValueError, KeyError, TypeError):
        return "a process that is starting"


class RunLock:
    """``with RunLock(out):`` — the folder's lock for this run, or CorpusError if another run
    has it. Makes the folder when it is missing (and removes it again if it stays empty)."""

    def __init__(self, out: Path):
        self.out = Path(out)
        self.path = self.out / LOCK
        self.fd: int | None = None
        self.made = False

    def __enter__(self) -> RunLock:
        self.made = not self.out.exists()
        self.out.mkdir(parents=True, exist_ok=True)
        while True:
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
            if not _try_lock(fd):
                os.close(fd)
                self._cleanup()
                raise CorpusError(
                    f"{display_path(self.out)} is being written by another corpus run "
                    f"({_holder(self.path)}) — wait until it ends, or give another --out"
                )
            try:  # the file may have been removed and made anew between open and lock
                same = os.path.samestat(os.fstat(fd), os.stat(self.path))
            except FileNotFoundError:
                same = False
            if same:
                break
            os.close(fd)
        self.fd = fd
        since = time.strftime("%Y-%m-%d %H:%M:%S UTC", time.gmtime())
        info = {"pid": os.getpid(), "host": socket.gethostname(), "since": since}
        os.ftruncate(fd, 0)
        os.write(fd, (json.dumps(info) + "\n").encode("utf-8"))
        return self

    def __exit__(self, *exc) -> None:
        if self.fd is not None:
            try:
                self.path.unlink()  # while still locked: the next run makes a new file
            except OSError:
                pass
            os.close(self.fd)
            self.fd = None
        self._cleanup()

    def _cleanup(self) -> None:
        """Remove the folder this run made, if nothing was written into it."""
        if self.made:
            try:
                self.out.rmdir()
            except OSError:
                pass
