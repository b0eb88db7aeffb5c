"""Writing a report folder: where it goes (always a child of the reports root), which files
in it the kit wrote (its manifest, which never names a file outside the folder), refusing to
replace a user's files, and writes that never leave half a file."""

from __future__ import annotations

import errno
import hashlib
import json
import os
import re
import shutil
import tempfile
from contextlib import suppress
from pathlib import Path

from helpers.paths import REPORTS_DIR, display_path
from helpers.report import swap
from helpers.report.records import MANIFEST, ReportError


def report_folder(article_path: Path, out_dir: Path | None = None) -> Path:
    """reports/<article-name>/ (or <out_dir>/<article-name>/), always a child of that root.

    A file named ``...txt`` has the stem ``..``: its folder would be the root's parent, so
    such names are refused."""
    stem = Path(article_path).stem
    if stem in ("", ".", "..") or Path(stem).name != stem:
        raise ReportError(
            f"{display_path(article_path)}: the file name {Path(article_path).name!r} cannot name "
            "a report folder (its stem would point outside the reports folder) — rename the "
            "file, e.g. to article.txt"
        )
    return Path(out_dir or REPORTS_DIR) / stem


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _inside(folder: Path, rel: str) -> bool:
    """True when ``rel`` names a file strictly inside ``folder``: relative, no ``..``, no
    drive or backslash tricks, and not leaving the folder through a symbolic link."""
    if not isinstance(rel, str) or not rel or "\\" in rel or "\x00" in rel:
        return False
    parts = Path(rel).parts
    if not parts or Path(rel).is_absolute() or ".." in parts:
        return False
    if rel == MANIFEST:
        return False
    try:
        base = folder.resolve()
        target = (folder / rel).resolve()
        return target != base and target.is_relative_to(base)
    except (OSError, RuntimeError):
        return False


def read_manifest(folder: Path) -> dict[str, str]:
    """The files the kit wrote in ``folder``, from its manifest ({} when there is none or it
    cannot be read). A manifest naming anything outside the folder is refused: the kit
    deletes the files its manifest lists, so a crafted one could delete files anywhere."""
    manifest_path = folder / MANIFEST
    if not manifest_path.exists():
        return {}
    try:
        files = json.loads(manifest_path.read_text(encoding="utf-8"))["files"]
    except (ValueError, KeyError, TypeError, OSError, RecursionError):
        return {}
    if not isinstance(files, dict):
        return {}
    outside = [rel for rel in files if not _inside(folder, rel)]
    if outside:
        raise ReportError(
            f"{display_path(manifest_path)} names files outside its folder "
            f"({', '.join(repr(r) for r in outside[:3])}) — the kit never writes such a "
            f"manifest; delete {MANIFEST} (and check the folder), then run again"
        )
    return {rel: sha for rel, sha in files.items() if isinstance(sha, str)}


def check_writable(folder: Path) -> None:
    """Refuse, before any notebook runs, a report folder that could not be written: a file
    where a folder must be, or a folder the user may not write in. The new report is
    written beside the folder, so it is the folder around it that must take new files."""
    place = Path(folder).parent
    while not place.exists() and place != place.parent:
        place = place.parent
    if not place.is_dir():
        raise ReportError(
            f"{display_path(place)} is a file, not a folder — give --out a folder (it is "
            "made when missing)"
        )
    if not os.access(place, os.W_OK | os.X_OK):
        raise ReportError(
            f"cannot write in {display_path(place)} (permission denied) — choose a folder "
            "you can write in with --out"
        )


def check_folder(folder: Path, force: bool = False) -> dict[str, str]:
    """The manifest of files the kit wrote in ``folder``; refuse when others are there. A
    previous report that a killed run left moved aside is put back first."""
    if folder.parent.is_dir():
        with suppress(OSError), swap.folder_lock(folder.parent):  # else: when writing
            swap.recover(folder)
    if not folder.exists():
        return {}
    if not folder.is_dir():
        raise ReportError(f"{display_path(folder)} is a file, not a folder — move it away")
    manifest_path = folder / MANIFEST
    written = read_manifest(folder)
    if force:
        return written
    foreign = []
    for path in sorted(folder.rglob("*")):
        if path.is_dir() or path == manifest_path or _PART.match(path.name):
            continue  # (a .part file is another run's file being written right now)
        rel = path.relative_to(folder).as_posix()
        if rel not in written:
            foreign.append(f"{rel} (not written by the kit)")
        elif _sha(path.read_bytes()) != written[rel]:
            foreign.append(f"{rel} (changed since the kit wrote it)")
    if foreign:
        shown = "; ".join(foreign[:5]) + ("; …" if len(foreign) > 5 else "")
        raise ReportError(
            f"{display_path(folder)} holds files the kit would not replace: {shown} — move "
            "them elsewhere, or run again with --force to overwrite the folder's reports"
        )
    return written


