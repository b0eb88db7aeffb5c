"""Property-based tests: generated articles, hostile and odd, against the kit's invariants.

Articles are built from random Unicode, every kind of quotation mark in random order and
nesting (balanced or not), reporting cues and names, right-to-left text, emoji, zero-width
and control characters (NUL among them), CRLF / CR / LF line ends and very long paragraphs.

Invariants:
- the loader returns an article or raises the kit's own error (never anything else), and
  its blocks are in order, inside the text, and equal to their slice;
- every statement's start/end and its mention and cue offsets lie inside the text, in
  order; the mention and cue equal their slice; the statement's text equals its slice up to
  the documented normalisation (quotation marks and a final full stop at the edges, runs of
  white space); top-level statements do not overlap, nested ones lie inside a top-level one;
- the same input gives the same output twice (a fresh load each time);
- each recurring term's count equals a plain count of the phrase in the tokens.

`make test` runs EXAMPLES examples per property (default 100, derandomised, so the run is the
same every time); `make fuzz` runs thousands with a fixed seed and keeps the examples
database (.hypothesis/), so a failure found once is tried first next time.
"""

from __future__ import annotations

import os
import re
import tempfile
from pathlib import Path

import pandas as pd
import pytest

hypothesis = pytest.importorskip("hypothesis")  # a dev dependency: pip install -e '.[dev]'

from hypothesis import HealthCheck, example, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from helpers.article import load_article  # noqa: E402
from helpers.errors import KitError  # noqa: E402
from helpers.statements import extract_statements  # noqa: E402
from helpers.terms import clear_cache, find, fold, recurring_terms  # noqa: E402
from helpers.tokens import tokens, word_spans  # noqa: E402

FUZZ = os.environ.get("KIT_FUZZ") == "1"
EXAMPLES = int(os.environ.get("KIT_FUZZ_EXAMPLES", "3000" if FUZZ else "100"))
settings.register_profile(
    "kit",
    max_examples=EXAMPLES,
    deadline=None,  # the machine is shared: time is the benchmarks' business
    derandomize=not FUZZ,
    database=None
    if not FUZZ
    else hypothesis.database.DirectoryBasedExampleDatabase(
        str(Path(__file__).resolve().parents[1] / ".hypothesis" / "examples")
    ),
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    print_blob=True,
)
settings.load_profile("kit")

QUOTES = ['"', "“", "”", "‘", "’", "«", "»", "„", "‚", "‹", "›", "'", "''", "``"]
WORDS = [
    "said", "says", "told", "told reporters", "added", "according to", "that", "the",
    "minister", "Ann Lee", "Tom Berg", "the council", "She", "he", "they", "Mr.", "U.S.",
    "on Monday", "bus", "ferry fares", "ferry fares", "will rise", ",", ".", "?", "!", ":",
    "—", "–", "-", "(", ")", "…", "3.5", "1,000", "e.g.",
]  # fmt: skip
ODD = [
    "مرحبا بالعالم", "שלום עולם", "\u202eevil\u202c", "\u2066x\u2069", "🙂", "👍🏽", "🏳️‍🌈",
    "\u200b", "\u200c", "\u200d", "\ufeff", "\u00a0", "\t", "\x00", "\x01", "\x1b[31m",
    "\x7f", "\x85", "\u2028", "\u0301", "ǅ", "ß", "İ", "ﬁ",
]  # fmt: skip
LINE_ENDS = ["\n", "\r\n", "\r"]

unicode_text = st.text(st.characters(exclude_categories=("Cs",)), max_size=12)
piece = st.one_of(
    st.sampled_from(WORDS),
    st.sampled_from(WORDS),
    st.sampled_from(QUOTES),
    st.sampled_from(ODD),
    unicode_text,
)
glue = st.sampled_from([" ", " ", " ", "", "  "])


@st.composite
def paragraphs(draw, max_pieces=30):
    parts = draw(st.lists(piece, min_size=1, max_size=max_pieces))
    out = parts[0]
    for p in parts[1:]:
        out += draw(glue) + p
    if draw(st.integers(0, 19)) == 0:  # now and then a very long paragraph
        out = (out + " ") * draw(st.integers(10, 300 if FUZZ else 60))
    return out


@st.composite
def articles(draw):
    end = draw(st.sampled_from(LINE_ENDS))
    blocks = [draw(paragraphs(max_pieces=8))] + draw(st.lists(paragraphs(), max_size=6))
    blank = draw(st.sampled_from([end * 2, end * 3, end + " " + end]))
    return blank.join(blocks) + draw(st.sampled_from(["", end]))


_FOLDER = Path(tempfile.mkdtemp(prefix="kit-properties-"))


def article_from(text: str, name: str = "generated.txt"):
    """Load ``text`` as an article file, or None when the kit refuses it with its message."""
    path = _FOLDER / name
    path.write_bytes(text.encode("utf-8"))
    try:
        return load_article(path)
    except KitError as exc:
        assert str(exc).startswith(str(path)), f"the message names no file: {exc}"
        return None


QMARKS = "".join(q for q in QUOTES if len(q) == 1)


