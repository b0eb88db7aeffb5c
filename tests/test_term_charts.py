"""Charts of recurring terms: Axes returned, titled, labelled, deterministic, empty-safe."""

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402
from matplotlib.axes import Axes  # noqa: E402

from helpers import load_article  # noqa: E402
from helpers.term_charts import dispersion, term_bars, terms_by_voice_chart  # noqa: E402
from helpers.terms import recurring_terms, terms_by_voice  # noqa: E402

ONCE = "Quiet day\n\nNothing happened at the town hall today. The streets were calm.\n"


@pytest.fixture(autouse=True)
def _close():
    yield
    plt.close("all")


@pytest.fixture
def quiet(write_article):
    return load_article(write_article(ONCE))


def _labelled(ax: Axes) -> None:
    assert isinstance(ax, Axes)
    assert ax.get_title() and ax.get_xlabel() and ax.get_ylabel()


def _notes(ax: Axes) -> list[str]:
    return [t.get_text() for t in ax.texts]


def test_term_bars(bundled):
    terms = recurring_terms(bundled).head(8)
    ax = term_bars(terms)
    _labelled(ax)
    labels = [t.get_text() for t in ax.get_yticklabels()]
    assert labels[-1] == terms["term"].iloc[0]  # most frequent on top
    widths = sorted(p.get_width() for p in ax.patches)
    assert widths == sorted(terms["count"].tolist())


def test_term_bars_draws_on_a_given_axes_and_is_deterministic(bundled):
    terms = recurring_terms(bundled).head(5)
    _, ax = plt.subplots()
    assert term_bars(terms, ax=ax) is ax
    again = term_bars(terms)
    assert [p.get_width() for p in ax.patches] == [p.get_width() for p in again.patches]


def test_dispersion(bundled):
    names = ["diplomatic channels", "open dialogue"]
    ax = dispersion(bundled, names)
    _labelled(ax)
    assert [t.get_text() for t in ax.get_yticklabels()] == names
    marks = [line for line in ax.get_lines() if line.get_marker() == "|"]
    assert [len(line.get_xdata()) for line in marks] == [3, 3]


def test_dispersion_accepts_a_terms_table(bundled):
    terms = recurring_terms(bundled).head(4)
    ax = dispersion(bundled, terms)
    assert [t.get_text() for t in ax.get_yticklabels()] == list(terms["term"])


def test_terms_by_voice_chart():
    table = pd.DataFrame(
        {
            "term": ["night bus", "bus fare"],
            "narrator": [3, 0],
            "Ann Mayor": [1, 2],
            "total": [4, 2],
        }
    )
    ax = terms_by_voice_chart(table)
    _labelled(ax)
    assert [t.get_text() for t in ax.get_xticklabels()] == ["narrator", "Ann Mayor"]
    assert [t.get_text() for t in ax.get_yticklabels()] == ["night bus", "bus fare"]
    assert sorted(_notes(ax)) == sorted(["3", "1", "·", "2"])


def test_empty_charts_are_labelled_with_a_note(quiet):
    terms = recurring_terms(quiet)
    assert terms.empty
    for ax in (
        term_bars(terms),
        dispersion(quiet, terms),
        terms_by_voice_chart(terms_by_voice(quiet, terms, statements=pd.DataFrame())),
    ):
        _labelled(ax)
        assert any("no recurring term" in n.lower() or "twice" in n for n in _notes(ax))
