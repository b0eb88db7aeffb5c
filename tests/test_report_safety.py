"""Reports of hostile articles: nothing the kit reads ever becomes live markup in a page.

An article (and its file name) may hold HTML: a pasted web page, or a file made to attack
whoever opens its report. These tests build reports from such articles with a tiny notebook
(fast) and parse every page: no tag, attribute or script may come from the article. The
real notebooks, opened in Chromium, are checked in test_browser.py.
"""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import nbformat
import pandas as pd
import pytest

from helpers.charts import table_style
from helpers.cli import main
from helpers.report import (
    COMBINED,
    INDEX,
    MANIFEST,
    ReportError,
    build_report,
    check_folder,
    report_folder,
    write_files,
)

ARTICLE = "Ferry fares rise\n\nThe council raised fares, its leader said.\n"
MARK = "kitpwn"  # every payload carries it: it must only ever appear as text
# (closing tags written `</script >` pass the loader's HTML-page sniff, as browsers accept them)
PAYLOADS = [
    f"<script>document.title='{MARK}'</script >",
    f'"><img src=x onerror="window.{MARK}=1">',
    f"<svg onload=window.{MARK}=2>",
    f'<a href="javascript:window.{MARK}=3">link {MARK}</a >',
    f"</style><b title=x onclick=window.{MARK}=4>bold</b>",
    f"`<img src=x onerror={MARK}>`",
]

HOSTILE = (
    f"Headline {PAYLOADS[2]} and {PAYLOADS[4]} {PAYLOADS[1]}\n\n"
    f"The minister spoke on Monday about {PAYLOADS[3]}.\n\n"
    f"“{PAYLOADS[1]} is what we want,” said Ann {PAYLOADS[0]} Lee.\n\n"
    f"“Nothing more {PAYLOADS[5]},” she said.\n"
)

TABLE_CELL = """import matplotlib.pyplot as plt
import pandas as pd
from helpers import load_article
from helpers.charts import table_style
article = load_article(article_path)
print(article.headline.text)
fig, ax = plt.subplots(figsize=(3, 2))
ax.bar(["a"], [1])
ax.set_title(article.headline.text.replace("$", ""))
plt.show()
table_style(article.structure()[["kind", "text"]], "blocks")
"""


