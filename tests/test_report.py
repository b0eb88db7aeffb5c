"""HTML reports: parameters not edits, reproducible bytes, no machine paths, safe folders.

Most tests run a tiny notebook written here (fast, and independent of the kit's notebooks);
one test runs the kit's real notebooks twice on the sample article and compares the bytes.
The browser checks are in test_browser.py.
"""

from __future__ import annotations

import json
import re

import nbformat
import pytest

from helpers import ArticleError, load_article
from helpers.cli import main
from helpers.paths import ARTICLES_DIR, PROJ_ROOT
from helpers.report import (
    COMBINED,
    INDEX,
    MANIFEST,
    SKIP_TAG,
    NotebookFailed,
    ReportError,
    article_parameter,
    build_report,
    build_reports,
    chart_alt_text,
    clean_notebook,
    export_html,
    notebook_paths,
    scrub_html,
)

SAMPLE = ARTICLES_DIR / "sample_harbour-ferry-fares.txt"

ARTICLE = """Ferry fares to rise in spring

The council will raise ferry fares by a fifth, its leader said on Monday.

“Nobody likes it,” said Ann Lee. “But the boats must run.”
"""

CHART_CELL = """import matplotlib.pyplot as plt
import pandas as pd
from helpers import BUNDLED_ARTICLE, load_article
from helpers.paths import display_path
article = load_article(article_path or BUNDLED_ARTICLE)
print("article:", display_path(article.path))
# draw the chart
fig, ax = plt.subplots(figsize=(3, 2))
ax.bar(["a", "b"], [len(article.paragraphs), 2])
ax.set_title("Paragraphs in the article")
ax.set_xlabel("x")
plt.show()
"""


def tiny_notebook(folder, name="01_tiny.ipynb", extra=None):
    """A notebook shaped like the kit's: intro, parameters cell, chart, a styled table."""
    nb = nbformat.v4.new_notebook()
    nb.cells = [
        nbformat.v4.new_markdown_cell("# Tiny notebook\n\nWhat you will learn."),
        nbformat.v4.new_code_cell("article_path = None", metadata={"tags": ["parameters"]}),
        nbformat.v4.new_code_cell(CHART_CELL),
        nbformat.v4.new_code_cell("pd.DataFrame({'n': [1, 2]}).style"),  # random Styler id
        nbformat.v4.new_markdown_cell("## Exercises\n\n1. Try another article."),
        nbformat.v4.new_markdown_cell("Only in the notebook.", metadata={"tags": [SKIP_TAG]}),
        *(extra or []),
    ]
    nb.metadata["kernelspec"] = {
        "name": "python3",
        "display_name": "Python 3",
        "language": "python",
    }
    path = folder / name
    nbformat.write(nb, path)
    return path


@pytest.fixture(scope="module")
def made(tmp_path_factory):
    """One report of the tiny notebook (twice, as notebook 1 and 2) on a small article."""
    root = tmp_path_factory.mktemp("made")
    article = root / "ferry.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    nbs = [tiny_notebook(root, "01_tiny.ipynb"), tiny_notebook(root, "02_tiny.ipynb")]
    lines: list[str] = []
    result = build_report(article, out_dir=root / "out", notebooks=nbs, progress=lines.append)
    pages = {
        p.name: p.read_text(encoding="utf-8") for p in result.files if p.parent == result.folder
    }
    return {
        "root": root,
        "article": article,
        "nbs": nbs,
        "result": result,
        "pages": pages,
        "lines": lines,
    }


def test_writes_a_page_per_notebook_a_combined_report_an_index_and_a_manifest(made):
    result = made["result"]
    assert result.folder == made["root"] / "out" / "ferry"
    assert {
        "01_tiny.html",
        "02_tiny.html",
        COMBINED,
        INDEX,
        "article.html",
        "statements.csv",
        "speakers.csv",
    } <= set(made["pages"])  # and the teaching pages (guide, worksheet, docs)
    manifest = json.loads((result.folder / MANIFEST).read_text(encoding="utf-8"))
    assert set(manifest["files"]) == {p.relative_to(result.folder).as_posix() for p in result.files}
    assert made["lines"][0] == "ferry.txt: 2 notebook(s)"
    steps = made["lines"][1:]
    assert len(steps) == 2
    assert all(re.fullmatch(r"\[[12]/2\] 0[12]_tiny \.\.\. [\d.]+ s", line) for line in steps)


