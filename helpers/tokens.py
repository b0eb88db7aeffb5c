"""Sentences and words with character spans, from NLTK parts that need no downloaded data.

Sentences come from the kit's one sentence splitter, the statement extractor's own
(helpers/statements/sentences.py): a full stop, question or exclamation mark before a capital
ends a sentence, except after an abbreviation or initial from data/lexicons/ (unless a word
that usually starts a sentence follows), and never inside a quotation. It runs paragraph by
paragraph so that no sentence crosses a paragraph break. Words come from a
regular-expression tokenizer that reports spans.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pandas as pd

from helpers.article import Article
from helpers.lexicons import lexicon

# U.S. / U.K. style initialisms; words with inner hyphens or apostrophes (won't) and numbers
# such as 1,000 or 3.5; a possessive 's on its own (Putin's -> Putin + 's); then any other
# single visible character (punctuation).
WORD_PATTERN = r"(?:[^\W\d_]\.){2,}|\w+(?:[-.,]\w+|['’](?![sS]\b)\w+)*|['’][sS]\b|[^\w\s]"
# Python's re, not NLTK's RegexpTokenizer: NLTK runs its patterns under a wall-clock limit, and
# no result of the kit may depend on the clock
_WORDS = re.compile(WORD_PATTERN, re.UNICODE | re.MULTILINE | re.DOTALL)


@dataclass(frozen=True)
class Sentence:
    index: int  # 0-based through the article
    paragraph: int  # paragraph number (1-based); 0 for the headline and subheadings
    block: str  # "headline", "subheading" or "paragraph"
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Token:
    text: str
    start: int
    end: int
    sentence: int
    paragraph: int

    @property
    def is_word(self) -> bool:
        return is_word(self.text)


def sentences(article: Article, include_headings: bool = False) -> list[Sentence]:
    """The article's sentences, paragraph by paragraph (headline and subheadings on request)."""
    from helpers.statements.lexicon import lexicons
    from helpers.statements.sentences import paragraph_sentences

    lex = lexicons()
    out: list[Sentence] = []
    for block in article.blocks:
        if block.kind != "paragraph" and not include_headings:
            continue
        par = block.index if block.kind == "paragraph" else 0
        for s, e in paragraph_sentences(block.text, lex):
            start, end = block.start + s, block.start + e
            out.append(Sentence(len(out), par, block.kind, start, end, article.text[start:end]))
    return out


def word_spans(text: str) -> list[tuple[int, int]]:
    """Spans of word and punctuation tokens in a string."""
    return [m.span() for m in _WORDS.finditer(text)]


def tokens(article: Article, include_headings: bool = False) -> list[Token]:
    """Every token of the article's sentences, with offsets into the article file."""
    out: list[Token] = []
    for sent in sentences(article, include_headings):
        for s, e in word_spans(sent.text):
            start, end = sent.start + s, sent.start + e
            out.append(Token(article.text[start:end], start, end, sent.index, sent.paragraph))
    return out


def sentence_table(article: Article, include_headings: bool = False) -> pd.DataFrame:
    """One row per sentence: number, paragraph, offsets, length in words, text."""
    rows = []
    for sent in sentences(article, include_headings):
        n_words = sum(1 for s, e in word_spans(sent.text) if is_word(sent.text[s:e]))
        rows.append(
            {
                "sentence": sent.index + 1,
                "paragraph": sent.paragraph,
                "block": sent.block,
                "start": sent.start,
                "end": sent.end,
                "words": n_words,
                "text": sent.text,
            }
        )
    return pd.DataFrame(
        rows, columns=["sentence", "paragraph", "block", "start", "end", "words", "text"]
    )


def token_table(article: Article, include_headings: bool = False) -> pd.DataFrame:
    """One row per token: text, lower-cased form, offsets, sentence, paragraph, is_word."""
    toks = tokens(article, include_headings)
    return pd.DataFrame(
        {
            "token": [t.text for t in toks],
            "lower": [t.text.lower() for t in toks],
            "start": [t.start for t in toks],
            "end": [t.end for t in toks],
            "sentence": [t.sentence + 1 for t in toks],
            "paragraph": [t.paragraph for t in toks],
            "is_word": [t.is_word for t in toks],
        }
    )


def is_word(token: str) -> bool:
    """A word token has a letter or digit; punctuation tokens do not count as words."""
    return any(ch.isalnum() for ch in token)


def stopwords() -> frozenset[str]:
    """Our stopword list (data/lexicons/stopwords.txt), lower-cased."""
    return frozenset(w.lower() for w in lexicon("stopwords"))


def counts(article: Article) -> dict[str, float]:
    """Headline figures: paragraphs, sentences, words, distinct words, type-token ratio."""
    words = [t.text.lower() for t in tokens(article) if t.is_word]
    distinct = len(set(words))
    return {
        "paragraphs": len(article.paragraphs),
        "subheadings": len(article.subheadings),
        "sentences": len(sentences(article)),
        "words": len(words),
        "distinct words": distinct,
        "type-token ratio": round(distinct / len(words), 3) if words else 0.0,
    }
