"""Running notebooks: which notebooks a report runs, the parameters they get (free of machine
paths), papermill on the report's own kernel, a failure named by notebook and cell, and the
run-specific metadata cleaned off."""

from __future__ import annotations

import json
import os
import tempfile
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor, as_completed
from pathlib import Path

from helpers.paths import NOTEBOOKS_DIR, PROJ_ROOT
from helpers.report import kernel
from helpers.report.records import NOTEBOOK_TIMEOUT, NotebookFailed, NotebookRun


def notebook_paths(corpus: bool = False, comparison: bool = False) -> list[Path]:
    """The analysis notebooks, in the order they are read: those of one article, or (with
    ``corpus=True``) those of a corpus, whose parameters cell sets ``corpus_path``, or (with
    ``comparison=True``) those that compare two articles (their parameters set ``compare_path``)."""
    return [
        p
        for p in sorted(NOTEBOOKS_DIR.glob("*.ipynb"))
        if is_corpus_notebook(p) == corpus
        and ("compare_path" in parameters_source(p)) == comparison
    ]


def is_corpus_notebook(path: Path) -> bool:
    """True for a notebook about a corpus of articles (its parameters cell has corpus_path)."""
    cells = json.loads(Path(path).read_text(encoding="utf-8")).get("cells", [])
    for cell in cells:
        if "parameters" in cell.get("metadata", {}).get("tags", []):
            source = cell.get("source", "")
            return "corpus_path" in ("".join(source) if isinstance(source, list) else source)
    return False


def article_parameter(path: Path) -> tuple[str, Path]:
    """(article_path value, kernel working folder) for an article, free of machine paths.

    Inside the kit: the project-relative path, run from the project folder. Elsewhere: the
    bare file name, run from the article's own folder.
    """
    path = Path(path).resolve()
    try:
        return path.relative_to(PROJ_ROOT).as_posix(), PROJ_ROOT
    except ValueError:
        return path.name, path.parent


def notebook_parameters(
    path: Path,
    article: Path,
    corrections: Path | bool | None,
    parameter: str,
    compare: Path | None,
) -> tuple[dict, Path]:
    """(papermill parameters, kernel working folder) for one notebook on one article."""
    value, cwd = article_parameter(article)
    parameters = {parameter: value}
    if corrections is not None and "corrections_path" in parameters_source(path):
        parameters["corrections_path"] = (
            False if corrections is False else os.path.relpath(Path(corrections).resolve(), cwd)
        )
    if compare is not None:
        parameters["compare_path"] = Path(os.path.relpath(Path(compare).resolve(), cwd)).as_posix()
    return parameters, cwd


def run_notebook(
    path: Path,
    article: Path,
    ipython_dir: Path,
    corrections: Path | bool | None = None,
    parameter: str = "article_path",
    compare: Path | None = None,
) -> NotebookRun:
    """Execute one notebook on an article (or, with parameter="corpus_path", on a folder of
    articles); raise NotebookFailed naming the cell on error. ``corrections``: None for the
    corrections file beside the article (if any), False for none, or a file (passed as
    ``corrections_path``). ``compare``: the second article of a comparison notebook (passed as
    ``compare_path``)."""
    import nbformat
    import papermill
    from papermill.exceptions import PapermillExecutionError

    parameters, cwd = notebook_parameters(path, article, corrections, parameter, compare)
    started = time.perf_counter()
    try:
        nb = papermill.execute_notebook(
            str(path),
            None,
            parameters=parameters,
            progress_bar=False,
            request_save_on_cell_execute=False,
            km=kernel.kernel_manager(ipython_dir),
            resources={"metadata": {"path": str(cwd)}},
            execution_timeout=NOTEBOOK_TIMEOUT,
        )
    except PapermillExecutionError as exc:
        raise _failure(path, exc) from None
    seconds = time.perf_counter() - started
    nb = nbformat.from_dict(nb)
    clean_notebook(nb, path.stem)
    warned = sum(
        any(o.get("output_type") == "stream" and o.get("name") == "stderr" for o in c.outputs)
        for c in nb.cells
        if c.cell_type == "code"
    )
    return NotebookRun(path.stem, _first_heading(nb) or path.stem, nb, seconds, warned)


