"""The teaching pages of a report folder: glossary, guides, instructor guide, worksheet, charts.

``teaching_files(...)`` gives the extra files ``helpers.report`` writes next to the
notebooks' pages: the kit's docs rendered to HTML (so the notebooks' links to
``../docs/*.md`` work from the report folder once ``rewrite_doc_links`` has pointed them
there), the instructor guide with the answers for the report's own article appended, a
printable worksheet, and PNG and SVG copies of every chart (``charts/``). All text that does
not come from the kit's own docs is escaped; the output is the same for the same input.
"""

from __future__ import annotations

import base64
import html
import re

from helpers.paths import PROJ_ROOT

DOCS_DIR = PROJ_ROOT / "docs"
# docs rendered into every report folder: source (under docs/) -> page name
DOC_PAGES: dict[str, str] = {
    "glossary.md": "glossary.html",
    "statements.md": "statements.html",
    "terms.md": "terms.html",
    "teaching/instructor-guide.md": "instructor-guide.html",
}
WORKSHEET = "worksheet.html"
GUIDE = "instructor-guide.html"
GLOSSARY = "glossary.html"
CHARTS_DIR = "charts"

_ANCHOR = re.compile(r'^<a id="([a-z0-9-]+)"></a>$', re.M)
_DOC_LINK = re.compile(r'href="((?:\.\./)*(?:docs/)?)((?:teaching/)?[a-z-]+)\.md(#[a-z0-9-]*)?"')

STYLE = """
body { font: 1rem/1.55 system-ui, sans-serif; max-width: 46rem; margin: 0 auto;
  padding: 1rem; color: #222; }
h1 { font-size: 1.6rem; line-height: 1.25; } h2 { margin-top: 2rem; }
table { border-collapse: collapse; width: 100%; margin: 0.8rem 0; }
th, td { text-align: left; vertical-align: top; padding: 0.3rem 0.5rem;
  border-bottom: 1px solid #ddd; }
code { font-size: 0.9em; overflow-wrap: anywhere; }
pre { overflow-x: auto; background: #f6f6f6; padding: 0.5rem; }
td, th, p, li { overflow-wrap: anywhere; }
@media (max-width: 600px) { table { display: block; overflow-x: auto; max-width: 100%; } }
a { color: #1a5fb4; }
blockquote { margin-left: 0; padding-left: 1rem; border-left: 3px solid #ccc; }
.kit-nav { font-size: 0.9rem; padding-bottom: 0.5rem; border-bottom: 1px solid #ddd; }
.question { margin: 1rem 0 0.4rem; break-inside: avoid; }
.blank { display: inline-block; min-width: 12rem; border-bottom: 1px solid #444; }
.lines { height: 4.8rem; break-inside: avoid;
  background: repeating-linear-gradient(transparent, transparent 1.55rem, #999 1.6rem); }
.fields { display: flex; flex-wrap: wrap; gap: 0.8rem 2rem; margin: 1rem 0; }
.blank { max-width: 100%; }
.note { color: #555; font-size: 0.9rem; }
@media print {
  @page { margin: 16mm; }
  body { font-size: 11pt; max-width: none; padding: 0; color: #000; }
  .kit-nav, .no-print { display: none; }
  a { color: #000; text-decoration: none; }
  h2 { break-after: avoid; }
  .lines { background: repeating-linear-gradient(transparent, transparent 1.55rem, #777 1.6rem);
    -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
"""


