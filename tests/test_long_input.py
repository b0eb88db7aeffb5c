"""Very long paragraphs: sentence splitting that no wall-clock limit can decide.

NLTK runs Punkt's regular expressions under a 5-second wall-clock limit; a paragraph of
megabytes sometimes passed and sometimes failed with TimeoutError, depending on the load.
helpers.tokens.punkt_spans never gives Punkt more than PUNKT_WINDOW characters, and its
boundaries are Punkt's own.
"""

from __future__ import annotations

import random

import pytest

from helpers import load_article
from helpers.tokens import PUNKT_WINDOW, punkt_spans, sentence_tokenizer, sentences

WORDS = (
    "the minister said on Monday that Mr. Smith and Dr. Lee would meet U.S. officials in "
    "2021 . ! ? “Yes.” (aside.) 3.5 percent e.g. a.m. No. 5 … St. Ann"
).split()


def text_of(n_words: int, seed: int) -> str:
    rng = random.Random(seed)
    return " ".join(rng.choice(WORDS) for _ in range(n_words))


@pytest.mark.parametrize("seed", [1, 2, 3])
@pytest.mark.parametrize("window", [300, 2000, PUNKT_WINDOW])
def test_windows_give_the_same_sentences_as_punkt_on_the_whole_text(seed, window):
    text = text_of(8000, seed)  # ~45,000 characters: Punkt on the whole is still quick
    assert len(text) > window
    assert punkt_spans(text, window=window) == list(sentence_tokenizer().span_tokenize(text))


def test_punkt_never_sees_more_than_a_window(monkeypatch):
    seen = []
    punkt = sentence_tokenizer()
    real = type(punkt).span_tokenize

    def spy(self, text, *a, **k):
        seen.append(len(text))
        return real(self, text, *a, **k)

    monkeypatch.setattr(type(punkt), "span_tokenize", spy)
    spans = punkt_spans(text_of(60_000, 4))
    assert spans and max(seen) <= PUNKT_WINDOW


def test_one_endless_sentence_is_cut_at_spaces_and_covers_the_text():
    text = "word " * 30_000 + "end."
    spans = punkt_spans(text)
    assert spans[0][0] == 0 and spans[-1][1] == len(text)
    assert all(e - s <= PUNKT_WINDOW for s, e in spans)
    assert all(a[1] < b[0] for a, b in zip(spans, spans[1:], strict=False))
    assert all(not text[s].isspace() and not text[e - 1].isspace() for s, e in spans)
    assert "".join(text[s:e] + " " for s, e in spans).split() == text.split()


def test_no_space_at_all():
    text = "x" * (PUNKT_WINDOW * 2 + 7)
    assert punkt_spans(text) == [
        (0, PUNKT_WINDOW),
        (PUNKT_WINDOW, 2 * PUNKT_WINDOW),
        (2 * PUNKT_WINDOW, len(text)),
    ]


def test_a_megabyte_paragraph_gives_sentences(write_article):
    body = text_of(200_000, 5)  # ~1.1 MB in one paragraph
    article = load_article(write_article("Headline\n\n" + body + "\n"))
    found = sentences(article)
    assert len(found) > 1000
    assert found[0].start == article.paragraphs[0].start
    assert found[-1].end == article.paragraphs[0].end
