"""Writing a report folder: where it goes (always a child of the reports root), which files
in it the kit wrote (its manifest, which never names a file outside the folder), refusing to
replace a user's files, and writes that never leave half a file."""

from __future__ import annotations

import hashlib
import json
import os
import re
import tempfile
from pathlib import Path

from helpers.paths import REPORTS_DIR, display_path
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
    where a folder must be, or a folder the user may not write in."""
    place = Path(folder)
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
    """The manifest of files the kit wrote in ``folder``; refuse when others are there."""
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
    """Write the report files and the manifest; remove files of an older run not made now."""
    folder.mkdir(parents=True, exist_ok=True)
    for rel in previous:
        if rel not in files and _inside(folder, rel) and (folder / rel).is_file():
            (folder / rel).unlink()
    # every file is written in full under a temporary name first, then all are renamed
    # into place one after the other, and the manifest last
    staged: list[tuple[Path, Path]] = []
    try:
        for rel, data in files.items():
            target = folder / rel
            target.parent.mkdir(parents=True, exist_ok=True)  # charts/
            staged.append((_stage(target, data), target))
        for tmp, target in staged:
            os.replace(tmp, target)
    finally:
        for tmp, _ in staged:
            tmp.unlink(missing_ok=True)
    manifest = {"files": {rel: _sha(data) for rel, data in sorted(files.items())}}
    write_atomic(folder / MANIFEST, (json.dumps(manifest, indent=1) + "\n").encode("utf-8"))
    return [target for _, target in staged]


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
