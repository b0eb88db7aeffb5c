"""The kernels that run a report's notebooks: on this very interpreter, with a private
IPython folder, fixed chart settings (PNG at a fixed dpi, alt text from the chart titles),
started one at a time on the machine and tried again once when they do not answer."""

from __future__ import annotations

import tempfile
from contextlib import contextmanager
from pathlib import Path

from helpers.report.records import CHART_DPI

KERNEL_START_ATTEMPTS = 2
KERNEL_READY_TIMEOUT = 60  # seconds a new kernel may take to answer

KERNEL_CONFIG = f"""\
# Written by helpers.report for its own kernels.
c.InteractiveShellApp.extensions = ["helpers.report"]
c.InlineBackend.figure_formats = {{"png", "svg"}}
c.InlineBackend.rc = {{"figure.dpi": {CHART_DPI}, "svg.hashsalt": "media-analysis-kit"}}
c.HistoryManager.enabled = False
"""


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
    if ip is not None:
        html = ip.display_formatter.formatters["text/html"]
        html.for_type_by_name("pandas.io.formats.style", "Styler", table_html)
        html.for_type_by_name("helpers.annotated", "AnnotatedArticle", annotated_html)


TABLE_ROWS_SHOWN = 500  # rows of one table a report page shows (an ordinary article's have
# well under 100; a 1 MB article's table of statements has thousands, megabytes of HTML)
FULL_TABLES = {"statements": "statements.csv"}  # table name: the report's file with every row


def table_html(styler) -> str | None:
    """A styled table in a report page: all of it, or, when it is longer than
    TABLE_ROWS_SHOWN rows, its first rows and a note saying where the whole table is."""
    rows = len(styler.data)
    if rows <= TABLE_ROWS_SHOWN:
        return styler._repr_html_()
    where = "run the notebook to see them all"
    if styler.uuid in FULL_TABLES:
        name = FULL_TABLES[styler.uuid]
        where = f'<a href="{name}">{name}</a>, beside this page, holds them all'
    note = (
        f'<p class="kit-trimmed">The first {TABLE_ROWS_SHOWN:,} of {rows:,} rows are shown: '
        f"{where}.</p>\n"
    )
    return styler.to_html(max_rows=TABLE_ROWS_SHOWN) + note


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


def prepare_ipython_dir(root: Path) -> Path:
    """A private IPython folder whose kernel profile loads this package's settings."""
    profile = root / "profile_default"
    profile.mkdir(parents=True, exist_ok=True)
    (profile / "ipython_kernel_config.py").write_text(KERNEL_CONFIG, encoding="utf-8")
    return root


def kernel_manager(ipython_dir: Path):
    """A kernel manager for one notebook (jupyter_client is imported only now: it takes a
    third of a second, and most commands never start a kernel)."""
    from helpers.report.kernel_start import new_kernel_manager

    return new_kernel_manager(ipython_dir)


async def answers(km) -> bool:
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
def kernel_start_lock():
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


PARAGRAPHS_SHOWN = 300  # paragraphs of an annotated article a notebook's page shows (a news
# article has well under 100; article.html, beside the page, always holds them all)


def annotated_html(view) -> str:
    """An annotated article (helpers.annotated) in a report page: all of it, or, when it has
    more than PARAGRAPHS_SHOWN paragraphs, the first ones and a note pointing to article.html.
    Every paragraph is one element on its own line, so the page is cut between two."""
    page = view._repr_html_()
    cut = page.find(f'\n<p class="ka-par" id="ka-p{PARAGRAPHS_SHOWN + 1}">')
    if cut < 0:
        return page
    return (
        page[:cut]
        + "\n</article></div>\n"
        + (
            f'<p class="kit-trimmed">The first {PARAGRAPHS_SHOWN} paragraphs are shown: '
            '<a href="article.html">article.html</a>, beside this page, holds the whole article, '
            "annotated.</p>\n"
        )
    )
