"""Teaching materials: the report for readers (no code to type), the guide and worksheet in the
report folder, the glossary, charts for slides, and the small fixes of issue 13."""

from __future__ import annotations

import re
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest

from helpers import BUNDLED_ARTICLE, ArticleError, load_article
from helpers.compare import BUNDLED_PAIR
from helpers.exercises import EXERCISES, answers_markdown
from helpers.paths import NOTEBOOKS_DIR, PROJ_ROOT
from helpers.report import build_comparison, build_report
from helpers.teaching import notebook_questions
from helpers.terms import concordance

GLOSSARY = PROJ_ROOT / "docs" / "glossary.md"
GUIDE = PROJ_ROOT / "docs" / "teaching" / "instructor-guide.md"
# what a page for readers must never ask
CODE_TALK = re.compile(
    r"Shift\+Enter|next cell|in the cell|run the cell|run all cells|type (?:any|in|it)|"
    r"replace `?None|article_path|check\(",
    re.I,
)


class _Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links: list[str] = []
        self.text: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in ("style", "script"):
            self._skip += 1
        for name, value in attrs:
            if name in ("href", "src") and value and not value.startswith("data:"):
                self.links.append(value)

    def handle_endtag(self, tag):
        if tag in ("style", "script"):
            self._skip -= 1

    def handle_data(self, data):
        if not self._skip:
            self.text.append(data)


def _parse(path: Path) -> _Links:
    parser = _Links()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


@pytest.fixture(autouse=True)
def _headless(monkeypatch):
    monkeypatch.setenv("MPLBACKEND", "module://matplotlib_inline.backend_inline")


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    return build_report(BUNDLED_ARTICLE, out_dir=tmp_path_factory.mktemp("r"), progress=None)


@pytest.fixture(scope="module")
def comparison(tmp_path_factory):
    out = tmp_path_factory.mktemp("c")
    return build_comparison(*BUNDLED_PAIR, out_dir=out, progress=None)


def _local_links_resolve(folder: Path):
    for page in folder.glob("*.html"):
        for link in _parse(page).links:
            if re.match(r"[a-z]+:", link) or link.startswith("#"):
                continue
            target = link.split("#")[0]
            assert (folder / target).is_file(), f"{page.name} links to {link}"


@pytest.mark.parametrize("which", ["report", "comparison"])
def test_the_report_for_readers_asks_for_no_code(which, request):
    result = request.getfixturevalue(which)
    text = " ".join(_parse(result.folder / "report.html").text)
    assert not CODE_TALK.findall(text)
    assert "Questions" in text and "Exercises with code" not in text


@pytest.mark.parametrize("which", ["report", "comparison"])
def test_guide_worksheet_and_glossary_are_in_the_folder_and_linked(which, request):
    folder = request.getfixturevalue(which).folder
    links = _parse(folder / "index.html").links
    for page in ("instructor-guide.html", "worksheet.html", "glossary.html"):
        assert (folder / page).is_file()
        assert page in links
    _local_links_resolve(folder)


def test_notebook_links_to_docs_work_from_the_report_folder(report):
    links = _parse(report.folder / "report.html").links
    assert "statements.html" in links
    assert any(link.startswith("glossary.html#") for link in links)
    assert not [link for link in links if link.endswith(".md") or ".md#" in link]


def test_the_worksheet_has_every_question_and_no_answer(report):
    sheet = report.folder / "worksheet.html"
    text = " ".join(" ".join(_parse(sheet).text).split())
    for ex in EXERCISES.values():
        if not ex.id.startswith("04"):
            assert ex.question.replace("'", "’") in text.replace("'", "’"), ex.id
    for path in sorted(NOTEBOOKS_DIR.glob("0[123]*.ipynb")):
        import nbformat

        assert notebook_questions(nbformat.read(path, as_version=4))
    assert "Dmitry Peskov" not in text and "744" not in text
    assert "@media print" in sheet.read_text(encoding="utf-8")


def test_the_guide_in_the_folder_ends_with_this_articles_answers(comparison):
    guide = " ".join(_parse(comparison.folder / "instructor-guide.html").text)
    assert "Answers for this report" in guide
    assert "compared with" in guide and "Dobbs" in guide


def test_every_chart_has_a_png_and_an_svg_copy(report):
    charts = report.folder / "charts"
    pngs = sorted(p.stem for p in charts.glob("*.png"))
    svgs = sorted(p.stem for p in charts.glob("*.svg"))
    assert pngs and pngs == svgs
    page = (report.folder / "02_who_speaks.html").read_text(encoding="utf-8")
    assert "<svg" not in page  # the pages keep their PNG charts


def test_the_comparison_report_shows_both_articles(comparison):
    assert comparison.folder.name == (f"{BUNDLED_PAIR[0].stem}_vs_{BUNDLED_PAIR[1].stem}")
    text = " ".join(_parse(comparison.folder / "report.html").text)
    assert "Ashcombe Courier" in text and "Valley Voice" in text
    index = " ".join(_parse(comparison.folder / "index.html").text)
    assert "Compared with" in index and "Mill Lane Residents Say Flood Warning" in index
    assert len(list((comparison.folder / "charts").glob("*.png"))) == 4


