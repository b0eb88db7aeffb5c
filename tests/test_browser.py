"""The exported reports, opened in a real headless Chromium, offline.

The reports for the bundled article are made once (session fixture) into a temporary folder.
Every page is loaded with all non-file requests blocked: nothing may need the network, the
console stays free of errors, every image decodes, the two key charts are there (found by their
alt text, which the kit takes from the chart titles), and at a phone's width (375 px) the page
does not scroll sideways: wide tables and code scroll inside their own box instead.

Needs Chromium and Playwright for Python: `apt-get install chromium` (Debian/Ubuntu) and
`pip install playwright` (in the dev extras). Without them these tests are skipped.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from helpers import BUNDLED_ARTICLE, __version__, load_article
from helpers.report import build_report, notebook_paths
from helpers.teaching import DOC_PAGES, WORKSHEET

# An article written to attack whoever opens its report: every payload, if it ever ran, would
# set window.kitpwn or the page title to "kitpwn". (Closing tags are written `</script >`,
# which browsers accept and the loader's HTML-page check lets through.)
HOSTILE = (
    "Council <svg "
    "onload=document.title=String.fromCharCode(107,105,116,112,119,110)> ferry plan "
    '"><img src=x onerror=window.kitpwn=2> </style><b>x</b>\n'
    "\n"
    "The harbour council will raise ferry fares by a fifth, its leader said on "
    "Monday.\n"
    "\n"
    "“The <script>window.kitpwn=3</script > boats must run,” said Ann Lee<img src=x "
    "onerror=window.kitpwn=4>, the council leader.\n"
    "\n"
    '“Read javascript:window.kitpwn=5 and <a href="javascript:window.kitpwn=6">this '
    "link</a > first,” said Tom <svg onload=window.kitpwn=7> Berg, a ferry captain.\n"
    "\n"
    "Berg said the ferry plan <svg onload=window.kitpwn=8> would hurt families. The "
    "ferry plan <svg onload=window.kitpwn=8> is not fair, he said.\n"
    "\n"
    "“We will see </style><script>window.kitpwn=9</script > soon,” Lee said.\n"
)
# text that must show in the pages exactly as written
HOSTILE_SHOWN = {
    "report.html": [
        "<svg onload=document.title=String.fromCharCode(107,105,116,112,119,110)>",
        "The <script>window.kitpwn=3</script > boats must run",
        '<a href="javascript:window.kitpwn=6">this link</a >',
        "</style><script>window.kitpwn=9</script >",
    ],
    "02_who_speaks.html": ["The <script>window.kitpwn=3</script > boats must run"],
    "03_recurring_terms.html": ["svg onload"],
    "index.html": ['"><img src=x onerror=window.kitpwn=2> </style><b>x</b>'],
}

CHROMIUM = os.environ.get("KIT_CHROMIUM", "/usr/bin/chromium")
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
PHONE = {"width": 375, "height": 812}

sync_api = pytest.importorskip(
    "playwright.sync_api", reason="Playwright is missing: pip install -e '.[dev]'"
)
if not (Path(CHROMIUM).exists() or shutil.which("chromium")):
    pytest.skip(
        f"Chromium not found at {CHROMIUM}: install it with `apt-get install chromium` "
        "(or set KIT_CHROMIUM to a Chromium binary)",
        allow_module_level=True,
    )


@pytest.fixture(scope="session")
def bundled_report(tmp_path_factory):
    out = tmp_path_factory.mktemp("reports")
    return build_report(BUNDLED_ARTICLE, out_dir=out, progress=None)


@pytest.fixture(scope="session")
def hostile_report(tmp_path_factory):
    folder = tmp_path_factory.mktemp("hostile")
    article = folder / "hostile.txt"
    article.write_text(HOSTILE, encoding="utf-8")
    return build_report(article, out_dir=folder / "reports", progress=None)


@pytest.fixture(scope="module")
def browser():
    executable = CHROMIUM if Path(CHROMIUM).exists() else shutil.which("chromium")
    with sync_api.sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=executable, args=ARGS)
        yield chromium
        chromium.close()


def open_page(browser, path: Path, viewport=None):
    """Load a file offline; return (page, blocked requests, console errors)."""
    context = browser.new_context(viewport=viewport or {"width": 1280, "height": 900})
    blocked: list[str] = []
    errors: list[str] = []

    def route(r):
        if r.request.url.startswith(("file:", "data:")):
            r.continue_()
        else:
            blocked.append(r.request.url)
            r.abort()

    context.route("**/*", route)
    page = context.new_page()
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.on("dialog", lambda d: (errors.append(f"dialog: {d.message}"), d.dismiss()))
    page.goto(path.as_uri(), wait_until="load")
    return page, blocked, errors


# the guide, worksheet and docs rendered into every report folder: text pages, no chart or code
TEACHING_PAGES = {*DOC_PAGES.values(), WORKSHEET}


def pages(result) -> list[Path]:
    return sorted(p for p in result.files if p.suffix == ".html")


def test_every_notebook_and_the_index_were_exported(bundled_report):
    names = {p.name for p in pages(bundled_report)}
    assert {"index.html", "report.html"} <= names
    assert {f"{nb.stem}.html" for nb in notebook_paths()} <= names


def test_pages_load_offline_without_errors_and_every_image_shows(bundled_report, browser):
    for path in pages(bundled_report):
        page, blocked, errors = open_page(browser, path)
        images = page.evaluate(
            "Array.from(document.images).map(i => [i.alt, i.complete, i.naturalWidth])"
        )
        page.context.close()
        assert blocked == [], f"{path.name} asked the network for {blocked}"
        assert errors == [], f"{path.name}: console errors {errors}"
        assert all(done and width > 0 for _, done, width in images), (path.name, images)
        if path.name not in {"index.html", "article.html"} | TEACHING_PAGES:
            assert images, f"{path.name} shows no chart"
            assert all(alt.startswith("Chart") for alt, _, _ in images)


def test_the_key_charts_are_in_the_combined_report(bundled_report, browser):
    page, _, _ = open_page(browser, bundled_report.folder / "report.html")
    alts = page.evaluate("Array.from(document.images).map(i => i.alt.toLowerCase())")
    code = page.evaluate("document.querySelectorAll('.jp-CodeCell .jp-InputArea').length")
    title = page.title()
    page.context.close()
    assert any("statements per speaker" in a for a in alts), alts
    assert any("recurring" in a and "term" in a for a in alts), alts
    assert code == 0, "the combined report must not show code"
    assert "Report:" in title


def test_notebook_pages_show_their_code(bundled_report, browser):
    for path in pages(bundled_report):
        if path.name in {"index.html", "report.html", "article.html"} | TEACHING_PAGES:
            continue
        page, _, _ = open_page(browser, path)
        code = page.evaluate("document.querySelectorAll('.jp-CodeCell .jp-InputArea').length")
        page.context.close()
        assert code > 0, f"{path.name} shows no code"


def test_index_links_every_report_and_names_the_article(bundled_report, browser):
    page, _, _ = open_page(browser, bundled_report.folder / "index.html")
    links = page.evaluate("Array.from(document.links).map(a => a.getAttribute('href'))")
    text = page.inner_text("body")
    page.context.close()
    top = {p.name for p in bundled_report.files if p.parent == bundled_report.folder}
    assert set(links) == top - {"index.html"}  # every page and table (charts/ has its own line)
    assert "article.html" in links and "statements.csv" in links
    assert "TASS" in text and BUNDLED_ARTICLE.name in text
    assert __version__ in text


def test_pages_do_not_scroll_sideways_at_phone_width(bundled_report, browser):
    for path in pages(bundled_report):
        page, _, _ = open_page(browser, path, viewport=PHONE)
        widths = page.evaluate(
            "[document.documentElement.scrollWidth, window.innerWidth,"
            " document.querySelector('main') ? document.querySelector('main').scrollWidth : 0]"
        )
        page.context.close()
        scroll, inner, main = widths
        assert scroll <= inner + 1, f"{path.name} is {scroll}px wide at {inner}px"
        assert main <= inner + 1, f"{path.name}: main text is {main}px wide at {inner}px"


RAN = """() => ({
  global: typeof window.kitpwn !== "undefined",
  title: document.title === "kitpwn",
  handlers: Array.from(document.querySelectorAll("*")).flatMap(el =>
    Array.from(el.attributes)
      .filter(a => a.name.startsWith("on") ||
                   (/^\\s*javascript:/i.test(a.value) && ["href", "src"].includes(a.name)))
      .map(a => el.tagName + " " + a.name + "=" + a.value)),
  text: document.body.innerText,
})"""


def test_a_hostile_article_runs_no_script_and_shows_its_text_as_written(hostile_report, browser):
    for path in pages(hostile_report):
        page, blocked, errors = open_page(browser, path)
        page.wait_for_timeout(300)  # let any onerror/onload handler fire
        seen = page.evaluate(RAN)
        page.context.close()
        assert not seen["global"] and not seen["title"], f"{path.name}: a payload ran"
        assert seen["handlers"] == [], f"{path.name}: live handlers {seen['handlers']}"
        assert errors == [], (path.name, errors)
        assert blocked == [], path.name
        for text in HOSTILE_SHOWN.get(path.name, []):
            assert text in seen["text"], f"{path.name} does not show {text!r} as written"


def test_the_annotated_article_shows_every_statement_and_a_full_legend(bundled_report, browser):
    from helpers.statements import extract_statements

    statements = extract_statements(load_article(BUNDLED_ARTICLE))
    page, blocked, errors = open_page(browser, bundled_report.folder / "article.html")
    marks = page.evaluate(
        """Array.from(document.querySelectorAll('.ka-st:not([data-part])')).map(e => {
            const r = e.getBoundingClientRect(), s = getComputedStyle(e);
            return [e.dataset.speaker, r.width > 0 && r.height > 0, s.visibility,
                    s.backgroundColor, s.borderBottomColor];
        })"""
    )
    legend = page.evaluate(
        "Array.from(document.querySelectorAll('.ka-legend li')).map(li => li.dataset.speaker)"
    )
    mentions = page.evaluate("document.querySelectorAll('.ka-mention[data-statement]').length")
    page.context.close()
    assert blocked == [] and errors == []
    assert len(marks) == len(statements)
    assert [m[0] for m in marks] == list(statements["speaker"])
    for speaker, shown, visibility, background, line in marks:
        assert shown and visibility == "visible", speaker
        assert background not in ("rgba(0, 0, 0, 0)", "transparent"), speaker
        assert line != "rgba(0, 0, 0, 0)", speaker
    assert sorted(legend) == sorted(set(statements["speaker"]))
    assert mentions == len(
        set(zip(statements["mention_start"], statements["mention_end"], strict=True))
    )