def write_files(folder: Path, files: dict[str, bytes], previous: dict[str, str]) -> list[Path]:
    """Write a report folder in one step: every file and the manifest go into a new hidden
    folder beside ``folder``, which then takes its place (``helpers.report.swap``); a run
    stopped at any point leaves the whole previous report or the whole new one. Files that no
    manifest names (a user's, kept with --force) are carried over into the new folder; files
    of an older run that this one does not make are not."""
    folder = Path(folder)
    if folder.is_symlink():  # reports/<name> as a link to a folder elsewhere: replace that
        folder = folder.resolve()
    folder.parent.mkdir(parents=True, exist_ok=True)
    staging = swap.new_sibling(folder)
    try:
        _fill(staging, files)
        with swap.folder_lock(folder.parent):
            swap.recover(folder)
            if os.path.lexists(folder):
                if not folder.is_dir():
                    raise NotADirectoryError(errno.ENOTDIR, "not a folder", str(folder))
                kit_files = set(files) | set(previous) | set(_manifest_or_nothing(folder))
                _carry_over(folder, staging, kit_files)
            swap.swap_in(staging, folder)
    finally:
        shutil.rmtree(staging, ignore_errors=True)  # only there when something failed
    return [folder / rel for rel in files]


def _fill(staging: Path, files: dict[str, bytes]) -> None:
    """The report's files and, last, its manifest, in the new folder."""
    for rel, data in files.items():
        target = staging / rel
        target.parent.mkdir(parents=True, exist_ok=True)  # charts/
        _write_new(target, data)
    manifest = {"files": {rel: _sha(data) for rel, data in sorted(files.items())}}
    _write_new(staging / MANIFEST, (json.dumps(manifest, indent=1) + "\n").encode("utf-8"))


def _write_new(target: Path, data: bytes) -> None:
    with open(target, "xb") as fh:  # noqa: PTH123 — a new folder: never an existing file
        fh.write(data)
    os.chmod(target, 0o644)


def _manifest_or_nothing(folder: Path) -> dict[str, str]:
    """The folder's manifest now (another run may have written it since this one began); a
    refused manifest counts as none, so that every file it would cover is kept."""
    try:
        return read_manifest(folder)
    except ReportError:
        return {}


def _carry_over(old: Path, new: Path, kit_files: set[str]) -> None:
    """Copy into ``new`` what ``old`` holds that is not the kit's: the user's files, folders
    and links (links as links, never followed)."""
    for root, dirs, names in os.walk(old):
        for name in dirs + names:
            source = Path(root) / name
            rel = source.relative_to(old).as_posix()
            target = new / rel
            if rel in kit_files or rel == MANIFEST or _PART.match(name):
                continue
            if source.is_symlink():
                if not os.path.lexists(target):
                    os.symlink(os.readlink(source), target)
            elif source.is_dir():
                target.mkdir(exist_ok=True)
            elif source.is_file() and not os.path.lexists(target):
                shutil.copy2(source, target)


_PART = re.compile(r"^\..+\.[A-Za-z0-9_]{8}\.part$")  # _stage's temporary names


def _stage(target: Path, data: bytes) -> Path:
    """``data`` in a new, uniquely named temporary file beside ``target`` (never an existing
    file: a user's ``report.html.tmp`` or a link by that name is left alone)."""
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".part")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.chmod(tmp, 0o644)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return Path(tmp)


def write_atomic(target: Path, data: bytes) -> None:
    """Write ``target`` through a temporary file renamed into place: a reader (or a run
    killed half-way) never leaves half a file."""
    tmp = _stage(target, data)
    try:
        os.replace(tmp, target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
