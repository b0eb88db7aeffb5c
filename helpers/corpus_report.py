"""The report of a corpus: run the corpus notebooks on a folder of articles, export HTML.

``build_corpus_report(folder)`` works like ``helpers.report.build_report`` for one article, with
the folder going in as the ``corpus_path`` parameter of the notebooks whose parameters cell has
one (notebook 05). It writes ``reports/corpus-<folder-name>/``: ``index.html``, ``report.html``
(no code) and one page per notebook; the same articles and kit give the same bytes.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path

from helpers.corpus import find_articles, hash_file
from helpers.paths import REPORTS_DIR, display_path
from helpers.report import (
    COMBINED,
    INDEX,
    Provenance,
    ReportError,
    ReportResult,
    check_folder,
    combined_notebook,
    export_html,
    notebook_paths,
    run_notebooks,
    source_date,
    write_files,
)
from helpers.report.export import md_escape
from helpers.report.pages import corpus_index_html
from helpers.report.provenance import shown_path

# the notebook pages' navigation bar speaks of "the article": this one of "the corpus"
_WORDING = [("All reports for this article", "All reports for this corpus")]


def _reworded(text: str) -> str:
    for old, new in _WORDING:
        text = text.replace(old, new)
    return text


def corpus_provenance(folder: Path) -> Provenance:
    """The corpus folder, its size, and one SHA-256 over its files' names and SHA-256s."""
    from helpers import __version__

    sources = find_articles([folder])  # no article: a CorpusError that names the folder
    digest = hashlib.sha256()
    for src in sorted(sources, key=lambda s: s.file):
        digest.update(f"{src.file}\0{hash_file(src.path)[0]}\n".encode())
    outlets = {s.outlet for s in sources if s.outlet}
    source = f"{len(sources)} article{'s' if len(sources) != 1 else ''}"
    if outlets:
        source += f" from {len(outlets)} outlet{'s' if len(outlets) != 1 else ''}"
    return Provenance(
        article_file=shown_path(folder),
        headline=f"Corpus: {folder.name}",
        source=source + " (outlets and dates from metadata.csv)",
        sha256=digest.hexdigest(),
        kit_version=__version__,
        date=source_date(),
    )


def build_corpus_report(
    folder: Path | str,
    out_dir: Path | None = None,
    force: bool = False,
    jobs: int = 2,
    progress: Callable[[str], None] | None = print,
) -> ReportResult:
    """Run the corpus notebooks on a folder of articles and write its reports."""
    folder = Path(folder).resolve()
    if not folder.is_dir():
        raise ReportError(
            f"{display_path(folder)} is not a folder — give the folder that holds the "
            "articles (and their metadata.csv)"
        )
    prov = corpus_provenance(folder)
    paths = notebook_paths(corpus=True)
    if not paths:
        raise ReportError("the kit has no corpus notebook to run")
    target = Path(out_dir or REPORTS_DIR) / f"corpus-{folder.name}"
    previous = check_folder(target, force)
    if progress:
        progress(f"{prov.article_file}: {prov.source}, {len(paths)} notebook(s)")
    runs = run_notebooks(paths, folder, jobs=jobs, progress=progress, parameter="corpus_path")
    nav = f"{prov.headline} — {prov.source}"
    files: dict[str, bytes] = {}
    for run in runs:
        page = export_html(run.nb, f"{run.title} — {prov.headline}", nav, with_code=True)
        files[f"{run.name}.html"] = _reworded(page).encode("utf-8")
    intro = (
        f"# Report: {md_escape(prov.headline)}\n\n"
        f"**Corpus:** <code>{md_escape(prov.article_file)}</code>  \n"
        f"**Articles:** {md_escape(prov.source)}\n\n"
        "This report gathers the results of the kit's corpus notebooks, without their code. "
        "Open a notebook from the index to see the code."
    )
    combined = combined_notebook(runs, prov, intro)
    page = export_html(combined, f"Report: {prov.headline}", nav, with_code=False)
    files[COMBINED] = _reworded(page).encode("utf-8")
    files[INDEX] = corpus_index_html(prov, runs).encode("utf-8")
    written = write_files(target, files, previous)
    return ReportResult(
        article=folder, folder=target, files=written, timings={r.name: r.seconds for r in runs}
    )