def test_the_article_goes_in_as_a_parameter_without_machine_paths(made):
    page = made["pages"]["01_tiny.html"]
    assert "article_path" in page and "ferry.txt" in page  # papermill's injected cell
    assert "article: ferry.txt" in page  # the notebook ran on our article, not the bundled one
    for html in made["pages"].values():
        assert str(made["root"]) not in html
        assert str(PROJ_ROOT) not in html
    # the notebook itself was not edited
    assert "ferry" not in made["nbs"][0].read_text(encoding="utf-8")


def test_pages_are_self_contained(made):
    for name, html in made["pages"].items():
        assert not re.search(r"<(script|link|img)[^>]+(src|href)=[\"']?(https?:)?//", html), name
        assert "require.js" not in html and "mathjax" not in html.lower(), name
    assert 'src="data:image/png;base64,' in made["pages"]["01_tiny.html"]


def test_pages_carry_no_script_event_handler_or_javascript_url(made):
    """The kit's pages need no script at all: any that appears came from somewhere else."""
    from html.parser import HTMLParser

    class Active(HTMLParser):
        found: list[str] = []

        def handle_starttag(self, tag, attrs):
            if tag in ("script", "iframe", "object", "embed"):
                self.found.append(tag)
            for name, value in attrs:
                if name.startswith("on") or "javascript:" in (value or "").lower():
                    self.found.append(f"{tag} {name}")

    for name, html in made["pages"].items():
        parser = Active()
        parser.found = []
        parser.feed(html)
        assert parser.found == [], name
    parser = Active()
    parser.found = []
    parser.feed('<p><img src=x onerror=alert(1)><script>1</script><a href="JavaScript:x">')
    assert parser.found == ["img onerror", "script", "a href"]  # the check can fail


def test_charts_get_alt_text_from_their_titles(made):
    assert 'alt="Chart: Paragraphs in the article"' in made["pages"]["01_tiny.html"]
    assert "No description has been provided" not in made["pages"][COMBINED]


def test_combined_report_has_no_code_and_skips_tagged_cells(made):
    combined = made["pages"][COMBINED]
    assert "# draw the chart" in made["pages"]["01_tiny.html"]
    assert "# draw the chart" not in combined
    assert 'alt="Chart: Paragraphs in the article"' in combined
    assert "Only in the notebook." in made["pages"]["01_tiny.html"]
    assert "Only in the notebook." not in combined
    # two notebooks' "Exercises" headings get distinct anchors
    assert 'id="Exercises"' in combined and 'id="Exercises-2"' in combined


def test_index_names_the_article_source_version_and_links_every_page(made):
    index = made["pages"][INDEX]
    for target in ("report.html", "01_tiny.html", "02_tiny.html"):
        assert f'href="{target}"' in index
    assert "Ferry fares to rise in spring" in index
    assert "ferry.txt" in index  # no metadata row: the file name is the source
    assert "0.1.0" in index
    sha = __import__("hashlib").sha256(made["article"].read_bytes()).hexdigest()
    assert sha in index


def test_same_article_same_bytes_with_the_kit_notebooks(tmp_path):
    """The real notebooks, twice, on the sample article: every file identical."""
    first = build_report(SAMPLE, out_dir=tmp_path / "a", progress=None)
    second = build_report(SAMPLE, out_dir=tmp_path / "b", progress=None)
    names = sorted(p.relative_to(first.folder).as_posix() for p in first.files)
    assert names == sorted(p.relative_to(second.folder).as_posix() for p in second.files)
    assert len([n for n in names if n.startswith("0")]) == len(notebook_paths())
    for name in [*names, MANIFEST]:
        assert (first.folder / name).read_bytes() == (second.folder / name).read_bytes(), name
    index = (first.folder / INDEX).read_text(encoding="utf-8")
    assert "Sample text (fictional)" in index  # from data/articles/metadata.csv
    assert "data/articles/sample_harbour-ferry-fares.txt" in index


def test_source_date_epoch_dates_the_index(made, monkeypatch, tmp_path):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    result = build_report(
        made["article"], out_dir=tmp_path, notebooks=made["nbs"][:1], progress=None
    )
    assert "2023-11-14" in (result.folder / INDEX).read_text(encoding="utf-8")
    assert "2023-11-14" not in made["pages"][INDEX]
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "yesterday")
    with pytest.raises(ReportError, match="SOURCE_DATE_EPOCH"):
        build_report(made["article"], out_dir=tmp_path, notebooks=made["nbs"][:1], progress=None)


def test_refuses_to_replace_files_it_did_not_write(made, tmp_path):
    out = tmp_path / "out"
    folder = out / "ferry"
    folder.mkdir(parents=True)
    (folder / "my_notes.html").write_text("mine", encoding="utf-8")
    with pytest.raises(ReportError, match=r"my_notes.html .*--force"):
        build_report(made["article"], out_dir=out, notebooks=made["nbs"][:1], progress=None)
    assert sorted(p.name for p in folder.iterdir()) == ["my_notes.html"]


