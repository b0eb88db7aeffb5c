"""Load a plain-text news article into headline, subheadings and paragraphs with offsets.

The file format: the headline is the first line; paragraphs are separated by blank lines;
a short one-line block without closing punctuation is a subheading. Every offset the kit
reports is a character offset into the file as it was read (a Python ``str`` index).
"""

from __future__ import annotations

import csv
import os
import re
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from helpers.errors import KitError
from helpers.paths import ARTICLES_DIR, BUNDLED_ARTICLE, PROJ_ROOT, display_path


class ArticleError(KitError, ValueError):
    """An input file that cannot be read as an article; the message names the file and the fix."""


@dataclass(frozen=True)
class Block:
    """One headline, subheading or paragraph: its text and where it sits in the file."""

    kind: str  # "headline", "subheading" or "paragraph"
    index: int  # paragraphs are numbered 1, 2, ... in reading order; other kinds count apart
    start: int
    end: int
    text: str


@dataclass
class Article:
    """A loaded article: the raw text, its normalised twin of equal length, and its blocks."""

    path: Path
    raw: str
    text: str
    blocks: list[Block]
    metadata: dict[str, str] = field(default_factory=dict)

    @property
    def name(self) -> str:
        """The file name without extension, used to name reports."""
        return self.path.stem

    @property
    def headline(self) -> Block:
        return self.blocks[0]

    @property
    def paragraphs(self) -> list[Block]:
        return [b for b in self.blocks if b.kind == "paragraph"]

    @property
    def subheadings(self) -> list[Block]:
        return [b for b in self.blocks if b.kind == "subheading"]

    def block_at(self, offset: int) -> Block | None:
        """The block that contains a character offset, or None between blocks."""
        i = bisect_right(self._starts, offset) - 1
        if i >= 0 and offset < self.blocks[i].end:
            return self.blocks[i]
        return None

    @cached_property
    def _starts(self) -> list[int]:
        return [b.start for b in self.blocks]

    def paragraph_at(self, offset: int) -> int | None:
        """The paragraph number (1-based) that contains an offset, or None outside paragraphs."""
        block = self.block_at(offset)
        return block.index if block is not None and block.kind == "paragraph" else None

    def structure(self):
        """A table of the article's blocks: kind, number, offsets, word count and text."""
        import pandas as pd

        return pd.DataFrame(
            [
                {
                    "kind": b.kind,
                    "number": b.index,
                    "start": b.start,
                    "end": b.end,
                    "words": len(b.text.split()),
                    "text": b.text,
                }
                for b in self.blocks
            ]
        )


# The largest article read unless told otherwise (`--max-size MB` on the command line, the
# KIT_MAX_SIZE_MB environment variable, or load_article(max_mb=...)): above it the analyses
# take minutes and gigabytes (benchmarks/bench_size.py measures them).
DEFAULT_MAX_MB = 20.0
MAX_SIZE_ENV = "KIT_MAX_SIZE_MB"


def max_size_mb() -> float:
    """The article size limit in MB: KIT_MAX_SIZE_MB when set to a number, else 20."""
    try:
        value = float(os.environ.get(MAX_SIZE_ENV, ""))
    except ValueError:
        return DEFAULT_MAX_MB
    return value if value > 0 else DEFAULT_MAX_MB


# Characters replaced one-for-one, so that normalising never shifts an offset.
_SAME_LENGTH = {
    "\u00a0": " ",  # no-break space
    "\u202f": " ",  # narrow no-break space
    "\u2007": " ",  # figure space
    "\u2009": " ",  # thin space
    "\u200b": " ",  # zero-width space
    "\ufeff": " ",  # byte-order mark
    "\r": " ",  # CR of a Windows line ending; the LF still ends the line
    "\t": " ",
}

_HTML = re.compile(
    r"<!doctype\s+html|<html[\s>]|<body[\s>]|<head[\s>]|</(?:p|div|span|a|script)>", re.IGNORECASE
)
_CLOSING = ".!?:;…\"'”’»)]"
_SUBHEADING_MAX_WORDS = 12
_SUBHEADING_MAX_CHARS = 90


