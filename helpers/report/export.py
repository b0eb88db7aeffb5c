"""Notebooks as HTML pages: nbconvert with the kit's template (no script, no web fonts, charts
as inline PNG with alt text), then made reproducible (numbered Styler ids and heading
anchors, no machine paths); and the combined notebook behind report.html."""

from __future__ import annotations

import html
import os
import re
import unicodedata
from pathlib import Path

from helpers.paths import PROJ_ROOT
from helpers.report.pages import template
from helpers.report.provenance import Provenance
from helpers.report.records import SKIP_TAG, NotebookRun
from helpers.teaching import rewrite_doc_links

TEMPLATE = template("notebook.html.j2")  # extends nbconvert's `lab` template

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


def combined_notebook(runs: list[NotebookRun], prov: Provenance, intro: str | None = None):
    """All notebooks' cells in one notebook, for a report without code. ``intro``: the
    markdown of its first cell (by default, the one of an article's report)."""
    import nbformat

    first = runs[0].nb if runs else nbformat.v4.new_notebook()
    nb = nbformat.v4.new_notebook(metadata=dict(first.metadata))
    if intro is None:
        intro = (
            f"# Report: {md_escape(prov.headline)}\n\n"
            f"**Article:** <code>{md_escape(prov.article_file)}</code>  \n"
            f"**Source:** {md_escape(prov.source)}\n\n"
            "This report gathers the results of the kit's notebooks on one article, without "
            "their code. Each part below is one notebook; open it from the index to see the "
            "code."
        )
    nb.cells.append(nbformat.v4.new_markdown_cell(intro, id="report-intro"))
    for run in runs:
        for cell in run.nb.cells:
            tags = set(cell.metadata.get("tags", []))
            if tags & {"parameters", "injected-parameters", SKIP_TAG}:
                continue
            nb.cells.append(cell)
    return nb


def md_escape(text: str) -> str:
    """Text (a headline, a file name) shown as written in a markdown cell, never as markup:
    markdown's punctuation is backslash-escaped, then ``& < >`` become HTML entities (a
    backslash does not stop every HTML tag in every markdown renderer); line breaks and other
    control characters become spaces, so the text stays on its line."""
    text = "".join(" " if unicodedata.category(c) == "Cc" else c for c in text)
    text = re.sub(r"([\\`*_\[\]#|~!])", r"\\\1", text)
    return html.escape(text, quote=False)
