"""Building a report: check the article (and any corrections file) first, run the notebooks,
export every page, and write the folder; for one article, several, or two compared."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from helpers.article import load_article
from helpers.paths import NOTEBOOKS_DIR, display_path
from helpers.report.export import combined_notebook, export_html
from helpers.report.pages import article_nav, index_html
from helpers.report.provenance import Provenance, provenance
from helpers.report.records import (
    ARTICLE_PAGE,
    COMBINED,
    INDEX,
    TABLES,
    NotebookRun,
    ReportError,
    ReportResult,
)
from helpers.report.run import notebook_paths, run_notebooks
from helpers.report.write import check_folder, check_writable, report_folder, write_files
from helpers.teaching import index_links, teaching_files


def build_report(
    article_path: Path | str,
    out_dir: Path | None = None,
    notebooks: list[Path] | None = None,
    force: bool = False,
    jobs: int = 2,
    progress: Callable[[str], None] | None = print,
    corrections: Path | str | bool | None = None,
    compare: Path | str | None = None,
) -> ReportResult:
    """Run every notebook on an article and write its HTML reports into out_dir/<name>/;
    with ``compare``, the comparison notebooks on the two articles, into <name>_vs_<other>/.
    ``corrections``: None applies ``<article>.corrections.csv`` beside the article when there
    is one, a path applies that file, False applies none (helpers.corrections)."""
    article = load_article(article_path)  # bad input fails here, with the clean message
    other = load_article(compare) if compare is not None else None
    paths = _notebooks(notebooks, other)
    folder = report_folder(article.path, out_dir)
    if other is not None:
        folder = folder.with_name(f"{article.path.stem}_vs_{other.path.stem}")
    previous = check_folder(folder, force)
    check_writable(folder)
    prov = provenance(article)
    if corrections not in (None, False):
        corrections = Path(corrections).resolve()
    tables = _article_tables(article, corrections)  # a broken corrections file stops here

    if progress:
        progress(f"{prov.article_file}: {len(paths)} notebook(s)")
        if tables.note:
            progress(f"  {tables.note}")
    runs = run_notebooks(
        paths,
        article.path,
        jobs=jobs,
        progress=progress,
        corrections=corrections,
        compare=other and other.path,
    )
    files = _report_files(runs, prov, tables, other)
    try:
        written = write_files(folder, files, previous)
    except OSError as exc:
        raise ReportError(
            f"could not write the report into {display_path(folder)} ({exc.strerror}) — "
            "check the free space and permissions there, or choose another folder with --out"
        ) from None
    return ReportResult(
        article=article.path,
        folder=folder,
        files=written,
        timings={r.name: r.seconds for r in runs},
    )


def _notebooks(notebooks: list[Path] | None, other) -> list[Path]:
    """The notebooks to run: those given, else the kit's (its comparison ones with ``other``)."""
    if notebooks is not None:
        paths = list(notebooks)
    else:
        paths = notebook_paths() if other is None else notebook_paths(comparison=True)
    if not paths:
        raise ReportError(f"{display_path(NOTEBOOKS_DIR)} holds no notebook to run")
    return paths


def _report_files(
    runs: list[NotebookRun], prov: Provenance, tables: _ArticleTables, other
) -> dict[str, bytes]:
    """Every file of an article's report folder, by its name there."""
    nav = f"{prov.headline} — {prov.article_file}"
    files: dict[str, bytes] = teaching_files(runs, tables.article, other)  # takes the SVGs out
    for run in runs:
        page = export_html(run.nb, f"{run.title} — {prov.headline}", nav, with_code=True)
        files[f"{run.name}.html"] = page.encode("utf-8")
    combined = combined_notebook(runs, prov)
    page = export_html(combined, f"Report: {prov.headline}", nav, with_code=False)
    files[COMBINED] = page.encode("utf-8")
    files[ARTICLE_PAGE] = tables.page(nav).encode("utf-8")
    files.update(tables.csv_files())
    files[INDEX] = index_html(prov, runs, tables.note, index_links(files, other)).encode("utf-8")
    return files


@dataclass
class _ArticleTables:
    """The statements (with corrections by hand) behind article.html and the CSV tables."""

    article: object
    statements: object
    note: str  # "3 correction(s) applied by hand, from …", "" without a corrections file

    def page(self, nav: str) -> str:
        from helpers.annotated import annotate

        view = annotate(self.article, self.statements, note=self.note)
        return view.page(f"The article, annotated — {self.article.headline.text}", article_nav(nav))

    def csv_files(self) -> dict[str, bytes]:
        from helpers.export import csv_text
        from helpers.statements import speakers_table

        speakers = speakers_table(self.statements)
        return {
            TABLES[0]: csv_text(self.statements).encode("utf-8"),
            TABLES[1]: csv_text(speakers).encode("utf-8"),
        }


def _article_tables(article, corrections) -> _ArticleTables:
    from helpers.corrections import statements_with_corrections

    statements, report = statements_with_corrections(article, corrections)
    note = report.line() if report.file is not None else ""
    return _ArticleTables(article, statements, note)


def build_comparison(first: Path | str, second: Path | str, **kwargs) -> ReportResult:
    """The comparison report of two articles: reports/<first>_vs_<second>/."""
    return build_report(first, compare=second, **kwargs)


def build_reports(paths: Iterable[Path | str], **kwargs) -> list[ReportResult]:
    """Reports for several articles; every article is checked before anything runs."""
    paths = list(paths)
    for path in paths:
        load_article(path)
        report_folder(path, kwargs.get("out_dir"))
    names = [Path(p).stem for p in paths]
    twins = sorted({n for n in names if names.count(n) > 1})
    if twins:
        raise ReportError(
            f"two articles share the name {twins[0]!r} and would share reports/{twins[0]}/ — "
            "rename one of the files"
        )
    return [build_report(p, **kwargs) for p in paths]
