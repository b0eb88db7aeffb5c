"""HTML reports: run every notebook on an article and export them, offline and reproducibly.

``build_report(path)`` executes ``notebooks/*.ipynb`` with papermill (the article goes in as
the ``article_path`` parameter, never by editing a notebook) and writes into
``reports/<article-name>/``: one HTML page per notebook with its code, ``report.html`` with
every notebook's prose and results but no code, and ``index.html`` linking them. The same
article with the same kit gives the same bytes: no timestamps, no random ids, no absolute
paths, charts as inline PNG, no script or style loaded from the web.
"""

from __future__ import annotations

import hashlib
import html
import json
import os
import re
import sys
import tempfile
import time
import unicodedata
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor, as_completed
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from helpers.article import ArticleError, load_article
from helpers.paths import NOTEBOOKS_DIR, PROJ_ROOT, REPORTS_DIR, display_path
from helpers.teaching import index_links, rewrite_doc_links, teaching_files

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


@dataclass
class ReportResult:
    """What ``build_report`` wrote."""

    article: Path
    folder: Path
    files: list[Path] = field(default_factory=list)
    timings: dict[str, float] = field(default_factory=dict)


# The stylesheet of the index pages (article and corpus reports)
INDEX_CSS = """body { font: 1rem/1.5 system-ui, sans-serif; max-width: 46rem; margin: 0 auto;
  padding: 1rem; color: #222; }
h1 { font-size: 1.5rem; line-height: 1.25; }
table { border-collapse: collapse; width: 100%; table-layout: fixed; }
th, td { text-align: left; vertical-align: top; padding: 0.3rem 0.5rem;
  border-bottom: 1px solid #ddd; overflow-wrap: anywhere; }
th { width: 9rem; font-weight: 600; }
code { font-size: 0.9em; }
a { color: #1a5fb4; }
.file { color: #666; font-size: 0.9em; }
footer { margin-top: 2rem; color: #666; font-size: 0.85rem; }
"""


# --------------------------------------------------------------------------- provenance


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
        article_file=_shown_path(article.path),
        headline=article.headline.text,
        source=source or article.path.name,
        sha256=hashlib.sha256(article.path.read_bytes()).hexdigest(),
        kit_version=__version__,
        date=source_date(),
    )


def _shown_path(path: Path) -> str:
    """Project-relative path inside the kit, the bare file name outside it (no home folders)."""
    shown = display_path(path)
    return shown if not Path(shown).is_absolute() else Path(path).name


# --------------------------------------------------------------------------- the kernel


def load_ipython_extension(ip) -> None:
    """Set up a report kernel: PNG charts at a fixed dpi, alt text from the chart titles.

    Loaded by the report's kernels only (through their IPython config), never by a notebook.
    """
    import matplotlib

    matplotlib.rcParams.update({"figure.dpi": CHART_DPI, "savefig.dpi": "figure"})
    from matplotlib_inline import backend_inline

    original = backend_inline._fetch_figure_metadata
    if getattr(original, "_kit", False):
        return

    def with_alt(fig):
        metadata = original(fig) or {}
        alt = chart_alt_text(fig)
        if alt:
            metadata["alt"] = alt
        return metadata or None

    with_alt._kit = True
    backend_inline._fetch_figure_metadata = with_alt


def chart_alt_text(fig) -> str:
    """'Chart: <titles>' from a matplotlib figure's suptitle and axes titles."""
    titles = []
    if getattr(fig, "_suptitle", None) is not None and fig._suptitle.get_text():
        titles.append(fig._suptitle.get_text())
    for ax in fig.axes:
        for loc in ("center", "left", "right"):
            title = ax.get_title(loc=loc)
            if title and title not in titles:
                titles.append(title)
    return ("Chart: " + "; ".join(titles)) if titles else "Chart"


KERNEL_CONFIG = f"""\
# Written by helpers.report for its own kernels.
c.InteractiveShellApp.extensions = ["helpers.report"]
c.InlineBackend.figure_formats = {{"png", "svg"}}
c.InlineBackend.rc = {{"figure.dpi": {CHART_DPI}, "svg.hashsalt": "media-analysis-kit"}}
c.HistoryManager.enabled = False
"""


