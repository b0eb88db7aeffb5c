"""Interactive views for JupyterLab (ipywidgets) that stay static in the HTML reports.

``speaker_explorer(article, statements)``: pick a speaker, see only their statements marked in
the article. ``concordance_explorer(article, query, statements)``: type a word or phrase, see
its concordance. Each returns an object that JupyterLab shows as a widget; where no kernel runs
(the HTML reports, a notebook opened later without one) the same output shows a static view
instead: a short note, or the concordance of the first query. No widget text ("VBox(…)") ever
reaches a page.
"""

from __future__ import annotations

import html

import pandas as pd

from helpers.annotated import annotate
from helpers.article import Article, ArticleError
from helpers.speaker_charts import speaker_colours

WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
ALL = "(every speaker)"
CONCORDANCE_SHOWN = ["left", "term", "right", "paragraph", "voice", "kind"]


class Explorer:
    """A widget with a static twin: JupyterLab renders the widget, exports the HTML."""

    def __init__(self, widget, static_html: str, text: str):
        self.widget = widget
        self.static_html = static_html
        self.text = text

    def _repr_mimebundle_(self, include=None, exclude=None):  # noqa: ARG002 — IPython's API
        bundle = {"text/html": self.static_html, "text/plain": self.text}
        if self.widget is not None:
            view = self.widget._repr_mimebundle_().get(WIDGET_VIEW)
            if view:
                bundle[WIDGET_VIEW] = view
        return bundle


def _widgets():
    try:
        import ipywidgets
    except ImportError:  # the kit installs it; a bare environment still gets the static view
        return None
    return ipywidgets


def speaker_explorer(article: Article, statements: pd.DataFrame) -> Explorer:
    """A drop-down of the speakers: only the chosen speaker's statements are marked."""
    note = (
        '<p class="kit-explore"><i>Interactive in JupyterLab: pick a speaker to see only their '
        "statements marked. Here, the article above shows every speaker.</i></p>"
    )
    text = "Pick a speaker (interactive in JupyterLab; the article above shows every speaker)."
    w = _widgets()
    if w is None:
        return Explorer(None, note, text)
    speakers = list(speaker_colours(statements))
    choice = w.Dropdown(options=[ALL, *speakers], value=ALL, description="Speaker:")
    view = w.HTML(value=annotate(article, statements).html)

    def show(change) -> None:
        picked = None if change["new"] == ALL else [change["new"]]
        view.value = annotate(article, statements, speakers=picked).html

    choice.observe(show, names="value")
    return Explorer(w.VBox([choice, view]), note, text)


def concordance_table_html(article: Article, query: str, statements, width: int = 45) -> str:
    """The concordance of a query as an escaped HTML table, or a sentence saying why not."""
    from helpers.terms import concordance

    query = (query or "").strip()
    if not query:
        return "<p>Type a word or a phrase.</p>"
    try:
        table = concordance(article, query, width=width, statements=statements)
    except ArticleError as exc:
        return f"<p>{html.escape(str(exc))}</p>"
    if not len(table):
        return f"<p>“{html.escape(query)}” is not in the article.</p>"
    head = f"<p>“{html.escape(query)}”: {len(table)} occurrence(s)</p>"
    return head + table[CONCORDANCE_SHOWN].to_html(index=False, escape=True, border=0)


def concordance_explorer(
    article: Article, query: str, statements: pd.DataFrame | None = None, width: int = 45
) -> Explorer:
    """A search box for the concordance; statically, the concordance of ``query``."""
    static = concordance_table_html(article, query, statements, width)
    note = (
        '<p class="kit-explore"><i>Interactive in JupyterLab: type another word or phrase in '
        "the search box. Here, the concordance of the first query:</i></p>"
    )
    text = f"Concordance search (interactive in JupyterLab), starting with {query!r}."
    w = _widgets()
    if w is None:
        return Explorer(None, note + static, text)
    box = w.Text(value=query, description="Search:", continuous_update=False)
    view = w.HTML(value=static)

    def show(change) -> None:
        view.value = concordance_table_html(article, change["new"], statements, width)

    box.observe(show, names="value")
    return Explorer(w.VBox([box, view]), note + static, text)
