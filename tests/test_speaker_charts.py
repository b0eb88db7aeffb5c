"""Speaker charts return labelled Axes with the right bars, also for one speaker or none."""

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402
from matplotlib.colors import to_hex  # noqa: E402

from helpers.speaker_analysis import cue_table, quoted_share, statements_by_kind  # noqa: E402
from helpers.speaker_charts import (  # noqa: E402
    CLASS_COLOURS,
    KIND_COLOURS,
    NO_DATA,
    cue_chart,
    speaker_timeline,
    statements_per_speaker,
)
from helpers.speaker_charts import quoted_share as quoted_share_chart  # noqa: E402

COLUMNS = [
    "speaker", "role", "mention", "mention_start", "mention_end", "kind", "cue", "cue_start",
    "cue_end", "text", "start", "end", "paragraph", "nested",
]  # fmt: skip


def frame(rows: list[tuple]) -> pd.DataFrame:
    """Contract rows from (speaker, kind, cue, text, paragraph, nested) tuples."""
    records = []
    for i, (speaker, kind, cue, text, paragraph, nested) in enumerate(rows):
        records.append(
            dict(speaker=speaker, role="", mention=speaker if cue else None, kind=kind, cue=cue,
                 text=text, start=100 * i, end=100 * i + len(text), paragraph=paragraph,
                 nested=nested)
        )  # fmt: skip
    df = pd.DataFrame(records, columns=COLUMNS)
    for col in ("mention_start", "mention_end", "cue_start", "cue_end"):
        df[col] = df[col].astype("Int64")
    return df.astype({"start": "int64", "end": "int64", "paragraph": "int64", "nested": "bool"})


@pytest.fixture
def statements():
    return frame(
        [
            ("Ada Lind", "direct", "said", "We will build it,", 1, False),
            ("Ada Lind", "indirect", "added", "costs are low", 1, False),
            ("Bo Kim", "mixed", "claimed", "the plan is “a fantasy”", 2, False),
            ("Ada Lind", "direct", "", "It is done.", 3, False),
            ("Cy Roe", "indirect", "said", "it was agreed", 3, True),
            ("Ada Lind", "indirect", "pointed out", "the law allows it", 4, False),
        ]
    )


@pytest.fixture
def empty():
    return frame([])


@pytest.fixture(autouse=True)
def _close():
    yield
    plt.close("all")


def _labelled(ax) -> None:
    assert ax.get_title() and ax.get_xlabel() and ax.get_ylabel()


def _widths_by_colour(ax) -> dict[str, list[float]]:
    out: dict[str, list[float]] = {}
    for patch in ax.patches:
        out.setdefault(to_hex(patch.get_facecolor()), []).append(patch.get_width())
    return out


def test_statements_per_speaker(statements):
    ax = statements_per_speaker(statements)
    _labelled(ax)
    assert [t.get_text() for t in ax.get_yticklabels()] == ["Bo Kim", "Ada Lind"]  # top = most
    widths = _widths_by_colour(ax)
    assert widths[KIND_COLOURS["direct"]] == [0, 2]
    assert widths[KIND_COLOURS["indirect"]] == [0, 2]
    assert widths[KIND_COLOURS["mixed"]] == [1, 0]
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["direct", "indirect", "mixed"]


def test_statements_per_speaker_takes_the_by_kind_table_and_an_axes(statements):
    _, given = plt.subplots()
    ax = statements_per_speaker(statements_by_kind(statements, include_nested=True), ax=given)
    assert ax is given
    assert [t.get_text() for t in ax.get_yticklabels()] == ["Cy Roe", "Bo Kim", "Ada Lind"]


def test_statements_per_speaker_one_speaker():
    one = frame([("Ada Lind", "direct", "said", "Yes.", 1, False)])
    ax = statements_per_speaker(one)
    assert [t.get_text() for t in ax.get_yticklabels()] == ["Ada Lind"]
    assert sum(p.get_width() for p in ax.patches) == 1


