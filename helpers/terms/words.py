"""The most frequent words of an article, without stopwords and numbers."""

from __future__ import annotations

from collections import Counter

import numpy as np
import pandas as pd

from helpers.article import Article
from helpers.terms.index import BLOCK_KINDS, Stoplist, resolve_stopwords, term_index
from helpers.terms.table import most_common


def _is_number(form: str) -> bool:
    return form.replace(",", "").replace(".", "").isdigit()


def word_frequencies(
    article: Article, n: int = 20, stop: Stoplist = None, include_headings: bool = True
) -> pd.DataFrame:
    """The n most frequent words without stopwords and numbers: word (most used form), count.

    Words are counted case-folded (apostrophes folded too) and shown in their most used form;
    the headline and subheadings count, as they do for terms. ``stop`` may be a word
    collection or a lexicon file.
    """
    index = term_index(article)
    stop_key = index.stop_mask(resolve_stopwords(stop))
    numbers = np.fromiter(map(_is_number, index.forms), bool, len(index.forms))
    counted = index.form_word & ~stop_key[index.form_key] & ~numbers
    tokens = counted[index.surface]
    if not include_headings:
        tokens &= index.block(np.arange(index.n_tokens)) == BLOCK_KINDS.index("paragraph")
    per_form = np.bincount(index.surface[tokens], minlength=len(index.forms))
    per_key = np.zeros(len(index.keys), np.int64)
    np.add.at(per_key, index.form_key, per_form)
    seen = np.flatnonzero(per_key)
    ranked = sorted(
        ((index.keys[k], int(per_key[k]), int(k)) for k in seen), key=lambda r: (-r[1], r[0])
    )[:n]
    rows = []
    for _, count, k in ranked:
        forms = np.flatnonzero((index.form_key == k) & (per_form > 0))
        rows.append(
            {
                "word": most_common(Counter({index.forms[f]: int(per_form[f]) for f in forms})),
                "count": count,
            }
        )
    return pd.DataFrame(rows, columns=["word", "count"])
