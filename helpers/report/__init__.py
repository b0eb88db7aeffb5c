"""HTML reports: run every notebook on an article and export them, offline and reproducibly.

``build_report(path)`` executes ``notebooks/*.ipynb`` with papermill (the article goes in as
the ``article_path`` parameter, never by editing a notebook) and writes into
``reports/<article-name>/``: one HTML page per notebook with its code, ``report.html`` with
every notebook's prose and results but no code, and ``index.html`` linking them. The same
article with the same kit gives the same bytes: no timestamps, no random ids, no absolute
paths, charts as inline PNG, no script or style loaded from the web.

The modules, in the order a report is made: ``provenance`` (what it is made from), ``run``
(the notebooks, on the kernels of ``kernel``), ``export`` (notebooks as pages), ``pages``
(the index pages, from ``templates/``), ``write`` (the folder), and ``build``, which calls
them in turn. ``records`` holds the file names, errors and records they share. Every public
name is importable from ``helpers.report``; the report kernels load it as an IPython
extension (``load_ipython_extension``).
"""

from helpers.report.build import build_comparison, build_report, build_reports
from helpers.report.export import TEMPLATE, combined_notebook, export_html, scrub_html
from helpers.report.kernel import (
    KERNEL_CONFIG,
    KERNEL_READY_TIMEOUT,
    KERNEL_START_ATTEMPTS,
    chart_alt_text,
    load_ipython_extension,
)
from helpers.report.pages import INDEX_CSS, corpus_index_html, index_html
from helpers.report.provenance import Provenance, provenance, source_date
from helpers.report.records import (
    ARTICLE_PAGE,
    CHART_DPI,
    COMBINED,
    INDEX,
    MANIFEST,
    NOTEBOOK_TIMEOUT,
    SKIP_TAG,
    TABLES,
    KernelStartError,
    NotebookFailed,
    NotebookRun,
    ReportError,
    ReportResult,
)
from helpers.report.run import (
    article_parameter,
    clean_notebook,
    is_corpus_notebook,
    notebook_paths,
    run_notebook,
    run_notebooks,
)
from helpers.report.write import (
    check_folder,
    check_writable,
    read_manifest,
    report_folder,
    write_atomic,
    write_files,
)

__all__ = [
    "ARTICLE_PAGE",
    "CHART_DPI",
    "COMBINED",
    "INDEX",
    "INDEX_CSS",
    "KERNEL_CONFIG",
    "KERNEL_READY_TIMEOUT",
    "KERNEL_START_ATTEMPTS",
    "MANIFEST",
    "NOTEBOOK_TIMEOUT",
    "SKIP_TAG",
    "TABLES",
    "TEMPLATE",
    "KernelStartError",
    "NotebookFailed",
    "NotebookRun",
    "Provenance",
    "ReportError",
    "ReportResult",
    "article_parameter",
    "build_comparison",
    "build_report",
    "build_reports",
    "chart_alt_text",
    "check_folder",
    "check_writable",
    "clean_notebook",
    "combined_notebook",
    "corpus_index_html",
    "export_html",
    "index_html",
    "is_corpus_notebook",
    "load_ipython_extension",
    "notebook_paths",
    "provenance",
    "read_manifest",
    "report_folder",
    "run_notebook",
    "run_notebooks",
    "scrub_html",
    "source_date",
    "write_atomic",
    "write_files",
]