def page(title: str, body: str) -> str:
    """A self-contained HTML page (no script, nothing loaded from the web)."""
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>{html.escape(title)}</title>
<style>{STYLE}</style>
</head>
<body>
<main>
<nav class="kit-nav" aria-label="report"><a href="index.html">All reports for this article</a>
</nav>
{body}
</main>
</body>
</html>
"""


def markdown_html(text: str) -> str:
    """Markdown to HTML with every raw tag escaped, except the glossary's anchors."""
    import mistune

    anchors: list[str] = []

    def keep(match: re.Match) -> str:
        anchors.append(match.group(1))
        return f"KITANCHOR{len(anchors) - 1}KIT"

    text = _ANCHOR.sub(keep, text)
    render = mistune.create_markdown(escape=True, plugins=["table", "strikethrough"])
    out = render(text)
    for i, anchor in enumerate(anchors):
        out = out.replace(f"<p>KITANCHOR{i}KIT</p>", f'<a id="{anchor}"></a>')
        out = out.replace(f"KITANCHOR{i}KIT", f'<a id="{anchor}"></a>')
    return rewrite_doc_links(out)


def rewrite_doc_links(text: str) -> str:
    """Point links to the kit's docs (``../docs/terms.md#x``, ``glossary.md``) at the pages
    rendered into the report folder; other links are left alone."""

    def swap(match: re.Match) -> str:
        name = match.group(2) + ".md"
        page_name = DOC_PAGES.get(name) or DOC_PAGES.get("teaching/" + name)
        if page_name is None:
            return match.group(0)
        return f'href="{page_name}{match.group(3) or ""}"'

    return _DOC_LINK.sub(swap, text)


def _title(markdown: str, fallback: str) -> str:
    for line in markdown.splitlines():
        if line.startswith("# "):
            return line[2:].strip()
    return fallback


def doc_pages() -> dict[str, bytes]:
    """The kit's docs as HTML pages (the instructor guide without this report's answers)."""
    files = {}
    for source, name in DOC_PAGES.items():
        text = (DOCS_DIR / source).read_text(encoding="utf-8")
        files[name] = page(_title(text, name), markdown_html(text)).encode("utf-8")
    return files


def guide_page(article, other=None) -> bytes:
    """The instructor guide, ending with the self-check answers for this report's article."""
    from helpers.exercises import answers_markdown

    text = (DOCS_DIR / "teaching" / "instructor-guide.md").read_text(encoding="utf-8")
    which = html.escape(article.headline.text)
    if other is not None:
        which += " — compared with — " + html.escape(other.headline.text)
    body = markdown_html(text)
    body += (
        '\n<h2 id="answers-for-this-report">Answers for this report\'s article</h2>\n'
        f"<p>{which}</p>\n" + markdown_html(answers_markdown(article, other))
    )
    return page(_title(text, "Instructor guide"), body).encode("utf-8")


# --------------------------------------------------------------------------- the worksheet


def notebook_questions(nb) -> list[str]:
    """The numbered items of a notebook's "## Questions" cell (Markdown, one per item)."""
    for cell in nb.cells:
        if cell.cell_type == "markdown" and cell.source.lstrip().startswith("## Questions"):
            items = re.findall(r"^\d+\.\s+(.*(?:\n(?!\d+\.).+)*)", cell.source, re.M)
            return [" ".join(i.split()) for i in items]
    return []


def _inline(text: str) -> str:
    import mistune

    out = mistune.create_markdown(escape=True)(text).strip()
    return rewrite_doc_links(re.sub(r"^<p>(.*)</p>$", r"\1", out, flags=re.S))


