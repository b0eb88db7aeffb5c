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
from array import array
from dataclasses import dataclass

import numpy as np
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


def _sentence_spans(article: Article, include_headings: bool):
    """(paragraph, block kind, start, end) of each sentence in reading order, without copying
    its text."""
    from helpers.statements.lexicon import lexicons
    from helpers.statements.sentences import paragraph_sentences

    lex = lexicons()
    for block in article.blocks:
        if block.kind != "paragraph" and not include_headings:
            continue
        par = block.index if block.kind == "paragraph" else 0
        for s, e in paragraph_sentences(block.text, lex):
            yield par, block.kind, block.start + s, block.start + e


def sentences(article: Article, include_headings: bool = False) -> list[Sentence]:
    """The article's sentences, paragraph by paragraph (headline and subheadings on request)."""
    text = article.text
    return [
        Sentence(i, par, kind, start, end, text[start:end])
        for i, (par, kind, start, end) in enumerate(_sentence_spans(article, include_headings))
    ]


def word_spans(text: str) -> list[tuple[int, int]]:
    """Spans of word and punctuation tokens in a string."""
    return [m.span() for m in _WORDS.finditer(text)]


def tokens(article: Article, include_headings: bool = False) -> list[Token]:
    """Every token of the article's sentences, with offsets into the article file."""
    text = article.text
    finditer = _WORDS.finditer
    out: list[Token] = []
    for i, (par, _, start, end) in enumerate(_sentence_spans(article, include_headings)):
        # a pattern searched from start to end sees the same as one searched in the slice
        # text[start:end]: it looks behind nowhere, and its one look-ahead stops at end
        out.extend(Token(m.group(), m.start(), m.end(), i, par) for m in finditer(text, start, end))
    return out


@dataclass
class TokenColumns:
    """The tokens of ``tokens()`` as columns, for long texts: no object per token.

    ``surface[i]`` is the id of token i's text in ``forms`` (each distinct text once);
    sentence j holds the tokens from ``sentence_first[j]`` up to the next sentence's first.
    """

    start: np.ndarray  # per token: offset of its first character in the article text
    surface: np.ndarray  # per token: index into forms
    forms: list[str]
    sentence_first: np.ndarray  # per sentence: its first token
    sentence_paragraph: np.ndarray  # per sentence: paragraph number, 0 in headings


def _intern(words: list[str], ids: dict[str, int]) -> list[int]:
    """The id of each word in ids, new words numbered on."""
    found = [ids.get(w) for w in words]
    if None in found:
        for i, w in enumerate(words):
            if found[i] is None:
                found[i] = ids.setdefault(w, len(ids))
    return found


def token_columns(article: Article, include_headings: bool = False) -> TokenColumns:
    """The article's tokens (as ``tokens()`` gives them) in integer columns."""
    text = article.text
    wide = len(text) >= 2**31
    starts, surface = array("q" if wide else "i"), array("i")
    firsts, paragraphs = array("q"), array("i")
    ids: dict[str, int] = {}
    finditer = _WORDS.finditer
    for par, _, start, end in _sentence_spans(article, include_headings):
        firsts.append(len(surface))
        paragraphs.append(par)
        found = list(finditer(text, start, end))
        starts.extend([m.start() for m in found])
        surface.extend(_intern([m.group() for m in found], ids))
    return TokenColumns(
        np.frombuffer(starts, np.int64 if wide else np.int32),
        np.frombuffer(surface, np.int32),
        list(ids),
        np.frombuffer(firsts, np.int64),
        np.frombuffer(paragraphs, np.int32),
    )


SENTENCE_COLUMNS = ["sentence", "paragraph", "block", "start", "end", "words", "text"]


def sentence_table(article: Article, include_headings: bool = False) -> pd.DataFrame:
    """One row per sentence: number, paragraph, offsets, length in words, text."""
    text = article.text
    columns: dict[str, list] = {name: [] for name in SENTENCE_COLUMNS}
    for i, (par, kind, start, end) in enumerate(_sentence_spans(article, include_headings)):
        words = sum(1 for m in _WORDS.finditer(text, start, end) if is_word(m.group()))
        for name, value in zip(
            SENTENCE_COLUMNS, (i + 1, par, kind, start, end, words, text[start:end]), strict=True
        ):
            columns[name].append(value)
    if not columns["sentence"]:
        return pd.DataFrame([], columns=SENTENCE_COLUMNS)
    return pd.DataFrame(columns, columns=SENTENCE_COLUMNS)


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
    return any(map(str.isalnum, token))


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