_LONE_CR = re.compile(r"\r(?!\n)")


def normalise(raw: str) -> str:
    """Replace odd spaces and line-ending leftovers by plain spaces, keeping the length.

    A CR on its own (old Mac line ends) ends a line, like LF; the CR of a CRLF is a space."""
    text = _LONE_CR.sub("\n", raw)
    # one str.replace per character: about 50 times faster than str.translate on a long text
    for odd, space in _SAME_LENGTH.items():
        if odd in text:
            text = text.replace(odd, space)
    assert len(text) == len(raw)
    return text


def _is_subheading(text: str) -> bool:
    # a quotation (even one left unclosed) or a lower-case start is body text, however short
    return (
        "\n" not in text
        and (text[0].isupper() or text[0].isdigit())
        and len(text) <= _SUBHEADING_MAX_CHARS
        and len(text.split()) <= _SUBHEADING_MAX_WORDS
        and text[-1] not in _CLOSING
    )


# a block: from a non-space to a blank (or whitespace-only) line, read a line at a time
_BLOCK = re.compile(r"\S[^\n]*(?:\n(?![ \t]*\n)[^\n]*)*")


def split_blocks(text: str) -> list[Block]:
    """Cut normalised text into headline, subheadings and paragraphs at blank lines."""
    spans = []
    for m in _BLOCK.finditer(text):
        # a block ends at a blank (or whitespace-only) line; trim trailing spaces
        s, e = m.start(), m.end()
        while e > s and text[e - 1].isspace():
            e -= 1
        spans.append((s, e))
    blocks: list[Block] = []
    if not spans:
        return blocks
    # the headline is the first line; anything else in its block is a first paragraph
    s, e = spans[0]
    nl = text.find("\n", s, e)
    if nl != -1:
        rest = nl + 1
        while rest < e and text[rest].isspace():
            rest += 1
        head_end = nl
        while head_end > s and text[head_end - 1].isspace():
            head_end -= 1
        spans[0:1] = [(s, head_end), (rest, e)]
    blocks.append(Block("headline", 0, spans[0][0], spans[0][1], text[spans[0][0] : spans[0][1]]))
    n_par = n_sub = 0
    for s, e in spans[1:]:
        chunk = text[s:e]
        if _is_subheading(chunk):
            n_sub += 1
            blocks.append(Block("subheading", n_sub, s, e, chunk))
        else:
            n_par += 1
            blocks.append(Block("paragraph", n_par, s, e, chunk))
    return blocks


class _Shown:
    """A path as display_path shows it, worked out only when formatted into a message: the
    path is resolved (system calls) only for an article that fails, which was a good part of
    the time of reading a short article in corpus mode."""

    def __init__(self, path: Path):
        self.path = path

    def __format__(self, spec: str) -> str:
        return format(display_path(self.path), spec)


def _decode(path: Path, data: bytes, encoding: str | None) -> str:
    shown = _Shown(path)
    if encoding is None and data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        encoding = "utf-16"  # saved as "Unicode" by Windows Notepad: its byte-order mark says so
    if encoding is None and b"\x00" in data:
        raise ArticleError(
            f"{shown} looks like a binary file, not plain text — save the article as a "
            "UTF-8 .txt file (copy its text into a text editor and save)"
        )
    try:
        return data.decode(encoding or "utf-8")
    except UnicodeDecodeError as exc:
        if encoding:
            raise ArticleError(
                f"{shown} cannot be decoded as {encoding} (byte {data[exc.start]:#04x} at "
                f"position {exc.start}) — check which encoding the file uses"
            ) from None
        raise ArticleError(
            f"{shown} is not UTF-8 text (byte {data[exc.start]:#04x} at position {exc.start}) "
            "— re-save it as UTF-8 in your editor, or name its encoding, "
            "e.g. load_article(path, encoding='cp1252')"
        ) from None
    except LookupError:
        raise ArticleError(
            f"{shown}: unknown encoding {encoding!r} — use a name Python knows, "
            "such as 'utf-8', 'cp1252' or 'latin-1'"
        ) from None