def _norm(s: str) -> str:
    return re.sub(r"\s+", " ", s).strip().strip(QMARKS + " .").strip()


def statement_problems(article, df: pd.DataFrame, overlaps: bool = True) -> list[str]:
    text, n, out = article.text, len(article.text), []
    for r in df.itertuples():
        if not (0 <= r.start < r.end <= n):
            out.append(f"span {r.start}-{r.end} outside the text (0-{n})")
            continue
        if _norm(r.text) != _norm(text[r.start : r.end]):
            out.append(f"text {r.text!r} is not its slice {text[r.start : r.end]!r}")
        for a, b, what in (
            (r.mention_start, r.mention_end, "mention"),
            (r.cue_start, r.cue_end, "cue"),
        ):
            if pd.isna(a) != pd.isna(b):
                out.append(f"{what}: one offset missing")
            elif not pd.isna(a):
                if not (0 <= a <= b <= n):
                    out.append(f"{what} {a}-{b} outside the text")
                elif text[a:b] != getattr(r, what):
                    out.append(f"{what} {getattr(r, what)!r} is not its slice {text[a:b]!r}")
    top = sorted((r.start, r.end) for r in df.itertuples() if not r.nested)
    if not overlaps:
        return out
    for (s1, e1), (s2, e2) in zip(top, top[1:], strict=False):
        if s2 < e1:
            out.append(f"top-level statements overlap: {s1}-{e1} and {s2}-{e2}")
    for r in df.itertuples():
        if r.nested and not any(s <= r.start and r.end <= e for s, e in top):
            out.append(f"nested statement {r.start}-{r.end} lies in no top-level statement")
    return out


def plain_count(article, term: str) -> int:
    """Occurrences of the term's words, one after the other in one sentence, folded."""
    key = [fold(term[s:e]) for s, e in word_spans(term)]
    toks = tokens(article, include_headings=True)
    k, n = len(key), 0
    for i in range(len(toks) - k + 1):
        window = toks[i : i + k]
        if len({t.sentence for t in window}) == 1 and all(t.is_word for t in window):
            n += [fold(t.text) for t in window] == key
    return n


# ------------------------------------------------------------------------------ the loader


@given(articles())
@example("Head\r\rBody text.\r")
@example("Head\x00\n\nBody.")
@example("\u202eHead\n\n\u200b\u200b\n\nBody “quoted,” she said.")
def test_loader_returns_a_consistent_article_or_its_own_error(text):
    article = article_from(text)
    if article is None:
        return
    assert len(article.text) == len(article.raw)
    assert article.blocks[0].kind == "headline"
    assert any(b.kind == "paragraph" for b in article.blocks)
    previous_end = 0
    for block in article.blocks:
        assert previous_end <= block.start < block.end <= len(article.text)
        assert block.text == article.text[block.start : block.end]
        assert block.text == block.text.strip()
        previous_end = block.end


@given(st.binary(max_size=300))
def test_loader_on_any_bytes(data):
    path = _FOLDER / "bytes.txt"
    path.write_bytes(data)
    try:
        load_article(path)
    except KitError:
        pass


# ------------------------------------------------------------------------------ statements


@given(articles())
@example("Council news\n\n“Fares will rise,” said Ann Lee. “Not “again”,” he said.\n")
@example("Head\n\n'' Yes '' said Tom Berg ''\n")
def test_statements_lie_in_the_text_and_match_their_slices(text):
    article = article_from(text)
    if article is None:
        return
    first = extract_statements(article)
    assert statement_problems(article, first, overlaps=False) == []
    again = extract_statements(article_from(text, "again.txt"))
    pd.testing.assert_frame_equal(first, again)


# found by `make fuzz` (1000 examples, seed 20261201), shrunk by hypothesis, then by hand
OVERLAP = "Head\n\naccording to according to according to the minister.\n"


@given(articles())
@example(OVERLAP)
def test_top_level_statements_do_not_overlap(text):
    article = article_from(text)
    if article is None:
        return
    assert statement_problems(article, extract_statements(article)) == []


# ------------------------------------------------------------------------------ terms


@given(articles())
@example("!\n\nbus bus bus\n")
def test_term_counts_agree_with_a_plain_count(text):
    article = article_from(text)
    if article is None:
        return
    clear_cache()
    table = recurring_terms(article, include_folded=True)
    for row in table.itertuples():
        assert row.count >= 2
        assert row.count == plain_count(article, row.term), row.term
    clear_cache()
    again = recurring_terms(article_from(text, "again.txt"), include_folded=True)
    pd.testing.assert_frame_equal(table, again)


@pytest.mark.xfail(
    reason="terms.find matches a phrase across the headline/paragraph and sentence breaks "
    "that recurring_terms does not cross (found by this test; find is not yet bounded by "
    "sentences, a change to the concordances left for its own issue)",
    strict=False,
)
def test_find_agrees_with_the_term_count():
    article = article_from("said said said\n\nsaid said said\n")
    table = recurring_terms(article, include_folded=True)
    row = table.set_index("term").loc["said said"]
    assert row["count"] == plain_count(article, "said said") == 4
    assert len(find(article, "said said")) == row["count"]  # find gives 5
