"""The annotated article: one highlight per statement in its speaker's colour, cue and mention
marked, nested statements inside their parent, floating quotes and unknown speakers flagged,
everything escaped."""

from html.parser import HTMLParser

import pandas as pd
import pytest

from helpers import load_article
from helpers.annotated import AnnotatedArticle, annotate, tooltip
from helpers.speaker_charts import SPEAKER_COLOURS, UNKNOWN_COLOUR, speaker_colours
from helpers.statements import extract_statements

FERRY = """Ferry council backs new timetable

“The boats will run every hour,” Mayor Nora Quill said on Monday.

Councillor Ivo Brandt said the budget was too small. He added that “nobody asked the crews”.

“We will look again in spring.”
"""


class Spans(HTMLParser):
    """Records, for each statement/mention/cue tag, its attributes and the statements it sits
    in; fails on badly nested tags."""

    def __init__(self):
        super().__init__()
        self.stack: list[dict] = []
        self.found: list[tuple[dict, list[str]]] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        a["_tag"] = tag
        if tag == "span" and any(c in a.get("class", "") for c in ("ka-st", "ka-cue", "ka-ment")):
            inside = [s["data-statement"] for s in self.stack if "ka-st" in s.get("class", "")]
            self.found.append((a, inside))
        self.stack.append(a)

    def handle_endtag(self, tag):
        assert self.stack and self.stack[-1]["_tag"] == tag, f"</{tag}> closes the wrong tag"
        self.stack.pop()


def parse(markup: str) -> list[tuple[dict, list[str]]]:
    parser = Spans()
    body = markup.split("</style>", 1)[1]
    parser.feed(body)
    parser.close()
    return parser.found


def highlights(found, cls="ka-st"):
    return [(a, i) for a, i in found if cls in a["class"].split() and "data-statement" in a]


@pytest.fixture(scope="module")
def bundled_view(bundled):
    statements = extract_statements(bundled)
    return statements, annotate(bundled, statements)


def test_one_highlight_per_statement_in_the_speaker_colour(bundled_view):
    statements, view = bundled_view
    found = parse(view.html)
    firsts = [a for a, _ in highlights(found) if a.get("data-part") != "more"]
    assert len(firsts) == len(statements) == 26
    colours = speaker_colours(statements)
    for a in firsts:
        row = statements.loc[int(a["data-statement"])]
        assert a["data-speaker"] == row["speaker"]
        assert f"--ka-c: {colours[row['speaker']]};" in a["style"]
    assert colours["Dmitry Peskov"] == SPEAKER_COLOURS[0]  # most statements: first colour
    assert len(set(colours.values())) == len(colours)


def test_every_mention_and_cue_is_marked_with_its_words(bundled, bundled_view):
    statements, view = bundled_view
    found = parse(view.html)
    mentions = {
        (int(s), int(e))
        for s, e in zip(statements["mention_start"], statements["mention_end"], strict=True)
    }
    assert len(highlights(found, "ka-mention")) == len(mentions)  # a shared one counts once
    assert len(highlights(found, "ka-cue")) == len(
        set(zip(statements["cue_start"], statements["cue_end"], strict=True))
    )
    for s, e in mentions:
        assert f">{bundled.raw[s:e]}</span>" in view.html


def test_nested_statement_sits_inside_its_parent(bundled_view):
    statements, view = bundled_view
    nested = statements.index[statements["nested"]].tolist()
    assert nested
    found = highlights(parse(view.html))
    for k in nested:
        row = statements.loc[k]
        parents = statements[
            (statements["start"] <= row["start"])
            & (statements["end"] >= row["end"])
            & ~statements["nested"]
        ].index
        inside = [i for a, i in found if a["data-statement"] == str(k)][0]
        assert str(parents[0]) in inside
        assert "ka-nested" in [a for a, _ in found if a["data-statement"] == str(k)][0]["class"]


def test_legend_lists_every_speaker_and_the_page_is_a_document(bundled_view):
    statements, view = bundled_view
    for speaker in set(statements["speaker"]):
        assert f'<li data-speaker="{speaker}">' in view.html
    page = view.page()
    assert page.startswith("<!DOCTYPE html>") and "<script" not in page
    assert view._repr_html_() == view.html
    assert isinstance(view, AnnotatedArticle)


def test_floating_quote_and_unknown_speaker_are_flagged(write_article):
    article = load_article(write_article(FERRY))
    statements = extract_statements(article)
    floating = statements[statements["cue"] == ""]
    assert len(floating) == 1
    statements.loc[1, "speaker"] = "unknown"
    view = annotate(article, statements)
    found = {a["data-statement"]: a for a, _ in highlights(parse(view.html))}
    assert "ka-floating" in found[str(floating.index[0])]["class"]
    assert "ka-unknown" in found["1"]["class"]
    assert f"--ka-c: {UNKNOWN_COLOUR};" in found["1"]["style"]
    assert "floating quote" in found[str(floating.index[0])]["title"]


def test_tooltip_names_speaker_kind_cue_and_how_the_speaker_was_found(write_article):
    article = load_article(write_article(FERRY))
    statements = extract_statements(article)
    tips = [tooltip(r) for r in statements.to_dict("records")]
    pronoun = statements.index[statements["mention"] == "He"][0]
    assert "Speaker: Ivo Brandt" in tips[pronoun] and "Cue: added" in tips[pronoun]
    assert "pronoun “He”" in tips[pronoun]
    assert f"Kind: {statements.loc[pronoun, 'kind']}" in tips[pronoun]
    assert "named in full" in tips[0]


def test_hostile_text_is_shown_as_text(write_article):
    article = load_article(
        write_article(
            "Council <b>meets</b>\n\n“Run <script>alert(1) now,” said Mayor Nora "
            "Quill.\n\nShe said that <img src=x onerror=alert(2)> was fine.\n"
        )
    )
    statements = extract_statements(article)
    statements.loc[0, "speaker"] = 'Eve "<i>" O\'Hara'
    markup = annotate(article, statements).page()
    assert "<script>" not in markup and "<img" not in markup and "<b>meets" not in markup
    assert "&lt;script&gt;alert(1)" in markup
    assert "&lt;i&gt;" in markup and "<i>" not in markup
    parse(markup.split("<main>", 1)[1].split("</main>", 1)[0])  # still well formed


def test_speakers_filter_keeps_only_their_highlights(write_article):
    article = load_article(write_article(FERRY))
    statements = extract_statements(article)
    view = annotate(article, statements, speakers="Nora Quill")
    speakers = {a["data-speaker"] for a, _ in highlights(parse(view.html))}
    assert speakers == {"Nora Quill"}
    assert "Ivo Brandt" not in view.legend_html()


def test_crossing_statements_stay_well_formed(write_article):
    article = load_article(write_article(FERRY))
    statements = extract_statements(article)
    extra = statements.iloc[[0]].copy()
    extra["start"], extra["end"] = statements.loc[0, "start"] + 5, statements.loc[0, "end"] + 20
    crossing = pd.concat([statements, extra], ignore_index=True)
    found = highlights(parse(annotate(article, crossing).html))
    assert {a["data-statement"] for a, _ in found} == {str(i) for i in range(len(crossing))}
    assert any(a.get("data-part") == "more" for a, _ in found)


def test_an_article_without_statements_says_so(write_article):
    article = load_article(write_article("Quiet day\n\nNothing was said by anyone today.\n"))
    view = annotate(article, extract_statements(article))
    assert "No statements to show." in view.html and "Quiet day" in view.html
