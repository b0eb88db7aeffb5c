"""The token index of one article: its tokens as integer columns, built once and reused.

Every token (headline and subheadings included) has a surface id (its text as written) and
a key id (the counting key: lower case, apostrophes straight). A *run* is an unbroken stretch
of word tokens inside one sentence: punctuation and sentence ends break runs, and no n-gram
crosses a break. Nothing here holds a Python object per token, so a 20 MB article fits in a
few times its size.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import numpy as np

from helpers.article import Article, ArticleError
from helpers.lexicons import read_lexicon
from helpers.paths import display_path
from helpers.tokens import is_word, stopwords, token_columns

_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'"})
BLOCK_KINDS = ("headline", "subheading", "paragraph")

Stoplist = Iterable[str] | str | Path | None


def fold(word: str) -> str:
    """The counting key of a token: lower case, every apostrophe made straight."""
    return word.translate(_APOSTROPHES).lower()


def fold_all(words: list[str]) -> list[str]:
    """``fold`` of each word, in one pass over them joined by line breaks (no token holds one,
    and a line break is neither cased nor case-ignorable, so a final sigma folds as alone)."""
    folded = "\n".join(words).translate(_APOSTROPHES).lower().split("\n")
    if len(folded) != len(words):  # a word with a line break in it
        return [fold(w) for w in words]
    return folded


@cache
def _our_stopwords() -> frozenset[str]:
    return frozenset(fold(w) for w in stopwords())


def resolve_stopwords(stop: Stoplist = None) -> frozenset[str]:
    """The stopword set to use: ours by default, a collection of words, or a lexicon file."""
    if stop is None:
        return _our_stopwords()
    if isinstance(stop, str | Path):
        path = Path(stop)
        if not path.is_file():
            raise ArticleError(
                f"{display_path(path)} is not a stopword file — give a text file with one "
                "word a line ('#' starts a comment), or leave it out to use ours"
            )
        try:
            return frozenset(fold(w) for w in read_lexicon(path))
        except UnicodeDecodeError as exc:
            raise ArticleError(
                f"{display_path(path)} is not UTF-8 text (byte {exc.object[exc.start]:#04x} at "
                f"position {exc.start}) — save the stopword list as UTF-8"
            ) from None
        except OSError as exc:
            raise ArticleError(
                f"{display_path(path)} cannot be read ({exc.strerror}) — check its permissions"
            ) from None
    return frozenset(fold(w) for w in stop)


@dataclass
class TermIndex:
    text: str
    start: np.ndarray  # per token: offset of its first character
    surface: np.ndarray  # per token: id of its text in forms
    key: np.ndarray  # per token: id of its counting key in keys
    forms: list[str]  # token texts by surface id
    keys: list[str]  # counting keys by key id
    key_ids: dict[str, int]
    form_key: np.ndarray  # per surface id: its key id
    form_len: np.ndarray  # per surface id: its length in characters
    form_word: np.ndarray  # per surface id: is it a word (has a letter or digit)?
    link: np.ndarray  # per token: it and the next token are in one run of words
    sentence_first: np.ndarray  # per sentence: its first token
    sentence_paragraph: np.ndarray  # per sentence: paragraph number (0 in headings)
    block_starts: np.ndarray  # sorted start offsets of the article's blocks ...
    block_kinds: np.ndarray  # ... and the kind of each (an index into BLOCK_KINDS)
    n_words: int
    lazy: dict = field(default_factory=dict)  # arrays derived on first use
    tables: dict = field(default_factory=dict)  # term rows by their arguments

    @property
    def n_tokens(self) -> int:
        return len(self.key)

    def end(self, tok) -> np.ndarray:
        """End offsets of the tokens at positions tok."""
        return self.start[tok] + self.form_len[self.surface[tok]]

    def word_mask(self) -> np.ndarray:
        if "word" not in self.lazy:
            self.lazy["word"] = self.form_word[self.surface]
        return self.lazy["word"]

    def word_number(self, tok) -> np.ndarray:
        """Position among the article's words of the tokens at tok (-1 for punctuation)."""
        if "before" not in self.lazy:
            self.lazy["before"] = np.cumsum(self.word_mask(), dtype=np.int64) - 1
        return np.where(self.word_mask()[tok], self.lazy["before"][tok], -1)

    def paragraph(self, tok) -> np.ndarray:
        sentence = np.searchsorted(self.sentence_first, tok, side="right") - 1
        return self.sentence_paragraph[sentence]

    def block(self, tok) -> np.ndarray:
        """Block kind code (index into BLOCK_KINDS) of the tokens at tok: the kind of the
        last block that starts at or before the token."""
        if len(self.block_starts) == 0:
            return np.full(np.shape(tok), BLOCK_KINDS.index("paragraph"), np.int8)
        at = np.searchsorted(self.block_starts, self.start[tok], side="right") - 1
        return self.block_kinds[np.maximum(at, 0)]

    def run_start(self, tok) -> np.ndarray:
        """The first token of the run of words each token at tok belongs to."""
        if "run_starts" not in self.lazy:
            word = self.word_mask()
            follows = np.zeros(len(word), bool)
            follows[1:] = self.link[:-1]
            self.lazy["run_starts"] = np.flatnonzero(word & ~follows)
        starts = self.lazy["run_starts"]
        return starts[np.searchsorted(starts, tok, side="right") - 1]

    def gram_starts(self, n: int) -> np.ndarray:
        """A boolean per token: an n-gram of words starts here (n tokens in one run). A new
        array the caller may change."""
        cache = self.lazy.setdefault("gram_starts", {})
        if n not in cache:
            ok = np.ones(max(self.n_tokens - n + 1, 0), bool)
            for j in range(n - 1):
                ok &= self.link[j : j + len(ok)]
            cache[n] = ok
        return cache[n].copy()

    def gram_positions(self, n: int) -> np.ndarray:
        """The tokens where an n-gram of words starts (not to be changed)."""
        cache = self.lazy.setdefault("gram_positions", {})
        if n not in cache:
            cache[n] = np.flatnonzero(self.gram_starts(n))
        return cache[n]

    def stop_mask(self, stopset: frozenset[str]) -> np.ndarray:
        """A boolean per key id: is it a stopword?"""
        cache = self.lazy.setdefault("stop", {})
        if stopset not in cache:
            cache.clear()
            cache[stopset] = np.fromiter(map(stopset.__contains__, self.keys), bool, len(self.keys))
        return cache[stopset]

    def word_counts(self) -> np.ndarray:
        """Per key id: how often it occurs as a word (NLTK's word_fd)."""
        if "word_fd" not in self.lazy:
            words = self.key[self.word_mask()]
            self.lazy["word_fd"] = np.bincount(words, minlength=len(self.keys))
        return self.lazy["word_fd"]


