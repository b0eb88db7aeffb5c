"""What a report run produces and how it fails: the file names of a report folder, the
errors, and the records passed between the modules of ``helpers.report``."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from helpers.article import ArticleError

MANIFEST = ".kit-manifest.json"
INDEX = "index.html"
COMBINED = "report.html"
ARTICLE_PAGE = "article.html"  # the article with its statements marked (helpers.annotated)
TABLES = ("statements.csv", "speakers.csv")  # for spreadsheets (helpers.export)
SKIP_TAG = "report-skip"  # cells tagged so are left out of the combined report (not the pages)
CHART_DPI = 100
NOTEBOOK_TIMEOUT = 600  # seconds a single cell may run


class ReportError(ArticleError):
    """A report that cannot be written as asked (the message says how to proceed)."""


class KernelStartError(RuntimeError):
    """A notebook kernel did not start, even when tried again."""


@dataclass
class NotebookFailed(Exception):
    """A notebook raised an exception: which notebook, which cell, which error."""

    notebook: str
    cell: int  # 1-based position in the notebook as committed
    first_line: str
    error: str

    def __str__(self) -> str:
        return (
            f"notebook {self.notebook} failed in cell {self.cell} "
            f"(`{self.first_line}`): {self.error}"
        )


@dataclass
class NotebookRun:
    """One executed notebook, cleaned of run-specific metadata."""

    name: str  # file stem, e.g. "02_who_speaks"
    title: str  # text of its first heading
    nb: object  # nbformat.NotebookNode
    seconds: float
    warnings: int = 0  # cells that wrote to stderr (shown in the page)


@dataclass
class ReportResult:
    """What ``build_report`` wrote."""

    article: Path
    folder: Path
    files: list[Path] = field(default_factory=list)
    timings: dict[str, float] = field(default_factory=dict)