def _kernel_manager(ipython_dir: Path):
    """A kernel on this very interpreter, with a private IPython dir and fixed settings."""
    from jupyter_client.kernelspec import KernelSpec, KernelSpecManager
    from jupyter_client.manager import AsyncKernelManager

    spec = KernelSpec(
        argv=[
            sys.executable,
            "-Xfrozen_modules=off",
            "-m",
            "ipykernel_launcher",
            "-f",
            "{connection_file}",
            "--IPKernelApp.log_level=ERROR",  # not the start-up notices, on every run
        ],
        display_name="Python 3 (media-analysis kit report)",
        language="python",
        env={
            "IPYTHONDIR": str(ipython_dir),
            "MPLBACKEND": "module://matplotlib_inline.backend_inline",
            "PYTHONHASHSEED": "0",
            "PYDEVD_DISABLE_FILE_VALIDATION": "1",
            "PYTHONWARNINGS": os.environ.get("PYTHONWARNINGS", ""),
            "SOURCE_DATE_EPOCH": os.environ.get("SOURCE_DATE_EPOCH") or "0",  # SVG charts' date
        },
    )

    class _ThisInterpreter(KernelSpecManager):
        def get_kernel_spec(self, kernel_name):  # noqa: ARG002 — one kernel for every name
            return spec

    class _QuietKernelManager(AsyncKernelManager):
        """Sends the kernel process's own log (not cell output) to a file in the private
        IPython dir: ipykernel can log a harmless ZMQ traceback while shutting down, which
        would otherwise land on the user's terminal after a successful run."""

        async def _async_launch_kernel(self, kernel_cmd, **kw):
            log = open(ipython_dir / "kernel.log", "ab")  # noqa: SIM115 — lives with the kernel
            kw.setdefault("stderr", log)
            kw.setdefault("stdout", log)
            try:
                return await super()._async_launch_kernel(kernel_cmd, **kw)
            finally:
                log.close()  # the child holds its own copy of the descriptor

        async def start_kernel(self, **kw):  # what nbclient calls
            """Start the kernel while no other report kernel on this machine is starting,
            and wait until it answers; if it dies or does not answer, try once more on new
            ports. jupyter_client picks free ports by binding and releasing them, so two
            kernels starting at once could pick the same one ("Kernel died before replying
            to kernel_info")."""
            with _kernel_start_lock():
                for _ in range(KERNEL_START_ATTEMPTS):
                    await super()._async_start_kernel(**kw)
                    if await _answers(self):
                        return
                    await self._async_shutdown_kernel(now=True, restart=True)  # keeps zmq
                    self.cleanup_connection_file()
                    for name in ("shell", "iopub", "stdin", "hb", "control"):
                        setattr(self, f"{name}_port", 0)  # choose new ports next time
                raise KernelStartError(
                    f"the notebook kernel did not start ({KERNEL_START_ATTEMPTS} attempts) — "
                    "run the report again; if it keeps failing, check that "
                    f"{sys.executable} -m ipykernel_launcher runs"
                )

    # the connection file (it holds the kernel's key) goes into the run's private folder,
    # removed with it; left to itself jupyter_client writes one to the temporary folder
    # that nothing removes
    connection = tempfile.mkstemp(prefix="kernel-", suffix=".json", dir=ipython_dir)
    os.close(connection[0])
    return _QuietKernelManager(
        kernel_name="python3",
        kernel_spec_manager=_ThisInterpreter(),
        connection_file=connection[1],
    )


KERNEL_START_ATTEMPTS = 2
KERNEL_READY_TIMEOUT = 60  # seconds a new kernel may take to answer


async def _answers(km) -> bool:
    """True when a just-started kernel replies to kernel_info in time."""
    kc = km.client()
    kc.start_channels()
    try:
        await kc.wait_for_ready(timeout=KERNEL_READY_TIMEOUT)
        return True
    except (RuntimeError, TimeoutError):
        return False
    finally:
        kc.stop_channels()


