"""What a report was made from: the article's file, headline, source and SHA-256, the kit
version and (only when SOURCE_DATE_EPOCH is set) a date. Never a clock time."""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from helpers.paths import display_path
from helpers.report.records import ReportError


@dataclass
class Provenance:
    """What a report was made from; every field is deterministic for the same inputs."""

    article_file: str  # as shown to the user: project-relative path or file name
    headline: str
    source: str  # from data/articles/metadata.csv, else the file name
    sha256: str
    kit_version: str
    date: str  # from SOURCE_DATE_EPOCH (YYYY-MM-DD), "" when unset

    def made(self) -> str:
        """One line saying how the report was made, without a clock time."""
        text = f"media-analysis kit {self.kit_version}, from article sha256 {self.sha256[:16]}"
        if self.date:
            text = f"{self.date}, with " + text
        return text


def source_date() -> str:
    """The report date from SOURCE_DATE_EPOCH (reproducible-builds convention), else ""."""
    value = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not value:
        return ""
    try:
        return datetime.fromtimestamp(int(value), tz=UTC).strftime("%Y-%m-%d")
    except (ValueError, OverflowError, OSError):
        raise ReportError(
            f"SOURCE_DATE_EPOCH={value!r} is not a number of seconds since 1970 — "
            "set it to e.g. $(date +%s), or unset it"
        ) from None


def provenance(article) -> Provenance:
    """Where the article comes from and what made the report."""
    from helpers import __version__

    meta = article.metadata
    if meta:
        bits = [meta.get("outlet", ""), meta.get("date", ""), meta.get("source", "")]
        source = " · ".join(b for b in bits if b)
    else:
        source = article.path.name
    return Provenance(
        article_file=shown_path(article.path),
        headline=article.headline.text,
        source=source or article.path.name,
        sha256=hashlib.sha256(article.path.read_bytes()).hexdigest(),
        kit_version=__version__,
        date=source_date(),
    )


def shown_path(path: Path) -> str:
    """Project-relative path inside the kit, the bare file name outside it (no home folders)."""
    shown = display_path(path)
    return shown if not Path(shown).is_absolute() else Path(path).name