def parameters_source(path: Path) -> str:
    """The source of a notebook's `parameters` cell ("" when it has none)."""
    import nbformat

    for cell in nbformat.read(path, as_version=4).cells:
        if "parameters" in cell.metadata.get("tags", []):
            return cell.source
    return ""


def _failure(path: Path, exc) -> NotebookFailed:
    import nbformat

    original = nbformat.read(path, as_version=4)
    # papermill inserts its parameters cell right after the `parameters` cell
    tagged = [i for i, c in enumerate(original.cells) if "parameters" in c.metadata.get("tags", [])]
    index = exc.cell_index
    if tagged and index > tagged[0]:
        index -= 1
    source = exc.source if isinstance(exc.source, str) else "".join(exc.source)
    first = next((line.strip() for line in source.splitlines() if line.strip()), "")
    if len(first) > 70:
        first = first[:67] + "..."
    message = f"{exc.ename}: {exc.evalue}" if exc.evalue else exc.ename
    return NotebookFailed(path.name, index + 1, first, message)


def clean_notebook(nb, stem: str) -> None:
    """Drop timings and machine paths papermill and nbclient record; make cell ids fixed;
    merge a cell's consecutive writes to one stream."""
    nb.metadata.pop("papermill", None)
    nb.metadata.pop("widgets", None)
    for i, cell in enumerate(nb.cells):
        cell.metadata.pop("papermill", None)
        cell.metadata.pop("execution", None)
        cell["id"] = f"{stem}-{i}"[:64]
        if cell.get("outputs"):
            cell["outputs"] = merge_streams(cell["outputs"])


def merge_streams(outputs: list) -> list:
    """Consecutive outputs of one stream (stdout, stderr) as one, as JupyterLab shows them.
    The kernel sends what a cell prints in pieces cut by a timer: on a busy machine one
    ``print`` can arrive as two (its text, then its line end), which without this made a
    page differ from one run to the next."""
    merged: list = []
    for out in outputs:
        last = merged[-1] if merged else None
        if (
            last is not None
            and out.get("output_type") == "stream" == last.get("output_type")
            and out.get("name") == last.get("name")
        ):
            last["text"] = _text(last["text"]) + _text(out["text"])
        else:
            merged.append(out)
    return merged


def _text(text) -> str:
    return text if isinstance(text, str) else "".join(text)


def _first_heading(nb) -> str:
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            for line in cell.source.splitlines():
                if line.startswith("#"):
                    return line.lstrip("#").strip()
    return ""


def run_notebooks(
    paths: list[Path],
    article: Path,
    jobs: int = 2,
    progress: Callable[[str], None] | None = print,
    corrections: Path | bool | None = None,
    parameter: str = "article_path",
    compare: Path | None = None,
) -> list[NotebookRun]:
    """Run notebooks (``jobs`` at a time) and return them in order; report each as it ends."""
    total = len(paths)
    runs: dict[Path, NotebookRun] = {}
    failures: dict[Path, NotebookFailed] = {}
    with tempfile.TemporaryDirectory(prefix="kit-ipython-") as tmp:
        ipython_dir = kernel.prepare_ipython_dir(Path(tmp))
        with ThreadPoolExecutor(max_workers=max(1, jobs)) as pool:
            futures = {
                pool.submit(
                    run_notebook, p, article, ipython_dir, corrections, parameter, compare
                ): p
                for p in paths
            }
            for done, future in enumerate(as_completed(futures), start=1):
                path = futures[future]
                try:
                    runs[path] = future.result()
                except NotebookFailed as exc:
                    failures[path] = exc
                    if progress:
                        progress(f"[{done}/{total}] {path.stem} ... failed")
                    continue
                if progress:
                    progress(_progress_line(done, total, runs[path]))
    if failures:
        raise failures[min(failures)]
    return [runs[p] for p in paths]


def _progress_line(done: int, total: int, run: NotebookRun) -> str:
    note = f" ({run.warnings} cell(s) wrote warnings)" if run.warnings else ""
    return f"[{done}/{total}] {run.name} ... {run.seconds:.1f} s{note}"