@contextmanager
def _kernel_start_lock():
    """One report kernel starting at a time on this machine (all processes, all threads)."""
    try:
        import fcntl
    except ImportError:  # Windows: no lock; a failed start is still retried
        yield
        return
    path = Path(tempfile.gettempdir()) / "media-analysis-kit-kernel-start.lock"
    with open(path, "a") as fh:  # noqa: PTH123
        fcntl.flock(fh, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


def _prepare_ipython_dir(root: Path) -> Path:
    profile = root / "profile_default"
    profile.mkdir(parents=True, exist_ok=True)
    (profile / "ipython_kernel_config.py").write_text(KERNEL_CONFIG, encoding="utf-8")
    return root


# --------------------------------------------------------------------------- running


def notebook_paths(corpus: bool = False, comparison: bool = False) -> list[Path]:
    """The analysis notebooks, in the order they are read: those of one article, or (with
    ``corpus=True``) those of a corpus, whose parameters cell sets ``corpus_path``, or (with
    ``comparison=True``) those that compare two articles (their parameters set ``compare_path``)."""
    return [
        p
        for p in sorted(NOTEBOOKS_DIR.glob("*.ipynb"))
        if is_corpus_notebook(p) == corpus
        and ("compare_path" in _parameters_source(p)) == comparison
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

    value, cwd = article_parameter(article)
    parameters = {parameter: value}
    if corrections is not None and "corrections_path" in _parameters_source(path):
        parameters["corrections_path"] = (
            False if corrections is False else os.path.relpath(Path(corrections).resolve(), cwd)
        )
    if compare is not None:
        parameters["compare_path"] = Path(os.path.relpath(Path(compare).resolve(), cwd)).as_posix()
    started = time.perf_counter()
    try:
        nb = papermill.execute_notebook(
            str(path),
            None,
            parameters=parameters,
            progress_bar=False,
            request_save_on_cell_execute=False,
            km=_kernel_manager(ipython_dir),
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


def _parameters_source(path: Path) -> str:
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
    """Drop timings and machine paths papermill and nbclient record; make cell ids fixed."""
    nb.metadata.pop("papermill", None)
    nb.metadata.pop("widgets", None)
    for i, cell in enumerate(nb.cells):
        cell.metadata.pop("papermill", None)
        cell.metadata.pop("execution", None)
        cell["id"] = f"{stem}-{i}"[:64]


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
        ipython_dir = _prepare_ipython_dir(Path(tmp))
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
                    run = runs[path]
                    note = f" ({run.warnings} cell(s) wrote warnings)" if run.warnings else ""
                    progress(f"[{done}/{total}] {path.stem} ... {run.seconds:.1f} s{note}")
    if failures:
        raise failures[min(failures)]
    return [runs[p] for p in paths]


# --------------------------------------------------------------------------- exporting

TEMPLATE = r"""{%- extends 'index.html.j2' -%}
{%- block html_head_js -%}{%- endblock html_head_js -%}
{% block jupyter_widgets %}{% endblock jupyter_widgets %}
{%- block html_head_js_mathjax -%}{%- endblock html_head_js_mathjax -%}
{%- block html_head_js_mermaidjs -%}{%- endblock html_head_js_mermaidjs -%}
{% block extra_css %}
<style type="text/css">
main { max-width: 60rem; margin: 0 auto; }
.kit-nav { font: 0.9rem/1.4 system-ui, sans-serif; padding: 0.6rem 1rem;
  border-bottom: 1px solid #ddd; overflow-wrap: anywhere; }
.kit-nav a { color: #1a5fb4; }
.jp-OutputArea-output, .jp-InputArea-editor { overflow-x: auto; max-width: 100%; }
.jp-RenderedImage img { max-width: 100%; height: auto; }
@media (max-width: 600px) {
  .jp-InputPrompt, .jp-OutputPrompt { display: none; }
  .jp-RenderedMarkdown { overflow-wrap: break-word; }
  .jp-RenderedMarkdown table { display: block; overflow-x: auto; max-width: 100%; }
}
</style>
{% endblock extra_css %}
{%- block body_header -%}
{{ super() }}
<nav class="kit-nav" aria-label="report">
<a href="index.html">All reports for this article</a> · {{ resources.kit_nav | e }}
</nav>
{%- endblock body_header -%}
{% block data_png scoped %}
<div class="jp-RenderedImage jp-OutputArea-output {{ extra_class }}">
<img src="data:image/png;base64,{{ output.data['image/png'] | escape_html }}" alt="
{{- ((output | get_metadata('alt', 'image/png')) or 'Chart') | escape_html }}">
</div>
{%- endblock data_png %}
"""

_DATA_URI = re.compile(r'(data:[a-z/+.-]+;base64,[^"\'\s)]*)')
_STYLER_ID = re.compile(r"\bT_([0-9a-f]{5})(?![0-9A-Za-z])")


def _exporter(with_code: bool):
    from jinja2 import DictLoader
    from nbconvert import HTMLExporter
    from nbconvert.preprocessors import TagRemovePreprocessor

    exporter = HTMLExporter(
        template_name="lab",
        extra_loaders=[DictLoader({"kit_report.html.j2": TEMPLATE})],
        template_file="kit_report.html.j2",
        exclude_input=not with_code,
        exclude_input_prompt=not with_code,
        exclude_output_prompt=not with_code,
        anchor_link_text="¶",
    )
    exporter.register_preprocessor(
        TagRemovePreprocessor(
            remove_cell_tags={"remove-cell"},
            remove_input_tags={"remove-input", "hide-input"},
            remove_all_outputs_tags={"remove-output"},
            enabled=True,
        ),
        enabled=True,
    )
    return exporter


def export_html(nb, title: str, nav: str, with_code: bool) -> str:
    """One notebook as a self-contained HTML page (with or without its code)."""
    import logging

    for cell in nb.cells:  # a chart as PNG only (its SVG copy goes to charts/, if anywhere)
        for out in cell.get("outputs", []):
            if "image/png" in out.get("data", {}):
                out["data"].pop("image/svg+xml", None)
    exporter = _exporter(with_code)
    exporter.log.setLevel(logging.ERROR)  # the missing-alt warning: we set alt ourselves
    nb.metadata["title"] = title
    body, _ = exporter.from_notebook_node(nb, resources={"kit_nav": nav})
    return rewrite_doc_links(scrub_html(body))


def scrub_html(text: str) -> str:
    """Replace random pandas Styler ids with numbered ones; drop the machine's paths."""
    seen: dict[str, str] = {}

    def number(match: re.Match) -> str:
        key = match.group(1)
        if key not in seen:
            seen[key] = f"T_kit{len(seen) + 1}"
        return seen[key]

    text = _STYLER_ID.sub(number, text)
    text = _unique_heading_ids(text)
    parts = _DATA_URI.split(text)  # odd items are inline images: leave their bytes alone
    for i in range(0, len(parts), 2):
        for folder in _private_paths():
            parts[i] = parts[i].replace(folder, "…")
    return "".join(parts)


_HEADING = re.compile(r'<h([1-6]) id="([^"]+)">(.*?)<a class="anchor-link" href="#\2">', re.S)


def _unique_heading_ids(text: str) -> str:
    """Number repeated heading anchors (two notebooks' "Exercises") so each id is unique."""
    counts: dict[str, int] = {}

    def rename(match: re.Match) -> str:
        level, anchor, inner = match.groups()
        counts[anchor] = counts.get(anchor, 0) + 1
        if counts[anchor] > 1:
            anchor = f"{anchor}-{counts[anchor]}"
        return f'<h{level} id="{anchor}">{inner}<a class="anchor-link" href="#{anchor}">'

    return _HEADING.sub(rename, text)


def _private_paths() -> list[str]:
    found = {str(PROJ_ROOT) + os.sep, str(PROJ_ROOT), str(Path.home()) + os.sep}
    found.discard(os.sep)
    return sorted(found, key=len, reverse=True)


def combined_notebook(runs: list[NotebookRun], prov: Provenance):
    """All notebooks' cells in one notebook, for a report without code."""
    import nbformat

    first = runs[0].nb if runs else nbformat.v4.new_notebook()
    nb = nbformat.v4.new_notebook(metadata=dict(first.metadata))
    intro = (
        f"# Report: {_md_escape(prov.headline)}\n\n"
        f"**Article:** <code>{_md_escape(prov.article_file)}</code>  \n"
        f"**Source:** {_md_escape(prov.source)}\n\n"
        "This report gathers the results of the kit's notebooks on one article, without "
        "their code. Each part below is one notebook; open it from the index to see the code."
    )
    nb.cells.append(nbformat.v4.new_markdown_cell(intro, id="report-intro"))
    for run in runs:
        for cell in run.nb.cells:
            tags = set(cell.metadata.get("tags", []))
            if tags & {"parameters", "injected-parameters", SKIP_TAG}:
                continue
            nb.cells.append(cell)
    return nb


def _md_escape(text: str) -> str:
    """Text (a headline, a file name) shown as written in a markdown cell, never as markup:
    markdown's punctuation is backslash-escaped, then ``& < >`` become HTML entities (a
    backslash does not stop every HTML tag in every markdown renderer); line breaks and other
    control characters become spaces, so the text stays on its line."""
    text = "".join(" " if unicodedata.category(c) == "Cc" else c for c in text)
    text = re.sub(r"([\\`*_\[\]#|~!])", r"\\\1", text)
    return html.escape(text, quote=False)


def index_html(
    prov: Provenance, runs: list[NotebookRun], corrections: str = "", teaching: str = ""
) -> str:
    """The landing page: the article, its source, the kit, and links to every report.
    ``corrections`` is the line saying which corrections by hand were applied."""
    e = html.escape
    items = "\n".join(
        f'<li><a href="{e(r.name)}.html">{e(r.title)}</a> <span class="file">'
        f"({e(r.name)}.ipynb, with code)</span></li>"
        for r in runs
    )
    rows = [
        ("Article", f"<code>{e(prov.article_file)}</code>"),
        ("Headline", e(prov.headline)),
        ("Source", e(prov.source)),
        ("Kit version", e(prov.kit_version)),
    ]
    rows.append(("Article SHA-256", f"<code>{e(prov.sha256)}</code>"))
    if prov.date:
        rows.append(("Date", e(prov.date)))
    if corrections:
        rows.append(("Corrections", e(corrections)))
    table = "\n".join(f"<tr><th>{k}</th><td>{v}</td></tr>" for k, v in rows)
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>Reports: {e(prov.headline)}</title>
<style>
{INDEX_CSS}</style>
</head>
<body>
<main>
<h1>{e(prov.headline)}</h1>
<p>Reports made by the media-analysis kit: who speaks in this article, how, and in which
words.</p>
<h2>Read</h2>
<ul>
<li><a href="{ARTICLE_PAGE}"><strong>The article</strong></a>, with every statement
marked in its speaker's colour: check the kit against the text.</li>
<li><a href="{COMBINED}"><strong>The report</strong></a>: every notebook's results and
explanations in one page, without code (to hand out or mail as one file).</li>
<li>Tables for a spreadsheet: <a href="{TABLES[0]}">statements</a>,
<a href="{TABLES[1]}">speakers</a> (CSV, UTF-8).</li>
</ul>
<h2>The notebooks, with their code</h2>
<ul>
{items}
</ul>
{teaching}<h2>About this report</h2>
<table>
{table}
</table>
<footer>Made with {e(prov.made())}. The same article and kit give the same files, byte for
byte.</footer>
</main>
</body>
</html>
"""


# --------------------------------------------------------------------------- writing


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
    if notebooks is not None:
        paths = list(notebooks)
    else:
        paths = notebook_paths() if other is None else notebook_paths(comparison=True)
    if not paths:
        raise ReportError(f"{display_path(NOTEBOOKS_DIR)} holds no notebook to run")
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
    nav = f"{prov.headline} — {prov.article_file}"
    files: dict[str, bytes] = teaching_files(runs, article, other)  # takes the SVGs out
    for run in runs:
        page = export_html(run.nb, f"{run.title} — {prov.headline}", nav, with_code=True)
        files[f"{run.name}.html"] = page.encode("utf-8")
    combined = combined_notebook(runs, prov)
    page = export_html(combined, f"Report: {prov.headline}", nav, with_code=False)
    files[COMBINED] = page.encode("utf-8")
    files[ARTICLE_PAGE] = tables.page(nav).encode("utf-8")
    files.update(tables.csv_files())
    files[INDEX] = index_html(prov, runs, tables.note, index_links(files, other)).encode("utf-8")

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


@dataclass
class _ArticleTables:
    """The statements (with corrections by hand) behind article.html and the CSV tables."""

    article: object
    statements: object
    note: str  # "3 correction(s) applied by hand, from …", "" without a corrections file

    def page(self, nav: str) -> str:
        from helpers.annotated import annotate

        bar = (
            '<nav class="kit-nav" aria-label="report"><a href="index.html">All reports for '
            f"this article</a> · {html.escape(nav)}</nav>\n"
        )
        view = annotate(self.article, self.statements, note=self.note)
        return view.page(f"The article, annotated — {self.article.headline.text}", bar)

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
