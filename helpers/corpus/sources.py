"""Finding the articles of a corpus: files, folders and globs, with outlet and date from a
metadata.csv beside them, and each file's SHA-256 (what a later run compares)."""

from __future__ import annotations

import csv
import glob
import hashlib
import os
import stat
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from helpers.corpus.tables import CorpusError, month_of
from helpers.paths import display_path


@dataclass
class Source:
    """One article file to process: where it is, its name in the tables, outlet and date."""

    path: str
    file: str
    outlet: str | None = None
    date: str | None = None
    sha256: str = ""
    bytes: int = 0

    @property
    def month(self) -> str | None:
        return month_of(self.date)


def _read_metadata_csv(path: Path) -> dict[str, dict[str, str]]:
    """file -> row of a metadata.csv (columns file, outlet, date, ...)."""
    try:
        with path.open(encoding="utf-8-sig", newline="") as fh:
            rows = list(csv.DictReader(fh))
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        raise CorpusError(
            f"{display_path(path)} cannot be read as a CSV table ({exc}) — save it as UTF-8 "
            "CSV with a header line: file,outlet,date"
        ) from None
    if rows and "file" not in rows[0]:
        raise CorpusError(
            f"{display_path(path)} has no 'file' column — its header line must start with "
            "file,outlet,date"
        )
    return {(r.get("file") or "").strip(): r for r in rows if (r.get("file") or "").strip()}


def _key(path: Path) -> tuple[int, int] | None:
    """The file's identity (device, inode; links followed), None when it is no regular file:
    the same file named twice (by a link, a folder and a glob) is one article."""
    try:
        st = os.stat(path)
    except (OSError, ValueError):
        return None
    return (st.st_dev, st.st_ino) if stat.S_ISREG(st.st_mode) else None


def _files(inputs: Sequence[str | Path]) -> dict[tuple[int, int], tuple[Path, Path]]:
    """file identity -> (path, root of its name) of every article file the inputs name."""
    found: dict[tuple[int, int], tuple[Path, Path]] = {}

    def add(f: Path, root: Path) -> None:
        key = _key(f)
        if key is not None:
            found.setdefault(key, (f, root))

    for given in inputs:
        given = str(given)
        p = Path(given)
        if p.is_dir():
            depth = len(p.parts)
            for f in sorted(p.rglob("*.txt")):
                if not any(part.startswith(".") for part in f.parts[depth:]):
                    add(f, p)
        elif p.is_file():
            add(p, p.parent)
        elif glob.has_magic(given):
            matches = [Path(m) for m in sorted(glob.glob(given, recursive=True))]
            files = [m for m in matches if m.is_file() and m.name != "metadata.csv"]
            if not files:
                raise CorpusError(f"no file matches {given!r} — check the pattern")
            for f in files:
                add(f, f.parent)
        else:
            raise CorpusError(
                f"{display_path(p)} does not exist — give article files, folders or glob "
                "patterns (quote patterns: 'news/*.txt')"
            )
    if not found:
        raise CorpusError(
            "no articles found in " + ", ".join(map(str, inputs)) + " — a folder is searched "
            "for .txt files; give other files by name or with a glob pattern"
        )
    return found


class _Metadata:
    """The metadata.csv row of an article: in its folder or above it, up to its root. Which
    folders have one is looked up once per folder, and each table is read once, when needed."""

    def __init__(self) -> None:
        self.chains: dict[tuple[Path, Path], list[Path]] = {}
        self.tables: dict[Path, dict[str, dict[str, str]]] = {}

    def _chain(self, folder: Path, root: Path) -> list[Path]:
        """The metadata.csv files from folder up to root, nearest first."""
        key = (folder, root)
        if key not in self.chains:
            chain = []
            while True:
                csv_path = folder / "metadata.csv"
                if csv_path.is_file():
                    chain.append(csv_path)
                if folder == root or folder == folder.parent or root not in folder.parents:
                    break
                folder = folder.parent
            self.chains[key] = chain
        return self.chains[key]

    def row(self, path: Path, root: Path) -> dict[str, str]:
        for csv_path in self._chain(path.parent, root):
            if csv_path not in self.tables:
                self.tables[csv_path] = _read_metadata_csv(csv_path)
            row = self.tables[csv_path].get(path.relative_to(csv_path.parent).as_posix())
            if row is not None:
                return row
        return {}


def find_articles(inputs: Sequence[str | Path]) -> list[Source]:
    """The article files named by inputs: files, folders (every .txt file below them) and
    glob patterns; with outlet and date from a metadata.csv in the article's folder or above it
    (up to the folder given). Sorted by outlet, month and file, so a batch holds few outlets."""
    metadata = _Metadata()
    sources, names = [], {}
    for path, root in _files(inputs).values():
        name = path.relative_to(root).as_posix()
        if name in names:
            raise CorpusError(
                f"two articles have the name {name!r} ({display_path(names[name])} and "
                f"{display_path(path)}) — give their folders instead, so that each keeps its "
                "path inside the folder as its name"
            )
        names[name] = path
        row = metadata.row(path, root)
        sources.append(
            Source(
                path=str(path),
                file=name,
                outlet=(row.get("outlet") or "").strip() or None,
                date=(row.get("date") or "").strip() or None,
            )
        )
    sources.sort(key=lambda s: (s.outlet or "", s.month or "", s.file))
    return sources


def hash_file(path: str) -> tuple[str, int]:
    """(SHA-256 in hex, size in bytes) of a file."""
    with open(path, "rb") as fh:
        digest = hashlib.file_digest(fh, "sha256")
        return digest.hexdigest(), fh.tell()


def hash_sources(sources: list[Source]) -> None:
    """Fill in each source's sha256 and size ("" and 0 when it cannot be read: loading the
    batch records why, and the next run tries again)."""
    for src in sources:
        try:
            src.sha256, src.bytes = hash_file(src.path)
        except OSError:
            src.sha256, src.bytes = "", 0
