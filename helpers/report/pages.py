"""The report's own HTML pages, from the template files in ``templates/``: the index pages
of article and corpus reports (one stylesheet, ``index.css``), and the navigation bar of the
annotated article. Every value goes into a template escaped (``html.escape``), except the
HTML the kit built itself from escaped parts, marked ``Markup``."""

from __future__ import annotations

import html
from collections.abc import Iterable
from functools import cache
from importlib.resources import files
from string import Template

from helpers.report.records import ARTICLE_PAGE, COMBINED, TABLES


class Markup(str):
    """HTML the kit built from escaped parts: substituted into a template as it is."""


@cache
def template(name: str) -> str:
    """The text of ``templates/<name>`` (package data: it is installed with the kit)."""
    return (files("helpers.report") / "templates" / name).read_text(encoding="utf-8")


def render(name: str, /, **values: str) -> Markup:
    """Template ``name`` with its ``$names`` replaced: text escaped, ``Markup`` as it is. A
    name the template uses but ``values`` lacks is an error (KeyError), never left blank."""
    safe = {k: v if isinstance(v, Markup) else html.escape(str(v)) for k, v in values.items()}
    return Markup(Template(template(name)).substitute(safe))


def _lines(name: str, rows: Iterable[dict[str, str]], /) -> Markup:
    """One-line template ``name`` once per row, one row a line."""
    return Markup("\n".join(render(name, **row).removesuffix("\n") for row in rows))


INDEX_CSS = template("index.css")  # the stylesheet of the index pages (article and corpus)


def index_page(
    headline: str,
    read: Markup,
    runs,
    about: list[tuple[str, str]],
    made: str,
    inputs: str,
    teaching: str = "",
) -> str:
    """An index page: the headline, what to read first (``read``), the notebooks with their
    code, the teaching files (``teaching``, HTML from ``helpers.teaching``), and the table
    ``about`` of (label, value) rows; ``inputs`` names what was read in the footer."""
    notebooks = _lines("notebook_item.html", ({"name": r.name, "title": r.title} for r in runs))
    table = _lines("about_row.html", ({"label": k, "value": v} for k, v in about))
    return render(
        "index.html",
        headline=headline,
        stylesheet=Markup(INDEX_CSS),
        read=read,
        notebooks=notebooks,
        teaching=Markup(teaching),
        about=table,
        made=made,
        inputs=inputs,
    )


def code(text: str) -> Markup:
    """``text`` in a ``<code>`` element, escaped."""
    return Markup(f"<code>{html.escape(text)}</code>")


def index_html(prov, runs, corrections: str = "", teaching: str = "") -> str:
    """The landing page: the article, its source, the kit, and links to every report.
    ``corrections`` is the line saying which corrections by hand were applied."""
    about = [
        ("Article", code(prov.article_file)),
        ("Headline", prov.headline),
        ("Source", prov.source),
        ("Kit version", prov.kit_version),
        ("Article SHA-256", code(prov.sha256)),
    ]
    if prov.date:
        about.append(("Date", prov.date))
    if corrections:
        about.append(("Corrections", corrections))
    read = render(
        "read_article.html",
        article_page=ARTICLE_PAGE,
        combined=COMBINED,
        statements_csv=TABLES[0],
        speakers_csv=TABLES[1],
    )
    return index_page(prov.headline, read, runs, about, prov.made(), "article", teaching)


def corpus_index_html(prov, runs) -> str:
    """The landing page of a corpus report: the folder, its articles, the kit, the links."""
    about = [
        ("Corpus", code(prov.article_file)),
        ("Articles", prov.source),
        ("Kit version", prov.kit_version),
        ("Corpus SHA-256", Markup(code(prov.sha256) + " (of its files' names and SHA-256)")),
    ]
    if prov.date:
        about.append(("Date", prov.date))
    made = prov.made().replace("from article sha256", "from corpus sha256")
    read = render("read_corpus.html", combined=COMBINED)
    return index_page(prov.headline, read, runs, about, made, "articles")


def article_nav(nav: str) -> str:
    """The navigation bar above the annotated article (``nav``: headline and file)."""
    return render("article_nav.html", nav=nav)