def worksheet_html(runs, article, other=None) -> str:
    """A printable worksheet: per notebook, the self-check questions with blanks and the
    open questions with lines to write on. ``runs`` are the report's executed notebooks."""
    from helpers.exercises import questions

    e = html.escape
    parts = []
    if other is None:
        parts.append(
            '<h2>0 · Before counting</h2>\n<p class="question">Read the first five '
            "paragraphs. Underline every statement: who speaks, with which verb, in quotation "
            "marks or not. How many statements did you find?</p>\n"
            '<p><span class="blank"></span></p>'
        )
    for run in runs:
        number = run.name[:2]
        items = []
        for ex in questions(number):
            items.append(
                f'<p class="question"><strong>{e(ex.id)}</strong> {e(ex.question)}</p>\n'
                f'<p>Answer: <span class="blank">{e(ex.blank.strip("_"))}</span></p>'
            )
        for i, q in enumerate(notebook_questions(run.nb), start=1):
            items.append(
                f'<p class="question"><strong>{number}-Q{i}</strong> {_inline(q)}</p>\n'
                '<div class="lines"></div>'
            )
        if items:
            parts.append(f"<h2>{e(run.title)}</h2>\n" + "\n".join(items))
    if other is None:
        about = f"<strong>{e(article.headline.text)}</strong>"
    else:
        about = (
            f"first: <strong>{e(article.headline.text)}</strong><br>second: "
            f"<strong>{e(other.headline.text)}</strong>"
        )
    body = f"""<h1>Worksheet: who speaks in the news</h1>
<p>Article: {about}</p>
<div class="fields"><span>Name: <span class="blank"></span></span>
<span>Date: <span class="blank"></span></span></div>
<p class="note">Use the report (<code>report.html</code>) to answer: each part below
follows one part of it. Words in the questions are explained in the
<a href="{GLOSSARY}">glossary</a>. Print this page from the browser (File › Print) for a clean
paper copy.</p>
{chr(10).join(parts)}
"""
    return page("Worksheet: " + article.headline.text, body)


# --------------------------------------------------------------------------- charts


def chart_files(runs) -> dict[str, bytes]:
    """PNG and SVG copies of every chart, ``charts/<notebook>-<n>.png|svg``; the SVG outputs
    are taken out of the notebooks, so the pages keep their PNG charts."""
    files: dict[str, bytes] = {}
    for run in runs:
        n = 0
        for cell in run.nb.cells:
            for out in cell.get("outputs", []):
                data = out.get("data", {})
                if "image/png" not in data:
                    data.pop("image/svg+xml", None)
                    continue
                n += 1
                stem = f"{CHARTS_DIR}/{run.name}-{n}"
                files[stem + ".png"] = base64.b64decode(data["image/png"])
                svg = data.pop("image/svg+xml", None)
                if svg:
                    files[stem + ".svg"] = (svg if isinstance(svg, str) else "".join(svg)).encode(
                        "utf-8"
                    )
    return files


def teaching_files(runs, article, other=None) -> dict[str, bytes]:
    """Every extra file of a report folder (charts first, so the pages lose their SVGs)."""
    files = chart_files(runs)
    files.update(doc_pages())
    files[GUIDE] = guide_page(article, other)
    files[WORKSHEET] = worksheet_html(runs, article, other).encode("utf-8")
    return files


def index_links(files: dict[str, bytes], other=None) -> str:
    """The index page's "For teaching" section (after a "Compared with" one in a comparison)."""
    charts = sum(1 for name in files if name.startswith(CHARTS_DIR + "/"))
    compared = ""
    if other is not None:
        from helpers.paths import display_path

        shown = display_path(other.path)
        shown = other.path.name if shown.startswith("/") else shown
        compared = (
            f"<h2>Compared with</h2>\n<p><strong>{html.escape(other.headline.text)}</strong> "
            f"(<code>{html.escape(shown)}</code>)</p>\n"
        )
    return (
        compared
        + f"""<h2>For teaching</h2>
<ul>
<li><a href="{GUIDE}">Instructor guide</a>: a 90-minute lesson plan (and a 45-minute one),
learning goals, the answers for this article, common mistakes, discussion prompts.</li>
<li><a href="{WORKSHEET}">Worksheet</a>: the questions with blanks, to print for students
who do not program.</li>
<li><a href="{GLOSSARY}">Glossary</a> of the terms the reports use; how the kit finds
<a href="statements.html">statements</a> and <a href="terms.html">terms</a>.</li>
<li>Every chart as PNG and SVG for slides, in the <code>{CHARTS_DIR}/</code> folder
({charts} files).</li>
</ul>
"""
    )
