"""Very long paragraphs and sentences: no wall-clock limit may decide a result.

NLTK runs its regular expressions (Punkt's, and RegexpTokenizer's) under a wall-clock limit
(nltk.redos.DEFAULT_TIMEOUT, 5 s): on a long enough input the result depends on the machine's
load (a 5 MB paragraph failed 4 of 14 `tokens` runs). Sentences no longer come from Punkt (the
kit's own splitter, helpers/statements/sentences.py, uses Python's re). These tests shrink the
limit so that any guarded call on a long input fails at once, whatever the machine.
"""

from __future__ import annotations

import nltk.redos
import pytest

from helpers import load_article
from helpers.tokens import sentences, word_spans

BODY = "The minister said on Monday that Ann Lee would meet officials in the capital. " * 15_000


@pytest.fixture
def tiny_limit(monkeypatch):
    monkeypatch.setattr(nltk.redos, "DEFAULT_TIMEOUT", 0.001)


def test_a_megabyte_paragraph_gives_sentences_under_any_limit(write_article, tiny_limit):
    article = load_article(write_article("Headline\n\n" + BODY + "\n"))
    found = sentences(article)
    assert len(found) == 15_000
    assert found[0].start == article.paragraphs[0].start
    assert found[-1].end == article.paragraphs[0].end


def test_word_spans_of_a_long_sentence_do_not_depend_on_the_clock(tiny_limit):
    sentence = "word " * 200_000  # one sentence, no full stop: a 1 MB paste without punctuation
    assert len(word_spans(sentence)) == 200_000