def test_the_guide_answers_are_the_kits_answers():
    guide = GUIDE.read_text(encoding="utf-8")
    blocks = re.findall(r"<!-- answers: (\w+) -->\n(.*?)\n<!-- /answers -->", guide, re.S)
    assert [b[0] for b in blocks] == ["bundled", "pair"]
    assert blocks[0][1] == answers_markdown(load_article(BUNDLED_ARTICLE))
    pair = [load_article(p) for p in BUNDLED_PAIR]
    assert blocks[1][1] == answers_markdown(*pair)


def test_the_glossary_defines_every_term_the_notebooks_link():
    glossary = GLOSSARY.read_text(encoding="utf-8")
    anchors = set(re.findall(r'<a id="([a-z0-9-]+)"></a>', glossary))
    for term in [
        "statement", "cue", "direct-indirect-mixed", "speaker", "mention", "canonical-name",
        "nested", "floating", "reporting-verb-classes", "type-token-ratio", "n-gram",
        "collocation", "g2", "kwic", "dispersion", "voice",
    ]:  # fmt: skip
        assert term in anchors
    for path in sorted(NOTEBOOKS_DIR.glob("*.ipynb")):
        text = path.read_text(encoding="utf-8")
        used = set(re.findall(r"glossary\.md#([a-z0-9-]+)", text))
        assert used, path.name
        assert used <= anchors, (path.name, used - anchors)


def test_notebook_headers_state_level_time_and_prerequisites():
    import nbformat

    for path in sorted(NOTEBOOKS_DIR.glob("*.ipynb")):
        first = nbformat.read(path, as_version=4).cells[0].source
        assert "**Level:**" in first and "**Time:**" in first and "**Before this:**" in first
        assert "Shift+Enter" not in first


INVENTED = """Orchard Lane to Close for Repairs

The council said Orchard Lane would close in May. Work begins on the northern stretch
near the school.

Residents asked for a footpath. The council agreed to build one next year.
"""


def test_concordance_is_whole_words_inside_the_paragraph(tmp_path):
    path = tmp_path / "lane.txt"
    path.write_text(INVENTED, encoding="utf-8")
    article = load_article(path)
    for width in range(5, 60, 3):
        for row in concordance(article, "council", width=width).itertuples():
            block = next(b for b in article.blocks if b.start <= row.start < b.end)
            words = set(block.text.replace("\n", " ").replace(".", " ").split())
            for side in (row.left, row.right):
                assert len(side) <= width
                for word in side.replace(".", " ").split():
                    assert word in words, (width, side)


def test_a_relative_article_path_also_reads_from_the_kit_folder(monkeypatch):
    monkeypatch.chdir(NOTEBOOKS_DIR)  # where JupyterLab runs a notebook
    relative = BUNDLED_ARTICLE.relative_to(PROJ_ROOT)
    assert load_article(relative).path.resolve() == BUNDLED_ARTICLE


def test_a_missing_article_message_names_no_python(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    with pytest.raises(ArticleError) as err:
        load_article("missing.txt")
    message = str(err.value)
    assert "missing.txt" in message and "helpers." not in message
    assert BUNDLED_ARTICLE.name in message


def test_save_chart_writes_png_and_svg_the_same_each_time(tmp_path):
    import matplotlib

    matplotlib.use("Agg")
    from helpers.charts import save_chart
    from helpers.speaker_charts import statements_per_speaker
    from helpers.statements import extract_statements

    ax = statements_per_speaker(extract_statements(load_article(BUNDLED_ARTICLE)))
    first = save_chart(ax, tmp_path / "a" / "speakers")
    second = save_chart(ax, tmp_path / "b" / "speakers")
    assert [p.suffix for p in first] == [".png", ".svg"]
    for one, two in zip(first, second, strict=True):
        assert one.read_bytes() == two.read_bytes()


def test_long_speaker_names_are_wrapped():
    from helpers.charts import wrap_label

    wrapped = wrap_label("Deputy Harbour Commissioner Annelise Vandermeer-Okonkwo")
    assert wrapped.replace("\n", " ") == "Deputy Harbour Commissioner Annelise Vandermeer-Okonkwo"
    assert max(len(line) for line in wrapped.split("\n")) <= 18


def test_make_report_with_compare_and_make_lab_at_the_root():
    def dry(*args):
        return subprocess.run(
            ["make", "-n", *args], cwd=PROJ_ROOT, capture_output=True, text=True
        ).stdout

    assert 'helpers compare ${ARTICLE:+"$ARTICLE"} "$COMPARE"' in dry("report", "COMPARE=b.txt")
    assert "--notebook-dir=." in dry("lab")
