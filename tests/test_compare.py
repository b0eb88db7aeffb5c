"""helpers.compare, its charts, and notebook 04 on the bundled pair and on two user articles."""

import math

import matplotlib
import nbformat
import papermill
import pytest

from helpers import load_article
from helpers.article import ArticleError
from helpers.compare import BUNDLED_PAIR, compare_articles, keyness, load_pair, same_person
from helpers.compare_charts import keyness_chart, kinds_chart, speakers_chart, verbs_chart
from helpers.paths import NOTEBOOKS_DIR

matplotlib.use("Agg")

# Two invented articles on one invented event (a school roof collapse in Dunmere).
OFFICIAL = """School Roof Collapses in Dunmere, Nobody Hurt

Part of the roof of Dunmere primary school collapsed on Friday night, headteacher Lorna Vek said.

“The building was empty and nobody was hurt,” Vek told reporters. Council engineer Piet Sandoval
said the roof beams had been checked in March.

“We will inspect every school roof in the district,” Sandoval said.
"""

PARENTS = """Dunmere Parents Ask Why School Roof Fell

Parents gathered outside Dunmere primary school on Saturday morning.

“My son sits under that roof every day,” said parent Ada Quist. Another parent, Rolf Imhoff,
said the children had complained about leaks for months.

Headteacher Lorna Vek said the school would reopen on Monday in the sports hall. “Parents
deserve answers,” Quist said. Engineer Piet Sandoval was at the school all morning.
"""


@pytest.fixture(scope="module")
def user_pair(tmp_path_factory):
    folder = tmp_path_factory.mktemp("pair")
    (folder / "official.txt").write_text(OFFICIAL, encoding="utf-8")
    (folder / "parents.txt").write_text(PARENTS, encoding="utf-8")
    return folder / "official.txt", folder / "parents.txt"


@pytest.fixture(scope="module")
def comparison(user_pair):
    return compare_articles(load_article(user_pair[0]), load_article(user_pair[1]))


def test_same_person_by_full_name_or_surname():
    assert same_person("Lorna Vek", "Vek")
    assert same_person("lorna vek", "Lorna Vek")
    assert not same_person("Lorna Vek", "Ada Quist")
    assert not same_person("residents of Mill Lane", "Mill Lane")


def test_who_is_quoted_where(comparison):
    assert comparison.shared_speakers == ["Lorna Vek"]
    assert "Piet Sandoval" in comparison.only_first
    assert set(comparison.only_second) == {"Ada Quist", "Rolf Imhoff"}
    where = comparison.quoted_where.set_index("speaker")["in the other article"]
    assert where["Piet Sandoval"] == "mentioned, not quoted"
    assert where["Ada Quist"] == "not mentioned"


def test_shares_add_up_for_each_article(comparison):
    a, b = comparison.labels
    for label in (a, b):
        assert math.isclose(comparison.speakers[f"% {label}"].sum(), 100, abs_tol=0.3)
        assert math.isclose(comparison.kinds[f"% {label}"].sum(), 100, abs_tol=0.3)


def test_keyness_by_hand(user_pair):
    first, second = load_article(user_pair[0]), load_article(user_pair[1])
    key = keyness(first, second).set_index("word")
    row = key.loc["Sandoval"]  # twice in the first, once in the second
    from helpers.tokens import tokens

    a, b = (sum(t.is_word for t in tokens(x, include_headings=True)) for x in (first, second))
    assert (row["count_first"], row["count_second"]) == (2, 1)
    assert row["log_ratio"] == round(math.log2((2 / a) / (1 / b)), 2)
    e1, e2 = a * 3 / (a + b), b * 3 / (a + b)
    assert row["g2"] == round(2 * (2 * math.log(2 / e1) + 1 * math.log(1 / e2)), 2)
    assert set(key["prefers"]) <= {"first", "second", "shared"}
    assert (key["g2"].diff().dropna() <= 0).all()


def test_every_chart_shows_both_articles(comparison):
    for chart in (speakers_chart, kinds_chart, verbs_chart, keyness_chart):
        ax = chart(comparison)
        legend = [t.get_text() for t in ax.get_legend().get_texts()]
        assert legend == list(comparison.labels), chart.__name__
        matplotlib.pyplot.close(ax.figure)


def test_load_pair_needs_both_paths_or_none(user_pair):
    first, second = load_pair(None, None)
    assert (first.path, second.path) == BUNDLED_PAIR
    with pytest.raises(ArticleError, match="compare_path"):
        load_pair(user_pair[0], None)


def test_compare_command_needs_two_articles(capsys):
    from helpers.cli import main

    assert main(["compare", "one.txt"]) == 2
    assert "two articles" in capsys.readouterr().err


def _run(tmp_path, parameters):
    path = NOTEBOOKS_DIR / "04_two_articles.ipynb"
    nb = papermill.execute_notebook(
        str(path),
        str(tmp_path / path.name),
        parameters=parameters,
        kernel_name="python3",
        cwd=str(tmp_path),
        progress_bar=False,
    )
    nb = nbformat.from_dict(nb)
    problems = [
        o
        for c in nb.cells
        for o in c.get("outputs", [])
        if o.get("output_type") == "error"
        or (o.get("output_type") == "stream" and o.get("name") == "stderr")
    ]
    assert not problems
    return nb


def _images(nb) -> int:
    return sum("image/png" in o.get("data", {}) for c in nb.cells for o in c.get("outputs", []))


@pytest.fixture(autouse=True)
def _headless(monkeypatch):
    monkeypatch.setenv("MPLBACKEND", "module://matplotlib_inline.backend_inline")
    monkeypatch.setenv("PYDEVD_DISABLE_FILE_VALIDATION", "1")


def test_notebook_04_on_the_bundled_pair(tmp_path):
    nb = _run(tmp_path, {})
    assert _images(nb) == 4
    html = "".join(
        o.get("data", {}).get("text/html", "")
        for c in nb.cells
        for o in c.get("outputs", [])
        if c.cell_type == "code"
    )
    assert "Ashcombe Courier" in html and "Valley Voice" in html


def test_notebook_04_on_two_user_articles(tmp_path, user_pair):
    nb = _run(tmp_path, {"article_path": str(user_pair[0]), "compare_path": str(user_pair[1])})
    assert _images(nb) == 4
    html = "".join(
        o.get("data", {}).get("text/html", "")
        for c in nb.cells
        for o in c.get("outputs", [])
        if c.cell_type == "code"
    )
    assert "Piet Sandoval" in html and "Ada Quist" in html and "Flood" not in html
