"""Sentences and words with character spans, from NLTK parts that need no downloaded data.

Sentences come from a Punkt tokenizer built with our own abbreviation and sentence-starter
lists (data/lexicons/), run paragraph by paragraph so that no sentence crosses a paragraph
break. Words come from a regular-expression tokenizer that reports spans.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import pandas as pd
from nltk.tokenize import RegexpTokenizer
from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer

from helpers.article import Article
from helpers.lexicons import lexicon

# U.S. / U.K. style initialisms; words with inner hyphens or apostrophes (won't) and numbers
# such as 1,000 or 3.5; a possessive 's on its own (Putin's -> Putin + 's); then any other
# single visible character (punctuation).
WORD_PATTERN = r"(?:[^\W\d_]\.){2,}|\w+(?:[-.,]\w+|['’](?![sS]\b)\w+)*|['’][sS]\b|[^\w\s]"
_WORDS = RegexpTokenizer(WORD_PATTERN)


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


@lru_cache(maxsize=1)
def sentence_tokenizer() -> PunktSentenceTokenizer:
    """Punkt with our abbreviations (lower case, no final period) and frequent sentence starters."""
    params = PunktParameters()
    params.abbrev_types = {a.lower().rstrip(".") for a in lexicon("abbreviations")}
    params.sent_starters = {w.lower() for w in lexicon("sentence_starters")}
    return PunktSentenceTokenizer(params)


# NLTK runs Punkt's regular expressions under a wall-clock limit (5 s), so on a very long
# paragraph the result would depend on the machine's load. Longer texts are fed to Punkt in
# windows of this many characters; see punkt_spans.
PUNKT_WINDOW = 10_000


def punkt_spans(text: str, window: int = PUNKT_WINDOW) -> list[tuple[int, int]]:
    """Punkt's sentence spans of ``text``, never giving Punkt more than ``window`` characters.

    Text up to ``window`` goes to Punkt whole. Longer text is read window by window: the
    sentences Punkt finds in a window that end well before the window's end are kept, and the
    next window starts where the next sentence starts, so each boundary is Punkt's own
    decision with the same text on both sides. A single sentence longer than the window is cut
    at its last space inside it (or at the window's end when it has none)."""
    punkt = sentence_tokenizer()
    if len(text) <= window:
        return list(punkt.span_tokenize(text))
    out: list[tuple[int, int]] = []
    pos = 0
    while pos < len(text):
        if len(text) - pos <= window:
            out.extend((pos + s, pos + e) for s, e in punkt.span_tokenize(text[pos:]))
            break
        chunk = text[pos : pos + window]
        spans = list(punkt.span_tokenize(chunk))
        # Punkt decides a boundary from the tokens after it: near the window's end it lacks
        # them, so only boundaries well before the end are kept
        margin = min(1000, window // 4)
        kept = [span for span in spans[:-1] if span[1] <= len(chunk) - margin]
        if not kept and len(spans) > 1:  # a long first sentence: look a little further
            chunk = text[pos : pos + window + 2 * margin]
            spans = list(punkt.span_tokenize(chunk))
            kept = spans[:1] if len(spans) > 1 and spans[0][1] <= len(chunk) - margin else []
        if kept:
            out.extend((pos + s, pos + e) for s, e in kept)
            pos += spans[len(kept)][0]
            continue
        chunk = text[pos : pos + window]
        spans = spans[:1]
        first = spans[0][0] if spans else len(chunk)
        cut = len(chunk)
        for i in range(len(chunk) - 1, first, -1):
            if chunk[i].isspace():
                cut = i
                break
        end = cut
        while end > first and chunk[end - 1].isspace():
            end -= 1
        if end > first:
            out.append((pos + first, pos + end))
        pos += cut
        while pos < len(text) and text[pos].isspace():
            pos += 1
    return out


def sentences(article: Article, include_headings: bool = False) -> list[Sentence]:
    """The article's sentences, paragraph by paragraph (headline and subheadings on request)."""
    out: list[Sentence] = []
    for block in article.blocks:
        if block.kind != "paragraph" and not include_headings:
            continue
        par = block.index if block.kind == "paragraph" else 0
        for s, e in punkt_spans(block.text):
            start, end = block.start + s, block.start + e
            out.append(Sentence(len(out), par, block.kind, start, end, article.text[start:end]))
    return out


def word_spans(text: str) -> list[tuple[int, int]]:
    """Spans of word and punctuation tokens in a string."""
    return list(_WORDS.span_tokenize(text))


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