def test_refuses_when_a_report_was_edited_and_force_overrides(made, tmp_path):
    out = tmp_path / "out"
    kw = {"out_dir": out, "notebooks": made["nbs"][:1], "progress": None}
    result = build_report(made["article"], **kw)
    build_report(made["article"], **kw)  # regenerating its own files is fine
    (result.folder / INDEX).write_text("edited by hand", encoding="utf-8")
    with pytest.raises(ReportError, match="index.html .changed since the kit wrote it"):
        build_report(made["article"], **kw)
    build_report(made["article"], force=True, **kw)
    assert "edited by hand" not in (result.folder / INDEX).read_text(encoding="utf-8")


def test_a_failing_notebook_names_the_notebook_the_cell_and_the_error(made, tmp_path):
    bad = tiny_notebook(
        tmp_path,
        "03_bad.ipynb",
        extra=[nbformat.v4.new_code_cell("x = 1\nraise KeyError('speaker')")],
    )
    with pytest.raises(NotebookFailed) as info:
        build_report(made["article"], out_dir=tmp_path / "out", notebooks=[bad], progress=None)
    err = info.value
    assert (err.notebook, err.cell, err.first_line) == ("03_bad.ipynb", 7, "x = 1")
    assert err.error == "KeyError: 'speaker'"
    assert not (tmp_path / "out").exists()  # nothing half-written


def test_cli_failure_is_one_clear_message_and_exit_1(made, tmp_path, capsys, monkeypatch):
    bad = tiny_notebook(tmp_path, "01_bad.ipynb", extra=[nbformat.v4.new_code_cell("1 / 0")])
    monkeypatch.setattr("helpers.report.build.notebook_paths", lambda: [bad])
    code = main(["report", str(made["article"]), "--out", str(tmp_path / "out")])
    err = capsys.readouterr().err
    assert code == 1
    assert "01_bad.ipynb failed in cell 7 (`1 / 0`): ZeroDivisionError" in err
    assert "Traceback" not in err


def test_cli_bad_article_exits_2_before_running_anything(tmp_path, capsys):
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    assert main(["report", str(empty), "--out", str(tmp_path / "out")]) == 2
    assert "is empty" in capsys.readouterr().err
    assert not (tmp_path / "out").exists()