_CACHE: list = [None, None, None]  # article, its text, its index


def clear_cache() -> None:
    """Forget the last article's token index (benchmarks use this to time a cold start)."""
    _CACHE[:] = [None, None, None]


def term_index(article: Article) -> TermIndex:
    """The token index of the article (the last article's is kept)."""
    if _CACHE[0] is article and _CACHE[1] is article.text:
        return _CACHE[2]
    cols = token_columns(article, include_headings=True)
    folded = fold_all(cols.forms)
    key_ids = {k: i for i, k in enumerate(dict.fromkeys(folded))}
    form_key = np.fromiter(map(key_ids.__getitem__, folded), np.int32, len(folded))
    # most forms are all letters or digits: str.isalnum answers for them at once
    form_word = np.fromiter((f.isalnum() or is_word(f) for f in cols.forms), bool, len(cols.forms))
    word = form_word[cols.surface]
    first = np.zeros(len(word), bool)
    first[cols.sentence_first[cols.sentence_first < len(word)]] = True
    link = np.zeros(len(word), bool)
    link[:-1] = word[:-1] & word[1:] & ~first[1:]
    order = sorted(range(len(article.blocks)), key=lambda i: article.blocks[i].start)
    kind_at = {article.blocks[i].start: article.blocks[i].kind for i in order}  # last one wins
    index = TermIndex(
        text=article.text,
        start=cols.start,
        surface=cols.surface,
        key=form_key[cols.surface],
        forms=cols.forms,
        keys=list(key_ids),
        key_ids=key_ids,
        form_key=form_key,
        form_len=np.fromiter(map(len, cols.forms), np.int64, len(cols.forms)),
        form_word=form_word,
        link=link,
        sentence_first=cols.sentence_first,
        sentence_paragraph=cols.sentence_paragraph,
        block_starts=np.array(sorted(kind_at), np.int64),
        block_kinds=np.array([BLOCK_KINDS.index(kind_at[s]) for s in sorted(kind_at)], np.int8),
        n_words=int(word.sum()),
    )
    index.lazy["word"] = word
    _CACHE[:] = [article, article.text, index]
    return index