class LiveMarkup(HTMLParser):
    """Collects every tag, attribute and script text that carries the payload mark."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []
        self.in_script = False

    def handle_starttag(self, tag, attrs):
        if MARK in tag:
            self.found.append(f"<{tag}>")
        for name, value in attrs:
            # shown as text or an in-page anchor, never run
            text_attr = name in ("alt", "title", "id") or (name == "href" and value[:1] == "#")
            if MARK in name or name.startswith("on") or (value and MARK in value and not text_attr):
                self.found.append(f"<{tag} {name}={value!r}>")
        self.in_script = tag in ("script", "style")

    def handle_endtag(self, tag):
        self.in_script = False

    def handle_data(self, data):
        if self.in_script and MARK in data:
            self.found.append(f"script/style text {data[:80]!r}")


def live_markup(page: str) -> list[str]:
    parser = LiveMarkup()
    parser.feed(page)
    parser.close()
    return parser.found


def tiny_notebook(folder):
    nb = nbformat.v4.new_notebook()
    nb.cells = [
        nbformat.v4.new_markdown_cell("# Tiny notebook"),
        nbformat.v4.new_code_cell("article_path = None", metadata={"tags": ["parameters"]}),
        nbformat.v4.new_code_cell(TABLE_CELL),
    ]
    nb.metadata["kernelspec"] = {
        "name": "python3",
        "display_name": "Python 3",
        "language": "python",
    }
    path = folder / "01_tiny.ipynb"
    nbformat.write(nb, path)
    return path


def test_table_style_escapes_every_cell_and_column_name():
    df = pd.DataFrame(
        {"speaker": PAYLOADS[:3], f"<i>{MARK}</i>": PAYLOADS[3:], "n": [1.25, 2, None]}
    )
    page = table_style(df, "t").to_html()
    assert live_markup(page) == []
    assert "&lt;svg onload=window.kitpwn=2&gt;" in page
    assert "1.2" in page and "–" in page  # rounding and the missing-value dash still apply


def test_live_markup_finds_a_payload():  # the checker itself can fail
    assert live_markup(f"<p>{PAYLOADS[1]}</p>")
    assert live_markup(f"<p>{PAYLOADS[0]}</p>")
    assert live_markup(f"<style>{PAYLOADS[4]}") == ["<b onclick='window.kitpwn=4'>"]
    assert live_markup("<p>&lt;svg onload=window.kitpwn=2&gt;</p>") == []


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    root = tmp_path_factory.mktemp("hostile")
    article = root / f"x`<img src=x onerror={MARK}>`*a*.txt"
    article.write_text(HOSTILE, encoding="utf-8")
    result = build_report(
        article, out_dir=root / "out", notebooks=[tiny_notebook(root)], progress=None
    )
    return {
        p.name: p.read_text(encoding="utf-8") for p in result.files if p.parent == result.folder
    }


def test_no_page_of_a_hostile_article_carries_live_markup(hostile):
    tables = {"statements.csv", "speakers.csv"}  # plain text for spreadsheets, not pages
    article_pages = {"01_tiny.html", COMBINED, INDEX, "article.html"}
    assert article_pages | tables <= set(hostile)  # and the teaching pages (guide, worksheet)
    for name, page in hostile.items():
        if name in tables:
            continue
        if name in article_pages:
            assert MARK in page, name  # the text is there ...
        assert live_markup(page) == [], name  # ... but only as text


def test_the_file_name_shows_as_written_in_the_combined_report(hostile):
    text = re.sub(r"<[^>]+>", "", hostile[COMBINED])
    assert f"x`&lt;img src=x onerror={MARK}&gt;`*a*.txt" in text


@pytest.mark.parametrize("force", [False, True])
@pytest.mark.parametrize(
    "named", ["../victim.txt", "{abs}", "sub/../../victim.txt", "link/victim.txt"]
)
def test_a_crafted_manifest_cannot_delete_files_outside_its_folder(tmp_path, named, force):
    victim = tmp_path / "victim.txt"
    victim.write_text("keep me", encoding="utf-8")
    folder = tmp_path / "reports" / "ferry"
    folder.mkdir(parents=True)
    (folder / "link").symlink_to(tmp_path)  # a link out of the folder
    rel = named.format(abs=victim)
    manifest = {"files": {rel: "0" * 64, "index.html": "0" * 64}}
    (folder / MANIFEST).write_text(json.dumps(manifest), encoding="utf-8")
    with pytest.raises(ReportError, match=r"names files outside its folder .* delete"):
        check_folder(folder, force=force)
    # even handed such a manifest directly, write_files deletes nothing outside
    write_files(folder, {"index.html": b"new"}, {rel: "0" * 64})
    assert victim.read_text(encoding="utf-8") == "keep me"


def test_a_manifest_still_lets_the_kit_remove_its_own_old_files(tmp_path):
    folder = tmp_path / "ferry"
    write_files(folder, {"old.html": b"1", "index.html": b"2"}, {})
    previous = check_folder(folder)
    assert set(previous) == {"old.html", "index.html"}
    write_files(folder, {"index.html": b"3"}, previous)
    assert sorted(p.name for p in folder.iterdir()) == [MANIFEST, "index.html"]


@pytest.mark.parametrize("name", ["...txt", "..txt", "....txt"])
def test_an_article_whose_stem_is_dot_dot_cannot_write_outside_the_reports_folder(
    tmp_path, name, capsys
):
    article = tmp_path / "in" / name
    article.parent.mkdir()
    article.write_text(ARTICLE, encoding="utf-8")
    out = tmp_path / "root" / "reports"
    out.mkdir(parents=True)
    (out.parent / "index.html").write_text("the user's page", encoding="utf-8")
    if Path(name).stem in ("..", "."):
        with pytest.raises(ReportError, match="rename the file"):
            report_folder(article, out)
        assert main(["report", str(article), "--out", str(out), "--force"]) == 2
        assert "rename the file" in capsys.readouterr().err
    else:
        assert report_folder(article, out).parent == out
    assert (out.parent / "index.html").read_text(encoding="utf-8") == "the user's page"


def test_force_never_replaces_a_users_tmp_file(tmp_path):
    folder = tmp_path / "ferry"
    folder.mkdir()
    (folder / "report.html.tmp").write_text("my draft", encoding="utf-8")
    (folder / "index.html.tmp").symlink_to(tmp_path / "elsewhere.txt")
    write_files(folder, {"report.html": b"new", "index.html": b"new"}, {})
    assert (folder / "report.html.tmp").read_text(encoding="utf-8") == "my draft"
    assert not (tmp_path / "elsewhere.txt").exists()
    assert (folder / "report.html").read_bytes() == b"new"
    assert sorted(p.name for p in folder.iterdir()) == [
        MANIFEST,
        "index.html",
        "index.html.tmp",
        "report.html",
        "report.html.tmp",
    ]


def test_no_kernel_connection_file_is_left_behind(tmp_path, monkeypatch):
    """Connection files hold the kernel's key: they live in the run's private folder only."""
    import tempfile

    runtime, temp = tmp_path / "runtime", tmp_path / "temp"
    runtime.mkdir()
    temp.mkdir()
    monkeypatch.setenv("JUPYTER_RUNTIME_DIR", str(runtime))
    monkeypatch.setattr(tempfile, "tempdir", str(temp))
    article = tmp_path / "ferry.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    build_report(
        article, out_dir=tmp_path / "out", notebooks=[tiny_notebook(tmp_path)], progress=None
    )
    assert list(runtime.iterdir()) == []
    # only the (empty) lock that lets one report kernel start at a time
    assert [p.name for p in temp.iterdir()] in ([], ["media-analysis-kit-kernel-start.lock"])


def test_a_kernel_that_does_not_answer_is_started_again(tmp_path, monkeypatch):
    from helpers.report import kernel

    calls = []
    real = kernel.answers

    async def first_fails(km):
        calls.append(km.shell_port)
        return False if len(calls) == 1 else await real(km)

    monkeypatch.setattr(kernel, "answers", first_fails)
    article = tmp_path / "ferry.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    nb = tiny_notebook(tmp_path)
    result = build_report(article, out_dir=tmp_path / "out", notebooks=[nb], progress=None)
    assert len(calls) == 2 and (result.folder / INDEX).exists()


def test_a_kernel_that_never_answers_gives_a_clear_error(tmp_path, monkeypatch, capsys):
    from helpers.report import build, kernel

    async def never(km):
        return False

    monkeypatch.setattr(kernel, "answers", never)
    article = tmp_path / "ferry.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    nb = tiny_notebook(tmp_path)
    monkeypatch.setattr(build, "notebook_paths", lambda: [nb])
    assert main(["report", str(article), "--out", str(tmp_path / "out")]) == 1
    err = capsys.readouterr().err
    assert "kernel did not start (2 attempts)" in err and "Traceback" not in err
    assert not (tmp_path / "out").exists()