def test_cli_reads_relative_paths_from_the_current_folder(made, tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(made["root"])
    monkeypatch.setattr("helpers.report.build.notebook_paths", lambda: made["nbs"][:1])
    assert main(["report", "ferry.txt", "--out", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "index.html" in out and "[1/1] 01_tiny" in out
    assert (tmp_path / "ferry" / INDEX).exists()


def test_two_articles_with_one_name_are_refused(tmp_path, write_article):
    a = write_article(ARTICLE, "same.txt")
    (tmp_path / "b").mkdir()
    b = tmp_path / "b" / "same.txt"
    b.write_text(ARTICLE, encoding="utf-8")
    with pytest.raises(ReportError, match="share the name 'same'"):
        build_reports([a, b], out_dir=tmp_path / "out")
    with pytest.raises(ArticleError):
        build_reports([a, tmp_path / "missing.txt"], out_dir=tmp_path / "out")


def test_article_parameter_is_project_relative_or_a_bare_file_name(tmp_path):
    value, cwd = article_parameter(SAMPLE)
    assert value == "data/articles/sample_harbour-ferry-fares.txt" and cwd == PROJ_ROOT
    value, cwd = article_parameter(tmp_path / "x.txt")
    assert value == "x.txt" and cwd == tmp_path


def test_scrub_numbers_random_styler_ids_and_keeps_named_ones():
    html = '<style>#T_1a2b3_row0_col0 {}</style><table id="T_1a2b3"></table><table id="T_cafe9">'
    html += '<table id="T_speakers"><p>/x/T_1a2b3</p>'
    out = scrub_html(html)
    assert "1a2b3" not in out and "cafe9" not in out
    assert out.count("T_kit1") == 3 and "T_kit2" in out and "T_speakers" in out
    assert scrub_html(html) == out


def test_chart_alt_text_joins_the_titles():
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, (a, b) = plt.subplots(1, 2)
    fig.suptitle("Overview")
    a.set_title("Left")
    assert chart_alt_text(fig) == "Chart: Overview; Left"
    plt.close(fig)
    fig, _ = plt.subplots()
    assert chart_alt_text(fig) == "Chart"
    plt.close(fig)


def test_sample_article_is_labelled_fictional_and_has_speakers():
    article = load_article(SAMPLE)
    assert "fictional" in article.text.lower()
    assert article.metadata.get("outlet") == "Sample text (fictional)"
    assert article.text.count("“") >= 4


def test_progress_says_when_cells_wrote_warnings(made, tmp_path):
    noisy = tiny_notebook(
        tmp_path,
        "01_noisy.ipynb",
        extra=[nbformat.v4.new_code_cell("import sys\nprint('careful', file=sys.stderr)")],
    )
    lines: list[str] = []
    result = build_report(
        made["article"], out_dir=tmp_path / "out", notebooks=[noisy], progress=lines.append
    )
    assert lines[-1].endswith("(1 cell(s) wrote warnings)")
    assert "careful" in (result.folder / "01_noisy.html").read_text(encoding="utf-8")


def test_scrub_removes_the_project_path_from_text_but_never_touches_images():
    image = f'<img src="data:image/png;base64,AB{PROJ_ROOT}CD">'
    out = scrub_html(f"<pre>{PROJ_ROOT}/data/x.txt</pre>{image}")
    assert out == f"<pre>…data/x.txt</pre>{image}"


def test_a_print_cut_in_two_by_the_kernel_gives_the_same_page():
    """A busy kernel may send one print's text and its line end as two stream outputs."""

    def page(outputs):
        nb = nbformat.v4.new_notebook()
        cell = nbformat.v4.new_code_cell("print(text)")
        cell.outputs = [nbformat.from_dict(o) for o in outputs]
        nb.cells = [nbformat.v4.new_markdown_cell("# T"), cell]
        clean_notebook(nb, "t")
        return export_html(nb, "T", "nav", with_code=True)

    def out(text, name="stdout"):
        return {"output_type": "stream", "name": name, "text": text}

    whole = page([out("one line\n"), out("warned\n", "stderr"), out("two\n")])
    cut = page([out("one "), out("line\n"), out("warned\n", "stderr"), out("two\n")])
    assert cut == whole and "one line" in whole
    assert whole.count('<div class="jp-OutputArea-child">') == 3  # others stay apart


def test_a_very_long_table_is_shown_in_part_with_a_note_in_a_report_page():
    from types import SimpleNamespace

    import pandas as pd
    from IPython.core.formatters import HTMLFormatter

    from helpers.charts import table_style
    from helpers.report import load_ipython_extension
    from helpers.report.kernel import TABLE_ROWS_SHOWN

    html = HTMLFormatter()
    load_ipython_extension(
        SimpleNamespace(display_formatter=SimpleNamespace(formatters={"text/html": html}))
    )
    short = table_style(pd.DataFrame({"speaker": ["<b>Ann</b>"] * 30}), "speakers")
    assert html(short) == short._repr_html_()  # an ordinary table: the same bytes as ever
    rows = TABLE_ROWS_SHOWN * 3
    long = pd.DataFrame({"speaker": ["<b>Ann</b>"] * rows, "n": range(rows)})
    page = html(table_style(long, "statements"))
    assert page.count('class="data row') == TABLE_ROWS_SHOWN * 2  # two columns
    assert f"The first {TABLE_ROWS_SHOWN:,} of {rows:,} rows are shown" in page
    assert '<a href="statements.csv">statements.csv</a>' in page
    assert "<b>Ann" not in page and "&lt;b&gt;Ann" in page
    other = html(table_style(long, "structure"))
    assert "run the notebook to see them all" in other and ".csv" not in other


def test_a_very_long_annotated_article_is_shown_in_part_in_a_report_page(tmp_path):
    from helpers.annotated import annotate
    from helpers.report.kernel import PARAGRAPHS_SHOWN, annotated_html

    paragraph = "“We will <b>see</b>,” said Mara Vell, the harbour master."
    for n, cut in ((12, False), (PARAGRAPHS_SHOWN + 10, True)):
        path = tmp_path / f"long{n}.txt"
        path.write_text("Ferries\n\n" + "\n\n".join([paragraph] * n) + "\n", encoding="utf-8")
        article = load_article(path)
        view = annotate(article)
        page = annotated_html(view)
        if not cut:
            assert page == view._repr_html_()
            continue
        assert page.count('<p class="ka-par"') == PARAGRAPHS_SHOWN
        assert f'id="ka-p{PARAGRAPHS_SHOWN}"' in page and page.count("</article></div>") == 1
        assert '<a href="article.html">article.html</a>' in page and "<b>see" not in page