def test_speaker_timeline(statements):
    ax = speaker_timeline(statements, n_paragraphs=6)
    _labelled(ax)
    assert ax.get_xlim() == (0.5, 6.5)
    assert [t.get_text() for t in ax.get_yticklabels()] == ["Bo Kim", "Ada Lind"]
    # one dot per (speaker, paragraph, kind): Ada 1 direct, 1 indirect, 3 direct, 4 indirect
    dots = sum(len(c.get_offsets()) for c in ax.collections)
    assert dots == 5
    colours = {to_hex(c.get_facecolor()[0]) for c in ax.collections}
    assert colours == set(KIND_COLOURS.values())


def test_quoted_share_chart(statements):
    table = quoted_share(statements)
    ax = quoted_share_chart(table)
    _labelled(ax)
    ada = table.set_index("speaker").loc["Ada Lind"]
    widths = [p.get_width() for p in ax.patches]
    assert int(ada["quoted_words"]) in widths
    assert sum(widths) == table["words"].sum()
    notes = [t.get_text() for t in ax.texts]
    assert any("% of all quotes" in n for n in notes)


def test_cue_chart(statements):
    cues = cue_table(statements)
    ax = cue_chart(cues)
    _labelled(ax)
    labels = [t.get_text() for t in ax.get_yticklabels()]
    # most statements on top; within a speaker, most used verb first, then alphabetical
    assert labels == ["Bo Kim: claim", "Ada Lind: say", "Ada Lind: point out", "Ada Lind: add"]
    colours = [to_hex(p.get_facecolor()) for p in ax.patches]
    assert colours == [
        CLASS_COLOURS["evaluative"],
        CLASS_COLOURS["neutral"],
        CLASS_COLOURS["evaluative"],
        CLASS_COLOURS["neutral"],
    ]
    assert len(cue_chart(cues, top=2).patches) == 2


@pytest.mark.parametrize(
    "draw",
    [
        lambda df: statements_per_speaker(df),
        lambda df: speaker_timeline(df, n_paragraphs=4),
        lambda df: quoted_share_chart(quoted_share(df)),
        lambda df: cue_chart(cue_table(df)),
    ],
    ids=["per_speaker", "timeline", "quoted_share", "cues"],
)
def test_empty_input_gives_a_labelled_chart_with_a_note(draw, empty):
    ax = draw(empty)
    _labelled(ax)
    assert not ax.patches
    assert any("No " in t.get_text() for t in ax.texts)


def test_same_input_same_picture(statements, tmp_path):
    def render(name):
        with plt.rc_context({"svg.hashsalt": "speakers"}):
            ax = statements_per_speaker(statements)
            path = tmp_path / name
            ax.figure.savefig(path, format="svg", metadata={"Date": None})
        return path.read_text()

    assert render("a.svg") == render("b.svg")
    assert NO_DATA.startswith("No statements")


def test_table_style_is_deterministic_and_hides_the_index(statements):
    from helpers.charts import table_style

    html = table_style(statements_by_kind(statements), "kinds").to_html()
    assert html == table_style(statements_by_kind(statements), "kinds").to_html()
    assert 'id="T_kinds"' in html and "text-align: left" in html
    assert "Ada Lind" in html and "row_heading" not in html


def test_timeline_marks_sections(statements):
    ax = speaker_timeline(statements, 6, sections=[(3, "Reaction"), (5, "What comes next")])
    dashed = [line for line in ax.get_lines() if line.get_linestyle() == "--"]
    assert [line.get_xdata()[0] for line in dashed] == [2.5, 4.5]
    assert {t.get_text() for t in ax.texts} == {"Reaction", "What comes next"}


def test_cue_chart_separates_speakers(statements):
    ax = cue_chart(cue_table(statements))
    # rows bottom to top: Bo (claim) | Ada (say, point out, add): one line between them
    assert [line.get_ydata()[0] for line in ax.get_lines()] == [0.5]
