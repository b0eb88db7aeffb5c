"""Replacing a report folder in one step. The new report is written in full into a hidden
folder beside the old one (``.<name>.new-<pid>-<random>``); then the two change places, and
the old one is removed. A run stopped at any point leaves either the whole previous report or
the whole new one, never a mix.

On Linux the two folders change places in one system call (``renameat2`` with
``RENAME_EXCHANGE``). Elsewhere, or on a file system without it, it takes two renames: the old
folder to ``.<name>.old-<pid>-<random>``, the new one to ``<name>``; a run killed between the
two leaves the previous report whole under that hidden name, and the next run on that folder
puts it back first (``recover``). Swaps in one reports folder take turns (a lock on that
folder), so two runs on the same article each end with a whole report."""

from __future__ import annotations

import ctypes
import errno
import os
import re
import secrets
import shutil
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from pathlib import Path

_SIBLING = re.compile(r"^\.(?P<name>.+)\.(?P<kind>new|old)-(?P<pid>\d+)-[0-9a-f]{8}$")
_AT_FDCWD = -100
_RENAME_EXCHANGE = 2


def sibling_path(folder: Path, kind: str) -> Path:
    """A new hidden name beside ``folder`` for its next version (``new``) or its previous
    one on its way out (``old``)."""
    return folder.parent / f".{folder.name}.{kind}-{os.getpid()}-{secrets.token_hex(4)}"


def new_sibling(folder: Path) -> Path:
    """An empty hidden folder beside ``folder``, to write its next version into."""
    while True:
        path = sibling_path(folder, "new")
        try:
            path.mkdir()
        except FileExistsError:
            continue
        return path


def _siblings(folder: Path) -> Iterator[tuple[str, int, Path]]:
    """(kind, process id, path) of the hidden folders of ``folder``'s runs."""
    for path in sorted(folder.parent.iterdir()):
        match = _SIBLING.match(path.name)
        if match and match["name"] == folder.name and path.is_dir() and not path.is_symlink():
            yield match["kind"], int(match["pid"]), path


def _alive(pid: int) -> bool:
    """True while process ``pid`` runs (always True where that cannot be asked safely)."""
    if pid == os.getpid() or os.name != "posix":
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # someone else's process
    return True


def recover(folder: Path) -> None:
    """Tidy what a killed run left beside ``folder`` (call with ``folder_lock`` held): the
    previous report goes back in place when it was moved aside but the new one never came,
    and the hidden folders of runs that have ended are removed."""
    if not folder.parent.is_dir():
        return
    for kind, pid, path in list(_siblings(folder)):
        if kind == "old" and not os.path.lexists(folder):
            os.rename(path, folder)
        elif kind == "old" or not _alive(pid):
            shutil.rmtree(path, ignore_errors=True)


@contextmanager
def folder_lock(parent: Path):
    """One swap at a time in ``parent`` (all processes and threads; no lock on Windows)."""
    try:
        import fcntl
    except ImportError:
        yield
        return
    fd = os.open(parent, os.O_RDONLY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # releases the lock


def swap_in(new: Path, folder: Path) -> None:
    """Put the folder ``new`` in the place of ``folder`` and remove the previous one (call
    with ``folder_lock`` held)."""
    if not os.path.lexists(folder):
        os.rename(new, folder)
        return
    if exchange(new, folder):
        shutil.rmtree(new, ignore_errors=True)  # now the previous report
        return
    old = sibling_path(folder, "old")
    os.rename(folder, old)
    try:
        os.rename(new, folder)
    except BaseException:
        os.rename(old, folder)
        raise
    shutil.rmtree(old, ignore_errors=True)


def exchange(a: Path, b: Path) -> bool:
    """Swap two paths in one step (Linux's ``renameat2`` with ``RENAME_EXCHANGE``); False
    where the system or its file system cannot, so that the caller renames in two steps."""
    renameat2 = _renameat2()
    if renameat2 is None:
        return False
    if renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE) == 0:
        return True
    err = ctypes.get_errno()
    if err in (errno.EINVAL, errno.ENOSYS, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EPERM):
        return False
    raise OSError(err, os.strerror(err), str(b))


@cache
def _renameat2():
    if not sys.platform.startswith("linux"):
        return None
    try:
        function = ctypes.CDLL(None, use_errno=True).renameat2
    except (OSError, AttributeError):  # a C library without it (glibc before 2.28)
        return None
    function.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p]
    function.argtypes += [ctypes.c_uint]
    function.restype = ctypes.c_int
    return function