def read_metadata(path: Path) -> dict[str, str]:
    """The row of data/articles/metadata.csv that describes a bundled article, if any."""
    table = ARTICLES_DIR / "metadata.csv"
    if not table.exists():
        return {}
    with table.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            if row.get("file") == path.name:
                return dict(row)
    return {}


def _located(path: Path) -> Path:
    """A relative path as typed: from the current folder, else from the kit's folder, so that
    ``data/articles/x.txt`` works the same in a notebook (run in notebooks/) and in
    ``make report`` (run from the kit's folder)."""
    try:
        if path.is_absolute() or path.exists() or not (PROJ_ROOT / path).exists():
            return path
    except OSError:  # a folder on the way that may not be entered: load_article says so
        return path
    return PROJ_ROOT / path


def load_article(
    path: Path | str, encoding: str | None = None, max_mb: float | None = None
) -> Article:
    """Read a plain-text article; raise ArticleError with the file and the fix when it can't.

    Files above ``max_mb`` megabytes (default: ``max_size_mb()``, 20) are refused."""
    path = _located(Path(path))
    shown = display_path(path)
    try:
        exists, is_dir = path.exists(), path.is_dir()
    except OSError as exc:  # e.g. a folder on the way that the user may not enter
        raise ArticleError(
            f"{shown} cannot be reached ({exc.strerror}) — check the permissions of the "
            "folders on its path"
        ) from None
    if not exists and path.is_symlink():
        raise ArticleError(
            f"{shown} is a symbolic link that leads nowhere (or to itself) — give the path "
            "of the article's file itself"
        )
    if not exists:
        raise ArticleError(
            f"{shown} does not exist — check the path (a relative path is read from the "
            f"folder you are in, {Path.cwd()}, then from the kit's folder); without a path "
            f"the kit uses its bundled article, {display_path(BUNDLED_ARTICLE)}"
        )
    if is_dir:
        raise ArticleError(f"{shown} is a folder — give the path of one article's .txt file")
    limit = max_mb if max_mb is not None else max_size_mb()
    try:
        size = path.stat().st_size
    except OSError:
        size = 0  # read_bytes below says why it cannot be read
    if size > limit * 1_000_000:
        raise ArticleError(
            f"{shown} is {size / 1e6:.1f} MB, more than the limit of {limit:g} MB for one "
            "article — split it into articles, or raise the limit with --max-size MB "
            "(load_article(path, max_mb=...) in a notebook)"
        )
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ArticleError(
            f"{shown} cannot be read ({exc.strerror}) — check its permissions"
        ) from None
    return parse_article(path, data, encoding, read_metadata(path))


def parse_article(
    path: Path | str,
    data: bytes,
    encoding: str | None = None,
    metadata: dict[str, str] | None = None,
) -> Article:
    """An article from the bytes of its file (already read); ArticleError as load_article."""
    path = Path(path)
    raw = _decode(path, data, encoding)
    shown = _Shown(path)  # the path in messages, resolved only when there is one
    if not raw.strip():
        raise ArticleError(
            f"{shown} is empty — an article needs a headline line and at least one paragraph"
        )
    if _HTML.search(raw[:5000]):
        raise ArticleError(
            f"{shown} looks like an HTML page, not plain text — save the article as text "
            "(select the article in the browser, copy it into a text editor, save as .txt)"
        )
    text = normalise(raw)
    blocks = split_blocks(text)
    if not any(b.kind == "paragraph" for b in blocks):
        raise ArticleError(
            f"{shown} has a headline but no body — put the article's paragraphs after the "
            "headline, separated by blank lines"
        )
    return Article(path=path, raw=raw, text=text, blocks=blocks, metadata=dict(metadata or {}))
